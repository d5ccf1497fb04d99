//! The stages run in order over units (schema sets) and the documents they
//! read: generate every unit, compile the generated ones in batches, read
//! each document in its batch's binary; one [`Record`] per document.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Mutex;
use std::time::Instant;

use crate::batch::{BatchResult, Member, Read, ReadOutcome, Slot};
use crate::generate::{self, Generated, Unit};
use crate::report::{Record, Stage};

/// Where and how to run.
#[derive(Clone, Debug)]
pub struct Settings {
    /// The runner's own executable (for the generating children).
    pub exe: PathBuf,
    /// The work directory: `gen/` (generated code), `build/slot<n>/`.
    pub work: PathBuf,
    /// Processes (generators, builds) at a time.
    pub jobs: usize,
    /// Generated files per batch crate.
    pub batch_size: usize,
    /// testkit's directory (a dependency of the batch crates).
    pub testkit: PathBuf,
    /// The workspace's lock file, copied into the batch crates.
    pub lock: PathBuf,
    /// Where to save each document written back (`<case>.xml`), if anywhere.
    pub written: Option<PathBuf>,
}

/// What the stages gave: per unit, its generation and compile result; per
/// document, its read.
#[derive(Debug, Default)]
pub struct Outcomes {
    /// Unit id → what generating it gave.
    pub generated: BTreeMap<usize, Generated>,
    /// Unit id → its compile error, `None` when it compiled (only the
    /// generated units).
    pub compiled: BTreeMap<usize, Option<String>>,
    /// Read case → what reading it gave (only those of compiled units).
    pub reads: BTreeMap<usize, ReadOutcome>,
}

/// Runs every stage over `units` and `reads`, printing progress on stderr.
pub fn run(settings: &Settings, units: &[Unit], reads: &[Read]) -> std::io::Result<Outcomes> {
    let started = Instant::now();
    let gen_dir = settings.work.join("gen");
    let generated = generate::generate_all(&settings.exe, units, &gen_dir, settings.jobs)?;
    let ok = generated
        .iter()
        .filter(|g| matches!(g, Generated::Ok { .. }))
        .count();
    eprintln!(
        "generated {ok} of {} schema sets in {:.0?}",
        units.len(),
        started.elapsed()
    );
    let mut outcomes = Outcomes {
        generated: units.iter().map(|u| u.id).zip(generated).collect(),
        ..Outcomes::default()
    };
    let members: Vec<Member> = outcomes
        .generated
        .iter()
        .filter_map(|(unit, g)| match g {
            Generated::Ok { document, .. } => Some(Member {
                unit: *unit,
                file: gen_dir.join(format!("c{unit}.rs")),
                document: *document,
            }),
            _ => None,
        })
        .collect();
    let batches: Vec<&[Member]> = members.chunks(settings.batch_size.max(1)).collect();
    let mut reads_of: BTreeMap<usize, Vec<Read>> = BTreeMap::new();
    for r in reads {
        reads_of.entry(r.unit).or_default().push(r.clone());
    }
    let next = Mutex::new(0usize);
    let done = Mutex::new((0usize, Vec::<BatchResult>::new()));
    let compile_started = Instant::now();
    std::thread::scope(|scope| -> std::io::Result<()> {
        let workers: Vec<_> = (0..settings.jobs.max(1).min(batches.len().max(1)))
            .map(|n| {
                let (next, done, batches, reads_of) = (&next, &done, &batches, &reads_of);
                scope.spawn(move || -> std::io::Result<()> {
                    let slot = Slot::create(
                        &settings.work.join(format!("build/slot{n}")),
                        &settings.testkit,
                        &settings.lock,
                    )?;
                    loop {
                        let index = {
                            let mut i = next.lock().expect("lock");
                            *i += 1;
                            *i - 1
                        };
                        let Some(batch) = batches.get(index) else { return Ok(()) };
                        let batch_reads: Vec<Read> = batch
                            .iter()
                            .flat_map(|m| reads_of.get(&m.unit).cloned().unwrap_or_default())
                            .collect();
                        let result = slot.run(batch, &batch_reads)?;
                        let mut done = done.lock().expect("lock");
                        done.0 += 1;
                        let failed = result.compiled.values().filter(|e| e.is_some()).count();
                        let read_ok = result.reads.values().filter(|r| r.stage == "ok").count();
                        eprintln!(
                            "batch {}/{} ({} schema sets): {} do not compile, {} builds; {} of {} documents round-trip; {:.0?}",
                            done.0,
                            batches.len(),
                            batch.len(),
                            failed,
                            result.builds,
                            read_ok,
                            result.reads.len(),
                            compile_started.elapsed()
                        );
                        done.1.push(result);
                    }
                })
            })
            .collect();
        for worker in workers {
            worker.join().expect("a batch thread")?;
        }
        Ok(())
    })?;
    for result in done.into_inner().expect("lock").1 {
        outcomes.compiled.extend(result.compiled);
        outcomes.reads.extend(result.reads);
    }
    Ok(outcomes)
}

