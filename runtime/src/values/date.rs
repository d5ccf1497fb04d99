//! `xs:date`.

use super::calendar::*;
use super::common::invalid_value;
use super::{InvalidValue, trim_xml};

/// An `xs:date` value, each part as written: `2026-11-23Z`.
///
/// Negative years and years of more than four digits are read, and an
/// optional timezone. `Display` writes the value back in XSD form.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Date {
    /// The year; negative before year 1 (no year 0 in XSD 1.0, where -1 is
    /// 1 BCE; read by `parse_in` with XSD 1.1, 0 is 1 BCE and -1 2 BCE).
    pub year: i64,
    /// 1 to 12.
    pub month: u8,
    /// 1 to 31, within the month.
    pub day: u8,
    /// The timezone, `None` for none.
    pub timezone: ::std::option::Option<Timezone>,
}

impl ::std::str::FromStr for Date {
    type Err = InvalidValue;

    fn from_str(text: &str) -> ::std::result::Result<Self, InvalidValue> {
        Date::parse_in(text, XsdVersion::V1_0)
    }
}

impl Date {
    /// Reads `text` by `version`'s rules (its years: see [`XsdVersion`]).
    pub fn parse_in(text: &str, version: XsdVersion) -> ::std::result::Result<Self, InvalidValue> {
        let fail = |reason| invalid_value("date", text, reason);
        let (year, month, day, rest) =
            parse_date_part(trim_xml(text).as_bytes(), version).map_err(fail)?;
        let timezone = parse_timezone(rest).map_err(fail)?;
        ::std::result::Result::Ok(Date {
            year,
            month,
            day,
            timezone,
        })
    }
}

impl ::std::fmt::Display for Date {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        write_year(f, self.year)?;
        write!(f, "-{:02}-{:02}", self.month, self.day)?;
        match self.timezone {
            ::std::option::Option::Some(tz) => write!(f, "{tz}"),
            ::std::option::Option::None => ::std::result::Result::Ok(()),
        }
    }
}
