//! Record ids must be unique across the whole dataset (both sections of the RON file and the
//! SLTD sidecar). Millions of ids are compared as sorted 64-bit hashes, not as a set of strings;
//! equal hashes are confirmed on the strings before anything is reported.

use rustc_hash::FxHashSet;

use crate::hashing::stable_hash;

/// The sorted id hashes of one section's records, as written in the file (before validation).
#[derive(Debug, Default)]
pub struct SectionIds {
    sorted: Vec<u64>,
}

impl SectionIds {
    pub fn of<'a>(ids: impl Iterator<Item = &'a str>) -> Self {
        let mut sorted: Vec<u64> = ids.map(|id| stable_hash(id.bytes())).collect();
        sorted.sort_unstable();
        Self { sorted }
    }

    /// Hashes that occur more than once (almost always none).
    pub fn repeated(&self) -> FxHashSet<u64> {
        self.sorted.windows(2).filter(|w| w[0] == w[1]).map(|w| w[0]).collect()
    }

    /// How many of the section's records have this id's hash.
    pub fn count(&self, id: &str) -> usize {
        let h = stable_hash(id.bytes());
        let start = self.sorted.partition_point(|&x| x < h);
        self.sorted[start..].partition_point(|&x| x == h)
    }

    /// Hashes present in both sorted lists (a linear merge).
    pub fn common_with(&self, other: &[u64]) -> Vec<u64> {
        common_hashes(&self.sorted, other)
    }

    pub fn hashes(&self) -> &[u64] {
        &self.sorted
    }
}

/// Values present in both sorted lists, each once.
pub fn common_hashes(a: &[u64], b: &[u64]) -> Vec<u64> {
    let (mut i, mut j, mut out) = (0, 0, Vec::new());
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                if out.last() != Some(&a[i]) {
                    out.push(a[i]);
                }
                i += 1;
                j += 1;
            }
        }
    }
    out
}

/// Both sorted lists as one sorted list.
pub fn merge_sorted(a: &[u64], b: &[u64]) -> Vec<u64> {
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        if a[i] <= b[j] {
            out.push(a[i]);
            i += 1;
        } else {
            out.push(b[j]);
            j += 1;
        }
    }
    out.extend_from_slice(&a[i..]);
    out.extend_from_slice(&b[j..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_repeats_counts_and_common_ids() {
        let a = SectionIds::of(["A1", "B2", "A1", "C3"].into_iter());
        let b = SectionIds::of(["C3", "D4"].into_iter());
        assert_eq!(a.repeated().len(), 1);
        assert_eq!(a.count("A1"), 2);
        assert_eq!(a.count("ZZ"), 0);
        assert_eq!(a.common_with(b.hashes()), vec![stable_hash(*b"C3")]);
    }
}
