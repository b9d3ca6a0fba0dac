//! Arrivals, driven through the terminal's accessibility tree: a flight's passenger list is
//! opened and screened before landing, its targeting list shows, and at the desk a traveller
//! presenting an announced passenger's document shows the pre-arrival result and the swap.

mod common;

use bordercheck::ui::TerminalApp;
use common::{fast_settings, step_until, type_into};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

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
    assert_eq!(
        h.state().settings.recent_manifests.first().map(|p| p.ends_with("xy123-ist-uto.edi")),
        Some(true),
        "File → Recent passenger lists has it"
    );
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
