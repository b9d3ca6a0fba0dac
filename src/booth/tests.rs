//! The officer's day at the desk, without a window.

use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::{Local, TimeZone};

use super::*;
use crate::demo::demo_dataset;
use crate::query::input::{DocumentInput, PersonInput, QueryInput};
use crate::sim::confirmation::{ConfirmationReply, confirmation_reply};

fn booth() -> Booth {
    let mut b = Booth::new(Arc::new(Engine::build(demo_dataset().dataset)), Arc::new(|| {}));
    b.officer = "officer-7".into();
    b.delays = ConfirmationDelays { min_s: 60, max_s: 60 };
    b
}

fn at(minute: u32) -> DateTime<Local> {
    Local.with_ymd_and_hms(2026, 11, 30, 9, minute, 0).single().expect("a valid local time")
}

fn red_notice_query() -> Query {
    let input = QueryInput {
        person: Some(PersonInput {
            family_name: "TIKRITI".into(),
            given_names: "MOHAMMED YOUSSEF".into(),
            date_of_birth: "1979-03-21".into(),
            ..Default::default()
        }),
        ..Default::default()
    };
    input.to_query().0
}

fn stolen_blank_query() -> Query {
    let input = QueryInput {
        document: Some(DocumentInput { number: "UT4471920".into(), country: "UTO".into(), ..Default::default() }),
        ..Default::default()
    };
    input.to_query().0
}

/// Sends the query and waits for both answers, as the CLI does.
fn check(b: &mut Booth, query: Query, sim: &SimSettings, wall: DateTime<Local>) {
    b.submit(query, sim, MatchOptions::default(), String::new());
    b.wait(wall);
}

/// A seed under which the first request for this record gets `wanted`.
fn seed_giving(record: &str, score: u8, wanted: ConfirmationReply) -> u64 {
    (0..10_000).find(|s| confirmation_reply(*s, record, score, 1).1 == wanted).expect("some seed gives it")
}

#[test]
fn query_hit_confirmation_reply_decision_all_in_the_audit_trail() {
    let mut b = booth();
    let start = Instant::now();
    check(&mut b, red_notice_query(), &SimSettings::instant(1), at(0));
    let head = b.groups()[0].headline().clone();
    assert_eq!(head.record_id, "2017/12345");
    b.seed = seed_giving(&head.record_id, head.score, ConfirmationReply::Confirmed);
    assert!(b.request_confirmation(&head.record_id, start, at(1)));
    assert!(!b.request_confirmation(&head.record_id, start, at(1)), "one request at a time");
    b.poll(start + Duration::from_secs(30), at(1), None);
    assert!(b.confirmations()[&head.record_id].is_pending(), "the reply takes the configured time");
    b.poll(start + Duration::from_secs(61), at(2), None);
    assert!(b.confirmations()[&head.record_id].is_confirmed());
    b.decide(Decision::Detain, "handed to the NCB", None, Instant::now(), at(3)).expect("a confirmed Red notice: detain");
    let summaries: Vec<&str> = b.audit.entries().iter().map(|e| e.summary.as_str()).collect();
    assert!(summaries[1].starts_with("confirmation request #1 to FRA"), "{summaries:?}");
    assert!(summaries[2].starts_with("reply from FRA on 2017/12345 (request #1): Confirmed"), "{summaries:?}");
    let entry = &b.audit.entries()[0];
    assert_eq!(entry.decision, Some(Decision::Detain));
    assert_eq!(entry.time, at(0), "the query's time");
    assert_eq!(entry.decided_at, Some(at(3)), "the decision's own time");
    assert_eq!(entry.officer, "officer-7");
}

#[test]
fn no_reply_yet_leaves_a_way_to_ask_again_and_the_warning_stays() {
    let mut b = booth();
    let start = Instant::now();
    check(&mut b, red_notice_query(), &SimSettings::instant(1), at(0));
    let head = b.groups()[0].headline().clone();
    b.seed = seed_giving(&head.record_id, head.score, ConfirmationReply::NoReplyYet);
    b.request_confirmation(&head.record_id, start, at(1));
    b.poll(start + Duration::from_secs(61), at(2), None);
    let c = &b.confirmations()[&head.record_id];
    assert_eq!(c.reply, Some(ConfirmationReply::NoReplyYet));
    assert!(c.can_ask_again() && !c.is_confirmed(), "hold, warn, and ask again");
    assert!(b.request_confirmation(&head.record_id, start + Duration::from_secs(62), at(3)), "asked again");
    assert_eq!(b.confirmations()[&head.record_id].requests, 2);
    assert!(b.audit.entries().iter().any(|e| e.summary.starts_with("confirmation request #2")));
}

