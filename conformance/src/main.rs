//! The conformance runner's command line: `conformance w3c`,
//! `conformance real-world` (and the hidden `generate-batch` it runs itself as).

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use clap::{Parser, Subcommand};
use conformance::{cases, generate, invalid, pipeline::Settings, realworld, report, w3c};

#[derive(Parser)]
#[command(
    about = "Generate, compile and round-trip the W3C XML Schema test suite and real-world schema sets"
)]
struct Cli {
    #[command(subcommand)]
    command: Commands,
}

/// Options of both runs.
#[derive(clap::Args)]
struct Common {
    /// Only the cases (W3C: schema or instance path) or sets whose name contains this.
    #[arg(long)]
    filter: Option<String>,
    /// Generated schemas compiled together in one crate.
    #[arg(long, default_value_t = 150)]
    batch_size: usize,
    /// Processes at a time (generators, builds).
    #[arg(long, default_value_t = 2)]
    jobs: usize,
    /// The work directory (generated code, batch crates, results).
    #[arg(long)]
    out: Option<PathBuf>,
    /// An earlier results file to compare with.
    #[arg(long)]
    compare: Option<PathBuf>,
    /// How many causes to list.
    #[arg(long, default_value_t = 30)]
    top: usize,
    /// Fail (status 1) when fewer cases pass than the floors (CI): w3c::BASELINE less
    /// w3c::MARGIN, realworld::FLOORS.
    #[arg(long)]
    check: bool,
}

/// Options of the W3C run only.
#[derive(clap::Args)]
struct Validate {
    /// Check each document written back with an independent validator (the
    /// Python package xmlschema, installed from PyPI into a virtual
    /// environment in the work directory on first use), beside its original.
    /// Not with `--invalid`.
    #[arg(long, conflicts_with = "invalid")]
    validate: bool,
}

#[derive(Subcommand)]
enum Commands {
    /// The W3C suite's valid cases (`$W3C_CASES`, default `../shared/w3c-cases.tsv`,
    /// paths relative to `$W3C_SUITE_DIR`, default `../shared/w3c-xsdtests`).
    W3c {
        /// A fixed sample of about this many cases, spread over every set.
        #[arg(long, conflicts_with = "all")]
        sample: Option<usize>,
        /// Every case (the default).
        #[arg(long)]
        all: bool,
        /// The invalid NIST instances instead (`nistData/**/NISTXML-SV-II-*.xml`,
        /// each with its `NISTSchema-SV-II-*.xsd`): how many are rejected, by
        /// reading or by `validate()`; `--check` asks for invalid::FLOOR.
        #[arg(long)]
        invalid: bool,
        #[command(flatten)]
        common: Common,
        #[command(flatten)]
        validate: Validate,
    },
    /// The real-world sets (`$REAL_WORLD_DIR`, default `../shared/real-world`).
    RealWorld {
        #[command(flatten)]
        common: Common,
    },
    /// Generates the schema sets listed on standard input (the runner's own child).
    #[command(hide = true)]
    GenerateBatch {
        #[arg(long)]
        out: PathBuf,
    },
}

fn settings(common: &Common, work: PathBuf) -> Result<Settings, String> {
    let root = w3c::workspace_root();
    Ok(Settings {
        exe: std::env::current_exe().map_err(|e| format!("the runner's own path: {e}"))?,
        work,
        jobs: common.jobs,
        batch_size: common.batch_size,
        testkit: root
            .join("testkit")
            .canonicalize()
            .map_err(|e| format!("testkit: {e}"))?,
        lock: root.join("Cargo.lock"),
        written: None,
    })
}

/// The directory a run works in, absolute: the generated code is included
/// by path from crates elsewhere, and cargo runs them in their own directory.
fn work_dir(common: &Common, name: &str) -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map_or_else(|| w3c::workspace_root().join("target"), PathBuf::from);
    let dir = common
        .out
        .clone()
        .unwrap_or_else(|| target.join("conformance"))
        .join(name);
    std::path::absolute(&dir).unwrap_or(dir)
}

/// Writes the results, prints the report, the comparison and the floors' verdict.
fn finish(
    records: &[report::Record],
    common: &Common,
    results: PathBuf,
    text: String,
    check: impl Fn(&[report::Record]) -> Result<(), String>,
) -> Result<(), String> {
    let old = match &common.compare {
        Some(path) => Some(report::read_records(path)?),
        None => None,
    };
    report::write_records(&results, records).map_err(|e| format!("{}: {e}", results.display()))?;
    println!("{text}");
    if let Some(old) = old {
        println!("{}", report::compare(&old, records, 30));
    }
    println!("results: {}", results.display());
    if common.check {
        check(records).map_err(|e| format!("below the floors: {e}"))?;
        println!("floors: passed");
    }
    Ok(())
}

