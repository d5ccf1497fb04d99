//! `codegen`: generate Rust from XSD by hand, check in CI that generated
//! code is up to date, or see what a new release of a schema changes (build
//! scripts use the library instead).

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use clap::{Parser, Subcommand, ValueEnum};
use xsd_codegen::check::{self, Check};
use xsd_codegen::{Config, Errors, diagnostics};

/// The subcommands, one module each (the binary's; the library has none of them).
mod cli {
    pub mod diff;
}

/// How many lines of diff `--check` shows at most.
const MAX_DIFF_LINES: usize = 80;

const AFTER_HELP: &str = "\
Examples:
  codegen schema/Messages.xsd -o src/messages.rs           generate (writes only if changed)
  codegen schema/Messages.xsd -o src/messages.rs --check   in CI: fail with a diff if stale
  codegen diff old/Messages.xsd new/Messages.xsd           what a new schema release changes

'--help' shows a worked example.";

const AFTER_LONG_HELP: &str = "\
Example: the UM bindings, regenerated after a schema change, and checked in CI

  $ codegen schema/Messages.xsd -o src/messages.rs
  codegen: reading schema/Messages.xsd
  codegen: 28 types, 1444 lines from 1 schema file in 24.1ms; wrote src/messages.rs

  Someone adds <xs:element name=\"Reason\" type=\"xs:string\" minOccurs=\"0\"/>
  to Disconnect in the schema, and forgets to regenerate. CI runs:

  $ codegen schema/Messages.xsd -o src/messages.rs --check
  codegen: reading schema/Messages.xsd
  --- src/messages.rs (on disk)
  +++ src/messages.rs (generated now)
  @@ -7,22 +7,27 @@
   pub struct Disconnect {
       /// The identifier of the call, as returned in a PlayOnPhoneResponse ...
       pub call_id: ::std::string::String,
  +    /// The `Reason` child element.
  +    pub reason: ::std::option::Option<::std::string::String>,
   }
  ...
  codegen: src/messages.rs is out of date: run the same command without --check to regenerate it

  and fails (status 1). Once regenerated, the same check passes:

  $ codegen schema/Messages.xsd -o src/messages.rs --check
  codegen: reading schema/Messages.xsd
  codegen: src/messages.rs is up to date

  A mistake in the schema is shown where it stands, with every other one:

  $ codegen schema/Messages.xsd
  schema/Messages.xsd:127:9: error: unresolved reference to `{http://...}DisconnectReason` in element Reason
      |
  127 |         <xs:element name=\"Reason\" type=\"m:DisconnectReason\" minOccurs=\"0\"/>
      |         ^^^^^^^^^^^

  1 error

Other uses:
  codegen schema/Messages.xsd                 print the code to standard output
  codegen --emit-ir schema/Messages.xsd       print the intermediate model
  codegen a.xsd b.xsd -o out.rs               several schemas into one file
  codegen ews/messages.xsd --out-dir src/ews  one file per namespace (mod.rs, types.rs, ...)
  codegen x.xsd --derive Eq --derive Hash     more derives on every type
  codegen x.xsd --module urn:a:types=ty       name a namespace's module
  codegen x.xsd --open-enums                  keep undeclared enumeration values
  codegen x.xsd --runtime-path crate::rt      name the runtime crate by another path
  codegen diff old.xsd new.xsd                what a new release adds and removes
                                              (status 1 if it removes anything;
                                              'codegen diff --help' for more)

Progress and the summary go to standard error (-q silences them); diffs go
to standard output. Colors follow --color, and NO_COLOR.

Exit status: 0 success; 1 schema errors, a file that cannot be read or
written, or (with --check) a file that is not up to date; 2 wrong arguments.";

