//! The trainee side of a classroom and the CLI's client: blocking HTTP (ureq), no runtime of
//! its own. A trainee's decisions go to an outbox file first and are sent from there, so a
//! trainee who loses the connection keeps working and nothing decided is lost; the host keeps
//! each (trainee, traveller) once, so resending after a lost reply is safe.

use std::io::Write;
use std::path::PathBuf;
use std::time::Duration;

use serde::Serialize;
use serde::de::DeserializeOwned;

use super::{Console, DecisionAck, DecisionPost, JOIN_CODE_HEADER, JoinReply, TraineeState};

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ClientError {
    /// No answer (host down, network gone): worth retrying.
    #[error("classroom host unreachable: {0}")]
    Unreachable(String),
    /// The host answered no.
    #[error("classroom host refused ({status}): {message}")]
    Refused { status: u16, message: String },
}

pub struct ClassClient {
    agent: ureq::Agent,
    base: String,
    timeout: Duration,
}

impl ClassClient {
    /// `base` like `http://127.0.0.1:7878`; every request gives up after `timeout`.
    pub fn new(base: &str, timeout: Duration) -> Self {
        let agent = ureq::Agent::config_builder().timeout_global(Some(timeout)).http_status_as_error(false).build().into();
        Self { agent, base: base.trim_end_matches('/').to_owned(), timeout }
    }

    /// The reply's status and body; no answer at all is `Unreachable`.
    fn text_of(result: Result<ureq::http::Response<ureq::Body>, ureq::Error>) -> Result<(u16, String), ClientError> {
        let mut response = result.map_err(|e| ClientError::Unreachable(e.to_string()))?;
        let status = response.status().as_u16();
        let text = response.body_mut().read_to_string().map_err(|e| ClientError::Unreachable(e.to_string()))?;
        Ok((status, text))
    }

    fn read<T: DeserializeOwned>(result: Result<ureq::http::Response<ureq::Body>, ureq::Error>) -> Result<T, ClientError> {
        let (status, text) = Self::text_of(result)?;
        if status >= 300 {
            let message = serde_json::from_str::<serde_json::Value>(&text)
                .ok()
                .and_then(|v| v.get("error").and_then(|e| e.as_str()).map(str::to_owned))
                .unwrap_or(text);
            return Err(ClientError::Refused { status, message });
        }
        serde_json::from_str(&text).map_err(|e| ClientError::Refused { status, message: format!("unexpected reply: {e}") })
    }

    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    pub fn join(&self, code: &str, name: &str) -> Result<JoinReply, ClientError> {
        Self::read(self.agent.post(self.url("/api/join")).header(JOIN_CODE_HEADER, code).send_json(serde_json::json!({ "name": name })))
    }

    pub fn me(&self, token: &str) -> Result<TraineeState, ClientError> {
        Self::read(self.agent.get(self.url("/api/me")).header("authorization", format!("Bearer {token}")).call())
    }

    pub fn send_decisions(&self, token: &str, decisions: &[DecisionPost]) -> Result<DecisionAck, ClientError> {
        Self::read(self.agent.post(self.url("/api/decisions")).header("authorization", format!("Bearer {token}")).send_json(decisions))
    }

    /// The class's dataset file (for a scenario that names one), as text.
    pub fn dataset(&self, token: &str) -> Result<String, ClientError> {
        self.get_text("/api/dataset", token)
    }

    pub fn console(&self, instructor_token: &str) -> Result<Console, ClientError> {
        self.get_json("/api/console", instructor_token)
    }

    /// An instructor GET that answers JSON (`/api/console`, `/api/debrief`).
    pub fn get_json<T: DeserializeOwned>(&self, path: &str, token: &str) -> Result<T, ClientError> {
        Self::read(self.agent.get(self.url(path)).header("authorization", format!("Bearer {token}")).call())
    }

    /// An instructor POST (`/api/pause`, `/api/resume`, `/api/end`, `/api/incident`).
    pub fn post_json(&self, path: &str, token: &str, body: &impl Serialize) -> Result<serde_json::Value, ClientError> {
        Self::read(self.agent.post(self.url(path)).header("authorization", format!("Bearer {token}")).send_json(body))
    }

