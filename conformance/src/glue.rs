//! The code of the batch crates: how the runner calls generated code.
//!
//! ```text
//! ==================================================================
//!  THE GLUE. Everything the runner knows about the generated code's
//!  API is in MODULE and DOCUMENT below: read an instance into the
//!  schema's `Document` (the enum of its global elements) through the
//!  runtime crate, write it back to a string. A change of the runtime's
//!  API changes these two templates (and `DEPENDENCIES`), nothing else.
//! ==================================================================
//! ```
//!
//! [`DRIVER`] (the batch's `main.rs`) only calls each module's `read` and
//! `write` through [`dispatch`].

/// A generated file as a module of the batch crate: `{path}` is the
/// generated file's absolute path. Errors in it are found by its file name.
pub const MODULE: &str = r#"// A module of the batch crate: one generated schema.
#[allow(warnings, clippy::all)]
mod generated {
    include!("{path}");
}
"#;

/// Appended to [`MODULE`] when the schema has a global element (so the
/// generated code has `Document`): reading and writing a document.
pub const DOCUMENT: &str = r#"
// ---- GLUE into the generated code: the only place that names its API ----
/// The document: the schema's enum of global elements, with the schema
/// location hints of the root.
pub type Document = xsd_runtime::Instance<generated::Document>;

/// Reads a document with both backends (quick-xml and xml-rs), which must
/// agree; no limits, and a DOCTYPE read past (the suite's documents are
/// trusted; MusicXML's all have one).
pub fn read(xml: &str) -> Result<Document, String> {
    let options = xsd_runtime::ReadOptions {
        limits: xsd_runtime::Limits::unlimited(),
        doctype: xsd_runtime::Doctype::Ignore,
        ..Default::default()
    };
    let quick = xsd_runtime::from_str_with::<Document>(xml, &options);
    let xml_rs = xsd_runtime::xmlrs::from_str_options::<Document>(xml, &options);
    match (quick, xml_rs) {
        (Ok(a), Ok(b)) if crate::same(&a, &b) => Ok(a),
        (Ok(_), Ok(_)) => Err("the backends read different values (quick-xml, xml-rs)".into()),
        (Err(e), Err(_)) => Err(e.to_string()),
        (Ok(_), Err(e)) => Err(format!("only quick-xml reads it; xml-rs: {e}")),
        (Err(e), Ok(_)) => Err(format!("only xml-rs reads it; quick-xml: {e}")),
    }
}

