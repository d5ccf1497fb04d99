//! Golden-file round trips of every UM operation's request and response.
//!
//! `tests/golden/<Operation>.request.xml` and `<Operation>.response.xml` are
//! hand-written SOAP 1.1 envelopes, not generated output: to update one, edit
//! it by hand (there is no environment variable that rewrites them). Each is
//! read with the bindings, written back with `soap::to_envelope`, compared
//! with the original as an XML tree (namespaces and elements, not prefixes,
//! whitespace or the skipped `soap:Header`), and read again.
//!
//! The Disconnect pair is the reference's own example, byte for byte (see
//! `tests/reference.rs`), so it has no final newline; the other twenty use other values and formatting
//! (default namespace or a prefix, headers, comments) on purpose.

use std::collections::BTreeSet;
use std::fmt::Debug;
use std::path::{Path, PathBuf};

use um_bindings::soap::Backend;
use um_bindings::*;
use yaserde::{YaDeserialize, YaSerialize};

fn golden_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("golden")
}

/// Every `*.xml` file in the golden directory, by file name.
fn golden_files() -> BTreeSet<String> {
    std::fs::read_dir(golden_dir())
        .expect("tests/golden exists")
        .map(|entry| entry.expect("readable directory entry").file_name())
        .map(|name| name.into_string().expect("UTF-8 file name"))
        .filter(|name| name.ends_with(".xml"))
        .collect()
}

/// The document without its `soap:Header`, which the bindings skip and do
/// not write back.
fn without_header(xml: &str) -> String {
    let doc = roxmltree::Document::parse(xml).expect("golden file is well-formed XML");
    let header = doc.descendants().find(|n| {
        n.tag_name().namespace() == Some(soap::ENVELOPE_NS) && n.tag_name().name() == "Header"
    });
    match header {
        Some(header) => {
            let range = header.range();
            format!("{}{}", &xml[..range.start], &xml[range.end..])
        }
        None => xml.to_string(),
    }
}

/// Reads `file`, parses it with `parse` (with each backend: both must give
/// the same value), writes the value back, compares the two documents as
/// trees and parses the written one again; the value is valid
/// (`validate()`).
fn round_trip<T>(
    file: &str,
    used: &mut BTreeSet<String>,
    parse: impl Fn(&[u8], Backend) -> Result<T, soap::Error>,
) -> T
where
    T: um_bindings::Root + um_bindings::Validate + YaSerialize + YaDeserialize + PartialEq + Debug,
{
    let path = golden_dir().join(file);
    let golden = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    used.insert(file.to_string());

    let value = parse(golden.as_bytes(), Backend::Quick).unwrap_or_else(|e| panic!("{file}: {e}"));
    let by_xml_rs =
        parse(golden.as_bytes(), Backend::XmlRs).unwrap_or_else(|e| panic!("{file}: {e}"));
    assert_eq!(
        by_xml_rs, value,
        "{file}: the backends read different values"
    );
    let written = soap::to_envelope(&value).unwrap_or_else(|e| panic!("{file}: {e}"));
    if let Err(difference) = testkit::xml_tree_eq(&without_header(&golden), &written) {
        panic!("{file}: re-serialized document differs: {difference}\nwritten: {written}");
    }
    let again = parse(written.as_bytes(), Backend::Quick)
        .unwrap_or_else(|e| panic!("{file}: re-serialized document does not parse: {e}"));
    assert_eq!(again, value, "{file}: value changed through a round trip");
    assert_eq!(value.validate(), Ok(()), "{file}: not valid");
    // yaserde's API gives the same value and the same document.
    let yaserde_written = yaserde::ser::to_string(&value).unwrap_or_else(|e| panic!("{file}: {e}"));
    let yaserde_read: T =
        yaserde::de::from_str(&yaserde_written).unwrap_or_else(|e| panic!("{file}: {e}"));
    assert_eq!(yaserde_read, value, "{file}: yaserde reads another value");
    let body = written
        .split_once("<soap:Body>")
        .and_then(|(_, rest)| rest.rsplit_once("</soap:Body>"))
        .map(|(body, _)| body)
        .unwrap_or_else(|| panic!("{file}: no body in {written}"));
    assert_eq!(
        yaserde_written
            .split_once("?>")
            .map_or(yaserde_written.as_str(), |(_, x)| x),
        body,
        "{file}: yaserde writes another document"
    );
    value
}

