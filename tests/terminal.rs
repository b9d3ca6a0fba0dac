//! The terminal driven through the accessibility tree (no display needed).

mod common;

use std::time::{Duration, Instant};

use bordercheck::ui::{Command, TerminalApp};
use common::{fast_settings, harness, open_instructor_panel, query_complete, settle, start_builtin_exercise, step_until, type_into};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

#[test]
fn stolen_blank_passport_shows_the_sltd_hit_and_its_action() {
    let mut h = harness(fast_settings());
    h.step();
    type_into(&mut h, "Document number", "UT4471920");
    type_into(&mut h, "Issuing country", "UTO");
    h.key_press(egui::Key::Enter);
    h.step();
    assert!(h.state().booth.current.is_some(), "Enter sends the query");
    step_until(&mut h, "both sources answer", query_complete);
    assert!(h.query_all_by_label_contains("SLTD stolen blank SLTD-PLANT-01").count() >= 1, "hit row");
    assert!(h.query_all_by_label_contains("Stolen blank (never issued)").count() >= 1, "action");
    assert_eq!(h.query_all_by_label_contains("answered in").count(), 2, "both source cards answered");
    assert_eq!(h.state().booth.audit.len(), 1, "the query is in the audit trail");
}

#[test]
fn interpol_offline_still_gives_the_national_answer() {
    let mut settings = fast_settings();
    settings.sim.interpol.offline = true;
    settings.sim.local_copy.enabled = false;
    let mut h = harness(settings);
    h.step();
    type_into(&mut h, "Family name", "AL-MASRI");
    type_into(&mut h, "Given names", "OMAR");
    type_into(&mut h, "Date of birth", "1988-02-14");
    h.key_press(egui::Key::Enter);
    step_until(&mut h, "query completes", query_complete);
    h.get_by_label_contains("INTERPOL did not answer");
    h.get_by_label_contains("offline");
    assert!(h.query_all_by_label_contains("National alert: foreign-fighter watch").count() >= 1);
}

#[test]
fn a_malformed_dataset_shows_its_problems_and_the_demo_stays_loaded() {
    let mut h = harness(fast_settings());
    h.step();
    h.state_mut().send(Command::LoadDataset("tests/data/malformed.ron".into()));
    step_until(&mut h, "error window", |h| h.query_by_label_contains("Dataset not loaded").is_some());
    h.get_by_label_contains("date_of_birth");
    assert_eq!(h.state().engine().name, "Demo dataset");
}

#[test]
fn confirmation_request_gets_a_reply_and_the_decision_is_audited() {
    let mut h = harness(fast_settings());
    h.step();
    type_into(&mut h, "Family name", "TIKRITI");
    type_into(&mut h, "Given names", "MOHAMMED YOUSSEF");
    type_into(&mut h, "Date of birth", "1979-03-21");
    h.key_press(egui::Key::Enter);
    step_until(&mut h, "query completes", query_complete);
    h.get_by_label_contains("Not confirmed — do not act on this hit alone");
    h.get_by_label_contains("Request confirmation from owning country FRA").click_accesskit();
    // The pending request shows in the hit-table row as well as in the detail.
    step_until(&mut h, "request pending in the row", |h| h.query_all_by_label_contains("Request #1 to FRA pending").count() >= 1);
    step_until(&mut h, "reply from FRA", |h| h.query_all_by_label_contains("Reply from FRA").count() >= 2);
    assert!(
        h.state().booth.audit.entries().iter().any(|e| e.summary.starts_with("confirmation request #1 to FRA")),
        "the request is audited"
    );
    h.get_by_label_contains("Detain (").click_accesskit();
    h.step();
    h.step();
    let entry = &h.state().booth.audit.entries()[0];
    assert_eq!(entry.decision, Some(bordercheck::audit::Decision::Detain));
    assert!(entry.top_hit.contains("2017/12345"), "{}", entry.top_hit);
}

#[test]
fn escape_clears_the_traveller() {
    let mut h = harness(fast_settings());
    h.step();
    type_into(&mut h, "Family name", "SOMEONE");
    assert_eq!(h.state().form.family_name, "SOMEONE");
    h.key_press(egui::Key::Escape);
    h.step();
    assert!(h.state().form.family_name.is_empty());
}