/// Writes a document, with an XML declaration and no indentation.
pub fn write(document: &Document) -> Result<String, String> {
    let body = xsd_runtime::to_string(document).map_err(|e| e.to_string())?;
    Ok(format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?>{body}"))
}

/// Validates a document read (its facets, lexical forms, counts) by the
/// rules of `version` of XSD: its violations, the first three of them with
/// their paths.
pub fn validate(document: &Document, version: xsd_runtime::XsdVersion) -> Result<(), String> {
    use xsd_runtime::Validate;
    document.validate_as(version).map_err(|violations| {
        let first: Vec<String> = violations.iter().take(3).map(|v| v.to_string()).collect();
        format!("{} violations: {}", violations.len(), first.join("; "))
    })
}
// ---- end of the glue ----
"#;

/// The dependencies of a batch crate, as `Cargo.toml` lines: the runtime
/// the generated code needs, and testkit and roxmltree (for the tree
/// comparison). `{runtime}` and `{testkit}` are their directories.
pub const DEPENDENCIES: &str = r#"xsd-runtime = { path = "{runtime}" }
testkit = { path = "{testkit}" }
roxmltree = "0.21"
"#;

/// The module file of batch module `id`.
pub fn module_source(generated: &std::path::Path, has_document: bool) -> String {
    let path = generated.display().to_string().replace('\\', "/");
    let mut text = MODULE.replace("{path}", &path);
    if has_document {
        text.push_str(DOCUMENT);
    }
    text
}

/// The `match` arms of the driver's dispatch: each module with a document
/// is run through the driver's round trip.
pub fn dispatch(modules_with_document: &[usize]) -> String {
    let mut arms = String::new();
    for id in modules_with_document {
        arms.push_str(&format!(
            "        {id} => round_trip(xml, version, c{id}::read, c{id}::write, c{id}::validate),\n"
        ));
    }
    format!(
        "fn dispatch(module: usize, version: xsd_runtime::XsdVersion, xml: &str) -> Outcome {{\n    match module {{\n{arms}        _ => Outcome::fail(\"read\", \"the schema declares no global element\".into()),\n    }}\n}}\n"
    )
}

/// The batch crate's `main.rs`: module declarations and [`dispatch`] are
/// appended. Reads `module<TAB>version<TAB>instance[<TAB>written]` lines
/// (`version`: `1.0` or `1.1`, whose rules validation follows) on standard
/// input and prints `index<TAB>stage<TAB>validation<TAB>message` for each
/// (`index`: the line's number), where stage is `ok` or the stage that
/// failed: `input`, `read`, `write`, `compare`, `reread`, `unequal` (the
/// document read back differs), `panic`; and validation what `validate()`
/// said of the value read: `valid`, `invalid: <violations>`, or `-` when
/// nothing was read. With `written`, the document it wrote is saved there
/// (for the validity check).
pub const DRIVER: &str = r#"//! A batch of generated schemas, compiled together; reads and writes instance documents.
#![allow(warnings, clippy::all)]

use std::io::{BufRead, Write};

struct Outcome {
    stage: &'static str,
    message: String,
    validation: String,
    /// The document written, when writing succeeded.
    written: Option<String>,
}

impl Outcome {
    fn fail(stage: &'static str, message: String) -> Self {
        Outcome { stage, message, validation: "-".into(), written: None }
    }

    fn validated(mut self, validation: &str) -> Self {
        self.validation = validation.to_string();
        self
    }
}

const XSI: &str = "http://www.w3.org/2001/XMLSchema-instance";

/// The document's text: UTF-8, or UTF-16 with a byte order mark; without
/// a UTF-8 byte order mark.
fn decode(bytes: &[u8]) -> Result<String, String> {
    let text = match bytes {
        [0xFE, 0xFF, rest @ ..] | [0xFF, 0xFE, rest @ ..] => {
            let big = bytes[0] == 0xFE;
            let units: Vec<u16> = rest
                .chunks_exact(2)
                .map(|c| if big { u16::from_be_bytes([c[0], c[1]]) } else { u16::from_le_bytes([c[0], c[1]]) })
                .collect();
            String::from_utf16(&units).map_err(|e| format!("not UTF-16: {e}"))?
        }
        _ => String::from_utf8(bytes.to_vec()).map_err(|_| "the instance is not UTF-8 or UTF-16".to_string())?,
    };
    Ok(text.strip_prefix('\u{feff}').map(str::to_string).unwrap_or(text))
}

/// Whether two values read are the same: equal, or (a float `NaN`, which
/// `==` never finds equal to itself, standing for itself) alike to the last
/// digit and text kept.
pub fn same<D: PartialEq + std::fmt::Debug>(a: &D, b: &D) -> bool {
    a == b || format!("{a:?}") == format!("{b:?}")
}

fn round_trip<D: PartialEq + std::fmt::Debug>(
    xml: &str,
    version: xsd_runtime::XsdVersion,
    read: fn(&str) -> Result<D, String>,
    write: fn(&D) -> Result<String, String>,
    validate: fn(&D, xsd_runtime::XsdVersion) -> Result<(), String>,
) -> Outcome {
    let first = match read(xml) {
        Ok(d) => d,
        Err(e) => return Outcome::fail("read", e),
    };
    let validation = match validate(&first, version) {
        Ok(()) => "valid".to_string(),
        Err(e) => format!("invalid: {e}"),
    };
    let validation = validation.as_str();
    let written = match write(&first) {
        Ok(w) => w,
        Err(e) => return Outcome::fail("write", e).validated(validation),
    };
    if testkit::xml_tree_eq(xml, &written).is_err() {
        // The instance's schema location hints: lost alone, or with more?
        let hints = [(XSI, "schemaLocation"), (XSI, "noNamespaceSchemaLocation")];
        let message = match testkit::xml_tree_eq_ignoring(xml, &written, &hints) {
            Ok(()) => {
                let doc = roxmltree::Document::parse(xml).ok();
                let root = doc.as_ref().map(|d| d.root_element());
                let lost: Vec<&str> = hints
                    .iter()
                    .filter(|(ns, local)| root.is_some_and(|r| r.has_attribute((*ns, *local))))
                    .map(|(_, local)| *local)
                    .collect();
                format!("attribute xsi:{} lost", lost.join(", xsi:"))
            }
            Err(other) => format!("written differs: {other}"),
        };
        return Outcome { written: Some(written), ..Outcome::fail("compare", message).validated(validation) };
    }
    let second = match read(&written) {
        Ok(d) => d,
        Err(e) => return Outcome { written: Some(written), ..Outcome::fail("reread", e).validated(validation) },
    };
    if !same(&first, &second) {
        return Outcome {
            written: Some(written),
            ..Outcome::fail("unequal", "the written document reads back to a different value".into())
                .validated(validation)
        };
    }
    Outcome { written: Some(written), ..Outcome::fail("ok", String::new()).validated(validation) }
}

thread_local! {
    static PANIC: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
}

fn run_case(module: usize, version: xsd_runtime::XsdVersion, path: &str) -> Outcome {
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => return Outcome::fail("input", format!("cannot read the instance: {e}")),
    };
    let xml = match decode(&bytes) {
        Ok(x) => x,
        Err(e) => return Outcome::fail("input", e),
    };
    match std::panic::catch_unwind(|| dispatch(module, version, &xml)) {
        Ok(outcome) => outcome,
        Err(_) => Outcome::fail("panic", PANIC.with(|p| p.borrow().clone())),
    }
}

