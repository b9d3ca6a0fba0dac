//! A name typed in Arabic script against records that carry their name in Arabic script too.

use super::name_index::{NameIndex, NameVariant, insert_person_names};
use crate::matching::NameForm;

fn typed(index: &NameIndex, family: &str, given: &str) -> NameForm {
    let mut form = NameForm::new(family, given);
    index.mark_known(&mut form);
    form
}

fn index() -> NameIndex {
    let mut index = NameIndex::default();
    // Latin MAHMUD could be a short-vowel spelling; the record's own script says محمود.
    insert_person_names(&mut index, 0, "MAHMUD", "MAHDI SHAWQI", &[], Some("مهدي شوقي محمود"));
    // No original script: the Latin comparison is all there is.
    insert_person_names(&mut index, 1, "MUHAMMAD", "KARIM HASAN", &[], None);
    // محمد is a name on file, as it is in any real list: typed, it is that name, not a slip.
    insert_person_names(&mut index, 2, "MUHAMMAD", "ALI", &[], Some("علي محمد"));
    index.finish();
    index
}

#[test]
fn the_records_own_script_decides_for_a_query_in_script() {
    let index = index();
    let other = index.search(&typed(&index, "شوقي", "محمد مهدي"), 0.83, 100);
    assert!(other.iter().all(|c| c.entry.record != 0), "محمد is not محمود: {:?}", other.iter().map(|c| c.name.score).collect::<Vec<_>>());
    let same = index.search(&typed(&index, "شوقي", "محمود مهدي"), 0.83, 100);
    assert_eq!(same.first().map(|c| (c.entry.record, c.entry.variant)), Some((0, NameVariant::OriginalScript)));
}

#[test]
fn a_record_without_script_is_still_found_from_script() {
    let index = index();
    let hits = index.search(&typed(&index, "حسن", "محمد كريم"), 0.83, 100);
    assert_eq!(hits.first().map(|c| c.entry.record), Some(1));
}

#[test]
fn a_latin_query_needs_the_records_romanisation_not_only_its_script() {
    // محمد writes no short vowels, so MAHMUD meets it letter for letter; the record's own
    // romanisation MUHAMMAD says it is another name.
    let mut index = NameIndex::default();
    insert_person_names(&mut index, 0, "KHAMIS", "RUSHDY MOHAMMAD", &[], Some("رشدي محمد خميس"));
    insert_person_names(&mut index, 1, "KHAMIS", "RUSHDI MAHMOUD", &[], Some("رشدي محمود خميس"));
    index.finish();
    let hits = index.search(&typed(&index, "KHAMIS", "MAHMUD RUSHDI"), 0.83, 100);
    let records: Vec<u32> = hits.iter().map(|c| c.entry.record).collect();
    assert_eq!(records, vec![1], "{:?}", hits.iter().map(|c| (c.entry.record, c.entry.variant, c.name.score)).collect::<Vec<_>>());
    // A near miss on the romanisation is still lifted by the script (another system's consonants).
    let hits = index.search(&typed(&index, "HAMIS", "RUSDI MUHAMMAD"), 0.83, 100);
    assert!(hits.iter().any(|c| c.entry.record == 0), "{:?}", hits.iter().map(|c| (c.entry.record, c.name.score)).collect::<Vec<_>>());
}
