//! Every check digit of a zone, verified the strict ICAO 9303 way (Part 3 §4.9), and the
//! document number read whole when it is too long for its field.
//!
//! The `mrz` crate reads a `<` in any check-digit cell as the digit 0, so a missing digit
//! "verifies" whenever the true digit is 0 — one zone in ten, the ICAO TD3 specimen's composite
//! among them. Doc 9303 allows a filler for a check digit in one cell only: TD3 line 2 position
//! 43, when the personal-number field (positions 29-42) is all filler (Part 4 §4.2.2). Everywhere
//! else only a printed digit verifies here.
//!
//! A document number longer than 9 characters (Part 5 §4.2.2 note j for TD1, Part 6 note j for
//! TD2; TD3 by analogy, as the crate does, because issuers print it so): the nine principal
//! characters fill the field, a filler stands where the check digit would be, and the rest of the
//! number follows at the start of the optional data with a check digit computed over the WHOLE
//! number, then a filler. Belgian identity cards of the 2010s (PRADO BEL-BO-03003) compute that
//! digit with the filler of position 15 counted in; on TD1 that reading is accepted too, and the
//! check's detail says which one held.

use super::{CheckStatus, DocumentCheck, POSSIBLE_FORGERY};

/// The whole document number and the five check-digit results, in the order the terminal shows
/// them: document number, date of birth, expiry, optional data, composite.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct ZoneChecks {
    pub document_number: String,
    pub checks: Vec<DocumentCheck>,
}

impl ZoneChecks {
    /// No printed check digit disagrees or is missing.
    pub fn all_hold(&self) -> bool {
        self.checks.iter().all(|c| c.status != CheckStatus::Failed)
    }
}

/// The ICAO 9303 check digit of `field` (weights 7, 3, 1; `<` counts 0, A-Z 10-35); `None` for
/// a character outside the MRZ alphabet.
pub(super) fn compute(field: &[u8]) -> Option<u32> {
    let mut sum = 0;
    for (i, &c) in field.iter().enumerate() {
        let value = match c {
            b'0'..=b'9' => u32::from(c - b'0'),
            b'A'..=b'Z' => u32::from(c - b'A') + 10,
            b'<' => 0,
            _ => return None,
        };
        sum += value * [7, 3, 1][i % 3];
    }
    Some(sum % 10)
}

/// Whether a filler in the check-digit cell may stand for 0.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Filler {
    Never,
    /// TD3's personal-number check digit, when the personal-number field is all filler.
    IfFieldBlank,
}

fn check(name: &str, field: &[u8], printed: u8, filler: Filler) -> DocumentCheck {
    use CheckStatus::{Failed, Verified};
    let (status, detail) = match (compute(field), printed) {
        (None, _) => (Failed, format!("check digit FAILED (the field holds a character outside A-Z, 0-9 and <): {POSSIBLE_FORGERY}")),
        (Some(want), b'0'..=b'9') if u32::from(printed - b'0') == want => (Verified, "check digit verified".to_owned()),
        (Some(want), b'0'..=b'9') => {
            (Failed, format!("check digit FAILED (printed {}, computed {want}): {POSSIBLE_FORGERY}", char::from(printed)))
        }
        (Some(_), b'<') if filler == Filler::IfFieldBlank && field.iter().all(|&c| c == b'<') => {
            (Verified, "check digit verified (the field is empty; ICAO 9303 allows a filler for its check digit)".to_owned())
        }
        (Some(_), b'<') => (Failed, format!("check digit MISSING (a filler '<' where ICAO 9303 requires a digit): {POSSIBLE_FORGERY}")),
        (Some(_), other) => (Failed, format!("check digit FAILED ('{}' is not a digit): {POSSIBLE_FORGERY}", char::from(other))),
    };
    DocumentCheck { check: format!("{name} check digit"), status, detail }
}

fn absent(name: &str) -> DocumentCheck {
    DocumentCheck {
        check: format!("{name} check digit"),
        status: CheckStatus::Absent,
        detail: "no check digit on this document".to_owned(),
    }
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// The rest of a long document number and its check digit at the start of the optional data:
/// at least one character, then the digit, then a filler. `None` when the 9-character field is
/// not full (the number fits it) or nothing continues there.
fn continuation<'a>(field: &[u8], optional: &'a [u8]) -> Option<(&'a [u8], u8)> {
    if field.first() == Some(&b'<') || field.last() == Some(&b'<') {
        return None;
    }
    let end = optional.iter().position(|&c| c == b'<')?;
    let digit = *optional.get(end.checked_sub(1)?)?;
    (end >= 2 && digit.is_ascii_digit()).then(|| (&optional[..end - 1], digit))
}

/// The document number and its check. `field` is the 9-character field, `printed` the cell after
/// it (`cell` names it for the officer), `optional` the optional data a long number continues in
/// (empty where the format has no continuation), `filler_counted_ok` whether the Belgian reading
/// with the filler counted in is accepted.
fn document_number(field: &[u8], printed: u8, optional: &[u8], cell: &str, filler_counted_ok: bool) -> (String, DocumentCheck) {
    let fits = text(field).trim_end_matches('<').to_owned();
    let Some((rest, digit)) = continuation(field, optional).filter(|_| printed == b'<') else {
        return (fits, check("document number", field, printed, Filler::Never));
    };
    let whole = [field, rest].concat();
    let filler_counted = [field, b"<".as_slice(), rest].concat();
    let want = Some(u32::from(digit - b'0'));
    let (status, detail) = if compute(&whole) == want {
        (
            CheckStatus::Verified,
            format!(
                "check digit verified over the whole number {} (longer than 9 characters: {cell} holds a filler and the number continues in the optional data, ICAO 9303)",
                text(&whole)
            ),
        )
    } else if filler_counted_ok && compute(&filler_counted) == want {
        (
            CheckStatus::Verified,
            format!(
                "check digit verified over {} with the filler in {cell} counted in, as some Belgian identity cards compute it",
                text(&filler_counted)
            ),
        )
    } else {
        (CheckStatus::Failed, format!("check digit FAILED over the whole number {}: {POSSIBLE_FORGERY}", text(&whole)))
    };
    (text(&whole), DocumentCheck { check: "document number check digit".to_owned(), status, detail })
}

