//! MIND-style recovery: queries the INTERPOL link could not answer are re-run when it returns,
//! and a changed result reaches the officer whether the traveller is still at the desk or not.

use chrono::{DateTime, Local};

use super::{Booth, BoothEvent};
use crate::audit::AuditEntry;
use crate::engine::{MatchOptions, SourceId};
use crate::query::{Query, QueryRun};
use crate::sim::SimSettings;

/// A query waiting for the link, with what it found without INTERPOL.
#[derive(Debug, Clone)]
pub struct Queued {
    pub query: Query,
    pub previous: Vec<String>,
    /// The traveller number at the desk when it was asked.
    pub traveller: u64,
    pub summary: String,
}

pub(super) struct Rerun {
    pub run: QueryRun,
    pub previous: Vec<String>,
    pub traveller: u64,
}

/// The banner over a result that changed when the link returned (the traveller is still here).
#[derive(Debug, Clone, PartialEq)]
pub struct ResultChange {
    pub message: String,
}

/// A traveller who had already gone when the re-run of their check found something new.
#[derive(Debug, Clone, PartialEq)]
pub struct TravellerAlert {
    pub time: DateTime<Local>,
    pub message: String,
}

impl Booth {
    /// Starts the re-runs once INTERPOL is reachable, and reports those that finished (their
    /// answers arrive through `poll`; a face calls both every frame).
    pub fn handle_link(&mut self, sim: &SimSettings, options: MatchOptions, now: std::time::Instant, wall: DateTime<Local>) {
        if !self.queued.is_empty() && !sim.interpol.offline {
            let n = self.queued.len();
            self.events
                .push(BoothEvent::Info(format!("INTERPOL link restored: re-running {n} queued quer{}", if n == 1 { "y" } else { "ies" })));
            for q in std::mem::take(&mut self.queued) {
                let run = self.dispatcher.submit(&self.engine, q.query, sim, options);
                self.reruns.push(Rerun { run, previous: q.previous, traveller: q.traveller });
            }
        }
        let mut finished = Vec::new();
        self.reruns.retain_mut(|r| {
            r.run.check_timeouts(now);
            if r.run.is_complete() {
                finished.push((r.run.clone(), std::mem::take(&mut r.previous), r.traveller));
                false
            } else {
                true
            }
        });
        for (run, previous, traveller) in finished {
            self.finish_rerun(run, previous, traveller, wall);
        }
    }

    pub fn has_reruns(&self) -> bool {
        !self.reruns.is_empty()
    }

    fn finish_rerun(&mut self, run: QueryRun, previous: Vec<String>, traveller: u64, wall: DateTime<Local>) {
        let summary = run.query.summary();
        if !run.state(SourceId::Interpol).answered() {
            self.queued.push(Queued { query: run.query.clone(), previous, traveller, summary });
            return;
        }
        let groups = run.combined();
        let mut new: Vec<String> = run.hits().map(|h| h.record_id.clone()).filter(|id| !previous.contains(id)).collect();
        new.dedup();
        let headline = groups
            .first()
            .map(|g| format!("{} {} {}", g.severity.label(), g.headline().database, g.headline().record_id))
            .unwrap_or_default();
        let mut entry = AuditEntry::for_query(wall, &self.officer, &run, &groups, String::new());
        entry.summary = format!("re-run after link restored: {summary}");
        entry.remark = if new.is_empty() { "unchanged".into() } else { format!("CHANGED: new hits {}", new.join(", ")) };
        self.push_entry(entry);
        let here = traveller == self.traveller && self.current.is_some();
        if new.is_empty() {
            self.events.push(BoothEvent::Info(format!("Re-run of {summary}: result unchanged")));
            if here {
                self.replace_current(run, groups);
            }
            return;
        }
        let message = format!("RESULT CHANGED after the INTERPOL link returned: {headline} (new: {})", new.join(", "));
        if here {
            self.replace_current(run, groups);
            self.result_change = Some(ResultChange { message: message.clone() });
        } else {
            self.alerts.push(TravellerAlert { time: wall, message: format!("Traveller {summary} has left the desk — {message}") });
        }
        self.events.push(BoothEvent::Warning(message));
    }

    /// The traveller is still at the desk: the complete result replaces the incomplete one.
    fn replace_current(&mut self, run: QueryRun, groups: Vec<crate::engine::HitGroup>) {
        self.current = Some(run);
        self.groups = groups;
    }

    pub fn dismiss_result_change(&mut self) {
        self.result_change = None;
    }

    pub fn dismiss_alert(&mut self, index: usize) {
        if index < self.alerts.len() {
            self.alerts.remove(index);
        }
    }
}
