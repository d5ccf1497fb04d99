//! Limits on what the envelope reader accepts, and the guard that enforces
//! them on the raw bytes before the XML parser sees them.
//!
//! The guard sits between the caller's `Read` and xml-rs. It reads in chunks
//! (so a socket is not read byte by byte), counts the bytes, and runs a small
//! tokenizer over each chunk *before* handing any of it on: tags, attribute
//! values, comments, CDATA sections and processing instructions, enough to
//! know the element depth, the number of elements and attributes, and the
//! length of names and text. It refuses a document type declaration outright
//! (SOAP 1.1, section 3: "A SOAP message MUST NOT contain a Document Type
//! Declaration"), and any NUL byte, which no XML document may hold and which
//! every UTF-16 or UTF-32 document does: the reader accepts UTF-8 (and other
//! ASCII-compatible encodings), in which the bytes of `<`, `>`, quotes, `!`,
//! `?`, `-` and `]` always mean what the tokenizer takes them to mean.
//!
//! The tokenizer only ever refuses input; the parser still checks that the
//! document is well formed. The parser's own limits are set from the same
//! [`Limits`] (with a margin, so the guard's typed error comes first), as a
//! second line of defence.

use std::cell::Cell;
use std::fmt;
use std::io::{self, Read};
use std::rc::Rc;

use yaserde::__xml::reader::ParserConfig;

/// Bounds on the documents the reader accepts: each is checked as the bytes
/// arrive, so a document over a limit is refused after reading at most one
/// chunk (8 KiB) past the point where it went over, never read whole.
///
/// The defaults are generous for the UM web service, whose largest message
/// is well under a kilobyte, and keep the memory a hostile document can make
/// the reader use to a few times `max_document_len`. Change a few with
/// struct update syntax:
///
/// ```
/// use um_bindings::soap::Limits;
///
/// let limits = Limits { max_document_len: 64 << 20, ..Limits::default() };
/// assert_eq!(limits.max_depth, Limits::default().max_depth);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Limits {
    /// Bytes in the whole document. Default: 4 MiB.
    pub max_document_len: usize,
    /// Elements open at once, the envelope included. Default: 64.
    pub max_depth: usize,
    /// Bytes in one run of character data (text, CDATA, comments and
    /// processing instructions between two tags), and in one attribute
    /// value, as written (before entities are replaced). Default: 1 MiB.
    pub max_text_len: usize,
    /// Attributes (namespace declarations included) on one element.
    /// Default: 32.
    pub max_attributes: usize,
    /// Elements in the whole document. Default: 10,000.
    pub max_elements: usize,
    /// Bytes in one element or attribute name (prefix included), and in one
    /// namespace URI. Default: 1,024.
    pub max_name_len: usize,
    /// Namespace declarations (`xmlns` and `xmlns:*` attributes) in scope at
    /// once: on an element and all its ancestors. Default: 32.
    ///
    /// The parser hands each element a copy of every namespace in scope, so
    /// this (with `max_name_len`) bounds the work per element.
    pub max_namespaces: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_document_len: 4 << 20,
            max_depth: 64,
            max_text_len: 1 << 20,
            max_attributes: 32,
            max_elements: 10_000,
            max_name_len: 1024,
            max_namespaces: 32,
        }
    }
}

/// Which of the [`Limits`] a document went over.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Limit {
    /// [`Limits::max_document_len`].
    DocumentLength,
    /// [`Limits::max_depth`].
    Depth,
    /// [`Limits::max_text_len`].
    TextLength,
    /// [`Limits::max_attributes`].
    Attributes,
    /// [`Limits::max_elements`].
    Elements,
    /// [`Limits::max_name_len`].
    NameLength,
    /// [`Limits::max_namespaces`].
    Namespaces,
}

