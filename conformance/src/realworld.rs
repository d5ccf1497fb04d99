//! The real-world schema sets (`../shared/real-world`): each set's entry
//! schemas generated together, compiled, and its example documents read
//! and round-tripped.
//!
//! A set is one unit (its entry schemas given to the generator together),
//! except where its README lists alternatives: Factur-X's five profiles
//! and the full CII D22B schema are six units (each profile reads its own
//! example, CII D22B, which every profile restricts, reads all six), and
//! OpenDRIVE's two versions are two. The schema for schemas reads every
//! `.xsd` file of the real-world sets as its examples.

use std::path::{Path, PathBuf};

use crate::batch::Read;
use crate::generate::Unit;
use crate::pipeline::{self, Settings};
use crate::report::{self, Record, Stage};

/// One unit of a set: a name, its entry schemas, its examples (paths and
/// globs relative to the set's directory; `*` matches within one file name).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SetUnit {
    /// The set's directory.
    pub set: &'static str,
    /// The unit's name in the tables (`factur_x/BASIC`), the set's alone.
    pub name: &'static str,
    /// Entry schemas.
    pub schemas: &'static [&'static str],
    /// Example documents.
    pub examples: &'static [&'static str],
}

const fn unit(
    set: &'static str,
    name: &'static str,
    schemas: &'static [&'static str],
    examples: &'static [&'static str],
) -> SetUnit {
    SetUnit {
        set,
        name,
        schemas,
        examples,
    }
}

/// Every set, from the README of `real-world/`.
pub const SETS: &[SetUnit] = &[
    unit("bmecat_etim_310", "bmecat_etim_310", &["schema.xsd"], &[]),
    unit(
        "bmecat_etim_501",
        "bmecat_etim_501",
        &["schema.xsd"],
        &["example/*.xml"],
    ),
    unit(
        "factur_x",
        "factur_x/MINIMUM",
        &["schema/0 1.07.2 MINIMUM/Factur-X_1.07.2_MINIMUM.xsd"],
        &["examples/minimum.xml"],
    ),
    unit(
        "factur_x",
        "factur_x/BASICWL",
        &["schema/1 1.07.2 BASICWL/Factur-X_1.07.2_BASICWL.xsd"],
        &["examples/basicwl.xml"],
    ),
    unit(
        "factur_x",
        "factur_x/BASIC",
        &["schema/2 1.07.2 BASIC/Factur-X_1.07.2_BASIC.xsd"],
        &["examples/basic.xml"],
    ),
    unit(
        "factur_x",
        "factur_x/EN16931",
        &["schema/3 1.07.2 EN16931/Factur-X_1.07.2_EN16931.xsd"],
        &["examples/en16931.xml"],
    ),
    unit(
        "factur_x",
        "factur_x/EXTENDED",
        &["schema/4 1.07.2 EXTENDED/Factur-X_1.07.2_EXTENDED.xsd"],
        &["examples/extended.xml"],
    ),
    unit(
        "factur_x",
        "factur_x/CII D22B",
        &["schema/5 CII D22B XSD/CrossIndustryInvoice_100pD22B.xsd"],
        &["examples/*.xml"],
    ),
    unit(
        "ideal_merchant_acquirer",
        "ideal_merchant_acquirer",
        &["schema.xsd"],
        &["example/merchant-acquirer.xml"],
    ),
    unit(
        "musicxml",
        "musicxml",
        &["schema/*.xsd"],
        &["examples/*.xml"],
    ),
    unit("ofd", "ofd", &["schema/*.xsd"], &["examples/*.xml"]),
    // ONIX comes in two tag sets, each with its schema and example.
    unit(
        "onix",
        "onix/reference",
        &["schema/ONIX_BookProduct_3.1_reference.xsd"],
        &["examples/Onix3sample_refnames.xml"],
    ),
    unit(
        "onix",
        "onix/short",
        &["schema/ONIX_BookProduct_3.1_short.xsd"],
        &["examples/Onix3sample_shorttags.xml"],
    ),
    unit(
        "opendrive",
        "opendrive/1.4",
        &["v1_4/OpenDRIVE_1.4H.xsd"],
        &[],
    ),
    unit("opendrive", "opendrive/1.6", &["v1_6/schema/*.xsd"], &[]),
    unit(
        "shiporder",
        "shiporder",
        &["schema.xsd"],
        &["example/*.xml"],
    ),
    unit("sitemap", "sitemap", &["schema.xsd"], &["example/*.xml"]),
    unit("xcb", "xcb", &["schema.xsd"], &["example/*.xml"]),
    unit(
        "xccdf_1_2",
        "xccdf_1_2",
        &["schema/*.xsd"],
        &["examples/*.xml"],
    ),
    unit("xml_catalogs", "xml_catalogs", &["schema.xsd"], &[]),
    unit(
        "xml_schema",
        "xml_schema",
        &["XMLSchema.xsd", "xml.xsd"],
        &["../*/*.xsd", "../*/*/*.xsd", "../*/*/*/*.xsd"],
    ),
];

