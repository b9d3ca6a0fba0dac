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

/// Latin letters with diacritics are written as ICAO 9303 (Part 3) writes them in the MRZ, so
/// that MÜLLER and MUELLER are the same name (Ä→AE, Ö→OE, Ü→UE, Å→AA, Ø→OE, Æ→AE, Œ→OE, ß→SS,
/// Þ→TH, Ĳ→IJ); other diacritics are dropped (É→E, Ş→S). Arabic script is read letter by letter
/// into the consonant classes the phonetic keys use (see `arabic_letter`); deunicode handles
/// every other script.
fn expand_and_transliterate(text: &str) -> String {
    let mut s = String::with_capacity(text.len() + 8);
    let mut prev_arabic = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let word_end = chars.peek().is_none_or(|n| arabic_letter(*n, false, false).is_none());
        if let Some(latin) = arabic_letter(c, !prev_arabic, word_end) {
            s.push_str(latin);
            prev_arabic = true;
            continue;
        }
        prev_arabic = false;
        match c {
            'ß' => s.push_str("SS"),
            'Æ' | 'æ' | 'Ä' | 'ä' => s.push_str("AE"),
            'Ø' | 'ø' | 'Ö' | 'ö' | 'Œ' | 'œ' => s.push_str("OE"),
            'Ü' | 'ü' => s.push_str("UE"),
            'Å' | 'å' => s.push_str("AA"),
            'Ĳ' | 'ĳ' => s.push_str("IJ"),
            'Þ' | 'þ' => s.push_str("TH"),
            // Schwa (Azerbaijani Ə, Kazakh and Tatar Ә) is written A in passports.
            'Ə' | 'ə' | 'Ǝ' | 'ǝ' | 'Ә' | 'ә' | 'Ӛ' | 'ӛ' => s.push('A'),
            c if c.is_ascii() => s.push(c),
            c => s.push_str(deunicode::deunicode_char(c).unwrap_or(" ")),
        }
    }
    s
}

/// One Arabic-script letter as the Latin letters whose key class it belongs to. Short vowels
/// are not written in Arabic, so only the long vowels (ا و ي) give vowels; waw and ya are
/// consonants at the start of a word; the article ال at the start of a word becomes a separate
/// `AL` so that it is treated as the optional article it is.
fn arabic_letter(c: char, word_start: bool, word_end: bool) -> Option<&'static str> {
    Some(match c {
        // Ta marbuta, and the final ha that people type for it (جمعه for جمعة), as -AH: the
        // Arabic reading drops a final H after a vowel, so JUMAA and JMAH meet.
        c if c == 'ة' || (c == 'ه' && word_end) => "AH",
        // Ain starting a word is heard as a vowel (عبد ABD, عثمان UTHMAN); inside a word it
        // is left out (سعيد SAID) like the apostrophe of scholarly systems.
        c if matches!(c, 'ا' | 'أ' | 'إ' | 'آ' | 'ٱ' | 'ى') || (c == 'ع' && word_start) => "A",
        'ل' => "L",
        'ب' => "B",
        'ت' | 'ط' => "T",
        'ث' => "TH",
        'ج' => "J",
        'ح' | 'ه' => "H",
        'خ' => "KH",
        'د' | 'ض' => "D",
        'ذ' => "DH",
        'ر' => "R",
        'ز' | 'ظ' => "Z",
        'س' | 'ص' => "S",
        'ش' => "SH",
        'ع' | 'ء' | 'ـ' | '\u{0652}' | '\u{0651}' => "",
        'غ' => "GH",
        'ف' => "F",
        'ق' => "Q",
        'ك' | 'ک' => "K",
        'م' => "M",
        'ن' => "N",
        'و' | 'ؤ' => {
            if word_start {
                "W"
            } else {
                "U"
            }
        }
        'ي' | 'ی' | 'ئ' => {
            if word_start {
                "Y"
            } else {
                "I"
            }
        }
        'پ' => "P",
        'چ' => "CH",
        'ژ' => "ZH",
        'گ' => "G",
        '\u{064E}' | '\u{064B}' => "A",
        '\u{064F}' | '\u{064C}' => "U",
        '\u{0650}' | '\u{064D}' => "I",
        _ => return None,
    })
}

/// A name field's words as matching sees them: normalised (see `normalize_name`), the Arabic
/// article of an Arabic-script word split off (الرحمن → AL RHMN), and compound names rewritten
/// to one canonical token (see `compound`).
pub fn name_words(text: &str) -> Vec<String> {
    let normal = normalize_name(&split_arabic_articles(text));
    super::compound::canonical_words(normal.split(' '))
}

/// Puts a space after the article ال at the start of an Arabic-script word, unless the word is
/// a compound that the compound rules read whole (عبد الله is two words already).
fn split_arabic_articles(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains("ال") {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 4);
    for (i, word) in text.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        match word.strip_prefix("ال") {
            Some(rest) if rest.chars().count() >= 2 && !matches!(rest, "له" | "لّه") => {
                out.push_str("ال ");
                out.push_str(rest);
            }
            _ => out.push_str(word),
        }
    }
    std::borrow::Cow::Owned(out)
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
        assert_eq!(normalize_name("Müller-Lüdenscheidt"), "MUELLER LUEDENSCHEIDT", "ICAO 9303 expansions");
        assert_eq!(normalize_name("Søren Ågård"), "SOEREN AAGAARD");
        assert_eq!(normalize_name("  al-Masri,  Abd'ul "), "AL MASRI ABDUL");
        assert_eq!(normalize_name("Шевченко Тарас"), "SHEVCHENKO TARAS");
        assert_eq!(normalize_name("Straße"), "STRASSE");
        assert_eq!(normalize_name("O'Brien"), "OBRIEN");
        assert_eq!(normalize_name(""), "");
        assert_eq!(normalize_name("Xatirə Ələkbərli"), "XATIRA ALAKBARLI");
        assert_eq!(normalize_name("Әлия"), "ALIIA");
    }

    #[test]
    fn arabic_script_is_read_as_consonants_and_long_vowels() {
        assert_eq!(name_words("محمد"), ["MHMD"]);
        assert_eq!(name_words("محمود"), ["MHMUD"]);
        assert_eq!(name_words("عبد الرحمن"), ["ABDRHMN"]);
        assert_eq!(name_words("عبدالرحمن"), ["ABDRHMN"], "joined as people type it");
        assert_eq!(name_words("جمعه"), name_words("جمعة"), "final ha typed for ta marbuta");
        assert_eq!(name_words("جمال"), ["JMAL"]);
        assert_eq!(name_words("الحسن"), ["AL", "HSN"]);
        assert_eq!(name_words("وليد"), ["WLID"]);
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
