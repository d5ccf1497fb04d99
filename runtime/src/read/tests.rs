//! The readers' helpers, on documents read by xml-rs: the structs here are
//! written as the generator writes them.

use super::*;
use crate::write::{Sink, WriteXml};
use crate::xmlrs::from_str_with;
use crate::{Element, Limits};

const NS: &str = "urn:t";

/// `<Pair x="..."><a>..</a><b>..</b>*<any/>?</Pair>`: what a generated struct
/// with a required attribute, a required child, a repeated one (at most
/// two), and an `xs:any` looks like.
#[derive(Debug, PartialEq)]
struct Pair {
    x: i32,
    a: String,
    b: Vec<bool>,
    other: Option<crate::AnyElement>,
}

impl ReadXml for Pair {
    fn read_xml<S: Source>(source: &mut S) -> Result<Self> {
        let mut x = None;
        let mut a = None;
        let mut b = Vec::new();
        let mut other = None;
        attributes(source, |attribute| {
            match (attribute.namespace, attribute.local) {
                ("", "x") => attribute_into(&mut x, attribute),
                _ => Ok(false),
            }
        })?;
        children(
            source,
            &[(NS, "a"), (NS, "b")],
            |source, child| match child {
                0 => one(&mut a, source),
                1 => many(&mut b, source),
                _ => one(&mut other, source),
            },
        )?;
        Ok(Pair {
            x: required_attribute(x, "x", "Pair")?,
            a: required(a, "a", "Pair")?,
            b: count(b, 0, Some(2), "`b`")?,
            other,
        })
    }
}

impl WriteXml for Pair {
    fn write_xml(&self, sink: &mut dyn Sink) -> Result<()> {
        crate::write::attribute(sink, "", "x", &self.x)?;
        crate::write::child(sink, NS, "a", &self.a)?;
        crate::write::children(sink, NS, "b", &self.b)?;
        if let Some(other) = &self.other {
            other.write_element(sink)?;
        }
        Ok(())
    }
}

impl Element for Pair {
    const NAMESPACE: &'static str = NS;
    const LOCAL_NAME: &'static str = "Pair";
}

fn read<T: crate::Root>(xml: &str) -> std::result::Result<T, String> {
    from_str_with(xml, &Limits::unlimited(), UnknownContent::Skip).map_err(|e| e.to_string())
}

fn read_strict<T: crate::Root>(xml: &str) -> std::result::Result<T, String> {
    from_str_with(xml, &Limits::unlimited(), UnknownContent::Error).map_err(|e| e.to_string())
}