/// What `validate()` said of document `case`: `valid`, `invalid: ...`, or
/// empty when it was not read.
pub fn validation_of(outcomes: &Outcomes, case: Option<usize>) -> String {
    match case.and_then(|c| outcomes.reads.get(&c)) {
        Some(read) if read.validation != "-" => read.validation.clone(),
        _ => String::new(),
    }
}

/// How far the document `case` of unit `unit` got, and why it stopped
/// there: (stage reached, cause, message).
pub fn outcome_of(
    outcomes: &Outcomes,
    unit: usize,
    case: Option<usize>,
) -> (Stage, String, String) {
    let fail = |reached: Stage, detail: &str, message: &str| {
        (
            reached,
            Record::cause_of(reached, detail, message),
            message.to_string(),
        )
    };
    match outcomes.generated.get(&unit) {
        Some(Generated::Ok { .. }) => {}
        Some(Generated::Error { message, .. }) => return fail(Stage::None, "", message),
        Some(Generated::Crash(how)) => return fail(Stage::None, "crash", how),
        None => return fail(Stage::None, "", "not run"),
    }
    match outcomes.compiled.get(&unit) {
        Some(None) => {}
        Some(Some(error)) => return fail(Stage::Generated, "", error),
        None => return fail(Stage::Generated, "", "not compiled"),
    }
    let Some(case) = case else {
        return (Stage::Compiled, String::new(), String::new());
    };
    let Some(read) = outcomes.reads.get(&case) else {
        return fail(Stage::Compiled, "", "not read");
    };
    match read.stage.as_str() {
        "ok" => (Stage::RoundTrip, String::new(), String::new()),
        "read" => fail(Stage::Compiled, "", &read.message),
        "input" | "panic" | "crash" | "timeout" => {
            fail(Stage::Compiled, &read.stage, &read.message)
        }
        other => fail(Stage::Read, other, &read.message),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_failure_stops_at_its_stage() {
        let mut o = Outcomes::default();
        o.generated.insert(
            1,
            Generated::Error {
                message: "a.xsd:1:1: unsupported construct `xs:redefine`: no".into(),
                count: 2,
            },
        );
        o.generated.insert(
            2,
            Generated::Crash("the generator crashed: stack overflow".into()),
        );
        for unit in 3..=4 {
            o.generated.insert(
                unit,
                Generated::Ok {
                    document: true,
                    lines: 10,
                },
            );
        }
        o.compiled
            .insert(3, Some("E0412: cannot find type `X`".into()));
        o.compiled.insert(4, None);
        let read = |stage: &str, message: &str| ReadOutcome {
            stage: stage.into(),
            message: message.into(),
            validation: if stage == "read" { "-" } else { "valid" }.into(),
        };
        o.reads.insert(10, read("ok", ""));
        o.reads
            .insert(11, read("read", "the element Title of Folder is missing"));
        o.reads
            .insert(12, read("compare", "attribute xsi:schemaLocation lost"));
        o.reads.insert(13, read("panic", "panicked: boom"));

        let stage = |unit, case| outcome_of(&o, unit, case);
        assert_eq!(stage(1, Some(1)).0, Stage::None);
        assert_eq!(
            stage(1, Some(1)).1,
            "generate: unsupported construct `xs:redefine`: no"
        );
        assert_eq!(
            stage(2, None).1,
            "generate (crash): the generator crashed: stack overflow"
        );
        assert_eq!(
            stage(3, Some(1)),
            (
                Stage::Generated,
                "compile: E0412: cannot find type `…`".into(),
                "E0412: cannot find type `X`".into()
            )
        );
        assert_eq!(stage(4, None).0, Stage::Compiled);
        assert_eq!(stage(4, Some(10)).0, Stage::RoundTrip);
        assert_eq!(
            stage(4, Some(11)).1,
            "read: the element Title of Folder is missing"
        );
        assert_eq!(stage(4, Some(12)).0, Stage::Read);
        assert_eq!(
            stage(4, Some(12)).1,
            "round trip (compare): attribute xsi:schemaLocation lost"
        );
        assert_eq!(stage(4, Some(13)).1, "read (panic): panicked: boom");
        assert_eq!(stage(4, Some(14)).1, "read: not read");
        assert_eq!(validation_of(&o, Some(10)), "valid");
        assert_eq!(validation_of(&o, Some(11)), "");
        assert_eq!(validation_of(&o, None), "");
    }
}
