//! Scenarios: the built-ins parse, bad files name file/line/field, and a scripted run scores as expected.

use std::process::Command;
use std::time::{Duration, Instant};

use bordercheck::audit::Decision;
use bordercheck::training::builtin::{BUILTIN_SCENARIOS, builtin_scenarios};
use bordercheck::training::{TrainingSession, parse_scenario};

#[test]
fn every_builtin_scenario_parses_and_has_8_to_15_travellers() {
    for (name, text) in BUILTIN_SCENARIOS {
        let s = parse_scenario(text, name).unwrap_or_else(|e| panic!("{name}: {:#?}", e.problems));
        let n = s.travellers.len() + s.random_fill.map_or(0, |f| f.count);
        assert!((8..=15).contains(&n), "{name}: {n} travellers");
    }
    assert_eq!(builtin_scenarios().len(), 4);
}

#[test]
fn scenario_errors_name_file_line_and_field() {
    let text = "Scenario(format: 1, title: \"x\", dataset: Builtin, post: Airport,\n incidents: [(from_traveller: 2, to_traveller: 9, kind: Offline(Interpol))],\n travellers: [\n  (id: \"T1\", presents: (person: Some((family_name: \"A\", date_of_birth: \"1990-02-30\"))), expected: Admit),\n  (id: \"T1\", presents: (), expected: Admit),\n ])";
    let err = parse_scenario(text, "bad.ron").unwrap_err();
    let msgs: Vec<String> = err.problems.iter().map(ToString::to_string).collect();
    assert!(msgs.iter().any(|m| m.starts_with("bad.ron:4:") && m.contains("date_of_birth")), "{msgs:#?}");
    assert!(msgs.iter().any(|m| m.starts_with("bad.ron:5:") && m.contains("duplicate")), "{msgs:#?}");
    assert!(msgs.iter().any(|m| m.contains("nothing to query")), "{msgs:#?}");
    assert!(msgs.iter().any(|m| m.starts_with("bad.ron:2:") && m.contains("incident")), "{msgs:#?}");
    let syntax = parse_scenario("Scenario(format: 1, title: \"x\", dataset: Builtin, post: Moon, travellers: [])", "s.ron").unwrap_err();
    assert!(syntax.problems[0].message.contains("Moon"), "{:?}", syntax.problems);
}

#[test]
fn a_session_applies_incidents_and_scores_the_debrief() {
    let scenario = builtin_scenarios().iter().find(|s| s.title == "Link down").unwrap();
    let t0 = Instant::now();
    let mut session = TrainingSession::new(scenario.clone(), "4711", t0);
    let now = std::time::Instant::now();
    assert!(session.check_pin("4711", now).is_ok());
    assert_eq!(session.check_pin("0000", now), Err(bordercheck::training::session::PinRefusal::Wrong));
    // Guessing is slowed down: after three wrong PINs even the right one must wait.
    let _ = session.check_pin("1111", now);
    let _ = session.check_pin("2222", now);
    assert!(matches!(session.check_pin("4711", now), Err(bordercheck::training::session::PinRefusal::Wait(_))));
    assert!(session.check_pin("4711", now + std::time::Duration::from_secs(3)).is_ok(), "after the wait");
    let text = format!("{session:?}");
    assert!(!text.contains("4711"), "the PIN is never kept in clear");
    let base = bordercheck::sim::SimSettings::instant(1);
    let expected: Vec<Decision> = scenario.travellers.iter().map(|t| t.expected).collect();
    for (i, want) in expected.iter().enumerate() {
        let interpol_down = session.sim_for_current(&base).interpol.offline;
        assert_eq!(interpol_down, (3..=6).contains(&(i + 1)), "traveller {}", i + 1);
        // Everyone admitted except the first Detain: one correct detain, misses the rest.
        let decision = if i == 1 { *want } else { Decision::Admit };
        if i == 1 {
            // K2's query found a Red notice: a hit that needs the owning country's confirmation.
            session.record_query(vec!["2018/20771".into()], true);
        }
        session.decide(decision, "", t0 + Duration::from_secs(10 * (i as u64 + 1)));
    }
    assert!(session.is_finished());
    let totals = session.debrief().totals();
    let threats = expected.iter().filter(|d| **d != Decision::Admit).count();
    assert_eq!(totals.missed_threats, threats - 1);
    assert_eq!(totals.correct, 1 + expected.iter().filter(|d| **d == Decision::Admit).count());
    assert_eq!(totals.false_alarms, 0);
    assert_eq!(totals.detained_unconfirmed, 1, "the detain was not confirmed first");
    let html = session.debrief().to_html();
    assert!(html.contains("<svg") && html.contains("Link down"));
}

