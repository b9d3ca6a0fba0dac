//! Reading the machine-readable zone (ICAO 9303) with the `mrz` crate, and the document checks
//! an officer needs: every check digit, expiry, and agreement with what was typed.
//!
//! The crate parses the fields and repairs OCR misreads; this module holds each line to its
//! format's width first (`zone`) and verifies every check digit itself, strictly (`check_digits`):
//! the crate would pad a short line and count a filler as the check digit 0.

use chrono::NaiveDate;
use serde::Serialize;

use crate::query::input::{DocumentInput, PersonInput, QueryInput};

mod check_digits;
#[cfg(test)]
mod icao_tests;
mod zone;

use check_digits::ZoneChecks;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CheckStatus {
    Verified,
    Failed,
    Absent,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DocumentCheck {
    pub check: String,
    pub status: CheckStatus,
    pub detail: String,
}

/// The fields read from an MRZ, in the terminal's own terms.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MrzReading {
    pub format: String,
    pub document_type: String,
    pub document_number: String,
    pub issuing_country: String,
    pub family_name: String,
    pub given_names: String,
    pub date_of_birth: String,
    pub sex: String,
    pub nationality: String,
    pub expiry: String,
    pub checks: Vec<DocumentCheck>,
}

impl MrzReading {
    /// True when a printed check digit disagrees: a forgery or a misread.
    pub fn has_failed_check(&self) -> bool {
        self.checks.iter().any(|c| c.status == CheckStatus::Failed)
    }

