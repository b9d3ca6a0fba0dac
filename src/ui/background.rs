//! Work that must never run on the UI thread: file dialogs, dataset loading and indexing,
//! exports. Each job runs on a named worker thread and reports over one bounded channel,
//! waking the UI with `request_repaint`.

use std::path::PathBuf;
use std::sync::Arc;

use crate::audit::AuditLog;
use crate::dataset::photos::{PhotoStore, load_photos};
use crate::dataset::{LoadProgress, Problem, load_dataset_file_with_progress};
use crate::engine::{BuildStage, Engine};
use crossbeam_channel::{Receiver, Sender, TrySendError, bounded};

pub enum JobResult {
    /// The open-dataset dialog closed (None = cancelled).
    DatasetPicked(Option<PathBuf>),
    /// A save dialog closed: where to write (None = cancelled) and what.
    ExportPicked(Option<PathBuf>, ExportKind),
    ScenarioPicked(Option<PathBuf>),
    ScenarioLoaded(Result<crate::training::Scenario, crate::training::ScenarioError>),
    Progress {
        label: String,
        fraction: f32,
    },
    DatasetLoaded {
        path: PathBuf,
        engine: Arc<Engine>,
        photos: Arc<PhotoStore>,
        warnings: Vec<Problem>,
    },
    DatasetFailed {
        path: PathBuf,
        problems: Vec<Problem>,
    },
    ExportDone(Result<PathBuf, String>),
    /// A passenger list read and screened (or why it could not be read).
    ManifestScreened(Result<Box<super::arrivals::Flight>, String>),
    ManifestPicked(Option<PathBuf>),
}

/// What a save dialog was opened for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportKind {
    AuditCsv,
    DebriefHtml,
    DebriefCsv,
    ClassDebriefHtml,
    ClassDebriefCsv,
    Handout,
}

impl ExportKind {
    fn title_and_name(self) -> (&'static str, &'static str) {
        match self {
            Self::AuditCsv => ("Export audit log", "audit.csv"),
            Self::DebriefHtml => ("Export debrief report", "debrief.html"),
            Self::ClassDebriefHtml => ("Export class debrief", "class-debrief.html"),
            Self::ClassDebriefCsv => ("Export class debrief", "class-debrief.csv"),
            Self::Handout => ("Export demo handout", "bordercheck-demo-cases.html"),
            Self::DebriefCsv => ("Export debrief rows", "debrief.csv"),
        }
    }
}

pub struct Background {
    tx: Sender<JobResult>,
    pub rx: Receiver<JobResult>,
    ctx: egui::Context,
    /// Only one native dialog at a time.
    pub dialog_open: bool,
    pub loading: Option<(String, f32)>,
}

impl Background {
    pub fn new(ctx: egui::Context) -> Self {
        let (tx, rx) = bounded(64);
        Self { tx, rx, ctx, dialog_open: false, loading: None }
    }

    fn spawn(&self, name: &str, job: impl FnOnce(&Sender<JobResult>) + Send + 'static) {
        let (tx, ctx) = (self.tx.clone(), self.ctx.clone());
        let spawned = std::thread::Builder::new().name(name.into()).spawn(move || {
            job(&tx);
            ctx.request_repaint();
        });
        if let Err(e) = spawned {
            let _ = self.tx.try_send(JobResult::ExportDone(Err(format!("cannot start {name}: {e}"))));
        }
    }

    pub fn pick_dataset(&mut self) {
        if std::mem::replace(&mut self.dialog_open, true) {
            return;
        }
        self.spawn("dialog-open-dataset", |tx| {
            let picked = rfd::FileDialog::new().set_title("Open dataset").add_filter("Bordercheck dataset", &["ron"]).pick_file();
            let _ = tx.send(JobResult::DatasetPicked(picked));
        });
    }

    pub fn pick_export(&mut self, kind: ExportKind) {
        if std::mem::replace(&mut self.dialog_open, true) {
            return;
        }
        self.spawn("dialog-export", move |tx| {
            let (title, name) = kind.title_and_name();
            let picked = rfd::FileDialog::new().set_title(title).set_file_name(name).save_file();
            let _ = tx.send(JobResult::ExportPicked(picked, kind));
        });
    }

    pub fn pick_manifest(&mut self) {
        if std::mem::replace(&mut self.dialog_open, true) {
            return;
        }
        self.spawn("dialog-open-manifest", |tx| {
            let picked = rfd::FileDialog::new()
                .set_title("Open passenger list")
                .add_filter("Passenger list (PAXLST or CSV)", &["edi", "txt", "csv"])
                .pick_file();
            let _ = tx.send(JobResult::ManifestPicked(picked));
        });
    }

