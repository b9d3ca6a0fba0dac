//! Side by side with the peer kit (`../shared/peers`): loads its `watchlist.tsv` as a dataset of
//! its own (one national person per row, id `W<row>`), runs its `queries.tsv` through the same
//! path an officer's name query takes, and scores exactly as `bench_rapidfuzz.py` does.

use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::time::Instant;

use super::stats::{Summary, summarize};
use crate::dataset::Dataset;
use crate::domain::{Country, NationalAlert, NationalPerson, PartialDate, PersonName, Sex};
use crate::engine::{Engine, MatchOptions, SourceId};
use crate::query::Query;
use crate::query::input::PersonQuery;

pub struct PeerReport {
    pub rows: usize,
    pub load_s: f64,
    pub timing: Summary,
    pub queries_per_s: f64,
    pub recall_at_10: f64,
    /// A row with the target's names in the top 10: the same normalised name, or (with the
    /// evaluation's `target_equiv.tsv`) the same names in any spelling. In a list where a
    /// hundred people are called MUHAMMAD MUSTAFA HASAN, which of them is listed tenth says
    /// nothing about the matcher.
    pub recall_at_10_same_name: f64,
    pub top1: f64,
    pub negatives_with_hit: f64,
    /// With the evaluation's `negative_namesakes.tsv` (`benches/eval/kit_namesakes.py`): the
    /// share of negatives that are namesakes of a listed person, and the hit rate among the
    /// others, the false alerts proper.
    pub namesakes: Option<(f64, f64)>,
    pub by_noise: Vec<(String, f64)>,
    pub threshold: u8,
}

struct PeerQuery {
    text: String,
    positive: bool,
    noise: String,
    target: i64,
    target_norm: String,
    /// Rows with the same names as the target in any spelling (an evaluation's
    /// `target_equiv.tsv`): namesakes, as good a hit as the target for a name-only query.
    equiv: Vec<usize>,
    /// A negative that is a listed person's namesake (`negative_namesakes.tsv`).
    namesake: bool,
}

fn read_tsv(path: &Path) -> Result<Vec<Vec<String>>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(text.lines().skip(1).map(|l| l.split('\t').map(str::to_owned).collect()).collect())
}

