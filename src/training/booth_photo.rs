//! The face of the traveller at the booth, for the trainee to compare with record photos. A
//! scenario traveller's `photo` is a picture file next to the scenario, `record:ID` (the same
//! face as that record's photo: the subject really is at the booth) or `synthetic:N` (a
//! generated face, someone else: an impostor's). Files are read on the scenario-loading thread.

use std::sync::Arc;

use super::scenario::{Scenario, ScenarioTraveller};
use crate::dataset::photos::PhotoStore;
use crate::generate::portrait::portrait_png;

/// What a traveller's `photo` refers to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PhotoRef<'a> {
    File(&'a str),
    Record(&'a str),
    Synthetic(u64),
}

/// Reads a `photo` value; None when it is empty or a malformed `synthetic:` number.
pub fn photo_ref(value: &str) -> Option<PhotoRef<'_>> {
    let value = value.trim();
    if value.is_empty() {
        None
    } else if let Some(id) = value.strip_prefix("record:") {
        Some(PhotoRef::Record(id.trim()))
    } else if let Some(n) = value.strip_prefix("synthetic:") {
        n.trim().parse().ok().map(PhotoRef::Synthetic)
    } else {
        Some(PhotoRef::File(value))
    }
}

/// The picture shown for the traveller at the booth, if the scenario gives one.
pub fn booth_photo(scenario: &Scenario, traveller: &ScenarioTraveller, record_photos: &PhotoStore) -> Option<Arc<[u8]>> {
    match photo_ref(traveller.photo.as_deref()?)? {
        PhotoRef::File(_) => scenario.photo_files.get(&traveller.id).cloned(),
        PhotoRef::Record(id) => record_photos.get(id).cloned(),
        PhotoRef::Synthetic(seed) => Some(Arc::from(portrait_png(seed))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_three_kinds_of_photo() {
        assert_eq!(photo_ref("record:2019/40417"), Some(PhotoRef::Record("2019/40417")));
        assert_eq!(photo_ref("synthetic:17"), Some(PhotoRef::Synthetic(17)));
        assert_eq!(photo_ref("faces/a2.png"), Some(PhotoRef::File("faces/a2.png")));
        assert_eq!(photo_ref("synthetic:x"), None);
        assert_eq!(photo_ref(" "), None);
    }
}
