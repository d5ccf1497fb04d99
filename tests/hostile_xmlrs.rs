//! The tests of `hostile.rs`, read by xml-rs (through yaserde's reader):
//! both backends must give the same values and the same errors.

const BACKEND: um_bindings::soap::Backend = um_bindings::soap::Backend::XmlRs;

include!("hostile/cases.rs");
