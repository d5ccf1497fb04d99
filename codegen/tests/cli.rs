//! The `codegen` command line, run as a process: its output, `-o` and
//! `--check`, its diagnostics and exit statuses, and that no input makes it
//! panic.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// `schema/Messages.xsd` of the workspace.
fn messages_xsd() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../schema/Messages.xsd")
}

/// Runs `codegen` with `args`, without color settings from the environment.
fn codegen<I, S>(args: I) -> Output
where
    I: IntoIterator<Item = S>,
    S: AsRef<std::ffi::OsStr>,
{
    let output = Command::new(env!("CARGO_BIN_EXE_codegen"))
        .args(args)
        .env_remove("NO_COLOR")
        .output()
        .expect("codegen runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!stderr.contains("panicked"), "codegen panicked:\n{stderr}");
    output
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("UTF-8 on stdout")
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// The exit status, with the output shown when it is not `expected`.
fn assert_status(output: &Output, expected: i32) {
    assert_eq!(
        output.status.code(),
        Some(expected),
        "stdout:\n{}\nstderr:\n{}",
        String::from_utf8_lossy(&output.stdout),
        stderr(output)
    );
}

#[test]
fn prints_what_the_library_generates() {
    let output = codegen([messages_xsd()]);
    assert_status(&output, 0);
    let expected = xsd_codegen::Config::new()
        .generate(&[messages_xsd()])
        .unwrap();
    assert_eq!(stdout(&output), expected);
    let stderr = stderr(&output);
    assert!(stderr.contains("codegen: reading "), "{stderr}");
    assert!(
        stderr.contains(" types, ") && stderr.contains(" lines from 1 schema file in "),
        "no summary: {stderr}"
    );
}

#[test]
fn quiet_prints_no_progress() {
    let output = codegen([messages_xsd().as_os_str(), "-q".as_ref()]);
    assert_status(&output, 0);
    assert_eq!(stderr(&output), "");
    assert!(!output.stdout.is_empty());
}

#[test]
fn written_output_passes_check() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("messages.rs");
    let output = codegen([messages_xsd().as_os_str(), "-o".as_ref(), out.as_os_str()]);
    assert_status(&output, 0);
    assert!(output.stdout.is_empty());
    assert!(stderr(&output).contains("wrote "), "{}", stderr(&output));
    assert_eq!(
        std::fs::read_to_string(&out).unwrap(),
        xsd_codegen::Config::new()
            .generate(&[messages_xsd()])
            .unwrap()
    );

    let check = codegen([
        messages_xsd().as_os_str(),
        "-o".as_ref(),
        out.as_os_str(),
        "--check".as_ref(),
    ]);
    assert_status(&check, 0);
    assert!(check.stdout.is_empty());
    let stderr = stderr(&check);
    assert!(
        stderr.lines().last().unwrap().ends_with("is up to date"),
        "{stderr}"
    );
}

#[test]
fn the_committed_snapshot_is_up_to_date() {
    let snapshot = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/snapshots/messages.rs");
    // As the bindings' build script generates it.
    let output = codegen([
        messages_xsd().as_os_str(),
        "-o".as_ref(),
        snapshot.as_os_str(),
        "--no-lexical-forms".as_ref(),
        "--check".as_ref(),
        "--quiet".as_ref(),
    ]);
    assert_status(&output, 0);
    assert_eq!(stderr(&output), "", "quiet and up to date: nothing to say");
}

#[test]
fn check_fails_with_a_diff_after_the_schema_changed() {
    let dir = tempfile::tempdir().unwrap();
    let schema = dir.path().join("Messages.xsd");
    let out = dir.path().join("messages.rs");
    std::fs::copy(messages_xsd(), &schema).unwrap();
    let output = codegen([schema.as_os_str(), "-o".as_ref(), out.as_os_str()]);
    assert_status(&output, 0);

    // A new request element.
    let text = std::fs::read_to_string(&schema).unwrap();
    let new_element = r#"  <xs:element name="Ping">
    <xs:complexType>
      <xs:sequence><xs:element name="Token" type="xs:string"/></xs:sequence>
    </xs:complexType>
  </xs:element>
</xs:schema>"#;
    assert!(text.contains("</xs:schema>"));
    std::fs::write(&schema, text.replace("</xs:schema>", new_element)).unwrap();
    let before = std::fs::read(&out).unwrap();

    let check = codegen([
        schema.as_os_str(),
        "-o".as_ref(),
        out.as_os_str(),
        "--check".as_ref(),
    ]);
    assert_status(&check, 1);
    let diff = stdout(&check);
    assert!(
        diff.starts_with(&format!("--- {} (on disk)\n", out.display())),
        "{diff}"
    );
    assert!(diff.contains("+pub struct Ping {"), "{diff}");
    assert!(
        diff.contains("+    pub token: ::std::string::String,"),
        "{diff}"
    );
    assert!(
        diff.lines()
            .all(|l| !l.starts_with('-') || l.starts_with("---"))
    );
    let stderr = stderr(&check);
    assert!(stderr.contains("is out of date"), "{stderr}");
    assert_eq!(
        std::fs::read(&out).unwrap(),
        before,
        "--check writes nothing"
    );

    // Regenerating brings it up to date.
    assert_status(
        &codegen([schema.as_os_str(), "-o".as_ref(), out.as_os_str()]),
        0,
    );
    let check = codegen([
        schema.as_os_str(),
        "-o".as_ref(),
        out.as_os_str(),
        "--check".as_ref(),
    ]);
    assert_status(&check, 0);
}

#[test]
fn check_of_a_missing_file_fails() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("absent.rs");
    let output = codegen([
        messages_xsd().as_os_str(),
        "-o".as_ref(),
        out.as_os_str(),
        "--check".as_ref(),
    ]);
    assert_status(&output, 1);
    assert!(
        stderr(&output).contains("is missing"),
        "{}",
        stderr(&output)
    );
    assert!(!out.exists(), "--check writes nothing");
}

