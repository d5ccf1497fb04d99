//! The Exchange Web Services bindings, generated at build time from the full
//! EWS schema (`$EWS_SCHEMA_DIR`, default `../shared/ews/2023`) with open
//! enumerations, for `benches/finditem.rs`. Not published, not documented,
//! not unit-tested: it is the generator's output on a real-world schema,
//! which `codegen/tests/ews.rs` tests. [`finditem`] makes the document the
//! benches read.

pub mod finditem;

/// The generated modules: `messages`, `types` and the support module `xsd`.
///
/// Left out under `cfg(test)`: the lib has no tests (`test = false`), but
/// `cargo clippy --all-targets` checks it in test mode all the same, which
/// would check the 86,000 generated lines a second time.
#[cfg(not(test))]
// The enum of a type and the types derived from it (chosen by `xsi:type`)
// holds the declared type unboxed beside its boxed derivations: some of
// those are a few hundred bytes (`FolderType`, say). (A choice's large
// alternatives are boxed.)
#[allow(clippy::large_enum_variant)]
pub mod generated {
    include!(concat!(env!("OUT_DIR"), "/messages.rs"));
}

#[cfg(not(test))]
pub use generated::*;
