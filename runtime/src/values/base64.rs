//! `xs:base64Binary`.

use super::InvalidValue;
use super::common::invalid_value;

/// An `xs:base64Binary` value: the bytes, written in base64.
///
/// Reading is strict (the base64 alphabet, `=` padding to a multiple of four,
/// no stray bits in the last character), but whitespace anywhere is allowed,
/// as XSD allows line breaks and spaces. `Display` writes one line with
/// padding: `item.data = xsd::Base64Binary(bytes).to_string()`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Base64Binary(pub ::std::vec::Vec<u8>);

const BASE64_ALPHABET: &[u8; 64] =
    b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

impl ::std::str::FromStr for Base64Binary {
    type Err = InvalidValue;

    fn from_str(text: &str) -> ::std::result::Result<Self, InvalidValue> {
        let fail = |reason: &str| invalid_value("base64Binary", text, reason);
        let chars: ::std::vec::Vec<u8> = text
            .bytes()
            .filter(|c| !matches!(c, b' ' | b'\t' | b'\r' | b'\n'))
            .collect();
        if chars.len() % 4 != 0 {
            return ::std::result::Result::Err(fail(
                "the length (without whitespace) is not a multiple of 4",
            ));
        }
        let mut bytes = ::std::vec::Vec::with_capacity(chars.len() / 4 * 3);
        let quads = chars.len() / 4;
        for (i, quad) in chars.chunks(4).enumerate() {
            let last = i + 1 == quads;
            let padding = quad.iter().rev().take_while(|&&c| c == b'=').count();
            if padding > 2 || (padding > 0 && !last) {
                return ::std::result::Result::Err(fail("`=` only pads the end, at most twice"));
            }
            let mut sextets = [0u8; 4];
            for (sextet, &c) in sextets.iter_mut().zip(&quad[..4 - padding]) {
                *sextet = match BASE64_ALPHABET.iter().position(|&a| a == c) {
                    ::std::option::Option::Some(p) => p as u8,
                    ::std::option::Option::None => {
                        return ::std::result::Result::Err(fail(
                            "a character outside the base64 alphabet",
                        ));
                    }
                };
            }
            let [a, b, c, d] = sextets;
            bytes.push((a << 2) | (b >> 4));
            match padding {
                0 => {
                    bytes.push((b << 4) | (c >> 2));
                    bytes.push((c << 6) | d);
                }
                1 if c & 0b11 == 0 => bytes.push((b << 4) | (c >> 2)),
                2 if b & 0b1111 == 0 => {}
                _ => {
                    return ::std::result::Result::Err(fail(
                        "the last character before `=` has bits set that encode nothing",
                    ));
                }
            }
        }
        ::std::result::Result::Ok(Base64Binary(bytes))
    }
}

impl ::std::fmt::Display for Base64Binary {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        let mut out = ::std::string::String::with_capacity(self.0.len().div_ceil(3) * 4);
        for chunk in self.0.chunks(3) {
            let b = [
                chunk[0],
                chunk.get(1).copied().unwrap_or(0),
                chunk.get(2).copied().unwrap_or(0),
            ];
            let sextets = [
                b[0] >> 2,
                ((b[0] & 0b11) << 4) | (b[1] >> 4),
                ((b[1] & 0b1111) << 2) | (b[2] >> 6),
                b[2] & 0b11_1111,
            ];
            for (i, s) in sextets.iter().enumerate() {
                out.push(if i <= chunk.len() {
                    char::from(BASE64_ALPHABET[usize::from(*s)])
                } else {
                    '='
                });
            }
        }
        f.write_str(&out)
    }
}
