//! The 22 UM documents (`tests/golden/`, a request and a response for each
//! of the 11 operations), each read as its SOAP body's element, through
//! xsd-parser's bindings and ours, beside the floors.
//!
//! Groups `um_read` and `um_write` (see `common::bench_set`); subjects
//! `xsd-parser` (`peer::um::m::*`), `bindings-yaserde` (`um_bindings::*`
//! through yaserde) and `bindings-quick` (the same through the runtime's
//! fast backend).

mod common;

use std::time::Duration;

use common::Doc;
use criterion::Criterion;
use peers_bench::{documents, peer, subjects};
use um_bindings::Request;

fn docs() -> Vec<Doc> {
    let mut docs = Vec::new();
    macro_rules! doc {
        ($t:ident, $file:expr) => {{
            let file: String = $file;
            let bytes = documents::um_body(&file);
            let doc = Doc::new(file, bytes);
            let (name, bytes) = (doc.name(), doc.bytes());
            let root = format!(
                "m:{}",
                <um_bindings::$t as um_bindings::Element>::LOCAL_NAME
            );
            let xsd_parser = subjects::xsd_parser::<peer::um::m::$t>(name, bytes, &root, |_| {});
            let yaserde = subjects::yaserde::<um_bindings::$t>(name, bytes, |_| {});
            let quick = subjects::quick::<um_bindings::$t>(name, bytes, |_| {});
            docs.push(
                doc.with("xsd-parser", xsd_parser)
                    .with("bindings-yaserde", yaserde)
                    .with("bindings-quick", quick),
            );
        }};
    }
    macro_rules! operations {
        ($(($request:ident, $response:ident)),* $(,)?) => {$({
            let operation = <um_bindings::$request as Request>::OPERATION;
            doc!($request, format!("{operation}.request.xml"));
            doc!($response, format!("{operation}.response.xml"));
        })*};
    }
    operations!(
        (Disconnect, DisconnectResponse),
        (GetCallInfo, GetCallInfoResponse),
        (GetUmProperties, GetUmPropertiesResponse),
        (IsUmEnabled, IsUmEnabledResponse),
        (PlayOnPhone, PlayOnPhoneResponse),
        (PlayOnPhoneGreeting, PlayOnPhoneGreetingResponse),
        (ResetPin, ResetPinResponse),
        (
            SetMissedCallNotificationEnabled,
            SetMissedCallNotificationEnabledResponse
        ),
        (SetOofStatus, SetOofStatusResponse),
        (SetPlayOnPhoneDialString, SetPlayOnPhoneDialStringResponse),
        (
            SetTelephoneAccessFolderEmail,
            SetTelephoneAccessFolderEmailResponse
        ),
    );
    docs
}

fn main() {
    // The documents are small: a short run gives stable numbers.
    let mut c = Criterion::default()
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3))
        .configure_from_args();
    common::bench_set(&mut c, "um", &docs());
    c.final_summary();
}
