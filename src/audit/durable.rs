//! The on-disk audit trail: one JSON record per line, each carrying the hash of the previous
//! record, flushed and fsynced before it counts as recorded. Tampering breaks the chain; a
//! write torn by a crash leaves a partial last line, which is reported and set aside, never
//! silently dropped.

use std::fs::{File, OpenOptions};
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::entry::AuditEntry;
use super::key::AuditKey;

const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

#[derive(Debug, Clone, Serialize, Deserialize)]
struct Record {
    seq: u64,
    prev: String,
    entry: AuditEntry,
    hash: String,
    /// HMAC-SHA256 of `hash` under the installation key (see `key`); empty when written
    /// without one.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    mac: String,
}

fn record_hash(seq: u64, prev: &str, entry: &AuditEntry) -> String {
    let body = serde_json::to_string(entry).unwrap_or_default();
    let mut h = Sha256::new();
    h.update(seq.to_le_bytes());
    h.update(prev.as_bytes());
    h.update(body.as_bytes());
    super::key::hex(&h.finalize())
}

/// What reading a log found.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct VerifyReport {
    pub entries: Vec<AuditEntry>,
    /// A partial last line (a write cut short by a crash): its line number and byte length.
    pub torn_tail: Option<(usize, usize)>,
    /// The first line whose record is unreadable or whose hash chain breaks (tampering).
    pub broken_at: Option<(usize, String)>,
    /// The last record is complete but the file does not end with its newline: the next write
    /// would join onto it, so it is reported (and repaired when the log is opened).
    pub missing_final_newline: bool,
    /// The hash of the last good record: the chain head. Written into exports and shown in the
    /// terminal, it lets `audit verify --head` detect a truncated file.
    pub head: String,
    /// Whether every record's MAC was checked against the installation key.
    pub mac_checked: bool,
}

impl VerifyReport {
    pub fn is_intact(&self) -> bool {
        self.torn_tail.is_none() && self.broken_at.is_none() && !self.missing_final_newline
    }
}

#[derive(Debug, thiserror::Error)]
pub enum AuditFileError {
    #[error("{file}: {source}")]
    Io { file: String, source: std::io::Error },
    #[error("{file}:{line}: audit chain broken ({reason}); the log may have been tampered with")]
    Broken { file: String, line: usize, reason: String },
}

/// Reads and checks a log file without changing it (the chain only; see `verify_audit_file_with`).
pub fn verify_audit_file(path: &Path) -> Result<VerifyReport, AuditFileError> {
    verify_audit_file_with(path, None)
}

/// Reads and checks a log file; with the installation key, every record's MAC too.
pub fn verify_audit_file_with(path: &Path, key: Option<&AuditKey>) -> Result<VerifyReport, AuditFileError> {
    let io = |source| AuditFileError::Io { file: path.display().to_string(), source };
    let bytes = std::fs::read(path).map_err(io)?;
    let mut report = VerifyReport::default();
    let mut prev = GENESIS.to_owned();
    if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        // The writer never writes one: an editor saved the file.
        report.broken_at = Some((1, "the file starts with a byte-order mark (saved by an editor?)".into()));
        report.head = prev;
        return Ok(report);
    }
    let ends_with_newline = bytes.last() == Some(&b'\n');
    let lines: Vec<&[u8]> = bytes.split(|&b| b == b'\n').collect();
    let count = lines.len() - usize::from(ends_with_newline || bytes.is_empty());
    for (i, line) in lines.iter().take(count).enumerate() {
        let n = i + 1;
        let last = n == count;
        let parsed = std::str::from_utf8(line).ok().and_then(|l| serde_json::from_str::<Record>(l).ok());
        match parsed {
            None if last && !ends_with_newline => {
                report.torn_tail = Some((n, line.len()));
            }
            None => {
                report.broken_at = Some((n, "unreadable record".into()));
                break;
            }
            Some(r) => {
                if r.prev != prev || r.hash != record_hash(r.seq, &r.prev, &r.entry) || r.seq != i as u64 + 1 {
                    report.broken_at = Some((n, "hash chain mismatch".into()));
                    break;
                }
                if let Some(key) = key
                    && !key.verifies(&r.hash, &r.mac)
                {
                    let why = if r.mac.is_empty() {
                        "record has no MAC: written before this installation had an audit key, or rewritten without it"
                    } else {
                        "MAC does not match the installation key: rewritten by someone without the key?"
                    };
                    report.broken_at = Some((n, why.to_owned()));
                    break;
                }
                // Only the exact bytes the writer wrote: a reformatted line or one with extra
                // fields verifies as nothing, even if its hash still matches.
                if serde_json::to_string(&r).ok().as_deref().map(str::as_bytes) != Some(*line) {
                    report.broken_at = Some((n, "record not in the writer's exact form (reformatted or extra fields)".into()));
                    break;
                }
                if last && !ends_with_newline {
                    report.missing_final_newline = true;
                }
                prev = r.hash;
                report.entries.push(r.entry);
            }
        }
    }
    report.head = prev;
    report.mac_checked = key.is_some();
    Ok(report)
}

