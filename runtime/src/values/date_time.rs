//! `xs:dateTime`.

use super::calendar::*;
use super::common::invalid_value;
use super::{InvalidValue, trim_xml};

/// An `xs:dateTime` value, each part as written: `-0044-03-15T12:00:00.5+01:00`.
///
/// It reads every XSD 1.0 form: negative years and years of more than four
/// digits, fractional seconds of any length (kept as their digits, exactly),
/// an optional timezone, `24:00:00`. Two values are equal when they are
/// written alike (not when they are the same instant). `Display` writes the
/// value back in XSD form, for setting a field: `item.start = value.to_string()`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct DateTime {
    /// The year; negative before year 1 (no year 0 in XSD 1.0, where -1 is
    /// 1 BCE; read by `parse_in` with XSD 1.1, 0 is 1 BCE and -1 2 BCE).
    pub year: i64,
    /// 1 to 12.
    pub month: u8,
    /// 1 to 31, within the month.
    pub day: u8,
    /// 0 to 23, or 24 for `24:00:00` (the end of the day).
    pub hour: u8,
    /// 0 to 59.
    pub minute: u8,
    /// 0 to 59.
    pub second: u8,
    /// The digits of the fractional second as written (`"1234567"` for
    /// `.1234567`), empty for none.
    pub fraction: ::std::string::String,
    /// The timezone, `None` for none.
    pub timezone: ::std::option::Option<Timezone>,
}

impl DateTime {
    /// The fractional second in nanoseconds (digits past the ninth are cut).
    pub fn nanosecond(&self) -> u32 {
        nanoseconds(&self.fraction)
    }
}

impl ::std::str::FromStr for DateTime {
    type Err = InvalidValue;

    fn from_str(text: &str) -> ::std::result::Result<Self, InvalidValue> {
        DateTime::parse_in(text, XsdVersion::V1_0)
    }
}

impl DateTime {
    /// Reads `text` by `version`'s rules (its years: see [`XsdVersion`]).
    pub fn parse_in(text: &str, version: XsdVersion) -> ::std::result::Result<Self, InvalidValue> {
        let fail = |reason| invalid_value("dateTime", text, reason);
        let (year, month, day, rest) =
            parse_date_part(trim_xml(text).as_bytes(), version).map_err(fail)?;
        let [b'T', rest @ ..] = rest else {
            return ::std::result::Result::Err(fail("expected `T` after the date"));
        };
        let (hour, minute, second, fraction, rest) = parse_time_part(rest).map_err(fail)?;
        let timezone = parse_timezone(rest).map_err(fail)?;
        ::std::result::Result::Ok(DateTime {
            year,
            month,
            day,
            hour,
            minute,
            second,
            fraction,
            timezone,
        })
    }
}

impl ::std::fmt::Display for DateTime {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        write_year(f, self.year)?;
        write!(f, "-{:02}-{:02}T", self.month, self.day)?;
        write_time(
            f,
            (self.hour, self.minute, self.second),
            &self.fraction,
            self.timezone,
        )
    }
}
