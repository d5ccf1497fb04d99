//! Values kept as their exact text, read through typed accessors: the
//! value types of the `xsd` support module (`DateTime`, `Date`, `Time`,
//! `Duration`, `Base64Binary`, `HexBinary`, `parse_integer`), the accessors
//! of the structs, and the doc line that tells a value's XSD type and facets.
//!
//! The value types are written as plain Rust in `values/*.rs`, emitted as
//! tokens (only the ones some accessor uses), and compiled as they are by
//! this module's tests.
//!
//! Accessors are named `parse_<field>`: field names are unique in a struct,
//! so accessor names are too, and no derived or yaserde trait method starts
//! with `parse_`.

use std::collections::BTreeSet;

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use crate::ident::to_ident;
use crate::ir::{
    Builtin, FacetKind, Item, Model, Occurrence, Struct, TypeRef, ValueInfo, ValueKind,
};

const COMMON: &str = include_str!("values/common.rs");
const CALENDAR: &str = include_str!("values/calendar.rs");
const DATE_TIME: &str = include_str!("values/date_time.rs");
const DATE: &str = include_str!("values/date.rs");
const TIME: &str = include_str!("values/time.rs");
const DURATION: &str = include_str!("values/duration.rs");
const BASE64: &str = include_str!("values/base64.rs");
const HEX: &str = include_str!("values/hex.rs");
const INTEGER: &str = include_str!("values/integer.rs");

/// The kinds of value some accessor of the model reads (integer bounds left out).
pub(super) fn used_kinds(model: &Model) -> BTreeSet<&'static str> {
    let mut used = BTreeSet::new();
    for (_, item) in model.items() {
        let Item::Struct(s) = item else { continue };
        for v in typed_values(s) {
            if let Some(kind) = v.info.kind() {
                used.insert(source_of(kind));
            }
        }
    }
    used
}

/// The support module's part for the value types `used` names.
pub(super) fn emit_support(used: &BTreeSet<&'static str>) -> TokenStream {
    if used.is_empty() {
        return TokenStream::new();
    }
    let calendar = [DATE_TIME, DATE, TIME].iter().any(|s| used.contains(s));
    let mut sources = vec![COMMON];
    if calendar {
        sources.push(CALENDAR);
    }
    for source in [DATE_TIME, DATE, TIME, DURATION, BASE64, HEX, INTEGER] {
        if used.contains(source) {
            sources.push(source);
        }
    }
    sources
        .into_iter()
        .map(|s| s.parse::<TokenStream>().expect("valid Rust"))
        .collect()
}

fn source_of(kind: ValueKind) -> &'static str {
    match kind {
        ValueKind::DateTime => DATE_TIME,
        ValueKind::Date => DATE,
        ValueKind::Time => TIME,
        ValueKind::Duration => DURATION,
        ValueKind::Base64Binary => BASE64,
        ValueKind::HexBinary => HEX,
        ValueKind::Integer { .. } => INTEGER,
    }
}

/// A value of struct `s` kept as text: the Rust name of its field, how
/// often it occurs and what it is.
struct Value<'a> {
    field: String,
    occurrence: Occurrence,
    wire: String,
    info: &'a ValueInfo,
}

/// The fields, attributes and text of `s` that hold a `String` with a typed reading.
fn typed_values(s: &Struct) -> Vec<Value<'_>> {
    let string = |ty: &TypeRef| matches!(ty, TypeRef::Builtin(Builtin::String));
    let mut out = Vec::new();
    for f in &s.fields {
        if let Some(info) = f
            .value_info
            .as_ref()
            .filter(|_| string(&f.ty) && !f.flatten)
        {
            let value = Value {
                field: f.name.clone(),
                occurrence: f.occurrence,
                wire: format!("the `{}` child element", f.wire_name),
                info,
            };
            out.push(value);
        }
    }
    for a in &s.attributes {
        if let Some(info) = a.value_info.as_ref().filter(|_| string(&a.ty)) {
            let occurrence = if a.required {
                Occurrence::Required
            } else {
                Occurrence::Optional
            };
            let value = Value {
                field: a.name.clone(),
                occurrence,
                wire: format!("the `{}` attribute", a.wire_name),
                info,
            };
            out.push(value);
        }
    }
    if let (Some(ty), Some(info)) = (&s.text, &s.text_info) {
        // The text field is a `String` for every type but the primitives.
        if string(ty) || matches!(ty, TypeRef::Named(_)) {
            let value = Value {
                field: text_field(s).to_string(),
                occurrence: Occurrence::Required,
                wire: "the element's text".to_string(),
                info,
            };
            out.push(value);
        }
    }
    out.retain(|v| v.info.kind().is_some());
    out
}

/// The Rust name of a simple-content struct's text field (as `emit_struct` names it).
pub(super) fn text_field(s: &Struct) -> &'static str {
    if s.attributes.iter().any(|a| a.name == "value") {
        "text_value"
    } else {
        "value"
    }
}

