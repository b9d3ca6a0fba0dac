use std::io::Write;
use std::path::PathBuf;

use clap::{Args, Subcommand};

use super::Reported;
use crate::audit::AuditEntry;
use crate::audit::durable::{DurableAuditLog, verify_audit_file};

#[derive(Debug, Args)]
pub struct AuditArgs {
    #[command(subcommand)]
    pub what: AuditWhat,
}

#[derive(Debug, Subcommand)]
pub enum AuditWhat {
    /// Check an audit log's hash chain; report tampering and torn (crash-cut) writes.
    Verify {
        file: PathBuf,
        /// The chain head noted earlier (shown in the terminal, written into each CSV export):
        /// a log cut short since then has another head.
        #[arg(long)]
        head: Option<String>,
    },
    /// Append synthetic entries, printing `ack N` after each is fsynced (used by the crash test).
    #[command(hide = true)]
    AppendTest {
        #[arg(long)]
        file: PathBuf,
        #[arg(long, default_value_t = 1000)]
        count: u64,
    },
}

pub fn run(args: &AuditArgs) -> Result<(), Reported> {
    match &args.what {
        AuditWhat::Verify { file, head } => {
            let report = verify_audit_file(file).map_err(|e| {
                eprintln!("{e}");
                Reported
            })?;
            println!("{}: {} intact entries", file.display(), report.entries.len());
            if let Some((line, len)) = report.torn_tail {
                eprintln!("{}:{line}: torn write: the last record is incomplete ({len} bytes), probably cut by a crash", file.display());
            }
            if let Some((line, reason)) = &report.broken_at {
                eprintln!("{}:{line}: {reason}: the log may have been tampered with", file.display());
            }
            if report.missing_final_newline {
                eprintln!("{}: the last record has no final newline (the next write would join onto it)", file.display());
            }
            println!("chain head: {}", report.head);
            let head_ok = head.as_ref().is_none_or(|h| h.trim() == report.head);
            if !head_ok {
                eprintln!(
                    "{}: the chain head is not the one noted ({}): the log was cut short or replaced",
                    file.display(),
                    head.as_deref().unwrap_or_default()
                );
            }
            if report.is_intact() && head_ok { Ok(()) } else { Err(Reported) }
        }
        AuditWhat::AppendTest { file, count } => {
            let (mut log, _) = DurableAuditLog::open(file).map_err(|e| {
                eprintln!("{e}");
                Reported
            })?;
            let stdout = std::io::stdout();
            for n in 1..=*count {
                let summary = format!("synthetic entry {n} {}", "x".repeat(200));
                let entry = AuditEntry { sources: String::new(), ..AuditEntry::note(chrono::Local::now(), "crash-test", n, summary) };
                let seq = log.append(&entry).map_err(|e| {
                    eprintln!("{e}");
                    Reported
                })?;
                let mut out = stdout.lock();
                let _ = writeln!(out, "ack {seq}");
                let _ = out.flush();
            }
            Ok(())
        }
    }
}