impl Limit {
    /// The name of the [`Limits`] field.
    pub const fn field(self) -> &'static str {
        match self {
            Limit::DocumentLength => "max_document_len",
            Limit::Depth => "max_depth",
            Limit::TextLength => "max_text_len",
            Limit::Attributes => "max_attributes",
            Limit::Elements => "max_elements",
            Limit::NameLength => "max_name_len",
            Limit::Namespaces => "max_namespaces",
        }
    }
}

/// A document went over one of the [`Limits`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct LimitExceeded {
    /// The limit.
    pub limit: Limit,
    /// Its value.
    pub max: usize,
}

impl fmt::Display for LimitExceeded {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let max = self.max;
        match self.limit {
            Limit::DocumentLength => write!(f, "the document is longer than {max} bytes"),
            Limit::Depth => write!(f, "elements are nested more than {max} deep"),
            Limit::TextLength => write!(
                f,
                "a text, comment or attribute value is longer than {max} bytes"
            ),
            Limit::Attributes => write!(f, "an element has more than {max} attributes"),
            Limit::Elements => write!(f, "the document has more than {max} elements"),
            Limit::NameLength => {
                write!(f, "a name or namespace URI is longer than {max} bytes")
            }
            Limit::Namespaces => write!(
                f,
                "more than {max} namespace declarations are in scope at once"
            ),
        }?;
        write!(f, " (Limits::{})", self.limit.field())
    }
}

impl std::error::Error for LimitExceeded {}

/// Why the guard refused the input.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Violation {
    Limit(LimitExceeded),
    /// `<!DOCTYPE` (or any other `<!` markup declaration).
    Dtd,
    /// A NUL byte, at this offset.
    Nul(u64),
}

impl fmt::Display for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Violation::Limit(e) => e.fmt(f),
            Violation::Dtd => f.write_str("document type declaration"),
            Violation::Nul(offset) => write!(f, "NUL byte at offset {offset}"),
        }
    }
}

/// The xml-rs configuration: yaserde's own (CDATA as text, comments
/// dropped) except that text keeps its whitespace (an `xs:string` value is
/// read exactly as written), with the parser's limits set from `limits`.
pub(crate) fn parser_config(limits: &Limits) -> ParserConfig {
    // A margin over the guard's limits, so that the guard, which counts the
    // same things or more, always speaks first with a typed error.
    let margin = |n: usize| n.saturating_mul(2).saturating_add(16);
    ParserConfig::new()
        .trim_whitespace(false)
        .whitespace_to_characters(true)
        .cdata_to_characters(true)
        .ignore_comments(true)
        .coalesce_characters(true)
        .max_attributes(margin(limits.max_attributes))
        .max_attribute_length(margin(limits.max_text_len))
        .max_data_length(margin(limits.max_text_len))
        .max_name_length(margin(limits.max_name_len))
        // No DTD gets through the guard, so no entity can be declared; in
        // case one did, it may not expand.
        .max_entity_expansion_length(0)
        .max_entity_expansion_depth(0)
}

/// What the tokenizer is in the middle of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum State {
    /// Character data (or the prolog, or after the root element).
    Text,
    /// Just after `<`.
    Open,
    /// In a start tag, outside attribute values.
    StartTag,
    /// In an attribute value quoted with this byte; `true` in a namespace
    /// declaration's.
    Value(u8, bool),
    /// In an end tag.
    EndTag,
    /// In a processing instruction (or the XML declaration); `true` just after a `?`.
    Pi(bool),
    /// Just after `<!`.
    Bang,
    /// Just after `<!-`.
    CommentOpen,
    /// In a comment, with this many `-` just before.
    Comment(u8),
    /// Matching `<![CDATA[`: this many bytes of `CDATA[` matched.
    CdataOpen(u8),
    /// In a CDATA section, with this many `]` just before.
    Cdata(u8),
}

