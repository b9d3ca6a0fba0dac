//! The CLI through the real binary: exit codes, table and JSON output, batch error lines.

use std::process::Command;

fn bordercheck(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_bordercheck")).args(args).output().expect("binary runs")
}

#[test]
fn query_prints_the_sltd_hit_with_its_action() {
    let out = bordercheck(&["query", "--doc", "UT4471920", "--country", "UTO"]);
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("SLTD-PLANT-01") && text.contains("Stolen blank (never issued): hold the traveller and the document"), "{text}");
}

#[test]
fn query_json_has_sources_and_ranked_hits() {
    let out = bordercheck(&["query", "--family", "AL-MASRI", "--given", "OMAR", "--dob", "1988-02-14", "--json"]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["sources"].as_array().unwrap().len(), 2);
    assert_eq!(v["hits"][0]["rank"], 1);
    assert_eq!(v["hits"][0]["database"], "red_notice");
}

#[test]
fn malformed_dataset_exits_1_with_file_line_field() {
    let out = bordercheck(&["validate", "tests/data/malformed.ron"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("tests/data/malformed.ron:6:") && err.contains("field `date_of_birth`"), "{err}");
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(bordercheck(&["query", "--no-such-flag"]).status.code(), Some(2));
}

#[test]
fn batch_answers_every_line_and_reports_bad_ones() {
    let dir = tempfile::tempdir().unwrap();
    let queries = dir.path().join("q.jsonl");
    std::fs::write(
        &queries,
        concat!(
            r#"{"id":"q1","document":{"number":"UT4471920","country":"UTO","type":"P"}}"#,
            "\n",
            r#"{"id":"q2","person":{"family_name":"broken"#,
            "\n",
            r#"{"id":"q3","vehicle":{"vin":"WVWZZZ1KZ8W123457"}}"#,
            "\n",
        ),
    )
    .unwrap();
    let out_path = dir.path().join("r.jsonl");
    let out = bordercheck(&["batch", "--queries", queries.to_str().unwrap(), "--out", out_path.to_str().unwrap()]);
    assert!(out.status.success());
    let lines: Vec<serde_json::Value> =
        std::fs::read_to_string(&out_path).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[0]["hits"][0]["database"], "sltd");
    assert!(lines[1]["error"].as_str().unwrap().contains("q.jsonl:2:"));
    assert_eq!(lines[1]["id"], serde_json::Value::Null);
    assert_eq!(lines[2]["hits"][0]["database"], "smv");
}

