//! Workshop demo, driven through the terminal's accessibility tree: the presenter opens the demo
//! cases, runs one and the room sees its caption beside the result; Play all steps on by itself
//! until the presenter presses a key.

use std::time::{Duration, Instant};

use bordercheck::engine::SourceId;
use bordercheck::ui::{Settings, TerminalApp};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

fn step_until(h: &mut Harness<'_, TerminalApp>, what: &str, done: impl Fn(&mut Harness<'_, TerminalApp>) -> bool) {
    let start = Instant::now();
    while !done(h) {
        assert!(start.elapsed() < Duration::from_secs(20), "timed out waiting for: {what}");
        std::thread::sleep(Duration::from_millis(20));
        h.step();
    }
    h.step();
}

fn fast_settings() -> Settings {
    let mut s = Settings::default();
    for source in SourceId::ALL {
        let p = s.sim.profile_mut(source);
        p.latency_mean_ms = 30;
        p.latency_spread_ms = 20;
        p.timeout_ms = 3_000;
        p.error_rate = 0.0;
    }
    s
}

fn query_complete(h: &mut Harness<'_, TerminalApp>) -> bool {
    h.state().booth.current.as_ref().is_some_and(bordercheck::query::QueryRun::is_complete)
}

#[test]
fn a_presenter_runs_a_case_sees_its_caption_and_plays_all_until_a_key_is_pressed() {
    let mut h = Harness::builder()
        .with_size([1400.0, 900.0])
        .build_eframe(|cc| TerminalApp::with_settings(cc.egui_ctx.clone(), fast_settings(), None));
    h.step();
    h.get_by_label("View").click();
    h.run_steps(3);
    h.get_by_label("Demo cases…").click();
    h.run_steps(3);
    h.get_by_label("3. Red-notice subject under a transliterated name").click_accesskit();
    step_until(&mut h, "case 3's query", query_complete);
    h.get_by_label("Case 3 — Red-notice subject under a transliterated name");
    h.get_by_label_contains("Expected top hit: 2017/12345");
    assert_eq!(h.state().groups()[0].headline().record_id, "2017/12345", "the room sees what the caption promises");

    // Play all, at the quickest pace: case 1, then case 2 on its own.
    h.state_mut().cases.pace_s = 3.0;
    h.get_by_label("Play all").click_accesskit();
    step_until(&mut h, "Play all reaches case 2", |h| h.state().cases.active == Some(1));
    assert!(h.state().cases.playing.is_some());
    h.key_press(egui::Key::Escape);
    h.run_steps(2);
    assert!(h.state().cases.playing.is_none(), "a key hands control back to the presenter");
}
