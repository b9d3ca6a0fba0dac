//! What persists across restarts, and the simulation settings window.

use std::path::PathBuf;

use crate::engine::{MatchOptions, SourceId};
use crate::sim::{Fault, SimSettings};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    pub sim: SimSettings,
    pub threshold: u8,
    pub dark: bool,
    pub recent: Vec<PathBuf>,
    /// Passenger lists opened lately (File → Recent passenger lists).
    pub recent_manifests: Vec<PathBuf>,
    pub officer: String,
    /// How long the simulated owning country takes to answer a confirmation request.
    pub confirmation_delays: crate::booth::ConfirmationDelays,
    /// Workshop demo on a projector: light high-contrast theme, larger type, audit trail folded.
    pub presenter: bool,
    /// Zoom in presenter mode (1.25–2.0), remembered.
    pub presenter_zoom: f32,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            sim: SimSettings::default(),
            threshold: MatchOptions::default().threshold,
            dark: true,
            recent: Vec::new(),
            recent_manifests: Vec::new(),
            officer: "officer-1".into(),
            confirmation_delays: crate::booth::ConfirmationDelays::default(),
            presenter: false,
            presenter_zoom: 1.5,
        }
    }
}

impl Settings {
    pub fn options(&self) -> MatchOptions {
        MatchOptions { threshold: self.threshold, ..MatchOptions::default() }
    }

    pub fn remember(&mut self, path: PathBuf) {
        remember_in(&mut self.recent, path);
    }

    pub fn remember_manifest(&mut self, path: PathBuf) {
        remember_in(&mut self.recent_manifests, path);
    }
}

/// Most recent first, each once, eight at most.
fn remember_in(list: &mut Vec<PathBuf>, path: PathBuf) {
    list.retain(|p| p != &path);
    list.insert(0, path);
    list.truncate(8);
}

pub fn settings_window(ctx: &egui::Context, open: &mut bool, settings: &mut Settings) {
    egui::Window::new("Simulation settings (F2)").open(open).resizable(false).show(ctx, |ui| {
        ui.horizontal(|ui| {
            let l = ui.label("Officer");
            ui.add(egui::TextEdit::singleline(&mut settings.officer).desired_width(140.0)).labelled_by(l.id);
        });
        ui.horizontal(|ui| {
            let l = ui.label("Confirmation reply within (s, compressed time)");
            ui.add(egui::DragValue::new(&mut settings.confirmation_delays.min_s).range(0..=3600)).labelled_by(l.id);
            let max_floor = settings.confirmation_delays.min_s;
            let l = ui.label("to");
            ui.add(egui::DragValue::new(&mut settings.confirmation_delays.max_s).range(max_floor..=7200)).labelled_by(l.id);
        });
        ui.horizontal(|ui| {
            let l = ui.label("Random seed");
            ui.add(egui::DragValue::new(&mut settings.sim.seed)).labelled_by(l.id);
        });
        ui.horizontal(|ui| {
            let l = ui.label("Hit threshold");
            ui.add(egui::Slider::new(&mut settings.threshold, 40..=100)).labelled_by(l.id);
        });
        ui.checkbox(&mut settings.dark, "Dark theme");
        ui.horizontal(|ui| {
            ui.checkbox(&mut settings.sim.local_copy.enabled, "Local SLTD copy (MIND) while INTERPOL is down; age (h)");
            ui.add(egui::DragValue::new(&mut settings.sim.local_copy.age_hours).range(0..=240));
        });
        for source in SourceId::ALL {
            ui.separator();
            ui.strong(source.label());
            let p = settings.sim.profile_mut(source);
            egui::Grid::new(("net", source as u8)).num_columns(2).show(ui, |ui| {
                let name = source.short();
                let l = ui.label("Latency mean (ms)");
                ui.add(egui::DragValue::new(&mut p.latency_mean_ms).range(0..=30_000)).labelled_by(l.id);
                ui.end_row();
                let l = ui.label("Latency spread (ms)");
                ui.add(egui::DragValue::new(&mut p.latency_spread_ms).range(0..=30_000)).labelled_by(l.id);
                ui.end_row();
                let l = ui.label("Timeout (ms)");
                ui.add(egui::DragValue::new(&mut p.timeout_ms).range(100..=60_000)).labelled_by(l.id);
                ui.end_row();
                let l = ui.label("Error rate");
                ui.add(egui::Slider::new(&mut p.error_rate, 0.0..=1.0)).labelled_by(l.id);
                ui.end_row();
                ui.label("Link");
                ui.checkbox(&mut p.offline, format!("{name} offline"));
                ui.end_row();
                ui.label("Injected fault");
                ui.horizontal(|ui| {
                    ui.selectable_value(&mut p.fault, Fault::None, "none");
                    ui.selectable_value(&mut p.fault, Fault::Hang, "hang");
                    ui.selectable_value(&mut p.fault, Fault::Panic, "crash");
                });
                ui.end_row();
            });
        }
    });
}
