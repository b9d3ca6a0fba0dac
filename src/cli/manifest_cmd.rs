//! `bordercheck manifest`: screen a flight's passenger list before it lands, or write one.

use std::io::Write;
use std::path::PathBuf;
use std::time::Instant;

use clap::{Args, Subcommand};

use super::{Reported, SearchArgs, load_engine};
use crate::manifest::screen::{screen, targeting_list};
use crate::manifest::{Manifest, read_manifest};

#[derive(Debug, Args)]
pub struct ManifestArgs {
    #[command(subcommand)]
    pub what: ManifestWhat,
}

#[derive(Debug, Subcommand)]
pub enum ManifestWhat {
    /// Screen every traveller of a PAXLST (EDIFACT) or CSV manifest against both databases.
    Screen {
        file: PathBuf,
        #[command(flatten)]
        search: SearchArgs,
        /// One JSON line per traveller on standard output instead of the targeting list.
        #[arg(long)]
        json: bool,
        /// Write the JSON lines to this file (the targeting list still prints).
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Write a PAXLST manifest: planted travellers from the demo dataset (under other
    /// spellings, with a companion on the same booking) among random passengers.
    Generate {
        #[arg(long, default_value_t = 1)]
        seed: u64,
        #[arg(long, default_value_t = 180)]
        passengers: usize,
        #[arg(long)]
        out: PathBuf,
    },
}

pub fn run(args: &ManifestArgs) -> Result<(), Reported> {
    match &args.what {
        ManifestWhat::Screen { file, search, json, out } => screen_file(file, search, *json, out.as_ref()),
        ManifestWhat::Generate { seed, passengers, out } => {
            if *passengers > 10_000 {
                eprintln!("error: --passengers {passengers}: at most 10000 on one flight");
                return Err(Reported);
            }
            let text = crate::manifest::paxlst_write::generate(*seed, *passengers);
            std::fs::write(out, text).map_err(|e| {
                eprintln!("{}: cannot write: {e}", out.display());
                Reported
            })?;
            println!("{}: PAXLST with {passengers} passengers", out.display());
            Ok(())
        }
    }
}

fn screen_file(file: &std::path::Path, search: &SearchArgs, json: bool, out: Option<&PathBuf>) -> Result<(), Reported> {
    let (manifest, problems) = read_manifest(file).map_err(|e| {
        eprintln!("{e}");
        Reported
    })?;
    for p in &problems {
        eprintln!("{}: {p}", file.display());
    }
    let engine = load_engine(search.dataset.as_ref())?;
    let started = Instant::now();
    let screened = screen(&engine, &manifest, &search.options());
    let took = started.elapsed();
    let lines: Vec<String> = screened
        .iter()
        .map(|s| {
            serde_json::json!({ "traveller": s.traveller, "hits": s.hits, "companion_of": s.companion_of, "issues": s.issues }).to_string()
        })
        .collect();
    if let Some(path) = out {
        std::fs::write(path, lines.join("\n") + "\n").map_err(|e| {
            eprintln!("{}: cannot write: {e}", path.display());
            Reported
        })?;
    }
    if json {
        let mut stdout = std::io::stdout().lock();
        for l in &lines {
            let _ = writeln!(stdout, "{l}");
        }
    } else {
        print_targeting_list(&manifest, &screened);
    }
    let targets = screened.iter().filter(|s| !s.hits.is_empty()).count();
    eprintln!(
        "{}: flight {} — {} traveller(s) screened in {:.0} ms, {targets} with hits, {} problem(s)",
        file.display(),
        manifest.flight,
        screened.len(),
        took.as_secs_f64() * 1000.0,
        problems.len()
    );
    if problems.iter().any(|p| p.error) && manifest.travellers.is_empty() { Err(Reported) } else { Ok(()) }
}

fn print_targeting_list(manifest: &Manifest, screened: &[crate::manifest::screen::Screened]) {
    println!(
        "Flight {} {} → {} (arrives {}) — targeting list",
        manifest.flight, manifest.departure_port, manifest.arrival_port, manifest.arrival_time
    );
    let list = targeting_list(screened);
    if list.is_empty() {
        println!("  nobody on this flight raises a hit");
    }
    for s in list {
        let t = &s.traveller;
        let what = match s.hits.first() {
            Some(h) => format!("{} {} {} — {}", h.severity.label(), h.database, h.record_id, h.action),
            None => format!(
                "travel companion of #{} (same booking {})",
                s.companion_of.iter().map(|i| (i + 1).to_string()).collect::<Vec<_>>().join(", #"),
                t.booking_ref
            ),
        };
        println!(
            "  #{:<4} {:<28} {:<10} seat {:<4} {what}",
            s.index + 1,
            format!("{}, {}", t.family_name, t.given_names),
            t.document_number,
            t.seat
        );
    }
}
