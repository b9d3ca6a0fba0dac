//! Reads a dataset file, reports every problem with its position, and builds the validated model.

use std::ops::Range;
use std::path::{Path, PathBuf};

use rustc_hash::FxHashSet;

use super::file_format::{DatasetFile, FORMAT_VERSION, InterpolFile, NationalFile};
use super::progress::LoadProgress;
use super::record_ids::{SectionIds, common_hashes, merge_sorted};
use super::sections::{split_sections, without_sections};
use super::sltd_tsv::{SltdSidecar, read_sltd_tsv};
use super::source_map::SourceMap;
use super::validate::{PendingProblem, Section, Validator};
use super::{Dataset, Problem, ProblemSeverity};
use crate::domain::{InterpolDatabase, NationalDatabase};
use crate::hashing::stable_hash;

pub use super::validate::MAX_FIELD_BYTES;

/// A dataset that loaded, with the warnings that did not stop it.
#[derive(Debug, Clone)]
pub struct LoadedDataset {
    pub dataset: Dataset,
    pub warnings: Vec<Problem>,
}

#[derive(Debug, Clone, thiserror::Error)]
pub enum DatasetError {
    #[error("cannot read {file}: {message}")]
    Io { file: String, message: String },
    #[error("{file}: {} problem(s); first: {}", problems.len(), problems.first().map(ToString::to_string).unwrap_or_default())]
    Invalid { file: String, problems: Vec<Problem> },
}

impl DatasetError {
    /// Every problem, for the error window and the CLI.
    pub fn problems(&self) -> Vec<Problem> {
        match self {
            Self::Io { file, message } => vec![Problem::file_error(file, 0, message.clone())],
            Self::Invalid { problems, .. } => problems.clone(),
        }
    }
}

/// Largest file we try to parse; beyond this a trainer has almost certainly picked the wrong file.
pub const MAX_DATASET_BYTES: u64 = 4 << 30;

pub fn load_dataset_file(path: &Path) -> Result<LoadedDataset, DatasetError> {
    load_dataset_file_with_progress(path, &LoadProgress::silent())
}

/// `load_dataset_file`, reporting progress as its parts finish (they finish on several threads).
pub fn load_dataset_file_with_progress(path: &Path, progress: &LoadProgress<'_>) -> Result<LoadedDataset, DatasetError> {
    let file = path.display().to_string();
    let io = |message: String| DatasetError::Io { file: file.clone(), message };
    let size = std::fs::metadata(path).map_err(|e| io(e.to_string()))?.len();
    if size > MAX_DATASET_BYTES {
        return Err(io(format!("file is {size} bytes, larger than the {MAX_DATASET_BYTES}-byte limit")));
    }
    let bytes = super::safe_read::read_regular(path, MAX_DATASET_BYTES).map_err(|e| io(e.to_string()))?;
    let text = String::from_utf8(bytes).map_err(|e| {
        let (line, column) = line_col_of_byte(e.as_bytes(), e.utf8_error().valid_up_to());
        DatasetError::Invalid {
            file: file.clone(),
            problems: vec![Problem {
                severity: ProblemSeverity::Error,
                file: file.clone(),
                line,
                column,
                record: None,
                field: None,
                message: "the file is not UTF-8 text (wrong encoding?); save it as UTF-8".into(),
            }],
        }
    })?;
    // A byte-order mark (spreadsheet and Windows editors write one) is accepted and dropped.
    let text = match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_owned(),
        None => text,
    };
    progress.expect(size);
    parse_dataset_with_progress(&text, &file, path.parent().map(Path::to_path_buf), progress)
}

fn line_col_of_byte(bytes: &[u8], offset: usize) -> (usize, usize) {
    let before = &bytes[..offset];
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let col = offset - before.iter().rposition(|&b| b == b'\n').map_or(0, |p| p + 1) + 1;
    (line, col)
}

/// Parses and validates dataset text. `file` is only used in messages; photos resolve against `base_dir`.
pub fn parse_dataset(text: &str, file: &str, base_dir: Option<PathBuf>) -> Result<LoadedDataset, DatasetError> {
    let progress = LoadProgress::silent();
    progress.expect(text.len() as u64);
    parse_dataset_with_progress(text, file, base_dir, &progress)
}