/// Generate Rust types that read and write their XML (through the xsd-runtime
/// crate, and yaserde's traits) from XML Schema files.
#[derive(Debug, Parser)]
#[command(
    name = "codegen",
    version,
    after_help = AFTER_HELP,
    after_long_help = AFTER_LONG_HELP,
    args_conflicts_with_subcommands = true,
    subcommand_negates_reqs = true,
    disable_help_subcommand = true
)]
struct Cli {
    /// Instead of generating code: `diff`.
    #[command(subcommand)]
    command: Option<Command>,

    /// Schema files (.xsd); types may refer across them.
    #[arg(required = true, value_name = "XSD")]
    schemas: Vec<PathBuf>,

    /// Write the code to FILE instead of standard output (only if it changed).
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,

    /// Write one file per module into DIR instead: `mod.rs` and one file per
    /// namespace (each only if it changed; with --check, checked).
    #[arg(long, value_name = "DIR", conflicts_with = "output")]
    out_dir: Option<PathBuf>,

    /// Add a derive to every generated type (repeatable): `--derive Eq --derive serde::Serialize`.
    #[arg(long = "derive", value_name = "PATH")]
    derives: Vec<String>,

    /// Name the module of a namespace (repeatable): `--module http://example.com/types=ty`.
    #[arg(long = "module", value_name = "NAMESPACE=NAME", value_parser = parse_module)]
    modules: Vec<(String, String)>,

    /// Read the schema at URL from FILE (repeatable): `--catalog
    /// http://example.com/a.xsd=schemas/a.xsd`. Nothing is fetched from the
    /// network; the W3C's xml.xsd and xlink.xsd are built in.
    #[arg(long = "catalog", value_name = "URL=FILE", value_parser = parse_catalog)]
    catalog: Vec<(String, PathBuf)>,

    /// Keep enumeration values the schema does not declare (in an extra
    /// variant) instead of rejecting them.
    #[arg(long)]
    open_enums: bool,

    /// Keep no record of the text of numbers, booleans and lists as read
    /// (no `lexical` field): every value is written in its own form.
    #[arg(long)]
    no_lexical_forms: bool,

    /// The path the generated code names the runtime crate by (default
    /// `::xsd_runtime`): `--runtime-path crate::rt` for a crate that
    /// re-exports it.
    #[arg(long, value_name = "PATH")]
    runtime_path: Option<String>,

    /// Write nothing; fail with a diff if FILE (-o) is not up to date (for CI).
    ///
    /// Exits with status 1, and prints a unified diff on standard output,
    /// when FILE is not what the schemas generate now. A missing FILE fails
    /// too. Exits with status 0 when FILE is up to date.
    #[arg(long)]
    check: bool,

    /// Print the intermediate model (names and types resolved) instead of code.
    #[arg(long)]
    emit_ir: bool,

    /// Print no progress or summary; errors and diffs are still printed.
    #[arg(short, long)]
    quiet: bool,

    /// When to color the diagnostics.
    ///
    /// `auto` colors them when standard error is a terminal and NO_COLOR is
    /// not set.
    #[arg(long, value_enum, value_name = "WHEN", default_value_t = ColorChoice::Auto)]
    color: ColorChoice,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// What a new release of a schema adds and removes (status 1 if it removes anything).
    ///
    /// Compares the models of two sets of schema files: the types, the
    /// enumeration values and the elements and attributes of each struct
    /// that the new release adds, and those it removes.
    #[command(
        override_usage = "codegen diff [OPTIONS] <OLD.xsd> <NEW.xsd>\n       \
                          codegen diff [OPTIONS] <OLD.xsd>... -- <NEW.xsd>...",
        after_help = cli::diff::AFTER_HELP,
        after_long_help = cli::diff::AFTER_LONG_HELP
    )]
    Diff(cli::diff::DiffArgs),
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum ColorChoice {
    Auto,
    Always,
    Never,
}

impl ColorChoice {
    fn enabled(self) -> bool {
        match self {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                std::io::stderr().is_terminal()
                    && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
            }
        }
    }
}