fn main() {
    std::panic::set_hook(Box::new(|info| {
        let message = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_default();
        PANIC.with(|p| *p.borrow_mut() = format!("panicked: {message}"));
    }));
    // Deep documents: a large stack, as a reader thread might be given.
    let worker = std::thread::Builder::new()
        .stack_size(256 << 20)
        .spawn(|| {
            let stdout = std::io::stdout();
            for (index, line) in std::io::stdin().lock().lines().enumerate() {
                let line = line.expect("stdin");
                let mut fields = line.split('\t');
                let module = fields.next().expect("module");
                let version = match fields.next().expect("module<TAB>version") {
                    "1.1" => xsd_runtime::XsdVersion::V1_1,
                    _ => xsd_runtime::XsdVersion::V1_0,
                };
                let path = fields.next().expect("module<TAB>version<TAB>path");
                let outcome = run_case(module.parse().expect("module number"), version, path);
                if let (Some(out), Some(written)) = (fields.next(), &outcome.written) {
                    std::fs::write(out, written).expect("the written document saved");
                }
                let message = outcome.message.replace(['\n', '\r', '\t'], " ");
                let validation = outcome.validation.replace(['\n', '\r', '\t'], " ");
                let mut out = stdout.lock();
                writeln!(out, "{index}\t{}\t{validation}\t{message}", outcome.stage).expect("stdout");
                out.flush().expect("stdout");
            }
        })
        .expect("a thread");
    worker.join().expect("the worker");
}
"#;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn module_includes_the_file_and_adds_the_glue_only_with_a_document() {
        let path = std::path::Path::new("/t/gen/c7.rs");
        let plain = module_source(path, false);
        assert!(plain.contains(r#"include!("/t/gen/c7.rs");"#), "{plain}");
        assert!(!plain.contains("xsd::Document"));
        assert!(module_source(path, true).contains("xsd_runtime::Instance<generated::Document>"));
    }

    #[test]
    fn dispatch_has_one_arm_per_module_with_a_document() {
        let d = dispatch(&[3, 12]);
        assert!(d.contains("3 => round_trip(xml, version, c3::read, c3::write, c3::validate),"));
        assert!(
            d.contains("12 => round_trip(xml, version, c12::read, c12::write, c12::validate),")
        );
        assert_eq!(d.matches("=> round_trip").count(), 2);
    }
}
