//! Asking the owning country to confirm a hit (through the NCB), and its reply.

use std::time::{Duration, Instant};

use chrono::{DateTime, Local};
use serde::{Deserialize, Serialize};

use super::{Booth, BoothEvent};
use crate::audit::AuditEntry;
use crate::domain::OwnerAnswer;
use crate::engine::hit::RecordDetail;
use crate::sim::confirmation::{ConfirmationReply, confirmation_reply};

/// How long the simulated owning country takes to answer. Real NCB and SIRENE answers take
/// hours; a training session compresses them to about a minute so the trainee must hold the
/// traveller and keep working, but the exercise does not stall.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConfirmationDelays {
    pub min_s: u32,
    pub max_s: u32,
}

impl Default for ConfirmationDelays {
    fn default() -> Self {
        Self { min_s: 30, max_s: 90 }
    }
}

/// The state of the confirmation asked for one record.
#[derive(Debug, Clone, PartialEq)]
pub struct Confirmation {
    pub owner: String,
    /// How many times it was asked (a repeated request is numbered).
    pub requests: u32,
    pub due: Instant,
    coming: ConfirmationReply,
    /// The reply, once it has arrived.
    pub reply: Option<ConfirmationReply>,
}

impl Confirmation {
    pub fn is_confirmed(&self) -> bool {
        self.reply == Some(ConfirmationReply::Confirmed)
    }

    /// Asked and the reply has not arrived yet.
    pub fn is_pending(&self) -> bool {
        self.reply.is_none()
    }

    /// "No reply yet" came back: the officer holds the traveller and may ask again.
    pub fn can_ask_again(&self) -> bool {
        self.reply == Some(ConfirmationReply::NoReplyYet)
    }

    /// What the hit table and the detail show for it.
    pub fn status_line(&self, now: Instant) -> String {
        match self.reply {
            None => format!(
                "Request #{} to {} pending (reply in about {} s)",
                self.requests,
                self.owner,
                self.due.saturating_duration_since(now).as_secs()
            ),
            Some(r) => format!("Reply from {}: {} (request #{})", self.owner, r.label(), self.requests),
        }
    }
}

impl Booth {
    /// Asks the owner of `record_id` (one of the current hits) to confirm it; again if the last
    /// answer was "no reply yet". Each request and each reply is an audit entry. Returns false
    /// when there is nothing to ask (no such hit, no owner, a request already pending, or the
    /// hit already answered).
    pub fn request_confirmation(&mut self, record_id: &str, now: Instant, wall: DateTime<Local>) -> bool {
        let Some(hit) = self.groups.iter().flat_map(|g| &g.hits).find(|h| h.record_id == record_id) else { return false };
        let Some(owner) = hit.owner.clone() else { return false };
        let score = hit.score;
        let attempt = match self.confirmations.get(record_id) {
            Some(c) if !c.can_ask_again() => return false,
            Some(c) => c.requests + 1,
            None => 1,
        };
        let (fraction, chance) = confirmation_reply(self.seed, record_id, score, attempt);
        // Outside an exercise the dataset may say what the owning country answers for this record.
        let on_file = match &hit.record {
            RecordDetail::Notice(n) | RecordDetail::Tdawn { notice: Some(n), .. } => n.confirmation,
            _ => None,
        };
        // In an exercise the reply follows who the traveller really is; a first request may
        // still go unanswered for a while (chance decides only that). Outside one, the record's
        // answer on file does the same; only without either does chance decide the reply.
        let truth = match (&self.truth, on_file) {
            (Some(truth), _) => Some(truth.iter().any(|t| t == record_id)),
            (None, Some(answer)) => Some(answer == OwnerAnswer::SamePerson),
            (None, None) => None,
        };
        let coming = match truth {
            Some(_) if attempt == 1 && chance == ConfirmationReply::NoReplyYet => chance,
            Some(true) => ConfirmationReply::Confirmed,
            Some(false) => ConfirmationReply::NotSamePerson,
            None => chance,
        };
        let span = self.delays.max_s.saturating_sub(self.delays.min_s);
        let delay = Duration::from_secs_f32(self.delays.min_s as f32 + span as f32 * fraction);
        self.confirmations
            .insert(record_id.to_owned(), Confirmation { owner: owner.clone(), requests: attempt, due: now + delay, coming, reply: None });
        let query = self.current.as_ref().map_or(0, |r| r.id.0);
        self.push_entry(AuditEntry::note(
            wall,
            &self.officer,
            query,
            format!("confirmation request #{attempt} to {owner} (via NCB) for {record_id}"),
        ));
        if let Some(session) = &mut self.training {
            session.record_confirmation();
        }
        true
    }

    /// Delivers replies that are due.
    pub(super) fn poll_confirmations(&mut self, now: Instant, wall: DateTime<Local>) {
        let query = self.current.as_ref().map_or(0, |r| r.id.0);
        let mut arrived = Vec::new();
        for (record, c) in &mut self.confirmations {
            if c.reply.is_none() && now >= c.due {
                c.reply = Some(c.coming);
                arrived.push((record.clone(), c.owner.clone(), c.requests, c.coming));
            }
        }
        arrived.sort_by(|a, b| a.0.cmp(&b.0));
        for (record, owner, n, reply) in arrived {
            self.push_entry(AuditEntry::note(
                wall,
                &self.officer,
                query,
                format!("reply from {owner} on {record} (request #{n}): {}", reply.label()),
            ));
            let message = format!("{record}: {}", reply.label());
            self.events.push(if reply == ConfirmationReply::Confirmed { BoothEvent::Info(message) } else { BoothEvent::Warning(message) });
        }
    }

    /// When the next reply is due (for scheduling a repaint).
    pub fn next_reply_due(&self) -> Option<Instant> {
        self.confirmations.values().filter(|c| c.is_pending()).map(|c| c.due).min()
    }
}
