//! Training → Host classroom: the dialog that starts a class and the instructor console, a
//! second native window so it can stay on the laptop while the projector shows the terminal.
//!
//! The UI thread never touches the network or the class file: the `classroom-console` thread
//! owns the host service, polls the console once a second over loopback HTTP (the same path the
//! CLI uses) and runs the instructor's commands; it answers over a bounded channel and wakes
//! the UI.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

use crossbeam_channel::{Receiver, Sender, bounded};

use crate::classroom::client::ClassClient;
use crate::classroom::host::ClassHost;
use crate::classroom::server::HostServer;
use crate::classroom::{Console, IncidentPost};
use crate::engine::SourceId;
use crate::training::builtin::BUILTIN_SCENARIOS;
use crate::training::scenario::{IncidentKind, parse_scenario};

use super::background::ExportKind;

enum ToWorker {
    Incident(IncidentPost),
    Pause(bool),
    End,
    /// Write the class debrief (HTML or CSV by extension).
    Export(PathBuf),
}

enum FromWorker {
    Started { code: String, url: String, title: String },
    Console(Console),
    Done(String),
    Failed(String),
}

/// The class this laptop hosts, seen from the UI.
pub struct HostedClass {
    tx: Sender<ToWorker>,
    rx: Receiver<FromWorker>,
    pub code: String,
    pub url: String,
    pub title: String,
    pub console: Option<Console>,
    pub message: Option<String>,
    pub open: bool,
}

/// The Host classroom dialog's fields and the running class.
#[derive(Default)]
pub struct ClassroomUi {
    pub dialog_open: bool,
    pub scenario: usize,
    pub bind: String,
    pub code: String,
    pub hosted: Option<HostedClass>,
}

impl ClassroomUi {
    /// Starts hosting on the `classroom-console` thread; `class_dir` holds the class files (one
    /// per scenario, so hosting the same scenario again resumes its class).
    pub fn start(&mut self, class_dir: PathBuf, wake: impl Fn() + Send + 'static) {
        let bind: Result<SocketAddr, _> =
            if self.bind.trim().is_empty() { Ok(SocketAddr::from(([127, 0, 0, 1], 7878))) } else { self.bind.trim().parse() };
        let (to_tx, to_rx) = bounded::<ToWorker>(16);
        let (from_tx, from_rx) = bounded::<FromWorker>(16);
        let scenario = self.scenario.min(BUILTIN_SCENARIOS.len().saturating_sub(1));
        let code = Some(self.code.trim().to_owned()).filter(|c| !c.is_empty());
        let spawned = std::thread::Builder::new().name("classroom-console".into()).spawn(move || {
            let send = |m: FromWorker| {
                let _ = from_tx.send(m);
                wake();
            };
            let bind = match bind {
                Ok(b) => b,
                Err(e) => return send(FromWorker::Failed(format!("address: {e}"))),
            };
            match host(&class_dir, scenario, bind, code.as_deref()) {
                Ok((server, token, title, code)) => {
                    let url = format!("http://{}", server.addr);
                    send(FromWorker::Started { code, url: url.clone(), title });
                    serve(&ClassClient::new(&url, Duration::from_secs(5)), &token, &to_rx, &send);
                    server.stop();
                }
                Err(e) => send(FromWorker::Failed(e)),
            }
        });
        if let Err(e) = spawned {
            self.hosted = None;
            self.dialog_open = true;
            self.code = format!("could not start: {e}");
            return;
        }
        self.hosted = Some(HostedClass {
            tx: to_tx,
            rx: from_rx,
            code: String::new(),
            url: String::new(),
            title: String::new(),
            console: None,
            message: None,
            open: true,
        });
        self.dialog_open = false;
    }

    /// Takes what the worker sent since the last frame.
    pub fn drain(&mut self) {
        let Some(h) = &mut self.hosted else { return };
        let mut stopped = false;
        for m in h.rx.try_iter() {
            match m {
                FromWorker::Started { code, url, title } => (h.code, h.url, h.title) = (code, url, title),
                FromWorker::Console(c) => h.console = Some(c),
                FromWorker::Done(msg) => h.message = Some(msg),
                FromWorker::Failed(e) => {
                    stopped = h.url.is_empty();
                    h.message = Some(e);
                }
            }
        }
        if stopped {
            // It never started: show why in the dialog and let the trainer try again.
            self.code = self.hosted.take().and_then(|h| h.message).unwrap_or_default();
            self.dialog_open = true;
        }
    }

    /// Queues a command for the worker; false when it is gone or busy.
    fn send(&self, m: ToWorker) -> bool {
        self.hosted.as_ref().is_some_and(|h| h.tx.try_send(m).is_ok())
    }

