//! The operation table: each request type, its response type and SOAPAction.

use crate::generated::*;
use xsd_runtime::Element;

/// A request of the UM web service. Its response type and SOAPAction come
/// with it, so a caller cannot pair a request with the wrong response.
pub trait Request: Element {
    /// The response this request is answered with.
    type Response: Element;
    /// The operation's name.
    const OPERATION: &'static str;
    /// The value of the `SOAPAction` HTTP header for this operation.
    const SOAP_ACTION: &'static str;
}

/// One row of the operation table, for code that walks every operation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OperationInfo {
    /// The operation's name.
    pub name: &'static str,
    /// The `SOAPAction` header value.
    pub soap_action: &'static str,
    /// The request element's local name.
    pub request_element: &'static str,
    /// The response element's local name.
    pub response_element: &'static str,
}

/// Calls the macro `$callback!` with the operation table, one
/// `Operation: Request => Response;` per operation, for code that needs the
/// types of every operation (the table below, tests, benches, fuzz targets):
/// the one place the operations are listed.
///
/// ```
/// macro_rules! names {
///     ($($op:ident: $request:ty => $response:ty;)*) => {
///         [$(stringify!($op)),*]
///     };
/// }
/// let names = um_bindings::for_each_operation!(names);
/// assert_eq!(names.len(), um_bindings::OPERATIONS.len());
/// assert_eq!(names[0], "Disconnect");
/// ```
#[macro_export]
macro_rules! for_each_operation {
    ($callback:ident) => {
        $callback! {
            Disconnect: Disconnect => DisconnectResponse;
            GetCallInfo: GetCallInfo => GetCallInfoResponse;
            GetUMProperties: GetUmProperties => GetUmPropertiesResponse;
            IsUMEnabled: IsUmEnabled => IsUmEnabledResponse;
            PlayOnPhone: PlayOnPhone => PlayOnPhoneResponse;
            PlayOnPhoneGreeting: PlayOnPhoneGreeting => PlayOnPhoneGreetingResponse;
            ResetPIN: ResetPin => ResetPinResponse;
            SetMissedCallNotificationEnabled: SetMissedCallNotificationEnabled => SetMissedCallNotificationEnabledResponse;
            SetOofStatus: SetOofStatus => SetOofStatusResponse;
            SetPlayOnPhoneDialString: SetPlayOnPhoneDialString => SetPlayOnPhoneDialStringResponse;
            SetTelephoneAccessFolderEmail: SetTelephoneAccessFolderEmail => SetTelephoneAccessFolderEmailResponse;
        }
    };
}

macro_rules! operations {
    ($($op:ident: $request:ty => $response:ty;)*) => {
        $(
            impl Request for $request {
                type Response = $response;
                const OPERATION: &'static str = stringify!($op);
                const SOAP_ACTION: &'static str = concat!(
                    "http://schemas.microsoft.com/exchange/services/2006/messages/",
                    stringify!($op)
                );
            }
        )*

        /// Every operation of the UM web service.
        pub const OPERATIONS: &[OperationInfo] = &[$(
            OperationInfo {
                name: <$request as Request>::OPERATION,
                soap_action: <$request as Request>::SOAP_ACTION,
                request_element: <$request as Element>::LOCAL_NAME,
                response_element: <$response as Element>::LOCAL_NAME,
            },
        )*];
    };
}

for_each_operation!(operations);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_operation_pairs_its_own_elements() {
        assert_eq!(OPERATIONS.len(), 11);
        for op in OPERATIONS {
            assert_eq!(op.request_element, op.name);
            assert_eq!(op.response_element, format!("{}Response", op.name));
            assert_eq!(
                op.soap_action,
                format!("{}/{}", crate::NAMESPACE, op.name),
                "{}",
                op.name
            );
        }
    }
}
