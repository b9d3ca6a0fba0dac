//! Every announced traveller through the same engine as the desk, on all cores, and the
//! targeting list that comes out: ranked by severity, with travel companions flagged.

use std::sync::Arc;

use serde::Serialize;

use super::{Announced, Manifest};
use crate::engine::{Engine, MatchOptions, Severity};
use crate::query::FieldIssue;
use crate::query::report::{HitLine, hit_lines};

/// One traveller's pre-arrival result.
#[derive(Debug, Clone, Serialize)]
pub struct Screened {
    /// Position on the list (0-based).
    pub index: usize,
    pub traveller: Announced,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub issues: Vec<FieldIssue>,
    pub hits: Vec<HitLine>,
    /// Travellers on the same booking whose own check hit (by list position): a companion of
    /// a target is flagged as such, even with no hit of their own.
    pub companion_of: Vec<usize>,
}

impl Screened {
    pub fn top_severity(&self) -> Option<Severity> {
        self.hits.iter().map(|h| h.severity).max()
    }
}

/// Screens the whole list on every core (one chunk per thread; the engine is shared).
pub fn screen(engine: &Arc<Engine>, manifest: &Manifest, options: &MatchOptions) -> Vec<Screened> {
    screen_counting(engine, manifest, options, &std::sync::atomic::AtomicUsize::new(0))
}

/// `screen`, adding one to `done` as each traveller is screened (a progress bar reads it).
pub fn screen_counting(
    engine: &Arc<Engine>,
    manifest: &Manifest,
    options: &MatchOptions,
    done: &std::sync::atomic::AtomicUsize,
) -> Vec<Screened> {
    let threads = std::thread::available_parallelism().map_or(2, std::num::NonZero::get).max(1);
    let chunk = manifest.travellers.len().div_ceil(threads).max(1);
    let mut out: Vec<Screened> = std::thread::scope(|scope| {
        let handles: Vec<_> = manifest
            .travellers
            .chunks(chunk)
            .enumerate()
            .map(|(c, part)| {
                let engine = Arc::clone(engine);
                std::thread::Builder::new().name(format!("screen-{c}")).spawn_scoped(scope, move || {
                    part.iter()
                        .enumerate()
                        .map(|(k, t)| {
                            let screened = screen_one(&engine, c * chunk + k, t, options);
                            done.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                            screened
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles.into_iter().filter_map(Result::ok).flat_map(|h| h.join().unwrap_or_default()).collect()
    });
    out.sort_by_key(|s| s.index);
    flag_companions(&mut out);
    out
}

fn screen_one(engine: &Engine, index: usize, t: &Announced, options: &MatchOptions) -> Screened {
    let (query, issues) = t.query_input().to_query();
    let hits = if query.is_empty() { Vec::new() } else { hit_lines(&engine.search_all(&query, options)) };
    Screened { index, traveller: t.clone(), issues, hits, companion_of: Vec::new() }
}

/// Same booking reference as a traveller with a hit: a travel companion.
fn flag_companions(list: &mut [Screened]) {
    let targets: Vec<(usize, String)> = list
        .iter()
        .filter(|s| s.top_severity().is_some_and(|v| v >= Severity::Medium) && !s.traveller.booking_ref.is_empty())
        .map(|s| (s.index, s.traveller.booking_ref.clone()))
        .collect();
    for s in list.iter_mut() {
        s.companion_of = targets.iter().filter(|(i, r)| *i != s.index && *r == s.traveller.booking_ref).map(|(i, _)| *i).collect();
    }
}

/// The targeting list: travellers with hits, most severe first, then companions of targets.
pub fn targeting_list(screened: &[Screened]) -> Vec<&Screened> {
    let mut list: Vec<&Screened> = screened.iter().filter(|s| !s.hits.is_empty() || !s.companion_of.is_empty()).collect();
    list.sort_by(|a, b| b.top_severity().cmp(&a.top_severity()).then(a.index.cmp(&b.index)));
    list
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_planted_subject_and_their_companion_are_on_the_targeting_list() {
        let engine = Arc::new(Engine::build(crate::demo::demo_dataset().dataset));
        let person = |family: &str, given: &str, dob: &str, booking: &str| Announced {
            family_name: family.into(),
            given_names: given.into(),
            date_of_birth: dob.into(),
            booking_ref: booking.into(),
            ..Default::default()
        };
        let manifest = Manifest {
            flight: "XY123".into(),
            travellers: vec![
                person("HALVORSEN", "INGEBORG", "1990-10-01", "QQQ111"),
                // A respelled name with a one-day-off date: still the Red-notice subject.
                person("TIKRITI", "MOHAMMED YOUSSEF", "1979-03-22", "ABC123"),
                person("NOWAK", "JAN", "1980-01-01", "ABC123"),
            ],
            ..Default::default()
        };
        let done = std::sync::atomic::AtomicUsize::new(0);
        let screened = screen_counting(&engine, &manifest, &MatchOptions::default(), &done);
        assert_eq!(screened.len(), 3);
        assert_eq!(done.load(std::sync::atomic::Ordering::Relaxed), 3, "a progress bar sees every traveller counted");
        let list = targeting_list(&screened);
        assert_eq!(list[0].traveller.family_name, "TIKRITI");
        assert_eq!(list[0].top_severity(), Some(Severity::Critical));
        let companion = list.iter().find(|s| s.traveller.family_name == "NOWAK").expect("the companion is listed");
        assert_eq!(companion.companion_of, vec![1]);
        assert!(list.iter().all(|s| s.traveller.family_name != "HALVORSEN"));
    }
}
