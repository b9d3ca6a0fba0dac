//! The combined, ranked hit groups: one row per subject, virtualised with `body.rows`.

use crate::engine::{HitGroup, SourceId};
use egui_extras::{Column, TableBuilder};

use super::command::Command;
use super::theme::{severity_colour, severity_icon};

pub fn hit_table_ui(ui: &mut egui::Ui, groups: &[HitGroup], selected: Option<usize>, dark: bool) -> Vec<Command> {
    let mut commands = Vec::new();
    TableBuilder::new(ui)
        .id_salt("hits")
        .striped(true)
        .sense(egui::Sense::click())
        .column(Column::exact(90.0))
        .column(Column::exact(100.0))
        .column(Column::initial(150.0).at_least(100.0).clip(true))
        .column(Column::initial(140.0).at_least(90.0).clip(true))
        .column(Column::exact(42.0))
        .column(Column::remainder().at_least(80.0).clip(true))
        .header(22.0, |mut header| {
            for title in ["Severity", "Source(s)", "Database / record", "Who or what matched", "Score", "Recommended action"] {
                header.col(|ui| {
                    ui.strong(title);
                });
            }
        })
        .body(|body| {
            body.rows(24.0, groups.len(), |mut row| {
                let i = row.index();
                let group = &groups[i];
                let head = group.headline();
                row.set_selected(selected == Some(i));
                row.col(|ui| {
                    ui.colored_label(
                        severity_colour(group.severity, dark),
                        format!("{} {}", severity_icon(group.severity), group.severity.label()),
                    );
                });
                row.col(|ui| {
                    let names: Vec<&str> = group.sources.iter().map(|s| s.short()).collect();
                    ui.label(if group.sources.len() == SourceId::ALL.len() { "Both sources".to_owned() } else { names.join("+") });
                });
                row.col(|ui| {
                    let more = if group.hits.len() > 1 { format!(" (+{})", group.hits.len() - 1) } else { String::new() };
                    ui.label(format!("{} {}{more}", head.database, head.record_id))
                        .on_hover_text(format!("{} {}", head.database, head.record_id));
                });
                row.col(|ui| {
                    ui.label(&head.subject);
                });
                row.col(|ui| {
                    ui.label(group.score.to_string());
                });
                row.col(|ui| {
                    ui.label(&group.action).on_hover_text(&group.action);
                });
                if row.response().clicked() {
                    commands.push(Command::SelectGroup(i));
                }
            });
        });
    commands
}
