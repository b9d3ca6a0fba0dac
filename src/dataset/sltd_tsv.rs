//! SLTD at national scale lives in a tab-separated sidecar file (`sltd_file` in the dataset):
//! ten million lines parse in about a second on two cores, where RON would take a minute.
//! Columns: id, number, country, kind (P/I/V/R/O), fraud (StolenBlank | LostByBearer |
//! StolenFromBearer | Revoked), reporting_country, reported (YYYY-MM-DD).

use std::collections::HashSet;
use std::io::Write;
use std::path::Path;

use super::file_format::SltdRow;
use super::progress::LoadProgress;
use super::validate::MAX_FIELD_BYTES;
use super::{Problem, ProblemSeverity};
use crate::domain::{Country, DocumentKind, FraudType, SltdTable, parse_iso_date};
use crate::hashing::{sort_by_hash, stable_hash};

pub const HEADER: &str = "id\tnumber\tcountry\tkind\tfraud\treporting_country\treported";
const COLUMNS: [&str; 7] = ["id", "number", "country", "kind", "fraud", "reporting_country", "reported"];
/// Enough to fix a file; a completely wrong file would otherwise list millions.
const MAX_PROBLEMS: usize = 500;

pub fn write_sltd_tsv(rows: &[SltdRow], mut out: impl Write) -> std::io::Result<()> {
    writeln!(out, "{HEADER}")?;
    for r in rows {
        writeln!(out, "{}\t{}\t{}\t{}\t{:?}\t{}\t{}", r.id, r.number, r.country, r.kind.code(), r.fraud, r.reporting_country, r.reported)?;
    }
    Ok(())
}

fn fraud(s: &str) -> Option<FraudType> {
    Some(match s {
        "StolenBlank" => FraudType::StolenBlank,
        "LostByBearer" => FraudType::LostByBearer,
        "StolenFromBearer" => FraudType::StolenFromBearer,
        "Revoked" => FraudType::Revoked,
        _ => return None,
    })
}

struct Chunk {
    table: SltdTable,
    /// The file line of each row, for reporting duplicates.
    lines: Vec<u32>,
    /// (hash of the id, row), for finding duplicate ids.
    id_hashes: Vec<(u64, u32)>,
    problems: Vec<Problem>,
}

fn kind(code: &str) -> Option<DocumentKind> {
    match code {
        "P" => Some(DocumentKind::Passport),
        "I" => Some(DocumentKind::IdCard),
        "V" => Some(DocumentKind::Visa),
        "R" => Some(DocumentKind::ResidencePermit),
        "O" => Some(DocumentKind::Other),
        _ => DocumentKind::parse(code),
    }
}

