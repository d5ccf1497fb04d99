//! The tests of `bad_input.rs`, read by xml-rs (through yaserde's reader):
//! both backends must give the same values and the same errors.

const BACKEND: um_bindings::soap::Backend = um_bindings::soap::Backend::XmlRs;

include!("bad_input/cases.rs");
