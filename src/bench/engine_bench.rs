//! Engine time per query (no simulated latency) on a generated dataset, and the name index's
//! recall against a brute-force scan with the same scorer.

use std::time::{Duration, Instant};

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use super::stats::{Summary, peak_rss_mib, summarize};
use crate::engine::{Engine, MatchOptions};
use crate::matching::NameForm;
use crate::query::Query;
use crate::query::input::{DocumentQuery, PersonQuery};

pub struct EngineBenchReport {
    pub records: usize,
    pub parse_s: f64,
    pub index_s: f64,
    pub peak_rss_mib: Option<f64>,
    pub document: Summary,
    /// Both sources at once (two threads), as the terminal queries them.
    pub name_dob: Summary,
    pub name_only: Summary,
    /// The same queries with both sources one after the other on one thread.
    pub name_dob_one_thread: Summary,
    pub name_only_one_thread: Summary,
    /// Share of brute-force hits (same scorer, same threshold) that the index also returned.
    pub recall_vs_scan: f64,
    pub recall_queries: usize,
}

/// A typo an officer or OCR makes: one letter replaced by its keyboard neighbour.
fn typo(rng: &mut ChaCha8Rng, word: &str) -> String {
    const ROWS: [&str; 3] = ["QWERTYUIOP", "ASDFGHJKL", "ZXCVBNM"];
    let chars: Vec<char> = word.chars().collect();
    let letters: Vec<usize> = (0..chars.len()).filter(|&i| chars[i].is_ascii_alphabetic()).collect();
    if letters.is_empty() {
        return word.to_owned();
    }
    let i = letters[rng.random_range(0..letters.len())];
    let c = chars[i].to_ascii_uppercase();
    let replacement =
        ROWS.iter().find_map(|row| row.find(c).map(|p| row.as_bytes()[if p + 1 < row.len() { p + 1 } else { p - 1 }] as char)).unwrap_or(c);
    chars.iter().enumerate().map(|(k, &ch)| if k == i { replacement } else { ch }).collect()
}

/// Loads `dataset` (timed), builds the indexes (timed), then runs the query benchmark.
/// `load` and `build` are where the caller reports progress (the CLI prints lines).
pub fn run_engine_bench(
    dataset: &std::path::Path,
    load: impl FnOnce(&std::path::Path) -> Result<crate::dataset::LoadedDataset, crate::dataset::DatasetError>,
    build: impl FnOnce(crate::dataset::LoadedDataset) -> Engine,
    seed: u64,
    queries: usize,
    recall_queries: usize,
    mut log: impl FnMut(&str),
) -> Result<EngineBenchReport, String> {
    let t = Instant::now();
    let loaded = load(dataset).map_err(|e| e.to_string())?;
    let parse_s = t.elapsed().as_secs_f64();
    let records = loaded.dataset.record_count();
    let t = Instant::now();
    let engine = build(loaded);
    let index_s = t.elapsed().as_secs_f64();
    log(&format!("{records} records: load + validate {parse_s:.2} s, index {index_s:.2} s"));
    let options = MatchOptions::default();
    let mut rng = ChaCha8Rng::seed_from_u64(seed ^ 0xbe9c);
    let notices = &engine.interpol.db.notices;
    let sltd = &engine.interpol.db.sltd;

    let mut document = Vec::with_capacity(queries);
    for _ in 0..queries {
        let s = sltd.get(rng.random_range(0..sltd.len().max(1)));
        let q = Query {
            document: Some(DocumentQuery { number: s.number.clone(), kind: None, country: Some(s.country), expiry: None }),
            ..Default::default()
        };
        let t = Instant::now();
        let hits = engine.search_all(&q, &options);
        document.push(t.elapsed());
        std::hint::black_box(hits);
    }

    let person_query = |rng: &mut ChaCha8Rng, with_dob: bool| {
        let n = &notices[rng.random_range(0..notices.len().max(1))];
        let (mut family, mut given) = (n.name.family_name.clone(), n.name.given_names.clone());
        match rng.random_range(0..4) {
            0 => family = typo(rng, &family),
            1 => std::mem::swap(&mut family, &mut given),
            2 => given = given.split(' ').next().unwrap_or("").to_owned(),
            _ => {}
        }
        PersonQuery {
            family_name: family,
            given_names: given,
            date_of_birth: if with_dob { n.date_of_birth } else { None },
            sex: None,
            nationality: None,
            date_of_birth_invalid: false,
        }
    };
    let name_queries = |with_dob: bool, rng: &mut ChaCha8Rng| -> Vec<Query> {
        (0..queries).map(|_| Query { person: Some(person_query(rng, with_dob)), ..Default::default() }).collect()
    };
    let timed = |queries: &[Query], one_thread: bool| -> Vec<Duration> {
        queries
            .iter()
            .map(|q| {
                let t = Instant::now();
                let hits = if one_thread { engine.search_all_one_thread(q, &options) } else { engine.search_all(q, &options) };
                let d = t.elapsed();
                std::hint::black_box(hits);
                d
            })
            .collect()
    };
    let (with_dob, without_dob) = (name_queries(true, &mut rng), name_queries(false, &mut rng));
    let mut name_dob = timed(&with_dob, false);
    let mut name_only = timed(&without_dob, false);
    let mut name_dob_one_thread = timed(&with_dob, true);
    let mut name_only_one_thread = timed(&without_dob, true);

    // Recall: the index's candidates vs scoring every notice, with the same name scorer and cut-off.
    let index = engine.interpol.name_index();
    let (mut found, mut expected) = (0usize, 0usize);
    for _ in 0..recall_queries {
        let p = person_query(&mut rng, false);
        let mut form = NameForm::new(&p.family_name, &p.given_names);
        index.mark_known(&mut form);
        let min = 0.75;
        let scan: Vec<(u32, f32)> = index.search_exhaustive(&form, min).iter().take(10).map(|c| (c.entry.record, c.name.score)).collect();
        let fast: Vec<(u32, f32)> =
            index.search(&form, min, options.max_name_candidates).iter().map(|c| (c.entry.record, c.name.score)).collect();
        expected += scan.len();
        // A scan hit counts as found when the index returned it, or returned another record
        // with the same score in its place: records that tie are ranked by record number only,
        // and swapping one for another loses nothing the officer would see.
        found += scan
            .iter()
            .enumerate()
            .filter(|(i, (r, s))| fast.iter().any(|f| f.0 == *r) || fast.get(*i).is_some_and(|f| f.1 >= *s - 1e-6))
            .count();
    }
    Ok(EngineBenchReport {
        records,
        parse_s,
        index_s,
        peak_rss_mib: peak_rss_mib(),
        document: summarize(&mut document),
        name_dob: summarize(&mut name_dob),
        name_only: summarize(&mut name_only),
        name_dob_one_thread: summarize(&mut name_dob_one_thread),
        name_only_one_thread: summarize(&mut name_only_one_thread),
        recall_vs_scan: if expected == 0 { 1.0 } else { found as f64 / expected as f64 },
        recall_queries,
    })
}