/// Parses whole lines; rows are numbered from 0 within the chunk (the caller renumbers them once
/// chunks are joined). Allocation-free per line: ten million lines must take about a second.
fn parse_chunk(text: &str, first_line: usize, file: &str, progress: &LoadProgress<'_>) -> Chunk {
    let rows = text.len() / 56;
    let mut chunk = Chunk {
        table: SltdTable::with_capacity(rows),
        lines: Vec::with_capacity(rows),
        id_hashes: Vec::with_capacity(rows),
        problems: Vec::new(),
    };
    let mut reported_bytes = 0;
    for (n, line) in text.lines().enumerate() {
        let line_no = first_line + n;
        if n % PROGRESS_EVERY == PROGRESS_EVERY - 1 {
            let at = line.as_ptr() as usize - text.as_ptr() as usize;
            progress.advance("SLTD file", (at - reported_bytes) as u64);
            reported_bytes = at;
        }
        if line.is_empty() {
            continue;
        }
        let mut fields = [""; 7];
        let mut count = 0;
        for field in line.split('\t') {
            if count < 7 {
                fields[count] = field;
            }
            count += 1;
        }
        let problems = &mut chunk.problems;
        let mut problem = |col: usize, message: String| {
            if problems.len() < MAX_PROBLEMS {
                let column = fields.iter().take(col).map(|f| f.chars().count() + 1).sum::<usize>() + 1;
                problems.push(Problem {
                    severity: ProblemSeverity::Error,
                    file: file.to_owned(),
                    line: line_no,
                    column,
                    record: Some(fields[0].to_owned()),
                    field: Some(COLUMNS[col.min(6)].to_owned()),
                    message,
                });
            }
        };
        if count != 7 {
            problem(count.min(6), format!("expected 7 tab-separated columns ({HEADER}), found {count}"));
            continue;
        }
        let country = Country::parse(fields[2]).map_err(|e| problem(2, e.to_string())).ok();
        let kind = kind(fields[3]).or_else(|| {
            problem(3, format!("unknown document kind {:?} (P, I, V, R or O)", fields[3]));
            None
        });
        let fraud = fraud(fields[4]).or_else(|| {
            problem(4, format!("unknown fraud type {:?} (StolenBlank, LostByBearer, StolenFromBearer, Revoked)", fields[4]));
            None
        });
        let reporting = Country::parse(fields[5]).map_err(|e| problem(5, e.to_string())).ok();
        let reported = parse_iso_date(fields[6]).or_else(|| {
            problem(6, format!("invalid date {:?} (expected YYYY-MM-DD with a real calendar day)", fields[6]));
            None
        });
        if fields[0].is_empty() {
            problem(0, "record id is empty".into());
            continue;
        }
        if fields[1].is_empty() {
            problem(1, "must not be empty".into());
            continue;
        }
        if let Some((col, field)) = fields.iter().enumerate().take(2).find(|(_, f)| f.len() > MAX_FIELD_BYTES) {
            problem(col, format!("value is {} bytes long; at most {MAX_FIELD_BYTES} are accepted", field.len()));
            continue;
        }
        if let (Some(country), Some(kind), Some(fraud), Some(reporting), Some(reported)) = (country, kind, fraud, reporting, reported) {
            chunk.id_hashes.push((stable_hash(fields[0].bytes()), chunk.table.len() as u32));
            chunk.table.push_parts(fields[0], fields[1], country, kind, fraud, reporting, reported);
            chunk.lines.push(line_no as u32);
        }
    }
    progress.advance("SLTD file", (text.len() - reported_bytes) as u64);
    chunk
}

/// Lines between two progress reports.
const PROGRESS_EVERY: usize = 1_000_000;

/// A read sidecar, with what the loader needs to check its ids against the RON file's.
#[derive(Debug, Default)]
pub struct SltdSidecar {
    pub table: SltdTable,
    /// (hash of the id, row), sorted.
    pub id_hashes: Vec<(u64, u32)>,
    /// The file line of each row.
    pub lines: Vec<u32>,
}

/// Largest SLTD sidecar read (10 million rows take about 600 MB).
pub const MAX_SLTD_BYTES: u64 = 4 * 1024 * 1024 * 1024;