/// Example documents that are not valid against the schema they come with,
/// and why (relative to the real-world directory): the table says so beside
/// what happens to them.
pub const NOT_INSTANCES: &[(&str, &str)] = &[
    (
        "ideal_merchant_acquirer/example/merchant-acquirer.xml",
        "its root, DirectoryReq, is in the iDx 1.0.0 namespace \
         (http://www.betaalvereniging.nl/iDx/messages/Merchant-Acquirer/1.0.0); \
         the schema's is iDEAL 3.3.1's (http://www.idealdesk.com/ideal/messages/mer-acq/3.3.1), \
         which has no DirectoryReq",
    ),
    (
        "ofd/examples/Content.xml",
        "its elements are in the namespace http://www.ofdspec.org; \
         the schema's is http://www.ofdspec.org/2016",
    ),
];

/// The files `pattern` names under `dir`, sorted: each `/`-separated part
/// is a name, `..`, or a glob where `*` matches any run of characters.
pub fn expand(dir: &Path, pattern: &str) -> Vec<PathBuf> {
    let mut found = vec![dir.to_path_buf()];
    for part in pattern.split('/') {
        let mut next = Vec::new();
        for base in &found {
            if !part.contains('*') {
                let path = base.join(part);
                if path.exists() {
                    next.push(path);
                }
                continue;
            }
            let Ok(entries) = std::fs::read_dir(base) else {
                continue;
            };
            for entry in entries.flatten() {
                if glob_match(part, &entry.file_name().to_string_lossy()) {
                    next.push(entry.path());
                }
            }
        }
        found = next;
    }
    found.sort();
    found
}

/// Whether `name` matches `pattern`, where `*` matches any run of characters.
pub fn glob_match(pattern: &str, name: &str) -> bool {
    match pattern.split_once('*') {
        None => pattern == name,
        Some((head, tail)) => {
            let Some(rest) = name.strip_prefix(head) else {
                return false;
            };
            (0..=rest.len())
                .filter(|i| rest.is_char_boundary(*i))
                .any(|i| glob_match(tail, &rest[i..]))
        }
    }
}

/// Runs the sets whose name contains `filter` (all of them for `""`),
/// found in `dir`: a record per example document, and one per unit
/// without examples.
pub fn run(settings: &Settings, dir: &Path, filter: &str) -> std::io::Result<Vec<Record>> {
    let chosen: Vec<&SetUnit> = SETS.iter().filter(|u| u.name.contains(filter)).collect();
    let mut units = Vec::new();
    let mut reads = Vec::new();
    // (record id, unit index, example) for every record to make.
    let mut planned: Vec<(usize, usize, Option<PathBuf>)> = Vec::new();
    for (i, set_unit) in chosen.iter().enumerate() {
        let base = dir.join(set_unit.set);
        let schemas: Vec<PathBuf> = set_unit
            .schemas
            .iter()
            .flat_map(|p| expand(&base, p))
            .collect();
        units.push(Unit { id: i + 1, schemas });
        let examples: Vec<PathBuf> = set_unit
            .examples
            .iter()
            .flat_map(|p| expand(&base, p))
            .collect();
        if examples.is_empty() {
            planned.push((planned.len() + 1, i, None));
        }
        for example in examples {
            let id = planned.len() + 1;
            reads.push(Read {
                case: id,
                unit: i + 1,
                instance: example.clone(),
                written: None,
                xsd11: false,
            });
            planned.push((id, i, Some(example)));
        }
    }
    let outcomes = pipeline::run(settings, &units, &reads)?;
    let relative = |p: &Path| p.strip_prefix(dir).unwrap_or(p).display().to_string();
    Ok(planned
        .into_iter()
        .map(|(id, i, example)| {
            let (reached, cause, message) =
                pipeline::outcome_of(&outcomes, i + 1, example.as_ref().map(|_| id));
            Record {
                id,
                set: chosen[i].name.to_string(),
                group: example
                    .as_ref()
                    .and_then(|e| e.file_name())
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default(),
                version: String::new(),
                schema: units[i]
                    .schemas
                    .first()
                    .map(|s| relative(s))
                    .unwrap_or_default(),
                instance: example.as_deref().map(relative).unwrap_or_default(),
                reached,
                cause,
                message,
                validation: pipeline::validation_of(&outcomes, example.as_ref().map(|_| id)),
            }
        })
        .collect())
}