/// The byte-level tokenizer: counts what the limits bound, across chunks.
#[derive(Debug)]
struct Scanner {
    limits: Limits,
    state: State,
    /// Offset of the next byte.
    offset: u64,
    depth: usize,
    elements: usize,
    /// Attributes of the current start tag.
    attributes: usize,
    /// Bytes of character data since the last tag, or of the current attribute value.
    text: usize,
    /// Bytes of the name being read.
    name: usize,
    /// The last byte of the current start tag outside attribute values.
    last: u8,
    /// How much of the current attribute name matches `xmlns` (see [`XMLNS`]).
    xmlns: u8,
    /// Namespace declarations on the current start tag.
    tag_namespaces: usize,
    /// Namespace declarations on each open element.
    namespaces: Vec<usize>,
    /// Namespace declarations in scope.
    in_scope: usize,
}

/// `Scanner::xmlns` after `xmlns` (a default namespace declaration), after
/// `xmlns:` (a prefixed one), and once the name cannot be either.
const XMLNS: u8 = 5;
const XMLNS_PREFIXED: u8 = 6;
const NOT_XMLNS: u8 = u8::MAX;

impl Scanner {
    fn new(limits: Limits) -> Self {
        Scanner {
            limits,
            state: State::Text,
            offset: 0,
            depth: 0,
            elements: 0,
            attributes: 0,
            text: 0,
            name: 0,
            last: 0,
            xmlns: NOT_XMLNS,
            tag_namespaces: 0,
            namespaces: Vec::new(),
            in_scope: 0,
        }
    }

    fn over(&self, limit: Limit) -> Violation {
        let max = match limit {
            Limit::DocumentLength => self.limits.max_document_len,
            Limit::Depth => self.limits.max_depth,
            Limit::TextLength => self.limits.max_text_len,
            Limit::Attributes => self.limits.max_attributes,
            Limit::Elements => self.limits.max_elements,
            Limit::NameLength => self.limits.max_name_len,
            Limit::Namespaces => self.limits.max_namespaces,
        };
        Violation::Limit(LimitExceeded { limit, max })
    }

    /// Counts one more byte of character data.
    #[inline]
    fn text_byte(&mut self) -> Result<(), Violation> {
        self.text += 1;
        if self.text > self.limits.max_text_len {
            return Err(self.over(Limit::TextLength));
        }
        Ok(())
    }

    /// Counts one more byte of a name, or ends the name on a delimiter.
    #[inline]
    fn name_byte(&mut self, byte: u8) -> Result<(), Violation> {
        if is_delimiter(byte) {
            self.name = 0;
        } else {
            self.name += 1;
            if self.name > self.limits.max_name_len {
                return Err(self.over(Limit::NameLength));
            }
        }
        Ok(())
    }

    /// A tag ended: a new run of character data begins.
    fn tag_end(&mut self) {
        self.state = State::Text;
        self.text = 0;
    }

    fn scan(&mut self, chunk: &[u8]) -> Result<(), Violation> {
        let mut rest = chunk;
        while let Some((&byte, tail)) = rest.split_first() {
            // Most bytes are in runs of text, attribute values or names:
            // take a run at once, and only the bytes that end it one by one.
            let run = match self.state {
                State::Text => self.text_run(rest, b'<')?,
                State::Value(quote, false) => self.text_run(rest, quote)?,
                State::Value(quote, true) => self.uri_run(rest, quote)?,
                State::StartTag | State::EndTag => self.name_run(rest)?,
                State::Comment(0) => self.text_run(rest, b'-')?,
                State::Pi(false) => self.text_run(rest, b'?')?,
                State::Cdata(0) => self.text_run(rest, b']')?,
                _ => 0,
            };
            if run > 0 {
                rest = &rest[run..];
                continue;
            }
            rest = tail;
            self.step(byte)?;
        }
        Ok(())
    }

