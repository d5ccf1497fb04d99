//! What dates, times and date-times share: their parts, the timezone.

use super::common::leading_digits;

/// The timezone of an `xs:dateTime`, `xs:date` or `xs:time` value.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Timezone {
    /// `Z`: UTC.
    Utc,
    /// `+hh:mm` or `-hh:mm`: the offset from UTC in minutes, -840 to 840
    /// (`-00:00` reads as `+00:00`).
    Offset(i16),
}

impl ::std::fmt::Display for Timezone {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        match *self {
            Timezone::Utc => f.write_str("Z"),
            Timezone::Offset(minutes) => {
                let sign = if minutes < 0 { '-' } else { '+' };
                let minutes = minutes.unsigned_abs();
                write!(f, "{sign}{:02}:{:02}", minutes / 60, minutes % 60)
            }
        }
    }
}

/// Two ASCII digits as a number.
pub(crate) fn two_digits(high: u8, low: u8) -> ::std::option::Option<u8> {
    if high.is_ascii_digit() && low.is_ascii_digit() {
        ::std::option::Option::Some((high - b'0') * 10 + (low - b'0'))
    } else {
        ::std::option::Option::None
    }
}

/// Which version of XML Schema's rules a date is read by, where they
/// differ: XSD 1.0 has no year 0000 (year -0001 is 1 BCE, a leap year);
/// XSD 1.1 numbers years as ISO 8601 does (0000 is 1 BCE, a leap year, and
/// -0001 is 2 BCE). The value types' `FromStr` read by XSD 1.0's;
/// `parse_in` by either, as `validate_as` checks.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum XsdVersion {
    /// XML Schema 1.0 (second edition).
    #[default]
    V1_0,
    /// XML Schema 1.1.
    V1_1,
}

/// `year`, numbered as `version` numbers years, as an astronomical year
/// (0 is 1 BCE): XSD 1.0 has no year 0, so its year -1 is 1 BCE.
pub(crate) fn astronomical_year(year: i64, version: XsdVersion) -> i64 {
    if year < 0 && version == XsdVersion::V1_0 {
        year + 1
    } else {
        year
    }
}

/// The days of a month of `year`, numbered as `version` numbers years.
pub(crate) fn days_in_month(year: i64, month: u8, version: XsdVersion) -> u8 {
    let year = astronomical_year(year, version);
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Reads `-?yyyy` (four digits or more; no year 0 in XSD 1.0) from the
/// start of `bytes`: the year and the rest.
pub(crate) fn parse_year(
    bytes: &[u8],
    version: XsdVersion,
) -> ::std::result::Result<(i64, &[u8]), &'static str> {
    let (negative, unsigned) = match bytes {
        [b'-', rest @ ..] => (true, rest),
        _ => (false, bytes),
    };
    let n = leading_digits(unsigned);
    let (digits, rest) = unsigned.split_at(n);
    if n < 4 {
        return ::std::result::Result::Err("the year needs at least four digits");
    }
    if n > 4 && digits[0] == b'0' {
        return ::std::result::Result::Err("a year of more than four digits has no leading zero");
    }
    if version == XsdVersion::V1_0 && digits.iter().all(|&c| c == b'0') {
        return ::std::result::Result::Err("there is no year 0000 in XSD 1.0");
    }
    let mut year: i64 = 0;
    for &c in digits {
        year = match year
            .checked_mul(10)
            .and_then(|y| y.checked_add(i64::from(c - b'0')))
        {
            ::std::option::Option::Some(y) => y,
            ::std::option::Option::None => {
                return ::std::result::Result::Err("the year is out of range");
            }
        };
    }
    if negative {
        if year == 0 {
            // XSD 1.1 has a year 0000, but no -0000.
            return ::std::result::Result::Err("there is no year -0000");
        }
        year = -year;
    }
    ::std::result::Result::Ok((year, rest))
}

/// Two digits from 01 to 12 at the start of `bytes`: the month and the rest.
pub(crate) fn parse_month(bytes: &[u8]) -> ::std::result::Result<(u8, &[u8]), &'static str> {
    match bytes {
        [m1, m2, rest @ ..] => match two_digits(*m1, *m2) {
            ::std::option::Option::Some(m @ 1..=12) => ::std::result::Result::Ok((m, rest)),
            _ => ::std::result::Result::Err("the month must be 01 to 12"),
        },
        _ => ::std::result::Result::Err("the month must be 01 to 12"),
    }
}

/// Reads `-?yyyy-mm-dd` from the start of `bytes`: year, month, day and the rest.
pub(crate) fn parse_date_part(
    bytes: &[u8],
    version: XsdVersion,
) -> ::std::result::Result<(i64, u8, u8, &[u8]), &'static str> {
    let (year, rest) = parse_year(bytes, version)?;
    let [b'-', m1, m2, b'-', d1, d2, rest @ ..] = rest else {
        return ::std::result::Result::Err("expected `-mm-dd` after the year");
    };
    let month = match two_digits(*m1, *m2) {
        ::std::option::Option::Some(m @ 1..=12) => m,
        _ => return ::std::result::Result::Err("the month must be 01 to 12"),
    };
    match two_digits(*d1, *d2) {
        ::std::option::Option::Some(day)
            if day >= 1 && day <= days_in_month(year, month, version) =>
        {
            ::std::result::Result::Ok((year, month, day, rest))
        }
        _ => ::std::result::Result::Err("the day does not exist in that month"),
    }
}