#[test]
fn check_shows_a_short_diff() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("messages.rs");
    std::fs::write(&out, "// nothing like the generated code\n").unwrap();
    let output = codegen([
        messages_xsd().as_os_str(),
        "-o".as_ref(),
        out.as_os_str(),
        "--check".as_ref(),
    ]);
    assert_status(&output, 1);
    let diff = stdout(&output);
    assert!(diff.lines().count() <= 81, "{diff}");
    assert!(
        diff.lines()
            .last()
            .unwrap()
            .ends_with("more lines of diff)"),
        "{diff}"
    );
}

#[test]
fn unchanged_output_is_not_rewritten() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("messages.rs");
    let schema = messages_xsd();
    let args = [schema.as_os_str(), "-o".as_ref(), out.as_os_str()];
    assert_status(&codegen(args), 0);
    // An old modification time, which a rewrite would change.
    let old = std::time::SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(1_000_000_000);
    std::fs::File::options()
        .write(true)
        .open(&out)
        .unwrap()
        .set_modified(old)
        .unwrap();

    let output = codegen(args);
    assert_status(&output, 0);
    let stderr = stderr(&output);
    assert!(stderr.contains(" unchanged"), "{stderr}");
    assert_eq!(std::fs::metadata(&out).unwrap().modified().unwrap(), old);
}

