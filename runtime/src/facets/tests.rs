//! Each facet on each kind of built-in type, lists and unions, the messages,
//! and the paths.

use super::*;

mod patterns;

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
fn each_built_in_type_checks_its_lexical_space() {
    let cases: &[(BuiltinType, &[&str], &[&str])] = &[
        (B::String, &["", " any\ttext "], &[]),
        (B::Token, &["", "  a  b "], &[]),
        (B::AnyUri, &["", "http://x/y#z", "a b"], &[]),
        (
            B::Boolean,
            &["true", "false", "1", "0", " true\n"],
            &["True", "yes", "2", ""],
        ),
        (
            B::Decimal,
            &["-0.5", "00012.3400", "+.5", "5.", "0", "-0"],
            &[
                "1E3", "1e3", ".", "-", "", "1,5", "1 2", "0x1", "--1", "+-1", "INF",
            ],
        ),
        (
            B::Integer,
            &["-12", "+0", "000", "123456789012345678901234567890"],
            &["1.0", "1e2", "", "+"],
        ),
        (
            B::Byte,
            &["-128", "127", "+0", "-0", "0127"],
            &["128", "-129"],
        ),
        (B::Short, &["-32768", "32767"], &["32768", "-32769"]),
        (
            B::Int,
            &["-2147483648", "2147483647"],
            &["2147483648", "-2147483649"],
        ),
        (
            B::Long,
            &["-9223372036854775808", "9223372036854775807"],
            &["9223372036854775808"],
        ),
        (B::UnsignedByte, &["0", "255", "-0"], &["256", "-1"]),
        (B::UnsignedShort, &["65535"], &["65536"]),
        (B::UnsignedInt, &["4294967295"], &["4294967296"]),
        (
            B::UnsignedLong,
            &["18446744073709551615"],
            &["18446744073709551616", "-1"],
        ),
        (B::PositiveInteger, &["1", "+0001"], &["0", "-1", "-0"]),
        (B::NegativeInteger, &["-1"], &["0", "-0", "1"]),
        (B::NonPositiveInteger, &["0", "-0", "-5", "+0"], &["1"]),
        (
            B::NonNegativeInteger,
            &["0", "-0", "99999999999999999999999"],
            &["-1"],
        ),
        (
            B::Float,
            &[
                "1e3",
                "-1.5E-3",
                ".5",
                "5.",
                "INF",
                "-INF",
                "+INF",
                "NaN",
                "1E+3",
                "3.4028235E38",
                "1e999",
            ],
            &[
                "inf", "nan", "Infinity", "-NaN", "1e", "e3", "1.5f", "", ".", "1e3.5", "0x10",
            ],
        ),
        (
            B::Double,
            &["-0", "2.2250738585072014E-308", "12.34e-56"],
            &["1.0d", " ", "INF0"],
        ),
        (
            B::Duration,
            &["P1Y", "-P1DT2H", "PT0.5S", "P0Y"],
            &["P", "P1H", "PT", "1Y", "P-1Y", "P1.5Y"],
        ),
        (
            B::DateTime,
            &["2026-11-23T09:13:54Z", "-0044-03-15T12:00:00.5+01:00"],
            &["2026-11-23", "2026-02-29T00:00:00"],
        ),
        (
            B::Date,
            &["2024-02-29", "2026-11-23-05:00"],
            &["2023-02-29", "2026-11-23T00:00:00"],
        ),
        (
            B::Time,
            &["24:00:00", "09:13:54.123Z"],
            &["24:00:01", "9:13:54"],
        ),
        (B::GYearMonth, &["2026-11"], &["2026", "2026-13"]),
        (B::GYear, &["-0044", "12026"], &["0000", "26"]),
        (B::GMonthDay, &["--02-29"], &["--02-30", "02-28"]),
        (B::GDay, &["---31"], &["---32", "--31"]),
        (B::GMonth, &["--12", "--01Z"], &["--12--", "--13"]),
        (B::HexBinary, &["", "0fA9"], &["0", "0g", "0 F"]),
        (
            B::Base64Binary,
            &["", "QUJD", "QU I=", "QUI="],
            &["QUJ", "QU=D", "QUJ=", "QUJD!"],
        ),
        (
            B::Language,
            &["en", "en-US", "x-klingon", "i-default", "abcdefgh-12345678"],
            &["", "en_US", "abcdefghi", "en-", "-en", "e1", "en--US"],
        ),
        (
            B::Name,
            &[":a", "_x.1", "é-b", "a:b:c"],
            &["1a", "-a", "", "a b"],
        ),
        (B::NCName, &["_x.1", "é"], &["a:b", ":a", "1a"]),
        (B::Id, &["id1"], &["1id", "a:b"]),
        (B::IdRef, &["id1"], &["a:b"]),
        (B::Entity, &["e"], &["a:b"]),
        (B::NmToken, &["1a", "-.:", " x "], &["a b", "", "a,b"]),
        (B::NmTokens, &["a b  c", "1"], &["", "a,b", "   "]),
        (B::IdRefs, &["a b"], &["a 1b"]),
        (B::Entities, &["a"], &[""]),
        (
            B::QName,
            &["a:b", "b", "_:é"],
            &["a:b:c", ":b", "a:", "1a:b"],
        ),
        (B::Notation, &["a:b"], &["a b"]),
    ];
    for &(builtin, good, bad) in cases {
        valid(atomic(builtin, &[]), good);
        for text in bad {
            let found = check(atomic(builtin, &[]), text);
            assert!(
                matches!(&found[..], [(Constraint::Type, _), ..]),
                "{builtin} {text:?}: {found:?}"
            );
        }
    }
    assert_eq!(
        message(atomic(B::Decimal, &[]), "1E3"),
        r#""1E3" is not a valid decimal: a decimal has no exponent"#
    );
    assert_eq!(
        message(atomic(B::Byte, &[]), "300"),
        r#""300" is not a valid byte: greater than 127, the greatest byte"#
    );
}

