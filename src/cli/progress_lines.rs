//! Progress lines on stderr while a big dataset loads and indexes (stdout stays clean for
//! `--json` and batch output). Small files load in a blink and print nothing.

use std::path::Path;
use std::sync::atomic::{AtomicU32, Ordering};

use crate::dataset::{DatasetError, LoadProgress, LoadedDataset, load_dataset_file_with_progress};
use crate::engine::{BuildStage, Engine};

/// Files smaller than this load in well under a second: no progress lines.
const WORTH_REPORTING: u64 = 16 << 20;

fn is_big(path: &Path) -> bool {
    std::fs::metadata(path).is_ok_and(|m| m.len() >= WORTH_REPORTING)
}

/// Loads a dataset, printing a line each time another tenth of it is read.
pub fn load_dataset_reporting(path: &Path) -> Result<LoadedDataset, DatasetError> {
    if !is_big(path) {
        return load_dataset_file_with_progress(path, &LoadProgress::silent());
    }
    let name = path.display().to_string();
    let last_tenth = AtomicU32::new(0);
    let report = |what: &str, fraction: f32| {
        let tenth = (fraction * 10.0) as u32;
        if last_tenth.fetch_max(tenth, Ordering::Relaxed) < tenth {
            eprintln!("loading {name}: {:>3}% ({what})", tenth * 10);
        }
    };
    eprintln!("loading {name}…");
    let started = std::time::Instant::now();
    let loaded = load_dataset_file_with_progress(path, &LoadProgress::new(&report));
    if let Ok(l) = &loaded {
        eprintln!("loaded {name}: {} records in {:.1} s", l.dataset.record_count(), started.elapsed().as_secs_f64());
    }
    loaded
}

/// Builds the indexes, printing a line per stage and per million SLTD documents when the
/// dataset is large.
pub fn build_engine_reporting(loaded: LoadedDataset) -> Engine {
    let records = loaded.dataset.record_count();
    if records < 1_000_000 {
        return Engine::build(loaded.dataset);
    }
    let mut last = None;
    Engine::build_with_progress(loaded.dataset, |stage, done| {
        let line = match stage {
            BuildStage::IndexingNational => "indexing the national database".to_owned(),
            BuildStage::IndexingInterpol if done == 0 => "indexing the INTERPOL database".to_owned(),
            BuildStage::IndexingInterpol => format!("indexing the INTERPOL database: {done} records"),
            BuildStage::Done => format!("indexes ready: {records} records"),
        };
        if last.as_ref() != Some(&line) {
            eprintln!("{line}");
            last = Some(line);
        }
    })
}