/// An append-only audit log file.
pub struct DurableAuditLog {
    path: PathBuf,
    file: File,
    seq: u64,
    prev: String,
    key: Option<AuditKey>,
}

/// What opening an existing log found (shown to the user once).
#[derive(Debug, Clone, Default)]
pub struct OpenReport {
    pub entries: usize,
    /// Where a torn tail was moved to, if there was one.
    pub torn_tail_saved_to: Option<PathBuf>,
    /// A damaged log set aside (new name, line, reason); a new chain was started.
    pub set_aside: Option<(PathBuf, usize, String)>,
    /// The chain head after opening (the last record's hash).
    pub head: String,
}

/// `FILE.kind`, or `FILE.kind.1`, `.2`… : the first name not taken.
fn free_name(path: &Path, kind: &str) -> PathBuf {
    let first = path.with_extension(kind);
    if !first.exists() {
        return first;
    }
    (1..100_000).map(|n| path.with_extension(format!("{kind}.{n}"))).find(|p| !p.exists()).unwrap_or(first)
}

impl DurableAuditLog {
    /// Opens or creates the log. A torn last line is moved to `FILE.torn` and reported; a broken
    /// chain is an error (the caller starts a new file and tells the officer).
    pub fn open(path: &Path) -> Result<(Self, OpenReport), AuditFileError> {
        Self::open_with_key(path, None)
    }

    /// `open`, with every record MACed under `key` (and an existing log checked against it: a
    /// log with a record the key does not verify is set aside like a broken chain).
    pub fn open_with_key(path: &Path, key: Option<AuditKey>) -> Result<(Self, OpenReport), AuditFileError> {
        let io = |source| AuditFileError::Io { file: path.display().to_string(), source };
        let mut report = OpenReport::default();
        let (mut seq, mut prev) = (0, GENESIS.to_owned());
        if path.exists() {
            let found = verify_audit_file_with(path, key.as_ref())?;
            if let Some((line, reason)) = found.broken_at {
                // The promise: keep saving. The damaged file is set aside untouched and a new
                // chain starts whose first record names it and its last good hash.
                let aside = free_name(path, "damaged");
                std::fs::rename(path, &aside).map_err(io)?;
                let (mut log, mut fresh) = Self::open_with_key(path, key)?;
                let note = AuditEntry::note(
                    chrono::Local::now(),
                    "audit-writer",
                    0,
                    format!(
                        "audit log continued: {} set aside (chain broken at line {line}: {reason}); its last good hash {}",
                        aside.display(),
                        found.head
                    ),
                );
                log.append(&note)?;
                fresh.set_aside = Some((aside, line, reason));
                log.head().clone_into(&mut fresh.head);
                return Ok((log, fresh));
            }
            if let Some((_, torn_len)) = found.torn_tail {
                let bytes = std::fs::read(path).map_err(io)?;
                let keep = bytes.len() - torn_len;
                // A second torn tail never overwrites the first one's copy.
                let saved = free_name(path, "torn");
                std::fs::write(&saved, &bytes[keep..]).map_err(io)?;
                let f = OpenOptions::new().write(true).open(path).map_err(io)?;
                f.set_len(keep as u64).map_err(io)?;
                f.sync_all().map_err(io)?;
                report.torn_tail_saved_to = Some(saved);
            }
            if found.missing_final_newline {
                let mut f = OpenOptions::new().append(true).open(path).map_err(io)?;
                f.write_all(b"\n").map_err(io)?;
                f.sync_all().map_err(io)?;
            }
            let file = File::open(path).map_err(io)?;
            for line in BufReader::new(file).lines() {
                let line = line.map_err(io)?;
                if let Ok(r) = serde_json::from_str::<Record>(&line) {
                    seq = r.seq;
                    prev = r.hash;
                }
            }
            report.entries = found.entries.len();
        }
        let file = OpenOptions::new().create(true).append(true).open(path).map_err(io)?;
        report.head.clone_from(&prev);
        Ok((Self { path: path.to_path_buf(), file, seq, prev, key }, report))
    }

