//! The audit trail: entries for queries and decisions, kept on disk by the writer thread.

#[allow(clippy::wildcard_imports)] // one type split by concern: the parts share the parent's imports
use super::*;

impl TerminalApp {
    /// Appends every audit entry to a hash-chained file, through the `audit-writer` thread.
    pub fn keep_audit_on_disk(&mut self, path: PathBuf) {
        let ctx = self.ctx.clone();
        match AuditWriter::start(path, move || ctx.request_repaint()) {
            Ok(writer) => self.audit_writer = Some(writer),
            Err(e) => self.toasts.error(format!("Audit log stays in memory only: {e}")),
        }
    }

    pub(super) fn audit_push(&mut self, entry: AuditEntry) {
        let index = self.audit.push(entry.clone());
        self.audit_send(index, entry);
    }

    pub(super) fn audit_send(&mut self, index: usize, entry: AuditEntry) {
        if let Some(w) = &self.audit_writer
            && !w.send(index, entry)
        {
            self.toasts.error("Audit writer is not accepting entries: kept in memory only");
        }
    }

    pub(super) fn drain_audit_writer(&mut self) {
        let Some(writer) = &self.audit_writer else { return };
        let replies: Vec<WriterReply> = writer.replies.try_iter().collect();
        for reply in replies {
            match reply {
                WriterReply::Recorded { index } => self.audit.mark_recorded(index),
                WriterReply::Failed { error, .. } => self.toasts.error(format!("Audit entry not saved: {error}")),
                WriterReply::Opened(Ok(report)) => {
                    if let Some(saved) = report.torn_tail_saved_to {
                        self.toasts.error(format!(
                            "The audit log ended in a torn write (crash?); the partial record was kept in {}",
                            saved.display()
                        ));
                    }
                }
                WriterReply::Opened(Err(e)) => self.toasts.error(format!("Audit file not usable ({e}); entries stay in memory only")),
            }
        }
    }

    pub(super) fn write_audit_entry(&mut self) {
        let Some(run) = &self.current else { return };
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
        let top_hit = self
            .groups
            .first()
            .map(|g| format!("{} {} {}", g.severity.label(), g.headline().database, g.headline().record_id))
            .unwrap_or_default();
        self.audit_push(AuditEntry {
            time: chrono::Local::now(),
            officer: self.settings.officer.clone(),
            query: run.id.0,
            summary: run.query.summary(),
            sources,
            hits: self.groups.iter().map(|g| g.hits.len()).sum(),
            top_hit,
            decision: None,
            remark: self
                .document_checks
                .iter()
                .filter(|c| c.status == CheckStatus::Failed)
                .map(|c| format!("{}: {}", c.check, c.detail))
                .collect::<Vec<_>>()
                .join("; "),
        });
    }
}
