//! The state of one query while its answers arrive: per source pending, answered, failed,
//! timed out or offline, and the combined hits of whatever has answered.

use std::time::{Duration, Instant};

use serde::Serialize;

use super::dispatcher::{QueryEvent, QueryId};
use super::input::Query;
use crate::engine::{Hit, HitGroup, SourceId, combine};
use crate::sim::SimSettings;

/// Where one source is with one query; the dispatcher's events carry the final states.
#[derive(Debug, Clone, PartialEq)]
pub enum SourceState {
    Pending,
    Answered {
        hits: Vec<Hit>,
        latency: Duration,
    },
    Failed {
        reason: String,
        after: Duration,
    },
    TimedOut {
        after: Duration,
    },
    Offline,
    /// Link down; only SLTD was checked, against a local copy this many hours old.
    LocalCopy {
        hits: Vec<Hit>,
        age_hours: u32,
    },
}

impl SourceState {
    pub fn is_done(&self) -> bool {
        !matches!(self, Self::Pending)
    }

    pub fn answered(&self) -> bool {
        matches!(self, Self::Answered { .. })
    }

    /// `ok`, `pending`, `failed`, `timeout`, `offline`.
    pub fn code(&self) -> &'static str {
        match self {
            Self::Pending => "pending",
            Self::Answered { .. } => "ok",
            Self::Failed { .. } => "failed",
            Self::TimedOut { .. } => "timeout",
            Self::Offline => "offline",
            Self::LocalCopy { .. } => "local_copy",
        }
    }
}

/// Per-source status in the CLI's JSON and the audit log.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SourceSummary {
    pub source: SourceId,
    pub status: &'static str,
    pub latency_ms: u64,
    pub hits: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

#[derive(Debug, Clone)]
pub struct QueryRun {
    pub id: QueryId,
    pub query: Query,
    pub started: Instant,
    states: [SourceState; 2],
    timeouts: [Duration; 2],
}

/// Extra time the watchdog allows past a source's own timeout before it gives up on a silent worker.
const WATCHDOG_GRACE: Duration = Duration::from_millis(500);

fn slot(source: SourceId) -> usize {
    match source {
        SourceId::National => 0,
        SourceId::Interpol => 1,
    }
}

impl QueryRun {
    pub fn new(id: QueryId, query: Query, sim: &SimSettings) -> Self {
        let timeout = |s| Duration::from_millis(u64::from(sim.profile(s).timeout_ms));
        Self {
            id,
            query,
            started: Instant::now(),
            states: [SourceState::Pending, SourceState::Pending],
            timeouts: [timeout(SourceId::National), timeout(SourceId::Interpol)],
        }
    }

    pub fn state(&self, source: SourceId) -> &SourceState {
        &self.states[slot(source)]
    }

    /// Applies an event for this run; returns false for another run's or a late event.
    pub fn apply(&mut self, event: QueryEvent) -> bool {
        if event.query != self.id || self.states[slot(event.source)].is_done() || !event.outcome.is_done() {
            return false;
        }
        self.states[slot(event.source)] = event.outcome;
        true
    }

    /// Times out sources whose worker went silent (hung), so one source never blocks the other.
    pub fn check_timeouts(&mut self, now: Instant) -> bool {
        let mut changed = false;
        for source in SourceId::ALL {
            let i = slot(source);
            let elapsed = now.saturating_duration_since(self.started);
            if !self.states[i].is_done() && elapsed > self.timeouts[i] + WATCHDOG_GRACE {
                self.states[i] = SourceState::TimedOut { after: elapsed };
                changed = true;
            }
        }
        changed
    }

    /// When the watchdog would next fire (for scheduling a repaint).
    pub fn next_deadline(&self) -> Option<Instant> {
        SourceId::ALL.iter().filter(|s| !self.state(**s).is_done()).map(|s| self.started + self.timeouts[slot(*s)] + WATCHDOG_GRACE).min()
    }

    pub fn is_complete(&self) -> bool {
        self.states.iter().all(SourceState::is_done)
    }

    /// True when at least one source finished without answering.
    pub fn is_partial(&self) -> bool {
        self.states.iter().any(|s| s.is_done() && !s.answered())
    }

    pub fn hits(&self) -> impl Iterator<Item = &Hit> {
        self.states.iter().flat_map(|s| match s {
            SourceState::Answered { hits, .. } | SourceState::LocalCopy { hits, .. } => hits.as_slice(),
            _ => &[],
        })
    }

    pub fn combined(&self) -> Vec<HitGroup> {
        combine(self.hits().cloned())
    }

    pub fn summaries(&self) -> Vec<SourceSummary> {
        SourceId::ALL
            .iter()
            .map(|&source| {
                let state = self.state(source);
                let (latency, hits, reason) = match state {
                    SourceState::Answered { hits, latency } => (*latency, hits.len(), None),
                    SourceState::Failed { reason, after } => (*after, 0, Some(reason.clone())),
                    SourceState::TimedOut { after } => (*after, 0, None),
                    SourceState::LocalCopy { hits, age_hours } => {
                        (Duration::ZERO, hits.len(), Some(format!("link down: SLTD from local copy, {age_hours} h old")))
                    }
                    SourceState::Pending | SourceState::Offline => (Duration::ZERO, 0, None),
                };
                SourceSummary { source, status: state.code(), latency_ms: latency.as_millis() as u64, hits, reason }
            })
            .collect()
    }
}
