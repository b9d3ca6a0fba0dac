//! Candidate lookup for names: an inverted index from phonetic keys (and their one-deletion
//! neighbours, for typos) to name spellings, so a query scores a few hundred records, not all.

use std::collections::HashMap;

use rustc_hash::FxHashMap;

use crate::matching::name_form::Token;
use crate::matching::name_similarity::{name_score_with, token_pair_score};
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
    /// Vocabulary ids of the form's tokens, then of its glued pairs.
    ids: Box<[u32]>,
    /// For each glued pair (in `ids` after the tokens), the index of its first token.
    glued_first: Box<[u8]>,
}

#[derive(Debug, Default)]
pub struct NameIndex {
    entries: Vec<NameEntry>,
    /// Every distinct token text once: pair similarities are computed per query and vocabulary
    /// token, not per record, because names repeat (MUHAMMAD, MARIA, SMITH…).
    vocab: FxHashMap<Box<str>, u32>,
    vocab_tokens: Vec<crate::matching::name_form::Token>,
    vocab_text_len: Vec<u8>,
    /// Phonetic key → entries having it.
    exact: FxHashMap<Box<str>, Vec<u32>>,
    /// Key with one symbol deleted → entries, for typos that change a consonant.
    deletes: FxHashMap<Box<str>, Vec<u32>>,
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
    static MEMO: std::cell::RefCell<Memo> = std::cell::RefCell::new(Memo::default());
}

/// Per-thread memo of (query token, vocabulary token) similarities, stamped by query so it
/// never needs clearing.
#[derive(Default)]
struct Memo {
    generation: u32,
    /// (generation stamp, similarity), laid out token-major so one record token's similarities
    /// with every query token share a cache line.
    slots: Vec<(u32, f32)>,
}

