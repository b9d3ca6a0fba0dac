//! The simulated reply of an owning country to "please confirm this hit" (through the NCB).

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConfirmationReply {
    /// The record is valid and the person is the same: act on it.
    Confirmed,
    NotSamePerson,
    /// No answer within the simulated window; the officer must hold and ask again.
    NoReplyYet,
}

impl ConfirmationReply {
    pub fn label(self) -> &'static str {
        match self {
            Self::Confirmed => "Confirmed by the owning country: record valid, same person",
            Self::NotSamePerson => "Owning country: NOT the same person",
            Self::NoReplyYet => "No reply yet from the owning country — hold and ask again",
        }
    }
}

/// Deterministic under the seed: the same hit in a replayed session gets the same reply.
/// Strong matches are mostly confirmed; weak ones are more often another person.
/// Returns where the reply falls in the configured delay window (0.0–1.0) and the reply; a
/// repeated request (`attempt` 2, 3…) is a new draw, less often unanswered.
pub fn confirmation_reply(seed: u64, record_id: &str, score: u8, attempt: u32) -> (f32, ConfirmationReply) {
    let id_hash = record_id.bytes().fold(0u64, |h, b| h.wrapping_mul(31).wrapping_add(u64::from(b)));
    let mut rng = ChaCha8Rng::seed_from_u64(seed ^ id_hash ^ u64::from(attempt).wrapping_mul(0x9E37_79B9_7F4A_7C15));
    let delay: f32 = rng.random();
    let roll: f32 = rng.random();
    let confirm_share = if score >= 95 {
        0.85
    } else if score >= 85 {
        0.65
    } else {
        0.4
    };
    // Asked again, the owning country has usually looked at it by now.
    let silent_share = if attempt > 1 { 0.2 } else { 0.5 };
    let reply = if roll < confirm_share {
        ConfirmationReply::Confirmed
    } else if roll < confirm_share + (1.0 - silent_share) * (1.0 - confirm_share) {
        ConfirmationReply::NotSamePerson
    } else {
        ConfirmationReply::NoReplyYet
    };
    (delay, reply)
}
