//! Each facet on each kind of built-in type, lists and unions, the messages,
//! and the paths.

use super::*;

mod patterns;
mod ranges;
mod types;

use BuiltinType as B;

/// The constraint and message of each violation of `text`.
fn check(c: Constraints, text: &str) -> Vec<(Constraint, String)> {
    let checker = Checker::new(c);
    let result = checker.check(text);
    assert_eq!(result.is_ok(), checker.is_valid(text), "{text:?}");
    match result {
        Ok(()) => Vec::new(),
        Err(violations) => violations
            .into_iter()
            .map(|v| (v.constraint, v.message))
            .collect(),
    }
}

/// Each of `texts` is valid.
#[track_caller]
fn valid(c: Constraints, texts: &[&str]) {
    for text in texts {
        let violations = check(c, text);
        assert!(violations.is_empty(), "{text:?}: {violations:?}");
    }
}

/// Each of `texts` breaks `constraint`, and only it.
#[track_caller]
fn breaks(c: Constraints, constraint: Constraint, texts: &[&str]) {
    for text in texts {
        let found: Vec<_> = check(c, text).into_iter().map(|(k, _)| k).collect();
        assert_eq!(found, [constraint], "{text:?}");
    }
}

/// The one message of `text`.
#[track_caller]
fn message(c: Constraints, text: &str) -> String {
    match &check(c, text)[..] {
        [(_, message)] => message.clone(),
        other => panic!("{text:?}: {other:?}"),
    }
}

const fn atomic(builtin: BuiltinType, facets: &'static [Facet]) -> Constraints {
    Constraints::atomic(builtin, facets)
}

