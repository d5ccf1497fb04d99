//! The value types' parsers: every valid form read and written back, every
//! invalid one refused with the type and the text.

use super::*;

/// Every valid text parses, and writes back as `written` (`=` for itself).
fn round_trip<T>(cases: &[(&str, &str)])
where
    T: std::str::FromStr<Err = InvalidValue> + std::fmt::Display + PartialEq + std::fmt::Debug,
{
    for (text, written) in cases {
        let value: T = text.parse().unwrap_or_else(|e| panic!("{text:?}: {e:?}"));
        let expected = if *written == "=" {
            text.trim()
        } else {
            written
        };
        assert_eq!(value.to_string(), expected, "{text:?}");
        let again: T = value.to_string().parse().unwrap();
        assert_eq!(again, value, "{text:?}");
    }
}

/// Every invalid text is refused, naming the type and the text.
fn refused<T: std::str::FromStr<Err = InvalidValue> + std::fmt::Debug>(
    type_name: &str,
    cases: &[&str],
) {
    for text in cases {
        match text.parse::<T>() {
            Ok(v) => panic!("{text:?} was read as {v:?}"),
            Err(e) => {
                assert_eq!((e.type_name, e.value.as_str()), (type_name, *text));
                assert!(!e.reason.is_empty());
            }
        }
    }
}

#[test]
fn date_times() {
    let v: DateTime = "2026-11-23T09:13:54.1234567+01:00".parse().unwrap();
    assert_eq!(
        (v.year, v.month, v.day, v.hour, v.minute, v.second),
        (2026, 11, 23, 9, 13, 54)
    );
    assert_eq!(v.fraction, "1234567");
    assert_eq!(v.nanosecond(), 123_456_700);
    assert_eq!(v.timezone, Some(Timezone::Offset(60)));
    let v: DateTime = "-12345-02-28T24:00:00.000Z".parse().unwrap();
    assert_eq!(
        (v.year, v.hour, v.timezone),
        (-12345, 24, Some(Timezone::Utc))
    );
    round_trip::<DateTime>(&[
        ("2026-11-23T09:13:54.1234567+01:00", "="),
        ("2026-11-23T09:13:54", "="),
        ("  2026-11-23T09:13:54Z\n", "="),
        ("0001-01-01T00:00:00-14:00", "="),
        ("-0001-02-29T00:00:00", "="),
        ("2000-02-29T23:59:59.999999999999+14:00", "="),
        ("12026-12-31T12:00:00-00:00", "12026-12-31T12:00:00+00:00"),
        ("2026-01-01T24:00:00", "="),
        ("2026-01-01T00:00:00.0500", "="),
    ]);
    refused::<DateTime>(
        "dateTime",
        &[
            "",
            "2026-11-23",
            "2026-11-23 09:13:54",
            "2026-11-23t09:13:54",
            "26-11-23T09:13:54",
            "+2026-11-23T09:13:54",
            "0000-01-01T00:00:00",
            "02026-01-01T00:00:00",
            "2026-13-01T00:00:00",
            "2026-00-01T00:00:00",
            "2026-02-29T00:00:00",
            "1900-02-29T00:00:00",
            "2026-04-31T00:00:00",
            "2026-1-01T00:00:00",
            "2026-01-01T25:00:00",
            "2026-01-01T24:00:01",
            "2026-01-01T24:00:00.1",
            "2026-01-01T00:60:00",
            "2026-01-01T00:00:60",
            "2026-01-01T00:00:00.",
            "2026-01-01T00:00:00+14:01",
            "2026-01-01T00:00:00+15:00",
            "2026-01-01T00:00:00+01",
            "2026-01-01T00:00:00+0100",
            "2026-01-01T00:00:00ZZ",
            "2026-01-01T00:00:00 Z",
            "99999999999999999999-01-01T00:00:00",
            "２026-01-01T00:00:00",
        ],
    );
}

