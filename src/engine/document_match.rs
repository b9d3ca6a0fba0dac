//! Shared logic for matching a typed document against a registry record (SLTD, TDAWN, national).

use super::hit::MatchKind;
use super::query::DocumentQuery;
use crate::domain::{Country, DocumentKind};
use crate::matching::{Feature, Outcome};

/// How a record's number/country/type compare with the query; None when it should not be a hit.
pub fn compare_document(
    query: &DocumentQuery,
    misread: bool,
    number: &str,
    country: Country,
    kind: DocumentKind,
) -> Option<(MatchKind, u8, Vec<Feature>)> {
    let mut features = Vec::with_capacity(3);
    let (mut kind_of_match, mut score): (MatchKind, u8) = if misread {
        features.push(Feature::new(
            "document number",
            Outcome::Partial,
            format!("{number} on record vs {} typed: equal only if O/0, I/1… were misread", query.number),
        ));
        (MatchKind::DocumentMisread, 70)
    } else {
        features.push(Feature::new("document number", Outcome::Match, number.to_owned()));
        (MatchKind::DocumentExact, 100)
    };
    match query.country {
        Some(c) if c == country => features.push(Feature::new("issuing country", Outcome::Match, c.as_str())),
        Some(c) => {
            // Same number from another state is usually a different document.
            features.push(Feature::new("issuing country", Outcome::Mismatch, format!("typed {c}, record {country}")));
            return if misread { None } else { Some((MatchKind::DocumentOtherCountry, 55, features)) };
        }
        None => {
            features.push(Feature::new("issuing country", Outcome::NotCompared, format!("not typed (record {country})")));
            if !misread {
                kind_of_match = MatchKind::DocumentNumberOnly;
                score = 90;
            }
        }
    }
    match query.kind {
        Some(k) if k == kind => features.push(Feature::new("document type", Outcome::Match, k.label())),
        Some(k) => {
            score = score.saturating_sub(10);
            features.push(Feature::new("document type", Outcome::Mismatch, format!("typed {}, record {}", k.label(), kind.label())));
        }
        None => {}
    }
    Some((kind_of_match, score, features))
}
