//! Travel-document kinds and what a registry says about a document.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum DocumentKind {
    #[default]
    Passport,
    IdCard,
    Visa,
    ResidencePermit,
    Other,
}

impl DocumentKind {
    /// Accepts the MRZ document code (`P`, `PP`, `I`, `ID`, `V`, `AC`…) or the variant name.
    pub fn parse(text: &str) -> Option<Self> {
        let t = text.trim().trim_end_matches('<').to_ascii_uppercase();
        match t.as_str() {
            "PASSPORT" => Some(Self::Passport),
            "IDCARD" | "ID CARD" | "ID" => Some(Self::IdCard),
            "VISA" => Some(Self::Visa),
            "RESIDENCEPERMIT" | "RESIDENCE PERMIT" => Some(Self::ResidencePermit),
            "OTHER" => Some(Self::Other),
            _ => match t.chars().next()? {
                'P' => Some(Self::Passport),
                'I' | 'A' | 'C' => Some(Self::IdCard),
                'V' => Some(Self::Visa),
                'R' => Some(Self::ResidencePermit),
                _ => None,
            },
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Self::Passport => "P",
            Self::IdCard => "I",
            Self::Visa => "V",
            Self::ResidencePermit => "R",
            Self::Other => "O",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Passport => "passport",
            Self::IdCard => "identity card",
            Self::Visa => "visa",
            Self::ResidencePermit => "residence permit",
            Self::Other => "travel document",
        }
    }
}

/// The national document registry's status of an issued document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum DocumentStatus {
    Valid,
    Lost,
    Stolen,
    Revoked,
}

/// The kind of SLTD record: why INTERPOL holds this document number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum FraudType {
    /// Never issued: whoever presents it is using a fraudulent document.
    StolenBlank,
    LostByBearer,
    StolenFromBearer,
    Revoked,
}

impl FraudType {
    pub fn label(self) -> &'static str {
        match self {
            Self::StolenBlank => "stolen blank",
            Self::LostByBearer => "lost by bearer",
            Self::StolenFromBearer => "stolen from bearer",
            Self::Revoked => "revoked / invalidated",
        }
    }
}
