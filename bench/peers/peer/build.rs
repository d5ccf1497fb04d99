//! Generates xsd-parser's quick-xml bindings into `$OUT_DIR`, from:
//!
//! - `schema/Messages.xsd`, the UM schema → `xsd_parser_um.rs`;
//! - `$REAL_WORLD_DIR/ideal_merchant_acquirer/schema.xsd` (default
//!   `../shared/real-world` beside the checkout), the iDEAL
//!   merchant-acquirer schema, which imports the XML signature schema →
//!   `xsd_parser_ideal.rs`;
//! - `$EWS_SCHEMA_DIR/messages.xsd` (default `../shared/ews/2023`), the EWS
//!   schema, which imports `types.xsd` → `xsd_parser_ews.rs`.
//!
//! One configuration for all three (see [`config`]); a file is written only
//! when its content changed.

use std::path::{Path, PathBuf};

use xsd_parser::config::{GeneratorFlags, OptimizerFlags, Schema};
use xsd_parser::models::ExplicitNaming;
use xsd_parser::{Config, generate};

/// The `xml` namespace's attributes EWS uses (`xml:lang`). EWS imports the
/// namespace without a `schemaLocation`, and xsd-parser knows no built-in
/// schema for it (it fails with `UnknownType(... "lang" ...)`), so it is given
/// this one.
const XML_NAMESPACE_XSD: &str = r#"<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"
           targetNamespace="http://www.w3.org/XML/1998/namespace">
  <xs:attribute name="lang" type="xs:language"/>
</xs:schema>"#;

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    let out_dir = PathBuf::from(std::env::var_os("OUT_DIR").expect("OUT_DIR"));
    let checkout = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../..");

    let um = checkout.join("schema/Messages.xsd");
    generate_file(
        &[Schema::File(existing(&um, "the UM schema", None))],
        &out_dir.join("xsd_parser_um.rs"),
    );

    let ideal =
        shared_dir(&checkout, "REAL_WORLD_DIR", "real-world").join("ideal_merchant_acquirer");
    generate_file(
        &[Schema::File(existing(
            &ideal.join("schema.xsd"),
            "the iDEAL schema",
            Some("REAL_WORLD_DIR"),
        ))],
        &out_dir.join("xsd_parser_ideal.rs"),
    );

    let ews = shared_dir(&checkout, "EWS_SCHEMA_DIR", "ews/2023");
    generate_file(
        &[
            Schema::NamedSchema("xml.xsd".into(), XML_NAMESPACE_XSD.into()),
            Schema::File(existing(
                &ews.join("messages.xsd"),
                "the EWS schema",
                Some("EWS_SCHEMA_DIR"),
            )),
        ],
        &out_dir.join("xsd_parser_ews.rs"),
    );
}

/// The configuration of every set: xsd-parser's quick-xml serializer (its
/// default: namespaces declared on the root) and deserializer, boxed (its
/// faster kind, in its own benchmark and here: unboxed, a deserializer moves
/// its whole state at every event, and EWS's `MessageType` has a hundred
/// fields), typedefs resolved and struct content flattened
/// (as xsd-parser's own tests and benchmark generate iDEAL), and two
/// settings without which EWS does not compile: names that keep every
/// postfix (`ExplicitNaming`: the default naming gives `t:EmailAddressType`
/// and the element `t:EmailAddress` the same name) and one module per
/// namespace (`USE_MODULES`: else `t:Duration` and `xs:duration` are both
/// `DurationType`). Types for every named schema type (`Generate::Named`,
/// the default), as our generator does.
fn config() -> Config {
    Config::default()
        .with_quick_xml_serialize()
        .with_quick_xml_deserialize_config(true)
        .with_naming(ExplicitNaming::new())
        .with_generator_flags(GeneratorFlags::USE_MODULES | GeneratorFlags::FLATTEN_STRUCT_CONTENT)
        .with_optimizer_flags(OptimizerFlags::RESOLVE_TYPEDEFS)
}

/// Generates the bindings of `schemas` into `out`, formatted, if it changed.
fn generate_file(schemas: &[Schema], out: &Path) {
    let mut config = config();
    config.parser.schemas.extend(schemas.iter().cloned());
    let code = generate(config).unwrap_or_else(|e| {
        eprintln!("error: xsd-parser cannot generate {}: {e}", out.display());
        std::process::exit(1);
    });
    let file = syn::parse2(code).expect("xsd-parser generates Rust");
    let text = prettyplease::unparse(&file);
    if std::fs::read_to_string(out).ok().as_deref() != Some(&text) {
        std::fs::write(out, text).expect("writable OUT_DIR");
    }
}

/// A directory of reference data: `$var`, else `default` in `../shared`.
fn shared_dir(checkout: &Path, var: &str, default: &str) -> PathBuf {
    println!("cargo:rerun-if-env-changed={var}");
    std::env::var_os(var).map_or_else(|| checkout.join("../shared").join(default), PathBuf::from)
}

/// `path`, which must exist; its directory (where its imports are) is
/// watched for changes.
fn existing(path: &Path, what: &str, var: Option<&str>) -> PathBuf {
    let Ok(path) = path.canonicalize() else {
        eprintln!(
            "error: peers-bench needs {what}, and {} is not there.",
            path.display()
        );
        if let Some(var) = var {
            eprintln!(
                "Set {var} to the directory that holds it (default: in ../shared beside the checkout)."
            );
        }
        std::process::exit(1);
    };
    println!(
        "cargo:rerun-if-changed={}",
        path.parent().expect("a file in a directory").display()
    );
    path
}
