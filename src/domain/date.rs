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
#[error("invalid date {0:?} ({why})", why = why_invalid(.0))]
pub struct InvalidDate(pub String);

fn why_invalid(text: &str) -> &'static str {
    if is_future_year(text) {
        "in the future"
    } else {
        "expected YYYY-MM-DD, DD.MM.YYYY or DD/MM/YYYY (day first), YYYY-MM or YYYY, with a real calendar day"
    }
}

/// The latest year a date of birth may have (synthetic data is "now"; anything later is a typo).
const LATEST_YEAR: i32 = 2100;

/// Whether a rejected date names a year after `LATEST_YEAR` (2999-01-01), to say "in the future".
fn is_future_year(text: &str) -> bool {
    let t = text.trim();
    let year = if t.contains('.') || t.contains('/') { t.rsplit(['.', '/']).next() } else { t.split('-').next() };
    year.and_then(|y| y.parse::<i32>().ok()).is_some_and(|y| y > LATEST_YEAR)
}

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
        if !(1850..=LATEST_YEAR).contains(&year) {
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

    /// Compares two dates of birth with the tolerances officers use. Typing and reading errors
    /// are told apart from different dates, so that a strong name with a near-miss date is
    /// lowered but not lost (each kind has its own weight in `person_score`).
    pub fn compare(self, other: Self) -> DateAgreement {
        if let (Some(a), Some(b)) = (self.to_naive(), other.to_naive())
            && let Some(kind) = near_miss(a, b)
        {
            return kind;
        }
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
            (Some(a), Some(b)) if (self.year - other.year).abs() == 1 && a == b => DateAgreement::YearOffByOne,
            _ if (self.year - other.year).abs() == 1 => DateAgreement::OneYearApart,
            _ => DateAgreement::Different,
        }
    }

    /// Reads a date as an officer types it: ISO (`1979-03-21`, `1979-03`, `1979`) or day first
    /// with dots or slashes (`21.03.1979`, `21/03/1979`, `03.1979`). Returns the date and, for a
    /// slash date whose day and month could both be months, a note saying how it was read
    /// (slashes are month-first in some countries; dots never are).
    pub fn parse_typed(text: &str) -> Result<(Self, Option<String>), InvalidDate> {
        let t = text.trim();
        let sep = if t.contains('.') {
            '.'
        } else if t.contains('/') {
            '/'
        } else {
            return Self::parse(t).map(|d| (d, None));
        };
        let bad = || InvalidDate(text.to_owned());
        let parts: Vec<&str> = t.split(sep).collect();
        let iso = match parts.as_slice() {
            [d, m, y] if (1..=2).contains(&d.len()) && (1..=2).contains(&m.len()) => format!("{y}-{m:0>2}-{d:0>2}"),
            [m, y] if (1..=2).contains(&m.len()) => format!("{y}-{m:0>2}"),
            _ => return Err(bad()),
        };
        let date = Self::parse(&iso).map_err(|_| bad())?;
        let note = match (sep, date.month, date.day) {
            ('/', Some(m), Some(d)) if d <= 12 && m != d => {
                Some(format!("{t} read day first as {date} (day {d}, month {m}); type {date} if month first was meant the other way round"))
            }
            _ => None,
        };
        Ok((date, note))
    }
}

/// The kinds of typing error between two full dates that are not the same date.
fn near_miss(a: NaiveDate, b: NaiveDate) -> Option<DateAgreement> {
    if a == b {
        return None;
    }
    if (a - b).num_days().abs() == 1 {
        return Some(DateAgreement::OneDayApart);
    }
    if a.year() == b.year() && a.month() == b.day() && a.day() == b.month() {
        return Some(DateAgreement::DayMonthSwapped);
    }
    let digits = |d: NaiveDate| -> [u8; 8] {
        let s = format!("{:04}{:02}{:02}", d.year(), d.month(), d.day());
        let mut out = [0u8; 8];
        out.copy_from_slice(&s.as_bytes()[..8]);
        out
    };
    let (x, y) = (digits(a), digits(b));
    let differing: Vec<usize> = (0..8).filter(|&i| x[i] != y[i]).collect();
    match differing.as_slice() {
        [_] => Some(DateAgreement::OneDigit),
        [i, j] if *j == i + 1 && x[*i] == y[*j] && x[*j] == y[*i] => {
            Some(if *j <= 3 { DateAgreement::YearDigitsSwapped } else { DateAgreement::DigitsTransposed })
        }
        _ => None,
    }
}

