//! `xs:duration`.

use super::common::{invalid_value, leading_digits};
use super::{InvalidValue, trim_xml};

/// An `xs:duration` value, each part as written: `-P1Y2M3DT4H5M6.789S`.
///
/// Years and months are kept apart from days and seconds, as XSD does (a
/// month has no fixed length); fractional seconds are kept as their digits,
/// exactly. `Display` writes the parts that are not zero (`PT0S` when none
/// is).
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Duration {
    /// Whether it is written with a leading `-`.
    pub negative: bool,
    /// `nY`.
    pub years: u64,
    /// `nM` before `T`.
    pub months: u64,
    /// `nD`.
    pub days: u64,
    /// `nH`.
    pub hours: u64,
    /// `nM` after `T`.
    pub minutes: u64,
    /// The whole seconds of `nS`.
    pub seconds: u64,
    /// The digits of the fractional second as written, empty for none.
    pub fraction: ::std::string::String,
}

impl ::std::str::FromStr for Duration {
    type Err = InvalidValue;

    fn from_str(text: &str) -> ::std::result::Result<Self, InvalidValue> {
        let fail = |reason: &str| invalid_value("duration", text, reason);
        let mut rest = trim_xml(text).as_bytes();
        let mut value = Duration::default();
        if let [b'-', after @ ..] = rest {
            value.negative = true;
            rest = after;
        }
        let [b'P', after @ ..] = rest else {
            return ::std::result::Result::Err(fail("a duration starts with `P` or `-P`"));
        };
        rest = after;
        // Which designators came so far: 1 to 6 for Y, M, D, H, M, S.
        let mut last = 0;
        let mut in_time = false;
        while let [first, after @ ..] = rest {
            if *first == b'T' {
                if in_time {
                    return ::std::result::Result::Err(fail("`T` appears twice"));
                }
                in_time = true;
                rest = after;
                if rest.is_empty() {
                    return ::std::result::Result::Err(fail(
                        "`T` must be followed by hours, minutes or seconds",
                    ));
                }
                continue;
            }
            let n = leading_digits(rest);
            if n == 0 {
                return ::std::result::Result::Err(fail("expected a number"));
            }
            let (digits, after) = rest.split_at(n);
            let mut number: u64 = 0;
            for &c in digits {
                number = match number
                    .checked_mul(10)
                    .and_then(|v| v.checked_add(u64::from(c - b'0')))
                {
                    ::std::option::Option::Some(v) => v,
                    ::std::option::Option::None => {
                        return ::std::result::Result::Err(fail("a number is out of range"));
                    }
                };
            }
            rest = after;
            let mut fraction = ::std::string::String::new();
            if let [b'.', after @ ..] = rest {
                let n = leading_digits(after);
                if n == 0 {
                    return ::std::result::Result::Err(fail("a `.` must be followed by digits"));
                }
                fraction = after[..n].iter().map(|&c| char::from(c)).collect();
                rest = &after[n..];
            }
            let slot = match (in_time, rest.first()) {
                (false, ::std::option::Option::Some(b'Y')) => 1,
                (false, ::std::option::Option::Some(b'M')) => 2,
                (false, ::std::option::Option::Some(b'D')) => 3,
                (true, ::std::option::Option::Some(b'H')) => 4,
                (true, ::std::option::Option::Some(b'M')) => 5,
                (true, ::std::option::Option::Some(b'S')) => 6,
                _ => {
                    return ::std::result::Result::Err(fail(
                        "expected Y, M or D before `T`, and H, M or S after it",
                    ));
                }
            };
            if slot <= last {
                return ::std::result::Result::Err(fail(
                    "each part appears once, in the order Y M D T H M S",
                ));
            }
            if !fraction.is_empty() && slot != 6 {
                return ::std::result::Result::Err(fail("only seconds have a fraction"));
            }
            last = slot;
            rest = &rest[1..];
            match slot {
                1 => value.years = number,
                2 => value.months = number,
                3 => value.days = number,
                4 => value.hours = number,
                5 => value.minutes = number,
                _ => {
                    value.seconds = number;
                    value.fraction = fraction;
                }
            }
        }
        if last == 0 {
            return ::std::result::Result::Err(fail("a duration needs at least one part"));
        }
        ::std::result::Result::Ok(value)
    }
}

impl ::std::fmt::Display for Duration {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        if self.negative {
            f.write_str("-")?;
        }
        f.write_str("P")?;
        for (n, designator) in [(self.years, 'Y'), (self.months, 'M'), (self.days, 'D')] {
            if n != 0 {
                write!(f, "{n}{designator}")?;
            }
        }
        let seconds = self.seconds != 0 || !self.fraction.is_empty();
        let date = self.years != 0 || self.months != 0 || self.days != 0;
        if self.hours != 0 || self.minutes != 0 || seconds || !date {
            f.write_str("T")?;
        }
        for (n, designator) in [(self.hours, 'H'), (self.minutes, 'M')] {
            if n != 0 {
                write!(f, "{n}{designator}")?;
            }
        }
        if seconds || (!date && self.hours == 0 && self.minutes == 0) {
            write!(f, "{}", self.seconds)?;
            if !self.fraction.is_empty() {
                write!(f, ".{}", self.fraction)?;
            }
            f.write_str("S")?;
        }
        ::std::result::Result::Ok(())
    }
}
