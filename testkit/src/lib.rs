//! Test support shared by the workspace's tests and examples: XML documents
//! compared as trees, and the reference data in `../shared` found in place.

use std::io::Write;
use std::path::{Path, PathBuf};

/// Compares two XML documents as trees: element names with their namespaces,
/// attributes (namespace declarations aside), and text. Prefixes, namespace
/// declarations, comments and processing instructions do not count. The text
/// of an element without child elements (a value) is compared exactly,
/// whitespace included, unless it is whitespace only (which element-only
/// content may hold too); between child elements, whitespace-only text is
/// indentation and does not count, other text is compared after trimming.
///
/// Returns a description of the first difference.
pub fn xml_tree_eq(expected: &str, actual: &str) -> Result<(), String> {
    xml_tree_eq_ignoring(expected, actual, &[])
}

/// [`xml_tree_eq`], with the attributes named in `ignored` (namespace,
/// local name) left out on both sides, wherever they stand: to tell whether
/// a document differs only by them (say, `xsi:schemaLocation`).
pub fn xml_tree_eq_ignoring(
    expected: &str,
    actual: &str,
    ignored: &[(&str, &str)],
) -> Result<(), String> {
    // A DOCTYPE is allowed (MusicXML's documents have one): only the trees
    // are compared.
    let options = || roxmltree::ParsingOptions {
        allow_dtd: true,
        ..Default::default()
    };
    let parse = |text| roxmltree::Document::parse_with_options(text, options());
    let a = parse(expected).map_err(|e| format!("expected: {e}"))?;
    let b = parse(actual).map_err(|e| format!("actual: {e}"))?;
    node_eq(
        a.root_element(),
        b.root_element(),
        ignored,
        &mut String::new(),
    )
}

fn expanded(name: roxmltree::ExpandedName<'_, '_>) -> String {
    // roxmltree gives an element under `xmlns=""` the namespace `""`: it is
    // in no namespace, as one never under a default namespace is.
    match name.namespace().filter(|ns| !ns.is_empty()) {
        Some(ns) => format!("{{{ns}}}{}", name.name()),
        None => name.name().to_string(),
    }
}

fn node_eq(
    a: roxmltree::Node<'_, '_>,
    b: roxmltree::Node<'_, '_>,
    ignored: &[(&str, &str)],
    path: &mut String,
) -> Result<(), String> {
    let (na, nb) = (expanded(a.tag_name()), expanded(b.tag_name()));
    let len = path.len();
    path.push('/');
    path.push_str(&na);
    if na != nb {
        return Err(format!("{path}: element {na} differs from {nb}"));
    }
    let attrs = |n: roxmltree::Node<'_, '_>| {
        let mut v: Vec<(String, String)> = n
            .attributes()
            .filter(|at| {
                !ignored
                    .iter()
                    .any(|(ns, local)| at.namespace() == Some(*ns) && at.name() == *local)
            })
            .map(|at| {
                let name = match at.namespace() {
                    Some(ns) => format!("{{{ns}}}{}", at.name()),
                    None => at.name().to_string(),
                };
                (name, at.value().to_string())
            })
            .collect();
        v.sort();
        v
    };
    let (aa, ab) = (attrs(a), attrs(b));
    if aa != ab {
        return Err(format!("{path}: attributes {aa:?} differ from {ab:?}"));
    }
    let (ca, cb) = (children(a), children(b));
    if ca.len() != cb.len() {
        return Err(format!(
            "{path}: {} children differ from {} children",
            ca.len(),
            cb.len()
        ));
    }
    for (x, y) in ca.iter().zip(&cb) {
        match (x, y) {
            (Child::Element(x), Child::Element(y)) => node_eq(*x, *y, ignored, path)?,
            (Child::Text(x), Child::Text(y)) if x == y => {}
            _ => return Err(format!("{path}: content {x:?} differs from {y:?}")),
        }
    }
    path.truncate(len);
    Ok(())
}

