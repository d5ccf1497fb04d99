//! An XSD to Rust code generator: structs and enums with [yaserde] impls,
//! from XML Schema files.
//!
//! The pipeline has four stages, each a module with one public function:
//!
//! ```text
//! XSD --xsd::parse--> xsd::Schema --resolve::resolve--> ir::Model --emit::emit--> tokens --format::format--> String
//! ```
//!
//! From a build script, use [`Config`] (as with prost-build):
//!
//! ```no_run
//! // In build.rs, the body of `fn main`:
//! if let Err(errors) = xsd_codegen::Config::new().compile(&["schema/Messages.xsd"]) {
//!     eprintln!("{errors}");
//!     std::process::exit(1);
//! }
//! ```
//!
//! and include the output where the types should live:
//!
//! ```ignore
//! include!(concat!(env!("OUT_DIR"), "/messages.rs"));
//! ```
//!
//! [yaserde]: https://docs.rs/yaserde

pub mod changes;
pub mod check;
pub mod diagnostics;
pub mod emit;
pub mod error;
pub mod format;
pub mod ident;
pub mod ir;
pub mod resolve;
pub mod xsd;

use std::path::{Path, PathBuf};

pub use error::{Error, Errors, Location};

/// How to generate: which files, where to, and what to print for cargo.
///
/// Setters take `&mut self` and return it, so they chain (prost-build style).
#[derive(Clone, Debug, Default)]
pub struct Config {
    out_dir: Option<PathBuf>,
    file_name: Option<String>,
    no_cargo_directives: bool,
    open_enums: bool,
}

impl Config {
    /// A configuration with the defaults: output to `$OUT_DIR`, into a file
    /// named after the first schema (`Messages.xsd` gives `messages.rs`).
    pub fn new() -> Self {
        Self::default()
    }

    /// Writes the output into `dir` instead of `$OUT_DIR`.
    pub fn out_dir(&mut self, dir: impl Into<PathBuf>) -> &mut Self {
        self.out_dir = Some(dir.into());
        self
    }

    /// Names the output file (default: the first schema's stem, lowercased, `.rs`).
    pub fn file_name(&mut self, name: impl Into<String>) -> &mut Self {
        self.file_name = Some(name.into());
        self
    }

    /// Whether [`compile`](Self::compile) prints `cargo:rerun-if-changed`
    /// lines (it does by default; turn it off outside build scripts).
    pub fn cargo_directives(&mut self, enabled: bool) -> &mut Self {
        self.no_cargo_directives = !enabled;
        self
    }

    /// Whether enumerations keep values they do not declare, in an extra
    /// `UnknownValue(String)` variant, instead of rejecting them (the default).
    ///
    /// Strict is right for a client that must notice a server speaking a
    /// newer schema; open is right for reading documents that must survive a
    /// round trip whatever they hold (the EWS examples carry typos such as
    /// `Exchange207_SP1`).
    pub fn open_enums(&mut self, open: bool) -> &mut Self {
        self.open_enums = open;
        self
    }

    /// Generates the Rust code for `schemas` and returns it as text.
    ///
    /// All errors of all stages are returned together, each with its
    /// `file:line:col`.
    pub fn generate(&self, schemas: &[impl AsRef<Path>]) -> Result<String, Errors> {
        let model = self.model(schemas)?;
        let tokens = emit::emit(&model);
        Ok(format::format(tokens, &model.sources).map_err(Error::from)?)
    }

    /// Parses and resolves `schemas` into the intermediate model, for
    /// inspection (`codegen --emit-ir`) or a custom back end.
    pub fn model(&self, schemas: &[impl AsRef<Path>]) -> Result<ir::Model, Errors> {
        let parsed = xsd::load(schemas)?;
        let mut model = resolve::resolve(&parsed)?;
        if self.open_enums {
            for module in model.modules.values_mut() {
                for item in module.items.values_mut() {
                    if let ir::Item::Enum(e) = item {
                        e.open = true;
                    }
                }
            }
        }
        Ok(model)
    }

    /// Generates the code for `schemas` into the output directory, rewriting
    /// the file only when its content changed (so an unchanged schema does
    /// not trigger a rebuild). Returns the path written.
    ///
    /// In a build script, this also tells cargo to rerun when a schema changes.
    pub fn compile(&self, schemas: &[impl AsRef<Path>]) -> Result<PathBuf, Errors> {
        if !self.no_cargo_directives {
            for schema in schemas {
                println!("cargo:rerun-if-changed={}", schema.as_ref().display());
            }
        }
        let out_dir = match &self.out_dir {
            Some(dir) => dir.clone(),
            None => std::env::var_os("OUT_DIR")
                .map(PathBuf::from)
                .ok_or_else(|| Error::Output {
                    path: PathBuf::from("$OUT_DIR"),
                    source: std::io::Error::other(
                        "OUT_DIR is not set: call Config::out_dir outside a build script",
                    ),
                })?,
        };
        let file_name = self.file_name.clone().unwrap_or_else(|| {
            schemas
                .first()
                .and_then(|p| p.as_ref().file_stem())
                .map_or_else(
                    || "generated".into(),
                    |s| s.to_string_lossy().to_lowercase(),
                )
                + ".rs"
        });
        let code = self.generate(schemas)?;
        let path = out_dir.join(file_name);
        write_if_changed(&path, &code)?;
        Ok(path)
    }
}

/// Writes `content` to `path` unless the file already holds exactly that.
pub fn write_if_changed(path: &Path, content: &str) -> Result<bool, Error> {
    if std::fs::read(path).is_ok_and(|old| old == content.as_bytes()) {
        return Ok(false);
    }
    std::fs::write(path, content).map_err(|source| Error::Output {
        path: path.to_path_buf(),
        source,
    })?;
    Ok(true)
}
