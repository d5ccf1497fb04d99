//! The compile and read stages: many generated files compiled as the
//! modules of one crate, the modules that do not compile found from
//! rustc's JSON diagnostics and left out, and the instance documents read
//! and written by the built binary.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use crate::glue;
use crate::process::{self, Ending};

/// A batch crate's directory: `crate/` holds the sources, `target/` the
/// build, kept from batch to batch so the dependencies compile once.
#[derive(Clone, Debug)]
pub struct Slot {
    /// The slot's directory.
    pub dir: PathBuf,
}

/// A generated file to compile.
#[derive(Clone, Debug)]
pub struct Member {
    /// The unit it was generated from (its module is `c<unit>`).
    pub unit: usize,
    /// The generated file.
    pub file: PathBuf,
    /// Whether it has `Document`.
    pub document: bool,
}

/// An instance document to read with a unit's code.
#[derive(Clone, Debug)]
pub struct Read {
    /// The case (or example) number, for the caller.
    pub case: usize,
    /// The unit whose code reads it.
    pub unit: usize,
    /// The document.
    pub instance: PathBuf,
    /// Where to save the document written back, if anywhere.
    pub written: Option<PathBuf>,
    /// Whether it is validated by XSD 1.1's rules where they differ from
    /// 1.0's (a case the suite gives for 1.1 only).
    pub xsd11: bool,
}

/// What reading one document gave: `stage` is `ok` or the step that
/// failed (see [`glue::DRIVER`]; also `crash` and `timeout`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReadOutcome {
    /// `ok`, or the step that failed.
    pub stage: String,
    /// What went wrong, empty when ok.
    pub message: String,
    /// What `validate()` said of the value read: `valid`, `invalid: ...`,
    /// or `-` (nothing read).
    pub validation: String,
}

/// The results of a batch: each member's compile error (`None`: it
/// compiled), each read.
#[derive(Debug, Default)]
pub struct BatchResult {
    /// Member unit → the first compile error of its module, or `None`.
    pub compiled: BTreeMap<usize, Option<String>>,
    /// Case → what reading it gave.
    pub reads: BTreeMap<usize, ReadOutcome>,
    /// How many times cargo built this batch.
    pub builds: usize,
}

/// How long the batch binary may take on one document.
pub const READ_TIMEOUT: Duration = Duration::from_secs(30);

impl Slot {
    /// A slot in `dir`, its crate written (`Cargo.toml`, the workspace's
    /// lock file so the dependencies' versions are the workspace's).
    pub fn create(dir: &Path, testkit: &Path, lock: &Path) -> std::io::Result<Slot> {
        let root = dir.join("crate");
        std::fs::create_dir_all(root.join("src"))?;
        // The runtime is testkit's sibling in the workspace.
        let runtime = testkit.with_file_name("runtime");
        let dependencies = glue::DEPENDENCIES
            .replace("{testkit}", &testkit.display().to_string())
            .replace("{runtime}", &runtime.display().to_string());
        let manifest = format!(
            "[package]\nname = \"conformance-batch\"\nversion = \"0.0.0\"\nedition = \"2024\"\npublish = false\n\n\
             [dependencies]\n{dependencies}\n[profile.dev]\ndebug = false\nincremental = false\n\n[workspace]\n"
        );
        write_if_changed(&root.join("Cargo.toml"), &manifest)?;
        if !root.join("Cargo.lock").exists() && lock.exists() {
            std::fs::copy(lock, root.join("Cargo.lock"))?;
        }
        Ok(Slot {
            dir: dir.to_path_buf(),
        })
    }

    /// Compiles `members` and reads `reads` (those of units that compiled).
    pub fn run(&self, members: &[Member], reads: &[Read]) -> std::io::Result<BatchResult> {
        let mut result = BatchResult::default();
        self.run_into(members.to_vec(), reads, &mut result)?;
        Ok(result)
    }