#[test]
fn every_built_in_type_has_its_name() {
    assert_eq!(BuiltinType::ALL.len(), 45);
    for &builtin in BuiltinType::ALL {
        assert_eq!(BuiltinType::from_xsd(builtin.name()), Some(builtin));
        assert_eq!(builtin.to_string(), builtin.name());
    }
    assert_eq!(
        BuiltinType::from_xsd("nonNegativeInteger"),
        Some(B::NonNegativeInteger)
    );
    assert_eq!(BuiltinType::from_xsd("anyType"), None);
    assert_eq!(B::UnsignedShort.primitive(), B::Decimal);
    assert_eq!(B::Language.primitive(), B::String);
    assert!(B::Byte.is_integer() && !B::Decimal.is_integer() && !B::Float.is_integer());
    assert_eq!(B::NmTokens.list_item(), Some(B::NmToken));
    assert_eq!(B::String.whitespace(), WhiteSpace::Preserve);
    assert_eq!(B::NormalizedString.whitespace(), WhiteSpace::Replace);
    assert_eq!(B::AnyUri.whitespace(), WhiteSpace::Collapse);
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
fn decimals_compare_exactly() {
    const MIN: Constraints = atomic(B::Decimal, &[Facet::MinInclusive("-0.5")]);
    valid(
        MIN,
        &[
            "-0.5",
            "-0.50000",
            "-.5",
            "0",
            "-0.4999999999999999999999999",
            "1",
        ],
    );
    breaks(
        MIN,
        Constraint::MinInclusive,
        &["-0.6", "-0.5000000000000000000001", "-1"],
    );
    assert_eq!(
        message(MIN, "-0.6"),
        r#""-0.6" is less than minInclusive -0.5"#
    );

    const MAX: Constraints = atomic(B::Decimal, &[Facet::MaxExclusive("00012.3400")]);
    valid(MAX, &["12.33999999999999999999", "-12.35", "0"]);
    breaks(
        MAX,
        Constraint::MaxExclusive,
        &["12.34", "12.340", "+012.34", "100"],
    );
    assert_eq!(
        message(MAX, "12.34"),
        r#""12.34" is not less than maxExclusive 00012.3400"#
    );

    // Beyond f64's precision.
    const BIG: Constraints = atomic(
        B::Integer,
        &[Facet::MaxInclusive("123456789012345678901234567890")],
    );
    valid(
        BIG,
        &[
            "123456789012345678901234567890",
            "-123456789012345678901234567891",
        ],
    );
    breaks(
        BIG,
        Constraint::MaxInclusive,
        &["123456789012345678901234567891"],
    );

    const ZERO: Constraints = atomic(B::Byte, &[Facet::MinExclusive("-0")]);
    valid(ZERO, &["1"]);
    breaks(ZERO, Constraint::MinExclusive, &["0", "-0", "+0", "-1"]);
    assert_eq!(
        message(atomic(B::Int, &[Facet::MaxInclusive("1.5")]), "1"),
        r#"the maxInclusive value "1.5" is not a valid int: expected digits, with an optional sign"#
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
fn floats_order_with_infinities_and_nan() {
    const MAX: Constraints = atomic(B::Double, &[Facet::MaxInclusive("INF")]);
    valid(MAX, &["1e308", "INF", "-INF", "+INF"]);
    assert_eq!(
        message(MAX, "NaN"),
        r#""NaN" cannot be compared with maxInclusive INF: NaN is not ordered"#
    );
    const MIN: Constraints = atomic(B::Float, &[Facet::MinExclusive("-INF")]);
    valid(MIN, &["-3.4E38", "0"]);
    breaks(MIN, Constraint::MinExclusive, &["-INF", "NaN"]);
    // A float is compared in single precision.
    const SINGLE: Constraints = atomic(B::Float, &[Facet::MaxInclusive("0.1")]);
    valid(SINGLE, &["0.1", "0.100000001"]);
    breaks(SINGLE, Constraint::MaxInclusive, &["0.10001"]);
    const DOUBLE: Constraints = atomic(B::Double, &[Facet::MaxInclusive("0.1")]);
    breaks(DOUBLE, Constraint::MaxInclusive, &["0.100000001"]);
    valid(
        atomic(B::Double, &[Facet::MinInclusive("0")]),
        &["-0", "0.0"],
    );
}

#[test]
fn instants_order_on_the_time_line() {
    const DATE_TIME: Constraints =
        atomic(B::DateTime, &[Facet::MaxInclusive("2001-01-01T00:00:00Z")]);
    valid(
        DATE_TIME,
        &[
            "2000-12-31T23:59:59.999Z",
            "2001-01-01T00:00:00Z",
            "2001-01-01T01:00:00+01:00",
            "2000-12-31T20:00:00-04:00",
            // No timezone: between 14 hours before and after; all of it is before.
            "2000-12-31T09:59:59",
            "-0001-01-01T00:00:00",
        ],
    );
    breaks(
        DATE_TIME,
        Constraint::MaxInclusive,
        &[
            "2001-01-01T00:00:00.000001Z",
            "2001-01-01T00:00:00-00:01",
            "2001-01-01T14:00:01",
            // Less than 14 hours either side: indeterminate, which fails.
            "2000-12-31T12:00:00",
            "2001-01-01T00:00:00",
        ],
    );
    assert_eq!(
        message(DATE_TIME, "2000-12-31T12:00:00"),
        r#""2000-12-31T12:00:00" cannot be compared with maxInclusive 2001-01-01T00:00:00Z: one has a timezone and the other not, and they are less than 14 hours apart"#
    );
    assert_eq!(
        message(DATE_TIME, "2001-01-01T00:00:01Z"),
        r#""2001-01-01T00:00:01Z" is greater than maxInclusive 2001-01-01T00:00:00Z"#
    );
    // 24:00:00 is the next day's start.
    const MIDNIGHT: Constraints =
        atomic(B::DateTime, &[Facet::MinInclusive("2001-01-02T00:00:00")]);
    valid(MIDNIGHT, &["2001-01-01T24:00:00"]);

    const DATE: Constraints = atomic(B::Date, &[Facet::MinExclusive("2000-01-01")]);
    valid(DATE, &["2000-01-02", "2000-01-02-13:00", "12000-01-01"]);
    breaks(
        DATE,
        Constraint::MinExclusive,
        &["2000-01-01", "-0001-12-31", "1999-12-31+14:00"],
    );

    // A time of every day: 24:00:00 is the day's start, not its end.
    const NOON: Constraints = atomic(B::Time, &[Facet::MaxExclusive("12:00:00")]);
    valid(NOON, &["24:00:00", "00:00:00", "11:59:59.999"]);
    breaks(NOON, Constraint::MaxExclusive, &["12:00:00", "23:59:59"]);
    const TIME: Constraints = atomic(B::Time, &[Facet::MaxInclusive("23:00:00Z")]);
    valid(TIME, &["22:00:00-01:00", "22:59:59.9Z", "08:00:00"]);
    breaks(
        TIME,
        Constraint::MaxInclusive,
        &["23:00:00.001Z", "23:30:00-00:30", "12:00:00"],
    );

    const YEAR: Constraints = atomic(B::GYear, &[Facet::MinInclusive("-0001")]);
    valid(YEAR, &["-0001", "0001", "12026"]);
    breaks(YEAR, Constraint::MinInclusive, &["-0002", "-10000"]);

    const YEAR_MONTH: Constraints = atomic(B::GYearMonth, &[Facet::MaxExclusive("2000-03")]);
    valid(YEAR_MONTH, &["2000-02", "1999-12"]);
    breaks(
        YEAR_MONTH,
        Constraint::MaxExclusive,
        &["2000-03", "2000-04"],
    );

    const MONTH_DAY: Constraints = atomic(B::GMonthDay, &[Facet::MaxInclusive("--02-29")]);
    valid(MONTH_DAY, &["--02-29", "--01-31"]);
    breaks(MONTH_DAY, Constraint::MaxInclusive, &["--03-01", "--12-31"]);

    const DAY: Constraints = atomic(B::GDay, &[Facet::MinInclusive("---15")]);
    valid(DAY, &["---15", "---31"]);
    breaks(DAY, Constraint::MinInclusive, &["---01", "---14"]);

    const MONTH: Constraints = atomic(B::GMonth, &[Facet::MaxExclusive("--06Z")]);
    valid(MONTH, &["--05Z", "--01"]);
    breaks(
        MONTH,
        Constraint::MaxExclusive,
        &["--06Z", "--06", "--07+05:00"],
    );
}

#[test]
fn durations_order_by_months_and_seconds() {
    const MONTH: Constraints = atomic(B::Duration, &[Facet::MaxInclusive("P1M")]);
    valid(MONTH, &["P27D", "PT647H", "-P1Y", "P1M", "P0Y1M", "-P30D"]);
    breaks(
        MONTH,
        Constraint::MaxInclusive,
        &["P32D", "P1M1D", "P1Y", "P2M"],
    );
    // 28 to 31 days: as long as some months, longer or shorter than others.
    for text in ["P28D", "PT672H", "P29D", "P30D", "P31D", "PT744H"] {
        assert_eq!(
            message(MONTH, text),
            format!(
                "{text:?} cannot be compared with maxInclusive P1M: the order of durations in months and in days depends on the months they span"
            )
        );
    }
    const YEAR: Constraints = atomic(B::Duration, &[Facet::MinInclusive("P1Y")]);
    valid(YEAR, &["P12M", "P367D", "P1YT0.5S"]);
    // 365 and 366 days are a year across some 29 February, not others.
    breaks(
        YEAR,
        Constraint::MinInclusive,
        &["P11M", "P364D", "P365D", "P366D"],
    );
    const NEGATIVE: Constraints = atomic(B::Duration, &[Facet::MinExclusive("-P1D")]);
    valid(NEGATIVE, &["PT0S", "-PT23H59M59.999S", "-P0D"]);
    breaks(
        NEGATIVE,
        Constraint::MinExclusive,
        &["-PT24H", "-P1D", "-PT86400.000001S"],
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

#[test]
fn facets_are_checked_at_generation_time() {
    let ok = [
        (B::String, "maxLength", "5"),
        (B::NmTokens, "minLength", "1"),
        (B::HexBinary, "length", "4"),
        (B::QName, "length", "4"),
        (B::Decimal, "totalDigits", "3"),
        (B::UnsignedByte, "fractionDigits", "0"),
        (B::Date, "minInclusive", "2001-01-01Z"),
        (B::Duration, "maxExclusive", "P1Y"),
        (B::Float, "maxInclusive", "INF"),
        (B::String, "pattern", r"\i\c*"),
        (B::Decimal, "enumeration", "1.5"),
        (B::NmTokens, "enumeration", "a b"),
        (B::String, "whiteSpace", "collapse"),
    ];
    for (builtin, name, value) in ok {
        assert_eq!(
            validate_facet(builtin, name, value),
            Ok(()),
            "{builtin} {name} {value}"
        );
    }
    let bad = [
        (
            B::String,
            "maxLength",
            "-1",
            r#"the maxLength value "-1" is not a non-negative integer"#,
        ),
        (
            B::Date,
            "maxLength",
            "3",
            "the facet maxLength does not apply to date",
        ),
        (
            B::Decimal,
            "totalDigits",
            "0",
            r#"the totalDigits value "0" is not a positive integer"#,
        ),
        (
            B::Double,
            "fractionDigits",
            "1",
            "the facet fractionDigits does not apply to double",
        ),
        (
            B::String,
            "minInclusive",
            "a",
            "the facet minInclusive does not apply to string",
        ),
        (
            B::Byte,
            "maxInclusive",
            "128",
            r#"the maxInclusive value "128" is not a valid byte: greater than 127, the greatest byte"#,
        ),
        (
            B::Date,
            "enumeration",
            "2001-02-29",
            r#"the enumeration value "2001-02-29" is not a valid date"#,
        ),
        (
            B::NmTokens,
            "enumeration",
            "",
            r#"the enumeration value "" is not a valid NMTOKENS"#,
        ),
        (
            B::String,
            "pattern",
            "[",
            r#"invalid pattern "[" at character 0: the character class `[` is not closed"#,
        ),
        (
            B::String,
            "whiteSpace",
            "trim",
            r#"the whiteSpace value "trim" is not preserve, replace or collapse"#,
        ),
        (B::String, "maxSize", "1", "maxSize is not a facet"),
    ];
    for (builtin, name, value, error) in bad {
        assert_eq!(
            validate_facet(builtin, name, value),
            Err(error.to_string()),
            "{builtin} {name} {value}"
        );
    }
}