/// Reads the sidecar on two threads; every problem names file, line, column, record and field.
pub fn read_sltd_tsv(path: &Path, progress: &LoadProgress<'_>) -> Result<SltdSidecar, Vec<Problem>> {
    let file = path.display().to_string();
    let fail = |line, message: String| vec![Problem::file_error(&file, line, message)];
    // Capped while reading, regular files only (a device or FIFO named here must not hang the load).
    // Reading counts as work of its own (the parse is counted by the caller): the bar moves
    // while gigabytes come off the disk instead of standing still.
    progress.expect(std::fs::metadata(path).map_or(0, |m| m.len()));
    let bytes = super::safe_read::read_regular_reporting(path, MAX_SLTD_BYTES, |n| progress.advance("reading the SLTD file", n))
        .map_err(|e| fail(0, format!("cannot read SLTD file: {e}")))?;
    let text = String::from_utf8(bytes).map_err(|e| {
        fail(1 + e.as_bytes()[..e.utf8_error().valid_up_to()].iter().filter(|&&b| b == b'\n').count(), "not UTF-8 text".into())
    })?;
    let Some((header, body)) = text.split_once('\n') else {
        return if text.trim() == HEADER { Ok(SltdSidecar::default()) } else { Err(fail(1, format!("missing header line: {HEADER}"))) };
    };
    if header.trim_end_matches('\r') != HEADER {
        // The line itself is not echoed: a path that slipped through must not print a file's contents.
        return Err(fail(1, format!("the first line is not the SLTD header {HEADER:?}")));
    }
    progress.advance("SLTD file", header.len() as u64 + 1);
    // Split at a line boundary near the middle and parse both halves at once. The second half's
    // rows are numbered after the first half's, which is only known at the end, so its hashes
    // are renumbered then.
    // Searched as bytes: the middle byte may fall inside a multi-byte character.
    let mid = body.len() / 2;
    let cut = body.as_bytes()[mid..].iter().position(|&c| c == b'\n').map_or(body.len(), |p| mid + p + 1);
    let (a, b) = body.split_at(cut);
    let b_first_line = 2 + a.bytes().filter(|&c| c == b'\n').count();
    let (first, second) = std::thread::scope(|s| {
        let second =
            std::thread::Builder::new().name("sltd-reader".into()).spawn_scoped(s, || parse_chunk(b, b_first_line, &file, progress));
        let first = parse_chunk(a, 2, &file, progress);
        (first, second.map(std::thread::ScopedJoinHandle::join))
    });
    drop(text);
    let Ok(Ok(mut second)) = second else { return Err(fail(0, "SLTD reader crashed".into())) };
    let offset = first.table.len() as u32;
    second.id_hashes.iter_mut().for_each(|h| h.1 += offset);
    let mut problems = first.problems;
    problems.extend(second.problems);
    let mut table = first.table;
    table.append(second.table);
    let mut lines = first.lines;
    lines.extend(second.lines);
    let mut hashes = first.id_hashes;
    hashes.extend(second.id_hashes);
    // Duplicate ids, found by sorting id hashes (a set of ten million strings would cost a gigabyte).
    sort_by_hash(&mut hashes);
    let mut reported = HashSet::new();
    for w in hashes.windows(2) {
        if w[0].0 == w[1].0
            && table.id(w[0].1 as usize) == table.id(w[1].1 as usize)
            && reported.insert(w[1].1)
            && problems.len() < MAX_PROBLEMS
        {
            problems.push(Problem {
                severity: ProblemSeverity::Error,
                file: file.clone(),
                line: lines[w[1].1 as usize] as usize,
                column: 1,
                record: Some(table.id(w[1].1 as usize).to_owned()),
                field: Some("id".into()),
                message: "duplicate id in the SLTD file".into(),
            });
        }
    }
    if problems.is_empty() { Ok(SltdSidecar { table, id_hashes: hashes, lines }) } else { Err(problems) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_rows_and_reports_bad_fields_with_positions() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.tsv");
        std::fs::write(&path, format!("{HEADER}\nS1\tAB123\tUTO\tP\tStolenBlank\tUTO\t2024-01-02\nS2\tCD456\tQQQ\tP\tLost\tFRA\t2024-02-30\nS1\tEF789\tFRA\tI\tRevoked\tFRA\t2020-01-01\n")).unwrap();
        let problems = read_sltd_tsv(&path, &LoadProgress::silent()).unwrap_err();
        let msgs: Vec<String> = problems.iter().map(ToString::to_string).collect();
        assert!(msgs.iter().any(|m| m.contains(":3:10:") && m.contains("`country`")), "{msgs:#?}");
        assert!(msgs.iter().any(|m| m.contains(":3:") && m.contains("`fraud`")), "{msgs:#?}");
        assert!(msgs.iter().any(|m| m.contains(":3:") && m.contains("`reported`")), "{msgs:#?}");
        assert!(msgs.iter().any(|m| m.contains(":4:1:") && m.contains("duplicate")), "{msgs:#?}");
        std::fs::write(&path, format!("{HEADER}\nS1\tAB123\tUTO\tP\tStolenBlank\tUTO\t2024-01-02\n")).unwrap();
        let table = read_sltd_tsv(&path, &LoadProgress::silent()).unwrap().table;
        assert_eq!(table.get(0).number, "AB123");
    }

    #[test]
    fn a_multibyte_character_in_the_middle_of_the_file_is_no_problem() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.tsv");
        // Pad until the middle of the body falls inside a two-byte character.
        let row = |i: usize| format!("SÉÉÉÉÉÉÉÉ-{i}\tAB{i}\tUTO\tP\tStolenBlank\tUTO\t2024-01-02\n");
        let mut pad = String::new();
        let body = loop {
            let body: String = std::iter::once(pad.clone()).chain((0..9).map(row)).collect();
            if !body.is_char_boundary(body.len() / 2) {
                break body;
            }
            pad = format!("P{}\tX1\tUTO\tP\tLostByBearer\tUTO\t2024-01-02\n", "x".repeat(pad.len() % 7 + 1));
        };
        std::fs::write(&path, format!("{HEADER}\n{body}")).unwrap();
        let read = read_sltd_tsv(&path, &LoadProgress::silent()).unwrap();
        assert_eq!(read.table.len(), 10);
        assert_eq!(read.table.id(9), "SÉÉÉÉÉÉÉÉ-8");
    }
}
