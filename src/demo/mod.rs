//! The built-in demo dataset, compiled into the binary so the app works from any directory.

pub mod cases;

use crate::dataset::{LoadedDataset, parse_dataset};

pub const DEMO_DATASET: &str = include_str!("../../sample_data/demo.ron");
pub const DEMO_LABEL: &str = "built-in demo dataset";

/// The demo dataset; photos resolve against `sample_data/` of the source tree when it is there.
pub fn demo_dataset() -> LoadedDataset {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("sample_data");
    let base = dir.is_dir().then_some(dir);
    match parse_dataset(DEMO_DATASET, DEMO_LABEL, base) {
        Ok(loaded) => loaded,
        // The file is checked by a test; an empty dataset is still a working terminal.
        Err(_) => LoadedDataset { dataset: crate::dataset::Dataset { name: "Empty".into(), ..Default::default() }, warnings: Vec::new() },
    }
}
