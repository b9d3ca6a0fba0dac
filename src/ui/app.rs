//! The terminal: owns the state, drains worker channels on a time budget, runs commands at
//! one point in the frame, and lays out the panels.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

use crate::audit::{AuditEntry, AuditLog, Decision};
use crate::dataset::Problem;
use crate::dataset::photos::{PhotoStore, load_photos};
use crate::demo::demo_dataset;
use crate::document_reading::{CheckStatus, DocumentCheck, compare_with_typed, read_mrz};
use crate::engine::{Engine, HitGroup, SourceId};
use crate::query::{Dispatcher, FieldIssue, QueryRun, SourceState};
use crate::sim::confirmation::confirmation_reply;

use super::audit_panel::audit_panel_ui;
use super::background::{Background, ExportKind, JobResult};
use super::command::Command;
use super::hit_detail::{Confirmation, decision_ui, hit_detail_ui};
use super::hit_table::hit_table_ui;
use super::query_form::{QueryForm, query_form_ui};
use super::settings::{Settings, settings_window};
use super::shortcuts;
use super::source_cards::{link_lights_ui, source_cards_ui};
use super::toasts::Toasts;
use super::training_panel::{PinPrompt, PinPurpose, debrief_window, instructor_window, pin_window, training_bar_ui};
use crate::audit::writer::{AuditWriter, WriterReply};
use crate::training::{Debrief, TrainingSession};

/// Longest the UI spends per frame applying worker events before it draws.
const EVENT_BUDGET: Duration = Duration::from_millis(3);
const SETTINGS_KEY: &str = "bordercheck-settings";

pub struct TerminalApp {
    ctx: egui::Context,
    pub settings: Settings,
    engine: Arc<Engine>,
    photos: Arc<PhotoStore>,
    dataset_label: String,
    dispatcher: Dispatcher,
    pub current: Option<QueryRun>,
    /// Combined hits of `current`, recomputed only when an answer arrives.
    groups: Vec<HitGroup>,
    pub form: QueryForm,
    field_issues: Vec<FieldIssue>,
    /// Document checks from the last MRZ read (check digits, expiry, MRZ vs typed).
    pub document_checks: Vec<DocumentCheck>,
    selected: Option<usize>,
    confirmations: HashMap<String, Confirmation>,
    pub audit: AuditLog,
    /// The audit entry of `current` has been written (once both sources are done).
    audited: bool,
    decided: Option<Decision>,
    remark: String,
    background: Background,
    load_problems: Option<(String, Vec<Problem>)>,
    show_settings: bool,
    show_help: bool,
    toasts: Toasts,
    pending: Vec<Command>,
    title: String,
    /// The built-in demo, kept for scenarios that use it.
    demo: (Arc<Engine>, Arc<PhotoStore>),
    pub training: Option<TrainingSession>,
    pub pin_prompt: Option<PinPrompt>,
    pub instructor_open: bool,
    pub debrief: Option<Debrief>,
    show_debrief: bool,
    /// Writes the audit trail to disk on its own thread (None in tests and when unavailable).
    audit_writer: Option<AuditWriter>,
    /// Queries INTERPOL could not answer, with the record ids they found: re-run when the link returns.
    pub queued: Vec<(crate::query::Query, Vec<String>)>,
    /// Re-runs in flight, with the previous result's record ids.
    reruns: Vec<(QueryRun, Vec<String>)>,
}

impl TerminalApp {
    pub fn new(cc: &eframe::CreationContext<'_>, dataset: Option<PathBuf>) -> Self {
        let settings = cc.storage.and_then(|s| eframe::get_value::<Settings>(s, SETTINGS_KEY)).unwrap_or_default();
        let mut app = Self::with_settings(cc.egui_ctx.clone(), settings, dataset);
        if let Some(dir) = eframe::storage_dir("Bordercheck") {
            let _ = std::fs::create_dir_all(&dir);
            app.keep_audit_on_disk(dir.join("audit.jsonl"));
        }
        app
    }