    /// Opens the class's change feed (`/api/events`) on a `classroom-push` thread: the receiver
    /// gets `0` once connected and a number each time the class changes after that, and is
    /// disconnected when the feed cannot open or ends (host gone, network lost, token refused).
    /// Never blocks the caller; dropping the subscription closes the feed within a second.
    pub fn subscribe(&self, token: &str) -> Subscription {
        let (tx, rx) = crossbeam_channel::bounded::<u64>(16);
        let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        let stopped = std::sync::Arc::clone(&stop);
        let (base, token, timeout) = (self.base.clone(), token.to_owned(), self.timeout);
        let _ = std::thread::Builder::new().name("classroom-push".into()).spawn(move || {
            let Some(mut socket) = open_feed(&base, &token, timeout) else { return };
            while !stopped.load(std::sync::atomic::Ordering::Relaxed) {
                match socket.read() {
                    Ok(tungstenite::Message::Text(t)) => {
                        let n = serde_json::from_str::<serde_json::Value>(&t).ok().and_then(|v| v["changed"].as_u64()).unwrap_or(0);
                        // A full queue already says "changed": dropping one is fine.
                        let _ = tx.try_send(n);
                    }
                    Ok(tungstenite::Message::Close(_)) => return,
                    Ok(_) => {}
                    Err(tungstenite::Error::Io(e)) if matches!(e.kind(), std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut) => {
                    }
                    Err(_) => return,
                }
            }
            let _ = socket.close(None);
        });
        Subscription { changes: rx, stop }
    }

    /// An instructor GET that answers text (`/api/debrief.csv`, `/api/debrief.html`).
    pub fn get_text(&self, path: &str, token: &str) -> Result<String, ClientError> {
        let (status, text) = Self::text_of(self.agent.get(self.url(path)).header("authorization", format!("Bearer {token}")).call())?;
        if status >= 300 { Err(ClientError::Refused { status, message: text }) } else { Ok(text) }
    }
}

/// Connects (within `timeout`) and opens the WebSocket change feed with the token in a header.
fn open_feed(base: &str, token: &str, timeout: Duration) -> Option<tungstenite::WebSocket<std::net::TcpStream>> {
    use std::net::ToSocketAddrs;
    use tungstenite::client::IntoClientRequest;
    let host_port = base.strip_prefix("http://")?.split('/').next()?;
    let addr = host_port.to_socket_addrs().ok()?.next()?;
    let tcp = std::net::TcpStream::connect_timeout(&addr, timeout).ok()?;
    tcp.set_read_timeout(Some(timeout)).ok()?;
    let mut request = format!("ws://{host_port}/api/events").into_client_request().ok()?;
    request.headers_mut().insert("authorization", format!("Bearer {token}").parse().ok()?);
    let (socket, _) = tungstenite::client(request, tcp).ok()?;
    // From here a read wakes every second to see whether the subscription was dropped.
    socket.get_ref().set_read_timeout(Some(Duration::from_secs(1))).ok()?;
    Some(socket)
}

/// An open change feed (see `ClassClient::subscribe`).
pub struct Subscription {
    pub changes: crossbeam_channel::Receiver<u64>,
    stop: std::sync::Arc<std::sync::atomic::AtomicBool>,
}

impl Drop for Subscription {
    fn drop(&mut self) {
        self.stop.store(true, std::sync::atomic::Ordering::Relaxed);
    }
}

/// One trainee in a class: joined (or not yet), with decisions not yet acknowledged kept in an
/// outbox file (one JSON decision per line).
pub struct Trainee {
    pub client: ClassClient,
    code: String,
    name: String,
    token: Option<String>,
    outbox: PathBuf,
    pending: Vec<DecisionPost>,
}

