//! Training mode on screen: the queue bar the trainee sees, the PIN prompt, the instructor
//! panel (behind the PIN) and the debrief. Expected answers appear only behind the PIN or
//! in the debrief.

use std::time::Instant;

use crate::engine::SourceId;
use crate::training::scenario::IncidentKind;
use crate::training::{Debrief, TrainingSession};

use super::command::Command;
use super::theme::{bad_colour, ok_colour};

/// Why a PIN is being asked for.
#[derive(Debug, Clone, PartialEq)]
pub enum PinPurpose {
    /// Set the instructor PIN and start this scenario.
    Start(Box<crate::training::Scenario>),
    /// Another exercise is running: its PIN first, then the new one's.
    Replace(Box<crate::training::Scenario>),
    OpenInstructor,
}

pub struct PinPrompt {
    pub purpose: PinPurpose,
    pub pin: String,
    pub error: Option<String>,
}

/// `booth`: the face of the traveller at the booth, when the scenario gives one.
pub fn training_bar_ui(ui: &mut egui::Ui, session: &TrainingSession, booth: Option<std::sync::Arc<[u8]>>, dark: bool) -> Option<Command> {
    let mut command = None;
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.horizontal_wrapped(|ui| {
            ui.strong(format!("TRAINING — {}", session.scenario.title));
            if let Some(_t) = session.current() {
                ui.label(format!(
                    "traveller {} of {} · {} waiting · {:.0} s at the booth",
                    session.number(),
                    session.len(),
                    session.waiting(),
                    session.seconds_on_current(Instant::now())
                ));
            }
            if session.is_paused() {
                ui.colored_label(bad_colour(dark), "PAUSED by the instructor");
            }
        });
        if let Some(p) = session.pre_arrival().filter(|p| p.is_open()) {
            ui.horizontal_wrapped(|ui| {
                ui.strong(format!("Before landing — flight {} ({} travellers).", p.manifest.flight, p.manifest.travellers.len()));
                ui.label(format!(
                    "Work its targeting list in Arrivals and tick Stop for each traveller to stop on arrival ({} marked); the desk opens when the flight lands.",
                    p.marked_count()
                ));
                if ui.button("Open Arrivals").clicked() {
                    command = Some(Command::ShowArrivals);
                }
                if ui.button(Command::Land.label()).clicked() {
                    command = Some(Command::Land);
                }
            });
        }
        if let Some(t) = session.current() {
            ui.horizontal_top(|ui| {
                if let Some(bytes) = booth {
                    ui.vertical(|ui| {
                        let uri = format!("bytes://booth/{}/{}", session.scenario.title, t.id);
                        ui.add(egui::Image::from_bytes(uri, egui::load::Bytes::Shared(bytes)).fit_to_exact_size(egui::vec2(64.0, 80.0)));
                        ui.small("at the booth");
                    });
                }
                ui.vertical(|ui| {
                    ui.label(format!("Traveller {}: {}", t.id, if t.cover_story.is_empty() { "—" } else { &t.cover_story }));
                    ui.weak("Query, inspect the hits, request confirmation where needed, then decide: the next traveller is called automatically.");
                    if session.scenario.photo_files.contains_key(&t.id) || t.photo.is_some() {
                        ui.weak("Compare the face at the booth with the record photos.");
                    }
                });
            });
        }
    });
    command
}

pub fn pin_window(ctx: &egui::Context, prompt: &mut PinPrompt) -> Option<Command> {
    let mut command = None;
    let title = match prompt.purpose {
        PinPurpose::Start(_) => "Start scenario: set the instructor PIN",
        PinPurpose::Replace(_) => "Replace the running exercise: its instructor PIN",
        PinPurpose::OpenInstructor => "Instructor panel: enter PIN",
    };
    let mut open = true;
    egui::Window::new(title).collapsible(false).resizable(false).open(&mut open).show(ctx, |ui| {
        if let PinPurpose::Start(s) = &prompt.purpose {
            ui.label(format!("{} — {} travellers", s.title, s.travellers.len() + s.random_fill.map_or(0, |f| f.count)));
            ui.label(&s.description);
        }
        ui.horizontal(|ui| {
            let l = ui.label("Instructor PIN");
            let field = ui.add(egui::TextEdit::singleline(&mut prompt.pin).password(true).desired_width(100.0)).labelled_by(l.id);
            // Focus the empty field when the prompt opens (not after Enter gave it up).
            if prompt.pin.is_empty() && ui.ctx().memory(|m| m.focused().is_none()) {
                field.request_focus();
            }
            if field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
                command = Some(Command::ConfirmPin);
            }
        });
        if let Some(e) = &prompt.error {
            ui.colored_label(ui.visuals().warn_fg_color, e);
        }
        let label = match prompt.purpose {
            PinPurpose::Start(_) => "Start scenario",
            PinPurpose::Replace(_) => "Continue",
            PinPurpose::OpenInstructor => "Open instructor panel",
        };
        if ui.button(label).clicked() {
            command = Some(Command::ConfirmPin);
        }
    });
    if !open {
        command = Some(Command::CancelPin);
    }
    command
}

