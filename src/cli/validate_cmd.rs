use std::path::Path;

use super::Reported;
use super::progress_lines::load_dataset_reporting;

pub fn run(file: &Path) -> Result<(), Reported> {
    match load_dataset_reporting(file) {
        Ok(loaded) => {
            for w in &loaded.warnings {
                eprintln!("{w}");
            }
            println!("{}: valid, {} records ({} warnings)", file.display(), loaded.dataset.record_count(), loaded.warnings.len());
            Ok(())
        }
        Err(e) => {
            let problems = e.problems();
            for p in &problems {
                eprintln!("{p}");
            }
            eprintln!("{}: {} problem(s)", file.display(), problems.len());
            Err(Reported)
        }
    }
}