impl Trainee {
    /// A trainee whose unsent decisions live in `outbox` (read back if it exists: a terminal
    /// restarted after losing the connection still sends what it had decided).
    pub fn new(client: ClassClient, code: &str, name: &str, outbox: PathBuf) -> std::io::Result<Self> {
        let pending = match std::fs::read_to_string(&outbox) {
            Ok(text) => text.lines().filter_map(|l| serde_json::from_str(l).ok()).collect(),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Vec::new(),
            Err(e) => return Err(e),
        };
        Ok(Self { client, code: code.to_owned(), name: name.to_owned(), token: None, outbox, pending })
    }

    /// Joins (or rejoins: the host continues where this name was) and sends anything pending.
    pub fn join(&mut self) -> Result<JoinReply, ClientError> {
        let reply = self.client.join(&self.code, &self.name)?;
        self.token = Some(reply.token.clone());
        let _ = self.flush();
        Ok(reply)
    }

    pub fn pending(&self) -> usize {
        self.pending.len()
    }

    /// Keeps a decision on disk first, then tries to send everything pending. Losing the
    /// connection is not an error here: the decision waits in the outbox.
    pub fn decide(&mut self, decision: DecisionPost) -> std::io::Result<()> {
        let mut f = std::fs::OpenOptions::new().create(true).append(true).open(&self.outbox)?;
        let mut line = serde_json::to_string(&decision).map_err(std::io::Error::other)?;
        line.push('\n');
        f.write_all(line.as_bytes())?;
        f.sync_data()?;
        self.pending.push(decision);
        let _ = self.flush();
        Ok(())
    }

    /// Sends what is pending; returns how many the host acknowledged (new or resends).
    pub fn flush(&mut self) -> Result<usize, ClientError> {
        if self.pending.is_empty() {
            return Ok(0);
        }
        if self.token.is_none() {
            self.join()?;
            if self.pending.is_empty() {
                return Ok(0);
            }
        }
        let token = self.token.clone().unwrap_or_default();
        let ack = match self.client.send_decisions(&token, &self.pending) {
            Err(ClientError::Refused { status: 401, .. }) => {
                // The host no longer knows this token (a new class file?): join again once.
                self.token = None;
                self.join()?;
                return Ok(0);
            }
            other => other?,
        };
        let sent = ack.accepted + ack.duplicates;
        self.pending.clear();
        // Emptied only once the host has them all: a crash before this line resends them.
        std::fs::write(&self.outbox, b"").map_err(|e| ClientError::Unreachable(format!("{}: {e}", self.outbox.display())))?;
        Ok(sent)
    }
}

/// The exercise a joined trainee's terminal plays: the host's queue, with no expected decisions
/// or teaching notes (the host keeps those; every traveller carries a placeholder that the
/// trainee's terminal never shows and never scores — the class debrief is the instructor's).
pub fn trainee_scenario(reply: &super::JoinReply) -> crate::training::Scenario {
    use crate::training::scenario::{DatasetRef, PostType, SCENARIO_FORMAT, ScenarioTraveller};
    let post = [PostType::Airport, PostType::LandBorder, PostType::Seaport]
        .into_iter()
        .find(|p| p.label() == reply.post)
        .unwrap_or(PostType::Airport);
    let travellers = reply
        .travellers
        .iter()
        .map(|t| ScenarioTraveller {
            id: t.number.to_string(),
            cover_story: t.cover_story.clone(),
            presents: t.presents.clone(),
            photo: None,
            expected: crate::audit::Decision::Admit,
            expected_hits: Vec::new(),
            teaching_note: String::new(),
            also_accept: Vec::new(),
        })
        .collect();
    crate::training::Scenario {
        format: SCENARIO_FORMAT,
        title: reply.title.clone(),
        description: String::new(),
        dataset: if reply.dataset == "builtin" { DatasetRef::Builtin } else { DatasetRef::Path(reply.dataset.clone()) },
        post,
        travellers,
        random_fill: None,
        incidents: Vec::new(),
        // The pre-arrival phase is scored against the expected decisions, which a trainee's
        // terminal never receives: a classroom runs the desk phase only.
        manifest: None,
        manifest_list: None,
        base_dir: None,
        photo_files: std::collections::HashMap::new(),
    }
}