pub fn instructor_window(ctx: &egui::Context, session: &TrainingSession, open: &mut bool, dark: bool) -> Vec<Command> {
    let mut commands = Vec::new();
    egui::Window::new("Instructor panel").open(open).default_width(560.0).show(ctx, |ui| {
        ui.horizontal_wrapped(|ui| {
            let paused = session.is_paused();
            if ui.button(if paused { "Resume" } else { "Pause" }).clicked() {
                commands.push(Command::InstructorPause(!paused));
            }
            if ui.button("Skip traveller").clicked() {
                commands.push(Command::InstructorSkip);
            }
            // Ending is final: it asks first.
            let asking = egui::Id::unique("instructor-confirm-end");
            if ui.data(|d| d.get_temp::<bool>(asking)).unwrap_or(false) {
                ui.label(format!("End the exercise? The {} traveller(s) not yet called count as not reached.", session.waiting()));
                if ui.button("End now").clicked() {
                    commands.push(Command::InstructorEnd);
                    ui.data_mut(|d| d.remove::<bool>(asking));
                }
                if ui.button("Keep going").clicked() {
                    ui.data_mut(|d| d.remove::<bool>(asking));
                }
            } else if ui.button("End scenario").clicked() {
                ui.data_mut(|d| d.insert_temp(asking, true));
            }
        });
        ui.separator();
        ui.label("Inject an incident now (until cleared):");
        ui.horizontal_wrapped(|ui| {
            for (label, incident) in [
                ("INTERPOL offline", IncidentKind::Offline(SourceId::Interpol)),
                ("National offline", IncidentKind::Offline(SourceId::National)),
                ("INTERPOL latency ×10", IncidentKind::LatencySpike(SourceId::Interpol, 10.0)),
                ("National latency ×10", IncidentKind::LatencySpike(SourceId::National, 10.0)),
                ("INTERPOL errors 50%", IncidentKind::Errors(SourceId::Interpol, 0.5)),
            ] {
                if ui.button(label).clicked() {
                    commands.push(Command::InstructorInject(incident));
                }
            }
            if ui.button("Clear injected").clicked() {
                commands.push(Command::InstructorClearIncidents);
            }
        });
        let active: Vec<String> = session.active_incidents().iter().map(|i| i.label()).collect();
        ui.label(format!("Active now: {}", if active.is_empty() { "none".to_owned() } else { active.join(", ") }));
        ui.separator();
        ui.strong("Live view (expected answers visible here only)");
        egui::Grid::new("instructor-live").striped(true).show(ui, |ui| {
            for h in ["#", "Traveller", "Expected", "Decision", "Time", "Confirmation"] {
                ui.strong(h);
            }
            ui.end_row();
            for (i, (o, expected)) in session.outcomes().iter().zip(session.expected()).enumerate() {
                ui.label((i + 1).to_string());
                ui.label(&o.id);
                ui.label(expected.label());
                match o.decision {
                    Some(d) => {
                        let colour = if d == expected { ok_colour(dark) } else { bad_colour(dark) };
                        ui.colored_label(colour, d.label());
                    }
                    None if o.skipped => {
                        ui.weak("skipped");
                    }
                    None if i + 1 == session.number() && !session.is_finished() => {
                        ui.label("at the booth");
                    }
                    None => {
                        ui.weak("—");
                    }
                }
                ui.label(if o.seconds > 0.0 { format!("{:.0} s", o.seconds) } else { String::new() });
                ui.label(if o.confirmation_requested { "asked" } else { "" });
                ui.end_row();
            }
        });
    });
    commands
}

