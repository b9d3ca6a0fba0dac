//! Converts one parsed section of a dataset file (national or INTERPOL) into domain records,
//! collecting every problem. Sections are converted on their own threads, so a problem's line
//! and column are found afterwards (`resolve`), once every section's ids are known.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use chrono::NaiveDate;
use rustc_hash::FxHashSet;

use super::file_format::{InterpolFile, NationalFile};
use super::record_ids::SectionIds;
use super::source_map::SourceMap;
use super::{Problem, ProblemSeverity};
use crate::domain::{
    Country, InterpolDatabase, NationalDatabase, NationalDocument, NationalPerson, NationalVehicle, Notice, PartialDate, PersonName,
    SltdRecord, SmvRecord, TdawnRecord, parse_iso_date,
};
use crate::hashing::stable_hash;

/// Longest accepted name, number or reason.
pub const MAX_FIELD_BYTES: usize = 4096;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    National,
    Interpol,
}

/// A problem located by record id and occurrence of that id within its section.
#[derive(Debug, Clone)]
pub struct PendingProblem {
    pub severity: ProblemSeverity,
    pub section: Section,
    pub id: String,
    pub occurrence: usize,
    pub field: String,
    pub message: String,
}

impl PendingProblem {
    /// The problem with its line and column. `earlier` counts the id's records in sections that
    /// come before this one in the file (the map numbers occurrences through the whole file).
    pub fn resolve(self, file: &str, map: &SourceMap<'_>, earlier: impl Fn(Section, &str) -> usize) -> Problem {
        let occurrence = self.occurrence + earlier(self.section, &self.id);
        let offset = map.record(&self.id, occurrence).map(|r| if self.field == "id" { r } else { map.field(r, &self.field) });
        let (line, column) = offset.map_or((0, 0), |o| map.position(o));
        Problem {
            severity: self.severity,
            file: file.to_owned(),
            line,
            column,
            record: Some(self.id),
            field: Some(self.field),
            message: self.message,
        }
    }
}

/// Converts one section, collecting problems.
pub struct Validator<'a> {
    section: Section,
    base_dir: Option<&'a Path>,
    pub problems: Vec<PendingProblem>,
    /// Hashes of ids used more than once in this section: only these are counted below.
    repeated: FxHashSet<u64>,
    /// How many records so far used each repeated id.
    counts: HashMap<String, usize>,
}

/// Which record a value belongs to: its id and which occurrence of that id in the section.
struct At<'i> {
    id: &'i str,
    occurrence: usize,
}

impl<'a> Validator<'a> {
    pub fn new(section: Section, ids: &SectionIds, base_dir: Option<&'a Path>) -> Self {
        Self { section, base_dir, problems: Vec::new(), repeated: ids.repeated(), counts: HashMap::new() }
    }
}

