//! Stable 64-bit hashes of short codes and a fast sort of (hash, row) pairs: ten-million-row
//! tables (SLTD numbers and ids) are indexed and checked for duplicates through these instead of
//! hash sets of strings, which would cost a gigabyte.

/// FNV-1a over the bytes with a final avalanche so the top bits are well spread (they are used
/// as radix buckets). Stable across runs and machines; computable while normalising on the fly.
pub fn stable_hash(bytes: impl IntoIterator<Item = u8>) -> u64 {
    let h = bytes.into_iter().fold(0xcbf2_9ce4_8422_2325u64, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3));
    let mut x = h ^ (h >> 33);
    x = x.wrapping_mul(0xff51_afd7_ed55_8ccd);
    x ^ (x >> 33)
}

/// Bits of the hash used to scatter pairs into buckets before sorting each bucket.
const RADIX_BITS: u32 = 16;

/// Sorts (hash, row) pairs by hash, then row. One counting pass and one scatter on the top bits,
/// then many small cache-resident sorts: several times faster than a comparison sort of ten
/// million pairs. Needs one temporary copy of the pairs.
pub fn sort_by_hash(pairs: &mut Vec<(u64, u32)>) {
    if pairs.len() < 1 << 16 {
        pairs.sort_unstable();
        return;
    }
    let shift = 64 - RADIX_BITS;
    let mut starts = vec![0usize; (1 << RADIX_BITS) + 1];
    for &(h, _) in pairs.iter() {
        starts[(h >> shift) as usize + 1] += 1;
    }
    for i in 0..1 << RADIX_BITS {
        starts[i + 1] += starts[i];
    }
    let mut out = vec![(0u64, 0u32); pairs.len()];
    let mut next = starts.clone();
    for &pair in pairs.iter() {
        let b = (pair.0 >> shift) as usize;
        out[next[b]] = pair;
        next[b] += 1;
    }
    for w in starts.windows(2) {
        out[w[0]..w[1]].sort_unstable();
    }
    *pairs = out;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn radix_sort_agrees_with_a_comparison_sort() {
        let mut pairs: Vec<(u64, u32)> = (0..200_000u32).map(|i| (stable_hash(format!("ID{}", i % 150_000).bytes()), i)).collect();
        let mut expected = pairs.clone();
        expected.sort_unstable();
        sort_by_hash(&mut pairs);
        assert_eq!(pairs, expected);
    }

    #[test]
    fn hashes_are_stable() {
        // A fixed value: indexes and duplicate checks must agree across runs and machines (FNV-1a
        // of "" is the offset basis 0xcbf29ce484222325, then the avalanche).
        let basis = 0xcbf2_9ce4_8422_2325u64;
        let mut x = basis ^ (basis >> 33);
        x = x.wrapping_mul(0xff51_afd7_ed55_8ccd);
        assert_eq!(stable_hash(std::iter::empty()), x ^ (x >> 33));
        assert_eq!(stable_hash(*b"UT4471920"), stable_hash("UT4471920".bytes()));
        assert_ne!(stable_hash(*b"AB1"), stable_hash(*b"AB2"));
    }
}
