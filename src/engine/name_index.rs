//! Candidate lookup for names: an inverted index from phonetic keys (and their one-deletion
//! neighbours, for typos) to name spellings, so a query scores a few hundred records, not all.
//!
//! Built for a million people on a laptop: every distinct token is stored once in a vocabulary
//! (with its keys computed once), a spelling is a run of vocabulary ids, keys are interned and
//! posting lists are one flat array (CSR). About 16 bytes per spelling plus 4 per posting.

use rustc_hash::FxHashMap;

use crate::matching::name_form::{Token, glued_token, has_arabic_script, word_token};
use crate::matching::name_similarity::{Pillars, RecordShape, fits_fast_path, name_score_by_shape, token_pair_score};
use crate::matching::normalize::{name_words, normalize_name};
use crate::matching::{NameForm, NameMatch, name_similarity};

/// Which spelling of a record's name an entry holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameVariant {
    Primary,
    Alias(u16),
    OriginalScript,
}

/// One spelling of one record's name, as a run of vocabulary ids (tokens, then glued pairs).
#[derive(Debug, Clone, Copy)]
pub struct NameEntry {
    pub record: u32,
    pub variant: NameVariant,
    /// The spelling is in Arabic script (an original-script name).
    arabic_script: bool,
    start: u32,
    tokens: u8,
    glued: u8,
}

/// `token_info` bits of a token: it came from the family name; its weight class.
const FROM_FAMILY: u8 = 1;
const WEIGHT_SHIFT: u8 = 1;

/// A token's weight (`Token::weight`) as two bits: 0, 0.4 or 1.
fn weight_class(token: &Token) -> u8 {
    let w = token.weight();
    let class = if w == 0.0 {
        0
    } else if w < 1.0 {
        1
    } else {
        2
    };
    class << WEIGHT_SHIFT
}

fn weight_of_class(info: u8) -> f32 {
    match (info >> WEIGHT_SHIFT) & 3 {
        0 => 0.0,
        1 => 0.4,
        _ => 1.0,
    }
}

/// Longest spelling indexed, in tokens; the rest of an absurdly long name is ignored.
const MAX_TOKENS: usize = 64;

/// How far below the threshold a Latin query may score on a record's own romanisation and still
/// pass on its Arabic-script spelling (see `NameIndex::latin_to_script`).
const SCRIPT_LIFT: f32 = 0.1;

/// Interned strings (tokens, keys) with ids in insertion order.
type Interner = FxHashMap<Box<str>, u32>;

/// Posting lists as one flat array: the entries of key k are `ids[offsets[k]..offsets[k + 1]]`.
#[derive(Debug, Default)]
struct Postings {
    offsets: Vec<u32>,
    ids: Vec<u32>,
}

impl Postings {
    fn get(&self, key: u32) -> &[u32] {
        let k = key as usize;
        match (self.offsets.get(k), self.offsets.get(k + 1)) {
            (Some(&a), Some(&b)) => &self.ids[a as usize..b as usize],
            _ => &[],
        }
    }
}

#[derive(Debug, Default)]
pub struct NameIndex {
    entries: Vec<NameEntry>,
    /// Per entry: the letters its name uses (`letter_mask`), to order candidates that tie on
    /// shared keys (see `candidate_entries`).
    letters: Vec<u32>,
    /// Vocabulary ids of every entry's tokens then glued pairs, entry after entry.
    token_ids: Vec<u32>,
    /// Parallel to `token_ids`: each token's text length (capped at 255), for the glued-pair rule
    /// without a trip to the vocabulary.
    token_len: Vec<u8>,
    /// Parallel to `token_ids`: for a token, `FROM_FAMILY` and its weight class (`weight_class`); for a glued
    /// pair, the index of its first token.
    token_info: Vec<u8>,
    /// Every distinct token text once (plain and glued pairs apart, since glued pairs compare
    /// differently): pair similarities are computed per query and vocabulary token, not per
    /// record, because names repeat (MUHAMMAD, MARIA, SMITH…).
    plain_vocab: Interner,
    glued_vocab: Interner,
    vocab_tokens: Vec<Token>,
    /// Per vocabulary token: where its key ids start in `vocab_keys`, how many exact keys, how
    /// many one-deletion neighbours follow them.
    vocab_key_spans: Vec<(u32, u16, u16)>,
    vocab_keys: Vec<u32>,
    keys: Interner,
    /// Phonetic key → entries having it.
    exact: Postings,
    /// Key with one symbol deleted → entries, for typos that change a consonant.
    deletes: Postings,
    /// Entries are in record order (every source inserts record after record), so a record's
    /// spellings are found by binary search (`entries_of`); set by `finish`.
    by_record: bool,
    /// Candidate-marking scratch, one per query running at the same time; each marks every
    /// spelling, so it is reused rather than made per query.
    scratch: std::sync::Mutex<Vec<Scratch>>,
}

