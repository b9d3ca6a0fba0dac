//! Vehicle lookups shared by the national stolen-vehicle list and SMV.

use super::code_index::CodeIndex;
use super::hit::MatchKind;
use super::query::VehicleQuery;
use crate::matching::normalize::{normalize_code, normalize_vin};
use crate::matching::{Feature, Outcome};

/// (record index, VIN or plate match, explanation), VIN matches first, each record once.
/// `plate_of` and `vin_of` give a record's raw plate and VIN.
pub fn vehicle_hits(
    query: &VehicleQuery,
    plates: &CodeIndex,
    vins: &CodeIndex,
    plate_of: impl Fn(u32) -> String,
    vin_of: impl Fn(u32) -> String,
) -> Vec<(u32, MatchKind, Vec<Feature>)> {
    let mut out: Vec<(u32, MatchKind, Vec<Feature>)> = Vec::new();
    let vin = normalize_vin(&query.vin);
    if !vin.is_empty() {
        for i in vins.exact(&vin, |r| normalize_vin(&vin_of(r))) {
            out.push((i, MatchKind::Vin, vec![Feature::new("VIN", Outcome::Match, vin.clone())]));
        }
    }
    if !query.plate.is_empty() {
        for i in plates.exact(&query.plate, |r| normalize_code(&plate_of(r))) {
            if let Some(existing) = out.iter_mut().find(|(r, _, _)| *r == i) {
                existing.2.push(Feature::new("plate", Outcome::Match, query.plate.clone()));
            } else {
                out.push((i, MatchKind::Plate, vec![Feature::new("plate", Outcome::Match, query.plate.clone())]));
            }
        }
    }
    out
}
