//! The W3C suite's regular expression tests (`msMeta/Regex_w3c.xml`, over
//! `msData/regex/`), checked by the runtime's patterns alone: each schema
//! restricts a built-in type by patterns, and its instances hold values of it
//! in elements or attributes. A schema the suite calls invalid (in XSD 1.1,
//! where it says for each version) must have a pattern [`validate_pattern`]
//! refuses; a valid one's patterns must compile;
//! every value of a valid instance must pass, and an invalid instance must
//! hold a value that fails. And every pattern of every schema the whole suite
//! calls valid (in XSD 1.0 or 1.1) must compile.
//!
//! The suite is found through `W3C_SUITE_DIR` (default
//! `../shared/w3c-xsdtests`); without it the test says so and skips (and
//! fails under `CI`).

use std::fmt::Write as _;
use std::path::Path;

use xsd_runtime::facets::{BuiltinType, Checker, Constraints, Facet, validate_pattern};

const XS: &str = "http://www.w3.org/2001/XMLSchema";
const SUITE: &str = "http://www.w3.org/XML/2004/xml-schema-test-suite/";
const XLINK: &str = "http://www.w3.org/1999/xlink";

/// The tests whose expectation this runtime does not meet, and why. The
/// test fails if one of them passes, so that the list stays true.
const KNOWN: &[(&str, &str)] = &[
    ("reDH7a", IDREF),
    ("reJ11", UTF16),
    ("reJ13", UTF16),
    ("reJ19", UTF16),
    ("reJ21", UTF16),
    ("reJ23", UTF16),
    ("reJ25", UTF16),
    ("reJ29", UTF16),
    ("reJ31", UTF16),
    ("reJ33", UTF16),
    ("reJ35", UTF16),
    ("reJ61", UTF16),
    ("reJ69", UTF16),
    ("reJ75", UTF16),
    ("reJ77", UTF16),
    ("reL98", UTF16),
    ("reL99", UTF16),
    ("reM98", UTF16),
    ("reN99", UTF16),
    ("reS21", UTF16),
    ("reS42", UTF16),
    ("reT63", UTF16),
    ("reT84", UTF16),
    ("reS17", UNICODE),
    ("reS38", UNICODE),
    ("reT17", UNICODE),
    ("reT38", UNICODE),
    ("reZ004v", UNICODE),
    ("reS51", UNICODE),
    ("reT51", UNICODE),
    ("reU6", UNICODE),
];

/// Microsoft's expectations for characters beyond the Basic Multilingual
/// Plane are those of a UTF-16 engine, where such a character is two
/// surrogates that no category or block matches (`\p{Lu}` refuses U+1D7A8,
/// a capital letter; `\p{IsPrivateUse}` refuses U+F0000). XSD's characters
/// are code points: the categories of Unicode, and the Private Use block of
/// XSD 1.0's table, which includes planes 15 and 16.
const UTF16: &str = "a UTF-16 engine's view of a supplementary character";

/// The categories come from the regex crate's Unicode tables, not Unicode
/// 3.1's (XSD 1.1 allows a later version): the Ethiopic digits U+1369-1371
/// are `No` since Unicode 4.1, not `Nd`; the Tamil digit zero U+0BE6 is a
/// digit since 4.1, and U+023F a letter since 5.0.
const UNICODE: &str = "a character whose category changed after Unicode 3.1";

/// `IDREF` values must name an `ID` of the document: not a facet.
const IDREF: &str = "an IDREF without its ID, a document-level check";