pub fn debrief_window(ctx: &egui::Context, debrief: &Debrief, open: &mut bool, dark: bool) -> Vec<Command> {
    let mut commands = Vec::new();
    let t = debrief.totals();
    // Fits a 1366×768 laptop: at most the screen's height, the rows scroll under a fixed header.
    let max_height = (ctx.content_rect().height() - 60.0).max(300.0);
    egui::Window::new(format!("Debrief — {}", debrief.title)).open(open).default_width(900.0).max_height(max_height).show(ctx, |ui| {
        ui.label(format!(
            "Correct decisions {}/{} · missed threats {} · false alarms {} · detained without confirmation {} · mean time {:.1} s",
            t.correct, t.travellers, t.missed_threats, t.false_alarms, t.detained_unconfirmed, t.mean_seconds
        ));
        ui.horizontal(|ui| {
            if ui.button("Export report (HTML)…").clicked() {
                commands.push(Command::ExportDebrief(super::background::ExportKind::DebriefHtml));
            }
            if ui.button("Export rows (CSV)…").clicked() {
                commands.push(Command::ExportDebrief(super::background::ExportKind::DebriefCsv));
            }
        });
        ui.separator();
        ui.strong("Time per traveller (green = correct decision)");
        let max = debrief.rows.iter().map(|r| r.seconds).fold(1.0, f64::max);
        let (rect, _) = ui.allocate_exact_size(egui::vec2(ui.available_width().min(700.0), 110.0), egui::Sense::hover());
        let n = debrief.rows.len().max(1) as f32;
        let w = rect.width() / n;
        for (i, r) in debrief.rows.iter().enumerate() {
            let h = (r.seconds / max) as f32 * (rect.height() - 16.0);
            let x = rect.left() + w * i as f32;
            let bar =
                egui::Rect::from_min_max(egui::pos2(x + 2.0, rect.bottom() - 14.0 - h), egui::pos2(x + w - 2.0, rect.bottom() - 14.0));
            ui.painter().rect_filled(bar, 2.0, if r.correct() { ok_colour(dark) } else { bad_colour(dark) });
            ui.painter().text(
                egui::pos2(x + w / 2.0, rect.bottom() - 6.0),
                egui::Align2::CENTER_CENTER,
                r.number.to_string(),
                egui::FontId::proportional(11.0),
                ui.visuals().text_color(),
            );
        }
        ui.separator();
        debrief_table(ui, debrief, dark);
    });
    commands
}

/// The debrief rows: the header stays while the rows scroll, teaching notes wrap (three lines,
/// the whole note on hover).
fn debrief_table(ui: &mut egui::Ui, debrief: &Debrief, dark: bool) {
    use egui_extras::{Column, TableBuilder};
    let line = ui.text_style_height(&egui::TextStyle::Body);
    TableBuilder::new(ui)
        .id_salt("debrief-rows")
        .striped(true)
        .max_scroll_height(320.0)
        .column(Column::exact(28.0))
        .column(Column::exact(70.0).clip(true))
        .column(Column::exact(110.0))
        .column(Column::exact(130.0))
        .column(Column::exact(48.0))
        .column(Column::exact(74.0))
        .column(Column::exact(56.0))
        .column(Column::exact(90.0))
        .column(Column::remainder().at_least(200.0).clip(true))
        .header(22.0, |mut header| {
            for h in ["#", "Traveller", "Expected", "Decision", "Time", "Hits found", "Opened", "Confirmation", "Teaching note"] {
                header.col(|ui| {
                    ui.strong(h);
                });
            }
        })
        .body(|mut body| {
            for r in &debrief.rows {
                body.row(line * 3.0 + 6.0, |mut row| {
                    row.col(|ui| {
                        ui.label(r.number.to_string());
                    });
                    row.col(|ui| {
                        ui.label(&r.id);
                    });
                    row.col(|ui| {
                        ui.label(r.expected.label());
                    });
                    row.col(|ui| {
                        let colour = if r.correct() { ok_colour(dark) } else { bad_colour(dark) };
                        let text = match r.actual {
                            Some(d) => d.label(),
                            None if !r.reached => "not reached",
                            None if r.skipped => "skipped",
                            None => "—",
                        };
                        ui.colored_label(colour, text);
                    });
                    row.col(|ui| {
                        ui.label(format!("{:.0} s", r.seconds));
                    });
                    row.col(|ui| {
                        ui.label(format!("{}/{}", r.expected_hits_found(), r.expected_hits.len()));
                    });
                    row.col(|ui| {
                        ui.label(r.hits_opened.len().to_string());
                    });
                    row.col(|ui| {
                        ui.label(if r.confirmation_requested { "yes" } else { "no" });
                    });
                    row.col(|ui| {
                        ui.add(egui::Label::new(&r.teaching_note).wrap()).on_hover_text(&r.teaching_note);
                    });
                });
            }
        });
}
