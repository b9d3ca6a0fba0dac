//! Finds where a record or one of its fields sits in the file text, so that semantic
//! problems found after parsing still point at a line and column.

use std::collections::HashMap;

pub struct SourceMap<'a> {
    text: &'a str,
    line_starts: Vec<usize>,
    /// Byte offsets of every `id: "…"` occurrence, per id value, in file order.
    id_offsets: HashMap<&'a str, Vec<usize>>,
    /// All record starts, sorted, to bound the search for a field.
    record_starts: Vec<usize>,
}

impl<'a> SourceMap<'a> {
    pub fn new(text: &'a str) -> Self {
        let mut line_starts = vec![0];
        line_starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        let mut id_offsets: HashMap<&str, Vec<usize>> = HashMap::new();
        let mut record_starts = Vec::new();
        let bytes = text.as_bytes();
        for (at, _) in text.match_indices("id") {
            let before_ok = at == 0 || !(bytes[at - 1].is_ascii_alphanumeric() || bytes[at - 1] == b'_');
            if !before_ok {
                continue;
            }
            let rest = &text[at + 2..];
            let after_colon = rest.trim_start();
            let Some(after_colon) = after_colon.strip_prefix(':') else {
                continue;
            };
            let Some(quoted) = after_colon.trim_start().strip_prefix('"') else {
                continue;
            };
            let Some(end) = quoted.find('"') else {
                continue;
            };
            id_offsets.entry(&quoted[..end]).or_default().push(at);
            record_starts.push(at);
        }
        Self { text, line_starts, id_offsets, record_starts }
    }

    /// 1-based line and column of a byte offset.
    pub fn position(&self, offset: usize) -> (usize, usize) {
        let line = self.line_starts.partition_point(|&s| s <= offset).max(1);
        let col = self.text[self.line_starts[line - 1]..offset.min(self.text.len())].chars().count() + 1;
        (line, col)
    }

    /// Offset of the `occurrence`-th record with this id (0 = first).
    pub fn record(&self, id: &str, occurrence: usize) -> Option<usize> {
        self.id_offsets.get(id)?.get(occurrence).copied()
    }

    /// Offset of `field:` inside the record starting at `record`, or the record itself.
    pub fn field(&self, record: usize, field: &str) -> usize {
        let next = self.record_starts.partition_point(|&s| s <= record);
        let end = self.record_starts.get(next).copied().unwrap_or(self.text.len());
        let body = &self.text[record..end];
        body.match_indices(field)
            .find(|(i, _)| {
                let before_ok = *i == 0 || !body.as_bytes()[i - 1].is_ascii_alphanumeric() && body.as_bytes()[i - 1] != b'_';
                before_ok && body[i + field.len()..].trim_start().starts_with(':')
            })
            .map_or(record, |(i, _)| record + i)
    }
}
