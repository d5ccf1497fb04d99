//! The model keeps what a simple value is: the built-in type its
//! restrictions end in, and the facets of every step of the chain; element
//! and attribute defaults, attribute wildcards and the `xsi:` attributes.

use std::path::Path;

use xsd_codegen::ir::{Facet, FacetKind, Item, Model, Struct, ValueInfo, ValueKind, Variety};

fn model() -> Model {
    let schema = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/values/schema.xsd");
    xsd_codegen::Config::new()
        .model(&[schema])
        .unwrap_or_else(|e| panic!("{e}"))
}

fn strukt<'m>(model: &'m Model, name: &str) -> &'m Struct {
    match model.modules[""].items.get(name) {
        Some(Item::Struct(s)) => s,
        other => panic!("{name}: {other:?}"),
    }
}

fn facet(kind: FacetKind, value: &str, step: usize) -> Facet {
    Facet {
        kind,
        value: value.into(),
        step,
        qname: None,
    }
}

fn field_info<'m>(s: &'m Struct, name: &str) -> &'m ValueInfo {
    let f = s.fields.iter().find(|f| f.name == name).unwrap();
    f.value_info
        .as_ref()
        .unwrap_or_else(|| panic!("{name} has no value info"))
}

#[test]
fn fields_carry_the_facets_of_the_whole_restriction_chain() {
    let model = model();
    let event = strukt(&model, "Event");
    use FacetKind::*;
    assert_eq!(
        field_info(event, "code"),
        &ValueInfo::atomic(
            "token",
            vec![
                facet(Pattern, "[A-Z]{2}[0-9]*", 0),
                facet(Pattern, "X", 0),
                facet(MaxLength, "8", 0),
                facet(Pattern, "[A-Z0-9]+", 1),
                facet(MinLength, "1", 1),
                facet(MaxLength, "255", 1),
            ],
        )
    );
    let end = field_info(event, "end");
    assert_eq!(end.builtin, "dateTime");
    assert_eq!(end.facets, [facet(Pattern, ".*Z", 0)]);
    assert_eq!(end.kind(), Some(ValueKind::DateTime));
    assert_eq!(
        field_info(event, "done").facets,
        [facet(MinInclusive, "0", 0), facet(MaxInclusive, "100", 0)]
    );
    let seen = field_info(event, "seen");
    assert_eq!(
        seen.kind(),
        Some(ValueKind::Integer {
            min: Some(0),
            max: None
        })
    );
    // An anonymous simple type.
    assert_eq!(field_info(event, "note").facets, [facet(Length, "4", 0)]);
    // A complex-typed field has none.
    assert_eq!(
        event
            .fields
            .iter()
            .find(|f| f.name == "length")
            .unwrap()
            .value_info,
        None
    );
}

#[test]
fn attributes_and_simple_content_carry_theirs() {
    let model = model();
    let event = strukt(&model, "Event");
    let created = event
        .attributes
        .iter()
        .find(|a| a.name == "created")
        .unwrap();
    assert_eq!(created.value_info.as_ref().unwrap().builtin, "dateTime");
    let span = strukt(&model, "Span");
    let text = span.text_info.as_ref().unwrap();
    assert_eq!((text.builtin.as_str(), text.facets.len()), ("duration", 0));
    // A simpleContent restriction's facets are kept, as step 0 before its base's.
    let short = strukt(&model, "ShortSpan");
    assert_eq!(
        short.text_info.as_ref().unwrap().facets,
        [facet(FacetKind::Pattern, "PT.*", 0)]
    );
    // The text of a global element of a simple type.
    let deadline = strukt(&model, "Deadline");
    let info = deadline.text_info.as_ref().unwrap();
    assert_eq!(info.builtin, "dateTime");
    assert_eq!(info.facets, [facet(FacetKind::Pattern, ".*Z", 0)]);
}