#[test]
fn pasting_an_mrz_fills_the_form_runs_the_query_and_flags_a_forgery() {
    let mut h = harness(fast_settings());
    h.step();
    type_into(&mut h, "MRZ (paste or scan)", &bordercheck::generate::planted::forged_mrz());
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::M);
    h.step();
    assert_eq!(h.state().form.family_name, "NAZARI");
    assert_eq!(h.state().form.doc_number, "UT7734105");
    step_until(&mut h, "query completes", query_complete);
    assert!(h.query_all_by_label_contains("possible forgery or misread").count() >= 1);
    assert!(h.state().booth.audit.entries()[0].remark.contains("document number check digit"), "forgery recorded in the audit trail");
}

#[test]
fn training_scenario_two_travellers_instructor_pin_and_debrief() {
    let mut h = harness(fast_settings());
    h.step();
    h.state_mut().send(Command::StartBuiltinScenario(0));
    settle(&mut h);
    assert!(h.state().pin_prompt.is_some(), "PIN prompt open");
    h.get_by_label_contains("set the instructor PIN");
    type_into(&mut h, "Instructor PIN", "4711");
    h.get_by_label("Start scenario").click_accesskit();
    settle(&mut h);
    assert!(h.state().booth.training.is_some(), "scenario started");
    h.get_by_label_contains("TRAINING — Airport arrivals");
    // Traveller 1: the form is pre-filled with what they present; query, then admit.
    assert!(h.query_by_label("at the booth").is_none(), "traveller 1 has no photo in the scenario");
    h.key_press(egui::Key::Enter);
    step_until(&mut h, "query 1", query_complete);
    h.get_by_label_contains("Admit (").click_accesskit();
    settle(&mut h);
    assert_eq!(h.state().booth.training.as_ref().unwrap().number(), 2, "next traveller called");
    // Traveller 2 (TDAWN): the face at the booth is shown; query, open the hit, refer to secondary.
    settle(&mut h);
    h.get_by_label("at the booth");
    h.get_by_label_contains("Compare the face at the booth");
    h.key_press(egui::Key::Enter);
    step_until(&mut h, "query 2", query_complete);
    assert!(h.query_all_by_label_contains("TDAWN").count() >= 1);
    h.get_by_label_contains("Refer to secondary (").click_accesskit();
    settle(&mut h);
    // The instructor panel needs the PIN.
    open_instructor_panel(&mut h, "0000");
    assert!(!h.state().instructor_open);
    h.get_by_label_contains("Wrong PIN");
    type_into(&mut h, "Instructor PIN", "4711");
    h.get_by_label("Open instructor panel").click_accesskit();
    settle(&mut h);
    assert!(h.state().instructor_open);
    h.get_by_label("End scenario").click_accesskit();
    settle(&mut h);
    // Ending asks first; keeping going changes nothing.
    h.get_by_label_contains("End the exercise?");
    h.get_by_label("Keep going").click_accesskit();
    settle(&mut h);
    assert!(h.state().booth.training.is_some(), "still running");
    h.get_by_label("End scenario").click_accesskit();
    settle(&mut h);
    h.get_by_label("End now").click_accesskit();
    settle(&mut h);
    assert!(h.state().booth.training.is_none());
    h.get_by_label_contains("Debrief — Airport arrivals");
    let debrief = h.state().debrief.clone().unwrap();
    assert_eq!(debrief.rows[0].actual, Some(bordercheck::audit::Decision::Admit));
    assert_eq!(debrief.rows[1].actual, Some(bordercheck::audit::Decision::Secondary));
    assert_eq!(debrief.rows[1].expected_hits_found(), 1);
    assert_eq!(debrief.totals().correct, 2);
}