/// `with_dob`: each query also carries a date of birth, the target's own for a positive and,
/// for a negative, that of a row picked by the query's number (as a traveller's real date would
/// be unrelated to the list), to measure name + date of birth.
pub fn run_peer_bench(
    data: &Path,
    rows: Option<usize>,
    threshold: u8,
    with_dob: bool,
    mut log: impl FnMut(&str),
) -> Result<PeerReport, String> {
    let t = Instant::now();
    let watch = read_tsv(&data.join("watchlist.tsv"))?;
    let n = rows.unwrap_or(watch.len()).min(watch.len());
    let mut names_norm = Vec::with_capacity(n);
    let mut dobs: Vec<Option<PartialDate>> = Vec::with_capacity(n);
    let mut dataset = Dataset { name: "peer watchlist".into(), ..Default::default() };
    for (i, row) in watch.iter().take(n).enumerate() {
        let col = |k: usize| row.get(k).map_or("", String::as_str);
        names_norm.push(col(4).to_owned());
        dobs.push(PartialDate::parse(col(5)).ok());
        dataset.national.persons.push(NationalPerson {
            id: format!("W{i}"),
            name: PersonName {
                family_name: col(2).to_owned(),
                given_names: col(1).to_owned(),
                aliases: Vec::new(),
                original_script: Some(col(8).to_owned()).filter(|s| !s.is_empty()),
            },
            date_of_birth: PartialDate::parse(col(5)).ok(),
            sex: Sex::Unknown,
            nationality: Country::parse(col(6)).ok(),
            alert: NationalAlert::DiscreetCheck,
            reason: String::new(),
            photo: None,
        });
    }
    let engine = Engine::build(dataset);
    let load_s = t.elapsed().as_secs_f64();
    log(&format!("{n} watchlist rows loaded and indexed in {load_s:.2} s"));
    let equiv_path = data.join("target_equiv.tsv");
    let mut equiv: HashMap<String, Vec<usize>> = HashMap::new();
    if equiv_path.is_file() {
        for row in read_tsv(&equiv_path)? {
            let ids = row.get(2).map(|s| s.split_whitespace().filter_map(|x| x.parse().ok()).collect()).unwrap_or_default();
            equiv.insert(row.first().cloned().unwrap_or_default(), ids);
        }
    }
    let namesakes_path = data.join("negative_namesakes.tsv");
    let namesakes: Option<HashSet<String>> = if namesakes_path.is_file() {
        Some(
            read_tsv(&namesakes_path)?
                .into_iter()
                .filter(|r| r.get(1).is_some_and(|v| v == "1"))
                .filter_map(|r| r.into_iter().next())
                .collect(),
        )
    } else {
        None
    };
    let queries: Vec<PeerQuery> = read_tsv(&data.join("queries.tsv"))?
        .into_iter()
        .map(|r| {
            let col = |k: usize| r.get(k).cloned().unwrap_or_default();
            PeerQuery {
                text: col(1),
                positive: col(3) == "positive",
                noise: col(4),
                target: col(5).parse().unwrap_or(-1),
                target_norm: col(6),
                equiv: equiv.remove(&col(0)).unwrap_or_default(),
                namesake: namesakes.as_ref().is_some_and(|set| set.contains(&col(0))),
            }
        })
        .collect();
    let options = MatchOptions { threshold, max_hits: 10, ..MatchOptions::default() };
    let dob_of = |i: usize, q: &PeerQuery| -> Option<PartialDate> {
        if !with_dob || n == 0 {
            return None;
        }
        let row = if q.positive && q.target >= 0 { q.target as usize } else { i.wrapping_mul(2_654_435_761) % n };
        dobs.get(row).copied().flatten()
    };
    let run = |(i, q): (usize, &PeerQuery)| {
        let person = PersonQuery { family_name: q.text.clone(), date_of_birth: dob_of(i, q), ..Default::default() };
        let query = Query { person: Some(person), ..Default::default() };
        engine.search(SourceId::National, &query, &options)
    };
    for q in queries.iter().enumerate().take(20) {
        std::hint::black_box(run(q));
    }
    let mut times = Vec::with_capacity(queries.len());
    let mut results: Vec<Vec<usize>> = Vec::with_capacity(queries.len());
    for q in queries.iter().enumerate() {
        let t = Instant::now();
        let hits = run(q);
        times.push(t.elapsed());
        results.push(hits.iter().take(10).filter_map(|h| h.record_id[1..].parse().ok()).collect());
    }
    // Query by query, for finding what a change won or lost (BORDERCHECK_PEER_HITS=FILE).
    if let Some(path) = std::env::var_os("BORDERCHECK_PEER_HITS") {
        let mut out = String::new();
        for (i, (q, rows)) in queries.iter().zip(&results).enumerate() {
            let ids: Vec<String> = rows.iter().map(|r| format!("{r}:{}", names_norm[*r])).collect();
            let kind = if q.positive { "positive" } else { "negative" };
            out.push_str(&format!("{i}\t{kind}\t{}\t{}\t{}\t{}\t{}\n", q.noise, q.text, q.target, q.target_norm, ids.join("|")));
        }
        std::fs::write(&path, out).map_err(|e| format!("{}: {e}", std::path::Path::new(&path).display()))?;
    }
    let total: f64 = times.iter().map(std::time::Duration::as_secs_f64).sum();
    let (mut pos, mut r10, mut r10n, mut t1, mut neg, mut neg_hit) = (0usize, 0usize, 0usize, 0usize, 0usize, 0usize);
    let (mut same_name, mut other_hit) = (0usize, 0usize);
    let mut by: HashMap<String, (usize, usize)> = HashMap::new();
    for (q, rows) in queries.iter().zip(&results) {
        if q.positive && (q.target as usize) < n && q.target >= 0 {
            pos += 1;
            let target = q.target as usize;
            let hit = rows.contains(&target);
            r10 += usize::from(hit);
            r10n += usize::from(rows.iter().any(|&r| names_norm[r] == q.target_norm || q.equiv.contains(&r)));
            t1 += usize::from(rows.first() == Some(&target));
            let e = by.entry(q.noise.clone()).or_default();
            e.0 += 1;
            e.1 += usize::from(hit);
        } else if !q.positive {
            neg += 1;
            neg_hit += usize::from(!rows.is_empty());
            same_name += usize::from(q.namesake);
            other_hit += usize::from(!q.namesake && !rows.is_empty());
        }
    }
    let share = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
    let mut by_noise: Vec<(String, f64)> = by.into_iter().map(|(k, (a, b))| (k, share(b, a))).collect();
    by_noise.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(PeerReport {
        rows: n,
        load_s,
        queries_per_s: queries.len() as f64 / total.max(1e-9),
        timing: summarize(&mut times),
        recall_at_10: share(r10, pos),
        recall_at_10_same_name: share(r10n, pos),
        top1: share(t1, pos),
        negatives_with_hit: share(neg_hit, neg),
        namesakes: namesakes.map(|_| (share(same_name, neg), share(other_hit, neg - same_name))),
        by_noise,
        threshold,
    })
}
