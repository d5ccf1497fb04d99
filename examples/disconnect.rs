//! The main job: the bindings generated from `schema/Messages.xsd` at build
//! time, at work on the reference's Disconnect example.
//!
//! It builds a `Disconnect` request, wraps it in a SOAP envelope, checks that
//! it matches the reference's request element for element, and parses the
//! reference's `DisconnectResponse` (and, for contrast, a SOAP fault).
//!
//! The reference's two documents are in the project, verbatim, as the
//! goldens `tests/golden/Disconnect.request.xml` and `.response.xml`
//! (`tests/reference.rs` checks them against the reference page), so this
//! needs nothing outside the project. It exits with status 0 when every step
//! holds, 1 otherwise.

use std::process::ExitCode;

use um_bindings::{Disconnect, Request, soap};

/// The reference's Disconnect request.
const REFERENCE_REQUEST: &str = include_str!("../tests/golden/Disconnect.request.xml");
/// The reference's Disconnect response.
const REFERENCE_RESPONSE: &str = include_str!("../tests/golden/Disconnect.response.xml");

/// The namespace of the UM web service's messages.
const MESSAGES: &str = "http://schemas.microsoft.com/exchange/services/2006/messages";

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<(), String> {
    // 1. Build the request the reference shows, from the reference's own call id.
    let call_id = call_id(REFERENCE_REQUEST)?;
    let request = Disconnect { call_id };
    let envelope = soap::to_envelope(&request)
        .map_err(|e| format!("the Disconnect request does not serialize: {e}"))?;
    println!("POST /EWS/UM2007Legacy.asmx");
    println!("SOAPAction: \"{}\"\n", Disconnect::SOAP_ACTION);
    println!("{envelope}\n");

    // 2. It says what the reference's request says, element for element.
    testkit::xml_tree_eq(REFERENCE_REQUEST, &envelope)
        .map_err(|difference| format!("our request differs from the reference's: {difference}"))?;
    println!("our envelope and the reference's are the same XML tree");
    let parsed: Disconnect = soap::from_envelope(REFERENCE_REQUEST.as_bytes())
        .map_err(|e| format!("the reference request does not parse: {e}"))?;
    if parsed != request {
        return Err(format!(
            "the reference request parses to {parsed:?}, not to ours: {request:?}"
        ));
    }
    println!("reference request parses to {parsed:?}: same as ours");

    // 3. The reference's response, read through the operation table.
    let response = soap::read_response::<Disconnect>(REFERENCE_RESPONSE.as_bytes())
        .map_err(|e| format!("the reference response does not parse: {e}"))?;
    println!("reference response parses to {response:?}");

    // 4. What a failed call looks like.
    let fault = r#"<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>
        <soap:Fault><faultcode>soap:Client</faultcode><faultstring>The call id is not valid.</faultstring></soap:Fault>
        </soap:Body></soap:Envelope>"#;
    match soap::read_response::<Disconnect>(fault.as_bytes()) {
        Err(soap::Error::Fault(f)) => {
            println!("a fault comes back typed: {} / {}", f.code, f.string);
            Ok(())
        }
        other => Err(format!("expected a fault, got {other:?}")),
    }
}

/// The text of the request's `CallId`, read as XML (not through the
/// bindings, which are what is being checked).
fn call_id(request: &str) -> Result<String, String> {
    let document = roxmltree::Document::parse(request)
        .map_err(|e| format!("the reference request is not XML: {e}"))?;
    document
        .descendants()
        .find(|n| n.has_tag_name((MESSAGES, "CallId")))
        .and_then(|n| n.text())
        .map(str::to_string)
        .ok_or_else(|| "the reference request has no CallId".to_string())
}
