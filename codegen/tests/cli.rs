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
    let output = codegen([
        messages_xsd().as_os_str(),
        "-o".as_ref(),
        snapshot.as_os_str(),
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
