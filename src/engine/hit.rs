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

/// Everything a source knows about a hit; severity and action are added from the rule table
/// (`Hit::assessed`), so both sources build their hits the one way.
pub struct HitParts {
    pub source: SourceId,
    pub database: Database,
    pub record_id: String,
    pub subject: String,
    pub match_kind: MatchKind,
    pub score: u8,
    pub explanation: Vec<Feature>,
    pub subject_key: String,
    pub owner: Option<String>,
    pub record: RecordDetail,
    /// A diffusion's purpose, which changes its rule.
    pub purpose: Option<crate::domain::DiffusionPurpose>,
}

impl Hit {
    /// The one hit builder of both sources: severity and action from `docs/hit-actions.md`.
    pub fn assessed(p: HitParts) -> Self {
        let (severity, action) = super::assessment::assess_with(p.database, p.match_kind, p.purpose);
        Self {
            source: p.source,
            database: p.database,
            record_id: p.record_id,
            subject: p.subject,
            match_kind: p.match_kind,
            score: p.score,
            severity,
            action: action.into(),
            explanation: p.explanation,
            subject_key: p.subject_key,
            owner: p.owner,
            record: p.record,
        }
    }
}

impl Hit {
    /// Whether nobody may act on this hit before its owner confirms it: an owned record whose
    /// rule in `docs/hit-actions.md` says so.
    pub fn needs_confirmation(&self) -> bool {
        self.owner.is_some() && super::hit_rules::rule(self.database, self.match_kind, None).confirm
    }
}

/// The one rank-and-cap of both sources: most severe first, then best score, at most `max_hits`.
pub fn rank_and_cap(mut hits: Vec<Hit>, max_hits: usize) -> Vec<Hit> {
    hits.sort_by(|a, b| b.severity.cmp(&a.severity).then(b.score.cmp(&a.score)));
    hits.truncate(max_hits);
    hits
}
