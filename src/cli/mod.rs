//! The command line: the same core as the terminal, for scripts, CI and trainers' prep work.

mod audit_cmd;
mod batch_cmd;
mod bench_cmd;
#[cfg(feature = "classroom")]
pub mod classroom_cmd;
mod generate_cmd;
mod manifest_cmd;
mod mrz_cmd;
mod progress_lines;
mod query_cmd;
pub mod scenario_cmd;
mod validate_cmd;

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::dataset::LoadedDataset;
use crate::demo::demo_dataset;
use crate::engine::Engine;

#[derive(Debug, Parser)]
#[command(name = "bordercheck", version, about = "Border-checkpoint officer terminal simulator (synthetic data only)")]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// A dataset to open in the terminal (same as `bordercheck open FILE`).
    pub dataset: Option<PathBuf>,
    /// Join the classroom hosted at this address (with --code and --name).
    #[arg(long, requires_all = ["code", "name"])]
    pub join: Option<String>,
    /// The classroom's join code (with --join).
    #[arg(long)]
    pub code: Option<String>,
    /// The officer name to join the classroom under (with --join).
    #[arg(long)]
    pub name: Option<String>,
}

// Parsed once per process: the size of the largest variant (a query's flags) costs nothing.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Open the terminal on a dataset.
    Open { file: PathBuf },
    /// Query both sources once and print the combined hits.
    Query(query_cmd::QueryArgs),
    /// Run many queries from a JSONL file, one answer line per query.
    Batch(batch_cmd::BatchArgs),
    /// Check a dataset file and list every problem with file, line and field.
    Validate { file: PathBuf },
    /// Write a synthetic dataset of any size (or the demo dataset with --demo).
    Generate(generate_cmd::GenerateArgs),
    /// Training scenarios: validate a file, or replay decisions and score them.
    Scenario(scenario_cmd::ScenarioArgs),
    /// The durable audit log: verify a file's hash chain.
    Audit(audit_cmd::AuditArgs),
    /// Pre-arrival screening of a flight's passenger list (PAXLST or CSV), or write a sample one.
    Manifest(manifest_cmd::ManifestArgs),
    /// A classroom: host one over the local network, play a scripted trainee, read or steer it.
    #[cfg(feature = "classroom")]
    Classroom(classroom_cmd::ClassroomArgs),
    /// Benchmarks: engine speed and recall, and the side-by-side peer run.
    Bench(bench_cmd::BenchArgs),
    /// Read an ICAO 9303 MRZ (2 or 3 lines) and show its fields and document checks.
    Mrz {
        /// The MRZ lines (quote each; run-together lines work too).
        #[arg(required = true)]
        lines: Vec<String>,
        #[arg(long)]
        json: bool,
    },
}

/// Options shared by every command that searches.
#[derive(Debug, Args, Clone)]
pub struct SearchArgs {
    /// Dataset file (default: the built-in demo dataset).
    #[arg(long, short = 'd')]
    pub dataset: Option<PathBuf>,
    /// Simulated network latency: off (engine only) or sim (the terminal's default links).
    #[arg(long, value_enum, default_value_t = Latency::Off)]
    pub latency: Latency,
    /// Seed of the simulated network.
    #[arg(long, default_value_t = 2396)]
    pub seed: u64,
    /// Minimum score (0-100) of a person hit.
    #[arg(long)]
    pub threshold: Option<u8>,
    /// Take a link down, as in the terminal's Simulation menu: `national` or `interpol` (may be
    /// given twice). INTERPOL down still checks SLTD against the local copy; the result is
    /// incomplete (JSON `"complete": false`, exit code 3 for `query`).
    #[arg(long, value_enum)]
    pub offline: Vec<Link>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Link {
    National,
    Interpol,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Latency {
    Off,
    Sim,
}

impl SearchArgs {
    pub fn sim(&self) -> crate::sim::SimSettings {
        let mut sim = match self.latency {
            Latency::Off => crate::sim::SimSettings::instant(self.seed),
            Latency::Sim => crate::sim::SimSettings { seed: self.seed, ..Default::default() },
        };
        for link in &self.offline {
            match link {
                Link::National => sim.national.offline = true,
                Link::Interpol => sim.interpol.offline = true,
            }
        }
        sim
    }

    pub fn options(&self) -> crate::engine::MatchOptions {
        let mut o = crate::engine::MatchOptions::default();
        if let Some(t) = self.threshold {
            o.threshold = t.min(100);
        }
        o
    }
}

/// A failure already explained to the user on stderr; maps to exit code 1.
pub struct Reported;

pub fn load_engine(dataset: Option<&PathBuf>) -> Result<Arc<Engine>, Reported> {
    let loaded: LoadedDataset = match dataset {
        None => demo_dataset(),
        Some(path) => progress_lines::load_dataset_reporting(path).map_err(|e| {
            for p in e.problems() {
                eprintln!("{p}");
            }
            Reported
        })?,
    };
    for w in &loaded.warnings {
        eprintln!("{w}");
    }
    Ok(Arc::new(progress_lines::build_engine_reporting(loaded)))
}

/// Runs a CLI command (not the GUI). Exit codes: 0 ok, 1 input error (clap uses 2 for usage),
/// 3 for a `query` whose result is incomplete (a source did not answer).
pub fn run(command: Command) -> ExitCode {
    let result = match command {
        Command::Open { .. } => {
            eprintln!("this build has no terminal window (built without the `gui` feature)");
            Err(Reported)
        }
        Command::Query(args) => return query_cmd::run(&args),
        Command::Batch(args) => batch_cmd::run(&args),
        Command::Bench(args) => bench_cmd::run(&args),
        Command::Audit(args) => audit_cmd::run(&args),
        #[cfg(feature = "classroom")]
        Command::Classroom(args) => classroom_cmd::run(&args),
        Command::Manifest(args) => manifest_cmd::run(&args),
        Command::Scenario(args) => scenario_cmd::run(&args),
        Command::Validate { file } => validate_cmd::run(&file),
        Command::Generate(args) => generate_cmd::run(&args),
        Command::Mrz { lines, json } => mrz_cmd::run(&lines, json),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(Reported) => ExitCode::from(1),
    }
}
