//! Severity colours, fixed across the app and readable in dark and light themes; never the
//! only signal (every badge also carries a word and an icon).

use crate::engine::Severity;
use egui::Color32;

pub fn severity_colour(severity: Severity, dark: bool) -> Color32 {
    match (severity, dark) {
        (Severity::Critical, true) => Color32::from_rgb(255, 95, 95),
        (Severity::Critical, false) => Color32::from_rgb(190, 20, 20),
        (Severity::High, true) => Color32::from_rgb(255, 170, 60),
        (Severity::High, false) => Color32::from_rgb(180, 95, 0),
        (Severity::Medium, true) => Color32::from_rgb(240, 220, 90),
        (Severity::Medium, false) => Color32::from_rgb(130, 110, 0),
        (Severity::Info, true) => Color32::from_rgb(130, 180, 255),
        (Severity::Info, false) => Color32::from_rgb(20, 80, 170),
    }
}

pub fn severity_icon(severity: Severity) -> &'static str {
    match severity {
        Severity::Critical => "[!!]",
        Severity::High => "[!]",
        Severity::Medium => "[*]",
        Severity::Info => "[i]",
    }
}

pub fn ok_colour(dark: bool) -> Color32 {
    if dark { Color32::from_rgb(110, 220, 120) } else { Color32::from_rgb(20, 130, 40) }
}

pub fn bad_colour(dark: bool) -> Color32 {
    severity_colour(Severity::Critical, dark)
}
