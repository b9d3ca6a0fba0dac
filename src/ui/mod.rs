//! The egui terminal.

pub fn run_terminal(_dataset: Option<std::path::PathBuf>) -> Result<(), String> {
    Err("the terminal is being built".into())
}
