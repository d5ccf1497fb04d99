//! The FindItem response the benches read and write: made here, so that the
//! FindItem bench (`benches/finditem.rs`) and the peers bench
//! (`bench/peers`) read the same bytes.

use std::fmt::Write as _;

/// Messages in the benches' response.
pub const ITEMS: usize = 10_000;

/// A FindItem response envelope with `items` messages (item id, subject,
/// received time, size, attachments flag, sender's name and address, read
/// flag), as Exchange writes it (without the `ServerVersionInfo` header, so
/// that it round-trips whole).
pub fn envelope(items: usize) -> String {
    let mut xml = String::from(concat!(
        r#"<?xml version="1.0" encoding="utf-8"?>"#,
        r#"<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/">"#,
        r#"<s:Body>"#,
        r#"<m:FindItemResponse xmlns:m="http://schemas.microsoft.com/exchange/services/2006/messages" xmlns:t="http://schemas.microsoft.com/exchange/services/2006/types">"#,
        r#"<m:ResponseMessages><m:FindItemResponseMessage ResponseClass="Success">"#,
        r#"<m:ResponseCode>NoError</m:ResponseCode>"#,
    ));
    write!(
        xml,
        r#"<m:RootFolder IndexedPagingOffset="{items}" TotalItemsInView="{items}" IncludesLastItemInRange="true"><t:Items>"#
    )
    .unwrap();
    for i in 0..items {
        let sender = i % 97;
        write!(
            xml,
            "\n<t:Message>\
             <t:ItemId Id=\"AAMkADc3MWUyMGQ5LTk2ZDMtNDJhNy1hNzk0LTg0ZjA4NDk{i:08}AAA=\" ChangeKey=\"CQAAABYAAAD{i:08}\"/>\
             <t:Subject>Re: quarterly figures &amp; plans, part {i}</t:Subject>\
             <t:DateTimeReceived>2024-{:02}-{:02}T{:02}:{:02}:00Z</t:DateTimeReceived>\
             <t:Size>{}</t:Size>\
             <t:HasAttachments>{}</t:HasAttachments>\
             <t:From><t:Mailbox><t:Name>Sender {sender}</t:Name>\
             <t:EmailAddress>sender{sender}@contoso.example</t:EmailAddress></t:Mailbox></t:From>\
             <t:IsRead>{}</t:IsRead>\
             </t:Message>",
            i % 12 + 1,
            i % 28 + 1,
            i % 24,
            i % 60,
            1024 + i * 7 % 90_000,
            i % 5 == 0,
            i % 3 != 0,
        )
        .unwrap();
    }
    xml.push_str(
        "</t:Items></m:RootFolder></m:FindItemResponseMessage></m:ResponseMessages></m:FindItemResponse></s:Body></s:Envelope>",
    );
    xml
}

/// The messages of a FindItem response read through the bindings.
#[cfg(not(test))]
pub fn messages(response: &crate::messages::FindItemResponse) -> usize {
    use crate::messages::ArrayOfResponseMessagesTypeChoice;
    use crate::types::{ArrayOfRealItemsTypeChoice, FindItemParentTypeChoice};

    let mut count = 0;
    for message in &response.response_messages.choice {
        let ArrayOfResponseMessagesTypeChoice::FindItemResponseMessage(message) = message else {
            continue;
        };
        for parent in message.root_folder.iter().map(|r| &r.choice) {
            if let FindItemParentTypeChoice::Items(items) = parent {
                count += items
                    .choice
                    .iter()
                    .filter(|i| matches!(i, ArrayOfRealItemsTypeChoice::Message(_)))
                    .count();
            }
        }
    }
    count
}
