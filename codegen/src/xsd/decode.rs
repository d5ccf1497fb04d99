//! A schema file's bytes to text, in the encoding the file says it has: a
//! byte order mark, else the `encoding` of the XML declaration, else UTF-8
//! (XML 1.0, appendix F).

use encoding_rs::{DecoderResult, Encoding, UTF_8, UTF_16BE, UTF_16LE};

/// Why a file's bytes are not text.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct DecodeError {
    /// What is wrong.
    pub message: String,
    /// Where, in the text decoded so far (line and column from 1), when
    /// it is a byte sequence that is wrong.
    pub position: Option<(u32, u32)>,
}

/// Decodes `bytes`, strictly: a byte sequence that is not valid in the
/// file's encoding is an error (naming the encoding and where it stands),
/// never replaced.
pub(crate) fn decode(bytes: &[u8]) -> Result<String, DecodeError> {
    let (encoding, bom) = match Encoding::for_bom(bytes) {
        Some((encoding, bom)) => (encoding, bom),
        None => (
            sniff(bytes).map_err(|message| DecodeError {
                message,
                position: None,
            })?,
            0,
        ),
    };
    let mut rest = &bytes[bom..];
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let mut text = String::new();
    loop {
        let needed = decoder
            .max_utf8_buffer_length_without_replacement(rest.len())
            .unwrap_or(rest.len().saturating_mul(3));
        text.reserve(needed.max(4));
        let (result, read) = decoder.decode_to_string_without_replacement(rest, &mut text, true);
        rest = &rest[read..];
        match result {
            DecoderResult::InputEmpty => return Ok(text),
            DecoderResult::OutputFull => continue,
            DecoderResult::Malformed(..) => {
                let line = text.matches('\n').count() + 1;
                let column = text.rsplit('\n').next().unwrap_or("").chars().count() + 1;
                let clamp = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
                return Err(DecodeError {
                    message: format!("the file is not valid {}", encoding.name()),
                    position: Some((clamp(line), clamp(column))),
                });
            }
        }
    }
}

/// The encoding of a file without a byte order mark: UTF-16 when its first
/// characters are `<?` in UTF-16, else what its XML declaration says.
fn sniff(bytes: &[u8]) -> Result<&'static Encoding, String> {
    if bytes.starts_with(&[0x3C, 0x00, 0x3F, 0x00]) {
        return Ok(UTF_16LE);
    }
    if bytes.starts_with(&[0x00, 0x3C, 0x00, 0x3F]) {
        return Ok(UTF_16BE);
    }
    if bytes.starts_with(&[0x00, 0x00, 0x00, 0x3C]) || bytes.starts_with(&[0x3C, 0x00, 0x00, 0x00])
    {
        return Err("the file is in UTF-32, which is not supported".into());
    }
    let Some(label) = declared_encoding(bytes) else {
        return Ok(UTF_8);
    };
    match Encoding::for_label(label.as_bytes()) {
        // A declaration of UTF-16 in a file that reads as ASCII (its first
        // bytes are `<?xml` one byte each) is a mislabelled UTF-8 file: read
        // it as such, as libxml2 does.
        Some(e) if e == UTF_16LE || e == UTF_16BE => Ok(UTF_8),
        Some(e) => Ok(e),
        None => Err(format!("unknown encoding `{label}` in the XML declaration")),
    }
}

/// The `encoding` pseudo-attribute of the XML declaration at the start of
/// `bytes`, read as ASCII.
fn declared_encoding(bytes: &[u8]) -> Option<String> {
    let head = bytes.strip_prefix(b"<?xml")?;
    let end = head.windows(2).position(|w| w == b"?>")?;
    let declaration = std::str::from_utf8(&head[..end]).ok()?;
    let (_, rest) = declaration.split_once("encoding")?;
    let rest = rest.trim_start().strip_prefix('=')?.trim_start();
    let quote = rest.chars().next().filter(|c| *c == '"' || *c == '\'')?;
    let value = &rest[1..];
    Some(value[..value.find(quote)?].to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16(text: &str, big_endian: bool, bom: bool) -> Vec<u8> {
        let mut out = Vec::new();
        let units = bom.then_some(0xFEFF).into_iter().chain(text.encode_utf16());
        for unit in units {
            if big_endian {
                out.extend(unit.to_be_bytes());
            } else {
                out.extend(unit.to_le_bytes());
            }
        }
        out
    }

    const XML: &str = "<?xml version=\"1.0\" encoding=\"UTF-16\"?><a>é€</a>";

    #[test]
    fn utf16_with_and_without_a_byte_order_mark() {
        for big_endian in [false, true] {
            for bom in [false, true] {
                let bytes = utf16(XML, big_endian, bom);
                assert_eq!(decode(&bytes).as_deref(), Ok(XML), "{big_endian} {bom}");
            }
        }
    }

    #[test]
    fn utf8_with_a_byte_order_mark_and_declared_encodings() {
        let mut bytes = vec![0xEF, 0xBB, 0xBF];
        bytes.extend("<a>é</a>".as_bytes());
        assert_eq!(decode(&bytes).as_deref(), Ok("<a>é</a>"));
        let latin1 = b"<?xml version='1.0' encoding='ISO-8859-1'?><a>\xE9</a>";
        assert_eq!(
            decode(latin1).as_deref(),
            Ok("<?xml version='1.0' encoding='ISO-8859-1'?><a>é</a>")
        );
        assert_eq!(decode(b"<a/>").as_deref(), Ok("<a/>"));
    }

    #[test]
    fn wrong_bytes_and_unknown_encodings_are_errors_mislabels_are_not() {
        assert_eq!(
            decode(b"<a>\n <b>\xE9</b></a>"),
            Err(DecodeError {
                message: "the file is not valid UTF-8".into(),
                position: Some((2, 5)),
            })
        );
        assert_eq!(
            decode(b"<?xml version='1.0' encoding='klingon'?><a/>"),
            Err(DecodeError {
                message: "unknown encoding `klingon` in the XML declaration".into(),
                position: None,
            })
        );
        // Mislabelled: the bytes are ASCII.
        assert_eq!(
            decode(b"<?xml version='1.0' encoding='UTF-16'?><a/>").as_deref(),
            Ok("<?xml version='1.0' encoding='UTF-16'?><a/>")
        );
    }
}
