//! The terminal: owns the state, drains worker channels on a time budget, runs commands at
//! one point in the frame, and lays out the panels.

mod audit_trail;
mod chrome;
mod class_member;
mod demo_cases;
mod desk;
mod training_flow;

use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

use crate::audit::{AuditEntry, Decision};
use crate::booth::{Booth, BoothEvent, DecideError};
use crate::dataset::Problem;
use crate::dataset::photos::{PhotoStore, load_photos};
use crate::demo::demo_dataset;
use crate::document_reading::{CheckStatus, DocumentCheck, compare_with_typed, fill_from_mrz};
use crate::engine::{Engine, HitGroup, SourceId};
use crate::query::{FieldIssue, SourceState};

use super::audit_panel::audit_panel_ui;
use super::background::{Background, ExportKind, JobResult};
use super::command::Command;
use super::hit_detail::{decision_ui, hit_detail_ui};
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
    /// The officer's desk: query, hits, confirmations, decision, audit, link recovery.
    pub booth: Booth,
    photos: Arc<PhotoStore>,
    dataset_label: String,
    pub form: QueryForm,
    field_issues: Vec<FieldIssue>,
    /// Document checks from the last MRZ read (check digits, expiry, MRZ vs typed).
    pub document_checks: Vec<DocumentCheck>,
    selected: Option<usize>,
    remark: String,
    /// An Admit or Refuse against an unconfirmed serious hit, waiting for the officer's reason.
    pub override_prompt: Option<(Decision, String)>,
    /// Escape was pressed on an undecided hit: the officer is asked first.
    pub confirm_new_traveller: bool,
    /// A dataset that finished loading while a traveller was at the desk.
    pub ready_dataset: Option<ReadyDataset>,
    /// The query id the training session has already been told about.
    training_recorded: Option<u64>,
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
    booth_face: Option<(usize, Option<Arc<[u8]>>)>,
    pub pin_prompt: Option<PinPrompt>,
    pub instructor_open: bool,
    pub debrief: Option<Debrief>,
    show_debrief: bool,
    /// Writes the audit trail to disk on its own thread (None in tests and when unavailable).
    audit_writer: Option<AuditWriter>,
    /// The on-disk chain head after the last acknowledged entry (shown; written into exports).
    audit_head: Option<String>,
    /// Training → Host classroom: its dialog and the class this laptop hosts.
    pub classroom: super::classroom_ui::ClassroomUi,
    /// Where class files are kept (the app's storage folder; a temporary one in tests).
    pub class_dir: PathBuf,
    /// Training → Join classroom: its dialog, and the class this terminal plays in.
    pub join_ui: super::classroom_join::JoinUi,
    /// View → Demo cases: the guided cases (the dataset in use carries them), Play all, the handout.
    pub cases: super::cases_panel::CasesUi,
    /// View → Arrivals: screened passenger lists.
    pub arrivals: super::arrivals::Arrivals,
    /// The traveller at the desk as a screened list announced them (found when querying).
    pub pre_arrival: Option<crate::manifest::desk::DeskMatch>,
    pub class_member: Option<super::classroom_join::ClassMember>,
}

/// A loaded dataset held back until the traveller at the desk is decided.
pub struct ReadyDataset {
    pub path: PathBuf,
    pub engine: Arc<Engine>,
    pub photos: Arc<PhotoStore>,
    pub warnings: usize,
}

