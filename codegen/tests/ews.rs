//! The full Exchange Web Services schema, the generator's real-world proof:
//! generated with zero errors, compiled without warnings in a throwaway crate
//! under the target directory, and every example document round-tripped
//! through it (read, written, compared as XML trees, read again) and
//! validated; the invalid examples rejected (by reading, by `validate()` or
//! by the round trip), each with its cause.
//!
//! Reads `$EWS_SCHEMA_DIR` (default `../shared/ews/2023`) and
//! `$EWS_EXAMPLES_DIR` (default `../shared/ews/examples`); without them it
//! says so loudly and skips (under `CI` it fails). It takes a few minutes:
//! most of it is compiling the generated code (about 206,000 lines).

use std::path::{Path, PathBuf};
use std::process::Command;

/// The throwaway crate's `main`: reads every example envelope with the
/// generated `Document` (header elements and the body's element), through
/// the runtime's event source, validates what it read, writes it back with
/// the runtime's writer, compares, reads the written one again, and prints
/// one line per file: `valid|invalid <tab> file <tab> ok|error: ... <tab>
/// body <tab> header`, where body and header are what `validate()` says of
/// the body's element and the header's: `valid`, the violations (` | `
/// between them), or `-` when the envelope was not read.
const DRIVER: &str = r#"
use ews_roundtrip::generated::Document;
use xsd_runtime::read::is_whitespace;
use xsd_runtime::quick::QuickSource;
use xsd_runtime::xmlrs::{YaSource, parser_config};
use xsd_runtime::{Event, Limits, ReadOptions, ReadXml, Sink, Source, Validate, Writer};

const SOAP: &str = "http://schemas.xmlsoap.org/soap/envelope/";

#[derive(Debug, PartialEq)]
struct Envelope {
    header: Option<Vec<Document>>,
    body: Document,
    /// Text between the envelope's children (the docs elide with `…`), by
    /// the number of children before it.
    text: Vec<(usize, String)>,
}

fn read_children<S: Source>(source: &mut S) -> Result<Vec<Document>, String> {
    let mut out = Vec::new();
    loop {
        match source.next().map_err(|e| e.to_string())? {
            Event::Start if source.name() == (SOAP, "Fault") => return Err("a SOAP fault".into()),
            Event::Start => out.push(Document::read_xml(source).map_err(|e| e.to_string())?),
            Event::End => return Ok(out),
            Event::Text => {}
            Event::Eof => return Err("the document ends inside the envelope".into()),
        }
    }
}

/// Reads the envelope with both backends, which must agree.
fn read(xml: &str) -> Result<Envelope, String> {
    let mut de = yaserde::de::Deserializer::new(
        parser_config(&Limits::unlimited()).create_reader(xml.as_bytes()),
    );
    let by_xml_rs = read_from(&mut YaSource::document(&mut de));
    let options = ReadOptions { limits: Limits::unlimited(), ..Default::default() };
    let by_quick = QuickSource::new(xml.as_bytes(), options)
        .map_err(|e| e.to_string())
        .and_then(|mut source| read_from(&mut source));
    match (by_quick, by_xml_rs) {
        (Ok(a), Ok(b)) if a == b => Ok(a),
        (Ok(_), Ok(_)) => Err("the backends read different values".into()),
        (Err(a), Err(_)) => Err(a),
        (Ok(_), Err(e)) => Err(format!("only quick-xml reads it; xml-rs: {e}")),
        (Err(e), Ok(_)) => Err(format!("only xml-rs reads it; quick-xml: {e}")),
    }
}

