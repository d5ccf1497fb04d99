//! Simple values: what an attribute or a text-only element holds, read from
//! its text and written back as text, by XML Schema's lexical rules.

use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

use crate::error::{Error, Result};
use crate::qname::Namespaces;
use crate::values::{InvalidValue, trim_xml};
use crate::write::Sink;

/// Parses `text` with `T`'s `FromStr`, its error a [`Value`](crate::ErrorKind::Value) error:
/// the `from_text` of the generated enumerations and lists.
pub fn parse<T>(text: &str) -> Result<T>
where
    T: FromStr,
    T::Err: fmt::Display,
{
    text.parse().map_err(Error::value)
}

/// Reads an `xs:list` value: items separated by whitespace, each a `T`.
pub fn parse_list<T: SimpleType>(
    text: &str,
    type_name: &'static str,
) -> std::result::Result<Vec<T>, InvalidValue> {
    parse_list_in(text, type_name, &crate::qname::NoNamespaces)
}

/// [`parse_list`], the items' prefixes (of QNames) resolved by `namespaces`.
pub fn parse_list_in<T: SimpleType>(
    text: &str,
    type_name: &'static str,
    namespaces: &dyn Namespaces,
) -> std::result::Result<Vec<T>, InvalidValue> {
    text.split_ascii_whitespace()
        .map(|item| {
            T::from_text_in(item, namespaces).map_err(|e| InvalidValue {
                type_name,
                value: text.to_string(),
                reason: e.to_string(),
            })
        })
        .collect()
}

/// Writes an `xs:list` value: its items' text, separated by spaces.
pub fn write_list<T: SimpleType>(f: &mut fmt::Formatter<'_>, items: &[T]) -> fmt::Result {
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            f.write_str(" ")?;
        }
        f.write_str(&item.to_text())?;
    }
    Ok(())
}

/// The text of an `xs:list` value where `sink` writes: its items' text
/// ([`SimpleType::to_text_in`]: QNames get their prefixes declared),
/// separated by spaces.
pub fn list_text_in<T: SimpleType>(items: &[T], sink: &mut dyn Sink) -> Result<String> {
    let mut text = String::new();
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            text.push(' ');
        }
        text.push_str(&item.to_text_in(sink)?);
    }
    Ok(text)
}

/// A value written as text: a built-in type (`String`, `bool`, the integer
/// and float types) or a generated enumeration, list or union.
///
/// Every simple type is also [`ReadXml`](crate::ReadXml) and
/// [`WriteXml`](crate::WriteXml): as an element, it is the element's text.
pub trait SimpleType: Sized {
    /// Reads a value from its text (an attribute's value or an element's
    /// text, references replaced), by the type's lexical rules.
    fn from_text(text: &str) -> Result<Self>;

    /// The value's text, in a lexical form valid for its type.
    fn to_text(&self) -> Cow<'_, str>;

    /// Whether `text`, a text this value was read from, is exactly what
    /// [`to_text`](Self::to_text) gives (a reader keeps the text of a value
    /// only when it is not: see [`Lexical`](crate::Lexical)). Types may
    /// answer without writing the value.
    fn has_text(&self, text: &str) -> bool {
        self.to_text() == text
    }

    /// Reads a value from its text where it stands in a document:
    /// `namespaces` resolves the prefixes a [`QName`](crate::QName) in it
    /// is written with. Every other type reads as [`from_text`](Self::from_text).
    fn from_text_in(text: &str, namespaces: &dyn Namespaces) -> Result<Self> {
        let _ = namespaces;
        Self::from_text(text)
    }

    /// The value's text where `sink` writes it (an attribute of the element
    /// it has just started, or that element's text): a
    /// [`QName`](crate::QName) declares its prefix there when it is not in
    /// scope. Every other type writes [`to_text`](Self::to_text).
    fn to_text_in(&self, sink: &mut dyn Sink) -> Result<Cow<'_, str>> {
        let _ = sink;
        Ok(self.to_text())
    }
}

impl SimpleType for String {
    /// The text exactly as written: a string keeps its whitespace.
    fn from_text(text: &str) -> Result<Self> {
        Ok(text.to_owned())
    }

    fn to_text(&self) -> Cow<'_, str> {
        Cow::Borrowed(self)
    }
}

impl SimpleType for bool {
    /// `true`, `false`, `1` or `0`, with the whitespace around collapsed.
    fn from_text(text: &str) -> Result<Self> {
        match trim_xml(text) {
            "true" | "1" => Ok(true),
            "false" | "0" => Ok(false),
            other => Err(Error::value(format!("{other:?} is not a boolean"))),
        }
    }

    fn to_text(&self) -> Cow<'_, str> {
        Cow::Borrowed(if *self { "true" } else { "false" })
    }

    fn has_text(&self, text: &str) -> bool {
        text == if *self { "true" } else { "false" }
    }
}

macro_rules! signed {
    ($($t:ty),*) => {$(
        impl SimpleType for $t {
            /// Decimal digits with an optional sign, the whitespace around collapsed.
            fn from_text(text: &str) -> Result<Self> {
                trim_xml(text).parse().map_err(Error::value)
            }

            fn to_text(&self) -> Cow<'_, str> {
                Cow::Owned(self.to_string())
            }

            fn has_text(&self, text: &str) -> bool {
                canonical_integer(text)
            }
        }
    )*};
}

