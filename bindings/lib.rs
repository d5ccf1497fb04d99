//! Typed bindings for the Exchange Unified Messaging (UM) web service
//! (SOAP 1.1, document/literal, endpoint `/EWS/UM2007Legacy.asmx`).
//!
//! Every request and response element of the service is a Rust type here,
//! generated at build time from `schema/Messages.xsd` by `xsd-codegen`.
//! [`soap`] wraps a request in an envelope and reads a response (or a SOAP
//! fault) out of one; [`Request`] ties each request type to its response
//! type and SOAPAction.
//!
//! ```
//! use um_bindings::{soap, Disconnect, Request};
//!
//! let request = Disconnect { call_id: "MDlkZjll".into() };
//! let body = soap::to_envelope(&request).unwrap();
//! assert!(body.contains("<CallId>MDlkZjll</CallId>"));
//! assert_eq!(
//!     Disconnect::SOAP_ACTION,
//!     "http://schemas.microsoft.com/exchange/services/2006/messages/Disconnect"
//! );
//!
//! let reply = r#"<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/">
//!   <soap:Body>
//!     <DisconnectResponse xmlns="http://schemas.microsoft.com/exchange/services/2006/messages"/>
//!   </soap:Body>
//! </soap:Envelope>"#;
//! let response = soap::read_response::<Disconnect>(reply.as_bytes()).unwrap();
//! assert_eq!(response, um_bindings::DisconnectResponse {});
//! ```

mod generated {
    include!(concat!(env!("OUT_DIR"), "/messages.rs"));
}

mod operations;
pub mod soap;

/// The namespace of every UM web service element (generated from the schema).
pub use generated::NAMESPACE;
pub use generated::*;
pub use operations::{OPERATIONS, OperationInfo, Request};
/// The runtime the generated types call: their traits and value types.
pub use xsd_runtime as runtime;
pub use xsd_runtime::{Element, ReadOptions, ReadXml, Root, UnknownContent, Validate, WriteXml};
