//! The officer terminal (egui). Draws state and turns clicks and keys into `Command`s; all
//! searching, loading and file work happens in the core on worker threads.

pub mod app;
pub mod arrivals;
mod audit_panel;
mod background;
pub mod cases_panel;
pub mod classroom_join;
pub mod classroom_ui;
mod command;
mod hit_detail;
mod hit_table;
mod query_form;
mod settings;
pub mod shortcuts;
mod source_cards;
mod theme;
mod toasts;
pub mod training_panel;

pub use app::TerminalApp;
pub use command::Command;
pub use settings::Settings;

/// Opens the terminal window; blocks until it is closed.
/// A class to join at start (`bordercheck --join URL --code CODE --name NAME`).
pub struct JoinAtStart {
    pub server: String,
    pub code: String,
    pub name: String,
}

pub fn run_terminal(dataset: Option<std::path::PathBuf>, join: Option<JoinAtStart>) -> Result<(), String> {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_inner_size([1366.0, 800.0])
            .with_min_inner_size([900.0, 560.0])
            .with_title("Bordercheck"),
        ..Default::default()
    };
    eframe::run_native(
        "Bordercheck",
        options,
        Box::new(move |cc| {
            let mut app = TerminalApp::new(cc, dataset);
            if let Some(j) = join {
                app.join_class(&j.server, &j.code, &j.name);
            }
            Ok(Box::new(app))
        }),
    )
    .map_err(|e| e.to_string())
}
