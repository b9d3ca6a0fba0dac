//! The one table of hit rules — severity, recommended action, and whether the owner must
//! confirm before anyone acts — read from `docs/hit-actions.md`, so the document the trainer
//! reads and the rule the terminal applies cannot drift apart.

use std::sync::OnceLock;

use super::hit::{Database, MatchKind, Severity};
use crate::domain::{DiffusionPurpose, DocumentStatus, FraudType, NationalAlert, NoticeKind};

const TABLE: &str = include_str!("../../docs/hit-actions.md");

/// One row of the table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HitRule {
    pub key: &'static str,
    pub severity: Severity,
    /// The record belongs to another country (or the UN Security Council): confirm first.
    pub confirm: bool,
    pub action: &'static str,
}

/// Every row of the table, parsed once.
pub fn rules() -> &'static [HitRule] {
    static RULES: OnceLock<Vec<HitRule>> = OnceLock::new();
    RULES.get_or_init(|| TABLE.lines().filter_map(parse_row).collect())
}

fn parse_row(line: &'static str) -> Option<HitRule> {
    let cells: Vec<&'static str> = line.strip_prefix("| `")?.split('|').map(str::trim).collect();
    let [key, severity, confirm, action, ..] = cells.as_slice() else { return None };
    let severity = match *severity {
        "CRITICAL" => Severity::Critical,
        "HIGH" => Severity::High,
        "MEDIUM" => Severity::Medium,
        "INFO" => Severity::Info,
        _ => return None,
    };
    Some(HitRule { key: key.strip_suffix('`')?, severity, confirm: *confirm == "yes", action })
}

/// The table's key for a kind of hit.
pub fn key(database: Database, match_kind: MatchKind, purpose: Option<DiffusionPurpose>) -> &'static str {
    match match_kind {
        MatchKind::DocumentMisread => return "document:misread",
        MatchKind::DocumentOtherCountry => return "document:other_country",
        _ => {}
    }
    match database {
        Database::Notice(kind) => match kind {
            NoticeKind::Red => "notice:red",
            NoticeKind::UnSpecial => "notice:un_special",
            NoticeKind::Orange => "notice:orange",
            NoticeKind::Yellow => "notice:yellow",
            NoticeKind::Green => "notice:green",
            NoticeKind::Blue => "notice:blue",
            NoticeKind::Black => "notice:black",
            NoticeKind::Purple => "notice:purple",
            NoticeKind::Diffusion => match purpose.unwrap_or_default() {
                DiffusionPurpose::Arrest => "diffusion:arrest",
                DiffusionPurpose::Locate => "diffusion:locate",
                DiffusionPurpose::Information => "diffusion:information",
                DiffusionPurpose::Warning => "diffusion:warning",
            },
        },
        Database::Sltd(fraud) => match fraud {
            FraudType::StolenBlank => "sltd:stolen_blank",
            FraudType::StolenFromBearer => "sltd:stolen_from_bearer",
            FraudType::LostByBearer => "sltd:lost_by_bearer",
            FraudType::Revoked => "sltd:revoked",
        },
        Database::Tdawn => "tdawn",
        Database::Smv => "smv",
        Database::NationalAlert(alert) => match alert {
            NationalAlert::WantedForArrest => "national_alert:wanted_for_arrest",
            NationalAlert::ForeignFighterWatch => "national_alert:foreign_fighter_watch",
            NationalAlert::RefuseEntry => "national_alert:refuse_entry",
            NationalAlert::MissingPerson => "national_alert:missing_person",
            NationalAlert::DiscreetCheck => "national_alert:discreet_check",
            NationalAlert::JudicialProcedure => "national_alert:judicial_procedure",
            NationalAlert::SpecificCheck => "national_alert:specific_check",
        },
        Database::NationalDocument(status) => match status {
            DocumentStatus::Valid => "national_document:valid",
            DocumentStatus::Lost => "national_document:lost",
            DocumentStatus::Stolen => "national_document:stolen",
            DocumentStatus::Revoked => "national_document:revoked",
        },
        Database::NationalVehicle => "national_vehicle",
    }
}

