//! The answer to one query as plain data: the CLI's JSON line and the audit log's record of it.

use serde::Serialize;

use super::run::{QueryRun, SourceSummary};
use crate::engine::{HitGroup, Severity, SourceId};

#[derive(Debug, Clone, Serialize)]
pub struct HitLine {
    pub rank: usize,
    pub source: SourceId,
    pub database: &'static str,
    pub record_id: String,
    pub subject: String,
    #[serde(rename = "match")]
    pub match_kind: crate::engine::MatchKind,
    pub score: u8,
    pub severity: Severity,
    pub action: String,
    pub explanation: Vec<String>,
    /// The subject group (1 = the top group): hits about one subject share it.
    pub group: usize,
    /// Who must confirm the hit (owning or reporting country), for INTERPOL records.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
    /// A notice's charges with the country that brings them.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub charges: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct QueryReport {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// False when a source did not answer (offline, failed, timed out) or answered only from
    /// its local copy: the result must not be read as "no hits".
    pub complete: bool,
    /// The sources whose answer is missing or partial.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub incomplete_sources: Vec<SourceId>,
    pub sources: Vec<SourceSummary>,
    pub hits: Vec<HitLine>,
}

impl QueryReport {
    pub fn new(id: Option<String>, run: &QueryRun) -> Self {
        let incomplete_sources: Vec<SourceId> =
            SourceId::ALL.into_iter().filter(|s| !matches!(run.state(*s), super::run::SourceState::Answered { .. })).collect();
        Self { id, complete: incomplete_sources.is_empty(), incomplete_sources, sources: run.summaries(), hits: hit_lines(&run.combined()) }
    }
}

/// Every hit, group by group in rank order (a group's hits are about one subject).
pub fn hit_lines(groups: &[HitGroup]) -> Vec<HitLine> {
    groups
        .iter()
        .enumerate()
        .flat_map(|(g, group)| group.hits.iter().map(move |h| (g + 1, h)))
        .enumerate()
        .map(|(i, (group, h))| HitLine {
            rank: i + 1,
            source: h.source,
            database: h.database.code(),
            record_id: h.record_id.clone(),
            subject: h.subject.clone(),
            match_kind: h.match_kind,
            score: h.score,
            severity: h.severity,
            action: h.action.clone(),
            explanation: h.explanation.iter().map(ToString::to_string).collect(),
            group,
            owner: h.owner.clone(),
            charges: match &h.record {
                crate::engine::RecordDetail::Notice(n) | crate::engine::RecordDetail::Tdawn { notice: Some(n), .. } => {
                    n.charges.iter().map(|c| format!("{} ({})", c.charge, c.country)).collect()
                }
                _ => Vec::new(),
            },
        })
        .collect()
}
