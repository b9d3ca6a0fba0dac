//! Every planted case of the demo dataset returns its expected top hit, sources and action.

use std::sync::Arc;

use bordercheck::demo::demo_dataset;
use bordercheck::engine::{Engine, MatchOptions, SourceId};
use bordercheck::generate::planted::planted_cases;
use bordercheck::query::{Dispatcher, SourceState};
use bordercheck::sim::SimSettings;

/// What the officer types about a person: family and given names and a date of birth.
fn person(family: &str, given: &str, dob: &str) -> bordercheck::query::input::QueryInput {
    let person = bordercheck::query::input::PersonInput {
        family_name: family.into(),
        given_names: given.into(),
        date_of_birth: dob.into(),
        ..Default::default()
    };
    bordercheck::query::input::QueryInput { person: Some(person), ..Default::default() }
}

fn engine() -> Arc<Engine> {
    Arc::new(Engine::build(demo_dataset().dataset))
}

#[test]
fn every_planted_case_gives_its_expected_top_hit() {
    let engine = engine();
    for case in planted_cases() {
        let (query, issues) = case.query.to_query();
        assert!(issues.is_empty(), "{}: {issues:?}", case.title);
        let groups = engine.search_all(&query, &MatchOptions::default());
        // Searching the two sources on two threads changes nothing in the answer.
        assert_eq!(groups, engine.search_all_one_thread(&query, &MatchOptions::default()), "{}", case.title);
        match case.expect_database {
            None => assert!(
                groups.is_empty(),
                "{}: expected no hits, got {:?}",
                case.title,
                groups.iter().map(|g| &g.headline().record_id).collect::<Vec<_>>()
            ),
            Some(db) => {
                let top = groups.first().unwrap_or_else(|| panic!("{}: no hits", case.title));
                let head = top.headline();
                assert_eq!(head.database.code(), db, "{}", case.title);
                assert_eq!(Some(head.record_id.as_str()), case.expect_record, "{}", case.title);
                let mut sources: Vec<&str> =
                    top.sources.iter().map(|s| if *s == SourceId::National { "national" } else { "interpol" }).collect();
                sources.sort_unstable();
                let mut expected = case.expect_sources.to_vec();
                expected.sort_unstable();
                assert_eq!(sources, expected, "{}: sources of the top group", case.title);
                assert!(!top.action.is_empty());
                assert!(head.explanation.len() >= 2, "{}: explanation {:?}", case.title, head.explanation);
            }
        }
    }
}

#[test]
fn the_dispatcher_streams_both_answers_and_survives_an_outage() {
    let engine = engine();
    let mut dispatcher = Dispatcher::new(Arc::new(|| {}));
    let case = &planted_cases()[2]; // the Red-notice subject
    let (query, _) = case.query.to_query();
    let mut sim = SimSettings::instant(5);
    sim.interpol.offline = true;
    let mut run = dispatcher.submit(&engine, query.clone(), &sim, MatchOptions::default());
    dispatcher.wait(&mut run);
    assert!(matches!(run.state(SourceId::Interpol), SourceState::LocalCopy { age_hours: 31, .. }), "MIND local copy answers");
    sim.local_copy.enabled = false;
    let mut run = dispatcher.submit(&engine, query, &sim, MatchOptions::default());
    dispatcher.wait(&mut run);
    assert_eq!(run.state(SourceId::Interpol), &SourceState::Offline);
    assert!(run.state(SourceId::National).answered());
    assert!(run.is_partial());
}

#[test]
fn a_hanging_or_crashing_source_never_blocks_the_other() {
    let engine = engine();
    let mut dispatcher = Dispatcher::new(Arc::new(|| {}));
    let (query, _) = planted_cases()[0].query.to_query();
    let mut sim = SimSettings::instant(5);
    sim.interpol.fault = bordercheck::sim::Fault::Hang;
    sim.interpol.timeout_ms = 200;
    sim.national.fault = bordercheck::sim::Fault::Panic;
    let mut run = dispatcher.submit(&engine, query, &sim, MatchOptions::default());
    dispatcher.wait(&mut run);
    assert!(matches!(run.state(SourceId::Interpol), SourceState::TimedOut { .. }), "{:?}", run.state(SourceId::Interpol));
    assert!(matches!(run.state(SourceId::National), SourceState::Failed { .. }), "{:?}", run.state(SourceId::National));
}

