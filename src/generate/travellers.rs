//! Lists of travellers with their passport MRZ, for training runs and benchmarks: the planted
//! travellers first (so some match), then random clean ones, plus one forged MRZ.

use chrono::{Duration, NaiveDate};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use super::dataset::document_number;
use super::name_pool::{nationalities, pick_origin, random_name};
use super::planted::{forged_mrz, planted_cases, planted_mrz};
use crate::document_reading::emit_td3;
use crate::query::QueryInput;

/// `count` traveller queries (JSONL-ready), each carrying only its MRZ.
pub fn traveller_list(seed: u64, count: usize) -> Vec<QueryInput> {
    let mut out: Vec<QueryInput> = planted_cases()
        .iter()
        .filter_map(|c| {
            planted_mrz(c).map(|mrz| QueryInput { id: Some(format!("planted: {}", c.title)), mrz: Some(mrz), ..Default::default() })
        })
        .collect();
    out.push(QueryInput { id: Some("planted: forged MRZ (wrong check digit)".into()), mrz: Some(forged_mrz()), ..Default::default() });
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let base = NaiveDate::from_ymd_opt(1950, 1, 1).unwrap_or_default();
    while out.len() < count {
        let origin = pick_origin(&mut rng);
        let name = random_name(&mut rng, origin);
        let nats = nationalities(origin);
        let nat = nats[rng.random_range(0..nats.len())];
        let dob = base + Duration::days(rng.random_range(0..365 * 55));
        let expiry = NaiveDate::from_ymd_opt(2027, 1, 1).unwrap_or_default() + Duration::days(rng.random_range(0..3000));
        let family = crate::matching::normalize::normalize_name(&name.family);
        let given = crate::matching::normalize::normalize_name(&name.given);
        let mrz = emit_td3("P", nat, &document_number(&mut rng), &family, &given, nat, dob, if name.male { "M" } else { "F" }, expiry);
        out.push(QueryInput { id: Some(format!("traveller-{}", out.len() + 1)), mrz: Some(mrz), ..Default::default() });
    }
    // Exactly as many as asked: `--travellers 0` writes none.
    out.truncate(count);
    out
}