/// Keys this short are too common to be worth a typo neighbourhood.
const MIN_KEY_FOR_DELETES: usize = 3;

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
        let ids = form.tokens.iter().chain(form.glued.iter().map(|(_, g)| g)).map(|t| self.intern(t)).collect();
        let glued_first = form.glued.iter().map(|(i, _)| (*i).min(255) as u8).collect();
        self.entries.push(NameEntry { record, variant, form, ids, glued_first });
    }

    fn intern(&mut self, token: &crate::matching::name_form::Token) -> u32 {
        if let Some(&id) = self.vocab.get(&token.text) {
            return id;
        }
        let id = self.vocab_tokens.len() as u32;
        self.vocab.insert(token.text.clone(), id);
        self.vocab_tokens.push(token.clone());
        self.vocab_text_len.push(token.text.len().min(255) as u8);
        id
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Entries sharing keys with the query, at most `max`: most exactly shared keys first, then
    /// most keys shared up to one typo.
    fn candidate_entries(&self, query: &NameForm, max: usize, slack: u32) -> Vec<u32> {
        let keys = query.keys_by_token();
        let keyed_tokens = keys.iter().fold(0u32, |m, (bits, _)| m | bits).count_ones();
        // A candidate must share (exactly or within one typo) a key with every typed name part;
        // with three or more parts, some may be absent from the record (middle names).
        let required = (keyed_tokens - keyed_tokens.saturating_sub(1) / 2).saturating_sub(slack).max(1);
        SCRATCH.with(|scratch| {
            let mut guard = scratch.borrow_mut();
            let Scratch { exact, fuzzy, touched } = &mut *guard;
            if exact.len() < self.entries.len() {
                exact.resize(self.entries.len(), 0);
                fuzzy.resize(self.entries.len(), 0);
            }
            let mut mark = |list: &[u32], masks: &mut Vec<u32>, other: &[u32], bits: u32| {
                for &id in list {
                    let i = id as usize;
                    if masks[i] == 0 && other[i] == 0 {
                        touched.push(id);
                    }
                    masks[i] |= bits;
                }
            };
            // Fuzzy (one-typo) lookups through very common short keys cost much and add little.
            let fuzzy_limit = (self.entries.len() / 50).max(2000);
            let mut variants = Vec::new();
            for (bits, key) in &keys {
                if let Some(list) = self.exact.get(key.as_str()) {
                    mark(list, exact, fuzzy, *bits);
                }
                variants.clear();
                with_deletes(key, &mut variants);
                for (k, v) in variants.iter().enumerate() {
                    if k > 0
                        && let Some(list) = self.exact.get(v.as_str()).filter(|l| l.len() <= fuzzy_limit)
                    {
                        mark(list, fuzzy, exact, *bits);
                    }
                    if let Some(list) = self.deletes.get(v.as_str()).filter(|l| l.len() <= fuzzy_limit) {
                        mark(list, fuzzy, exact, *bits);
                    }
                }
            }
            let mut ranked: Vec<(u32, u32, u32)> = touched
                .iter()
                .filter_map(|&id| {
                    let (e, f) = (exact[id as usize], fuzzy[id as usize]);
                    let matched = (e | f).count_ones();
                    (matched >= required).then_some((e.count_ones(), matched, id))
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
        let strict = self.search_with(query, min_score, max_candidates, 0);
        if !strict.is_empty() || query.tokens.iter().filter(|t| !t.is_article).count() < 2 {
            return strict;
        }
        // Nothing found: a typo may have changed one name part beyond the phonetic key
        // (PFREEZ for PEREZ), so look again letting one typed part go unmatched.
        self.search_with(query, min_score, (max_candidates / 5).max(100), 1)
    }

    fn search_with(&self, query: &NameForm, min_score: f32, max_candidates: usize, slack: u32) -> Vec<NameCandidate<'_>> {
        let q_all: Vec<&Token> = query.tokens.iter().chain(query.glued.iter().map(|(_, g)| g)).collect();
        let qn = query.tokens.len();
        let vocab_len = self.vocab_tokens.len();
        let candidates = self.candidate_entries(query, max_candidates, slack);
        let passing: Vec<(u32, f32)> = MEMO.with(|memo| {
            let mut memo = memo.borrow_mut();
            let stride = q_all.len();
            let need = stride * vocab_len;
            if memo.slots.len() < need {
                memo.slots.resize(need, (0, 0.0));
            }
            memo.generation = memo.generation.wrapping_add(1);
            if memo.generation == 0 {
                memo.slots.iter_mut().for_each(|s| s.0 = 0);
                memo.generation = 1;
            }
            let generation = memo.generation;
            let slots = &mut memo.slots;
            let q_len: Vec<usize> = q_all.iter().map(|t| t.text.len()).collect();
            let mut pair = |i: usize, token_id: u32, glued: bool| -> f32 {
                // Same rule as `token_pair`, checked before the memo: most glued pairs fail it.
                if glued && q_len[i].abs_diff(usize::from(self.vocab_text_len[token_id as usize])) > 2 {
                    return 0.0;
                }
                let slot = &mut slots[token_id as usize * stride + i];
                if slot.0 != generation {
                    *slot = (generation, token_pair_score(q_all[i], &self.vocab_tokens[token_id as usize]));
                }
                slot.1
            };
            candidates
                .into_iter()
                .filter_map(|id| {
                    let e = &self.entries[id as usize];
                    let rn = e.ids.len() - e.glued_first.len();
                    // Names too long for the fast path are scored by `name_score_with` itself.
                    let score = name_score_with(query, &e.form, |i, j| pair(i, e.ids[j], i >= qn || j >= rn));
                    (score >= min_score).then_some((id, score))
                })
                .collect()
        });
        // Notes (why it matched) are made later, only for the hits that are shown: see `explain`.
        best_per_record(
            passing
                .into_iter()
                .map(|(id, score)| NameCandidate { entry: &self.entries[id as usize], name: NameMatch { score, notes: Vec::new() } }),
        )
    }

    /// The explained comparison for a candidate that will be shown.
    pub fn explain(query: &NameForm, candidate: &NameCandidate<'_>) -> NameMatch {
        name_similarity(query, &candidate.entry.form)
    }

    /// Every entry scored, for measuring the index's recall against a full scan.
    pub fn search_exhaustive(&self, query: &NameForm, min_score: f32) -> Vec<NameCandidate<'_>> {
        best_per_record(
            self.entries
                .iter()
                .filter(|entry| name_score(query, &entry.form) >= min_score)
                .map(|entry| NameCandidate { entry, name: name_similarity(query, &entry.form) }),
        )
    }
}

/// Each record's best-scoring spelling, best records first (ties by record number).
fn best_per_record<'a>(candidates: impl Iterator<Item = NameCandidate<'a>>) -> Vec<NameCandidate<'a>> {
    let mut best: HashMap<u32, NameCandidate<'a>> = HashMap::new();
    for c in candidates {
        if best.get(&c.entry.record).is_none_or(|b| b.name.score < c.name.score) {
            best.insert(c.entry.record, c);
        }
    }
    let mut out: Vec<_> = best.into_values().collect();
    out.sort_by(|a, b| b.name.score.total_cmp(&a.name.score).then(a.entry.record.cmp(&b.entry.record)));
    out
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