#[test]
fn cli_scenario_validate_and_scripted_run() {
    let bin = env!("CARGO_BIN_EXE_bordercheck");
    let ok = Command::new(bin).args(["scenario", "validate", "sample_data/scenarios/link-down.ron"]).output().unwrap();
    assert!(ok.status.success(), "{}", String::from_utf8_lossy(&ok.stderr));
    let dir = tempfile::tempdir().unwrap();
    let decisions = dir.path().join("d.jsonl");
    std::fs::write(
        &decisions,
        "{\"traveller\":\"K1\",\"decision\":\"Admit\"}\n{\"traveller\":\"K2\",\"decision\":\"Detain\",\"confirmation_requested\":true}\n{\"traveller\":\"K3\",\"decision\":\"Admit\"}\n",
    )
    .unwrap();
    let out = Command::new(bin)
        .args(["scenario", "run", "sample_data/scenarios/link-down.ron", "--decisions", decisions.to_str().unwrap(), "--json"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["totals"]["correct"], 2);
    assert_eq!(v["totals"]["missed_threats"], 4, "K3 admitted; K5, K6 and K8 never decided");
}

#[test]
fn the_face_at_the_booth_comes_from_a_file_a_record_or_is_drawn() {
    use bordercheck::dataset::photos::load_photos;
    use bordercheck::training::{booth_photo, load_scenario_file};
    let dir = tempfile::tempdir().unwrap();
    let scenario = |photo: &str| {
        format!(
            "Scenario(format: 1, title: \"Faces\", dataset: Builtin, post: Airport, travellers: [\n\
             (id: \"F1\", presents: (person: Some((family_name: \"HADDAD\"))), photo: \"{photo}\", expected: Secondary),\n\
             (id: \"F2\", presents: (person: Some((family_name: \"HADDAD\"))), photo: \"record:2019/40417\", expected: Secondary),\n\
             (id: \"F3\", presents: (person: Some((family_name: \"HADDAD\"))), photo: \"synthetic:7\", expected: Secondary),\n\
             ])"
        )
    };
    let png = bordercheck::generate::portrait::portrait_png(3);
    std::fs::write(dir.path().join("face.png"), &png).unwrap();
    std::fs::write(dir.path().join("s.ron"), scenario("face.png")).unwrap();
    let s = load_scenario_file(&dir.path().join("s.ron")).unwrap();
    let demo = bordercheck::demo::demo_dataset();
    let photos = load_photos(&demo.dataset);
    let face = |i: usize| booth_photo(&s, &s.travellers[i], &photos).expect("a face");
    let shown = bordercheck::dataset::photos::display_photo(&png).unwrap();
    assert_eq!(&*face(0), shown.as_slice(), "read from the scenario's folder, decoded under limits");
    assert_eq!(face(1), photos["2019/40417"], "the same face as the notice's photo");
    assert!(face(2).starts_with(b"\x89PNG"), "a drawn face");
    assert_ne!(face(2), face(1));
    // Bytes that are not a picture are a positioned error too, never a crash at the booth.
    std::fs::write(dir.path().join("face.png"), b"not really a png, just bytes").unwrap();
    std::fs::write(dir.path().join("s.ron"), scenario("face.png")).unwrap();
    assert!(load_scenario_file(&dir.path().join("s.ron")).unwrap_err().problems[0].message.contains("not a picture"));
    // A missing file is a positioned error, not an empty frame at the booth.
    std::fs::write(dir.path().join("s.ron"), scenario("nobody.png")).unwrap();
    let err = load_scenario_file(&dir.path().join("s.ron")).unwrap_err();
    let p = &err.problems[0];
    assert_eq!((p.line, p.record.as_deref(), p.field.as_deref()), (2, Some("F1"), Some("photo")), "{p}");
    assert!(p.message.contains("nobody.png"), "{p}");
    // A malformed reference is caught when the scenario is parsed.
    let bad = scenario("synthetic:seven");
    let err = parse_scenario(&bad, "bad.ron").unwrap_err();
    assert!(err.problems.iter().any(|p| p.field.as_deref() == Some("photo") && p.line == 2), "{:?}", err.problems);
}

/// Scoring a trainee fairly: another accepted decision is right, travellers never called are
/// "not reached" (neither missed nor wrong), and only a hit that needs an owning country's
/// confirmation makes a detention "without confirmation".
#[test]
fn scoring_counts_what_the_trainee_could_and_should_have_done() {
    use bordercheck::audit::Decision;
    use bordercheck::training::scenario::AlsoAccept;
    let mut scenario = builtin_scenarios().iter().find(|s| s.title == "Link down").unwrap().clone();
    scenario.random_fill = None;
    scenario.incidents.clear();
    scenario.travellers[1].also_accept = vec![AlsoAccept { decision: Decision::Secondary, note: "hold pending confirmation".into() }];
    let t0 = Instant::now();
    let mut session = TrainingSession::new(scenario, "4711", t0);
    session.record_query(Vec::<String>::new(), false);
    session.decide(Decision::Admit, "", t0); // K1 clean: admit
    session.record_query(vec!["2018/20771".into()], true);
    session.decide(Decision::Secondary, "", t0); // K2: Detain expected, Secondary also accepted
    session.record_query(vec!["NP-PLANT-07".into()], false);
    session.decide(Decision::Detain, "", t0); // K3 (expected Secondary): detained on a national hit only
    session.end();
    let debrief = session.debrief();
    let totals = debrief.totals();
    assert!(debrief.rows[1].correct(), "an accepted alternative is right");
    assert_eq!(totals.not_reached, debrief.rows.len() - 4, "the ones after the desk's traveller were never called");
    assert_eq!(totals.missed_threats, 0, "travellers not reached are not missed threats");
    assert_eq!(totals.detained_unconfirmed, 0, "a national hit needs no foreign confirmation");
}
