//! The trainer's classroom, driven through the terminal's accessibility tree: host a class,
//! see a trainee join, take the INTERPOL link down for everyone, end, export the class debrief.
//! The class listens on a free loopback port (127.0.0.1 only) and stops with the test.
#![cfg(all(feature = "gui", feature = "classroom"))]

mod common;

use std::time::Duration;

use bordercheck::audit::Decision;
use bordercheck::classroom::client::ClassClient;
use bordercheck::classroom::host::ClassHost;
use bordercheck::classroom::server::HostServer;
use bordercheck::classroom::{DecisionPost, IncidentPost};
use bordercheck::engine::SourceId;
use bordercheck::training::builtin::BUILTIN_SCENARIOS;
use bordercheck::training::scenario::{IncidentKind, parse_scenario};
use bordercheck::ui::{Settings, TerminalApp};
use common::{fast_settings, query_complete, step_until};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

#[test]
fn a_trainer_hosts_a_class_sees_a_trainee_takes_the_link_down_ends_and_exports_the_debrief() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = Harness::builder()
        .with_size([1400.0, 900.0])
        .build_eframe(|cc| TerminalApp::with_settings(cc.egui_ctx.clone(), Settings::default(), None));
    h.state_mut().class_dir = dir.path().to_path_buf();
    h.step();

    // Training → Host classroom…, on a free loopback port with a code the trainer chose.
    h.get_by_label("Training").click();
    h.run_steps(3);
    h.get_by_label("Host classroom…").click();
    h.run_steps(3);
    h.get_by_label_contains("keeps the class on this laptop");
    h.state_mut().classroom.bind = "127.0.0.1:0".into();
    h.state_mut().classroom.code = "CLASS7".into();
    h.get_by_label("Start hosting").click_accesskit();
    step_until(&mut h, "the console shows the join code", |h| h.query_by_label("Join code CLASS7").is_some());
    let url = h.state().classroom.hosted.as_ref().unwrap().url.clone();

    // A trainee terminal joins and decides two travellers.
    let trainee = ClassClient::new(&url, Duration::from_secs(5));
    let joined = trainee.join("CLASS7", "Officer Ana").unwrap();
    let posts: Vec<DecisionPost> =
        (1..=2).map(|n| DecisionPost { traveller: n, decision: Decision::Admit, remark: String::new(), seconds: 20.0 }).collect();
    trainee.send_decisions(&joined.token, &posts).unwrap();
    step_until(&mut h, "the trainee's row", |h| h.query_by_label("Officer Ana").is_some());
    h.get_by_label("online");

    // An outage for the whole class reaches the trainee's terminal.
    h.get_by_label("INTERPOL link down (all)").click_accesskit();
    step_until(&mut h, "the incident is shown", |h| h.query_by_label_contains("INTERPOL offline").is_some());
    assert!(!trainee.me(&joined.token).unwrap().incidents.is_empty(), "the trainee sees the outage");

    h.get_by_label("End exercise").click_accesskit();
    h.run_steps(2);
    h.get_by_label("End now for everyone").click_accesskit();
    step_until(&mut h, "the class has ended", |h| h.query_by_label_contains("ENDED").is_some());
    assert!(trainee.send_decisions(&joined.token, &posts).is_err(), "no decisions after the end");

    // The class debrief (the button opens a save dialog; the file it picks goes here).
    let out = dir.path().join("class-debrief.html");
    assert!(h.state().classroom.export(out.clone()));
    step_until(&mut h, "the debrief is written", |_| out.exists());
    let html = std::fs::read_to_string(&out).unwrap();
    assert!(html.contains("Officer Ana") && html.contains("hardest first"), "{html}");
    drop(h); // the classroom service stops with the app
}

