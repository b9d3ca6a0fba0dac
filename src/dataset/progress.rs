//! Progress of a dataset load, shared by the threads that parse its parts: each reports the bytes
//! it has finished, and the callback (progress bar, CLI line) gets the overall fraction.

use std::sync::atomic::{AtomicU64, Ordering};

pub struct LoadProgress<'a> {
    total: AtomicU64,
    done: AtomicU64,
    report: &'a (dyn Fn(&str, f32) + Sync),
}

impl<'a> LoadProgress<'a> {
    /// `report(what just finished, overall fraction 0..=1)`.
    pub fn new(report: &'a (dyn Fn(&str, f32) + Sync)) -> Self {
        Self { total: AtomicU64::new(0), done: AtomicU64::new(0), report }
    }

    /// A progress that reports nowhere.
    pub fn silent() -> LoadProgress<'static> {
        LoadProgress::new(&|_, _| {})
    }

    /// More work discovered (a file's size).
    pub fn expect(&self, bytes: u64) {
        self.total.fetch_add(bytes, Ordering::Relaxed);
    }

    /// `bytes` of the expected work are done.
    pub fn advance(&self, what: &str, bytes: u64) {
        let done = self.done.fetch_add(bytes, Ordering::Relaxed) + bytes;
        let total = self.total.load(Ordering::Relaxed).max(1);
        (self.report)(what, (done as f32 / total as f32).min(1.0));
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Mutex;

    use super::*;

    #[test]
    fn reports_the_overall_fraction_from_several_parts() {
        let seen = Mutex::new(Vec::new());
        let report = |what: &str, f: f32| seen.lock().unwrap().push((what.to_owned(), f));
        let p = LoadProgress::new(&report);
        p.expect(300);
        p.expect(100);
        p.advance("a", 100);
        p.advance("b", 300);
        assert_eq!(*seen.lock().unwrap(), vec![("a".to_owned(), 0.25), ("b".to_owned(), 1.0)]);
    }
}
