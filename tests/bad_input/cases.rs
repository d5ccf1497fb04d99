// The tests of bad_input.rs, included by it and by bad_input_xmlrs.rs with a
// `BACKEND` of their own.

use std::path::Path;

use um_bindings::*;

const UM: &str = NAMESPACE;

/// An envelope whose body holds `body`.
fn envelope(body: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>{body}</soap:Body></soap:Envelope>"#
    )
}

fn golden(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

/// The error `xml` gives as a Disconnect request; panics if it parses.
fn disconnect_error(xml: &str) -> soap::Error {
    match soap::from_envelope::<Disconnect>(xml.as_bytes()) {
        Ok(value) => panic!("expected an error, parsed {value:?}"),
        Err(e) => e,
    }
}

/// The `(element, message)` of a [`soap::Error::Body`]; panics on any other result.
fn body_error<T: std::fmt::Debug>(result: Result<T, soap::Error>) -> (&'static str, String) {
    match result {
        Err(soap::Error::Body { element, message }) => (element, message),
        other => panic!("expected soap::Error::Body, got {other:?}"),
    }
}

fn call_info_response(inner: &str) -> String {
    envelope(&format!(
        r#"<GetCallInfoResponse xmlns="{UM}"><GetCallInfoResponse>{inner}</GetCallInfoResponse></GetCallInfoResponse>"#
    ))
}

// ---------------------------------------------------------------- body element

#[test]
fn body_element_in_the_namespace_typo_of_the_callstate_page() {
    // The CallState reference page prints .../2006/message, without the final s.
    let xml = envelope(
        r#"<Disconnect xmlns="http://schemas.microsoft.com/exchange/services/2006/message"><CallId>abc</CallId></Disconnect>"#,
    );
    let error = disconnect_error(&xml);
    match &error {
        soap::Error::UnexpectedBody { expected, found } => {
            assert_eq!(
                expected,
                "{http://schemas.microsoft.com/exchange/services/2006/messages}Disconnect"
            );
            assert_eq!(
                found,
                "{http://schemas.microsoft.com/exchange/services/2006/message}Disconnect"
            );
        }
        other => panic!("expected UnexpectedBody, got {other:?}"),
    }
    assert_eq!(
        error.to_string(),
        "expected {http://schemas.microsoft.com/exchange/services/2006/messages}Disconnect in the SOAP body, \
         found {http://schemas.microsoft.com/exchange/services/2006/message}Disconnect"
    );
}

#[test]
fn body_element_in_no_namespace() {
    let xml = envelope("<Disconnect><CallId>abc</CallId></Disconnect>");
    match disconnect_error(&xml) {
        soap::Error::UnexpectedBody { expected, found } => {
            assert_eq!(expected, format!("{{{UM}}}Disconnect"));
            assert_eq!(found, "Disconnect");
        }
        other => panic!("expected UnexpectedBody, got {other:?}"),
    }
}

#[test]
fn another_operations_response_in_the_body() {
    let xml = call_info_response("<CallState>Connected</CallState><EventCause>None</EventCause>");
    let error = soap::read_response::<Disconnect>(xml.as_bytes()).unwrap_err();
    match &error {
        soap::Error::UnexpectedBody { expected, found } => {
            assert_eq!(expected, &format!("{{{UM}}}DisconnectResponse"));
            assert_eq!(found, &format!("{{{UM}}}GetCallInfoResponse"));
        }
        other => panic!("expected UnexpectedBody, got {other:?}"),
    }
    assert_eq!(
        error.to_string(),
        format!(
            "expected {{{UM}}}DisconnectResponse in the SOAP body, found {{{UM}}}GetCallInfoResponse"
        )
    );
}

#[test]
fn a_request_where_its_response_is_expected() {
    let xml = golden("Disconnect.request.xml");
    match soap::read_response::<Disconnect>(xml.as_bytes()) {
        Err(soap::Error::UnexpectedBody { expected, found }) => {
            assert_eq!(expected, format!("{{{UM}}}DisconnectResponse"));
            assert_eq!(found, format!("{{{UM}}}Disconnect"));
        }
        other => panic!("expected UnexpectedBody, got {other:?}"),
    }
}

// ------------------------------------------------------------------- content

#[test]
fn disconnect_without_call_id() {
    for body in [
        format!(r#"<Disconnect xmlns="{UM}"/>"#),
        format!(r#"<Disconnect xmlns="{UM}"></Disconnect>"#),
    ] {
        let error = disconnect_error(&envelope(&body));
        assert_eq!(
            error.to_string(),
            "invalid <Disconnect>: the element CallId of Disconnect is missing"
        );
        let (element, message) = body_error::<()>(Err(error));
        assert_eq!(element, "Disconnect");
        assert_eq!(message, "the element CallId of Disconnect is missing");
    }
}

#[test]
fn call_id_in_no_namespace_is_not_the_call_id() {
    // elementFormDefault="qualified": an unqualified CallId is another element.
    let xml = envelope(&format!(
        r#"<m:Disconnect xmlns:m="{UM}"><CallId>abc</CallId></m:Disconnect>"#
    ));
    let (element, message) = body_error(soap::from_envelope::<Disconnect>(xml.as_bytes()));
    assert_eq!(element, "Disconnect");
    assert_eq!(message, "CallId: unexpected element CallId");
}

#[test]
fn call_info_without_event_cause() {
    let xml = call_info_response("<CallState>Connected</CallState>");
    let (element, message) = body_error(soap::read_response::<GetCallInfo>(xml.as_bytes()));
    assert_eq!(element, "GetCallInfoResponse");
    assert_eq!(
        message,
        "GetCallInfoResponse: the element EventCause of UMCallInfo is missing"
    );
}

#[test]
fn call_info_without_the_doubled_wrapper() {
    // The service doubles the wrapper; a single level is missing the result.
    let xml = envelope(&format!(
        r#"<GetCallInfoResponse xmlns="{UM}"><CallState>Connected</CallState><EventCause>None</EventCause></GetCallInfoResponse>"#
    ));
    let (element, message) = body_error(soap::read_response::<GetCallInfo>(xml.as_bytes()));
    assert_eq!(element, "GetCallInfoResponse");
    assert_eq!(
        message,
        "CallState: unexpected element {http://schemas.microsoft.com/exchange/services/2006/messages}CallState"
    );
}

#[test]
fn unknown_call_state() {
    let xml = call_info_response("<CallState>Ringing</CallState><EventCause>None</EventCause>");
    let error = soap::read_response::<GetCallInfo>(xml.as_bytes()).unwrap_err();
    assert_eq!(
        error.to_string(),
        "invalid <GetCallInfoResponse>: GetCallInfoResponse: CallState: unknown UMCallState value \"Ringing\", expected one of: \
         Idle, Connecting, Alerted, Connected, Disconnected, Incoming, Transferring, Forwarding"
    );
    let (element, message) = body_error::<()>(Err(error));
    assert_eq!(element, "GetCallInfoResponse");
    assert!(
        message.contains("UMCallState") && message.contains("\"Ringing\""),
        "{message}"
    );
}

#[test]
fn unknown_event_cause_and_greeting_type() {
    let xml = call_info_response("<CallState>Idle</CallState><EventCause>Busy</EventCause>");
    let (_, message) = body_error(soap::read_response::<GetCallInfo>(xml.as_bytes()));
    assert_eq!(
        message,
        "GetCallInfoResponse: EventCause: unknown UMEventCause value \"Busy\", expected one of: None, UserBusy, NoAnswer, Unavailable, Other"
    );

    // Enumeration values are case-sensitive.
    let xml = envelope(&format!(
        r#"<PlayOnPhoneGreeting xmlns="{UM}"><GreetingType>oofcustom</GreetingType><DialString>1</DialString></PlayOnPhoneGreeting>"#
    ));
    let (element, message) = body_error(soap::from_envelope::<PlayOnPhoneGreeting>(xml.as_bytes()));
    assert_eq!(element, "PlayOnPhoneGreeting");
    assert_eq!(
        message,
        "GreetingType: unknown UMGreetingType value \"oofcustom\", expected one of: NormalCustom, OofCustom"
    );
}

#[test]
fn non_boolean_in_a_boolean() {
    let xml = envelope(&format!(
        r#"<IsUMEnabledResponse xmlns="{UM}"><IsUMEnabledResponse>maybe</IsUMEnabledResponse></IsUMEnabledResponse>"#
    ));
    let (element, message) = body_error(soap::read_response::<IsUmEnabled>(xml.as_bytes()));
    assert_eq!(element, "IsUMEnabledResponse");
    assert_eq!(message, "IsUMEnabledResponse: \"maybe\" is not a boolean");

    // xs:boolean is lower case: `True` is not a boolean either.
    let xml = envelope(&format!(
        r#"<SetOofStatus xmlns="{UM}"><status>True</status></SetOofStatus>"#
    ));
    let (element, message) = body_error(soap::from_envelope::<SetOofStatus>(xml.as_bytes()));
    assert_eq!(element, "SetOofStatus");
    assert_eq!(message, "status: \"True\" is not a boolean");
}

#[test]
fn text_where_an_element_is_expected_inside_text() {
    let xml = envelope(&format!(
        r#"<Disconnect xmlns="{UM}"><CallId>abc<b/></CallId></Disconnect>"#
    ));
    let (element, message) = body_error(soap::from_envelope::<Disconnect>(xml.as_bytes()));
    assert_eq!(element, "Disconnect");
    assert_eq!(
        message,
        "CallId: <CallId> holds text only, found element <b>"
    );
}

// --------------------------------------------------------------- truncation

#[test]
fn truncated_disconnect_response_fails_at_every_byte() {
    let full = golden("Disconnect.response.xml");
    assert!(soap::read_response::<Disconnect>(full.as_bytes()).is_ok());
    for cut in 0..full.len() {
        match soap::read_response::<Disconnect>(&full.as_bytes()[..cut]) {
            Err(soap::Error::Xml(message)) => assert!(!message.is_empty()),
            other => panic!(
                "cut at byte {cut} of {}: expected Error::Xml, got {other:?}",
                full.len()
            ),
        }
    }
}

/// Parses golden file `name` (`<Operation>.request.xml` or `.response.xml`)
/// with the operation's types.
fn parse_golden(name: &str, xml: &[u8]) -> Result<(), soap::Error> {
    let (operation, side) = name.split_once('.').expect("<Operation>.<side>.xml");
    let request = side == "request.xml";
    macro_rules! by_operation {
        ($($name:ident: $op:ty => $response:ty;)*) => {
            $(
                if operation == <$op as Request>::OPERATION {
                    return if request {
                        soap::from_envelope::<$op>(xml).map(drop)
                    } else {
                        soap::read_response::<$op>(xml).map(drop)
                    };
                }
            )*
        };
    }
    um_bindings::for_each_operation!(by_operation);
    panic!("{name}: no such operation");
}

/// Every golden document, by name, with its text up to its last end tag.
fn goldens() -> Vec<(String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden");
    let mut out: Vec<(String, String)> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .map(|path| {
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            let text = std::fs::read_to_string(&path).unwrap();
            (name, text.trim_end().to_string())
        })
        .collect();
    out.sort();
    assert_eq!(out.len(), 22);
    out
}

#[test]
fn every_golden_cut_short_fails_without_panicking() {
    for (name, full) in goldens() {
        let full = full.as_bytes();
        assert_eq!(
            parse_golden(&name, full).map_err(|e| e.to_string()),
            Ok(()),
            "{name}"
        );
        for cut in 0..full.len() {
            let result = parse_golden(&name, &full[..cut]);
            assert!(result.is_err(), "{name} cut at byte {cut} parses");
        }
    }
}

#[test]
fn every_golden_cut_short_is_malformed_xml() {
    // soap::Error::Xml is documented as the error for truncated input, and it
    // is what a cut anywhere else gives. A cut inside the text of a string or
    // boolean element (e.g. Disconnect.request.xml right after `<CallId>`)
    // gives Error::Body { element: "Disconnect", message: "CallId: 5:15
    // Unexpected end of stream: still inside the root element" } instead.
    let mut wrong = Vec::new();
    for (name, full) in goldens() {
        let full = full.as_bytes();
        for cut in 0..full.len() {
            match parse_golden(&name, &full[..cut]) {
                Err(soap::Error::Xml(_)) => {}
                other => wrong.push(format!("{name} cut at byte {cut}: {other:?}")),
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "{} cuts are not Error::Xml, first: {}",
        wrong.len(),
        wrong[0]
    );
}

#[test]
fn truncated_fault_is_malformed_xml() {
    // A fault counts only in a complete envelope: cut anywhere, even right
    // after </soap:Fault>, it is malformed XML, not a fault.
    let xml = envelope(
        "<soap:Fault><faultcode>soap:Server</faultcode><faultstring>x</faultstring></soap:Fault>",
    );
    assert!(matches!(
        soap::read_response::<Disconnect>(xml.as_bytes()),
        Err(soap::Error::Fault(_))
    ));
    for cut in 0..xml.len() {
        let result = soap::read_response::<Disconnect>(&xml.as_bytes()[..cut]);
        assert!(
            matches!(result, Err(soap::Error::Xml(_))),
            "cut at byte {cut}: {result:?}"
        );
    }
}

// ------------------------------------------------------------------- faults

#[test]
fn fault_with_code_string_and_detail() {
    let xml = envelope(
        r#"<soap:Fault>
             <faultcode>soap:Client</faultcode>
             <faultstring>The specified call could not be found.</faultstring>
             <detail><e:ResponseCode xmlns:e="http://schemas.microsoft.com/exchange/services/2006/errors">ErrorInvalidCallId</e:ResponseCode><e:Message xmlns:e="http://schemas.microsoft.com/exchange/services/2006/errors">Call 42 &amp; up</e:Message></detail>
           </soap:Fault>"#,
    );
    let error = soap::read_response::<Disconnect>(xml.as_bytes()).unwrap_err();
    assert_eq!(
        error.to_string(),
        "SOAP fault soap:Client: The specified call could not be found."
    );
    let soap::Error::Fault(fault) = error else {
        panic!("expected a fault, got {error:?}");
    };
    assert_eq!(fault.code, "soap:Client");
    assert_eq!(fault.string, "The specified call could not be found.");
    assert_eq!(fault.actor, None);
    // The detail is raw XML: compare it as a tree (its namespace declarations
    // may be repeated on each element).
    let detail = fault.detail.expect("detail");
    assert!(detail.starts_with("<e:ResponseCode "), "{detail}");
    assert_eq!(
        testkit::xml_tree_eq(
            r#"<detail><ResponseCode xmlns="http://schemas.microsoft.com/exchange/services/2006/errors">ErrorInvalidCallId</ResponseCode><Message xmlns="http://schemas.microsoft.com/exchange/services/2006/errors">Call 42 &amp; up</Message></detail>"#,
            &format!("<detail>{detail}</detail>"),
        ),
        Ok(())
    );
}

#[test]
fn fault_with_actor_and_text_detail() {
    let xml = envelope(
        "<soap:Fault><faultcode>soap:Server</faultcode><faultstring>Unified Messaging is unavailable.</faultstring>\
         <faultactor>https://mail.fabrikam.example/EWS/UM2007Legacy.asmx</faultactor>\
         <detail>retry &lt;later&gt;</detail></soap:Fault>",
    );
    let error = soap::from_envelope::<GetCallInfo>(xml.as_bytes()).unwrap_err();
    assert_eq!(
        error.to_string(),
        "SOAP fault soap:Server: Unified Messaging is unavailable."
    );
    match error {
        soap::Error::Fault(fault) => assert_eq!(
            *fault,
            soap::Fault {
                code: "soap:Server".into(),
                string: "Unified Messaging is unavailable.".into(),
                actor: Some("https://mail.fabrikam.example/EWS/UM2007Legacy.asmx".into()),
                detail: Some("retry &lt;later&gt;".into()),
            }
        ),
        other => panic!("expected a fault, got {other:?}"),
    }
}

#[test]
fn fault_whatever_the_expected_body() {
    // A fault is a fault for every operation, request or response side.
    let xml = envelope(
        "<soap:Fault><faultcode>soap:Client</faultcode><faultstring>no</faultstring></soap:Fault>",
    );
    assert!(matches!(
        soap::read_response::<ResetPin>(xml.as_bytes()),
        Err(soap::Error::Fault(_))
    ));
    assert!(matches!(
        soap::from_envelope::<SetOofStatus>(xml.as_bytes()),
        Err(soap::Error::Fault(_))
    ));
}

#[test]
fn fault_with_something_after_it() {
    let fault =
        "<soap:Fault><faultcode>soap:Server</faultcode><faultstring>x</faultstring></soap:Fault>";
    let xml = envelope(&format!(
        r#"{fault}<Disconnect xmlns="{UM}"><CallId>abc</CallId></Disconnect>"#
    ));
    match disconnect_error(&xml) {
        soap::Error::Envelope(message) => {
            assert_eq!(
                message,
                format!("expected </Body>, found <{{{UM}}}Disconnect>")
            );
        }
        other => panic!("expected Error::Envelope, got {other:?}"),
    }
    match disconnect_error(&format!("{}<x/>", envelope(fault))) {
        soap::Error::Envelope(message) => {
            assert_eq!(message, "expected the end of the document, found <x>");
        }
        other => panic!("expected Error::Envelope, got {other:?}"),
    }
}

#[test]
fn fault_without_faultcode() {
    let xml = envelope("<soap:Fault><faultstring>no code</faultstring></soap:Fault>");
    match disconnect_error(&xml) {
        soap::Error::Envelope(message) => assert_eq!(message, "soap:Fault without faultcode"),
        other => panic!("expected Error::Envelope, got {other:?}"),
    }
}

// ------------------------------------------------------------ not an envelope

#[test]
fn bare_body_element_is_not_an_envelope() {
    let xml = format!(
        r#"<?xml version="1.0"?><Disconnect xmlns="{UM}"><CallId>abc</CallId></Disconnect>"#
    );
    let error = disconnect_error(&xml);
    assert_eq!(
        error.to_string(),
        format!("not a SOAP 1.1 envelope: expected soap:Envelope, found <{{{UM}}}Disconnect>")
    );
    assert!(matches!(error, soap::Error::Envelope(_)));
}

#[test]
fn soap_1_2_envelope_is_not_soap_1_1() {
    let xml = format!(
        r#"<env:Envelope xmlns:env="http://www.w3.org/2003/05/soap-envelope"><env:Body><Disconnect xmlns="{UM}"><CallId>abc</CallId></Disconnect></env:Body></env:Envelope>"#
    );
    match disconnect_error(&xml) {
        soap::Error::Envelope(message) => assert_eq!(
            message,
            "expected soap:Envelope, found <{http://www.w3.org/2003/05/soap-envelope}Envelope>"
        ),
        other => panic!("expected Error::Envelope, got {other:?}"),
    }
}

#[test]
fn two_body_children() {
    let one = format!(r#"<Disconnect xmlns="{UM}"><CallId>abc</CallId></Disconnect>"#);
    let xml = envelope(&format!("{one}{one}"));
    match disconnect_error(&xml) {
        soap::Error::Envelope(message) => {
            assert_eq!(
                message,
                format!("expected </Body>, found <{{{UM}}}Disconnect>")
            );
        }
        other => panic!("expected Error::Envelope, got {other:?}"),
    }
}

#[test]
fn empty_body() {
    match disconnect_error(&envelope("")) {
        soap::Error::Envelope(message) => {
            assert_eq!(message, "expected an element in soap:Body, found </Body>")
        }
        other => panic!("expected Error::Envelope, got {other:?}"),
    }
}

#[test]
fn trailing_garbage_after_the_envelope() {
    let good = golden("Disconnect.request.xml");
    assert!(soap::from_envelope::<Disconnect>(good.as_bytes()).is_ok());

    match disconnect_error(&format!("{good}<Disconnect/>")) {
        soap::Error::Envelope(message) => {
            assert_eq!(
                message,
                "expected the end of the document, found <Disconnect>"
            );
        }
        other => panic!("expected Error::Envelope, got {other:?}"),
    }
    match disconnect_error(&format!("{good}\ngarbage")) {
        soap::Error::Xml(message) => {
            assert!(
                message.ends_with("Unexpected characters outside the root element: g"),
                "{message}"
            );
        }
        other => panic!("expected Error::Xml, got {other:?}"),
    }
}

#[test]
fn element_after_the_body() {
    let xml = format!(
        r#"<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><Disconnect xmlns="{UM}"><CallId>abc</CallId></Disconnect></soap:Body><soap:Header/></soap:Envelope>"#
    );
    match disconnect_error(&xml) {
        soap::Error::Envelope(message) => assert_eq!(
            message,
            "expected </Envelope>, found <{http://schemas.xmlsoap.org/soap/envelope/}Header>"
        ),
        other => panic!("expected Error::Envelope, got {other:?}"),
    }
}

#[test]
fn empty_input() {
    match disconnect_error("") {
        soap::Error::Xml(message) => assert!(message.contains("no root element"), "{message}"),
        other => panic!("expected Error::Xml, got {other:?}"),
    }
}

/// The envelope functions the tests call, read by [`BACKEND`] (the file that
/// includes these tests chooses it).
mod soap {
    use std::io::Read;

    pub use um_bindings::soap::*;
    use um_bindings::{Request, Root};

    pub fn from_envelope<T: Root>(xml: impl Read) -> Result<T, Error> {
        from_envelope_using(xml, &Limits::default(), super::BACKEND)
    }

    pub fn read_response<R: Request>(xml: impl Read) -> Result<R::Response, Error> {
        read_response_using::<R>(xml, &Limits::default(), super::BACKEND)
    }
}