/// How two dates of birth relate; drives both score and explanation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateAgreement {
    Exact,
    /// One date is only a year or year-month, and it agrees with the other.
    SameYearPartial,
    DayMonthSwapped,
    /// 21 and 22 March: a slip of one day (also across a month or year end).
    OneDayApart,
    /// One digit of YYYYMMDD differs (03 for 08, 1969 for 1968).
    OneDigit,
    /// Two adjacent digits of the day or month swapped (21 for 12).
    DigitsTransposed,
    /// Two adjacent digits of the year swapped (1958 for 1985).
    YearDigitsSwapped,
    /// Same day and month, year one apart (1980-03-21 for 1979-03-21).
    YearOffByOne,
    SameYearOnly,
    OneYearApart,
    Different,
}

impl DateAgreement {
    /// What the officer reads in the explanation.
    pub fn describe(self) -> &'static str {
        match self {
            Self::Exact => "exact",
            Self::SameYearPartial => "agrees as far as the record knows it",
            Self::DayMonthSwapped => "day and month swapped",
            Self::OneDayApart => "one day apart (possible typing error)",
            Self::OneDigit => "one digit differs (possible typing error)",
            Self::DigitsTransposed => "two digits swapped (possible typing error)",
            Self::YearDigitsSwapped => "year digits swapped (possible typing error)",
            Self::YearOffByOne => "same day and month, year one apart",
            Self::SameYearOnly => "same year, different day",
            Self::OneYearApart => "one year apart",
            Self::Different => "different",
        }
    }
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

    #[test]
    fn typing_slips_are_told_apart_from_different_dates() {
        let d = |s| PartialDate::parse(s).unwrap();
        let rec = d("1979-03-21");
        assert_eq!(d("1979-03-22").compare(rec), DateAgreement::OneDayApart);
        assert_eq!(d("1979-03-20").compare(rec), DateAgreement::OneDayApart);
        assert_eq!(d("1979-03-12").compare(rec), DateAgreement::DigitsTransposed);
        assert_eq!(d("1979-03-27").compare(rec), DateAgreement::OneDigit);
        assert_eq!(d("1980-03-21").compare(rec), DateAgreement::YearOffByOne);
        assert_eq!(d("1958-07-30").compare(d("1985-07-30")), DateAgreement::YearDigitsSwapped);
        assert_eq!(d("1969-12-04").compare(d("1969-12-03")), DateAgreement::OneDayApart);
        assert_eq!(d("1979-12-31").compare(d("1980-01-01")), DateAgreement::OneDayApart, "across a year end");
        assert_eq!(d("1979-04-03").compare(d("1979-03-04")), DateAgreement::DayMonthSwapped);
        assert_eq!(d("1979").compare(rec), DateAgreement::SameYearPartial, "year only");
        assert_eq!(d("1985-01-02").compare(rec), DateAgreement::Different);
        assert_eq!(d("1979-11-02").compare(rec), DateAgreement::SameYearOnly);
    }

    #[test]
    fn impossible_years_are_rejected_and_a_far_future_one_says_so() {
        for bad in ["0000-01-01", "-0001-01-01", "1849-12-31"] {
            assert!(PartialDate::parse(bad).is_err(), "{bad}");
        }
        let e = PartialDate::parse("2999-01-01").unwrap_err().to_string();
        assert!(e.contains("in the future"), "{e}");
        assert!(PartialDate::parse_typed("01.01.2999").unwrap_err().to_string().contains("in the future"));
    }

    #[test]
    fn dates_typed_day_first_with_dots_or_slashes() {
        let (date, note) = PartialDate::parse_typed("21.03.1979").unwrap();
        assert_eq!((date.to_string(), note), ("1979-03-21".to_owned(), None));
        let (date, note) = PartialDate::parse_typed("21/03/1979").unwrap();
        assert_eq!((date.to_string(), note), ("1979-03-21".to_owned(), None), "21 cannot be a month");
        let (date, note) = PartialDate::parse_typed("3/4/1979").unwrap();
        assert_eq!(date.to_string(), "1979-04-03");
        assert!(note.unwrap().contains("day first"), "an ambiguous slash date says how it was read");
        assert_eq!(PartialDate::parse_typed("03.1979").unwrap().0.to_string(), "1979-03");
        assert_eq!(PartialDate::parse_typed("1979-03-21").unwrap().0.to_string(), "1979-03-21");
        assert!(PartialDate::parse_typed("31.02.1979").is_err());
        assert!(PartialDate::parse_typed("21.03.79").is_err());
        assert!(PartialDate::parse_typed("1.2.3.4").is_err());
    }
}
