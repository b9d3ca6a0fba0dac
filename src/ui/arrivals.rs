//! Arrivals: the flights whose passenger lists were screened before landing, each flight's
//! targeting list, and at the desk the pre-arrival result of the traveller presenting.

use std::path::PathBuf;

use crate::engine::Severity;
use crate::manifest::desk::{DeskMatch, MatchedBy};
use crate::manifest::screen::{Screened, targeting_list};
use crate::manifest::{Manifest, ManifestProblem};

/// One screened flight.
pub struct Flight {
    pub file: PathBuf,
    pub manifest: Manifest,
    pub problems: Vec<ManifestProblem>,
    pub screened: Vec<Screened>,
    pub seconds: f64,
}

impl Flight {
    fn hits_by_severity(&self) -> [usize; 4] {
        let mut n = [0; 4];
        for s in &self.screened {
            match s.top_severity() {
                Some(Severity::Critical) => n[0] += 1,
                Some(Severity::High) => n[1] += 1,
                Some(Severity::Medium) => n[2] += 1,
                Some(Severity::Info) => n[3] += 1,
                None => {}
            }
        }
        n
    }
}

#[derive(Default)]
pub struct Arrivals {
    pub open: bool,
    pub flights: Vec<Flight>,
    pub selected: usize,
    /// Files being read and screened right now.
    pub screening: Vec<Screening>,
}

/// A list being screened in the background: travellers done of how many (0 of 0 while the file
/// is read).
pub struct Screening {
    pub file: PathBuf,
    pub done: std::sync::Arc<std::sync::atomic::AtomicUsize>,
    pub total: std::sync::Arc<std::sync::atomic::AtomicUsize>,
}

impl Screening {
    pub fn new(file: PathBuf) -> Self {
        Self { file, done: std::sync::Arc::default(), total: std::sync::Arc::default() }
    }

    fn fraction(&self) -> f32 {
        let total = self.total.load(std::sync::atomic::Ordering::Relaxed);
        if total == 0 { 0.0 } else { self.done.load(std::sync::atomic::Ordering::Relaxed) as f32 / total as f32 }
    }
}

impl Arrivals {
    /// Every flight's screened list, for `manifest::desk::announced_for`.
    pub fn lists(&self) -> Vec<&[Screened]> {
        self.flights.iter().map(|f| f.screened.as_slice()).collect()
    }

    /// Adds a screened flight (a file opened again replaces its earlier result).
    pub fn add(&mut self, flight: Flight) {
        self.screening.retain(|p| p.file != flight.file);
        if let Some(i) = self.flights.iter().position(|f| f.file == flight.file) {
            self.flights[i] = flight;
            self.selected = i;
        } else {
            self.flights.push(flight);
            self.selected = self.flights.len() - 1;
        }
    }
}

/// The exercise's passenger list, while the trainee marks whom to stop before landing.
pub struct ExerciseMarks<'a> {
    /// The `Flight::file` label the exercise's list is shown under.
    pub file: PathBuf,
    pub list: &'a crate::training::PreArrival,
}

impl<'a> ExerciseMarks<'a> {
    pub fn of(list: &'a crate::training::PreArrival) -> Self {
        Self { file: exercise_list_label(list), list }
    }
}

/// The label an exercise's passenger list goes by in Arrivals (it has no file of its own).
pub fn exercise_list_label(list: &crate::training::PreArrival) -> PathBuf {
    PathBuf::from(format!("exercise flight {}", list.manifest.flight))
}

fn severity_word(s: Option<Severity>) -> &'static str {
    s.map_or("no hit", Severity::label)
}

