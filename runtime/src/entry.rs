//! The entry points: a document read from bytes, a string or a reader, and
//! written to a string, bytes or a writer, with the fast backend ([`quick`](crate::quick)).

use std::io;

use crate::Root;
use crate::error::{Error, Result};
use crate::quick::{QuickSource, ReadOptions};
use crate::write::{Output, Writer};

/// Reads a document from `xml` (UTF-8) as a `T`: one of `T`'s root
/// elements, and nothing else, within [`Limits::default`](crate::Limits);
/// content the schema does not allow is an error ([`ReadOptions::default`]).
///
/// ```ignore
/// let request: Disconnect = xsd_runtime::from_slice(bytes)?;
/// let any: Document = xsd_runtime::from_slice(bytes)?;
/// ```
pub fn from_slice<T: Root>(xml: &[u8]) -> Result<T> {
    from_slice_with(xml, &ReadOptions::default())
}

/// [`from_slice`], with other limits, or unknown content skipped (without
/// a word: [`from_slice_skipping`] says what it skipped).
pub fn from_slice_with<T: Root>(xml: &[u8], options: &ReadOptions) -> Result<T> {
    let mut source = QuickSource::new(xml, *options)?;
    crate::read::document(&mut source)
}

/// [`from_slice_with`], skipping content the schema does not allow
/// (elements and attributes a newer schema added, say), and saying what it
/// skipped.
///
/// ```
/// # struct Doc;
/// # impl xsd_runtime::ReadXml for Doc {
/// #     fn read_xml<S: xsd_runtime::Source>(source: &mut S) -> xsd_runtime::Result<Self> {
/// #         xsd_runtime::read::children(source, &[], |source, _| xsd_runtime::read::unknown(source))?;
/// #         Ok(Doc)
/// #     }
/// # }
/// # impl xsd_runtime::WriteXml for Doc {
/// #     fn write_xml(&self, _: &mut dyn xsd_runtime::Sink) -> xsd_runtime::Result<()> {
/// #         Ok(())
/// #     }
/// # }
/// # impl xsd_runtime::Element for Doc {
/// #     const NAMESPACE: &'static str = "";
/// #     const LOCAL_NAME: &'static str = "Doc";
/// # }
/// let xml = b"<Doc><New/><New/></Doc>";
/// assert!(xsd_runtime::from_slice::<Doc>(xml).is_err());
/// let (_doc, skipped) =
///     xsd_runtime::from_slice_skipping::<Doc>(xml, &Default::default()).unwrap();
/// assert_eq!((skipped.count, skipped.names[0].as_str()), (2, "New"));
/// ```
pub fn from_slice_skipping<T: Root>(
    xml: &[u8],
    options: &ReadOptions,
) -> Result<(T, crate::read::Skipped)> {
    let options = ReadOptions {
        unknown: crate::UnknownContent::Skip,
        ..*options
    };
    let mut source = QuickSource::new(xml, options)?;
    let value = crate::read::document(&mut source)?;
    Ok((value, source.skipped_content()))
}

/// [`from_slice`], from a string.
pub fn from_str<T: Root>(xml: &str) -> Result<T> {
    from_slice(xml.as_bytes())
}

/// [`from_slice_with`], from a string.
pub fn from_str_with<T: Root>(xml: &str, options: &ReadOptions) -> Result<T> {
    from_slice_with(xml.as_bytes(), options)
}

/// [`from_slice`], from a reader: its bytes are read first (at most one
/// more than the limits' `max_document_len`), then parsed.
pub fn from_reader<T: Root>(reader: impl io::Read) -> Result<T> {
    from_reader_with(reader, &ReadOptions::default())
}

/// [`from_reader`], with other limits, or unknown content refused.
pub fn from_reader_with<T: Root>(reader: impl io::Read, options: &ReadOptions) -> Result<T> {
    let bytes = read_bounded(reader, options.limits.max_document_len)?;
    from_slice_with(&bytes, options)
}

/// The bytes of `reader`, at most `max + 1` of them (one more than is
/// allowed tells that the document is too long).
pub(crate) fn read_bounded(reader: impl io::Read, max: usize) -> Result<Vec<u8>> {
    let mut bytes = Vec::new();
    let limit = u64::try_from(max).unwrap_or(u64::MAX).saturating_add(1);
    io::Read::read_to_end(&mut io::Read::take(reader, limit), &mut bytes)
        .map_err(|e| Error::syntax(format!("cannot read the document: {e}")))?;
    Ok(bytes)
}

/// Writes `value` as a document (its root element, no XML declaration).
pub fn to_string<T: Root>(value: &T) -> Result<String> {
    // Room for a small document, so that it is not grown from nothing.
    let mut writer = Writer::new(String::with_capacity(512));
    crate::write::root(&mut writer, value)?;
    Ok(writer.into_inner())
}

/// [`to_string`], as UTF-8 bytes.
pub fn to_vec<T: Root>(value: &T) -> Result<Vec<u8>> {
    to_string(value).map(String::into_bytes)
}

/// Writes `value` as a document to `writer`, as it is made (through a
/// buffer of 8 KiB).
pub fn to_writer<T: Root>(writer: impl io::Write, value: &T) -> Result<()> {
    let mut out = IoOutput {
        inner: writer,
        buf: String::new(),
    };
    let mut w = Writer::new(&mut out);
    crate::write::root(&mut w, value)?;
    out.flush()
}

/// An [`Output`] to an `io::Write`, through a buffer.
struct IoOutput<W: io::Write> {
    inner: W,
    buf: String,
}

impl<W: io::Write> IoOutput<W> {
    fn flush(&mut self) -> Result<()> {
        self.inner
            .write_all(self.buf.as_bytes())
            .and_then(|()| self.inner.flush())
            .map_err(Error::write)?;
        self.buf.clear();
        Ok(())
    }
}

impl<W: io::Write> Output for IoOutput<W> {
    fn write_str(&mut self, text: &str) -> Result<()> {
        self.buf.push_str(text);
        if self.buf.len() >= 8 * 1024 {
            self.inner
                .write_all(self.buf.as_bytes())
                .map_err(Error::write)?;
            self.buf.clear();
        }
        Ok(())
    }
}
