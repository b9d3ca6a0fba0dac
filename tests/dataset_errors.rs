//! Bad dataset files give every problem with file, line, column and field; never a panic.

use std::path::Path;

use bordercheck::dataset::{ProblemSeverity, load_dataset_file, parse_dataset};

#[test]
fn semantic_problems_are_all_reported_with_positions() {
    let err = load_dataset_file(Path::new("tests/data/malformed.ron")).unwrap_err();
    let problems = err.problems();
    let find = |field: &str| {
        problems.iter().find(|p| p.field.as_deref() == Some(field)).unwrap_or_else(|| panic!("no problem on {field}: {problems:#?}"))
    };
    let dob = find("date_of_birth");
    assert_eq!((dob.line, dob.record.as_deref()), (6, Some("NP-1")));
    assert!(dob.to_string().starts_with("tests/data/malformed.ron:6:"), "{dob}");
    assert!(dob.message.contains("1990-02-30"));
    assert_eq!(find("nationality").line, 6);
    let dup = find("id");
    assert_eq!(dup.line, 7, "the duplicate is the second NP-1");
    assert!(dup.message.contains("duplicate"));
    let tdawn = find("notice_id");
    assert_eq!(tdawn.line, 15);
    assert!(tdawn.message.contains("2099/404"));
    let photo = find("photo");
    assert_eq!(photo.severity, ProblemSeverity::Warning);
}

#[test]
fn syntax_and_unknown_fields_point_at_the_line() {
    let err = load_dataset_file(Path::new("tests/data/unknown_field.ron")).unwrap_err();
    let p = &err.problems()[0];
    assert_eq!(p.line, 6);
    assert!(p.message.contains("shoe_size"), "{p}");
    let err = parse_dataset("Dataset(format: 1, name: \"x\", national: (persons: [ (id: \"A\", ", "cut.ron", None).unwrap_err();
    assert!(err.problems()[0].line >= 1);
}

#[test]
fn wrong_encoding_and_missing_files_are_clear() {
    let dir = tempfile::tempdir().unwrap();
    let latin1 = dir.path().join("latin1.ron");
    std::fs::write(&latin1, b"Dataset(format: 1, name: \"M\xfcller\")").unwrap();
    let msg = load_dataset_file(&latin1).unwrap_err().problems()[0].to_string();
    assert!(msg.contains("UTF-8") && msg.contains("latin1.ron:1:"), "{msg}");
    let missing = load_dataset_file(&dir.path().join("nope.ron")).unwrap_err();
    assert!(missing.to_string().contains("nope.ron"));
}

mod properties {
    use bordercheck::dataset::parse_dataset;
    use bordercheck::matching::normalize::normalize_name;
    use bordercheck::matching::{NameForm, name_similarity};
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn normaliser_and_matcher_never_panic(a in "\\PC{0,40}", b in "\\PC{0,40}") {
            let n = normalize_name(&a);
            prop_assert!(n.bytes().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == b' '));
            let s = name_similarity(&NameForm::new(&a, &b), &NameForm::from_full(&b)).score;
            prop_assert!((0.0..=1.0).contains(&s));
        }

        #[test]
        fn loader_never_panics(text in "\\PC{0,300}") {
            let _ = parse_dataset(&text, "fuzz.ron", None);
        }

        #[test]
        fn loader_never_panics_on_mangled_demo(cut in 0usize..20_000, junk in "\\PC{0,5}") {
            let demo = bordercheck::demo::DEMO_DATASET;
            let cut = (0..=cut.min(demo.len())).rev().find(|&i| demo.is_char_boundary(i)).unwrap_or(0);
            let end = ((cut + 50).min(demo.len())..=demo.len()).find(|&i| demo.is_char_boundary(i)).unwrap_or(demo.len());
            let text = format!("{}{}{}", &demo[..cut], junk, &demo[cut..end]);
            let _ = parse_dataset(&text, "fuzz.ron", None);
        }
    }
}

#[test]
fn a_100_mb_string_field_is_a_clear_error_not_a_crash() {
    let huge = "A".repeat(100 << 20);
    let text = format!(
        "Dataset(format: 1, name: \"huge\", national: (persons: [\n (id: \"NP-1\", family_name: \"{huge}\", alert: RefuseEntry),\n]))"
    );
    let err = parse_dataset(&text, "huge.ron", None).unwrap_err();
    let p = &err.problems()[0];
    assert_eq!((p.line, p.field.as_deref(), p.record.as_deref()), (2, Some("family_name"), Some("NP-1")));
    assert!(p.message.contains("at most 4096"), "{p}");
}

