//! Exact lookup of normalised codes (document numbers, plates, VINs) and of their
//! confusion-folded form, for "possible misread" hits.

use std::collections::HashMap;

use crate::matching::normalize::misread_key;

#[derive(Debug, Default)]
pub struct CodeIndex {
    exact: HashMap<Box<str>, Vec<u32>>,
    misread: HashMap<Box<str>, Vec<u32>>,
}

impl CodeIndex {
    /// `code` must already be normalised (see `matching::normalize`).
    pub fn insert(&mut self, code: &str, record: u32) {
        if code.is_empty() {
            return;
        }
        self.exact.entry(code.into()).or_default().push(record);
        self.misread.entry(misread_key(code).into()).or_default().push(record);
    }

    pub fn exact(&self, code: &str) -> &[u32] {
        self.exact.get(code).map_or(&[], Vec::as_slice)
    }

    /// Records whose code equals this one only after folding confusable characters.
    pub fn misread(&self, code: &str) -> Vec<u32> {
        let exact = self.exact(code);
        self.misread
            .get(misread_key(code).as_str())
            .map(|list| list.iter().copied().filter(|r| !exact.contains(r)).collect())
            .unwrap_or_default()
    }
}