fn children<'a, 'i>(n: roxmltree::Node<'a, 'i>) -> Vec<Child<'a, 'i>> {
    if !n.children().any(|c| c.is_element()) {
        let text: String = n
            .children()
            .filter(|c| c.is_text())
            .filter_map(|c| c.text())
            .collect();
        return if text.trim().is_empty() {
            Vec::new()
        } else {
            vec![Child::Text(text)]
        };
    }
    // Text on both sides of a comment or processing instruction is one text.
    let mut out = Vec::new();
    let mut text = String::new();
    let flush = |text: &mut String, out: &mut Vec<Child<'a, 'i>>| {
        let t = text.trim();
        if !t.is_empty() {
            out.push(Child::Text(t.to_string()));
        }
        text.clear();
    };
    for c in n.children() {
        if c.is_element() {
            flush(&mut text, &mut out);
            out.push(Child::Element(c));
        } else if c.is_text() {
            text.push_str(c.text().unwrap_or(""));
        }
    }
    flush(&mut text, &mut out);
    out
}

#[derive(Debug)]
enum Child<'a, 'i> {
    Element(roxmltree::Node<'a, 'i>),
    Text(String),
}

/// A directory of reference data in `../shared`, from the environment
/// variable `var`, or `default` (relative to the workspace root).
///
/// When it does not exist, says so loudly on stderr (even under the test
/// harness, which captures a passing test's `eprintln!`) and returns `None`,
/// so that the test skips; in CI (`CI` set) it panics instead, since CI must
/// run every test.
pub fn shared_dir(var: &str, default: &str) -> Option<PathBuf> {
    let dir = std::env::var_os(var).map_or_else(
        || {
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("..")
                .join(default)
        },
        PathBuf::from,
    );
    if dir.is_dir() {
        return Some(dir);
    }
    let message = format!(
        "reference data not found at {}: set {var} to its directory",
        dir.display()
    );
    if std::env::var_os("CI").is_some() {
        panic!("{message}");
    }
    // Straight to the process's stderr: `eprintln!` in a test is captured,
    // and shown only if the test fails, which a skipped test does not.
    let _ = writeln!(std::io::stderr(), "\n*** SKIPPED: {message} ***\n");
    None
}

/// The UM web service reference: `$UM_REFERENCE_DIR`, by default
/// `../shared/reference/um-web-service`.
pub fn um_reference_dir() -> Option<PathBuf> {
    shared_dir("UM_REFERENCE_DIR", "../shared/reference/um-web-service")
}