    fn run_into(
        &self,
        mut active: Vec<Member>,
        reads: &[Read],
        result: &mut BatchResult,
    ) -> std::io::Result<()> {
        while !active.is_empty() {
            self.write_sources(&active)?;
            let build = self.build()?;
            result.builds += 1;
            if build.success {
                for m in &active {
                    result.compiled.insert(m.unit, None);
                }
                let ours: Vec<Read> = reads
                    .iter()
                    .filter(|r| active.iter().any(|m| m.unit == r.unit))
                    .cloned()
                    .collect();
                result.reads.extend(self.read(&ours)?);
                return Ok(());
            }
            let failing: BTreeMap<usize, String> = build
                .errors
                .iter()
                .filter_map(|(unit, message)| Some(((*unit)?, message.clone())))
                .filter(|(unit, _)| active.iter().any(|m| m.unit == *unit))
                .fold(BTreeMap::new(), |mut map, (unit, message)| {
                    map.entry(unit).or_insert(message);
                    map
                });
            if !failing.is_empty() {
                active.retain(|m| !failing.contains_key(&m.unit));
                for (unit, message) in failing {
                    result.compiled.insert(unit, Some(message));
                }
                continue;
            }
            let Some((_, first)) = build.errors.first() else {
                return Err(std::io::Error::other(format!(
                    "cargo failed without a compiler error (is the batch crate broken?):\n{}",
                    build.stderr
                )));
            };
            if active.len() == 1 {
                result.compiled.insert(active[0].unit, Some(first.clone()));
                return Ok(());
            }
            // Errors in no member's file: halve until they are found.
            let second = active.split_off(active.len() / 2);
            self.run_into(active, reads, result)?;
            return self.run_into(second, reads, result);
        }
        Ok(())
    }

    fn write_sources(&self, members: &[Member]) -> std::io::Result<()> {
        let src = self.dir.join("crate/src");
        for entry in std::fs::read_dir(&src)? {
            let path = entry?.path();
            if path.file_name().is_some_and(|n| n != "main.rs") {
                std::fs::remove_file(path)?;
            }
        }
        let mut main = glue::DRIVER.to_string();
        for m in members {
            main.push_str(&format!("mod c{};\n", m.unit));
            std::fs::write(
                src.join(format!("c{}.rs", m.unit)),
                glue::module_source(&m.file, m.document),
            )?;
        }
        let with_document: Vec<usize> = members
            .iter()
            .filter(|m| m.document)
            .map(|m| m.unit)
            .collect();
        main.push_str(&glue::dispatch(&with_document));
        write_if_changed(&src.join("main.rs"), &main)
    }

