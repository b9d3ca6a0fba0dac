//! Records of the mock national database (modelled on Schengen SIS alert categories).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{Country, DocumentKind, DocumentStatus, PartialDate, PersonName, Sex};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum NationalAlert {
    WantedForArrest,
    RefuseEntry,
    /// The officer must not alert the person: record and report only.
    DiscreetCheck,
    MissingPerson,
    ForeignFighterWatch,
    /// Sought to assist a judicial procedure (a witness, a summons): record and inform.
    JudicialProcedure,
    /// Inquiry or specific check: search as the alert says, record and report.
    SpecificCheck,
}

impl NationalAlert {
    pub fn label(self) -> &'static str {
        match self {
            Self::WantedForArrest => "wanted for arrest",
            Self::RefuseEntry => "refuse entry",
            Self::DiscreetCheck => "discreet check",
            Self::MissingPerson => "missing person",
            Self::ForeignFighterWatch => "foreign-fighter watch",
            Self::JudicialProcedure => "sought for a judicial procedure",
            Self::SpecificCheck => "inquiry / specific check",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NationalPerson {
    pub id: String,
    pub name: PersonName,
    pub date_of_birth: Option<PartialDate>,
    pub sex: Sex,
    pub nationality: Option<Country>,
    pub alert: NationalAlert,
    pub reason: String,
    pub photo: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NationalDocument {
    pub id: String,
    pub number: String,
    pub kind: DocumentKind,
    pub country: Country,
    pub status: DocumentStatus,
    pub holder: PersonName,
    pub holder_date_of_birth: Option<PartialDate>,
    pub expiry: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NationalVehicle {
    pub id: String,
    pub plate: String,
    pub vin: String,
    pub make: String,
    pub model: String,
    pub colour: String,
    pub reported: Option<NaiveDate>,
}

/// The whole national side of a dataset.
#[derive(Debug, Clone, Default, Serialize)]
pub struct NationalDatabase {
    pub agency: String,
    pub country: Option<Country>,
    pub persons: Vec<NationalPerson>,
    pub documents: Vec<NationalDocument>,
    pub vehicles: Vec<NationalVehicle>,
}
