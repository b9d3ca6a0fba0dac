//! Scenario files (RON, see docs/scenario-format.md): which dataset, which post, the ordered
//! travellers with their expected decision and teaching note, random fill and timed incidents.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::booth_photo::{PhotoRef, photo_ref};
use crate::audit::Decision;
use crate::dataset::source_map::SourceMap;
use crate::dataset::{Problem, ProblemSeverity};
use crate::engine::SourceId;
use crate::query::QueryInput;

pub const SCENARIO_FORMAT: u32 = 1;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum DatasetRef {
    /// The built-in demo dataset.
    Builtin,
    /// A dataset file, relative to the scenario file.
    Path(String),
}

/// The passenger list of the flight the exercise's travellers arrive on: a pre-arrival phase
/// comes before the desk (see `training::pre_arrival`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum ManifestRef {
    /// One of the sample flights compiled in (`manifest::BUILTIN_MANIFESTS`).
    Builtin(String),
    /// A PAXLST or CSV file inside the scenario's folder.
    Path(String),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum PostType {
    Airport,
    LandBorder,
    Seaport,
}

impl PostType {
    pub fn label(self) -> &'static str {
        match self {
            Self::Airport => "Airport arrivals",
            Self::LandBorder => "Land border post",
            Self::Seaport => "Seaport",
        }
    }
}

/// Something the trainer scripts (or injects live) for a stretch of the queue.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub enum IncidentKind {
    Offline(SourceId),
    /// Latency multiplied by this factor.
    LatencySpike(SourceId, f32),
    /// Share of queries that fail.
    Errors(SourceId, f32),
}