/// The `impl` block of struct `s`'s typed accessors, if it has any.
pub(super) fn emit_accessors(s: &Struct) -> TokenStream {
    let values = typed_values(s);
    if values.is_empty() {
        return TokenStream::new();
    }
    let name = to_ident(&s.name);
    let methods = values.iter().map(|v| {
        let info = v.info;
        let kind = info.kind().expect("kept only with a kind");
        let field = to_ident(&v.field);
        let method = format_ident!("parse_{}", v.field);
        let item_ty = value_type(kind);
        let body = match v.occurrence {
            Occurrence::Required => read(kind, &info.builtin, quote!(&self.#field)),
            Occurrence::Optional => {
                let read = match kind {
                    ValueKind::DateTime
                    | ValueKind::Date
                    | ValueKind::Time
                    | ValueKind::Duration => {
                        let ty = value_type(kind);
                        quote!(<#ty as ::std::str::FromStr>::from_str)
                    }
                    _ => {
                        let read = read(kind, &info.builtin, quote!(text));
                        quote!(|text| #read)
                    }
                };
                quote!(self.#field.as_deref().map(#read).transpose())
            }
            Occurrence::Many => {
                let read = read(kind, &info.builtin, quote!(text));
                quote!(self.#field.iter().map(|text| #read).collect())
            }
        };
        let ty = match v.occurrence {
            Occurrence::Required => item_ty,
            Occurrence::Optional => quote!(::std::option::Option<#item_ty>),
            Occurrence::Many => quote!(::std::vec::Vec<#item_ty>),
        };
        let doc = format!(
            " Reads {} as an `xs:{}` value (the field keeps the exact text).",
            v.wire, info.builtin
        );
        quote! {
            #[doc = #doc]
            pub fn #method(&self) -> ::std::result::Result<#ty, xsd::InvalidValue> {
                #body
            }
        }
    });
    quote! {
        impl #name {
            #(#methods)*
        }
    }
}

/// The Rust type a value is read as.
fn value_type(kind: ValueKind) -> TokenStream {
    match kind {
        ValueKind::DateTime => quote!(xsd::DateTime),
        ValueKind::Date => quote!(xsd::Date),
        ValueKind::Time => quote!(xsd::Time),
        ValueKind::Duration => quote!(xsd::Duration),
        ValueKind::Base64Binary | ValueKind::HexBinary => quote!(::std::vec::Vec<u8>),
        ValueKind::Integer { .. } => quote!(i128),
    }
}

/// The expression reading `text` (a `&str` or `&String`) as a value of `kind`.
fn read(kind: ValueKind, builtin: &str, text: TokenStream) -> TokenStream {
    let from_str = |ty: TokenStream| quote!(<#ty as ::std::str::FromStr>::from_str(#text));
    match kind {
        ValueKind::DateTime | ValueKind::Date | ValueKind::Time | ValueKind::Duration => {
            from_str(value_type(kind))
        }
        ValueKind::Base64Binary => {
            let parse = from_str(quote!(xsd::Base64Binary));
            quote!(#parse.map(|bytes| bytes.0))
        }
        ValueKind::HexBinary => {
            let parse = from_str(quote!(xsd::HexBinary));
            quote!(#parse.map(|bytes| bytes.0))
        }
        ValueKind::Integer { min, max } => {
            let bound = |b: Option<i128>| match b {
                Some(b) => quote!(::std::option::Option::Some(#b)),
                None => quote!(::std::option::Option::None),
            };
            let (min, max) = (bound(min), bound(max));
            quote!(xsd::parse_integer(#text, #builtin, #min, #max))
        }
    }
}

/// The doc line telling what a `String` value is: its XSD type when the Rust
/// type does not tell it, and its facets, concisely
/// (`` `xs:token`; pattern `[A-Z]+`; length 1..=255 ``). `None` when there is
/// nothing to tell.
pub(super) fn value_doc(ty: &TypeRef, info: Option<&ValueInfo>) -> Option<String> {
    let info = info?;
    if matches!(ty, TypeRef::Named(_)) {
        return None;
    }
    let facets = facet_summary(info);
    let is_string = matches!(ty, TypeRef::Builtin(Builtin::String));
    if facets.is_empty() && !(is_string && info.builtin != "string") {
        return None;
    }
    let mut parts = vec![format!("`xs:{}`", info.builtin)];
    parts.extend(facets);
    Some(parts.join("; "))
}

/// The doc attributes of [`value_doc`], as a paragraph of its own after `has_doc` lines.
pub(super) fn value_doc_attrs(ty: &TypeRef, info: Option<&ValueInfo>) -> TokenStream {
    match value_doc(ty, info) {
        Some(line) => {
            let line = format!(" {line}");
            quote!(#[doc = ""] #[doc = #line])
        }
        None => TokenStream::new(),
    }
}

/// The facets that hold, concisely: every step's patterns, and of the other
/// facets the most derived of each kind.
pub(crate) fn facet_summary(info: &ValueInfo) -> Vec<String> {
    let first = |kind: FacetKind| {
        info.facets
            .iter()
            .find(|f| f.kind == kind)
            .map(|f| f.value.trim().to_string())
    };
    let mut out = Vec::new();
    let mut steps: Vec<usize> = info
        .facets
        .iter()
        .filter(|f| f.kind == FacetKind::Pattern)
        .map(|f| f.step)
        .collect();
    steps.dedup();
    for step in steps {
        let patterns: Vec<String> = info
            .facets
            .iter()
            .filter(|f| f.kind == FacetKind::Pattern && f.step == step)
            .map(|f| code(&f.value))
            .collect();
        out.push(format!("pattern {}", patterns.join(" or ")));
    }
    if let Some(n) = first(FacetKind::Length) {
        out.push(format!("length {n}"));
    } else if let Some(range) = range(
        first(FacetKind::MinLength),
        None,
        first(FacetKind::MaxLength),
        None,
    ) {
        out.push(format!("length {range}"));
    }
    if let Some(range) = range(
        first(FacetKind::MinInclusive),
        first(FacetKind::MinExclusive),
        first(FacetKind::MaxInclusive),
        first(FacetKind::MaxExclusive),
    ) {
        out.push(format!("value {range}"));
    }
    if let Some(n) = first(FacetKind::TotalDigits) {
        out.push(format!("total digits {n}"));
    }
    if let Some(n) = first(FacetKind::FractionDigits) {
        out.push(format!("fraction digits {n}"));
    }
    if let Some(w) = first(FacetKind::WhiteSpace) {
        out.push(format!("whitespace {w}"));
    }
    out
}

/// A range in Rust's notation where it has one (`1..=255`, `0..10`, `..=9`),
/// else with comparisons (`> 0`, `> 0 and <= 9`).
fn range(
    min_inclusive: Option<String>,
    min_exclusive: Option<String>,
    max_inclusive: Option<String>,
    max_exclusive: Option<String>,
) -> Option<String> {
    let max = match (&max_inclusive, &max_exclusive) {
        (Some(m), _) => format!("..={m}"),
        (None, Some(m)) => format!("..{m}"),
        (None, None) => "..".to_string(),
    };
    Some(match (min_inclusive, min_exclusive) {
        (Some(min), _) => format!("{min}{max}"),
        (None, Some(min)) => match (max_inclusive, max_exclusive) {
            (Some(m), _) => format!("> {min} and <= {m}"),
            (None, Some(m)) => format!("> {min} and < {m}"),
            (None, None) => format!("> {min}"),
        },
        (None, None) if max == ".." => return None,
        (None, None) => max,
    })
}

/// `text` as inline code, fenced so that backticks inside it stay text.
fn code(text: &str) -> String {
    let mut fence = "`".to_string();
    while text.contains(fence.as_str()) {
        fence.push('`');
    }
    if fence.len() > 1 || text.starts_with('`') || text.ends_with('`') {
        format!("{fence} {text} {fence}")
    } else {
        format!("{fence}{text}{fence}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The value types exactly as emitted, in a module like the generated `xsd`.
    #[allow(dead_code, clippy::all)]
    mod xsd {
        /// As in the support module.
        #[derive(Clone, Debug, PartialEq, Eq)]
        pub struct InvalidValue {
            pub type_name: &'static str,
            pub value: String,
            pub reason: String,
        }

        include!("values/common.rs");
        include!("values/calendar.rs");
        include!("values/date_time.rs");
        include!("values/date.rs");
        include!("values/time.rs");
        include!("values/duration.rs");
        include!("values/base64.rs");
        include!("values/hex.rs");
        include!("values/integer.rs");
    }

    use xsd::{Base64Binary, Date, DateTime, Duration, HexBinary, Time, Timezone};

    /// Every valid text parses, and writes back as `written` (`=` for itself).
    fn round_trip<T>(cases: &[(&str, &str)])
    where
        T: std::str::FromStr<Err = xsd::InvalidValue>
            + std::fmt::Display
            + PartialEq
            + std::fmt::Debug,
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
    fn refused<T: std::str::FromStr<Err = xsd::InvalidValue> + std::fmt::Debug>(
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
        use xsd::parse_integer as parse;
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

    #[test]
    fn every_value_type_is_emitted_only_when_used() {
        let all: BTreeSet<&'static str> =
            [DATE_TIME, DATE, TIME, DURATION, BASE64, HEX, INTEGER].into();
        assert!(!emit_support(&all).is_empty());
        assert!(emit_support(&BTreeSet::new()).is_empty());
        let only_hex = emit_support(&[HEX].into()).to_string();
        assert!(only_hex.contains("HexBinary") && !only_hex.contains("Timezone"));
    }

    fn info(builtin: &str, facets: &[(FacetKind, &str, usize)]) -> ValueInfo {
        ValueInfo {
            builtin: builtin.into(),
            facets: facets
                .iter()
                .map(|&(kind, value, step)| crate::ir::Facet {
                    kind,
                    value: value.into(),
                    step,
                })
                .collect(),
        }
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
}
