//! The traveller at the desk against the passenger lists screened before landing: which
//! announced traveller this is, and what differs between what was announced and what is
//! presented (another document, name or date of birth: a possible document swap or impostor).

use super::screen::Screened;
use crate::matching::{NameForm, name_similarity};
use crate::query::input::QueryInput;

/// How the presented traveller was found on a list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MatchedBy {
    /// The same document number (and issuing state, where both are known).
    Document,
    /// The same name and date of birth, another document.
    NameAndBirth,
}

/// The announced traveller this presented one is, and the differences.
#[derive(Debug, Clone, PartialEq)]
pub struct DeskMatch {
    /// Which list (index into the caller's flights) and which traveller on it.
    pub flight: usize,
    pub index: usize,
    pub by: MatchedBy,
    /// Each a sentence for the officer; empty when what is presented is what was announced.
    pub discrepancies: Vec<String>,
    /// The same person with the same document as announced (a date of birth that differs may
    /// be a slip in the airline's data); false for a swapped document or an impostor.
    pub same_traveller: bool,
}

fn norm(s: &str) -> String {
    s.chars().filter(char::is_ascii_alphanumeric).collect::<String>().to_ascii_uppercase()
}

fn same_name(a_family: &str, a_given: &str, b_family: &str, b_given: &str) -> bool {
    name_similarity(&NameForm::new(a_family, a_given), &NameForm::new(b_family, b_given)).score >= 0.9
}

/// Finds the presented traveller on the screened lists (`flights`: one list per flight).
pub fn announced_for(flights: &[&[Screened]], presented: &QueryInput) -> Option<DeskMatch> {
    let doc = presented.document.as_ref().map(|d| (norm(&d.number), norm(&d.country))).filter(|d| !d.0.is_empty());
    let person = presented.person.as_ref().filter(|p| !p.family_name.trim().is_empty());
    // A document number is the stronger tie: try it on every list first.
    if let Some((number, country)) = &doc {
        for (f, list) in flights.iter().enumerate() {
            let found = list.iter().find(|s| {
                let t = &s.traveller;
                norm(&t.document_number) == *number
                    && (country.is_empty() || t.document_country.is_empty() || norm(&t.document_country) == *country)
            });
            if let Some(s) = found {
                let mut discrepancies = Vec::new();
                let mut same_traveller = true;
                if let Some(p) = person {
                    let t = &s.traveller;
                    if !same_name(&t.family_name, &t.given_names, &p.family_name, &p.given_names) {
                        same_traveller = false;
                        let announced = format!("{} {}", t.family_name, t.given_names);
                        let presenting = format!("{} {}", p.family_name.trim(), p.given_names.trim());
                        discrepancies.push(format!(
                            "the document was announced for {}, but {} presents it: a swapped document or an impostor",
                            announced.trim(),
                            presenting.trim()
                        ));
                    }
                    if !p.date_of_birth.trim().is_empty() && !t.date_of_birth.is_empty() && norm(&p.date_of_birth) != norm(&t.date_of_birth)
                    {
                        discrepancies.push(format!("born {} as announced, {} as presented", t.date_of_birth, p.date_of_birth.trim()));
                    }
                }
                return Some(DeskMatch { flight: f, index: s.index, by: MatchedBy::Document, discrepancies, same_traveller });
            }
        }
    }
    let p = person?;
    for (f, list) in flights.iter().enumerate() {
        let found = list.iter().find(|s| {
            let t = &s.traveller;
            same_name(&t.family_name, &t.given_names, &p.family_name, &p.given_names)
                && !t.date_of_birth.is_empty()
                && norm(&t.date_of_birth) == norm(&p.date_of_birth)
        });
        if let Some(s) = found {
            let mut discrepancies = Vec::new();
            if let Some((number, _)) = &doc
                && !s.traveller.document_number.is_empty()
                && norm(&s.traveller.document_number) != *number
            {
                discrepancies.push(format!(
                    "announced with document {}, presents {}: another document than the airline reported (a swap?)",
                    s.traveller.document_number, number
                ));
            }
            let same_traveller = discrepancies.is_empty();
            return Some(DeskMatch { flight: f, index: s.index, by: MatchedBy::NameAndBirth, discrepancies, same_traveller });
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::manifest::Announced;
    use crate::query::input::{DocumentInput, PersonInput};

    fn listed(index: usize, family: &str, given: &str, dob: &str, doc: &str) -> Screened {
        let traveller = Announced {
            family_name: family.into(),
            given_names: given.into(),
            date_of_birth: dob.into(),
            document_number: doc.into(),
            document_country: "UTO".into(),
            ..Default::default()
        };
        Screened { index, traveller, issues: Vec::new(), hits: Vec::new(), companion_of: Vec::new() }
    }

    fn presented(family: &str, given: &str, dob: &str, doc: &str) -> QueryInput {
        QueryInput {
            document: Some(DocumentInput { number: doc.into(), country: "UTO".into(), ..Default::default() }),
            person: Some(PersonInput {
                family_name: family.into(),
                given_names: given.into(),
                date_of_birth: dob.into(),
                ..Default::default()
            }),
            ..Default::default()
        }
    }

    #[test]
    fn the_announced_traveller_is_found_and_a_swap_is_named() {
        let list =
            vec![listed(0, "ERIKSSON", "ANNA", "1974-08-12", "L898902C3"), listed(1, "TIKRITI", "MOHAMMED", "1979-03-21", "UT1234567")];
        let flights: Vec<&[Screened]> = vec![&list];
        let same = announced_for(&flights, &presented("ERIKSSON", "ANNA", "1974-08-12", "L898902C3")).unwrap();
        assert_eq!((same.index, same.by), (0, MatchedBy::Document));
        assert!(same.discrepancies.is_empty());
        // Someone else holds Anna's announced passport.
        let impostor = announced_for(&flights, &presented("TIKRITI", "MOHAMMED", "1979-03-21", "L898902C3")).unwrap();
        assert_eq!(impostor.index, 0);
        assert!(impostor.discrepancies.iter().any(|d| d.contains("impostor")), "{:?}", impostor.discrepancies);
        // The announced person presents another passport than the airline reported.
        let swapped = announced_for(&flights, &presented("TIKRITI", "MOHAMMED", "1979-03-21", "XX9999999")).unwrap();
        assert_eq!((swapped.index, swapped.by), (1, MatchedBy::NameAndBirth));
        assert!(swapped.discrepancies.iter().any(|d| d.contains("UT1234567") && d.contains("XX9999999")));
        assert!(announced_for(&flights, &presented("NOBODY", "ELSE", "1990-01-01", "ZZ1")).is_none());
    }
}
