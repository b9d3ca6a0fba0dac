//! Finds the top-level `national` and `interpol` values of a dataset file so that they can be
//! parsed on two cores at once. Understands strings, raw strings' common form, comments and
//! nesting; when anything looks unusual it returns None and the file is parsed as one piece.

use std::ops::Range;

/// Bytes that can change what the scan does below depth 1: strings, comments, raw strings, nesting.
const MATTERS_DEEP: [bool; 256] = {
    let mut table = [false; 256];
    let special = b"\"/r()[]{}";
    let mut k = 0;
    while k < special.len() {
        table[special[k] as usize] = true;
        k += 1;
    }
    table
};

/// Byte ranges of the `national` and `interpol` values (after the colon).
pub fn split_sections(text: &str) -> Option<(Range<usize>, Range<usize>)> {
    let b = text.as_bytes();
    let (mut i, mut depth) = (0usize, 0i32);
    let mut national = None;
    let mut interpol = None;
    let mut current: Option<(&str, usize)> = None;
    while i < b.len() {
        // Deep inside the sections (records, their fields) only a few bytes matter: skip the
        // rest in a tight loop, since the scan runs over the whole file before the parallel
        // parse can start.
        if depth >= 2 {
            while i < b.len() && !MATTERS_DEEP[b[i] as usize] {
                i += 1;
            }
            if i >= b.len() {
                break;
            }
        }
        match b[i] {
            b'"' => {
                i += 1;
                while i < b.len() && b[i] != b'"' {
                    if b[i] == b'\\' {
                        i += 1;
                    }
                    i += 1;
                }
            }
            b'/' if b.get(i + 1) == Some(&b'/') => {
                while i < b.len() && b[i] != b'\n' {
                    i += 1;
                }
            }
            b'/' if b.get(i + 1) == Some(&b'*') => {
                let end = text[i + 2..].find("*/")?;
                i += end + 3;
            }
            b'r' if b.get(i + 1) == Some(&b'#') || (b.get(i + 1) == Some(&b'"') && (i == 0 || !b[i - 1].is_ascii_alphanumeric())) => {
                return None; // raw strings: leave to the real parser
            }
            b'(' | b'[' | b'{' => depth += 1,
            b')' | b']' | b'}' => {
                if depth == 1
                    && let Some((name, start)) = current.take()
                {
                    assign(name, start..i, &mut national, &mut interpol);
                }
                depth -= 1;
            }
            b',' if depth == 1 => {
                if let Some((name, start)) = current.take() {
                    assign(name, start..i, &mut national, &mut interpol);
                }
            }
            c if depth == 1
                && (c.is_ascii_alphabetic() || c == b'_')
                && (i == 0 || !(b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'_')) =>
            {
                let end = i + text[i..].find(|ch: char| !(ch.is_ascii_alphanumeric() || ch == '_'))?;
                let ident = &text[i..end];
                let after = text[end..].trim_start();
                if after.starts_with(':') && current.is_none() {
                    let colon = text.len() - after.len();
                    current = Some((
                        if ident == "national" {
                            "national"
                        } else if ident == "interpol" {
                            "interpol"
                        } else {
                            "other"
                        },
                        colon + 1,
                    ));
                    i = colon;
                } else {
                    i = end - 1;
                }
            }
            _ => {}
        }
        i += 1;
    }
    Some((national?, interpol?))
}

fn assign(name: &str, range: Range<usize>, national: &mut Option<Range<usize>>, interpol: &mut Option<Range<usize>>) {
    match name {
        "national" => *national = Some(range),
        "interpol" => *interpol = Some(range),
        _ => {}
    }
}

/// The file with both sections' values replaced by `()` padded with their newlines, so the
/// remaining fields parse quickly and keep their line numbers.
pub fn without_sections(text: &str, a: &Range<usize>, b: &Range<usize>) -> String {
    let (first, second) = if a.start < b.start { (a, b) } else { (b, a) };
    let blank = |r: &Range<usize>| format!(" (){}", "\n".repeat(text[r.clone()].matches('\n').count()));
    format!("{}{}{}{}{}", &text[..first.start], blank(first), &text[first.end..second.start], blank(second), &text[second.end..])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_both_sections_and_skips_strings_and_comments() {
        let text =
            "Dataset(\n format: 1, name: \"a, b (c\", // national: x\n national: (persons: [(id: \"x)\")]),\n interpol: (notices: []),\n)";
        let (n, i) = split_sections(text).unwrap();
        assert_eq!(&text[n.clone()], " (persons: [(id: \"x)\")])");
        assert_eq!(&text[i.clone()], " (notices: [])");
        let rest = without_sections(text, &n, &i);
        assert_eq!(rest.matches('\n').count(), text.matches('\n').count());
        assert!(rest.contains("national: ()"));
    }
}
