use std::io::{BufRead, BufWriter, Write};
use std::path::PathBuf;

use clap::Args;

use super::{Reported, SearchArgs, load_engine};
use crate::query::report::QueryReport;
use crate::query::{Dispatcher, QueryInput};

#[derive(Debug, Args)]
pub struct BatchArgs {
    #[command(flatten)]
    pub search: SearchArgs,
    /// JSONL file, one query object per line.
    #[arg(long)]
    pub queries: PathBuf,
    /// Output JSONL file (default: standard output).
    #[arg(long)]
    pub out: Option<PathBuf>,
}

pub fn run(args: &BatchArgs) -> Result<(), Reported> {
    let file = std::fs::File::open(&args.queries).map_err(|e| {
        eprintln!("{}: cannot open: {e}", args.queries.display());
        Reported
    })?;
    let engine = load_engine(args.search.dataset.as_ref())?;
    let mut out: Box<dyn Write> = match &args.out {
        Some(path) => Box::new(BufWriter::new(std::fs::File::create(path).map_err(|e| {
            eprintln!("{}: cannot create: {e}", path.display());
            Reported
        })?)),
        None => Box::new(BufWriter::new(std::io::stdout().lock())),
    };
    let mut dispatcher = Dispatcher::new(std::sync::Arc::new(|| {}));
    let (sim, options) = (args.search.sim(), args.search.options());
    let mut failures = 0usize;
    for (n, line) in std::io::BufReader::new(file).lines().enumerate() {
        let line_no = n + 1;
        let line = match line {
            Ok(l) => l,
            Err(e) => {
                eprintln!("{}:{line_no}: cannot read line: {e}", args.queries.display());
                failures += 1;
                continue;
            }
        };
        if line.trim().is_empty() {
            continue;
        }
        let reply = match serde_json::from_str::<QueryInput>(&line) {
            Err(e) => {
                failures += 1;
                let id = serde_json::from_str::<serde_json::Value>(&line)
                    .ok()
                    .and_then(|v| v.get("id").and_then(|i| i.as_str().map(str::to_owned)));
                let message = format!("{}:{line_no}:{}: {e}", args.queries.display(), e.column());
                serde_json::json!({ "id": id, "line": line_no, "error": message })
            }
            Ok(input) => {
                let (input, mrz) = crate::document_reading::fill_from_mrz(&input, chrono::Local::now().date_naive());
                let (query, issues) = input.to_query();
                if query.is_empty() {
                    failures += 1;
                    serde_json::json!({ "id": input.id, "line": line_no, "error": "nothing to query", "issues": issues })
                } else {
                    let mut run = dispatcher.submit(&engine, query, &sim, options);
                    dispatcher.wait(&mut run);
                    let mut v = serde_json::to_value(QueryReport::new(input.id.clone(), &run)).unwrap_or_default();
                    if !issues.is_empty() {
                        v["issues"] = serde_json::to_value(&issues).unwrap_or_default();
                    }
                    match mrz {
                        Some(Ok(r)) => v["document_checks"] = serde_json::to_value(&r.checks).unwrap_or_default(),
                        Some(Err(e)) => v["mrz_error"] = serde_json::Value::String(e.to_string()),
                        None => {}
                    }
                    v
                }
            }
        };
        if writeln!(out, "{reply}").is_err() {
            eprintln!("cannot write output");
            return Err(Reported);
        }
    }
    let _ = out.flush();
    if failures > 0 {
        eprintln!("{failures} line(s) could not be queried (see the error lines)");
    }
    Ok(())
}