#[test]
fn schema_errors_are_rendered_on_stderr_with_status_1() {
    let dir = tempfile::tempdir().unwrap();
    let schema = dir.path().join("bad.xsd");
    std::fs::write(
        &schema,
        r#"<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
  <xs:complexType name="A">
    <xs:sequence>
      <xs:element name="a" type="xs:string" minOccurs="many"/>
      <xs:element type="xs:string"/>
    </xs:sequence>
  </xs:complexType>
</xs:schema>
"#,
    )
    .unwrap();
    let out = dir.path().join("out.rs");
    let output = codegen([schema.as_os_str(), "-o".as_ref(), out.as_os_str()]);
    assert_status(&output, 1);
    assert!(output.stdout.is_empty());
    assert!(!out.exists(), "no output on errors");
    let stderr = stderr(&output);
    let shown = schema.display();
    for expected in [
        format!("{shown}:4:7: error: invalid `xs:element`: minOccurs `many` is not a count\n"),
        r#"4 |       <xs:element name="a" type="xs:string" minOccurs="many"/>"#.into(),
        format!("{shown}:5:7: error: invalid `xs:element`: attribute `name` is required\n"),
        "5 |       <xs:element type=\"xs:string\"/>\n  |       ^^^^^^^^^^^\n".into(),
        "\n2 errors\n".into(),
    ] {
        assert!(stderr.contains(&expected), "{expected:?} not in:\n{stderr}");
    }
    assert!(
        !stderr.contains('\x1b'),
        "no colors when stderr is not a terminal"
    );

    let colored = codegen([schema.as_os_str(), "--color=always".as_ref()]);
    assert_status(&colored, 1);
    assert!(self::stderr(&colored).contains("\x1b["));
}

#[test]
fn help_shows_a_worked_example() {
    let output = codegen(["--help"]);
    assert_status(&output, 0);
    let help = stdout(&output);
    for expected in [
        "Example: ",
        "$ codegen schema/Messages.xsd -o src/messages.rs\n",
        "$ codegen schema/Messages.xsd -o src/messages.rs --check\n",
        "is up to date",
        "^^^^",
        "Exit status: ",
        "--check",
        "--emit-ir",
        "--quiet",
    ] {
        assert!(help.contains(expected), "{expected:?} not in:\n{help}");
    }
}

#[test]
fn emit_ir_prints_the_model() {
    let output = codegen(["--emit-ir".as_ref(), messages_xsd().as_os_str()]);
    assert_status(&output, 0);
    let expected = xsd_codegen::Config::new().model(&[messages_xsd()]).unwrap();
    assert_eq!(stdout(&output), format!("{expected:#?}\n"));
}

#[test]
fn usage_errors_exit_with_status_2() {
    for args in [
        &[][..],
        &["--check", "x.xsd"][..],
        &["--no-such-flag", "x.xsd"][..],
        &["--color=sometimes", "x.xsd"][..],
    ] {
        let output = codegen(args);
        assert_status(&output, 2);
        assert!(stderr(&output).contains("--help"), "{}", stderr(&output));
    }
}

#[test]
fn refuses_to_overwrite_a_schema() {
    let dir = tempfile::tempdir().unwrap();
    let schema = dir.path().join("Messages.xsd");
    std::fs::copy(messages_xsd(), &schema).unwrap();
    let before = std::fs::read(&schema).unwrap();
    let output = codegen([schema.as_os_str(), "-o".as_ref(), schema.as_os_str()]);
    assert_status(&output, 2);
    assert!(stderr(&output).contains("refusing"), "{}", stderr(&output));
    assert_eq!(std::fs::read(&schema).unwrap(), before);
}

#[test]
fn bad_paths_are_errors_not_panics() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("missing.xsd");
    let output = codegen([&missing]);
    assert_status(&output, 1);
    let stderr = stderr(&output);
    assert!(
        stderr.contains(&format!(
            "error: {}: cannot read schema: ",
            missing.display()
        )),
        "{stderr}"
    );
    assert!(stderr.ends_with("\n1 error\n"), "{stderr}");

    // A directory as a schema.
    let output = codegen([dir.path()]);
    assert_status(&output, 1);
    assert!(self::stderr(&output).contains("cannot read schema"));

    // A directory, and a file in a missing directory, as the output.
    for out in [
        dir.path().to_path_buf(),
        dir.path().join("no/such/dir/out.rs"),
    ] {
        let output = codegen([messages_xsd().as_os_str(), "-o".as_ref(), out.as_os_str()]);
        assert_status(&output, 1);
        let stderr = self::stderr(&output);
        assert!(stderr.contains("cannot write output"), "{stderr}");
    }

    // A directory as the file to check.
    let output = codegen([
        messages_xsd().as_os_str(),
        "-o".as_ref(),
        dir.path().as_os_str(),
        "--check".as_ref(),
    ]);
    assert_status(&output, 1);
    assert!(self::stderr(&output).contains("cannot read"));

    // A file that is not UTF-8.
    let binary = dir.path().join("binary.xsd");
    std::fs::write(&binary, [0xff, 0xfe, 0x00, 0x3c]).unwrap();
    let output = codegen([&binary]);
    assert_status(&output, 1);
}