    /// Counts the character data at the start of `bytes`, up to `stop` (or a
    /// NUL), and returns its length.
    #[inline]
    fn text_run(&mut self, bytes: &[u8], stop: u8) -> Result<usize, Violation> {
        let run = bytes
            .iter()
            .position(|&b| b == stop || b == 0)
            .unwrap_or(bytes.len());
        self.offset += run as u64;
        self.text = self.text.saturating_add(run);
        if self.text > self.limits.max_text_len {
            return Err(self.over(Limit::TextLength));
        }
        Ok(run)
    }

    /// Counts the bytes of a namespace URI at the start of `bytes`, up to
    /// `quote` (or a NUL), and returns how many there are.
    #[inline]
    fn uri_run(&mut self, bytes: &[u8], quote: u8) -> Result<usize, Violation> {
        let run = bytes
            .iter()
            .position(|&b| b == quote || b == 0)
            .unwrap_or(bytes.len());
        self.offset += run as u64;
        // A namespace URI is copied to every element in its scope.
        self.name = self.name.saturating_add(run);
        if self.name > self.limits.max_name_len {
            return Err(self.over(Limit::NameLength));
        }
        Ok(run)
    }

    /// Counts the name bytes at the start of `bytes`, in a tag, and returns
    /// how many there are.
    #[inline]
    fn name_run(&mut self, bytes: &[u8]) -> Result<usize, Violation> {
        let run = bytes
            .iter()
            .position(|&b| is_delimiter(b) || matches!(b, b'"' | b'\'' | b'<' | 0))
            .unwrap_or(bytes.len());
        if run == 0 {
            return Ok(0);
        }
        if self.state == State::StartTag {
            // Follow an attribute name against `xmlns:` (the first 6 bytes tell).
            for (at, &byte) in (self.name..).zip(&bytes[..run.min(XMLNS_PREFIXED.into())]) {
                self.xmlns = match (at, self.xmlns) {
                    (0, _) if byte == b'x' => 1,
                    (0, _) => NOT_XMLNS,
                    (_, m) if m < XMLNS && byte == b"xmlns"[usize::from(m)] => m + 1,
                    (_, XMLNS) if byte == b':' => XMLNS_PREFIXED,
                    (_, XMLNS_PREFIXED) => XMLNS_PREFIXED,
                    _ => NOT_XMLNS,
                };
            }
            self.last = bytes[run - 1];
        }
        self.offset += run as u64;
        self.name = self.name.saturating_add(run);
        if self.name > self.limits.max_name_len {
            return Err(self.over(Limit::NameLength));
        }
        Ok(run)
    }

