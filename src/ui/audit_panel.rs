//! The audit trail of this post, virtualised so 10,000+ rows scroll smoothly.

use crate::audit::AuditLog;
use egui_extras::{Column, TableBuilder};

pub fn audit_panel_ui(ui: &mut egui::Ui, log: &AuditLog) {
    let entries = log.entries();
    TableBuilder::new(ui)
        .id_salt("audit")
        .striped(true)
        .stick_to_bottom(true)
        .column(Column::exact(70.0))
        .column(Column::exact(80.0))
        .column(Column::initial(300.0).clip(true))
        .column(Column::exact(230.0).clip(true))
        .column(Column::exact(40.0))
        .column(Column::initial(260.0).clip(true))
        .column(Column::remainder().at_least(120.0).clip(true))
        .column(Column::exact(60.0))
        .header(20.0, |mut header| {
            for title in ["Time", "Officer", "Query", "Sources", "Hits", "Top hit", "Decision / remark", "Saved"] {
                header.col(|ui| {
                    ui.strong(title);
                });
            }
        })
        .body(|body| {
            body.rows(20.0, entries.len(), |mut row| {
                let index = row.index();
                let e = &entries[index];
                row.col(|ui| {
                    ui.label(e.time.format("%H:%M:%S").to_string());
                });
                row.col(|ui| {
                    ui.label(&e.officer);
                });
                row.col(|ui| {
                    ui.label(&e.summary);
                });
                row.col(|ui| {
                    ui.label(&e.sources);
                });
                row.col(|ui| {
                    ui.label(e.hits.to_string());
                });
                row.col(|ui| {
                    ui.label(&e.top_hit);
                });
                row.col(|ui| {
                    let d = e.decision.map_or("—", |d| d.label());
                    ui.label(if e.remark.is_empty() { d.to_owned() } else { format!("{d} · {}", e.remark) });
                });
                row.col(|ui| {
                    if log.is_recorded(index) {
                        ui.label("on disk");
                    } else {
                        ui.weak("memory");
                    }
                });
            });
        });
}
