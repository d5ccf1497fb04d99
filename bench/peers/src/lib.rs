//! Our bindings beside the fastest Rust peer, xsd-parser 1.5's quick-xml
//! bindings, reading and writing the same documents, beside the floors of a
//! bare event loop. See `benches/` for the groups, and the project's README
//! ("Benchmarks") for how to run them.
//!
//! - [`peer`]: the code xsd-parser generates at build time (the crate
//!   `xsd-parser-peer` in `peer/`) from the UM schema, the iDEAL
//!   merchant-acquirer schema and the EWS schema;
//! - [`documents`]: the bytes every subject reads;
//! - [`subjects`]: each set of bindings as a [`subjects::Codec`] that reads
//!   and writes a document, checked before it is measured;
//! - [`floors`]: the bare event loops.

pub mod documents;
pub mod floors;
pub mod subjects;

pub use peer;
