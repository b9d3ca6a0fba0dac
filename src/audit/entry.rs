//! One line of the audit trail.

use chrono::{DateTime, Local};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Decision {
    Admit,
    Secondary,
    RefuseEntry,
    Detain,
}

impl Decision {
    pub const ALL: [Decision; 4] = [Decision::Admit, Decision::Secondary, Decision::RefuseEntry, Decision::Detain];

    pub fn label(self) -> &'static str {
        match self {
            Self::Admit => "Admit",
            Self::Secondary => "Refer to secondary",
            Self::RefuseEntry => "Refuse entry",
            Self::Detain => "Detain",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AuditEntry {
    pub time: DateTime<Local>,
    pub officer: String,
    /// Query sequence number within the session.
    pub query: u64,
    pub summary: String,
    /// e.g. `National ok 212 ms · INTERPOL offline`.
    pub sources: String,
    pub hits: usize,
    /// Headline of the top hit group, if any.
    pub top_hit: String,
    pub decision: Option<Decision>,
    /// Document checks that failed (MRZ check digits) or other remarks.
    pub remark: String,
}
