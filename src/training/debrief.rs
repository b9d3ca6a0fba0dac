//! The debrief: expected vs actual per traveller, the totals trainers look at, and exports
//! (a self-contained HTML report to hand out, and CSV rows).

use std::fmt::Write as _;

use serde::Serialize;

use crate::csv_text::csv_field;

use crate::audit::Decision;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DebriefRow {
    pub number: usize,
    pub id: String,
    pub cover_story: String,
    pub expected: Decision,
    pub actual: Option<Decision>,
    pub seconds: f64,
    pub expected_hits: Vec<String>,
    pub hits_available: Vec<String>,
    pub hits_opened: Vec<String>,
    pub confirmation_requested: bool,
    pub remark: String,
    pub teaching_note: String,
    pub incidents: Vec<String>,
    pub skipped: bool,
    /// Other decisions the scenario accepts as right, with why.
    pub also_accepted: Vec<(Decision, String)>,
    /// A hit that needs its owning country's confirmation was found for this traveller.
    pub needs_confirmation: bool,
    /// Called to the desk before the exercise ended; the rest are "not reached", counted apart.
    pub reached: bool,
}

impl DebriefRow {
    pub fn correct(&self) -> bool {
        self.actual.is_some_and(|a| a == self.expected || self.also_accepted.iter().any(|(d, _)| *d == a))
    }

    /// A threat let through: the traveller should have been stopped and was admitted (or
    /// skipped). A traveller never reached is neither missed nor wrong.
    pub fn missed_threat(&self) -> bool {
        self.reached && !self.correct() && self.expected != Decision::Admit && matches!(self.actual, Some(Decision::Admit) | None)
    }

    /// A clean traveller stopped.
    pub fn false_alarm(&self) -> bool {
        self.reached && !self.correct() && self.expected == Decision::Admit && matches!(self.actual, Some(d) if d != Decision::Admit)
    }

    /// Detained on a hit that needs its owning country's confirmation without asking for it
    /// (a national warrant is the post's own and needs none).
    pub fn detained_unconfirmed(&self) -> bool {
        self.actual == Some(Decision::Detain) && self.needs_confirmation && !self.confirmation_requested
    }

