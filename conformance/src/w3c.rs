//! The W3C XML Schema test suite's valid cases through every stage.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::batch::Read;
use crate::cases::Case;
use crate::generate::Unit;
use crate::pipeline::{self, Settings};
use crate::report::{self, Record};

/// The test sets in the order the tables list them.
pub const SETS: [&str; 9] = [
    "nist", "ms", "sun", "boeing", "saxon", "ibm", "oracle", "wg", "common",
];

/// The least share of the cases run that must pass each stage (generated,
/// compiled, read, round trip) for `--check` to succeed: a little under
/// what main gives today (90.2%, 90.0%, 89.7%, 1.6% of the whole suite;
/// see the README's table), so that a regression of
/// the generator, or a broken runner, fails CI while the failing cases
/// themselves do not.
pub const FLOORS: [f64; 4] = [0.895, 0.895, 0.89, 0.012];

/// Runs `cases` (paths relative to `suite`) and returns one record per case.
pub fn run(settings: &Settings, suite: &Path, cases: &[Case]) -> std::io::Result<Vec<Record>> {
    // One unit per distinct schema, numbered in order of first appearance.
    let mut unit_of: HashMap<&str, usize> = HashMap::new();
    let mut units = Vec::new();
    for case in cases {
        if !unit_of.contains_key(case.schema.as_str()) {
            let id = units.len() + 1;
            unit_of.insert(&case.schema, id);
            units.push(Unit {
                id,
                schemas: vec![suite.join(&case.schema)],
            });
        }
    }
    let reads: Vec<Read> = cases
        .iter()
        .map(|c| Read {
            case: c.id,
            unit: unit_of[c.schema.as_str()],
            instance: suite.join(&c.instance),
        })
        .collect();
    let outcomes = pipeline::run(settings, &units, &reads)?;
    Ok(cases
        .iter()
        .map(|c| {
            let (mut reached, mut cause, mut message) =
                pipeline::outcome_of(&outcomes, unit_of[c.schema.as_str()], Some(c.id));
            // An absent instance is a missing input, whatever its schema did.
            if !suite.join(&c.instance).is_file() {
                reached = reached.min(report::Stage::Compiled);
                message = format!("{} does not exist", c.instance);
                cause = "missing input: the instance file does not exist".into();
            }
            Record {
                id: c.id,
                set: c.set.clone(),
                group: c.group.clone(),
                version: c.version.clone(),
                schema: c.schema.clone(),
                instance: c.instance.clone(),
                reached,
                cause,
                message,
            }
        })
        .collect())
}

/// The report of a run: the table by set, by version, the schemas, and
/// the top `top` causes.
pub fn render(records: &[Record], top: usize) -> String {
    let headings = ["cases", "generated", "compiled", "read", "round trip"];
    let mut out =
        String::from("W3C XML Schema test suite, valid schema + valid instance cases\n\n");
    out.push_str(&report::render_counts(
        "set",
        headings,
        &report::count_by(records, |r| r.set.clone(), &SETS),
    ));
    out.push('\n');
    out.push_str(&report::render_counts(
        "version",
        headings,
        &report::count_by(records, |r| r.version.clone(), &["1.0", "1.1-only"]),
    ));
    // Distinct schemas: how many generate and compile.
    let mut schemas: HashMap<&str, report::Stage> = HashMap::new();
    for r in records {
        let s = schemas.entry(&r.schema).or_insert(r.reached);
        *s = (*s).max(r.reached.min(report::Stage::Compiled));
    }
    let generated = schemas
        .values()
        .filter(|s| **s >= report::Stage::Generated)
        .count();
    let compiled = schemas
        .values()
        .filter(|s| **s >= report::Stage::Compiled)
        .count();
    out.push_str(&format!(
        "\ndistinct schemas: {}, generated {}, compiled {}\n\n",
        schemas.len(),
        report::percent(generated, schemas.len()),
        report::percent(compiled, schemas.len())
    ));
    out.push_str(&report::render_causes(records, top));
    out
}

/// Whether each stage's share of passing cases is at least its floor in
/// [`FLOORS`]; the failures, described.
pub fn check_floors(records: &[Record]) -> Result<(), String> {
    let rows = report::count_by(records, |_| String::new(), &[]);
    let total = &rows.last().expect("a total").1;
    let mut failures = Vec::new();
    for (i, stage) in report::Stage::PASSED.iter().enumerate() {
        let share = total.passed[i] as f64 / total.cases.max(1) as f64;
        if share < FLOORS[i] {
            failures.push(format!(
                "{stage:?}: {:.1}% of the cases, under the floor of {:.1}%",
                share * 100.0,
                FLOORS[i] * 100.0
            ));
        }
    }
    if failures.is_empty() {
        Ok(())
    } else {
        Err(failures.join("; "))
    }
}

/// The default place of a file of `../shared`, relative to the workspace root.
pub fn shared_default(var: &str, default: &str) -> PathBuf {
    std::env::var_os(var).map_or_else(|| workspace_root().join(default), PathBuf::from)
}

/// The workspace's root directory (the runner's crate's parent).
pub fn workspace_root() -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    root.canonicalize().unwrap_or(root)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::Stage;

    fn record(reached: Stage) -> Record {
        Record {
            id: 1,
            set: "ms".into(),
            group: "g".into(),
            version: "1.0".into(),
            schema: "s.xsd".into(),
            instance: "i.xml".into(),
            reached,
            cause: String::new(),
            message: String::new(),
        }
    }

    #[test]
    fn floors_fail_a_run_that_passes_too_little() {
        let good: Vec<Record> = (0..100)
            .map(|i| {
                record(if i < 92 {
                    Stage::RoundTrip
                } else {
                    Stage::None
                })
            })
            .collect();
        assert_eq!(check_floors(&good), Ok(()));
        let bad: Vec<Record> = (0..100)
            .map(|i| {
                record(if i < 50 {
                    Stage::RoundTrip
                } else {
                    Stage::Generated
                })
            })
            .collect();
        let err = check_floors(&bad).unwrap_err();
        assert!(err.starts_with("Compiled: 50.0% of the cases"), "{err}");
        assert!(!err.contains("Generated:"), "{err}");
    }

    #[test]
    fn the_report_has_both_tables_and_the_schemas() {
        let records = vec![
            record(Stage::RoundTrip),
            Record {
                set: "nist".into(),
                schema: "t.xsd".into(),
                ..record(Stage::None)
            },
        ];
        let text = render(&records, 5);
        assert!(text.contains("| nist  |     1 |   0 (0.0%) |"), "{text}");
        assert!(text.contains("| 1.0     |     2 |"), "{text}");
        assert!(
            text.contains("distinct schemas: 2, generated 1 (50.0%), compiled 1 (50.0%)"),
            "{text}"
        );
    }
}
