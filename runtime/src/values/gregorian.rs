//! The partial dates of the Gregorian calendar: `xs:gYearMonth`, `xs:gYear`,
//! `xs:gMonthDay`, `xs:gDay`, `xs:gMonth`.

use std::fmt;
use std::str::FromStr;

use super::calendar::{
    Timezone, XsdVersion, days_in_month, parse_month, parse_timezone, parse_year, two_digits,
    write_year,
};
use super::common::invalid_value;
use super::{InvalidValue, trim_xml};

/// Writes the optional timezone.
fn write_timezone(f: &mut fmt::Formatter<'_>, timezone: Option<Timezone>) -> fmt::Result {
    match timezone {
        Some(tz) => write!(f, "{tz}"),
        None => Ok(()),
    }
}

/// Two digits from 01 to `max` at the start of `bytes`: the day and the rest.
fn parse_day(bytes: &[u8], max: u8) -> Result<(u8, &[u8]), &'static str> {
    match bytes {
        [d1, d2, rest @ ..] => match two_digits(*d1, *d2) {
            Some(d) if (1..=max).contains(&d) => Ok((d, rest)),
            _ => Err("the day does not exist in that month"),
        },
        _ => Err("expected two digits of the day"),
    }
}

/// An `xs:gYearMonth` value: `2026-11`, `-0044-03Z`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct GYearMonth {
    /// The year; negative before year 1 (no year 0 in XSD 1.0, where -1 is
    /// 1 BCE; read by `parse_in` with XSD 1.1, 0 is 1 BCE and -1 2 BCE).
    pub year: i64,
    /// 1 to 12.
    pub month: u8,
    /// The timezone, `None` for none.
    pub timezone: Option<Timezone>,
}

impl FromStr for GYearMonth {
    type Err = InvalidValue;

    fn from_str(text: &str) -> Result<Self, InvalidValue> {
        GYearMonth::parse_in(text, XsdVersion::V1_0)
    }
}

impl GYearMonth {
    /// Reads `text` by `version`'s rules (its years: see [`XsdVersion`]).
    pub fn parse_in(text: &str, version: XsdVersion) -> Result<Self, InvalidValue> {
        let fail = |reason| invalid_value("gYearMonth", text, reason);
        let (year, rest) = parse_year(trim_xml(text).as_bytes(), version).map_err(fail)?;
        let [b'-', rest @ ..] = rest else {
            return Err(fail("expected `-mm` after the year"));
        };
        let (month, rest) = parse_month(rest).map_err(fail)?;
        let timezone = parse_timezone(rest).map_err(fail)?;
        Ok(GYearMonth {
            year,
            month,
            timezone,
        })
    }
}

impl fmt::Display for GYearMonth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_year(f, self.year)?;
        write!(f, "-{:02}", self.month)?;
        write_timezone(f, self.timezone)
    }
}

/// An `xs:gYear` value: `2026`, `-0044`, `12026+01:00`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct GYear {
    /// The year; negative before year 1 (no year 0 in XSD 1.0, where -1 is
    /// 1 BCE; read by `parse_in` with XSD 1.1, 0 is 1 BCE and -1 2 BCE).
    pub year: i64,
    /// The timezone, `None` for none.
    pub timezone: Option<Timezone>,
}

impl FromStr for GYear {
    type Err = InvalidValue;

    fn from_str(text: &str) -> Result<Self, InvalidValue> {
        GYear::parse_in(text, XsdVersion::V1_0)
    }
}

impl GYear {
    /// Reads `text` by `version`'s rules (its years: see [`XsdVersion`]).
    pub fn parse_in(text: &str, version: XsdVersion) -> Result<Self, InvalidValue> {
        let fail = |reason| invalid_value("gYear", text, reason);
        let (year, rest) = parse_year(trim_xml(text).as_bytes(), version).map_err(fail)?;
        let timezone = parse_timezone(rest).map_err(fail)?;
        Ok(GYear { year, timezone })
    }
}

impl fmt::Display for GYear {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_year(f, self.year)?;
        write_timezone(f, self.timezone)
    }
}

/// An `xs:gMonthDay` value, a day of every year: `--11-23`, `--02-29Z`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct GMonthDay {
    /// 1 to 12.
    pub month: u8,
    /// 1 to 31, within the month (29 in February).
    pub day: u8,
    /// The timezone, `None` for none.
    pub timezone: Option<Timezone>,
}

impl FromStr for GMonthDay {
    type Err = InvalidValue;

    fn from_str(text: &str) -> Result<Self, InvalidValue> {
        let fail = |reason| invalid_value("gMonthDay", text, reason);
        let [b'-', b'-', rest @ ..] = trim_xml(text).as_bytes() else {
            return Err(fail("a gMonthDay starts with `--`"));
        };
        let (month, rest) = parse_month(rest).map_err(fail)?;
        let [b'-', rest @ ..] = rest else {
            return Err(fail("expected `-dd` after the month"));
        };
        // A leap year, so that --02-29 exists.
        let (day, rest) =
            parse_day(rest, days_in_month(2000, month, XsdVersion::V1_0)).map_err(fail)?;
        let timezone = parse_timezone(rest).map_err(fail)?;
        Ok(GMonthDay {
            month,
            day,
            timezone,
        })
    }
}

impl fmt::Display for GMonthDay {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "--{:02}-{:02}", self.month, self.day)?;
        write_timezone(f, self.timezone)
    }
}

/// An `xs:gDay` value, a day of every month: `---23`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct GDay {
    /// 1 to 31.
    pub day: u8,
    /// The timezone, `None` for none.
    pub timezone: Option<Timezone>,
}

impl FromStr for GDay {
    type Err = InvalidValue;

    fn from_str(text: &str) -> Result<Self, InvalidValue> {
        let fail = |reason| invalid_value("gDay", text, reason);
        let [b'-', b'-', b'-', rest @ ..] = trim_xml(text).as_bytes() else {
            return Err(fail("a gDay starts with `---`"));
        };
        let (day, rest) = parse_day(rest, 31).map_err(fail)?;
        let timezone = parse_timezone(rest).map_err(fail)?;
        Ok(GDay { day, timezone })
    }
}

impl fmt::Display for GDay {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "---{:02}", self.day)?;
        write_timezone(f, self.timezone)
    }
}

/// An `xs:gMonth` value, a month of every year: `--11`. XML Schema 1.0's
/// first edition wrote `--11--`, a form its erratum and XML Schema 1.1
/// dropped: documents of that time still use it, so it reads too (the same
/// value; written as `--11`).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct GMonth {
    /// 1 to 12.
    pub month: u8,
    /// The timezone, `None` for none.
    pub timezone: Option<Timezone>,
}

impl FromStr for GMonth {
    type Err = InvalidValue;

    fn from_str(text: &str) -> Result<Self, InvalidValue> {
        let fail = |reason| invalid_value("gMonth", text, reason);
        let [b'-', b'-', rest @ ..] = trim_xml(text).as_bytes() else {
            return Err(fail("a gMonth starts with `--`"));
        };
        let (month, rest) = parse_month(rest).map_err(fail)?;
        // The first edition's `--mm--`, with or without a timezone (`--05---05:00`).
        let rest = rest.strip_prefix(b"--").unwrap_or(rest);
        let timezone = parse_timezone(rest).map_err(fail)?;
        Ok(GMonth { month, timezone })
    }
}

impl fmt::Display for GMonth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "--{:02}", self.month)?;
        write_timezone(f, self.timezone)
    }
}