#[cfg(unix)]
#[test]
fn a_path_that_is_not_utf8_is_no_problem() {
    use std::ffi::OsStr;
    use std::os::unix::ffi::OsStrExt;

    let dir = tempfile::tempdir().unwrap();
    let name = OsStr::from_bytes(b"M\xffessages.xsd");
    let schema = dir.path().join(name);
    std::fs::copy(messages_xsd(), &schema).unwrap();
    let out = dir.path().join(OsStr::from_bytes(b"out\xfe.rs"));
    let output = codegen([schema.as_os_str(), "-o".as_ref(), out.as_os_str()]);
    assert_status(&output, 0);
    assert!(out.exists());

    let bad = dir.path().join(OsStr::from_bytes(b"b\xffad.xsd"));
    std::fs::write(&bad, "<xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\">\n  <xs:element/>\n</xs:schema>\n").unwrap();
    let output = codegen([&bad]);
    assert_status(&output, 1);
    let stderr = stderr(&output);
    assert!(stderr.contains("2 |   <xs:element/>"), "{stderr}");
}

#[test]
fn out_dir_writes_one_file_per_module_and_checks_them() {
    let dir = tempfile::tempdir().unwrap();
    let imports = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/imports/schema.xsd");
    let args = |check: bool| {
        let mut args: Vec<&std::ffi::OsStr> =
            vec!["-q".as_ref(), "--out-dir".as_ref(), dir.path().as_os_str()];
        if check {
            args.push("--check".as_ref());
        }
        args.push(imports.as_os_str());
        args
    };
    assert_status(&codegen(args(false)), 0);
    let mut names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["messages.rs", "mod.rs", "types.rs"]);
    assert_status(&codegen(args(true)), 0);
    // One stale file fails the check, and only that one is named.
    let types = dir.path().join("types.rs");
    let text = std::fs::read_to_string(&types).unwrap();
    std::fs::write(
        &types,
        text.replace("pub struct ItemIdType", "pub struct Renamed"),
    )
    .unwrap();
    let output = codegen(args(true));
    assert_status(&output, 1);
    assert!(
        stdout(&output).contains("+pub struct ItemIdType"),
        "{}",
        stdout(&output)
    );
    assert!(
        stderr(&output).contains("types.rs is out of date"),
        "{}",
        stderr(&output)
    );
}

/// The EWS schema's 2016 and 2023 releases (`$EWS_2016_DIR`, `$EWS_SCHEMA_DIR`,
/// by default in `../shared/ews`), as `regenerate.rs` finds them: `None`
/// after a loud message when missing, a failure under `CI`.
fn ews_releases() -> Option<(PathBuf, PathBuf)> {
    let old = testkit::shared_dir("EWS_2016_DIR", "../shared/ews/2016")?;
    let new = testkit::shared_dir("EWS_SCHEMA_DIR", "../shared/ews/2023")?;
    Some((old.join("messages.xsd"), new.join("messages.xsd")))
}

/// What `changes` says between two sets of schemas, from the library.
fn library_changes(old: &Path, new: &Path) -> xsd_codegen::changes::Changes {
    let model = |path: &Path| {
        xsd_codegen::Config::new()
            .model(&[path])
            .unwrap_or_else(|e| panic!("{e}"))
    };
    xsd_codegen::changes::changes(&model(old), &model(new))
}

