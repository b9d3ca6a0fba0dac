//! Ranking people: candidates found by name keys, and by the typed date of birth.

use super::*;
use crate::engine::name_index::insert_person_names;
use crate::matching::NameForm;

/// INGOLF BÄHR among people born on other days, and one stranger born on his birthday. INGOLF
/// BAUR, born another day, shares more keys with INGOLG BAYR than INGOLF BÄHR does: with a
/// candidate cap of one (a common name flooding the index at national scale) the index returns
/// only him.
fn list() -> (NameIndex, FactsTable, Vec<Option<PartialDate>>) {
    let people = [
        ("BÄHR", "INGOLF", "1968-11-16"),
        ("BAUR", "INGOLF", "1971-02-03"),
        ("HOLT", "RUDOLF INGOLF", "1993-04-21"),
        ("KOWALSKA", "EWA", "1968-11-16"),
    ];
    let (mut names, mut facts, mut dobs) = (NameIndex::default(), FactsTable::default(), Vec::new());
    for (i, (family, given, dob)) in people.iter().enumerate() {
        let dob = PartialDate::parse(dob).ok();
        insert_person_names(&mut names, i as u32, family, given, &[], None);
        facts.push(dob, Sex::Unknown, &[]);
        dobs.push(dob);
    }
    names.finish();
    facts.finish();
    (names, facts, dobs)
}

fn ranked(family: &str, given: &str, dob: Option<&str>) -> Vec<(u32, u8)> {
    let (names, facts, dobs) = list();
    let person = PersonQuery {
        family_name: family.into(),
        given_names: given.into(),
        date_of_birth: dob.and_then(|d| PartialDate::parse(d).ok()),
        ..Default::default()
    };
    let facts_of =
        |r: u32| RecordFacts { date_of_birth: dobs[r as usize], sex: Sex::Unknown, nationalities: Cow::Borrowed(&[]), aliases: &[] };
    let options = MatchOptions { max_name_candidates: 1, ..MatchOptions::default() };
    rank_persons(&names, &person, &options, &facts, facts_of).into_iter().map(|(e, s)| (e.record, s.score)).collect()
}

#[test]
fn the_people_born_on_the_typed_date_are_scored_whatever_their_name_keys() {
    let (names, _, _) = list();
    let mut form = NameForm::new("BAYR", "INGOLG");
    names.mark_known(&mut form);
    assert!(names.search(&form, 0.6, 1).iter().all(|c| c.entry.record != 0), "found by keys: the test would prove nothing");
    let hits = ranked("BAYR", "INGOLG", Some("1968-11-16"));
    assert_eq!(hits.first().map(|h| h.0), Some(0), "{hits:?}");
    assert!(hits.iter().all(|h| h.0 != 3), "sharing a birthday is not a hit on its own: {hits:?}");
}

#[test]
fn without_the_date_or_with_another_the_weak_name_stays_below_the_threshold() {
    assert!(ranked("BAYR", "INGOLG", None).is_empty());
    assert!(ranked("BAYR", "INGOLG", Some("1968-11-17")).is_empty());
}

#[test]
fn a_placeholder_birthday_shared_by_thousands_brings_no_candidates() {
    let mut facts = FactsTable::default();
    let day = PartialDate::parse("1970-01-01").ok();
    for _ in 0..=MAX_SAME_BIRTHDAY {
        facts.push(day, Sex::Unknown, &[]);
    }
    facts.push(PartialDate::parse("1970-01-02").ok(), Sex::Unknown, &[]);
    facts.finish();
    assert!(facts.born_on(&day.unwrap()).is_empty());
    assert_eq!(facts.born_on(&PartialDate::parse("1970-01-02").unwrap()), vec![MAX_SAME_BIRTHDAY as u32 + 1]);
    assert!(facts.born_on(&PartialDate::parse("1970").unwrap()).is_empty(), "a year alone is no birthday");
}

/// A one-letter slip in a short name (JAE for JANE, IO for ITO) with the date of birth exact:
/// found, as the date vouches for it; without the date, not alerted on the name alone.
#[test]
fn a_slip_in_a_short_name_is_found_with_the_date_of_birth() {
    use crate::matching::{NameForm, name_similarity};
    for (typed, family, given) in [("JAE BRADLEY", "BRADLEY", "JANE"), ("ATSUSHI IO", "ITO", "ATSUSHI"), ("THAO LLE", "LE", "THAO")] {
        let name = name_similarity(&NameForm::new(typed, ""), &NameForm::new(family, given)).score;
        assert!(name * 90.0 < 75.0, "{typed}: alerts on the name alone ({name})");
        assert!(name * 90.0 + 13.0 >= 75.0, "{typed}: not found with an exact date of birth ({name})");
    }
}