#[test]
fn audit_entries_reach_the_hash_chained_file_before_they_show_as_saved() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("audit.jsonl");
    let mut h = harness(fast_settings());
    h.state_mut().keep_audit_on_disk(file.clone());
    h.step();
    type_into(&mut h, "Document number", "UT4471920");
    h.key_press(egui::Key::Enter);
    step_until(&mut h, "query completes", query_complete);
    step_until(&mut h, "entry saved", |h| h.state().booth.audit.is_recorded(0));
    h.get_by_label_contains("Detain (").click_accesskit();
    step_until(&mut h, "decision saved", |h| h.state().booth.audit.entries()[0].decision.is_some() && h.state().booth.audit.is_recorded(0));
    let report = bordercheck::audit::durable::verify_audit_file(&file).unwrap();
    assert!(report.is_intact());
    assert_eq!(report.entries.len(), 2, "the query, then the entry again with its decision");
    assert_eq!(report.entries[1].decision, Some(bordercheck::audit::Decision::Detain));
    assert!(h.query_all_by_label("on disk").count() >= 1);
}

#[test]
fn link_down_uses_the_local_sltd_copy_and_reruns_when_the_link_returns() {
    let mut settings = fast_settings();
    settings.sim.interpol.offline = true;
    let mut h = harness(settings);
    h.step();
    type_into(&mut h, "Document number", "UT4471920");
    type_into(&mut h, "Family name", "AL-MASRI");
    type_into(&mut h, "Given names", "OMAR");
    type_into(&mut h, "Date of birth", "1988-02-14");
    h.key_press(egui::Key::Enter);
    step_until(&mut h, "query completes", query_complete);
    assert!(h.query_all_by_label_contains("SLTD from local copy (31 h old)").count() >= 1, "card says local copy");
    assert!(h.query_all_by_label_contains("SLTD stolen blank SLTD-PLANT-01").count() >= 1, "the local copy still finds the stolen blank");
    assert!(h.query_all_by_label_contains("2018/20771").count() == 0, "notices are not in the local copy");
    assert_eq!(h.state().booth.queued.len(), 1, "the query waits for the link");
    h.state_mut().settings.sim.interpol.offline = false;
    step_until(&mut h, "re-run recorded", |h| {
        h.state().booth.audit.entries().iter().any(|e| e.summary.starts_with("re-run after link restored"))
    });
    let rerun = h.state().booth.audit.entries().iter().find(|e| e.summary.starts_with("re-run")).unwrap().clone();
    assert!(rerun.remark.contains("CHANGED") && rerun.remark.contains("2018/20771"), "{}", rerun.remark);
    assert!(h.state().booth.queued.is_empty());
    // The traveller is still at the desk: the new result replaces the old one under a banner
    // that stays until the officer dismisses it.
    settle(&mut h);
    assert!(h.query_all_by_label_contains("RESULT CHANGED after the INTERPOL link returned").count() >= 1, "banner");
    assert!(h.state().booth.groups().iter().any(|g| g.headline().record_id == "2018/20771"), "the Red notice is now the result");
    h.get_by_label("Dismiss").click_accesskit();
    settle(&mut h);
    assert!(h.state().booth.result_change.is_none(), "dismissed by the officer, not by a timer");
}

#[test]
fn escape_on_an_undecided_hit_asks_before_the_traveller_is_cleared() {
    let mut h = harness(fast_settings());
    h.step();
    type_into(&mut h, "Document number", "UT4471920");
    h.key_press(egui::Key::Enter);
    step_until(&mut h, "query completes", query_complete);
    h.key_press(egui::Key::Escape);
    settle(&mut h);
    h.get_by_label_contains("Clear the desk anyway?");
    h.get_by_label("Stay with this traveller").click_accesskit();
    settle(&mut h);
    assert!(h.state().booth.current.is_some(), "the traveller is still at the desk");
    h.key_press(egui::Key::Escape);
    settle(&mut h);
    h.get_by_label("Clear the desk").click_accesskit();
    settle(&mut h);
    assert!(h.state().booth.current.is_none());
}

#[test]
fn help_lists_the_words_the_officer_sees() {
    let mut h = harness(fast_settings());
    h.step();
    h.key_press(egui::Key::F1);
    settle(&mut h);
    h.get_by_label("Refuse entry");
    h.get_by_label("Request confirmation from the owning country");
    assert!(h.query_by_label_contains("Decide(").is_none() && h.query_by_label_contains("OpenInstructor").is_none());
}