    fn build(&self) -> std::io::Result<Build> {
        let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
        let output = Command::new(cargo)
            .args([
                "build",
                "--quiet",
                "--message-format=json",
                "--manifest-path",
            ])
            .arg(self.dir.join("crate/Cargo.toml"))
            .env("CARGO_TARGET_DIR", self.dir.join("target"))
            .env_remove("RUSTFLAGS")
            .output()?;
        let stdout = String::from_utf8_lossy(&output.stdout);
        Ok(Build {
            success: output.status.success(),
            errors: stdout.lines().filter_map(compiler_error).collect(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        })
    }

    fn read(&self, reads: &[Read]) -> std::io::Result<BTreeMap<usize, ReadOutcome>> {
        if reads.is_empty() {
            return Ok(BTreeMap::new());
        }
        let exe = self.dir.join("target/debug/conformance-batch");
        let items: Vec<String> = reads
            .iter()
            .map(|r| {
                let version = if r.xsd11 { "1.1" } else { "1.0" };
                match &r.written {
                    Some(out) => format!(
                        "{}\t{version}\t{}\t{}",
                        r.unit,
                        r.instance.display(),
                        out.display()
                    ),
                    None => format!("{}\t{version}\t{}", r.unit, r.instance.display()),
                }
            })
            .collect();
        let outcomes = process::run_resumable(
            &items,
            READ_TIMEOUT,
            || Command::new(&exe),
            |line| {
                let mut parts = line.splitn(4, '\t');
                let index = parts.next()?.parse().ok()?;
                let stage = parts.next()?.to_string();
                let validation = parts.next()?.to_string();
                let message = parts.next().unwrap_or("").to_string();
                Some((
                    index,
                    ReadOutcome {
                        stage,
                        message,
                        validation,
                    },
                ))
            },
            |ending| match ending {
                Ending::TimedOut => ReadOutcome {
                    stage: "timeout".into(),
                    message: format!("no answer within {} s", READ_TIMEOUT.as_secs()),
                    validation: "-".into(),
                },
                Ending::Crashed(how) => ReadOutcome {
                    stage: "crash".into(),
                    message: how.clone(),
                    validation: "-".into(),
                },
                Ending::Done => ReadOutcome {
                    stage: "crash".into(),
                    message: "no result".into(),
                    validation: "-".into(),
                },
            },
        )?;
        Ok(reads.iter().map(|r| r.case).zip(outcomes).collect())
    }
}

/// What cargo said: success, and each error with the unit whose file it
/// is in (when it is in one).
struct Build {
    success: bool,
    errors: Vec<(Option<usize>, String)>,
    stderr: String,
}

/// An error among cargo's JSON messages: the unit of the first batch
/// module file it names (`c<unit>.rs`, primary spans first, then macro
/// expansions and notes), and `code: message`.
pub fn compiler_error(line: &str) -> Option<(Option<usize>, String)> {
    let value: serde_json::Value = serde_json::from_str(line).ok()?;
    if value["reason"] != "compiler-message" || value["message"]["level"] != "error" {
        return None;
    }
    let message = &value["message"];
    let text = message["message"].as_str().unwrap_or("").to_string();
    if text.starts_with("aborting due to") {
        return None;
    }
    let text = match message["code"]["code"].as_str() {
        Some(code) => format!("{code}: {text}"),
        None => text,
    };
    let mut files = Vec::new();
    collect_files(message, &mut files);
    let unit = files.iter().find_map(|f| unit_of_file(f));
    Some((unit, text))
}

/// The file names of a diagnostic's spans (primary ones first), their
/// macro expansions' and its children's.
fn collect_files(message: &serde_json::Value, files: &mut Vec<String>) {
    let spans = message["spans"].as_array().cloned().unwrap_or_default();
    let (primary, other): (Vec<_>, Vec<_>) = spans.iter().partition(|s| s["is_primary"] == true);
    for span in primary.into_iter().chain(other) {
        let mut span = span;
        loop {
            if let Some(f) = span["file_name"].as_str() {
                files.push(f.to_string());
            }
            match span.get("expansion").and_then(|e| e.get("span")) {
                Some(s) if !s.is_null() => span = s,
                _ => break,
            }
        }
    }
    for child in message["children"].as_array().into_iter().flatten() {
        collect_files(child, files);
    }
}

/// The unit of a batch module's file name: `.../c12.rs` is 12.
pub fn unit_of_file(file: &str) -> Option<usize> {
    let name = file.rsplit(['/', '\\']).next()?;
    name.strip_prefix('c')?.strip_suffix(".rs")?.parse().ok()
}

fn write_if_changed(path: &Path, content: &str) -> std::io::Result<()> {
    if std::fs::read(path).is_ok_and(|old| old == content.as_bytes()) {
        return Ok(());
    }
    std::fs::write(path, content)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_are_found_in_the_module_files() {
        let line = r#"{"reason":"compiler-message","message":{"level":"error","message":"cannot find type `X` in this scope","code":{"code":"E0412"},"spans":[{"file_name":"src/main.rs","is_primary":false},{"file_name":"/t/gen/c42.rs","is_primary":true,"expansion":null}],"children":[]}}"#;
        assert_eq!(
            compiler_error(line),
            Some((Some(42), "E0412: cannot find type `X` in this scope".into()))
        );
        // Through a macro expansion.
        let line = r#"{"reason":"compiler-message","message":{"level":"error","message":"m","code":null,"spans":[{"file_name":"/r/yaserde_derive/src/lib.rs","is_primary":true,"expansion":{"span":{"file_name":"src/c7.rs","is_primary":false}}}],"children":[]}}"#;
        assert_eq!(compiler_error(line), Some((Some(7), "m".into())));
        // Nowhere in a module, a warning, the summary, another message.
        let line = r#"{"reason":"compiler-message","message":{"level":"error","message":"linking failed","code":null,"spans":[],"children":[]}}"#;
        assert_eq!(compiler_error(line), Some((None, "linking failed".into())));
        let warning = r#"{"reason":"compiler-message","message":{"level":"warning","message":"w","spans":[]}}"#;
        assert_eq!(compiler_error(warning), None);
        let summary = r#"{"reason":"compiler-message","message":{"level":"error","message":"aborting due to 3 previous errors","spans":[]}}"#;
        assert_eq!(compiler_error(summary), None);
        assert_eq!(
            compiler_error(r#"{"reason":"build-finished","success":false}"#),
            None
        );
        assert_eq!(compiler_error("not json"), None);
    }

    #[test]
    fn module_file_names_give_their_unit() {
        assert_eq!(unit_of_file("/a/b/gen/c123.rs"), Some(123));
        assert_eq!(unit_of_file("src\\c5.rs"), Some(5));
        assert_eq!(unit_of_file("src/main.rs"), None);
        assert_eq!(unit_of_file("/a/c12.rs.bak"), None);
        assert_eq!(unit_of_file("/a/cx.rs"), None);
    }
}
