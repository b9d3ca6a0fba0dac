//! What the officer asks: a document, a person, a vehicle, or any mix. Typed text comes in as
//! `QueryInput` (also the JSONL batch shape) and is checked field by field into a `Query`;
//! a bad field is reported and left out, it never blocks the rest of the query.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::domain::{Country, DocumentKind, PartialDate, Sex};
pub use crate::engine::query::{DocumentQuery, PersonQuery, Query, VehicleQuery};
use crate::matching::normalize::normalize_code;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QueryInput {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub document: Option<DocumentInput>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub person: Option<PersonInput>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vehicle: Option<VehicleInput>,
    /// MRZ lines (2 or 3, or run together); fills document and person fields not typed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mrz: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocumentInput {
    #[serde(default)]
    pub number: String,
    #[serde(default, rename = "type")]
    pub kind: String,
    #[serde(default)]
    pub country: String,
    #[serde(default)]
    pub expiry: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PersonInput {
    #[serde(default)]
    pub family_name: String,
    #[serde(default)]
    pub given_names: String,
    #[serde(default)]
    pub date_of_birth: String,
    #[serde(default)]
    pub sex: String,
    #[serde(default)]
    pub nationality: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VehicleInput {
    #[serde(default)]
    pub plate: String,
    #[serde(default)]
    pub vin: String,
}

/// A field that could not be used, for inline display next to it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldIssue {
    /// Dotted path, e.g. `person.date_of_birth`.
    pub field: String,
    pub message: String,
}

impl QueryInput {
    /// Checks every field; unusable ones are reported and left out.
    pub fn to_query(&self) -> (Query, Vec<FieldIssue>) {
        // Typed fields have the dataset's length limit: a 3.5 MB "family name" is refused at
        // once instead of costing seconds and hundreds of megabytes in the name index.
        if let Some(too_long) = self.too_long_field() {
            return (Query::default(), vec![too_long]);
        }
        let mut issues = Vec::new();
        let mut issue = |field: &str, message: String| issues.push(FieldIssue { field: field.into(), message });
        let mut query = Query::default();
        if let Some(d) = &self.document {
            let number = normalize_code(&d.number);
            let kind = non_empty(&d.kind).and_then(|k| {
                DocumentKind::parse(k).or_else(|| {
                    issue("document.type", format!("unknown document type {k:?} (P, I, V, R)"));
                    None
                })
            });
            let country = non_empty(&d.country).and_then(|c| Country::parse(c).map_err(|e| issue("document.country", e.to_string())).ok());
            let expiry = non_empty(&d.expiry).and_then(|e| {
                NaiveDate::parse_from_str(e, "%Y-%m-%d")
                    .map_err(|_| issue("document.expiry", format!("invalid date {e:?} (YYYY-MM-DD)")))
                    .ok()
            });
            if !number.is_empty() {
                query.document = Some(DocumentQuery { number, kind, country, expiry });
            }
        }
        if let Some(p) = &self.person {
            let date_of_birth = non_empty(&p.date_of_birth).and_then(|d| match PartialDate::parse_typed(d) {
                Ok((date, note)) => {
                    if let Some(note) = note {
                        issue("person.date_of_birth", note);
                    }
                    Some(date)
                }
                Err(e) => {
                    issue("person.date_of_birth", e.to_string());
                    None
                }
            });
            let date_of_birth_invalid = non_empty(&p.date_of_birth).is_some() && date_of_birth.is_none();
            let sex = non_empty(&p.sex).and_then(|s| {
                Sex::parse(s).or_else(|| {
                    issue("person.sex", format!("unknown sex {s:?} (M, F or X)"));
                    None
                })
            });
            let nationality =
                non_empty(&p.nationality).and_then(|c| Country::parse(c).map_err(|e| issue("person.nationality", e.to_string())).ok());
            let person = PersonQuery {
                family_name: p.family_name.trim().into(),
                given_names: p.given_names.trim().into(),
                date_of_birth,
                sex,
                nationality,
                date_of_birth_invalid,
            };
            if !person.name_form().is_empty() {
                query.person = Some(person);
            } else if date_of_birth.is_some() {
                issue("person.family_name", "a person query needs a name; date of birth alone is not searched".into());
            }
        }
        if let Some(v) = &self.vehicle {
            let vehicle = VehicleQuery { plate: normalize_code(&v.plate), vin: normalize_code(&v.vin) };
            if !vehicle.plate.is_empty() || !vehicle.vin.is_empty() {
                query.vehicle = Some(vehicle);
            }
        }
        (query, issues)
    }
}

impl QueryInput {
    fn too_long_field(&self) -> Option<FieldIssue> {
        let max = crate::dataset::validate::MAX_FIELD_BYTES;
        let mut fields: Vec<(&str, &str)> = Vec::new();
        if let Some(d) = &self.document {
            fields.extend([
                ("document.number", d.number.as_str()),
                ("document.type", &d.kind),
                ("document.country", &d.country),
                ("document.expiry", &d.expiry),
            ]);
        }
        if let Some(p) = &self.person {
            fields.extend([
                ("person.family_name", p.family_name.as_str()),
                ("person.given_names", &p.given_names),
                ("person.date_of_birth", &p.date_of_birth),
                ("person.sex", &p.sex),
                ("person.nationality", &p.nationality),
            ]);
        }
        if let Some(v) = &self.vehicle {
            fields.extend([("vehicle.plate", v.plate.as_str()), ("vehicle.vin", &v.vin)]);
        }
        if let Some(m) = &self.mrz {
            fields.push(("mrz", m.as_str()));
        }
        fields.into_iter().find(|(_, v)| v.len() > max || v.contains('\0')).map(|(field, v)| FieldIssue {
            field: field.into(),
            message: if v.contains('\0') {
                "contains a NUL character".into()
            } else {
                format!("is {} bytes long; at most {max} are accepted (nothing was queried)", v.len())
            },
        })
    }
}

fn non_empty(s: &str) -> Option<&str> {
    let t = s.trim();
    (!t.is_empty()).then_some(t)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bad_fields_are_reported_and_the_rest_kept() {
        let input = QueryInput {
            person: Some(PersonInput {
                family_name: "Eriksson".into(),
                date_of_birth: "1990-02-30".into(),
                nationality: "QQQ".into(),
                ..Default::default()
            }),
            document: Some(DocumentInput { number: "l898 902c3".into(), country: "ut".into(), ..Default::default() }),
            ..Default::default()
        };
        let (q, issues) = input.to_query();
        assert_eq!(q.document.as_ref().unwrap().number, "L898902C3");
        assert!(q.person.is_some());
        let fields: Vec<_> = issues.iter().map(|i| i.field.as_str()).collect();
        assert_eq!(fields, ["document.country", "person.date_of_birth", "person.nationality"]);
    }

    #[test]
    fn a_huge_or_nul_field_is_refused_before_any_search() {
        let input =
            QueryInput { person: Some(PersonInput { family_name: "A".repeat(3_500_000), ..Default::default() }), ..Default::default() };
        let (q, issues) = input.to_query();
        assert!(q.is_empty() && issues[0].field == "person.family_name" && issues[0].message.contains("at most"));
        let nul = QueryInput { person: Some(PersonInput { family_name: "AB\0C".into(), ..Default::default() }), ..Default::default() };
        assert!(nul.to_query().1[0].message.contains("NUL"));
    }
}
