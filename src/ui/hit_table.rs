//! The combined, ranked hit groups: one row per subject, virtualised with `body.rows`.

use crate::engine::{HitGroup, SourceId};
use egui_extras::{Column, TableBuilder};

use super::command::Command;
use super::theme::{severity_colour, severity_icon};

pub fn hit_table_ui(
    ui: &mut egui::Ui,
    groups: &[HitGroup],
    selected: Option<usize>,
    confirmations: &std::collections::HashMap<String, crate::booth::Confirmation>,
    dark: bool,
    compact: bool,
) -> Vec<Command> {
    let mut commands = Vec::new();
    // Record over subject, and the action wrapped on up to three lines, so the table stays
    // readable at 1366 px with the form and the detail panel open.
    let row_height = ui.text_style_height(&egui::TextStyle::Body) * 3.0 + 8.0;
    // The record column takes a share of a wide screen (1920 px) instead of a laptop's width.
    let record_width = (ui.available_width() * 0.3).clamp(200.0, 420.0);
    let mut table = TableBuilder::new(ui)
        .id_salt("hits")
        .striped(true)
        .sense(egui::Sense::click())
        .column(Column::exact(90.0))
        .column(Column::exact(42.0))
        // Compact (presenter mode on a narrow projector): the record and action columns give way
        // and the sources column goes (the source cards above say who answered what).
        .column(Column::initial(if compact { 120.0 } else { record_width }).at_least(if compact { 110.0 } else { 140.0 }).clip(true));
    if !compact {
        table = table.column(Column::exact(96.0));
    }
    table
        .column(Column::remainder().at_least(if compact { 100.0 } else { 120.0 }).clip(true))
        .header(22.0, |mut header| {
            let titles: &[&str] = if compact {
                &["Severity", "Score", "Record", "Action"]
            } else {
                &["Severity", "Score", "Record — who matched", "Source(s)", "Recommended action"]
            };
            for title in titles {
                header.col(|ui| {
                    ui.strong(*title);
                });
            }
        })
        .body(|body| {
            body.rows(row_height, groups.len(), |mut row| {
                let i = row.index();
                let group = &groups[i];
                let head = group.headline();
                row.set_selected(selected == Some(i));
                row.col(|ui| {
                    // On the selected (blue) row, red on blue is hard to read from the back of
                    // a room: the word goes bold white (dark theme) or black (light theme) there;
                    // the icon still tells the level.
                    let text = egui::RichText::new(format!("{} {}", severity_icon(group.severity), group.severity.label()));
                    let text = if selected == Some(i) {
                        text.color(if dark { egui::Color32::WHITE } else { egui::Color32::BLACK }).strong()
                    } else {
                        text.color(severity_colour(group.severity, dark))
                    };
                    ui.label(text);
                });
                row.col(|ui| {
                    ui.label(group.score.to_string());
                });
                row.col(|ui| {
                    ui.vertical(|ui| {
                        let more = if group.hits.len() > 1 { format!(" (+{})", group.hits.len() - 1) } else { String::new() };
                        ui.label(format!("{} {}{more}", head.database, head.record_id))
                            .on_hover_text(format!("{} {}", head.database, head.record_id));
                        ui.label(egui::RichText::new(&head.subject).weak());
                    });
                });
                if !compact {
                    row.col(|ui| {
                        let names: Vec<&str> = group.sources.iter().map(|s| s.short()).collect();
                        ui.label(if group.sources.len() == SourceId::ALL.len() { "Both sources".to_owned() } else { names.join("+") });
                    });
                }
                row.col(|ui| {
                    // The first instruction; the rest is on hover and in the detail panel.
                    let first = group.action.split(';').next().unwrap_or_default();
                    // A pending or answered confirmation request shows in the row itself.
                    let status = confirmations.get(&head.record_id).map(|c| c.status_line(std::time::Instant::now()));
                    ui.vertical(|ui| {
                        ui.add(egui::Label::new(first).wrap()).on_hover_text(&group.action);
                        if let Some(status) = status {
                            ui.add(egui::Label::new(egui::RichText::new(status).small().italics()).truncate());
                        }
                    });
                });
                if row.response().clicked() {
                    commands.push(Command::SelectGroup(i));
                }
            });
        });
    commands
}
