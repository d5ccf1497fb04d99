//! The documents every subject reads: the 22 UM bodies, the iDEAL example,
//! the FindItem body. Each is made once, before anything is measured.
//!
//! xsd-parser reads a document whose root is the element its type describes,
//! not a SOAP envelope, so the SOAP documents are cut down to the body's
//! element ([`body_element`]) and every subject reads those same bytes.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use quick_xml::events::Event;

/// The SOAP 1.1 envelope namespace.
const SOAP: &[u8] = b"http://schemas.xmlsoap.org/soap/envelope/";

/// The element in the body of a SOAP envelope, as a document of its own: its
/// bytes exactly as written, with the namespace declarations it inherits
/// from `soap:Envelope` and `soap:Body` (those it does not declare itself)
/// added to its start tag, so that it means the same out of the envelope.
///
/// Panics when `envelope` is not a SOAP envelope with an element in its body.
pub fn body_element(envelope: &[u8]) -> Vec<u8> {
    let mut reader = quick_xml::NsReader::from_reader(envelope);
    // The declarations in scope, by prefix (empty: the default namespace),
    // with their raw values, as the envelope and the body declare them.
    let mut inherited: BTreeMap<Vec<u8>, Vec<u8>> = BTreeMap::new();
    let mut depth = 0;
    loop {
        let start = reader.buffer_position() as usize;
        let (ns, event) = reader.read_resolved_event().expect("well-formed envelope");
        let soap = matches!(ns, quick_xml::name::ResolveResult::Bound(n) if n.0 == SOAP);
        match event {
            Event::Start(tag) if depth < 2 => {
                let expected: &[u8] = if depth == 0 { b"Envelope" } else { b"Body" };
                if !soap || tag.local_name().as_ref() != expected {
                    // A header is skipped whole.
                    if soap && depth == 1 && tag.local_name().as_ref() == b"Header" {
                        reader.read_to_end(tag.name()).expect("well-formed header");
                        continue;
                    }
                    panic!("not a SOAP envelope: {:?}", tag.name());
                }
                for attribute in tag.attributes() {
                    let attribute = attribute.expect("well-formed attribute");
                    if let Some(prefix) = xmlns_prefix(attribute.key.as_ref()) {
                        inherited.insert(prefix.to_vec(), attribute.value.to_vec());
                    }
                }
                depth += 1;
            }
            Event::Start(tag) if depth == 2 => {
                reader
                    .read_to_end(tag.name())
                    .expect("well-formed body element");
                let end = reader.buffer_position() as usize;
                return standalone(&envelope[start..end], &tag, inherited);
            }
            Event::Empty(tag) if depth == 2 => {
                let end = reader.buffer_position() as usize;
                return standalone(&envelope[start..end], &tag, inherited);
            }
            Event::Eof => panic!("no element in the SOAP body"),
            Event::End(_) if depth == 2 => panic!("no element in the SOAP body"),
            _ => {}
        }
    }
}

/// `element` (the bytes of the element whose start tag is `tag`), with the
/// declarations of `inherited` that it does not make itself.
fn standalone(
    element: &[u8],
    tag: &quick_xml::events::BytesStart<'_>,
    mut inherited: BTreeMap<Vec<u8>, Vec<u8>>,
) -> Vec<u8> {
    for attribute in tag.attributes() {
        let attribute = attribute.expect("well-formed attribute");
        if let Some(prefix) = xmlns_prefix(attribute.key.as_ref()) {
            inherited.remove(prefix);
        }
    }
    let name_end = 1 + tag.name().as_ref().len();
    let mut out = element[..name_end].to_vec();
    for (prefix, value) in &inherited {
        out.extend_from_slice(b" xmlns");
        if !prefix.is_empty() {
            out.push(b':');
            out.extend_from_slice(prefix);
        }
        out.extend_from_slice(b"=\"");
        out.extend_from_slice(value);
        out.push(b'"');
    }
    out.extend_from_slice(&element[name_end..]);
    out
}

/// The prefix an `xmlns` or `xmlns:p` attribute declares (empty for the
/// default namespace), or `None` for any other attribute.
fn xmlns_prefix(key: &[u8]) -> Option<&[u8]> {
    match key {
        b"xmlns" => Some(b""),
        _ => key.strip_prefix(b"xmlns:"),
    }
}

/// The project's checkout.
fn checkout() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// A directory of reference data: `$var`, else `default` beside the checkout.
fn shared_dir(var: &str, default: &str) -> PathBuf {
    std::env::var_os(var).map_or_else(|| checkout().join("..").join(default), PathBuf::from)
}

/// The body element of the UM golden document `file` (`tests/golden/`).
pub fn um_body(file: &str) -> Vec<u8> {
    let path = checkout().join("tests/golden").join(file);
    let envelope = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    body_element(&envelope)
}

/// The iDEAL merchant-acquirer example, a `DirectoryReq` (read whole: it is
/// not in an envelope): `$REAL_WORLD_DIR/ideal_merchant_acquirer/example/
/// merchant-acquirer.xml`, by default in `../shared/real-world`.
///
/// Its elements are in the namespace of iDx 1.0.0 (`http://www.betaalvereniging.nl/
/// iDx/messages/Merchant-Acquirer/1.0.0`), not in the schema's (iDEAL
/// 3.3.1, `http://www.idealdesk.com/ideal/messages/mer-acq/3.3.1`), so no
/// reader that checks namespaces can take it: this is the example with its
/// default namespace declaration set to the schema's, nothing else changed.
pub fn ideal_example() -> Vec<u8> {
    const EXAMPLE: &str =
        r#"xmlns="http://www.betaalvereniging.nl/iDx/messages/Merchant-Acquirer/1.0.0""#;
    const SCHEMA: &str = r#"xmlns="http://www.idealdesk.com/ideal/messages/mer-acq/3.3.1""#;
    let path = shared_dir("REAL_WORLD_DIR", "shared/real-world")
        .join("ideal_merchant_acquirer/example/merchant-acquirer.xml");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    assert_eq!(
        text.matches(EXAMPLE).count(),
        1,
        "{}: its namespace",
        path.display()
    );
    text.replace(EXAMPLE, SCHEMA).into_bytes()
}

/// The body element (`m:FindItemResponse`) of the FindItem response with
/// [`ews_bench::finditem::ITEMS`] messages that `bench/ews` reads.
pub fn finditem_body() -> Vec<u8> {
    use ews_bench::finditem::{ITEMS, envelope};
    body_element(envelope(ITEMS).as_bytes())
}

/// The messages of a FindItem response read through xsd-parser's bindings.
pub fn xsd_parser_messages(response: &crate::peer::ews::m::FindItemResponse) -> usize {
    use crate::peer::ews::m::ArrayOfResponseMessagesTypeTypeContent as Message;
    use crate::peer::ews::t::ArrayOfRealItemsTypeContent254TypeContent as Item;
    use crate::peer::ews::t::FindItemParentTypeTypeContent as Parent;

    let mut count = 0;
    for message in &response.response_messages.content {
        let Message::FindItemResponseMessage(message) = message else {
            continue;
        };
        let root = message
            .content
            .as_ref()
            .and_then(|c| c.root_folder.as_ref());
        if let Some(Parent::Items(items)) = root.map(|r| &r.content) {
            count += items
                .content_254
                .iter()
                .filter(|i| matches!(i.content, Item::Message(_)))
                .count();
        }
    }
    count
}
