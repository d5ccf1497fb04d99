//! The FindItem response of `bench/ews` (10,000 messages; its body element
//! `m:FindItemResponse`, 3 MB), through xsd-parser's bindings of the full
//! EWS schema and ours (`ews-bench`), beside the floors.
//!
//! Groups `finditem_read` and `finditem_write` (see `common::bench_set`;
//! `bench/ews` has `ews_read_finditem` and `ews_write_finditem`, which read
//! the whole envelope); subjects `xsd-parser`
//! (`peer::ews::m::FindItemResponse`), `bindings-yaserde`
//! (`ews_bench::messages::FindItemResponse` through yaserde) and
//! `bindings-quick` (the same through the runtime's fast backend). Each
//! must read the 10,000 messages.

mod common;

use std::time::Duration;

use common::Doc;
use criterion::Criterion;
use ews_bench::finditem::{ITEMS, messages};
use peers_bench::{documents, peer, subjects};

fn main() {
    let doc = Doc::new("FindItemResponse", documents::finditem_body());
    let (name, bytes) = (doc.name(), doc.bytes());
    let root = "m:FindItemResponse";
    let xsd_parser =
        subjects::xsd_parser::<peer::ews::m::FindItemResponse>(name, bytes, root, |v| {
            assert_eq!(
                documents::xsd_parser_messages(v),
                ITEMS,
                "xsd-parser's messages"
            );
        });
    let yaserde = subjects::yaserde::<ews_bench::messages::FindItemResponse>(name, bytes, |v| {
        assert_eq!(messages(v), ITEMS, "bindings-yaserde's messages");
    });
    let quick = subjects::quick::<ews_bench::messages::FindItemResponse>(name, bytes, |v| {
        assert_eq!(messages(v), ITEMS, "bindings-quick's messages");
    });
    let docs = [doc
        .with("xsd-parser", xsd_parser)
        .with("bindings-yaserde", yaserde)
        .with("bindings-quick", quick)];

    // A read takes milliseconds: ten samples are enough.
    let mut c = Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(5))
        .configure_from_args();
    common::bench_set(&mut c, "finditem", &docs);
    c.final_summary();
}