/// Per-thread scratch for candidate counting, reset after each query: per entry, the name parts
/// it matched exactly (low byte) and within one typo (high byte). One 2-byte word per entry, so
/// that marking a long posting list touches as few cache lines as possible.
#[derive(Debug, Default)]
struct Scratch {
    /// Per entry: parts matched exactly (bits 0-7), within one typo (8-15), and confirmed
    /// through a very common key (16-23, see `candidate_entries`).
    matched: Vec<u32>,
    touched: Vec<u32>,
    /// (parts matched exactly, parts matched, entry) of the entries that qualify; kept between
    /// queries because tens of thousands of them would otherwise be a large allocation per query.
    ranked: Vec<(u32, u32, u32)>,
}

/// The mask of a query key's name parts in `Scratch::matched` (parts from the eighth on share one bit).
fn part_bits(bits: u32) -> u16 {
    let low = (bits & 0x7f) as u16;
    if bits >> 7 == 0 { low } else { low | 0x80 }
}

thread_local! {
    static MEMO: std::cell::RefCell<Memo> = std::cell::RefCell::new(Memo::default());
}

/// Per-thread memo of (query token, vocabulary token) similarities for the current query. Small
/// on purpose: a query meets a few thousand distinct tokens, and a table this size stays in
/// cache where one slot per vocabulary token (millions) would miss on nearly every candidate.
#[derive(Default)]
struct Memo {
    /// Vocabulary token → where its similarities with the query's tokens start in `sims`.
    row: FxHashMap<u32, u32>,
    /// One row per token met, one similarity per query token; NaN until computed.
    sims: Vec<f32>,
}

/// A record's best-matching spelling.
pub struct NameCandidate<'a> {
    pub entry: &'a NameEntry,
    pub name: NameMatch,
}

impl NameIndex {
    /// Indexes a spelling given as family and given names (the common, fast path: tokens already
    /// in the vocabulary cost one hash lookup).
    pub fn insert_name(&mut self, record: u32, variant: NameVariant, family_name: &str, given_names: &str) {
        let family = name_field_words(family_name);
        let given = name_field_words(given_names);
        let words = family.iter().map(|w| (w.as_str(), true)).chain(given.iter().map(|w| (w.as_str(), false)));
        self.insert_words(record, variant, words, (has_arabic_script(family_name), has_arabic_script(given_names)));
    }

    /// Indexes a spelling given as one free-text name (aliases, original-script names).
    pub fn insert_full(&mut self, record: u32, variant: NameVariant, full_name: &str) {
        let full = name_field_words(full_name);
        let before = self.entries.len();
        let script = has_arabic_script(full_name);
        self.insert_words(record, variant, full.iter().map(|w| (w.as_str(), false)), (script, script));
        if self.entries.len() > before && script {
            self.entries[before].arabic_script = true;
        }
    }

    /// Indexes an already prepared spelling.
    pub fn insert(&mut self, record: u32, variant: NameVariant, form: &NameForm) {
        let words = form.tokens.iter().map(|t| (&*t.text, t.from_family_name));
        let script = |family: bool| form.tokens.iter().any(|t| t.from_family_name == family && t.from_script);
        self.insert_words(record, variant, words, (script(true), script(false)));
    }

