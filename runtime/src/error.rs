//! The one error type of reading and writing: what went wrong, and where.

use std::fmt;

use crate::limits::LimitExceeded;

/// The result of reading or writing.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// What went wrong reading or writing a document, and where: the path of
/// child elements from the value being read down to the problem.
///
/// `Display` gives the path, then the message, each part followed by `: `
/// (`GetCallInfoResponse: CallState: unknown UMCallState value "Ringing", ...`);
/// [`Error::path`] gives the path alone, as `/GetCallInfoResponse/CallState`.
///
/// One pointer wide: what it holds is boxed, so that a `Result<()>` or a
/// `Result` of a small value is returned in registers, not through memory
/// (every reader and writer returns one; errors are the rare case).
pub struct Error {
    inner: Box<Inner>,
}

struct Inner {
    kind: ErrorKind,
    /// The elements the error is inside, innermost first.
    path: Vec<Box<str>>,
}

impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Error")
            .field("kind", &self.inner.kind)
            .field("path", &self.inner.path)
            .finish()
    }
}

/// What kind of error, with its details.
#[derive(Debug)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The bytes are not well-formed XML (truncated, bad encoding, a tag
    /// that does not close, ...), as the XML parser reports it.
    Syntax(String),
    /// The document is well formed but does not fit the schema: a missing
    /// required element or attribute, an element in the wrong place, a
    /// wrong number of occurrences.
    Content(String),
    /// An element holds an element where only text is allowed.
    TextOnly {
        /// The local name of the element found inside.
        found: String,
    },
    /// A value does not parse as its type (`"maybe" is not a boolean`).
    Value(String),
    /// The document went over one of the reader's [`Limits`](crate::Limits).
    Limit(LimitExceeded),
    /// The document has a document type declaration, which the reader refuses.
    Dtd,
    /// The output could not be written, or a value cannot be written as XML.
    Write(String),
}

impl Error {
    /// An error of kind `kind`, at no path yet.
    pub fn new(kind: ErrorKind) -> Self {
        Error {
            inner: Box::new(Inner {
                kind,
                path: Vec::new(),
            }),
        }
    }

    /// A [`ErrorKind::Content`] error.
    pub fn content(message: impl fmt::Display) -> Self {
        Self::new(ErrorKind::Content(message.to_string()))
    }

    /// A [`ErrorKind::Value`] error.
    pub fn value(message: impl fmt::Display) -> Self {
        Self::new(ErrorKind::Value(message.to_string()))
    }

    /// A [`ErrorKind::Syntax`] error.
    pub fn syntax(message: impl fmt::Display) -> Self {
        Self::new(ErrorKind::Syntax(message.to_string()))
    }

    /// A [`ErrorKind::Write`] error.
    pub fn write(message: impl fmt::Display) -> Self {
        Self::new(ErrorKind::Write(message.to_string()))
    }

    /// The error, inside the element `name` (its local name): called by
    /// each enclosing reader on the way out, so the path ends up complete.
    #[must_use]
    pub fn at(mut self, name: &str) -> Self {
        self.inner.path.push(name.into());
        self
    }

    /// What kind of error.
    pub fn kind(&self) -> &ErrorKind {
        &self.inner.kind
    }

    /// The path of the element where it happened, from the value read:
    /// `/GetCallInfoResponse/CallState` (empty at the value itself).
    pub fn path(&self) -> String {
        self.inner
            .path
            .iter()
            .rev()
            .fold(String::new(), |mut path, name| {
                path.push('/');
                path.push_str(name);
                path
            })
    }

    /// The elements of the path, outermost first.
    pub fn path_elements(&self) -> impl Iterator<Item = &str> {
        self.inner.path.iter().rev().map(|name| &**name)
    }

    /// Whether the XML itself is at fault (not well formed), rather than
    /// what it says.
    pub fn is_syntax(&self) -> bool {
        matches!(self.inner.kind, ErrorKind::Syntax(_))
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for name in self.inner.path.iter().rev() {
            write!(f, "{name}: ")?;
        }
        match &self.inner.kind {
            ErrorKind::Syntax(message)
            | ErrorKind::Content(message)
            | ErrorKind::Value(message)
            | ErrorKind::Write(message) => f.write_str(message),
            ErrorKind::TextOnly { found } => match self.inner.path.first() {
                Some(inside) => write!(f, "<{inside}> holds text only, found element <{found}>"),
                None => write!(f, "the element holds text only, found element <{found}>"),
            },
            ErrorKind::Limit(limit) => write!(f, "document refused: {limit}"),
            ErrorKind::Dtd => {
                f.write_str("document refused: a document type declaration (DTD) is not allowed")
            }
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match &self.inner.kind {
            ErrorKind::Limit(limit) => Some(limit),
            _ => None,
        }
    }
}

impl From<LimitExceeded> for Error {
    fn from(limit: LimitExceeded) -> Self {
        Error::new(ErrorKind::Limit(limit))
    }
}

impl From<crate::values::InvalidValue> for Error {
    fn from(e: crate::values::InvalidValue) -> Self {
        Error::value(e)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_error_is_one_pointer_so_a_result_of_nothing_is_returned_in_registers() {
        assert_eq!(size_of::<Error>(), size_of::<usize>());
        assert_eq!(size_of::<Result<()>>(), size_of::<usize>());
    }

    #[test]
    fn the_path_reads_from_the_outside_in() {
        let e = Error::value("\"Ringing\" is no state")
            .at("CallState")
            .at("GetCallInfoResponse");
        assert_eq!(
            e.to_string(),
            "GetCallInfoResponse: CallState: \"Ringing\" is no state"
        );
        assert_eq!(e.path(), "/GetCallInfoResponse/CallState");
        assert_eq!(
            e.path_elements().collect::<Vec<_>>(),
            ["GetCallInfoResponse", "CallState"]
        );
        assert!(!e.is_syntax());
    }

    #[test]
    fn text_only_names_the_element_it_is_in() {
        let e = Error::new(ErrorKind::TextOnly { found: "b".into() }).at("CallId");
        assert_eq!(
            e.to_string(),
            "CallId: <CallId> holds text only, found element <b>"
        );
        let e = Error::new(ErrorKind::TextOnly { found: "b".into() });
        assert_eq!(
            e.to_string(),
            "the element holds text only, found element <b>"
        );
    }
}
