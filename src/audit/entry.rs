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
    /// When the officer decided (the entry's `time` is when the query was sent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decided_at: Option<DateTime<Local>>,
    /// The officer's remark with the decision (and an override's reason); replaced, never
    /// appended, when the decision is changed.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub decision_remark: String,
}

impl AuditEntry {
    /// The entry for a query once both sources are done: who, what, how each source answered,
    /// and the top hit. The one constructor every face uses.
    pub fn for_query(
        time: DateTime<Local>,
        officer: &str,
        run: &crate::query::QueryRun,
        groups: &[crate::engine::HitGroup],
        remark: String,
    ) -> Self {
        let sources = run
            .summaries()
            .iter()
            .map(|s| {
                if s.status == "ok" {
                    format!("{} ok {} ms", s.source.short(), s.latency_ms)
                } else {
                    format!("{} {}", s.source.short(), s.status)
                }
            })
            .collect::<Vec<_>>()
            .join(" · ");
        let top_hit = groups
            .first()
            .map(|g| format!("{} {} {}", g.severity.label(), g.headline().database, g.headline().record_id))
            .unwrap_or_default();
        Self {
            time,
            officer: officer.to_owned(),
            query: run.id.0,
            summary: run.query.summary(),
            sources,
            hits: groups.iter().map(|g| g.hits.len()).sum(),
            top_hit,
            decision: None,
            remark,
            decided_at: None,
            decision_remark: String::new(),
        }
    }

    /// A step of the procedure that is not a query (a confirmation request or its reply).
    pub fn note(time: DateTime<Local>, officer: &str, query: u64, summary: String) -> Self {
        Self {
            time,
            officer: officer.to_owned(),
            query,
            summary,
            sources: "NCB".into(),
            hits: 0,
            top_hit: String::new(),
            decision: None,
            remark: String::new(),
            decided_at: None,
            decision_remark: String::new(),
        }
    }
}
