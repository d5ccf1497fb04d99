//! `xs:integer` and the types derived from it that have no Rust primitive.

use super::common::{invalid_value, leading_digits};
use super::{InvalidValue, trim_xml};

/// Reads an `xs:integer` (or a type derived from it, whose bounds are `min`
/// and `max`) as an `i128`: an error when it does not fit, though the text
/// keeps it exactly.
pub fn parse_integer(
    text: &str,
    type_name: &'static str,
    min: ::std::option::Option<i128>,
    max: ::std::option::Option<i128>,
) -> ::std::result::Result<i128, InvalidValue> {
    let trimmed = trim_xml(text);
    let digits = trimmed.strip_prefix(['+', '-']).unwrap_or(trimmed);
    if digits.is_empty() || leading_digits(digits.as_bytes()) != digits.len() {
        return ::std::result::Result::Err(invalid_value(
            type_name,
            text,
            "expected digits, with an optional sign",
        ));
    }
    let value: i128 = match trimmed.parse() {
        ::std::result::Result::Ok(v) => v,
        ::std::result::Result::Err(_) => {
            return ::std::result::Result::Err(invalid_value(
                type_name,
                text,
                "out of the range of i128",
            ));
        }
    };
    if let ::std::option::Option::Some(min) = min.filter(|&min| value < min) {
        return ::std::result::Result::Err(invalid_value(
            type_name,
            text,
            format!("less than {min}"),
        ));
    }
    if let ::std::option::Option::Some(max) = max.filter(|&max| value > max) {
        return ::std::result::Result::Err(invalid_value(
            type_name,
            text,
            format!("greater than {max}"),
        ));
    }
    ::std::result::Result::Ok(value)
}
