use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

use clap::{Args, Subcommand};
use serde::Deserialize;

use super::Reported;
use crate::audit::Decision;
use crate::engine::Engine;
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
        /// JSONL, one line per traveller: {"traveller":"A1","decision":"Detain","confirmation_requested":true,"seconds":42};
        /// for a scenario with a passenger list, also {"stop_before_landing":[1,2]} (list positions).
        #[arg(long)]
        decisions: PathBuf,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DecisionLine {
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
            check_references(&s, file)?;
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
            let text = crate::dataset::safe_read::read_text(decisions, crate::dataset::safe_read::MAX_SCENARIO_BYTES).map_err(|e| {
                eprintln!("{}: {e}", decisions.display());
                Reported
            })?;
            let by_traveller = read_decisions(&text, &decisions.display().to_string(), &scenario)?;
            let engine = engine_for(&scenario)?;
            let mut booth = crate::booth::Booth::new(engine, Arc::new(|| {}));
            booth.officer = "scenario".into();
            let base = crate::sim::SimSettings::instant(1);
            let t0 = Instant::now();
            let mut clock = t0;
            // The exercise runs at the booth, as in the terminal: the booth tells it what each
            // query found; the replayed decisions are recorded as the trainee made them.
            booth.training = Some(TrainingSession::new(scenario, "cli", t0));
            if booth.training.as_ref().is_some_and(TrainingSession::before_landing) {
                for position in read_stops(&text, &decisions.display().to_string())? {
                    if !booth.mark_for_stop(position.wrapping_sub(1), true) {
                        eprintln!("{}: stop_before_landing: {position} is not a position on the passenger list", decisions.display());
                        return Err(Reported);
                    }
                }
                booth.land(clock, chrono::Local::now());
            }
            let today = chrono::Local::now().date_naive();
            while let Some(traveller) = booth.training.as_ref().and_then(TrainingSession::current).cloned() {
                let (input, mrz) = crate::document_reading::fill_from_mrz(&traveller.presents, today);
                if let Some(Err(e)) = &mrz {
                    eprintln!("{}: traveller {}: unreadable MRZ: {e}", file.display(), traveller.id);
                }
                let (query, _) = input.to_query();
                let sim = booth.training.as_ref().map_or(base, |s| s.sim_for_current(&base));
                booth.new_traveller();
                booth.submit(query, &sim, crate::engine::MatchOptions::default(), String::new());
                booth.wait(chrono::Local::now());
                let Some(session) = booth.training.as_mut() else { break };
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
            let Some(session) = booth.training.take() else { return Err(Reported) };
            let debrief = session.debrief();
            let totals = debrief.totals();
            if *json {
                println!(
                    "{}",
                    serde_json::json!({ "title": debrief.title, "totals": totals, "rows": debrief.rows, "pre_arrival": debrief.pre_arrival })
                );
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
                    // The teaching note, as in --json and the HTML debrief: the lesson is the point.
                    if !r.teaching_note.is_empty() {
                        println!("{:>14}{}", "", r.teaching_note);
                    }
                    for (d, note) in &r.also_accepted {
                        println!("{:>14}also right: {} — {note}", "", d.label());
                    }
                }
                for line in debrief.pre_arrival_summary().into_iter().flatten() {
                    println!("{line}");
                }
                println!(
                    "correct {}/{} · missed threats {} · false alarms {} · detained without confirmation {} · not reached {}",
                    totals.correct,
                    totals.travellers,
                    totals.missed_threats,
                    totals.false_alarms,
                    totals.detained_unconfirmed,
                    totals.not_reached
                );
            }
            Ok(())
        }
    }
}

/// Longest time a decision may take in a decisions file (a day; more is a typing error).
const MAX_DECISION_SECONDS: f64 = 86_400.0;

