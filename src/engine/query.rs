//! What the engine searches with: a checked query (document, person, vehicle, or any mix).
//! The engine owns these types, so nothing in it imports from `query` (which sits above it:
//! input checking, dispatch, reports).

use chrono::NaiveDate;

use crate::domain::{Country, DocumentKind, PartialDate, Sex};
use crate::matching::NameForm;

#[derive(Debug, Clone, Default, PartialEq)]
pub struct DocumentQuery {
    pub number: String,
    pub kind: Option<DocumentKind>,
    pub country: Option<Country>,
    pub expiry: Option<NaiveDate>,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct PersonQuery {
    pub family_name: String,
    pub given_names: String,
    pub date_of_birth: Option<PartialDate>,
    pub sex: Option<Sex>,
    pub nationality: Option<Country>,
    /// Something was typed in the date field that is not a date (the explanation says so).
    pub date_of_birth_invalid: bool,
}

impl PersonQuery {
    pub fn name_form(&self) -> NameForm {
        NameForm::new(&self.family_name, &self.given_names)
    }
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct VehicleQuery {
    pub plate: String,
    pub vin: String,
}

/// A checked query, ready for both sources.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Query {
    pub document: Option<DocumentQuery>,
    pub person: Option<PersonQuery>,
    pub vehicle: Option<VehicleQuery>,
}

impl Query {
    pub fn is_empty(&self) -> bool {
        self.document.is_none() && self.person.is_none() && self.vehicle.is_none()
    }

    /// One line for the audit log and source cards: `L898902C3 UTO / ERIKSSON, ANNA / 1974-08-12`.
    pub fn summary(&self) -> String {
        let mut parts = Vec::new();
        if let Some(d) = &self.document {
            parts.push(format!("{} {}", d.number, d.country.map(|c| c.to_string()).unwrap_or_default()).trim().to_owned());
        }
        if let Some(p) = &self.person {
            let mut s = p.family_name.to_uppercase();
            if !p.given_names.is_empty() {
                s.push_str(", ");
                s.push_str(&p.given_names);
            }
            if let Some(d) = p.date_of_birth {
                s.push_str(&format!(" {d}"));
            }
            parts.push(s);
        }
        if let Some(v) = &self.vehicle {
            parts.push(format!("{} {}", v.plate, v.vin).trim().to_owned());
        }
        if parts.is_empty() { "(empty query)".into() } else { parts.join(" / ") }
    }
}
