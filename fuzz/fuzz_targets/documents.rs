//! Whole documents on arbitrary bytes, on both backends: each input is read
//! as the `Document` (any global element) of every codegen fixture
//! (`codegen/tests/fixtures/*/expected.rs`: choices, substitution groups,
//! `xsi:type`, mixed content, wildcards, lists, unions, QNames, lexical
//! forms, `xs:all`, recursion, defaults, nillable elements, several
//! namespaces, ...), with the fast backend (`QuickSource`) and with xml-rs
//! (`YaSource`) twice: unknown content skipped and a DOCTYPE refused, then
//! unknown content refused and a DOCTYPE read past. It must never panic;
//! the backends must agree (the same value and the same skipped content,
//! or both an error; but see `differences.rs`) unless the fast backend refused
//! the document for going over a limit (xml-rs is not given them here); a
//! value they accept must write a document that reads back to the same
//! value on both.
//! (Both write through the runtime's writer: yaserde's `YaSerialize` hands
//! its text on; `um_responses` checks the two give the same bytes. The
//! fixtures' `Document` enums are not `YaSerialize`.)

#![no_main]

use std::fmt::Debug;

use libfuzzer_sys::fuzz_target;

mod differences;
use xsd_runtime::quick::{Doctype, QuickSource};
use xsd_runtime::read::Skipped;
use xsd_runtime::xmlrs::{YaSource, parser_config};
use xsd_runtime::{ErrorKind, Limits, ReadOptions, Root, UnknownContent};

macro_rules! fixtures {
    ($($name:ident),* $(,)?) => {
        $(
            #[allow(dead_code, clippy::all)]
            mod $name {
                include!(concat!("../../codegen/tests/fixtures/", stringify!($name), "/expected.rs"));
            }
        )*

        fn every_fixture(data: &[u8], text: &str, options: &ReadOptions) {
            $(check::<$name::Document>(data, text, options);)*
        }
    };
}

fixtures!(
    any,
    anytype,
    attributes,
    builtins,
    choice,
    collisions,
    derivation,
    elements,
    enums,
    facets,
    imports,
    instance,
    lexical,
    lists,
    mixed,
    names,
    nonamespace,
    occurrence,
    open_enums,
    options,
    polymorphism,
    recursion,
    redefine,
    substitution,
    unqualified,
    values,
    xsd11,
);

/// Reads `data` with the fast backend: the value and what it skipped.
fn read_quick<T: Root>(data: &[u8], options: &ReadOptions) -> xsd_runtime::Result<(T, Skipped)> {
    let mut source = QuickSource::new(data, *options)?;
    let value = xsd_runtime::read::document(&mut source)?;
    Ok((value, source.skipped_content()))
}

/// Reads `text` with xml-rs, within no limits: the value and what it
/// skipped.
fn read_xml_rs<T: Root>(text: &str, options: &ReadOptions) -> xsd_runtime::Result<(T, Skipped)> {
    let config = parser_config(&Limits::unlimited());
    let mut de = yaserde::de::Deserializer::new(config.create_reader(text.as_bytes()));
    let mut source = YaSource::document(&mut de)
        .unknown_content(options.unknown)
        .doctype(options.doctype);
    let value = xsd_runtime::read::document(&mut source)?;
    Ok((value, source.skipped_content()))
}

fn check<T>(data: &[u8], text: &str, options: &ReadOptions)
where
    T: Root + PartialEq + Debug,
{
    let quick = read_quick::<T>(data, options);
    if let Err(e) = &quick {
        if matches!(e.kind(), ErrorKind::Limit(_)) {
            return;
        }
    }
    let xml_rs = read_xml_rs::<T>(text, options);
    let differ = differences::backends_may_differ(data);
    let value = match (quick, xml_rs) {
        (Ok(quick), Ok(xml_rs)) => {
            if !differ {
                assert_eq!(quick, xml_rs, "the backends read different values");
            }
            quick.0
        }
        (Err(_), Err(_)) => return,
        (Ok((value, _)), Err(_)) | (Err(_), Ok((value, _))) if differ => value,
        (Ok(value), Err(e)) => panic!("quick-xml reads {value:?}, xml-rs fails: {e}"),
        (Err(e), Ok(value)) => panic!("xml-rs reads {value:?}, quick-xml fails: {e}"),
    };
    let written = xsd_runtime::to_string(&value).expect("an accepted value writes");
    let again = xsd_runtime::from_str::<T>(&written)
        .unwrap_or_else(|e| panic!("{written}\ndoes not read back (quick-xml): {e}"));
    assert_eq!(again, value, "quick-xml: {written}");
    let again = read_xml_rs::<T>(&written, &ReadOptions::default())
        .unwrap_or_else(|e| panic!("{written}\ndoes not read back (xml-rs): {e}"));
    assert_eq!(again.0, value, "xml-rs: {written}");
}

fuzz_target!(|data: &[u8]| {
    // Both backends read UTF-8 only (the fast one refuses anything else).
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let skip = ReadOptions {
        unknown: UnknownContent::Skip,
        doctype: Doctype::Refuse,
        ..Default::default()
    };
    let strict = ReadOptions {
        unknown: UnknownContent::Error,
        doctype: Doctype::Ignore,
        ..Default::default()
    };
    every_fixture(data, text, &skip);
    every_fixture(data, text, &strict);
});
