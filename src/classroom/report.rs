//! The class debrief as files to hand out: CSV rows and a self-contained HTML page, like the
//! single-trainee debrief's exports.

use std::fmt::Write as _;

use super::ClassDebrief;
use crate::csv_text::csv_field;
use crate::training::debrief::html_escape;

pub fn to_csv(d: &ClassDebrief) -> String {
    let mut out = String::from("section,number,name,expected,decided,share_right,correct,missed,false_alarms,mean_seconds,teaching_note\n");
    for t in &d.travellers {
        let _ = writeln!(
            out,
            "traveller,{},{},{},{},{:.2},,,,,{}",
            t.number,
            csv_field(&t.id),
            t.expected.label(),
            t.decided,
            t.share_right,
            csv_field(&t.teaching_note)
        );
    }
    for r in &d.trainees {
        let _ = writeln!(
            out,
            "trainee,,{},,{},,{},{},{},{:.1},",
            csv_field(&r.name),
            r.decided,
            r.correct,
            r.missed,
            r.false_alarms,
            r.mean_seconds
        );
    }
    out
}

pub fn to_html(d: &ClassDebrief) -> String {
    let mut out = format!(
        "<!doctype html><html><head><meta charset=\"utf-8\"><title>Class debrief — {0}</title>\
         <style>body{{font-family:sans-serif;margin:2em}}table{{border-collapse:collapse;margin-bottom:2em}}\
         td,th{{border:1px solid #999;padding:4px 8px;text-align:left}}.low{{background:#fdd}}</style></head><body>\
         <h1>Class debrief — {0}</h1><h2>Travellers, hardest first</h2><table><tr><th>#</th><th>Traveller</th>\
         <th>Expected</th><th>Decided by</th><th>Decided right</th><th>Teaching note</th></tr>",
        html_escape(&d.title)
    );
    for t in &d.travellers {
        let _ = write!(
            out,
            "<tr class=\"{}\"><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{:.0}%</td><td>{}</td></tr>",
            if t.share_right < 0.5 { "low" } else { "" },
            t.number,
            html_escape(&t.id),
            t.expected.label(),
            t.decided,
            t.share_right * 100.0,
            html_escape(&t.teaching_note)
        );
    }
    out.push_str("</table><h2>Trainees</h2><table><tr><th>Officer</th><th>Decided</th><th>Correct</th><th>Missed threats</th><th>False alarms</th><th>Mean time</th></tr>");
    for r in &d.trainees {
        let _ = write!(
            out,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{:.0} s</td></tr>",
            html_escape(&r.name),
            r.decided,
            r.correct,
            r.missed,
            r.false_alarms,
            r.mean_seconds
        );
    }
    out.push_str("</table></body></html>\n");
    out
}
