//! Valid schemas (the fixtures and `schema/Messages.xsd`), mutated the way a
//! person editing them might: an element dropped, duplicated or renamed, an
//! attribute renamed, a value changed. Whatever comes out, the generator
//! returns code, or errors that each point at a line and column inside the
//! file; it never panics, and never emits code that does not parse.
//!
//! A few hundred cases, so that it runs in seconds; `PROPTEST_CASES=10000`
//! runs more.

use std::path::{Path, PathBuf};

use proptest::prelude::*;
use xsd_codegen::{Errors, diagnostics, emit, format, resolve, xsd};

/// The schemas to mutate: every fixture, and the UM schema.
fn schemas() -> Vec<(PathBuf, String)> {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut paths: Vec<PathBuf> = std::fs::read_dir(manifest.join("tests/fixtures"))
        .expect("fixtures")
        .map(|entry| entry.expect("fixture").path().join("schema.xsd"))
        .collect();
    paths.sort();
    paths.push(manifest.join("../schema/Messages.xsd"));
    paths
        .into_iter()
        .map(|path| {
            let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path:?}: {e}"));
            (path, text)
        })
        .collect()
}

/// One edit. Indices pick an element or attribute of the document as it is
/// when the edit applies, modulo how many there are.
#[derive(Clone, Debug)]
enum Mutation {
    DropElement(usize),
    DuplicateElement(usize),
    RenameElement(usize, String),
    RenameAttribute(usize, String),
    SetValue(usize, String),
}

const ELEMENT_NAMES: &[&str] = &[
    "element",
    "complexType",
    "simpleType",
    "sequence",
    "choice",
    "all",
    "attribute",
    "restriction",
    "extension",
    "enumeration",
    "annotation",
    "documentation",
    "schema",
    "import",
    "group",
    "any",
    "list",
    "maxLength",
    "bogus",
];

const ATTRIBUTE_NAMES: &[&str] = &[
    "name",
    "type",
    "ref",
    "base",
    "minOccurs",
    "maxOccurs",
    "form",
    "nillable",
    "default",
    "fixed",
    "value",
    "mixed",
    "use",
    "elementFormDefault",
    "targetNamespace",
    "itemType",
    "xml:lang",
    "q:foreign",
    "x",
];

const VALUES: &[&str] = &[
    "",
    "0",
    "1",
    "-1",
    "18446744073709551616",
    "many",
    "unbounded",
    "qualified",
    "unqualified",
    "true",
    "xs:string",
    "xs:int",
    "xs:nope",
    "xs:",
    ":",
    "t:Missing",
    "q:T",
    "A",
    "Self",
    "self",
    "type",
    "r#type",
    "9lives",
    "_",
    "é",
    "a b",
    "&amp;",
    "&lt;x&gt;",
    "{urn:t}A",
    "<",
    "\"",
];

fn mutation() -> impl Strategy<Value = Mutation> {
    let index = 0..10_000usize;
    let element = (
        prop::sample::select(&["xs:", "", "q:", "xsd:"][..]),
        prop::sample::select(ELEMENT_NAMES),
    )
        .prop_map(|(prefix, name)| format!("{prefix}{name}"));
    let attribute = prop_oneof![
        prop::sample::select(ATTRIBUTE_NAMES).prop_map(str::to_string),
        "[a-zA-Z][a-zA-Z0-9]{0,6}",
    ];
    let value = prop_oneof![
        prop::sample::select(VALUES).prop_map(str::to_string),
        "[A-Za-z0-9_:.-]{0,12}",
        // Any printable characters, Rust identifier characters or not.
        "\\PC{0,6}",
    ];
    prop_oneof![
        index.clone().prop_map(Mutation::DropElement),
        index.clone().prop_map(Mutation::DuplicateElement),
        (index.clone(), element).prop_map(|(i, n)| Mutation::RenameElement(i, n)),
        (index.clone(), attribute).prop_map(|(i, n)| Mutation::RenameAttribute(i, n)),
        (index, value).prop_map(|(i, v)| Mutation::SetValue(i, v)),
    ]
}

/// `text` with `mutation` applied; unchanged when the text is no longer
/// XML (an earlier mutation broke it) or has nothing to apply it to.
fn apply(text: &str, mutation: &Mutation) -> String {
    let Ok(doc) = roxmltree::Document::parse(text) else {
        return text.to_string();
    };
    let elements: Vec<_> = doc.descendants().filter(|n| n.is_element()).collect();
    let attributes: Vec<_> = elements.iter().flat_map(|n| n.attributes()).collect();
    let splice = |range: std::ops::Range<usize>, with: &str| {
        format!("{}{with}{}", &text[..range.start], &text[range.end..])
    };
    match mutation {
        Mutation::DropElement(i) => splice(elements[i % elements.len()].range(), ""),
        Mutation::DuplicateElement(i) => {
            let range = elements[i % elements.len()].range();
            splice(range.end..range.end, &text[range])
        }
        Mutation::RenameElement(i, name) => {
            let range = elements[i % elements.len()].range();
            let node = &text[range.clone()];
            let qname_len = node[1..]
                .find(|c: char| c.is_whitespace() || c == '/' || c == '>')
                .unwrap_or(node.len() - 1);
            let start_tag = range.start + 1..range.start + 1 + qname_len;
            if node.ends_with("/>") {
                return splice(start_tag, name);
            }
            // `</qname>` ends the element: rename both tags, the end tag first.
            let end_tag = node
                .rfind("</")
                .map(|at| range.start + at + 2..range.end - 1);
            let mut out = text.to_string();
            if let Some(end_tag) = end_tag {
                out.replace_range(end_tag, name);
            }
            out.replace_range(start_tag, name);
            out
        }
        Mutation::RenameAttribute(i, name) if !attributes.is_empty() => {
            splice(attributes[i % attributes.len()].range_qname(), name)
        }
        Mutation::SetValue(i, value) if !attributes.is_empty() => {
            splice(attributes[i % attributes.len()].range_value(), value)
        }
        Mutation::RenameAttribute(..) | Mutation::SetValue(..) => text.to_string(),
    }
}

