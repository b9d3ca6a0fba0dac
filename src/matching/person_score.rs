//! Scores one person record against the traveller: name, then date of birth, sex and
//! nationality as supporting or penalising evidence, with a feature-by-feature explanation.

use super::explanation::{Feature, Outcome};
use super::name_similarity::NameMatch;
use crate::domain::{Country, DateAgreement, PartialDate, Sex};

/// What the record says about the person, besides the name.
pub struct PersonCandidate<'a> {
    /// "primary name", "alias ABU HAMZA", "original-script name".
    pub name_label: &'a str,
    pub date_of_birth: Option<PartialDate>,
    pub sex: Sex,
    pub nationalities: &'a [Country],
}

/// What the officer typed about the traveller, besides the name.
#[derive(Debug, Clone, Copy, Default)]
pub struct TravellerFacts {
    pub date_of_birth: Option<PartialDate>,
    pub sex: Option<Sex>,
    pub nationality: Option<Country>,
    /// The officer typed something in the date field that is not a date (explained as such,
    /// not as "not typed").
    pub date_of_birth_invalid: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PersonScore {
    pub score: u8,
    pub features: Vec<Feature>,
}

/// A perfect name alone is worth this much; date of birth and the rest move it up or down.
const NAME_WEIGHT: f32 = 90.0;

/// The lowest name similarity that can still reach `threshold` once the other features add
/// their most (exact date of birth, matching nationality): weaker names need not be scored.
pub fn min_name_score(threshold: u8, traveller: &TravellerFacts) -> f32 {
    let bonus = if traveller.date_of_birth.is_some() { EXACT_DOB } else { 0.0 } + if traveller.nationality.is_some() { 3.0 } else { 0.0 };
    ((f32::from(threshold) - bonus) / NAME_WEIGHT - 0.005).max(0.0)
}

/// An exact date of birth: with it a name of about 0.69 (INGOLG BAYR for INGOLF BAHR, two
/// typos in a short name, scores 0.76) reaches the default threshold. More would also lift
/// people who merely share a given name and a birthday with someone listed: in a 100,000-row
/// list about four people share any one date (at 16 points 1.2% of unlisted Russian names with a
/// date alerted, at 13 points 0.2%).
const EXACT_DOB: f32 = 13.0;

/// Points a date-of-birth comparison adds or removes.
fn dob_delta(agreement: DateAgreement) -> f32 {
    match agreement {
        DateAgreement::Exact => EXACT_DOB,
        DateAgreement::SameYearPartial => 6.0,
        DateAgreement::DayMonthSwapped => 3.0,
        // Typing slips: evidence the dates were meant to be the same, so a strong name keeps
        // its hit (an exact name with a slipped date scores ~85, a transliterated one ~75+).
        DateAgreement::OneDayApart => -2.0,
        DateAgreement::OneDigit | DateAgreement::DigitsTransposed => -3.0,
        DateAgreement::YearDigitsSwapped => -4.0,
        DateAgreement::YearOffByOne => -5.0,
        // Not one slip: day and month both wrong, or every field. A namesake born another day
        // (SAFIYA AZIZ 1960-08-16 for 1960-12-28) is not the person; even an identical name
        // stays below the default threshold (90 - 16 = 74), as with a different date.
        DateAgreement::SameYearOnly => -16.0,
        DateAgreement::OneYearApart => -20.0,
        DateAgreement::Different => -30.0,
    }
}

/// The score `score_person` gives, without building the explanation: used to rank many
/// candidates before the few shown are explained.
pub fn person_score_value(name_score: f32, traveller: &TravellerFacts, record: &PersonCandidate<'_>) -> u8 {
    let mut score = name_score * NAME_WEIGHT;
    if let (Some(t), Some(r)) = (traveller.date_of_birth, record.date_of_birth) {
        score += dob_delta(t.compare(r));
    }
    if let Some(t) = traveller.sex
        && t != Sex::Unknown
        && record.sex != Sex::Unknown
        && t != record.sex
    {
        score -= 15.0;
    }
    if let Some(t) = traveller.nationality
        && !record.nationalities.is_empty()
    {
        score += if record.nationalities.contains(&t) { 3.0 } else { -5.0 };
    }
    score.round().clamp(0.0, 100.0) as u8
}

pub fn score_person(name: &NameMatch, traveller: &TravellerFacts, record: &PersonCandidate<'_>) -> PersonScore {
    let mut score = name.score * NAME_WEIGHT;
    let mut features = Vec::with_capacity(4);
    let name_outcome = if name.notes.iter().any(|n| n == "identical") {
        Outcome::Match
    } else if name.score >= 0.5 {
        Outcome::Partial
    } else {
        Outcome::Mismatch
    };
    let mut detail = format!("{:.0}% similar ({})", name.score * 100.0, record.name_label);
    if !name.notes.is_empty() {
        detail.push_str(": ");
        detail.push_str(&name.notes.join(", "));
    }
    features.push(Feature::new("name", name_outcome, detail));

    let dob = match (traveller.date_of_birth, record.date_of_birth) {
        (Some(t), Some(r)) => {
            let agreement = t.compare(r);
            let outcome = match agreement {
                DateAgreement::Exact => Outcome::Match,
                DateAgreement::Different => Outcome::Mismatch,
                _ => Outcome::Partial,
            };
            let what = agreement.describe();
            score += dob_delta(agreement);
            Feature::new("date of birth", outcome, format!("{what} (typed {t}, record {r})"))
        }
        (None, Some(r)) if traveller.date_of_birth_invalid => {
            Feature::new("date of birth", Outcome::NotCompared, format!("typed value is not a valid date (record {r})"))
        }
        (None, Some(r)) => Feature::new("date of birth", Outcome::NotCompared, format!("not typed (record {r})")),
        (_, None) => Feature::new("date of birth", Outcome::NotCompared, "not on record"),
    };
    features.push(dob);

    match (traveller.sex, record.sex) {
        (Some(t), r) if t != Sex::Unknown && r != Sex::Unknown => {
            if t == r {
                features.push(Feature::new("sex", Outcome::Match, t.code()));
            } else {
                score -= 15.0;
                features.push(Feature::new("sex", Outcome::Mismatch, format!("typed {}, record {}", t.code(), r.code())));
            }
        }
        (None | Some(Sex::Unknown), r) if r != Sex::Unknown => {
            features.push(Feature::new("sex", Outcome::NotCompared, format!("not typed (record {})", r.code())));
        }
        (Some(t), _) if t != Sex::Unknown => features.push(Feature::new("sex", Outcome::NotCompared, "not on record")),
        _ => features.push(Feature::new("sex", Outcome::NotCompared, "not given on either side")),
    }

    match traveller.nationality {
        Some(t) if !record.nationalities.is_empty() => {
            let list = record.nationalities.iter().map(Country::as_str).collect::<Vec<_>>().join("/");
            if record.nationalities.contains(&t) {
                score += 3.0;
                features.push(Feature::new("nationality", Outcome::Match, t.as_str()));
            } else {
                score -= 5.0;
                features.push(Feature::new("nationality", Outcome::Mismatch, format!("typed {t}, record {list}")));
            }
        }
        Some(_) => features.push(Feature::new("nationality", Outcome::NotCompared, "not on record")),
        None if !record.nationalities.is_empty() => {
            let list = record.nationalities.iter().map(Country::as_str).collect::<Vec<_>>().join("/");
            features.push(Feature::new("nationality", Outcome::NotCompared, format!("not typed (record {list})")));
        }
        None => features.push(Feature::new("nationality", Outcome::NotCompared, "not given on either side")),
    }
    PersonScore { score: score.round().clamp(0.0, 100.0) as u8, features }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::matching::{NameForm, name_similarity};

    fn run(dob_t: &str, dob_r: &str) -> PersonScore {
        let name = name_similarity(&NameForm::new("ERIKSSON", "ANNA"), &NameForm::new("ERIKSSON", "ANNA"));
        let t = TravellerFacts {
            date_of_birth: PartialDate::parse(dob_t).ok(),
            sex: Some(Sex::Female),
            nationality: Country::parse("UTO").ok(),
            date_of_birth_invalid: false,
        };
        let nat = [Country::parse("UTO").unwrap()];
        let r = PersonCandidate {
            name_label: "primary name",
            date_of_birth: PartialDate::parse(dob_r).ok(),
            sex: Sex::Female,
            nationalities: &nat,
        };
        score_person(&name, &t, &r)
    }

    #[test]
    fn the_quick_value_equals_the_explained_score() {
        for (t, r) in [("1974-08-12", "1974-08-12"), ("1974-12-08", "1974-08-12"), ("1980-01-01", "1974-08-12"), ("1974", "1975-02-02")] {
            let full = run(t, r).score;
            let name = name_similarity(&NameForm::new("ERIKSSON", "ANNA"), &NameForm::new("ERIKSSON", "ANNA"));
            let facts = TravellerFacts {
                date_of_birth: PartialDate::parse(t).ok(),
                sex: Some(Sex::Female),
                nationality: Country::parse("UTO").ok(),
                date_of_birth_invalid: false,
            };
            let nat = [Country::parse("UTO").unwrap()];
            let record =
                PersonCandidate { name_label: "", date_of_birth: PartialDate::parse(r).ok(), sex: Sex::Female, nationalities: &nat };
            assert_eq!(person_score_value(name.score, &facts, &record), full);
        }
    }

    #[test]
    fn date_of_birth_moves_the_score() {
        assert_eq!(run("1974-08-12", "1974-08-12").score, 100);
        assert!(run("1974-12-08", "1974-08-12").score > run("1980-01-01", "1974-08-12").score);
        assert!(run("1980-01-01", "1974-08-12").score < 75);
        let f = run("1974-12-08", "1974-08-12").features;
        assert!(f.iter().any(|f| f.detail.contains("swapped")));
    }
}