    /// `script`: the family name's and the given names' words were read from Arabic script
    /// (`Token::from_script`; a spelling on file from both keeps the mark).
    fn insert_words<'w>(&mut self, record: u32, variant: NameVariant, words: impl Iterator<Item = (&'w str, bool)>, script: (bool, bool)) {
        let start = self.token_ids.len();
        let mut letters = 0u32;
        for (word, from_family) in words.filter(|(w, _)| !w.is_empty()).take(MAX_TOKENS) {
            letters |= letter_mask(word);
            let from_script = if from_family { script.0 } else { script.1 };
            let key = vocab_key(word, from_script);
            let id = match self.plain_vocab.get(&*key) {
                Some(&id) => id,
                None => self.add_token(&key, false, Token { from_script, ..word_token(word, from_family) }),
            };
            self.token_ids.push(id);
            self.token_info.push(u8::from(from_family) | weight_class(&self.vocab_tokens[id as usize]));
            self.token_len.push(word.len().min(255) as u8);
        }
        let tokens = self.token_ids.len() - start;
        if (start..start + tokens).all(|i| self.vocab_tokens[self.token_ids[i] as usize].is_article) {
            self.token_ids.truncate(start);
            self.token_info.truncate(start);
            self.token_len.truncate(start);
            return;
        }
        let mut text = String::new();
        for first in 0..tokens.saturating_sub(1) {
            let (a, b) = (self.token_ids[start + first] as usize, self.token_ids[start + first + 1] as usize);
            if self.vocab_tokens[a].is_article || self.vocab_tokens[b].is_article {
                continue;
            }
            text.clear();
            if self.vocab_tokens[a].from_script || self.vocab_tokens[b].from_script {
                text.push(SCRIPT_MARK);
            }
            text.push_str(&self.vocab_tokens[a].text);
            text.push_str(&self.vocab_tokens[b].text);
            let id = match self.glued_vocab.get(text.as_str()) {
                Some(&id) => id,
                None => self.add_token(&text, true, glued_token(&self.vocab_tokens[a], &self.vocab_tokens[b])),
            };
            self.token_ids.push(id);
            self.token_info.push(first as u8);
            self.token_len.push(self.vocab_tokens[id as usize].text.len().min(255) as u8);
        }
        let glued = self.token_ids.len() - start - tokens;
        self.letters.push(letters);
        self.entries.push(NameEntry {
            record,
            variant,
            arabic_script: false,
            start: start as u32,
            tokens: tokens as u8,
            glued: glued as u8,
        });
    }

    /// Adds a new vocabulary token with its keys under its vocabulary key (`vocab_key`); returns its id.
    fn add_token(&mut self, vocab_key: &str, glued: bool, token: Token) -> u32 {
        let id = self.vocab_tokens.len() as u32;
        let exact: Vec<String> = token.blocking_keys();
        let mut deleted = Vec::new();
        for key in &exact {
            with_deletes(key, &mut deleted);
        }
        deleted.retain(|d| !exact.contains(d));
        deleted.sort_unstable();
        deleted.dedup();
        let span_start = self.vocab_keys.len() as u32;
        for key in exact.iter().chain(&deleted) {
            let key_id = intern_key(&mut self.keys, key);
            self.vocab_keys.push(key_id);
        }
        self.vocab_key_spans.push((span_start, exact.len() as u16, deleted.len() as u16));
        let map = if glued { &mut self.glued_vocab } else { &mut self.plain_vocab };
        map.insert(vocab_key.into(), id);
        self.vocab_tokens.push(token);
        id
    }

    /// Builds the posting lists; call once after the last insert (searching before finds nothing).
    pub fn finish(&mut self) {
        let n_keys = self.keys.len();
        let mut exact_counts = vec![0u32; n_keys + 1];
        let mut delete_counts = vec![0u32; n_keys + 1];
        let (mut exact, mut deleted) = (Vec::new(), Vec::new());
        for entry in &self.entries {
            self.entry_keys(entry, &mut exact, &mut deleted);
            for &k in &exact {
                exact_counts[k as usize + 1] += 1;
            }
            for &k in &deleted {
                delete_counts[k as usize + 1] += 1;
            }
        }
        let prefix = |counts: &mut Vec<u32>| {
            for k in 0..n_keys {
                counts[k + 1] += counts[k];
            }
        };
        prefix(&mut exact_counts);
        prefix(&mut delete_counts);
        let mut exact_ids = vec![0u32; exact_counts[n_keys] as usize];
        let mut delete_ids = vec![0u32; delete_counts[n_keys] as usize];
        let (mut exact_fill, mut delete_fill) = (exact_counts.clone(), delete_counts.clone());
        for (id, entry) in self.entries.iter().enumerate() {
            self.entry_keys(entry, &mut exact, &mut deleted);
            for &k in &exact {
                exact_ids[exact_fill[k as usize] as usize] = id as u32;
                exact_fill[k as usize] += 1;
            }
            for &k in &deleted {
                delete_ids[delete_fill[k as usize] as usize] = id as u32;
                delete_fill[k as usize] += 1;
            }
        }
        self.exact = Postings { offsets: exact_counts, ids: exact_ids };
        self.deletes = Postings { offsets: delete_counts, ids: delete_ids };
        self.token_ids.shrink_to_fit();
        self.token_info.shrink_to_fit();
        self.token_len.shrink_to_fit();
        self.entries.shrink_to_fit();
        self.letters.shrink_to_fit();
        self.by_record = self.entries.windows(2).all(|w| w[0].record <= w[1].record);
    }

    /// The ids of a record's entries.
    fn entries_of(&self, record: u32, out: &mut Vec<u32>) {
        if self.by_record {
            let start = self.entries.partition_point(|e| e.record < record);
            out.extend((start..self.entries.len()).take_while(|&i| self.entries[i].record == record).map(|i| i as u32));
        } else {
            out.extend((0..self.entries.len()).filter(|&i| self.entries[i].record == record).map(|i| i as u32));
        }
    }

    /// Scores every spelling of the given records, whatever keys they share with the query:
    /// for candidates found another way (the people born on the typed date of birth).
    pub fn score_records(&self, query: &NameForm, records: &[u32], min_score: f32) -> Vec<NameCandidate<'_>> {
        let mut ids = Vec::with_capacity(records.len() * 2);
        for &r in records {
            self.entries_of(r, &mut ids);
        }
        self.score_candidates(query, ids, min_score)
    }

    /// An entry's distinct exact key ids, and its deletion-neighbour key ids that are not also exact keys.
    fn entry_keys(&self, entry: &NameEntry, exact: &mut Vec<u32>, deleted: &mut Vec<u32>) {
        exact.clear();
        deleted.clear();
        for &token in self.ids_of(entry) {
            let (start, n_exact, n_deleted) = self.vocab_key_spans[token as usize];
            let keys = &self.vocab_keys[start as usize..start as usize + usize::from(n_exact) + usize::from(n_deleted)];
            exact.extend_from_slice(&keys[..usize::from(n_exact)]);
            deleted.extend_from_slice(&keys[usize::from(n_exact)..]);
        }
        exact.sort_unstable();
        exact.dedup();
        deleted.sort_unstable();
        deleted.dedup();
        deleted.retain(|k| exact.binary_search(k).is_err());
    }

    fn ids_of(&self, entry: &NameEntry) -> &[u32] {
        let start = entry.start as usize;
        &self.token_ids[start..start + usize::from(entry.tokens) + usize::from(entry.glued)]
    }

    fn glued_first_of(&self, entry: &NameEntry) -> &[u8] {
        let start = entry.start as usize + usize::from(entry.tokens);
        &self.token_info[start..start + usize::from(entry.glued)]
    }

    /// An entry's spelling rebuilt as a `NameForm` (for explanations and long names).
    pub fn entry_form(&self, entry: &NameEntry) -> NameForm {
        let start = entry.start as usize;
        let tokens = (0..usize::from(entry.tokens))
            .map(|i| {
                let mut t = self.vocab_tokens[self.token_ids[start + i] as usize].clone();
                t.from_family_name = self.token_info[start + i] & FROM_FAMILY != 0;
                t
            })
            .collect::<Vec<_>>();
        let glued = (0..usize::from(entry.glued))
            .map(|g| {
                let at = start + usize::from(entry.tokens) + g;
                let first = usize::from(self.token_info[at]);
                let mut t = self.vocab_tokens[self.token_ids[at] as usize].clone();
                t.from_family_name = tokens[first].from_family_name;
                (first, t)
            })
            .collect();
        NameForm { tokens, glued, arabic_script: entry.arabic_script }
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Entries sharing keys with the query, at most `max`: most exactly shared keys first, then
    /// most keys shared up to one typo.
    ///
    /// Also returns, at most `max_relaxed`, the entries one name part short of that (for the
    /// relaxed search), found in the same pass over the lists.
    fn candidate_entries(&self, query: &NameForm, max: usize, max_relaxed: usize) -> (Vec<u32>, Vec<u32>) {
        let keys = query.keys_by_token();
        let keyed_tokens = keys.iter().fold(0u16, |m, (bits, _)| m | part_bits(*bits)).count_ones();
        // A candidate must share (exactly or within one typo) a key with every typed name part;
        // with three or more parts, some may be absent from the record (middle names).
        let required = (keyed_tokens - keyed_tokens.saturating_sub(1) / 2).max(1);
        let relaxed_required = if max_relaxed > 0 { required - 1 } else { required };
        // Scratch from the index's pool, not per thread: the terminal and `search_all` search on
        // a fresh thread per query, which would zero megabytes of masks every time.
        let mut guard = self.scratch.lock().unwrap_or_else(std::sync::PoisonError::into_inner).pop().unwrap_or_default();
        let result = {
            let Scratch { matched, touched, ranked } = &mut guard;
            if matched.len() < self.entries.len() {
                matched.resize(self.entries.len(), 0);
            }
            let mut mark = |list: &[u32], bits: u32| {
                for &id in list {
                    let m = &mut matched[id as usize];
                    if *m == 0 {
                        touched.push(id);
                    }
                    *m |= bits;
                }
            };
            // Fuzzy (one-typo) lookups through very common short keys cost much and add little.
            let fuzzy_limit = (self.entries.len() / 50).max(2000);
            // ...so they only confirm entries another part found (BAYR for BAHR next to INGOLG
            // for INGOLF): a pass over the list, no scoring, and only to put those entries first
            // among the ones a part short.
            let mut confirm_only: Vec<(&[u32], u32)> = Vec::new();
            let mut variant = String::new();
            for (bits, key) in &keys {
                let bits = u32::from(part_bits(*bits));
                if let Some(&k) = self.keys.get(key.as_str()) {
                    mark(self.exact.get(k), bits);
                }
                for v in 0..=deletion_count(key) {
                    deletion(key, v, &mut variant);
                    let Some(&k) = self.keys.get(variant.as_str()) else { continue };
                    let as_exact = self.exact.get(k);
                    if v > 0 {
                        if as_exact.len() <= fuzzy_limit { mark(as_exact, bits << 8) } else { confirm_only.push((as_exact, bits << 16)) }
                    }
                    let as_deleted = self.deletes.get(k);
                    if as_deleted.len() <= fuzzy_limit { mark(as_deleted, bits << 8) } else { confirm_only.push((as_deleted, bits << 16)) }
                }
            }
            for (list, bits) in confirm_only {
                for &id in list {
                    let m = &mut matched[id as usize];
                    if *m != 0 {
                        *m |= bits;
                    }
                }
            }
            ranked.clear();
            ranked.extend(touched.iter().filter_map(|&id| {
                let m = std::mem::take(&mut matched[id as usize]);
                let (e, f, c) = (m & 0xff, (m >> 8) & 0xff, m >> 16);
                let parts = (e | f).count_ones();
                // Strict entries rank by exact parts; those a part short by parts found at all.
                // The second field is a count shifted above room for `closeness` (see `tier`).
                let rank =
                    if parts >= required { (e.count_ones(), parts << 8, id) } else { ((e | f | c).count_ones(), e.count_ones() << 8, id) };
                (parts >= relaxed_required.max(1)).then_some(rank)
            }));
            touched.clear();
            // Entries meeting `required` first, then the ones a part short.
            let split = partition_in_place(ranked, |r| r.1 >> 8 >= required);
            let (strict, relaxed) = ranked.split_at_mut(split);
            // When common names flood the top tier (every part matched exactly, thousands of
            // entries), cutting it at `max` by entry order would drop better-scoring records at
            // random: the whole top tier is scored, up to eight times the cap.
            let tier = |r: &(u32, u32, u32)| (r.0, r.1 >> 8);
            let top = strict.iter().map(tier).max().unwrap_or((0, 0));
            let top_tier = strict.iter().filter(|r| tier(r) == top).count();
            let cap = max.max(top_tier.min(max.saturating_mul(8)));
            // The entries a part short tie on shared keys by the hundred (every XIUYING when
            // the family name is RZHAO): they are cut by how many letters their name and the
            // typed one do not share, not by entry order. A part too short to key (ZHAO) or
            // garbled past its key (RZHAO, NXDIR) still leaves its letters. (Ordering the strict
            // tier the same way changed nothing measurable in the peer benchmark.)
            if relaxed.len() > max_relaxed {
                let typed = query.tokens.iter().filter(|t| !t.is_article).fold(0u32, |m, t| m | letter_mask(&t.text));
                for r in relaxed.iter_mut() {
                    r.1 |= 32 - (typed ^ self.letters[r.2 as usize]).count_ones();
                }
            }
            (best_ranked(strict, cap), if relaxed_required < required { best_ranked(relaxed, max_relaxed) } else { Vec::new() })
        };
        self.scratch.lock().unwrap_or_else(std::sync::PoisonError::into_inner).push(guard);
        result
    }

    /// Scores candidates and returns, per record, its best spelling with a similarity of at least `min_score`.
    /// Marks the query's tokens that are themselves spellings on file (see `Token::known`);
    /// call once on a query before `search` and `explain`.
    pub fn mark_known(&self, query: &mut NameForm) {
        for t in &mut query.tokens {
            t.known = self.plain_vocab.contains_key(&*vocab_key(&t.text, t.from_script));
        }
    }

    pub fn search(&self, query: &NameForm, min_score: f32, max_candidates: usize) -> Vec<NameCandidate<'_>> {
        let parts = query.tokens.iter().filter(|t| !t.is_article).count();
        let max_relaxed = if parts >= 2 { (max_candidates / 5).max(100) } else { 0 };
        let (strict_ids, relaxed_ids) = self.candidate_entries(query, max_candidates, max_relaxed);
        let strict = self.score_candidates(query, strict_ids, min_score);
        if !strict.is_empty() || relaxed_ids.is_empty() {
            return strict;
        }
        // Nothing found: a typo may have changed one name part beyond the phonetic key (PFREEZ
        // for PEREZ, RZHAO for ZHAO), so score the best entries missing one part. (Also running
        // it when the best strict score was below 0.9 cost time at national scale and found
        // nothing more in the peer benchmark.)
        self.score_candidates(query, relaxed_ids, min_score)
    }

    /// The fast score of one entry; `pair(i, j)` gives the similarity of query token i with the
    /// entry's token (or glued pair) j.
    fn entry_score(&self, query: &NameForm, entry: &NameEntry, pair: impl FnMut(usize, usize) -> f32) -> f32 {
        let ids = self.ids_of(entry);
        if !fits_fast_path(ids.len()) || !fits_fast_path(query.tokens.len() + query.glued.len()) {
            return name_similarity(query, &self.entry_form(entry)).score;
        }
        let start = entry.start as usize;
        let tokens = usize::from(entry.tokens);
        let mut weights = [0.0f32; 16];
        for (w, &info) in weights.iter_mut().zip(&self.token_info[start..start + tokens]) {
            *w = weight_of_class(info);
        }
        let info = &self.token_info[start..start + tokens];
        let pillars = Pillars::of(info.iter().map(|&i| (i & FROM_FAMILY != 0, weight_of_class(i) == 0.0)));
        let shape = RecordShape { weights: &weights[..tokens], glued_first: self.glued_first_of(entry), pillars };
        name_score_by_shape(query, &shape, pair)
    }

    fn score_candidates(&self, query: &NameForm, candidates: Vec<u32>, min_score: f32) -> Vec<NameCandidate<'_>> {
        let q_all: Vec<&Token> = query.tokens.iter().chain(query.glued.iter().map(|(_, g)| g)).collect();
        let qn = query.tokens.len();
        let passing: Vec<(u32, f32)> = MEMO.with(|memo| {
            let mut memo = memo.borrow_mut();
            let Memo { row, sims } = &mut *memo;
            row.clear();
            sims.clear();
            let stride = q_all.len();
            let q_len: Vec<usize> = q_all.iter().map(|t| t.text.len()).collect();
            let mut rows = [0usize; 16];
            candidates
                .into_iter()
                .filter_map(|id| {
                    let e = &self.entries[id as usize];
                    let (ids, rn) = (self.ids_of(e), usize::from(e.tokens));
                    let lens = &self.token_len[e.start as usize..];
                    for (r, &token) in rows.iter_mut().zip(ids) {
                        *r = *row.entry(token).or_insert_with(|| {
                            sims.extend(std::iter::repeat_n(f32::NAN, stride));
                            (sims.len() - stride) as u32
                        }) as usize;
                    }
                    let score = self.entry_score(query, e, |i, j| {
                        // Same rule as `token_pair`, checked before the memo: most glued pairs fail it.
                        // Lengths are stored capped at 255; longer tokens take theirs from the vocabulary.
                        let len = if lens[j] == u8::MAX { self.vocab_tokens[ids[j] as usize].text.len() } else { usize::from(lens[j]) };
                        if (i >= qn || j >= rn) && q_len[i].abs_diff(len) > 2 {
                            return 0.0;
                        }
                        let sim = &mut sims[rows[j] + i];
                        if sim.is_nan() {
                            *sim = token_pair_score(q_all[i], &self.vocab_tokens[ids[j] as usize]);
                        }
                        *sim
                    });
                    (score >= min_score).then_some((id, score))
                })
                .collect()
        });
        let passing = if query.arabic_script {
            self.script_to_script(query, passing, min_score)
        } else {
            self.latin_to_script(query, passing, min_score)
        };
        // Notes (why it matched) are made later, only for the hits that are shown: see `explain`.
        best_per_record(
            passing
                .into_iter()
                .map(|(id, score)| NameCandidate { entry: &self.entries[id as usize], name: NameMatch { score, notes: Vec::new() } }),
        )
    }

    /// The explained comparison for a candidate that will be shown.
    pub fn explain(&self, query: &NameForm, candidate: &NameCandidate<'_>) -> NameMatch {
        name_similarity(query, &self.entry_form(candidate.entry))
    }

    /// Every entry scored, for measuring the index's recall against a full scan.
    pub fn search_exhaustive(&self, query: &NameForm, min_score: f32) -> Vec<NameCandidate<'_>> {
        let q_all: Vec<&Token> = query.tokens.iter().chain(query.glued.iter().map(|(_, g)| g)).collect();
        best_per_record(self.entries.iter().filter_map(|entry| {
            let ids = self.ids_of(entry);
            let score = self.entry_score(query, entry, |i, j| token_pair_score(q_all[i], &self.vocab_tokens[ids[j] as usize]));
            (score >= min_score).then(|| NameCandidate { entry, name: name_similarity(query, &self.entry_form(entry)) })
        }))
    }
}