    /// Appends every audit entry to a hash-chained file, through the `audit-writer` thread.
    pub fn keep_audit_on_disk(&mut self, path: PathBuf) {
        let ctx = self.ctx.clone();
        match AuditWriter::start(path, move || ctx.request_repaint()) {
            Ok(writer) => self.audit_writer = Some(writer),
            Err(e) => self.toasts.error(format!("Audit log stays in memory only: {e}")),
        }
    }

    fn audit_push(&mut self, entry: AuditEntry) {
        let index = self.audit.push(entry.clone());
        self.audit_send(index, entry);
    }

    fn audit_send(&mut self, index: usize, entry: AuditEntry) {
        if let Some(w) = &self.audit_writer
            && !w.send(index, entry)
        {
            self.toasts.error("Audit writer is not accepting entries: kept in memory only");
        }
    }

    fn drain_audit_writer(&mut self) {
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

    /// Starts on the built-in demo dataset; `dataset`, if given, loads in the background.
    pub fn with_settings(ctx: egui::Context, settings: Settings, dataset: Option<PathBuf>) -> Self {
        egui_extras::install_image_loaders(&ctx);
        // Datasets may hold names in any script; a missing glyph must show as a box, never crash.
        ctx.set_missing_glyph_policy(egui::epaint::text::MissingGlyphPolicy::Tofu);
        let demo = demo_dataset();
        let photos = Arc::new(load_photos(&demo.dataset));
        let engine = Arc::new(Engine::build(demo.dataset));
        let (engine_for_demo, photos_for_demo) = (Arc::clone(&engine), Arc::clone(&photos));
        let wake_ctx = ctx.clone();
        let dispatcher = Dispatcher::new(Arc::new(move || wake_ctx.request_repaint()));
        let mut app = Self {
            background: Background::new(ctx.clone()),
            ctx,
            settings,
            engine,
            photos,
            dataset_label: "built-in demo".into(),
            dispatcher,
            current: None,
            groups: Vec::new(),
            form: QueryForm { focus_first: true, ..QueryForm::default() },
            field_issues: Vec::new(),
            document_checks: Vec::new(),
            selected: None,
            confirmations: HashMap::new(),
            audit: AuditLog::default(),
            audited: false,
            decided: None,
            remark: String::new(),
            load_problems: None,
            show_settings: false,
            show_help: false,
            toasts: Toasts::default(),
            pending: Vec::new(),
            title: String::new(),
            demo: (Arc::clone(&engine_for_demo), Arc::clone(&photos_for_demo)),
            training: None,
            pin_prompt: None,
            instructor_open: false,
            debrief: None,
            show_debrief: false,
            audit_writer: None,
            queued: Vec::new(),
            reruns: Vec::new(),
        };
        if let Some(path) = dataset {
            app.pending.push(Command::LoadDataset(path));
        }
        app
    }

    pub fn engine(&self) -> &Engine {
        &self.engine
    }

    pub fn groups(&self) -> &[HitGroup] {
        &self.groups
    }

    /// Shows these hit groups as the current result (frame benchmark and UI tests).
    pub fn show_groups(&mut self, groups: Vec<HitGroup>) {
        self.groups = groups;
        self.selected = (!self.groups.is_empty()).then_some(0);
    }

    /// Queues a command as if a widget had sent it (tests and drag-and-drop use this too).
    pub fn send(&mut self, command: Command) {
        self.pending.push(command);
    }

    fn drain_background(&mut self) {
        while let Ok(result) = self.background.rx.try_recv() {
            match result {
                JobResult::DatasetPicked(path) => {
                    self.background.dialog_open = false;
                    if let Some(path) = path {
                        self.pending.push(Command::LoadDataset(path));
                    }
                }
                JobResult::ExportPicked(path, kind) => {
                    self.background.dialog_open = false;
                    if let Some(path) = path {
                        match kind {
                            ExportKind::AuditCsv => self.background.export_audit(self.audit.clone(), path),
                            ExportKind::DebriefHtml | ExportKind::DebriefCsv => {
                                if let Some(d) = self.debrief.clone() {
                                    self.background
                                        .write_text(path, move || if kind == ExportKind::DebriefHtml { d.to_html() } else { d.to_csv() });
                                }
                            }
                        }
                    }
                }
                JobResult::ScenarioPicked(path) => {
                    self.background.dialog_open = false;
                    if let Some(path) = path {
                        self.background.load_scenario(path);
                    }
                }
                JobResult::ScenarioLoaded(Ok(scenario)) => {
                    self.pin_prompt = Some(PinPrompt { purpose: PinPurpose::Start(Box::new(scenario)), pin: String::new(), error: None });
                }
                JobResult::ScenarioLoaded(Err(e)) => {
                    self.toasts.error(format!("Scenario not started: {} problem(s)", e.problems.len()));
                    self.load_problems = Some((e.file, e.problems));
                }
                JobResult::Progress { label, fraction } => {
                    if self.background.loading.is_some() {
                        self.background.loading = Some((label, fraction));
                    }
                }
                JobResult::DatasetLoaded { path, engine, photos, warnings } => {
                    self.background.loading = None;
                    self.toasts.info(format!(
                        "Dataset loaded: {} ({} records, {} warnings)",
                        engine.name,
                        engine.record_count,
                        warnings.len()
                    ));
                    self.engine = engine;
                    self.photos = photos;
                    self.dataset_label = path.display().to_string();
                    self.settings.remember(path);
                    self.reset_traveller();
                    self.prefill_training_traveller();
                }
                JobResult::DatasetFailed { path, problems } => {
                    self.background.loading = None;
                    self.toasts.error(format!("Could not load {} — the previous dataset stays active", path.display()));
                    self.load_problems = Some((path.display().to_string(), problems));
                }
                JobResult::ExportDone(Ok(path)) => self.toasts.info(format!("Audit log exported to {}", path.display())),
                JobResult::ExportDone(Err(e)) => self.toasts.error(format!("Export failed: {e}")),
            }
        }
    }

    /// Applies query answers, at most `EVENT_BUDGET` per frame; the rest wait for the next frame.
    fn drain_query_events(&mut self) {
        let start = Instant::now();
        let mut changed = false;
        while start.elapsed() < EVENT_BUDGET {
            let Ok(event) = self.dispatcher.events().try_recv() else {
                break;
            };
            let source = event.source;
            if let Some((run, _)) = self.reruns.iter_mut().find(|(r, _)| r.id == event.query) {
                run.apply(event);
                continue;
            }
            if let Some(run) = &mut self.current
                && run.apply(event)
            {
                changed = true;
                match run.state(source) {
                    SourceState::Failed { reason, .. } => self.toasts.error(format!("{} failed: {reason}", source.short())),
                    SourceState::TimedOut { .. } => self.toasts.error(format!("{} timed out", source.short())),
                    _ => {}
                }
            }
        }
        if let Some(run) = &mut self.current {
            changed |= run.check_timeouts(Instant::now());
            if changed {
                self.groups = run.combined();
                if self.selected.is_none() && !self.groups.is_empty() {
                    self.selected = Some(0);
                }
            }
            if run.is_complete() && !self.audited {
                self.audited = true;
                if !run.state(SourceId::Interpol).answered() {
                    self.queued.push((run.query.clone(), run.hits().map(|h| h.record_id.clone()).collect()));
                }
                if let Some(session) = &mut self.training {
                    session.record_query(run.hits().map(|h| h.record_id.clone()).collect::<Vec<_>>());
                }
                self.write_audit_entry();
            }
        }
    }

    /// Re-runs queued queries once INTERPOL is reachable again, and reports changed results.
    fn handle_reruns(&mut self) {
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

    fn write_audit_entry(&mut self) {
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

    fn reset_traveller(&mut self) {
        self.form.clear();
        self.field_issues.clear();
        self.document_checks.clear();
        self.current = None;
        self.groups.clear();
        self.selected = None;
        self.decided = None;
        self.remark.clear();
        self.audited = false;
    }

    fn run(&mut self, command: Command) {
        match command {
            Command::RunQuery
                if !self.form.mrz.trim().is_empty()
                    && self.form.doc_number.trim().is_empty()
                    && self.form.family_name.trim().is_empty() =>
            {
                // Enter after pasting an MRZ into an empty form reads it: one key press.
                self.run(Command::ReadMrz);
            }
            Command::RunQuery => {
                let (query, issues) = self.form.input().to_query();
                self.field_issues = issues;
                if query.is_empty() {
                    self.toasts.error("Nothing to query: type a document number, a name or a vehicle");
                    return;
                }
                if self.training.as_ref().is_some_and(TrainingSession::is_paused) {
                    self.toasts.error("The exercise is paused by the instructor");
                    return;
                }
                let sim = self.training.as_ref().map_or(self.settings.sim, |t| t.sim_for_current(&self.settings.sim));
                let run = self.dispatcher.submit(&self.engine, query, &sim, self.settings.options());
                self.current = Some(run);
                self.groups.clear();
                self.selected = None;
                self.decided = None;
                self.audited = false;
            }
            Command::ReadMrz => match read_mrz(&self.form.mrz, chrono::Local::now().date_naive()) {
                Err(e) => {
                    self.field_issues = vec![FieldIssue { field: "mrz".into(), message: e.to_string() }];
                    self.document_checks.clear();
                }
                Ok(reading) => {
                    let mut checks = reading.checks.clone();
                    checks.extend(compare_with_typed(&reading, &self.form.input()));
                    self.form.fill_from(&reading);
                    self.run(Command::RunQuery);
                    self.document_checks = checks;
                }
            },
            Command::NewTraveller => self.reset_traveller(),
            Command::OpenDatasetDialog => self.background.pick_dataset(),
            Command::LoadDataset(path) => {
                if self.background.loading.is_none() {
                    self.background.load_dataset(path);
                }
            }
            Command::ExportAuditDialog => self.background.pick_export(ExportKind::AuditCsv),
            Command::SelectGroup(i) => {
                self.selected = (i < self.groups.len()).then_some(i);
                if let (Some(session), Some(group)) = (&mut self.training, self.groups.get(i)) {
                    for hit in &group.hits {
                        session.record_opened(&hit.record_id);
                    }
                }
            }
            Command::RequestConfirmation => {
                let Some(hit) = self.selected.and_then(|i| self.groups.get(i)).map(HitGroup::headline) else {
                    return;
                };
                let Some(owner) = hit.owner.clone() else {
                    return;
                };
                if let Some(session) = &mut self.training {
                    session.record_confirmation();
                }
                if !self.confirmations.contains_key(&hit.record_id) {
                    let (delay, reply) = confirmation_reply(self.settings.sim.seed, &hit.record_id, hit.score);
                    self.confirmations.insert(hit.record_id.clone(), Confirmation { due: Instant::now() + delay, reply, owner });
                    self.ctx.request_repaint_after(delay);
                }
            }
            Command::Decide(decision) => {
                let Some(run) = &self.current else {
                    self.toasts.error("Query the traveller before deciding");
                    return;
                };
                let id = run.id.0;
                if !self.audited {
                    self.audited = true;
                    self.write_audit_entry();
                }
                if let Some(index) = self.audit.decide(id, decision, self.remark.trim()) {
                    let entry = self.audit.entries()[index].clone();
                    self.audit_send(index, entry);
                }
                self.decided = Some(decision);
                self.toasts.info(format!("Decision recorded: {}", decision.label()));
                if let Some(session) = &mut self.training {
                    session.decide(decision, self.remark.trim(), Instant::now());
                    self.next_training_traveller();
                }
            }
            Command::StartBuiltinScenario(i) => {
                if let Some(scenario) = crate::training::builtin::builtin_scenarios().into_iter().nth(i) {
                    self.pin_prompt = Some(PinPrompt { purpose: PinPurpose::Start(Box::new(scenario)), pin: String::new(), error: None });
                }
            }
            Command::OpenScenarioDialog => self.background.pick_scenario(),
            Command::ConfirmPin => self.confirm_pin(),
            Command::CancelPin => self.pin_prompt = None,
            Command::OpenInstructor => {
                if self.training.is_some() {
                    self.pin_prompt = Some(PinPrompt { purpose: PinPurpose::OpenInstructor, pin: String::new(), error: None });
                } else {
                    self.toasts.error("No exercise is running");
                }
            }
            Command::InstructorPause(paused) => {
                if let Some(s) = &mut self.training {
                    s.set_paused(paused, Instant::now());
                }
            }
            Command::InstructorInject(incident) => {
                if let Some(s) = &mut self.training {
                    s.inject(incident);
                    self.toasts.info(format!("Incident injected: {}", incident.label()));
                }
            }
            Command::InstructorClearIncidents => {
                if let Some(s) = &mut self.training {
                    s.clear_injected();
                }
            }
            Command::InstructorSkip => {
                if let Some(s) = &mut self.training {
                    s.skip(Instant::now());
                    self.next_training_traveller();
                }
            }
            Command::InstructorEnd => {
                if let Some(s) = &mut self.training {
                    s.end();
                    self.next_training_traveller();
                }
            }
            Command::ExportDebrief(kind) => self.background.pick_export(kind),
            Command::ToggleSettings => self.show_settings = !self.show_settings,
            Command::ToggleHelp => self.show_help = !self.show_help,
        }
    }

    fn confirm_pin(&mut self) {
        let Some(prompt) = self.pin_prompt.take() else { return };
        match prompt.purpose {
            PinPurpose::Start(scenario) => {
                if prompt.pin.trim().len() < 4 {
                    let error = Some("Choose a PIN of at least 4 characters".into());
                    self.pin_prompt = Some(PinPrompt { purpose: PinPurpose::Start(scenario), pin: prompt.pin, error });
                    return;
                }
                match &scenario.dataset {
                    crate::training::scenario::DatasetRef::Builtin => {
                        self.engine = Arc::clone(&self.demo.0);
                        self.photos = Arc::clone(&self.demo.1);
                        self.dataset_label = "built-in demo".into();
                    }
                    crate::training::scenario::DatasetRef::Path(p) => {
                        let path = scenario.base_dir.clone().unwrap_or_default().join(p);
                        self.pending.push(Command::LoadDataset(path));
                    }
                }
                self.toasts.info(format!("Exercise started: {}", scenario.title));
                self.training = Some(TrainingSession::new(*scenario, prompt.pin.trim(), Instant::now()));
                self.debrief = None;
                self.instructor_open = false;
                self.reset_traveller();
                self.prefill_training_traveller();
            }
            PinPurpose::OpenInstructor => {
                if self.training.as_ref().is_some_and(|t| t.check_pin(prompt.pin.trim())) {
                    self.instructor_open = true;
                } else {
                    self.pin_prompt =
                        Some(PinPrompt { purpose: PinPurpose::OpenInstructor, pin: String::new(), error: Some("Wrong PIN".into()) });
                }
            }
        }
    }

    /// Puts what the current traveller presents into the form (the trainee still queries and decides).
    fn prefill_training_traveller(&mut self) {
        let Some(t) = self.training.as_ref().and_then(TrainingSession::current) else {
            return;
        };
        let p = &t.presents;
        let form = &mut self.form;
        form.mrz = p.mrz.clone().unwrap_or_default();
        if let Some(d) = &p.document {
            (form.doc_number, form.doc_type, form.doc_country, form.doc_expiry) =
                (d.number.clone(), d.kind.clone(), d.country.clone(), d.expiry.clone());
        }
        if let Some(x) = &p.person {
            (form.family_name, form.given_names, form.date_of_birth, form.sex, form.nationality) =
                (x.family_name.clone(), x.given_names.clone(), x.date_of_birth.clone(), x.sex.clone(), x.nationality.clone());
        }
        if let Some(v) = &p.vehicle {
            (form.plate, form.vin) = (v.plate.clone(), v.vin.clone());
        }
    }

    /// Calls the next traveller, or ends the exercise with the debrief.
    fn next_training_traveller(&mut self) {
        let Some(session) = &self.training else { return };
        if session.is_finished() {
            let debrief = session.debrief();
            let t = debrief.totals();
            self.audit_push(AuditEntry {
                time: chrono::Local::now(),
                officer: self.settings.officer.clone(),
                query: 0,
                summary: format!("Training ended: {}", debrief.title),
                sources: String::new(),
                hits: 0,
                top_hit: format!(
                    "correct {}/{}, missed threats {}, false alarms {}",
                    t.correct, t.travellers, t.missed_threats, t.false_alarms
                ),
                decision: None,
                remark: format!("mean time {:.1} s", t.mean_seconds),
            });
            self.debrief = Some(debrief);
            self.show_debrief = true;
            self.training = None;
            self.instructor_open = false;
            self.reset_traveller();
        } else {
            self.reset_traveller();
            self.prefill_training_traveller();
        }
    }

    fn update_title(&mut self) {
        let title = format!("{} — {} — Bordercheck", self.engine.post, self.engine.name);
        if title != self.title {
            self.ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title = title;
        }
    }

    fn collect_input(&mut self, ctx: &egui::Context) {
        let typing = ctx.memory(|m| m.focused().is_some());
        let dialog_open = self.show_settings || self.load_problems.is_some() || self.pin_prompt.is_some();
        // Enter and Escape belong to a dialog's own fields while one is open.
        let leave: &[Command] = if dialog_open { &[Command::RunQuery, Command::NewTraveller] } else { &[] };
        self.pending.extend(shortcuts::pressed(ctx, typing, leave));
        let dropped: Vec<PathBuf> =
            ctx.input(|i| i.raw.dropped_files.iter().map(|f| f.path().to_path_buf()).filter(|p| !p.as_os_str().is_empty()).collect());
        for path in dropped {
            self.pending.push(Command::LoadDataset(path));
        }
    }

    fn windows(&mut self, ctx: &egui::Context) {
        settings_window(ctx, &mut self.show_settings, &mut self.settings);
        if let Some((file, problems)) = &self.load_problems {
            let mut open = true;
            egui::Window::new("Dataset not loaded").open(&mut open).default_width(640.0).show(ctx, |ui| {
                ui.label(format!("{file} has {} problem(s). The previous dataset stays active.", problems.len()));
                egui::ScrollArea::vertical().max_height(300.0).show(ui, |ui| {
                    for p in problems {
                        ui.monospace(p.to_string());
                    }
                });
            });
            if !open {
                self.load_problems = None;
            }
        }
        let mut help = self.show_help;
        egui::Window::new("Help (F1)").open(&mut help).show(ctx, |ui| {
            ui.label("Type what the document and traveller show, press Enter: the query goes to both databases at once.");
            ui.label("Each source card shows its own answer as it arrives. Hits are grouped per subject and ranked by severity.");
            ui.label("Never act on an INTERPOL hit alone: request confirmation from the owning country first.");
            ui.separator();
            for s in shortcuts::shortcuts() {
                ui.label(format!("{:<12} {:?}", ctx.format_shortcut(&s.keys), s.command));
            }
        });
        self.show_help = help;
        if let Some(prompt) = &mut self.pin_prompt
            && let Some(c) = pin_window(ctx, prompt)
        {
            self.pending.push(c);
        }
        let dark = self.settings.dark;
        if let Some(session) = &self.training {
            let mut open = self.instructor_open;
            if open {
                let commands = instructor_window(ctx, session, &mut open, dark);
                self.pending.extend(commands);
            }
            self.instructor_open = open;
        }
        if let Some(debrief) = &self.debrief {
            let mut open = self.show_debrief;
            if open {
                let commands = debrief_window(ctx, debrief, &mut open, dark);
                self.pending.extend(commands);
            }
            self.show_debrief = open;
        }
    }

    fn menu_bar(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button("File", |ui| {
                if ui.button(format!("Open dataset…  {}", shortcuts::label_for(&ctx, &Command::OpenDatasetDialog))).clicked() {
                    self.pending.push(Command::OpenDatasetDialog);
                }
                ui.menu_button("Recent datasets", |ui| {
                    for path in self.settings.recent.clone() {
                        if ui.button(path.display().to_string()).clicked() {
                            self.pending.push(Command::LoadDataset(path));
                        }
                    }
                });
                if ui.button(format!("Export audit log (CSV)…  {}", shortcuts::label_for(&ctx, &Command::ExportAuditDialog))).clicked() {
                    self.pending.push(Command::ExportAuditDialog);
                }
            });
            ui.menu_button("Simulation", |ui| {
                if ui.button(format!("Settings…  {}", shortcuts::label_for(&ctx, &Command::ToggleSettings))).clicked() {
                    self.pending.push(Command::ToggleSettings);
                }
                let p = &mut self.settings.sim.interpol;
                ui.checkbox(&mut p.offline, "INTERPOL link offline");
                let n = &mut self.settings.sim.national;
                ui.checkbox(&mut n.offline, "National link offline");
            });
            ui.menu_button("Training", |ui| {
                ui.menu_button("Start built-in scenario", |ui| {
                    for (i, s) in crate::training::builtin::builtin_scenarios().iter().enumerate() {
                        if ui.button(&s.title).clicked() {
                            self.pending.push(Command::StartBuiltinScenario(i));
                        }
                    }
                });
                if ui.button("Start scenario from file…").clicked() {
                    self.pending.push(Command::OpenScenarioDialog);
                }
                let instructor = format!("Instructor panel…  {}", shortcuts::label_for(&ctx, &Command::OpenInstructor));
                if ui.add_enabled(self.training.is_some(), egui::Button::new(instructor)).clicked() {
                    self.pending.push(Command::OpenInstructor);
                }
                if ui.add_enabled(self.debrief.is_some(), egui::Button::new("Last debrief…")).clicked() {
                    self.show_debrief = true;
                }
            });
            ui.menu_button("Help", |ui| {
                if ui.button(format!("Help  {}", shortcuts::label_for(&ctx, &Command::ToggleHelp))).clicked() {
                    self.pending.push(Command::ToggleHelp);
                }
            });
            ui.separator();
            ui.label(format!("{} — {}", self.engine.post, self.engine.name));
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                let dark = self.settings.dark;
                link_lights_ui(ui, !self.settings.sim.national.offline, !self.settings.sim.interpol.offline, dark);
            });
        });
    }
}