/// A file big enough to be parsed as two sections on two threads, with problems placed in both.
fn big_file_with(national_extra: &str, notices_extra: &str, interpol_tail: &str) -> String {
    let mut text =
        String::from("Dataset(\n    format: 1,\n    name: \"big\",\n    national: (\n        agency: \"A\",\n        persons: [\n");
    let pad = "x".repeat(100);
    let rows = |text: &mut String, row: &dyn Fn(usize) -> String| (0..6000).for_each(|i| text.push_str(&row(i)));
    rows(&mut text, &|i| {
        format!(
            "            (id: \"NP-{i}\", family_name: \"FAMILY{i}\", given_names: \"G\", sex: Male, alert: RefuseEntry, reason: \"{pad}\"),\n"
        )
    });
    text.push_str(national_extra);
    text.push_str("        ],\n    ),\n    interpol: (\n        notices: [\n");
    rows(&mut text, &|i| {
        format!(
            "            (id: \"RN-{i}\", kind: Red, family_name: \"OTHER{i}\", given_names: \"G\", sex: Female, owner: \"FRA\", distinguishing_marks: \"{pad}\"),\n"
        )
    });
    text.push_str(notices_extra);
    text.push_str("        ],\n");
    text.push_str(interpol_tail);
    text.push_str("    ),\n)\n");
    assert!(text.len() > 1 << 20, "must take the two-thread path");
    text
}

fn line_of(text: &str, needle: &str, nth: usize) -> usize {
    let at = text.match_indices(needle).nth(nth).unwrap_or_else(|| panic!("{needle} #{nth} not in the text")).0;
    text[..at].matches('\n').count() + 1
}

#[test]
fn a_big_file_parsed_on_two_threads_still_places_every_problem() {
    let dup_in_national = "            (id: \"NP-7\", family_name: \"\", sex: Male, alert: RefuseEntry),\n";
    let cross_and_bad = "            (id: \"NP-3\", kind: Red, family_name: \"X\", sex: Male, owner: \"FRA\"),\n            (id: \"RN-BAD\", kind: Red, family_name: \"Y\", sex: Male, owner: \"FRA\", date_of_birth: \"1990-13-01\"),\n";
    let text = big_file_with(dup_in_national, cross_and_bad, "");
    let problems = parse_dataset(&text, "big.ron", None).unwrap_err().problems();
    let on = |record: &str, field: &str| {
        problems
            .iter()
            .find(|p| p.record.as_deref() == Some(record) && p.field.as_deref() == Some(field))
            .unwrap_or_else(|| panic!("no {record}/{field}: {problems:#?}"))
    };
    // The repeated NP-7 is reported at its second record, and its empty family name there too.
    assert_eq!(on("NP-7", "id").line, line_of(&text, "id: \"NP-7\"", 1));
    assert_eq!(on("NP-7", "family_name").line, line_of(&text, "id: \"NP-7\"", 1));
    // NP-3 in both sections: reported at the INTERPOL record, the later one in the file.
    let cross = on("NP-3", "id");
    assert!(cross.message.contains("duplicate"), "{cross}");
    assert_eq!(cross.line, line_of(&text, "id: \"NP-3\"", 1));
    assert_eq!(on("RN-BAD", "date_of_birth").line, line_of(&text, "RN-BAD", 0));
}

#[test]
fn an_sltd_sidecar_id_already_used_in_the_dataset_file_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let text = big_file_with("", "", "        sltd_file: \"big.sltd.tsv\",\n");
    std::fs::write(dir.path().join("big.ron"), &text).unwrap();
    let header = bordercheck::dataset::sltd_tsv::HEADER;
    let sidecar = format!("{header}\nS-1\tAB123\tUTO\tP\tStolenBlank\tUTO\t2024-01-02\nRN-17\tCD456\tFRA\tP\tRevoked\tFRA\t2024-02-03\n");
    std::fs::write(dir.path().join("big.sltd.tsv"), sidecar).unwrap();
    let problems = load_dataset_file(&dir.path().join("big.ron")).unwrap_err().problems();
    assert_eq!(problems.len(), 1, "{problems:#?}");
    let p = &problems[0];
    assert_eq!((p.line, p.record.as_deref(), p.field.as_deref()), (3, Some("RN-17"), Some("id")));
    assert!(p.file.ends_with("big.sltd.tsv") && p.message.contains("duplicate"), "{p}");
    // Without the clash the same pair loads, with both SLTD rows.
    std::fs::write(dir.path().join("big.sltd.tsv"), format!("{header}\nS-1\tAB123\tUTO\tP\tStolenBlank\tUTO\t2024-01-02\n")).unwrap();
    let loaded = load_dataset_file(&dir.path().join("big.ron")).unwrap();
    assert_eq!(loaded.dataset.interpol.sltd.len(), 1);
}