fn read_from<S: Source>(source: &mut S) -> Result<Envelope, String> {
    let e = |e: xsd_runtime::Error| e.to_string();
    match source.next().map_err(e)? {
        Event::Start if source.name() == (SOAP, "Envelope") => {}
        other => return Err(format!("not a SOAP envelope: {other:?} {:?}", source.name())),
    }
    let mut header = None;
    let mut text = Vec::new();
    loop {
        match source.next().map_err(e)? {
            Event::Start if source.name() == (SOAP, "Header") => {
                header = Some(read_children(source)?);
            }
            Event::Start if source.name() == (SOAP, "Body") => {
                let mut body = read_children(source)?;
                if body.len() != 1 {
                    return Err(format!("{} elements in the body", body.len()));
                }
                return Ok(Envelope { header, body: body.remove(0), text });
            }
            Event::Text if is_whitespace(source.text()) => {}
            Event::Text => text.push((usize::from(header.is_some()), source.text().to_string())),
            other => return Err(format!("unexpected {other:?} in the envelope")),
        }
    }
}

fn write(envelope: &Envelope) -> Result<String, String> {
    let mut w = Writer::new(String::new());
    let mut write = || -> xsd_runtime::Result<()> {
        w.write_raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")?;
        w.start(SOAP, "Envelope", Some("soap"))?;
        let text = |w: &mut Writer<String>, at: usize| {
            for (_, t) in envelope.text.iter().filter(|(i, _)| *i == at) {
                w.text(t)?;
            }
            Ok::<(), xsd_runtime::Error>(())
        };
        text(&mut w, 0)?;
        if let Some(header) = &envelope.header {
            w.start(SOAP, "Header", Some("soap"))?;
            for doc in header {
                xsd_runtime::write::root(&mut w, doc)?;
            }
            w.end()?;
            text(&mut w, 1)?;
        }
        w.start(SOAP, "Body", Some("soap"))?;
        xsd_runtime::write::root(&mut w, &envelope.body)?;
        w.end()?;
        w.end()
    };
    write().map_err(|e| e.to_string())?;
    Ok(w.into_inner())
}

/// What `validate()` says of the body's element and of the header's.
fn validate(envelope: &Envelope) -> (String, String) {
    let text = |result: Result<(), Vec<xsd_runtime::facets::Violation>>| match result {
        Ok(()) => "valid".to_string(),
        Err(violations) => violations
            .iter()
            .map(|v| v.to_string().replace(['\n', '\t'], " "))
            .collect::<Vec<_>>()
            .join(" | "),
    };
    let header = envelope.header.iter().flatten().map(Validate::validate);
    let header: Result<(), Vec<_>> = header.fold(Ok(()), |all, one| match (all, one) {
        (Ok(()), one) => one,
        (Err(v), Ok(())) => Err(v),
        (Err(mut v), Err(w)) => {
            v.extend(w);
            Err(v)
        }
    });
    (text(envelope.body.validate()), text(header))
}

fn round_trip(xml: &str, validation: &mut (String, String)) -> Result<(), String> {
    let first = read(xml)?;
    *validation = validate(&first);
    let written = write(&first)?;
    testkit::xml_tree_eq(xml, &written).map_err(|d| format!("written differs: {d}"))?;
    let second = read(&written).map_err(|e| format!("written does not read back: {e}"))?;
    if first != second {
        return Err("read back differently".into());
    }
    Ok(())
}

fn main() {
    // `ews-roundtrip FILE.xml --show` prints what one document is written as.
    if std::env::args().nth(2).as_deref() == Some("--show") {
        let xml = std::fs::read_to_string(std::env::args().nth(1).unwrap()).unwrap();
        match read(&xml).and_then(|e| write(&e)) {
            Ok(written) => println!("{written}"),
            Err(e) => println!("error: {e}"),
        }
        return;
    }
    let examples = std::path::PathBuf::from(std::env::args().nth(1).expect("examples dir"));
    for kind in ["valid", "invalid"] {
        let mut files: Vec<_> = std::fs::read_dir(examples.join(kind))
            .expect("examples dir")
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "xml"))
            .collect();
        files.sort();
        for file in files {
            let xml = std::fs::read_to_string(&file).unwrap_or_default();
            let mut validation = ("-".to_string(), "-".to_string());
            let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                round_trip(&xml, &mut validation)
            }))
            .unwrap_or_else(|_| Err("panicked".into()));
            let status = match result {
                Ok(()) => "ok".to_string(),
                Err(e) => format!("error: {}", e.replace(['\n', '\t'], " ")),
            };
            let (body, header) = validation;
            println!(
                "{kind}\t{}\t{status}\t{body}\t{header}",
                file.file_name().unwrap().to_string_lossy()
            );
        }
    }
}
"#;

