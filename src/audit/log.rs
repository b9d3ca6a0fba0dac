//! In-memory audit trail with CSV export.

use std::io::Write;

use chrono::{DateTime, Local};

use crate::csv_text::csv_field;

use super::entry::{AuditEntry, Decision};

#[derive(Debug, Default, Clone)]
pub struct AuditLog {
    entries: Vec<AuditEntry>,
    /// Whether each entry's latest version is confirmed on disk by the durable writer.
    recorded: Vec<bool>,
}

impl AuditLog {
    /// Adds an entry; returns its index.
    pub fn push(&mut self, entry: AuditEntry) -> usize {
        self.entries.push(entry);
        self.recorded.push(false);
        self.entries.len() - 1
    }

    pub fn mark_recorded(&mut self, index: usize) {
        if let Some(r) = self.recorded.get_mut(index) {
            *r = true;
        }
    }

    pub fn is_recorded(&self, index: usize) -> bool {
        self.recorded.get(index).copied().unwrap_or(false)
    }

    pub fn entries(&self) -> &[AuditEntry] {
        &self.entries
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Records the decision on entry `index` at `at`; a changed decision replaces the earlier
    /// one and its remark.
    pub fn decide(&mut self, index: usize, decision: Decision, remark: &str, at: DateTime<Local>) -> bool {
        let Some(e) = self.entries.get_mut(index) else { return false };
        self.recorded[index] = false;
        e.decision = Some(decision);
        e.decided_at = Some(at);
        remark.clone_into(&mut e.decision_remark);
        true
    }

    pub fn entry_mut(&mut self, index: usize) -> Option<&mut AuditEntry> {
        if let Some(r) = self.recorded.get_mut(index) {
            *r = false;
        }
        self.entries.get_mut(index)
    }

    /// The trail as CSV. `head`, the on-disk chain head at export time, goes on a first line of
    /// its own, so the export names the log state it came from and `audit verify --head`
    /// detects a log cut short since.
    pub fn write_csv(&self, mut out: impl Write, head: Option<&str>) -> std::io::Result<()> {
        if let Some(head) = head {
            writeln!(out, "# audit chain head at export: {head} (check: bordercheck audit verify FILE --head {head})")?;
        }
        writeln!(out, "time,officer,query,summary,sources,hits,top_hit,decision,decided_at,remark,decision_remark")?;
        for e in &self.entries {
            let decision = e.decision.map_or("", Decision::label);
            writeln!(
                out,
                "{},{},{},{},{},{},{},{},{},{},{}",
                e.time.format("%Y-%m-%d %H:%M:%S"),
                csv_field(&e.officer),
                e.query,
                csv_field(&e.summary),
                csv_field(&e.sources),
                e.hits,
                csv_field(&e.top_hit),
                decision,
                e.decided_at.map(|t| t.format("%Y-%m-%d %H:%M:%S").to_string()).unwrap_or_default(),
                csv_field(&e.remark),
                csv_field(&e.decision_remark)
            )?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decisions_attach_to_their_query_and_csv_quotes() {
        let mut log = AuditLog::default();
        let entry = |q| AuditEntry {
            time: chrono::Local::now(),
            officer: "officer-1".into(),
            query: q,
            summary: "ERIKSSON, ANNA".into(),
            sources: "National ok".into(),
            hits: 1,
            top_hit: "=cmd".into(),
            decision: None,
            remark: String::new(),
            decided_at: None,
            decision_remark: String::new(),
        };
        log.push(entry(1));
        log.push(entry(2));
        let at = chrono::Local::now();
        assert!(log.decide(0, Decision::Admit, "first thought", at));
        assert!(log.decide(0, Decision::Detain, "confirmed by FRA", at), "a changed decision replaces the remark");
        assert_eq!(log.entries()[0].decision_remark, "confirmed by FRA");
        assert!(!log.decide(9, Decision::Admit, "", at));
        let mut out = Vec::new();
        log.write_csv(&mut out, None).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(text.contains("\"ERIKSSON, ANNA\""));
        assert!(text.contains("Detain,") && text.contains(",confirmed by FRA"), "{text}");
        assert!(!text.contains("first thought"));
        assert!(text.contains("'=cmd"));
    }
}