/// The configuration of the options that shape the model, which generating
/// and comparing share.
fn model_config(modules: &[(String, String)], open_enums: bool) -> Config {
    let mut config = Config::new();
    config.open_enums(open_enums);
    for (namespace, name) in modules {
        config.module_name(namespace.as_str(), name.as_str());
    }
    config
}

fn parse_catalog(arg: &str) -> Result<(String, PathBuf), String> {
    // A URL has `=` in its query at most; the file is after the last one.
    let (url, file) = arg
        .rsplit_once('=')
        .filter(|(url, file)| !url.is_empty() && !file.is_empty())
        .ok_or_else(|| format!("`{arg}` is not URL=FILE"))?;
    Ok((url.to_string(), PathBuf::from(file)))
}

fn parse_module(arg: &str) -> Result<(String, String), String> {
    let (namespace, name) = arg
        .rsplit_once('=')
        .ok_or_else(|| format!("`{arg}` is not NAMESPACE=NAME"))?;
    Ok((namespace.to_string(), name.to_string()))
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    if let Some(Command::Diff(args)) = &cli.command {
        return cli::diff::run(args);
    }
    if cli.check && cli.output.is_none() && cli.out_dir.is_none() {
        say(
            "error: --check needs -o FILE or --out-dir DIR to compare with\n\nFor more information, try '--help'.",
        );
        return ExitCode::from(2);
    }
    if let Some(message) = overwrites_a_schema(&cli) {
        say(&format!("error: {message}"));
        return ExitCode::from(2);
    }
    run(&cli)
}

fn run(cli: &Cli) -> ExitCode {
    let color = cli.color.enabled();
    let started = Instant::now();
    let progress = |message: &str| {
        if !cli.quiet {
            say(&format!("codegen: {message}"));
        }
    };
    progress(&match &cli.schemas[..] {
        [one] => format!("reading {}", one.display()),
        many => format!("reading {} schema files", many.len()),
    });

    let mut config = model_config(&cli.modules, cli.open_enums);
    config.lexical_forms(!cli.no_lexical_forms);
    if let Some(path) = &cli.runtime_path {
        config.runtime_path(path.as_str());
    }
    for derive in &cli.derives {
        config.derive(derive.as_str());
    }
    for (url, file) in &cli.catalog {
        config.catalog(url.as_str(), file);
    }
    // Warnings are shown even with -q, as errors are.
    config.on_warning(|warning| say(&format!("warning: {warning}")));
    if let Some(dir) = &cli.out_dir {
        return out_dir(cli, &config, dir, color);
    }
    let generated = if cli.emit_ir {
        config
            .model(&cli.schemas)
            .map(|model| format!("{model:#?}\n"))
    } else {
        config.generate(&cli.schemas)
    };
    let text = match generated {
        Ok(text) => text,
        Err(errors) => return fail(&errors, color),
    };
    let what = if cli.emit_ir {
        "the model: ".to_string()
    } else {
        let types = count_types(&text);
        format!("{types} type{}, ", plural(types))
    };
    let files = cli.schemas.len();
    let summary = format!(
        "{what}{} lines from {files} schema file{} in {:.1?}",
        text.lines().count(),
        plural(files),
        started.elapsed(),
    );

    let Some(path) = &cli.output else {
        progress(&format!("{summary}; written to standard output"));
        return print(&text);
    };
    if cli.check {
        return check(path, &text, cli.quiet);
    }
    match xsd_codegen::write_if_changed(path, &text) {
        Ok(true) => progress(&format!("{summary}; wrote {}", path.display())),
        Ok(false) => progress(&format!("{summary}; {} unchanged", path.display())),
        Err(e) => return fail(&Errors::from(e), color),
    }
    ExitCode::SUCCESS
}

