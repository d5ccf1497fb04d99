use super::*;
use crate::read::{self, ReadXml, Source};
use crate::write::{self, WriteXml, Writer};
use crate::{Element, Limits, UnknownContent};

/// `<Typed kind="QName">QName</Typed>` with a list of QNames in `also`,
/// as generated code reads and writes it.
#[derive(Debug, PartialEq)]
struct Typed {
    kind: QName,
    also: Option<Names>,
    text: QName,
}

#[derive(Debug, PartialEq)]
struct Names(Vec<QName>);

impl SimpleType for Names {
    fn from_text(text: &str) -> Result<Self> {
        Self::from_text_in(text, &NoNamespaces)
    }

    fn to_text(&self) -> Cow<'_, str> {
        let items: Vec<String> = self.0.iter().map(ToString::to_string).collect();
        Cow::Owned(items.join(" "))
    }

    fn from_text_in(text: &str, namespaces: &dyn Namespaces) -> Result<Self> {
        crate::simple::parse_list_in(text, "Names", namespaces)
            .map(Names)
            .map_err(Error::value)
    }

    fn to_text_in(&self, sink: &mut dyn Sink) -> Result<Cow<'_, str>> {
        crate::simple::list_text_in(&self.0, sink).map(Cow::Owned)
    }
}

impl ReadXml for Typed {
    fn read_xml<S: Source>(source: &mut S) -> Result<Self> {
        let (mut kind, mut also) = (None, None);
        read::attributes(source, |a| match a.local {
            "kind" => read::attribute_in(&mut kind, a, &*source),
            "also" => read::attribute_in(&mut also, a, &*source),
            _ => Ok(false),
        })?;
        let text = read::simple(source)?;
        Ok(Typed {
            kind: read::required_attribute(kind, "kind", "Typed")?,
            also,
            text,
        })
    }
}

impl WriteXml for Typed {
    fn write_xml(&self, sink: &mut dyn Sink) -> Result<()> {
        write::attribute(sink, "", "kind", &self.kind)?;
        write::attribute_opt(sink, "", "also", self.also.as_ref())?;
        self.text.write_xml(sink)
    }
}

/// `<Outer><Typed/>...</Outer>`: where the prefixes are declared.
#[derive(Debug, PartialEq)]
struct Outer {
    typed: Vec<Typed>,
}

impl ReadXml for Outer {
    fn read_xml<S: Source>(source: &mut S) -> Result<Self> {
        let mut typed = Vec::new();
        read::children(source, &[("urn:t", "Typed")], |source, child| match child {
            0 => read::many(&mut typed, source),
            _ => read::unknown(source),
        })?;
        Ok(Outer { typed })
    }
}

impl WriteXml for Outer {
    fn write_xml(&self, sink: &mut dyn Sink) -> Result<()> {
        write::children(sink, "urn:t", "Typed", &self.typed)
    }
}

impl Element for Outer {
    const NAMESPACE: &'static str = "urn:t";
    const LOCAL_NAME: &'static str = "Outer";
}

/// Reads `xml` with both backends, which must agree.
fn read_both(xml: &str) -> Result<Outer> {
    let quick = crate::from_str::<Outer>(xml);
    let xml_rs =
        crate::xmlrs::from_str_with::<Outer>(xml, &Limits::default(), UnknownContent::Skip);
    match (quick, xml_rs) {
        (Ok(a), Ok(b)) => {
            assert_eq!(a, b, "the backends read different values");
            Ok(a)
        }
        (Err(a), Err(b)) => {
            assert_eq!(a.to_string(), b.to_string());
            Err(a)
        }
        (a, b) => panic!("one backend reads it: {a:?} / {b:?}"),
    }
}

fn q(namespace: &str, local: &str, prefix: Option<&str>) -> QName {
    QName {
        namespace: namespace.into(),
        local: local.into(),
        prefix: prefix.map(Into::into),
    }
}