#[test]
fn diff_shows_what_ews_2023_changes_since_2016() {
    let Some((old, new)) = ews_releases() else {
        return;
    };
    let output = codegen(["diff".as_ref(), old.as_os_str(), new.as_os_str()]);
    assert_status(&output, 1);
    let summary = stdout(&output);
    // The library's summary, then the totals.
    let library = library_changes(&old, &new);
    assert!(library.is_breaking());
    assert!(
        summary.starts_with(&format!("{library}\n")),
        "not the library's summary:\n{summary}"
    );
    for group in [
        "types added (41):\n",
        "types removed (9):\n",
        "enumeration values added (44 in 12 enumerations):\n",
        "enumeration values removed (1 in 1 enumeration):\n  types::EntityFeedbackEntityAddSourceType: RecipientCache\n",
        "elements and @attributes added (151 in 85 structs):\n",
        "elements and @attributes removed (39 in 37 structs):\n",
        "\n  messages::MarkAsPhishingType\n",
        "\n  types::EntityFeedbackEntryType: ClientEventTimeUTC\n",
    ] {
        assert!(summary.contains(group), "{group:?} not in:\n{summary}");
    }
    assert!(
        summary.ends_with(
            "\nadded 41 types, 44 enumeration values, 151 elements and attributes\n\
             removed 9 types, 1 enumeration value, 39 elements and attributes: a breaking change\n"
        ),
        "{summary}"
    );
    let stderr = stderr(&output);
    assert_eq!(
        stderr,
        format!(
            "codegen: comparing {} with {}\n",
            old.display(),
            new.display()
        )
    );

    // The same release on both sides: nothing changed.
    let same = codegen(["diff".as_ref(), new.as_os_str(), new.as_os_str()]);
    assert_status(&same, 0);
    assert_eq!(
        stdout(&same),
        "nothing changed: no type, enumeration value, element or attribute added or removed\n"
    );
}

#[test]
fn diff_json_has_the_same_counts_and_names() {
    let Some((old, new)) = ews_releases() else {
        return;
    };
    let output = codegen([
        "diff".as_ref(),
        "--format=json".as_ref(),
        "-q".as_ref(),
        old.as_os_str(),
        new.as_os_str(),
    ]);
    assert_status(&output, 1);
    assert_eq!(stderr(&output), "");
    let json: serde_json::Value = serde_json::from_str(&stdout(&output)).expect("JSON");
    assert_eq!(json["breaking"], true);
    let expected = [
        ("added_types", 41),
        ("removed_types", 9),
        ("added_values", 44),
        ("removed_values", 1),
        ("added_fields", 151),
        ("removed_fields", 39),
    ];
    let library = library_changes(&old, &new);
    for (key, count) in expected {
        assert_eq!(json["counts"][key], count, "counts.{key}");
        // The names under the same key: a list, or lists by type.
        let names: usize = match &json[key] {
            serde_json::Value::Array(list) => list.len(),
            serde_json::Value::Object(map) => map
                .values()
                .map(|v| v.as_array().expect("a list of names").len())
                .sum(),
            other => panic!("{key}: {other}"),
        };
        assert_eq!(names, count, "{key}");
    }
    assert_eq!(json["added_types"][0], library.added_types[0].as_str());
    assert_eq!(
        json["removed_values"]["types::EntityFeedbackEntityAddSourceType"],
        serde_json::json!(["RecipientCache"])
    );
    assert_eq!(
        json.as_object().unwrap().len(),
        8,
        "breaking, counts and six lists: {json}"
    );
}

/// A small schema: an enumeration and a struct with an element and an attribute.
const SHOP_V1: &str = r#"<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"
           targetNamespace="urn:shop" xmlns="urn:shop" elementFormDefault="qualified">
  <xs:simpleType name="Colour">
    <xs:restriction base="xs:string">
      <xs:enumeration value="red"/>
      <xs:enumeration value="green"/>
    </xs:restriction>
  </xs:simpleType>
  <xs:complexType name="ItemType">
    <xs:sequence>
      <xs:element name="Name" type="xs:string"/>
      <xs:element name="Colour" type="Colour"/>
    </xs:sequence>
    <xs:attribute name="id" type="xs:string"/>
  </xs:complexType>
