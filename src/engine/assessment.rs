//! What a hit means at the booth: its severity and the recommended action, by database.

use super::hit::{Database, MatchKind, Severity};
use crate::domain::{DocumentStatus, FraudType, NationalAlert, NoticeKind};

pub fn assess(database: Database, match_kind: MatchKind) -> (Severity, &'static str) {
    if match_kind == MatchKind::DocumentMisread {
        return (Severity::Medium, "Possible misread of the document number: re-read the document, then query again");
    }
    match database {
        Database::Notice(kind) => match kind {
            NoticeKind::Red => {
                (Severity::Critical, "Detain pending confirmation with the owning country (via NCB); do not arrest on the hit alone")
            }
            NoticeKind::UnSpecial => (Severity::Critical, "Apply the UN travel ban: refuse entry / hold; notify NCB"),
            NoticeKind::Orange => (Severity::Critical, "Imminent threat: secure the area, hold the person, alert supervisor and NCB"),
            NoticeKind::Yellow => (Severity::High, "Missing person: protect the person, do not release, notify NCB"),
            NoticeKind::Diffusion => (Severity::High, "Hold and refer to secondary; confirm the request with the issuing country"),
            NoticeKind::Green => (Severity::Medium, "Warning on criminal activity: refer to secondary inspection"),
            NoticeKind::Blue => (Severity::Medium, "Record whereabouts and report to NCB; do not alert the person"),
            NoticeKind::Black => (Severity::Info, "Unidentified-body notice: report the possible identity link to NCB"),
            NoticeKind::Purple => (Severity::Info, "Modus-operandi notice: inspect for the described method"),
        },
        Database::Sltd(fraud) => match fraud {
            FraudType::StolenBlank => {
                (Severity::High, "Seize the document: a stolen blank was never issued, the holder is using a forgery; refer to secondary")
            }
            FraudType::LostByBearer | FraudType::StolenFromBearer => {
                (Severity::High, "Verify the holder's identity (impostor risk); seize the document; refer to secondary")
            }
            FraudType::Revoked => (Severity::High, "Seize the revoked document; check with the issuing country"),
        },
        Database::Tdawn => {
            (Severity::High, "Genuine document linked to a notice: refer to secondary inspection and contact the owning country")
        }
        Database::Smv => (Severity::High, "Hold the vehicle and driver pending confirmation with the reporting country"),
        Database::NationalAlert(alert) => match alert {
            NationalAlert::WantedForArrest => (Severity::Critical, "Arrest under the national warrant; inform supervisor"),
            NationalAlert::ForeignFighterWatch => (Severity::Critical, "Refer to secondary inspection; notify the counter-terrorism unit"),
            NationalAlert::RefuseEntry => (Severity::High, "Refuse entry; record the refusal"),
            NationalAlert::MissingPerson => (Severity::High, "Protect the person; notify the responsible authority"),
            NationalAlert::DiscreetCheck => (Severity::Medium, "Discreet check: do not alert the traveller; record and report"),
        },
        Database::NationalDocument(status) => match (status, match_kind) {
            (DocumentStatus::Valid, _) => {
                (Severity::Medium, "Document registered to another holder: possible impostor; refer to secondary")
            }
            (DocumentStatus::Lost | DocumentStatus::Stolen, _) => {
                (Severity::High, "Lost/stolen national document: verify identity, seize the document")
            }
            (DocumentStatus::Revoked, _) => (Severity::High, "Revoked national document: seize it, do not admit on it"),
        },
        Database::NationalVehicle => (Severity::High, "Stolen vehicle: hold the vehicle and driver"),
    }
}