#[test]
fn admitting_against_an_unconfirmed_red_notice_needs_a_reason_recorded_as_an_override() {
    let mut b = booth();
    check(&mut b, red_notice_query(), &SimSettings::instant(1), at(0));
    let err = b.decide(Decision::Admit, "", None, Instant::now(), at(5)).expect_err("an unconfirmed CRITICAL hit");
    assert!(matches!(err, DecideError::NeedsOverrideReason { ref record_id, severity: Severity::Critical } if record_id == "2017/12345"));
    assert_eq!(b.decided(), None);
    b.decide(Decision::Admit, "supervisor present", Some("photo clearly another person"), Instant::now(), at(6)).expect("with a reason");
    let remark = &b.audit.entries()[0].decision_remark;
    assert!(remark.starts_with("OVERRIDE of unconfirmed CRITICAL hit 2017/12345: photo clearly another person"), "{remark}");
    // Referring to secondary is always allowed: it is the safe step.
    b.decide(Decision::Secondary, "supervisor present", None, Instant::now(), at(7)).expect("secondary needs no reason");
    let e = &b.audit.entries()[0];
    assert_eq!(e.decision_remark, "supervisor present", "a changed decision replaces its remark, never appends it");
    assert_eq!(e.decided_at, Some(at(7)));
}

#[test]
fn a_national_warrant_needs_no_foreign_confirmation() {
    let mut b = booth();
    let input = QueryInput {
        person: Some(PersonInput {
            family_name: "VOLKOV".into(),
            given_names: "DMITRIY".into(),
            date_of_birth: "1985-07-30".into(),
            ..Default::default()
        }),
        ..Default::default()
    };
    check(&mut b, input.to_query().0, &SimSettings::instant(1), at(0));
    assert_eq!(b.groups()[0].headline().record_id, "NP-PLANT-07");
    b.decide(Decision::RefuseEntry, "", None, Instant::now(), at(1)).expect("no owning country to ask");
}