    pub fn expected_hits_found(&self) -> usize {
        self.expected_hits.iter().filter(|h| self.hits_available.contains(h)).count()
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Totals {
    pub travellers: usize,
    pub decided: usize,
    pub correct: usize,
    pub missed_threats: usize,
    pub false_alarms: usize,
    pub detained_unconfirmed: usize,
    /// Travellers never called because the exercise ended early.
    pub not_reached: usize,
    pub mean_seconds: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Debrief {
    pub title: String,
    pub rows: Vec<DebriefRow>,
    /// The pre-arrival phase, when the scenario had one.
    pub pre_arrival: Option<super::PreArrivalScore>,
}

pub(crate) fn html_escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

impl Debrief {
    pub fn totals(&self) -> Totals {
        let decided: Vec<&DebriefRow> = self.rows.iter().filter(|r| r.actual.is_some()).collect();
        Totals {
            travellers: self.rows.len(),
            decided: decided.len(),
            correct: self.rows.iter().filter(|r| r.correct()).count(),
            missed_threats: self.rows.iter().filter(|r| r.missed_threat()).count(),
            false_alarms: self.rows.iter().filter(|r| r.false_alarm()).count(),
            detained_unconfirmed: self.rows.iter().filter(|r| r.detained_unconfirmed()).count(),
            not_reached: self.rows.iter().filter(|r| !r.reached).count(),
            mean_seconds: if decided.is_empty() { 0.0 } else { decided.iter().map(|r| r.seconds).sum::<f64>() / decided.len() as f64 },
        }
    }

    /// Targets (expected decision other than Admit) and how many were stopped at the desk
    /// (any decision but Admit).
    pub fn stopped_at_desk(&self) -> (usize, usize) {
        let targets: Vec<&DebriefRow> = self.rows.iter().filter(|r| r.expected != Decision::Admit).collect();
        let stopped = targets.iter().filter(|r| r.actual.is_some_and(|d| d != Decision::Admit)).count();
        (stopped, targets.len())
    }

    /// The pre-arrival lines of the debrief: before landing, then at the desk.
    pub fn pre_arrival_summary(&self) -> Option<[String; 2]> {
        let p = self.pre_arrival.as_ref()?;
        let (stopped, targets) = self.stopped_at_desk();
        Some([
            format!(
                "Before landing (flight {}, {} travellers): {}/{} targets marked to stop, {} false mark(s){}",
                p.flight,
                p.travellers,
                p.found.len(),
                p.targets(),
                p.false_marks.len(),
                if p.missed.is_empty() { String::new() } else { format!("; missed {}", p.missed.join(", ")) }
            ),
            format!("At the desk: {stopped}/{targets} targets stopped"),
        ])
    }

    pub fn to_csv(&self) -> String {
        let mut out = String::from(
            "number,traveller,expected,actual,correct,seconds,expected_hits,hits_found,hits_opened,confirmation_requested,remark\n",
        );
        for r in &self.rows {
            let _ = writeln!(
                out,
                "{},{},{},{},{},{:.1},{},{},{},{},{}",
                r.number,
                csv_field(&r.id),
                r.expected.label(),
                r.actual.map_or("", Decision::label),
                r.correct(),
                r.seconds,
                csv_field(&r.expected_hits.join(" ")),
                r.expected_hits_found(),
                csv_field(&r.hits_opened.join(" ")),
                r.confirmation_requested,
                csv_field(&r.remark)
            );
        }
        if let Some(p) = &self.pre_arrival {
            let (stopped, targets) = self.stopped_at_desk();
            out.push_str("\npre_arrival_flight,travellers,targets,marked_targets,missed,false_marks,stopped_at_desk,desk_targets\n");
            let _ = writeln!(
                out,
                "{},{},{},{},{},{},{stopped},{targets}",
                csv_field(&p.flight),
                p.travellers,
                p.targets(),
                p.found.len(),
                csv_field(&p.missed.join("; ")),
                csv_field(&p.false_marks.join("; "))
            );
        }
        out
    }

    /// One HTML file with inline styles and an inline SVG chart: nothing to fetch.
    pub fn to_html(&self) -> String {
        let t = self.totals();
        let mut h = String::new();
        let _ = write!(
            h,
            "<!doctype html><html><head><meta charset=\"utf-8\"><title>Debrief — {title}</title>\
             <style>body{{font-family:sans-serif;margin:2em;color:#222}}table{{border-collapse:collapse;width:100%}}\
             td,th{{border:1px solid #bbb;padding:4px 6px;font-size:13px;vertical-align:top}}th{{background:#eee}}\
             .ok{{background:#e3f6e3}}.bad{{background:#fde2e2}}.note{{color:#555;font-size:12px}}</style></head><body>\
             <h1>Debrief — {title}</h1><p>Synthetic training exercise. No real person.</p>\
             <p><b>{correct}/{n}</b> correct decisions · <b>{missed}</b> missed threat(s) · <b>{fa}</b> false alarm(s) · \
             <b>{du}</b> detention(s) without confirmation · mean time <b>{mean:.1} s</b></p>",
            title = html_escape(&self.title),
            correct = t.correct,
            n = t.travellers,
            missed = t.missed_threats,
            fa = t.false_alarms,
            du = t.detained_unconfirmed,
            mean = t.mean_seconds
        );
        if let Some([before, desk]) = self.pre_arrival_summary() {
            let _ = write!(h, "<h2>Pre-arrival</h2><p>{}</p><p>{}</p>", html_escape(&before), html_escape(&desk));
            if let Some(p) = self.pre_arrival.as_ref().filter(|p| !p.false_marks.is_empty()) {
                let _ = write!(h, "<p class=\"note\">Marked but not a target: {}</p>", html_escape(&p.false_marks.join(", ")));
            }
        }
        let max = self.rows.iter().map(|r| r.seconds).fold(1.0f64, f64::max);
        let (bar_w, chart_h) = (28usize, 140.0f64);
        let _ = write!(
            h,
            "<h2>Time per traveller</h2><svg width=\"{}\" height=\"{}\" role=\"img\" aria-label=\"seconds per traveller\">",
            self.rows.len() * (bar_w + 6) + 10,
            chart_h as usize + 30
        );
        for (i, r) in self.rows.iter().enumerate() {
            let bh = (r.seconds / max * chart_h).max(1.0);
            let x = 5 + i * (bar_w + 6);
            let colour = if r.correct() { "#4a9d5b" } else { "#c94040" };
            let _ = write!(
                h,
                "<rect x=\"{x}\" y=\"{:.1}\" width=\"{bar_w}\" height=\"{bh:.1}\" fill=\"{colour}\"><title>{}: {:.1} s</title></rect><text x=\"{}\" y=\"{}\" font-size=\"11\" text-anchor=\"middle\">{}</text>",
                chart_h - bh + 5.0,
                html_escape(&r.id),
                r.seconds,
                x + bar_w / 2,
                chart_h as usize + 20,
                r.number
            );
        }
        h.push_str("</svg><h2>Travellers</h2><table><tr><th>#</th><th>Traveller</th><th>Expected</th><th>Decision</th><th>Time</th><th>Hits to find</th><th>Found / opened</th><th>Confirmation asked</th><th>Incidents</th><th>Remark</th><th>Teaching note</th></tr>");
        for r in &self.rows {
            let class = if r.correct() { "ok" } else { "bad" };
            let _ = write!(
                h,
                "<tr class=\"{class}\"><td>{}</td><td>{}<div class=\"note\">{}</div></td><td>{}</td><td>{}</td><td>{:.1} s</td><td>{}</td><td>{} / {}</td><td>{}</td><td>{}</td><td>{}</td><td class=\"note\">{}</td></tr>",
                r.number,
                html_escape(&r.id),
                html_escape(&r.cover_story),
                r.expected.label(),
                r.actual.map_or(if r.skipped { "skipped" } else { "—" }, Decision::label),
                r.seconds,
                html_escape(&r.expected_hits.join(", ")),
                r.expected_hits_found(),
                r.hits_opened.len(),
                if r.confirmation_requested { "yes" } else { "no" },
                html_escape(&r.incidents.join(", ")),
                html_escape(&r.remark),
                html_escape(&r.teaching_note)
            );
        }
        h.push_str("</table></body></html>\n");
        h
    }
}
