//! Wiring between the form, the booth and the screen: what happens when the officer queries,
//! reads an MRZ, decides or calls the next traveller. The rules themselves live in `booth`.

#[allow(clippy::wildcard_imports)] // one type split by concern: the parts share the parent's imports
use super::*;

impl TerminalApp {
    pub(super) fn submit_query(&mut self) {
        let (query, issues) = self.form.input().to_query();
        self.field_issues = issues;
        if query.is_empty() {
            self.toasts.error("Nothing to query: type a document number, a name or a vehicle");
            return;
        }
        if self.booth.training.as_ref().is_some_and(TrainingSession::is_paused) {
            self.toasts.error("The exercise is paused by the instructor");
            return;
        }
        let sim = self.booth.training.as_ref().map_or(self.settings.sim, |t| t.sim_for_current(&self.settings.sim));
        let remark = self
            .document_checks
            .iter()
            .filter(|c| c.status == CheckStatus::Failed)
            .map(|c| format!("{}: {}", c.check, c.detail))
            .collect::<Vec<_>>()
            .join("; ");
        self.booth.officer.clone_from(&self.settings.officer);
        self.booth.seed = self.settings.sim.seed;
        self.booth.delays = self.settings.confirmation_delays;
        self.booth.submit(query, &sim, self.settings.options(), remark);
        self.selected = None;
        self.pre_arrival = crate::manifest::desk::announced_for(&self.arrivals.lists(), &self.form.input());
    }

    /// Reads the MRZ under the one rule the CLI uses too (`document_reading::fill_from_mrz`):
    /// fields the officer typed win, the MRZ fills the rest, and a typed field that disagrees
    /// with the MRZ is reported as a document check.
    pub(super) fn read_mrz(&mut self) {
        let mut input = self.form.input();
        input.mrz = Some(self.form.mrz.clone());
        match fill_from_mrz(&input, chrono::Local::now().date_naive()) {
            (_, Some(Err(e))) => {
                self.field_issues = vec![FieldIssue { field: "mrz".into(), message: e.to_string() }];
                self.document_checks.clear();
            }
            (filled, Some(Ok(reading))) => {
                let mut checks = reading.checks.clone();
                checks.extend(compare_with_typed(&reading, &self.form.input()));
                self.form.set_from_input(&filled);
                self.document_checks = checks;
                self.submit_query();
            }
            (_, None) => self.submit_query(),
        }
    }

    pub(super) fn decide(&mut self, decision: Decision, override_reason: Option<&str>) {
        match self.booth.decide(decision, &self.remark, override_reason, Instant::now(), chrono::Local::now()) {
            Ok(()) => {
                if self.booth.training.is_some() {
                    self.next_training_traveller();
                }
            }
            Err(DecideError::NeedsOverrideReason { .. }) => self.override_prompt = Some((decision, String::new())),
            Err(e) => self.toasts.error(e.to_string()),
        }
        self.drain_booth_events();
    }

    pub(super) fn reset_traveller(&mut self) {
        self.form.clear();
        self.pre_arrival = None;
        self.cases.active = None;
        self.field_issues.clear();
        self.document_checks.clear();
        self.booth.new_traveller();
        self.selected = None;
        self.remark.clear();
        self.override_prompt = None;
        self.confirm_new_traveller = false;
        if let Some(ready) = self.ready_dataset.take() {
            self.switch_dataset(ready);
        }
    }

    pub(super) fn switch_dataset(&mut self, ready: ReadyDataset) {
        self.toasts
            .info(format!("Dataset loaded: {} ({} records, {} warnings)", ready.engine.name, ready.engine.record_count, ready.warnings));
        self.booth.set_engine(ready.engine);
        self.photos = ready.photos;
        // A `record:` face at the booth may be in the new dataset's photos.
        self.booth_face = None;
        self.dataset_label = ready.path.display().to_string();
        self.settings.remember(ready.path);
        self.reset_traveller();
        self.prefill_training_traveller();
        // Before landing, the exercise's list is screened against the data now in use (however
        // the switch came: at once, or after the traveller at the desk was decided).
        self.screen_exercise_list();
    }

    /// Applies query answers within the frame budget, link re-runs and confirmation replies.
    pub(super) fn drain_query_events(&mut self) {
        let now = Instant::now();
        let sim = self.booth.training.as_ref().map_or(self.settings.sim, |t| t.sim_for_current(&self.settings.sim));
        self.booth.handle_link(&sim, self.settings.options(), now, chrono::Local::now());
        self.booth.poll(now, chrono::Local::now(), Some(now + EVENT_BUDGET));
        if self.selected.is_none() && !self.booth.groups().is_empty() {
            self.selected = Some(0);
        }
        if let Some(run) = &self.booth.current
            && run.is_complete()
            && self.training_recorded != Some(run.id.0)
        {
            self.training_recorded = Some(run.id.0);
            // The first group is shown in the detail without a click: the trainee saw it (the
            // booth has already told the exercise what the query found).
            let first: Vec<String> =
                self.booth.groups().first().map(|g| g.hits.iter().map(|h| h.record_id.clone()).collect()).unwrap_or_default();
            if let Some(session) = &mut self.booth.training {
                for id in &first {
                    session.record_opened(id);
                }
            }
        }
        if self.booth.has_reruns() || self.booth.current.as_ref().is_some_and(|r| !r.is_complete()) {
            self.ctx.request_repaint_after(Duration::from_millis(100));
        }
        if let Some(due) = self.booth.next_reply_due() {
            self.ctx.request_repaint_after(due.saturating_duration_since(now));
        }
        self.drain_booth_events();
    }

    pub(super) fn drain_booth_events(&mut self) {
        for event in self.booth.take_events() {
            match event {
                BoothEvent::Audit(index) => {
                    if let Some(entry) = self.booth.audit.entries().get(index).cloned() {
                        self.audit_send(index, entry);
                    }
                }
                BoothEvent::Info(text) => self.toasts.info(text),
                BoothEvent::Warning(text) => self.toasts.error(text),
                BoothEvent::TrainingDecided { number, decision, remark, seconds } => {
                    if let Some(m) = &self.class_member
                        && !m.send(crate::classroom::DecisionPost { traveller: number, decision, remark, seconds })
                    {
                        self.toasts.error("The classroom connection is not taking decisions: this one was not sent");
                    }
                }
            }
        }
    }
}
