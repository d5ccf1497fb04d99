//! Peak memory of generating the UM schema and the full EWS schema end to
//! end, measured with dhat, against the size of the input (the bytes of
//! every schema file of the set), beside the floor of roxmltree parsing the
//! same files.
//!
//! Prints three lines per schema set, which `bench/report` reads:
//!
//! ```text
//! memory ews:compile input_bytes=706391 peak_bytes=... ratio=... lines=... types=...
//! memory ews:generate input_bytes=706391 peak_bytes=... ratio=... lines=... types=...
//! memory ews:roxmltree input_bytes=706391 peak_bytes=... ratio=... lines=... types=...
//! ```
//!
//! - `compile`: `Config::compile`, what a build script runs: the file is
//!   written as it is formatted, item by item;
//! - `generate`: `Config::generate`, which returns the whole text (so its
//!   peak includes the text, and the growing of its buffer);
//! - `roxmltree`: reading every file of the set and keeping its
//!   `roxmltree::Document`, all at once (as the generator's parse stage
//!   does): the floor.
//!
//! `ratio` is peak heap bytes over input bytes. The peak is of the heap
//! from the first byte read to the end; `lines` and `types` (structs and
//! enums) are of the generated code.

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

/// The peak heap bytes of running `f`, and what it returns.
fn peak<T>(f: impl FnOnce() -> T) -> (u64, T) {
    let profiler = dhat::Profiler::builder().testing().build();
    let value = f();
    let peak = dhat::HeapStats::get().max_bytes as u64;
    drop(profiler);
    (peak, value)
}

fn main() {
    // Criterion's arguments, when run from `bench/report`, are not for us.
    let out_dir = std::env::temp_dir().join(format!("xsd-codegen-memory-{}", std::process::id()));
    std::fs::create_dir_all(&out_dir).expect("a temporary directory");
    for case in common::cases() {
        let roots = [&case.root];
        let files = case.files();
        let input: u64 = files
            .iter()
            .map(|f| std::fs::metadata(f).expect("schema file").len())
            .sum();
        let (generate, code) = peak(|| case.config.generate(&roots).expect("the schema generates"));
        let mut config = case.config.clone();
        config.out_dir(&out_dir).cargo_directives(false);
        let (compile, path) = peak(|| config.compile(&roots).expect("the schema generates"));
        let written = std::fs::read_to_string(&path).expect("the generated file");
        assert_eq!(written, code, "compile writes what generate returns");
        let (floor, ()) = peak(|| {
            let texts: Vec<String> = files
                .iter()
                .map(|f| std::fs::read_to_string(f).expect("schema file"))
                .collect();
            let docs: Vec<roxmltree::Document<'_>> = texts
                .iter()
                .map(|t| roxmltree::Document::parse(t).expect("well-formed"))
                .collect();
            std::hint::black_box(&docs);
        });
        let types = rust_types(&syn::parse_file(&code).expect("valid Rust").items);
        let lines = code.lines().count();
        for (what, peak) in [
            ("compile", compile),
            ("generate", generate),
            ("roxmltree", floor),
        ] {
            println!(
                "memory {}:{what} input_bytes={input} peak_bytes={peak} ratio={:.2} lines={lines} types={types}",
                case.name,
                peak as f64 / input as f64,
            );
        }
    }
    let _ = std::fs::remove_dir_all(&out_dir);
}