#[test]
fn the_ui_keeps_drawing_frames_while_a_large_dataset_loads() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("large.ron");
    let spec = bordercheck::generate::GenerateSpec {
        seed: 9,
        persons: 30_000,
        notices: 30_000,
        sltd: 100_000,
        smv: 3_000,
        documents: 30_000,
        vehicles: 600,
        tdawn: 3_000,
        ..Default::default()
    };
    std::fs::write(&path, bordercheck::generate::dataset::to_ron(&bordercheck::generate::generate_dataset(&spec)).unwrap()).unwrap();
    let mut h = harness(fast_settings());
    h.step();
    h.state_mut().send(Command::LoadDataset(path));
    let (start, mut frames, mut slowest) = (Instant::now(), 0u32, Duration::ZERO);
    while h.state().engine().name == "Demo dataset" {
        assert!(start.elapsed() < Duration::from_secs(120), "dataset never loaded");
        let t = Instant::now();
        h.step();
        slowest = slowest.max(t.elapsed());
        frames += 1;
        std::thread::sleep(Duration::from_millis(5));
    }
    let loading = start.elapsed();
    assert!(frames >= 10, "only {frames} frames in {loading:?} of loading");
    // Debug builds draw slowly; the point is that no frame waits for the loader.
    assert!(slowest < loading / 4, "a frame took {slowest:?} while loading took {loading:?}");
    assert_eq!(h.state().engine().record_count, 196_600);
}

#[test]
fn a_record_with_long_values_does_not_squeeze_the_hit_table_and_no_header_is_cut() {
    for (w, h_px) in [(1366.0, 768.0), (1920.0, 1080.0)] {
        let mut h = Harness::builder()
            .with_size([w, h_px])
            .build_eframe(|cc| TerminalApp::with_settings(cc.egui_ctx.clone(), fast_settings(), None));
        h.step();
        type_into(&mut h, "Document number", "TN8841207");
        type_into(&mut h, "Issuing country", "TUN");
        h.key_press(egui::Key::Enter);
        step_until(&mut h, "query completes", query_complete);
        settle(&mut h);
        // The TDAWN record's long "VALID document linked to the notice" line is in the detail panel…
        assert!(h.query_all_by_label_contains("VALID document linked to the notice").count() >= 1);
        // …and every hit-table column, the action included, is still visible left of that panel.
        let detail_left = h.get_by_label("Hit detail").rect().left();
        assert!(detail_left >= w * 0.6 - 20.0, "the detail panel starts at x = {detail_left} of {w}: too wide");
        let header = h.get_by_label("Recommended action").rect();
        assert!(header.right() <= detail_left && header.width() > 60.0, "{w}: action column squeezed: {header:?}, panel at {detail_left}");
        // Every column header is whole: its text, laid out without wrapping, fits the room up
        // to the next column (a clipped label reports its clipped rect, so measure the text).
        let titles = ["Severity", "Score", "Record — who matched", "Source(s)", "Recommended action"];
        let rects: Vec<egui::Rect> = titles.iter().map(|t| h.get_by_label(t).rect()).collect();
        let font = egui::TextStyle::Body.resolve(&h.ctx.global_style());
        for (i, title) in titles.iter().enumerate().take(titles.len() - 1) {
            let text_width = h.ctx.fonts_mut(|f| f.layout_no_wrap((*title).to_owned(), font.clone(), egui::Color32::WHITE).size().x);
            // The cell's own room: up to the next column, less the gap between cells.
            let room = rects[i + 1].left() - rects[i].left() - h.ctx.global_style().spacing.item_spacing.x;
            assert!(text_width <= room, "{w}: header {title:?} is cut: {text_width} px of text in {room} px");
        }
    }
}