macro_rules! unsigned {
    ($($t:ty),*) => {$(
        impl SimpleType for $t {
            /// Decimal digits with an optional sign, the whitespace around
            /// collapsed (`-0` is 0, as for every type derived from `xs:integer`).
            fn from_text(text: &str) -> Result<Self> {
                let text = trim_xml(text);
                match text.strip_prefix('-') {
                    Some(zeros) if !zeros.is_empty() && zeros.bytes().all(|b| b == b'0') => Ok(0),
                    _ => text.parse().map_err(Error::value),
                }
            }

            fn to_text(&self) -> Cow<'_, str> {
                Cow::Owned(self.to_string())
            }

            fn has_text(&self, text: &str) -> bool {
                canonical_integer(text)
            }
        }
    )*};
}

/// Whether `text`, which reads as an integer, is the text its value writes:
/// digits with no leading zero (but `0`), after a `-` unless it is `0`;
/// no `+`, no whitespace. (Checked without writing the value.)
fn canonical_integer(text: &str) -> bool {
    let digits = text.strip_prefix('-').unwrap_or(text);
    let bytes = digits.as_bytes();
    !bytes.is_empty()
        && bytes.iter().all(u8::is_ascii_digit)
        && (bytes[0] != b'0' || (bytes.len() == 1 && digits.len() == text.len()))
}

signed!(i8, i16, i32, i64);
unsigned!(u8, u16, u32, u64);

macro_rules! float {
    ($($t:ty),*) => {$(
        impl SimpleType for $t {
            /// A decimal or scientific number, `INF`, `-INF` (or `+INF`) or
            /// `NaN`, the whitespace around collapsed. Rust's other spellings
            /// (`inf`, `infinity`, `nan`) are not XML Schema's.
            fn from_text(text: &str) -> Result<Self> {
                match trim_xml(text) {
                    "INF" | "+INF" => Ok(<$t>::INFINITY),
                    "-INF" => Ok(<$t>::NEG_INFINITY),
                    "NaN" => Ok(<$t>::NAN),
                    other if other.bytes().any(|b| b.is_ascii_alphabetic() && !matches!(b, b'e' | b'E')) => {
                        Err(Error::value(format!("{other:?} is not a number")))
                    }
                    other => other.parse().map_err(Error::value),
                }
            }

            /// `INF`, `-INF`, `NaN`; large and small magnitudes with an
            /// exponent (`1e300`, not three hundred digits).
            fn to_text(&self) -> Cow<'_, str> {
                let v = *self;
                Cow::Owned(if v.is_nan() {
                    "NaN".to_string()
                } else if v.is_infinite() {
                    if v > 0.0 { "INF" } else { "-INF" }.to_string()
                } else if v != 0.0 && (v.abs() >= 1e16 || v.abs() < 1e-6) {
                    format!("{v:e}")
                } else {
                    v.to_string()
                })
            }
        }
    )*};
}

float!(f32, f64);

#[cfg(test)]
mod tests {
    use super::*;

    fn read<T: SimpleType>(text: &str) -> std::result::Result<T, String> {
        T::from_text(text).map_err(|e| e.to_string())
    }

    #[test]
    fn booleans_are_true_false_1_or_0() {
        assert_eq!(read::<bool>(" true\n"), Ok(true));
        assert_eq!(read::<bool>("0"), Ok(false));
        assert_eq!(
            read::<bool>("True"),
            Err("\"True\" is not a boolean".into())
        );
        assert_eq!(
            read::<bool>(" maybe "),
            Err("\"maybe\" is not a boolean".into())
        );
        assert_eq!(false.to_text(), "false");
    }

    #[test]
    fn integers_collapse_their_whitespace() {
        assert_eq!(read::<i32>("\n -7 \t"), Ok(-7));
        assert_eq!(read::<i8>("+12"), Ok(12));
        assert_eq!(read::<u8>("-0"), Ok(0));
        assert_eq!(read::<u8>("-000"), Ok(0));
        assert!(read::<u8>("-1").is_err());
        assert!(read::<u8>("-").is_err());
        assert_eq!(
            read::<i32>("1 2"),
            Err("invalid digit found in string".into())
        );
        assert_eq!(u64::MAX.to_text(), "18446744073709551615");
    }

    #[test]
    fn floats_use_xml_schema_spellings() {
        assert_eq!(read::<f64>("INF"), Ok(f64::INFINITY));
        assert_eq!(read::<f64>("+INF"), Ok(f64::INFINITY));
        assert_eq!(read::<f32>(" -INF "), Ok(f32::NEG_INFINITY));
        assert!(read::<f64>("NaN").unwrap().is_nan());
        for rust_only in ["inf", "infinity", "nan", "Infinity", "-inf"] {
            assert!(read::<f64>(rust_only).is_err(), "{rust_only}");
        }
        assert_eq!(read::<f64>("1e2"), Ok(100.0));
        assert_eq!(read::<f64>("-1.5E-3"), Ok(-0.0015));
        assert_eq!(read::<f64>(".5"), Ok(0.5));
        assert_eq!(f64::INFINITY.to_text(), "INF");
        assert_eq!(f64::NEG_INFINITY.to_text(), "-INF");
        assert_eq!(f32::NAN.to_text(), "NaN");
        assert_eq!(1e300f64.to_text(), "1e300");
        assert_eq!(2.5e-7f64.to_text(), "2.5e-7");
        assert_eq!((-0.25f64).to_text(), "-0.25");
        assert_eq!(0.0f64.to_text(), "0");
        for v in [1e300, 2.5e-7, -0.25, 123456.75, f64::MAX, f64::MIN_POSITIVE] {
            assert_eq!(read::<f64>(&v.to_text()), Ok(v));
        }
    }

    #[test]
    fn strings_are_exact() {
        assert_eq!(read::<String>("  a  b \n"), Ok("  a  b \n".to_string()));
    }
}
