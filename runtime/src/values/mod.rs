//! The XSD value types that have no exact Rust equivalent, read from the
//! text a field keeps: [`DateTime`], [`Date`], [`Time`], [`Duration`], the
//! partial dates [`GYearMonth`], [`GYear`], [`GMonthDay`], [`GDay`] and
//! [`GMonth`], [`Base64Binary`], [`HexBinary`], and [`parse_integer`] for
//! `xs:integer` and its unbounded relatives.
//!
//! Each parses with `FromStr`, strictly, by the lexical rules of XML Schema
//! 1.0 (chrono's and the base64 crates' parsers follow RFC 3339 and RFC 4648,
//! which differ: years of five digits or before year 1, `24:00:00`,
//! fractions longer than nanoseconds, durations with years and months,
//! whitespace in base64), and writes a valid lexical form with `Display`,
//! every part as written (nothing is normalized).

mod base64;
mod calendar;
mod common;
mod date;
mod date_time;
mod duration;
mod gregorian;
mod hex;
mod integer;
mod time;

pub use base64::Base64Binary;
pub(crate) use calendar::astronomical_year;
pub use calendar::{Timezone, XsdVersion};
pub use date::Date;
pub use date_time::DateTime;
pub use duration::Duration;
pub use gregorian::{GDay, GMonth, GMonthDay, GYear, GYearMonth};
pub use hex::HexBinary;
pub use integer::parse_integer;
pub use time::Time;

/// A value that does not parse as its type.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InvalidValue {
    /// The XSD name of the type.
    pub type_name: &'static str,
    /// The value found.
    pub value: String,
    /// Why it does not parse.
    pub reason: String,
}

impl std::fmt::Display for InvalidValue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "invalid {} value {:?}: {}",
            self.type_name, self.value, self.reason
        )
    }
}

impl std::error::Error for InvalidValue {}

/// A value that is none of an enumeration's values.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownEnumValue {
    /// The XSD name of the enumeration.
    pub type_name: &'static str,
    /// The value found.
    pub value: String,
    /// The values allowed.
    pub expected: &'static [&'static str],
}

impl std::fmt::Display for UnknownEnumValue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "unknown {} value {:?}, expected one of: {}",
            self.type_name,
            self.value,
            self.expected.join(", ")
        )
    }
}

impl std::error::Error for UnknownEnumValue {}

/// `text` without the XML whitespace (space, tab, CR, LF) around it: what
/// XML Schema's `whiteSpace="collapse"` leaves of a value that holds no
/// inner whitespace.
pub fn trim_xml(text: &str) -> &str {
    text.trim_matches(|c| matches!(c, ' ' | '\t' | '\r' | '\n'))
}

#[cfg(test)]
mod tests;
