use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

use clap::{Args, Subcommand};
use serde::Deserialize;

use super::Reported;
use crate::audit::Decision;
use crate::engine::Engine;
use crate::query::Dispatcher;
use crate::training::scenario::DatasetRef;
use crate::training::{Scenario, TrainingSession, load_scenario_file};

#[derive(Debug, Args)]
pub struct ScenarioArgs {
    #[command(subcommand)]
    pub what: ScenarioWhat,
}

#[derive(Debug, Subcommand)]
pub enum ScenarioWhat {
    /// Check a scenario file; every problem names file, line, traveller and field.
    Validate { file: PathBuf },
    /// Replay a list of decisions through the scenario (queries, incidents) and print the score.
    Run {
        file: PathBuf,
        /// JSONL, one line per traveller: {"traveller":"A1","decision":"Detain","confirmation_requested":true,"seconds":42}
        #[arg(long)]
        decisions: PathBuf,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct DecisionLine {
    traveller: String,
    decision: Decision,
    #[serde(default)]
    confirmation_requested: bool,
    #[serde(default)]
    seconds: Option<f64>,
    #[serde(default)]
    remark: String,
}

fn load(file: &std::path::Path) -> Result<Scenario, Reported> {
    load_scenario_file(file).map_err(|e| {
        for p in &e.problems {
            eprintln!("{p}");
        }
        Reported
    })
}

pub fn engine_for(scenario: &Scenario) -> Result<Arc<Engine>, Reported> {
    match &scenario.dataset {
        DatasetRef::Builtin => super::load_engine(None),
        DatasetRef::Path(p) => super::load_engine(Some(&scenario.base_dir.clone().unwrap_or_default().join(p))),
    }
}

pub fn run(args: &ScenarioArgs) -> Result<(), Reported> {
    match &args.what {
        ScenarioWhat::Validate { file } => {
            let s = load(file)?;
            println!(
                "{}: valid — \"{}\", {} scripted travellers, {} incident(s)",
                file.display(),
                s.title,
                s.travellers.len(),
                s.incidents.len()
            );
            Ok(())
        }
        ScenarioWhat::Run { file, decisions, json } => {
            let scenario = load(file)?;
            let text = std::fs::read_to_string(decisions).map_err(|e| {
                eprintln!("{}: {e}", decisions.display());
                Reported
            })?;
            let mut by_traveller: HashMap<String, DecisionLine> = HashMap::new();
            for (n, line) in text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
                let d: DecisionLine = serde_json::from_str(line).map_err(|e| {
                    eprintln!("{}:{}:{}: {e}", decisions.display(), n + 1, e.column());
                    Reported
                })?;
                by_traveller.insert(d.traveller.clone(), d);
            }
            let engine = engine_for(&scenario)?;
            let mut dispatcher = Dispatcher::new(Arc::new(|| {}));
            let base = crate::sim::SimSettings::instant(1);
            let t0 = Instant::now();
            let mut clock = t0;
            let mut session = TrainingSession::new(scenario, "cli", t0);
            let today = chrono::Local::now().date_naive();
            while let Some(traveller) = session.current().cloned() {
                let (input, _) = crate::document_reading::fill_from_mrz(&traveller.presents, today);
                let (query, _) = input.to_query();
                let mut run = dispatcher.submit(&engine, query, &session.sim_for_current(&base), crate::engine::MatchOptions::default());
                dispatcher.wait(&mut run);
                session.record_query(run.hits().map(|h| h.record_id.clone()).collect::<Vec<_>>());
                match by_traveller.get(&traveller.id) {
                    Some(d) => {
                        if d.confirmation_requested {
                            session.record_confirmation();
                        }
                        clock += Duration::from_secs_f64(d.seconds.unwrap_or(0.0).max(0.0));
                        session.decide(d.decision, &d.remark, clock);
                    }
                    None => session.skip(clock),
                }
            }
            let debrief = session.debrief();
            let totals = debrief.totals();
            if *json {
                println!("{}", serde_json::json!({ "title": debrief.title, "totals": totals, "rows": debrief.rows }));
            } else {
                println!("{}", debrief.title);
                println!("{:<4} {:<8} {:<20} {:<20} {:>7}  hits found", "#", "ID", "EXPECTED", "DECISION", "OK");
                for r in &debrief.rows {
                    println!(
                        "{:<4} {:<8} {:<20} {:<20} {:>7}  {}/{}",
                        r.number,
                        r.id,
                        r.expected.label(),
                        r.actual.map_or("—", Decision::label),
                        if r.correct() { "yes" } else { "NO" },
                        r.expected_hits_found(),
                        r.expected_hits.len()
                    );
                }
                println!(
                    "correct {}/{} · missed threats {} · false alarms {} · detained without confirmation {}",
                    totals.correct, totals.travellers, totals.missed_threats, totals.false_alarms, totals.detained_unconfirmed
                );
            }
            Ok(())
        }
    }
}
