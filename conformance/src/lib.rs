//! The conformance runner's pieces: the W3C XML Schema test suite's valid
//! cases and the real-world schema sets, each schema generated (in child
//! processes), compiled many to a crate, and its documents read, written
//! back, compared and read again; tables by set and stage, and the failures
//! grouped by cause; and the suite's invalid NIST instances, which the
//! generated code must reject (by reading or by `validate()`).
//!
//! The command is `cargo run --release -p conformance -- w3c` (or
//! `real-world`); see the README's "Conformance" section.

pub mod batch;
pub mod cases;
pub mod causes;
pub mod generate;
pub mod glue;
pub mod invalid;
pub mod pipeline;
pub mod process;
pub mod realworld;
pub mod report;
pub mod validity;
pub mod w3c;
