//! `codegen`: generate Rust from XSD by hand (the build script uses the library).

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;

/// Generate Rust types (with yaserde impls) from XML Schema files.
#[derive(Debug, Parser)]
#[command(
    name = "codegen",
    version,
    after_help = "Examples:\n  \
        codegen schema/Messages.xsd                 print the generated code\n  \
        codegen schema/Messages.xsd -o messages.rs  write it to a file (only if it changed)\n  \
        codegen --emit-ir schema/Messages.xsd       dump the intermediate model\n\n\
        Errors are printed as file:line:col: message, all of them, and the exit status is 1."
)]
struct Cli {
    /// Schema files (.xsd); types may refer across them.
    #[arg(required = true, value_name = "XSD")]
    schemas: Vec<PathBuf>,

    /// Write the code to this file instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,

    /// Print the intermediate model (after resolving names and types) instead of code.
    #[arg(long)]
    emit_ir: bool,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let config = xsd_codegen::Config::new();
    let result = if cli.emit_ir {
        config.model(&cli.schemas).map(|m| format!("{m:#?}\n"))
    } else {
        config.generate(&cli.schemas)
    };
    let text = match result {
        Ok(text) => text,
        Err(errors) => {
            eprintln!("{errors}");
            eprintln!("codegen: {} error(s)", errors.len());
            return ExitCode::FAILURE;
        }
    };
    match cli.output {
        Some(path) => {
            if let Err(e) = xsd_codegen::write_if_changed(&path, &text) {
                eprintln!("error: {e}");
                return ExitCode::FAILURE;
            }
        }
        None => {
            let mut stdout = std::io::stdout().lock();
            if let Err(e) = stdout.write_all(text.as_bytes()) {
                // A closed pipe (`codegen x.xsd | head`) is not an error of ours.
                if e.kind() != std::io::ErrorKind::BrokenPipe {
                    eprintln!("error: cannot write to standard output: {e}");
                    return ExitCode::FAILURE;
                }
            }
        }
    }
    ExitCode::SUCCESS
}
