//! Short notices about background events (dataset loaded, export written, source failed).

use std::time::{Duration, Instant};

pub struct Toast {
    pub text: String,
    pub error: bool,
    until: Instant,
}

#[derive(Default)]
pub struct Toasts {
    items: Vec<Toast>,
}

impl Toasts {
    pub fn info(&mut self, text: impl Into<String>) {
        self.items.push(Toast { text: text.into(), error: false, until: Instant::now() + Duration::from_secs(5) });
    }

    pub fn error(&mut self, text: impl Into<String>) {
        self.items.push(Toast { text: text.into(), error: true, until: Instant::now() + Duration::from_secs(8) });
    }

    pub fn show(&mut self, ctx: &egui::Context, dark: bool) {
        let now = Instant::now();
        self.items.retain(|t| t.until > now);
        if self.items.is_empty() {
            return;
        }
        egui::Area::new(egui::Id::unique("toasts")).anchor(egui::Align2::RIGHT_BOTTOM, [-12.0, -200.0]).show(ctx, |ui| {
            for t in &self.items {
                egui::Frame::popup(ui.style()).show(ui, |ui| {
                    let colour = if t.error { super::theme::bad_colour(dark) } else { ui.visuals().text_color() };
                    ui.colored_label(colour, &t.text);
                });
            }
        });
        if let Some(next) = self.items.iter().map(|t| t.until).min() {
            ctx.request_repaint_after(next.saturating_duration_since(now));
        }
    }
}
