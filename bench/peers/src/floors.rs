//! The floors: what reading and writing the same bytes costs a bare event
//! loop that does nothing with the result.
//!
//! - [`nsreader`]: quick-xml 0.41 (the project's version) `NsReader`,
//!   resolving the namespace of every element and attribute and decoding
//!   and unescaping every text, reference and attribute value: the floor for
//!   a namespace-aware reader on quick-xml, such as `bindings-quick`.
//! - [`nsreader_038`]: the same loop on quick-xml 0.38, the version
//!   xsd-parser's runtime (`xsd-parser-types`) reads with, with the
//!   `encoding` feature it turns on: xsd-parser's own floor.
//! - [`xml_rs_read`]: a plain xml-rs event loop, in the configuration the
//!   bindings give it (the floor for a yaserde-based reader).
//! - [`quick_xml_write`] and [`xml_rs_write`]: each crate's writer replaying
//!   the document's events, read once beforehand.

use std::hint::black_box;

/// Reads `bytes` with quick-xml 0.41's `NsReader`, resolving every name and
/// unescaping every value.
pub fn nsreader(bytes: &[u8]) {
    use quick_xml::XmlVersion;
    use quick_xml::escape::resolve_predefined_entity;
    use quick_xml::events::Event;

    let version = XmlVersion::Implicit1_0;
    let mut reader = quick_xml::NsReader::from_reader(bytes);
    loop {
        let (ns, event) = reader.read_resolved_event().unwrap();
        black_box(ns);
        match event {
            Event::Start(tag) | Event::Empty(tag) => {
                for attribute in tag.attributes() {
                    let attribute = attribute.unwrap();
                    black_box(reader.resolver().resolve_attribute(attribute.key));
                    black_box(attribute.normalized_value(version).unwrap());
                }
                black_box(tag);
            }
            Event::Text(text) => {
                black_box(text.xml_content(version).unwrap());
            }
            Event::CData(text) => {
                black_box(text.decode().unwrap());
            }
            Event::GeneralRef(reference) => match reference.resolve_char_ref().unwrap() {
                Some(c) => {
                    black_box(c);
                }
                None => {
                    let name = reference.decode().unwrap();
                    black_box(resolve_predefined_entity(&name).unwrap());
                }
            },
            Event::Eof => break,
            event => {
                black_box(event);
            }
        }
    }
}

/// [`nsreader`] on quick-xml 0.38 (its API differs a little: the reader
/// resolves attribute names, and values are decoded with the reader's
/// decoder, since `xsd-parser-types` turns on the `encoding` feature).
pub fn nsreader_038(bytes: &[u8]) {
    use quick_xml_038::escape::resolve_predefined_entity;
    use quick_xml_038::events::Event;

    let mut reader = quick_xml_038::NsReader::from_reader(bytes);
    loop {
        let (ns, event) = reader.read_resolved_event().unwrap();
        black_box(ns);
        match event {
            Event::Start(tag) | Event::Empty(tag) => {
                let decoder = reader.decoder();
                for attribute in tag.attributes() {
                    let attribute = attribute.unwrap();
                    black_box(reader.resolve_attribute(attribute.key));
                    black_box(attribute.decode_and_unescape_value(decoder).unwrap());
                }
                black_box(tag);
            }
            Event::Text(text) => {
                black_box(text.xml_content().unwrap());
            }
            Event::CData(text) => {
                black_box(text.decode().unwrap());
            }
            Event::GeneralRef(reference) => match reference.resolve_char_ref().unwrap() {
                Some(c) => {
                    black_box(c);
                }
                None => {
                    let name = reference.decode().unwrap();
                    black_box(resolve_predefined_entity(&name).unwrap());
                }
            },
            Event::Eof => break,
            event => {
                black_box(event);
            }
        }
    }
}

/// xml-rs in the configuration the bindings give it (yaserde's, text
/// untrimmed: `soap::from_envelope` reads so, and so does
/// [`crate::subjects::yaserde`]).
pub fn xml_rs_config() -> yaserde::__xml::ParserConfig {
    yaserde::__xml::ParserConfig::new()
        .trim_whitespace(false)
        .whitespace_to_characters(true)
        .cdata_to_characters(true)
        .ignore_comments(true)
        .coalesce_characters(true)
}

/// Reads `bytes` with a plain xml-rs event loop.
pub fn xml_rs_read(bytes: &[u8]) {
    use yaserde::__xml::reader::XmlEvent;
    let mut reader = xml_rs_config().create_reader(bytes);
    loop {
        match reader.next().unwrap() {
            XmlEvent::EndDocument => break,
            event => {
                black_box(event);
            }
        }
    }
}

/// The events of `bytes` for [`quick_xml_write`], text trimmed (the
/// subjects write no indentation either).
pub fn quick_xml_events(bytes: &[u8]) -> Vec<quick_xml::events::Event<'static>> {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_reader(bytes);
    reader.config_mut().trim_text(true);
    let mut events = Vec::new();
    loop {
        match reader.read_event().unwrap() {
            Event::Eof => return events,
            event => events.push(event.into_owned()),
        }
    }
}

/// Writes `events` with quick-xml 0.41's `Writer`.
pub fn quick_xml_write(events: &[quick_xml::events::Event<'static>]) -> Vec<u8> {
    let mut writer = quick_xml::Writer::new(Vec::new());
    for event in events {
        writer.write_event(event.borrow()).unwrap();
    }
    writer.into_inner()
}

/// The events of `bytes` for [`xml_rs_write`], whitespace between tags left
/// out (as the xml-rs floor of `benches/um.rs` does).
pub fn xml_rs_events(bytes: &[u8]) -> Vec<yaserde::__xml::reader::XmlEvent> {
    use yaserde::__xml::reader::XmlEvent;
    let mut reader = xml_rs_config().trim_whitespace(true).create_reader(bytes);
    let mut events = Vec::new();
    loop {
        match reader.next().unwrap() {
            XmlEvent::EndDocument => return events,
            event => events.push(event),
        }
    }
}

/// Writes `events` with xml-rs's `EventWriter`.
pub fn xml_rs_write(events: &[yaserde::__xml::reader::XmlEvent]) -> Vec<u8> {
    let config = yaserde::__xml::EmitterConfig::new().perform_indent(false);
    let mut writer = yaserde::__xml::EventWriter::new_with_config(Vec::new(), config);
    for event in events {
        if let Some(event) = event.as_writer_event() {
            writer.write(event).unwrap();
        }
    }
    writer.into_inner()
}