#[test]
fn children_are_read_by_name_and_namespace() {
    let p: Pair =
        read(r#"<Pair xmlns="urn:t" x=" 7 "><b>1</b><a> A </a><b>false</b></Pair>"#).unwrap();
    assert_eq!(
        p,
        Pair {
            x: 7,
            a: " A ".into(),
            b: vec![true, false],
            other: None
        }
    );
    // An `a` in no namespace is another element: skipped, so `a` is missing.
    let e = read::<Pair>(r#"<t:Pair xmlns:t="urn:t" x="1"><a>A</a></t:Pair>"#).unwrap_err();
    assert_eq!(e, "the element a of Pair is missing");
}

#[test]
fn errors_name_the_element_they_are_in() {
    let e = read::<Pair>(r#"<Pair xmlns="urn:t" x="1"><a>A</a><b>maybe</b></Pair>"#).unwrap_err();
    assert_eq!(e, "b: \"maybe\" is not a boolean");
    let e = read::<Pair>(r#"<Pair xmlns="urn:t" x="1"><a>A<i/></a></Pair>"#).unwrap_err();
    assert_eq!(e, "a: <a> holds text only, found element <i>");
    let e = read::<Pair>(r#"<Pair xmlns="urn:t" x="one"><a>A</a></Pair>"#).unwrap_err();
    assert_eq!(e, "attribute x: invalid digit found in string");
    let e = read::<Pair>(r#"<Pair xmlns="urn:t"><a>A</a></Pair>"#).unwrap_err();
    assert_eq!(e, "the attribute x of Pair is missing");
    let e = read::<Pair>(r#"<Pair xmlns="urn:t" x="1"><a>A</a><b>1</b><b>1</b><b>1</b></Pair>"#)
        .unwrap_err();
    assert_eq!(e, "expected 0 to 2 of `b`, found 3");
}

#[test]
fn unknown_content_is_skipped_or_an_error_as_the_source_says() {
    let xml = r#"<Pair xmlns="urn:t" x="1">text<a>A</a><a>again</a><other><deep/></other></Pair>"#;
    // Skipped: the text, the second `a`; an unknown element goes to the wildcard.
    let p: Pair = read(xml).unwrap();
    assert_eq!(p.a, "A");
    assert_eq!(
        p.other.as_ref().map(|o| o.name()),
        Some((Some(NS), "other"))
    );
    let e = read_strict::<Pair>(xml).unwrap_err();
    assert_eq!(e, "unexpected text \"text\" between elements");
    let e = read_strict::<Pair>(&xml.replace("text", "")).unwrap_err();
    assert_eq!(e, "a: the element occurs more than once");
    // Without a wildcard, an unknown element is skipped, or named.
    #[derive(Debug)]
    struct Empty;
    impl ReadXml for Empty {
        fn read_xml<S: Source>(source: &mut S) -> Result<Self> {
            no_children(source)?;
            Ok(Empty)
        }
    }
    impl WriteXml for Empty {
        fn write_xml(&self, _: &mut dyn Sink) -> Result<()> {
            Ok(())
        }
    }
    impl Element for Empty {
        const NAMESPACE: &'static str = "";
        const LOCAL_NAME: &'static str = "Empty";
    }
    assert!(read::<Empty>("<Empty><x xmlns='urn:x'><y/></x></Empty>").is_ok());
    let e = read_strict::<Empty>("<Empty><x xmlns='urn:x'><y/></x></Empty>").unwrap_err();
    assert_eq!(e, "x: unexpected element {urn:x}x");
}

#[test]
fn a_document_is_its_root_element_and_nothing_else() {
    let good =
        r#"<?xml version="1.0"?><!-- c --> <Pair xmlns="urn:t" x="1"><a/></Pair> <!-- d -->"#;
    assert_eq!(read::<Pair>(good).unwrap().a, "");
    let e = read::<Pair>(r#"<Other xmlns="urn:t"/>"#).unwrap_err();
    assert_eq!(
        e,
        "expected {urn:t}Pair as the root element, found {urn:t}Other"
    );
    let e = read::<Pair>("").unwrap_err();
    assert!(e.contains("no root element"), "{e}");
    let e = read::<Pair>(r#"<Pair xmlns="urn:t" x="1"><a/></Pair><Pair/>"#).unwrap_err();
    assert!(e.contains("root element"), "{e}");
}

#[test]
fn helpers_say_what_is_wrong() {
    assert_eq!(bounds(1, Some(1)), "1");
    assert_eq!(bounds(2, Some(5)), "2 to 5");
    assert_eq!(bounds(1, None), "at least 1");
    assert!(count(vec![1, 2], 2, Some(2), "`x`").is_ok());
    assert_eq!(
        count(vec![1], 2, Some(2), "`x`").unwrap_err().to_string(),
        "expected 2 of `x`, found 1"
    );
    assert_eq!(
        required_choice::<u8>(None, "`Id`, `Path`")
            .unwrap_err()
            .to_string(),
        "expected 1 of `Id`, `Path`, found 0"
    );
    assert_eq!(expanded("", "a"), "a");
    assert_eq!(expanded("urn:x", "a"), "{urn:x}a");
    assert!(is_whitespace(" \t\r\n"));
    assert!(!is_whitespace(" x "));
    assert_eq!(
        not_global("urn:x", "a").to_string(),
        "<{urn:x}a> is not a global element of the schema"
    );
}

#[test]
fn text_is_joined_across_cdata_and_comments() {
    let p: Pair =
        read(r#"<Pair xmlns="urn:t" x="1"><a>x<![CDATA[<y>]]><!-- c -->z&amp;</a></Pair>"#)
            .unwrap();
    assert_eq!(p.a, "x<y>z&");
}

#[test]
fn an_instance_keeps_the_schema_location_hints_of_its_root() {
    let xml = r#"<Pair xmlns="urn:t" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="urn:t pair.xsd" x="1"><a>A</a></Pair>"#;
    let doc: crate::Instance<Pair> = crate::from_str(xml).unwrap();
    assert_eq!(doc.schema_location.as_deref(), Some("urn:t pair.xsd"));
    assert_eq!(doc.no_namespace_schema_location, None);
    assert_eq!(doc.root.a, "A");
    let written = crate::to_string(&doc).unwrap();
    assert_eq!(
        written,
        r#"<Pair xmlns="urn:t" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="urn:t pair.xsd" x="1"><a>A</a></Pair>"#
    );
    // Read as the bare value, the hints are not its business.
    let bare: Pair = crate::from_str(xml).unwrap();
    assert_eq!(bare, doc.root);
}

#[test]
fn a_doctype_is_refused_unless_it_is_to_be_read_past() {
    let xml = r#"<!DOCTYPE Pair PUBLIC "-//x//DTD y//EN" "http://example.com/y.dtd"><Pair xmlns="urn:t" x="1"><a>A</a></Pair>"#;
    let ignore = crate::ReadOptions {
        doctype: crate::Doctype::Ignore,
        ..Default::default()
    };
    for (backend, refused, read) in [
        (
            "quick-xml",
            crate::from_str::<Pair>(xml).map(|_| ()),
            crate::from_str_with::<Pair>(xml, &ignore),
        ),
        (
            "xml-rs",
            crate::xmlrs::from_str_options::<Pair>(xml, &Default::default()).map(|_| ()),
            crate::xmlrs::from_str_options::<Pair>(xml, &ignore),
        ),
    ] {
        let refused = refused.unwrap_err();
        assert!(
            matches!(refused.kind(), ErrorKind::Dtd),
            "{backend}: {refused}"
        );
        assert_eq!(read.unwrap().a, "A", "{backend}");
    }
    // Read past, it declares nothing: an entity of its own is an error.
    let entity =
        r#"<!DOCTYPE Pair [<!ENTITY e "boom">]><Pair xmlns="urn:t" x="1"><a>&e;</a></Pair>"#;
    assert!(crate::from_str_with::<Pair>(entity, &ignore).is_err());
    assert!(crate::xmlrs::from_str_options::<Pair>(entity, &ignore).is_err());
}
