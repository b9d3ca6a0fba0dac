//! Arrivals, driven through the terminal's accessibility tree: a flight's passenger list is
//! opened and screened before landing, its targeting list shows, and at the desk a traveller
//! presenting an announced passenger's document shows the pre-arrival result and the swap.

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

fn type_into(h: &mut Harness<'_, TerminalApp>, label: &str, text: &str) {
    h.get_by_label(label).focus();
    h.step();
    h.get_by_label(label).type_text(text);
    h.step();
}

#[test]
fn a_screened_flight_lists_its_targets_and_the_desk_flags_a_passport_presented_by_someone_else() {
    let mut h = Harness::builder()
        .with_size([1400.0, 900.0])
        .build_eframe(|cc| TerminalApp::with_settings(cc.egui_ctx.clone(), fast_settings(), None));
    h.step();
    // File → Open passenger list… picks this file (the dialog itself is the platform's).
    let list = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("sample_data/manifests/xy123-ist-uto.edi");
    h.state_mut().open_manifest(list);
    step_until(&mut h, "the flight is screened", |h| h.query_by_label_contains("Targeting list — flight XY123").is_some());
    h.get_by_label("TIKRITI MOHAMMED YOUSSEF");
    h.get_by_label_contains("travels with #2 on booking HDD777");

    // At the desk: HADDAD KARIM's announced passport, presented by someone else.
    h.state_mut().arrivals.open = false;
    h.step();
    type_into(&mut h, "Document number", "TN8841207");
    type_into(&mut h, "Family name", "MANSOUR");
    type_into(&mut h, "Given names", "SAMI");
    h.key_press(egui::Key::Enter);
    step_until(&mut h, "the query", |h| h.state().booth.current.as_ref().is_some_and(bordercheck::query::QueryRun::is_complete));
    h.get_by_label_contains("Pre-arrival: flight XY123, traveller #2 (by document)");
    h.get_by_label_contains("Announced: HADDAD KARIM");
    h.get_by_label_contains("impostor");
}
