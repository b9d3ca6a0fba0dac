//! ICAO 9303 conformance of `read_mrz` on published vectors: TD1 document numbers longer than 9
//! characters, lines one character short, and a filler where a check digit belongs. Every test
//! here failed on the reader that took the `mrz` crate's own check-digit verdicts and its padding
//! of short lines; they use only the public API that reader already had.

use chrono::NaiveDate;

use super::{CheckStatus, DocumentCheck, MrzReading, read_mrz};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
}

fn check<'a>(r: &'a MrzReading, name: &str) -> &'a DocumentCheck {
    r.checks.iter().find(|c| c.check == name).unwrap_or_else(|| panic!("no {name:?} in {:?}", r.checks))
}

/// The check-digit results that failed, as "name: detail".
fn failed_digits(r: &MrzReading) -> Vec<String> {
    r.checks
        .iter()
        .filter(|c| c.check.ends_with("check digit") && c.status == CheckStatus::Failed)
        .map(|c| format!("{}: {}", c.check, c.detail))
        .collect()
}

/// TD1 zones whose document number overflows into the optional data (Doc 9303 Part 5 §4.2.2
/// note j), with the whole number each must read as.
const LONG_NUMBER_TD1: [([&str; 3], &str); 4] = [
    // ICAO Doc 9303 Part 11 Appendix D.2, the 12-character TD1 example, as quoted in
    // cheminfo/mrz src/parse/__tests__/td1.test.ts ("parse document number ICAO Doc 9303 Sample").
    (["I<UTOD23145890<7349<<<<<<<<<<<", "3407127M9507122UTO<<<<<<<<<<<2", "STEVENSON<<PETER<JOHN<<<<<<<<<"], "D23145890734"),
    // Belgian identity card, PRADO BEL-BO-11005: cheminfo/mrz src/parse/__tests__/td1.test.ts
    // ("Belgium ID BEL-BO-11005 - valid"; its authors changed the issuer UTO to BEL, a cell no
    // check digit covers).
    (["IDBEL600001795<0152<<<<<<<<<<<", "1301014F2311207BEL130101987398", "SPECIMEN<<SPECIMEN<<<<<<<<<<<<"], "600001795015"),
    // Belgian identity card, PRADO BEL-BO-03003, whose digit counts the filler of position 15 in:
    // cheminfo/mrz src/parse/__tests__/td1.test.ts ("Belgium ID BEL-BO-03003 with embedded
    // document check digit").
    (["IDBEL000590240<6013<<<<<<<<<<<", "8512017F1311048BEL851201002007", "REINARTZ<<ULRIKE<KATIA<E<<<<<<"], "000590240601"),
    // Portuguese identity card, PRADO PRT-BO-04001: cheminfo/mrz src/parse/__tests__/td1.test.ts
    // ("PRADO Portugal ID PRT-BO-04001 - valid").
    (["I<PRT007666667<ZZ00<<<<<<<<<<<", "8303143M3405293PRT<<<<<<<<<<<4", "CACADOR<DE<ARAUJO<<ANDRE<ESTEV"], "007666667ZZ0"),
];

#[test]
fn td1_document_numbers_longer_than_nine_characters_read_whole_and_verified() {
    for (lines, number) in LONG_NUMBER_TD1 {
        for text in [lines.join("\n"), lines.concat()] {
            let r = read_mrz(&text, today()).unwrap_or_else(|e| panic!("{number}: {e}"));
            assert_eq!((r.format.as_str(), r.document_number.as_str()), ("Td1", number));
            let doc = check(&r, "document number check digit");
            assert_eq!(doc.status, CheckStatus::Verified, "{number}: {}", doc.detail);
            assert!(failed_digits(&r).is_empty(), "{number}: {:?}", failed_digits(&r));
            assert!(r.checks.iter().all(|c| c.check != "document number repair"), "{number} needed no repair");
        }
    }
    // Accepting the Belgian way of computing the digit accepts no other digit: BEL-BO-03003 with
    // the digit changed from 3 to 6 (cheminfo/mrz src/parse/__tests__/td1.test.ts, "Belgium ID
    // BEL-BO-03003, with wrong document number check digit").
    let tampered = "IDBEL000590240<6016<<<<<<<<<<<\n8512017F1311048BEL851201002007\nREINARTZ<<ULRIKE<KATIA<E<<<<<<";
    let r = read_mrz(tampered, today()).unwrap();
    assert_eq!(r.document_number, "000590240601");
    assert_eq!(check(&r, "document number check digit").status, CheckStatus::Failed);
    assert!(r.has_failed_check());
}

