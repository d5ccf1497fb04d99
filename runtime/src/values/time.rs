//! `xs:time`.

use super::calendar::*;
use super::common::invalid_value;
use super::{InvalidValue, trim_xml};

/// An `xs:time` value, each part as written: `09:13:54.1234567+01:00`.
///
/// Fractional seconds of any length are kept as their digits, exactly; the
/// timezone is optional; `24:00:00` is read. `Display` writes the value back
/// in XSD form.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Time {
    /// 0 to 23, or 24 for `24:00:00`.
    pub hour: u8,
    /// 0 to 59.
    pub minute: u8,
    /// 0 to 59.
    pub second: u8,
    /// The digits of the fractional second as written, empty for none.
    pub fraction: ::std::string::String,
    /// The timezone, `None` for none.
    pub timezone: ::std::option::Option<Timezone>,
}

impl Time {
    /// The fractional second in nanoseconds (digits past the ninth are cut).
    pub fn nanosecond(&self) -> u32 {
        nanoseconds(&self.fraction)
    }
}

impl ::std::str::FromStr for Time {
    type Err = InvalidValue;

    fn from_str(text: &str) -> ::std::result::Result<Self, InvalidValue> {
        let fail = |reason| invalid_value("time", text, reason);
        let (hour, minute, second, fraction, rest) =
            parse_time_part(trim_xml(text).as_bytes()).map_err(fail)?;
        let timezone = parse_timezone(rest).map_err(fail)?;
        ::std::result::Result::Ok(Time {
            hour,
            minute,
            second,
            fraction,
            timezone,
        })
    }
}

impl ::std::fmt::Display for Time {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        write_time(
            f,
            (self.hour, self.minute, self.second),
            &self.fraction,
            self.timezone,
        )
    }
}
