//! Person hits for a typed name, shared by both sources: candidates from the name index are
//! ranked on a quick score, and only the hits that will be shown get the full explanation.

use std::borrow::Cow;

use super::name_index::{NameEntry, NameIndex, NameVariant, variant_label};
use super::options::MatchOptions;
use super::query::PersonQuery;
use crate::domain::{Country, PartialDate, PersonName, Sex};
use crate::matching::name_similarity::order_agreement;
use crate::matching::person_score::{PersonScore, TravellerFacts, min_name_score, person_score_value};
use crate::matching::{PersonCandidate, score_person};

/// What a source knows about the person behind a name entry.
pub struct RecordFacts<'a> {
    pub date_of_birth: Option<PartialDate>,
    pub sex: Sex,
    pub nationalities: Cow<'a, [Country]>,
    pub aliases: &'a [String],
}

/// Date of birth, sex and nationalities of every record side by side (about 40 bytes each), so
/// that ranking thousands of name candidates reads one small row each instead of the records.
#[derive(Debug, Default)]
pub struct FactsTable {
    rows: Vec<FactsRow>,
    /// (day, record) for every record with a full date of birth, sorted: the people born on a
    /// typed date, found without their names (see `born_on`). Built by `finish`.
    birthdays: Vec<(u32, u32)>,
}

/// A full date as one sortable number; None for a partial date.
fn day_number(date: &PartialDate) -> Option<u32> {
    let (m, d) = (date.month?, date.day?);
    // Years are kept in 0..=9999 by the date parser; the cast only orders them.
    Some((date.year as u32).wrapping_mul(512) + m * 32 + d)
}

/// A date of birth shared by more records than this is a placeholder (1 January of an unknown
/// year is common in civil registries), not evidence: no candidates are taken from it.
const MAX_SAME_BIRTHDAY: usize = 5000;

#[derive(Debug, Clone, Copy)]
struct FactsRow {
    date_of_birth: Option<PartialDate>,
    sex: Sex,
    nationalities: [Country; 3],
    /// How many of `nationalities` are real; more than three: the record is read instead.
    count: u8,
}

impl FactsTable {
    pub fn with_capacity(n: usize) -> Self {
        Self { rows: Vec::with_capacity(n), birthdays: Vec::new() }
    }

    /// Appends the facts of the next record (records are numbered in push order).
    pub fn push(&mut self, date_of_birth: Option<PartialDate>, sex: Sex, nationalities: &[Country]) {
        let mut row = FactsRow { date_of_birth, sex, nationalities: [Country::UNSPECIFIED; 3], count: nationalities.len().min(4) as u8 };
        for (slot, c) in row.nationalities.iter_mut().zip(nationalities) {
            *slot = *c;
        }
        self.rows.push(row);
    }

    /// Call once after the last `push`.
    pub fn finish(&mut self) {
        self.birthdays =
            self.rows.iter().enumerate().filter_map(|(i, r)| Some((day_number(r.date_of_birth.as_ref()?)?, i as u32))).collect();
        self.birthdays.sort_unstable();
    }

    /// The records born on this (full) date, unless it is a placeholder date shared by thousands.
    fn born_on(&self, date: &PartialDate) -> Vec<u32> {
        let Some(day) = day_number(date) else { return Vec::new() };
        let start = self.birthdays.partition_point(|&(d, _)| d < day);
        let end = self.birthdays.partition_point(|&(d, _)| d <= day);
        if end - start > MAX_SAME_BIRTHDAY {
            return Vec::new();
        }
        self.birthdays[start..end].iter().map(|&(_, r)| r).collect()
    }

    /// The record's facts, when they fit the row.
    fn candidate(&self, record: u32) -> Option<PersonCandidate<'_>> {
        let row = self.rows.get(record as usize).filter(|r| r.count <= 3)?;
        Some(PersonCandidate {
            name_label: "",
            date_of_birth: row.date_of_birth,
            sex: row.sex,
            nationalities: &row.nationalities[..usize::from(row.count)],
        })
    }
}

/// Ranking points for parts in the typed order (see `rank_persons`).
const ORDER_POINTS: f32 = 12.0;

