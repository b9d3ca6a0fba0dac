//! Reads a dataset file, reports every problem with its position, and builds the validated model.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use super::file_format::{DatasetFile, FORMAT_VERSION};
use super::sltd_tsv::read_sltd_tsv;
use super::source_map::SourceMap;
use super::{Dataset, Problem, ProblemSeverity};
use crate::domain::{
    Country, InterpolDatabase, NationalDatabase, NationalDocument, NationalPerson, NationalVehicle, Notice, PartialDate, PersonName,
    SltdRecord, SmvRecord, TdawnRecord,
};

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
/// Longest accepted name, number or reason.
pub const MAX_FIELD_BYTES: usize = 4096;

pub fn load_dataset_file(path: &Path) -> Result<LoadedDataset, DatasetError> {
    let file = path.display().to_string();
    let io = |message: String| DatasetError::Io { file: file.clone(), message };
    let size = std::fs::metadata(path).map_err(|e| io(e.to_string()))?.len();
    if size > MAX_DATASET_BYTES {
        return Err(io(format!("file is {size} bytes, larger than the {MAX_DATASET_BYTES}-byte limit")));
    }
    let bytes = std::fs::read(path).map_err(|e| io(e.to_string()))?;
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
    parse_dataset(&text, &file, path.parent().map(Path::to_path_buf))
}

fn line_col_of_byte(bytes: &[u8], offset: usize) -> (usize, usize) {
    let before = &bytes[..offset];
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let col = offset - before.iter().rposition(|&b| b == b'\n').map_or(0, |p| p + 1) + 1;
    (line, col)
}

