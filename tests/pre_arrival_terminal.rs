//! A trainer's pre-arrival exercise, told as the trainee lives it: the flight's passenger list
//! arrives before landing, the trainee ticks whom to stop on its targeting list, presses
//! Landed, and the desk opens with the first traveller; marks are final after landing.

mod common;

use common::{fast_settings, harness, settle, start_builtin_exercise, step_until};
use egui_kittest::kittest::Queryable;

#[test]
fn the_trainee_marks_targets_before_landing_then_works_the_desk() {
    let mut h = harness(fast_settings());
    h.step();
    let index = bordercheck::training::builtin::builtin_scenarios()
        .iter()
        .position(|s| s.manifest.is_some())
        .expect("a built-in pre-arrival scenario");
    start_builtin_exercise(&mut h, index, "4321");
    // Before landing: no traveller at the desk; the exercise's list is screened in Arrivals.
    h.get_by_label_contains("Before landing — flight XY123");
    assert!(h.state().booth.training.as_ref().is_some_and(|s| s.current().is_none()));
    step_until(&mut h, "the exercise's flight is screened", |h| h.query_by_label_contains("Targeting list — flight XY123").is_some());
    h.get_by_label("Exercise, before landing:");

    // The trainee ticks TIKRITI (#1) and HADDAD (#2), the two with hits.
    h.get_by_label("Stop #1 TIKRITI").click();
    settle(&mut h);
    h.get_by_label("Stop #2 HADDAD").click();
    settle(&mut h);
    let marked = |h: &egui_kittest::Harness<'_, bordercheck::ui::TerminalApp>, i: usize| {
        h.state().booth.training.as_ref().and_then(|s| s.pre_arrival()).is_some_and(|p| p.is_marked(i))
    };
    assert!(marked(&h, 0) && marked(&h, 1), "both ticks reached the exercise");

    // Landed: the desk opens with the first traveller, and the marks are final.
    assert_eq!(h.get_all_by_label_contains("(2 marked)").count(), 2, "the count shows in the training bar and in Arrivals");
    h.get_all_by_label("Landed: open the desk").next().expect("the landing button").click_accesskit();
    settle(&mut h);
    assert!(h.state().booth.training.as_ref().and_then(|s| s.current()).is_some(), "a traveller is at the desk");
    assert!(!h.state().arrivals.open, "landing clears the way to the desk");
    h.state_mut().send(bordercheck::ui::Command::ShowArrivals);
    settle(&mut h);
    h.get_by_label_contains("Landed: 2 marked to stop (final)");
    assert!(
        h.state().booth.audit.entries().iter().any(|e| e.remark.contains("marked to stop: #1, #2")),
        "the marks are in the audit trail"
    );
    h.get_by_label("Stop #1 TIKRITI").click();
    settle(&mut h);
    assert!(marked(&h, 0), "a disabled tick changes nothing after landing");
}