/// The table: a row per unit (generated and compiled: yes or no; the
/// examples, how many read and round-trip), the sets that generate, and
/// the causes.
pub fn render(records: &[Record], top: usize) -> String {
    let mut cells = vec![
        [
            "set",
            "generated",
            "compiled",
            "examples",
            "read",
            "round trip",
        ]
        .map(String::from)
        .to_vec(),
    ];
    let yes = |b: bool| if b { "yes" } else { "no" }.to_string();
    let (mut generated_sets, mut all_sets) = (Vec::new(), Vec::new());
    for set_unit in SETS {
        let mine: Vec<&Record> = records.iter().filter(|r| r.set == set_unit.name).collect();
        let Some(first) = mine.first() else { continue };
        let examples: Vec<&&Record> = mine.iter().filter(|r| !r.instance.is_empty()).collect();
        let read = examples.iter().filter(|r| r.reached >= Stage::Read).count();
        let round = examples
            .iter()
            .filter(|r| r.reached >= Stage::RoundTrip)
            .count();
        let with = |n: usize| {
            if examples.is_empty() {
                "—".to_string()
            } else {
                n.to_string()
            }
        };
        cells.push(vec![
            set_unit.name.to_string(),
            yes(first.reached >= Stage::Generated),
            yes(first.reached >= Stage::Compiled),
            with(examples.len()),
            with(read),
            with(round),
        ]);
        if !all_sets.contains(&set_unit.set) {
            all_sets.push(set_unit.set);
        }
        if first.reached >= Stage::Generated && !generated_sets.contains(&set_unit.set) {
            generated_sets.push(set_unit.set);
        }
    }
    // A set generates when every unit of it does.
    generated_sets.retain(|set| {
        records
            .iter()
            .filter(|r| SETS.iter().any(|u| u.set == *set && u.name == r.set))
            .all(|r| r.reached >= Stage::Generated)
    });
    let mut out = String::from("Real-world schema sets\n\n");
    out.push_str(&report::markdown(&cells));
    let excused: Vec<String> = NOT_INSTANCES
        .iter()
        .filter_map(|(example, why)| {
            let r = records.iter().find(|r| r.instance == *example)?;
            let outcome = if r.reached >= Stage::Read {
                "read all the same".to_string()
            } else {
                format!("not read: {}", r.cause)
            };
            Some(format!(
                "- {example}: not an instance of its schema: {why} ({outcome})\n"
            ))
        })
        .collect();
    if !excused.is_empty() {
        out.push('\n');
        out.push_str(&excused.concat());
    }
    out.push_str(&format!(
        "\nsets whose every unit generates: {} of {}\n",
        generated_sets.len(),
        all_sets.len()
    ));
    let read = records.iter().filter(|r| !r.validation.is_empty());
    let invalid: Vec<&Record> = read
        .clone()
        .filter(|r| r.validation.starts_with("invalid"))
        .collect();
    out.push_str(&format!(
        "examples read: {}, valid by validate(): {}\n",
        read.count(),
        records.iter().filter(|r| r.validation == "valid").count()
    ));
    for r in &invalid {
        out.push_str(&format!("  {}: {}\n", r.instance, r.validation));
    }
    out.push('\n');
    // A unit that does not generate or compile counts once, not once per example.
    let mut counted: Vec<Record> = Vec::new();
    for r in records {
        let repeated = counted
            .last()
            .is_some_and(|l| l.set == r.set && l.reached < Stage::Compiled);
        if !repeated {
            counted.push(r.clone());
        }
    }
    out.push_str(
        "failures of generating and compiling counted once per unit, of reading once per example\n",
    );
    out.push_str(&report::render_causes(&counted, top));
    out
}

/// The least number of units that must generate, and of example
/// documents that must be read, for `--check` to succeed: what main gives
/// today (every unit; every example that is an instance of its schema; see
/// the README's table).
pub const FLOORS: (usize, usize) = (21, 151);

