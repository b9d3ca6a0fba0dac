//! The classroom's HTTP service: axum on a tokio runtime of its own, on a named thread, in front
//! of one `ClassHost`. Bound to 127.0.0.1 unless the instructor picks a network address.
//!
//! Trainee requests carry the join code (`x-join-code`, to join) or their token
//! (`Authorization: Bearer`); instructor requests carry the instructor token the same way. A
//! code or token in the URL's query string is refused outright, so none lands in a log.
//!
//! `/api/events` is a WebSocket that tells every connected terminal the moment the class
//! changes (an incident, pause, resume, end): `{"changed": N}`; the terminal then reads its own
//! state over HTTP. The message carries nothing else, so a trainee learns nothing it could not
//! read from `/api/me` anyway.

use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::Instant;

use axum::Json;
use axum::Router;
use axum::extract::ws::{Message, WebSocket, WebSocketUpgrade};
use axum::extract::{ConnectInfo, Request, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use serde::Deserialize;

use super::host::{ClassHost, HostError};
use super::{DecisionPost, IncidentPost, JOIN_CODE_HEADER};

#[derive(Clone)]
struct AppState {
    host: Arc<Mutex<ClassHost>>,
    started: Instant,
    /// Class changes, numbered, for the `/api/events` sockets.
    changes: tokio::sync::broadcast::Sender<u64>,
    /// The number the next change goes out under.
    next_change: Arc<std::sync::atomic::AtomicU64>,
    /// Set when the service stops: open sockets close so the thread can end.
    closing: tokio::sync::watch::Receiver<bool>,
}

impl AppState {
    fn now(&self) -> f64 {
        self.started.elapsed().as_secs_f64()
    }

    fn host(&self) -> std::sync::MutexGuard<'_, ClassHost> {
        // A handler that panicked mid-request leaves the class as SQLite has it: carry on.
        self.host.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

/// A running classroom service; `stop` shuts it down and waits for its thread.
pub struct HostServer {
    pub addr: SocketAddr,
    shutdown: Option<tokio::sync::oneshot::Sender<()>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl HostServer {
    /// Binds `bind` (port 0 picks a free one) and serves `host` on the `classroom-host` thread.
    pub fn start(bind: SocketAddr, host: ClassHost) -> std::io::Result<Self> {
        let listener = std::net::TcpListener::bind(bind)?;
        listener.set_nonblocking(true)?;
        let addr = listener.local_addr()?;
        let (tx, rx) = tokio::sync::oneshot::channel::<()>();
        let (changes, _) = tokio::sync::broadcast::channel(64);
        let (close_tx, closing) = tokio::sync::watch::channel(false);
        let state = AppState {
            host: Arc::new(Mutex::new(host)),
            started: Instant::now(),
            changes,
            next_change: Arc::new(std::sync::atomic::AtomicU64::new(1)),
            closing,
        };
        let thread = std::thread::Builder::new().name("classroom-host".into()).spawn(move || {
            let Ok(rt) = tokio::runtime::Builder::new_current_thread().enable_all().build() else { return };
            rt.block_on(async move {
                let Ok(listener) = tokio::net::TcpListener::from_std(listener) else { return };
                let app = router(state).into_make_service_with_connect_info::<SocketAddr>();
                let _ = axum::serve(listener, app)
                    .with_graceful_shutdown(async move {
                        let _ = rx.await;
                        let _ = close_tx.send(true);
                    })
                    .await;
            });
        })?;
        Ok(Self { addr, shutdown: Some(tx), thread: Some(thread) })
    }

    /// Stops serving and waits for the thread to finish.
    pub fn stop(mut self) {
        self.shutdown_now();
    }

    fn shutdown_now(&mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

impl Drop for HostServer {
    fn drop(&mut self) {
        self.shutdown_now();
    }
}

fn router(state: AppState) -> Router {
    Router::new()
        .route("/api/join", post(join))
        .route("/api/me", get(me))
        .route("/api/decisions", post(decisions))
        .route("/api/dataset", get(dataset))
        .route("/api/events", get(events))
        .route("/api/console", get(console))
        .route("/api/incident", post(incident))
        .route("/api/pause", post(pause))
        .route("/api/resume", post(resume))
        .route("/api/end", post(end))
        .route("/api/debrief", get(debrief))
        .route("/api/debrief.csv", get(debrief_csv))
        .route("/api/debrief.html", get(debrief_html))
        .layer(middleware::from_fn(no_secrets_in_url))
        .with_state(state)
}

async fn no_secrets_in_url(request: Request, next: Next) -> Response {
    let query = request.uri().query().unwrap_or_default().to_ascii_lowercase();
    if ["code", "token", "key", "pin"].iter().any(|s| query.contains(s)) {
        return error(StatusCode::BAD_REQUEST, "codes and tokens go in headers, never in the URL");
    }
    next.run(request).await
}

fn error(status: StatusCode, message: &str) -> Response {
    (status, Json(serde_json::json!({ "error": message }))).into_response()
}

impl IntoResponse for HostError {
    fn into_response(self) -> Response {
        let status = match &self {
            HostError::Unauthorized => StatusCode::UNAUTHORIZED,
            HostError::RateLimited(_) => StatusCode::TOO_MANY_REQUESTS,
            HostError::BadRequest(_) => StatusCode::BAD_REQUEST,
            HostError::Ended => StatusCode::CONFLICT,
            HostError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        };
        let mut response = error(status, &self.to_string());
        if let HostError::RateLimited(s) = self
            && let Ok(v) = s.to_string().parse()
        {
            response.headers_mut().insert(header::RETRY_AFTER, v);
        }
        response
    }
}

fn bearer(headers: &HeaderMap) -> &str {
    headers.get(header::AUTHORIZATION).and_then(|v| v.to_str().ok()).and_then(|v| v.strip_prefix("Bearer ")).unwrap_or_default().trim()
}

#[derive(Deserialize)]
struct JoinBody {
    name: String,
}

async fn join(
    State(s): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    Json(body): Json<JoinBody>,
) -> Response {
    let code = headers.get(JOIN_CODE_HEADER).and_then(|v| v.to_str().ok()).unwrap_or_default();
    let now = s.now();
    match s.host().join(&body.name, code, peer.ip(), now) {
        Ok(reply) => Json(reply).into_response(),
        Err(e) => e.into_response(),
    }
}

async fn me(State(s): State<AppState>, headers: HeaderMap) -> Response {
    let now = s.now();
    match s.host().state(bearer(&headers), now) {
        Ok(state) => Json(state).into_response(),
        Err(e) => e.into_response(),
    }
}

async fn decisions(State(s): State<AppState>, headers: HeaderMap, Json(posts): Json<Vec<DecisionPost>>) -> Response {
    let now = s.now();
    match s.host().decide(bearer(&headers), &posts, now) {
        Ok(ack) => Json(ack).into_response(),
        Err(e) => e.into_response(),
    }
}

async fn dataset(State(s): State<AppState>, headers: HeaderMap) -> Response {
    let path = match s.host().dataset_file(bearer(&headers)) {
        Ok(p) => p,
        Err(e) => return e.into_response(),
    };
    // Off the runtime thread and outside the host's lock: a large file must not hold up the class.
    let read = tokio::task::spawn_blocking(move || {
        crate::dataset::safe_read::read_text(&path, crate::dataset::load::MAX_DATASET_BYTES).map_err(|e| format!("{}: {e}", path.display()))
    })
    .await;
    match read {
        Ok(Ok(text)) => ([(header::CONTENT_TYPE, "text/plain; charset=utf-8")], text).into_response(),
        Ok(Err(e)) => HostError::Internal(e).into_response(),
        Err(e) => HostError::Internal(e.to_string()).into_response(),
    }
}

/// Runs `f` on the host if the request carries the instructor token.
fn as_instructor<T: serde::Serialize>(
    s: &AppState,
    headers: &HeaderMap,
    f: impl FnOnce(&mut ClassHost, f64) -> Result<T, HostError>,
) -> Response {
    let now = s.now();
    let mut host = s.host();
    if !host.is_instructor(bearer(headers)) {
        return HostError::Unauthorized.into_response();
    }
    match f(&mut host, now) {
        Ok(v) => Json(v).into_response(),
        Err(e) => e.into_response(),
    }
}

async fn console(State(s): State<AppState>, headers: HeaderMap) -> Response {
    as_instructor(&s, &headers, |h, now| h.console(now))
}

async fn incident(State(s): State<AppState>, headers: HeaderMap, Json(body): Json<IncidentPost>) -> Response {
    announced(&s, as_instructor(&s, &headers, |h, _| h.incident(&body)))
}

async fn pause(State(s): State<AppState>, headers: HeaderMap) -> Response {
    announced(&s, as_instructor(&s, &headers, |h, _| h.set_paused(true)))
}

async fn resume(State(s): State<AppState>, headers: HeaderMap) -> Response {
    announced(&s, as_instructor(&s, &headers, |h, _| h.set_paused(false)))
}

async fn end(State(s): State<AppState>, headers: HeaderMap) -> Response {
    announced(&s, as_instructor(&s, &headers, |h, _| h.end()))
}

/// A change the instructor made is told to every open `/api/events` socket.
fn announced(s: &AppState, response: Response) -> Response {
    if response.status().is_success() {
        // No socket open is no error: terminals also poll.
        let _ = s.changes.send(s.next_change.fetch_add(1, std::sync::atomic::Ordering::Relaxed));
    }
    response
}

/// The change feed (see the module comment), for a trainee's or the instructor's token.
async fn events(State(s): State<AppState>, headers: HeaderMap, upgrade: WebSocketUpgrade) -> Response {
    let now = s.now();
    let token = bearer(&headers).to_owned();
    let allowed = {
        let mut host = s.host();
        host.is_instructor(&token) || host.state(&token, now).is_ok()
    };
    if !allowed {
        return HostError::Unauthorized.into_response();
    }
    let (changes, closing) = (s.changes.subscribe(), s.closing.clone());
    upgrade.on_upgrade(move |socket| feed(socket, changes, closing))
}

async fn feed(mut socket: WebSocket, mut changes: tokio::sync::broadcast::Receiver<u64>, mut closing: tokio::sync::watch::Receiver<bool>) {
    let say = |n: u64| Message::Text(format!("{{\"changed\":{n}}}").into());
    // One message at once: the terminal reads its state as soon as the feed is up.
    if socket.send(say(0)).await.is_err() {
        return;
    }
    loop {
        tokio::select! {
            change = changes.recv() => match change {
                Ok(n) => if socket.send(say(n)).await.is_err() { return },
                // Missed some: one message says as much as many.
                Err(tokio::sync::broadcast::error::RecvError::Lagged(_)) => if socket.send(say(0)).await.is_err() { return },
                Err(tokio::sync::broadcast::error::RecvError::Closed) => return,
            },
            incoming = socket.recv() => match incoming {
                None | Some(Err(_) | Ok(Message::Close(_))) => return,
                Some(Ok(_)) => {}
            },
            _ = closing.changed() => {
                let _ = socket.send(Message::Close(None)).await;
                return;
            }
        }
    }
}

async fn debrief(State(s): State<AppState>, headers: HeaderMap) -> Response {
    as_instructor(&s, &headers, |h, now| h.debrief(now))
}

fn debrief_as(s: &AppState, headers: &HeaderMap, content_type: &'static str, render: fn(&super::ClassDebrief) -> String) -> Response {
    let now = s.now();
    let host = s.host();
    if !host.is_instructor(bearer(headers)) {
        return HostError::Unauthorized.into_response();
    }
    match host.debrief(now) {
        Ok(d) => ([(header::CONTENT_TYPE, content_type)], render(&d)).into_response(),
        Err(e) => e.into_response(),
    }
}

async fn debrief_csv(State(s): State<AppState>, headers: HeaderMap) -> Response {
    debrief_as(&s, &headers, "text/csv; charset=utf-8", super::report::to_csv)
}

async fn debrief_html(State(s): State<AppState>, headers: HeaderMap) -> Response {
    debrief_as(&s, &headers, "text/html; charset=utf-8", super::report::to_html)
}
