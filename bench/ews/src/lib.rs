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
// Seven choice enums hold one alternative of a few kilobytes (a whole
// `CalendarItemType`, say) beside small ones; the generator does not box them.
#[allow(clippy::large_enum_variant)]
pub mod generated {
    include!(concat!(env!("OUT_DIR"), "/messages.rs"));
}

#[cfg(not(test))]
pub use generated::*;