/// Round-trips the request and the response golden of operation `R`.
fn goldens<R>(used: &mut BTreeSet<String>) -> (R, R::Response)
where
    R: Request + um_bindings::Validate + YaSerialize + YaDeserialize + PartialEq + Debug,
    R::Response: um_bindings::Validate + YaSerialize + YaDeserialize + PartialEq + Debug,
{
    let limits = soap::Limits::default();
    let request = round_trip(
        &format!("{}.request.xml", R::OPERATION),
        used,
        |xml, backend| soap::from_envelope_using::<R>(xml, &limits, backend),
    );
    let response = round_trip(
        &format!("{}.response.xml", R::OPERATION),
        used,
        |xml, backend| soap::read_response_using::<R>(xml, &limits, backend),
    );
    (request, response)
}

#[test]
fn every_operation_round_trips_its_goldens() {
    let mut used = BTreeSet::new();
    for op in OPERATIONS {
        match op.name {
            "Disconnect" => {
                let (request, response) = goldens::<Disconnect>(&mut used);
                assert_eq!(
                    request.call_id,
                    "MDlkZjllZGMtNGUyMy00NzA5LWJkYWYtN2JlMjBjYjBhZTU2QGRmLWV1bS0wMS5leGNoYW5nZS5jb3JwLm1pY3Jvc29mdC5jb20="
                );
                assert_eq!(response, DisconnectResponse {});
            }
            "GetCallInfo" => {
                let (request, response) = goldens::<GetCallInfo>(&mut used);
                assert_eq!(
                    request.call_id,
                    "N2MxZTJhOTQtMGIzZi00ZDU1LTllNjEtMmY4YTNiNGM1ZDZlQHVtLTAyLmZhYnJpa2FtLmV4YW1wbGU="
                );
                let info = response.get_call_info_response;
                assert_eq!(info.call_state, UmCallState::Disconnected);
                assert_eq!(info.event_cause, UmEventCause::Unavailable);
            }
            "GetUMProperties" => {
                let (request, response) = goldens::<GetUmProperties>(&mut used);
                assert_eq!(request, GetUmProperties {});
                assert_eq!(
                    response.get_um_properties_response,
                    UmProperties {
                        oof_status: true,
                        missed_call_notification_enabled: false,
                        play_on_phone_dial_string: Some("4255550147".into()),
                        telephone_access_numbers: Some("+1 425 555 0100; +44 20 7946 0321".into()),
                        telephone_access_folder_email: Some(
                            "AAAAABorPE1eb3CBkqO0xdbn+AEBAE8tjBvjqUt/Ty2MG+OpS38AAAAAwxEAAA=="
                                .into()
                        ),
                    }
                );
            }
            "IsUMEnabled" => {
                let (request, response) = goldens::<IsUmEnabled>(&mut used);
                assert_eq!(request, IsUmEnabled {});
                assert!(!response.is_um_enabled_response);
            }
            "PlayOnPhone" => {
                let (request, response) = goldens::<PlayOnPhone>(&mut used);
                assert_eq!(
                    request.entry_id,
                    "AAAAABorPE1eb3CBkqO0xdbn+AEHAE8tjBvjqUt/Ty2MG+OpS38AAAAAAREAAJ1+XDobL05tjAqdflw6Gy9ObYwKAAA="
                );
                assert_eq!(request.dial_string, "4255550147");
                assert_eq!(
                    response.play_on_phone_response,
                    "YzRhOWUwZDItNWI3Zi00ZTEzLThhMjYtOTFkM2YwYjdlNTQ4QHVtLTAyLmZhYnJpa2FtLmV4YW1wbGU="
                );
            }
            "PlayOnPhoneGreeting" => {
                let (request, response) = goldens::<PlayOnPhoneGreeting>(&mut used);
                assert_eq!(request.greeting_type, UmGreetingType::OofCustom);
                assert_eq!(request.dial_string, "00442079460321");
                assert_eq!(
                    response.play_on_phone_greeting_response,
                    "M2Y2YjhkMjEtYTRjNy00ZTkwLWI1MTItNmQwZTlmMmE3YzMxQHVtLTAyLmZhYnJpa2FtLmV4YW1wbGU="
                );
            }
            "ResetPIN" => {
                let (request, response) = goldens::<ResetPin>(&mut used);
                assert_eq!(request, ResetPin {});
                assert_eq!(response, ResetPinResponse {});
            }
            "SetMissedCallNotificationEnabled" => {
                let (request, response) = goldens::<SetMissedCallNotificationEnabled>(&mut used);
                assert!(!request.status);
                assert_eq!(response, SetMissedCallNotificationEnabledResponse {});
            }
            "SetOofStatus" => {
                let (request, response) = goldens::<SetOofStatus>(&mut used);
                assert!(!request.status);
                assert_eq!(response, SetOofStatusResponse {});
            }
            "SetPlayOnPhoneDialString" => {
                let (request, response) = goldens::<SetPlayOnPhoneDialString>(&mut used);
                assert_eq!(request.dial_string, "14255550199");
                assert_eq!(response, SetPlayOnPhoneDialStringResponse {});
            }
            "SetTelephoneAccessFolderEmail" => {
                let (request, response) = goldens::<SetTelephoneAccessFolderEmail>(&mut used);
                assert_eq!(
                    request.base64_folder_id,
                    "AAAAABorPE1eb3CBkqO0xdbn+AEBALbioH8cnUNYtuKgfxydQ1gAAAAAAkgAAA=="
                );
                assert_eq!(response, SetTelephoneAccessFolderEmailResponse {});
            }
            other => {
                panic!("operation {other} has no golden check: add its goldens and an arm here")
            }
        }
    }

    assert_eq!(OPERATIONS.len(), 11);
    let files = golden_files();
    assert_eq!(files.len(), 22, "expected 22 golden files, found {files:?}");
    assert_eq!(used, files, "every golden file is used, and only those");
}