#[test]
fn w3c_regex_tests() {
    let Some(suite) = testkit::shared_dir("W3C_SUITE_DIR", "../shared/w3c-xsdtests") else {
        return;
    };
    let meta = suite.join("msMeta");
    let text = std::fs::read_to_string(meta.join("Regex_w3c.xml")).unwrap();
    let doc = roxmltree::Document::parse(&text).unwrap();
    let mut counts = Counts::default();
    let mut failures = Vec::new();
    let mut known_failures = Vec::new();
    for group in doc
        .root_element()
        .children()
        .filter(|n| n.has_tag_name((SUITE, "testGroup")))
    {
        let name = group.attribute("name").unwrap();
        let Some(schema_test) = group
            .children()
            .find(|n| n.has_tag_name((SUITE, "schemaTest")))
        else {
            continue;
        };
        let schema_path = meta.join(href(schema_test));
        let Some(read) = read_schema(&schema_path) else {
            counts.skipped += 1;
            continue;
        };
        let mut fail = |what: String| {
            if KNOWN.iter().any(|(known, _)| *known == name) {
                known_failures.push(name);
            } else {
                failures.push(format!("{name}: {what}"));
            }
        };
        let pattern_errors: Vec<String> = read
            .patterns
            .iter()
            .filter_map(|p| validate_pattern(p).err())
            .collect();
        if expected(schema_test) == "invalid" {
            counts.invalid_schemas += 1;
            if pattern_errors.is_empty() {
                fail(format!(
                    "the patterns {:?} should not all be valid",
                    read.patterns
                ));
            }
            continue;
        }
        counts.valid_schemas += 1;
        if !pattern_errors.is_empty() {
            fail(format!("{pattern_errors:?}"));
            continue;
        }
        let checker = Checker::new(read.constraints);
        for instance in group
            .children()
            .filter(|n| n.has_tag_name((SUITE, "instanceTest")))
        {
            let path = meta.join(href(instance));
            let values = instance_values(&path, &read.names);
            let failed: Vec<_> = values.iter().filter(|v| !checker.is_valid(v)).collect();
            if expected(instance) == "valid" {
                counts.valid_instances += 1;
                if !failed.is_empty() {
                    fail(format!("{failed:?} should match {:?}", read.patterns));
                }
            } else {
                counts.invalid_instances += 1;
                if failed.is_empty() {
                    fail(format!(
                        "one of {values:?} should not match {:?}",
                        read.patterns
                    ));
                }
            }
        }
    }
    let mut report = format!(
        "W3C regex tests: {counts:?}; {} known disagreements\n",
        KNOWN.len()
    );
    for (name, reason) in KNOWN {
        if !known_failures.contains(name) {
            failures.push(format!(
                "{name}: passes now, though listed as known ({reason})"
            ));
        }
    }
    for failure in &failures {
        let _ = writeln!(report, "  {failure}");
    }
    println!("{report}");
    assert!(
        counts.valid_instances + counts.invalid_instances > 1000,
        "{report}"
    );
    assert!(failures.is_empty(), "{} failures\n{report}", failures.len());
}

#[test]
fn every_pattern_of_a_valid_schema_compiles() {
    let Some(suite) = testkit::shared_dir("W3C_SUITE_DIR", "../shared/w3c-xsdtests") else {
        return;
    };
    let index = std::fs::read_to_string(suite.join("suite.xml")).unwrap();
    let index = roxmltree::Document::parse(&index).unwrap();
    let mut patterns = std::collections::BTreeMap::new();
    for set in index
        .descendants()
        .filter(|n| n.has_tag_name((SUITE, "testSetRef")))
    {
        let path = suite.join(set.attribute((XLINK, "href")).unwrap());
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue; // the one absent file (see ../shared/README.md)
        };
        let doc = roxmltree::Document::parse(&text).unwrap();
        for test in doc
            .descendants()
            .filter(|n| n.has_tag_name((SUITE, "schemaTest")))
        {
            let valid = test.children().any(|e| {
                e.has_tag_name((SUITE, "expected")) && e.attribute("validity") == Some("valid")
            });
            if !valid {
                continue;
            }
            for document in test
                .children()
                .filter(|n| n.has_tag_name((SUITE, "schemaDocument")))
            {
                let schema = path
                    .parent()
                    .unwrap()
                    .join(document.attribute((XLINK, "href")).unwrap());
                let Ok(text) = std::fs::read_to_string(&schema) else {
                    continue;
                };
                let Ok(doc) = roxmltree::Document::parse(&text) else {
                    continue;
                };
                for pattern in doc.descendants().filter(|n| is_xs(n, "pattern")) {
                    let value = pattern.attribute("value").unwrap_or("").to_string();
                    patterns
                        .entry(value)
                        .or_insert_with(|| schema.display().to_string());
                }
            }
        }
    }
    let errors: Vec<String> = patterns
        .iter()
        .filter_map(|(pattern, schema)| {
            validate_pattern(pattern)
                .err()
                .map(|e| format!("{schema}: {e}"))
        })
        .collect();
    println!(
        "{} distinct patterns in valid schemas, {} errors",
        patterns.len(),
        errors.len()
    );
    assert!(patterns.len() > 800, "only {} patterns", patterns.len());
    assert!(errors.is_empty(), "{errors:#?}");
}