fn run(cli: Cli) -> Result<(), String> {
    let started = Instant::now();
    match cli.command {
        Commands::GenerateBatch { out } => generate::child(&out).map_err(|e| e.to_string()),
        Commands::W3c {
            sample,
            all: _,
            invalid: true,
            common,
            validate: _,
        } => {
            let suite = w3c::shared_default("W3C_SUITE_DIR", "../shared/w3c-xsdtests");
            let mut cases = invalid::cases(&suite)
                .map_err(|e| format!("{}: {e} (set W3C_SUITE_DIR)", suite.display()))?;
            let total = cases.len();
            if let Some(n) = sample {
                cases = cases::sample(&cases, n);
            }
            if let Some(f) = &common.filter {
                cases = cases::filter(cases, f);
            }
            eprintln!("{} of {total} invalid instances", cases.len());
            let work = work_dir(&common, "w3c-invalid");
            let records = w3c::run(&settings(&common, work.clone())?, &suite, &cases)
                .map_err(|e| e.to_string())?;
            let mut text = invalid::render(&records, common.top);
            text.push_str(&format!(
                "\n{} instances in {:.0?}",
                records.len(),
                started.elapsed()
            ));
            finish(
                &records,
                &common,
                work.join("results.jsonl"),
                text,
                invalid::check_floor,
            )
        }
        Commands::W3c {
            sample,
            all: _,
            invalid: false,
            common,
            validate,
        } => {
            let suite = w3c::shared_default("W3C_SUITE_DIR", "../shared/w3c-xsdtests");
            let cases_file = w3c::shared_default("W3C_CASES", "../shared/w3c-cases.tsv");
            let text = std::fs::read_to_string(&cases_file)
                .map_err(|e| format!("{}: {e} (set W3C_CASES)", cases_file.display()))?;
            if !suite.is_dir() {
                return Err(format!(
                    "{}: not a directory (set W3C_SUITE_DIR)",
                    suite.display()
                ));
            }
            let mut cases = cases::parse_tsv(&text)?;
            let total = cases.len();
            if let Some(n) = sample {
                cases = cases::sample(&cases, n);
            }
            if let Some(f) = &common.filter {
                cases = cases::filter(cases, f);
            }
            eprintln!("{} of {total} cases", cases.len());
            let work = work_dir(&common, "w3c");
            let mut settings = settings(&common, work.clone())?;
            let written = work.join("written");
            let python = if validate.validate {
                let python = conformance::validity::python(&work)?;
                let _ = std::fs::remove_dir_all(&written);
                std::fs::create_dir_all(&written).map_err(|e| e.to_string())?;
                settings.written = Some(written.clone());
                Some(python)
            } else {
                None
            };
            let records = w3c::run(&settings, &suite, &cases).map_err(|e| e.to_string())?;
            let mut text = w3c::render(&records, common.top);
            if let Some(python) = python {
                let checked = Instant::now();
                let verdicts =
                    conformance::validity::check(&python, &suite, &written, &records, common.jobs)?;
                let path = work.join("validity.jsonl");
                conformance::validity::write(&path, &verdicts)
                    .map_err(|e| format!("{}: {e}", path.display()))?;
                text.push_str(&format!(
                    "

{}
{} written documents checked in {:.0?}; verdicts: {}",
                    conformance::validity::render(&verdicts, common.top),
                    verdicts.len(),
                    checked.elapsed(),
                    path.display()
                ));
            }
            text.push_str(&format!(
                "\n{} cases in {:.0?}",
                records.len(),
                started.elapsed()
            ));
            finish(
                &records,
                &common,
                work.join("results.jsonl"),
                text,
                w3c::check_floors,
            )
        }
        Commands::RealWorld { common } => {
            let dir = w3c::shared_default("REAL_WORLD_DIR", "../shared/real-world");
            if !dir.is_dir() {
                return Err(format!(
                    "{}: not a directory (set REAL_WORLD_DIR)",
                    dir.display()
                ));
            }
            let work = work_dir(&common, "real-world");
            let filter = common.filter.clone().unwrap_or_default();
            let records = realworld::run(&settings(&common, work.clone())?, &dir, &filter)
                .map_err(|e| e.to_string())?;
            let mut text = realworld::render(&records, common.top);
            text.push_str(&format!("\nin {:.0?}", started.elapsed()));
            finish(
                &records,
                &common,
                work.join("results.jsonl"),
                text,
                realworld::check_floor,
            )
        }
    }
}

fn main() -> ExitCode {
    match run(Cli::parse()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("conformance: {e}");
            ExitCode::FAILURE
        }
    }
}
