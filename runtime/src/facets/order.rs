//! The orders of XSD's numbers, instants and durations (XML Schema 1.0 Part
//! 2, 3.2.4-3.2.7): floats with NaN, and the partial orders of dates and
//! times (with and without a timezone) and of durations (months and seconds).

use std::cmp::Ordering;

use crate::values::{
    Date, DateTime, Duration, GDay, GMonth, GMonthDay, GYear, GYearMonth, Time, Timezone,
    XsdVersion,
};

use super::BuiltinType;

/// Reads an `xs:float` (`single`) or `xs:double`: a decimal with an optional
/// exponent, `INF`, `-INF` (or `+INF`, as XSD 1.1 allows), `NaN`. A float's
/// value is rounded to single precision.
pub(crate) fn parse_float(text: &str, single: bool) -> Result<f64, &'static str> {
    let value = match text {
        "INF" | "+INF" => f64::INFINITY,
        "-INF" => f64::NEG_INFINITY,
        "NaN" => f64::NAN,
        _ => {
            let unsigned = text.strip_prefix(['+', '-']).unwrap_or(text);
            let (mantissa, exponent) = match unsigned.find(['e', 'E']) {
                Some(i) => (&unsigned[..i], Some(&unsigned[i + 1..])),
                None => (unsigned, None),
            };
            let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
            let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
            let exponent_ok = exponent.is_none_or(|e| {
                let e = e.strip_prefix(['+', '-']).unwrap_or(e);
                !e.is_empty() && digits(e)
            });
            if (int.is_empty() && frac.is_empty()) || !digits(int) || !digits(frac) || !exponent_ok
            {
                return Err(
                    "expected a decimal number with an optional exponent, INF, -INF or NaN",
                );
            }
            if single {
                text.parse::<f32>()
                    .map(f64::from)
                    .map_err(|_| "not a number")?
            } else {
                text.parse::<f64>().map_err(|_| "not a number")?
            }
        }
    };
    Ok(value)
}

/// The order of two floats: NaN equals itself and is incomparable with
/// every other value.
pub(crate) fn compare_floats(a: f64, b: f64) -> Option<Ordering> {
    if a.is_nan() && b.is_nan() {
        return Some(Ordering::Equal);
    }
    a.partial_cmp(&b)
}

/// A point on the time line as XSD orders it: the local time in seconds
/// (parts a type lacks filled from a fixed date), the fraction's digits
/// without trailing zeros, and the timezone in minutes, if any.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Moment {
    seconds: i128,
    fraction: String,
    timezone: Option<i32>,
}

/// The year, month and day a type without them is placed on: a leap year,
/// so that `--02-29` is a day.
const FIXED_YEAR: i64 = 1972;

impl Moment {
    /// Reads a value of one of the date and time types.
    pub(crate) fn parse(
        builtin: BuiltinType,
        text: &str,
        version: XsdVersion,
    ) -> Result<Moment, String> {
        let reason = |e: crate::InvalidValue| e.reason;
        let (date, time, fraction, tz) = match builtin {
            BuiltinType::DateTime => {
                let v = DateTime::parse_in(text, version).map_err(reason)?;
                (
                    (v.year, v.month, v.day),
                    (v.hour, v.minute, v.second),
                    v.fraction,
                    v.timezone,
                )
            }
            BuiltinType::Date => {
                let v = Date::parse_in(text, version).map_err(reason)?;
                (
                    (v.year, v.month, v.day),
                    (0, 0, 0),
                    String::new(),
                    v.timezone,
                )
            }
            BuiltinType::Time => {
                let v: Time = text.parse().map_err(reason)?;
                // A time of every day: 24:00:00 is 00:00:00.
                (
                    (FIXED_YEAR, 1, 1),
                    (v.hour % 24, v.minute, v.second),
                    v.fraction,
                    v.timezone,
                )
            }
            BuiltinType::GYearMonth => {
                let v = GYearMonth::parse_in(text, version).map_err(reason)?;
                ((v.year, v.month, 1), (0, 0, 0), String::new(), v.timezone)
            }
            BuiltinType::GYear => {
                let v = GYear::parse_in(text, version).map_err(reason)?;
                ((v.year, 1, 1), (0, 0, 0), String::new(), v.timezone)
            }
            BuiltinType::GMonthDay => {
                let v: GMonthDay = text.parse().map_err(reason)?;
                (
                    (FIXED_YEAR, v.month, v.day),
                    (0, 0, 0),
                    String::new(),
                    v.timezone,
                )
            }
            BuiltinType::GDay => {
                let v: GDay = text.parse().map_err(reason)?;
                ((FIXED_YEAR, 1, v.day), (0, 0, 0), String::new(), v.timezone)
            }
            BuiltinType::GMonth => {
                let v: GMonth = text.parse().map_err(reason)?;
                (
                    (FIXED_YEAR, v.month, 1),
                    (0, 0, 0),
                    String::new(),
                    v.timezone,
                )
            }
            other => unreachable!("{other} is no date or time"),
        };
        let (year, month, day) = date;
        let (hour, minute, second) = time;
        let seconds = days_from_civil(year, month, day, version) * 86_400
            + i128::from(hour) * 3600
            + i128::from(minute) * 60
            + i128::from(second);
        let mut fraction = fraction;
        fraction.truncate(fraction.trim_end_matches('0').len());
        Ok(Moment {
            seconds,
            fraction,
            timezone: tz.map(|tz| match tz {
                Timezone::Utc => 0,
                Timezone::Offset(minutes) => i32::from(minutes),
            }),
        })
    }