#[test]
fn prefixes_declared_on_ancestors_resolve_and_are_declared_again_where_written() {
    let xml = r#"<o:Outer xmlns:o="urn:t" xmlns:a="urn:a" xmlns="urn:d"><o:Typed kind=" a:x " also="a:y  z xml:lang">
  o:Outer
</o:Typed><o:Typed xmlns:a="urn:other" kind="a:x">local</o:Typed></o:Outer>"#;
    let outer = read_both(xml).unwrap();
    let first = &outer.typed[0];
    assert_eq!(first.kind, q("urn:a", "x", Some("a")));
    assert_eq!(first.kind.prefix.as_deref(), Some("a"));
    assert_eq!(
        first.also.as_ref().unwrap().0,
        [
            q("urn:a", "y", Some("a")),
            q("urn:d", "z", None),
            q(XML_NAMESPACE, "lang", Some("xml")),
        ]
    );
    // Text: its whitespace collapsed, its prefix resolved where it stands.
    assert_eq!(first.text, q("urn:t", "Outer", Some("o")));
    // An unprefixed name is the default namespace's; a prefix bound again
    // further in is the inner binding.
    assert_eq!(outer.typed[1].text, q("urn:d", "local", None));
    assert_eq!(outer.typed[1].kind, q("urn:other", "x", Some("a")));

    // Written where nothing but the elements' namespace is declared: each
    // prefix is declared where its value is, the one it was read with, and
    // an unprefixed value gets the default namespace it needs (the element
    // then takes a prefix).
    let written = crate::to_string(&outer).unwrap();
    assert_eq!(
        written,
        concat!(
            r#"<Outer xmlns="urn:t">"#,
            r#"<ns1:Typed xmlns:a="urn:a" kind="a:x" xmlns:ns1="urn:t" xmlns="urn:d" also="a:y z xml:lang" xmlns:o="urn:t">o:Outer</ns1:Typed>"#,
            r#"<ns1:Typed xmlns:a="urn:other" kind="a:x" xmlns:ns1="urn:t" xmlns="urn:d">local</ns1:Typed>"#,
            r#"</Outer>"#
        )
    );
    assert_eq!(read_both(&written).unwrap(), outer);
    assert_eq!(
        testkit::xml_tree_eq(xml, &written).unwrap_err(),
        r#"/{urn:t}Outer/{urn:t}Typed: attributes [("also", "a:y  z xml:lang"), ("kind", " a:x ")] differ from [("also", "a:y z xml:lang"), ("kind", "a:x")]"#,
        "the values are the same, their whitespace is not"
    );
}

#[test]
fn a_prefix_in_scope_is_used_and_a_used_prefix_is_not_rebound() {
    // The prefix `p` is bound to another namespace on the element: the value
    // takes a prefix of its own.
    let mut w = Writer::new(String::new());
    w.start("urn:t", "e", Some("p")).unwrap();
    let text = q("urn:a", "x", Some("p")).write(&mut w).unwrap();
    assert_eq!(text, "ns1:x");
    let again = q("urn:a", "y", Some("a")).write(&mut w).unwrap();
    assert_eq!(again, "a:y", "a prefix free on the element is declared");
    // A wished prefix bound here to another namespace gives way to one in scope.
    let element = q("urn:t", "z", Some("ns1")).write(&mut w).unwrap();
    assert_eq!(element, "p:z", "a prefix in scope is used");
    // An unprefixed name: the default namespace, declared for it.
    assert_eq!(q("urn:a", "u", None).write(&mut w).unwrap(), "u");
    w.text(&text).unwrap();
    w.end().unwrap();
    assert_eq!(
        w.into_inner(),
        r#"<p:e xmlns:p="urn:t" xmlns:ns1="urn:a" xmlns:a="urn:a" xmlns="urn:a">ns1:x</p:e>"#
    );
}

#[test]
fn an_attribute_does_not_rebind_the_prefix_a_value_uses() {
    let mut w = Writer::new(String::new());
    w.start("", "r", None).unwrap();
    w.declare(Some("a"), "urn:a").unwrap();
    w.start("", "e", None).unwrap();
    // The value uses `a` as bound on the parent...
    assert_eq!(q("urn:a", "x", Some("a")).write(&mut w).unwrap(), "a:x");
    // ...so an attribute wishing `a` for another namespace gets another.
    w.attribute("urn:b", "at", Some("a"), "1").unwrap();
    w.end().unwrap();
    w.end().unwrap();
    assert_eq!(
        w.into_inner(),
        r#"<r xmlns:a="urn:a"><e xmlns:ns1="urn:b" ns1:at="1"/></r>"#
    );
}

