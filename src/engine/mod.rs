//! The two mock databases, indexed and searchable. No simulated network here: that is `query`.

pub mod assessment;
pub mod code_index;
pub mod combined;
pub mod document_match;
pub mod hit;
pub mod hit_rules;
pub mod interpol_source;
pub mod name_index;
pub mod national_source;
pub mod options;
pub mod person_ranking;
pub mod query;
#[cfg(test)]
mod script_match_tests;
pub mod subject_key;
pub mod vehicle_match;

use self::query::Query;
use crate::dataset::Dataset;

pub use combined::{HitGroup, combine};
pub use hit::{Database, Hit, MatchKind, RecordDetail, Severity, SourceId};
pub use interpol_source::InterpolSource;
pub use national_source::NationalSource;
pub use options::MatchOptions;

/// Both sources built from one dataset. Shared read-only between query threads.
pub struct Engine {
    pub name: String,
    pub description: String,
    pub post: String,
    pub base_dir: Option<std::path::PathBuf>,
    pub national: NationalSource,
    pub interpol: InterpolSource,
    pub record_count: usize,
    /// The dataset's guided demo cases.
    pub demo_cases: Vec<crate::dataset::DemoCase>,
}

/// Loading and indexing stages, for progress bars.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BuildStage {
    IndexingNational,
    IndexingInterpol,
    Done,
}

impl Engine {
    pub fn build(dataset: Dataset) -> Self {
        Self::build_with_progress(dataset, |_, _| {})
    }

    /// Builds the indexes, reporting (stage, records indexed so far).
    pub fn build_with_progress(dataset: Dataset, mut progress: impl FnMut(BuildStage, usize)) -> Self {
        let record_count = dataset.record_count();
        let national_count = dataset.national.persons.len() + dataset.national.documents.len() + dataset.national.vehicles.len();
        progress(BuildStage::IndexingNational, 0);
        let Dataset { name, description, post, base_dir, national, interpol, demo_cases } = dataset;
        // The two sources index on two cores at once.
        let (national, interpol) = std::thread::scope(|scope| {
            let national = std::thread::Builder::new().name("index-national".into()).spawn_scoped(scope, || NationalSource::new(national));
            progress(BuildStage::IndexingInterpol, 0);
            let mut done = 0;
            let interpol = InterpolSource::new(interpol, |n| {
                done += n;
                progress(BuildStage::IndexingInterpol, done);
            });
            let national = match national {
                Ok(handle) => handle.join().unwrap_or_else(|e| std::panic::resume_unwind(e)),
                Err(e) => panic!("cannot start the national indexing thread: {e}"),
            };
            (national, interpol)
        });
        progress(BuildStage::Done, record_count.max(national_count));
        Self { name, description, post, base_dir, national, interpol, record_count, demo_cases }
    }

    pub fn search(&self, source: SourceId, query: &Query, options: &MatchOptions) -> Vec<Hit> {
        match source {
            SourceId::National => self.national.search(query, options),
            SourceId::Interpol => self.interpol.search(query, options),
        }
    }

    /// Both sources combined: the engine's answer without any simulated network. Name searches
    /// (milliseconds each) run on two threads at once, as the terminal's dispatcher runs them;
    /// code lookups (microseconds) stay on this thread.
    pub fn search_all(&self, query: &Query, options: &MatchOptions) -> Vec<HitGroup> {
        if query.person.is_none() {
            return self.search_all_one_thread(query, options);
        }
        std::thread::scope(|scope| {
            let national = std::thread::Builder::new()
                .name("search-national".into())
                .spawn_scoped(scope, || self.search(SourceId::National, query, options));
            let interpol = self.search(SourceId::Interpol, query, options);
            let national = match national {
                Ok(handle) => handle.join().unwrap_or_else(|e| std::panic::resume_unwind(e)),
                Err(_) => self.search(SourceId::National, query, options),
            };
            combine(national.into_iter().chain(interpol))
        })
    }

    /// `search_all` with both sources searched one after the other on this thread.
    pub fn search_all_one_thread(&self, query: &Query, options: &MatchOptions) -> Vec<HitGroup> {
        combine(SourceId::ALL.iter().flat_map(|&s| self.search(s, query, options)))
    }
}
