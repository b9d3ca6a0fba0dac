//! The guided demo cases a dataset may carry (`demo_cases`): read with positions, each case's
//! input checked like a query, each expected top hit checked to exist in the dataset.

use super::file_format::DemoCaseRow;
use super::source_map::SourceMap;
use super::{Dataset, DemoCase, Problem, ProblemSeverity};

/// Problems placed at their case in the file. The line map is built on the first problem
/// only: a clean file (the usual case, and a national-scale one) never pays for it.
struct Placer<'t> {
    text: &'t str,
    file: &'t str,
    /// The line map, and where the `demo_cases` list starts.
    map: Option<(SourceMap<'t>, usize)>,
}

impl<'t> Placer<'t> {
    fn new(text: &'t str, file: &'t str) -> Self {
        Self { text, file, map: None }
    }

    /// An error at case `i` (0-based): at its `title`.
    fn problem(&mut self, i: usize, field: &str, message: String) -> Problem {
        let text = self.text;
        let (map, start) = self.map.get_or_insert_with(|| (SourceMap::new(text), text.find("demo_cases").unwrap_or(0)));
        let offset = text[*start..].match_indices("title").nth(i).map_or(*start, |(o, _)| *start + o);
        let (line, column) = map.position(offset);
        Problem {
            severity: ProblemSeverity::Error,
            file: self.file.to_owned(),
            line,
            column,
            record: Some(format!("demo case {}", i + 1)),
            field: Some(field.to_owned()),
            message,
        }
    }
}

/// The file's cases as the terminal shows them; a case whose input would not make a query is
/// an error naming the case and the field.
pub fn convert(rows: Vec<DemoCaseRow>, text: &str, file: &str) -> (Vec<DemoCase>, Vec<Problem>) {
    let mut problems = Vec::new();
    let mut at = Placer::new(text, file);
    let day = crate::document_reading::fixed_check_day();
    let cases = rows
        .into_iter()
        .enumerate()
        .map(|(i, row)| {
            let before = problems.len();
            let (filled, mrz) = crate::document_reading::fill_from_mrz(&row.enter, day);
            if let Some(Err(e)) = mrz {
                problems.push(at.problem(i, "enter.mrz", format!("unreadable MRZ: {e}")));
            }
            let (query, issues) = filled.to_query();
            for issue in issues {
                problems.push(at.problem(i, &format!("enter.{}", issue.field), issue.message));
            }
            if query.is_empty() && problems.len() == before {
                problems.push(at.problem(i, "enter", "the case enters nothing to query".into()));
            }
            if row.title.trim().is_empty() {
                problems.push(at.problem(i, "title", "a case needs a title".into()));
            }
            DemoCase {
                number: i + 1,
                title: row.title,
                caption: row.notice,
                input: row.enter,
                expect: row.expect.map(|e| (e.database, e.record)),
            }
        })
        .collect();
    (cases, problems)
}

/// Each expected top hit names a record of the dataset (sidecar records included).
pub fn check_expected(dataset: &Dataset, text: &str, file: &str) -> Vec<Problem> {
    let wanted: std::collections::HashSet<&str> =
        dataset.demo_cases.iter().filter_map(|c| c.expect.as_ref()).map(|(_, r)| r.as_str()).collect();
    if wanted.is_empty() {
        return Vec::new();
    }
    let found: std::collections::HashSet<&str> = super::load::all_ids(dataset).filter(|id| wanted.contains(id)).collect();
    let mut at = Placer::new(text, file);
    dataset
        .demo_cases
        .iter()
        .enumerate()
        .filter_map(|(i, c)| {
            let (_, record) = c.expect.as_ref()?;
            (!found.contains(record.as_str())).then(|| at.problem(i, "expect.record", format!("record {record:?} is not in this dataset")))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use crate::dataset::parse_dataset;

    const HEAD: &str = "#![enable(implicit_some)]\n(format: 1, name: \"cases\",\n national: (persons: [(id: \"NP-1\", family_name: \"KOVAC\", given_names: \"MILAN\", alert: DiscreetCheck)]),\n demo_cases: [\n";

    #[test]
    fn a_dataset_carries_its_cases_in_order() {
        let text = format!(
            "{HEAD}  (title: \"Watched\", notice: \"the hit\", enter: (person: (family_name: \"KOVAC\", given_names: \"MILAN\")), expect: (database: \"national_person\", record: \"NP-1\")),\n  (title: \"Clean\", enter: (person: (family_name: \"NOBODY\"))),\n ])"
        );
        let loaded = parse_dataset(&text, "d.ron", None).unwrap_or_else(|e| panic!("{e}"));
        let cases = &loaded.dataset.demo_cases;
        assert_eq!(cases.len(), 2);
        assert_eq!((cases[0].number, cases[0].caption.as_str()), (1, "the hit"));
        assert_eq!(cases[0].expect, Some(("national_person".to_owned(), "NP-1".to_owned())));
        assert_eq!(cases[1].expect, None);
    }

    #[test]
    fn a_bad_case_names_its_line_case_and_field() {
        let text = format!(
            "{HEAD}  (title: \"Fine\", enter: (person: (family_name: \"KOVAC\"))),\n  (title: \"Bad date\", enter: (person: (family_name: \"X\", date_of_birth: \"1990-02-30\"))),\n  (title: \"Gone\", enter: (person: (family_name: \"Y\")), expect: (database: \"sltd\", record: \"NO-SUCH\")),\n ])"
        );
        let Err(crate::dataset::DatasetError::Invalid { problems, .. }) = parse_dataset(&text, "d.ron", None) else {
            panic!("two bad cases must fail the load")
        };
        let bad = problems.iter().find(|p| p.record.as_deref() == Some("demo case 2")).expect("case 2 reported");
        assert_eq!((bad.line, bad.field.as_deref()), (6, Some("enter.person.date_of_birth")), "{bad}");
        let gone = problems.iter().find(|p| p.record.as_deref() == Some("demo case 3")).expect("case 3 reported");
        assert_eq!((gone.line, gone.field.as_deref()), (7, Some("expect.record")), "{gone}");
    }
}
