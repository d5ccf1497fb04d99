//! Reading and writing the UM golden documents (`tests/golden/`, each a whole
//! SOAP envelope) through the bindings, against baselines on the same bytes.
//!
//! Four groups, each over all eleven documents of its kind:
//!
//! - `um_read_requests`, `um_read_responses`: `bindings-quick` is
//!   `soap::from_envelope` / `soap::read_response` into the typed value
//!   (the fast backend, quick-xml, the default); `bindings-yaserde` is the
//!   same through xml-rs (`soap::from_envelope_using` with
//!   `Backend::XmlRs`, the generated readers on yaserde's `Deserializer`);
//!   `xml-rs` is a plain xml-rs event loop (in yaserde's configuration: the
//!   floor for a yaserde-based reader); `quick-xml` is quick-xml's reader
//!   loop (the fastest Rust XML tokenizer).
//! - `um_write_requests`, `um_write_responses`: `bindings-quick` is
//!   `soap::to_envelope` of the typed value (the runtime's writer);
//!   `bindings-yaserde` writes the envelope with yaserde's `Serializer` and
//!   the body with the type's `YaSerialize`; `xml-rs` and `quick-xml` write
//!   the document's events (read beforehand) with each crate's writer.
//!
//! `bench/report` runs this and prints every ratio subject/baseline.

use std::hint::black_box;
use std::path::Path;
use std::time::Duration;

use criterion::{Criterion, Throughput};
use um_bindings::soap::{Backend, Limits};
use um_bindings::*;

/// The xml-rs backend of the envelope reader.
const XMLRS: Backend = Backend::XmlRs;

/// A golden document, with its typed readers and writers.
struct Golden {
    bytes: Vec<u8>,
    /// Reads the document through the bindings, on quick-xml.
    read_quick: fn(&[u8]),
    /// Reads the document through the bindings, on xml-rs (yaserde's).
    read_yaserde: fn(&[u8]),
    /// Writes the (once read) value through the runtime's writer.
    write_quick: Writer,
    /// Writes the (once read) value through yaserde's serializer.
    write_yaserde: Writer,
}

/// Writes a value through the bindings.
type Writer = Box<dyn Fn() -> String>;

/// The writers of the `T` read from the envelope in `bytes` with `parse`:
/// through the runtime's writer and through yaserde's (each checked to
/// write what the other does).
fn writers<T>(bytes: &[u8], parse: fn(&[u8]) -> Result<T, soap::Error>) -> (Writer, Writer)
where
    T: Root + yaserde::YaSerialize + Clone + 'static,
{
    let value = parse(bytes).expect("golden documents parse");
    let quick = soap::to_envelope(&value).expect("golden values write");
    let yaserde = yaserde_envelope(&value);
    testkit::xml_tree_eq(&quick, &yaserde)
        .unwrap_or_else(|d| panic!("yaserde writes another envelope: {d}"));
    let other = value.clone();
    (
        Box::new(move || soap::to_envelope(&value).expect("golden values write")),
        Box::new(move || yaserde_envelope(&other)),
    )
}

const SOAP: &str = "http://schemas.xmlsoap.org/soap/envelope/";

/// `body` in a SOAP envelope, written with yaserde's `Serializer` (the
/// envelope's tags) and the body's `YaSerialize`.
fn yaserde_envelope<T: yaserde::YaSerialize>(body: &T) -> String {
    use yaserde::__xml::writer::XmlEvent;
    let config = yaserde::ser::Config {
        perform_indent: false,
        write_document_declaration: true,
        indent_string: None,
    };
    let mut w = yaserde::ser::Serializer::new_from_writer(Vec::new(), &config);
    w.write(XmlEvent::start_element("soap:Envelope").ns("soap", SOAP))
        .unwrap();
    w.write(XmlEvent::start_element("soap:Body")).unwrap();
    w.set_start_event_name(None);
    w.set_skip_start_end(false);
    body.serialize(&mut w).unwrap();
    w.write(XmlEvent::end_element()).unwrap();
    w.write(XmlEvent::end_element()).unwrap();
    String::from_utf8(w.into_inner()).unwrap()
}

