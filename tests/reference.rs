//! The bindings against the UM web service reference: every SOAP example of
//! every page parses, and writes back as the same XML tree.
//!
//! The reference lies outside the project (`$UM_REFERENCE_DIR`, by default
//! `../shared/reference/um-web-service`); when it is missing these tests say
//! so loudly and skip, except in CI where they fail.
//!
//! One example is wrong, and `inventory.json` records it: the
//! SetTelephoneAccessFolderEmail request writes `base64FolderID`, while the
//! service reads `base64FolderId`. That example must fail, precisely.

use std::fmt::Debug;
use std::path::{Path, PathBuf};

use um_bindings::soap::Backend;
use um_bindings::*;

/// The mistake `inventory.json` records in the SetTelephoneAccessFolderEmail page.
const RECORDED_TYPO: &str = "the SOAP example's 'base64FolderID' is a doc typo";

/// The reference pages, sorted by file name, with their text.
fn pages(dir: &Path) -> Vec<(PathBuf, String)> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()))
        .map(|entry| entry.expect("readable directory entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "md"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|path| {
            let text = std::fs::read_to_string(&path)
                .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
            (path, text)
        })
        .collect()
}

/// The body element's `(namespace, local name)` of an envelope.
fn body_element(xml: &str) -> (Option<String>, String) {
    let doc = roxmltree::Document::parse(xml).expect("reference example is well-formed XML");
    let body = doc
        .root_element()
        .children()
        .find(|n| n.is_element() && n.tag_name().name() == "Body")
        .expect("an envelope has a soap:Body");
    let element = body
        .children()
        .find(|n| n.is_element())
        .expect("soap:Body holds an element");
    let name = element.tag_name();
    (
        name.namespace().map(str::to_string),
        name.name().to_string(),
    )
}

/// Parses with `parse` (with each backend: they must agree, on the value or
/// on the error), writes the value back, parses that again and checks the
/// value survived; returns the written envelope.
fn round_trip<T>(
    xml: &str,
    parse: impl Fn(&[u8], Backend) -> Result<T, soap::Error>,
) -> Result<String, soap::Error>
where
    T: um_bindings::Root + PartialEq + Debug,
{
    let by_xml_rs = parse(xml.as_bytes(), Backend::XmlRs);
    let value = parse(xml.as_bytes(), Backend::Quick);
    match (&value, &by_xml_rs) {
        (Ok(a), Ok(b)) => assert_eq!(a, b, "the backends read different values"),
        (Err(a), Err(b)) => assert_eq!(
            a.to_string(),
            b.to_string(),
            "the backends fail differently"
        ),
        (a, b) => panic!("quick-xml gives {a:?}, xml-rs {b:?}"),
    }
    let value = value?;
    let written = soap::to_envelope(&value).expect("a parsed value writes back");
    let again = parse(written.as_bytes(), Backend::Quick).expect("a written envelope parses");
    assert_eq!(again, value, "value changed through a round trip");
    Ok(written)
}

fn request<R>(xml: &str) -> Result<String, soap::Error>
where
    R: Request + PartialEq + Debug,
{
    round_trip(xml, |xml, backend| {
        soap::from_envelope_using::<R>(xml, &soap::Limits::default(), backend)
    })
}

fn response<R>(xml: &str) -> Result<String, soap::Error>
where
    R: Request,
    R::Response: PartialEq + Debug,
{
    round_trip(xml, |xml, backend| {
        soap::read_response_using::<R>(xml, &soap::Limits::default(), backend)
    })
}

/// Parses an example by its body element's name: a request element with
/// `from_envelope`, a response element with `read_response`.
fn parse_example(name: &str, xml: &str) -> Result<String, soap::Error> {
    macro_rules! by_body_element {
        ($($op:ident: $request:ty => $response:ty;)*) => {
            match name {
                $(
                    name if name == <$request as Element>::LOCAL_NAME => request::<$request>(xml),
                    name if name == <$response as Element>::LOCAL_NAME => response::<$request>(xml),
                )*
                other => panic!("no UM element is named {other}"),
            }
        };
    }
    um_bindings::for_each_operation!(by_body_element)
}

