//! Dataset files: one RON file holding both mock databases, validated with positions.

pub mod demo_cases;
pub mod file_format;
pub mod load;
pub mod photos;
pub mod problem;
pub mod progress;
pub mod record_ids;
pub mod safe_read;
pub mod sections;
pub mod sltd_tsv;
pub mod source_map;
pub mod validate;

use std::path::PathBuf;

use serde::Serialize;

use crate::domain::{InterpolDatabase, NationalDatabase};

pub use load::{DatasetError, LoadedDataset, load_dataset_file, load_dataset_file_with_progress, parse_dataset};
pub use problem::{Problem, ProblemSeverity};
pub use progress::LoadProgress;

/// A validated dataset: everything both simulated sources serve.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Dataset {
    pub name: String,
    pub description: String,
    /// The simulated border post ("Land border post"), shown in the title bar.
    pub post: String,
    pub national: NationalDatabase,
    pub interpol: InterpolDatabase,
    /// Folder that photo paths are relative to (None for the built-in demo).
    #[serde(skip)]
    pub base_dir: Option<PathBuf>,
    /// Guided cases for a demo on this dataset (View → Demo cases), in the file's order.
    #[serde(skip)]
    pub demo_cases: Vec<DemoCase>,
}

/// A guided case a dataset carries for demos: what to enter, what the audience should notice,
/// and the expected top hit.
#[derive(Debug, Clone, PartialEq)]
pub struct DemoCase {
    /// 1-based, in the file's order.
    pub number: usize,
    pub title: String,
    /// What the audience should notice (shown beside the result once both answers are in).
    pub caption: String,
    pub input: crate::query::input::QueryInput,
    /// (database code, record id) of the expected top hit; None for a clean traveller.
    pub expect: Option<(String, String)>,
}

impl Dataset {
    pub fn record_count(&self) -> usize {
        let n = &self.national;
        let i = &self.interpol;
        n.persons.len() + n.documents.len() + n.vehicles.len() + i.notices.len() + i.sltd.len() + i.tdawn.len() + i.smv.len()
    }
}
