//! The W3C suite's invalid NIST instances (`w3c --invalid`): each
//! `NISTXML-SV-II-<name>-<n>.xml` beside its schema `NISTSchema-SV-II-<name>.xsd`
//! (the suite's NIST metadata is absent from the copy; the file names pair
//! them). Each breaks one facet of its schema's type; the code generated
//! from the schema must reject it, by failing to read it or by
//! `validate()` finding the violation.

use std::collections::BTreeMap;
use std::path::Path;

use crate::cases::Case;
use crate::report::{self, Record, Stage};

/// The share of the invalid instances whose schema compiles that must be
/// rejected (`--check`).
pub const FLOOR: f64 = 0.95;

/// The invalid NIST instances under `suite`'s `nistData/`, each with its
/// schema (paths relative to `suite`), in path order; group: the schema's
/// name less `NISTSchema-SV-II-` and its number (`atomic-decimal-maxExclusive`).
pub fn cases(suite: &Path) -> std::io::Result<Vec<Case>> {
    let mut found = Vec::new();
    collect(&suite.join("nistData"), &mut found)?;
    found.sort();
    let mut cases = Vec::new();
    for instance in found {
        let Some(file) = instance.file_name().and_then(|n| n.to_str()) else {
            continue;
        };
        let Some((name, _n)) = file
            .strip_prefix("NISTXML-SV-II-")
            .and_then(|rest| rest.strip_suffix(".xml"))
            .and_then(|rest| rest.rsplit_once('-'))
        else {
            continue;
        };
        let schema = instance.with_file_name(format!("NISTSchema-SV-II-{name}.xsd"));
        let relative = |p: &Path| {
            p.strip_prefix(suite)
                .unwrap_or(p)
                .display()
                .to_string()
                .replace('\\', "/")
        };
        cases.push(Case {
            id: cases.len() + 1,
            set: "nist".into(),
            group: name.rsplit_once('-').map_or(name, |(g, _)| g).to_string(),
            version: "1.0".into(),
            schema: relative(&schema),
            instance: relative(&instance),
        });
    }
    Ok(cases)
}

fn collect(dir: &Path, out: &mut Vec<std::path::PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            collect(&path, out)?;
        } else if path
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with("NISTXML-SV-II-") && n.ends_with(".xml"))
        {
            out.push(path);
        }
    }
    Ok(())
}

/// What became of an invalid instance.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Verdict {
    /// Its schema did not generate or compile.
    NotRun,
    /// Reading it failed with an error.
    RejectedByRead,
    /// It was read, and `validate()` found a violation.
    RejectedByValidate,
    /// It was read, and `validate()` found nothing: a miss.
    Accepted,
    /// The reader panicked, crashed or timed out, or the file could not
    /// be read: no verdict.
    Broken,
}

/// The verdict on `r`, a record of an invalid instance.
pub fn verdict(r: &Record) -> Verdict {
    if r.reached < Stage::Compiled {
        return Verdict::NotRun;
    }
    if r.validation.starts_with("invalid") {
        return Verdict::RejectedByValidate;
    }
    if r.validation == "valid" {
        return Verdict::Accepted;
    }
    if r.reached == Stage::Compiled && r.cause.starts_with("read:") {
        Verdict::RejectedByRead
    } else {
        Verdict::Broken
    }
}

/// The counts of one row: instances, then per [`Verdict`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct Row {
    instances: usize,
    by: BTreeMap<Verdict, usize>,
}

impl Row {
    fn get(&self, v: Verdict) -> usize {
        self.by.get(&v).copied().unwrap_or(0)
    }

    /// Instances whose schema compiled.
    fn run(&self) -> usize {
        self.instances - self.get(Verdict::NotRun)
    }

    fn rejected(&self) -> usize {
        self.get(Verdict::RejectedByRead) + self.get(Verdict::RejectedByValidate)
    }
}

fn rows(records: &[Record], key: impl Fn(&Record) -> String) -> Vec<(String, Row)> {
    let mut rows: BTreeMap<String, Row> = BTreeMap::new();
    let mut total = Row::default();
    for r in records {
        let v = verdict(r);
        for row in [rows.entry(key(r)).or_default(), &mut total] {
            row.instances += 1;
            *row.by.entry(v).or_default() += 1;
        }
    }
    let mut out: Vec<(String, Row)> = rows.into_iter().collect();
    out.push(("total".into(), total));
    out
}

fn table(first: &str, rows: &[(String, Row)]) -> String {
    let mut cells = vec![
        [
            first,
            "invalid instances",
            "schema compiled",
            "rejected",
            "by read",
            "by validate()",
            "accepted",
            "broken",
        ]
        .map(String::from)
        .to_vec(),
    ];
    for (name, row) in rows {
        let run = row.run();
        cells.push(vec![
            name.clone(),
            row.instances.to_string(),
            run.to_string(),
            report::percent(row.rejected(), run),
            row.get(Verdict::RejectedByRead).to_string(),
            row.get(Verdict::RejectedByValidate).to_string(),
            row.get(Verdict::Accepted).to_string(),
            row.get(Verdict::Broken).to_string(),
        ]);
    }
    report::markdown(&cells)
}

/// The facet an instance breaks, from its group (`atomic-decimal-maxExclusive`).
fn facet(r: &Record) -> String {
    r.group.rsplit('-').next().unwrap_or_default().to_string()
}

