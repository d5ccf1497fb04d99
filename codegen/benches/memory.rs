//! Peak memory of generating the UM schema and the full EWS schema end to
//! end (`Config::generate`), measured with dhat, against the size of the
//! input (the bytes of every schema file of the set).
//!
//! Prints one line per schema set, which `bench/report` reads:
//!
//! ```text
//! memory ews input_bytes=706391 peak_bytes=... ratio=... lines=... types=...
//! ```
//!
//! `ratio` is peak heap bytes over input bytes. The peak is of the heap
//! while generating, from the first byte read to the returned text (which
//! it includes); `lines` and `types` (structs and enums) are of the
//! generated code.

mod common;

#[global_allocator]
static ALLOC: dhat::Alloc = dhat::Alloc;

/// How many structs and enums `items` define, in modules too (as the
/// `codegen` command counts them in its summary).
fn rust_types(items: &[syn::Item]) -> usize {
    items
        .iter()
        .map(|item| match item {
            syn::Item::Struct(_) | syn::Item::Enum(_) => 1,
            syn::Item::Mod(m) => m.content.as_ref().map_or(0, |(_, items)| rust_types(items)),
            _ => 0,
        })
        .sum()
}

fn main() {
    // Criterion's arguments, when run from `bench/report`, are not for us.
    for case in common::cases() {
        let roots = [&case.root];
        let input: u64 = case
            .files()
            .iter()
            .map(|f| std::fs::metadata(f).expect("schema file").len())
            .sum();
        let profiler = dhat::Profiler::builder().testing().build();
        let code = case.config.generate(&roots).expect("the schema generates");
        let peak = dhat::HeapStats::get().max_bytes;
        drop(profiler);
        let types = rust_types(&syn::parse_file(&code).expect("valid Rust").items);
        println!(
            "memory {} input_bytes={input} peak_bytes={peak} ratio={:.2} lines={} types={types}",
            case.name,
            peak as f64 / input as f64,
            code.lines().count(),
        );
    }
}
