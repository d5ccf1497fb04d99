//! Each built-in type's lexical space, its names, and the checks of facets
//! at generation time.

use super::*;

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
        (B::GMonth, &["--12", "--01Z", "--12--"], &["--12-", "--13"]),
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

/// XSD 1.0 has no year 0000 and its year -0001 is 1 BCE, a leap year;
/// XSD 1.1 numbers years as ISO 8601 does (0000 is 1 BCE, -0004 a leap
/// year): W3C saxonData zone203, msData dateTime011.
#[test]
fn the_years_before_1_are_numbered_by_the_version() {
    let date = Checker::new(Constraints::atomic(B::Date, &[]));
    let date_time = Checker::new(Constraints::atomic(B::DateTime, &[]));
    let valid = |checker: &Checker, text: &str, version| {
        checker.check_into_as(text, version, &mut Vec::new())
    };
    use crate::XsdVersion::{V1_0, V1_1};
    for (text, in_1_0, in_1_1) in [
        ("0000-02-29", false, true),
        ("-0004-02-29", false, true),
        ("-0400-02-29", false, true),
        ("-0001-02-29", true, false),
        ("-0005-02-29", true, false),
        ("-0000-01-01", false, false),
        ("2000-02-29", true, true),
    ] {
        assert_eq!(valid(&date, text, V1_0), in_1_0, "{text} in XSD 1.0");
        assert_eq!(valid(&date, text, V1_1), in_1_1, "{text} in XSD 1.1");
    }
    assert!(!valid(&date_time, "0000-01-01T00:00:00", V1_0));
    assert!(valid(&date_time, "0000-01-01T00:00:00", V1_1));
    // check_into is XSD 1.0's.
    assert!(!date.check_into("0000-01-01", &mut Vec::new()));
    // Ordered on one timeline: 1 BCE's last day is the day before 1 CE's first.
    let after_1_bce = Checker::new(Constraints::atomic(
        B::Date,
        &[Facet::MinExclusive("0000-12-31")],
    ));
    assert!(valid(&after_1_bce, "0001-01-01", V1_1));
    assert!(!valid(&after_1_bce, "0000-12-31", V1_1));
}
