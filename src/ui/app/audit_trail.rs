//! The audit trail: entries for queries and decisions, kept on disk by the writer thread.

#[allow(clippy::wildcard_imports)] // one type split by concern: the parts share the parent's imports
use super::*;

impl TerminalApp {
    /// Appends every audit entry to a hash-chained file, through the `audit-writer` thread.
    pub fn keep_audit_on_disk(&mut self, path: PathBuf) {
        let ctx = self.ctx.clone();
        // The MAC key lives apart from the log (the user's configuration folder).
        let key = match crate::audit::key::default_key_path().map(|p| crate::audit::key::AuditKey::load_or_create(&p)) {
            Some(Ok(key)) => Some(key),
            Some(Err(e)) => {
                self.toasts.error(format!("Audit key not usable ({e}): records are chained but not MACed"));
                None
            }
            None => None,
        };
        match AuditWriter::start(path, key, move || ctx.request_repaint()) {
            Ok(writer) => self.audit_writer = Some(writer),
            Err(e) => self.toasts.error(format!("Audit log stays in memory only: {e}")),
        }
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
                WriterReply::Recorded { index, head } => {
                    self.booth.audit.mark_recorded(index);
                    self.audit_head = Some(head);
                }
                WriterReply::Failed { error, .. } => self.toasts.error(format!("Audit entry not saved: {error}")),
                WriterReply::Opened(Ok(report)) => {
                    self.audit_head = Some(report.head.clone());
                    if let Some(saved) = report.torn_tail_saved_to {
                        self.toasts.error(format!(
                            "The audit log ended in a torn write (crash?); the partial record was kept in {}",
                            saved.display()
                        ));
                    }
                    if let Some((aside, line, reason)) = report.set_aside {
                        self.toasts.error(format!(
                            "The audit log was damaged at line {line} ({reason}); it was set aside as {} and a new log continues",
                            aside.display()
                        ));
                    }
                }
                WriterReply::Opened(Err(e)) => self.toasts.error(format!("Audit file not usable ({e}); entries stay in memory only")),
            }
        }
    }
}
