//! The range facets, in each type's order: decimals exactly, floats with
//! INF and NaN, instants on the time line, durations by months and seconds.

use super::*;

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
