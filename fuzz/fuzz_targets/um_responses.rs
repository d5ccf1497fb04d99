//! The envelope reader on arbitrary bytes, as every UM request and response
//! type: it must never panic, and a document it accepts must write back and
//! read again to the same value. Each input is also read with tiny limits,
//! so that every limit trips somewhere.

#![no_main]

use std::fmt::Debug;

use libfuzzer_sys::fuzz_target;
use um_bindings::soap::{self, Limits};
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

/// Reads `data` as a `T` within `limits`; what it accepts must round-trip.
fn check<T>(data: &[u8], limits: &Limits)
where
    T: Root + PartialEq + Debug,
{
    let Ok(value) = soap::from_envelope_with::<T>(data, limits) else {
        return;
    };
    let written = soap::to_envelope(&value).expect("an accepted value writes");
    match soap::from_envelope::<T>(written.as_bytes()) {
        Ok(again) => assert_eq!(again, value, "{written}"),
        Err(e) => panic!("{written}\ndoes not read back: {e}"),
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
