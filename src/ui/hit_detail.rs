//! The selected hit in full: record, photo, feature-by-feature reasons, confirmation, decision.

use std::collections::HashMap;
use std::time::Instant;

use crate::booth::Confirmation;

use crate::audit::Decision;
use crate::dataset::photos::PhotoStore;
use crate::engine::{HitGroup, RecordDetail};
use crate::matching::Outcome;

use super::command::Command;
use super::theme::{bad_colour, ok_colour, severity_colour};

fn record_lines(record: &RecordDetail) -> Vec<(String, String)> {
    let mut v: Vec<(String, String)> = Vec::new();
    let mut add = |k: &str, val: String| {
        if !val.is_empty() {
            v.push((k.into(), val));
        }
    };
    match record {
        RecordDetail::Notice(n) | RecordDetail::Tdawn { notice: Some(n), .. } => {
            add("Notice", format!("{} {}", n.kind.label(), n.id));
            if n.kind == crate::domain::NoticeKind::Black {
                // An unidentified body: the name is only what a document found with it says.
                add("Possible identity", format!("{} (from a document found with the body; not confirmed)", n.name.display()));
            } else {
                add("Name", n.name.display());
            }
            add("Aliases", n.name.aliases.join("; "));
            add("Original script", n.name.original_script.clone().unwrap_or_default());
            add("Date of birth", n.date_of_birth.map(|d| d.to_string()).unwrap_or_default());
            add("Sex", n.sex.code().into());
            add("Nationalities", n.nationalities.iter().map(ToString::to_string).collect::<Vec<_>>().join(", "));
            add("Owning country", format!("{} ({})", n.owner, n.owner.name()));
            add("Charges", n.charges.iter().map(|c| format!("{} ({})", c.charge, c.country)).collect::<Vec<_>>().join("; "));
            add("Distinguishing marks", n.distinguishing_marks.clone());
            add("Foreign terrorist fighter", if n.foreign_fighter { "yes".into() } else { String::new() });
            if let RecordDetail::Tdawn { tdawn, .. } = record {
                add(
                    "TDAWN document",
                    format!("{} {} ({}), VALID document linked to the notice", tdawn.kind.label(), tdawn.number, tdawn.country),
                );
            }
        }
        RecordDetail::Tdawn { tdawn, notice: None } => {
            add("TDAWN document", format!("{} {} ({})", tdawn.kind.label(), tdawn.number, tdawn.country))
        }
        RecordDetail::Sltd(s) => {
            add("Document", format!("{} {} issued by {}", s.kind.label(), s.number, s.country));
            add("SLTD record", s.fraud.label().into());
            add("Reported", format!("{} by {}", s.reported, s.reporting_country));
        }
        RecordDetail::Smv(m) => {
            add("Vehicle", format!("{} {} {} ({})", m.colour, m.make, m.model, m.plate));
            add("VIN", m.vin.clone());
            add("Stolen", format!("{} — reported by {}", m.stolen, m.reporting_country));
        }
        RecordDetail::NationalPerson(p) => {
            add("Alert", p.alert.label().into());
            add("Name", p.name.display());
            add("Aliases", p.name.aliases.join("; "));
            add("Original script", p.name.original_script.clone().unwrap_or_default());
            add("Date of birth", p.date_of_birth.map(|d| d.to_string()).unwrap_or_default());
            add("Nationality", p.nationality.map(|c| c.to_string()).unwrap_or_default());
            add("Reason", p.reason.clone());
        }
        RecordDetail::NationalDocument(d) => {
            add("Document", format!("{} {} ({})", d.kind.label(), d.number, d.country));
            add("Registry status", format!("{:?}", d.status));
            add("Registered holder", d.holder.display());
            add("Holder's date of birth", d.holder_date_of_birth.map(|x| x.to_string()).unwrap_or_default());
            add("Expiry", d.expiry.map(|x| x.to_string()).unwrap_or_default());
        }
        RecordDetail::NationalVehicle(n) => {
            add("Vehicle", format!("{} {} {} ({})", n.colour, n.make, n.model, n.plate));
            add("VIN", n.vin.clone());
            add("Reported", n.reported.map(|x| x.to_string()).unwrap_or_default());
        }
    }
    v
}