/// The golden documents of one side (`"request"` or `"response"`), by operation.
fn goldens(side: &str) -> Vec<Golden> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden");
    let mut out = Vec::new();
    macro_rules! by_operation {
        ($($name:ident: $op:ty => $response:ty;)*) => {$({
            let name = format!("{}.{side}.xml", <$op as Request>::OPERATION);
            let bytes = std::fs::read(dir.join(&name)).expect("golden file");
            let golden = if side == "request" {
                let (write_quick, write_yaserde) =
                    writers(&bytes, |b| soap::from_envelope::<$op>(b));
                Golden {
                    bytes,
                    read_quick: |b| {
                        black_box(soap::from_envelope::<$op>(b).unwrap());
                    },
                    read_yaserde: |b| {
                        black_box(
                            soap::from_envelope_using::<$op>(b, &Limits::default(), XMLRS)
                                .unwrap(),
                        );
                    },
                    write_quick,
                    write_yaserde,
                }
            } else {
                let (write_quick, write_yaserde) =
                    writers(&bytes, |b| soap::read_response::<$op>(b));
                Golden {
                    bytes,
                    read_quick: |b| {
                        black_box(soap::read_response::<$op>(b).unwrap());
                    },
                    read_yaserde: |b| {
                        black_box(
                            soap::read_response_using::<$op>(b, &Limits::default(), XMLRS)
                                .unwrap(),
                        );
                    },
                    write_quick,
                    write_yaserde,
                }
            };
            out.push(golden);
        })*};
    }
    um_bindings::for_each_operation!(by_operation);
    out
}

/// xml-rs in the configuration the bindings give it (yaserde's, text untrimmed).
fn xml_rs_config() -> yaserde::__xml::ParserConfig {
    yaserde::__xml::ParserConfig::new()
        .trim_whitespace(false)
        .whitespace_to_characters(true)
        .cdata_to_characters(true)
        .ignore_comments(true)
        .coalesce_characters(true)
}

fn xml_rs_read(bytes: &[u8]) {
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

fn xml_rs_events(bytes: &[u8]) -> Vec<yaserde::__xml::reader::XmlEvent> {
    use yaserde::__xml::reader::XmlEvent;
    let mut reader = xml_rs_config().create_reader(bytes);
    let mut events = Vec::new();
    loop {
        match reader.next().unwrap() {
            XmlEvent::EndDocument => return events,
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

fn read(c: &mut Criterion, side: &str) {
    let docs = goldens(side);
    let bytes: u64 = docs.iter().map(|d| d.bytes.len() as u64).sum();
    let mut group = c.benchmark_group(format!("um_read_{side}s"));
    group.throughput(Throughput::Bytes(bytes));
    group.bench_function("bindings-quick", |b| {
        b.iter(|| {
            docs.iter()
                .for_each(|d| (d.read_quick)(black_box(&d.bytes)))
        })
    });
    group.bench_function("bindings-yaserde", |b| {
        b.iter(|| {
            docs.iter()
                .for_each(|d| (d.read_yaserde)(black_box(&d.bytes)))
        })
    });
    group.bench_function("xml-rs", |b| {
        b.iter(|| docs.iter().for_each(|d| xml_rs_read(black_box(&d.bytes))))
    });
    group.bench_function("quick-xml", |b| {
        b.iter(|| {
            docs.iter()
                .for_each(|d| quick_xml_read(black_box(&d.bytes)))
        })
    });
    group.finish();
}

fn write(c: &mut Criterion, side: &str) {
    let docs = goldens(side);
    let bytes: u64 = docs.iter().map(|d| d.bytes.len() as u64).sum();
    let xml_rs: Vec<_> = docs.iter().map(|d| xml_rs_events(&d.bytes)).collect();
    let quick: Vec<_> = docs.iter().map(|d| quick_xml_events(&d.bytes)).collect();
    let mut group = c.benchmark_group(format!("um_write_{side}s"));
    group.throughput(Throughput::Bytes(bytes));
    group.bench_function("bindings-quick", |b| {
        b.iter(|| docs.iter().for_each(|d| drop(black_box((d.write_quick)()))))
    });
    group.bench_function("bindings-yaserde", |b| {
        b.iter(|| {
            docs.iter()
                .for_each(|d| drop(black_box((d.write_yaserde)())))
        })
    });
    group.bench_function("xml-rs", |b| {
        b.iter(|| {
            for events in &xml_rs {
                let config = yaserde::__xml::EmitterConfig::new().perform_indent(false);
                let mut writer = yaserde::__xml::EventWriter::new_with_config(Vec::new(), config);
                for event in events {
                    if let Some(event) = event.as_writer_event() {
                        writer.write(event).unwrap();
                    }
                }
                black_box(writer.into_inner());
            }
        })
    });
    group.bench_function("quick-xml", |b| {
        b.iter(|| {
            for events in &quick {
                let mut writer = quick_xml::Writer::new(Vec::new());
                for event in events {
                    writer.write_event(event.borrow()).unwrap();
                }
                black_box(writer.into_inner());
            }
        })
    });
    group.finish();
}

fn benches(c: &mut Criterion) {
    read(c, "request");
    read(c, "response");
    write(c, "request");
    write(c, "response");
}

fn main() {
    // The documents are small: a short run gives stable numbers.
    let mut c = Criterion::default()
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3))
        .configure_from_args();
    benches(&mut c);
    c.final_summary();
}
