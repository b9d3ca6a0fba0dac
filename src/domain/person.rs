//! Who a record is about: names as printed, aliases, sex.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum Sex {
    Male,
    Female,
    #[default]
    Unknown,
}

impl Sex {
    /// Accepts `M`, `F`, `X`, `<` (MRZ) and the full words.
    pub fn parse(text: &str) -> Option<Self> {
        match text.trim().to_ascii_uppercase().as_str() {
            "M" | "MALE" => Some(Self::Male),
            "F" | "FEMALE" => Some(Self::Female),
            "X" | "<" | "" | "U" | "UNKNOWN" => Some(Self::Unknown),
            _ => None,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Self::Male => "M",
            Self::Female => "F",
            Self::Unknown => "X",
        }
    }
}

/// A person's names: family name, given names, known aliases and an optional original-script spelling.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct PersonName {
    pub family_name: String,
    pub given_names: String,
    /// Each alias is a full name as reported ("ABU HAMZA", "IVANOV Piotr").
    pub aliases: Vec<String>,
    pub original_script: Option<String>,
}

impl PersonName {
    pub fn display(&self) -> String {
        if self.given_names.is_empty() {
            self.family_name.to_uppercase()
        } else {
            format!("{}, {}", self.family_name.to_uppercase(), self.given_names)
        }
    }
}