/// MRZ check digits, expiry and MRZ-vs-visual-page agreement, each with its evidence.
fn document_checks_ui(ui: &mut egui::Ui, checks: &[DocumentCheck], dark: bool) {
    if checks.is_empty() {
        return;
    }
    ui.add_space(4.0);
    let failed = checks.iter().any(|c| c.status == CheckStatus::Failed);
    ui.horizontal_wrapped(|ui| {
        ui.strong("Document checks:");
        for c in checks {
            let (mark, colour) = match c.status {
                CheckStatus::Verified => ("ok", super::theme::ok_colour(dark)),
                CheckStatus::Failed => ("FAIL", super::theme::bad_colour(dark)),
                CheckStatus::Absent => ("n/a", ui.visuals().weak_text_color()),
            };
            ui.colored_label(colour, format!("[{mark}] {}", c.check)).on_hover_text(&c.detail);
        }
    });
    if failed {
        for c in checks.iter().filter(|c| c.status == CheckStatus::Failed) {
            ui.colored_label(super::theme::bad_colour(dark), format!("{}: {}", c.check, c.detail));
        }
    }
}

impl eframe::App for TerminalApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        ctx.set_visuals(if self.settings.dark { egui::Visuals::dark() } else { egui::Visuals::light() });
        self.drain_background();
        self.drain_audit_writer();
        self.handle_reruns();
        self.drain_query_events();
        self.collect_input(&ctx);
        self.update_title();
        let dark = self.settings.dark;

        egui::Panel::top("menu").show(ui, |ui| self.menu_bar(ui));
        egui::Panel::bottom("audit").resizable(true).default_size(170.0).show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.strong(format!("Audit trail — {} entries", self.audit.len()));
                if ui.button(format!("Export CSV ({})", shortcuts::label_for(&ctx, &Command::ExportAuditDialog))).clicked() {
                    self.pending.push(Command::ExportAuditDialog);
                }
                ui.weak(format!("dataset: {}", self.dataset_label));
            });
            audit_panel_ui(ui, &self.audit);
        });
        egui::Panel::left("form").resizable(true).default_size(300.0).show(ui, |ui| {
            egui::ScrollArea::vertical().show(ui, |ui| {
                let (q, c) = (shortcuts::label_for(&ctx, &Command::RunQuery), shortcuts::label_for(&ctx, &Command::NewTraveller));
                let m = shortcuts::label_for(&ctx, &Command::ReadMrz);
                let commands = query_form_ui(ui, &mut self.form, &self.field_issues, &q, &c, &m);
                self.pending.extend(commands);
                if let Some((label, fraction)) = &self.background.loading {
                    ui.separator();
                    ui.label(label);
                    ui.add(egui::ProgressBar::new(*fraction).show_percentage().animate(true));
                    ui.weak("The current dataset stays usable until the new one is ready.");
                    ctx.request_repaint_after(Duration::from_millis(100));
                }
            });
        });
        egui::Panel::right("detail").resizable(true).default_size(390.0).show(ui, |ui| {
            let group = self.selected.and_then(|i| self.groups.get(i));
            let confirm = shortcuts::label_for(&ctx, &Command::RequestConfirmation);
            let commands = hit_detail_ui(ui, group, &self.photos, &self.confirmations, dark, &confirm);
            self.pending.extend(commands);
        });
        egui::CentralPanel::default().show(ui, |ui| {
            if let Some(session) = &self.training {
                training_bar_ui(ui, session, dark);
                ctx.request_repaint_after(Duration::from_millis(500));
            }
            source_cards_ui(ui, self.current.as_ref(), dark);
            document_checks_ui(ui, &self.document_checks, dark);
            ui.add_space(6.0);
            ui.horizontal(|ui| {
                ui.heading("Combined hits");
                ui.weak(format!("threshold {}", self.settings.threshold));
            });
            match &self.current {
                None => {
                    ui.label("Type the traveller's details and press Enter.");
                }
                Some(run) => {
                    let interpol_missing = run.state(SourceId::Interpol).is_done() && !run.state(SourceId::Interpol).answered();
                    let national_missing = run.state(SourceId::National).is_done() && !run.state(SourceId::National).answered();
                    if let SourceState::LocalCopy { age_hours, .. } = run.state(SourceId::Interpol) {
                        let text = format!("INTERPOL link down — SLTD checked against the local copy ({age_hours} h old); notices and TDAWN not checked — result incomplete, re-run queued");
                        ui.colored_label(super::theme::bad_colour(dark), text);
                    } else if interpol_missing {
                        ui.colored_label(super::theme::bad_colour(dark), "INTERPOL did not answer — result incomplete");
                    }
                    if national_missing {
                        ui.colored_label(super::theme::bad_colour(dark), "National system did not answer — result incomplete");
                    }
                    if run.is_complete() && !run.is_partial() && self.groups.is_empty() {
                        ui.colored_label(super::theme::ok_colour(dark), "No hits in either database");
                    } else if !run.is_complete() && self.groups.is_empty() {
                        ui.label("Waiting for answers…");
                    }
                    if !run.is_complete() {
                        ctx.request_repaint_after(Duration::from_millis(100));
                    }
                }
            }
            if !self.groups.is_empty() {
                let commands = hit_table_ui(ui, &self.groups, self.selected, dark);
                self.pending.extend(commands);
            }
            if self.current.is_some() {
                ui.separator();
                let commands = decision_ui(ui, &mut self.remark, self.decided);
                self.pending.extend(commands);
            }
        });
        self.windows(&ctx);
        self.toasts.show(&ctx, dark);
        if self.confirmations.values().any(|c| !c.arrived()) {
            ctx.request_repaint_after(Duration::from_millis(200));
        }
        for command in std::mem::take(&mut self.pending) {
            self.run(command);
        }
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, SETTINGS_KEY, &self.settings);
    }
}