#[test]
fn a_trainee_terminal_joins_plays_the_hosts_queue_and_follows_the_instructor() {
    let dir = tempfile::tempdir().unwrap();
    let (name, text) = BUILTIN_SCENARIOS[0];
    let scenario = parse_scenario(text, name).unwrap();
    let (class, _) = ClassHost::open(&dir.path().join("c.db"), &scenario, name, Some("JOIN42")).unwrap();
    let instructor = class.instructor_token().to_owned();
    let server = HostServer::start("127.0.0.1:0".parse().unwrap(), class).unwrap();
    let url = format!("http://{}", server.addr);
    let console = ClassClient::new(&url, Duration::from_secs(5));

    let mut h = Harness::builder()
        .with_size([1400.0, 900.0])
        .build_eframe(|cc| TerminalApp::with_settings(cc.egui_ctx.clone(), fast_settings(), None));
    h.state_mut().class_dir = dir.path().to_path_buf();
    h.step();
    // Training → Join classroom…: address, code and name as the instructor announced them.
    h.get_by_label("Training").click();
    h.run_steps(3);
    h.get_by_label("Join classroom…").click();
    h.run_steps(3);
    h.get_by_label_contains("Your instructor shows the address");
    let j = &mut h.state_mut().join_ui;
    (j.server, j.code, j.name) = (url.clone(), "JOIN42".into(), "Officer Li".into());
    h.get_by_label("Join").click_accesskit();
    step_until(&mut h, "joined and online", |h| h.query_by_label("Class Officer Li: online").is_some());
    h.get_by_label_contains("TRAINING");

    // Traveller 1 as the host sent it: query, admit; the decision reaches the instructor.
    h.key_press(egui::Key::Enter);
    step_until(&mut h, "query 1", query_complete);
    h.get_by_label_contains("Admit (").click_accesskit();
    let decided = |c: &ClassClient| c.console(&instructor).unwrap().rows.iter().any(|r| r.name == "Officer Li" && r.decided == 1);
    step_until(&mut h, "the decision at the host", |_| decided(&console));

    // The instructor takes the INTERPOL link down for the class: the next query here feels it.
    let down = IncidentPost { to: None, kind: Some(IncidentKind::Offline(SourceId::Interpol)) };
    console.post_json("/api/incident", &instructor, &down).unwrap();
    step_until(&mut h, "the incident arrives", |h| h.state().booth.training.as_ref().is_some_and(|s| !s.active_incidents().is_empty()));
    h.key_press(egui::Key::Enter);
    step_until(&mut h, "query 2", query_complete);
    h.get_by_label_contains("INTERPOL link down — SLTD checked against the local copy");

    // The instructor ends the exercise: the terminal says so and shows no local debrief.
    console.post_json("/api/end", &instructor, &serde_json::json!({})).unwrap();
    step_until(&mut h, "the end arrives", |h| h.query_by_label("Class Officer Li: ended").is_some());
    assert!(h.state().booth.training.is_none() && h.state().debrief.is_none());
    drop(h);
    server.stop();
}

#[test]
fn a_trainee_terminal_switches_to_the_class_dataset_the_host_serves() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("class-data.ron"), bordercheck::demo::DEMO_DATASET).unwrap();
    let scenario_file = dir.path().join("class.ron");
    std::fs::write(&scenario_file, BUILTIN_SCENARIOS[0].1.replacen("dataset: Builtin", "dataset: Path(\"class-data.ron\")", 1)).unwrap();
    let scenario = bordercheck::training::load_scenario_file(&scenario_file).unwrap();
    let (class, _) = ClassHost::open(&dir.path().join("c.db"), &scenario, "class.ron", Some("DATA42")).unwrap();
    let server = HostServer::start("127.0.0.1:0".parse().unwrap(), class).unwrap();
    let mut h = Harness::builder()
        .with_size([1400.0, 900.0])
        .build_eframe(|cc| TerminalApp::with_settings(cc.egui_ctx.clone(), fast_settings(), None));
    h.state_mut().class_dir = dir.path().to_path_buf();
    h.step();
    h.state_mut().join_class(&format!("http://{}", server.addr), "DATA42", "Officer Ng");
    step_until(&mut h, "the class dataset is loaded", |h| h.query_by_label_contains("class-data.ron (from the instructor)").is_some());
    assert!(h.state().booth.training.is_some(), "the exercise runs on it");
    drop(h);
    server.stop();
}
