//! Results: one [`Record`] per case, written as JSON lines, and the tables
//! printed from them (by set, by version, the failures by cause, the
//! difference from an earlier run).

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;
use std::path::Path;

use serde::{Deserialize, Serialize};

/// How far a case got; each stage needs the ones before it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Stage {
    /// Nothing passed: the schema did not generate.
    None,
    /// The schema generated Rust code.
    Generated,
    /// The code compiled (with the other schemas of its batch).
    Compiled,
    /// The instance document was read into the schema's `Document`.
    Read,
    /// It was written back, the same XML tree as the original, and read
    /// again into the same value.
    RoundTrip,
}

impl Stage {
    /// The stages a case can pass, in order.
    pub const PASSED: [Stage; 4] = [
        Stage::Generated,
        Stage::Compiled,
        Stage::Read,
        Stage::RoundTrip,
    ];

    /// The name of the step that failed for a case that reached `self`.
    pub fn next_step(self) -> &'static str {
        match self {
            Stage::None => "generate",
            Stage::Generated => "compile",
            Stage::Compiled => "read",
            Stage::Read => "round trip",
            Stage::RoundTrip => "",
        }
    }
}

/// One case's result, a line of the results file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Record {
    /// The case's number.
    pub id: usize,
    /// The test set (W3C) or schema set (real world).
    pub set: String,
    /// The test group (W3C), or the example's name (real world).
    pub group: String,
    /// `1.0` or `1.1-only` (W3C); empty for the real world.
    pub version: String,
    /// The schema (its first file).
    pub schema: String,
    /// The instance document; empty for a real-world set without examples.
    pub instance: String,
    /// The last stage passed.
    pub reached: Stage,
    /// The cause of the failure (normalized, with the step that failed in
    /// front); empty when every stage passed.
    pub cause: String,
    /// The failure's message as it was.
    pub message: String,
    /// What `validate()` said of the document read: `valid`, or `invalid:`
    /// and its first violations; empty when nothing was read (and in a
    /// results file older than validation).
    #[serde(default)]
    pub validation: String,
}

impl Record {
    /// The record's cause: `step: normalized message`, from the last stage
    /// passed and the failure's raw message.
    pub fn cause_of(reached: Stage, detail: &str, message: &str) -> String {
        let step = reached.next_step();
        let detail = if detail.is_empty() {
            String::new()
        } else {
            format!(" ({detail})")
        };
        format!("{step}{detail}: {}", crate::causes::normalize(message))
    }
}

/// Writes `records` as JSON lines.
pub fn write_records(path: &Path, records: &[Record]) -> std::io::Result<()> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)?;
    }
    let mut text = String::new();
    for r in records {
        text.push_str(&serde_json::to_string(r).map_err(std::io::Error::other)?);
        text.push('\n');
    }
    std::fs::write(path, text)
}

/// Reads a results file written by [`write_records`].
pub fn read_records(path: &Path) -> Result<Vec<Record>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| {
            serde_json::from_str(l).map_err(|e| format!("{}:{}: {e}", path.display(), i + 1))
        })
        .collect()
}

/// Counts per row: cases, then how many reached each stage of
/// [`Stage::PASSED`], and how many of those read were valid.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Cases in the row.
    pub cases: usize,
    /// How many passed each stage.
    pub passed: [usize; 4],
    /// How many were read and found valid by `validate()`.
    pub valid: usize,
}

impl Counts {
    fn add(&mut self, r: &Record) {
        self.cases += 1;
        for (i, stage) in Stage::PASSED.iter().enumerate() {
            if r.reached >= *stage {
                self.passed[i] += 1;
            }
        }
        if r.validation == "valid" {
            self.valid += 1;
        }
    }
}

/// The counts of `records` grouped by `key`, rows in `order` first (then
/// any other key, sorted), and a total.
pub fn count_by(
    records: &[Record],
    key: impl Fn(&Record) -> String,
    order: &[&str],
) -> Vec<(String, Counts)> {
    let mut rows: BTreeMap<String, Counts> = BTreeMap::new();
    let mut total = Counts::default();
    for r in records {
        rows.entry(key(r)).or_default().add(r);
        total.add(r);
    }
    let mut out = Vec::new();
    for name in order {
        if let Some(c) = rows.remove(*name) {
            out.push((name.to_string(), c));
        }
    }
    out.extend(rows);
    out.push(("total".into(), total));
    out
}

