use std::io::{BufRead, BufWriter, Write};
use std::path::PathBuf;

use clap::Args;

use super::{Reported, SearchArgs, load_engine};
use crate::query::QueryInput;
use crate::query::report::QueryReport;

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
    // Only a regular file: a directory reads "Is a directory" forever, a FIFO or device hangs.
    if !std::fs::metadata(&args.queries).is_ok_and(|m| m.is_file()) {
        eprintln!("{}: not a regular file", args.queries.display());
        return Err(Reported);
    }
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
    // The same desk as the terminal and `query`: one rule for what the officer sees.
    let mut booth = crate::booth::Booth::new(engine, std::sync::Arc::new(|| {}));
    booth.officer = "batch".into();
    let (sim, options) = (args.search.sim(), args.search.options());
    let mut failures = 0usize;
    let mut queried = 0usize;
    let mut reader = std::io::BufReader::new(file);
    let mut raw = Vec::new();
    let mut line_no = 0usize;
    loop {
        raw.clear();
        match reader.read_until(b'\n', &mut raw) {
            Ok(0) => break,
            Ok(_) => {}
            Err(e) => {
                eprintln!("{}:{}: cannot read: {e}", args.queries.display(), line_no + 1);
                return Err(Reported);
            }
        }
        line_no += 1;
        // A line that is not UTF-8 gets an error line of its own, so output stays aligned.
        let Ok(line) = std::str::from_utf8(&raw) else {
            failures += 1;
            let message = format!("{}:{line_no}: line is not UTF-8 text", args.queries.display());
            if writeln!(out, "{}", serde_json::json!({ "line": line_no, "error": message })).is_err() {
                eprintln!("cannot write output");
                return Err(Reported);
            }
            continue;
        };
        let line = line.trim_end_matches(['\n', '\r']).trim_start_matches('\u{feff}');
        if line.trim().is_empty() {
            continue;
        }
        let reply = match serde_json::from_str::<QueryInput>(line) {
            Err(e) => {
                failures += 1;
                let id = serde_json::from_str::<serde_json::Value>(line)
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
                    let error = match &mrz {
                        Some(Err(e)) => format!("unreadable MRZ: {e}"),
                        _ => "nothing to query".into(),
                    };
                    serde_json::json!({ "id": input.id, "line": line_no, "error": error, "issues": issues })
                } else {
                    queried += 1;
                    booth.new_traveller();
                    // A batch has no link to wait for: a query missing INTERPOL is reported as
                    // incomplete in its line, not queued for a re-run.
                    booth.queued.clear();
                    booth.submit(query, &sim, options, String::new());
                    booth.wait(chrono::Local::now());
                    let Some(run) = booth.current.as_ref() else { continue };
                    let mut v = serde_json::to_value(QueryReport::new(input.id.clone(), run)).unwrap_or_default();
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
    if queried == 0 && failures > 0 {
        // Nothing at all could be queried: that is an input error, not a result.
        return Err(Reported);
    }
    Ok(())
}