#[test]
fn generate_then_validate_round_trips() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("g.ron");
    let out = bordercheck(&[
        "generate",
        "--seed",
        "3",
        "--persons",
        "200",
        "--notices",
        "200",
        "--sltd",
        "500",
        "--smv",
        "50",
        "--out",
        path.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let out = bordercheck(&["validate", path.to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn a_large_dataset_with_an_sltd_sidecar_loads_and_its_errors_keep_positions() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("g.ron");
    let out = bordercheck(&[
        "generate",
        "--seed",
        "5",
        "--persons",
        "4000",
        "--notices",
        "4000",
        "--sltd",
        "3000",
        "--smv",
        "100",
        "--sltd-tsv",
        "--out",
        path.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(std::fs::metadata(&path).unwrap().len() > 1 << 20, "big enough for the two-thread parse");
    let out = bordercheck(&["validate", path.to_str().unwrap()]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success() && text.contains("valid,"), "{text}{}", String::from_utf8_lossy(&out.stderr));
    let expected = 4000 + 4000 + 4000 + 20 + 3000 + 400 + 100;
    assert!(text.contains(&format!("valid, {expected} records")), "{text}");
    // Break a date deep in the INTERPOL section and a line of the sidecar.
    let ron = std::fs::read_to_string(&path).unwrap();
    let at = ron.rfind("issued: \"").unwrap() + "issued: \"".len();
    let broken = format!("{}2021-02-30{}", &ron[..at], &ron[at + 10..]);
    std::fs::write(&path, &broken).unwrap();
    let tsv = dir.path().join("g.sltd.tsv");
    let mut lines: Vec<String> = std::fs::read_to_string(&tsv).unwrap().lines().map(str::to_owned).collect();
    lines[2] = lines[2].replace("\tP\t", "\tZ\t");
    std::fs::write(&tsv, lines.join("\n") + "\n").unwrap();
    let out = bordercheck(&["validate", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    let line = broken[..at].matches('\n').count() + 1;
    assert!(err.contains(&format!("g.ron:{line}:")) && err.contains("field `issued`"), "{err}");
    assert!(err.contains("g.sltd.tsv:3:") && err.contains("field `kind`"), "{err}");
}

#[test]
fn a_big_dataset_prints_progress_lines_on_stderr_and_keeps_stdout_clean() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.ron");
    let args = ["generate", "--seed", "3", "--persons", "30000", "--notices", "30000", "--sltd", "300000", "--smv", "100"];
    let out = bordercheck(&[&args[..], &["--out", path.to_str().unwrap()]].concat());
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let out = bordercheck(&["validate", path.to_str().unwrap()]);
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    let percents: Vec<u32> = err.lines().filter_map(|l| l.split('%').next()?.rsplit(' ').next()?.trim().parse().ok()).collect();
    assert!(percents.len() >= 3 && percents.windows(2).all(|w| w[0] < w[1]), "rising percentages: {err}");
    assert_eq!(percents.last(), Some(&100), "{err}");
    assert!(err.lines().last().is_some_and(|l| l.starts_with("loaded ") && l.contains("records")), "{err}");
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(text.lines().count(), 1, "only the verdict on stdout: {text}");
    // A small file stays quiet.
    let out = bordercheck(&["validate", "sample_data/demo.ron"]);
    assert!(out.stderr.is_empty(), "{}", String::from_utf8_lossy(&out.stderr));
}

/// `query --mrz` gives the same hits as typing the fields, for every planted MRZ, whether the
/// lines are separated by a newline or by the two characters `\n` a shell passes through.
#[test]
fn query_mrz_equals_typed_fields_for_every_planted_case() {
    use bordercheck::generate::planted::{planted_cases, planted_mrz};
    let mut checked = 0;
    for case in planted_cases() {
        let Some(mrz) = planted_mrz(&case) else { continue };
        let records = |out: &std::process::Output| -> Vec<String> {
            let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_default();
            v["hits"]
                .as_array()
                .map(|h| h.iter().map(|x| x["record_id"].as_str().unwrap_or_default().to_owned()).collect())
                .unwrap_or_default()
        };
        let (d, p) = (case.query.document.as_ref().unwrap(), case.query.person.as_ref().unwrap());
        let mut typed_args = vec![
            "query",
            "--json",
            "--doc",
            &d.number,
            "--country",
            &d.country,
            "--family",
            &p.family_name,
            "--given",
            &p.given_names,
            "--dob",
            &p.date_of_birth,
        ];
        if !p.sex.is_empty() {
            typed_args.extend(["--sex", &p.sex]);
        }
        if !p.nationality.is_empty() {
            typed_args.extend(["--nationality", &p.nationality]);
        }
        let typed = bordercheck(&typed_args);
        let scanned = bordercheck(&["query", "--json", "--mrz", &mrz]);
        assert!(scanned.status.code() == Some(0), "{}: {}", case.title, String::from_utf8_lossy(&scanned.stderr));
        assert_eq!(records(&scanned), records(&typed), "{}", case.title);
        let escaped = bordercheck(&["query", "--json", "--mrz", &mrz.replace('\n', "\\n")]);
        assert_eq!(records(&escaped), records(&typed), "{}: literal \\n", case.title);
        checked += 1;
    }
    assert!(checked >= 8, "planted MRZs checked: {checked}");
}

#[test]
fn an_offline_link_is_scriptable_and_the_result_says_incomplete() {
    let out = bordercheck(&["query", "--doc", "UT4471920", "--country", "UTO", "--offline", "interpol", "--json"]);
    assert_eq!(out.status.code(), Some(3), "incomplete result: exit 3");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["complete"], false);
    assert_eq!(v["incomplete_sources"][0], "interpol");
    assert_eq!(v["hits"][0]["record_id"], "SLTD-PLANT-01", "the stolen blank is in the local SLTD copy");
    let text = String::from_utf8_lossy(&bordercheck(&["query", "--doc", "UT4471920", "--country", "UTO", "--offline", "interpol"]).stdout)
        .to_string();
    assert!(text.contains("31 h old") && text.contains("RESULT INCOMPLETE"), "{text}");
    let full = bordercheck(&["query", "--doc", "UT4471920", "--country", "UTO", "--json"]);
    assert_eq!(full.status.code(), Some(0));
    assert_eq!(serde_json::from_slice::<serde_json::Value>(&full.stdout).unwrap()["complete"], true);
}

#[test]
fn batch_reports_an_unreadable_mrz_and_refuses_a_directory() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("q.jsonl");
    std::fs::write(&file, b"{\"id\":\"a\",\"mrz\":\"P<UTOBROKEN\"}\n\xff\xfe not utf8\n").unwrap();
    let out = bordercheck(&["batch", "--queries", file.to_str().unwrap()]);
    let lines: Vec<serde_json::Value> = String::from_utf8_lossy(&out.stdout).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 2, "one output line per input line");
    assert!(lines[0]["error"].as_str().unwrap().starts_with("unreadable MRZ"), "{:?}", lines[0]);
    assert!(lines[1]["error"].as_str().unwrap().contains("not UTF-8"));
    assert_eq!(out.status.code(), Some(1), "every line failed");
    let out = bordercheck(&["batch", "--queries", dir.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not a regular file"));
}

/// Hostile files and flags: clear errors, never a panic, a hang or a file read outside the
/// dataset's folder (issue "Hard edges, round two").
#[test]
fn hostile_paths_counts_and_fields_are_refused_with_clear_errors() {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, text: &str| {
        let p = dir.path().join(name);
        std::fs::write(&p, text).unwrap();
        p.to_str().unwrap().to_owned()
    };
    // A photo and an SLTD sidecar outside the folder: positioned errors, no file contents echoed.
    let ds = write(
        "paths.ron",
        r#"Dataset(format: 1, name: "paths",
  // sltd_file: "/dev/zero"
  national: (persons: [(id: "NP-1", family_name: "ONE", alert: RefuseEntry, photo: Some("../../../../etc/passwd"))]),
  interpol: (sltd_file: Some("../../../../etc/passwd"), notices: [(id: "2020/1", kind: Red, family_name: "TWO", owner: "FRA", photo: Some("/etc/shadow"))]))"#,
    );
    let out = bordercheck(&["validate", &ds]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("leaves the dataset's folder") && err.contains("absolute path"), "{err}");
    assert!(!err.contains("root:"), "file contents must never be echoed: {err}");
    // A decision file with an absurd time, and one naming a traveller who is not there.
    let scenario = "sample_data/scenarios/link-down.ron";
    let bad_time = write("t.jsonl", "{\"traveller\":\"K1\",\"decision\":\"Admit\",\"seconds\":1e19}\n");
    let out = bordercheck(&["scenario", "run", scenario, "--decisions", &bad_time]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains(":1: seconds"), "{}", String::from_utf8_lossy(&out.stderr));
    let unknown = write("u.jsonl", "{\"traveller\":\"K1\",\"decision\":\"Admit\"}\n{\"traveller\":\"K1\",\"decision\":\"Detain\"}\n");
    let out = bordercheck(&["scenario", "run", scenario, "--decisions", &unknown]);
    assert!(String::from_utf8_lossy(&out.stderr).contains(":2: traveller \"K1\" is decided twice"));
    // Counts from flags have an upper bound.
    let out = bordercheck(&["generate", "--persons", "18446744073709551615", "--out", &dir.path().join("x.ron").to_string_lossy()]);
    assert_eq!(out.status.code(), Some(1), "{}", String::from_utf8_lossy(&out.stderr));
    // An over-long family name is refused at once (the CLI's argument limit is 128 KiB; the
    // 3.5 MB case goes through `batch` and the query form, which share the rule).
    let huge = "A".repeat(100_000);
    let start = std::time::Instant::now();
    let out = bordercheck(&["query", "--family", &huge]);
    assert_eq!(out.status.code(), Some(1));
    assert!(start.elapsed() < std::time::Duration::from_secs(5));
    assert!(String::from_utf8_lossy(&out.stderr).contains("at most 4096"));
}

#[test]
fn small_hard_edges_bom_future_dates_and_zero_travellers() {
    let dir = tempfile::tempdir().unwrap();
    let demo = std::fs::read_to_string("sample_data/demo.ron").unwrap();
    let bom = dir.path().join("bom.ron");
    std::fs::write(&bom, format!("\u{feff}{demo}")).unwrap();
    let out = bordercheck(&["validate", bom.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "a dataset with a BOM loads: {}", String::from_utf8_lossy(&out.stderr));
    let out = bordercheck(&["query", "--family", "ERIKSSON", "--dob", "2999-01-01"]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("in the future"));
    let zero = dir.path().join("zero.jsonl");
    let out = bordercheck(&["generate", "--travellers", "0", "--out", zero.to_str().unwrap()]);
    assert!(out.status.success());
    assert!(std::fs::read_to_string(&zero).unwrap().trim().is_empty(), "no traveller written");
}

#[test]
fn scenario_validate_checks_the_records_it_refers_to() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.ron");
    std::fs::write(
        &path,
        r#"Scenario(format: 1, title: "Refs", dataset: Builtin, post: Airport, travellers: [
 (id: "X1", presents: (person: Some((family_name: "HADDAD"))), photo: "record:2099/404", expected: Secondary, expected_hits: ["NO-SUCH-RECORD"]),
])"#,
    )
    .unwrap();
    let out = bordercheck(&["scenario", "validate", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("traveller X1: record \"NO-SUCH-RECORD\"") && err.contains("\"2099/404\""), "{err}");
}

#[test]
fn manifest_screen_lists_targets_and_companions() {
    let out = bordercheck(&["manifest", "screen", "sample_data/manifests/xy456-fra-uto.csv", "--json"]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let lines: Vec<serde_json::Value> = String::from_utf8_lossy(&out.stdout).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 5);
    assert_eq!(lines[0]["hits"][0]["record_id"], "2022/08841");
    assert_eq!(lines[1]["companion_of"][0], 0, "SCHUKOWA travels on SCHUKOW's booking");
    assert_eq!(lines[2]["hits"][0]["record_id"], "NP-PLANT-07", "a year-digit slip does not lose the warrant");
    let text = String::from_utf8_lossy(&bordercheck(&["manifest", "screen", "sample_data/manifests/xy123-ist-uto.edi"]).stdout).to_string();
    assert!(text.contains("Flight XY123 IST → UTO") && text.contains("2017/12345") && text.contains("travel companion of #2"), "{text}");
    let missing = bordercheck(&["manifest", "screen", "no/such/file.edi"]);
    assert_eq!(missing.status.code(), Some(1));
}
