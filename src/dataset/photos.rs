//! Photo bytes for the records of a dataset, read once on the loading thread so the UI never
//! touches the disk. Missing files are simply absent (the loader already warned).

use std::collections::HashMap;
use std::sync::Arc;

use super::Dataset;
use crate::generate::portrait::{portrait_png, seed_for};

pub type PhotoStore = HashMap<String, Arc<[u8]>>;

/// Keyed by record id. Without a base folder (built-in demo run from elsewhere) the synthetic
/// portraits are drawn from the record id, exactly as `generate --demo` drew them.
pub fn load_photos(dataset: &Dataset) -> PhotoStore {
    let persons = dataset.national.persons.iter().filter_map(|p| p.photo.as_ref().map(|ph| (&p.id, ph)));
    let notices = dataset.interpol.notices.iter().filter_map(|n| n.photo.as_ref().map(|ph| (&n.id, ph)));
    persons
        .chain(notices)
        .filter_map(|(id, path)| {
            let bytes = match &dataset.base_dir {
                Some(dir) => std::fs::read(dir.join(path)).ok()?,
                None => portrait_png(seed_for(id)),
            };
            Some((id.clone(), Arc::from(bytes)))
        })
        .collect()
}
