//! The NIST datatype tests of the W3C suite, checked by the runtime's facets
//! alone (no generator): each schema in `nistData/` defines one simple type
//! (a restriction of a built-in type, of a list or of a union) and one
//! element of it. Its facets are read here with roxmltree into
//! [`Constraints`]; every valid instance value (`NISTXML-SV-IV-*.xml`) must
//! pass, and at least 95% of the invalid ones (`NISTXML-SV-II-*.xml`) must be
//! rejected (all of them but NIST's 6 mistakes, in fact, each for the facet
//! it tests). The misses are printed, grouped by variety, type and facet.
//!
//! The suite is found through `W3C_SUITE_DIR` (default
//! `../shared/w3c-xsdtests`); without it the test says so and skips (and
//! fails under `CI`).

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use xsd_runtime::facets::{BuiltinType, Checker, Constraints, Facet, Variety, WhiteSpace};

const XS: &str = "http://www.w3.org/2001/XMLSchema";

/// Valid instances that break their own schema's facet (see
/// `../shared/README.md`): not valid cases.
const NOT_VALID: &[&str] = &[
    "NISTXML-SV-IV-atomic-gDay-maxInclusive-3-2.xml",
    "NISTXML-SV-IV-atomic-gDay-maxInclusive-3-3.xml",
    "NISTXML-SV-IV-atomic-gDay-maxInclusive-3-4.xml",
    "NISTXML-SV-IV-atomic-gDay-maxInclusive-3-5.xml",
    "NISTXML-SV-IV-atomic-gMonth-maxExclusive-2-2.xml",
    "NISTXML-SV-IV-atomic-gMonth-maxExclusive-2-3.xml",
    "NISTXML-SV-IV-atomic-gMonth-maxExclusive-2-4.xml",
    "NISTXML-SV-IV-atomic-gMonth-maxExclusive-2-5.xml",
];

/// Invalid instances that satisfy their schema's facet (`---29` is not above
/// a maxInclusive of `---30`, `--03` is above a minExclusive of `--01`):
/// NIST's mistakes, the mirror of [`NOT_VALID`]. Every other invalid
/// instance must be rejected.
const NOT_INVALID: &[&str] = &[
    "NISTXML-SV-II-atomic-gDay-maxInclusive-2-2.xml",
    "NISTXML-SV-II-atomic-gDay-maxInclusive-2-3.xml",
    "NISTXML-SV-II-atomic-gDay-maxInclusive-2-4.xml",
    "NISTXML-SV-II-atomic-gMonth-minExclusive-3-2.xml",
    "NISTXML-SV-II-atomic-gMonth-minExclusive-3-3.xml",
    "NISTXML-SV-II-atomic-gMonth-minExclusive-3-5.xml",
];

/// The share of invalid instances that must be rejected.
const REJECTED_FLOOR: f64 = 0.95;