/// Whether at least [`FLOORS`] units generate and examples are read.
pub fn check_floor(records: &[Record]) -> Result<(), String> {
    let mut generated: Vec<&str> = records
        .iter()
        .filter(|r| r.reached >= Stage::Generated)
        .map(|r| r.set.as_str())
        .collect();
    generated.dedup();
    let read = records
        .iter()
        .filter(|r| !r.instance.is_empty() && r.reached >= Stage::Read)
        .count();
    if generated.len() < FLOORS.0 || read < FLOORS.1 {
        return Err(format!(
            "{} units generate (floor {}), {read} examples are read (floor {})",
            generated.len(),
            FLOORS.0,
            FLOORS.1
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn globs_match_within_a_name() {
        assert!(glob_match("*.xsd", "a.xsd"));
        assert!(glob_match(
            "Factur-X_*_MINIMUM.xsd",
            "Factur-X_1.07.2_MINIMUM.xsd"
        ));
        assert!(!glob_match("*.xsd", "a.xml"));
        assert!(!glob_match("a*", "ba"));
        assert!(glob_match("*", ""));
        assert!(glob_match("é*é", "éaé"));
    }

    #[test]
    fn patterns_expand_to_sorted_existing_files() {
        let dir = std::env::temp_dir().join(format!("conformance-expand-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("s/schema")).unwrap();
        std::fs::create_dir_all(dir.join("t")).unwrap();
        for f in [
            "s/schema/b.xsd",
            "s/schema/a.xsd",
            "s/schema/n.txt",
            "t/x.xsd",
        ] {
            std::fs::write(dir.join(f), "").unwrap();
        }
        let names = |v: Vec<PathBuf>| {
            v.iter()
                .map(|p| p.strip_prefix(&dir).unwrap().display().to_string())
                .collect::<Vec<_>>()
        };
        assert_eq!(
            names(expand(&dir.join("s"), "schema/*.xsd")),
            ["s/schema/a.xsd", "s/schema/b.xsd"]
        );
        assert_eq!(
            names(expand(&dir.join("s"), "../*/*.xsd")),
            ["s/../t/x.xsd"]
        );
        assert!(expand(&dir.join("s"), "missing.xsd").is_empty());
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn an_example_that_is_not_an_instance_of_its_schema_says_why() {
        let (example, _) = NOT_INSTANCES[0];
        let records = [Record {
            id: 1,
            set: "ideal_merchant_acquirer".into(),
            group: String::new(),
            version: String::new(),
            schema: "ideal_merchant_acquirer/schema.xsd".into(),
            instance: example.into(),
            reached: Stage::Compiled,
            cause: "read: expected {…}".into(),
            message: String::new(),
            validation: String::new(),
        }];
        let text = render(&records, 10);
        assert!(
            text.contains(&format!(
                "- {example}: not an instance of its schema: its root, DirectoryReq, is in the iDx 1.0.0 namespace"
            )),
            "{text}"
        );
        assert!(text.contains("(not read: read: expected {…})"), "{text}");
    }

    #[test]
    fn a_unit_that_does_not_generate_counts_once() {
        let record = |id: usize, set: &str, instance: &str, reached: Stage, cause: &str| Record {
            id,
            set: set.into(),
            group: String::new(),
            version: String::new(),
            schema: format!("{set}/schema.xsd"),
            instance: instance.into(),
            reached,
            cause: cause.into(),
            message: String::new(),
            validation: String::new(),
        };
        let records = [
            record(1, "xml_schema", "a.xsd", Stage::None, "generate: DTD"),
            record(2, "xml_schema", "b.xsd", Stage::None, "generate: DTD"),
            record(3, "shiporder", "s.xml", Stage::Compiled, "read: x"),
            record(4, "shiporder", "t.xml", Stage::Compiled, "read: x"),
            record(5, "xml_catalogs", "", Stage::Compiled, ""),
        ];
        let text = render(&records, 10);
        assert!(text.contains("3 failures, 2 distinct causes"), "{text}");
        assert!(
            text.contains("| xml_schema   |        no |       no |        2 |    0 |          0 |"),
            "{text}"
        );
        assert!(
            text.contains("| xml_catalogs |       yes |      yes |        — |    — |          — |"),
            "{text}"
        );
        assert!(
            text.contains("sets whose every unit generates: 2 of 3"),
            "{text}"
        );
        assert!(
            text.contains("examples read: 0, valid by validate(): 0"),
            "{text}"
        );
        assert_eq!(
            check_floor(&records).unwrap_err(),
            "2 units generate (floor 21), 0 examples are read (floor 151)"
        );
    }

    #[test]
    fn every_set_of_the_readme_is_listed() {
        let mut sets: Vec<&str> = SETS.iter().map(|u| u.set).collect();
        sets.dedup();
        assert_eq!(sets.len(), 14);
        let names: std::collections::HashSet<&str> = SETS.iter().map(|u| u.name).collect();
        assert_eq!(names.len(), SETS.len(), "unit names are unique");
    }
}
