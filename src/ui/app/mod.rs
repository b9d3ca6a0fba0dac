//! The terminal: owns the state, drains worker channels on a time budget, runs commands at
//! one point in the frame, and lays out the panels.

mod audit_trail;
mod chrome;
mod link_recovery;
mod training_flow;

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
use crate::training::{Debrief, TrainingSession, booth_photo};

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
    /// The face of the traveller at the booth: (traveller number in the session, picture), made
    /// once per traveller (a synthetic face is drawn, not read).
    booth: Option<(usize, Option<Arc<[u8]>>)>,
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
            booth: None,
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
                    // A `record:` face at the booth may be in the new dataset's photos.
                    self.booth = None;
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
                if let Some(scenario) = crate::training::builtin::builtin_scenarios().get(i).cloned() {
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
}
