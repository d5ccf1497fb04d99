//! A value of a built-in type, read from its (normalized) text: whether the
//! text is one, and how values compare, equal and measure.

use std::cmp::Ordering;

use crate::values::{Base64Binary, Duration, XsdVersion};

use super::BuiltinType;
use super::decimal::Decimal;
use super::names::{is_name, is_ncname, is_nmtoken, is_qname};
use super::order::{Moment, compare_durations, compare_floats, compare_moments, parse_float};

/// A value in the value space of its built-in type.
#[derive(Debug)]
pub(crate) enum Value<'a> {
    /// The string types, `anyURI`, `QName` and `NOTATION`: the text itself.
    Text(&'a str),
    Boolean(bool),
    /// `decimal` and the integer types.
    Decimal(Decimal<'a>),
    /// `float` (rounded to single precision) and `double`.
    Float(f64),
    /// The date and time types.
    Moment(Moment),
    Duration(Duration),
    /// `hexBinary`: its digits, two an octet.
    Hex(&'a str),
    /// `base64Binary`: its octets.
    Base64(Vec<u8>),
}

/// Reads `text`, already normalized by the type's whitespace rule, as a
/// value of `builtin` (not a list type): the reason it is none otherwise.
pub(crate) fn parse(
    builtin: BuiltinType,
    text: &str,
    version: XsdVersion,
) -> Result<Value<'_>, String> {
    use BuiltinType as B;
    let name_rule = |ok: bool, rule: &str| {
        if ok {
            Ok(Value::Text(text))
        } else {
            Err(rule.to_string())
        }
    };
    match builtin {
        B::AnySimpleType | B::String | B::NormalizedString | B::Token | B::AnyUri => {
            Ok(Value::Text(text))
        }
        B::Language => name_rule(
            is_language(text),
            "a language tag is letters (1 to 8), then `-` and letters or digits (1 to 8) any number of times",
        ),
        B::Name => name_rule(
            is_name(text),
            "a Name starts with a letter, `_` or `:`, then letters, digits, `.`, `-`, `_`, `:`",
        ),
        B::NCName | B::Id | B::IdRef | B::Entity => name_rule(
            is_ncname(text),
            "an NCName starts with a letter or `_`, then letters, digits, `.`, `-`, `_` (no `:`)",
        ),
        B::NmToken => name_rule(
            is_nmtoken(text),
            "an NMTOKEN is one or more letters, digits, `.`, `-`, `_`, `:`",
        ),
        B::QName | B::Notation => name_rule(
            is_qname(text),
            "a QName is an NCName, or a prefix, `:` and an NCName",
        ),
        B::IdRefs | B::Entities | B::NmTokens => {
            unreachable!("{builtin} is a list type, checked item by item")
        }
        B::Boolean => match text {
            "true" | "1" => Ok(Value::Boolean(true)),
            "false" | "0" => Ok(Value::Boolean(false)),
            _ => Err("a boolean is true, false, 1 or 0".to_string()),
        },
        B::Decimal => Decimal::parse(text)
            .map(Value::Decimal)
            .map_err(str::to_string),
        B::Float | B::Double => parse_float(text, builtin == B::Float)
            .map(Value::Float)
            .map_err(str::to_string),
        B::Duration => text
            .parse()
            .map(Value::Duration)
            .map_err(|e: crate::InvalidValue| e.reason),
        B::DateTime
        | B::Time
        | B::Date
        | B::GYearMonth
        | B::GYear
        | B::GMonthDay
        | B::GDay
        | B::GMonth => Moment::parse(builtin, text, version).map(Value::Moment),
        B::HexBinary => {
            if text.len() % 2 == 0 && text.bytes().all(|b| b.is_ascii_hexdigit()) {
                Ok(Value::Hex(text))
            } else {
                Err("hexBinary is an even number of hexadecimal digits".to_string())
            }
        }
        B::Base64Binary => text
            .parse::<Base64Binary>()
            .map(|b| Value::Base64(b.0))
            .map_err(|e| e.reason),
        // The integer types.
        _ => {
            let value = Decimal::parse_integer(text).map_err(str::to_string)?;
            let (min, max) = builtin.integer_bounds();
            let bound = |b: &'static str| Decimal::parse_integer(b).expect("a bound is an integer");
            if let Some(min) = min.filter(|&min| value < bound(min)) {
                return Err(format!("less than {min}, the least {builtin}"));
            }
            if let Some(max) = max.filter(|&max| value > bound(max)) {
                return Err(format!("greater than {max}, the greatest {builtin}"));
            }
            Ok(Value::Decimal(value))
        }
    }
}

/// `[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*`
fn is_language(text: &str) -> bool {
    let mut parts = text.split('-');
    let first = parts.next().unwrap_or("");
    let fits = |s: &str, digits: bool| {
        (1..=8).contains(&s.len())
            && s.bytes()
                .all(|b| b.is_ascii_alphabetic() || (digits && b.is_ascii_digit()))
    };
    fits(first, false) && parts.all(|p| fits(p, true))
}

/// Whether two values of one type are the same value (what enumerations
/// compare): `1.0` is `1` for a decimal, `true` is `1`, NaN is NaN, two
/// instants are equal when they are the same point in time.
pub(crate) fn equal(a: &Value<'_>, b: &Value<'_>) -> bool {
    match (a, b) {
        (Value::Text(x), Value::Text(y)) => x == y,
        (Value::Boolean(x), Value::Boolean(y)) => x == y,
        (Value::Decimal(x), Value::Decimal(y)) => x == y,
        (Value::Float(x), Value::Float(y)) => compare_floats(*x, *y) == Some(Ordering::Equal),
        (Value::Moment(x), Value::Moment(y)) => compare_moments(x, y) == Some(Ordering::Equal),
        (Value::Duration(x), Value::Duration(y)) => {
            compare_durations(x, y) == Some(Ordering::Equal)
        }
        (Value::Hex(x), Value::Hex(y)) => x.eq_ignore_ascii_case(y),
        (Value::Base64(x), Value::Base64(y)) => x == y,
        _ => false,
    }
}

/// The order of two values of one type: `Err` when the type has none
/// (strings, booleans, binary), `Ok(None)` when these two are incomparable.
pub(crate) fn compare(a: &Value<'_>, b: &Value<'_>) -> Result<Option<Ordering>, ()> {
    match (a, b) {
        (Value::Decimal(x), Value::Decimal(y)) => Ok(Some(x.cmp(y))),
        (Value::Float(x), Value::Float(y)) => Ok(compare_floats(*x, *y)),
        (Value::Moment(x), Value::Moment(y)) => Ok(compare_moments(x, y)),
        (Value::Duration(x), Value::Duration(y)) => Ok(compare_durations(x, y)),
        _ => Err(()),
    }
}

/// The length of a value as the length facets count it, and the unit:
/// characters of a string (and of an `anyURI`), octets of binary data;
/// `None` for the types that have no length.
pub(crate) fn length(value: &Value<'_>) -> Option<(usize, &'static str)> {
    match value {
        Value::Text(text) => Some((text.chars().count(), "character")),
        Value::Hex(digits) => Some((digits.len() / 2, "octet")),
        Value::Base64(octets) => Some((octets.len(), "octet")),
        _ => None,
    }
}

/// Why two values of `builtin` can be incomparable, for a message.
pub(crate) fn incomparable_reason(builtin: BuiltinType) -> &'static str {
    match builtin {
        BuiltinType::Duration => {
            "the order of durations in months and in days depends on the months they span"
        }
        BuiltinType::Float | BuiltinType::Double => "NaN is not ordered",
        _ => "one has a timezone and the other not, and they are less than 14 hours apart",
    }
}