#[test]
fn decisions_can_be_made_from_the_keyboard() {
    let mut h = harness(fast_settings());
    h.step();
    type_into(&mut h, "Document number", "UT4471920");
    h.key_press(egui::Key::Enter);
    step_until(&mut h, "query completes", query_complete);
    // Ctrl+3 while the cursor is still in a field: refuse entry. The stolen-blank hit is HIGH
    // and not confirmed by the issuing country, so the terminal asks for the reason first.
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Num3);
    settle(&mut h);
    assert!(h.state().booth.decided().is_none(), "not decided before a reason is given");
    h.get_by_label_contains("is not confirmed by the owning country");
    type_into(&mut h, "Reason", "document visibly altered");
    h.get_by_label("Record override").click_accesskit();
    settle(&mut h);
    let entry = &h.state().booth.audit.entries()[0];
    assert_eq!(entry.decision, Some(bordercheck::audit::Decision::RefuseEntry));
    assert!(
        entry.decision_remark.contains("OVERRIDE") && entry.decision_remark.contains("document visibly altered"),
        "{}",
        entry.decision_remark
    );
    h.get_by_label_contains("Decision recorded: Refuse entry");
}

/// A trainee cannot replace the running exercise (and see a new one's answers) without its PIN.
#[test]
fn replacing_a_running_exercise_needs_its_pin() {
    let mut h = harness(fast_settings());
    h.step();
    start_builtin_exercise(&mut h, 0, "4711");
    let title = h.state().booth.training.as_ref().unwrap().scenario.title.clone();
    h.state_mut().send(Command::StartBuiltinScenario(1));
    settle(&mut h);
    h.get_by_label_contains("Replace the running exercise");
    type_into(&mut h, "Instructor PIN", "0000");
    h.get_by_label("Continue").click_accesskit();
    settle(&mut h);
    h.get_by_label_contains("Wrong PIN");
    assert_eq!(h.state().booth.training.as_ref().unwrap().scenario.title, title, "the running exercise stays");
}

/// Presenter mode for a workshop projector: larger type, light high-contrast theme, the audit
/// trail folded away, and at 1280×720 and 1024×768 the result is readable without scrolling.
#[test]
fn presenter_mode_fits_the_result_on_a_projector() {
    for size in [[1280.0, 720.0], [1024.0, 768.0]] {
        let mut h =
            Harness::builder().with_size(size).build_eframe(|cc| TerminalApp::with_settings(cc.egui_ctx.clone(), fast_settings(), None));
        h.step();
        h.key_press(egui::Key::F5);
        settle(&mut h);
        assert!(h.state().settings.presenter);
        assert!((h.ctx.zoom_factor() - 1.5).abs() < 1e-3, "zoom 1.5");
        assert!(h.query_by_label_contains("Audit trail —").is_none(), "the audit table is folded away");
        h.get_by_label_contains("hidden in presenter mode");
        type_into(&mut h, "Document number", "UT4471920");
        h.key_press(egui::Key::Enter);
        step_until(&mut h, "query completes", query_complete);
        settle(&mut h);
        let screen = h.ctx.content_rect();
        for label in ["Combined hits", "Severity", "Action"] {
            let r = h.get_by_label(label).rect();
            assert!(screen.contains_rect(r), "{label} at {r:?} is inside {screen:?} at {size:?}");
        }
        let severity = h.query_all_by_label_contains("HIGH").next().expect("the top hit's severity").rect();
        assert!(screen.contains_rect(severity), "severity visible at {size:?}");
    }
}

/// A dataset that finishes loading while a traveller is undecided waits for the decision.
#[test]
fn a_new_dataset_waits_for_the_undecided_traveller() {
    let mut h = harness(fast_settings());
    h.step();
    type_into(&mut h, "Document number", "UT4471920");
    h.key_press(egui::Key::Enter);
    step_until(&mut h, "query completes", query_complete);
    h.state_mut().send(Command::LoadDataset("sample_data/demo.ron".into()));
    step_until(&mut h, "dataset ready", |h| h.state().ready_dataset.is_some());
    settle(&mut h);
    // The bar (and a toast) say so; the traveller is still at the desk.
    assert!(h.query_all_by_label_contains("New dataset ready").count() >= 1);
    assert!(h.state().booth.current.is_some(), "the traveller is still at the desk");
    h.get_by_label("Switch now").click_accesskit();
    settle(&mut h);
    assert!(h.state().ready_dataset.is_none() && h.state().booth.current.is_none(), "switched, desk cleared");
}