/// `parse_dataset` reporting progress; the caller has counted the text in `progress.expect`.
fn parse_dataset_with_progress(
    text: &str,
    file: &str,
    base_dir: Option<PathBuf>,
    progress: &LoadProgress<'_>,
) -> Result<LoadedDataset, DatasetError> {
    // A large SLTD sidecar is read on its own thread while the RON text is parsed.
    let hinted = sltd_file_hint(text);
    std::thread::scope(|scope| {
        let sidecar = hinted.as_ref().zip(base_dir.as_ref()).and_then(|(name, dir)| {
            // Only a regular file inside the dataset's folder is read, even for the prefetch.
            let path = super::safe_read::resolve_inside(dir, name).ok()?;
            progress.expect(std::fs::metadata(&path).map_or(0, |m| m.len()));
            std::thread::Builder::new().name("load-sltd-file".into()).spawn_scoped(scope, move || read_sltd_tsv(&path, progress)).ok()
        });
        let parsed = parse_ron(text, file, base_dir.as_deref(), progress);
        let sidecar = sidecar.map(|h| h.join().unwrap_or_else(|_| Err(vec![Problem::file_error(file, 0, "the SLTD file reader crashed")])));
        let Parsed { mut dataset, mut problems, declared, ron_ids } = parsed?;
        match (declared, base_dir.as_ref()) {
            (None, _) => {}
            (Some(name), None) => {
                problems.push(sltd_file_error(file, format!("sltd_file {name:?} cannot be resolved: this dataset has no folder")))
            }
            (Some(name), Some(dir)) => match super::safe_read::resolve_inside(dir, &name) {
                Err(message) => problems.push(sltd_file_error(file, message)),
                Ok(path) => {
                    let result = match sidecar {
                        Some(result) if hinted.as_deref() == Some(name.as_str()) => result,
                        _ => {
                            progress.expect(std::fs::metadata(&path).map_or(0, |m| m.len()));
                            read_sltd_tsv(&path, progress)
                        }
                    };
                    match result {
                        Ok(sidecar) => {
                            problems.extend(sidecar_duplicates(&sidecar, &ron_ids, &dataset, &path.display().to_string()));
                            dataset.interpol.sltd.append(sidecar.table);
                        }
                        Err(p) => problems.extend(p),
                    }
                }
            },
        }
        problems.extend(super::demo_cases::check_expected(&dataset, text, file));
        let (errors, warnings): (Vec<_>, Vec<_>) = problems.into_iter().partition(|p| p.severity == ProblemSeverity::Error);
        if errors.is_empty() {
            Ok(LoadedDataset { dataset: Dataset { base_dir, ..dataset }, warnings })
        } else {
            let mut problems = errors;
            problems.extend(warnings);
            Err(DatasetError::Invalid { file: file.to_owned(), problems })
        }
    })
}

/// An error about the `sltd_file` field itself (it has no record to point at).
fn sltd_file_error(file: &str, message: String) -> Problem {
    Problem {
        severity: ProblemSeverity::Error,
        file: file.to_owned(),
        line: 0,
        column: 0,
        record: None,
        field: Some("sltd_file".into()),
        message,
    }
}

/// The `sltd_file` a dataset names, found by a quick text scan so its reading can start early.
fn sltd_file_hint(text: &str) -> Option<String> {
    // From the end: generated national-scale files name it after the notices, near the end.
    let at = text.rfind("sltd_file")?;
    // Not in a comment (`// sltd_file: "/dev/zero"` names nothing).
    let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    if text[line_start..at].contains("//") {
        return None;
    }
    let rest = text[at + "sltd_file".len()..].trim_start().strip_prefix(':')?.trim_start();
    let rest = rest.strip_prefix("Some(").unwrap_or(rest).trim_start().strip_prefix('"')?;
    Some(rest[..rest.find('"')?].to_owned())
}

/// Enough duplicate ids to fix a file; a file that repeats a whole list would otherwise list millions.
const MAX_DUPLICATES_REPORTED: usize = 500;

/// The RON part, validated.
struct Parsed {
    dataset: Dataset,
    problems: Vec<Problem>,
    /// The `sltd_file` the INTERPOL section names.
    declared: Option<String>,
    /// Sorted hashes of every record id in the RON file, for checking the sidecar's ids.
    ron_ids: Vec<u64>,
}

/// One section converted, with its problems (not yet positioned) and its ids.
struct Converted<T> {
    db: T,
    problems: Vec<PendingProblem>,
    ids: SectionIds,
}

fn convert_national(raw: NationalFile, base_dir: Option<&Path>) -> Converted<NationalDatabase> {
    let ids = SectionIds::of(
        raw.persons
            .iter()
            .map(|r| r.id.as_str())
            .chain(raw.documents.iter().map(|r| r.id.as_str()))
            .chain(raw.vehicles.iter().map(|r| r.id.as_str())),
    );
    let mut v = Validator::new(Section::National, &ids, base_dir);
    let db = v.national(raw);
    Converted { db, problems: v.problems, ids }
}

