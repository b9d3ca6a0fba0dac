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