#[derive(Debug, Default)]
struct Counts {
    valid_schemas: usize,
    invalid_schemas: usize,
    valid_instances: usize,
    invalid_instances: usize,
    /// Schemas that are not one restriction of a built-in type by patterns.
    skipped: usize,
}

fn href<'a>(test: roxmltree::Node<'a, '_>) -> &'a str {
    test.children()
        .find(|n| n.is_element() && n.tag_name().name().ends_with("Document"))
        .and_then(|d| d.attribute((XLINK, "href")))
        .unwrap()
}

/// The expected validity: XSD 1.1's where the suite gives one for each
/// version (the patterns are read with XSD 1.1's relaxations).
fn expected<'a>(test: roxmltree::Node<'a, '_>) -> &'a str {
    let expected: Vec<_> = test
        .children()
        .filter(|n| n.has_tag_name((SUITE, "expected")))
        .collect();
    expected
        .iter()
        .find(|e| e.attribute("version") == Some("1.1"))
        .or_else(|| expected.first())
        .and_then(|e| e.attribute("validity"))
        .unwrap()
}

struct Schema {
    patterns: Vec<String>,
    constraints: Constraints,
    /// The elements and attributes of the type: (is an attribute, name).
    names: Vec<(bool, String)>,
}

/// The one simple type of a schema, if it restricts a built-in type by
/// patterns (and only by patterns), and the names of the elements and
/// attributes that have it.
fn read_schema(path: &Path) -> Option<Schema> {
    let text = std::fs::read_to_string(path).ok()?;
    let doc = roxmltree::Document::parse(&text).ok()?;
    let mut types = doc.descendants().filter(|n| is_xs(n, "simpleType"));
    let simple = types.next()?;
    if types.next().is_some() {
        return None;
    }
    let restriction = simple.children().find(|n| is_xs(n, "restriction"))?;
    let (prefix, local) = restriction.attribute("base")?.split_once(':')?;
    if restriction.lookup_namespace_uri(Some(prefix)) != Some(XS) {
        return None;
    }
    let builtin = BuiltinType::from_xsd(local)?;
    let facets: Vec<_> = restriction.children().filter(|n| n.is_element()).collect();
    if facets
        .iter()
        .any(|f| !is_xs(f, "pattern") && !is_xs(f, "annotation"))
    {
        return None;
    }
    let patterns: Vec<String> = facets
        .iter()
        .filter(|f| is_xs(f, "pattern"))
        .map(|f| f.attribute("value").unwrap_or("").to_string())
        .collect();
    if patterns.is_empty() {
        return None;
    }
    let leaked: Vec<&'static str> = patterns.iter().map(|p| &*p.clone().leak()).collect();
    let facets: &'static [Facet] = vec![Facet::Pattern(leaked.leak())].leak();
    let names = match simple.attribute("name") {
        Some(name) => doc
            .descendants()
            .filter(|n| {
                (is_xs(n, "element") || is_xs(n, "attribute"))
                    && n.attribute("type")
                        .is_some_and(|t| t.rsplit(':').next() == Some(name))
            })
            .map(|n| {
                (
                    is_xs(&n, "attribute"),
                    n.attribute("name").unwrap().to_string(),
                )
            })
            .collect(),
        None => {
            let parent = simple.parent_element()?;
            vec![(
                is_xs(&parent, "attribute"),
                parent.attribute("name")?.to_string(),
            )]
        }
    };
    Some(Schema {
        patterns,
        constraints: Constraints::atomic(builtin, facets),
        names,
    })
}

/// The values of the elements and attributes named `names` in an instance.
fn instance_values(path: &Path, names: &[(bool, String)]) -> Vec<String> {
    let text = std::fs::read_to_string(path).unwrap();
    let doc =
        roxmltree::Document::parse(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut values = Vec::new();
    for node in doc.descendants().filter(|n| n.is_element()) {
        for (attribute, name) in names {
            if *attribute {
                values.extend(node.attribute(name.as_str()).map(str::to_string));
            } else if node.tag_name().name() == name {
                values.push(
                    node.descendants()
                        .filter(|n| n.is_text())
                        .map(|n| n.text().unwrap())
                        .collect(),
                );
            }
        }
    }
    values
}

fn is_xs(node: &roxmltree::Node<'_, '_>, name: &str) -> bool {
    node.is_element() && node.tag_name().namespace() == Some(XS) && node.tag_name().name() == name
}
