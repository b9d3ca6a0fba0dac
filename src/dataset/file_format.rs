//! The on-disk shape of a dataset (see docs/dataset-format.md). Dates and country codes are
//! read as text here and checked in `load`, so that every bad value is reported, not just the first.

use serde::{Deserialize, Serialize};

use crate::domain::{Charge, DocumentKind, DocumentStatus, FraudType, NationalAlert, NoticeKind, Sex};

pub const FORMAT_VERSION: u32 = 1;

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename = "Dataset")]
pub struct DatasetFile {
    pub format: u32,
    pub name: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub post: Option<String>,
    #[serde(default)]
    pub national: NationalFile,
    #[serde(default)]
    pub interpol: InterpolFile,
    /// Guided cases for demos on this dataset (see docs/dataset-format.md).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub demo_cases: Vec<DemoCaseRow>,
}

/// One guided case: what to enter (fields or an MRZ), what the audience should notice, and the
/// expected top hit (absent for a traveller who should raise nothing).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DemoCaseRow {
    pub title: String,
    #[serde(default)]
    pub notice: String,
    pub enter: crate::query::input::QueryInput,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expect: Option<ExpectedTopHit>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExpectedTopHit {
    /// Database code as hits show it (`red_notice`, `sltd`, `national_person`…).
    pub database: String,
    pub record: String,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NationalFile {
    #[serde(default)]
    pub agency: String,
    #[serde(default)]
    pub country: Option<String>,
    #[serde(default)]
    pub persons: Vec<PersonRow>,
    #[serde(default)]
    pub documents: Vec<DocumentRow>,
    #[serde(default)]
    pub vehicles: Vec<VehicleRow>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InterpolFile {
    #[serde(default)]
    pub notices: Vec<NoticeRow>,
    #[serde(default)]
    pub sltd: Vec<SltdRow>,
    /// More SLTD records in a tab-separated sidecar file, relative to the dataset (see `sltd_tsv`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sltd_file: Option<String>,
    #[serde(default)]
    pub tdawn: Vec<TdawnRow>,
    #[serde(default)]
    pub smv: Vec<SmvRow>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PersonRow {
    pub id: String,
    pub family_name: String,
    #[serde(default)]
    pub given_names: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub original_script: Option<String>,
    #[serde(default)]
    pub date_of_birth: Option<String>,
    #[serde(default)]
    pub sex: Sex,
    #[serde(default)]
    pub nationality: Option<String>,
    pub alert: NationalAlert,
    #[serde(default)]
    pub reason: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub photo: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocumentRow {
    pub id: String,
    pub number: String,
    #[serde(default)]
    pub kind: DocumentKind,
    pub country: String,
    pub status: DocumentStatus,
    #[serde(default)]
    pub holder_family_name: String,
    #[serde(default)]
    pub holder_given_names: String,
    #[serde(default)]
    pub holder_date_of_birth: Option<String>,
    #[serde(default)]
    pub expiry: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VehicleRow {
    pub id: String,
    #[serde(default)]
    pub plate: String,
    #[serde(default)]
    pub vin: String,
    #[serde(default)]
    pub make: String,
    #[serde(default)]
    pub model: String,
    #[serde(default)]
    pub colour: String,
    #[serde(default)]
    pub reported: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NoticeRow {
    pub id: String,
    pub kind: NoticeKind,
    pub family_name: String,
    #[serde(default)]
    pub given_names: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub original_script: Option<String>,
    #[serde(default)]
    pub date_of_birth: Option<String>,
    #[serde(default)]
    pub sex: Sex,
    #[serde(default)]
    pub nationalities: Vec<String>,
    pub owner: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub charges: Vec<Charge>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub distinguishing_marks: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub photo: Option<String>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub foreign_fighter: bool,
    #[serde(default)]
    pub issued: Option<String>,
    /// Diffusions only: Arrest, Locate, Information or Warning.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub purpose: Option<crate::domain::DiffusionPurpose>,
    /// What the owning country answers when asked to confirm a hit on this record
    /// (`SamePerson` or `NotSamePerson`); without it the simulated reply is left to chance.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confirmation: Option<crate::domain::OwnerAnswer>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SltdRow {
    pub id: String,
    pub number: String,
    pub country: String,
    #[serde(default)]
    pub kind: DocumentKind,
    pub fraud: FraudType,
    pub reporting_country: String,
    pub reported: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TdawnRow {
    pub id: String,
    pub number: String,
    pub country: String,
    #[serde(default)]
    pub kind: DocumentKind,
    pub notice_id: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SmvRow {
    pub id: String,
    pub vin: String,
    #[serde(default)]
    pub plate: String,
    #[serde(default)]
    pub make: String,
    #[serde(default)]
    pub model: String,
    #[serde(default)]
    pub colour: String,
    pub reporting_country: String,
    pub stolen: String,
}
