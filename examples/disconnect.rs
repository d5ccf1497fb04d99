//! The main job: the bindings generated from `schema/Messages.xsd` at build
//! time, at work on the reference's Disconnect example.
//!
//! It builds a `Disconnect` request, wraps it in a SOAP envelope, checks that
//! it matches the reference's request element for element, and parses the
//! reference's `DisconnectResponse` (and, for contrast, a SOAP fault).
//!
//! The reference lies outside the project; set `UM_REFERENCE_DIR` to point
//! elsewhere than `../shared/reference/um-web-service`.

use std::process::ExitCode;

use um_bindings::{Disconnect, Request, soap};

fn main() -> ExitCode {
    let Some(dir) = testkit::um_reference_dir() else {
        return ExitCode::FAILURE;
    };
    let path = dir.join("disconnect-operation-um-web-service.md");
    let page = match std::fs::read_to_string(&path) {
        Ok(page) => page,
        Err(e) => {
            eprintln!("cannot read {}: {e}", path.display());
            eprintln!("set UM_REFERENCE_DIR to the UM web service reference directory");
            return ExitCode::FAILURE;
        }
    };
    let [reference_request, reference_response] = &testkit::soap_examples(&page)[..] else {
        eprintln!(
            "{}: expected a request and a response example",
            path.display()
        );
        return ExitCode::FAILURE;
    };

    // 1. Build the request the reference shows, from the reference's own call id.
    let call_id = reference_request
        .split("<CallId>")
        .nth(1)
        .and_then(|rest| rest.split("</CallId>").next())
        .unwrap_or_default();
    let request = Disconnect {
        call_id: call_id.to_string(),
    };
    let envelope = soap::to_envelope(&request).expect("a Disconnect always serializes");
    println!("POST /EWS/UM2007Legacy.asmx");
    println!("SOAPAction: \"{}\"\n", Disconnect::SOAP_ACTION);
    println!("{envelope}\n");

    // 2. It says what the reference's request says, element for element.
    if let Err(difference) = testkit::xml_tree_eq(reference_request, &envelope) {
        eprintln!("our request differs from the reference's: {difference}");
        return ExitCode::FAILURE;
    }
    println!("our envelope and the reference's are the same XML tree");
    let parsed: Disconnect =
        soap::from_envelope(reference_request.as_bytes()).expect("the reference request parses");
    assert_eq!(parsed, request);
    println!("reference request parses to {parsed:?}: same as ours");

    // 3. The reference's response, read through the operation table.
    match soap::read_response::<Disconnect>(reference_response.as_bytes()) {
        Ok(response) => println!("reference response parses to {response:?}"),
        Err(e) => {
            eprintln!("the reference response does not parse: {e}");
            return ExitCode::FAILURE;
        }
    }

    // 4. What a failed call looks like.
    let fault = r#"<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>
        <soap:Fault><faultcode>soap:Client</faultcode><faultstring>The call id is not valid.</faultstring></soap:Fault>
        </soap:Body></soap:Envelope>"#;
    match soap::read_response::<Disconnect>(fault.as_bytes()) {
        Err(soap::Error::Fault(f)) => {
            println!("a fault comes back typed: {} / {}", f.code, f.string)
        }
        other => {
            eprintln!("expected a fault, got {other:?}");
            return ExitCode::FAILURE;
        }
    }
    ExitCode::SUCCESS
}