/// Best first, at most `options.max_hits`, every one at or above the threshold.
pub fn rank_persons<'a>(
    names: &'a NameIndex,
    person: &PersonQuery,
    options: &MatchOptions,
    facts: &FactsTable,
    facts_of: impl Fn(u32) -> RecordFacts<'a>,
) -> Vec<(&'a NameEntry, PersonScore)> {
    let mut form = person.name_form();
    names.mark_known(&mut form);
    let traveller = TravellerFacts {
        date_of_birth: person.date_of_birth,
        sex: person.sex,
        nationality: person.nationality,
        date_of_birth_invalid: person.date_of_birth_invalid,
    };
    let min_name = min_name_score(options.threshold, &traveller);
    let mut found = names.search(&form, min_name, options.max_name_candidates);
    // The name index finds spellings by shared keys, and two typos in a short name (INGOLG BAYR
    // for INGOLF BAHR) or one in a name too short to key (RZHAO for ZHAO) share none. With a
    // date of birth the few people born that day are scored too, whatever their keys: the name
    // must still reach the threshold with the date's points.
    if let Some(dob) = &traveller.date_of_birth {
        let born = facts.born_on(dob);
        if !born.is_empty() {
            let seen: rustc_hash::FxHashSet<u32> = found.iter().map(|c| c.entry.record).collect();
            let more: Vec<u32> = born.into_iter().filter(|r| !seen.contains(r)).collect();
            found.extend(names.score_records(&form, &more, min_name));
        }
    }
    let mut ranked: Vec<_> = found
        .into_iter()
        .filter_map(|c| {
            let score = match facts.candidate(c.entry.record) {
                Some(row) => person_score_value(c.name.score, &traveller, &row),
                None => person_score_value(c.name.score, &traveller, &candidate_of(&facts_of(c.entry.record))),
            };
            (score >= options.threshold).then_some((c, score))
        })
        .collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then(b.0.name.score.total_cmp(&a.0.name.score)).then(a.0.entry.record.cmp(&b.0.entry.record)));
    if ranked.len() > options.max_hits && options.max_hits > 0 {
        // Common names come by the dozen (MUHAMMAD MUSTAFA ADIL, ADIL MUSTAFA MUHAMMAD...): for
        // the ranking only, a spelling whose parts come in the typed order gains up to 12 points
        // (more than a transliterated part costs: HASAN TARIQ MUHAMMAD is nearer HASAN TAREK
        // MOHAMMAD than TARIQ MUHAMMAD HASAN),
        // because Arabic names (given, father, grandfather) and most others carry meaning in
        // their order even though the score ignores it. The score shown and the threshold are
        // unchanged. Only candidates that can reach the cut are looked at.
        let floor = ranked[options.max_hits - 1].1.saturating_sub(ORDER_POINTS as u8 + 1);
        let band = ranked.iter().position(|r| r.1 < floor).unwrap_or(ranked.len());
        ranked.truncate(band);
        let mut keyed: Vec<_> = ranked
            .into_iter()
            .map(|c| {
                let key = f32::from(c.1) + c.0.name.score + ORDER_POINTS * order_agreement(&form, &names.entry_form(c.0.entry));
                (key, c)
            })
            .collect();
        keyed.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.0.entry.record.cmp(&b.1.0.entry.record)));
        ranked = keyed.into_iter().map(|(_, c)| c).collect();
    }
    ranked.truncate(options.max_hits);
    ranked
        .into_iter()
        .map(|(c, _)| {
            let facts = facts_of(c.entry.record);
            let label = variant_label(c.entry.variant, facts.aliases);
            let explained = names.explain(&form, &c);
            let scored = score_person(&explained, &traveller, &PersonCandidate { name_label: &label, ..candidate_of(&facts) });
            (c.entry, scored)
        })
        .collect()
}

/// The subject line of a person hit: the record's name, and the spelling that matched when it
/// was not the primary one (an officer seeing TKACHENKO, OLGA for a typed PETROVA needs to know
/// that PETROVA OLGA is a recorded alias).
pub fn subject_as_matched(name: &PersonName, variant: NameVariant) -> String {
    let display = name.display();
    match variant {
        NameVariant::Primary => display,
        NameVariant::Alias(i) => match name.aliases.get(usize::from(i)) {
            Some(alias) => format!("{display} — alias {alias}"),
            None => display,
        },
        NameVariant::OriginalScript => match &name.original_script {
            Some(original) => format!("{display} — {original}"),
            None => display,
        },
    }
}

fn candidate_of<'f>(facts: &'f RecordFacts<'_>) -> PersonCandidate<'f> {
    PersonCandidate { name_label: "", date_of_birth: facts.date_of_birth, sex: facts.sex, nationalities: &facts.nationalities }
}

#[cfg(test)]
#[path = "person_ranking_tests.rs"]
mod tests;
