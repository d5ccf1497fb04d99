//! Regenerating from an updated schema: the EWS 2016 release, then 2023.
//! `codegen --check` catches the drift with a diff, the change summary says
//! what changed, and the output is the same byte for byte on every run.
//!
//! Reads `$EWS_2016_DIR` (default `../shared/ews/2016`) and `$EWS_SCHEMA_DIR`
//! (default `../shared/ews/2023`); skips loudly without them (fails under `CI`).

use std::path::PathBuf;
use std::process::Command;

use xsd_codegen::{Config, changes::changes};

fn schemas() -> Option<(PathBuf, PathBuf)> {
    let old = testkit::shared_dir("EWS_2016_DIR", "../shared/ews/2016")?;
    let new = testkit::shared_dir("EWS_SCHEMA_DIR", "../shared/ews/2023")?;
    Some((old.join("messages.xsd"), new.join("messages.xsd")))
}

fn codegen(args: &[&std::ffi::OsStr]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_codegen"))
        .args(args)
        .output()
        .expect("codegen runs")
}

#[test]
fn the_2023_release_changes_what_the_summary_says() {
    let Some((old, new)) = schemas() else { return };
    let before = Config::new()
        .model(&[&old])
        .unwrap_or_else(|e| panic!("{e}"));
    let after = Config::new()
        .model(&[&new])
        .unwrap_or_else(|e| panic!("{e}"));
    let summary = changes(&before, &after);
    eprintln!("EWS 2016 -> 2023:\n{summary}");

    // Facts read off the two releases' XSD: 2023 adds MarkAsPhishing and the
    // sharing actions, and renames ClientEventTimeUTC to ClientEventTimeUtc.
    for added in [
        "messages::MarkAsPhishingType",
        "messages::MarkAsPhishingResponseMessageType",
        "types::SharingActionType",
        "types::ArrayOfSharingMessageActionType",
    ] {
        assert!(
            summary.added_types.iter().any(|t| t == added),
            "{added} is not among the added types:\n{summary}"
        );
    }
    // No type of the schema goes away; only anonymous choices, named after
    // where they stand, are renamed (2023 writes some of them differently).
    assert!(
        summary.removed_types.iter().all(|t| t.ends_with("Choice")),
        "2023 removes no named type: {:?}",
        summary.removed_types
    );
    assert!(
        !summary.added_values.is_empty(),
        "no enumeration value added"
    );
    let response_codes = summary
        .added_values
        .get("messages::ResponseCodeType")
        .expect("2023 adds response codes");
    assert!(!response_codes.is_empty());
    assert!(
        summary
            .removed_fields
            .values()
            .flatten()
            .any(|f| f == "ClientEventTimeUTC"),
        "the renamed element is not reported:\n{summary}"
    );
    let text = summary.to_string();
    assert!(text.starts_with("types added ("), "{text}");
    assert!(text.contains("enumeration values added ("), "{text}");

    // The same model compared with itself has no changes.
    assert!(changes(&after, &after).is_empty());
}

#[test]
fn check_catches_the_drift_and_output_is_identical_across_runs() {
    let Some((old, new)) = schemas() else { return };
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("ews.rs");

    let first = codegen(&[
        old.as_os_str(),
        "-q".as_ref(),
        "-o".as_ref(),
        out.as_os_str(),
    ]);
    assert!(
        first.status.success(),
        "{}",
        String::from_utf8_lossy(&first.stderr)
    );
    let written = std::fs::read(&out).unwrap();

    // Up to date with the release it was generated from.
    let same = codegen(&[
        "--check".as_ref(),
        "-o".as_ref(),
        out.as_os_str(),
        old.as_os_str(),
    ]);
    assert!(
        same.status.success(),
        "{}",
        String::from_utf8_lossy(&same.stderr)
    );

    // Drift against the new release: exit 1, and a diff naming a new type.
    let drift = codegen(&[
        "--check".as_ref(),
        "-o".as_ref(),
        out.as_os_str(),
        new.as_os_str(),
    ]);
    assert_eq!(drift.status.code(), Some(1));
    let diff = String::from_utf8_lossy(&drift.stdout);
    assert!(diff.contains("@@"), "no diff:\n{diff}");
    assert!(diff.lines().any(|l| l.starts_with('+')), "{diff}");
    // --check never writes.
    assert_eq!(std::fs::read(&out).unwrap(), written);

    // Byte for byte the same on a second run, and from the library.
    let again = codegen(&[old.as_os_str(), "-q".as_ref()]);
    same_bytes("a second run", &again.stdout, &written);
    let library = Config::new().generate(&[&old]).unwrap();
    same_bytes("the library", library.as_bytes(), &written);
}

/// Asserts `actual == expected`, naming the first line that differs rather
/// than printing megabytes of bytes.
fn same_bytes(what: &str, actual: &[u8], expected: &[u8]) {
    if actual == expected {
        return;
    }
    let (actual, expected) = (
        String::from_utf8_lossy(actual),
        String::from_utf8_lossy(expected),
    );
    let line = actual
        .lines()
        .zip(expected.lines())
        .position(|(a, e)| a != e)
        .unwrap_or_else(|| actual.lines().count().min(expected.lines().count()));
    panic!(
        "{what} differs from the first output at line {}:\n  got:      {:?}\n  expected: {:?}",
        line + 1,
        actual.lines().nth(line),
        expected.lines().nth(line)
    );
}
