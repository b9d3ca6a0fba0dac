//! What a hit means at the booth: its severity and the recommended action, from the one
//! table in `docs/hit-actions.md` (see `hit_rules`).

use super::hit::{Database, MatchKind, Severity};
use super::hit_rules::rule;
use crate::domain::DiffusionPurpose;

/// Severity and action of a kind of hit (a diffusion's purpose changes its rule).
pub fn assess_with(database: Database, match_kind: MatchKind, purpose: Option<DiffusionPurpose>) -> (Severity, &'static str) {
    let r = rule(database, match_kind, purpose);
    (r.severity, r.action)
}