fn convert_interpol(raw: InterpolFile, base_dir: Option<&Path>) -> (Converted<InterpolDatabase>, Option<String>) {
    let declared = raw.sltd_file.clone();
    let ids = SectionIds::of(
        raw.notices
            .iter()
            .map(|r| r.id.as_str())
            .chain(raw.sltd.iter().map(|r| r.id.as_str()))
            .chain(raw.tdawn.iter().map(|r| r.id.as_str()))
            .chain(raw.smv.iter().map(|r| r.id.as_str())),
    );
    let mut v = Validator::new(Section::Interpol, &ids, base_dir);
    let db = v.interpol(raw);
    (Converted { db, problems: v.problems, ids }, declared)
}

fn national_ids(db: &NationalDatabase) -> impl Iterator<Item = &str> {
    db.persons
        .iter()
        .map(|r| r.id.as_str())
        .chain(db.documents.iter().map(|r| r.id.as_str()))
        .chain(db.vehicles.iter().map(|r| r.id.as_str()))
}

fn interpol_ids(db: &InterpolDatabase) -> impl Iterator<Item = &str> {
    db.notices
        .iter()
        .map(|r| r.id.as_str())
        .chain((0..db.sltd.len()).map(|i| db.sltd.id(i)))
        .chain(db.tdawn.iter().map(|r| r.id.as_str()))
        .chain(db.smv.iter().map(|r| r.id.as_str()))
}

/// Every record id of a dataset, both databases (SLTD sidecar included once appended).
pub(super) fn all_ids(dataset: &Dataset) -> impl Iterator<Item = &str> {
    national_ids(&dataset.national).chain(interpol_ids(&dataset.interpol))
}

/// The head of the file (format, name…) without its two sections.
struct Head {
    format: u32,
    name: String,
    description: String,
    post: Option<String>,
    demo_cases: Vec<super::file_format::DemoCaseRow>,
}

type Sections = (Head, Converted<NationalDatabase>, (Converted<InterpolDatabase>, Option<String>));

/// Parses and validates the RON part. Big files are split into their national and INTERPOL
/// sections, each parsed and converted on its own core.
fn parse_ron(text: &str, file: &str, base_dir: Option<&Path>, progress: &LoadProgress<'_>) -> Result<Parsed, DatasetError> {
    const WORTH_IT: usize = 1 << 20;
    // Also for small files: the order of the sections places problems on duplicated ids.
    let layout = split_sections(text);
    let in_parallel = layout
        .as_ref()
        .filter(|_| text.len() >= WORTH_IT)
        .and_then(|(national, interpol)| convert_in_parallel(text, national, interpol, base_dir, progress));
    // Small file, unusual layout, or an error: the single-piece parse gives the canonical error position.
    let (head, national, (interpol, declared)) = if let Some(sections) = in_parallel {
        sections
    } else {
        let raw = ron_options().from_str::<DatasetFile>(text).map_err(|e| DatasetError::Invalid {
            file: file.to_owned(),
            problems: vec![Problem {
                severity: ProblemSeverity::Error,
                file: file.to_owned(),
                line: e.span.start.line,
                column: e.span.start.col,
                record: None,
                field: None,
                message: e.code.to_string(),
            }],
        })?;
        let head = Head { format: raw.format, name: raw.name, description: raw.description, post: raw.post, demo_cases: raw.demo_cases };
        let sections = (head, convert_national(raw.national, base_dir), convert_interpol(raw.interpol, base_dir));
        progress.advance("dataset file read", text.len() as u64);
        sections
    };
    let national_first = layout.as_ref().is_none_or(|(n, i)| n.start < i.start);
    let later = if national_first { Section::Interpol } else { Section::National };
    let mut pending = national.problems;
    pending.extend(interpol.problems);
    // The same id in both sections: reported at its first record in the later section.
    let common = national.ids.common_with(interpol.ids.hashes());
    if !common.is_empty() {
        let common: FxHashSet<u64> = common.into_iter().collect();
        let with_common_hash = |ids: &mut dyn Iterator<Item = &str>| -> Vec<String> {
            ids.filter(|id| common.contains(&stable_hash(id.bytes()))).map(str::to_owned).collect()
        };
        let in_national: FxHashSet<String> = with_common_hash(&mut national_ids(&national.db)).into_iter().collect();
        let mut seen = FxHashSet::default();
        for id in with_common_hash(&mut interpol_ids(&interpol.db)) {
            if seen.len() < MAX_DUPLICATES_REPORTED && in_national.contains(&id) && seen.insert(id.clone()) {
                let message = format!("duplicate id {id:?}: ids must be unique across the whole dataset");
                pending.push(PendingProblem {
                    severity: ProblemSeverity::Error,
                    section: later,
                    id,
                    occurrence: 0,
                    field: "id".into(),
                    message,
                });
            }
        }
    }
    let mut problems = Vec::new();
    if head.format != FORMAT_VERSION {
        let (line, column) = SourceMap::new(text).position(text.find("format").unwrap_or(0));
        problems.push(Problem {
            severity: ProblemSeverity::Error,
            file: file.to_owned(),
            line,
            column,
            record: None,
            field: Some("format".into()),
            message: format!("unsupported format version {} (this build reads version {FORMAT_VERSION})", head.format),
        });
    }
    if !pending.is_empty() {
        // Built only when there is something to place: big clean files never pay for it.
        let map = SourceMap::new(text);
        let earlier = |section: Section, id: &str| match (section == later, later) {
            (false, _) => 0,
            (true, Section::Interpol) => national.ids.count(id),
            (true, Section::National) => interpol.ids.count(id),
        };
        problems.extend(pending.into_iter().map(|p| p.resolve(file, &map, earlier)));
    }
    let ron_ids = merge_sorted(national.ids.hashes(), interpol.ids.hashes());
    let (demo_cases, case_problems) = super::demo_cases::convert(head.demo_cases, text, file);
    problems.extend(case_problems);
    let dataset = Dataset {
        name: head.name,
        description: head.description,
        post: head.post.unwrap_or_else(|| "Border post".into()),
        national: national.db,
        interpol: interpol.db,
        base_dir: None,
        demo_cases,
    };
    Ok(Parsed { dataset, problems, declared, ron_ids })
}

