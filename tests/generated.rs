//! The code generated from `schema/Messages.xsd`, as the build script wrote it,
//! compared with the committed snapshot `tests/snapshots/messages.rs`.
//!
//! After editing the schema (or the generator), update the snapshot with
//! `UPDATE_EXPECT=1 cargo test --test generated`, and review the diff.

use expect_test::expect_file;

#[test]
fn generated_code_matches_the_snapshot() {
    let built = include_str!(concat!(env!("OUT_DIR"), "/messages.rs"));
    expect_file!["snapshots/messages.rs"].assert_eq(built);
}

#[test]
fn the_library_generates_what_the_build_script_wrote() {
    let schema = concat!(env!("CARGO_MANIFEST_DIR"), "/schema/Messages.xsd");
    let code = xsd_codegen::Config::new()
        .lexical_forms(false)
        .generate(&[schema])
        .expect("the schema generates");
    assert_eq!(code, include_str!(concat!(env!("OUT_DIR"), "/messages.rs")));
}

#[test]
fn every_type_of_the_schema_is_generated() {
    let code = include_str!(concat!(env!("OUT_DIR"), "/messages.rs"));
    let structs = code.matches("\npub struct ").count();
    let enums = code.matches("\npub enum ").count();
    // 22 request and response elements, UMCallInfo and UMProperties.
    assert_eq!(structs, 24);
    // UMCallState, UMEventCause, UMGreetingType, and `Document` (any of
    // the 22 elements).
    assert_eq!(enums, 4);
    assert_eq!(um_bindings::UmCallState::ALL.len(), 8);
    assert_eq!(um_bindings::UmEventCause::ALL.len(), 5);
    assert_eq!(
        um_bindings::UmEventCause::Unavailable.as_str(),
        "Unavailable"
    );
    assert_eq!(um_bindings::UmGreetingType::ALL.len(), 2);
}
