//! The generate stage: every unit's schemas through the generator, in child
//! processes (the generator can overflow its stack or hang on a schema: that
//! schema is recorded, the others go on).

use std::io::BufRead;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Mutex;
use std::time::Duration;

use serde::{Deserialize, Serialize};

use crate::process::{self, Ending};

/// A set of schemas generated together into one file, `c<id>.rs`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unit {
    /// The unit's number, unique in a run: its file and module are `c<id>`.
    pub id: usize,
    /// The schema files given to the generator.
    pub schemas: Vec<PathBuf>,
}

/// What generating one unit gave.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Generated {
    /// Generated into `c<id>.rs`; `document`: the code has `Document`
    /// (the schema has a global element).
    Ok {
        /// Whether the code has `Document`.
        document: bool,
        /// Lines of code.
        lines: usize,
    },
    /// The generator returned errors: the first, and how many.
    Error {
        /// The first error.
        message: String,
        /// How many errors.
        count: usize,
    },
    /// The generator's process crashed (stack overflow, abort) or hung.
    Crash(String),
}

/// The line the child prints for each unit: its index in the input and
/// the result.
#[derive(Serialize, Deserialize)]
struct Answer {
    index: usize,
    result: Generated,
}

/// How long one unit may take to generate.
pub const TIMEOUT: Duration = Duration::from_secs(120);

/// Units per child process.
const CHUNK: usize = 250;

/// The child's side (the runner's hidden `generate-batch` command): reads
/// `id<TAB>schema<TAB>schema...` lines on standard input, writes each
/// unit's code to `out/c<id>.rs` and prints one answer line (JSON) per unit as
/// soon as it is done.
pub fn child(out: &Path) -> std::io::Result<()> {
    use std::io::Write;
    let stdin = std::io::stdin();
    let mut stdout = std::io::stdout();
    for (index, line) in stdin.lock().lines().enumerate() {
        let line = line?;
        let mut fields = line.split('\t');
        let id = fields.next().unwrap_or_default();
        let schemas: Vec<PathBuf> = fields.map(PathBuf::from).collect();
        let file = out.join(format!("c{id}.rs"));
        let result = match xsd_codegen::Config::new().generate(&schemas) {
            Ok(code) => {
                std::fs::write(&file, &code)?;
                Generated::Ok {
                    document: code.contains("pub enum Document {"),
                    lines: code.lines().count(),
                }
            }
            Err(errors) => Generated::Error {
                message: errors
                    .iter()
                    .next()
                    .map(|e| e.to_string())
                    .unwrap_or_default(),
                count: errors.len(),
            },
        };
        let answer = serde_json::to_string(&Answer { index, result }).expect("serializable");
        writeln!(stdout, "{answer}")?;
        stdout.flush()?;
    }
    Ok(())
}

/// Generates every unit into `out` (emptied first) with `jobs` child
/// processes at a time, each the runner itself (`exe generate-batch`).
/// Returns the results in the order of `units`.
pub fn generate_all(
    exe: &Path,
    units: &[Unit],
    out: &Path,
    jobs: usize,
) -> std::io::Result<Vec<Generated>> {
    if out.exists() {
        std::fs::remove_dir_all(out)?;
    }
    std::fs::create_dir_all(out)?;
    let chunks: Vec<&[Unit]> = units.chunks(CHUNK).collect();
    let next = Mutex::new(0usize);
    let results: Mutex<Vec<Option<Vec<Generated>>>> = Mutex::new(vec![None; chunks.len()]);
    std::thread::scope(|scope| -> std::io::Result<()> {
        let workers: Vec<_> = (0..jobs.max(1))
            .map(|_| {
                scope.spawn(|| -> std::io::Result<()> {
                    loop {
                        let index = {
                            let mut n = next.lock().expect("lock");
                            *n += 1;
                            *n - 1
                        };
                        let Some(chunk) = chunks.get(index) else {
                            return Ok(());
                        };
                        let generated = generate_chunk(exe, chunk, out)?;
                        results.lock().expect("lock")[index] = Some(generated);
                    }
                })
            })
            .collect();
        for worker in workers {
            worker.join().expect("a generating thread")?;
        }
        Ok(())
    })?;
    Ok(results
        .into_inner()
        .expect("lock")
        .into_iter()
        .flat_map(|r| r.expect("every chunk generated"))
        .collect())
}

fn generate_chunk(exe: &Path, units: &[Unit], out: &Path) -> std::io::Result<Vec<Generated>> {
    let items: Vec<String> = units
        .iter()
        .map(|u| {
            let mut line = u.id.to_string();
            for s in &u.schemas {
                line.push('\t');
                line.push_str(&s.display().to_string());
            }
            line
        })
        .collect();
    process::run_resumable(
        &items,
        TIMEOUT,
        || {
            let mut c = Command::new(exe);
            c.arg("generate-batch").arg("--out").arg(out);
            c
        },
        |line| {
            let answer: Answer = serde_json::from_str(line).ok()?;
            Some((answer.index, answer.result))
        },
        |ending| {
            Generated::Crash(match ending {
                Ending::TimedOut => format!("timed out after {} s", TIMEOUT.as_secs()),
                Ending::Crashed(how) => format!("the generator crashed: {how}"),
                Ending::Done => "no result".into(),
            })
        },
    )
}