    /// Appends one entry; returns its sequence number once it is on disk (flushed and fsynced).
    pub fn append(&mut self, entry: &AuditEntry) -> Result<u64, AuditFileError> {
        let seq = self.seq + 1;
        let hash = record_hash(seq, &self.prev, entry);
        let mac = self.key.as_ref().map(|k| k.mac(&hash)).unwrap_or_default();
        let record = Record { seq, prev: self.prev.clone(), entry: entry.clone(), hash: hash.clone(), mac };
        let mut line = serde_json::to_string(&record).unwrap_or_default();
        line.push('\n');
        let io = |source| AuditFileError::Io { file: self.path.display().to_string(), source };
        self.file.write_all(line.as_bytes()).map_err(io)?;
        self.file.flush().map_err(io)?;
        self.file.sync_data().map_err(io)?;
        self.seq = seq;
        self.prev = hash;
        Ok(seq)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The chain head: the hash of the last record written (shown in the terminal and written
    /// into exports, for `audit verify --head`).
    pub fn head(&self) -> &str {
        &self.prev
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(n: u64) -> AuditEntry {
        AuditEntry { sources: "National ok".into(), ..AuditEntry::note(chrono::Local::now(), "officer-1", n, format!("query {n}")) }
    }

    #[test]
    fn appends_verify_and_tampering_is_detected() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("audit.jsonl");
        let (mut log, _) = DurableAuditLog::open(&path).unwrap();
        for n in 1..=5 {
            assert_eq!(log.append(&entry(n)).unwrap(), n);
        }
        drop(log);
        let (mut log, report) = DurableAuditLog::open(&path).unwrap();
        assert_eq!(report.entries, 5);
        assert_eq!(log.append(&entry(6)).unwrap(), 6, "sequence continues after reopening");
        assert!(verify_audit_file(&path).unwrap().is_intact());
        let text = std::fs::read_to_string(&path).unwrap().replace("query 3", "query 9");
        std::fs::write(&path, text).unwrap();
        let report = verify_audit_file(&path).unwrap();
        assert_eq!(report.broken_at.map(|b| b.0), Some(3));
        // Opening it keeps the promise: the damaged file is set aside and saving goes on.
        let (mut log, opened) = DurableAuditLog::open(&path).unwrap();
        let (aside, line, _) = opened.set_aside.expect("the damaged file is set aside");
        assert_eq!(line, 3);
        assert!(aside.exists() && std::fs::read_to_string(&aside).unwrap().contains("query 9"), "kept untouched");
        log.append(&entry(7)).unwrap();
        let fresh = verify_audit_file(&path).unwrap();
        assert!(fresh.is_intact());
        assert!(fresh.entries[0].summary.contains("set aside") && fresh.entries[0].summary.contains("last good hash"));
        assert_eq!(fresh.entries.len(), 2);
    }

    #[test]
    fn a_missing_final_newline_and_reformatted_lines_are_reported() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("audit.jsonl");
        let (mut log, _) = DurableAuditLog::open(&path).unwrap();
        log.append(&entry(1)).unwrap();
        log.append(&entry(2)).unwrap();
        drop(log);
        let text = std::fs::read_to_string(&path).unwrap();
        std::fs::write(&path, text.trim_end()).unwrap();
        let report = verify_audit_file(&path).unwrap();
        assert!(report.missing_final_newline && !report.is_intact(), "not intact without its newline");
        let (mut log, _) = DurableAuditLog::open(&path).unwrap();
        log.append(&entry(3)).unwrap();
        assert!(verify_audit_file(&path).unwrap().is_intact(), "repaired: the next record did not join onto the last");
        // The same record with a space added, or an extra field, is not the writer's line.
        let text = std::fs::read_to_string(&path).unwrap();
        std::fs::write(&path, text.replacen("{\"seq\":1,", "{\"seq\": 1,", 1)).unwrap();
        assert!(verify_audit_file(&path).unwrap().broken_at.is_some_and(|b| b.0 == 1 && b.1.contains("exact form")));
        std::fs::write(&path, text.replacen("{\"seq\":1,", "{\"x\":0,\"seq\":1,", 1)).unwrap();
        assert!(verify_audit_file(&path).unwrap().broken_at.is_some());
        // The head names the last record: a truncated copy has another head.
        std::fs::write(&path, &text).unwrap();
        let full = verify_audit_file(&path).unwrap().head;
        let cut: String = text.lines().take(2).flat_map(|l| [l, "\n"]).collect();
        std::fs::write(&path, cut).unwrap();
        let truncated = verify_audit_file(&path).unwrap();
        assert!(truncated.is_intact() && truncated.head != full, "only the head tells a truncation");
    }

    #[test]
    fn a_rechained_edit_is_caught_by_the_installation_key() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("audit.jsonl");
        let key = AuditKey::from_bytes([42; 32]);
        let (mut log, _) = DurableAuditLog::open_with_key(&path, Some(key.clone())).unwrap();
        for n in 1..=3 {
            log.append(&entry(n)).unwrap();
        }
        let head = log.head().to_owned();
        drop(log);
        let checked = verify_audit_file_with(&path, Some(&key)).unwrap();
        assert!(checked.is_intact() && checked.mac_checked && checked.head == head);
        // Someone edits record 2 and recomputes the whole SHA-256 chain, as anyone can.
        let mut prev = GENESIS.to_owned();
        let mut out = String::new();
        for line in std::fs::read_to_string(&path).unwrap().lines() {
            let mut r: Record = serde_json::from_str(line).unwrap();
            if r.seq == 2 {
                r.entry.summary = "nothing happened".into();
            }
            r.prev = prev.clone();
            r.hash = record_hash(r.seq, &r.prev, &r.entry);
            prev = r.hash.clone();
            out.push_str(&serde_json::to_string(&r).unwrap());
            out.push('\n');
        }
        std::fs::write(&path, out).unwrap();
        assert!(verify_audit_file(&path).unwrap().is_intact(), "the chain alone cannot tell");
        let with_key = verify_audit_file_with(&path, Some(&key)).unwrap();
        assert_eq!(with_key.broken_at.map(|b| b.0), Some(2), "the key can");
        // A log written without a key does not pass as keyed either.
        let plain = dir.path().join("plain.jsonl");
        let (mut log, _) = DurableAuditLog::open(&plain).unwrap();
        log.append(&entry(1)).unwrap();
        drop(log);
        assert!(verify_audit_file_with(&plain, Some(&key)).unwrap().broken_at.is_some_and(|b| b.1.contains("no MAC")));
    }

