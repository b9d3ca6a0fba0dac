use std::io::Write;
use std::path::PathBuf;

use clap::{Args, Subcommand};

use super::Reported;
use crate::audit::AuditEntry;
use crate::audit::durable::{DurableAuditLog, verify_audit_file_with};
use crate::audit::key::{AuditKey, default_key_path};

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
        /// The installation key to check each record's MAC with (default: this installation's
        /// key, if it has one; `BORDERCHECK_AUDIT_KEY` names another).
        #[arg(long)]
        key: Option<PathBuf>,
    },
    /// Append synthetic entries, printing `ack N` after each is fsynced (used by the crash test).
    #[command(hide = true)]
    AppendTest {
        #[arg(long)]
        file: PathBuf,
        #[arg(long, default_value_t = 1000)]
        count: u64,
        /// MAC every record under this key file (made if missing).
        #[arg(long)]
        key: Option<PathBuf>,
    },
}

pub fn run(args: &AuditArgs) -> Result<(), Reported> {
    match &args.what {
        AuditWhat::Verify { file, head, key } => {
            let key_path = key.clone().or_else(|| default_key_path().filter(|p| p.exists()));
            let key = match &key_path {
                Some(p) => Some(AuditKey::load(p).map_err(|e| {
                    eprintln!("{e}");
                    Reported
                })?),
                None => None,
            };
            let report = verify_audit_file_with(file, key.as_ref()).map_err(|e| {
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
            match &key_path {
                Some(p) if report.mac_checked => println!("MACs checked with the key in {}", p.display()),
                _ => println!("MACs not checked: no installation key here (pass --key FILE); an edit with the chain recomputed would pass"),
            }
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
        AuditWhat::AppendTest { file, count, key } => {
            let key = match key {
                Some(p) => Some(AuditKey::load_or_create(p).map_err(|e| {
                    eprintln!("{e}");
                    Reported
                })?),
                None => None,
            };
            let (mut log, _) = DurableAuditLog::open_with_key(file, key).map_err(|e| {
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