</xs:schema>
"#;

#[test]
fn diff_of_additions_only_exits_0_and_a_removed_value_exits_1() {
    let dir = tempfile::tempdir().unwrap();
    let v1 = dir.path().join("v1.xsd");
    let v2 = dir.path().join("v2.xsd");
    let v3 = dir.path().join("v3.xsd");
    std::fs::write(&v1, SHOP_V1).unwrap();
    // v2 adds a value, an element, an attribute and a type.
    let v2_text = SHOP_V1
        .replace(
            r#"<xs:enumeration value="green"/>"#,
            r#"<xs:enumeration value="green"/><xs:enumeration value="blue"/>"#,
        )
        .replace(
            r#"<xs:element name="Colour" type="Colour"/>"#,
            r#"<xs:element name="Colour" type="Colour"/><xs:element name="Size" type="xs:int" minOccurs="0"/>"#,
        )
        .replace(
            r#"<xs:attribute name="id" type="xs:string"/>"#,
            r#"<xs:attribute name="id" type="xs:string"/><xs:attribute name="sku" type="xs:string"/>"#,
        )
        .replace(
            "</xs:schema>",
            r#"<xs:complexType name="ShopType"><xs:sequence><xs:element name="Item" type="ItemType"/></xs:sequence></xs:complexType></xs:schema>"#,
        );
    assert_ne!(v2_text, SHOP_V1);
    std::fs::write(&v2, &v2_text).unwrap();
    // v3 removes a value.
    let v3_text = v2_text.replace(r#"<xs:enumeration value="green"/>"#, "");
    assert_ne!(v3_text, v2_text);
    std::fs::write(&v3, &v3_text).unwrap();

    let added = codegen([
        "diff".as_ref(),
        "-q".as_ref(),
        v1.as_os_str(),
        v2.as_os_str(),
    ]);
    assert_status(&added, 0);
    assert_eq!(
        stdout(&added),
        "\
types added (1):
  ShopType
enumeration values added (1 in 1 enumeration):
  Colour: blue
elements and @attributes added (2 in 1 struct):
  ItemType (2): @sku, Size

added 1 type, 1 enumeration value, 2 elements and attributes
removed nothing
"
    );

    let removed = codegen([
        "diff".as_ref(),
        "-q".as_ref(),
        v2.as_os_str(),
        v3.as_os_str(),
    ]);
    assert_status(&removed, 1);
    assert_eq!(
        stdout(&removed),
        "\
enumeration values removed (1 in 1 enumeration):
  Colour: green

added nothing
removed 1 enumeration value: a breaking change
"
    );
    // The other way round, the value is added back: not breaking.
    let back = codegen([
        "diff".as_ref(),
        "-q".as_ref(),
        v3.as_os_str(),
        v2.as_os_str(),
    ]);
    assert_status(&back, 0);
    assert!(
        stdout(&back).contains("  Colour: green\n"),
        "{}",
        stdout(&back)
    );

    // JSON says the same.
    let json = codegen([
        "diff".as_ref(),
        "--format".as_ref(),
        "json".as_ref(),
        v2.as_os_str(),
        v3.as_os_str(),
    ]);
    assert_status(&json, 1);
    let json: serde_json::Value = serde_json::from_str(&stdout(&json)).unwrap();
    assert_eq!(json["breaking"], true);
    assert_eq!(
        json["removed_values"],
        serde_json::json!({"Colour": ["green"]})
    );
    assert_eq!(json["counts"]["removed_values"], 1);
    assert_eq!(json["counts"]["added_types"], 0);
}

#[test]
fn diff_takes_several_files_a_side_and_the_model_options() {
    // The imports fixture (three files, two namespaces), old and new; the
    // new one has a type more in urn:example:types.
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/imports");
    let dir = tempfile::tempdir().unwrap();
    for side in ["old", "new"] {
        std::fs::create_dir(dir.path().join(side)).unwrap();
        for file in ["schema.xsd", "types.xsd", "common.xsd"] {
            std::fs::copy(fixture.join(file), dir.path().join(side).join(file)).unwrap();
        }
    }
    let types = dir.path().join("new/types.xsd");
    let text = std::fs::read_to_string(&types).unwrap();
    assert!(text.contains("</xs:schema>"));
    std::fs::write(
        &types,
        text.replace(
            "</xs:schema>",
            r#"<xs:complexType name="ExtraType"><xs:sequence><xs:element name="Note" type="xs:string"/></xs:sequence></xs:complexType></xs:schema>"#,
        ),
    )
    .unwrap();
    let path = |p: &str| dir.path().join(p);

    let two = codegen([
        "diff".as_ref(),
        "-q".as_ref(),
        path("old/schema.xsd").as_os_str(),
        path("new/schema.xsd").as_os_str(),
    ]);
    assert_status(&two, 0);
    assert!(
        stdout(&two).starts_with("types added (1):\n  types::ExtraType\n"),
        "{}",
        stdout(&two)
    );
    // Every file named, the sides split by `--`: the same.
    let split = codegen([
        "diff".as_ref(),
        "-q".as_ref(),
        path("old/schema.xsd").as_os_str(),
        path("old/types.xsd").as_os_str(),
        "--".as_ref(),
        path("new/schema.xsd").as_os_str(),
        path("new/types.xsd").as_os_str(),
    ]);
    assert_status(&split, 0);
    assert_eq!(stdout(&split), stdout(&two));

    // --module renames the module on both sides: nothing else changes.
    let renamed = codegen([
        "diff".as_ref(),
        "-q".as_ref(),
        "--module=urn:example:types=ty".as_ref(),
        "--open-enums".as_ref(),
        path("old/schema.xsd").as_os_str(),
        path("new/schema.xsd").as_os_str(),
    ]);
    assert_status(&renamed, 0);
    assert_eq!(
        stdout(&renamed),
        stdout(&two).replace("types::ExtraType", "ty::ExtraType")
    );
}

#[test]
fn diff_of_a_schema_with_itself_is_nothing_changed() {
    let output = codegen([
        "diff".as_ref(),
        messages_xsd().as_os_str(),
        messages_xsd().as_os_str(),
    ]);
    assert_status(&output, 0);
    assert!(
        stdout(&output).starts_with("nothing changed"),
        "{}",
        stdout(&output)
    );
}

#[test]
fn diff_reports_schema_errors_of_both_sides_and_usage_errors() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.xsd");
    std::fs::write(
        &bad,
        "<xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\">\n  <xs:element/>\n</xs:schema>\n",
    )
    .unwrap();
    let missing = dir.path().join("missing.xsd");
    let output = codegen([
        "diff".as_ref(),
        "--color=never".as_ref(),
        bad.as_os_str(),
        missing.as_os_str(),
    ]);
    assert_status(&output, 1);
    assert!(output.stdout.is_empty(), "{}", stdout(&output));
    let stderr = stderr(&output);
    for expected in [
        format!("{}:2:3: error: invalid `xs:element`", bad.display()),
        "2 |   <xs:element/>".to_string(),
        format!("error: {}: cannot read schema: ", missing.display()),
        "\n2 errors\n".to_string(),
    ] {
        assert!(stderr.contains(&expected), "{expected:?} not in:\n{stderr}");
    }
    // The same bad file on both sides: its errors once.
    let output = codegen([
        "diff".as_ref(),
        "-q".as_ref(),
        bad.as_os_str(),
        bad.as_os_str(),
    ]);
    assert_status(&output, 1);
    assert!(
        self::stderr(&output).ends_with("\n1 error\n"),
        "{}",
        self::stderr(&output)
    );

    let schema = messages_xsd();
    let schema = schema.to_str().unwrap();
    for args in [
        &["diff"][..],
        &["diff", schema][..],
        &["diff", schema, schema, schema][..],
        &["diff", schema, "--"][..],
        &["diff", "--format=yaml", schema, schema][..],
        &["diff", "-o", "out.rs", schema, schema][..],
        &["--check", "diff", schema, schema][..],
    ] {
        let output = codegen(args);
        assert_status(&output, 2);
        assert!(
            self::stderr(&output).contains("--help"),
            "{args:?}: {}",
            self::stderr(&output)
        );
    }
}

