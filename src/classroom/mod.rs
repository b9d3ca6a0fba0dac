//! The classroom: one instructor's laptop hosts an exercise, trainee terminals join it over the
//! local network, and the instructor sees and steers everyone from one window.
//!
//! Core only (no egui): the class itself (`host`), kept in SQLite (`store`) so a restarted host
//! resumes it; the HTTP service in front of it (`server`, tokio + axum on a named thread); and
//! the blocking client trainees and the CLI use (`client`), which queues decisions on disk while
//! the host is unreachable. Expected decisions and teaching notes never leave the host before the
//! exercise ends: the trainee-facing types below simply have no field for them.

pub mod client;
pub mod host;
pub mod report;
pub mod server;
pub mod store;

use serde::{Deserialize, Serialize};

use crate::audit::Decision;
use crate::query::QueryInput;
use crate::training::scenario::IncidentKind;

/// The header a trainee sends the join code in (never the URL: codes in URLs end up in logs).
pub const JOIN_CODE_HEADER: &str = "x-join-code";

/// One traveller as a trainee's terminal receives it: what the traveller presents and says.
/// No id (random clean travellers' ids would give them away), no expected decision, no note.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TraineeTraveller {
    /// 1-based place in the queue.
    pub number: usize,
    pub cover_story: String,
    pub presents: QueryInput,
}

/// What a trainee gets on joining (or rejoining: `next` says where it stands).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct JoinReply {
    pub token: String,
    pub name: String,
    pub title: String,
    pub post: String,
    /// `builtin` for the demo dataset, else the dataset file's name (`GET /api/dataset`).
    pub dataset: String,
    pub travellers: Vec<TraineeTraveller>,
    /// The first traveller this trainee has not decided yet (1-based).
    pub next: usize,
}

/// One decision as a trainee's terminal sends it. `traveller` and the trainee identify it: sent
/// twice (a retry after a lost reply), it is kept once.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DecisionPost {
    pub traveller: usize,
    pub decision: Decision,
    #[serde(default)]
    pub remark: String,
    /// Time the trainee spent on this traveller.
    #[serde(default)]
    pub seconds: f64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct DecisionAck {
    /// Newly recorded.
    pub accepted: usize,
    /// Already recorded before (a resend).
    pub duplicates: usize,
}

/// A trainee's own state, as its terminal polls it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TraineeState {
    pub name: String,
    pub decided: usize,
    pub next: usize,
    pub paused: bool,
    pub ended: bool,
    /// Incidents in force for this trainee (broadcast or aimed at it).
    pub incidents: Vec<IncidentKind>,
}

/// One row of the instructor console.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ConsoleRow {
    pub name: String,
    pub connected: bool,
    /// The traveller at the desk (1-based); past the end when done.
    pub current: usize,
    pub decided: usize,
    pub correct: usize,
    pub missed: usize,
    pub false_alarms: usize,
    pub mean_seconds: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Console {
    pub title: String,
    pub travellers: usize,
    pub paused: bool,
    pub ended: bool,
    pub incidents: Vec<String>,
    pub rows: Vec<ConsoleRow>,
}

/// An instructor's broadcast: an incident for everyone or one trainee, or all cleared.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IncidentPost {
    /// A trainee's name; none for the whole class.
    #[serde(default)]
    pub to: Option<String>,
    /// None clears the incidents aimed at `to` (or every incident, for the class).
    pub kind: Option<IncidentKind>,
}

/// The class debrief, per traveller (hardest first) and per trainee.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClassDebrief {
    pub title: String,
    pub travellers: Vec<TravellerResult>,
    pub trainees: Vec<ConsoleRow>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TravellerResult {
    pub number: usize,
    pub id: String,
    pub expected: Decision,
    pub decided: usize,
    /// Share of the trainees who decided this traveller that decided right.
    pub share_right: f64,
    pub teaching_note: String,
}