/// A name field's words as `NameForm` makes them (`normalize::name_words`), one allocation for
/// the common ASCII name with no compound particle.
fn name_field_words(text: &str) -> Vec<String> {
    if text.is_ascii() && !crate::matching::compound::may_have_compound(text) {
        normalize_name(text).split(' ').filter(|w| !w.is_empty()).map(str::to_owned).collect()
    } else {
        name_words(text)
    }
}

/// Marks a vocabulary key as a word read from Arabic script: شادي read SHADI is not the Latin
/// SHADI (`Token::from_script`), so the two are kept apart.
const SCRIPT_MARK: char = '\u{1}';

fn vocab_key(word: &str, from_script: bool) -> std::borrow::Cow<'_, str> {
    if from_script { format!("{SCRIPT_MARK}{word}").into() } else { word.into() }
}

/// The letters a word uses, one bit each (A-Z; other letters share bits by code point).
fn letter_mask(word: &str) -> u32 {
    word.chars().fold(0u32, |m, c| m | 1 << (c as u32 % 32))
}

fn intern_key(keys: &mut Interner, key: &str) -> u32 {
    if let Some(&id) = keys.get(key) {
        return id;
    }
    let id = keys.len() as u32;
    keys.insert(key.into(), id);
    id
}

/// Keys this short are too common to be worth a typo neighbourhood.
const MIN_KEY_FOR_DELETES: usize = 3;

