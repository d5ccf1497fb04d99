//! Reading and writing a large EWS response through the bindings generated
//! from the full EWS schema, against baselines on the same bytes.
//!
//! The document is a FindItem response in a SOAP envelope with 10,000
//! messages (item id, subject, received time, size, attachments flag,
//! sender's name and address, read flag), made by `ews_bench::finditem`
//! (which `bench/peers` reads too). Before measuring, the bench checks that
//! it reads into 10,000 typed messages, writes back to the same XML tree,
//! and reads back to the same value.
//!
//! - `ews_read_finditem`: `bindings-quick` reads the envelope and its body
//!   into `messages::FindItemResponse` with the runtime's SOAP layer on the
//!   fast backend (`xsd_runtime::soap::from_envelope_with`, its limits
//!   raised for a 4.5 MB document of 110,000 elements); `bindings-yaserde`
//!   reads the same with yaserde's `Deserializer` (xml-rs) and the type's
//!   `YaDeserialize`; `xml-rs` is a plain xml-rs event loop in yaserde's
//!   configuration (the floor for a yaserde-based reader); `quick-xml` is
//!   quick-xml's reader loop (the fastest Rust XML tokenizer).
//! - `ews_write_finditem`: `bindings-quick` writes the typed value in an
//!   envelope with `xsd_runtime::soap::to_envelope`, `bindings-yaserde` with
//!   yaserde's `Serializer` and the type's `YaSerialize`; `xml-rs` and
//!   `quick-xml` write the document's events (read beforehand) with each
//!   crate's writer.
//!
//! The baselines are those of the UM bench (`benches/um.rs`). `bench/report`
//! runs this and prints every ratio subject/baseline.

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, Throughput};
use ews_bench::finditem::{ITEMS, envelope, messages};
use ews_bench::messages::FindItemResponse;
use xsd_runtime::Element;
use xsd_runtime::limits::Limits;
use yaserde::__xml::reader::XmlEvent as ReadEvent;
use yaserde::__xml::writer::XmlEvent as WriteEvent;
use yaserde::de::Deserializer;
use yaserde::{YaDeserialize, YaSerialize};

const SOAP: &str = "http://schemas.xmlsoap.org/soap/envelope/";

/// Reads the body of a SOAP envelope into a `T` through the generated
/// types, skipping the header; the envelope must end after the body.
fn read<T: Element + YaDeserialize>(bytes: &[u8]) -> Result<T, String> {
    let text = |e: yaserde::Error| e.to_string();
    let mut de = Deserializer::new_from_reader(bytes);
    let is_soap = |name: &yaserde::__xml::name::OwnedName, local: &str| {
        name.namespace.as_deref() == Some(SOAP) && name.local_name == local
    };
    match de.next_event().map_err(text)? {
        ReadEvent::StartElement { name, .. } if is_soap(&name, "Envelope") => {}
        other => return Err(format!("not a SOAP envelope: {other:?}")),
    }
    loop {
        match de.next_event().map_err(text)? {
            ReadEvent::StartElement { name, .. } if is_soap(&name, "Header") => {
                de.skip_element(|_| {}).map_err(text)?;
            }
            ReadEvent::StartElement { name, .. } if is_soap(&name, "Body") => break,
            other => {
                return Err(format!(
                    "expected soap:Header or soap:Body, found {other:?}"
                ));
            }
        }
    }
    match de.peek().map_err(text)? {
        ReadEvent::StartElement { name, .. }
            if name.local_name == T::LOCAL_NAME
                && name.namespace.as_deref().unwrap_or("") == T::NAMESPACE => {}
        other => {
            return Err(format!(
                "expected {} in the body, found {other:?}",
                T::LOCAL_NAME
            ));
        }
    }
    let value = T::deserialize(&mut de).map_err(text)?;
    for end in [T::LOCAL_NAME, "Body", "Envelope"] {
        match de.next_event().map_err(text)? {
            ReadEvent::EndElement { name } if name.local_name == end => {}
            other => return Err(format!("expected the end of {end}, found {other:?}")),
        }
    }
    Ok(value)
}

/// Writes `body` in a SOAP envelope through the generated types.
fn write<T: YaSerialize>(body: &T) -> String {
    let config = yaserde::ser::Config {
        perform_indent: false,
        write_document_declaration: true,
        indent_string: None,
    };
    let mut w = yaserde::ser::Serializer::new_from_writer(Vec::new(), &config);
    w.write(WriteEvent::start_element("s:Envelope").ns("s", SOAP))
        .unwrap();
    w.write(WriteEvent::start_element("s:Body")).unwrap();
    w.set_start_event_name(None);
    w.set_skip_start_end(false);
    body.serialize(&mut w).unwrap();
    w.write(WriteEvent::end_element()).unwrap();
    w.write(WriteEvent::end_element()).unwrap();
    String::from_utf8(w.into_inner()).unwrap()
}