/// Both sections parsed and converted on two threads. None on any parse error.
fn convert_in_parallel(
    text: &str,
    national: &Range<usize>,
    interpol: &Range<usize>,
    base_dir: Option<&Path>,
    progress: &LoadProgress<'_>,
) -> Option<Sections> {
    let rest = without_sections(text, national, interpol);
    // The INTERPOL thread also counts the file's head (name, format…).
    let interpol_bytes = (text.len() - national.len()) as u64;
    std::thread::scope(|s| {
        let national = std::thread::Builder::new()
            .name("load-national".into())
            .spawn_scoped(s, || {
                let converted =
                    ron_options().from_str::<NationalFile>(&text[national.clone()]).ok().map(|raw| convert_national(raw, base_dir));
                progress.advance("national section read", national.len() as u64);
                converted
            })
            .ok()?;
        let interpol = ron_options().from_str::<InterpolFile>(&text[interpol.clone()]).ok().map(|raw| convert_interpol(raw, base_dir));
        progress.advance("INTERPOL section read", interpol_bytes);
        let head = ron_options().from_str::<DatasetFile>(&rest).ok();
        let national = national.join().ok()??;
        let head =
            head.map(|h| Head { format: h.format, name: h.name, description: h.description, post: h.post, demo_cases: h.demo_cases })?;
        Some((head, national, interpol?))
    })
}

/// Sidecar rows whose id is also used in the RON file.
fn sidecar_duplicates(sidecar: &SltdSidecar, ron_ids: &[u64], dataset: &Dataset, file: &str) -> Vec<Problem> {
    let sidecar_hashes: Vec<u64> = sidecar.id_hashes.iter().map(|h| h.0).collect();
    let common: FxHashSet<u64> = common_hashes(ron_ids, &sidecar_hashes).into_iter().collect();
    if common.is_empty() {
        return Vec::new();
    }
    let ron: FxHashSet<&str> = national_ids(&dataset.national)
        .chain(interpol_ids(&dataset.interpol))
        .filter(|id| common.contains(&stable_hash(id.bytes())))
        .collect();
    sidecar
        .id_hashes
        .iter()
        .filter(|(h, row)| common.contains(h) && ron.contains(sidecar.table.id(*row as usize)))
        .take(MAX_DUPLICATES_REPORTED)
        .map(|&(_, row)| Problem {
            severity: ProblemSeverity::Error,
            file: file.to_owned(),
            line: sidecar.lines[row as usize] as usize,
            column: 1,
            record: Some(sidecar.table.id(row as usize).to_owned()),
            field: Some("id".into()),
            message: "duplicate id: the dataset file already has a record with this id".into(),
        })
        .collect()
}

fn ron_options() -> ron::Options {
    ron::Options::default().with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
}