/// The key itself, then (for keys of 3+ symbols) the key with each one symbol deleted.
fn with_deletes(key: &str, out: &mut Vec<String>) {
    let mut variant = String::new();
    for v in 0..=deletion_count(key) {
        deletion(key, v, &mut variant);
        out.push(variant.clone());
    }
}

/// How many one-symbol deletions `deletion` gives for this key (keys are ASCII).
fn deletion_count(key: &str) -> usize {
    if key.len() >= MIN_KEY_FOR_DELETES && key.is_ascii() { key.len() } else { 0 }
}

/// Writes variant `v` of the key into `out`: 0 is the key itself, `v` ≥ 1 the key without its
/// symbol v − 1. A reused buffer, because a query looks up a hundred of these.
fn deletion(key: &str, v: usize, out: &mut String) {
    out.clear();
    if v == 0 {
        out.push_str(key);
    } else {
        out.push_str(&key[..v - 1]);
        out.push_str(&key[v..]);
    }
}

/// Moves the items satisfying `pred` to the front; returns how many there are.
fn partition_in_place<T>(items: &mut [T], pred: impl Fn(&T) -> bool) -> usize {
    let mut front = 0;
    for i in 0..items.len() {
        if pred(&items[i]) {
            items.swap(front, i);
            front += 1;
        }
    }
    front
}

