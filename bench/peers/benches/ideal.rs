//! The iDEAL merchant-acquirer example (a `DirectoryReq` with an XML
//! signature, read whole), through xsd-parser's bindings, beside the floors.
//!
//! Groups `ideal_read` and `ideal_write` (see `common::bench_set`); subject
//! `xsd-parser` (`peer::ideal::DirectoryReq`).
//!
//! No `bindings-yaserde` (nor `bindings-quick`) here: our generator does not
//! handle the schema yet. The XML signature schema it imports has a DOCTYPE
//! (refused: `malformed XML: XML with DTD detected`), and without it eight
//! of its types have mixed content and one a sequence inside a choice, both
//! unsupported (`codegen` names each). When it does, generate the bindings
//! in `build.rs` and add them as `um.rs` does.

mod common;

use std::time::Duration;

use common::Doc;
use criterion::Criterion;
use peers_bench::{documents, peer, subjects};

fn main() {
    let doc = Doc::new("merchant-acquirer.xml", documents::ideal_example());
    let xsd_parser = subjects::xsd_parser::<peer::ideal::DirectoryReq>(
        doc.name(),
        doc.bytes(),
        "DirectoryReq",
        |_| {},
    );
    let docs = [doc.with("xsd-parser", Some(xsd_parser))];

    // The document is small: a short run gives stable numbers.
    let mut c = Criterion::default()
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3))
        .configure_from_args();
    common::bench_set(&mut c, "ideal", &docs);
    c.final_summary();
}
