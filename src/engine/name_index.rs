//! Candidate lookup for names: an inverted index from phonetic keys (and their one-deletion
//! neighbours, for typos) to name spellings, so a query scores a few hundred records, not all.

use std::collections::HashMap;

use crate::matching::{NameForm, NameMatch, name_score, name_similarity};

/// Which spelling of a record's name an entry holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameVariant {
    Primary,
    Alias(u16),
    OriginalScript,
}

#[derive(Debug, Clone)]
pub struct NameEntry {
    pub record: u32,
    pub variant: NameVariant,
    pub form: NameForm,
}

#[derive(Debug, Default)]
pub struct NameIndex {
    entries: Vec<NameEntry>,
    /// Phonetic key → entries having it.
    exact: HashMap<Box<str>, Vec<u32>>,
    /// Key with one symbol deleted → entries, for typos that change a consonant.
    deletes: HashMap<Box<str>, Vec<u32>>,
}

/// Per-thread scratch for candidate counting: a bit mask per entry, reset after each query.
#[derive(Default)]
struct Scratch {
    exact: Vec<u32>,
    fuzzy: Vec<u32>,
    touched: Vec<u32>,
}

thread_local! {
    static SCRATCH: std::cell::RefCell<Scratch> = std::cell::RefCell::new(Scratch::default());
}

/// Keys this short are too common to be worth a typo neighbourhood.
const MIN_KEY_FOR_DELETES: usize = 4;

fn with_deletes(key: &str, out: &mut Vec<String>) {
    out.push(key.to_owned());
    if key.len() >= MIN_KEY_FOR_DELETES {
        for i in 0..key.len() {
            if key.is_char_boundary(i) && key.is_char_boundary(i + 1) {
                out.push(format!("{}{}", &key[..i], &key[i + 1..]));
            }
        }
    }
}

/// A record's best-matching spelling.
pub struct NameCandidate<'a> {
    pub entry: &'a NameEntry,
    pub name: NameMatch,
}

impl NameIndex {
    pub fn insert(&mut self, record: u32, variant: NameVariant, form: NameForm) {
        if form.is_empty() {
            return;
        }
        let id = self.entries.len() as u32;
        let keys = form.blocking_keys();
        let mut deleted = Vec::new();
        for key in &keys {
            with_deletes(key, &mut deleted);
        }
        deleted.retain(|d| !keys.contains(d));
        deleted.sort_unstable();
        deleted.dedup();
        for key in keys {
            self.exact.entry(key.into_boxed_str()).or_default().push(id);
        }
        for key in deleted {
            self.deletes.entry(key.into_boxed_str()).or_default().push(id);
        }
        self.entries.push(NameEntry { record, variant, form });
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Entries sharing keys with the query, at most `max`: most exactly shared keys first, then
    /// most keys shared up to one typo.
    fn candidate_entries(&self, query: &NameForm, max: usize) -> Vec<u32> {
        let keys = query.blocking_keys();
        SCRATCH.with(|scratch| {
            let mut guard = scratch.borrow_mut();
            let Scratch { exact, fuzzy, touched } = &mut *guard;
            if exact.len() < self.entries.len() {
                exact.resize(self.entries.len(), 0);
                fuzzy.resize(self.entries.len(), 0);
            }
            let mut mark = |list: &[u32], masks: &mut Vec<u32>, other: &[u32], bit: u32| {
                for &id in list {
                    let i = id as usize;
                    if masks[i] == 0 && other[i] == 0 {
                        touched.push(id);
                    }
                    masks[i] |= bit;
                }
            };
            let mut variants = Vec::new();
            for (n, key) in keys.iter().enumerate() {
                let bit = 1u32 << n.min(31);
                if let Some(list) = self.exact.get(key.as_str()) {
                    mark(list, exact, fuzzy, bit);
                }
                variants.clear();
                with_deletes(key, &mut variants);
                for (k, v) in variants.iter().enumerate() {
                    if k > 0
                        && let Some(list) = self.exact.get(v.as_str())
                    {
                        mark(list, fuzzy, exact, bit);
                    }
                    if let Some(list) = self.deletes.get(v.as_str()) {
                        mark(list, fuzzy, exact, bit);
                    }
                }
            }
            let mut ranked: Vec<(u32, u32, u32)> = touched
                .iter()
                .map(|&id| {
                    let (e, f) = (exact[id as usize], fuzzy[id as usize]);
                    (e.count_ones(), (e | f).count_ones(), id)
                })
                .collect();
            for &id in touched.iter() {
                exact[id as usize] = 0;
                fuzzy[id as usize] = 0;
            }
            touched.clear();
            let by_rank = |a: &(u32, u32, u32), b: &(u32, u32, u32)| b.0.cmp(&a.0).then(b.1.cmp(&a.1)).then(a.2.cmp(&b.2));
            if ranked.len() > max {
                ranked.select_nth_unstable_by(max, by_rank);
                ranked.truncate(max);
            }
            ranked.sort_unstable_by(by_rank);
            ranked.into_iter().map(|(_, _, id)| id).collect()
        })
    }

    /// Scores candidates and returns, per record, its best spelling with a similarity of at least `min_score`.
    pub fn search(&self, query: &NameForm, min_score: f32, max_candidates: usize) -> Vec<NameCandidate<'_>> {
        let mut best: HashMap<u32, NameCandidate<'_>> = HashMap::new();
        for id in self.candidate_entries(query, max_candidates) {
            let entry = &self.entries[id as usize];
            if name_score(query, &entry.form) < min_score || best.get(&entry.record).is_some_and(|b| b.name.score >= 1.0) {
                continue;
            }
            let name = name_similarity(query, &entry.form);
            match best.get(&entry.record) {
                Some(b) if b.name.score >= name.score => {}
                _ => {
                    best.insert(entry.record, NameCandidate { entry, name });
                }
            }
        }
        let mut out: Vec<_> = best.into_values().collect();
        out.sort_by(|a, b| b.name.score.total_cmp(&a.name.score).then(a.entry.record.cmp(&b.entry.record)));
        out
    }

