//! The name index's own tests: what it finds, and that an entry rebuilds the form it was
//! indexed from.

use super::*;

#[test]
fn finds_transliterated_and_typo_names_through_the_index() {
    let mut index = NameIndex::default();
    index.insert_name(0, NameVariant::Primary, "AL-TIKRITI", "MUHAMMAD");
    index.insert(1, NameVariant::Primary, &NameForm::new("NOWAK", "PIOTR"));
    index.insert_full(2, NameVariant::Primary, "SHEVCHENKO TARAS");
    index.finish();
    let hits = index.search(&NameForm::new("TIKRITI", "MOHAMMED"), 0.7, 100);
    assert_eq!(hits[0].entry.record, 0);
    let hits = index.search(&NameForm::new("SCHEWTSCHENKO", "TARAS"), 0.7, 100);
    assert_eq!(hits[0].entry.record, 2);
    let hits = index.search(&NameForm::new("NOWKA", "PIOTR"), 0.7, 100);
    assert_eq!(hits[0].entry.record, 1);
    assert!(index.search(&NameForm::new("SMITH", "JOHN"), 0.7, 100).is_empty());
}

#[test]
fn an_entry_rebuilds_the_same_name_form_it_was_indexed_from() {
    let names = [
        ("AL-TIKRITI", "Muhammad"),
        ("Abdul Aziz", "OMAR"),
        ("Müller-Lüdenscheidt", "Jürgen"),
        ("el", "Masri Ahmad"),
        ("Волков", "Николай"),
    ];
    let mut index = NameIndex::default();
    for (i, (family, given)) in names.iter().enumerate() {
        index.insert_name(i as u32, NameVariant::Primary, family, given);
    }
    index.insert_full(9, NameVariant::Alias(0), "Abu Bakr al Baghdadi");
    index.insert_name(10, NameVariant::Primary, "AL", "");
    index.finish();
    assert_eq!(index.len(), names.len() + 1, "an all-article name is not indexed");
    for (entry, (family, given)) in index.entries.iter().zip(names) {
        assert_eq!(index.entry_form(entry), NameForm::new(family, given), "{family} {given}");
    }
    assert_eq!(index.entry_form(&index.entries[names.len()]), NameForm::from_full("Abu Bakr al Baghdadi"));
    for t in NameForm::new("AL MASRI", "A").tokens {
        assert!((weight_of_class(weight_class(&t)) - t.weight()).abs() < 1e-6, "{}", t.text);
    }
}

#[test]
fn index_scores_equal_the_explained_scores() {
    let long = "A".repeat(300);
    let records = [
        ("AL-TIKRITI", "MUHAMMAD YUSUF"),
        ("ABDUL AZIZ", "OMAR"),
        ("ERIKSSON", "ANNA MARIA"),
        ("SHEVCHENKO", "TARAS"),
        ("N", "A"),
        (long.as_str(), "LONGNAME"),
    ];
    let mut index = NameIndex::default();
    for (i, (family, given)) in records.iter().enumerate() {
        index.insert_name(i as u32, NameVariant::Primary, family, given);
    }
    index.finish();
    let queries =
        [("TIKRITI", "MOHAMMED"), ("ABDULAZIZ", "OMAR"), ("ERIKSON", "ANNA"), ("SCHEWTSCHENKO", "TARAS"), (long.as_str(), "LONGNAME")];
    for (qf, qg) in queries {
        let q = NameForm::new(qf, qg);
        for c in index.search(&q, 0.0, 100) {
            let (rf, rg) = records[c.entry.record as usize];
            let explained = name_similarity(&q, &NameForm::new(rf, rg)).score;
            assert!((c.name.score - explained).abs() < 1e-5, "{qf} {qg} / {rf} {rg}: {} vs {explained}", c.name.score);
        }
    }
}

#[test]
fn a_part_short_of_the_keys_is_cut_by_letters_not_by_entry_order() {
    // Four hundred XIUYINGs before the one whose family name is ZHAO: ZHAO is too short to key
    // and RZHAO (a typo) keys as something else, so every XIUYING is "one part short" and ties.
    let mut index = NameIndex::default();
    let consonants = b"BDFKLMNPSTVW";
    for i in 0..400u32 {
        let c = |k: u32| consonants[(k % 12) as usize] as char;
        let family = format!("{}U{}E{}", c(i), c(i / 12), c(i / 144 + 3));
        index.insert_name(i, NameVariant::Primary, &family, "XIUYING");
    }
    index.insert_name(400, NameVariant::Primary, "ZHAO", "XIUYING");
    index.finish();
    // Typed in one field, given name first (the glued pair XIUYINGRZHAO keys nothing on file).
    let hits = index.search(&NameForm::new("XIUYING RZHAO", ""), 0.83, 1200);
    assert_eq!(hits.first().map(|c| c.entry.record), Some(400), "{} hits", hits.len());
}
