//! Why a record matched: one line per compared feature.

use std::fmt;

use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Match,
    /// Agrees within a tolerance (transliteration, partial date, possible misread).
    Partial,
    Mismatch,
    /// One side did not give this feature.
    NotCompared,
}

impl Outcome {
    pub fn symbol(self) -> &'static str {
        match self {
            Self::Match => "=",
            Self::Partial => "~",
            Self::Mismatch => "!=",
            Self::NotCompared => "-",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Feature {
    pub aspect: String,
    pub outcome: Outcome,
    pub detail: String,
}

impl Feature {
    pub fn new(aspect: &str, outcome: Outcome, detail: impl Into<String>) -> Self {
        Self { aspect: aspect.to_owned(), outcome, detail: detail.into() }
    }
}

impl fmt::Display for Feature {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {} {}", self.aspect, self.outcome.symbol(), self.detail)
    }
}