    /// The query an officer would have typed from this document.
    pub fn to_query_input(&self) -> QueryInput {
        QueryInput {
            id: None,
            document: Some(DocumentInput {
                number: self.document_number.clone(),
                kind: self.document_type.clone(),
                country: self.issuing_country.clone(),
                expiry: if self.expiry.len() == 10 { self.expiry.clone() } else { String::new() },
            }),
            person: Some(PersonInput {
                family_name: self.family_name.clone(),
                given_names: self.given_names.clone(),
                date_of_birth: if self.date_of_birth.len() == 10 { self.date_of_birth.clone() } else { String::new() },
                sex: self.sex.clone(),
                nationality: self.nationality.clone(),
            }),
            vehicle: None,
            mrz: None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MrzReadError {
    #[error("no MRZ given")]
    Empty,
    #[error("input too long for an MRZ ({0} characters; at most 3 lines of 44)")]
    TooLong(usize),
    #[error("not a readable MRZ: {0}")]
    Unreadable(String),
    /// A line not of its format's width: a character dropped or added by the scan or the typing.
    #[error(
        "MRZ line {line} has {len} characters; a {format} line has {expected} (a character is missing or extra: rescan or retype that line)"
    )]
    LineLength { line: usize, len: usize, expected: usize, format: &'static str },
    #[error("{found} MRZ line(s) given; {what}")]
    LineCount { found: usize, what: &'static str },
    #[error("{0} characters with no line breaks; an MRZ is 2 lines of 44 (TD3), 2 of 36 (TD2) or 3 of 30 (TD1)")]
    RunTogether(usize),
}

const POSSIBLE_FORGERY: &str = "possible forgery or misread — inspect the document";

/// Reads 2 or 3 MRZ lines (or the lines run together, with stray spaces, as OCR delivers them).
/// A line that is not exactly its format's width is an error naming the line and its length.
pub fn read_mrz(text: &str, today: NaiveDate) -> Result<MrzReading, MrzReadError> {
    let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    if compact.is_empty() {
        return Err(MrzReadError::Empty);
    }
    if compact.chars().count() > 3 * 44 {
        return Err(MrzReadError::TooLong(compact.chars().count()));
    }
    let upper = compact.to_ascii_uppercase();
    if !upper.is_ascii() {
        return Err(MrzReadError::Unreadable("non-ASCII characters (an MRZ holds only A-Z, 0-9 and <)".into()));
    }
    let lines = zone::split_lines(&text.to_ascii_uppercase())?;
    let (data, checked, repaired) = read_zone(&lines)?;
    let ZoneChecks { document_number: number, checks: mut out } = checked;
    // The parser repairs a misread (O/0, I/1…) only when the check digits prove the repair;
    // say so, with what was actually read.
    if repaired && let Some(read) = repaired_from(&upper, &number) {
        out.push(DocumentCheck {
            check: "document number repair".into(),
            status: CheckStatus::Verified,
            detail: format!("read {read}; the check digit proves {number} (misread character repaired) — compare with the visual page"),
        });
    }
    let expiry = data.date_of_expiry.to_string();
    if let Ok(date) = NaiveDate::parse_from_str(&expiry, "%Y-%m-%d") {
        let expired = date < today;
        out.push(DocumentCheck {
            check: "expiry date".into(),
            status: if expired { CheckStatus::Failed } else { CheckStatus::Verified },
            detail: if expired { format!("document EXPIRED on {date}") } else { format!("valid until {date}") },
        });
    }
    let sex = match data.sex {
        mrz::Sex::Male => "M",
        mrz::Sex::Female => "F",
        _ => "X",
    };
    Ok(MrzReading {
        format: format!("{:?}", data.format),
        document_type: data.document_type.trim_end_matches('<').to_owned(),
        document_number: number,
        issuing_country: data.issuing_country.trim_end_matches('<').to_owned(),
        family_name: data.surname.clone(),
        given_names: data.given_names.clone(),
        date_of_birth: data.date_of_birth.to_string(),
        sex: sex.into(),
        nationality: data.nationality.trim_end_matches('<').to_owned(),
        expiry,
        checks: out,
    })
}

/// The text actually read for `number` when it differs only by confusable characters.
fn repaired_from(read: &str, number: &str) -> Option<String> {
    use crate::matching::normalize::misread_key;
    if number.is_empty() || read.contains(number) {
        return None;
    }
    let key = misread_key(number);
    let bytes = read.as_bytes();
    bytes.windows(number.len()).filter_map(|w| std::str::from_utf8(w).ok()).find(|w| misread_key(w) == key).map(str::to_owned)
}

/// Reads exact-width lines: as printed when every check digit holds; otherwise the `mrz` crate's
/// repair of a misread (O/0, I/1…) when all the repaired zone's digits hold; otherwise as printed,
/// failures and all (or the crate's best reading when it refuses the zone as printed). The check
/// digits are always this module's strict ones, never the crate's (see `check_digits`). The flag
/// says the crate's repair pass gave the reading.
fn read_zone(lines: &[String]) -> Result<(mrz::MrzData, ZoneChecks, bool), MrzReadError> {
    let strict = |d: mrz::MrzData| check_digits::verify_zone(d.format, &d.mrz_lines).map(|z| (d, z));
    let printed = match zone::parse_printed(lines).and_then(strict) {
        Some((d, z)) if z.all_hold() => return Ok((d, z, false)),
        other => other,
    };
    let found = mrz::find_and_parse(&lines.join("\n"));
    let refusal = found.as_ref().err().map_or_else(|| "unsupported MRZ layout".to_owned(), ToString::to_string);
    match (found.ok().and_then(strict), printed) {
        (Some((d, z)), _) if z.all_hold() => Ok((d, z, true)),
        (_, Some((d, z))) => Ok((d, z, false)),
        (Some((d, z)), None) => Ok((d, z, true)),
        (None, None) => Err(MrzReadError::Unreadable(refusal)),
    }
}

/// Compares the MRZ with what the officer typed from the visual page.
pub fn compare_with_typed(reading: &MrzReading, typed: &QueryInput) -> Vec<DocumentCheck> {
    let mut out = Vec::new();
    let mut cmp = |what: &str, mrz: &str, typed: &str| {
        let norm = |s: &str| crate::matching::normalize::normalize_code(s);
        if !typed.trim().is_empty() && norm(mrz) != norm(typed) {
            out.push(DocumentCheck {
                check: format!("{what}: MRZ vs visual page"),
                status: CheckStatus::Failed,
                detail: format!("MRZ says {mrz}, typed {typed}"),
            });
        }
    };
    if let Some(d) = &typed.document {
        cmp("document number", &reading.document_number, &d.number);
    }
    if let Some(p) = &typed.person {
        cmp("family name", &reading.family_name, &p.family_name);
        cmp("date of birth", &reading.date_of_birth, &p.date_of_birth);
    }
    out
}

/// A TD3 MRZ for a traveller (used for the planted cases and generated traveller lists).
pub fn emit_td3(
    doc_type: &str,
    country: &str,
    number: &str,
    family: &str,
    given: &str,
    nationality: &str,
    dob: NaiveDate,
    sex: &str,
    expiry: NaiveDate,
) -> String {
    let date = |d: NaiveDate| d.format("%Y-%m-%d").to_string().parse::<mrz::MrzDate>().unwrap_or(mrz::MrzDate::Unknown);
    let sex = match sex {
        "M" => mrz::Sex::Male,
        "F" => mrz::Sex::Female,
        _ => mrz::Sex::Unspecified,
    };
    mrz::format_td3(&mrz::Td3Fields {
        document_code: doc_type.into(),
        issuing_country: country.into(),
        document_number: number.into(),
        surname: family.into(),
        given_names: given.into(),
        nationality: nationality.into(),
        date_of_birth: date(dob),
        sex,
        date_of_expiry: date(expiry),
        personal_number: None,
    })
}

/// The day checks run against when only names, dates of birth and document numbers matter
/// (scenario and dataset validation, pre-arrival targets): fixed, so they are deterministic.
pub fn fixed_check_day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 1, 1).unwrap_or_default()
}

/// Fills the document and person fields the officer did not type from the MRZ in `input.mrz`.
pub fn fill_from_mrz(input: &QueryInput, today: NaiveDate) -> (QueryInput, Option<Result<MrzReading, MrzReadError>>) {
    let Some(text) = input.mrz.as_deref().filter(|t| !t.trim().is_empty()) else {
        return (input.clone(), None);
    };
    let reading = read_mrz(text, today);
    let mut filled = input.clone();
    if let Ok(r) = &reading {
        let from = r.to_query_input();
        let pick = |typed: &str, read: &str| {
            if typed.trim().is_empty() { read.to_owned() } else { typed.to_owned() }
        };
        let (d0, p0) = (filled.document.clone().unwrap_or_default(), filled.person.clone().unwrap_or_default());
        let (d1, p1) = (from.document.unwrap_or_default(), from.person.unwrap_or_default());
        filled.document = Some(DocumentInput {
            number: pick(&d0.number, &d1.number),
            kind: pick(&d0.kind, &d1.kind),
            country: pick(&d0.country, &d1.country),
            expiry: pick(&d0.expiry, &d1.expiry),
        });
        filled.person = Some(PersonInput {
            family_name: pick(&p0.family_name, &p1.family_name),
            given_names: pick(&p0.given_names, &p1.given_names),
            date_of_birth: pick(&p0.date_of_birth, &p1.date_of_birth),
            sex: pick(&p0.sex, &p1.sex),
            nationality: pick(&p0.nationality, &p1.nationality),
        });
    }
    (filled, Some(reading))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
    }

