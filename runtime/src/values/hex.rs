//! `xs:hexBinary`.

use super::common::invalid_value;
use super::{InvalidValue, trim_xml};

/// An `xs:hexBinary` value: the bytes, written as two hexadecimal digits each.
///
/// Reading takes either case; `Display` writes upper case (the canonical
/// form): `item.hash = xsd::HexBinary(bytes).to_string()`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct HexBinary(pub ::std::vec::Vec<u8>);

impl ::std::str::FromStr for HexBinary {
    type Err = InvalidValue;

    fn from_str(text: &str) -> ::std::result::Result<Self, InvalidValue> {
        let digits = trim_xml(text).as_bytes();
        if digits.len() % 2 != 0 {
            return ::std::result::Result::Err(invalid_value(
                "hexBinary",
                text,
                "an odd number of hexadecimal digits",
            ));
        }
        digits
            .chunks(2)
            .map(|pair| {
                let high = char::from(pair[0]).to_digit(16);
                let low = char::from(pair[1]).to_digit(16);
                match (high, low) {
                    (::std::option::Option::Some(h), ::std::option::Option::Some(l)) => {
                        ::std::result::Result::Ok((h * 16 + l) as u8)
                    }
                    _ => ::std::result::Result::Err(invalid_value(
                        "hexBinary",
                        text,
                        "a character that is not a hexadecimal digit",
                    )),
                }
            })
            .collect::<::std::result::Result<_, _>>()
            .map(HexBinary)
    }
}

impl ::std::fmt::Display for HexBinary {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        for byte in &self.0 {
            write!(f, "{byte:02X}")?;
        }
        ::std::result::Result::Ok(())
    }
}