#[test]
fn nist_datatype_instances() {
    let Some(suite) = testkit::shared_dir("W3C_SUITE_DIR", "../shared/w3c-xsdtests") else {
        return;
    };
    let mut schemas = Vec::new();
    find_schemas(&suite.join("nistData"), &mut schemas);
    schemas.sort();
    assert!(
        schemas.len() > 3900,
        "found only {} NIST schemas",
        schemas.len()
    );

    let mut valid = (0, 0);
    let mut valid_failures = Vec::new();
    let mut invalid = (0, 0);
    // Accepted invalid instances by variety, type and facet.
    let mut misses: BTreeMap<String, (usize, Vec<String>)> = BTreeMap::new();
    // By facet kind: invalid instances, rejected, rejected by that facet.
    let mut by_kind: BTreeMap<String, (usize, usize, usize)> = BTreeMap::new();
    let mut other_reason = Vec::new();
    let mut unexpected = Vec::new();
    for schema in &schemas {
        let stem = schema.file_stem().unwrap().to_str().unwrap();
        let is_valid = stem.starts_with("NISTSchema-SV-IV-");
        let checker = Checker::new(read_schema(schema));
        if let Err(errors) = checker.compile() {
            panic!("{}: {errors:?}", schema.display());
        }
        let prefix = format!("NISTXML-{}-", &stem["NISTSchema-".len()..]);
        let dir = schema.parent().unwrap();
        let mut instances: Vec<_> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .filter(|n| {
                n.starts_with(&prefix)
                    && n[prefix.len()..]
                        .trim_end_matches(".xml")
                        .bytes()
                        .all(|b| b.is_ascii_digit())
            })
            .collect();
        instances.sort();
        assert!(!instances.is_empty(), "{stem}: no instance");
        for name in instances {
            if NOT_VALID.contains(&name.as_str()) {
                continue;
            }
            let value = instance_value(&dir.join(&name));
            let result = checker.check(&value);
            if is_valid {
                valid.0 += 1;
                if let Err(violations) = result {
                    valid.1 += 1;
                    valid_failures.push(format!(
                        "{name}: {value:?}: {}",
                        violations
                            .iter()
                            .map(ToString::to_string)
                            .collect::<Vec<_>>()
                            .join("; ")
                    ));
                }
            } else {
                invalid.0 += 1;
                let group = group_of(&name);
                let kind = by_kind.entry(group[2].clone()).or_default();
                kind.0 += 1;
                match result {
                    Ok(()) => {
                        invalid.1 += 1;
                        if !NOT_INVALID.contains(&name.as_str()) {
                            unexpected.push(name.clone());
                        }
                        let missed = misses.entry(group.join(" ")).or_default();
                        missed.0 += 1;
                        missed.1.push(format!("{name}: {value:?}"));
                    }
                    Err(violations) => {
                        kind.1 += 1;
                        if violations.iter().any(|v| v.constraint.name() == group[2]) {
                            kind.2 += 1;
                        } else {
                            other_reason.push(format!("{name}: {}", violations[0]));
                        }
                    }
                }
            }
        }
    }

    let mut report = String::new();
    let rejected = invalid.0 - invalid.1;
    let _ = writeln!(
        report,
        "NIST datatypes: {} schemas; valid instances accepted {}/{}; invalid instances rejected {}/{} ({:.2}%)",
        schemas.len(),
        valid.0 - valid.1,
        valid.0,
        rejected,
        invalid.0,
        100.0 * rejected as f64 / invalid.0 as f64
    );
    let _ = writeln!(
        report,
        "invalid instances by facet: rejected (for that facet) of all"
    );
    for (kind, (total, rejected, for_it)) in &by_kind {
        let _ = writeln!(
            report,
            "  {kind:<15} {rejected:>5} ({for_it:>5}) of {total:>5}"
        );
    }
    if !misses.is_empty() {
        let _ = writeln!(
            report,
            "invalid instances accepted, by variety, type and facet:"
        );
        for (group, (accepted, examples)) in &misses {
            let _ = writeln!(report, "  {group:<35} {accepted:>3}  e.g. {}", examples[0]);
        }
    }
    for other in &other_reason {
        let _ = writeln!(
            report,
            "rejected for another reason than the facet tested: {other}"
        );
    }
    for failure in &valid_failures {
        let _ = writeln!(report, "valid instance rejected: {failure}");
    }
    println!("{report}");
    assert!(valid_failures.is_empty(), "{report}");
    assert!(
        unexpected.is_empty() && other_reason.is_empty(),
        "invalid instances accepted, or rejected for another reason than their facet\n{report}"
    );
    assert!(
        rejected as f64 >= REJECTED_FLOOR * invalid.0 as f64,
        "fewer than {}% of the invalid instances rejected\n{report}",
        REJECTED_FLOOR * 100.0
    );
}

fn find_schemas(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            find_schemas(&path, out);
        } else if path
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with("NISTSchema-SV-") && n.ends_with(".xsd"))
        {
            out.push(path);
        }
    }
}

/// `(atomic, decimal, totalDigits)` of `NISTXML-SV-II-atomic-decimal-totalDigits-3-1.xml`.
fn group_of(name: &str) -> [String; 3] {
    let stem = name
        .trim_start_matches("NISTXML-SV-II-")
        .trim_end_matches(".xml");
    let parts: Vec<&str> = stem.split('-').collect();
    let n = parts.len();
    [
        parts[0].to_string(),
        parts[1..n - 3].join("-"),
        parts[n - 3].to_string(),
    ]
}