/// The `max` best of (parts matched exactly, parts matched, entry), best first: most exactly
/// matched parts, then most parts, then entry order.
fn best_ranked(ranked: &mut [(u32, u32, u32)], max: usize) -> Vec<u32> {
    let by_rank = |a: &(u32, u32, u32), b: &(u32, u32, u32)| b.0.cmp(&a.0).then(b.1.cmp(&a.1)).then(a.2.cmp(&b.2));
    let best = if ranked.len() > max {
        ranked.select_nth_unstable_by(max, by_rank);
        &mut ranked[..max]
    } else {
        ranked
    };
    best.sort_unstable_by(by_rank);
    best.iter().map(|&(_, _, id)| id).collect()
}

/// Each record's best-scoring spelling, best records first (ties by record number).
fn best_per_record<'a>(candidates: impl Iterator<Item = NameCandidate<'a>>) -> Vec<NameCandidate<'a>> {
    let mut all: Vec<NameCandidate<'a>> = candidates.collect();
    // Stable: among a record's equal-scoring spellings the first one found is kept.
    all.sort_by(|a, b| a.entry.record.cmp(&b.entry.record).then(b.name.score.total_cmp(&a.name.score)));
    all.dedup_by_key(|c| c.entry.record);
    all.sort_by(|a, b| b.name.score.total_cmp(&a.name.score).then(a.entry.record.cmp(&b.entry.record)));
    all
}

/// Indexes every spelling of a person: primary name, aliases, original-script name.
pub fn insert_person_names(index: &mut NameIndex, record: u32, family: &str, given: &str, aliases: &[String], original: Option<&str>) {
    index.insert_name(record, NameVariant::Primary, family, given);
    // An alias is named by its position; a record with more than 65,535 aliases is not a person.
    for (i, alias) in aliases.iter().enumerate().take(usize::from(u16::MAX)) {
        index.insert_full(record, NameVariant::Alias(i as u16), alias);
    }
    if let Some(original) = original {
        index.insert_full(record, NameVariant::OriginalScript, original);
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

// Which spelling decides when a query or a record is in Arabic script.
#[path = "name_index_script.rs"]
mod script;

#[cfg(test)]
#[path = "name_index_tests.rs"]
mod tests;
