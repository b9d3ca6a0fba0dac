//! Matching settings a trainer can change.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct MatchOptions {
    /// Person hits below this score (0–100) are not shown.
    pub threshold: u8,
    /// Most hits one source returns for one query.
    pub max_hits: usize,
    /// Most name spellings scored per query (the index ranks them first).
    pub max_name_candidates: usize,
}

impl Default for MatchOptions {
    fn default() -> Self {
        Self { threshold: 75, max_hits: 50, max_name_candidates: 1200 }
    }
}