/// Reads `hh:mm:ss(.s+)?` from the start of `bytes`: hour, minute, second,
/// the fraction's digits and the rest. `24:00:00` is allowed.
pub(crate) fn parse_time_part(
    bytes: &[u8],
) -> ::std::result::Result<(u8, u8, u8, ::std::string::String, &[u8]), &'static str> {
    let [h1, h2, b':', m1, m2, b':', s1, s2, rest @ ..] = bytes else {
        return ::std::result::Result::Err("expected `hh:mm:ss`");
    };
    let (hour, minute, second) = match (
        two_digits(*h1, *h2),
        two_digits(*m1, *m2),
        two_digits(*s1, *s2),
    ) {
        (
            ::std::option::Option::Some(h @ 0..=24),
            ::std::option::Option::Some(m @ 0..=59),
            ::std::option::Option::Some(s @ 0..=59),
        ) => (h, m, s),
        _ => {
            return ::std::result::Result::Err(
                "hours must be 00 to 24, minutes and seconds 00 to 59",
            );
        }
    };
    let (fraction, rest) = match rest {
        [b'.', rest @ ..] => {
            let n = leading_digits(rest);
            if n == 0 {
                return ::std::result::Result::Err("a `.` must be followed by digits");
            }
            let (digits, rest) = rest.split_at(n);
            (digits.iter().map(|&c| char::from(c)).collect(), rest)
        }
        _ => (::std::string::String::new(), rest),
    };
    if hour == 24 && (minute != 0 || second != 0 || fraction.bytes().any(|c| c != b'0')) {
        return ::std::result::Result::Err("the only time in hour 24 is 24:00:00");
    }
    ::std::result::Result::Ok((hour, minute, second, fraction, rest))
}

/// Reads the optional timezone that ends a date or time: nothing, `Z`, or `±hh:mm`.
pub(crate) fn parse_timezone(
    bytes: &[u8],
) -> ::std::result::Result<::std::option::Option<Timezone>, &'static str> {
    match bytes {
        [] => ::std::result::Result::Ok(::std::option::Option::None),
        [b'Z'] => ::std::result::Result::Ok(::std::option::Option::Some(Timezone::Utc)),
        [sign @ (b'+' | b'-'), h1, h2, b':', m1, m2] => {
            match (two_digits(*h1, *h2), two_digits(*m1, *m2)) {
                (::std::option::Option::Some(h), ::std::option::Option::Some(m))
                    if m <= 59 && (h < 14 || (h == 14 && m == 0)) =>
                {
                    let minutes = i16::from(h) * 60 + i16::from(m);
                    let minutes = if *sign == b'-' { -minutes } else { minutes };
                    ::std::result::Result::Ok(::std::option::Option::Some(Timezone::Offset(
                        minutes,
                    )))
                }
                _ => ::std::result::Result::Err("the timezone offset must be -14:00 to +14:00"),
            }
        }
        _ => {
            ::std::result::Result::Err("expected the end, `Z`, or a timezone `+hh:mm` or `-hh:mm`")
        }
    }
}

/// Writes a year: at least four digits, `-` before a negative one.
pub(crate) fn write_year(f: &mut ::std::fmt::Formatter<'_>, year: i64) -> ::std::fmt::Result {
    if year < 0 {
        f.write_str("-")?;
    }
    write!(f, "{:04}", year.unsigned_abs())
}

/// Writes `hh:mm:ss(.fraction)?` and the timezone.
pub(crate) fn write_time(
    f: &mut ::std::fmt::Formatter<'_>,
    (hour, minute, second): (u8, u8, u8),
    fraction: &str,
    timezone: ::std::option::Option<Timezone>,
) -> ::std::fmt::Result {
    write!(f, "{hour:02}:{minute:02}:{second:02}")?;
    if !fraction.is_empty() {
        write!(f, ".{fraction}")?;
    }
    match timezone {
        ::std::option::Option::Some(tz) => write!(f, "{tz}"),
        ::std::option::Option::None => ::std::result::Result::Ok(()),
    }
}

/// The nanoseconds of a fraction of a second's digits (digits past the ninth are cut).
pub(crate) fn nanoseconds(fraction: &str) -> u32 {
    let mut nanos = 0;
    for i in 0..9 {
        let digit = fraction
            .as_bytes()
            .get(i)
            .and_then(|&c| char::from(c).to_digit(10))
            .unwrap_or(0);
        nanos = nanos * 10 + digit;
    }
    nanos
}