#[test]
fn an_unprefixed_name_gets_its_default_namespace_where_it_can() {
    let mut w = Writer::new(String::new());
    w.start("urn:t", "r", None).unwrap();
    w.start("urn:t", "e", Some("t")).unwrap();
    assert_eq!(q("", "x", None).write(&mut w).unwrap(), "x");
    w.end().unwrap();
    // An element in the default namespace takes a prefix, and the
    // declaration it made changes.
    w.start("urn:u", "f", None).unwrap();
    w.attribute("", "plain", None, "1").unwrap();
    assert_eq!(q("", "x", None).write(&mut w).unwrap(), "x");
    w.end().unwrap();
    // Not when a value on the element already uses the default namespace.
    w.start("urn:t", "g", None).unwrap();
    assert_eq!(q("urn:t", "a", None).write(&mut w).unwrap(), "a");
    let e = q("", "x", None).write(&mut w).unwrap_err();
    assert_eq!(
        e.to_string(),
        "the QName x, of no namespace, cannot be written where the default namespace is \"urn:t\""
    );
    // A name in a namespace then takes a prefix.
    assert_eq!(q("urn:v", "y", None).write(&mut w).unwrap(), "ns1:y");
    w.end().unwrap();
    w.end().unwrap();
    assert_eq!(
        w.into_inner(),
        concat!(
            r#"<r xmlns="urn:t"><t:e xmlns:t="urn:t" xmlns=""/>"#,
            r#"<ns1:f xmlns="" plain="1" xmlns:ns1="urn:u"/>"#,
            r#"<g xmlns:ns1="urn:v"/></r>"#
        )
    );
}

#[test]
fn once_the_start_tag_is_written_only_prefixes_in_scope_serve() {
    let mut w = Writer::new(String::new());
    w.start("urn:t", "r", None).unwrap();
    w.text("x").unwrap();
    assert_eq!(q("urn:t", "a", Some("p")).write(&mut w).unwrap(), "a");
    let e = q("urn:z", "a", Some("z")).write(&mut w).unwrap_err();
    assert!(e.to_string().contains("the start tag is written"), "{e}");
}

#[test]
fn undeclared_prefixes_and_bad_names_are_errors() {
    let xml = r#"<Outer xmlns="urn:t"><Typed kind="b:x">a</Typed></Outer>"#;
    assert_eq!(
        read_both(xml).unwrap_err().to_string(),
        "Typed: attribute kind: the prefix \"b\" of QName \"b:x\" is not declared"
    );
    for bad in ["", ":a", "a:", "a:b:c", "a b"] {
        let e = QName::from_text(bad).unwrap_err().to_string();
        assert!(e.contains("is not a QName"), "{bad:?}: {e}");
    }
}

#[test]
fn outside_a_document_only_xml_is_bound() {
    assert_eq!(QName::from_text("name").unwrap(), QName::new("", "name"));
    assert_eq!(
        QName::from_text("xml:lang").unwrap(),
        QName::new(XML_NAMESPACE, "lang")
    );
    assert!(QName::from_text("p:name").is_err());
}

#[test]
fn qnames_compare_by_namespace_and_local_name() {
    let a = q("urn:a", "x", Some("a"));
    let b = q("urn:a", "x", Some("b"));
    assert_eq!(a, b);
    assert_ne!(a, q("urn:b", "x", Some("a")));
    use std::hash::BuildHasher;
    let state = std::collections::hash_map::RandomState::new();
    assert_eq!(state.hash_one(&a), state.hash_one(&b));
    assert_eq!(a.to_string(), "a:x");
    assert_eq!(QName::new("urn:a", "x").with_prefix("p").to_string(), "p:x");
    assert_eq!(QName::new("urn:a", "x").to_text(), "x");
}
