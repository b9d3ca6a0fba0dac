//! SLTD holds on the order of 100 million documents, so it is stored compactly: one text arena
//! for ids and numbers and a small fixed-size row per document (~45 bytes in all), with full
//! `SltdRecord`s made only for hits.

use chrono::NaiveDate;
use serde::Serialize;

use super::{Country, DocumentKind, FraudType, SltdRecord};

#[derive(Debug, Clone, Copy)]
struct Row {
    /// Offset of the id (then the number) in its part's text.
    start: u32,
    id_len: u16,
    number_len: u16,
    country: Country,
    reporting: Country,
    kind: DocumentKind,
    fraud: FraudType,
    reported: NaiveDate,
}

/// Rows with their text arena. A table is a list of parts so that tables read in parallel are
/// joined without copying ten million rows.
#[derive(Debug, Clone, Default)]
struct Part {
    text: String,
    rows: Vec<Row>,
}

#[derive(Debug, Clone, Default)]
pub struct SltdTable {
    parts: Vec<Part>,
    /// Table row number of each part's first row.
    part_starts: Vec<usize>,
    len: usize,
}

impl SltdTable {
    pub fn with_capacity(rows: usize) -> Self {
        let part = Part { text: String::with_capacity(rows * 24), rows: Vec::with_capacity(rows) };
        Self { parts: vec![part], part_starts: vec![0], len: 0 }
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    pub fn push(&mut self, r: &SltdRecord) {
        self.push_parts(&r.id, &r.number, r.country, r.kind, r.fraud, r.reporting_country, r.reported);
    }

    /// `push` without building an `SltdRecord` first (the file reader's path: no allocation).
    #[allow(clippy::too_many_arguments)]
    pub fn push_parts(
        &mut self,
        id: &str,
        number: &str,
        country: Country,
        kind: DocumentKind,
        fraud: FraudType,
        reporting: Country,
        reported: NaiveDate,
    ) {
        // A new part when there is none yet or the last one's text outgrows 32-bit offsets.
        if self.parts.last().is_none_or(|p| p.text.len() + id.len() + number.len() > u32::MAX as usize) {
            self.parts.push(Part::default());
            self.part_starts.push(self.len);
        }
        let Some(part) = self.parts.last_mut() else { return };
        let start = part.text.len() as u32;
        part.text.push_str(id);
        part.text.push_str(number);
        part.rows.push(Row {
            start,
            id_len: id.len().min(u16::MAX as usize) as u16,
            number_len: number.len().min(u16::MAX as usize) as u16,
            country,
            reporting,
            kind,
            fraud,
            reported,
        });
        self.len += 1;
    }

    /// Appends another table after this one's rows, without copying them.
    pub fn append(&mut self, other: SltdTable) {
        for part in other.parts.into_iter().filter(|p| !p.rows.is_empty()) {
            // A new push after this goes into the appended part, which keeps rows in order.
            self.part_starts.push(self.len);
            self.len += part.rows.len();
            self.parts.push(part);
        }
    }

    /// The part holding row `i`, and the row's index inside it.
    fn locate(&self, i: usize) -> (&Part, usize) {
        let p = self.part_starts.partition_point(|&s| s <= i).saturating_sub(1);
        (&self.parts[p], i - self.part_starts[p])
    }

    pub fn id(&self, i: usize) -> &str {
        let (part, k) = self.locate(i);
        let r = &part.rows[k];
        let s = r.start as usize;
        &part.text[s..s + r.id_len as usize]
    }

    pub fn number(&self, i: usize) -> &str {
        let (part, k) = self.locate(i);
        let r = &part.rows[k];
        let s = r.start as usize + r.id_len as usize;
        &part.text[s..s + r.number_len as usize]
    }

    pub fn get(&self, i: usize) -> SltdRecord {
        let (part, k) = self.locate(i);
        let r = &part.rows[k];
        SltdRecord {
            id: self.id(i).to_owned(),
            number: self.number(i).to_owned(),
            country: r.country,
            kind: r.kind,
            fraud: r.fraud,
            reporting_country: r.reporting,
            reported: r.reported,
        }
    }

    pub fn iter(&self) -> impl Iterator<Item = SltdRecord> + '_ {
        (0..self.len).map(|i| self.get(i))
    }
}

impl Serialize for SltdTable {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.iter())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_records_and_appends_in_order() {
        let rec = |id: &str, n: &str| SltdRecord {
            id: id.into(),
            number: n.into(),
            country: Country::parse("UTO").unwrap(),
            kind: DocumentKind::Passport,
            fraud: FraudType::StolenBlank,
            reporting_country: Country::parse("FRA").unwrap(),
            reported: NaiveDate::from_ymd_opt(2024, 1, 2).unwrap(),
        };
        let mut a = SltdTable::default();
        a.push(&rec("S1", "AB123"));
        let mut b = SltdTable::default();
        b.push(&rec("S2", "CD456789"));
        a.append(b);
        a.push(&rec("S3", "EF1"));
        a.append(SltdTable::default());
        assert_eq!(a.len(), 3);
        assert_eq!(a.get(1), rec("S2", "CD456789"));
        assert_eq!(a.number(0), "AB123");
        assert_eq!(a.id(2), "S3");
        assert_eq!(a.iter().map(|r| r.id).collect::<Vec<_>>(), ["S1", "S2", "S3"]);
    }
}
