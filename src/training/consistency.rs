//! Data slips a trainer would notice: a notice issued in another year than its number says, a
//! subject charged at the age of twelve, a man "visiting her son". Run over the built-in
//! scenarios and the demo dataset by a test, and available to any dataset or scenario.

use chrono::Datelike;

use crate::dataset::Dataset;
use crate::domain::{NoticeKind, Sex};
use crate::training::Scenario;

/// The youngest age at which a notice may carry criminal charges.
const MIN_CHARGED_AGE: i32 = 16;

/// Slips in a dataset's notices, one sentence each.
pub fn check_dataset(d: &Dataset) -> Vec<String> {
    let mut slips = Vec::new();
    for n in &d.interpol.notices {
        let id_year = n.id.split('/').next().and_then(|y| y.parse::<i32>().ok());
        if let (Some(year), Some(issued)) = (id_year, n.issued)
            && issued.year() != year
        {
            slips.push(format!("notice {}: issued {issued}, but its number says {year}", n.id));
        }
        let charged = !n.charges.is_empty() || matches!(n.kind, NoticeKind::Red);
        if let (true, Some(dob), Some(issued)) = (charged, n.date_of_birth, n.issued) {
            let age = issued.year() - dob.year;
            if age < MIN_CHARGED_AGE {
                slips.push(format!("notice {}: a {} with charges on a subject aged {age} at issue", n.id, n.kind.label()));
            }
        }
    }
    slips
}

/// Slips in a scenario's travellers: the cover story's pronouns against the sex presented.
pub fn check_scenario(s: &Scenario) -> Vec<String> {
    let mut slips = Vec::new();
    for t in &s.travellers {
        // The sex the traveller presents, typed or read from the MRZ.
        let today = crate::document_reading::fixed_check_day();
        let (presents, _) = crate::document_reading::fill_from_mrz(&t.presents, today);
        let sex = presents.person.as_ref().and_then(|p| Sex::parse(&p.sex));
        let words: Vec<String> = t.cover_story.to_lowercase().split(|c: char| !c.is_alphabetic()).map(str::to_owned).collect();
        let has = |w: &[&str]| words.iter().any(|x| w.contains(&x.as_str()));
        // Pronouns about the traveller: a story may speak of someone else ("a man who says he
        // is her uncle"), so only a story that names no other person is checked.
        let other_person =
            has(&["man", "woman", "uncle", "aunt", "husband", "wife", "friend", "driver", "girl", "boy", "child", "mother", "father"]);
        if other_person {
            continue;
        }
        match sex {
            Some(Sex::Male) if has(&["she", "her", "hers", "herself"]) => {
                slips.push(format!("{}: traveller {} presents as male but the cover story says \"{}\"", s.title, t.id, t.cover_story));
            }
            Some(Sex::Female) if has(&["he", "his", "him", "himself"]) => {
                slips.push(format!("{}: traveller {} presents as female but the cover story says \"{}\"", s.title, t.id, t.cover_story));
            }
            _ => {}
        }
    }
    slips
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_built_in_scenarios_and_the_demo_dataset_have_no_slips() {
        let demo = crate::demo::demo_dataset();
        assert_eq!(check_dataset(&demo.dataset), Vec::<String>::new());
        for s in crate::training::builtin::builtin_scenarios() {
            assert_eq!(check_scenario(s), Vec::<String>::new(), "{}", s.title);
        }
    }

    #[test]
    fn a_slip_is_found() {
        let mut demo = crate::demo::demo_dataset().dataset;
        let n = &mut demo.interpol.notices[0];
        n.issued = chrono::NaiveDate::from_ymd_opt(1990, 1, 1);
        assert!(check_dataset(&demo).iter().any(|s| s.contains("its number says")));
        let mut s = crate::training::builtin::builtin_scenarios()[0].clone();
        s.travellers[0].cover_story = "Visiting her son.".into();
        s.travellers[0].presents = crate::query::input::QueryInput {
            person: Some(crate::query::input::PersonInput { family_name: "X".into(), sex: "M".into(), ..Default::default() }),
            ..Default::default()
        };
        assert!(check_scenario(&s).iter().any(|x| x.contains("presents as male")));
    }
}
