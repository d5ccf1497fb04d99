//! xsd-parser's bindings, generated into `OUT_DIR` by `build.rs`: one module
//! per namespace in each (`m`, `t`, `ds`, ...; the iDEAL namespace, which
//! the schema gives no prefix, at the top), plus their serializers and
//! deserializers. Its code, not ours: its warnings are not ours to fix.

#![allow(warnings, clippy::all, missing_docs)]

/// `schema/Messages.xsd`: the UM requests and responses (module `m`).
pub mod um {
    include!(concat!(env!("OUT_DIR"), "/xsd_parser_um.rs"));
}

/// The iDEAL merchant-acquirer schema and the XML signature schema it
/// imports (module `ds`).
pub mod ideal {
    include!(concat!(env!("OUT_DIR"), "/xsd_parser_ideal.rs"));
}

/// The EWS 2023 schema: `messages.xsd` (module `m`) and `types.xsd` (`t`).
pub mod ews {
    include!(concat!(env!("OUT_DIR"), "/xsd_parser_ews.rs"));
}