/// Lists, unions and the enumerations of values kept as text, in the
/// `facets` fixture; and the values of a choice's alternatives.
#[test]
fn lists_unions_and_enumerations_are_described() {
    let schema = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/facets/schema.xsd");
    let model = xsd_codegen::Config::new()
        .model(&[schema])
        .unwrap_or_else(|e| panic!("{e}"));
    use FacetKind::*;
    let item = strukt(&model, "Item");
    // A restriction (step 0) of an anonymous list (its items' own facets inside).
    let tags = field_info(item, "tags");
    assert_eq!(
        (tags.builtin.as_str(), &tags.facets),
        (
            "anySimpleType",
            &vec![facet(MinLength, "1", 0), facet(MaxLength, "3", 0)]
        )
    );
    assert_eq!(
        tags.variety,
        Variety::List(Box::new(ValueInfo::atomic(
            "token",
            vec![facet(Pattern, "[A-Z]{2,4}", 0)]
        )))
    );
    // An enumeration is a facet too (its type is also an enum).
    assert_eq!(
        field_info(item, "color").facets,
        [facet(Enumeration, "red", 0), facet(Enumeration, "green", 0)]
    );
    let order = strukt(&model, "Order");
    let r#ref = field_info(order, "ref");
    assert_eq!(
        r#ref.variety,
        Variety::Union(vec![
            ValueInfo::atomic("token", vec![facet(Pattern, "[A-Z]{2,4}", 0)]),
            ValueInfo::atomic("positiveInteger", vec![]),
        ])
    );
    // Enumerations inside, a pattern outside: both kept, each with its step.
    assert_eq!(
        field_info(order, "grade"),
        &ValueInfo::atomic(
            "string",
            vec![
                facet(Pattern, "[A-F]", 0),
                facet(Enumeration, "A", 1),
                facet(Enumeration, "B", 1),
                facet(Enumeration, "Z", 1),
            ]
        )
    );
    // A choice's alternatives carry their values' infos.
    let Some(Item::Choice(choice)) = model.modules[""].items.get("OrderChoice") else {
        panic!("no OrderChoice");
    };
    let due = choice.alternatives[0].value_info.as_ref().unwrap();
    assert_eq!(
        due.variety,
        Variety::Union(vec![
            ValueInfo::atomic("date", vec![]),
            ValueInfo::atomic("string", vec![facet(Enumeration, "never", 0)]),
        ])
    );
    let rush = choice.alternatives[1].value_info.as_ref().unwrap();
    assert_eq!(
        rush,
        &ValueInfo::atomic(
            "int",
            vec![facet(MinInclusive, "1", 0), facet(MaxInclusive, "99", 0)]
        )
    );
}

#[test]
fn the_model_dump_shows_them() {
    let dump = format!("{:#?}", model());
    for expected in [
        "builtin: \"token\"",
        "kind: MaxLength",
        "value: \"[A-Z0-9]+\"",
        "step: 1",
    ] {
        assert!(dump.contains(expected), "{expected} missing from the dump");
    }
}

/// Defaults, the wildcard and the `xsi:` attributes of the `instance` fixture.
#[test]
fn defaults_wildcards_and_instance_attributes_are_in_the_model() {
    use xsd_codegen::ir::NamespaceConstraint;
    let schema = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/instance/schema.xsd");
    let model = xsd_codegen::Config::new()
        .model(&[schema])
        .unwrap_or_else(|e| panic!("{e}"));
    let responses = strukt(&model, "Responses");
    let mode = responses.fields.iter().find(|f| f.name == "mode").unwrap();
    assert_eq!(mode.default.as_deref(), Some("fast"));
    let version = strukt(&model, "ServerVersion");
    let build = version
        .attributes
        .iter()
        .find(|a| a.name == "build")
        .unwrap();
    assert_eq!(build.default.as_deref(), Some("0"));
    let any = version.any_attribute.as_ref().unwrap();
    let soap = "http://schemas.xmlsoap.org/soap/envelope/";
    assert_eq!(
        any.namespaces,
        NamespaceConstraint::Only(vec![Some(soap.into())])
    );
    assert!(any.namespaces.allows(Some(soap)) && !any.namespaces.allows(None));
    let tagged = strukt(&model, "TaggedType").any_attribute.as_ref().unwrap();
    assert!(!tagged.namespaces.allows(Some("urn:example:instance")));
    assert!(!tagged.namespaces.allows(None) && tagged.namespaces.allows(Some("urn:x")));
    // xsi:type on both ends of a derivation, not elsewhere; xsi:nil on the
    // nillable element's type.
    let xsi = |s: &Struct, wire: &str| {
        s.attributes.iter().any(|a| {
            a.wire_name == wire
                && a.namespace.as_deref() == Some("http://www.w3.org/2001/XMLSchema-instance")
        })
    };
    assert!(xsi(strukt(&model, "ResponseType"), "type"));
    assert!(xsi(strukt(&model, "DeleteResponseType"), "type"));
    assert!(!xsi(strukt(&model, "TaggedType"), "type"));
    assert!(xsi(strukt(&model, "DataType"), "nil"));
    assert!(!xsi(strukt(&model, "ResponseType"), "nil"));
}

