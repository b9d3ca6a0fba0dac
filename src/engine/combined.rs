//! Merges both sources' answers: hits about the same subject become one group, groups are
//! ranked by severity then score, and each group carries the action of its most severe hit.

use serde::Serialize;

use super::hit::{Hit, Severity, SourceId};

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct HitGroup {
    pub severity: Severity,
    pub score: u8,
    pub action: String,
    pub sources: Vec<SourceId>,
    /// Best first; the first hit is the group's headline.
    pub hits: Vec<Hit>,
}

impl HitGroup {
    pub fn headline(&self) -> &Hit {
        &self.hits[0]
    }
}

/// Groups and ranks hits. The same record reported twice (e.g. a re-run) is kept once.
pub fn combine(hits: impl IntoIterator<Item = Hit>) -> Vec<HitGroup> {
    let mut groups: Vec<HitGroup> = Vec::new();
    for hit in hits {
        let existing = groups.iter_mut().find(|g| g.hits.iter().any(|h| h.subject_key == hit.subject_key));
        match existing {
            Some(group) => {
                if group.hits.iter().any(|h| h.source == hit.source && h.record_id == hit.record_id) {
                    continue;
                }
                group.hits.push(hit);
            }
            None => groups.push(HitGroup {
                severity: hit.severity,
                score: hit.score,
                action: String::new(),
                sources: Vec::new(),
                hits: vec![hit],
            }),
        }
    }
    for group in &mut groups {
        group.hits.sort_by(|a, b| b.severity.cmp(&a.severity).then(b.score.cmp(&a.score)).then(a.record_id.cmp(&b.record_id)));
        let head = &group.hits[0];
        group.severity = head.severity;
        group.score = group.hits.iter().map(|h| h.score).max().unwrap_or(0);
        group.action = reconciled_action(&group.hits);
        group.sources = group.hits.iter().map(|h| h.source).collect();
        group.sources.sort_unstable();
        group.sources.dedup();
    }
    groups.sort_by(|a, b| {
        b.severity
            .cmp(&a.severity)
            .then(b.score.cmp(&a.score))
            .then(b.sources.len().cmp(&a.sources.len()))
            .then(a.headline().record_id.cmp(&b.headline().record_id))
    });
    groups
}

/// One action for a subject whose hits disagree (docs/hit-actions.md, "When one subject's hits
/// disagree"): the most severe hit's instruction leads, and a "do not alert the person" from any
/// other hit is kept and named, because a referral must then be made without saying why.
fn reconciled_action(hits: &[Hit]) -> String {
    let head = &hits[0];
    let quiet = hits.iter().skip(1).find(|h| h.action.contains("do not alert") && !head.action.contains("do not alert"));
    match quiet {
        Some(q) => format!(
            "{}; and do not alert the person ({} {} asks it; the most severe hit leads, the discretion stays)",
            head.action, q.database, q.record_id
        ),
        None => head.action.clone(),
    }
}