impl Validator<'_> {
    fn report(&mut self, severity: ProblemSeverity, at: &At<'_>, field: &str, message: String) {
        self.problems.push(PendingProblem {
            severity,
            section: self.section,
            id: at.id.to_owned(),
            occurrence: at.occurrence,
            field: field.to_owned(),
            message,
        });
    }

    fn error(&mut self, at: &At<'_>, field: &str, message: String) {
        self.report(ProblemSeverity::Error, at, field, message);
    }

    fn record<'i>(&mut self, id: &'i str) -> At<'i> {
        // Only ids that occur more than once in the section (almost never) need counting.
        let occurrence = if self.repeated.contains(&stable_hash(id.bytes())) {
            let count = self.counts.entry(id.to_owned()).or_insert(0);
            *count += 1;
            *count - 1
        } else {
            0
        };
        let at = At { id, occurrence };
        if id.trim().is_empty() {
            self.error(&at, "id", "record id is empty".into());
        } else if id.len() > MAX_FIELD_BYTES {
            self.not_too_long(&at, "id", id);
        } else if at.occurrence > 0 {
            self.error(&at, "id", format!("duplicate id {id:?}: ids must be unique across the whole dataset"));
        }
        at
    }

    fn country(&mut self, at: &At<'_>, field: &str, text: &str) -> Option<Country> {
        Country::parse(text).map_err(|e| self.error(at, field, e.to_string())).ok()
    }

    fn opt_country(&mut self, at: &At<'_>, field: &str, text: Option<&String>) -> Option<Country> {
        text.filter(|t| !t.trim().is_empty()).and_then(|t| self.country(at, field, t))
    }

    fn dob(&mut self, at: &At<'_>, field: &str, text: Option<&String>) -> Option<PartialDate> {
        let text = text.filter(|t| !t.trim().is_empty())?;
        PartialDate::parse(text).map_err(|e| self.error(at, field, e.to_string())).ok()
    }

    fn date(&mut self, at: &At<'_>, field: &str, text: &str) -> Option<NaiveDate> {
        // The allocation-free parser first; chrono's also takes unpadded months and days (2024-1-2).
        parse_iso_date(text.trim())
            .or_else(|| NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").ok())
            .ok_or(())
            .map_err(|()| self.error(at, field, format!("invalid date {text:?} (expected YYYY-MM-DD with a real calendar day)")))
            .ok()
    }

    fn opt_date(&mut self, at: &At<'_>, field: &str, text: Option<&String>) -> Option<NaiveDate> {
        text.filter(|t| !t.trim().is_empty()).and_then(|t| self.date(at, field, t))
    }

    /// Also rejects absurdly long values (a 100 MB name is a broken file, not a person).
    fn not_empty(&mut self, at: &At<'_>, field: &str, text: &str) {
        if text.trim().is_empty() {
            self.error(at, field, "must not be empty".into());
        }
        self.not_too_long(at, field, text);
    }

    /// A person's names: a family name is required, none may be absurdly long.
    fn person_names(&mut self, at: &At<'_>, family_name: &str, given_names: &str, aliases: &[String]) {
        self.not_empty(at, "family_name", family_name);
        self.not_too_long(at, "given_names", given_names);
        for alias in aliases {
            self.not_too_long(at, "aliases", alias);
        }
    }

    fn not_too_long(&mut self, at: &At<'_>, field: &str, text: &str) {
        if text.len() > MAX_FIELD_BYTES {
            self.error(at, field, format!("value is {} bytes long; at most {MAX_FIELD_BYTES} are accepted", text.len()));
        }
    }

    fn photo(&mut self, at: &At<'_>, photo: Option<String>) -> Option<String> {
        let photo = photo.filter(|p| !p.trim().is_empty())?;
        let Some(dir) = self.base_dir else { return Some(photo) };
        match super::safe_read::resolve_inside(dir, &photo) {
            Err(message) => {
                // Never read, never shown: a path out of the folder is an error, not a warning.
                self.report(ProblemSeverity::Error, at, "photo", message);
                return None;
            }
            Ok(path) if !path.is_file() => {
                let msg = format!("photo file {photo:?} not found next to the dataset; the record loads without a photo");
                self.report(ProblemSeverity::Warning, at, "photo", msg);
            }
            Ok(path) => {
                if let Err(why) = super::photos::check_photo_file(&path) {
                    let msg = format!("photo file {photo:?} {why}; the record shows \"photo unavailable\"");
                    self.report(ProblemSeverity::Warning, at, "photo", msg);
                }
            }
        }
        Some(photo)
    }

    pub fn national(&mut self, raw: NationalFile) -> NationalDatabase {
        let country = raw.country.as_deref().and_then(|c| Country::parse(c).ok());
        let mut db = NationalDatabase { agency: raw.agency, country, ..Default::default() };
        for p in raw.persons {
            let at = self.record(&p.id);
            self.person_names(&at, &p.family_name, &p.given_names, &p.aliases);
            self.not_too_long(&at, "reason", &p.reason);
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

    pub fn interpol(&mut self, raw: InterpolFile) -> InterpolDatabase {
        let mut db = InterpolDatabase::default();
        for n in raw.notices {
            let at = self.record(&n.id);
            self.person_names(&at, &n.family_name, &n.given_names, &n.aliases);
            self.not_too_long(&at, "distinguishing_marks", &n.distinguishing_marks);
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
                    purpose: n.purpose,
                    confirmation: n.confirmation,
                });
            }
        }
        for s in raw.sltd {
            let at = self.record(&s.id);
            self.not_empty(&at, "number", &s.number);
            let country = self.country(&at, "country", &s.country);
            let reporting = self.country(&at, "reporting_country", &s.reporting_country);
            let reported = self.date(&at, "reported", &s.reported);
            // Over-long values are already errors; the compact table cannot hold them.
            let fits = s.id.len() <= MAX_FIELD_BYTES && s.number.len() <= MAX_FIELD_BYTES;
            if let (true, Some(country), Some(reporting_country), Some(reported)) = (fits, country, reporting, reported) {
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
                dangling.push((t.id.clone(), at.occurrence, t.notice_id.clone()));
            }
            if let Some(country) = self.country(&at, "country", &t.country) {
                tdawn.push(TdawnRecord { id: t.id, number: t.number, country, kind: t.kind, notice_id: t.notice_id });
            }
        }
        for (id, occurrence, notice) in dangling {
            self.error(
                &At { id: &id, occurrence },
                "notice_id",
                format!("TDAWN record points at notice {notice:?}, which is not in this dataset"),
            );
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
