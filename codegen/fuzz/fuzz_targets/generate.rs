//! The generator's whole path, parse, resolve, emit and format, on arbitrary
//! bytes as a schema: it must never panic, every error it reports must point
//! inside the text, and the rich rendering of those errors must not panic
//! either. Code that does not parse as Rust is a bug of the generator: a crash.

#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use xsd_codegen::{Errors, diagnostics, emit, format, resolve, xsd};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let path = Path::new("fuzz.xsd");
    let errors = match xsd::parse(path, &text) {
        Err(errors) => Errors::from(errors),
        Ok(schema) => match resolve::resolve(&[schema]) {
            Err(errors) => Errors::from(errors),
            Ok(model) => {
                if let Err(e) = format::format_model(&model, &emit::Options::default()) {
                    panic!("{e}");
                }
                return;
            }
        },
    };
    assert!(!errors.is_empty(), "an Err without errors");
    for error in errors.iter() {
        let location = diagnostics::location(error)
            .unwrap_or_else(|| panic!("an error without a location: {error}"));
        assert!(
            diagnostics::points_into(&text, location),
            "{location} is not in the text: {error}"
        );
    }
    let rendered = diagnostics::render_with(&errors, false, |_| Some(text.to_string()));
    assert!(rendered.ends_with(" error\n") || rendered.ends_with(" errors\n"));
});
