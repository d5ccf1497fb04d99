//! The W3C cases: `w3c-cases.tsv` read into [`Case`]s, and the fixed sample
//! CI runs.

use std::collections::BTreeMap;

/// One case: a valid schema and one of its valid instances.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Case {
    /// The case's number: its line in the file, counted from 1 after the header.
    pub id: usize,
    /// The test set: `nist`, `ms`, `sun`, `boeing`, `saxon`, `ibm`, `oracle`, `wg`, `common`.
    pub set: String,
    /// The test group within the set.
    pub group: String,
    /// `1.0`, or `1.1-only` for the cases only XSD 1.1 makes valid.
    pub version: String,
    /// The schema, relative to the suite's directory.
    pub schema: String,
    /// The instance document, relative to the suite's directory.
    pub instance: String,
}

/// The columns `w3c-cases.tsv` must start with.
pub const HEADER: &str = "set\tgroup\tversion\tschema\tinstance";

/// Reads the cases file: a header line ([`HEADER`]), then one case a line,
/// five tab-separated columns. Blank lines are skipped; anything else that
/// is not five non-empty columns is an error naming its line.
pub fn parse_tsv(text: &str) -> Result<Vec<Case>, String> {
    let mut lines = text.lines().enumerate();
    match lines.next() {
        Some((_, header)) if header.trim_end_matches('\r') == HEADER => {}
        Some((_, header)) => {
            return Err(format!(
                "line 1: expected the header {HEADER:?}, found {header:?}"
            ));
        }
        None => return Err("the cases file is empty".into()),
    }
    let mut cases = Vec::new();
    for (index, line) in lines {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            continue;
        }
        let columns: Vec<&str> = line.split('\t').collect();
        if columns.len() != 5 || columns.iter().any(|c| c.is_empty()) {
            return Err(format!(
                "line {}: expected 5 non-empty tab-separated columns, found {:?}",
                index + 1,
                line
            ));
        }
        cases.push(Case {
            id: cases.len() + 1,
            set: columns[0].to_string(),
            group: columns[1].to_string(),
            version: columns[2].to_string(),
            schema: columns[3].to_string(),
            instance: columns[4].to_string(),
        });
    }
    Ok(cases)
}

/// A fixed sample of about `size` cases, spread over every set: each set
/// gives its share in proportion to its size, but at least `min(set size,
/// MIN_PER_SET)`; within a set, evenly spaced cases (the first, then every
/// k-th), so the same file always gives the same sample.
pub fn sample(cases: &[Case], size: usize) -> Vec<Case> {
    /// Small sets are taken whole up to this many cases.
    const MIN_PER_SET: usize = 60;
    if size >= cases.len() {
        return cases.to_vec();
    }
    let mut by_set: BTreeMap<&str, Vec<&Case>> = BTreeMap::new();
    for case in cases {
        by_set.entry(&case.set).or_default().push(case);
    }
    let mut chosen = Vec::new();
    for members in by_set.values() {
        let share = (members.len() * size).div_ceil(cases.len());
        let want = share.max(MIN_PER_SET).min(members.len());
        // Evenly spaced: index i * len / want, for i in 0..want.
        for i in 0..want {
            chosen.push(members[i * members.len() / want].clone());
        }
    }
    chosen.sort_by_key(|c| c.id);
    chosen
}

/// The cases whose schema or instance path contains `substring`.
pub fn filter(cases: Vec<Case>, substring: &str) -> Vec<Case> {
    cases
        .into_iter()
        .filter(|c| c.schema.contains(substring) || c.instance.contains(substring))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(rows: &[(&str, usize)]) -> String {
        let mut text = format!("{HEADER}\n");
        for (set, n) in rows {
            for i in 0..*n {
                text.push_str(&format!(
                    "{set}\tg{i}\t1.0\t{set}/s{}.xsd\t{set}/i{i}.xml\n",
                    i / 3
                ));
            }
        }
        text
    }

    #[test]
    fn parses_columns_and_numbers_cases_from_one() {
        let cases = parse_tsv(&format!(
            "{HEADER}\r\nms\tattribute\t1.1-only\tmsData/a.xsd\tmsData/a.xml\r\n\nnist\tg\t1.0\tn.xsd\tn.xml\n"
        ))
        .unwrap();
        assert_eq!(cases.len(), 2);
        assert_eq!(
            cases[0],
            Case {
                id: 1,
                set: "ms".into(),
                group: "attribute".into(),
                version: "1.1-only".into(),
                schema: "msData/a.xsd".into(),
                instance: "msData/a.xml".into(),
            }
        );
        assert_eq!((cases[1].id, cases[1].instance.as_str()), (2, "n.xml"));
    }

    #[test]
    fn rejects_a_wrong_header_or_a_short_line() {
        assert!(parse_tsv("").is_err());
        assert!(parse_tsv("a\tb\n").unwrap_err().contains("header"));
        let err = parse_tsv(&format!("{HEADER}\nms\tg\t1.0\tonly-schema.xsd\n")).unwrap_err();
        assert!(err.starts_with("line 2:"), "{err}");
        assert!(parse_tsv(&format!("{HEADER}\nms\t\t1.0\ta.xsd\ta.xml\n")).is_err());
    }

    #[test]
    fn sample_is_fixed_proportional_and_covers_every_set() {
        let cases = parse_tsv(&file(&[
            ("nist", 1000),
            ("ms", 300),
            ("boeing", 12),
            ("wg", 20),
        ]))
        .unwrap();
        let s = sample(&cases, 200);
        assert_eq!(s, sample(&cases, 200), "deterministic");
        let count = |set: &str| s.iter().filter(|c| c.set == set).count();
        // Small sets whole, large ones in proportion (at least the minimum).
        assert_eq!((count("boeing"), count("wg")), (12, 20));
        // 1000 * 200 / 1332, rounded up.
        assert_eq!(count("nist"), 151);
        assert_eq!(count("ms"), 60);
        // Evenly spread: the first case of each set, no duplicates, in file order.
        assert!(s.windows(2).all(|w| w[0].id < w[1].id));
        assert_eq!(s.iter().find(|c| c.set == "ms").unwrap().id, 1001);
        let nist: Vec<usize> = s.iter().filter(|c| c.set == "nist").map(|c| c.id).collect();
        assert!(
            nist.last().unwrap() > &900,
            "reaches the end of the set: {nist:?}"
        );
        // A sample as large as the whole is the whole.
        assert_eq!(sample(&cases, 5000).len(), cases.len());
    }

    #[test]
    fn filter_matches_schema_or_instance() {
        let cases = parse_tsv(&file(&[("nist", 6), ("ms", 3)])).unwrap();
        assert_eq!(filter(cases.clone(), "ms/").len(), 3);
        assert_eq!(filter(cases.clone(), "i1.xml").len(), 2);
        assert_eq!(filter(cases, "s1.xsd").len(), 3);
    }
}