#[test]
fn diff_help_shows_an_example() {
    let output = codegen(["diff", "--help"]);
    assert_status(&output, 0);
    let help = stdout(&output);
    for expected in [
        "Usage: codegen diff [OPTIONS] <OLD.xsd> <NEW.xsd>\n",
        "<OLD.xsd>... -- <NEW.xsd>...",
        "Example: ",
        "$ codegen diff ews/2016/messages.xsd ews/2023/messages.xsd\n",
        "a breaking change",
        "--format",
        "--module",
        "Exit status: 0 nothing removed",
    ] {
        assert!(help.contains(expected), "{expected:?} not in:\n{help}");
    }
    let short = codegen(["diff", "-h"]);
    assert_status(&short, 0);
    assert!(
        stdout(&short).contains("Examples:\n  codegen diff "),
        "{}",
        stdout(&short)
    );
    // The generator's own help points to it.
    let help = stdout(&codegen(["--help"]));
    assert!(help.contains("codegen diff old.xsd new.xsd"), "{help}");
}

#[test]
fn catalog_maps_urls_to_files_and_missing_imports_warn() {
    let dir = tempfile::tempdir().unwrap();
    let schema = dir.path().join("schema.xsd");
    std::fs::write(
        &schema,
        r#"<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:w="urn:web" targetNamespace="urn:t">
  <xs:import namespace="urn:web" schemaLocation="http://example.com/web.xsd"/>
  <xs:import namespace="urn:gone" schemaLocation="gone.xsd"/>
  <xs:element name="A" type="w:T"/>
</xs:schema>"#,
    )
    .unwrap();
    let local = dir.path().join("web.xsd");
    std::fs::write(
        &local,
        r#"<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:web"><xs:complexType name="T"/></xs:schema>"#,
    )
    .unwrap();
    // Without the catalog entry: the import warns (naming the option), and
    // the reference to its type fails.
    let output = codegen([&schema]);
    assert_status(&output, 1);
    let stderr = stderr(&output);
    assert!(
        stderr.contains("warning: ")
            && stderr.contains("schema.xsd:2:3: http://example.com/web.xsd is not fetched")
            && stderr.contains("--catalog http://example.com/web.xsd=FILE"),
        "{stderr}"
    );
    assert!(
        stderr.contains("unresolved reference to `{urn:web}T`"),
        "{stderr}"
    );
    // With it: generated; the import of urn:gone, used by nothing, warns even with -q.
    let mapping = format!("http://example.com/web.xsd={}", local.display());
    let output = codegen([
        schema.as_os_str(),
        "-q".as_ref(),
        "--catalog".as_ref(),
        mapping.as_ref(),
    ]);
    assert_status(&output, 0);
    let stderr = self::stderr(&output);
    assert_eq!(stderr.lines().count(), 1, "one warning expected:\n{stderr}");
    assert!(
        stderr.starts_with("warning: ")
            && stderr.contains("cannot find")
            && stderr.contains("urn:gone"),
        "{stderr}"
    );
    assert!(stdout(&output).contains("pub struct T"));
    // A malformed mapping is a usage error.
    assert_status(
        &codegen([schema.as_os_str(), "--catalog".as_ref(), "nothing".as_ref()]),
        2,
    );
}
