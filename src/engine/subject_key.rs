//! Keys that say two hits are about the same subject, across databases and sources.

use crate::domain::{Country, PartialDate};
use crate::matching::NameForm;

/// Same person: same phonetic name tokens (any order) and same date of birth.
pub fn person_key(name: &NameForm, dob: Option<PartialDate>) -> String {
    let mut keys: Vec<&str> = name.tokens.iter().filter(|t| !t.is_article).map(|t| &*t.key).collect();
    keys.sort_unstable();
    format!("person:{}:{}", keys.join("-"), dob.map(|d| d.to_string()).unwrap_or_default())
}

pub fn document_key(country: Country, number: &str) -> String {
    format!("document:{country}:{number}")
}

/// A query carries one vehicle, so every vehicle hit is about the vehicle presented.
pub fn vehicle_key() -> String {
    "vehicle:presented".into()
}
