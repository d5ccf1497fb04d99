//! Errors of every stage, each with the `file:line:col` of the construct it is about.

use std::fmt;
use std::path::PathBuf;
use std::sync::Arc;

/// Where a construct stands in a schema file: `file:line:col`, 1-based.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Location {
    /// The schema file, as it was given to the generator.
    pub file: Arc<PathBuf>,
    /// Line, counted from 1.
    pub line: u32,
    /// Column (in characters), counted from 1.
    pub column: u32,
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}", self.file.display(), self.line, self.column)
    }
}

/// An error of the parse stage: the schema file could not be read as XSD.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ParseError {
    /// The file could not be read.
    #[error("{}: cannot read schema: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// Why it could not be read.
        source: std::io::Error,
    },
    /// A file named by `xs:import` or `xs:include` does not exist.
    #[error("{location}: cannot find {}, named by this import or include", path.display())]
    MissingFile {
        /// Where the import or include stands.
        location: Location,
        /// The file it names, resolved against the naming file.
        path: PathBuf,
    },
    /// The file's bytes are not text in the encoding it declares (or in
    /// UTF-8, when it declares none).
    #[error("{location}: cannot decode schema: {message}")]
    Encoding {
        /// Where the bytes that are wrong start (the file's start for a
        /// declaration naming an unknown encoding).
        location: Location,
        /// What is wrong, naming the encoding.
        message: String,
    },
    /// The file is not well-formed XML.
    #[error("{location}: malformed XML: {message}")]
    Xml {
        /// Where the XML parser stopped.
        location: Location,
        /// The XML parser's message.
        message: String,
    },
    /// A construct the generator does not support (yet): never dropped silently.
    #[error("{location}: unsupported construct `{construct}`: {detail}")]
    Unsupported {
        /// Where it stands.
        location: Location,
        /// The construct, as written (`xs:choice`, `attribute nillable on xs:element`).
        construct: String,
        /// What the generator would need, or what to do instead.
        detail: String,
    },
    /// A construct that breaks the rules of XSD.
    #[error("{location}: invalid `{construct}`: {message}")]
    Invalid {
        /// Where it stands.
        location: Location,
        /// The construct, as written.
        construct: String,
        /// What is wrong with it.
        message: String,
    },
}

/// Something the generator says about a schema short of an error: what it
/// went on without (an import whose document is missing).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Warning {
    /// Where the construct stands.
    pub location: Location,
    /// What is the matter, and what follows.
    pub message: String,
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.location, self.message)
    }
}

/// An error of the resolve stage: the schema reads as XSD but does not hang together.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ResolveError {
    /// A `type`, `base` or `ref` names nothing the schema set defines.
    #[error("{location}: unresolved reference to `{name}` in {construct}")]
    UnresolvedType {
        /// Where the reference stands.
        location: Location,
        /// The construct holding the reference (`element CallId`).
        construct: String,
        /// The name as written, `{namespace}local`.
        name: String,
    },
    /// Two global definitions of the same kind share a name.
    #[error("{location}: duplicate definition of {kind} `{name}` (first defined at {first})")]
    Duplicate {
        /// Where the second definition stands.
        location: Location,
        /// `element`, `complexType` or `simpleType`.
        kind: &'static str,
        /// The name.
        name: String,
        /// Where the first definition stands.
        first: Location,
    },
    /// A construct the generator does not support (yet).
    #[error("{location}: unsupported construct `{construct}`: {detail}")]
    Unsupported {
        /// Where it stands.
        location: Location,
        /// The construct.
        construct: String,
        /// What the generator would need.
        detail: String,
    },
    /// A facet whose value its type cannot have (a bound that is not a
    /// value of the type, a pattern that is no regular expression), or
    /// that its type does not have (`maxLength` of an `xs:int`).
    #[error("{location}: invalid facet `{facet}`: {message}")]
    InvalidFacet {
        /// Where the facet stands.
        location: Location,
        /// The facet (`xs:maxInclusive`).
        facet: String,
        /// What is wrong with it.
        message: String,
    },
}

impl ResolveError {
    /// Where the error is.
    pub fn location(&self) -> &Location {
        match self {
            ResolveError::UnresolvedType { location, .. }
            | ResolveError::Duplicate { location, .. }
            | ResolveError::Unsupported { location, .. }
            | ResolveError::InvalidFacet { location, .. } => location,
        }
    }
}

/// An error of the emit or format stage. These mean a bug in the generator, not in the schema.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum EmitError {
    /// The emitted tokens are not valid Rust.
    #[error("internal error: generated code does not parse as Rust: {0}")]
    InvalidRust(String),
}

/// Any error of the generator.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// Reading the schema files.
    #[error(transparent)]
    Parse(#[from] ParseError),
    /// Tying the schema together.
    #[error(transparent)]
    Resolve(#[from] ResolveError),
    /// Writing Rust.
    #[error(transparent)]
    Emit(#[from] EmitError),
    /// A configuration value the generator cannot use.
    #[error("invalid configuration: {0}")]
    Config(String),
    /// Writing the output file.
    #[error("{}: cannot write output: {source}", path.display())]
    Output {
        /// The output file.
        path: PathBuf,
        /// Why it could not be written.
        source: std::io::Error,
    },
}

/// Every error of a run, in the order found. A run reports all of them, not only the first.
#[derive(Debug)]
pub struct Errors(pub Vec<Error>);

impl Errors {
    /// The errors, in the order found.
    pub fn iter(&self) -> std::slice::Iter<'_, Error> {
        self.0.iter()
    }

    /// How many errors there are.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether there are none (never true for an `Errors` returned by the generator).
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl fmt::Display for Errors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, error) in self.0.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "error: {error}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Errors {}

impl<E: Into<Error>> From<Vec<E>> for Errors {
    fn from(errors: Vec<E>) -> Self {
        Errors(errors.into_iter().map(Into::into).collect())
    }
}

impl From<Error> for Errors {
    fn from(error: Error) -> Self {
        Errors(vec![error])
    }
}