    /// The seconds in UTC, for a moment with a timezone.
    fn utc(&self, timezone: i32) -> i128 {
        self.seconds - i128::from(timezone) * 60
    }
}

/// The days from 1970-01-01 to a date of the proleptic Gregorian calendar,
/// whose year -1 is the year before 1 in XSD 1.0 (which has no year 0),
/// the year before 0 in XSD 1.1 (whose years are astronomical).
fn days_from_civil(year: i64, month: u8, day: u8, version: XsdVersion) -> i128 {
    let year = i128::from(crate::values::astronomical_year(year, version));
    days_from_astronomical(year, i128::from(month), i128::from(day))
}

/// The same with an astronomical year (0 is 1 BCE), month 1 to 12.
fn days_from_astronomical(year: i128, month: i128, day: i128) -> i128 {
    // Howard Hinnant's days_from_civil: years start in March.
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let day_of_year = (153 * ((month + 9) % 12) + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

/// XSD's order of two instants (3.2.7.3): with both or neither in a
/// timezone, by their time; with one only, the other can be anywhere from
/// 14 hours before to 14 hours after its local time, and the two are
/// ordered only if that whole span lies on one side.
pub(crate) fn compare_moments(a: &Moment, b: &Moment) -> Option<Ordering> {
    fn at(seconds: i128, m: &Moment) -> (i128, &str) {
        (seconds, m.fraction.as_str())
    }
    match (a.timezone, b.timezone) {
        (Some(ta), Some(tb)) => Some(at(a.utc(ta), a).cmp(&at(b.utc(tb), b))),
        (None, None) => Some(at(a.seconds, a).cmp(&at(b.seconds, b))),
        (Some(ta), None) => {
            let p = at(a.utc(ta), a);
            const SPAN: i128 = 14 * 3600;
            if p < at(b.seconds - SPAN, b) {
                Some(Ordering::Less)
            } else if p > at(b.seconds + SPAN, b) {
                Some(Ordering::Greater)
            } else {
                None
            }
        }
        (None, Some(_)) => compare_moments(b, a).map(Ordering::reverse),
    }
}

/// A duration split as XSD orders it: months, and seconds as a fixed-point
/// number (`units / 10^scale`), both signed.
struct Parts {
    months: i128,
    units: i128,
    scale: u32,
}

/// The fraction digits kept when comparing durations: beyond 18 (an
/// attosecond) the units could overflow.
const MAX_SCALE: usize = 18;

fn parts(d: &Duration) -> Parts {
    let fraction = d.fraction.trim_end_matches('0');
    let mut fraction = &fraction[..fraction.len().min(MAX_SCALE)];
    let whole = i128::from(d.days) * 86_400
        + i128::from(d.hours) * 3600
        + i128::from(d.minutes) * 60
        + i128::from(d.seconds);
    let sign = if d.negative { -1 } else { 1 };
    let months = sign * (i128::from(d.years) * 12 + i128::from(d.months));
    loop {
        let scale = fraction.len() as u32;
        let digits: i128 = fraction.parse().unwrap_or(0);
        // Whole seconds alone (scale 0) always fit: u64 days are 10^24 seconds.
        if let Some(units) = whole
            .checked_mul(10i128.pow(scale))
            .and_then(|w| w.checked_add(digits))
        {
            return Parts {
                months,
                units: sign * units,
                scale,
            };
        }
        fraction = &fraction[..fraction.len() - 1];
    }
}

/// XSD's order of two durations (3.2.6.2): each is added to four dateTimes
/// (1696-09-01, 1697-02-01, 1903-03-01 and 1903-07-01, which between them
/// have months of every length around them); the order holds if it is the
/// same for all four, and the durations are incomparable otherwise
/// (`P1M` and `P30D`).
pub(crate) fn compare_durations(a: &Duration, b: &Duration) -> Option<Ordering> {
    const STARTS: [(i128, i128); 4] = [(1696, 9), (1697, 2), (1903, 3), (1903, 7)];
    let (a, b) = (parts(a), parts(b));
    let scale = a.scale.max(b.scale);
    let mut order = None;
    for (year, month) in STARTS {
        let end = |p: &Parts| -> Option<i128> {
            let months = year * 12 + (month - 1) + p.months;
            let days = days_from_astronomical(months.div_euclid(12), months.rem_euclid(12) + 1, 1);
            days.checked_mul(86_400)?
                .checked_mul(10i128.pow(scale))?
                .checked_add(p.units.checked_mul(10i128.pow(scale - p.scale))?)
        };
        let this = match (end(&a), end(&b)) {
            (Some(x), Some(y)) => x.cmp(&y),
            // Beyond i128 at this scale: compare the months, then the
            // whole seconds.
            _ => (a.months, a.units / 10i128.pow(a.scale))
                .cmp(&(b.months, b.units / 10i128.pow(b.scale))),
        };
        match order {
            None => order = Some(this),
            Some(previous) if previous != this => return None,
            Some(_) => {}
        }
    }
    order
}
