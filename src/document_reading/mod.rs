//! Reading the machine-readable zone (ICAO 9303) with the `mrz` crate, and the document checks
//! an officer needs: every check digit, expiry, and agreement with what was typed.

use chrono::NaiveDate;
use serde::Serialize;

use crate::query::input::{DocumentInput, PersonInput, QueryInput};

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
}

const POSSIBLE_FORGERY: &str = "possible forgery or misread — inspect the document";

fn digit_check(name: &str, value: Option<bool>) -> DocumentCheck {
    let (status, detail) = match value {
        Some(true) => (CheckStatus::Verified, "check digit verified".to_owned()),
        Some(false) => (CheckStatus::Failed, format!("check digit FAILED: {POSSIBLE_FORGERY}")),
        None => (CheckStatus::Absent, "no check digit on this document".to_owned()),
    };
    DocumentCheck { check: format!("{name} check digit"), status, detail }
}

/// Reads 2 or 3 MRZ lines (or the lines run together, with stray spaces, as OCR delivers them).
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
    let lines = split_lines(&upper);
    let data = mrz::find_and_parse(&lines.join("\n")).map_err(|e| MrzReadError::Unreadable(e.to_string()))?;
    let checks = &data.checks;
    let mut out = vec![
        digit_check("document number", checks.document_number),
        digit_check("date of birth", checks.date_of_birth),
        digit_check("expiry", checks.date_of_expiry),
        digit_check("optional data", checks.personal_number),
        digit_check("composite", checks.composite),
    ];
    // The parser repairs a misread (O/0, I/1…) only when the check digit proves the repair;
    // say so, with what was actually read.
    let number = data.document_number_full.clone().unwrap_or_else(|| data.document_number.clone());
    if let Some(read) = repaired_from(&upper, &number) {
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
        document_number: data.document_number_full.clone().unwrap_or_else(|| data.document_number.clone()),
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

/// Splits run-together MRZ text into lines by its total length (TD1 90, TD2 72, TD3 88).
fn split_lines(compact: &str) -> Vec<String> {
    let width = match compact.len() {
        90 => 30,
        72 => 36,
        88 => 44,
        _ => return vec![compact.to_owned()],
    };
    compact.as_bytes().chunks(width).map(|c| String::from_utf8_lossy(c).into_owned()).collect()
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
