//! The doc lines of values.

use super::*;

fn info(builtin: &str, facets: &[(FacetKind, &str, usize)]) -> ValueInfo {
    ValueInfo::atomic(
        builtin,
        facets
            .iter()
            .map(|&(kind, value, step)| crate::ir::Facet {
                kind,
                value: value.into(),
                step,
                qname: None,
            })
            .collect(),
    )
}

#[test]
fn value_docs_are_concise() {
    let string = TypeRef::Builtin(Builtin::String);
    let doc = |ty: &TypeRef, info: &ValueInfo| value_doc(ty, Some(info));
    assert_eq!(
        doc(&string, &info("dateTime", &[])).as_deref(),
        Some("`xs:dateTime`")
    );
    assert_eq!(doc(&string, &info("string", &[])), None);
    assert_eq!(
        doc(&TypeRef::Builtin(Builtin::I32), &info("int", &[])),
        None
    );
    use FacetKind::*;
    let facets = info(
        "string",
        &[
            (Pattern, "[0-9]+", 0),
            (MaxLength, "255", 0),
            (Pattern, "[0-5]+", 1),
            (Pattern, "a`b", 1),
            (MinLength, "1", 1),
            (MaxLength, "300", 1),
        ],
    );
    assert_eq!(
        doc(&string, &facets).as_deref(),
        Some("`xs:string`; pattern `[0-9]+`; pattern `[0-5]+` or `` a`b ``; length 1..=255")
    );
    let numbers = info(
        "int",
        &[
            (MinExclusive, "0", 0),
            (MaxInclusive, "9", 0),
            (TotalDigits, "1", 1),
            (WhiteSpace, "collapse", 2),
        ],
    );
    assert_eq!(
        doc(&TypeRef::Builtin(Builtin::I32), &numbers).as_deref(),
        Some("`xs:int`; value > 0 and <= 9; total digits 1; whitespace collapse")
    );
    assert_eq!(
        facet_summary(&info(
            "decimal",
            &[
                (MinInclusive, "0", 0),
                (MaxExclusive, "10", 0),
                (FractionDigits, "2", 0),
                (Length, "3", 0)
            ]
        )),
        ["length 3", "value 0..10", "fraction digits 2"]
    );
    assert_eq!(
        facet_summary(&info("int", &[(MaxExclusive, "10", 0)])),
        ["value ..10"]
    );
}
