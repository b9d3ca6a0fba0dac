//! Text normalisation shared by indexing and querying, so both sides agree byte for byte.

/// Transliterates any script to Latin, upper-cases, and turns everything but A-Z/0-9 into single spaces.
/// `Müller-Lüdenscheidt` → `MULLER LUDENSCHEIDT`, `Шевченко` → `SHEVCHENKO`.
pub fn normalize_name(text: &str) -> String {
    let latin = if text.is_ascii() { std::borrow::Cow::Borrowed(text) } else { std::borrow::Cow::Owned(expand_and_transliterate(text)) };
    let mut out = String::with_capacity(latin.len());
    let mut pending_space = false;
    for c in latin.chars() {
        if c.is_ascii_alphanumeric() {
            if pending_space && !out.is_empty() {
                out.push(' ');
            }
            pending_space = false;
            out.push(c.to_ascii_uppercase());
        } else if c == '\'' || c == '’' || c == '`' {
            // O'BRIEN and O BRIEN and OBRIEN: apostrophes join, as in passports.
        } else {
            pending_space = true;
        }
    }
    out
}

/// ICAO 9303 expands some Latin letters to two (Ü → UE); deunicode drops the diacritic (Ü → U).
/// Both spellings appear on real documents; the phonetic key ignores the extra vowel, so
/// we pick the shorter deunicode form here and let matching absorb the difference.
fn expand_and_transliterate(text: &str) -> String {
    let mut s = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            'ß' => s.push_str("SS"),
            'Æ' | 'æ' => s.push_str("AE"),
            'Ø' | 'ø' => s.push('O'),
            'Þ' | 'þ' => s.push_str("TH"),
            // Schwa (Azerbaijani Ə, Kazakh and Tatar Ә) is written A in passports, and so are
            // the Arabic alif forms, alif maqsura and ta marbuta (AHMAD, MUSA, FATIMA);
            // deunicode drops them all, cutting XATIRƏ ƏLƏKBƏRLI into pieces and AHMAD to HMD.
            'Ə' | 'ə' | 'Ǝ' | 'ǝ' | 'Ә' | 'ә' | 'Ӛ' | 'ӛ' | 'ا' | 'أ' | 'إ' | 'آ' | 'ٱ' | 'ى' | 'ة' => s.push('A'),
            c if c.is_ascii() => s.push(c),
            c => s.push_str(deunicode::deunicode_char(c).unwrap_or(" ")),
        }
    }
    s
}

/// Document numbers and plates: upper-case alphanumerics only (spaces, dashes and `<` removed).
pub fn normalize_code(text: &str) -> String {
    text.chars().filter(char::is_ascii_alphanumeric).map(|c| c.to_ascii_uppercase()).collect()
}

/// The key under which OCR/typing confusions collapse (O→0, I→1, Q→0), for "possible misread" matches.
pub fn misread_key(normalized: &str) -> String {
    normalized.bytes().map(|b| char::from(fold_confusable(b))).collect()
}

/// One character of `misread_key`.
pub fn fold_confusable(b: u8) -> u8 {
    match b {
        b'O' | b'Q' | b'D' => b'0',
        b'I' | b'L' => b'1',
        b'Z' => b'2',
        b'S' => b'5',
        b'B' => b'8',
        b => b,
    }
}

/// VINs never contain I, O or Q (ISO 3779), so those are always misreads of 1 and 0.
pub fn normalize_vin(text: &str) -> String {
    normalize_code(text)
        .chars()
        .map(|c| match c {
            'I' => '1',
            'O' | 'Q' => '0',
            c => c,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_become_latin_upper_case_words() {
        assert_eq!(normalize_name("Müller-Lüdenscheidt"), "MULLER LUDENSCHEIDT");
        assert_eq!(normalize_name("  al-Masri,  Abd'ul "), "AL MASRI ABDUL");
        assert_eq!(normalize_name("Шевченко Тарас"), "SHEVCHENKO TARAS");
        assert_eq!(normalize_name("Straße"), "STRASSE");
        assert_eq!(normalize_name("O'Brien"), "OBRIEN");
        assert_eq!(normalize_name(""), "");
        assert_eq!(normalize_name("Xatirə Ələkbərli"), "XATIRA ALAKBARLI");
        assert_eq!(normalize_name("Әлия"), "ALIIA");
    }

    #[test]
    fn no_letter_of_the_common_scripts_vanishes() {
        // Every Latin, Greek and Cyrillic letter gives at least one Latin letter, except the
        // Cyrillic hard and soft signs, which romanisations drop.
        let dropped = ['Ъ', 'ъ', 'Ь', 'ь', 'Ҍ', 'ҍ'];
        for cp in (0xC0u32..0x250).chain(0x391..0x3CA).chain(0x400..0x460) {
            let Some(c) = char::from_u32(cp).filter(|c| c.is_alphabetic() && !dropped.contains(c)) else { continue };
            if matches!(cp, 0x1C0..=0x1C3 | 0x241 | 0x242 | 0x245) {
                continue; // click letters and glottal stops: not in names on travel documents
            }
            let n = normalize_name(&c.to_string());
            assert!(!n.is_empty() && !n.contains(' '), "{c} (U+{cp:04X}) -> {n:?}");
        }
    }

    #[test]
    fn codes_ignore_separators_and_case() {
        assert_eq!(normalize_code("l89 890-2c3<"), "L898902C3");
        assert_eq!(misread_key("AO1234"), misread_key("A01234"));
        assert_eq!(normalize_vin("wvwzzz1jz3w386752"), "WVWZZZ1JZ3W386752");
        assert_eq!(normalize_vin("WVWZZZIJZ3W386752"), "WVWZZZ1JZ3W386752");
    }
}