fn write_crate(root: &Path, code: &str) -> PathBuf {
    let manifest_dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    let testkit = manifest_dir.join("../testkit");
    let runtime = manifest_dir.join("../runtime");
    std::fs::create_dir_all(root.join("src")).unwrap();
    let manifest = format!(
        "[package]\nname = \"ews-roundtrip\"\nversion = \"0.0.0\"\nedition = \"2024\"\npublish = false\n\n\
         [dependencies]\nyaserde = \"0.13.2\"\nxsd-runtime = {{ path = {:?} }}\n\
         testkit = {{ path = {:?} }}\n\n[workspace]\n",
        runtime.display().to_string(),
        testkit.display().to_string()
    );
    let write = |path: PathBuf, content: &str| {
        xsd_codegen::write_if_changed(&path, content).unwrap_or_else(|e| panic!("{e}"));
    };
    write(root.join("Cargo.toml"), &manifest);
    write(root.join("src/main.rs"), DRIVER);
    write(
        root.join("src/lib.rs"),
        "//! The generated EWS types.\n\n/// Generated from the EWS schema.\npub mod generated {\n    include!(\"generated.rs\");\n}\n",
    );
    write(root.join("src/generated.rs"), code);
    // The workspace's lock file pins the same versions of yaserde and xml.
    let lock = std::fs::read_to_string(manifest_dir.join("../Cargo.lock")).unwrap();
    if !root.join("Cargo.lock").exists() {
        write(root.join("Cargo.lock"), &lock);
    }
    root.join("Cargo.toml")
}

