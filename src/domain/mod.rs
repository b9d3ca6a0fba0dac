//! Validated domain records of both mock databases. Files are read through `crate::dataset`.

pub mod country;
pub mod date;
pub mod document;
pub mod interpol;
pub mod national;
pub mod person;
pub mod sltd_table;

pub use country::Country;
pub use date::{DateAgreement, PartialDate, parse_iso_date};
pub use document::{DocumentKind, DocumentStatus, FraudType};
pub use interpol::{Charge, DiffusionPurpose, InterpolDatabase, Notice, NoticeKind, OwnerAnswer, SltdRecord, SmvRecord, TdawnRecord};
pub use national::{NationalAlert, NationalDatabase, NationalDocument, NationalPerson, NationalVehicle};
pub use person::{PersonName, Sex};
pub use sltd_table::SltdTable;