#[test]
fn link_down_local_copy_then_link_back_replaces_the_result_with_a_banner() {
    let mut b = booth();
    let mut sim = SimSettings::instant(3);
    sim.interpol.offline = true;
    check(&mut b, red_notice_query(), &sim, at(0));
    assert!(b.groups().is_empty(), "the national side has nothing; notices are not in the local copy");
    assert_eq!(b.queued.len(), 1, "the query waits for the link");
    sim.interpol.offline = false;
    let start = Instant::now();
    for _ in 0..200 {
        b.handle_link(&sim, MatchOptions::default(), Instant::now(), at(10));
        b.poll(Instant::now(), at(10), None);
        if b.result_change.is_some() {
            break;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    let banner = b.result_change.clone().expect("the traveller is still at the desk: banner");
    assert!(banner.message.contains("RESULT CHANGED") && banner.message.contains("2017/12345"), "{}", banner.message);
    assert_eq!(b.groups()[0].headline().record_id, "2017/12345", "the result on screen is the new one");
    assert!(start.elapsed() < Duration::from_secs(5));
    assert!(b.audit.entries().iter().any(|e| e.summary.starts_with("re-run after link restored") && e.remark.starts_with("CHANGED")));
    b.dismiss_result_change();
    assert!(b.result_change.is_none());
}

#[test]
fn a_traveller_who_left_before_the_link_returned_raises_a_persistent_alert() {
    let mut b = booth();
    let mut sim = SimSettings::instant(3);
    sim.interpol.offline = true;
    check(&mut b, red_notice_query(), &sim, at(0));
    b.decide(Decision::Admit, "", None, Instant::now(), at(1)).expect("no hit to go against");
    b.new_traveller();
    check(&mut b, stolen_blank_query(), &sim, at(2));
    sim.interpol.offline = false;
    for _ in 0..200 {
        b.handle_link(&sim, MatchOptions::default(), Instant::now(), at(10));
        b.poll(Instant::now(), at(10), None);
        if !b.alerts.is_empty() {
            break;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    let alert = b.alerts.iter().find(|a| a.message.contains("2017/12345")).expect("an alert naming the new hit");
    assert!(alert.message.contains("TIKRITI") && alert.message.contains("has left the desk"), "{}", alert.message);
}

#[test]
fn a_busy_desk_is_one_with_an_undecided_traveller() {
    let mut b = booth();
    assert!(!b.is_busy());
    check(&mut b, stolen_blank_query(), &SimSettings::instant(1), at(0));
    assert!(b.is_busy());
    b.decide(Decision::Detain, "", None, Instant::now(), at(1)).expect("detain is always allowed");
    assert!(!b.is_busy());
}

#[test]
fn in_an_exercise_the_reply_follows_who_the_traveller_really_is() {
    let mut b = booth();
    let start = Instant::now();
    check(&mut b, red_notice_query(), &SimSettings::instant(1), at(0));
    let head = b.groups()[0].headline().clone();
    // Chance alone would say "NOT the same person" under this seed…
    b.seed = seed_giving(&head.record_id, head.score, ConfirmationReply::NotSamePerson);
    // …but the scenario says this traveller is the notice's subject.
    b.truth = Some(vec![head.record_id.clone()]);
    b.request_confirmation(&head.record_id, start, at(1));
    b.poll(start + Duration::from_secs(61), at(2), None);
    assert!(b.confirmations()[&head.record_id].is_confirmed());
    // An impostor: the same hit, and the truth says the traveller is someone else.
    let mut b = booth();
    check(&mut b, red_notice_query(), &SimSettings::instant(1), at(0));
    b.seed = seed_giving(&head.record_id, head.score, ConfirmationReply::Confirmed);
    b.truth = Some(Vec::new());
    b.request_confirmation(&head.record_id, start, at(1));
    b.poll(start + Duration::from_secs(61), at(2), None);
    assert_eq!(b.confirmations()[&head.record_id].reply, Some(ConfirmationReply::NotSamePerson));
}

#[test]
fn outside_an_exercise_the_answer_on_file_decides_and_only_without_it_chance() {
    let start = Instant::now();
    let mut b = booth();
    check(&mut b, red_notice_query(), &SimSettings::instant(1), at(0));
    let head = b.groups()[0].headline().clone();
    assert_eq!(head.record_id, "2017/12345");
    // Chance alone would say "NOT the same person" under this seed, but the demo's record says
    // its subject is this traveller: the owning country confirms.
    b.seed = seed_giving(&head.record_id, head.score, ConfirmationReply::NotSamePerson);
    b.request_confirmation(&head.record_id, start, at(1));
    b.poll(start + Duration::from_secs(61), at(2), None);
    assert!(b.confirmations()[&head.record_id].is_confirmed());
    // A record with no answer on file (a random notice of the demo) is left to chance.
    let mut loaded = demo_dataset().dataset;
    loaded.interpol.notices.iter_mut().for_each(|n| n.confirmation = None);
    let mut b = Booth::new(Arc::new(crate::engine::Engine::build(loaded)), Arc::new(|| {}));
    b.delays = ConfirmationDelays { min_s: 60, max_s: 60 };
    check(&mut b, red_notice_query(), &SimSettings::instant(1), at(0));
    b.seed = seed_giving(&head.record_id, head.score, ConfirmationReply::NotSamePerson);
    b.request_confirmation(&head.record_id, start, at(1));
    b.poll(start + Duration::from_secs(61), at(2), None);
    assert_eq!(b.confirmations()[&head.record_id].reply, Some(ConfirmationReply::NotSamePerson));
}

#[test]
fn an_exercise_at_the_desk_is_scored_from_what_the_booth_saw() {
    use crate::training::TrainingSession;
    let mut b = booth();
    let scenario = crate::training::builtin::builtin_scenarios().iter().find(|s| s.title == "Link down").expect("built-in").clone();
    let t0 = Instant::now();
    b.training = Some(TrainingSession::new(scenario, "4711", t0));
    // K1: clean, admitted.
    let k1 = b.training.as_ref().and_then(TrainingSession::current).expect("K1").presents.clone();
    check(&mut b, k1.to_query().0, &SimSettings::instant(1), at(0));
    b.decide(Decision::Admit, "", None, t0 + Duration::from_secs(20), at(1)).expect("clean traveller");
    // K2 (Red notice + national watch): confirmation asked, then detained.
    b.new_traveller();
    let (k2, _) = crate::document_reading::fill_from_mrz(
        &b.training.as_ref().and_then(TrainingSession::current).expect("K2").presents,
        chrono::NaiveDate::from_ymd_opt(2026, 11, 30).expect("date"),
    );
    check(&mut b, k2.to_query().0, &SimSettings::instant(1), at(2));
    let red = b.groups().iter().flat_map(|g| &g.hits).find(|h| h.record_id == "2018/20771").expect("the Red notice").record_id.clone();
    assert!(b.request_confirmation(&red, t0, at(3)));
    b.decide(Decision::Detain, "", None, t0 + Duration::from_secs(80), at(4)).expect("detain");
    let debrief = b.training.as_ref().expect("running").debrief();
    let (r1, r2) = (&debrief.rows[0], &debrief.rows[1]);
    assert_eq!((r1.actual, r2.actual), (Some(Decision::Admit), Some(Decision::Detain)));
    assert!(r2.hits_available.contains(&red), "{:?}", r2.hits_available);
    assert!(r2.confirmation_requested && !r2.detained_unconfirmed(), "{r2:?}");
    assert!(r2.correct());
    assert!(b.finish_exercise(at(5)).is_none(), "six travellers still wait");
    b.training.as_mut().expect("running").end();
    let done = b.finish_exercise(at(6)).expect("ended by the instructor");
    assert_eq!(done.totals().not_reached, done.rows.len() - 3);
    assert!(b.training.is_none());
    assert!(b.audit.entries().last().expect("entry").summary.starts_with("Training ended: Link down"));
}

#[test]
fn each_decision_in_an_exercise_is_announced_once_with_its_traveller_and_time() {
    // What a classroom trainee's terminal sends to the instructor: the booth's own record.
    use crate::training::TrainingSession;
    let mut b = booth();
    let scenario = crate::training::builtin::builtin_scenarios()[0].clone();
    let t0 = Instant::now();
    b.training = Some(TrainingSession::new(scenario, "4711", t0));
    let first = b.training.as_ref().and_then(TrainingSession::current).expect("traveller 1").presents.clone();
    check(&mut b, first.to_query().0, &SimSettings::instant(1), at(0));
    b.take_events();
    b.decide(Decision::Admit, " waved through ", None, t0 + Duration::from_secs(25), at(1)).expect("admit");
    let decided: Vec<_> = b
        .take_events()
        .into_iter()
        .filter_map(|e| match e {
            BoothEvent::TrainingDecided { number, decision, remark, seconds } => Some((number, decision, remark, seconds)),
            _ => None,
        })
        .collect();
    assert_eq!(decided.len(), 1);
    let (number, decision, remark, seconds) = &decided[0];
    assert_eq!((*number, *decision, remark.as_str()), (1, Decision::Admit, "waved through"));
    assert!((seconds - 25.0).abs() < 0.5, "{seconds}");
    // Outside an exercise nothing is announced.
    let mut b = booth();
    check(&mut b, red_notice_query(), &SimSettings::instant(1), at(0));
    b.decide(Decision::Detain, "", None, Instant::now(), at(1)).expect("detain");
    assert!(!b.take_events().iter().any(|e| matches!(e, BoothEvent::TrainingDecided { .. })));
}

#[test]
fn before_landing_the_desk_waits_and_landing_writes_the_final_marks_to_the_audit_trail() {
    let scenario = crate::training::builtin::builtin_scenarios()
        .iter()
        .find(|s| s.manifest.is_some())
        .expect("a built-in scenario names a passenger list")
        .clone();
    let mut b = booth();
    let t0 = Instant::now();
    b.training = Some(crate::training::TrainingSession::new(scenario, "1234", t0));
    assert!(b.training.as_ref().is_some_and(|s| s.current().is_none()), "nobody at the desk before landing");
    assert!(b.mark_for_stop(1, true) && b.mark_for_stop(0, true));
    assert!(!b.mark_for_stop(9_999, true), "not a position on the list");
    let entries = b.audit.len();
    b.land(t0, at(5));
    assert_eq!(b.audit.len(), entries + 1);
    let note = &b.audit.entries()[entries];
    assert!(note.summary.contains("Flight XY123 landed"), "{}", note.summary);
    assert_eq!(note.remark, "marked to stop: #1, #2", "in list order");
    assert!(!b.mark_for_stop(2, true), "marks are final once landed");
    assert!(b.training.as_ref().is_some_and(|s| s.current().is_some()), "the desk is open");
    // Landing twice writes nothing more.
    b.land(t0, at(6));
    assert_eq!(b.audit.len(), entries + 1);
}