#[test]
fn dates() {
    let v: Date = "-0044-03-15".parse().unwrap();
    assert_eq!((v.year, v.month, v.day, v.timezone), (-44, 3, 15, None));
    round_trip::<Date>(&[
        ("2026-11-23Z", "="),
        ("2026-11-23", "="),
        ("2024-02-29+05:30", "="),
        ("-0044-03-15-01:00", "="),
        ("123456-01-01", "="),
    ]);
    refused::<Date>(
        "date",
        &[
            "2026-11-23T00:00:00",
            "2026-11",
            "2023-02-29",
            "2026-11-23+1:00",
            "2026-11-32",
            "é",
        ],
    );
}

#[test]
fn times() {
    let v: Time = "09:13:54.5-08:00".parse().unwrap();
    assert_eq!(
        (v.hour, v.minute, v.second, v.nanosecond()),
        (9, 13, 54, 500_000_000)
    );
    assert_eq!(v.timezone, Some(Timezone::Offset(-480)));
    round_trip::<Time>(&[
        ("00:00:00", "="),
        ("24:00:00Z", "="),
        ("23:59:59.0000000001", "="),
        ("12:30:00+14:00", "="),
    ]);
    refused::<Time>(
        "time",
        &[
            "",
            "9:13:54",
            "09:13",
            "09:13:54.",
            "24:30:00",
            "09:13:54Zulu",
            "09-13-54",
        ],
    );
}

#[test]
fn gregorian_partial_dates() {
    let v: GYearMonth = "-0044-03Z".parse().unwrap();
    assert_eq!((v.year, v.month, v.timezone), (-44, 3, Some(Timezone::Utc)));
    let v: GMonthDay = "--02-29+14:00".parse().unwrap();
    assert_eq!(
        (v.month, v.day, v.timezone),
        (2, 29, Some(Timezone::Offset(840)))
    );
    round_trip::<GYearMonth>(&[("2026-11", "="), (" 12026-01-05:00 ", "12026-01-05:00")]);
    round_trip::<GYear>(&[
        ("2026", "="),
        ("-0001", "="),
        ("12026Z", "="),
        ("1999-00:00", "1999+00:00"),
    ]);
    round_trip::<GMonthDay>(&[("--11-23", "="), ("--02-29", "="), ("--12-31Z", "=")]);
    round_trip::<GDay>(&[("---01", "="), ("---31-14:00", "=")]);
    round_trip::<GMonth>(&[
        ("--01", "="),
        ("--12+01:00", "="),
        // XSD 1.0 first edition's form (W3C msData gMonth002, gMonth004).
        ("--03--", "--03"),
        ("--05---05:00", "--05-05:00"),
    ]);
    refused::<GYearMonth>(
        "gYearMonth",
        &[
            "2026",
            "2026-13",
            "2026-1",
            "0000-01",
            "2026-11-23",
            "26-11",
        ],
    );
    refused::<GYear>(
        "gYear",
        &["", "26", "0000", "02026", "2026-", "+2026", "2026 Z"],
    );
    refused::<GMonthDay>(
        "gMonthDay",
        &[
            "11-23", "--02-30", "--04-31", "--13-01", "--11", "---11-23", "--1-23",
        ],
    );
    refused::<GDay>(
        "gDay",
        &["--01", "---32", "---00", "---1", "----01", "---01+15:00"],
    );
    refused::<GMonth>(
        "gMonth",
        &[
            "--00",
            "--13",
            "--1",
            "--11-",
            "--11---",
            "-11",
            "--11-01",
            "--11--05:00",
        ],
    );
}

#[test]
fn durations() {
    let v: Duration = "-P1Y2M3DT4H5M6.789S".parse().unwrap();
    assert!(v.negative);
    assert_eq!(
        (v.years, v.months, v.days, v.hours, v.minutes, v.seconds),
        (1, 2, 3, 4, 5, 6)
    );
    assert_eq!(v.fraction, "789");
    let v: Duration = "PT90M".parse().unwrap();
    assert_eq!(
        (v.hours, v.minutes),
        (0, 90),
        "kept as written, not normalized"
    );
    round_trip::<Duration>(&[
        ("P1Y2M3DT4H5M6.7S", "="),
        ("-P1Y", "="),
        ("P2M", "="),
        ("PT1M", "="),
        ("P1DT1S", "="),
        ("PT0.000S", "="),
        ("PT0S", "="),
        ("P0Y", "PT0S"),
        ("P0DT0H", "PT0S"),
        ("P1Y0M", "P1Y"),
        ("P18446744073709551615D", "="),
        (" PT1H\n", "="),
    ]);
    refused::<Duration>(
        "duration",
        &[
            "",
            "P",
            "-P",
            "PT",
            "P1YT",
            "1Y",
            "+P1Y",
            "P-1Y",
            "P1M1Y",
            "P1Y1Y",
            "PT1D",
            "P1H",
            "P1.5Y",
            "PT1.5M",
            "PT1.S",
            "PT.5S",
            "P1",
            "PTT1H",
            "P18446744073709551616D",
            "P 1Y",
        ],
    );
}

