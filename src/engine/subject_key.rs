//! Keys that say two hits are about the same subject, across databases and sources.

use crate::domain::{Country, PartialDate};
use crate::matching::name_form::is_article;
use crate::matching::normalize::normalize_name;
use crate::matching::phonetic::phonetic_key;

/// Same person: same phonetic name tokens (any order) and same date of birth. Made straight from
/// the names, without preparing a whole `NameForm` (glued pairs, alternate keys): it runs for
/// every hit shown.
pub fn person_key_of_names(family_name: &str, given_names: &str, dob: Option<PartialDate>) -> String {
    let text = normalize_name(&format!("{family_name} {given_names}"));
    let keys: Vec<String> = text.split(' ').filter(|w| !w.is_empty() && !is_article(w)).map(phonetic_key).collect();
    key_of(keys.iter().map(String::as_str).collect(), dob)
}

fn key_of(mut keys: Vec<&str>, dob: Option<PartialDate>) -> String {
    keys.sort_unstable();
    format!("person:{}:{}", keys.join("-"), dob.map(|d| d.to_string()).unwrap_or_default())
}

pub fn document_key(country: Country, number: &str) -> String {
    format!("document:{country}:{number}")
}

/// A query carries one vehicle, so every vehicle hit is about the vehicle presented.
pub fn vehicle_key() -> String {
    "vehicle:presented".into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_person_key_uses_the_same_token_keys_as_matching() {
        use crate::matching::NameForm;
        let dob = PartialDate::parse("1979-03-21").ok();
        for (family, given) in
            [("AL-TIKRITI", "Muhammad Yusuf"), ("Müller", "Jürgen"), ("el masri", "AHMAD"), ("Волков", "Николай"), ("", "")]
        {
            let form = NameForm::new(family, given);
            let keys: Vec<&str> = form.tokens.iter().filter(|t| !t.is_article).map(|t| &*t.key).collect();
            assert_eq!(person_key_of_names(family, given, dob), key_of(keys, dob), "{family} {given}");
        }
        assert_eq!(
            person_key_of_names("TIKRITI", "MUHAMMAD", dob),
            person_key_of_names("Muhammad", "al-Tikriti", dob),
            "order and article"
        );
    }
}