    /// Takes one byte, in any state.
    #[inline]
    fn step(&mut self, byte: u8) -> Result<(), Violation> {
        if byte == 0 {
            return Err(Violation::Nul(self.offset));
        }
        self.offset += 1;
        match self.state {
            State::Text => {
                if byte == b'<' {
                    self.state = State::Open;
                } else {
                    self.text_byte()?;
                }
            }
            State::Open => match byte {
                b'/' => {
                    self.state = State::EndTag;
                    self.name = 0;
                }
                b'?' => self.state = State::Pi(false),
                b'!' => self.state = State::Bang,
                _ => {
                    self.elements += 1;
                    if self.elements > self.limits.max_elements {
                        return Err(self.over(Limit::Elements));
                    }
                    self.state = State::StartTag;
                    self.attributes = 0;
                    self.tag_namespaces = 0;
                    self.xmlns = NOT_XMLNS;
                    self.name = 0;
                    self.last = byte;
                    self.name_byte(byte)?;
                }
            },
            State::StartTag => match byte {
                b'"' | b'\'' => {
                    self.attributes += 1;
                    if self.attributes > self.limits.max_attributes {
                        return Err(self.over(Limit::Attributes));
                    }
                    let declaration = matches!(self.xmlns, XMLNS | XMLNS_PREFIXED);
                    if declaration {
                        self.tag_namespaces += 1;
                        self.in_scope += 1;
                        if self.in_scope > self.limits.max_namespaces {
                            return Err(self.over(Limit::Namespaces));
                        }
                    }
                    self.state = State::Value(byte, declaration);
                    self.text = 0;
                    self.last = byte;
                    self.xmlns = NOT_XMLNS;
                }
                b'>' => {
                    // `<a/>` opens and closes: it still counts as one level.
                    if self.depth >= self.limits.max_depth {
                        return Err(self.over(Limit::Depth));
                    }
                    if self.last == b'/' {
                        self.in_scope = self.in_scope.saturating_sub(self.tag_namespaces);
                    } else {
                        self.depth += 1;
                        self.namespaces.push(self.tag_namespaces);
                    }
                    self.tag_end();
                }
                _ => {
                    // A delimiter, or `<` (malformed): name bytes come in runs.
                    if !is_delimiter(byte) {
                        self.xmlns = NOT_XMLNS;
                    }
                    self.name_byte(byte)?;
                    if !byte.is_ascii_whitespace() {
                        self.last = byte;
                    }
                }
            },
            State::Value(quote, declaration) => {
                if byte == quote {
                    self.state = State::StartTag;
                    self.name = 0;
                } else if declaration {
                    // A namespace URI is copied to every element in its scope.
                    self.name += 1;
                    if self.name > self.limits.max_name_len {
                        return Err(self.over(Limit::NameLength));
                    }
                } else {
                    self.text_byte()?;
                }
            }
            State::EndTag => {
                if byte == b'>' {
                    self.depth = self.depth.saturating_sub(1);
                    let closed = self.namespaces.pop().unwrap_or(0);
                    self.in_scope = self.in_scope.saturating_sub(closed);
                    self.tag_end();
                } else {
                    self.name_byte(byte)?;
                }
            }
            State::Pi(question) => {
                self.text_byte()?;
                self.state = match byte {
                    b'>' if question => State::Text,
                    b'?' => State::Pi(true),
                    _ => State::Pi(false),
                };
            }
            State::Bang => match byte {
                b'-' => self.state = State::CommentOpen,
                b'[' => self.state = State::CdataOpen(0),
                // <!DOCTYPE, <!ENTITY, <!ELEMENT, <!ATTLIST, <!NOTATION.
                _ => return Err(Violation::Dtd),
            },
            // Anything else is malformed: the parser will say so, and
            // the tokenizer goes on as if it were text.
            State::CommentOpen => {
                self.state = if byte == b'-' {
                    State::Comment(0)
                } else {
                    State::Text
                }
            }
            State::Comment(dashes) => {
                self.text_byte()?;
                self.state = match byte {
                    b'>' if dashes >= 2 => State::Text,
                    b'-' => State::Comment(dashes.saturating_add(1)),
                    _ => State::Comment(0),
                };
            }
            State::CdataOpen(matched) => {
                self.state = if byte == b"CDATA["[usize::from(matched)] {
                    if matched == 5 {
                        State::Cdata(0)
                    } else {
                        State::CdataOpen(matched + 1)
                    }
                } else {
                    State::Text
                };
            }
            State::Cdata(brackets) => {
                self.text_byte()?;
                self.state = match byte {
                    b'>' if brackets >= 2 => State::Text,
                    b']' => State::Cdata(brackets.saturating_add(1)),
                    _ => State::Cdata(0),
                };
            }
        }
        Ok(())
    }
}

/// Whether `byte` ends a name in a tag.
#[inline]
fn is_delimiter(byte: u8) -> bool {
    matches!(byte, b' ' | b'\t' | b'\r' | b'\n' | b'=' | b'/' | b'>')
}

/// The size of the guard's chunks: the first is small (most SOAP messages
/// are, and a buffer is zeroed when made); each one the input fills doubles
/// the next, up to `CHUNK`.
const FIRST_CHUNK: usize = 512;
const CHUNK: usize = 8 * 1024;

