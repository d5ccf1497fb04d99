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

/// Main's results on the whole suite when the floors were set (the
/// README's table): per set, the cases and how many passed each stage
/// (generated, compiled, read, round trip).
pub const BASELINE: [(&str, usize, [usize; 4]); 9] = [
    ("nist", 10609, [10609, 10609, 10609, 10609]),
    ("ms", 2760, [2757, 2757, 2741, 2725]),
    ("sun", 543, [543, 541, 529, 510]),
    ("boeing", 12, [12, 12, 12, 12]),
    ("saxon", 419, [404, 404, 346, 334]),
    ("ibm", 228, [224, 223, 206, 200]),
    ("oracle", 10, [6, 6, 6, 6]),
    ("wg", 20, [14, 14, 14, 11]),
    ("common", 91, [91, 91, 90, 90]),
];

/// How far under [`BASELINE`] a set's share of passing cases may fall (in
/// shares: half a percentage point) before `--check` fails: failing cases
/// do not fail CI, a regression of the generator or a broken runner does.
pub const MARGIN: f64 = 0.005;

/// The least number of `records` that must pass each stage: for each set,
/// its cases times (its [`BASELINE`] share less [`MARGIN`]), summed; so a
/// sample is held to the same standard as the whole suite.
pub fn floors(records: &[Record]) -> [f64; 4] {
    let mut floors = [0.0; 4];
    for r in records {
        let Some((_, cases, passed)) = BASELINE.iter().find(|b| b.0 == r.set) else {
            continue;
        };
        for (floor, p) in floors.iter_mut().zip(passed) {
            *floor += (*p as f64 / *cases as f64 - MARGIN).max(0.0);
        }
    }
    floors
}

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
            written: settings
                .written
                .as_ref()
                .map(|dir| dir.join(format!("{}.xml", c.id))),
            xsd11: c.version == "1.1-only",
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
                message = format!(
                    "{} does not exist (the schema: {})",
                    c.instance,
                    if cause.is_empty() {
                        "compiled"
                    } else {
                        cause.as_str()
                    }
                );
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
                validation: pipeline::validation_of(&outcomes, Some(c.id)),
            }
        })
        .collect())
}

/// The report of a run: the table by set, by version, the schemas, and
/// the top `top` causes.
pub fn render(records: &[Record], top: usize) -> String {
    let headings = [
        "cases",
        "generated",
        "compiled",
        "read",
        "round trip",
        "valid",
    ];
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
    out.push_str(&render_rejected(records, top));
    out
}

/// The valid instances read that `validate()` rejects, by cause (its
/// first violation's message, normalized): none is expected.
fn render_rejected(records: &[Record], top: usize) -> String {
    let rejected: Vec<Record> = records
        .iter()
        .filter(|r| r.validation.starts_with("invalid"))
        .map(|r| {
            let first = r
                .validation
                .split_once(": ")
                .map_or(r.validation.as_str(), |(_, rest)| rest);
            let first = first.split_once(": ").map_or(first, |(_, rest)| rest);
            let first = first.split("; ").next().unwrap_or(first);
            Record {
                cause: format!("validate: {}", crate::causes::normalize(first)),
                ..r.clone()
            }
        })
        .collect();
    let read = records.iter().filter(|r| !r.validation.is_empty()).count();
    let mut out = format!(
        "
valid instances read: {read}; validate() rejects {}
",
        rejected.len()
    );
    if !rejected.is_empty() {
        out.push_str(&report::render_causes(&rejected, top));
    }
    out
}

/// Whether as many cases pass each stage as [`floors`] asks; the
/// failures, described.
pub fn check_floors(records: &[Record]) -> Result<(), String> {
    let rows = report::count_by(records, |_| String::new(), &[]);
    let total = &rows.last().expect("a total").1;
    let floors = floors(records);
    let mut failures = Vec::new();
    for (i, stage) in report::Stage::PASSED.iter().enumerate() {
        if (total.passed[i] as f64) < floors[i].floor() {
            failures.push(format!(
                "{stage:?}: {} cases, under the floor of {:.0}",
                total.passed[i],
                floors[i].floor()
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
            validation: String::new(),
        }
    }

    #[test]
    fn floors_fail_a_run_that_passes_too_little() {
        // ms passes 99.9%, 99.9%, 99.3%, 98.7% today.
        let run = |generated: usize, round_trip: usize| -> Vec<Record> {
            (0..1000)
                .map(|i| match i {
                    i if i < round_trip => record(Stage::RoundTrip),
                    i if i < generated => record(Stage::Read),
                    _ => record(Stage::None),
                })
                .collect()
        };
        let f = floors(&run(0, 0));
        assert_eq!(f.map(|x| x.floor() as usize), [993, 993, 988, 982]);
        assert_eq!(check_floors(&run(1000, 990)), Ok(()));
        let err = check_floors(&run(950, 940)).unwrap_err();
        assert!(
            err.starts_with("Generated: 950 cases, under the floor of 99"),
            "{err}"
        );
        assert!(
            check_floors(&run(1000, 970))
                .unwrap_err()
                .starts_with("RoundTrip: 970 cases")
        );
        // A set the baseline does not know asks for nothing.
        let other: Vec<Record> = (0..10)
            .map(|_| Record {
                set: "new".into(),
                ..record(Stage::None)
            })
            .collect();
        assert_eq!(check_floors(&other), Ok(()));
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
