//! Exact lookup of normalised codes (document numbers, plates, VINs) and of their
//! confusion-folded form, for "possible misread" hits. Stored as sorted (hash, record) pairs:
//! 16 bytes per code, so 100 million SLTD numbers fit in memory; a lookup is a binary search
//! and candidates are checked against the record's own code (hash collisions never match).

use crate::hashing::{sort_by_hash, stable_hash};
use crate::matching::normalize::{fold_confusable, misread_key};

#[derive(Debug, Default)]
pub struct CodeIndex {
    exact: Sorted,
    misread: Sorted,
}

/// Sorted (hash, record) pairs with a radix table on the hash's top bits, so a lookup touches
/// one or two cache lines instead of binary-searching ten million entries.
#[derive(Debug, Default)]
struct Sorted {
    pairs: Vec<(u64, u32)>,
    buckets: Vec<u32>,
    shift: u32,
}

impl Sorted {
    fn finish(&mut self) {
        sort_by_hash(&mut self.pairs);
        let bits = (self.pairs.len().max(1).ilog2()).clamp(1, 24);
        self.shift = 64 - bits;
        let n = 1usize << bits;
        self.buckets = vec![0; n + 1];
        for &(h, _) in &self.pairs {
            self.buckets[(h >> self.shift) as usize + 1] += 1;
        }
        for i in 0..n {
            self.buckets[i + 1] += self.buckets[i];
        }
    }

    fn range(&self, key: u64) -> &[(u64, u32)] {
        if self.buckets.is_empty() {
            return &[];
        }
        let b = (key >> self.shift) as usize;
        let bucket = &self.pairs[self.buckets[b] as usize..self.buckets[b + 1] as usize];
        let start = bucket.partition_point(|e| e.0 < key);
        let end = start + bucket[start..].partition_point(|e| e.0 == key);
        &bucket[start..end]
    }
}

fn hash(code: &str) -> u64 {
    stable_hash(code.bytes())
}

impl CodeIndex {
    pub fn with_capacity(n: usize) -> Self {
        Self {
            exact: Sorted { pairs: Vec::with_capacity(n), ..Sorted::default() },
            misread: Sorted { pairs: Vec::with_capacity(n), ..Sorted::default() },
        }
    }

    /// Inserts a code, normalising it on the fly (no allocation; already-normalised codes are
    /// unchanged by it). Call `finish` after the last insert.
    pub fn insert(&mut self, raw: &str, record: u32) {
        let normalized = || raw.bytes().filter(u8::is_ascii_alphanumeric).map(|b| b.to_ascii_uppercase());
        if normalized().next().is_none() {
            return;
        }
        self.exact.pairs.push((stable_hash(normalized()), record));
        self.misread.pairs.push((stable_hash(normalized().map(fold_confusable)), record));
    }

    pub fn finish(&mut self) {
        self.exact.finish();
        self.misread.finish();
    }

    /// Records whose normalised code (as `code_of` gives it) equals `code`.
    pub fn exact(&self, code: &str, code_of: impl Fn(u32) -> String) -> Vec<u32> {
        if code.is_empty() {
            return Vec::new();
        }
        self.exact.range(hash(code)).iter().map(|e| e.1).filter(|&r| code_of(r) == code).collect()
    }

    /// Records whose code equals this one only after folding confusable characters.
    pub fn misread(&self, code: &str, code_of: impl Fn(u32) -> String) -> Vec<u32> {
        if code.is_empty() {
            return Vec::new();
        }
        let folded = misread_key(code);
        self.misread
            .range(hash(&folded))
            .iter()
            .map(|e| e.1)
            .filter(|&r| {
                let own = code_of(r);
                own != code && misread_key(&own) == folded
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_exact_and_misread_codes() {
        let codes = ["AB1234", "A81234", "XY999", "AB1234"];
        let mut index = CodeIndex::default();
        for (i, c) in codes.iter().enumerate() {
            index.insert(c, i as u32);
        }
        index.finish();
        let of = |r: u32| codes[r as usize].to_owned();
        assert_eq!(index.exact("AB1234", of), vec![0, 3]);
        assert_eq!(index.misread("AB1234", of), vec![1]);
        assert!(index.exact("NOPE", of).is_empty());
    }
}