/// A `Read` that hands on the bytes of `inner` only once they have passed
/// the [`Scanner`]; on a violation it records it in `violation` (for the
/// envelope reader to report) and fails with an I/O error.
pub(crate) struct Guard<R> {
    inner: R,
    buf: Box<[u8]>,
    /// The part of `buf` scanned and not yet handed on.
    start: usize,
    end: usize,
    /// Bytes read from `inner`.
    total: usize,
    scanner: Scanner,
    violation: Rc<Cell<Option<Violation>>>,
}

impl<R: Read> Guard<R> {
    pub(crate) fn new(inner: R, limits: &Limits, violation: Rc<Cell<Option<Violation>>>) -> Self {
        Guard {
            inner,
            buf: vec![0; FIRST_CHUNK].into_boxed_slice(),
            start: 0,
            end: 0,
            total: 0,
            scanner: Scanner::new(*limits),
            violation,
        }
    }

    fn fail(&self, violation: Violation) -> io::Error {
        self.violation.set(Some(violation));
        io::Error::new(io::ErrorKind::InvalidData, violation.to_string())
    }

    /// Reads and scans the next chunk; `false` at the end of the input.
    #[cold]
    fn refill(&mut self) -> io::Result<bool> {
        if let Some(violation) = self.violation.get() {
            return Err(self.fail(violation));
        }
        if self.end == self.buf.len() && self.buf.len() < CHUNK {
            self.buf = vec![0; self.buf.len() * 2].into_boxed_slice();
        }
        // Never read more than one byte past the document limit.
        let room = self
            .scanner
            .limits
            .max_document_len
            .saturating_sub(self.total)
            .saturating_add(1)
            .min(self.buf.len());
        let n = loop {
            match self.inner.read(&mut self.buf[..room]) {
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                result => break result?,
            }
        };
        self.total += n;
        if self.total > self.scanner.limits.max_document_len {
            return Err(self.fail(self.scanner.over(Limit::DocumentLength)));
        }
        if let Err(violation) = self.scanner.scan(&self.buf[..n]) {
            return Err(self.fail(violation));
        }
        self.start = 0;
        self.end = n;
        Ok(n > 0)
    }
}

impl<R: Read> Read for Guard<R> {
    #[inline]
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        // xml-rs reads one byte at a time: keep that path short.
        if self.start == self.end && !self.refill()? {
            return Ok(0);
        }
        if let [one] = out {
            *one = self.buf[self.start];
            self.start += 1;
            return Ok(1);
        }
        let n = out.len().min(self.end - self.start);
        out[..n].copy_from_slice(&self.buf[self.start..self.start + n]);
        self.start += n;
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scan(xml: &str, limits: Limits) -> Result<(), Violation> {
        Scanner::new(limits).scan(xml.as_bytes())
    }

    fn over(limit: Limit, max: usize) -> Result<(), Violation> {
        Err(Violation::Limit(LimitExceeded { limit, max }))
    }

    #[test]
    fn depth_counts_open_elements_only() {
        let limits = Limits {
            max_depth: 2,
            ..Limits::default()
        };
        assert_eq!(scan("<a><b/><b></b><b x='>'/></a>", limits), Ok(()));
        assert_eq!(scan("<a><b><c/></b></a>", limits), over(Limit::Depth, 2));
        assert_eq!(scan("<a><b><c>", limits), over(Limit::Depth, 2));
        // Markup in comments, CDATA, PIs and attribute values is not markup.
        let quiet = "<?pi <a><a>?><a><!-- <a><a> --><![CDATA[<a><a>]]><b c=\"<a>\" d='<a>'/></a>";
        assert_eq!(scan(quiet, limits), Ok(()));
    }

