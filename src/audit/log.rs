//! In-memory audit trail with CSV export.

use std::io::Write;

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

    /// Records the decision on the latest entry of that query (a decision follows its query);
    /// returns the entry's index.
    pub fn decide(&mut self, query: u64, decision: Decision, remark: &str) -> Option<usize> {
        let index = self.entries.iter().rposition(|e| e.query == query)?;
        self.recorded[index] = false;
        match self.entries.get_mut(index) {
            Some(e) => {
                e.decision = Some(decision);
                if !remark.is_empty() {
                    if !e.remark.is_empty() {
                        e.remark.push_str("; ");
                    }
                    e.remark.push_str(remark);
                }
                Some(index)
            }
            None => None,
        }
    }

    pub fn write_csv(&self, mut out: impl Write) -> std::io::Result<()> {
        writeln!(out, "time,officer,query,summary,sources,hits,top_hit,decision,remark")?;
        for e in &self.entries {
            let decision = e.decision.map_or("", Decision::label);
            writeln!(
                out,
                "{},{},{},{},{},{},{},{},{}",
                e.time.format("%Y-%m-%d %H:%M:%S"),
                csv_field(&e.officer),
                e.query,
                csv_field(&e.summary),
                csv_field(&e.sources),
                e.hits,
                csv_field(&e.top_hit),
                decision,
                csv_field(&e.remark)
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
        };
        log.push(entry(1));
        log.push(entry(2));
        assert_eq!(log.decide(1, Decision::Detain, "confirmed by FRA"), Some(0));
        assert_eq!(log.decide(9, Decision::Admit, ""), None);
        let mut out = Vec::new();
        log.write_csv(&mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(text.contains("\"ERIKSSON, ANNA\""));
        assert!(text.contains("Detain,confirmed by FRA"));
        assert!(text.contains("'=cmd"));
    }
}
