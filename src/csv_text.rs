//! CSV cells for the exports a trainer opens in a spreadsheet.

/// Quotes a cell when needed and defuses spreadsheet formulas (=, +, -, @).
pub fn csv_field(s: &str) -> String {
    let s = if s.starts_with(['=', '+', '-', '@']) { format!("'{s}") } else { s.to_owned() };
    if s.contains([',', '"', '\n']) { format!("\"{}\"", s.replace('"', "\"\"")) } else { s }
}