    /// Writes the class debrief to `path` (`.csv` or HTML), from the worker.
    pub fn export(&self, path: PathBuf) -> bool {
        self.send(ToWorker::Export(path))
    }
}

fn host(dir: &std::path::Path, index: usize, bind: SocketAddr, code: Option<&str>) -> Result<(HostServer, String, String, String), String> {
    let (name, text) = BUILTIN_SCENARIOS.get(index).ok_or("no such scenario")?;
    let scenario = parse_scenario(text, name).map_err(|e| e.to_string())?;
    std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let db = dir.join(format!("classroom-{}.db", name.trim_end_matches(".ron")));
    let (class, _) = ClassHost::open(&db, &scenario, name, code).map_err(|e| e.to_string())?;
    let (token, code) = (class.instructor_token().to_owned(), class.code().to_owned());
    let server = HostServer::start(bind, class).map_err(|e| format!("{bind}: {e}"))?;
    Ok((server, token, scenario.title, code))
}

/// The worker's loop: a console refresh every second, commands as they come; ends when the UI
/// drops its side.
fn serve(client: &ClassClient, token: &str, rx: &Receiver<ToWorker>, send: &dyn Fn(FromWorker)) {
    loop {
        match client.console(token) {
            Ok(c) => send(FromWorker::Console(c)),
            Err(e) => send(FromWorker::Failed(e.to_string())),
        }
        let command = match rx.recv_timeout(Duration::from_secs(1)) {
            Ok(c) => c,
            Err(crossbeam_channel::RecvTimeoutError::Timeout) => continue,
            Err(crossbeam_channel::RecvTimeoutError::Disconnected) => return,
        };
        let empty = serde_json::json!({});
        let result = match command {
            ToWorker::Incident(post) => client.post_json("/api/incident", token, &post).map(|_| "Incident sent".to_owned()),
            ToWorker::Pause(true) => client.post_json("/api/pause", token, &empty).map(|_| "Class paused".to_owned()),
            ToWorker::Pause(false) => client.post_json("/api/resume", token, &empty).map(|_| "Class resumed".to_owned()),
            ToWorker::End => client.post_json("/api/end", token, &empty).map(|_| "Exercise ended: the debrief is ready".to_owned()),
            ToWorker::Export(path) => {
                let csv = path.extension().is_some_and(|e| e.eq_ignore_ascii_case("csv"));
                client.get_text(if csv { "/api/debrief.csv" } else { "/api/debrief.html" }, token).and_then(|text| {
                    std::fs::write(&path, text)
                        .map(|()| format!("Class debrief written to {}", path.display()))
                        .map_err(|e| crate::classroom::client::ClientError::Unreachable(format!("{}: {e}", path.display())))
                })
            }
        };
        send(result.map_or_else(|e| FromWorker::Failed(e.to_string()), FromWorker::Done));
    }
}

/// The Host classroom dialog; true when the trainer pressed Start.
pub fn host_dialog_ui(ctx: &egui::Context, c: &mut ClassroomUi) -> bool {
    let mut start = false;
    let mut open = c.dialog_open;
    egui::Window::new("Host classroom").open(&mut open).collapsible(false).show(ctx, |ui| {
        ui.label("Trainee terminals on this network join the exercise; you see and steer them from the console.");
        let titles = crate::training::builtin::builtin_scenarios();
        egui::ComboBox::from_label("Scenario").selected_text(titles.get(c.scenario).map_or("", |s| s.title.as_str())).show_ui(ui, |ui| {
            for (i, s) in titles.iter().enumerate() {
                ui.selectable_value(&mut c.scenario, i, s.title.as_str());
            }
        });
        ui.horizontal(|ui| {
            ui.label("Listen on");
            ui.add(egui::TextEdit::singleline(&mut c.bind).hint_text("127.0.0.1:7878").desired_width(180.0));
        });
        ui.weak("127.0.0.1 keeps the class on this laptop; give its LAN address for trainees on other machines.");
        ui.horizontal(|ui| {
            ui.label("Join code");
            ui.add(egui::TextEdit::singleline(&mut c.code).hint_text("new random code").desired_width(180.0));
        });
        start = ui.button("Start hosting").clicked();
    });
    c.dialog_open = open && !start;
    start
}