// The ICAO 9303 Part 4 TD3 specimen (also cheminfo/mrz src/parse/__tests__/td3.test.ts,
// "Utopia example"). Its composite check digit is 0.
const UTO_L1: &str = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<";
const UTO_L2: &str = "L898902C36UTO7408122F1204159ZE184226B<<<<<10";

#[test]
fn a_line_one_character_short_is_refused_naming_the_line_and_its_length() {
    let refused = |text: &str| match read_mrz(text, today()) {
        Ok(r) => panic!("read as if valid: {:?}", r.checks),
        Err(e) => e.to_string(),
    };
    // TD3 line 2 without its last character: padding it back would "verify" the composite as 0.
    let short = &UTO_L2[..43];
    for text in [format!("{UTO_L1}\n{short}"), format!("{UTO_L1} {short}")] {
        let e = refused(&text);
        assert!(e.contains("line 2 has 43 characters") && e.contains("44"), "{e}");
    }
    // TD3 line 1 one filler short.
    let e = refused(&format!("{}\n{UTO_L2}", &UTO_L1[..43]));
    assert!(e.contains("line 1 has 43 characters"), "{e}");
    // TD1 line 2 without its composite digit: the ICAO Part 11 D.2 zone above.
    let [l1, l2, l3] = LONG_NUMBER_TD1[0].0;
    let e = refused(&format!("{l1}\n{}\n{l3}", &l2[..29]));
    assert!(e.contains("line 2 has 29 characters") && e.contains("30"), "{e}");
    // With no break at all the line cannot be told, but the count can.
    let e = refused(&format!("{UTO_L1}{short}"));
    assert!(e.contains("87 characters"), "{e}");
}

#[test]
fn a_filler_where_a_check_digit_belongs_never_verifies() {
    // The ICAO specimen with its composite digit (0) printed as a filler.
    let r = read_mrz(&format!("{UTO_L1}\n{}<", &UTO_L2[..43]), today()).unwrap();
    let composite = check(&r, "composite check digit");
    assert_eq!(composite.status, CheckStatus::Failed, "{}", composite.detail);
    assert!(composite.detail.contains("MISSING"), "{}", composite.detail);
    assert!(r.has_failed_check());

    // German passport specimen (cheminfo/mrz src/parse/__tests__/td3.test.ts, "German
    // example"): an empty personal number with a filler for its digit, which Doc 9303 Part 4
    // allows, and a composite of 0.
    let l1 = "P<D<<MUSTERMANN<<ERIKA<<<<<<<<<<<<<<<<<<<<<<";
    let l2 = "C01X0006H1D<<6408125F1710319<<<<<<<<<<<<<<<0";
    let r = read_mrz(&format!("{l1}\n{l2}"), today()).unwrap();
    assert_eq!(r.document_number, "C01X0006H");
    assert_eq!(check(&r, "optional data check digit").status, CheckStatus::Verified);
    assert!(failed_digits(&r).is_empty(), "{:?}", failed_digits(&r));
    // The same zone with the composite digit printed as a filler.
    let r = read_mrz(&format!("{l1}\n{}<", &l2[..43]), today()).unwrap();
    assert_eq!(check(&r, "composite check digit").status, CheckStatus::Failed);

    // PRADO PRT-BO-04001 (above) with the continuation of its number blanked: the nine principal
    // characters 007666667 compute 0 and the composite still holds (it stays 4), so only the
    // filler in position 15 — with nothing continuing — stands where a digit must be.
    let r = read_mrz("I<PRT007666667<<<<<<<<<<<<<<<<\n8303143M3405293PRT<<<<<<<<<<<4\nCACADOR<DE<ARAUJO<<ANDRE<ESTEV", today()).unwrap();
    assert_eq!(check(&r, "composite check digit").status, CheckStatus::Verified);
    let doc = check(&r, "document number check digit");
    assert_eq!(doc.status, CheckStatus::Failed, "{}", doc.detail);
    assert!(doc.detail.contains("MISSING"), "{}", doc.detail);
}
