//! What every peers bench does with its documents: one read group and one
//! write group, each with every subject and every floor over all the
//! documents of the set.

use std::hint::black_box;

use criterion::{Criterion, Throughput};
use peers_bench::floors;
use peers_bench::subjects::Codec;

/// A document of a set, with the subjects (typed bindings) that read and
/// write it, by bench function name.
pub struct Doc {
    name: String,
    bytes: Vec<u8>,
    subjects: Vec<(&'static str, Codec)>,
}

impl Doc {
    pub fn new(name: impl Into<String>, bytes: Vec<u8>) -> Self {
        Doc {
            name: name.into(),
            bytes,
            subjects: Vec::new(),
        }
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    pub fn bytes(&self) -> &[u8] {
        &self.bytes
    }

    /// Adds `subject`.
    pub fn with(mut self, subject: &'static str, codec: Codec) -> Self {
        self.subjects.push((subject, codec));
        self
    }
}

/// The groups `<set>_read` and `<set>_write` over `docs`.
///
/// Reading: each subject, then `nsreader` (quick-xml 0.41), `nsreader-0.38`
/// (quick-xml 0.38, xsd-parser's) and `xml-rs`. Writing: each subject,
/// then `quick-xml` and `xml-rs` replaying the document's events.
pub fn bench_set(c: &mut Criterion, set: &str, docs: &[Doc]) {
    let subjects: Vec<&str> = docs[0].subjects.iter().map(|(name, _)| *name).collect();
    for doc in docs {
        let here: Vec<&str> = doc.subjects.iter().map(|(name, _)| *name).collect();
        assert_eq!(
            here, subjects,
            "{}: every document has the same subjects",
            doc.name
        );
        // The floors read every document without error.
        floors::nsreader(&doc.bytes);
        floors::nsreader_038(&doc.bytes);
        floors::xml_rs_read(&doc.bytes);
    }
    let bytes: u64 = docs.iter().map(|d| d.bytes.len() as u64).sum();
    eprintln!(
        "{set}: {} documents, {bytes} bytes; subjects: {}",
        docs.len(),
        subjects.join(", ")
    );

    let mut group = c.benchmark_group(format!("{set}_read"));
    group.throughput(Throughput::Bytes(bytes));
    for (i, subject) in subjects.iter().enumerate() {
        group.bench_function(*subject, |b| {
            b.iter(|| {
                for doc in docs {
                    doc.subjects[i].1.read(black_box(&doc.bytes));
                }
            })
        });
    }
    type Floor = fn(&[u8]);
    let floors: [(&str, Floor); 3] = [
        ("nsreader", floors::nsreader),
        ("nsreader-0.38", floors::nsreader_038),
        ("xml-rs", floors::xml_rs_read),
    ];
    for (name, read) in floors {
        group.bench_function(name, |b| {
            b.iter(|| {
                for doc in docs {
                    read(black_box(&doc.bytes));
                }
            })
        });
    }
    group.finish();

    let quick: Vec<_> = docs
        .iter()
        .map(|d| floors::quick_xml_events(&d.bytes))
        .collect();
    let xml_rs: Vec<_> = docs
        .iter()
        .map(|d| floors::xml_rs_events(&d.bytes))
        .collect();
    let mut group = c.benchmark_group(format!("{set}_write"));
    group.throughput(Throughput::Bytes(bytes));
    for (i, subject) in subjects.iter().enumerate() {
        group.bench_function(*subject, |b| {
            b.iter(|| {
                for doc in docs {
                    black_box(doc.subjects[i].1.write());
                }
            })
        });
    }
    group.bench_function("quick-xml", |b| {
        b.iter(|| {
            for events in &quick {
                black_box(floors::quick_xml_write(events));
            }
        })
    });
    group.bench_function("xml-rs", |b| {
        b.iter(|| {
            for events in &xml_rs {
                black_box(floors::xml_rs_write(events));
            }
        })
    });
    group.finish();
}