/// Reads the document number and verifies every check digit of `zone` (its lines joined by
/// newlines, as `mrz::MrzData::mrz_lines` holds them). `None` for a layout this does not know
/// or lines not of the format's width.
pub(super) fn verify_zone(format: mrz::Format, zone: &str) -> Option<ZoneChecks> {
    use mrz::Format;
    let (count, width) = match format {
        Format::Td1 => (3, 30),
        Format::Td2 | Format::MrvB => (2, 36),
        Format::Td3 | Format::MrvA => (2, 44),
        _ => return None,
    };
    let lines: Vec<&[u8]> = zone.lines().map(str::as_bytes).collect();
    if lines.len() != count || lines.iter().any(|l| l.len() != width) {
        return None;
    }
    let (l1, l2) = (lines[0], lines[1]);
    // Line 2 cells of the date of birth and the expiry date, each followed by its check digit.
    let (b, e) = if format == Format::Td1 { (0, 8) } else { (13, 21) };
    let birth = check("date of birth", &l2[b..b + 6], l2[b + 6], Filler::Never);
    let expiry = check("expiry", &l2[e..e + 6], l2[e + 6], Filler::Never);
    let ((number, doc), optional, composite) = match format {
        Format::Td1 => (
            document_number(&l1[5..14], l1[14], &l1[15..30], "line 1 position 15", true),
            absent("optional data"),
            check("composite", &[&l1[5..30], &l2[0..7], &l2[8..15], &l2[18..29]].concat(), l2[29], Filler::Never),
        ),
        Format::Td2 => (
            document_number(&l2[0..9], l2[9], &l2[28..35], "line 2 position 10", false),
            absent("optional data"),
            check("composite", &[&l2[0..10], &l2[13..20], &l2[21..35]].concat(), l2[35], Filler::Never),
        ),
        Format::Td3 => (
            document_number(&l2[0..9], l2[9], &l2[28..42], "line 2 position 10", false),
            check("optional data", &l2[28..42], l2[42], Filler::IfFieldBlank),
            check("composite", &[&l2[0..10], &l2[13..20], &l2[21..43]].concat(), l2[43], Filler::Never),
        ),
        // Visas: no continuation of a long number (Part 7), no optional-data or composite digit.
        _ => (document_number(&l2[0..9], l2[9], &[], "line 2 position 10", false), absent("optional data"), absent("composite")),
    };
    Some(ZoneChecks { document_number: number, checks: vec![doc, birth, expiry, optional, composite] })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_icao_7_3_1_digit() {
        // ICAO 9303 Part 3 §4.9 worked values: the TD3 specimen's number, and the Part 11 D.2
        // long TD1 number (cheminfo/mrz src/parsers/__tests__/check.test.ts).
        assert_eq!(compute(b"L898902C3"), Some(6));
        assert_eq!(compute(b"D23145890734"), Some(9));
        // PRADO BEL-BO-03003 counts the filler in, BEL-BO-11005 does not (same file).
        assert_eq!(compute(b"000590240<601"), Some(3));
        assert_eq!(compute(b"600001795015"), Some(2));
        assert_eq!(compute(b"L8989\xC3"), None);
    }

    #[test]
    fn a_filler_is_a_check_digit_only_for_an_empty_td3_personal_number() {
        assert_eq!(check("x", b"<<<<<<<<<<<<<<", b'<', Filler::IfFieldBlank).status, CheckStatus::Verified);
        assert_eq!(check("x", b"<<<<<<<<<<<<<<", b'0', Filler::IfFieldBlank).status, CheckStatus::Verified);
        // A field that holds data needs its digit, even when that digit would be 0.
        assert_eq!(compute(b"ZE184226B<<<<<"), Some(1));
        assert_eq!(check("x", b"ZE184226B<<<<<", b'<', Filler::IfFieldBlank).status, CheckStatus::Failed);
        // 007666667 (PRADO PRT-BO-04001's principal characters) computes 0: a filler is still no digit.
        assert_eq!(check("x", b"007666667", b'<', Filler::Never).status, CheckStatus::Failed);
        assert_eq!(check("x", b"007666667", b'0', Filler::Never).status, CheckStatus::Verified);
    }

    #[test]
    fn continuation_needs_a_full_field_a_rest_and_a_digit() {
        assert_eq!(continuation(b"D23145890", b"7349<<<<<<<<<<<"), Some((b"734".as_slice(), b'9')));
        assert_eq!(continuation(b"D23145890", b"<<<<<<<<<<<<<<<"), None);
        assert_eq!(continuation(b"D23145890", b"9<<<<<<<<<<<<<<"), None);
        assert_eq!(continuation(b"D2314589<", b"7349<<<<<<<<<<<"), None);
        assert_eq!(continuation(b"D23145890", b"734X<<<<<<<<<<<"), None);
        assert_eq!(continuation(b"D23145890", b"7349"), None);
    }
}
