//! Peak heap of reading the FindItem body (`documents::finditem_body`) into
//! a typed value, measured with dhat, against the size of the input; the
//! value is alive at the end, so the peak holds it.
//!
//! Prints one line per reader, which `bench/report` reads:
//!
//! ```text
//! memory finditem:xsd-parser input_bytes=... peak_bytes=... ratio=...
//! memory finditem:bindings-yaserde input_bytes=... peak_bytes=... ratio=...
//! memory finditem:bindings-quick input_bytes=... peak_bytes=... ratio=...
//! memory finditem:nsreader input_bytes=... peak_bytes=... ratio=...
//! ```
//!
//! `nsreader` is the floor: `floors::nsreader` keeps nothing.

use std::hint::black_box;

use ews_bench::finditem::{ITEMS, messages};
use peers_bench::{documents, floors, peer, subjects};

#[global_allocator]
static ALLOC: dhat::Alloc = dhat::Alloc;

/// The peak heap bytes of running `f`, and what it returns (alive at the end).
fn peak<T>(f: impl FnOnce() -> T) -> (u64, T) {
    let profiler = dhat::Profiler::builder().testing().build();
    let value = f();
    let peak = dhat::HeapStats::get().max_bytes as u64;
    drop(profiler);
    (peak, value)
}

fn main() {
    // Criterion's arguments, when run from `bench/report`, are not for us.
    let bytes = documents::finditem_body();
    let input = bytes.len() as u64;
    let (xsd_parser, value) = peak(|| {
        subjects::xsd_parser_read::<peer::ews::m::FindItemResponse>(&bytes)
            .expect("xsd-parser reads")
    });
    assert_eq!(documents::xsd_parser_messages(&value), ITEMS);
    drop(value);
    let (yaserde, value) = peak(|| {
        subjects::yaserde_read::<ews_bench::messages::FindItemResponse>(&bytes)
            .expect("yaserde reads")
    });
    assert_eq!(messages(&value), ITEMS);
    drop(value);
    let (quick, value) = peak(|| {
        subjects::quick_read::<ews_bench::messages::FindItemResponse>(&bytes)
            .expect("bindings-quick reads")
    });
    assert_eq!(messages(&value), ITEMS);
    drop(value);
    let (floor, ()) = peak(|| floors::nsreader(black_box(&bytes)));
    for (what, peak) in [
        ("xsd-parser", xsd_parser),
        ("bindings-yaserde", yaserde),
        ("bindings-quick", quick),
        ("nsreader", floor),
    ] {
        println!(
            "memory finditem:{what} input_bytes={input} peak_bytes={peak} ratio={:.2}",
            peak as f64 / input as f64
        );
    }
}
