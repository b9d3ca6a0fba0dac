//! SLTD holds on the order of 100 million documents, so it is stored compactly: one text arena
//! for ids and numbers and a small fixed-size row per document (~45 bytes in all), with full
//! `SltdRecord`s made only for hits.

use chrono::NaiveDate;
use serde::Serialize;

use super::{Country, DocumentKind, FraudType, SltdRecord};

#[derive(Debug, Clone, Copy)]
struct Row {
    start: u64,
    id_len: u16,
    number_len: u16,
    country: Country,
    reporting: Country,
    kind: DocumentKind,
    fraud: FraudType,
    reported: NaiveDate,
}

#[derive(Debug, Clone, Default)]
pub struct SltdTable {
    text: String,
    rows: Vec<Row>,
}

impl SltdTable {
    pub fn with_capacity(rows: usize) -> Self {
        Self { text: String::with_capacity(rows * 24), rows: Vec::with_capacity(rows) }
    }

    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    pub fn push(&mut self, r: &SltdRecord) {
        let start = self.text.len() as u64;
        self.text.push_str(&r.id);
        self.text.push_str(&r.number);
        self.rows.push(Row {
            start,
            id_len: r.id.len().min(u16::MAX as usize) as u16,
            number_len: r.number.len().min(u16::MAX as usize) as u16,
            country: r.country,
            reporting: r.reporting_country,
            kind: r.kind,
            fraud: r.fraud,
            reported: r.reported,
        });
    }

    /// Appends another table (parallel loading builds chunks, then joins them in order).
    pub fn append(&mut self, mut other: SltdTable) {
        let offset = self.text.len() as u64;
        self.text.push_str(&other.text);
        self.rows.extend(other.rows.drain(..).map(|r| Row { start: r.start + offset, ..r }));
    }

    pub fn id(&self, i: usize) -> &str {
        let r = &self.rows[i];
        let s = r.start as usize;
        &self.text[s..s + r.id_len as usize]
    }

    pub fn number(&self, i: usize) -> &str {
        let r = &self.rows[i];
        let s = r.start as usize + r.id_len as usize;
        &self.text[s..s + r.number_len as usize]
    }

    pub fn get(&self, i: usize) -> SltdRecord {
        let r = &self.rows[i];
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
        (0..self.rows.len()).map(|i| self.get(i))
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
        assert_eq!(a.len(), 2);
        assert_eq!(a.get(1), rec("S2", "CD456789"));
        assert_eq!(a.number(0), "AB123");
    }
}