/// The instructor console in its own native window (inside the main one where the platform has
/// no second window).
/// Returns the export the trainer asked for (the app opens the save dialog).
pub fn console_viewport(ctx: &egui::Context, c: &mut ClassroomUi) -> Option<ExportKind> {
    let h = c.hosted.as_ref()?;
    if !h.open {
        return None;
    }
    let mut export = None;
    let builder = egui::ViewportBuilder::default().with_title("Classroom — instructor console").with_inner_size([960.0, 560.0]);
    let mut close = false;
    let mut commands = Vec::new();
    ctx.show_viewport_immediate(egui::ViewportId::from_hash_of("classroom-console"), builder, |ui, _class| {
        close = ui.ctx().input(|i| i.viewport().close_requested());
        console_ui(ui, h, &mut commands, &mut export);
    });
    for m in commands {
        if !c.send(m)
            && let Some(h) = &mut c.hosted
        {
            h.message = Some("The classroom service is busy or stopped".into());
        }
    }
    if close && let Some(h) = &mut c.hosted {
        h.open = false;
    }
    export
}

fn console_ui(ui: &mut egui::Ui, h: &HostedClass, commands: &mut Vec<ToWorker>, export: &mut Option<ExportKind>) {
    egui::CentralPanel::default().show(ui, |ui| {
        ui.horizontal(|ui| {
            ui.label(egui::RichText::new(format!("Join code {}", if h.code.is_empty() { "…" } else { &h.code })).size(44.0).strong());
            ui.vertical(|ui| {
                ui.label(&h.title);
                ui.monospace(&h.url);
            });
        });
        let Some(console) = &h.console else {
            ui.label("Starting…");
            return;
        };
        ui.horizontal(|ui| {
            let link_down = IncidentKind::Offline(SourceId::Interpol);
            if ui.button("INTERPOL link down (all)").clicked() {
                commands.push(ToWorker::Incident(IncidentPost { to: None, kind: Some(link_down) }));
            }
            if ui.button("Latency ×10 (all)").clicked() {
                commands
                    .push(ToWorker::Incident(IncidentPost { to: None, kind: Some(IncidentKind::LatencySpike(SourceId::Interpol, 10.0)) }));
            }
            if ui.button("Clear incidents").clicked() {
                commands.push(ToWorker::Incident(IncidentPost { to: None, kind: None }));
            }
            let pause = if console.paused { "Resume" } else { "Pause" };
            if ui.add_enabled(!console.ended, egui::Button::new(pause)).clicked() {
                commands.push(ToWorker::Pause(!console.paused));
            }
            // Ending is final for the whole class: it asks first.
            let asking = egui::Id::unique("class-confirm-end");
            if ui.data(|d| d.get_temp::<bool>(asking)).unwrap_or(false) {
                if ui.button("End now for everyone").clicked() {
                    commands.push(ToWorker::End);
                    ui.data_mut(|d| d.remove::<bool>(asking));
                }
                if ui.button("Keep going").clicked() {
                    ui.data_mut(|d| d.remove::<bool>(asking));
                }
            } else if ui.add_enabled(!console.ended, egui::Button::new("End exercise")).clicked() {
                ui.data_mut(|d| d.insert_temp(asking, true));
            }
            if ui.button("Export class debrief (HTML)…").clicked() {
                *export = Some(ExportKind::ClassDebriefHtml);
            }
            if ui.button("CSV…").clicked() {
                *export = Some(ExportKind::ClassDebriefCsv);
            }
        });
        let state = if console.ended {
            "ENDED"
        } else if console.paused {
            "PAUSED"
        } else {
            "running"
        };
        ui.label(format!("{} trainees · {} travellers · {state}", console.rows.len(), console.travellers));
        if !console.incidents.is_empty() {
            ui.colored_label(egui::Color32::from_rgb(200, 90, 0), format!("Incidents: {}", console.incidents.join(", ")));
        }
        if let Some(m) = &h.message {
            ui.weak(m);
        }
        ui.separator();
        egui::ScrollArea::vertical().show(ui, |ui| {
            egui::Grid::new("class-console").striped(true).num_columns(8).show(ui, |ui| {
                for title in ["Officer", "Link", "Traveller", "Decided", "Correct", "Missed", "False alarms", "s / traveller"] {
                    ui.strong(title);
                }
                ui.end_row();
                for r in &console.rows {
                    ui.label(&r.name);
                    ui.label(if r.connected { "online" } else { "offline" });
                    ui.label(if r.current > console.travellers { "done".to_owned() } else { r.current.to_string() });
                    ui.label(r.decided.to_string());
                    ui.label(r.correct.to_string());
                    ui.label(r.missed.to_string());
                    ui.label(r.false_alarms.to_string());
                    ui.label(format!("{:.0}", r.mean_seconds));
                    ui.end_row();
                }
            });
        });
    });
}
