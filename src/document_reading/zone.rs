//! The lines of a pasted or scanned MRZ, each held to the exact width of its format before
//! anything is read from it (ICAO 9303: TD1 is 3 lines of 30, TD2 and MRV-B 2 of 36, TD3 and
//! MRV-A 2 of 44). The `mrz` crate pads a short line back to width, and a padded filler then
//! "verifies" as a check digit of 0 — so a line one character short stops here, named.

use super::MrzReadError;

/// Splits upper-cased MRZ text into its lines and checks their count and widths.
///
/// The lines are the text's line breaks; stray spaces inside a line are dropped. Text without
/// line breaks (OCR often runs the zone together) is cut by its total length (90, 72 or 88), or
/// else split at the spaces between 2 or 3 long runs, so a short line can still be named.
pub(super) fn split_lines(text: &str) -> Result<Vec<String>, MrzReadError> {
    let strip = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    let physical: Vec<String> = text.lines().map(strip).filter(|l| !l.is_empty()).collect();
    let lines = if physical.len() >= 2 {
        physical
    } else {
        let compact = physical.concat();
        match compact.len() {
            90 => chunks(&compact, 30),
            72 => chunks(&compact, 36),
            88 => chunks(&compact, 44),
            len => {
                let runs: Vec<&str> = text.split_whitespace().collect();
                if (2..=3).contains(&runs.len()) && runs.iter().all(|r| r.len() >= 20) {
                    runs.into_iter().map(str::to_owned).collect()
                } else if matches!(len, 30 | 36 | 44) {
                    vec![compact]
                } else {
                    return Err(MrzReadError::RunTogether(len));
                }
            }
        }
    };
    check_widths(&lines)?;
    Ok(lines)
}

fn chunks(compact: &str, width: usize) -> Vec<String> {
    compact.as_bytes().chunks(width).map(|c| String::from_utf8_lossy(c).into_owned()).collect()
}

/// Refuses a zone whose line count or any line's width is not its format's.
fn check_widths(lines: &[String]) -> Result<(), MrzReadError> {
    let visa = lines.first().is_some_and(|l| l.starts_with('V'));
    let (format, width) = match lines.len() {
        3 => ("TD1", 30),
        1 | 2 if lines.iter().all(|l| l.len() == 30) => {
            return Err(MrzReadError::LineCount { found: lines.len(), what: "a TD1 MRZ has 3 lines of 30 characters" });
        }
        1 => return Err(MrzReadError::LineCount { found: 1, what: "a TD2 or TD3 MRZ has 2 lines (of 36 or 44 characters)" }),
        2 => {
            let longest = lines.iter().map(String::len).max().unwrap_or(0);
            match (longest.abs_diff(36) < longest.abs_diff(44), visa) {
                (true, true) => ("MRV-B", 36),
                (true, false) => ("TD2", 36),
                (false, true) => ("MRV-A", 44),
                (false, false) => ("TD3", 44),
            }
        }
        found => return Err(MrzReadError::LineCount { found, what: "an MRZ has 2 lines (TD2, TD3) or 3 (TD1)" }),
    };
    match lines.iter().enumerate().find(|(_, l)| l.len() != width) {
        Some((i, l)) => Err(MrzReadError::LineLength { line: i + 1, len: l.len(), expected: width, format }),
        None => Ok(()),
    }
}

/// The zone parsed exactly as printed, by the layout its widths and document code give; `None`
/// when the `mrz` crate refuses it as printed (its repair pass may still read it).
pub(super) fn parse_printed(lines: &[String]) -> Option<mrz::MrzData> {
    let visa = lines.first().is_some_and(|l| l.starts_with('V'));
    let parsed = match lines {
        [a, b, c] => mrz::parse_td1(a, b, c),
        [a, b] if a.len() == 36 && visa => mrz::parse_mrv_b(a, b),
        [a, b] if a.len() == 36 => mrz::parse_td2(a, b),
        [a, b] if visa => mrz::parse_mrv_a(a, b),
        [a, b] => mrz::parse_td3(a, b),
        _ => return None,
    };
    parsed.ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    // The ICAO 9303 Part 4 TD3 specimen (also cheminfo/mrz src/parse/__tests__/td3.test.ts).
    const L1: &str = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<";
    const L2: &str = "L898902C36UTO7408122F1204159ZE184226B<<<<<10";

    #[test]
    fn lines_come_from_breaks_spaces_or_the_total_length() {
        let both = vec![L1.to_owned(), L2.to_owned()];
        assert_eq!(split_lines(&format!("{L1}\r\n{L2}\n")), Ok(both.clone()));
        assert_eq!(split_lines(&format!("{L1} {L2}")), Ok(both.clone()));
        assert_eq!(split_lines(&format!("{L1}{L2}")), Ok(both.clone()));
        assert_eq!(split_lines(&format!("P<UTOERIKSSON<<ANNA<MARIA <<<<<<<<<<<<<<<<<<<\n{L2}")), Ok(both));
    }

    #[test]
    fn a_short_or_long_line_is_named_with_its_length() {
        let short = &L2[..43];
        let named = Err(MrzReadError::LineLength { line: 2, len: 43, expected: 44, format: "TD3" });
        assert_eq!(split_lines(&format!("{L1}\n{short}")), named);
        assert_eq!(split_lines(&format!("{L1} {short}")), named);
        assert_eq!(split_lines(&format!("{L1}<\n{L2}")), Err(MrzReadError::LineLength { line: 1, len: 45, expected: 44, format: "TD3" }));
        assert_eq!(split_lines(&format!("{L1}{short}")), Err(MrzReadError::RunTogether(87)));
        assert!(matches!(split_lines(L1), Err(MrzReadError::LineCount { found: 1, .. })));
        assert!(matches!(split_lines(&format!("{L1}\n{L2}\n{L2}\n{L2}")), Err(MrzReadError::LineCount { found: 4, .. })));
    }

    #[test]
    fn td1_lines_are_held_to_30() {
        // ICAO 9303 Part 11 Appendix D.2 (cheminfo/mrz src/parse/__tests__/td1.test.ts).
        let [a, b, c] = ["I<UTOD23145890<7349<<<<<<<<<<<", "3407127M9507122UTO<<<<<<<<<<<2", "STEVENSON<<PETER<JOHN<<<<<<<<<"];
        assert!(split_lines(&format!("{a}\n{b}\n{c}")).is_ok());
        assert_eq!(
            split_lines(&format!("{a}\n{}\n{c}", &b[..29])),
            Err(MrzReadError::LineLength { line: 2, len: 29, expected: 30, format: "TD1" })
        );
        assert!(matches!(split_lines(&format!("{a}\n{b}")), Err(MrzReadError::LineCount { found: 2, .. })));
    }
}