/// The Arrivals window (View → Arrivals). With `marks`, the exercise's list has a Stop
/// column; the marks come back as commands.
pub fn arrivals_window(
    ctx: &egui::Context,
    a: &mut Arrivals,
    marks: Option<&ExerciseMarks<'_>>,
    dark: bool,
) -> Vec<crate::ui::command::Command> {
    let mut commands = Vec::new();
    let mut open = a.open;
    egui::Window::new("Arrivals — pre-arrival screening")
        .open(&mut open)
        .default_pos([320.0, 60.0])
        .default_width(900.0)
        .default_height(520.0)
        .show(ctx, |ui| {
            if a.flights.is_empty() && a.screening.is_empty() {
                ui.label("No passenger list yet: File → Open passenger list… (PAXLST .edi or CSV), or drop the file on the window.");
            }
            for p in &a.screening {
                ui.label(format!("Screening {} …", p.file.display()));
                let total = p.total.load(std::sync::atomic::Ordering::Relaxed);
                let text = if total == 0 {
                    "reading the list".to_owned()
                } else {
                    format!("{} of {total} travellers", p.done.load(std::sync::atomic::Ordering::Relaxed))
                };
                ui.add(egui::ProgressBar::new(p.fraction()).text(text).animate(true));
                ui.ctx().request_repaint_after(std::time::Duration::from_millis(100));
            }
            egui::Grid::new("flights").striped(true).num_columns(6).show(ui, |ui| {
                for t in ["Flight", "Route", "Arrives", "Travellers", "Hits (critical / high / medium / info)", "File"] {
                    ui.strong(t);
                }
                ui.end_row();
                for (i, f) in a.flights.iter().enumerate() {
                    let m = &f.manifest;
                    if ui.selectable_label(a.selected == i, &m.flight).clicked() {
                        a.selected = i;
                    }
                    ui.label(format!("{} to {}", m.departure_port, m.arrival_port));
                    ui.label(&m.arrival_time);
                    ui.label(m.travellers.len().to_string());
                    let [c, h, md, inf] = f.hits_by_severity();
                    ui.label(format!("{c} / {h} / {md} / {inf}"));
                    let errors = f.problems.iter().filter(|p| p.error).count();
                    let name = f.file.file_name().map_or_else(String::new, |n| n.to_string_lossy().into_owned());
                    ui.label(if f.problems.is_empty() {
                        name
                    } else {
                        format!("{name} ({errors} errors, {} warnings)", f.problems.len() - errors)
                    });
                    ui.end_row();
                }
            });
            let Some(f) = a.flights.get(a.selected) else { return };
            ui.separator();
            ui.heading(format!("Targeting list — flight {} (screened in {:.0} ms)", f.manifest.flight, f.seconds * 1000.0));
            let list = targeting_list(&f.screened);
            let marks = marks.filter(|m| m.file == f.file);
            if let Some(m) = marks {
                exercise_header_ui(ui, m, &mut commands);
            }
            if list.is_empty() {
                ui.label("Nobody on this list raised a hit.");
            }
            egui::ScrollArea::vertical().max_height(300.0).show(ui, |ui| {
                egui::Grid::new("targets").striped(true).num_columns(if marks.is_some() { 7 } else { 6 }).show(ui, |ui| {
                    if marks.is_some() {
                        ui.strong("Stop");
                    }
                    for t in ["#", "Severity", "Traveller", "Born", "Document", "Top hit / why listed"] {
                        ui.strong(t);
                    }
                    ui.end_row();
                    for s in list {
                        let t = &s.traveller;
                        if let Some(m) = marks {
                            let (mut on, open) = (m.list.is_marked(s.index), m.list.is_open());
                            let name = format!("Stop #{} {}", s.index + 1, t.family_name);
                            let r = ui.add_enabled(open, egui::Checkbox::without_text(&mut on)).on_hover_text(&name);
                            r.widget_info(|| egui::WidgetInfo::selected(egui::Role::CheckBox, open, on, &name));
                            if r.changed() {
                                commands.push(crate::ui::command::Command::MarkForStop(s.index, on));
                            }
                        }
                        ui.label((s.index + 1).to_string());
                        let sev = s.top_severity();
                        match sev {
                            Some(v) => ui.colored_label(crate::ui::theme::severity_colour(v, dark), v.label()),
                            None => ui.label("companion"),
                        };
                        ui.label(format!("{} {}", t.family_name, t.given_names));
                        ui.label(&t.date_of_birth);
                        ui.label(format!("{} {}", t.document_number, t.document_country));
                        let why = match s.hits.first() {
                            Some(h) => format!("{} {} — {}", h.database, h.record_id, h.action),
                            None => format!(
                                "travels with #{} on booking {}",
                                s.companion_of.iter().map(|i| (i + 1).to_string()).collect::<Vec<_>>().join(", #"),
                                t.booking_ref
                            ),
                        };
                        // One line per traveller: the whole action on hover.
                        ui.add(egui::Label::new(&why).truncate()).on_hover_text(&why);
                        ui.end_row();
                    }
                });
            });
            if !f.problems.is_empty() {
                ui.collapsing(format!("{} problem(s) in the file", f.problems.len()), |ui| {
                    for p in &f.problems {
                        ui.monospace(p.to_string());
                    }
                });
            }
        });
    a.open = open;
    commands
}

/// Above the exercise's targeting list: what to do before landing, and the landing button.
fn exercise_header_ui(ui: &mut egui::Ui, m: &ExerciseMarks<'_>, commands: &mut Vec<crate::ui::command::Command>) {
    let marked = m.list.marked_count();
    ui.horizontal_wrapped(|ui| {
        if m.list.is_open() {
            ui.strong("Exercise, before landing:");
            ui.label(format!("tick Stop for each traveller to stop on arrival ({marked} marked)."));
            if ui.button(crate::ui::command::Command::Land.label()).clicked() {
                commands.push(crate::ui::command::Command::Land);
            }
        } else {
            ui.weak(format!("Landed: {marked} marked to stop (final)."));
        }
    });
}

/// At the desk: the presented traveller's pre-arrival result and any discrepancy.
pub fn pre_arrival_ui(ui: &mut egui::Ui, a: &Arrivals, m: &DeskMatch, dark: bool) {
    let Some(f) = a.flights.get(m.flight) else { return };
    let Some(s) = f.screened.iter().find(|s| s.index == m.index) else { return };
    egui::Frame::group(ui.style()).show(ui, |ui| {
        let by = match m.by {
            MatchedBy::Document => "by document",
            MatchedBy::NameAndBirth => "by name and date of birth",
        };
        ui.strong(format!("Pre-arrival: flight {}, traveller #{} ({by})", f.manifest.flight, s.index + 1));
        let t = &s.traveller;
        ui.label(format!(
            "Announced: {} {}, born {}, document {} {}",
            t.family_name, t.given_names, t.date_of_birth, t.document_number, t.document_country
        ));
        let sev = s.top_severity();
        let text = match s.hits.first() {
            Some(h) => format!("Screened before landing: {} — {} {}", severity_word(sev), h.database, h.record_id),
            None => "Screened before landing: no hit".to_owned(),
        };
        match sev {
            Some(v) => ui.colored_label(crate::ui::theme::severity_colour(v, dark), text),
            None => ui.label(text),
        };
        for d in &m.discrepancies {
            ui.colored_label(crate::ui::theme::bad_colour(dark), format!("Discrepancy: {d}"));
        }
    });
}
