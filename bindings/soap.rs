//! The SOAP 1.1 envelope of the UM web service: wrap a request in one, read
//! a response or a fault out of one.
//!
//! This is the runtime's envelope layer ([`xsd_runtime::soap`]: reading
//! checks the whole envelope, within [`Limits`], refusing DTDs), with the
//! operation table on top: [`read_response`] knows from the request type
//! which response to expect.

use std::io::Read;

pub use xsd_runtime::limits::{Limit, LimitExceeded, Limits};
pub use xsd_runtime::soap::{
    Backend, ENVELOPE_NS, Error, Fault, from_envelope, from_envelope_options, from_envelope_using,
    from_envelope_with, to_envelope,
};

use crate::Request;

/// Reads the response to request type `R` out of an envelope: the pairing of
/// request and response comes from the operation table. Reads within
/// [`Limits::default`].
pub fn read_response<R: Request>(xml: impl Read) -> Result<R::Response, Error> {
    from_envelope::<R::Response>(xml)
}

/// [`read_response`] within other [`Limits`].
pub fn read_response_with<R: Request>(
    xml: impl Read,
    limits: &Limits,
) -> Result<R::Response, Error> {
    from_envelope_with::<R::Response>(xml, limits)
}

/// [`read_response_with`], read by `backend` (quick-xml by default, or xml-rs).
pub fn read_response_using<R: Request>(
    xml: impl Read,
    limits: &Limits,
    backend: Backend,
) -> Result<R::Response, Error> {
    from_envelope_using::<R::Response>(xml, limits, backend)
}
