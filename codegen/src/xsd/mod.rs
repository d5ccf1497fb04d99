//! Stage 1, parse: XSD text to [`Schema`], the schema as written, with positions.
//!
//! This module knows XML Schema syntax and nothing of Rust. Every element and
//! attribute in the XSD namespace is either understood or reported as
//! [`ParseError::Unsupported`](crate::error::ParseError::Unsupported); nothing
//! is skipped silently. References (`type`, `ref`, `base`) are resolved to
//! qualified names here, but not looked up: that is the resolve stage's job.

mod builtin;
mod decode;
mod load;
mod model;
mod parse;
mod redefine;
mod visit;

pub use load::{LoadOptions, Loaded, load, load_with};
pub use model::*;
pub use parse::{parse, parse_file};

/// The XML Schema namespace.
pub const XS: &str = "http://www.w3.org/2001/XMLSchema";

/// The `xml:` namespace, bound in every document.
pub const XML: &str = "http://www.w3.org/XML/1998/namespace";

/// The XML Schema instance namespace: `xsi:type`, `xsi:nil`.
pub const XSI: &str = "http://www.w3.org/2001/XMLSchema-instance";
