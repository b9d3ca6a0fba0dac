//! `bordercheck`: the terminal (no arguments, or a dataset path) or a CLI command.

use std::process::ExitCode;

use clap::Parser;

use bordercheck::cli::{Cli, Command};

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        None => start_terminal(cli.dataset),
        Some(Command::Open { file }) => start_terminal(Some(file)),
        Some(command) => bordercheck::cli::run(command),
    }
}

#[cfg(feature = "gui")]
fn start_terminal(dataset: Option<std::path::PathBuf>) -> ExitCode {
    match bordercheck::ui::run_terminal(dataset) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("cannot open the terminal window: {e}");
            ExitCode::from(1)
        }
    }
}

#[cfg(not(feature = "gui"))]
fn start_terminal(_dataset: Option<std::path::PathBuf>) -> ExitCode {
    eprintln!("this build has no terminal window (built without the `gui` feature); see `bordercheck --help`");
    ExitCode::from(2)
}
