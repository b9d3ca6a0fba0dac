//! One card per source, each changing state on its own as its answer arrives.

use std::time::Instant;

use crate::engine::SourceId;
use crate::query::{QueryRun, SourceState};

use super::theme::{bad_colour, ok_colour};

pub fn source_cards_ui(ui: &mut egui::Ui, run: Option<&QueryRun>, dark: bool) {
    ui.horizontal(|ui| {
        for source in SourceId::ALL {
            egui::Frame::group(ui.style()).inner_margin(8.0).show(ui, |ui| {
                // Two cards side by side share the width (a projector at 1024 px and zoom 1.5
                // leaves about 420 points); wrapped text rather than a card cut off.
                ui.set_min_width(((ui.available_width() - 24.0) / 2.0).clamp(160.0, 260.0));
                ui.vertical(|ui| {
                    ui.strong(source.label());
                    let (text, colour) = match run.map(|r| r.state(source)) {
                        None => ("idle — no query yet".to_owned(), ui.visuals().weak_text_color()),
                        Some(SourceState::Pending) => {
                            let elapsed = run.map_or(0.0, |r| Instant::now().duration_since(r.started).as_secs_f32());
                            (format!("... waiting {elapsed:.1} s"), ui.visuals().text_color())
                        }
                        Some(SourceState::Answered { hits, latency }) => {
                            (format!("OK answered in {} ms, {} hit(s)", latency.as_millis(), hits.len()), ok_colour(dark))
                        }
                        Some(SourceState::Failed { reason, after }) => {
                            (format!("FAILED after {} ms: {reason}", after.as_millis()), bad_colour(dark))
                        }
                        Some(SourceState::TimedOut { after }) => {
                            (format!("TIMED OUT after {:.1} s", after.as_secs_f32()), bad_colour(dark))
                        }
                        Some(SourceState::Offline) => ("OFFLINE — link down".to_owned(), bad_colour(dark)),
                        Some(SourceState::LocalCopy { hits, age_hours }) => (
                            format!("OFFLINE — SLTD from local copy ({age_hours} h old), {} hit(s); query queued", hits.len()),
                            bad_colour(dark),
                        ),
                    };
                    ui.colored_label(colour, text);
                });
            });
        }
    });
}

/// The two link lights in the title bar area, visible from across the room.
pub fn link_lights_ui(ui: &mut egui::Ui, national_up: bool, interpol_up: bool, dark: bool) {
    for (name, up) in [("National", national_up), ("INTERPOL", interpol_up)] {
        let colour = if up { ok_colour(dark) } else { bad_colour(dark) };
        ui.colored_label(colour, format!("{name} {}", if up { "link up" } else { "link DOWN" }));
        let (rect, _) = ui.allocate_exact_size(egui::vec2(14.0, 14.0), egui::Sense::hover());
        ui.painter().circle_filled(rect.center(), 6.0, colour);
    }
}