/// The decisions file, one line per traveller: an unknown traveller, a repeated one or a time
/// that is not a number of seconds up to a day is an error naming its line.
pub fn read_decisions(text: &str, file: &str, scenario: &crate::training::Scenario) -> Result<HashMap<String, DecisionLine>, Reported> {
    let fill = scenario.random_fill.map_or(0, |f| f.count.min(crate::training::scenario::MAX_RANDOM_FILL));
    let mut known: std::collections::HashSet<String> = scenario.travellers.iter().map(|t| t.id.clone()).collect();
    known.extend((1..=fill).map(|k| format!("R{k}")));
    let mut by_traveller: HashMap<String, DecisionLine> = HashMap::new();
    for (n, line) in text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty() && !is_stop_line(l)) {
        let fail = |message: String| {
            eprintln!("{file}:{}: {message}", n + 1);
            Reported
        };
        let d: DecisionLine = serde_json::from_str(line).map_err(|e| fail(format!("{}: {e}", e.column())))?;
        if let Some(s) = d.seconds
            && !(s.is_finite() && (0.0..=MAX_DECISION_SECONDS).contains(&s))
        {
            return Err(fail(format!("seconds: {s} is not between 0 and {MAX_DECISION_SECONDS}")));
        }
        if !known.contains(&d.traveller) {
            return Err(fail(format!("traveller {:?} is not in the scenario", crate::csv_text::shorten(&d.traveller, 40))));
        }
        if by_traveller.contains_key(&d.traveller) {
            return Err(fail(format!("traveller {:?} is decided twice", d.traveller)));
        }
        by_traveller.insert(d.traveller.clone(), d);
    }
    Ok(by_traveller)
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct StopLine {
    stop_before_landing: Vec<usize>,
}

fn is_stop_line(line: &str) -> bool {
    line.trim_start().starts_with("{\"stop_before_landing\"")
}

/// The passenger-list positions (1-based) the replayed trainee marked before landing.
fn read_stops(text: &str, file: &str) -> Result<Vec<usize>, Reported> {
    let mut stops = Vec::new();
    for (n, line) in text.lines().enumerate().filter(|(_, l)| is_stop_line(l)) {
        let s: StopLine = serde_json::from_str(line).map_err(|e| {
            eprintln!("{file}:{}: {}: {e}", n + 1, e.column());
            Reported
        })?;
        stops.extend(s.stop_before_landing);
    }
    Ok(stops)
}

/// The records a scenario refers to (expected hits, `record:ID` faces) exist in its dataset,
/// and the dataset itself loads; each miss is an error naming the traveller.
fn check_references(s: &Scenario, file: &std::path::Path) -> Result<(), Reported> {
    let loaded = match &s.dataset {
        DatasetRef::Builtin => crate::demo::demo_dataset(),
        DatasetRef::Path(p) => {
            let base = s.base_dir.clone().unwrap_or_default();
            let path = crate::dataset::safe_read::resolve_inside(&base, p).map_err(|e| {
                eprintln!("{}: dataset: {e}", file.display());
                Reported
            })?;
            crate::dataset::load::load_dataset_file(&path).map_err(|e| {
                eprintln!("{}: dataset {}: {e}", file.display(), path.display());
                Reported
            })?
        }
    };
    let d = &loaded.dataset;
    let mut ids: std::collections::HashSet<&str> = std::collections::HashSet::new();
    ids.extend(d.national.persons.iter().map(|r| r.id.as_str()));
    ids.extend(d.national.documents.iter().map(|r| r.id.as_str()));
    ids.extend(d.national.vehicles.iter().map(|r| r.id.as_str()));
    ids.extend(d.interpol.notices.iter().map(|r| r.id.as_str()));
    ids.extend((0..d.interpol.sltd.len()).map(|i| d.interpol.sltd.id(i)));
    ids.extend(d.interpol.tdawn.iter().map(|r| r.id.as_str()));
    ids.extend(d.interpol.smv.iter().map(|r| r.id.as_str()));
    let mut missing = 0;
    for t in &s.travellers {
        let face = t.photo.as_deref().and_then(|p| p.strip_prefix("record:"));
        for id in t.expected_hits.iter().map(String::as_str).chain(face) {
            if !ids.contains(id) {
                eprintln!(
                    "{}: traveller {}: record {:?} is not in the scenario's dataset",
                    file.display(),
                    t.id,
                    crate::csv_text::shorten(id, 60)
                );
                missing += 1;
            }
        }
    }
    if missing == 0 { Ok(()) } else { Err(Reported) }
}
