//! The name index's rules for Arabic script: a record's own script spelling decides for a
//! query typed in script, and its own romanisation for a Latin query that only passes on the
//! script (see `NameIndex::score_candidates`).

use super::{NameIndex, SCRIPT_LIFT};
use crate::matching::NameForm;
use crate::matching::name_form::Token;
use crate::matching::name_similarity::token_pair_score;

impl NameIndex {
    /// A name typed in Arabic script against a record that has its name in Arabic script too:
    /// the script-to-script comparison decides, because script writes the long vowels that tell
    /// محمد from محمود while a romanisation may not (MAHMUD). Records without one keep their
    /// Latin comparisons.
    pub(super) fn script_to_script(&self, query: &NameForm, passing: Vec<(u32, f32)>, min_score: f32) -> Vec<(u32, f32)> {
        let q_all: Vec<&Token> = query.tokens.iter().chain(query.glued.iter().map(|(_, g)| g)).collect();
        let mut out: Vec<(u32, f32)> = Vec::with_capacity(passing.len());
        for (id, score) in passing {
            let e = &self.entries[id as usize];
            if e.arabic_script {
                out.push((id, score));
                continue;
            }
            match self.siblings(id as usize).find(|&k| self.entries[k].arabic_script) {
                None => out.push((id, score)),
                Some(k) => {
                    let sibling = &self.entries[k];
                    let ids = self.ids_of(sibling);
                    let s = self.entry_score(query, sibling, |a, b| token_pair_score(q_all[a], &self.vocab_tokens[ids[b] as usize]));
                    if s >= min_score {
                        out.push((k as u32, s));
                    }
                }
            }
        }
        out
    }

    /// The entries stored for the same record as entry `i` (a record's spellings are stored one
    /// after another), `i` excluded.
    fn siblings(&self, i: usize) -> impl Iterator<Item = usize> + '_ {
        let record = self.entries[i].record;
        let before = (0..i).rev().take_while(move |&k| self.entries[k].record == record);
        let after = (i + 1..self.entries.len()).take_while(move |&k| self.entries[k].record == record);
        before.chain(after)
    }

    /// A name typed in Latin letters that passes only on a record's Arabic-script spelling: the
    /// script writes no short vowels, so MAHMUD meets محمد (MHMD) as well as MUHAMMAD does. The
    /// record's own romanisation says which vowels it has; the script may lift a near miss on it
    /// (another system's consonants) but not a name whose vowels make it another one.
    pub(super) fn latin_to_script(&self, query: &NameForm, passing: Vec<(u32, f32)>, min_score: f32) -> Vec<(u32, f32)> {
        let q_all: Vec<&Token> = query.tokens.iter().chain(query.glued.iter().map(|(_, g)| g)).collect();
        let latin_floor = min_score - SCRIPT_LIFT;
        passing
            .into_iter()
            .filter(|&(id, _)| {
                let i = id as usize;
                if !self.entries[i].arabic_script {
                    return true;
                }
                let mut latin = self.siblings(i).filter(|&k| !self.entries[k].arabic_script).peekable();
                if latin.peek().is_none() {
                    return true;
                }
                latin.any(|k| {
                    let e = &self.entries[k];
                    let ids = self.ids_of(e);
                    self.entry_score(query, e, |a, b| token_pair_score(q_all[a], &self.vocab_tokens[ids[b] as usize])) >= latin_floor
                })
            })
            .collect()
    }
}
