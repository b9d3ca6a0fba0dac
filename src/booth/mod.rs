//! The officer's desk without a window: the current traveller's check, the hits, requests for
//! confirmation and their replies, the decision, the audit trail and the queries waiting for
//! the INTERPOL link. The terminal and the CLI both drive this one type, so every rule the
//! officer is taught lives here and is tested here.
//!
//! The booth has no clock: every call that depends on time takes `now` (monotonic, for delays
//! and timeouts) and `wall` (the time written in the audit trail), so tests replay exactly.

mod confirmations;
mod recovery;

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Instant;

use chrono::{DateTime, Local};

pub use confirmations::{Confirmation, ConfirmationDelays};
pub use recovery::{ResultChange, TravellerAlert};

use crate::audit::{AuditEntry, AuditLog, Decision};
use crate::engine::{Engine, HitGroup, MatchOptions, Severity, SourceId};
use crate::query::{Dispatcher, Query, QueryRun, SourceState};
use crate::sim::SimSettings;

/// What happened at the desk that a face may want to tell the officer about.
#[derive(Debug, Clone, PartialEq)]
pub enum BoothEvent {
    /// A new audit entry (or a changed one) at this index: persist it.
    Audit(usize),
    Info(String),
    Warning(String),
    /// The training exercise recorded a decision on traveller `number` (1-based): a classroom
    /// trainee's terminal sends it to the instructor's host.
    TrainingDecided {
        number: usize,
        decision: Decision,
        remark: String,
        seconds: f64,
    },
}

/// Why a decision was not taken.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecideError {
    NothingQueried,
    /// Admit or refuse on an unconfirmed CRITICAL or HIGH hit that needs the owning country's
    /// confirmation: the officer must give a reason, recorded as an override.
    NeedsOverrideReason {
        record_id: String,
        severity: Severity,
    },
}

impl std::fmt::Display for DecideError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::NothingQueried => write!(f, "query the traveller before deciding"),
            Self::NeedsOverrideReason { record_id, severity } => write!(
                f,
                "{} hit {record_id} is not confirmed by the owning country: give a reason to decide against it (recorded as an override)",
                severity.label()
            ),
        }
    }
}

/// One officer's desk.
pub struct Booth {
    engine: Arc<Engine>,
    dispatcher: Dispatcher,
    pub officer: String,
    /// The traveller's check: the query and both sources' answers.
    pub current: Option<QueryRun>,
    groups: Vec<HitGroup>,
    pub audit: AuditLog,
    /// The audit entry of `current` (written once both sources are done, or at the decision).
    audit_index: Option<usize>,
    decided: Option<Decision>,
    /// Traveller number at the desk (grows with every new traveller), so a re-run knows whether
    /// its traveller is still here.
    traveller: u64,
    confirmations: HashMap<String, Confirmation>,
    pub delays: ConfirmationDelays,
    pub seed: u64,
    /// Queries INTERPOL could not answer: re-run when the link returns.
    pub queued: Vec<recovery::Queued>,
    reruns: Vec<recovery::Rerun>,
    /// The banner over the current result after a re-run changed it; stays until dismissed.
    pub result_change: Option<ResultChange>,
    /// Travellers who had left when their re-run found something new; stay until dismissed.
    pub alerts: Vec<TravellerAlert>,
    events: Vec<BoothEvent>,
    /// Document-check failures of the current query, written into its audit entry.
    query_remark: String,
    /// In an exercise, who the traveller really is: the record ids that are this person. The
    /// owning country's reply then follows the truth of the case instead of chance.
    pub truth: Option<Vec<String>>,
    /// The training exercise running at this desk: the booth tells it what the trainee queried,
    /// asked and decided, so the debrief scores exactly what happened here.
    pub training: Option<crate::training::TrainingSession>,
}

impl Booth {
    pub fn new(engine: Arc<Engine>, wake: crate::query::dispatcher::Wake) -> Self {
        Self {
            engine,
            dispatcher: Dispatcher::new(wake),
            officer: String::new(),
            current: None,
            groups: Vec::new(),
            audit: AuditLog::default(),
            audit_index: None,
            decided: None,
            traveller: 1,
            confirmations: HashMap::new(),
            delays: ConfirmationDelays::default(),
            seed: 1,
            queued: Vec::new(),
            reruns: Vec::new(),
            result_change: None,
            alerts: Vec::new(),
            events: Vec::new(),
            query_remark: String::new(),
            truth: None,
            training: None,
        }
    }

    pub fn engine(&self) -> &Arc<Engine> {
        &self.engine
    }

    /// A new dataset: the desk must be free (see `is_busy`); queued link re-runs are dropped
    /// because their records belong to the old data.
    pub fn set_engine(&mut self, engine: Arc<Engine>) {
        self.engine = engine;
        self.queued.clear();
        self.reruns.clear();
        self.new_traveller();
    }

