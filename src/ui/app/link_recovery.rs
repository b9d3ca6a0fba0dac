//! MIND-style recovery: queries INTERPOL could not answer re-run when the link returns.

#[allow(clippy::wildcard_imports)] // one type split by concern: the parts share the parent's imports
use super::*;

impl TerminalApp {
    /// Re-runs queued queries once INTERPOL is reachable again, and reports changed results.
    pub(super) fn handle_reruns(&mut self) {
        let sim = self.training.as_ref().map_or(self.settings.sim, |t| t.sim_for_current(&self.settings.sim));
        if !self.queued.is_empty() && !sim.interpol.offline {
            self.toasts.info(format!(
                "INTERPOL link restored: re-running {} queued quer{}",
                self.queued.len(),
                if self.queued.len() == 1 { "y" } else { "ies" }
            ));
            for (query, previous) in std::mem::take(&mut self.queued) {
                let run = self.dispatcher.submit(&self.engine, query, &sim, self.settings.options());
                self.reruns.push((run, previous));
            }
        }
        let now = Instant::now();
        let mut finished = Vec::new();
        self.reruns.retain_mut(|(run, previous)| {
            run.check_timeouts(now);
            if run.is_complete() {
                finished.push((run.clone(), std::mem::take(previous)));
                false
            } else {
                true
            }
        });
        for (run, previous) in finished {
            if !run.state(SourceId::Interpol).answered() {
                self.queued.push((run.query.clone(), previous));
                continue;
            }
            let mut new: Vec<String> = run.hits().map(|h| h.record_id.clone()).filter(|id| !previous.contains(id)).collect();
            new.dedup();
            let summary = run.query.summary();
            if new.is_empty() {
                self.toasts.info(format!("Re-run of {summary}: result unchanged"));
            } else {
                self.toasts.error(format!("Re-run of {summary}: RESULT CHANGED — new hits {}", new.join(", ")));
            }
            self.audit_push(AuditEntry {
                time: chrono::Local::now(),
                officer: self.settings.officer.clone(),
                query: run.id.0,
                summary: format!("re-run after link restored: {summary}"),
                sources: "INTERPOL ok".into(),
                hits: run.hits().count(),
                top_hit: run
                    .combined()
                    .first()
                    .map(|g| format!("{} {} {}", g.severity.label(), g.headline().database, g.headline().record_id))
                    .unwrap_or_default(),
                decision: None,
                remark: if new.is_empty() { "unchanged".into() } else { format!("CHANGED: new hits {}", new.join(", ")) },
            });
        }
        if !self.reruns.is_empty() {
            self.ctx.request_repaint_after(Duration::from_millis(100));
        }
    }
}