/// The report: rejections by variety (atomic, list, union) and by facet,
/// then the instances accepted (at most `top` groups), then the causes of
/// the schemas that did not generate or compile.
pub fn render(records: &[Record], top: usize) -> String {
    let mut out = String::from(
        "W3C XML Schema test suite, NIST invalid instances: rejected by reading or by validate()\n\n",
    );
    let variety = |r: &Record| r.group.split('-').next().unwrap_or_default().to_string();
    out.push_str(&table("variety", &rows(records, variety)));
    out.push('\n');
    out.push_str(&table("facet", &rows(records, facet)));
    let mut accepted: BTreeMap<&str, Vec<&Record>> = BTreeMap::new();
    for r in records.iter().filter(|r| verdict(r) == Verdict::Accepted) {
        accepted.entry(&r.group).or_default().push(r);
    }
    let mut groups: Vec<(&str, Vec<&Record>)> = accepted.into_iter().collect();
    groups.sort_by(|a, b| b.1.len().cmp(&a.1.len()).then(a.0.cmp(b.0)));
    out.push_str(&format!(
        "\naccepted (not rejected): {} instances in {} groups; the {} largest:\n",
        groups.iter().map(|g| g.1.len()).sum::<usize>(),
        groups.len(),
        top.min(groups.len())
    ));
    for (group, members) in groups.iter().take(top) {
        out.push_str(&format!(
            "{:>6}  {group}\n        e.g. {}\n",
            members.len(),
            members[0].instance
        ));
    }
    let broken: Vec<&Record> = records
        .iter()
        .filter(|r| verdict(r) == Verdict::Broken)
        .collect();
    for r in broken.iter().take(top) {
        out.push_str(&format!("broken: {}: {}\n", r.instance, r.cause));
    }
    let not_run: Vec<Record> = records
        .iter()
        .filter(|r| verdict(r) == Verdict::NotRun)
        .cloned()
        .collect();
    if !not_run.is_empty() {
        out.push('\n');
        out.push_str(&report::render_causes(&not_run, top));
    }
    out
}

/// Whether at least [`FLOOR`] of the instances whose schema compiled are
/// rejected.
pub fn check_floor(records: &[Record]) -> Result<(), String> {
    let total = rows(records, |_| String::new()).pop().expect("a total").1;
    let run = total.run();
    let rejected = total.rejected();
    if (rejected as f64) < FLOOR * run as f64 {
        Err(format!(
            "{rejected} of {run} invalid instances rejected, under {:.0}%",
            FLOOR * 100.0
        ))
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(group: &str, reached: Stage, cause: &str, validation: &str) -> Record {
        Record {
            id: 1,
            set: "nist".into(),
            group: group.into(),
            version: "1.0".into(),
            schema: "s.xsd".into(),
            instance: format!("{group}.xml"),
            reached,
            cause: cause.into(),
            message: String::new(),
            validation: validation.into(),
        }
    }

    #[test]
    fn verdicts_tell_read_from_validate() {
        let cases = [
            (record("a", Stage::None, "generate: x", ""), Verdict::NotRun),
            (
                record("a", Stage::Generated, "compile: x", ""),
                Verdict::NotRun,
            ),
            (
                record("a", Stage::Compiled, "read: bad", ""),
                Verdict::RejectedByRead,
            ),
            (
                record("a", Stage::Compiled, "read (panic): boom", ""),
                Verdict::Broken,
            ),
            (
                record("a", Stage::RoundTrip, "", "invalid: 1 violations: x"),
                Verdict::RejectedByValidate,
            ),
            // Read but not written back: still validated.
            (
                record("a", Stage::Read, "round trip (compare): y", "invalid: z"),
                Verdict::RejectedByValidate,
            ),
            (
                record("a", Stage::RoundTrip, "", "valid"),
                Verdict::Accepted,
            ),
        ];
        for (r, expected) in cases {
            assert_eq!(verdict(&r), expected, "{r:?}");
        }
    }

    #[test]
    fn the_floor_counts_the_instances_whose_schema_compiled() {
        let mut records: Vec<Record> = (0..19)
            .map(|_| record("atomic-int-pattern", Stage::RoundTrip, "", "invalid: x"))
            .collect();
        records.push(record("atomic-int-pattern", Stage::RoundTrip, "", "valid"));
        records.push(record("atomic-int-pattern", Stage::None, "generate: x", ""));
        assert_eq!(check_floor(&records), Ok(()));
        records.push(record("atomic-int-pattern", Stage::RoundTrip, "", "valid"));
        assert!(check_floor(&records).unwrap_err().starts_with("19 of 21"));
        let text = render(&records, 5);
        assert!(
            text.contains("| atomic  |                22 |              21 | 19 (90.5%) |"),
            "{text}"
        );
        assert!(text.contains("     2  atomic-int-pattern"), "{text}");
    }

    #[test]
    fn cases_pair_each_instance_with_its_schema() {
        let dir = std::env::temp_dir().join(format!("conformance-invalid-{}", std::process::id()));
        let data = dir.join("nistData/atomic/int/Schema+Instance");
        std::fs::create_dir_all(&data).unwrap();
        for file in [
            "NISTSchema-SV-II-atomic-int-pattern-2.xsd",
            "NISTXML-SV-II-atomic-int-pattern-2-1.xml",
            "NISTXML-SV-II-atomic-int-pattern-2-10.xml",
            "NISTXML-SV-IV-atomic-int-pattern-2-1.xml",
        ] {
            std::fs::write(data.join(file), "").unwrap();
        }
        let cases = cases(&dir).unwrap();
        std::fs::remove_dir_all(&dir).unwrap();
        assert_eq!(cases.len(), 2);
        assert_eq!(
            cases[0].schema,
            "nistData/atomic/int/Schema+Instance/NISTSchema-SV-II-atomic-int-pattern-2.xsd"
        );
        assert_eq!(
            cases[1].instance,
            "nistData/atomic/int/Schema+Instance/NISTXML-SV-II-atomic-int-pattern-2-10.xml"
        );
        assert_eq!(cases[0].group, "atomic-int-pattern");
        assert_eq!((cases[0].id, cases[1].id), (1, 2));
    }
}
