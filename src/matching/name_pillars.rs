//! A record's family name and its first given name are the parts a travel document always
//! shows. A typed name that leaves one of them out entirely is weaker evidence than one that
//! leaves out a middle name: DAVID PAUL is not DAVID PAUL MARTINEZ, NATHAN PROULX is not
//! THEODORE NATHAN PROULX (he may be called by his second name, but his passport still reads
//! THEODORE NATHAN), HUSSEIN HAYDAR is the father of ZAYD HUSSEIN HAYDAR more often than ZAYD
//! himself. A middle name left out (JOHN SMITH for JOHN PAUL SMITH) costs only its share of
//! the record's coverage, as before.
//!
//! Only records whose name comes in fields (family and given) have pillars; a free-text alias
//! or an original-script name does not say which part is which.

/// A record part counts as given by the traveller from this similarity on (`evidence` in
/// `name_similarity` gives nothing below it). Higher (0.78) would also drop mere resemblances
/// (KLARA / MARTA 0.73) but dropped spellings the matcher only half knows, found today with a
/// date of birth (LOAY / LUAYY, HAITAM / HAYSAM, RASAD / RACHAD).
const PRESENT: f32 = 0.7;

/// What leaving out a pillar costs. A name exact in its other parts (2 of 3 parts: 0.93) falls
/// below the default threshold without a date of birth (0.93 - 0.12 = 0.81, 73 points) and is
/// found with an exact one (86 points).
const PILLAR_ABSENT: f32 = 0.12;

/// The pillars of one record name, as bit masks over its tokens (at most 32 are looked at).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Pillars {
    family: u32,
    /// The given names after the first (content tokens only).
    later_given: u32,
    first_given: Option<u8>,
}

impl Pillars {
    /// From each token's (from the family name field, carries no weight) in order. No family
    /// part, no pillars: the name is free text.
    pub fn of(tokens: impl Iterator<Item = (bool, bool)>) -> Self {
        let mut p = Self::default();
        for (i, (family, weightless)) in tokens.enumerate().take(32) {
            if weightless {
                continue;
            }
            let bit = 1u32 << i;
            if family {
                p.family |= bit;
            } else if p.first_given.is_none() {
                p.first_given = Some(i as u8);
            } else {
                p.later_given |= bit;
            }
        }
        if p.family == 0 { Self::default() } else { p }
    }

    /// Which pillars `record_best` (each record token's best similarity to a typed part) shows
    /// as left out: (the family name, the first given name). The first given name counts as
    /// left out only when a later given name was typed (a record of one given name and a query
    /// of family name alone is already weak by coverage).
    pub fn absent(&self, record_best: &[f32]) -> (bool, bool) {
        let present = |mask: u32| (0..record_best.len().min(32)).any(|i| mask & (1 << i) != 0 && record_best[i] >= PRESENT);
        let family = self.family != 0 && !present(self.family);
        let first =
            self.first_given.is_some_and(|f| record_best.get(usize::from(f)).is_some_and(|&s| s < PRESENT)) && present(self.later_given);
        (family, first)
    }

    /// The score lost for the pillars left out.
    pub fn penalty(&self, record_best: &[f32]) -> f32 {
        let (family, first) = self.absent(record_best);
        PILLAR_ABSENT * f32::from(u8::from(family) + u8::from(first))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// FIRST MIDDLE FAMILY.
    fn three() -> Pillars {
        Pillars::of([(false, false), (false, false), (true, false)].into_iter())
    }

    #[test]
    fn a_middle_name_left_out_is_not_a_pillar() {
        assert_eq!(three().absent(&[1.0, 0.0, 1.0]), (false, false));
        assert!(three().penalty(&[1.0, 0.0, 1.0]).abs() < f32::EPSILON);
    }

    #[test]
    fn the_family_name_or_the_first_given_name_left_out_costs() {
        assert_eq!(three().absent(&[1.0, 1.0, 0.2]), (true, false));
        assert_eq!(three().absent(&[0.3, 1.0, 1.0]), (false, true));
        assert!(three().penalty(&[0.0, 1.0, 0.0]) > three().penalty(&[0.0, 1.0, 1.0]));
        // A misspelt first name is still given.
        assert_eq!(three().absent(&[0.75, 1.0, 1.0]), (false, false));
    }

    #[test]
    fn free_text_names_and_articles_have_no_pillars_of_their_own() {
        let free = Pillars::of([(false, false), (false, false)].into_iter());
        assert_eq!(free.absent(&[0.0, 1.0]), (false, false));
        // AL MASRI: the article is not the family name; MASRI given is enough.
        let al = Pillars::of([(false, false), (true, true), (true, false)].into_iter());
        assert_eq!(al.absent(&[1.0, 0.0, 1.0]), (false, false));
        // The first given name alone, with no later given name typed, is not flagged.
        assert_eq!(three().absent(&[0.0, 0.0, 1.0]), (false, false));
    }

    /// The default threshold (75) over the name weight (90): a name-only query alerts above it.
    const ALERTS: f32 = 75.0 / 90.0;

    fn both(query: &str, family: &str, given: &str) -> f32 {
        use crate::matching::{NameForm, name_score, name_similarity};
        let (q, r) = (NameForm::new(query, ""), NameForm::new(family, given));
        let explained = name_similarity(&q, &r).score;
        assert!((name_score(&q, &r) - explained).abs() < 1e-5, "fast and explained scores differ: {query}");
        explained
    }

    #[test]
    fn a_name_without_the_records_family_or_first_name_does_not_alert_alone() {
        // The middle name left out still alerts (the peer kit's "dropped middle name").
        assert!(both("DAVID MARTINEZ", "MARTINEZ", "DAVID PAUL") > ALERTS);
        assert!(both("DAVID PAUL", "MARTINEZ", "DAVID PAUL") < ALERTS);
        assert!(both("NATHAN PROULX", "PROULX", "THEODORE NATHAN") < ALERTS);
        assert!(both("HUSSEIN HAYDAR", "HAYDAR", "OMAR HUSSEIN") < ALERTS);
        // Still close enough to alert with an exact date of birth (13 points).
        assert!(both("NATHAN PROULX", "PROULX", "THEODORE NATHAN") * 90.0 + 13.0 > 75.0);
        // Family name first, or the article left out, is not a pillar missing.
        assert!(both("MARTINEZ DAVID PAUL", "MARTINEZ", "DAVID PAUL") > 0.99);
        assert!(both("AHMED HASAN", "AL MASRI", "AHMED HASAN") < ALERTS);
        assert!(both("AHMED HASAN MASRI", "AL MASRI", "AHMED HASAN") > 0.99);
    }
}
