//! The model keeps what a simple value is: the built-in type its
//! restrictions end in, and the facets of every step of the chain.

use std::path::Path;

use xsd_codegen::ir::{Facet, FacetKind, Item, Model, Struct, ValueInfo, ValueKind};

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
        &ValueInfo {
            builtin: "token".into(),
            facets: vec![
                facet(Pattern, "[A-Z]{2}[0-9]*", 0),
                facet(Pattern, "X", 0),
                facet(MaxLength, "8", 0),
                facet(Pattern, "[A-Z0-9]+", 1),
                facet(MinLength, "1", 1),
                facet(MaxLength, "255", 1),
            ],
        }
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