#[test]
fn replays_are_identical_under_a_seed() {
    let engine = engine();
    let outcomes = |seed| {
        let mut dispatcher = Dispatcher::new(Arc::new(|| {}));
        let mut sim = SimSettings { seed, ..SimSettings::default() };
        sim.national.latency_mean_ms = 5;
        sim.national.latency_spread_ms = 4;
        sim.interpol.latency_mean_ms = 5;
        sim.interpol.latency_spread_ms = 4;
        sim.interpol.error_rate = 0.5;
        (0..12)
            .map(|i| {
                let (query, _) = planted_cases()[i % 5].query.to_query();
                let mut run = dispatcher.submit(&engine, query, &sim, MatchOptions::default());
                dispatcher.wait(&mut run);
                run.summaries().iter().map(|s| s.status).collect::<Vec<_>>()
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(outcomes(11), outcomes(11));
    assert_ne!(outcomes(11), outcomes(12));
}

#[test]
fn the_committed_demo_file_is_what_the_generator_writes() {
    let generated = bordercheck::generate::dataset::to_ron(&bordercheck::generate::planted::demo_file()).unwrap();
    assert_eq!(generated, bordercheck::demo::DEMO_DATASET, "run `cargo run -- generate --demo --out sample_data/demo.ron`");
}

#[test]
fn pasting_each_planted_mrz_gives_the_same_hits_as_typing() {
    use bordercheck::document_reading::{fill_from_mrz, read_mrz};
    use bordercheck::generate::planted::{forged_mrz, planted_mrz};
    use bordercheck::query::QueryInput;
    let engine = engine();
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    let mut with_mrz = 0;
    for case in planted_cases() {
        let Some(mrz) = planted_mrz(&case) else { continue };
        with_mrz += 1;
        let reading = read_mrz(&mrz, today).unwrap();
        assert!(!reading.has_failed_check(), "{}: {:?}", case.title, reading.checks);
        let (filled, _) = fill_from_mrz(&QueryInput { mrz: Some(mrz), ..Default::default() }, today);
        let (typed_query, _) = case.query.to_query();
        let (mrz_query, _) = filled.to_query();
        let typed: Vec<_> =
            engine.search_all(&typed_query, &MatchOptions::default()).iter().map(|g| g.headline().record_id.clone()).collect();
        let read: Vec<_> = engine.search_all(&mrz_query, &MatchOptions::default()).iter().map(|g| g.headline().record_id.clone()).collect();
        assert_eq!(typed.first(), read.first(), "{}", case.title);
    }
    assert!(with_mrz >= 4);
    let forged = read_mrz(&forged_mrz(), today).unwrap();
    assert!(forged.has_failed_check(), "the forged MRZ must fail a check digit");
}

#[test]
fn a_hit_through_an_alias_says_which_alias_matched() {
    let engine = engine();
    let input = bordercheck::query::QueryInput {
        person: Some(bordercheck::query::input::PersonInput {
            family_name: "DUPONT".into(),
            given_names: "MARC".into(),
            ..Default::default()
        }),
        ..Default::default()
    };
    let (query, issues) = input.to_query();
    assert!(issues.is_empty(), "{issues:?}");
    let groups = engine.search_all(&query, &MatchOptions::default());
    let hit =
        groups.iter().flat_map(|g| &g.hits).find(|h| h.record_id == "2020/11873").expect("the Green notice is found through its alias");
    assert!(hit.subject.starts_with("BENALI") && hit.subject.contains("alias DUPONT MARC"), "{}", hit.subject);
}

/// A date of birth typed with a slip (one day, two digits swapped, the year one off or its
/// digits swapped) lowers a strong name's score but never loses the planted subject.
#[test]
fn near_miss_dates_of_birth_keep_the_planted_subjects() {
    let engine = engine();
    let cases = [
        ("TIKRITI", "MOHAMMED YOUSSEF", "1979-03-22", "2017/12345", "one day apart"),
        ("TIKRITI", "MOHAMMED YOUSSEF", "1979-03-12", "2017/12345", "two digits swapped"),
        ("TIKRITI", "MOHAMMED YOUSSEF", "1980-03-21", "2017/12345", "year one apart"),
        ("TIKRITI", "MOHAMMED YOUSSEF", "21.03.1979", "2017/12345", "exact"),
        ("SCHUKOW", "JURIJ", "1969-12-04", "2022/08841", "one day apart"),
        ("VOLKOV", "DMITRIY", "1958-07-30", "NP-PLANT-07", "year digits swapped"),
    ];
    for (family, given, dob, record, why) in cases {
        let input = person(family, given, dob);
        let (query, issues) = input.to_query();
        assert!(issues.is_empty(), "{dob}: {issues:?}");
        let groups = engine.search_all(&query, &MatchOptions::default());
        let top = groups.first().unwrap_or_else(|| panic!("{family} {given} {dob}: no hit"));
        let head = top.headline();
        assert_eq!(head.record_id, record, "{family} {dob}");
        let dob_line = head.explanation.iter().find(|f| f.aspect == "date of birth").expect("date explained");
        assert!(dob_line.detail.contains(why), "{family} {dob}: {}", dob_line.detail);
    }
    // A date that is simply different still removes the hit.
    let input = person("TIKRITI", "MOHAMMED YOUSSEF", "1985-01-01");
    assert!(engine.search_all(&input.to_query().0, &MatchOptions::default()).iter().all(|g| g.headline().record_id != "2017/12345"));
}

/// Domain truth of the hit table (docs/hit-actions.md): what the officer is told to do.
#[test]
fn hit_rules_say_what_the_domain_says() {
    use bordercheck::query::input::{DocumentInput, QueryInput};
    let engine = engine();
    let top = |input: QueryInput| {
        let groups = engine.search_all(&input.to_query().0, &MatchOptions::default());
        groups.first().cloned().expect("a hit")
    };
    let doc = |number: &str, country: &str| QueryInput {
        document: Some(DocumentInput { number: number.into(), country: country.into(), ..Default::default() }),
        ..Default::default()
    };
    // The stolen blank is an INTERPOL record: confirm with the reporting country first.
    let blank = top(doc("UT4471920", "UTO"));
    assert!(blank.action.contains("pending confirmation with the reporting country"), "{}", blank.action);
    // The same number typed with another issuing country is a lower "verify", not a seizure.
    let other = top(doc("UT4471920", "FRA"));
    assert_eq!(other.severity, bordercheck::engine::Severity::Medium);
    assert!(other.action.starts_with("Same number, other issuing country — verify"), "{}", other.action);
    // A diffusion says who sent it and that INTERPOL did not review it.
    let diffusion = top(person("SCHUKOW", "JURIJ", "1969-12-03"));
    let head = diffusion.headline();
    assert!(
        head.explanation.iter().any(|f| f.aspect == "diffusion" && f.detail.contains("not reviewed by INTERPOL's General Secretariat"))
    );
    assert!(diffusion.action.contains("pending confirmation with the sending country"), "{}", diffusion.action);
}

/// The one MRZ rule of the terminal, `query --mrz`, `batch` and scenarios: a typed field wins,
/// the MRZ fills the fields left empty, and a typed field that disagrees is a failed check.
#[test]
fn typed_fields_win_over_the_mrz_and_a_disagreement_is_reported() {
    use bordercheck::document_reading::{CheckStatus, compare_with_typed, fill_from_mrz};
    use bordercheck::query::input::{PersonInput, QueryInput};
    let input = QueryInput {
        person: Some(PersonInput { family_name: "TEKRITI".into(), ..Default::default() }),
        mrz: Some("P<IRQTIKRITI<<MOHAMMED<YOUSSEF<<<<<<<<<<<<<<\nA077315942IRQ7903214M3106305<<<<<<<<<<<<<<08".into()),
        ..Default::default()
    };
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
    let (filled, reading) = fill_from_mrz(&input, today);
    let person = filled.person.as_ref().unwrap();
    assert_eq!(person.family_name, "TEKRITI", "typed wins");
    assert_eq!(person.given_names, "MOHAMMED YOUSSEF", "the MRZ fills what was not typed");
    assert_eq!(filled.document.as_ref().unwrap().number, "A07731594");
    let checks = compare_with_typed(&reading.unwrap().unwrap(), &input);
    assert!(checks.iter().any(|c| c.status == CheckStatus::Failed && c.detail.contains("TEKRITI")), "{checks:?}");
}

/// A lost national passport presented under another identity says so; under the holder's own
/// identity it says what to check, since an impostor gives the name on the document.
#[test]
fn a_lost_document_says_whether_it_is_presented_by_someone_else() {
    use bordercheck::query::input::{DocumentInput, QueryInput};
    let engine = engine();
    let check = |family: &str, given: &str, dob: &str| {
        let input = QueryInput {
            document: Some(DocumentInput { number: "UA2231846".into(), country: "UTO".into(), ..Default::default() }),
            ..person(family, given, dob)
        };
        let groups = engine.search_all(&input.to_query().0, &MatchOptions::default());
        let hit = groups.iter().flat_map(|g| &g.hits).find(|h| h.record_id == "ND-PLANT-02").cloned().expect("the lost passport");
        hit.explanation.iter().find(|f| f.aspect == "registered holder").map(|f| f.detail.clone()).unwrap_or_default()
    };
    assert!(check("NOWAK", "ANNA", "1990-01-01").starts_with("PRESENTED BY SOMEONE ELSE: issued to BERGMAN, LENA"));
    assert!(check("BERGMAN", "LENA", "1979-09-02").contains("compare the face"));
}

/// A Black notice describes an unidentified body: a living traveller never matches it by name
/// (KAYA ZEYNEP 1975-11-13 did), and the generator gives it no date of birth.
#[test]
fn black_notices_are_not_matched_by_a_travellers_name() {
    let engine = engine();
    let input = person("KAYA", "ZEYNEP", "1975-11-13");
    let groups = engine.search_all(&input.to_query().0, &MatchOptions::default());
    assert!(groups.iter().flat_map(|g| &g.hits).all(|h| h.database.code() != "black_notice"));
    let demo = bordercheck::demo::demo_dataset();
    let black: Vec<_> = demo.dataset.interpol.notices.iter().filter(|n| n.kind == bordercheck::domain::NoticeKind::Black).collect();
    assert!(!black.is_empty() && black.iter().all(|n| n.date_of_birth.is_none() && !n.foreign_fighter));
}
