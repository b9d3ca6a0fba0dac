//! Training → Join classroom, on a trainee's terminal: the host's queue is played at this desk
//! in the full workflow, each decision goes to the host, and the instructor's incidents, pause
//! and end arrive here.
//!
//! The `classroom-trainee` thread owns the connection: it joins (retrying while the host is
//! unreachable), writes each decision to the outbox file before sending it, resends what is
//! pending, and reads the trainee's state whenever the class's change feed (a WebSocket) says
//! something changed, or every five seconds (every second without the feed). The UI only exchanges messages with it.

use std::path::PathBuf;
use std::time::Duration;

use crossbeam_channel::{Receiver, Sender, bounded};

use crate::classroom::client::{ClassClient, ClientError, Trainee};
use crate::classroom::{DecisionPost, JoinReply, TraineeState};

pub enum FromClass {
    Joined(Box<JoinReply>),
    /// The class's own dataset, fetched from the host and indexed here.
    Dataset {
        name: String,
        engine: std::sync::Arc<crate::engine::Engine>,
        photos: std::sync::Arc<crate::dataset::photos::PhotoStore>,
    },
    DatasetFailed(String),
    State {
        state: TraineeState,
        unsent: usize,
    },
    Offline {
        unsent: usize,
        why: String,
    },
    /// The host refused to let this trainee in (wrong code, bad name): stop.
    Refused(String),
}

/// A terminal that joined (or is joining) a class.
pub struct ClassMember {
    tx: Sender<DecisionPost>,
    pub rx: Receiver<FromClass>,
    pub server: String,
    pub name: String,
    pub joined: bool,
    pub online: bool,
    pub unsent: usize,
    pub ended: bool,
}

impl ClassMember {
    /// Queues a decision for the host (it is on disk once the worker takes it).
    pub fn send(&self, d: DecisionPost) -> bool {
        self.tx.try_send(d).is_ok()
    }
}

/// Fetches, reads and indexes the class's dataset (on the worker: it can be large).
fn fetch_dataset(client: &ClassClient, token: &str, name: &str) -> FromClass {
    let text = match client.dataset(token) {
        Ok(t) => t,
        Err(e) => return FromClass::DatasetFailed(e.to_string()),
    };
    match crate::dataset::parse_dataset(&text, name, None) {
        Ok(loaded) => {
            let photos = std::sync::Arc::new(crate::dataset::photos::load_photos(&loaded.dataset));
            let engine = std::sync::Arc::new(crate::engine::Engine::build(loaded.dataset));
            FromClass::Dataset { name: name.to_owned(), engine, photos }
        }
        Err(e) => FromClass::DatasetFailed(format!("{name}: {e}")),
    }
}

/// The Join classroom dialog's fields.
#[derive(Default)]
pub struct JoinUi {
    pub dialog_open: bool,
    pub server: String,
    pub code: String,
    pub name: String,
    pub error: Option<String>,
}

/// Starts the worker for `server`/`code`/`name`; unsent decisions live in `dir`.
pub fn join(server: &str, code: &str, name: &str, dir: PathBuf, wake: impl Fn() + Send + 'static) -> std::io::Result<ClassMember> {
    let (tx, decisions) = bounded::<DecisionPost>(256);
    let (out, rx) = bounded::<FromClass>(64);
    let safe: String = name.chars().map(|c| if c.is_ascii_alphanumeric() { c } else { '_' }).collect();
    let outbox = dir.join(format!("classroom-outbox-{safe}.jsonl"));
    let (server_s, code_s, name_s) = (server.to_owned(), code.to_owned(), name.to_owned());
    std::fs::create_dir_all(&dir)?;
    std::thread::Builder::new().name("classroom-trainee".into()).spawn(move || {
        let send = |m: FromClass| {
            let _ = out.send(m);
            wake();
        };
        let Ok(mut me) = Trainee::new(ClassClient::new(&server_s, Duration::from_secs(3)), &code_s, &name_s, outbox) else {
            return send(FromClass::Refused("the outbox file cannot be read".into()));
        };
        let token = loop {
            match me.join() {
                Ok(reply) => {
                    let token = reply.token.clone();
                    let file = (reply.dataset != "builtin").then(|| reply.dataset.clone());
                    send(FromClass::Joined(Box::new(reply)));
                    if let Some(name) = file {
                        send(fetch_dataset(&me.client, &token, &name));
                    }
                    break token;
                }
                Err(ClientError::Refused { message, .. }) => return send(FromClass::Refused(message)),
                Err(ClientError::Unreachable(why)) => {
                    send(FromClass::Offline { unsent: me.pending(), why });
                    std::thread::sleep(Duration::from_secs(1));
                }
            }
        };
        // The class's change feed wakes this loop the moment the instructor acts; without it
        // (feed refused, host gone) the loop still polls every few seconds.
        let mut feed: Option<crate::classroom::client::Subscription> = None;
        let mut tried: Option<std::time::Instant> = None;
        loop {
            if feed.is_none() && tried.is_none_or(|t| t.elapsed() >= Duration::from_secs(5)) {
                feed = Some(me.client.subscribe(&token));
                tried = Some(std::time::Instant::now());
            }
            let never = crossbeam_channel::never();
            let changes = feed.as_ref().map_or(&never, |f| &f.changes);
            let poll = if feed.is_some() { Duration::from_secs(5) } else { Duration::from_secs(1) };
            crossbeam_channel::select! {
                recv(decisions) -> d => match d {
                    // On disk first; a lost connection leaves it waiting there.
                    Ok(d) => { let _ = me.decide(d); }
                    Err(_) => return,
                },
                recv(changes) -> c => if c.is_err() { feed = None },
                default(poll) => { let _ = me.flush(); }
            }
            match me.client.me(&token) {
                Ok(state) => send(FromClass::State { state, unsent: me.pending() }),
                Err(e) => send(FromClass::Offline { unsent: me.pending(), why: e.to_string() }),
            }
        }
    })?;
    Ok(ClassMember { tx, rx, server: server.to_owned(), name: name.to_owned(), joined: false, online: false, unsent: 0, ended: false })
}

/// The Join classroom dialog; true when the trainee pressed Join.
pub fn join_dialog_ui(ctx: &egui::Context, j: &mut JoinUi) -> bool {
    let mut go = false;
    let mut open = j.dialog_open;
    egui::Window::new("Join classroom").open(&mut open).collapsible(false).show(ctx, |ui| {
        ui.label("Your instructor shows the address and the join code.");
        egui::Grid::new("join-fields").num_columns(2).show(ui, |ui| {
            ui.label("Instructor address");
            ui.add(egui::TextEdit::singleline(&mut j.server).hint_text("http://192.168.1.20:7878"));
            ui.end_row();
            ui.label("Join code");
            ui.add(egui::TextEdit::singleline(&mut j.code));
            ui.end_row();
            ui.label("Your name");
            ui.add(egui::TextEdit::singleline(&mut j.name));
            ui.end_row();
        });
        if let Some(e) = &j.error {
            ui.colored_label(egui::Color32::from_rgb(200, 60, 60), e);
        }
        let ready = !j.server.trim().is_empty() && !j.code.trim().is_empty() && !j.name.trim().is_empty();
        go = ui.add_enabled(ready, egui::Button::new("Join")).clicked();
    });
    j.dialog_open = open && !go;
    go
}