#[test]
fn lengths_count_characters_octets_or_items() {
    const STRING: Constraints = atomic(B::String, &[Facet::MaxLength(2)]);
    valid(STRING, &["", "ab", "aé", "中文", "\u{10000}\u{10000}"]);
    breaks(STRING, Constraint::MaxLength, &["abc", "a  ", "中文字"]);
    assert_eq!(
        message(STRING, "abc"),
        r#""abc" is longer than maxLength 2 (3 characters)"#
    );

    const URI: Constraints = atomic(B::AnyUri, &[Facet::MinLength(5)]);
    valid(URI, &["http:", " http: "]);
    assert_eq!(
        message(URI, "a:b"),
        r#""a:b" is shorter than minLength 5 (3 characters)"#
    );

    const HEX: Constraints = atomic(B::HexBinary, &[Facet::Length(2)]);
    valid(HEX, &["0FA9", " 0fa9 "]);
    breaks(HEX, Constraint::Length, &["", "0F", "0FA9B8"]);
    assert_eq!(message(HEX, "0F"), r#""0F" is not of length 2 (1 octet)"#);

    const BASE64: Constraints = atomic(B::Base64Binary, &[Facet::MinLength(3)]);
    valid(BASE64, &["QUJD", "QUJDRA=="]);
    assert_eq!(
        message(BASE64, "QUI="),
        r#""QUI=" is shorter than minLength 3 (2 octets)"#
    );

    const TOKENS: Constraints = atomic(B::NmTokens, &[Facet::Length(2)]);
    valid(TOKENS, &["a b", "  a\n\tb  "]);
    assert_eq!(
        message(TOKENS, "a b c"),
        r#""a b c" is not of length 2 (3 items)"#
    );

    // Whitespace is normalized first: the facets see the value, not the text.
    const NORMALIZED: Constraints = atomic(B::NormalizedString, &[Facet::Length(3)]);
    valid(NORMALIZED, &["a\tb", "a\r\n"]);
    breaks(NORMALIZED, Constraint::Length, &[" a  "]);
    const TOKEN: Constraints = atomic(B::Token, &[Facet::Length(3)]);
    valid(TOKEN, &["a b", "  a \n\t b  "]);
    const COLLAPSED: Constraints = atomic(
        B::String,
        &[Facet::WhiteSpace(WhiteSpace::Collapse), Facet::Length(3)],
    );
    valid(COLLAPSED, &["  a   b "]);
    const REPLACED: Constraints = atomic(
        B::Token,
        &[Facet::WhiteSpace(WhiteSpace::Replace), Facet::Length(1)],
    );
    valid(REPLACED, &[" a "]);

    // A QName's length means nothing: always satisfied.
    valid(atomic(B::QName, &[Facet::Length(1)]), &["abc:def"]);
    // A decimal has no length.
    assert_eq!(
        message(atomic(B::Decimal, &[Facet::MaxLength(1)]), "12"),
        "the facet maxLength does not apply to decimal"
    );
}

#[test]
fn digits_are_significant_digits() {
    const TOTAL: Constraints = atomic(B::Decimal, &[Facet::TotalDigits(5)]);
    valid(
        TOTAL,
        &[
            "123.45",
            "00123.4500",
            "0.00012345",
            "-99999",
            "0",
            "-0.0",
            "10000",
        ],
    );
    breaks(
        TOTAL,
        Constraint::TotalDigits,
        &["1234.56", "100000", "0.000123456", "1.00001"],
    );
    assert_eq!(
        message(TOTAL, "1234.56"),
        r#""1234.56" has 6 digits, more than totalDigits 5"#
    );

    const FRACTION: Constraints = atomic(B::Decimal, &[Facet::FractionDigits(2)]);
    valid(FRACTION, &["1.50", "1.500000", "12", "-.05"]);
    breaks(FRACTION, Constraint::FractionDigits, &["1.505", "0.001"]);
    assert_eq!(
        message(FRACTION, "0.001"),
        r#""0.001" has 3 fraction digits, more than fractionDigits 2"#
    );
    assert_eq!(
        message(atomic(B::Decimal, &[Facet::FractionDigits(0)]), "0.5"),
        r#""0.5" has 1 fraction digit, more than fractionDigits 0"#
    );
    valid(atomic(B::Long, &[Facet::TotalDigits(2)]), &["-99", "0"]);
    assert_eq!(
        message(atomic(B::Float, &[Facet::TotalDigits(2)]), "1"),
        "the facet totalDigits does not apply to float"
    );
}

#[test]
fn enumerations_compare_values() {
    const DECIMAL: Constraints = atomic(B::Decimal, &[Facet::Enumeration(&["1", "2.50"])]);
    valid(DECIMAL, &["1", "1.0", "+001", "2.5", " 2.500 "]);
    breaks(DECIMAL, Constraint::Enumeration, &["2.51", "-1"]);
    assert_eq!(
        message(DECIMAL, "3"),
        r#""3" is not one of the enumerated values "1", "2.50""#
    );
    valid(
        atomic(B::Boolean, &[Facet::Enumeration(&["true"])]),
        &["1", "true"],
    );
    const STRING: Constraints = atomic(B::String, &[Facet::Enumeration(&["a b"])]);
    valid(STRING, &["a b"]);
    breaks(STRING, Constraint::Enumeration, &["a  b", " a b", "A B"]);
    const TOKEN: Constraints = atomic(B::Token, &[Facet::Enumeration(&[" a  b "])]);
    valid(TOKEN, &["a b", "  a \t b "]);
    const FLOAT: Constraints = atomic(B::Float, &[Facet::Enumeration(&["NaN", "1", "INF"])]);
    valid(FLOAT, &["NaN", "1.0E0", "+INF", "1.00000001"]);
    breaks(FLOAT, Constraint::Enumeration, &["2", "-INF"]);
    const INSTANT: Constraints = atomic(
        B::DateTime,
        &[Facet::Enumeration(&["2001-01-01T00:00:00Z"])],
    );
    valid(
        INSTANT,
        &["2001-01-01T01:00:00+01:00", "2000-12-31T24:00:00Z"],
    );
    breaks(INSTANT, Constraint::Enumeration, &["2001-01-01T00:00:00"]);
    const DURATION: Constraints = atomic(B::Duration, &[Facet::Enumeration(&["P1D"])]);
    valid(DURATION, &["PT24H", "P0Y1D"]);
    breaks(DURATION, Constraint::Enumeration, &["P1M", "PT23H"]);
    valid(
        atomic(B::HexBinary, &[Facet::Enumeration(&["0fa9"])]),
        &["0FA9"],
    );
    valid(
        atomic(B::Base64Binary, &[Facet::Enumeration(&["QUJD"])]),
        &["QU JD"],
    );
    // An invalid value breaks its type, not the enumeration.
    breaks(DECIMAL, Constraint::Type, &["one"]);

    // Steps: each must hold; within one, any value.
    const STEPS: Constraints = atomic(
        B::Int,
        &[
            Facet::Enumeration(&["1", "2"]),
            Facet::Enumeration(&["2", "3"]),
        ],
    );
    valid(STEPS, &["2"]);
    breaks(STEPS, Constraint::Enumeration, &["1", "3"]);

    const MANY: Constraints = atomic(
        B::Int,
        &[Facet::Enumeration(&[
            "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12",
        ])],
    );
    assert_eq!(
        message(MANY, "0"),
        r#""0" is not one of the enumerated values "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", ... (12 values)"#
    );
}

#[test]
fn lists_check_their_items_then_themselves() {
    const ITEM: Constraints = atomic(B::Int, &[Facet::MaxInclusive("5")]);
    const LIST: Constraints = Constraints::list(
        &ITEM,
        &[
            Facet::MaxLength(3),
            Facet::Pattern(&[r"\d+( \d+)*"]),
            Facet::Enumeration(&["1 2", "3 04 5"]),
        ],
    );
    valid(LIST, &["1 2", " 1\n 2 ", "3 4 5", "03 4 5"]);
    assert_eq!(
        check(LIST, "1 6 x 2"),
        [
            (
                Constraint::MaxInclusive,
                r#""6" is greater than maxInclusive 5"#.to_string()
            ),
            (
                Constraint::Type,
                r#""x" is not a valid int: expected digits, with an optional sign"#.to_string()
            ),
            (
                Constraint::MaxLength,
                r#""1 6 x 2" is longer than maxLength 3 (4 items)"#.to_string()
            ),
            (
                Constraint::Pattern,
                r#""1 6 x 2" does not match the pattern \d+( \d+)*"#.to_string()
            ),
            (
                Constraint::Enumeration,
                r#""1 6 x 2" is not one of the enumerated values "1 2", "3 04 5""#.to_string()
            ),
        ]
    );
    breaks(LIST, Constraint::Enumeration, &["2 1", "1 2 3", "1"]);
    // An empty list is a list of no items.
    const EMPTY: Constraints = Constraints::list(&ITEM, &[Facet::MinLength(1)]);
    assert_eq!(
        message(EMPTY, "  "),
        r#""" is shorter than minLength 1 (0 items)"#
    );
    assert_eq!(
        message(Constraints::list(&ITEM, &[Facet::MaxInclusive("3")]), "1"),
        "the facet maxInclusive does not apply to a list"
    );
}

#[test]
fn a_union_value_is_one_of_its_members() {
    const MEMBERS: &[Constraints] = &[
        atomic(B::Int, &[Facet::MaxInclusive("100")]),
        atomic(B::Date, &[]),
        atomic(B::Token, &[Facet::Enumeration(&["none"])]),
    ];
    const UNION: Constraints = Constraints::union(MEMBERS, &[]);
    valid(UNION, &["12", " 2001-01-01 ", "none"]);
    assert_eq!(
        message(UNION, "101"),
        r#""101" is not a valid value of any type of the union of (int, date, token)"#
    );
    const PATTERN: Constraints = Constraints::union(MEMBERS, &[Facet::Pattern(&[r"\d+"])]);
    valid(PATTERN, &["12"]);
    breaks(PATTERN, Constraint::Pattern, &["2001-01-01", "none"]);
    assert_eq!(check(PATTERN, "x").len(), 2);

    // Enumerations compare in the first member type that takes the value.
    const ENUMERATION: Constraints =
        Constraints::union(MEMBERS, &[Facet::Enumeration(&["1", "2001-01-01"])]);
    valid(ENUMERATION, &["+01", "2001-01-01"]);
    breaks(
        ENUMERATION,
        Constraint::Enumeration,
        &["2", "2001-01-01Z", "none"],
    );
    // "1.0" is a string here, before it could be a decimal.
    const FIRST: &[Constraints] = &[atomic(B::String, &[]), atomic(B::Decimal, &[])];
    const STRING_FIRST: Constraints = Constraints::union(FIRST, &[Facet::Enumeration(&["1"])]);
    valid(STRING_FIRST, &["1"]);
    breaks(STRING_FIRST, Constraint::Enumeration, &["1.0"]);
    // Two integer types: one primitive type, equal values.
    const NUMBERS: &[Constraints] = &[atomic(B::Byte, &[]), atomic(B::Long, &[])];
    valid(
        Constraints::union(NUMBERS, &[Facet::Enumeration(&["1000"])]),
        &["01000"],
    );
    // A list in a union.
    const LIST: Constraints = atomic(B::NmTokens, &[]);
    const WITH_LIST: &[Constraints] = &[atomic(B::Int, &[]), LIST];
    const LISTS: Constraints = Constraints::union(WITH_LIST, &[Facet::Enumeration(&["a  b"])]);
    valid(LISTS, &["a b"]);
    breaks(LISTS, Constraint::Enumeration, &["b a", "1"]);
}

#[test]
fn patterns_of_a_step_are_alternatives_and_every_step_holds() {
    const STEPS: Constraints = atomic(
        B::String,
        &[
            Facet::Pattern(&["[a-z]+", "[0-9]+"]),
            Facet::Pattern(&[".{2}"]),
        ],
    );
    valid(STEPS, &["ab", "12"]);
    breaks(STEPS, Constraint::Pattern, &["abc", "a1"]);
    assert_eq!(
        check(STEPS, "a1b")
            .into_iter()
            .map(|(_, m)| m)
            .collect::<Vec<_>>(),
        [
            r#""a1b" does not match any of the patterns [a-z]+ | [0-9]+"#,
            r#""a1b" does not match the pattern .{2}"#,
        ]
    );
    // Patterns apply to the normalized value.
    valid(atomic(B::Token, &[Facet::Pattern(&["a b"])]), &["  a\n b "]);
    // An invalid pattern cannot be checked: it says so, every time.
    let checker = Checker::new(atomic(B::String, &[Facet::Pattern(&["(a"])]));
    assert_eq!(
        checker.compile().unwrap_err()[0].message,
        "the group `(` is not closed"
    );
    let violations = checker.check("a").unwrap_err();
    assert_eq!(
        violations[0].message,
        r#"cannot be checked: invalid pattern "(a" at character 0: the group `(` is not closed"#
    );
}

#[test]
fn every_violation_is_reported_in_facet_order() {
    const MANY: Constraints = atomic(
        B::String,
        &[
            Facet::MinLength(5),
            Facet::Pattern(&["[a-z]+"]),
            Facet::Enumeration(&["abcdef"]),
        ],
    );
    let found: Vec<_> = check(MANY, "AB").into_iter().map(|(k, _)| k).collect();
    assert_eq!(
        found,
        [
            Constraint::MinLength,
            Constraint::Pattern,
            Constraint::Enumeration
        ]
    );
    let checker = Checker::new(MANY);
    let mut out = vec![Violation::required()];
    assert!(!checker.check_into("AB", &mut out));
    assert_eq!(out.len(), 4);
    assert!(checker.check_into("abcdef", &mut out));
    assert_eq!(out.len(), 4);
    // A value that is no decimal is not compared, but its pattern is checked.
    const PRICE: Constraints = atomic(
        B::Decimal,
        &[
            Facet::TotalDigits(5),
            Facet::Pattern(&[r"\d+\.\d{2}"]),
            Facet::MaxInclusive("10"),
        ],
    );
    let found: Vec<_> = check(PRICE, "1e3").into_iter().map(|(k, _)| k).collect();
    assert_eq!(found, [Constraint::Type, Constraint::Pattern]);
    let found: Vec<_> = check(PRICE, "1234.5").into_iter().map(|(k, _)| k).collect();
    assert_eq!(found, [Constraint::Pattern, Constraint::MaxInclusive]);
}

#[test]
fn violations_carry_their_facet_value_and_path() {
    static CODE: Checker = Checker::new(atomic(B::Token, &[Facet::MaxLength(2)]));
    let mut violations = CODE.check(" abc ").unwrap_err();
    let v = violations.remove(0).at("Code");
    assert_eq!(
        (v.constraint, v.facet_value.as_str(), v.value.as_str()),
        (Constraint::MaxLength, "2", "abc")
    );
    let mut out = vec![v];
    for v in &mut out {
        v.push_path("Item");
        v.push_path("Order");
    }
    assert_eq!(out[0].path(), "/Order/Item/Code");
    assert_eq!(
        out[0].path_elements().collect::<Vec<_>>(),
        ["Order", "Item", "Code"]
    );
    assert_eq!(
        out[0].to_string(),
        r#"/Order/Item/Code: "abc" is longer than maxLength 2 (3 characters)"#
    );
    let v = Violation::required().at("@id").at("Order");
    assert_eq!(v.to_string(), "/Order/@id: is required, but absent");
    assert_eq!(v.constraint, Constraint::Required);
    let v = CODE.check("abc").unwrap_err().remove(0);
    assert_eq!(v.path(), "");
    assert_eq!(v.to_string(), v.message);
    assert_eq!(Facet::Pattern(&["a", "b"]).to_string(), "a | b");
    assert_eq!(Facet::Enumeration(&["a", "b"]).to_string(), "a, b");
    assert_eq!(Facet::WhiteSpace(WhiteSpace::Collapse).name(), "whiteSpace");
    assert_eq!(Facet::FractionDigits(2).name(), "fractionDigits");
    assert_eq!(
        format!("{CODE:?}").split(',').next(),
        Some("Checker { constraints: Constraints { variety: Atomic(Token)")
    );
}

#[test]
fn occurrences() {
    assert_eq!(check_occurs(1, 1, Some(1)), None);
    assert_eq!(check_occurs(5, 0, None), None);
    let v = check_occurs(3, 0, Some(2)).unwrap();
    assert_eq!(
        (
            v.constraint,
            v.facet_value.as_str(),
            v.value.as_str(),
            v.message.as_str()
        ),
        (
            Constraint::MaxOccurs,
            "2",
            "3",
            "occurs 3 times, more than maxOccurs 2"
        )
    );
    let v = check_occurs(1, 2, None).unwrap();
    assert_eq!(v.message, "occurs once, fewer than minOccurs 2");
}