/// `n (p%)`, the percentage of `of` to one decimal.
pub fn percent(n: usize, of: usize) -> String {
    if of == 0 {
        return format!("{n}");
    }
    format!("{n} ({:.1}%)", n as f64 * 100.0 / of as f64)
}

/// A table of counts as Markdown: a row per key, columns `first` (the
/// key's heading), cases, one per stage and the valid ones, in `headings`.
pub fn render_counts(first: &str, headings: [&str; 6], rows: &[(String, Counts)]) -> String {
    let mut cells: Vec<Vec<String>> = vec![
        std::iter::once(first.to_string())
            .chain(headings.iter().map(|h| h.to_string()))
            .collect(),
    ];
    for (name, c) in rows {
        let mut row = vec![name.clone(), c.cases.to_string()];
        row.extend(c.passed.iter().map(|n| percent(*n, c.cases)));
        row.push(percent(c.valid, c.cases));
        cells.push(row);
    }
    markdown(&cells)
}

/// Cells as a Markdown table, columns padded; the first row is the heading.
pub fn markdown(cells: &[Vec<String>]) -> String {
    let columns = cells.iter().map(Vec::len).max().unwrap_or(0);
    let width: Vec<usize> = (0..columns)
        .map(|i| {
            cells
                .iter()
                .filter_map(|r| r.get(i))
                .map(|c| c.chars().count())
                .max()
                .unwrap_or(0)
                .max(3)
        })
        .collect();
    let mut out = String::new();
    for (n, row) in cells.iter().enumerate() {
        let line: Vec<String> = (0..columns)
            .map(|i| {
                let cell = row.get(i).map_or("", String::as_str);
                let pad = width[i] - cell.chars().count();
                if i == 0 {
                    format!("{cell}{}", " ".repeat(pad))
                } else {
                    format!("{}{cell}", " ".repeat(pad))
                }
            })
            .collect();
        let _ = writeln!(out, "| {} |", line.join(" | "));
        if n == 0 {
            let rule: Vec<String> = width
                .iter()
                .enumerate()
                .map(|(i, w)| {
                    if i == 0 {
                        "-".repeat(*w)
                    } else {
                        format!("{}:", "-".repeat(w - 1))
                    }
                })
                .collect();
            let _ = writeln!(out, "| {} |", rule.join(" | "));
        }
    }
    out
}

/// The failures grouped by cause, most frequent first (ties by cause):
/// (cause, count, an example record).
pub fn causes(records: &[Record]) -> Vec<(String, usize, &Record)> {
    let mut groups: HashMap<&str, (usize, &Record)> = HashMap::new();
    for r in records.iter().filter(|r| !r.cause.is_empty()) {
        groups.entry(&r.cause).or_insert((0, r)).0 += 1;
    }
    let mut out: Vec<(String, usize, &Record)> = groups
        .into_iter()
        .map(|(c, (n, r))| (c.to_string(), n, r))
        .collect();
    out.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    out
}

/// The top `top` causes as text: count, cause, and one example.
pub fn render_causes(records: &[Record], top: usize) -> String {
    let all = causes(records);
    let failures: usize = all.iter().map(|c| c.1).sum();
    let mut out = format!(
        "{failures} failures, {} distinct causes; the {} most frequent:\n\n",
        all.len(),
        top.min(all.len())
    );
    for (cause, n, example) in all.iter().take(top) {
        let case = if example.instance.is_empty() {
            example.schema.clone()
        } else {
            format!("{} {}", example.schema, example.instance)
        };
        let _ = writeln!(out, "{n:>6}  {cause}\n        e.g. {case}");
    }
    out
}

