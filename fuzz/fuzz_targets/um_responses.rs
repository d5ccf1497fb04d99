//! The envelope reader on arbitrary bytes, as every UM request and response
//! type, on both backends: it must never panic; quick-xml and xml-rs must
//! agree (the same value, or both an error; but see `differences.rs`); a
//! document they accept must write back the same through the runtime's
//! writer and through yaserde's, and read again to the same value. Each input is also read with tiny
//! limits, so that every limit trips somewhere.

#![no_main]

use std::fmt::Debug;

use libfuzzer_sys::fuzz_target;

mod differences;
use um_bindings::soap::{self, Backend, Limits};
use um_bindings::*;

/// Limits small enough for the fuzzer's inputs to go over each of them.
const TINY: Limits = Limits {
    max_document_len: 1024,
    max_depth: 6,
    max_text_len: 32,
    max_attributes: 3,
    max_elements: 16,
    max_name_len: 24,
    max_namespaces: 3,
};

/// Reads `data` as a `T` within `limits` on both backends, which must agree;
/// what they accept must round-trip.
fn check<T>(data: &[u8], limits: &Limits)
where
    T: Root + yaserde::YaSerialize + PartialEq + Debug,
{
    let quick = soap::from_envelope_using::<T>(data, limits, Backend::Quick);
    let xml_rs = soap::from_envelope_using::<T>(data, limits, Backend::XmlRs);
    let differ = differences::backends_may_differ(data);
    let value = match (quick, xml_rs) {
        (Ok(quick), Ok(xml_rs)) => {
            if !differ {
                assert_eq!(quick, xml_rs, "the backends read different values");
            }
            quick
        }
        (Err(_), Err(_)) => return,
        (Ok(value), Err(_)) | (Err(_), Ok(value)) if differ => value,
        (Ok(value), Err(e)) => panic!("quick-xml reads {value:?}, xml-rs fails: {e}"),
        (Err(e), Ok(value)) => panic!("xml-rs reads {value:?}, quick-xml fails: {e}"),
    };
    let written = soap::to_envelope(&value).expect("an accepted value writes");
    // The body, through the runtime's writer and through yaserde's.
    let body = xsd_runtime::to_string(&value).expect("an accepted value writes");
    let config = yaserde::ser::Config {
        perform_indent: false,
        write_document_declaration: false,
        indent_string: None,
    };
    let yaserde = yaserde::ser::to_string_with_config(&value, &config)
        .expect("an accepted value writes through yaserde");
    assert_eq!(body, yaserde, "the backends write different documents");
    for backend in [Backend::Quick, Backend::XmlRs] {
        match soap::from_envelope_using::<T>(written.as_bytes(), &Limits::default(), backend) {
            Ok(again) => assert_eq!(again, value, "{backend:?}: {written}"),
            Err(e) => panic!("{written}\ndoes not read back ({backend:?}): {e}"),
        }
    }
}

fn every_type(data: &[u8], limits: &Limits) {
    macro_rules! each {
        ($($name:ident: $op:ty => $response:ty;)*) => {$(
            check::<$op>(data, limits);
            check::<<$op as Request>::Response>(data, limits);
        )*};
    }
    um_bindings::for_each_operation!(each);
}

fuzz_target!(|data: &[u8]| {
    every_type(data, &Limits::default());
    every_type(data, &TINY);
});