/// The rule for a kind of hit. A kind without a row (a test forbids it) gets the safe reading:
/// HIGH, confirm first, refer to secondary.
pub fn rule(database: Database, match_kind: MatchKind, purpose: Option<DiffusionPurpose>) -> HitRule {
    let key = key(database, match_kind, purpose);
    rules().iter().find(|r| r.key == key).copied().unwrap_or(HitRule {
        key,
        severity: Severity::High,
        confirm: true,
        action: "Refer to secondary inspection; no rule is written for this kind of hit",
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn every_kind() -> Vec<(Database, MatchKind, Option<DiffusionPurpose>)> {
        use NoticeKind as N;
        let mut all = Vec::new();
        for k in [N::Red, N::UnSpecial, N::Orange, N::Yellow, N::Green, N::Blue, N::Black, N::Purple] {
            all.push((Database::Notice(k), MatchKind::Name, None));
        }
        for p in [DiffusionPurpose::Arrest, DiffusionPurpose::Locate, DiffusionPurpose::Information, DiffusionPurpose::Warning] {
            all.push((Database::Notice(N::Diffusion), MatchKind::Name, Some(p)));
        }
        for f in [FraudType::StolenBlank, FraudType::StolenFromBearer, FraudType::LostByBearer, FraudType::Revoked] {
            all.push((Database::Sltd(f), MatchKind::DocumentExact, None));
        }
        all.push((Database::Sltd(FraudType::StolenBlank), MatchKind::DocumentOtherCountry, None));
        all.push((Database::Sltd(FraudType::StolenBlank), MatchKind::DocumentMisread, None));
        all.push((Database::Tdawn, MatchKind::DocumentExact, None));
        all.push((Database::Smv, MatchKind::Vin, None));
        use NationalAlert as A;
        for a in [
            A::WantedForArrest,
            A::ForeignFighterWatch,
            A::RefuseEntry,
            A::MissingPerson,
            A::DiscreetCheck,
            A::JudicialProcedure,
            A::SpecificCheck,
        ] {
            all.push((Database::NationalAlert(a), MatchKind::Name, None));
        }
        for d in [DocumentStatus::Valid, DocumentStatus::Lost, DocumentStatus::Stolen, DocumentStatus::Revoked] {
            all.push((Database::NationalDocument(d), MatchKind::DocumentExact, None));
        }
        all.push((Database::NationalVehicle, MatchKind::Plate, None));
        all
    }

    #[test]
    fn every_kind_of_hit_has_one_row_and_every_row_a_kind() {
        let keys: Vec<&str> = every_kind().into_iter().map(|(d, m, p)| key(d, m, p)).collect();
        for k in &keys {
            assert_eq!(rules().iter().filter(|r| r.key == *k).count(), 1, "docs/hit-actions.md: one row for `{k}`");
        }
        for r in rules() {
            assert!(keys.contains(&r.key), "docs/hit-actions.md row `{}` names no kind of hit", r.key);
        }
    }

    #[test]
    fn interpol_records_wait_for_confirmation_and_national_ones_do_not() {
        for (d, m, p) in every_kind() {
            let r = rule(d, m, p);
            let interpol = matches!(d, Database::Notice(_) | Database::Sltd(_) | Database::Tdawn | Database::Smv);
            let foreign_record = interpol
                && !matches!(m, MatchKind::DocumentOtherCountry | MatchKind::DocumentMisread)
                && d != Database::Notice(NoticeKind::Purple);
            assert_eq!(r.confirm, foreign_record, "`{}`", r.key);
            if r.confirm && d != Database::Notice(NoticeKind::Black) {
                assert!(r.action.contains("confirm") || r.action.contains("NCB"), "`{}` must say to confirm: {}", r.key, r.action);
            }
        }
        let stolen_blank = rule(Database::Sltd(FraudType::StolenBlank), MatchKind::DocumentExact, None);
        assert!(stolen_blank.action.contains("pending confirmation with the reporting country"), "{}", stolen_blank.action);
        let un = rule(Database::Notice(NoticeKind::UnSpecial), MatchKind::Name, None);
        assert!(un.action.contains("Security Council") && un.action.contains("travel ban") && un.action.contains("asset freeze"));
        let other = rule(Database::Sltd(FraudType::StolenBlank), MatchKind::DocumentOtherCountry, None);
        assert_eq!(other.severity, Severity::Medium, "same number, other country is a verify, not a seizure");
    }
}
