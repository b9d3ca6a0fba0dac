//! One record that matched the query, with why, how bad, and what to do.

use std::fmt;

use serde::Serialize;

use crate::domain::{
    DocumentStatus, FraudType, NationalAlert, NationalDocument, NationalPerson, NationalVehicle, Notice, NoticeKind, SltdRecord, SmvRecord,
    TdawnRecord,
};
use crate::matching::Feature;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceId {
    #[serde(alias = "National")]
    National,
    #[serde(alias = "Interpol", alias = "INTERPOL")]
    Interpol,
}

impl SourceId {
    pub const ALL: [SourceId; 2] = [SourceId::National, SourceId::Interpol];

    pub fn label(self) -> &'static str {
        match self {
            Self::National => "National",
            Self::Interpol => "INTERPOL (I-24/7 simulated)",
        }
    }

    pub fn short(self) -> &'static str {
        match self {
            Self::National => "National",
            Self::Interpol => "INTERPOL",
        }
    }
}

/// Which database of which source the record comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Database {
    NationalAlert(NationalAlert),
    NationalDocument(DocumentStatus),
    NationalVehicle,
    Notice(NoticeKind),
    Sltd(FraudType),
    Tdawn,
    Smv,
}

impl Database {
    /// Short machine name for JSON and tables: `sltd`, `red_notice`, `national_alert`, …
    pub fn code(self) -> &'static str {
        match self {
            Self::NationalAlert(_) => "national_alert",
            Self::NationalDocument(_) => "national_document",
            Self::NationalVehicle => "national_vehicle",
            Self::Notice(NoticeKind::Red) => "red_notice",
            Self::Notice(NoticeKind::Yellow) => "yellow_notice",
            Self::Notice(NoticeKind::Blue) => "blue_notice",
            Self::Notice(NoticeKind::Black) => "black_notice",
            Self::Notice(NoticeKind::Green) => "green_notice",
            Self::Notice(NoticeKind::Orange) => "orange_notice",
            Self::Notice(NoticeKind::Purple) => "purple_notice",
            Self::Notice(NoticeKind::UnSpecial) => "un_special_notice",
            Self::Notice(NoticeKind::Diffusion) => "diffusion",
            Self::Sltd(_) => "sltd",
            Self::Tdawn => "tdawn",
            Self::Smv => "smv",
        }
    }
}

impl fmt::Display for Database {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NationalAlert(a) => write!(f, "National alert: {}", a.label()),
            Self::NationalDocument(s) => write!(f, "National document registry: {}", format!("{s:?}").to_lowercase()),
            Self::NationalVehicle => f.write_str("National stolen vehicle"),
            Self::Notice(k) => f.write_str(k.label()),
            Self::Sltd(t) => write!(f, "SLTD {}", t.label()),
            Self::Tdawn => f.write_str("TDAWN (valid document linked to a notice)"),
            Self::Smv => f.write_str("SMV stolen motor vehicle"),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MatchKind {
    DocumentExact,
    /// Same number, but the issuing country was not typed or differs.
    DocumentNumberOnly,
    /// Equal only once confusable characters (O/0, I/1 …) are folded.
    DocumentMisread,
    /// The same number, but the issuing country typed is another one: probably another document.
    DocumentOtherCountry,
    /// A valid national document whose registered holder is someone else.
    DocumentHolderMismatch,
    Name,
    Vin,
    Plate,
}

/// How urgent a hit is. Ordered: Critical is the highest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Info,
    Medium,
    High,
    Critical,
}

impl Severity {
    pub fn label(self) -> &'static str {
        match self {
            Self::Info => "INFO",
            Self::Medium => "MEDIUM",
            Self::High => "HIGH",
            Self::Critical => "CRITICAL",
        }
    }
}

/// The full record behind a hit, for the detail view.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum RecordDetail {
    NationalPerson(NationalPerson),
    NationalDocument(NationalDocument),
    NationalVehicle(NationalVehicle),
    Notice(Notice),
    Sltd(SltdRecord),
    Tdawn { tdawn: TdawnRecord, notice: Option<Notice> },
    Smv(SmvRecord),
}

impl RecordDetail {
    pub fn photo(&self) -> Option<&str> {
        match self {
            Self::NationalPerson(p) => p.photo.as_deref(),
            Self::Notice(n) | Self::Tdawn { notice: Some(n), .. } => n.photo.as_deref(),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Hit {
    pub source: SourceId,
    pub database: Database,
    pub record_id: String,
    /// Who or what matched, as shown in the table.
    pub subject: String,
    #[serde(rename = "match")]
    pub match_kind: MatchKind,
    pub score: u8,
    pub severity: Severity,
    pub action: String,
    pub explanation: Vec<Feature>,
    /// Hits with the same key are about the same subject and are shown as one group.
    pub subject_key: String,
    /// The country that must confirm the hit before anyone acts on it (INTERPOL records).
    pub owner: Option<String>,
    #[serde(skip)]
    pub record: RecordDetail,
}