/// The text of an instance's root element.
fn instance_value(path: &Path) -> String {
    let text = std::fs::read_to_string(path).unwrap();
    let doc =
        roxmltree::Document::parse(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    doc.root_element()
        .descendants()
        .filter(|n| n.is_text())
        .map(|n| n.text().unwrap())
        .collect()
}

/// The constraints of the type of a NIST schema's element.
fn read_schema(path: &Path) -> Constraints {
    let text = std::fs::read_to_string(path).unwrap();
    let doc =
        roxmltree::Document::parse(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let schema = doc.root_element();
    let types: HashMap<&str, roxmltree::Node<'_, '_>> = schema
        .children()
        .filter(|n| is_xs(n, "simpleType"))
        .map(|n| (n.attribute("name").unwrap(), n))
        .collect();
    let element = schema
        .children()
        .find(|n| is_xs(n, "element"))
        .expect("an element");
    let reader = Reader { types };
    reader.named(element, element.attribute("type").expect("a typed element"))
}

struct Reader<'a, 'i> {
    types: HashMap<&'a str, roxmltree::Node<'a, 'i>>,
}

impl<'a, 'i> Reader<'a, 'i> {
    /// The constraints of the type named `qname` (resolved at `at`).
    fn named(&self, at: roxmltree::Node<'a, 'i>, qname: &str) -> Constraints {
        let (prefix, local) = qname.split_once(':').unwrap_or(("", qname));
        let namespace = at.lookup_namespace_uri(if prefix.is_empty() {
            None
        } else {
            Some(prefix)
        });
        if namespace == Some(XS) {
            let builtin =
                BuiltinType::from_xsd(local).unwrap_or_else(|| panic!("no built-in type {local}"));
            return Constraints::atomic(builtin, &[]);
        }
        self.simple_type(self.types[local])
    }

    fn simple_type(&self, node: roxmltree::Node<'a, 'i>) -> Constraints {
        let content = node.children().find(|n| n.is_element()).expect("content");
        match content.tag_name().name() {
            "restriction" => {
                let base = match content.attribute("base") {
                    Some(base) => self.named(content, base),
                    None => self
                        .simple_type(content.children().find(|n| is_xs(n, "simpleType")).unwrap()),
                };
                let mut facets = step_facets(content);
                facets.extend_from_slice(base.facets);
                Constraints {
                    variety: base.variety,
                    facets: facets.leak(),
                }
            }
            "list" => {
                let item = match content.attribute("itemType") {
                    Some(item) => self.named(content, item),
                    None => self
                        .simple_type(content.children().find(|n| is_xs(n, "simpleType")).unwrap()),
                };
                Constraints::list(Box::leak(Box::new(item)), &[])
            }
            "union" => {
                let mut members: Vec<Constraints> = content
                    .attribute("memberTypes")
                    .unwrap_or("")
                    .split_whitespace()
                    .map(|m| self.named(content, m))
                    .collect();
                members.extend(
                    content
                        .children()
                        .filter(|n| is_xs(n, "simpleType"))
                        .map(|t| self.simple_type(t)),
                );
                Constraints {
                    variety: Variety::Union(members.leak()),
                    facets: &[],
                }
            }
            other => panic!("unexpected {other}"),
        }
    }
}

/// The facets of one restriction step: its patterns together, its
/// enumerations together, the others one by one.
fn step_facets(restriction: roxmltree::Node<'_, '_>) -> Vec<Facet> {
    let mut facets = Vec::new();
    let mut patterns = Vec::new();
    let mut values = Vec::new();
    for f in restriction.children().filter(|n| n.is_element()) {
        let value = f.attribute("value").unwrap_or("");
        let leaked = || -> &'static str { value.to_string().leak() };
        let number = || value.trim().parse::<u64>().unwrap();
        match f.tag_name().name() {
            "pattern" => patterns.push(leaked()),
            "enumeration" => values.push(leaked()),
            "length" => facets.push(Facet::Length(number())),
            "minLength" => facets.push(Facet::MinLength(number())),
            "maxLength" => facets.push(Facet::MaxLength(number())),
            "minInclusive" => facets.push(Facet::MinInclusive(leaked())),
            "maxInclusive" => facets.push(Facet::MaxInclusive(leaked())),
            "minExclusive" => facets.push(Facet::MinExclusive(leaked())),
            "maxExclusive" => facets.push(Facet::MaxExclusive(leaked())),
            "totalDigits" => facets.push(Facet::TotalDigits(number() as u32)),
            "fractionDigits" => facets.push(Facet::FractionDigits(number() as u32)),
            "whiteSpace" => facets.push(Facet::WhiteSpace(WhiteSpace::from_xsd(value).unwrap())),
            "annotation" | "simpleType" => {}
            other => panic!("unexpected facet {other}"),
        }
    }
    if !patterns.is_empty() {
        facets.push(Facet::Pattern(patterns.leak()));
    }
    if !values.is_empty() {
        facets.push(Facet::Enumeration(values.leak()));
    }
    facets
}

fn is_xs(node: &roxmltree::Node<'_, '_>, name: &str) -> bool {
    node.is_element() && node.tag_name().namespace() == Some(XS) && node.tag_name().name() == name
}
