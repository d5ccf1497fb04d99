//! Generates our bindings of the iDEAL merchant-acquirer schema
//! (`$REAL_WORLD_DIR/ideal_merchant_acquirer/schema.xsd`, default
//! `../shared/real-world` beside the checkout, which imports the XML
//! signature schema) into `$OUT_DIR/ideal.rs`, with xsd-codegen, for the
//! iDEAL bench (the UM and EWS bindings are those of `um-bindings` and
//! `ews-bench`).

use std::path::PathBuf;

fn main() {
    println!("cargo:rerun-if-env-changed=REAL_WORLD_DIR");
    let dir = std::env::var_os("REAL_WORLD_DIR").map_or_else(
        || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/real-world"),
        PathBuf::from,
    );
    let dir = dir.join("ideal_merchant_acquirer");
    let root = dir.join("schema.xsd");
    if !root.is_file() {
        eprintln!(
            "error: peers-bench needs the iDEAL schema, and {} is not there.\n\
             Set REAL_WORLD_DIR (default: ../shared/real-world beside the checkout).",
            root.display()
        );
        std::process::exit(1);
    }
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut config = xsd_codegen::Config::new();
    config.cargo_directives(false).file_name("ideal.rs");
    if let Err(errors) = config.compile(&[root]) {
        eprintln!("{errors}");
        std::process::exit(1);
    }
}