    #[test]
    fn text_runs_span_comments_and_cdata_but_not_tags() {
        let limits = Limits {
            max_text_len: 4,
            ..Limits::default()
        };
        assert_eq!(scan("<a>abcd</a><a>abcd</a>", limits), Ok(()));
        assert_eq!(scan("<a>abcde</a>", limits), over(Limit::TextLength, 4));
        assert_eq!(
            scan("<a>ab<!---->c</a>", limits),
            over(Limit::TextLength, 4)
        );
        assert_eq!(scan("<a x='abcd' y=\"abcd\"/>", limits), Ok(()));
        assert_eq!(scan("<a x='abcde'/>", limits), over(Limit::TextLength, 4));
    }

    #[test]
    fn attributes_elements_and_names() {
        let limits = Limits {
            max_attributes: 2,
            max_elements: 3,
            max_name_len: 3,
            ..Limits::default()
        };
        assert_eq!(scan("<a x='1' y=\"2\"/>", limits), Ok(()));
        assert_eq!(
            scan("<a x='1' y='2' z='3'/>", limits),
            over(Limit::Attributes, 2)
        );
        assert_eq!(scan("<a><b/><c/></a>", limits), Ok(()));
        assert_eq!(
            scan("<a><b/><c/><d/></a>", limits),
            over(Limit::Elements, 3)
        );
        assert_eq!(scan("<abc xyz='abcdef'></abc>", limits), Ok(()));
        assert_eq!(scan("<abcd/>", limits), over(Limit::NameLength, 3));
        assert_eq!(scan("<a wxyz='1'/>", limits), over(Limit::NameLength, 3));
        assert_eq!(scan("<a></abcd>", limits), over(Limit::NameLength, 3));
    }

    #[test]
    fn namespace_declarations_in_scope() {
        let limits = Limits {
            max_namespaces: 2,
            max_name_len: 8,
            ..Limits::default()
        };
        // Declarations leave scope with their element; other attributes,
        // and names that only start like `xmlns`, are not declarations.
        let xml = "<a xmlns='u' xmlns:p = \"u\"><b/><b xmlnsx='1' xml='2' x='3'/></a><c xmlns:q='u'/><c xmlns:q='u'/>";
        assert_eq!(scan(xml, limits), Ok(()));
        assert_eq!(
            scan(
                "<a xmlns='u'><b xmlns:p='u'><c xmlns:q='u'/></b></a>",
                limits
            ),
            over(Limit::Namespaces, 2)
        );
        assert_eq!(
            scan("<a xmlns:p='u' xmlns:q='u' xmlns:r='u'/>", limits),
            over(Limit::Namespaces, 2)
        );
        assert_eq!(scan("<a xmlns:p='urn:abcd'/>", limits), Ok(()));
        assert_eq!(
            scan("<a xmlns:p='urn:abcde'/>", limits),
            over(Limit::NameLength, 8)
        );
        assert_eq!(scan("<a p='urn:abcdefghij'/>", limits), Ok(()));
    }

    #[test]
    fn declarations_and_nul_are_refused() {
        let limits = Limits::default();
        assert_eq!(scan("<!DOCTYPE a><a/>", limits), Err(Violation::Dtd));
        assert_eq!(scan("<a><!ENTITY x 'y'></a>", limits), Err(Violation::Dtd));
        assert_eq!(scan("<a>\0</a>", limits), Err(Violation::Nul(3)));
        assert_eq!(scan("<!-- <!DOCTYPE a> --><a/>", limits), Ok(()));
    }

    #[test]
    fn state_carries_across_chunks() {
        let xml = "<?xml version='1.0'?><a x='1'><!-- c --><![CDATA[<b>]]><b/></a>";
        let limits = Limits {
            max_depth: 2,
            ..Limits::default()
        };
        let mut scanner = Scanner::new(limits);
        for byte in xml.as_bytes() {
            scanner.scan(std::slice::from_ref(byte)).unwrap();
        }
        assert_eq!(scanner.depth, 0);
        assert_eq!(scanner.elements, 2);
        assert_eq!(scanner.state, State::Text);
    }
}