/// What changed since an earlier run: cases better, worse, new and gone
/// (by schema and instance), and the cases that got worse (at most `list`).
pub fn compare(old: &[Record], new: &[Record], list: usize) -> String {
    let key = |r: &Record| (r.schema.clone(), r.instance.clone());
    let before: HashMap<_, _> = old.iter().map(|r| (key(r), r)).collect();
    let (mut better, mut worse, mut added) = (0, Vec::new(), 0);
    for r in new {
        match before.get(&key(r)) {
            None => added += 1,
            Some(o) if r.reached > o.reached => better += 1,
            Some(o) if r.reached < o.reached => worse.push((*o, r)),
            Some(_) => {}
        }
    }
    let now: std::collections::HashSet<_> = new.iter().map(key).collect();
    let gone = old.iter().filter(|r| !now.contains(&key(r))).count();
    let mut out = format!(
        "compared with the earlier run: {better} better, {} worse, {added} new, {gone} gone\n",
        worse.len()
    );
    for (o, r) in worse.iter().take(list) {
        let _ = writeln!(
            out,
            "  worse: {} {}: {:?} -> {:?}: {}",
            r.schema, r.instance, o.reached, r.reached, r.cause
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(id: usize, set: &str, reached: Stage, cause: &str) -> Record {
        Record {
            id,
            set: set.into(),
            group: "g".into(),
            version: "1.0".into(),
            schema: format!("s{id}.xsd"),
            instance: format!("i{id}.xml"),
            reached,
            cause: cause.into(),
            message: String::new(),
            validation: if reached >= Stage::Read { "valid" } else { "" }.into(),
        }
    }

    #[test]
    fn counts_are_cumulative_by_stage_with_a_total() {
        let records = [
            record(1, "ms", Stage::RoundTrip, ""),
            record(2, "ms", Stage::Compiled, "read: x"),
            record(3, "nist", Stage::None, "generate: y"),
            record(4, "zeta", Stage::Read, "round trip: z"),
        ];
        let rows = count_by(&records, |r| r.set.clone(), &["nist", "ms"]);
        let names: Vec<&str> = rows.iter().map(|r| r.0.as_str()).collect();
        assert_eq!(names, ["nist", "ms", "zeta", "total"]);
        assert_eq!(
            rows[1].1,
            Counts {
                cases: 2,
                passed: [2, 2, 1, 1],
                valid: 1,
            }
        );
        assert_eq!(
            rows[0].1,
            Counts {
                cases: 1,
                passed: [0, 0, 0, 0],
                valid: 0,
            }
        );
        assert_eq!(
            rows[3].1,
            Counts {
                cases: 4,
                passed: [3, 3, 2, 1],
                valid: 2,
            }
        );
        let table = render_counts(
            "set",
            [
                "cases",
                "generated",
                "compiled",
                "read",
                "round trip",
                "valid",
            ],
            &rows,
        );
        assert!(table.contains("| total |     4 |  3 (75.0%) |"), "{table}");
        assert!(table.contains("|  1 (25.0%) |  2 (50.0%) |"), "{table}");
    }

    #[test]
    fn causes_group_and_sort_by_count() {
        let records = [
            record(1, "ms", Stage::None, "generate: b"),
            record(2, "ms", Stage::None, "generate: a"),
            record(3, "ms", Stage::None, "generate: b"),
            record(4, "ms", Stage::RoundTrip, ""),
        ];
        let c = causes(&records);
        assert_eq!(
            c.iter().map(|c| (c.0.as_str(), c.1)).collect::<Vec<_>>(),
            [("generate: b", 2), ("generate: a", 1)]
        );
        assert_eq!(c[0].2.id, 1, "the first case is the example");
        assert!(render_causes(&records, 1).starts_with("3 failures, 2 distinct causes"));
    }

    #[test]
    fn cause_names_the_failed_step() {
        assert_eq!(
            Record::cause_of(Stage::Compiled, "", "a.xsd:1:2: bad `x`"),
            "read: bad `…`"
        );
        assert_eq!(
            Record::cause_of(Stage::Read, "compare", "lost 3"),
            "round trip (compare): lost N"
        );
    }

    #[test]
    fn compare_finds_regressions() {
        let old = [
            record(1, "ms", Stage::Read, ""),
            record(2, "ms", Stage::None, ""),
            record(3, "ms", Stage::Read, ""),
        ];
        let new = [
            record(1, "ms", Stage::Compiled, "read: x"),
            record(2, "ms", Stage::Generated, ""),
            record(4, "ms", Stage::None, ""),
        ];
        let text = compare(&old, &new, 10);
        assert!(
            text.starts_with("compared with the earlier run: 1 better, 1 worse, 1 new, 1 gone"),
            "{text}"
        );
        assert!(
            text.contains("worse: s1.xsd i1.xml: Read -> Compiled: read: x"),
            "{text}"
        );
    }

    #[test]
    fn records_survive_the_file() {
        let dir = std::env::temp_dir().join(format!("conformance-report-{}", std::process::id()));
        let path = dir.join("r.jsonl");
        let records = vec![
            record(1, "ms", Stage::Read, "round trip: x"),
            record(2, "nist", Stage::None, "g"),
        ];
        write_records(&path, &records).unwrap();
        assert_eq!(read_records(&path).unwrap(), records);
        std::fs::remove_dir_all(dir).unwrap();
    }
}
