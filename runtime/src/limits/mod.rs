//! Limits on what a reader accepts: [`Limits`], and the byte-level guard
//! that enforces them in front of a parser that cannot ([`Guard`]).
//!
//! The fast backend counts as it parses; xml-rs (yaserde's parser) cannot
//! be told most of these bounds, so [`Guard`] sits between the caller's
//! `Read` and it. The guard reads in chunks (so a socket is not read byte
//! by byte), counts the bytes, and runs a small tokenizer over each chunk
//! *before* handing any of it on: tags, attribute values, comments, CDATA
//! sections and processing instructions, enough to know the element depth,
//! the number of elements and attributes, and the length of names and
//! text. It refuses a document type declaration outright (SOAP 1.1, section
//! 3: "A SOAP message MUST NOT contain a Document Type Declaration"; no
//! entity is ever declared, expanded or fetched), and any NUL byte, which
//! no XML document may hold and which every UTF-16 or UTF-32 document
//! does: the guarded reader accepts UTF-8 (and other ASCII-compatible
//! encodings), in which the bytes of `<`, `>`, quotes, `!`, `?`, `-` and
//! `]` always mean what the tokenizer takes them to mean.
//!
//! The tokenizer only ever refuses input; the parser still checks that the
//! document is well formed.

mod guard;
mod scanner;

use std::fmt;

pub use guard::Guard;

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
/// use xsd_runtime::Limits;
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

impl Limits {
    /// No limit at all: for documents that are trusted (they were written
    /// by this program, or come from a file the user chose), never for
    /// what comes from the network.
    pub const fn unlimited() -> Self {
        Limits {
            max_document_len: usize::MAX,
            max_depth: usize::MAX,
            max_text_len: usize::MAX,
            max_attributes: usize::MAX,
            max_elements: usize::MAX,
            max_name_len: usize::MAX,
            max_namespaces: usize::MAX,
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

/// Why a guard or a reader refused the input, before any XML parser saw it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Violation {
    /// One of the [`Limits`].
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