impl IncidentKind {
    pub fn label(self) -> String {
        match self {
            Self::Offline(s) => format!("{} offline", s.short()),
            Self::LatencySpike(s, f) => format!("{} latency ×{f}", s.short()),
            Self::Errors(s, r) => format!("{} errors {:.0}%", s.short(), r * 100.0),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Incident {
    /// 1-based traveller numbers, inclusive.
    pub from_traveller: usize,
    pub to_traveller: usize,
    pub kind: IncidentKind,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScenarioTraveller {
    pub id: String,
    /// What the trainee is told (shown during the run).
    #[serde(default)]
    pub cover_story: String,
    /// What the document and traveller show; `mrz` inside fills the rest.
    pub presents: QueryInput,
    #[serde(default)]
    pub photo: Option<String>,
    /// Never shown to the trainee during the run.
    pub expected: Decision,
    /// Record ids the trainee should have found.
    #[serde(default)]
    pub expected_hits: Vec<String>,
    #[serde(default)]
    pub teaching_note: String,
    /// Other decisions that are also right, each with why (a stolen car's "hold the vehicle and
    /// driver" makes Detain as right as Secondary).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub also_accept: Vec<AlsoAccept>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AlsoAccept {
    pub decision: Decision,
    #[serde(default)]
    pub note: String,
}

/// The most random travellers a scenario may add: a long day's queue, and still a quick start.
pub const MAX_RANDOM_FILL: usize = 2_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RandomFill {
    /// Extra clean travellers mixed into the queue (at most `MAX_RANDOM_FILL`).
    pub count: usize,
    pub seed: u64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename = "Scenario")]
pub struct Scenario {
    pub format: u32,
    pub title: String,
    #[serde(default)]
    pub description: String,
    pub dataset: DatasetRef,
    pub post: PostType,
    pub travellers: Vec<ScenarioTraveller>,
    #[serde(default)]
    pub random_fill: Option<RandomFill>,
    #[serde(default)]
    pub incidents: Vec<Incident>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub manifest: Option<ManifestRef>,
    /// The list `manifest` names, read with the scenario.
    #[serde(skip)]
    pub manifest_list: Option<Box<crate::manifest::Manifest>>,
    /// Folder the scenario was read from (dataset and photo paths are relative to it).
    #[serde(skip)]
    pub base_dir: Option<PathBuf>,
    /// Traveller id → the bytes of its `photo` file, read with the scenario.
    #[serde(skip)]
    pub photo_files: std::collections::HashMap<String, std::sync::Arc<[u8]>>,
}

#[derive(Debug, Clone, thiserror::Error)]
#[error("{file}: {} problem(s); first: {}", problems.len(), problems.first().map(ToString::to_string).unwrap_or_default())]
pub struct ScenarioError {
    pub file: String,
    pub problems: Vec<Problem>,
}

pub fn load_scenario_file(path: &Path) -> Result<Scenario, ScenarioError> {
    let file = path.display().to_string();
    let text = crate::dataset::safe_read::read_text(path, crate::dataset::safe_read::MAX_SCENARIO_BYTES)
        .map_err(|e| ScenarioError { file: file.clone(), problems: vec![Problem::file_error(&file, 0, e.to_string())] })?;
    let mut scenario = parse_scenario(&text, &file)?;
    scenario.base_dir = path.parent().map(Path::to_path_buf);
    // Photo files are read here, on the loading thread, so the terminal never touches the disk.
    let map = SourceMap::new(&text);
    let mut problems = Vec::new();
    for t in &scenario.travellers {
        let Some(PhotoRef::File(name)) = t.photo.as_deref().and_then(photo_ref) else { continue };
        let base = scenario.base_dir.as_deref().unwrap_or(Path::new("."));
        let read = crate::dataset::safe_read::resolve_inside(base, name).and_then(|full| {
            let bytes = crate::dataset::safe_read::read_regular(&full, crate::dataset::safe_read::MAX_PHOTO_BYTES)
                .map_err(|e| format!("cannot read photo {}: {e}", full.display()))?;
            crate::dataset::photos::display_photo(&bytes)
                .ok_or_else(|| format!("photo {} is not a picture that can be shown (or is too large)", full.display()))
        });
        match read {
            Ok(bytes) => {
                scenario.photo_files.insert(t.id.clone(), bytes.into());
            }
            Err(message) => {
                let (line, column) = map.record(&t.id, 0).map_or((0, 0), |r| map.position(map.field(r, "photo")));
                problems.push(Problem {
                    severity: ProblemSeverity::Error,
                    file: file.clone(),
                    line,
                    column,
                    record: Some(t.id.clone()),
                    field: Some("photo".into()),
                    message,
                });
            }
        }
    }
    if let Some(ManifestRef::Path(name)) = scenario.manifest.clone() {
        let base = scenario.base_dir.as_deref().unwrap_or(Path::new("."));
        let read = crate::dataset::safe_read::resolve_inside(base, &name)
            .and_then(|full| crate::manifest::read_manifest(&full))
            .and_then(|(list, found)| manifest_errors(list, &found));
        match read {
            Ok(list) => scenario.manifest_list = Some(Box::new(list)),
            Err(message) => problems.push(manifest_problem(&text, &file, &map, message)),
        }
    }
    if problems.is_empty() { Ok(scenario) } else { Err(ScenarioError { file, problems }) }
}

/// A problem with the scenario's `manifest` (its list not found, outside the folder, or bad).
fn manifest_problem(text: &str, file: &str, map: &SourceMap<'_>, message: String) -> Problem {
    let (line, column) = map.position(text.find("manifest").unwrap_or(0));
    Problem { severity: ProblemSeverity::Error, file: file.to_owned(), line, column, record: None, field: Some("manifest".into()), message }
}

/// A passenger list with errors (a count that disagrees, a traveller without a name) would
/// score the trainee against the wrong list: refused, with the first error.
fn manifest_errors(
    list: crate::manifest::Manifest,
    found: &[crate::manifest::ManifestProblem],
) -> Result<crate::manifest::Manifest, String> {
    match found.iter().find(|p| p.error) {
        Some(p) => Err(format!("the passenger list has {} error(s); first: {p}", found.iter().filter(|p| p.error).count())),
        None => Ok(list),
    }
}

/// Parses and checks a scenario; every problem names file, line, traveller and field.
pub fn parse_scenario(text: &str, file: &str) -> Result<Scenario, ScenarioError> {
    let options = ron::Options::default().with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME);
    let problem = |line, column, record: Option<String>, field: Option<&str>, message: String| Problem {
        severity: ProblemSeverity::Error,
        file: file.to_owned(),
        line,
        column,
        record,
        field: field.map(str::to_owned),
        message,
    };
    let scenario: Scenario = options.from_str(text).map_err(|e| ScenarioError {
        file: file.to_owned(),
        problems: vec![problem(e.span.start.line, e.span.start.col, None, None, e.code.to_string())],
    })?;
    let map = SourceMap::new(text);
    let mut problems = Vec::new();
    let at = |id: &str, occurrence: usize, field: &str| {
        map.record(id, occurrence).map_or((0, 0), |r| map.position(if field == "id" { r } else { map.field(r, field) }))
    };
    if scenario.format != SCENARIO_FORMAT {
        problems.push(problem(1, 1, None, Some("format"), format!("unsupported scenario format {}", scenario.format)));
    }
    if scenario.travellers.is_empty() {
        problems.push(problem(1, 1, None, Some("travellers"), "a scenario needs at least one traveller".into()));
    }
    let mut seen = std::collections::HashMap::new();
    for t in &scenario.travellers {
        let n = seen.entry(t.id.clone()).or_insert(0usize);
        if *n > 0 {
            let (l, c) = at(&t.id, *n, "id");
            problems.push(problem(l, c, Some(t.id.clone()), Some("id"), format!("duplicate traveller id {:?}", t.id)));
        }
        *n += 1;
        let (query, issues) = crate::document_reading::fill_from_mrz(&t.presents, crate::document_reading::fixed_check_day()).0.to_query();
        for issue in issues {
            let field = issue.field.rsplit('.').next().unwrap_or("presents").to_owned();
            let (l, c) = at(&t.id, 0, &field);
            problems.push(problem(l, c, Some(t.id.clone()), Some(&issue.field), issue.message));
        }
        if t.photo.as_deref().is_some_and(|p| !p.trim().is_empty() && photo_ref(p).is_none()) {
            let (l, c) = at(&t.id, 0, "photo");
            let message = "photo must be a file name, record:ID or synthetic:NUMBER".to_owned();
            problems.push(problem(l, c, Some(t.id.clone()), Some("photo"), message));
        }
        if query.is_empty() {
            let (l, c) = at(&t.id, 0, "presents");
            problems.push(problem(l, c, Some(t.id.clone()), Some("presents"), "the traveller presents nothing to query".into()));
        }
    }
    if let Some(fill) = scenario.random_fill
        && fill.count > MAX_RANDOM_FILL
    {
        let (l, c) = map.position(text.find("count").unwrap_or(0));
        let message = format!("random_fill.count is {}; at most {MAX_RANDOM_FILL} travellers fit one exercise", fill.count);
        problems.push(problem(l, c, None, Some("random_fill.count"), message));
    }
    let count = scenario.travellers.len().saturating_add(scenario.random_fill.map_or(0, |f| f.count.min(MAX_RANDOM_FILL)));
    for (i, incident) in scenario.incidents.iter().enumerate() {
        if incident.from_traveller == 0 || incident.from_traveller > incident.to_traveller || incident.to_traveller > count {
            let offset = text.match_indices("from_traveller").nth(i).map_or(0, |(o, _)| o);
            let (l, c) = map.position(offset);
            problems.push(problem(
                l,
                c,
                None,
                Some("incidents"),
                format!("incident covers travellers {}..={} but the queue has 1..={count}", incident.from_traveller, incident.to_traveller),
            ));
        }
    }
    let mut scenario = scenario;
    if let Some(ManifestRef::Builtin(name)) = &scenario.manifest {
        let read = crate::manifest::builtin_manifest(name)
            .ok_or_else(|| {
                let names: Vec<&str> = crate::manifest::BUILTIN_MANIFESTS.iter().map(|(n, _)| *n).collect();
                format!("no built-in passenger list {name:?} (there are: {})", names.join(", "))
            })
            .and_then(|text| {
                let (list, found) = crate::manifest::parse_text(text);
                manifest_errors(list, &found)
            });
        match read {
            Ok(list) => scenario.manifest_list = Some(Box::new(list)),
            Err(message) => problems.push(manifest_problem(text, file, &map, message)),
        }
    }
    if problems.is_empty() { Ok(scenario) } else { Err(ScenarioError { file: file.to_owned(), problems }) }
}