    pub fn groups(&self) -> &[HitGroup] {
        &self.groups
    }

    /// Shows these hit groups as the current result (frame benchmark and UI tests).
    pub fn show_groups(&mut self, groups: Vec<HitGroup>) {
        self.groups = groups;
    }

    pub fn decided(&self) -> Option<Decision> {
        self.decided
    }

    pub fn confirmations(&self) -> &HashMap<String, Confirmation> {
        &self.confirmations
    }

    /// A traveller is at the desk with a result and no decision yet.
    pub fn is_busy(&self) -> bool {
        self.current.is_some() && self.decided.is_none()
    }

    pub fn take_events(&mut self) -> Vec<BoothEvent> {
        std::mem::take(&mut self.events)
    }

    /// The next traveller steps up: the desk is cleared (the audit trail and the link queue stay).
    pub fn new_traveller(&mut self) {
        self.current = None;
        self.groups.clear();
        self.audit_index = None;
        self.decided = None;
        self.confirmations.clear();
        self.result_change = None;
        self.traveller += 1;
    }

    /// Sends the traveller's query to both sources at once; `remark` (failed document checks)
    /// goes into its audit entry.
    pub fn submit(&mut self, query: Query, sim: &SimSettings, options: MatchOptions, remark: String) {
        self.query_remark = remark;
        if let Some(session) = &self.training {
            // In an exercise the owning country answers by the truth of the case.
            self.truth = session.current().map(|t| t.expected_hits.clone());
        }
        let run = self.dispatcher.submit(&self.engine, query, sim, options);
        self.current = Some(run);
        self.groups.clear();
        self.audit_index = None;
        self.decided = None;
        self.result_change = None;
    }

    /// Applies the answers that have arrived, at most until `budget_end` (the face's frame
    /// budget); writes the audit entry once both sources are done. Returns true if the result
    /// on screen changed.
    pub fn poll(&mut self, now: Instant, wall: DateTime<Local>, budget_end: Option<Instant>) -> bool {
        let mut changed = false;
        loop {
            if budget_end.is_some_and(|end| Instant::now() >= end) {
                break;
            }
            let Ok(event) = self.dispatcher.events().try_recv() else { break };
            if let Some(rerun) = self.reruns.iter_mut().find(|r| r.run.id == event.query) {
                rerun.run.apply(event);
                continue;
            }
            let source = event.source;
            if let Some(run) = &mut self.current
                && run.apply(event)
            {
                changed = true;
                match run.state(source) {
                    SourceState::Failed { reason, .. } => {
                        self.events.push(BoothEvent::Warning(format!("{} failed: {reason}", source.short())))
                    }
                    SourceState::TimedOut { .. } => self.events.push(BoothEvent::Warning(format!("{} timed out", source.short()))),
                    _ => {}
                }
            }
        }
        if let Some(run) = &mut self.current {
            changed |= run.check_timeouts(now);
            if changed {
                self.groups = run.combined();
            }
        }
        if self.current.as_ref().is_some_and(QueryRun::is_complete) && self.audit_index.is_none() {
            self.write_query_entry(wall, self.query_remark.clone());
            if let (Some(session), Some(run)) = (self.training.as_mut(), self.current.as_ref()) {
                let needs = run.hits().any(crate::engine::Hit::needs_confirmation);
                session.record_query(run.hits().map(|h| h.record_id.clone()).collect::<Vec<_>>(), needs);
            }
            if let Some(run) = &self.current
                && !run.state(SourceId::Interpol).answered()
            {
                self.queued.push(recovery::Queued {
                    query: run.query.clone(),
                    previous: run.hits().map(|h| h.record_id.clone()).collect(),
                    traveller: self.traveller,
                    summary: run.query.summary(),
                });
            }
        }
        self.poll_confirmations(now, wall);
        changed
    }

    /// Waits for both answers (the CLI; the terminal polls instead).
    pub fn wait(&mut self, wall: DateTime<Local>) {
        if let Some(mut run) = self.current.take() {
            self.dispatcher.wait(&mut run);
            self.groups = run.combined();
            self.current = Some(run);
        }
        self.poll(Instant::now(), wall, None);
    }

    /// The audit entry for the current query (document-check failures as its remark).
    fn write_query_entry(&mut self, wall: DateTime<Local>, remark: String) {
        let Some(run) = &self.current else { return };
        let entry = AuditEntry::for_query(wall, &self.officer, run, &self.groups, remark);
        let index = self.audit.push(entry);
        self.audit_index = Some(index);
        self.events.push(BoothEvent::Audit(index));
    }

    pub(crate) fn push_entry(&mut self, entry: AuditEntry) -> usize {
        let index = self.audit.push(entry);
        self.events.push(BoothEvent::Audit(index));
        index
    }

