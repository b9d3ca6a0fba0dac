//! Records of the mock INTERPOL-style database: notices, SLTD, TDAWN, SMV.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{Country, DocumentKind, FraudType, PartialDate, PersonName, Sex};

/// What the owning country answers, once asked, about a hit on this record: the dataset may
/// say it (the subject of a demo case really is that person); without it chance decides.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum OwnerAnswer {
    SamePerson,
    NotSamePerson,
}

/// What a diffusion asks of the other member countries; it drives the officer's action.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum DiffusionPurpose {
    #[default]
    Arrest,
    Locate,
    Information,
    Warning,
}

impl DiffusionPurpose {
    pub fn label(self) -> &'static str {
        match self {
            Self::Arrest => "arrest",
            Self::Locate => "locate",
            Self::Information => "obtain information",
            Self::Warning => "warning",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum NoticeKind {
    Red,
    Yellow,
    Blue,
    Black,
    Green,
    Orange,
    Purple,
    /// INTERPOL–UN Security Council Special Notice (sanctions: travel ban, asset freeze).
    UnSpecial,
    /// Sent directly by a country to others, without prior review by INTERPOL.
    Diffusion,
}

impl NoticeKind {
    pub fn label(self) -> &'static str {
        match self {
            Self::Red => "Red notice",
            Self::Yellow => "Yellow notice",
            Self::Blue => "Blue notice",
            Self::Black => "Black notice",
            Self::Green => "Green notice",
            Self::Orange => "Orange notice",
            Self::Purple => "Purple notice",
            Self::UnSpecial => "INTERPOL–UN Special Notice",
            Self::Diffusion => "Diffusion",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Charge {
    pub charge: String,
    pub country: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Notice {
    pub id: String,
    pub kind: NoticeKind,
    pub name: PersonName,
    pub date_of_birth: Option<PartialDate>,
    pub sex: Sex,
    pub nationalities: Vec<Country>,
    /// The country whose NCB owns the notice and must confirm a hit.
    pub owner: Country,
    pub charges: Vec<Charge>,
    pub distinguishing_marks: String,
    pub photo: Option<String>,
    pub foreign_fighter: bool,
    pub issued: Option<NaiveDate>,
    /// For a diffusion: what the sending country asks (arrest when the file does not say).
    pub purpose: Option<DiffusionPurpose>,
    /// What the owning country answers to a confirmation request outside an exercise, when the
    /// dataset says (see `OwnerAnswer`).
    pub confirmation: Option<OwnerAnswer>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SltdRecord {
    pub id: String,
    pub number: String,
    pub country: Country,
    pub kind: DocumentKind,
    pub fraud: FraudType,
    pub reporting_country: Country,
    pub reported: NaiveDate,
}

/// A VALID document linked to a person with a notice: the person travels on a genuine passport.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TdawnRecord {
    pub id: String,
    pub number: String,
    pub country: Country,
    pub kind: DocumentKind,
    pub notice_id: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SmvRecord {
    pub id: String,
    pub vin: String,
    pub plate: String,
    pub make: String,
    pub model: String,
    pub colour: String,
    pub reporting_country: Country,
    pub stolen: NaiveDate,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct InterpolDatabase {
    pub notices: Vec<Notice>,
    pub sltd: super::SltdTable,
    pub tdawn: Vec<TdawnRecord>,
    pub smv: Vec<SmvRecord>,
}
