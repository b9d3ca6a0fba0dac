//! Helpers the terminal's user-story tests share: a harness on fast simulated links, stepping
//! in real time until something holds (bounded), typing into a labelled field.
#![allow(dead_code)] // each test file uses its own subset

use std::time::{Duration, Instant};

use bordercheck::engine::SourceId;
use bordercheck::ui::{Settings, TerminalApp};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

/// Fast but real simulated links, so tests wait milliseconds, not seconds.
pub fn fast_settings() -> Settings {
    let mut s = Settings::default();
    for source in SourceId::ALL {
        let p = s.sim.profile_mut(source);
        p.latency_mean_ms = 30;
        p.latency_spread_ms = 20;
        p.timeout_ms = 3_000;
        p.error_rate = 0.0;
    }
    // Replies within a second, so a test waits for the procedure, not for the clock.
    s.confirmation_delays = bordercheck::booth::ConfirmationDelays { min_s: 0, max_s: 1 };
    s
}

pub fn harness(settings: Settings) -> Harness<'static, TerminalApp> {
    Harness::builder().with_size([1400.0, 900.0]).build_eframe(move |cc| TerminalApp::with_settings(cc.egui_ctx.clone(), settings, None))
}

/// Steps the app in real time until `done` holds (bounded).
pub fn step_until(h: &mut Harness<'_, TerminalApp>, what: &str, done: impl Fn(&Harness<'_, TerminalApp>) -> bool) {
    let start = Instant::now();
    while !done(h) {
        assert!(start.elapsed() < Duration::from_secs(20), "timed out waiting for: {what}");
        std::thread::sleep(Duration::from_millis(20));
        h.step();
    }
    h.step();
}

pub fn type_into(h: &mut Harness<'_, TerminalApp>, label: &str, text: &str) {
    h.get_by_label(label).focus();
    h.step();
    h.get_by_label(label).type_text(text);
    h.step();
}

/// New windows need a sizing pass before they appear in the accessibility tree.
pub fn settle(h: &mut Harness<'_, TerminalApp>) {
    for _ in 0..4 {
        h.step();
    }
}

pub fn query_complete(h: &Harness<'_, TerminalApp>) -> bool {
    h.state().booth.current.as_ref().is_some_and(bordercheck::query::QueryRun::is_complete)
}

/// The instructor opens the instructor panel with `pin` (F9, the PIN prompt).
pub fn open_instructor_panel(h: &mut Harness<'_, TerminalApp>, pin: &str) {
    h.key_press(egui::Key::F9);
    settle(h);
    type_into(h, "Instructor PIN", pin);
    h.get_by_label("Open instructor panel").click_accesskit();
    settle(h);
}

/// Training → Start built-in scenario `index`, with `pin` as the instructor PIN.
pub fn start_builtin_exercise(h: &mut Harness<'_, TerminalApp>, index: usize, pin: &str) {
    h.state_mut().send(bordercheck::ui::Command::StartBuiltinScenario(index));
    settle(h);
    type_into(h, "Instructor PIN", pin);
    h.get_by_label("Start scenario").click_accesskit();
    settle(h);
}
