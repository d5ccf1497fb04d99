//! Generation speed: the UM schema (`schema/Messages.xsd`) and the full EWS
//! schema (`$EWS_SCHEMA_DIR`, default `../shared/ews/2023`), stage by stage
//! and end to end, beside the floor of reading and parsing the same files
//! with roxmltree.
//!
//! Two groups, `generate_um` and `generate_ews` (skipped, with a message,
//! when the EWS schema is not there), each with the functions:
//!
//! - `roxmltree`: reading every schema file of the set and
//!   `roxmltree::Document::parse` of each: no generator can be faster;
//! - `parse`: `xsd::load`, reading and parsing the set (imports followed);
//! - `resolve`: `resolve::resolve` of the parsed schemas;
//! - `emit`: `emit::emit` of the resolved model, its pieces collected;
//! - `format`: `format::format_pieces` of the emitted pieces;
//! - `end_to_end`: `Config::generate`, all of the above.
//!
//! `bench/report` runs this and prints each stage and end to end over
//! `roxmltree`.

mod common;

use std::hint::black_box;
use std::time::Duration;

use criterion::{BatchSize, Criterion, SamplingMode, Throughput};
use xsd_codegen::{emit, format, resolve, xsd};

fn generate(c: &mut Criterion, case: &common::Case) {
    let files = case.files();
    let texts: u64 = files
        .iter()
        .map(|f| std::fs::metadata(f).expect("schema file").len())
        .sum();
    let roots = [&case.root];
    let schemas = xsd::load(&roots).expect("the schema loads");
    let model = case.config.model(&roots).expect("the schema resolves");
    let options = emit::Options::default();
    let pieces = |model| {
        let mut pieces = Vec::new();
        emit::emit(model, &options, |piece| {
            pieces.push(piece);
            Ok::<_, std::convert::Infallible>(())
        })
        .unwrap_or_else(|never| match never {});
        pieces
    };
    let emitted = pieces(&model);

    let mut group = c.benchmark_group(format!("generate_{}", case.name));
    group.throughput(Throughput::Bytes(texts));
    if case.name == "ews" {
        // Up to a second an iteration: one iteration per sample, ten samples.
        group
            .sampling_mode(SamplingMode::Flat)
            .measurement_time(Duration::from_secs(12));
    }
    group.bench_function("roxmltree", |b| {
        b.iter(|| {
            for file in &files {
                let text = std::fs::read_to_string(file).expect("schema file");
                let doc = roxmltree::Document::parse(&text).expect("well-formed");
                black_box(doc.root_element());
            }
        })
    });
    group.bench_function("parse", |b| {
        b.iter(|| black_box(xsd::load(&roots).expect("the schema loads")))
    });
    group.bench_function("resolve", |b| {
        b.iter(|| black_box(resolve::resolve(&schemas).expect("the schema resolves")))
    });
    group.bench_function("emit", |b| b.iter(|| black_box(pieces(&model))));
    group.bench_function("format", |b| {
        b.iter_batched(
            || emitted.clone(),
            |pieces| black_box(format::format_pieces(pieces, &model.sources).expect("valid Rust")),
            BatchSize::LargeInput,
        )
    });
    group.bench_function("end_to_end", |b| {
        b.iter(|| black_box(case.config.generate(&roots).expect("the schema generates")))
    });
    group.finish();
}

fn main() {
    let mut c = Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3))
        .configure_from_args();
    for case in common::cases() {
        generate(&mut c, &case);
    }
    c.final_summary();
}