#[test]
fn ews_schema_generates_compiles_and_round_trips_the_examples() {
    let Some(schema_dir) = testkit::shared_dir("EWS_SCHEMA_DIR", "../shared/ews/2023") else {
        return;
    };
    let Some(examples) = testkit::shared_dir("EWS_EXAMPLES_DIR", "../shared/ews/examples") else {
        return;
    };
    let started = std::time::Instant::now();
    // Open enumerations: some valid examples carry values the schema does
    // not declare (`Exchange207_SP1`, ` Exchange2007_SP1`), which must
    // survive the round trip.
    let mut config = xsd_codegen::Config::new();
    config.open_enums(true);
    let model = config
        .model(&[schema_dir.join("messages.xsd")])
        .unwrap_or_else(|e| panic!("the EWS schema does not resolve:\n{e}"));
    let types = model.items().count();
    let code = config
        .generate(&[schema_dir.join("messages.xsd")])
        .unwrap_or_else(|e| panic!("the EWS schema does not generate:\n{e}"));
    let generated_in = started.elapsed();
    assert!(types > 1500, "only {types} types generated");

    let root = Path::new(env!("CARGO_TARGET_TMPDIR")).join("ews-roundtrip");
    let manifest = write_crate(&root, &code);
    let started = std::time::Instant::now();
    let output = Command::new(env!("CARGO"))
        .args(["run", "--quiet", "--manifest-path"])
        .arg(&manifest)
        .arg("--")
        .arg(&examples)
        .env("CARGO_TARGET_DIR", root.join("target"))
        .env("RUSTFLAGS", "-D warnings")
        .output()
        .expect("cargo runs");
    let built_in = started.elapsed();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "the generated EWS crate does not build or run cleanly:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );

    // Why each invalid example fails schema validation (its first error).
    let reasons = std::fs::read_to_string(examples.join("invalid/REASONS.tsv")).unwrap_or_default();
    let reason = |file: &str| {
        reasons
            .lines()
            .find_map(|l| l.strip_prefix(file)?.strip_prefix('\t'))
            .unwrap_or("")
            .to_string()
    };
    let mut valid = (0, Vec::new());
    let mut invalid = (0, Vec::new());
    let (mut not_valid, mut header_values, mut missed, mut rejected) =
        (Vec::new(), 0, Vec::new(), Vec::new());
    for line in stdout.lines() {
        let mut parts = line.splitn(5, '\t');
        let mut next = || parts.next().unwrap_or("");
        let (kind, file, status, body, header) = (next(), next(), next(), next(), next());
        let tally = if kind == "valid" {
            &mut valid
        } else {
            &mut invalid
        };
        tally.0 += 1;
        if kind == "valid" {
            if status != "ok" {
                valid.1.push(format!("  {file}: {status}"));
            }
            if body != "valid" {
                not_valid.push(format!("  {file}: {body}"));
            }
            // Real headers carry versions the schema does not declare
            // (`Exchange207_SP1`): kept by the open enums, and reported.
            for violation in header.split(" | ").filter(|v| *v != "valid") {
                header_values += 1;
                assert!(
                    violation.contains("is not one of the enumerated values"),
                    "{file}: header: {violation}"
                );
            }
            continue;
        }
        // An invalid example is rejected by reading (or by the envelope's
        // shape), by validate() finding a violation in the body, or by
        // the round trip (what the reader skipped is lost).
        if body != "-" && body != "valid" {
            let cause = format!("  {file}: validate(): {body}");
            rejected.push((file.to_string(), cause.clone()));
            invalid.1.push(cause);
        } else if status != "ok" {
            invalid.1.push(format!("  {file}: {status}"));
        } else {
            missed.push(format!("  {file}: {}", reason(file)));
        }
    }
    eprintln!(
        "EWS: {types} types, {} lines generated in {generated_in:.1?}; crate built and run in {built_in:.1?}",
        code.lines().count()
    );
    eprintln!(
        "EWS examples: {} of {} valid documents round-trip, {} of them valid ({header_values} undeclared values in headers); \
         {} of {} invalid ones are rejected ({} by validate()):\n{}\nnot rejected (the schema's validators' first error):\n{}",
        valid.0 - valid.1.len(),
        valid.0,
        valid.0 - not_valid.len(),
        invalid.1.len(),
        invalid.0,
        rejected.len(),
        invalid.1.join("\n"),
        missed.join("\n"),
    );
    assert!(valid.0 >= 300, "only {} valid examples found", valid.0);
    // Every valid document round-trips, with nothing lost.
    assert!(
        valid.1.is_empty(),
        "{} valid documents do not round-trip:\n{}",
        valid.1.len(),
        valid.1.join("\n")
    );
    // And their bodies are valid.
    assert!(
        not_valid.is_empty(),
        "{} valid documents' bodies break their schema, says validate():\n{}",
        not_valid.len(),
        not_valid.join("\n")
    );
    // Every invalid example that breaks a value's type (a facet, a
    // pattern, base64, an enumeration) is rejected, by reading or by
    // validate().
    let value_errors: Vec<&str> = reasons
        .lines()
        .filter(|l| {
            [
                "invalid value",
                "doesn't match any pattern",
                "value must be",
            ]
            .iter()
            .any(|r| l.contains(r))
        })
        .filter_map(|l| l.split('\t').next())
        .collect();
    assert!(value_errors.len() >= 8, "value errors: {value_errors:?}");
    for file in &value_errors {
        assert!(
            !missed.iter().any(|m| m.starts_with(&format!("  {file}:"))),
            "{file} breaks a value's type ({}), but is read and validated",
            reason(file)
        );
    }
    assert!(
        rejected.len() >= 8,
        "only {} rejected by validate()",
        rejected.len()
    );
    // Before validate(), 5 were accepted.
    assert!(
        missed.len() < 5,
        "{} invalid examples are accepted:\n{}",
        missed.len(),
        missed.join("\n")
    );
}
