//! What a hit means at the booth: its severity and the recommended action, from the one
//! table in `docs/hit-actions.md` (see `hit_rules`).

use super::hit::{Database, MatchKind, Severity};
use super::hit_rules::rule;
use crate::domain::DiffusionPurpose;

pub fn assess(database: Database, match_kind: MatchKind) -> (Severity, &'static str) {
    assess_with(database, match_kind, None)
}

/// As `assess`, for a diffusion whose purpose is known.
pub fn assess_with(database: Database, match_kind: MatchKind, purpose: Option<DiffusionPurpose>) -> (Severity, &'static str) {
    let r = rule(database, match_kind, purpose);
    (r.severity, r.action)
}
