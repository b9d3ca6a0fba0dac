//! Dates of birth that may be known only to the year or the month, as on notices.

use std::fmt;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

/// `1974`, `1974-08` or `1974-08-12`; the day and month, when present, form a real calendar date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct PartialDate {
    pub year: i32,
    pub month: Option<u32>,
    pub day: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid date {0:?} (expected YYYY, YYYY-MM or YYYY-MM-DD with a real calendar day)")]
pub struct InvalidDate(pub String);

/// A full `YYYY-MM-DD` calendar date, parsed without allocating (datasets hold millions).
pub fn parse_iso_date(s: &str) -> Option<NaiveDate> {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let num = |r: std::ops::Range<usize>| b[r].iter().try_fold(0u32, |acc, &c| c.is_ascii_digit().then(|| acc * 10 + u32::from(c - b'0')));
    NaiveDate::from_ymd_opt(num(0..4)? as i32, num(5..7)?, num(8..10)?)
}

impl PartialDate {
    pub fn parse(text: &str) -> Result<Self, InvalidDate> {
        let bad = || InvalidDate(text.to_owned());
        let parts: Vec<&str> = text.trim().split('-').collect();
        let number = |s: &str, len: usize| -> Result<u32, InvalidDate> {
            if s.len() == len && s.bytes().all(|b| b.is_ascii_digit()) { s.parse().map_err(|_| bad()) } else { Err(bad()) }
        };
        let year = number(parts.first().copied().unwrap_or(""), 4)? as i32;
        if !(1850..=2200).contains(&year) {
            return Err(bad());
        }
        let date = match parts.as_slice() {
            [_] => Self { year, month: None, day: None },
            [_, m] => {
                let month = number(m, 2)?;
                if !(1..=12).contains(&month) {
                    return Err(bad());
                }
                Self { year, month: Some(month), day: None }
            }
            [_, m, d] => {
                let (month, day) = (number(m, 2)?, number(d, 2)?);
                NaiveDate::from_ymd_opt(year, month, day).ok_or_else(bad)?;
                Self { year, month: Some(month), day: Some(day) }
            }
            _ => return Err(bad()),
        };
        Ok(date)
    }

    pub fn full(date: NaiveDate) -> Self {
        Self { year: date.year(), month: Some(date.month()), day: Some(date.day()) }
    }

    pub fn to_naive(self) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(self.year, self.month?, self.day?)
    }

    /// Compares two dates of birth with the tolerances officers use.
    pub fn compare(self, other: Self) -> DateAgreement {
        match (self.month.zip(self.day), other.month.zip(other.day)) {
            (Some(a), Some(b)) if self.year == other.year && a == b => DateAgreement::Exact,
            (Some((am, ad)), Some((bm, bd))) if self.year == other.year && am == bd && ad == bm => DateAgreement::DayMonthSwapped,
            _ if self.year == other.year => {
                let months_agree = self.month.zip(other.month).is_none_or(|(a, b)| a == b);
                if months_agree && (self.day.is_none() || other.day.is_none()) {
                    DateAgreement::SameYearPartial
                } else {
                    DateAgreement::SameYearOnly
                }
            }
            _ if (self.year - other.year).abs() == 1 => DateAgreement::OneYearApart,
            _ => DateAgreement::Different,
        }
    }
}

/// How two dates of birth relate; drives both score and explanation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateAgreement {
    Exact,
    /// One date is only a year or year-month, and it agrees with the other.
    SameYearPartial,
    DayMonthSwapped,
    SameYearOnly,
    OneYearApart,
    Different,
}

impl TryFrom<String> for PartialDate {
    type Error = InvalidDate;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(&value)
    }
}

impl From<PartialDate> for String {
    fn from(value: PartialDate) -> Self {
        value.to_string()
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
        }
        if let Some(d) = self.day {
            write!(f, "-{d:02}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_partial_dates_and_rejects_impossible_ones() {
        assert_eq!(PartialDate::parse("1974").unwrap().to_string(), "1974");
        assert_eq!(PartialDate::parse("1974-08").unwrap().to_string(), "1974-08");
        assert_eq!(PartialDate::parse("1974-08-12").unwrap().to_string(), "1974-08-12");
        assert!(PartialDate::parse("1990-02-30").is_err());
        assert!(PartialDate::parse("1990-13").is_err());
        assert!(PartialDate::parse("74-08-12").is_err());
        assert!(PartialDate::parse("").is_err());
    }

    #[test]
    fn compares_with_officer_tolerances() {
        let d = |s| PartialDate::parse(s).unwrap();
        assert_eq!(d("1974-08-12").compare(d("1974-08-12")), DateAgreement::Exact);
        assert_eq!(d("1974-08-12").compare(d("1974-12-08")), DateAgreement::DayMonthSwapped);
        assert_eq!(d("1974").compare(d("1974-12-08")), DateAgreement::SameYearPartial);
        assert_eq!(d("1974-01-02").compare(d("1974-12-08")), DateAgreement::SameYearOnly);
        assert_eq!(d("1975-01-02").compare(d("1974-12-08")), DateAgreement::OneYearApart);
        assert_eq!(d("1980-01-02").compare(d("1974-12-08")), DateAgreement::Different);
    }
}
