//! Pre-arrival screening (UNSC resolution 2396): the passenger list an airline sends before
//! landing — a UN/EDIFACT PAXLST message or a trainer's CSV — read into announced travellers,
//! every one screened against both databases before the flight lands.

pub mod csv_list;
pub mod desk;
pub mod paxlst;
pub mod paxlst_write;
pub mod screen;

use serde::Serialize;

use crate::query::input::{DocumentInput, PersonInput, QueryInput};

/// One person on the list, as the airline announced them.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Announced {
    /// Where in the file: "segment 14" or "line 3".
    pub at: String,
    pub family_name: String,
    pub given_names: String,
    pub sex: String,
    pub date_of_birth: String,
    pub nationality: String,
    pub document_number: String,
    pub document_type: String,
    pub document_country: String,
    pub document_expiry: String,
    pub booking_ref: String,
    pub seat: String,
    /// Crew (NAD+FM) rather than passenger (NAD+FL).
    pub crew: bool,
}

impl Announced {
    /// The query the desk would send for this person.
    pub fn query_input(&self) -> QueryInput {
        let document = (!self.document_number.is_empty()).then(|| DocumentInput {
            number: self.document_number.clone(),
            kind: self.document_type.clone(),
            country: self.document_country.clone(),
            expiry: self.document_expiry.clone(),
        });
        let person = (!self.family_name.is_empty() || !self.given_names.is_empty()).then(|| PersonInput {
            family_name: self.family_name.clone(),
            given_names: self.given_names.clone(),
            date_of_birth: self.date_of_birth.clone(),
            sex: self.sex.clone(),
            nationality: self.nationality.clone(),
        });
        QueryInput { id: None, document, person, vehicle: None, mrz: None }
    }
}

/// A flight's list.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Manifest {
    pub flight: String,
    pub departure_port: String,
    pub departure_time: String,
    pub arrival_port: String,
    pub arrival_time: String,
    pub travellers: Vec<Announced>,
}

/// A problem in a manifest file, with where it is.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ManifestProblem {
    pub error: bool,
    pub at: String,
    pub message: String,
}

impl std::fmt::Display for ManifestProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}: {}", self.at, if self.error { "error" } else { "warning" }, self.message)
    }
}

/// Reads a manifest: PAXLST when it starts with UNA or UNB, CSV otherwise. A bad traveller is a
/// problem and the rest are still read; an unreadable file is an error.
pub fn read_manifest(path: &std::path::Path) -> Result<(Manifest, Vec<ManifestProblem>), String> {
    let bytes = crate::dataset::safe_read::read_regular(path, MAX_MANIFEST_BYTES).map_err(|e| format!("{}: {e}", path.display()))?;
    let text = String::from_utf8(bytes).map_err(|_| format!("{}: not UTF-8 text", path.display()))?;
    Ok(parse_text(&text))
}

/// A manifest's text read as PAXLST when it starts with UNA or UNB, as CSV otherwise.
pub fn parse_text(text: &str) -> (Manifest, Vec<ManifestProblem>) {
    let text = text.trim_start_matches('\u{feff}');
    let start = text.trim_start();
    if start.starts_with("UNA") || start.starts_with("UNB") { paxlst::parse(text.as_bytes()) } else { csv_list::parse(text) }
}

/// The sample flights, compiled in so a built-in scenario can name one from any directory.
pub const BUILTIN_MANIFESTS: &[(&str, &str)] = &[
    ("xy123-ist-uto.edi", include_str!("../../sample_data/manifests/xy123-ist-uto.edi")),
    ("xy456-fra-uto.csv", include_str!("../../sample_data/manifests/xy456-fra-uto.csv")),
];

pub fn builtin_manifest(name: &str) -> Option<&'static str> {
    BUILTIN_MANIFESTS.iter().find(|(n, _)| *n == name).map(|(_, text)| *text)
}

/// Largest manifest read (a wide-body flight's list is tens of kilobytes).
pub const MAX_MANIFEST_BYTES: u64 = 16 * 1024 * 1024;