/// The SOAP envelopes among the code blocks of a reference page, in page
/// order, trimmed (an XML declaration must start the document).
pub fn soap_examples(page: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = page;
    while let Some(start) = rest.find("```") {
        let after = &rest[start + 3..];
        let body_start = after.find('\n').map_or(after.len(), |i| i + 1);
        let body = &after[body_start..];
        let end = body.find("```").unwrap_or(body.len());
        let block = body[..end].trim();
        if block.contains("soap:Envelope") {
            out.push(block.to_string());
        }
        rest = &body[(end + 3).min(body.len())..];
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trees_ignore_prefixes_and_whitespace_but_not_content() {
        let a = r#"<a:x xmlns:a="urn:a"><a:y k="1"> t </a:y></a:x>"#;
        let b = "<x xmlns=\"urn:a\">\n  <y k=\"1\"> t </y>\n</x>";
        assert_eq!(xml_tree_eq(a, b), Ok(()));
        assert!(xml_tree_eq(a, r#"<x xmlns="urn:b"><y k="1"> t </y></x>"#).is_err());
        assert!(xml_tree_eq(a, r#"<x xmlns="urn:a"><y k="2"> t </y></x>"#).is_err());
        assert!(xml_tree_eq(a, r#"<x xmlns="urn:a"><y k="1"> u </y></x>"#).is_err());
        assert!(xml_tree_eq(a, r#"<x xmlns="urn:a"><y k="1"> t </y><z/></x>"#).is_err());
        // A value's whitespace counts.
        assert!(xml_tree_eq(a, r#"<x xmlns="urn:a"><y k="1">t</y></x>"#).is_err());
        assert!(xml_tree_eq("<x> a</x>", "<x>a</x>").is_err());
        assert_eq!(xml_tree_eq("<x> </x>", "<x/>"), Ok(()));
        assert_eq!(xml_tree_eq("<x> <!-- c --> </x>", "<x/>"), Ok(()));
        assert_eq!(
            xml_tree_eq(a, r#"<x xmlns="urn:a"><y> t </y></x>"#).unwrap_err(),
            r#"/{urn:a}x/{urn:a}y: attributes [("k", "1")] differ from []"#
        );
    }

    #[test]
    fn a_doctype_is_no_part_of_the_tree() {
        let a = r#"<!DOCTYPE x PUBLIC "-//x//DTD x//EN" "x.dtd"><x><y/></x>"#;
        assert_eq!(xml_tree_eq(a, "<x><y/></x>"), Ok(()));
        assert!(xml_tree_eq(a, "<x><z/></x>").is_err());
    }

    #[test]
    fn text_around_a_comment_is_one_text_and_xmlns_empty_is_no_namespace() {
        let a = "<x><y/>a<!-- c -->b<![CDATA[<c>]]></x>";
        assert_eq!(xml_tree_eq(a, "<x><y/>ab&lt;c&gt;</x>"), Ok(()));
        assert!(xml_tree_eq(a, "<x><y/>a b&lt;c&gt;</x>").is_err());
        assert_eq!(
            xml_tree_eq("<x><y/></x>", r#"<x xmlns="urn:a"><y xmlns=""/></x>"#),
            Err("/x: element x differs from {urn:a}x".into())
        );
        assert_eq!(
            xml_tree_eq(
                "<x><y/></x>",
                r#"<a:x xmlns:a="urn:a" xmlns="urn:b"><y xmlns=""/></a:x>"#
            )
            .unwrap_err(),
            "/x: element x differs from {urn:a}x"
        );
        assert_eq!(
            xml_tree_eq(
                r#"<x xmlns="urn:a"><y xmlns=""/></x>"#,
                r#"<x xmlns="urn:a"><y xmlns=""/></x>"#
            ),
            Ok(())
        );
        assert_eq!(
            xml_tree_eq(
                r#"<a:x xmlns:a="urn:a"><y/></a:x>"#,
                r#"<x xmlns="urn:a"><y xmlns=""/></x>"#
            ),
            Ok(())
        );
    }

    #[test]
    fn ignored_attributes_do_not_count() {
        let xsi = "http://www.w3.org/2001/XMLSchema-instance";
        let a = format!(
            r#"<x xmlns:xsi="{xsi}" xsi:schemaLocation="u f" k="1"><y xsi:schemaLocation="v"/></x>"#
        );
        let hints = [(xsi, "schemaLocation")];
        assert!(xml_tree_eq(&a, r#"<x k="1"><y/></x>"#).is_err());
        assert_eq!(
            xml_tree_eq_ignoring(&a, r#"<x k="1"><y/></x>"#, &hints),
            Ok(())
        );
        // Other differences still count.
        assert!(xml_tree_eq_ignoring(&a, r#"<x k="2"><y/></x>"#, &hints).is_err());
        assert!(xml_tree_eq_ignoring(&a, r#"<x k="1"/>"#, &hints).is_err());
    }

    #[test]
    fn finds_envelopes_in_fenced_blocks() {
        let page = "# T\n```xml\n<a/>\n```\ntext\n```XML\n\n<?xml version=\"1.0\"?>\n<soap:Envelope/>\n```\n";
        assert_eq!(
            soap_examples(page),
            ["<?xml version=\"1.0\"?>\n<soap:Envelope/>"]
        );
    }
}
