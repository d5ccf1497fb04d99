//! The generator on every schema file of the W3C XML Schema test suite,
//! valid or invalid (15,463 files): it must answer each with code or with
//! errors, never panic, overflow its stack or hang.
//!
//! Reads `$W3C_SUITE_DIR` (default `../shared/w3c-xsdtests`); without it
//! it says so loudly and skips (under `CI` it fails).

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// How long one schema may take (it takes milliseconds).
const TIMEOUT: Duration = Duration::from_secs(60);

fn xsd_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            xsd_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "xsd") {
            out.push(path);
        }
    }
}

#[test]
fn no_schema_of_the_suite_crashes_or_hangs_the_generator() {
    let Some(suite) = testkit::shared_dir("W3C_SUITE_DIR", "../shared/w3c-xsdtests") else {
        return;
    };
    let mut files = Vec::new();
    xsd_files(&suite, &mut files);
    files.sort();
    assert!(files.len() > 15_000, "only {} schema files", files.len());
    let started = Instant::now();
    let (mut generated, mut refused) = (0, 0);
    // One worker thread, with the standard 2 MiB stack of a spawned thread:
    // a stack overflow aborts the test, a panic fails it, a hang times out.
    let (to_worker, work) = mpsc::channel::<PathBuf>();
    let (to_test, results) = mpsc::channel::<(PathBuf, Result<bool, String>)>();
    let worker = std::thread::Builder::new()
        .stack_size(2 << 20)
        .spawn(move || {
            for path in work {
                let result = std::panic::catch_unwind(|| {
                    xsd_codegen::Config::new().generate(&[&path]).is_ok()
                })
                .map_err(|e| {
                    e.downcast_ref::<String>()
                        .cloned()
                        .or_else(|| e.downcast_ref::<&str>().map(|s| s.to_string()))
                        .unwrap_or_default()
                });
                if to_test.send((path, result)).is_err() {
                    return;
                }
            }
        })
        .unwrap();
    let mut panics = Vec::new();
    for path in &files {
        to_worker.send(path.clone()).unwrap();
        match results.recv_timeout(TIMEOUT) {
            Ok((_, Ok(true))) => generated += 1,
            Ok((_, Ok(false))) => refused += 1,
            Ok((path, Err(message))) => panics.push(format!("{}: {message}", path.display())),
            Err(_) => panic!("{} takes more than {TIMEOUT:?}", path.display()),
        }
    }
    drop(to_worker);
    worker.join().unwrap();
    eprintln!(
        "W3C suite: {} schema files, {generated} generate, {refused} refused with errors, in {:.1?}",
        files.len(),
        started.elapsed()
    );
    assert!(
        panics.is_empty(),
        "the generator panics on:\n{}",
        panics.join("\n")
    );
}
