//! How records are compared with what the officer typed: normalisation, phonetic keys,
//! name similarity and the person score with its explanation.

pub mod compound;
pub mod explanation;
pub mod jaro;
pub mod name_form;
pub mod name_order;
mod name_pillars;
pub mod name_similarity;
pub mod normalize;
pub mod person_score;
pub mod phonetic;
#[cfg(test)]
mod romanisation_tests;

pub use explanation::{Feature, Outcome};
pub use name_form::NameForm;
pub use name_similarity::{NameMatch, name_score, name_similarity};
pub use person_score::{PersonCandidate, PersonScore, score_person};
