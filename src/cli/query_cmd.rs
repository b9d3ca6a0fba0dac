use clap::Args;

use super::{Reported, SearchArgs, load_engine};
use crate::query::input::{DocumentInput, PersonInput, QueryInput, VehicleInput};
use crate::query::report::QueryReport;

#[derive(Debug, Args)]
pub struct QueryArgs {
    #[command(flatten)]
    pub search: SearchArgs,
    /// Document number.
    #[arg(long)]
    pub doc: Option<String>,
    /// Document type (P, I, V, R).
    #[arg(long)]
    pub doc_type: Option<String>,
    /// Issuing country (ICAO alpha-3 or alpha-2).
    #[arg(long)]
    pub country: Option<String>,
    #[arg(long)]
    pub expiry: Option<String>,
    #[arg(long)]
    pub family: Option<String>,
    #[arg(long)]
    pub given: Option<String>,
    /// Date of birth: YYYY, YYYY-MM or YYYY-MM-DD.
    #[arg(long)]
    pub dob: Option<String>,
    #[arg(long)]
    pub sex: Option<String>,
    #[arg(long)]
    pub nationality: Option<String>,
    #[arg(long)]
    pub plate: Option<String>,
    #[arg(long)]
    pub vin: Option<String>,
    /// MRZ lines (newline-separated or run together); fills fields not typed.
    #[arg(long)]
    pub mrz: Option<String>,
    /// Print JSON instead of a table.
    #[arg(long)]
    pub json: bool,
}

impl QueryArgs {
    fn input(&self) -> QueryInput {
        let s = |o: &Option<String>| o.clone().unwrap_or_default();
        let document = self.doc.as_ref().map(|n| DocumentInput {
            number: n.clone(),
            kind: s(&self.doc_type),
            country: s(&self.country),
            expiry: s(&self.expiry),
        });
        let person = (self.family.is_some() || self.given.is_some()).then(|| PersonInput {
            family_name: s(&self.family),
            given_names: s(&self.given),
            date_of_birth: s(&self.dob),
            sex: s(&self.sex),
            nationality: s(&self.nationality),
        });
        let vehicle = (self.plate.is_some() || self.vin.is_some()).then(|| VehicleInput { plate: s(&self.plate), vin: s(&self.vin) });
        // A shell passes `\n` typed inside quotes as two characters: it separates MRZ lines too.
        let mrz = self.mrz.as_ref().map(|m| m.replace("\\n", "\n"));
        QueryInput { id: None, document, person, vehicle, mrz }
    }
}

/// Exit code 0 with a complete result, 3 when a source did not answer, 1 on bad input.
pub fn run(args: &QueryArgs) -> std::process::ExitCode {
    match query(args) {
        Ok(true) => std::process::ExitCode::SUCCESS,
        Ok(false) => std::process::ExitCode::from(3),
        Err(Reported) => std::process::ExitCode::from(1),
    }
}

/// Runs the query through the booth (the same desk as the terminal); Ok(complete).
fn query(args: &QueryArgs) -> Result<bool, Reported> {
    let (input, mrz) = crate::document_reading::fill_from_mrz(&args.input(), chrono::Local::now().date_naive());
    let mut remark = String::new();
    match &mrz {
        Some(Err(e)) => {
            eprintln!("error: mrz: {e}");
            if input.document.is_none() && input.person.is_none() && input.vehicle.is_none() {
                return Err(Reported);
            }
        }
        Some(Ok(r)) => {
            for c in r.checks.iter().filter(|c| c.status == crate::document_reading::CheckStatus::Failed) {
                eprintln!("DOCUMENT CHECK: {}: {}", c.check, c.detail);
                remark.push_str(&format!("{}: {}; ", c.check, c.detail));
            }
        }
        None => {}
    }
    let (query, issues) = input.to_query();
    for issue in &issues {
        eprintln!("warning: {}: {}", issue.field, issue.message);
    }
    if query.is_empty() {
        eprintln!("error: nothing to query: give --doc, --family/--given, --plate/--vin or --mrz");
        return Err(Reported);
    }
    let engine = load_engine(args.search.dataset.as_ref())?;
    let mut booth = crate::booth::Booth::new(engine, std::sync::Arc::new(|| {}));
    booth.officer = "cli".into();
    booth.submit(query, &args.search.sim(), args.search.options(), remark.trim_end_matches("; ").to_owned());
    booth.wait(chrono::Local::now());
    let Some(run) = booth.current.as_ref() else { return Err(Reported) };
    let report = QueryReport::new(None, run);
    let complete = report.complete;
    if args.json {
        println!("{}", serde_json::to_string_pretty(&report).unwrap_or_default());
        return Ok(complete);
    }
    println!("Query: {}", run.query.summary());
    for s in &report.sources {
        let reason = s.reason.as_deref().map(|r| format!(" ({r})")).unwrap_or_default();
        println!("  {:<9} {:<8} {:>5} ms  {} hit(s){reason}", s.source.short(), s.status, s.latency_ms, s.hits);
    }
    if report.hits.is_empty() {
        if complete {
            println!("No hits in either database.");
        } else {
            println!("No hits from the sources that answered — result incomplete.");
        }
        return Ok(complete);
    }
    println!("{:<4} {:<9} {:<9} {:<18} {:<16} {:>5}  SUBJECT / ACTION", "#", "SEVERITY", "SOURCE", "DATABASE", "RECORD", "SCORE");
    let mut last_group = 0;
    for h in &report.hits {
        // Hits are grouped per subject, as in the terminal's table.
        if h.group != last_group {
            last_group = h.group;
            println!("── subject {} ──", h.group);
        }
        println!(
            "{:<4} {:<9} {:<9} {:<18} {:<16} {:>5}  {}",
            h.rank,
            h.severity.label(),
            h.source.short(),
            h.database,
            h.record_id,
            h.score,
            h.subject
        );
        println!("{:>69}→ {}", "", h.action);
        if let Some(owner) = &h.owner {
            println!("{:>71}owner (confirms): {owner}", "");
        }
        if !h.charges.is_empty() {
            println!("{:>71}charges: {}", "", h.charges.join("; "));
        }
        for e in &h.explanation {
            println!("{:>71}{e}", "");
        }
    }
    if !complete {
        println!(
            "RESULT INCOMPLETE: {} did not answer in full — do not read this as all clear.",
            report.incomplete_sources.iter().map(|s| s.short()).collect::<Vec<_>>().join(" and ")
        );
    }
    Ok(complete)
}