/// Runs the generator on `text` as the file `path`, and checks its answer.
fn check(path: &Path, text: &str) -> Result<(), TestCaseError> {
    let errors = match xsd::parse(path, text) {
        Err(errors) => Errors::from(errors),
        Ok(schema) => match resolve::resolve(&[schema]) {
            Err(errors) => Errors::from(errors),
            Ok(model) => {
                let code = format::format_model(&model, &emit::Options::default());
                prop_assert!(code.is_ok(), "generated code does not parse: {code:?}");
                return Ok(());
            }
        },
    };
    prop_assert!(!errors.is_empty());
    for error in errors.iter() {
        let location = diagnostics::location(error);
        prop_assert!(location.is_some(), "no location: {error}");
        let location = location.unwrap();
        prop_assert_eq!(location.file.as_path(), path);
        prop_assert!(
            diagnostics::points_into(text, location),
            "{location} is not in the file: {error}"
        );
    }
    let rendered = diagnostics::render_with(&errors, false, |_| Some(text.to_string()));
    prop_assert!(rendered.lines().count() > errors.len(), "{rendered}");
    Ok(())
}

#[test]
fn the_unmutated_schemas_generate() {
    for (path, text) in schemas() {
        check(&path, &text).unwrap();
        assert!(xsd::parse(&path, &text).is_ok(), "{path:?}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 256,
        // The case is printed on failure; add it to the tests as a unit test.
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn mutated_schemas_give_code_or_located_errors(
        which in any::<prop::sample::Index>(),
        mutations in prop::collection::vec(mutation(), 1..4),
    ) {
        let schemas = schemas();
        let (path, original) = &schemas[which.index(schemas.len())];
        let text = mutations.iter().fold(original.clone(), |text, m| apply(&text, m));
        check(path, &text)?;
    }
}

#[test]
fn mutations_do_what_they_say() {
    let text = r#"<s a="1"><e n="x"/><f>t</f></s>"#;
    assert_eq!(
        apply(text, &Mutation::DropElement(1)),
        r#"<s a="1"><f>t</f></s>"#
    );
    assert_eq!(
        apply(text, &Mutation::DuplicateElement(2)),
        r#"<s a="1"><e n="x"/><f>t</f><f>t</f></s>"#
    );
    assert_eq!(
        apply(text, &Mutation::RenameElement(2, "xs:g".into())),
        r#"<s a="1"><e n="x"/><xs:g>t</xs:g></s>"#
    );
    assert_eq!(
        apply(text, &Mutation::RenameElement(1, "h".into())),
        r#"<s a="1"><h n="x"/><f>t</f></s>"#
    );
    assert_eq!(
        apply(text, &Mutation::RenameAttribute(1, "m".into())),
        r#"<s a="1"><e m="x"/><f>t</f></s>"#
    );
    assert_eq!(
        apply(text, &Mutation::SetValue(0, "many".into())),
        r#"<s a="many"><e n="x"/><f>t</f></s>"#
    );
}

/// Names made of characters that are letters or digits to XML (and to
/// `char::is_alphanumeric`) but cannot start or continue a Rust identifier.
/// Found by this test: the generator panicked in `ident::to_ident`
/// (`"²" is not a valid Ident`) for a field, a type and an enumeration value.
#[test]
fn names_that_are_not_rust_identifiers() {
    let path = Path::new("names.xsd");
    for name in ["²", "౸", "٣", "Ⓐ", "a౸"] {
        for schema in [
            format!(
                r#"<xs:complexType name="A"><xs:sequence><xs:element name="{name}" type="xs:string"/></xs:sequence></xs:complexType>"#
            ),
            format!(r#"<xs:complexType name="{name}"/>"#),
            format!(
                r#"<xs:simpleType name="E"><xs:restriction base="xs:string"><xs:enumeration value="{name}"/></xs:restriction></xs:simpleType>
                <xs:complexType name="A"><xs:sequence><xs:element name="e" type="E"/></xs:sequence></xs:complexType>"#
            ),
        ] {
            let text = format!(
                r#"<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">{schema}</xs:schema>"#
            );
            check(path, &text).unwrap_or_else(|e| panic!("{e}\n{text}"));
        }
    }
}