impl TerminalApp {
    pub fn new(cc: &eframe::CreationContext<'_>, dataset: Option<PathBuf>) -> Self {
        let settings = cc.storage.and_then(|s| eframe::get_value::<Settings>(s, SETTINGS_KEY)).unwrap_or_default();
        let mut app = Self::with_settings(cc.egui_ctx.clone(), settings, dataset);
        if let Some(dir) = eframe::storage_dir("Bordercheck") {
            let _ = std::fs::create_dir_all(&dir);
            app.keep_audit_on_disk(dir.join("audit.jsonl"));
            app.class_dir = dir;
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
        let mut booth = Booth::new(Arc::clone(&engine), Arc::new(move || wake_ctx.request_repaint()));
        booth.officer.clone_from(&settings.officer);
        booth.seed = settings.sim.seed;
        booth.delays = settings.confirmation_delays;
        let mut app = Self {
            background: Background::new(ctx.clone()),
            ctx,
            settings,
            booth,
            photos,
            dataset_label: "built-in demo".into(),
            form: QueryForm { focus_first: true, ..QueryForm::default() },
            field_issues: Vec::new(),
            document_checks: Vec::new(),
            selected: None,
            remark: String::new(),
            override_prompt: None,
            confirm_new_traveller: false,
            ready_dataset: None,
            training_recorded: None,
            load_problems: None,
            show_settings: false,
            show_help: false,
            toasts: Toasts::default(),
            pending: Vec::new(),
            title: String::new(),
            demo: (Arc::clone(&engine_for_demo), Arc::clone(&photos_for_demo)),
            booth_face: None,
            pin_prompt: None,
            instructor_open: false,
            debrief: None,
            show_debrief: false,
            audit_writer: None,
            audit_head: None,
            classroom: super::classroom_ui::ClassroomUi::default(),
            class_dir: std::env::temp_dir().join("bordercheck-classroom"),
            join_ui: super::classroom_join::JoinUi::default(),
            arrivals: super::arrivals::Arrivals::default(),
            cases: super::cases_panel::CasesUi::default(),
            pre_arrival: None,
            class_member: None,
        };
        if let Some(path) = dataset {
            // `bordercheck FLIGHT.edi` opens a passenger list in Arrivals; anything else is a dataset.
            if path.extension().is_some_and(|e| ["edi", "csv"].iter().any(|x| e.eq_ignore_ascii_case(x))) {
                app.open_manifest(path);
            } else {
                app.pending.push(Command::LoadDataset(path));
            }
        }
        app
    }

    pub fn engine(&self) -> &Engine {
        self.booth.engine()
    }

    pub fn groups(&self) -> &[HitGroup] {
        self.booth.groups()
    }

    /// Shows these hit groups as the current result (frame benchmark and UI tests).
    pub fn show_groups(&mut self, groups: Vec<HitGroup>) {
        self.selected = (!groups.is_empty()).then_some(0);
        self.booth.show_groups(groups);
    }

    /// Reads and screens a passenger list in the background against the dataset in use; the
    /// Arrivals window shows it when done.
    pub fn open_manifest(&mut self, path: PathBuf) {
        let job = super::arrivals::Screening::new(path);
        self.background.screen_manifest(&job, Arc::clone(self.booth.engine()), self.settings.options());
        self.arrivals.screening.push(job);
        self.arrivals.open = true;
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
                            ExportKind::AuditCsv => self.background.export_audit(self.booth.audit.clone(), self.audit_head.clone(), path),
                            ExportKind::Handout => {
                                let cases = self.booth.engine().demo_cases.clone();
                                let shots = self.cases.shots.clone();
                                self.background.write_text(path, move || {
                                    let pngs =
                                        shots.iter().filter_map(|(n, image)| Some((*n, super::cases_panel::shot_png(image)?))).collect();
                                    crate::demo::cases::handout_html(&cases, &pngs)
                                });
                            }
                            ExportKind::ClassDebriefHtml | ExportKind::ClassDebriefCsv => {
                                // The save dialog names .html or .csv; the worker writes either.
                                let path = if kind == ExportKind::ClassDebriefCsv { path.with_extension("csv") } else { path };
                                if !self.classroom.export(path) {
                                    self.toasts.error("The classroom service is not running");
                                }
                            }
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
                JobResult::ScenarioLoaded(Ok(scenario)) => self.ask_to_start(scenario),
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
                    let ready = ReadyDataset { path, engine, photos, warnings: warnings.len() };
                    if self.booth.is_busy() {
                        // Never lose the traveller at the desk: the new data waits for the decision.
                        self.toasts.info("New dataset ready — switch after this traveller");
                        self.ready_dataset = Some(ready);
                    } else {
                        self.switch_dataset(ready);
                    }
                }
                JobResult::DatasetFailed { path, problems } => {
                    self.background.loading = None;
                    self.toasts.error(format!("Could not load {} — the previous dataset stays active", path.display()));
                    self.load_problems = Some((path.display().to_string(), problems));
                }
                JobResult::ManifestPicked(path) => {
                    self.background.dialog_open = false;
                    if let Some(path) = path {
                        self.open_manifest(path);
                    }
                }
                JobResult::ManifestScreened(Ok(flight)) => {
                    let hits = flight.screened.iter().filter(|s| !s.hits.is_empty()).count();
                    self.toasts.info(format!(
                        "Flight {}: {} travellers screened, {hits} with a hit",
                        flight.manifest.flight,
                        flight.screened.len()
                    ));
                    if flight.file.is_file() {
                        self.settings.remember_manifest(flight.file.clone());
                    }
                    self.arrivals.add(*flight);
                    self.arrivals.open = true;
                }
                JobResult::ManifestScreened(Err(e)) => {
                    self.arrivals.screening.clear();
                    self.toasts.error(format!("Passenger list not read: {e}"));
                }
                JobResult::ExportDone(Ok(path)) => self.toasts.info(format!("Audit log exported to {}", path.display())),
                JobResult::ExportDone(Err(e)) => self.toasts.error(format!("Export failed: {e}")),
            }
        }
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
            Command::RunQuery => self.submit_query(),
            Command::ReadMrz => self.read_mrz(),
            Command::NewTraveller => {
                if self.booth.is_busy() && !self.booth.groups().is_empty() {
                    // An undecided hit: ask before the traveller is cleared away.
                    self.confirm_new_traveller = true;
                } else {
                    self.reset_traveller();
                }
            }
            Command::ConfirmNewTraveller => {
                self.confirm_new_traveller = false;
                self.reset_traveller();
            }
            Command::CancelNewTraveller => self.confirm_new_traveller = false,
            Command::SwitchDataset => {
                if let Some(ready) = self.ready_dataset.take() {
                    self.switch_dataset(ready);
                }
            }
            Command::DismissResultChange => self.booth.dismiss_result_change(),
            Command::DismissAlert(i) => self.booth.dismiss_alert(i),
            Command::ConfirmOverride => {
                if let Some((decision, reason)) = self.override_prompt.take() {
                    self.decide(decision, Some(&reason));
                }
            }
            Command::CancelOverride => self.override_prompt = None,
            Command::OpenDatasetDialog => self.background.pick_dataset(),
            Command::LoadDataset(path) => {
                if self.background.loading.is_none() {
                    self.background.load_dataset(path);
                }
            }
            Command::ExportAuditDialog => self.background.pick_export(ExportKind::AuditCsv),
            Command::SelectGroup(i) => {
                self.selected = (i < self.booth.groups().len()).then_some(i);
                let ids: Vec<String> =
                    self.booth.groups().get(i).map(|g| g.hits.iter().map(|h| h.record_id.clone()).collect()).unwrap_or_default();
                if let Some(session) = &mut self.booth.training {
                    for id in &ids {
                        session.record_opened(id);
                    }
                }
            }
            Command::RequestConfirmation => {
                let Some(record) = self.selected.and_then(|i| self.booth.groups().get(i)).map(|g| g.headline().record_id.clone()) else {
                    return;
                };
                if self.booth.request_confirmation(&record, Instant::now(), chrono::Local::now())
                    && let Some(due) = self.booth.next_reply_due()
                {
                    self.ctx.request_repaint_after(due.saturating_duration_since(Instant::now()));
                }
            }
            Command::Decide(decision) => self.decide(decision, None),
            Command::StartBuiltinScenario(i) => {
                if let Some(scenario) = crate::training::builtin::builtin_scenarios().get(i).cloned() {
                    self.ask_to_start(scenario);
                }
            }
            Command::OpenScenarioDialog => self.background.pick_scenario(),
            Command::ConfirmPin => self.confirm_pin(),
            Command::CancelPin => self.pin_prompt = None,
            Command::OpenInstructor => {
                if self.booth.training.is_some() {
                    self.pin_prompt = Some(PinPrompt { purpose: PinPurpose::OpenInstructor, pin: String::new(), error: None });
                } else {
                    self.toasts.error("No exercise is running");
                }
            }
            Command::InstructorPause(paused) => {
                if let Some(s) = &mut self.booth.training {
                    s.set_paused(paused, Instant::now());
                }
            }
            Command::InstructorInject(incident) => {
                if let Some(s) = &mut self.booth.training {
                    s.inject(incident);
                    self.toasts.info(format!("Incident injected: {}", incident.label()));
                }
            }
            Command::InstructorClearIncidents => {
                if let Some(s) = &mut self.booth.training {
                    s.clear_injected();
                }
            }
            Command::InstructorSkip => {
                if let Some(s) = &mut self.booth.training {
                    s.skip(Instant::now());
                    self.next_training_traveller();
                }
            }
            Command::InstructorEnd => {
                if let Some(s) = &mut self.booth.training {
                    s.end();
                    self.next_training_traveller();
                }
            }
            Command::ExportDebrief(kind) => self.background.pick_export(kind),
            Command::ToggleSettings => self.show_settings = !self.show_settings,
            Command::ToggleHelp => self.show_help = !self.show_help,
            Command::TogglePresenter => self.settings.presenter = !self.settings.presenter,
            Command::MarkForStop(index, on) => {
                self.booth.mark_for_stop(index, on);
            }
            Command::Land => self.land(),
            Command::ShowArrivals => self.arrivals.open = true,
        }
    }
}