/// `--out-dir`: one file per module, written (or checked) one by one.
fn out_dir(cli: &Cli, config: &Config, dir: &Path, color: bool) -> ExitCode {
    let files = match config.generate_files(&cli.schemas) {
        Ok(files) => files,
        Err(errors) => return fail(&errors, color),
    };
    if !cli.check {
        if let Err(e) = std::fs::create_dir_all(dir) {
            say(&format!("error: {}: cannot create: {e}", dir.display()));
            return ExitCode::FAILURE;
        }
    }
    let mut status = ExitCode::SUCCESS;
    for (name, text) in &files {
        let path = dir.join(name);
        if cli.check {
            if check(&path, text, cli.quiet) != ExitCode::SUCCESS {
                status = ExitCode::FAILURE;
            }
            continue;
        }
        match xsd_codegen::write_if_changed(&path, text) {
            Ok(written) if !cli.quiet => say(&format!(
                "codegen: {} {}",
                path.display(),
                if written { "written" } else { "unchanged" }
            )),
            Ok(_) => {}
            Err(e) => return fail(&Errors::from(e), color),
        }
    }
    status
}

/// `--check`: compares `path` with `text`, writing nothing.
fn check(path: &Path, text: &str, quiet: bool) -> ExitCode {
    let shown = path.display();
    match check::check(path, text) {
        Ok(Check::UpToDate) => {
            if !quiet {
                say(&format!("codegen: {shown} is up to date"));
            }
            ExitCode::SUCCESS
        }
        Ok(Check::Missing) => {
            say(&format!(
                "codegen: {shown} is missing: run the same command without --check to generate it"
            ));
            ExitCode::FAILURE
        }
        Ok(Check::OutOfDate { diff }) => {
            let _ = print(&check::shorten(&diff, MAX_DIFF_LINES));
            say(&format!(
                "codegen: {shown} is out of date: run the same command without --check to regenerate it"
            ));
            ExitCode::FAILURE
        }
        Err(e) => {
            say(&format!("error: {shown}: cannot read: {e}"));
            ExitCode::FAILURE
        }
    }
}

/// Reports `errors` with their source lines, and fails.
fn fail(errors: &Errors, color: bool) -> ExitCode {
    let _ = std::io::stderr()
        .lock()
        .write_all(diagnostics::render(errors, color).as_bytes());
    ExitCode::FAILURE
}

/// `-o` naming one of the schemas would overwrite it with Rust: refused.
fn overwrites_a_schema(cli: &Cli) -> Option<String> {
    let output = std::fs::canonicalize(cli.output.as_ref()?).ok()?;
    let schema = cli
        .schemas
        .iter()
        .find(|s| std::fs::canonicalize(s).is_ok_and(|s| s == output))?;
    Some(format!(
        "the output file {} is the schema {}: refusing to overwrite it",
        cli.output.as_ref()?.display(),
        schema.display()
    ))
}

/// Writes `text` to standard output; a closed pipe (`codegen x.xsd | head`)
/// is not an error of ours.
fn print(text: &str) -> ExitCode {
    match std::io::stdout().lock().write_all(text.as_bytes()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            say(&format!("error: cannot write to standard output: {e}"));
            ExitCode::FAILURE
        }
        _ => ExitCode::SUCCESS,
    }
}

/// A line on standard error; if that is closed, there is no one to tell.
fn say(line: &str) {
    let _ = writeln!(std::io::stderr().lock(), "{line}");
}

/// How many structs and enums `code` defines, in modules too: the lines that
/// start one. The code is prettyplease's, so each item starts a line, and
/// doc comments start with `///`. (Parsing it again with syn to count took
/// 40% of the command's instructions on the EWS schema.)
fn count_types(code: &str) -> usize {
    code.lines()
        .filter(|line| {
            let line = line.trim_start();
            let line = match line.strip_prefix("pub") {
                Some(rest) if rest.starts_with('(') => rest.split_once(") ").map_or("", |(_, r)| r),
                Some(rest) => rest.strip_prefix(' ').unwrap_or(line),
                None => line,
            };
            line.starts_with("struct ") || line.starts_with("enum ")
        })
        .count()
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}