    /// Every entry scored, for measuring the index's recall against a full scan.
    pub fn search_exhaustive(&self, query: &NameForm, min_score: f32) -> Vec<NameCandidate<'_>> {
        let mut best: HashMap<u32, NameCandidate<'_>> = HashMap::new();
        for entry in &self.entries {
            if name_score(query, &entry.form) < min_score {
                continue;
            }
            let name = name_similarity(query, &entry.form);
            if name.score >= min_score && best.get(&entry.record).is_none_or(|b| b.name.score < name.score) {
                best.insert(entry.record, NameCandidate { entry, name });
            }
        }
        let mut out: Vec<_> = best.into_values().collect();
        out.sort_by(|a, b| b.name.score.total_cmp(&a.name.score).then(a.entry.record.cmp(&b.entry.record)));
        out
    }
}

/// Indexes every spelling of a person: primary name, aliases, original-script name.
pub fn insert_person_names(index: &mut NameIndex, record: u32, family: &str, given: &str, aliases: &[String], original: Option<&str>) {
    index.insert(record, NameVariant::Primary, NameForm::new(family, given));
    for (i, alias) in aliases.iter().enumerate() {
        index.insert(record, NameVariant::Alias(i as u16), NameForm::from_full(alias));
    }
    if let Some(original) = original {
        index.insert(record, NameVariant::OriginalScript, NameForm::from_full(original));
    }
}

/// Human label of a variant, for the explanation.
pub fn variant_label(variant: NameVariant, aliases: &[String]) -> String {
    match variant {
        NameVariant::Primary => "primary name".into(),
        NameVariant::Alias(i) => format!("alias {:?}", aliases.get(i as usize).map_or("", String::as_str)),
        NameVariant::OriginalScript => "original-script name".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_transliterated_and_typo_names_through_the_index() {
        let mut index = NameIndex::default();
        index.insert(0, NameVariant::Primary, NameForm::new("AL-TIKRITI", "MUHAMMAD"));
        index.insert(1, NameVariant::Primary, NameForm::new("NOWAK", "PIOTR"));
        index.insert(2, NameVariant::Primary, NameForm::new("SHEVCHENKO", "TARAS"));
        let hits = index.search(&NameForm::new("TIKRITI", "MOHAMMED"), 0.7, 100);
        assert_eq!(hits[0].entry.record, 0);
        let hits = index.search(&NameForm::new("SCHEWTSCHENKO", "TARAS"), 0.7, 100);
        assert_eq!(hits[0].entry.record, 2);
        let hits = index.search(&NameForm::new("NOWKA", "PIOTR"), 0.7, 100);
        assert_eq!(hits[0].entry.record, 1);
        assert!(index.search(&NameForm::new("SMITH", "JOHN"), 0.7, 100).is_empty());
    }
}
