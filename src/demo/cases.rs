//! The guided cases of a demo: what to enter, what the audience should notice, and the expected
//! top hit. A dataset carries them (`demo_cases`, see docs/dataset-format.md); the built-in
//! demo's are the planted cases, which the demo generator writes into `sample_data/demo.ron`.
//! One list feeds the terminal's Cases panel, Play all, the handout, and the table in
//! `sample_data/README.md` (a test checks the README shows exactly `cases_markdown()`).

use std::fmt::Write as _;

use crate::query::input::QueryInput;

pub use crate::dataset::DemoCase;

/// The built-in demo's cases, as its dataset file carries them (written there from the planted
/// cases by `generate --demo`; a test checks the file is what the generator writes).
pub fn demo_cases() -> Vec<DemoCase> {
    crate::demo::demo_dataset().dataset.demo_cases
}

/// What to type for a case, as a presenter reads it out.
pub fn type_this(input: &QueryInput) -> String {
    let mut parts = Vec::new();
    if let Some(d) = &input.document {
        parts.push(format!("document `{}` `{}`", d.number, d.country));
    }
    if let Some(p) = &input.person {
        let mut s = format!("name `{}` `{}`", p.family_name, p.given_names);
        if !p.date_of_birth.is_empty() {
            let _ = write!(s, ", born `{}`", p.date_of_birth);
        }
        parts.push(s);
    }
    if let Some(v) = &input.vehicle {
        parts.push(format!("plate `{}`, VIN `{}`", v.plate, v.vin));
    }
    parts.join("; ")
}

fn expected(c: &DemoCase) -> String {
    match &c.expect {
        Some((db, record)) => format!("`{record}` ({db})"),
        None => "no hits in either database".into(),
    }
}

/// The README's table of cases.
pub fn cases_markdown(cases: &[DemoCase]) -> String {
    let mut out = String::from("| # | Case | Type this | Expected top hit |\n|---|------|-----------|------------------|\n");
    for c in cases {
        let _ = writeln!(out, "| {} | {} | {} | {} |", c.number, c.title, type_this(&c.input), expected(c));
    }
    out
}

fn esc(s: &str) -> String {
    crate::training::debrief::html_escape(s)
}

/// A self-contained page to print or mail after a session: every case, what to type, what to
/// notice, the expected result, and the terminal's own screenshot of the case where one was
/// taken (`shots`: case number → PNG bytes, embedded as data so the page needs no other file).
pub fn handout_html(cases: &[DemoCase], shots: &std::collections::BTreeMap<usize, Vec<u8>>) -> String {
    use base64::Engine as _;
    let mut out = String::from(
        "<!doctype html><html><head><meta charset=\"utf-8\"><title>Bordercheck — demo cases</title>\
         <style>body{font-family:sans-serif;margin:2em;max-width:60em}h2{margin-top:1.5em}code{background:#eee;padding:0 3px}\
         .exp{font-weight:bold}img{max-width:100%;border:1px solid #bbb}</style></head><body><h1>Bordercheck — the demo cases</h1>\
         <p>Synthetic data only: no real person, notice, document or vehicle.</p>",
    );
    for c in cases {
        let _ = write!(
            out,
            "<h2>{}. {}</h2><p>{}</p><p>Type: {}</p><p class=\"exp\">Expected: {}</p>",
            c.number,
            esc(&c.title),
            esc(&c.caption),
            esc(&type_this(&c.input).replace('`', "")),
            esc(&expected(c).replace('`', ""))
        );
        if let Some(png) = shots.get(&c.number) {
            let data = base64::engine::general_purpose::STANDARD.encode(png);
            let _ = write!(out, "<img alt=\"The terminal showing case {}\" src=\"data:image/png;base64,{data}\">", c.number);
        }
    }
    out.push_str("</body></html>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sample_readme_shows_exactly_the_demo_cases() {
        let readme = include_str!("../../sample_data/README.md");
        let table = cases_markdown(&demo_cases());
        assert!(readme.contains(&table), "sample_data/README.md must carry this table:\n{table}");
    }

    #[test]
    fn the_handout_has_every_case_and_escapes_text() {
        let cases = demo_cases();
        let mut shots = std::collections::BTreeMap::new();
        shots.insert(2, vec![0x89, b'P', b'N', b'G']);
        let html = handout_html(&cases, &shots);
        assert_eq!(html.matches("data:image/png;base64,").count(), 1, "one picture, for case 2");
        assert!(html.contains("alt=\"The terminal showing case 2\" src=\"data:image/png;base64,iVBORw==\""));
        for c in &cases {
            assert!(html.contains(&esc(&c.title)), "{}", c.title);
        }
        assert!(!html.contains("<script"));
    }
}
