//! Hostile input: documents built to crash the reader, exhaust its memory or
//! stall it. Each must give an error (or, where the document is valid, the
//! right value) quickly, on the test thread's default 2 MiB stack, and stop
//! reading the input as soon as it is over a limit.
//!
//! Big documents are generated as they are read (see [`Stream`]), and
//! [`Counted`] tells how much of them the reader pulled.
//!
//! Read by quick-xml, the default; `hostile_xmlrs.rs` runs the same tests
//! read by xml-rs.

const BACKEND: um_bindings::soap::Backend = um_bindings::soap::Backend::Quick;

include!("hostile/cases.rs");