    /// Before landing: marks passenger-list position `index` (0-based) to be stopped on
    /// arrival, or takes the mark back. False outside an open pre-arrival phase.
    pub fn mark_for_stop(&mut self, index: usize, on: bool) -> bool {
        self.training.as_mut().is_some_and(|s| s.mark_for_stop(index, on))
    }

    /// The aircraft has landed: the pre-arrival marks are final (written to the audit trail)
    /// and the desk opens with the first traveller.
    pub fn land(&mut self, now: Instant, wall: DateTime<Local>) {
        let Some(session) = self.training.as_mut().filter(|s| s.before_landing()) else { return };
        session.land(now);
        let Some(p) = session.pre_arrival() else { return };
        let marked: Vec<String> = p.marked().map(|i| (i + 1).to_string()).collect();
        let mut entry = AuditEntry::note(wall, &self.officer, 0, format!("Flight {} landed: pre-arrival marks final", p.manifest.flight));
        entry.sources = String::new();
        entry.remark = if marked.is_empty() { "nobody marked to stop".into() } else { format!("marked to stop: #{}", marked.join(", #")) };
        self.push_entry(entry);
    }

    /// Ends the exercise when its last traveller is done (or the instructor ended it): the
    /// debrief, and its totals in the audit trail. None while travellers remain.
    pub fn finish_exercise(&mut self, wall: DateTime<Local>) -> Option<crate::training::Debrief> {
        if !self.training.as_ref().is_some_and(crate::training::TrainingSession::is_finished) {
            return None;
        }
        let debrief = self.training.take()?.debrief();
        let t = debrief.totals();
        let mut entry = AuditEntry::note(wall, &self.officer, 0, format!("Training ended: {}", debrief.title));
        entry.sources = String::new();
        entry.top_hit =
            format!("correct {}/{}, missed threats {}, false alarms {}", t.correct, t.travellers, t.missed_threats, t.false_alarms);
        entry.remark = format!("mean time {:.1} s, not reached {}", t.mean_seconds, t.not_reached);
        self.push_entry(entry);
        Some(debrief)
    }

    /// The unconfirmed CRITICAL or HIGH hit that an Admit or Refuse would go against.
    fn unconfirmed_serious_hit(&self) -> Option<(&str, Severity)> {
        self.groups.iter().find_map(|g| {
            let head = g.headline();
            let serious = matches!(g.severity, Severity::Critical | Severity::High);
            let needs_confirmation = g.hits.iter().any(crate::engine::Hit::needs_confirmation);
            let confirmed = g.hits.iter().any(|h| self.confirmations.get(&h.record_id).is_some_and(Confirmation::is_confirmed));
            (serious && needs_confirmation && !confirmed).then_some((head.record_id.as_str(), g.severity))
        })
    }

    /// Records the officer's decision at `wall` (the time the officer decided; `now` times the
    /// traveller in an exercise). Admit or Refuse
    /// against an unconfirmed CRITICAL or HIGH hit needs `override_reason`, audited as an
    /// override. Deciding again replaces the decision and its remark, never appends twice.
    pub fn decide(
        &mut self,
        decision: Decision,
        remark: &str,
        override_reason: Option<&str>,
        now: Instant,
        wall: DateTime<Local>,
    ) -> Result<(), DecideError> {
        if self.current.is_none() {
            return Err(DecideError::NothingQueried);
        }
        let reason = override_reason.map(str::trim).filter(|r| !r.is_empty());
        let mut decision_remark = remark.trim().to_owned();
        if matches!(decision, Decision::Admit | Decision::RefuseEntry)
            && let Some((record, severity)) = self.unconfirmed_serious_hit()
        {
            let Some(reason) = reason else {
                return Err(DecideError::NeedsOverrideReason { record_id: record.to_owned(), severity });
            };
            let note = format!("OVERRIDE of unconfirmed {} hit {record}: {reason}", severity.label());
            decision_remark = if decision_remark.is_empty() { note } else { format!("{note}; {decision_remark}") };
        }
        if self.audit_index.is_none() {
            self.write_query_entry(wall, self.query_remark.clone());
        }
        if let Some(index) = self.audit_index {
            self.audit.decide(index, decision, &decision_remark, wall);
            self.events.push(BoothEvent::Audit(index));
        }
        self.decided = Some(decision);
        self.events.push(BoothEvent::Info(format!("Decision recorded: {}", decision.label())));
        if let Some(session) = &mut self.training
            && !session.is_finished()
        {
            let (number, seconds) = (session.number(), session.seconds_on_current(now));
            session.decide(decision, remark.trim(), now);
            self.events.push(BoothEvent::TrainingDecided { number, decision, remark: remark.trim().to_owned(), seconds });
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests;
