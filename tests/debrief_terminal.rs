//! The debrief on a 1366×768 laptop: the whole window on screen, the table header fixed above
//! the rows, the travellers never called said as "not reached".

mod common;

use bordercheck::ui::TerminalApp;
use common::{fast_settings, open_instructor_panel, settle, start_builtin_exercise};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

#[test]
fn an_exercise_ended_early_debriefs_on_a_laptop_screen() {
    let mut h = Harness::builder()
        .with_size([1366.0, 768.0])
        .build_eframe(|cc| TerminalApp::with_settings(cc.egui_ctx.clone(), fast_settings(), None));
    h.step();
    start_builtin_exercise(&mut h, 0, "4711");
    // The instructor ends it at once: every traveller is "not reached".
    open_instructor_panel(&mut h, "4711");
    h.get_by_label("End scenario").click_accesskit();
    settle(&mut h);
    h.get_by_label("End now").click_accesskit();
    settle(&mut h);
    let title = h.get_by_label_contains("Debrief — Airport arrivals").rect();
    let header = h.get_by_label("Teaching note").rect();
    assert!(title.top() >= 0.0 && header.right() <= 1366.0 && header.bottom() < 768.0, "{title:?} {header:?}");
    assert!(h.query_all_by_label("not reached").count() >= 1);
}
