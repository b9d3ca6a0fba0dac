//! CSV cells for the exports a trainer opens in a spreadsheet.

/// Quotes a cell when needed and defuses spreadsheet formulas (=, +, -, @).
/// A value cut to `max` characters for a message (a 4,000-character id stays readable).
pub fn shorten(s: &str, max: usize) -> String {
    if s.chars().count() <= max { s.to_owned() } else { format!("{}…", s.chars().take(max).collect::<String>()) }
}

pub fn csv_field(s: &str) -> String {
    let s = if s.starts_with(['=', '+', '-', '@']) { format!("'{s}") } else { s.to_owned() };
    if s.contains([',', '"', '\n']) { format!("\"{}\"", s.replace('"', "\"\"")) } else { s }
}
