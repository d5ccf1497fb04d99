//! Generates the EWS bindings from `$EWS_SCHEMA_DIR/messages.xsd` (default
//! `../shared/ews/2023` beside the checkout) into `$OUT_DIR/messages.rs`,
//! with open enumerations, as `codegen/tests/ews.rs` does.

use std::path::PathBuf;

fn main() {
    println!("cargo:rerun-if-env-changed=EWS_SCHEMA_DIR");
    let dir = std::env::var_os("EWS_SCHEMA_DIR").map_or_else(
        || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/ews/2023"),
        PathBuf::from,
    );
    let root = dir.join("messages.xsd");
    if !root.is_file() {
        eprintln!(
            "error: ews-bench needs the EWS schema, and {} is not there.\n\
             Set EWS_SCHEMA_DIR to the directory holding messages.xsd and types.xsd \
             (default: ../shared/ews/2023 beside the checkout).",
            root.display()
        );
        std::process::exit(1);
    }
    // The whole directory: messages.xsd imports types.xsd.
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut config = xsd_codegen::Config::new();
    config.open_enums(true).cargo_directives(false);
    if let Err(errors) = config.compile(&[root]) {
        eprintln!("{errors}");
        std::process::exit(1);
    }
}
