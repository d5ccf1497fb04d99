//! Documents the bindings must refuse, each with an error that names the
//! problem: wrong body element or namespace, missing or malformed content,
//! truncated XML, SOAP faults, and things that are not one envelope.
//!
//! Read by quick-xml, the default; `bad_input_xmlrs.rs` runs the same tests
//! read by xml-rs.

const BACKEND: um_bindings::soap::Backend = um_bindings::soap::Backend::Quick;

include!("bad_input/cases.rs");