#[test]
fn goldens_vary_their_form() {
    // The point of hand-written goldens is that the reader meets more than
    // one way to write the same thing; keep it that way when editing them.
    let files = golden_files();
    let read = |name: &str| std::fs::read_to_string(golden_dir().join(name)).unwrap();
    let texts: Vec<String> = files.iter().map(|f| read(f)).collect();
    let count = |needle: &str| texts.iter().filter(|t| t.contains(needle)).count();
    assert!(
        count("<m:") >= 3,
        "some goldens use an m: prefix for the UM namespace"
    );
    assert!(
        count(r#"xmlns="http://schemas.microsoft.com/exchange/services/2006/messages""#) >= 3,
        "some goldens use a default namespace"
    );
    assert!(
        count(":Header") >= 3,
        "some goldens carry a soap:Header to skip"
    );
    assert!(
        count("<s:Envelope") + count("<soapenv:Envelope") >= 1,
        "a prefix other than soap:"
    );
    assert!(
        count("<?xml") < texts.len(),
        "one golden has no XML declaration"
    );

    let request = read("SetTelephoneAccessFolderEmail.request.xml");
    assert!(request.contains("<base64FolderId>") && !request.contains("base64FolderID"));
}

#[test]
fn written_envelopes_are_the_reference_form() {
    // What to_envelope writes for a golden's value: declaration, soap:
    // prefix, the UM namespace as default namespace, no header.
    let value: GetCallInfoResponse = soap::read_response::<GetCallInfo>(
        std::fs::read(golden_dir().join("GetCallInfo.response.xml"))
            .unwrap()
            .as_slice(),
    )
    .unwrap();
    assert_eq!(
        soap::to_envelope(&value).unwrap(),
        concat!(
            r#"<?xml version="1.0" encoding="UTF-8"?>"#,
            r#"<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>"#,
            r#"<GetCallInfoResponse xmlns="http://schemas.microsoft.com/exchange/services/2006/messages">"#,
            "<GetCallInfoResponse><CallState>Disconnected</CallState><EventCause>Unavailable</EventCause></GetCallInfoResponse>",
            "</GetCallInfoResponse></soap:Body></soap:Envelope>"
        )
    );
}

#[test]
fn string_values_keep_their_whitespace() {
    // xs:string preserves whitespace, and to_envelope writes it; reading it
    // back gives the same value (the reader does not trim text), while the
    // indentation between the envelope's tags is still ignored.
    let request = Disconnect {
        call_id: " MDlk zz\n".into(),
    };
    let written = soap::to_envelope(&request).unwrap();
    assert!(written.contains("<CallId> MDlk zz\n</CallId>"), "{written}");
    assert_eq!(
        soap::from_envelope::<Disconnect>(written.as_bytes()).unwrap(),
        request
    );
    let indented = written
        .replace("<soap:Body>", "\n  <soap:Body>\n    ")
        .replace("</soap:Body>", "\n  </soap:Body>\n");
    assert_eq!(
        soap::from_envelope::<Disconnect>(indented.as_bytes()).unwrap(),
        request
    );
}
