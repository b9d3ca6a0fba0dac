//! Exact lookup of normalised codes (document numbers, plates, VINs) and of their
//! confusion-folded form, for "possible misread" hits. Stored as sorted (hash, record) pairs:
//! 16 bytes per code, so 100 million SLTD numbers fit in memory; a lookup is a binary search
//! and candidates are checked against the record's own code (hash collisions never match).

use std::hash::{Hash, Hasher};

use crate::matching::normalize::misread_key;

#[derive(Debug, Default)]
pub struct CodeIndex {
    exact: Vec<(u64, u32)>,
    misread: Vec<(u64, u32)>,
}

fn hash(code: &str) -> u64 {
    // SipHash with fixed zero keys: the same on every run and machine.
    let mut h = std::hash::DefaultHasher::new();
    code.hash(&mut h);
    h.finish()
}

fn range(list: &[(u64, u32)], key: u64) -> &[(u64, u32)] {
    let start = list.partition_point(|e| e.0 < key);
    let end = start + list[start..].partition_point(|e| e.0 == key);
    &list[start..end]
}

impl CodeIndex {
    pub fn with_capacity(n: usize) -> Self {
        Self { exact: Vec::with_capacity(n), misread: Vec::with_capacity(n) }
    }

    /// `code` must already be normalised (see `matching::normalize`). Call `finish` after the last insert.
    pub fn insert(&mut self, code: &str, record: u32) {
        if code.is_empty() {
            return;
        }
        self.exact.push((hash(code), record));
        self.misread.push((hash(&misread_key(code)), record));
    }

    pub fn finish(&mut self) {
        self.exact.sort_unstable();
        self.misread.sort_unstable();
    }

    /// Records whose normalised code (as `code_of` gives it) equals `code`.
    pub fn exact(&self, code: &str, code_of: impl Fn(u32) -> String) -> Vec<u32> {
        if code.is_empty() {
            return Vec::new();
        }
        range(&self.exact, hash(code)).iter().map(|e| e.1).filter(|&r| code_of(r) == code).collect()
    }

    /// Records whose code equals this one only after folding confusable characters.
    pub fn misread(&self, code: &str, code_of: impl Fn(u32) -> String) -> Vec<u32> {
        if code.is_empty() {
            return Vec::new();
        }
        let folded = misread_key(code);
        range(&self.misread, hash(&folded))
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