    #[test]
    fn a_torn_tail_is_reported_and_set_aside() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("audit.jsonl");
        let (mut log, _) = DurableAuditLog::open(&path).unwrap();
        log.append(&entry(1)).unwrap();
        drop(log);
        let mut f = OpenOptions::new().append(true).open(&path).unwrap();
        f.write_all(b"{\"seq\":2,\"prev\":\"ab").unwrap();
        drop(f);
        let report = verify_audit_file(&path).unwrap();
        assert_eq!(report.torn_tail.map(|t| t.0), Some(2));
        assert_eq!(report.entries.len(), 1);
        let (mut log, opened) = DurableAuditLog::open(&path).unwrap();
        let first = opened.torn_tail_saved_to.expect("set aside");
        assert_eq!(log.append(&entry(2)).unwrap(), 2);
        assert!(verify_audit_file(&path).unwrap().is_intact());
        drop(log);
        // A second crash: its torn tail goes to a new file, the first copy stays.
        let mut f = OpenOptions::new().append(true).open(&path).unwrap();
        f.write_all(b"{\"seq\":3,\"pr").unwrap();
        drop(f);
        let (_, opened) = DurableAuditLog::open(&path).unwrap();
        let second = opened.torn_tail_saved_to.expect("set aside again");
        assert_ne!(first, second);
        assert_eq!(std::fs::read(&first).unwrap(), b"{\"seq\":2,\"prev\":\"ab");
    }
}