/// Parses and validates dataset text. `file` is only used in messages; photos resolve against `base_dir`.
pub fn parse_dataset(text: &str, file: &str, base_dir: Option<PathBuf>) -> Result<LoadedDataset, DatasetError> {
    // A large SLTD sidecar is read on its own thread while the RON text is parsed.
    let hinted = sltd_file_hint(text);
    std::thread::scope(|scope| {
        let sidecar = hinted.as_ref().zip(base_dir.as_ref()).map(|(name, dir)| {
            let path = dir.join(name);
            scope.spawn(move || read_sltd_tsv(&path))
        });
        let parsed = parse_ron(text, file, base_dir.clone());
        let sidecar = sidecar.map(|h| h.join().unwrap_or_else(|_| Err(Vec::new())));
        let (mut dataset, mut problems, declared) = parsed?;
        match (declared, base_dir.as_ref()) {
            (None, _) => {}
            (Some(name), None) => problems.push(Problem {
                severity: ProblemSeverity::Error,
                file: file.to_owned(),
                line: 0,
                column: 0,
                record: None,
                field: Some("sltd_file".into()),
                message: format!("sltd_file {name:?} cannot be resolved: this dataset has no folder"),
            }),
            (Some(name), Some(dir)) => {
                let result = match sidecar {
                    Some(result) if hinted.as_deref() == Some(name.as_str()) => result,
                    _ => read_sltd_tsv(&dir.join(&name)),
                };
                match result {
                    Ok(table) => dataset.interpol.sltd.append(table),
                    Err(p) => problems.extend(p),
                }
            }
        }
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

/// The `sltd_file` a dataset names, found by a quick text scan so its reading can start early.
fn sltd_file_hint(text: &str) -> Option<String> {
    let at = text.find("sltd_file")?;
    let rest = text[at + "sltd_file".len()..].trim_start().strip_prefix(':')?.trim_start();
    let rest = rest.strip_prefix("Some(").unwrap_or(rest).trim_start().strip_prefix('"')?;
    Some(rest[..rest.find('"')?].to_owned())
}

/// Parses and validates the RON part: (dataset, problems so far, the declared `sltd_file`).
fn parse_ron(text: &str, file: &str, base_dir: Option<PathBuf>) -> Result<(Dataset, Vec<Problem>, Option<String>), DatasetError> {
    let raw = match parse_sections_in_parallel(text) {
        Some(raw) => raw,
        // Unusual layout, or an error: the single-piece parse gives the canonical error position.
        None => ron_options().from_str::<DatasetFile>(text).map_err(|e| DatasetError::Invalid {
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
        })?,
    };
    let declared = raw.interpol.sltd_file.clone();
    let mut v = Validator { file, text, map: None, problems: Vec::new(), seen: HashMap::new(), base_dir };
    let dataset = v.convert(raw);
    Ok((dataset, v.problems, declared))
}

fn ron_options() -> ron::Options {
    ron::Options::default().with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
}

/// Big files: the national and INTERPOL sections parse on two threads. None on any error.
fn parse_sections_in_parallel(text: &str) -> Option<DatasetFile> {
    const WORTH_IT: usize = 1 << 20;
    if text.len() < WORTH_IT {
        return None;
    }
    let (national, interpol) = super::sections::split_sections(text)?;
    let rest = super::sections::without_sections(text, &national, &interpol);
    std::thread::scope(|s| {
        let n = s.spawn(|| ron_options().from_str::<super::file_format::NationalFile>(&text[national.clone()]).ok());
        let i = ron_options().from_str::<super::file_format::InterpolFile>(&text[interpol.clone()]).ok();
        let mut head: DatasetFile = ron_options().from_str(&rest).ok()?;
        head.national = n.join().ok()??;
        head.interpol = i?;
        Some(head)
    })
}

/// Converts file rows into domain records, collecting every problem on the way.
struct Validator<'a> {
    file: &'a str,
    text: &'a str,
    /// Built only when the first problem needs a position: big clean files never pay for it.
    map: Option<SourceMap<'a>>,
    problems: Vec<Problem>,
    /// How many records so far used each id (duplicates are errors).
    seen: HashMap<String, usize>,
    base_dir: Option<PathBuf>,
}

/// Which record a value belongs to: its id and which occurrence of that id.
#[derive(Clone)]
struct At {
    id: String,
    occurrence: usize,
}

impl Validator<'_> {
    fn report(&mut self, severity: ProblemSeverity, at: &At, field: &str, message: String) {
        let map = self.map.get_or_insert_with(|| SourceMap::new(self.text));
        let offset = map.record(&at.id, at.occurrence).map(|r| if field == "id" { r } else { map.field(r, field) });
        let (line, column) = offset.map_or((0, 0), |o| map.position(o));
        self.problems.push(Problem {
            severity,
            file: self.file.to_owned(),
            line,
            column,
            record: Some(at.id.clone()),
            field: Some(field.to_owned()),
            message,
        });
    }

    fn error(&mut self, at: &At, field: &str, message: String) {
        self.report(ProblemSeverity::Error, at, field, message);
    }

    fn record(&mut self, id: &str) -> At {
        let count = self.seen.entry(id.to_owned()).or_insert(0);
        let at = At { id: id.to_owned(), occurrence: *count };
        *count += 1;
        if id.trim().is_empty() {
            self.error(&at, "id", "record id is empty".into());
        } else if at.occurrence > 0 {
            self.error(&at, "id", format!("duplicate id {id:?}: ids must be unique across the whole dataset"));
        }
        at
    }

    fn country(&mut self, at: &At, field: &str, text: &str) -> Option<Country> {
        Country::parse(text).map_err(|e| self.error(at, field, e.to_string())).ok()
    }

    fn opt_country(&mut self, at: &At, field: &str, text: Option<&String>) -> Option<Country> {
        text.filter(|t| !t.trim().is_empty()).and_then(|t| self.country(at, field, t))
    }

    fn dob(&mut self, at: &At, field: &str, text: Option<&String>) -> Option<PartialDate> {
        let text = text.filter(|t| !t.trim().is_empty())?;
        PartialDate::parse(text).map_err(|e| self.error(at, field, e.to_string())).ok()
    }

    fn date(&mut self, at: &At, field: &str, text: &str) -> Option<NaiveDate> {
        NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
            .map_err(|_| self.error(at, field, format!("invalid date {text:?} (expected YYYY-MM-DD with a real calendar day)")))
            .ok()
    }

    fn opt_date(&mut self, at: &At, field: &str, text: Option<&String>) -> Option<NaiveDate> {
        text.filter(|t| !t.trim().is_empty()).and_then(|t| self.date(at, field, t))
    }

    /// Also rejects absurdly long values (a 100 MB name is a broken file, not a person).
    fn not_empty(&mut self, at: &At, field: &str, text: &str) {
        if text.trim().is_empty() {
            self.error(at, field, "must not be empty".into());
        }
        self.not_too_long(at, field, text);
    }

    fn not_too_long(&mut self, at: &At, field: &str, text: &str) {
        if text.len() > MAX_FIELD_BYTES {
            self.error(at, field, format!("value is {} bytes long; at most {MAX_FIELD_BYTES} are accepted", text.len()));
        }
    }

    fn photo(&mut self, at: &At, photo: Option<String>) -> Option<String> {
        let photo = photo.filter(|p| !p.trim().is_empty())?;
        if let Some(dir) = &self.base_dir
            && !dir.join(&photo).is_file()
        {
            let msg = format!("photo file {photo:?} not found next to the dataset; the record loads without a photo");
            self.report(ProblemSeverity::Warning, at, "photo", msg);
        }
        Some(photo)
    }

    fn convert(&mut self, raw: DatasetFile) -> Dataset {
        if raw.format != FORMAT_VERSION {
            let (line, column) = SourceMap::new(self.text).position(self.text.find("format").unwrap_or(0));
            self.problems.push(Problem {
                severity: ProblemSeverity::Error,
                file: self.file.to_owned(),
                line,
                column,
                record: None,
                field: Some("format".into()),
                message: format!("unsupported format version {} (this build reads version {FORMAT_VERSION})", raw.format),
            });
        }
        let national = self.national(raw.national);
        let interpol = self.interpol(raw.interpol);
        Dataset {
            name: raw.name,
            description: raw.description,
            post: raw.post.unwrap_or_else(|| "Border post".into()),
            national,
            interpol,
            base_dir: None,
        }
    }

    fn national(&mut self, raw: super::file_format::NationalFile) -> NationalDatabase {
        let country = raw.country.as_deref().and_then(|c| Country::parse(c).ok());
        let mut db = NationalDatabase { agency: raw.agency, country, ..Default::default() };
        for p in raw.persons {
            let at = self.record(&p.id);
            self.not_empty(&at, "family_name", &p.family_name);
            self.not_too_long(&at, "given_names", &p.given_names);
            self.not_too_long(&at, "reason", &p.reason);
            for alias in &p.aliases {
                self.not_too_long(&at, "aliases", alias);
            }
            let date_of_birth = self.dob(&at, "date_of_birth", p.date_of_birth.as_ref());
            let nationality = self.opt_country(&at, "nationality", p.nationality.as_ref());
            let photo = self.photo(&at, p.photo);
            db.persons.push(NationalPerson {
                id: p.id,
                name: PersonName {
                    family_name: p.family_name,
                    given_names: p.given_names,
                    aliases: p.aliases,
                    original_script: p.original_script,
                },
                date_of_birth,
                sex: p.sex,
                nationality,
                alert: p.alert,
                reason: p.reason,
                photo,
            });
        }
        for d in raw.documents {
            let at = self.record(&d.id);
            self.not_empty(&at, "number", &d.number);
            let country = self.country(&at, "country", &d.country);
            let holder_date_of_birth = self.dob(&at, "holder_date_of_birth", d.holder_date_of_birth.as_ref());
            let expiry = self.opt_date(&at, "expiry", d.expiry.as_ref());
            if let Some(country) = country {
                db.documents.push(NationalDocument {
                    id: d.id,
                    number: d.number,
                    kind: d.kind,
                    country,
                    status: d.status,
                    holder: PersonName { family_name: d.holder_family_name, given_names: d.holder_given_names, ..Default::default() },
                    holder_date_of_birth,
                    expiry,
                });
            }
        }
        for v in raw.vehicles {
            let at = self.record(&v.id);
            if v.plate.trim().is_empty() && v.vin.trim().is_empty() {
                self.error(&at, "plate", "a stolen vehicle needs a plate, a VIN or both".into());
            }
            let reported = self.opt_date(&at, "reported", v.reported.as_ref());
            db.vehicles.push(NationalVehicle {
                id: v.id,
                plate: v.plate,
                vin: v.vin,
                make: v.make,
                model: v.model,
                colour: v.colour,
                reported,
            });
        }
        db
    }

    fn interpol(&mut self, raw: super::file_format::InterpolFile) -> InterpolDatabase {
        let mut db = InterpolDatabase::default();
        for n in raw.notices {
            let at = self.record(&n.id);
            self.not_empty(&at, "family_name", &n.family_name);
            self.not_too_long(&at, "given_names", &n.given_names);
            self.not_too_long(&at, "distinguishing_marks", &n.distinguishing_marks);
            for alias in &n.aliases {
                self.not_too_long(&at, "aliases", alias);
            }
            let date_of_birth = self.dob(&at, "date_of_birth", n.date_of_birth.as_ref());
            let nationalities = n.nationalities.iter().filter_map(|c| self.country(&at, "nationalities", c)).collect();
            let owner = self.country(&at, "owner", &n.owner);
            for charge in &n.charges {
                self.country(&at, "charges", &charge.country);
            }
            let issued = self.opt_date(&at, "issued", n.issued.as_ref());
            let photo = self.photo(&at, n.photo);
            if let Some(owner) = owner {
                db.notices.push(Notice {
                    id: n.id,
                    kind: n.kind,
                    name: PersonName {
                        family_name: n.family_name,
                        given_names: n.given_names,
                        aliases: n.aliases,
                        original_script: n.original_script,
                    },
                    date_of_birth,
                    sex: n.sex,
                    nationalities,
                    owner,
                    charges: n.charges,
                    distinguishing_marks: n.distinguishing_marks,
                    photo,
                    foreign_fighter: n.foreign_fighter,
                    issued,
                });
            }
        }
        for s in raw.sltd {
            let at = self.record(&s.id);
            self.not_empty(&at, "number", &s.number);
            let country = self.country(&at, "country", &s.country);
            let reporting = self.country(&at, "reporting_country", &s.reporting_country);
            let reported = self.date(&at, "reported", &s.reported);
            if let (Some(country), Some(reporting_country), Some(reported)) = (country, reporting, reported) {
                db.sltd.push(&SltdRecord {
                    id: s.id,
                    number: s.number,
                    country,
                    kind: s.kind,
                    fraud: s.fraud,
                    reporting_country,
                    reported,
                });
            }
        }
        let notice_ids: HashSet<&str> = db.notices.iter().map(|n| n.id.as_str()).collect();
        let mut tdawn = Vec::with_capacity(raw.tdawn.len());
        let mut dangling = Vec::new();
        for t in raw.tdawn {
            let at = self.record(&t.id);
            self.not_empty(&at, "number", &t.number);
            if !notice_ids.contains(t.notice_id.as_str()) {
                dangling.push((at.clone(), t.notice_id.clone()));
            }
            if let Some(country) = self.country(&at, "country", &t.country) {
                tdawn.push(TdawnRecord { id: t.id, number: t.number, country, kind: t.kind, notice_id: t.notice_id });
            }
        }
        for (at, notice) in dangling {
            self.error(&at, "notice_id", format!("TDAWN record points at notice {notice:?}, which is not in this dataset"));
        }
        db.tdawn = tdawn;
        for m in raw.smv {
            let at = self.record(&m.id);
            self.not_empty(&at, "vin", &m.vin);
            let reporting = self.country(&at, "reporting_country", &m.reporting_country);
            let stolen = self.date(&at, "stolen", &m.stolen);
            if let (Some(reporting_country), Some(stolen)) = (reporting, stolen) {
                db.smv.push(SmvRecord {
                    id: m.id,
                    vin: m.vin,
                    plate: m.plate,
                    make: m.make,
                    model: m.model,
                    colour: m.colour,
                    reporting_country,
                    stolen,
                });
            }
        }
        db
    }
}
