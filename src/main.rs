//! `bordercheck`: the terminal (no arguments, or a dataset path) or a CLI command.

use std::process::ExitCode;

use clap::Parser;

use bordercheck::cli::{Cli, Command};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let join = cli.join.map(|server| (server, cli.code.unwrap_or_default(), cli.name.unwrap_or_default()));
    match cli.command {
        None => start_terminal(cli.dataset, join),
        Some(Command::Open { file }) => start_terminal(Some(file), join),
        Some(command) => bordercheck::cli::run(command),
    }
}

#[cfg(feature = "gui")]
fn start_terminal(dataset: Option<std::path::PathBuf>, join: Option<(String, String, String)>) -> ExitCode {
    let join = join.map(|(server, code, name)| bordercheck::ui::JoinAtStart { server, code, name });
    match bordercheck::ui::run_terminal(dataset, join) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("cannot open the terminal window: {e}");
            ExitCode::from(1)
        }
    }
}

#[cfg(not(feature = "gui"))]
fn start_terminal(_dataset: Option<std::path::PathBuf>, _join: Option<(String, String, String)>) -> ExitCode {
    eprintln!("this build has no terminal window (built without the `gui` feature); see `bordercheck --help`");
    ExitCode::from(2)
}