pub fn hit_detail_ui(
    ui: &mut egui::Ui,
    group: Option<&HitGroup>,
    photos: &PhotoStore,
    confirmations: &HashMap<String, Confirmation>,
    dark: bool,
    confirm_label: &str,
) -> Vec<Command> {
    let mut commands = Vec::new();
    ui.heading("Hit detail");
    let Some(group) = group else {
        ui.label("Select a hit in the table to see the full record and why it matched.");
        return commands;
    };
    confirmation_ui(ui, group, confirmations, dark, confirm_label, &mut commands);
    ui.separator();
    egui::ScrollArea::vertical().id_salt("detail").show(ui, |ui| {
        for (n, hit) in group.hits.iter().enumerate() {
            if n > 0 {
                ui.separator();
            }
            ui.colored_label(
                severity_colour(hit.severity, dark),
                egui::RichText::new(format!("{} — {} · score {}", hit.severity.label(), hit.database, hit.score)).strong(),
            );
            ui.label(format!("Source: {} · record {}", hit.source.short(), hit.record_id));
            // Long values (a TDAWN line, charges) wrap inside the panel instead of widening it
            // and squeezing the hit table.
            let panel_width = ui.available_width();
            ui.horizontal_top(|ui| {
                let photo_key = match &hit.record {
                    RecordDetail::Tdawn { notice: Some(n), .. } => Some(n.id.as_str()),
                    r if r.photo().is_some() => Some(hit.record_id.as_str()),
                    _ => None,
                };
                if photo_key.is_some_and(|k| !photos.contains_key(k)) {
                    // Unreadable, too large or outside the dataset's folder: said, never crashed on.
                    ui.weak("photo unavailable");
                } else if let Some((key, bytes)) = photo_key.and_then(|k| photos.get(k).map(|b| (k, b))) {
                    ui.vertical(|ui| {
                        let image = egui::Image::from_bytes(format!("bytes://photo/{key}"), egui::load::Bytes::Shared(bytes.clone()));
                        ui.add(image.fit_to_exact_size(egui::vec2(84.0, 105.0)));
                        ui.small("record photo");
                        ui.small("(synthetic)");
                    });
                }
                let value_width = (panel_width - ui.min_rect().width() - 150.0).max(120.0);
                egui::Grid::new(("record", n)).num_columns(2).striped(true).show(ui, |ui| {
                    for (k, v) in record_lines(&hit.record) {
                        ui.weak(k);
                        ui.scope(|ui| {
                            ui.set_max_width(value_width);
                            ui.add(egui::Label::new(v).wrap());
                        });
                        ui.end_row();
                    }
                });
            });
            ui.label(egui::RichText::new("Why it matched").strong());
            for f in &hit.explanation {
                let colour = match f.outcome {
                    Outcome::Match => ok_colour(dark),
                    Outcome::Mismatch => bad_colour(dark),
                    Outcome::Partial => ui.visuals().warn_fg_color,
                    Outcome::NotCompared => ui.visuals().weak_text_color(),
                };
                ui.colored_label(colour, format!("{} {}: {}", f.outcome.symbol(), f.aspect, f.detail));
            }
            ui.label(format!("Action: {}", hit.action));
        }
    });
    commands
}

/// The confirmation step, first in the detail view: nobody acts on an INTERPOL hit alone.
fn confirmation_ui(
    ui: &mut egui::Ui,
    group: &HitGroup,
    confirmations: &HashMap<String, Confirmation>,
    dark: bool,
    confirm_label: &str,
    commands: &mut Vec<Command>,
) {
    let head = group.headline();
    if let Some(owner) = &head.owner {
        let warning = "WARNING: Not confirmed — do not act on this hit alone";
        match confirmations.get(&head.record_id) {
            Some(c) if c.is_confirmed() => {
                ui.colored_label(ok_colour(dark), c.status_line(Instant::now()));
            }
            Some(c) if c.is_pending() => {
                ui.label(c.status_line(Instant::now()));
                ui.colored_label(ui.visuals().warn_fg_color, warning);
            }
            Some(c) => {
                // NOT the same person, or no reply yet: the warning stays; "no reply" may be asked again.
                ui.colored_label(bad_colour(dark), c.status_line(Instant::now()));
                if c.can_ask_again() {
                    ui.colored_label(ui.visuals().warn_fg_color, warning);
                    let text = format!("Ask {owner} again (request #{}) ({confirm_label})", c.requests + 1);
                    if ui.button(text).clicked() {
                        commands.push(Command::RequestConfirmation);
                    }
                }
            }
            None => {
                ui.colored_label(ui.visuals().warn_fg_color, warning);
                if ui.button(format!("Request confirmation from owning country {owner} ({confirm_label})")).clicked() {
                    commands.push(Command::RequestConfirmation);
                }
            }
        }
    }
}

pub fn decision_ui(ui: &mut egui::Ui, remark: &mut String, decided: Option<Decision>) -> Vec<Command> {
    let mut commands = Vec::new();
    ui.horizontal_wrapped(|ui| {
        ui.strong("Decision:");
        for d in Decision::ALL {
            let shortcut = super::shortcuts::label_for(ui.ctx(), &Command::Decide(d));
            let button =
                egui::Button::new(format!("{} ({shortcut})", d.label())).selected(decided == Some(d)).min_size(egui::vec2(0.0, 26.0));
            if ui.add(button).clicked() {
                commands.push(Command::Decide(d));
            }
        }
        let l = ui.label("Remark");
        ui.add(egui::TextEdit::singleline(remark).desired_width(220.0)).labelled_by(l.id);
    });
    commands
}