    #[test]
    fn utopia_specimen_reads_with_all_checks_verified() {
        let r = read_mrz("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10", today()).unwrap();
        assert_eq!((r.family_name.as_str(), r.given_names.as_str()), ("ERIKSSON", "ANNA MARIA"));
        assert_eq!((r.document_number.as_str(), r.issuing_country.as_str()), ("L898902C3", "UTO"));
        assert_eq!(r.date_of_birth, "1974-08-12");
        assert!(
            r.checks
                .iter()
                .filter(|c| c.check.contains("check digit") && c.status != CheckStatus::Absent)
                .all(|c| c.status == CheckStatus::Verified)
        );
        assert!(r.checks.iter().any(|c| c.detail.contains("EXPIRED")), "the specimen expired in 2012");
    }

    #[test]
    fn run_together_lines_with_spaces_read_the_same() {
        let a = read_mrz("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<< L898902C36UTO7408122F1204159ZE184226B<<<<<10", today()).unwrap();
        assert_eq!(a.document_number, "L898902C3");
    }

    #[test]
    fn a_wrong_check_digit_is_flagged_on_its_field() {
        let r = read_mrz("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C35UTO7408122F1204159ZE184226B<<<<<10", today());
        match r {
            Ok(r) => {
                let c = r.checks.iter().find(|c| c.check == "document number check digit").unwrap();
                assert_eq!(c.status, CheckStatus::Failed);
                assert!(r.has_failed_check());
            }
            Err(e) => assert!(e.to_string().to_lowercase().contains("check"), "{e}"),
        }
    }

    #[test]
    fn a_misread_proven_by_the_check_digit_is_repaired_and_reported() {
        let r = read_mrz("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL8989O2C36UTO7408122F1204159ZE184226B<<<<<10", today()).unwrap();
        assert_eq!(r.document_number, "L898902C3");
        let repair = r.checks.iter().find(|c| c.check == "document number repair").expect("repair reported");
        assert!(repair.detail.contains("read L8989O2C3"), "{}", repair.detail);
        let clean =
            read_mrz("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10", today()).unwrap();
        assert!(clean.checks.iter().all(|c| c.check != "document number repair"));
    }

    #[test]
    fn garbage_gives_errors_not_panics() {
        assert_eq!(read_mrz("", today()), Err(MrzReadError::Empty));
        assert!(read_mrz("hello world", today()).is_err());
        assert!(matches!(read_mrz(&"<".repeat(200), today()), Err(MrzReadError::TooLong(_))));
        assert!(read_mrz("P<UTOÉRIKSSON", today()).is_err());
    }

    #[test]
    fn emitted_mrz_reads_back() {
        let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
        let text = emit_td3("P", "UTO", "UT4471920", "KARLSSON", "ERIK JOHAN", "UTO", d(1983, 4, 17), "M", d(2030, 1, 1));
        let r = read_mrz(&text, today()).unwrap();
        assert_eq!(r.document_number, "UT4471920");
        assert!(!r.has_failed_check(), "{:?}", r.checks);
    }
}