/// The limits the fast backend reads the response within: the defaults,
/// but for the length and the elements (a 10,000-item response is over
/// both).
fn limits() -> Limits {
    Limits {
        max_document_len: 64 << 20,
        max_elements: 1 << 20,
        ..Limits::default()
    }
}

/// Reads the response with the runtime's SOAP layer on the fast backend.
fn read_quick(bytes: &[u8]) -> Result<FindItemResponse, xsd_runtime::soap::Error> {
    xsd_runtime::soap::from_envelope_with(bytes, &limits())
}

/// xml-rs in the configuration yaserde gives it.
fn xml_rs_config() -> yaserde::__xml::ParserConfig {
    yaserde::__xml::ParserConfig::new()
        .trim_whitespace(true)
        .whitespace_to_characters(true)
        .cdata_to_characters(true)
        .ignore_comments(true)
        .coalesce_characters(true)
}

fn xml_rs_read(bytes: &[u8]) {
    let mut reader = xml_rs_config().create_reader(bytes);
    loop {
        match reader.next().unwrap() {
            ReadEvent::EndDocument => break,
            event => {
                black_box(event);
            }
        }
    }
}

fn quick_xml_read(bytes: &[u8]) {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_reader(bytes);
    loop {
        match reader.read_event().unwrap() {
            Event::Eof => break,
            event => {
                black_box(event);
            }
        }
    }
}

fn xml_rs_events(bytes: &[u8]) -> Vec<ReadEvent> {
    let mut reader = xml_rs_config().create_reader(bytes);
    let mut events = Vec::new();
    loop {
        match reader.next().unwrap() {
            ReadEvent::EndDocument => return events,
            event => events.push(event),
        }
    }
}

fn quick_xml_events(bytes: &[u8]) -> Vec<quick_xml::events::Event<'static>> {
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

fn benches(c: &mut Criterion) {
    let doc = envelope(ITEMS);
    let bytes = doc.as_bytes();

    // The bench measures real work: the document reads into ITEMS typed
    // messages, writes back to the same tree, and reads back the same.
    let value: FindItemResponse = read(bytes).expect("the FindItem response reads");
    assert_eq!(messages(&value), ITEMS, "messages read");
    let written = write(&value);
    testkit::xml_tree_eq(&doc, &written)
        .unwrap_or_else(|d| panic!("the written response differs: {d}"));
    let again: FindItemResponse = read(written.as_bytes()).expect("the written response reads");
    assert!(
        again == value,
        "the written response reads back differently"
    );
    // The same through the fast backend: the same value, the same document.
    let quick = read_quick(bytes).expect("the fast backend reads the response");
    assert!(quick == value, "the fast backend reads another value");
    let written_quick = xsd_runtime::soap::to_envelope(&value).expect("the response writes");
    testkit::xml_tree_eq(&doc, &written_quick)
        .unwrap_or_else(|d| panic!("the fast backend writes another response: {d}"));

    let mut group = c.benchmark_group("ews_read_finditem");
    group.throughput(Throughput::Bytes(bytes.len() as u64));
    group.bench_function("bindings-quick", |b| {
        b.iter(|| black_box(read_quick(black_box(bytes)).unwrap()))
    });
    group.bench_function("bindings-yaserde", |b| {
        b.iter(|| black_box(read::<FindItemResponse>(black_box(bytes)).unwrap()))
    });
    group.bench_function("xml-rs", |b| b.iter(|| xml_rs_read(black_box(bytes))));
    group.bench_function("quick-xml", |b| b.iter(|| quick_xml_read(black_box(bytes))));
    group.finish();

    let xml_rs = xml_rs_events(bytes);
    let quick = quick_xml_events(bytes);
    let mut group = c.benchmark_group("ews_write_finditem");
    group.throughput(Throughput::Bytes(bytes.len() as u64));
    group.bench_function("bindings-quick", |b| {
        b.iter(|| black_box(xsd_runtime::soap::to_envelope(&value).unwrap()))
    });
    group.bench_function("bindings-yaserde", |b| b.iter(|| black_box(write(&value))));
    group.bench_function("xml-rs", |b| {
        b.iter(|| {
            let config = yaserde::__xml::EmitterConfig::new().perform_indent(false);
            let mut writer = yaserde::__xml::EventWriter::new_with_config(Vec::new(), config);
            for event in &xml_rs {
                if let Some(event) = event.as_writer_event() {
                    writer.write(event).unwrap();
                }
            }
            black_box(writer.into_inner());
        })
    });
    group.bench_function("quick-xml", |b| {
        b.iter(|| {
            let mut writer = quick_xml::Writer::new(Vec::new());
            for event in &quick {
                writer.write_event(event.borrow()).unwrap();
            }
            black_box(writer.into_inner());
        })
    });
    group.finish();
}

fn main() {
    // A read takes tens of milliseconds: ten samples are enough.
    let mut c = Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(5))
        .configure_from_args();
    benches(&mut c);
    c.final_summary();
}