/// A schema whose target namespace is XML Schema's own (the schema for
/// schemas) defines types of its own there: those are its, the others are
/// the built-in types.
#[test]
fn the_schema_for_schemas_uses_its_own_types_beside_the_built_in_ones() {
    let dir = tempfile::tempdir().unwrap();
    let schema = dir.path().join("XMLSchema.xsd");
    std::fs::write(
        &schema,
        r#"<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="http://www.w3.org/2001/XMLSchema">
  <xs:simpleType name="formChoice">
    <xs:restriction base="xs:NMTOKEN">
      <xs:enumeration value="qualified"/>
      <xs:enumeration value="unqualified"/>
    </xs:restriction>
  </xs:simpleType>
  <xs:simpleType name="string"><xs:restriction base="xs:anySimpleType"/></xs:simpleType>
  <xs:element name="e">
    <xs:complexType>
      <xs:attribute name="form" type="xs:formChoice"/>
      <xs:attribute name="n" type="xs:int"/>
      <xs:attribute name="s" type="xs:string"/>
      <xs:attribute name="stamp" type="xs:dateTimeStamp"/>
    </xs:complexType>
  </xs:element>
</xs:schema>"#,
    )
    .unwrap();
    let model = xsd_codegen::Config::new()
        .model(&[schema])
        .unwrap_or_else(|e| panic!("{e}"));
    let e = strukt(&model, "E");
    let ty = |name: &str| {
        let a = e.attributes.iter().find(|a| a.name == name).unwrap();
        (
            format!("{:?}", a.ty),
            a.value_info.as_ref().map(|i| i.builtin.clone()),
        )
    };
    assert!(ty("form").0.contains("FormChoice"), "{:?}", ty("form"));
    // Built-in names stay built in, even where the schema restates them.
    assert_eq!(ty("n"), ("Builtin(I32)".into(), Some("int".into())));
    assert_eq!(ty("s"), ("Builtin(String)".into(), Some("string".into())));
    assert_eq!(
        ty("stamp"),
        ("Builtin(String)".into(), Some("dateTimeStamp".into()))
    );
    assert!(matches!(
        model.modules[""].items.get("FormChoice"),
        Some(Item::Enum(_))
    ));
}

/// The enumerations of a restriction of `xs:QName` keep what their values
/// mean where the schema writes them (namespace, local name): a document
/// writes them with prefixes of its own.
#[test]
fn qname_enumerations_keep_their_namespaces() {
    let schema = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/lexical/schema.xsd");
    let model = xsd_codegen::Config::new()
        .model(&[schema])
        .unwrap_or_else(|e| panic!("{e}"));
    let reading = model
        .modules
        .values()
        .find_map(|m| match m.items.get("Reading") {
            Some(Item::Struct(s)) => Some(s),
            _ => None,
        })
        .expect("the struct Reading");
    let code = field_info(reading, "code");
    assert_eq!(code.builtin, "QName");
    let qnames: Vec<(&str, Option<(&str, &str)>)> = code
        .facets
        .iter()
        .map(|f| {
            let q = f
                .qname
                .as_ref()
                .map(|(ns, local)| (ns.as_str(), local.as_str()));
            (f.value.as_str(), q)
        })
        .collect();
    assert_eq!(
        qnames,
        [
            ("c:a", Some(("urn:example:codes", "a"))),
            ("c:b", Some(("urn:example:codes", "b"))),
        ]
    );
}
