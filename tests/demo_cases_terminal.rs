//! Workshop demo, driven through the terminal's accessibility tree: the presenter opens the demo
//! cases, runs one and the room sees its caption beside the result; Play all steps on by itself
//! until the presenter presses a key.

mod common;

use bordercheck::ui::TerminalApp;
use common::{fast_settings, query_complete, step_until};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

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
    // With the caption on screen the terminal photographs itself for the handout.
    h.run_steps(2);
    assert!(h.state().cases.shot_pending == Some(3) || h.state().cases.shots.contains_key(&3), "a screenshot of case 3 was asked for");
    // The renderer's picture arrives (here fed in as the renderer would hand it over)...
    let picture = std::sync::Arc::new(egui::ColorImage::filled([1400, 900], egui::Color32::from_rgb(30, 60, 90)));
    h.state().cases.shot_sender().send((3, picture)).expect("the shot channel");
    h.run_steps(2);
    assert!(h.state().cases.shots.contains_key(&3) && h.state().cases.shot_pending.is_none());
    // ...and goes into the handout as an embedded PNG, scaled to a page's width.
    let png = bordercheck::ui::cases_panel::shot_png(&h.state().cases.shots[&3]).expect("encodes");
    let decoded = image::load_from_memory(&png).expect("a PNG");
    assert_eq!((decoded.width(), decoded.height()), (960, 617));
    let shots = std::collections::BTreeMap::from([(3, png)]);
    let html = bordercheck::demo::cases::handout_html(&h.state().booth.engine().demo_cases, &shots);
    assert!(html.contains("alt=\"The terminal showing case 3\" src=\"data:image/png;base64,"));

    // Play all, at the quickest pace: case 1, then case 2 on its own.
    h.state_mut().cases.pace_s = 3.0;
    h.get_by_label("Play all").click_accesskit();
    step_until(&mut h, "Play all reaches case 2", |h| h.state().cases.active == Some(1));
    assert!(h.state().cases.playing.is_some());
    h.key_press(egui::Key::Escape);
    h.run_steps(2);
    assert!(h.state().cases.playing.is_none(), "a key hands control back to the presenter");
}