#[test]
fn base64() {
    let v: Base64Binary = "AQID BA==\n".parse().unwrap();
    assert_eq!(v.0, [1, 2, 3, 4]);
    assert_eq!(v.to_string(), "AQIDBA==");
    for bytes in [
        &b""[..],
        b"f",
        b"fo",
        b"foo",
        b"foob",
        b"fooba",
        b"foobar",
        &[0xff, 0xfe, 0x00],
    ] {
        let text = Base64Binary(bytes.to_vec()).to_string();
        assert_eq!(text.parse::<Base64Binary>().unwrap().0, bytes, "{text}");
    }
    assert_eq!(Base64Binary(b"foobar".to_vec()).to_string(), "Zm9vYmFy");
    assert_eq!(Base64Binary(b"fooba".to_vec()).to_string(), "Zm9vYmE=");
    assert_eq!(Base64Binary(b"foob".to_vec()).to_string(), "Zm9vYg==");
    assert_eq!(
        "Zm9v\r\n\tYmFy ".parse::<Base64Binary>().unwrap().0,
        b"foobar",
        "whitespace is allowed anywhere"
    );
    refused::<Base64Binary>(
        "base64Binary",
        &[
            "Zm9",
            "Zm9vY",
            "Zm9v=",
            "Zm9vYg=",
            "Zm9vY===",
            "Zm=vYg==",
            "Zm9vYg==Zm9v",
            "Zm9vYh==",
            "Zm9vYmF=",
            "Zm9-",
            "Zm9_",
            "Zm9vYmFyé",
        ],
    );
}

#[test]
fn hex() {
    let v: HexBinary = " 0fB7 ".parse().unwrap();
    assert_eq!(v.0, [0x0f, 0xb7]);
    assert_eq!(v.to_string(), "0FB7");
    assert_eq!("".parse::<HexBinary>().unwrap().0, b"");
    refused::<HexBinary>("hexBinary", &["0", "0G", "0F B7", "+0", "é1"]);
}

#[test]
fn integers() {
    use super::parse_integer as parse;
    assert_eq!(
        parse("-123456789012345678901234567890", "integer", None, None),
        Ok(-123_456_789_012_345_678_901_234_567_890)
    );
    assert_eq!(parse(" +007 ", "integer", None, None), Ok(7));
    assert_eq!(parse("-0", "nonNegativeInteger", Some(0), None), Ok(0));
    assert_eq!(
        parse(&i128::MAX.to_string(), "integer", None, None),
        Ok(i128::MAX)
    );
    assert_eq!(
        parse(&i128::MIN.to_string(), "integer", None, None),
        Ok(i128::MIN)
    );
    let too_big = format!("{}0", i128::MAX);
    for (text, name, min, max) in [
        ("", "integer", None, None),
        ("+", "integer", None, None),
        ("1.0", "integer", None, None),
        ("1 2", "integer", None, None),
        ("1e3", "integer", None, None),
        ("--1", "integer", None, None),
        (too_big.as_str(), "integer", None, None),
        ("0", "positiveInteger", Some(1), None),
        ("-1", "nonNegativeInteger", Some(0), None),
        ("1", "nonPositiveInteger", None, Some(0)),
        ("0", "negativeInteger", None, Some(-1)),
    ] {
        let e = parse(text, name, min, max).unwrap_err();
        assert_eq!((e.type_name, e.value.as_str()), (name, text));
    }
}