    /// Reads and screens a passenger list on the `manifest-screener` thread (the screening
    /// itself uses every core).
    pub fn screen_manifest(&self, job: &super::arrivals::Screening, engine: Arc<Engine>, options: crate::engine::MatchOptions) {
        let (path, done, total) = (job.file.clone(), Arc::clone(&job.done), Arc::clone(&job.total));
        self.spawn("manifest-screener", move |tx| {
            let started = std::time::Instant::now();
            let result = crate::manifest::read_manifest(&path).map(|(manifest, problems)| {
                total.store(manifest.travellers.len(), std::sync::atomic::Ordering::Relaxed);
                screened_flight(path.clone(), manifest, problems, &engine, &options, (started, &done))
            });
            let _ = tx.send(JobResult::ManifestScreened(result));
        });
    }

    /// Screens a list already read (an exercise's flight), shown under the job's file label.
    pub fn screen_list(
        &self,
        job: &super::arrivals::Screening,
        manifest: crate::manifest::Manifest,
        engine: Arc<Engine>,
        options: crate::engine::MatchOptions,
    ) {
        let (label, done) = (job.file.clone(), Arc::clone(&job.done));
        job.total.store(manifest.travellers.len(), std::sync::atomic::Ordering::Relaxed);
        self.spawn("manifest-screener", move |tx| {
            let started = std::time::Instant::now();
            let flight = screened_flight(label, manifest, Vec::new(), &engine, &options, (started, &done));
            let _ = tx.send(JobResult::ManifestScreened(Ok(flight)));
        });
    }

    pub fn pick_scenario(&mut self) {
        if std::mem::replace(&mut self.dialog_open, true) {
            return;
        }
        self.spawn("dialog-open-scenario", |tx| {
            let picked = rfd::FileDialog::new().set_title("Start scenario").add_filter("Bordercheck scenario", &["ron"]).pick_file();
            let _ = tx.send(JobResult::ScenarioPicked(picked));
        });
    }

    pub fn load_scenario(&self, path: PathBuf) {
        self.spawn("scenario-loader", move |tx| {
            let _ = tx.send(JobResult::ScenarioLoaded(crate::training::load_scenario_file(&path)));
        });
    }

    /// Writes text produced on the worker (the caller passes a closure over cloned data).
    pub fn write_text(&self, path: PathBuf, make: impl FnOnce() -> String + Send + 'static) {
        self.spawn("export-writer", move |tx| {
            let result = std::fs::write(&path, make()).map(|()| path.clone()).map_err(|e| format!("{}: {e}", path.display()));
            let _ = tx.send(JobResult::ExportDone(result));
        });
    }

    pub fn load_dataset(&mut self, path: PathBuf) {
        self.loading = Some((format!("Reading {}", path.display()), 0.0));
        let ctx = self.ctx.clone();
        self.spawn("dataset-loader", move |tx| {
            let progress = |label: String, fraction: f32| {
                // Progress is best-effort: a full channel just skips an update.
                if let Err(TrySendError::Full(_)) = tx.try_send(JobResult::Progress { label, fraction }) {}
                ctx.request_repaint();
            };
            // Reading and validating is about the first 60% of the bar, indexing the rest.
            let reading = |what: &str, fraction: f32| progress(format!("Reading: {what}"), 0.6 * fraction);
            match load_dataset_file_with_progress(&path, &LoadProgress::new(&reading)) {
                Err(e) => {
                    let _ = tx.send(JobResult::DatasetFailed { path, problems: e.problems() });
                }
                Ok(loaded) => {
                    progress("Indexing".into(), 0.6);
                    let total = loaded.dataset.record_count().max(1) as f32;
                    let photos = Arc::new(load_photos(&loaded.dataset));
                    let engine = Engine::build_with_progress(loaded.dataset, |stage, done| {
                        let label = match stage {
                            BuildStage::IndexingNational => "Indexing national database",
                            BuildStage::IndexingInterpol => "Indexing INTERPOL database",
                            BuildStage::Done => "Ready",
                        };
                        progress(label.into(), 0.6 + 0.4 * done as f32 / total);
                    });
                    let _ = tx.send(JobResult::DatasetLoaded { path, engine: Arc::new(engine), photos, warnings: loaded.warnings });
                }
            }
        });
    }

    pub fn export_audit(&self, log: AuditLog, head: Option<String>, path: PathBuf) {
        self.write_text(path, move || {
            let mut csv = Vec::new();
            // Writing into memory cannot fail.
            let _ = log.write_csv(&mut csv, head.as_deref());
            String::from_utf8_lossy(&csv).into_owned()
        });
    }
}

fn screened_flight(
    file: PathBuf,
    manifest: crate::manifest::Manifest,
    problems: Vec<crate::manifest::ManifestProblem>,
    engine: &Arc<Engine>,
    options: &crate::engine::MatchOptions,
    (started, done): (std::time::Instant, &std::sync::atomic::AtomicUsize),
) -> Box<super::arrivals::Flight> {
    let screened = crate::manifest::screen::screen_counting(engine, &manifest, options, done);
    Box::new(super::arrivals::Flight { file, manifest, problems, screened, seconds: started.elapsed().as_secs_f64() })
}
