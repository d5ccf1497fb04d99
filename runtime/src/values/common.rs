//! Helpers of the value parsers.

use super::InvalidValue;

/// An [`InvalidValue`] of type `type_name`.
pub(crate) fn invalid_value(
    type_name: &'static str,
    value: &str,
    reason: impl ::std::fmt::Display,
) -> InvalidValue {
    InvalidValue {
        type_name,
        value: ::std::string::ToString::to_string(value),
        reason: ::std::string::ToString::to_string(&reason),
    }
}

/// How many ASCII digits `bytes` starts with.
pub(crate) fn leading_digits(bytes: &[u8]) -> usize {
    bytes.iter().take_while(|c| c.is_ascii_digit()).count()
}