#[test]
fn every_reference_example_parses_and_round_trips() {
    let Some(dir) = testkit::um_reference_dir() else {
        return;
    };
    let inventory = std::fs::read_to_string(dir.join("inventory.json"))
        .unwrap_or_else(|e| panic!("cannot read inventory.json: {e}"));
    let typo_recorded = inventory.contains(RECORDED_TYPO);
    assert!(
        typo_recorded,
        "inventory.json no longer records the base64FolderID typo; revisit this test"
    );

    let mut examples = 0;
    let mut pages_with_examples = 0;
    let mut body_names = Vec::new();
    let mut expected_failures = 0;
    for (path, page) in pages(&dir) {
        let file = path.file_name().unwrap().to_string_lossy().into_owned();
        let found = testkit::soap_examples(&page);
        if !found.is_empty() {
            pages_with_examples += 1;
        }
        for xml in found {
            examples += 1;
            let (namespace, name) = body_element(&xml);
            assert_eq!(
                namespace.as_deref(),
                Some(NAMESPACE),
                "{file}: body namespace"
            );
            body_names.push(name.clone());

            let result = parse_example(&name, &xml);
            if typo_recorded && xml.contains("<base64FolderID>") {
                expected_failures += 1;
                assert_eq!(name, "SetTelephoneAccessFolderEmail", "{file}");
                match result {
                    Err(soap::Error::Body { element, message }) => {
                        assert_eq!(element, "SetTelephoneAccessFolderEmail");
                        assert_eq!(
                            message,
                            "base64FolderID: unexpected element {http://schemas.microsoft.com/exchange/services/2006/messages}base64FolderID"
                        );
                    }
                    other => panic!("{file}: the base64FolderID example must fail, got {other:?}"),
                }
                continue;
            }
            let written = result.unwrap_or_else(|e| panic!("{file}: <{name}> does not parse: {e}"));
            if let Err(difference) = testkit::xml_tree_eq(&xml, &written) {
                panic!("{file}: <{name}> written back differs: {difference}\nwritten: {written}");
            }
        }
    }

    assert_eq!(examples, 22, "the reference has 22 SOAP examples");
    assert_eq!(pages_with_examples, 11, "in 11 operation pages");
    assert_eq!(
        expected_failures, 1,
        "exactly one example has the recorded typo"
    );
    body_names.sort();
    let mut expected: Vec<String> = OPERATIONS
        .iter()
        .flat_map(|op| {
            [
                op.request_element.to_string(),
                op.response_element.to_string(),
            ]
        })
        .collect();
    expected.sort();
    assert_eq!(
        body_names, expected,
        "one request and one response example per operation"
    );
}

#[test]
fn the_typo_example_parses_once_corrected() {
    // The failure above is the typo and nothing else: with the wire name the
    // service reads, the reference's own request parses and round-trips.
    let Some(dir) = testkit::um_reference_dir() else {
        return;
    };
    let page = std::fs::read_to_string(
        dir.join("settelephoneaccessfolderemail-operation-um-web-service.md"),
    )
    .expect("the SetTelephoneAccessFolderEmail operation page");
    let example = &testkit::soap_examples(&page)[0];
    assert!(example.contains("<base64FolderID>"));
    let corrected = example.replace("base64FolderID", "base64FolderId");
    let parsed: SetTelephoneAccessFolderEmail = soap::from_envelope(corrected.as_bytes()).unwrap();
    assert_eq!(
        parsed.base64_folder_id,
        "AAAAAGsd2rbQLVtLobUGbrq/9IUBAEX2ikn/L8JJtI5WHI0FAW8AAAFXHhsAAA=="
    );
    let written = soap::to_envelope(&parsed).unwrap();
    assert_eq!(testkit::xml_tree_eq(&corrected, &written), Ok(()));
}

#[test]
fn reference_values_are_read() {
    // A few values of the examples, so that parsing is seen to read them.
    let Some(dir) = testkit::um_reference_dir() else {
        return;
    };
    let examples = |page: &str| {
        let text = std::fs::read_to_string(dir.join(page)).unwrap();
        testkit::soap_examples(&text)
    };

    let call_info = &examples("getcallinfo-operation-um-web-service.md")[1];
    let info = soap::read_response::<GetCallInfo>(call_info.as_bytes())
        .unwrap()
        .get_call_info_response;
    assert_eq!(info.call_state, UmCallState::Connected);
    assert_eq!(info.event_cause, UmEventCause::NoneType);

    let properties = &examples("getumproperties-operation-um-web-service.md")[1];
    let properties = soap::read_response::<GetUmProperties>(properties.as_bytes())
        .unwrap()
        .get_um_properties_response;
    assert!(!properties.oof_status);
    assert!(properties.missed_call_notification_enabled);
    assert_eq!(
        properties.play_on_phone_dial_string.as_deref(),
        Some("12345")
    );
    assert_eq!(
        properties.telephone_access_numbers.as_deref(),
        Some("54321")
    );

    let greeting = &examples("playonphonegreeting-operation-um-web-service.md")[0];
    let greeting: PlayOnPhoneGreeting = soap::from_envelope(greeting.as_bytes()).unwrap();
    assert_eq!(greeting.greeting_type, UmGreetingType::NormalCustom);
    assert_eq!(greeting.dial_string, "12345");

    let enabled = &examples("isumenabled-operation-um-web-service.md")[1];
    assert!(
        soap::read_response::<IsUmEnabled>(enabled.as_bytes())
            .unwrap()
            .is_um_enabled_response
    );
}

#[test]
fn golden_disconnect_pair_is_the_references_verbatim() {
    let Some(dir) = testkit::um_reference_dir() else {
        return;
    };
    let page = std::fs::read_to_string(dir.join("disconnect-operation-um-web-service.md")).unwrap();
    let golden = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("golden");
    let [request, response] = &testkit::soap_examples(&page)[..] else {
        panic!("the Disconnect page has a request and a response example");
    };
    let read = |name: &str| std::fs::read_to_string(golden.join(name)).unwrap();
    assert_eq!(&read("Disconnect.request.xml"), request);
    assert_eq!(&read("Disconnect.response.xml"), response);
}
