//! An XSD to Rust code generator: structs and enums that read and write
//! their XML through the runtime crate [`xsd-runtime`] (and are also
//! [yaserde]'s `YaSerialize`/`YaDeserialize`), from XML Schema files.
//!
//! The pipeline has four stages, each a module with one public function:
//!
//! ```text
//! XSD --xsd::load--> xsd::Schema --resolve::resolve--> ir::Model --emit::emit--> pieces --format::Formatter--> String
//! ```
//!
//! [`Config`] runs the last two stages item by item ([`emit::emit`] hands
//! each piece to a [`format::Formatter`]), so that the whole file never
//! exists as tokens or as a syntax tree; [`Config::compile`] also writes
//! each item's text as soon as it is made.
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
//! The generated code needs the runtime crate (`xsd-runtime`) as a
//! dependency, named by [`Config::runtime_path`].
//!
//! [yaserde]: https://docs.rs/yaserde
//! [`xsd-runtime`]: https://docs.rs/xsd-runtime

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

use std::io::Write as _;
use std::path::{Path, PathBuf};

pub use error::{Error, Errors, Location, Warning};

/// How to generate: which files, where to, and what to print for cargo.
///
/// Setters take `&mut self` and return it, so they chain (prost-build style).
#[derive(Clone, Debug, Default)]
pub struct Config {
    out_dir: Option<PathBuf>,
    file_name: Option<String>,
    no_cargo_directives: bool,
    open_enums: bool,
    no_lexical_forms: bool,
    derives: Vec<String>,
    module_names: Vec<(String, String)>,
    runtime_path: Option<String>,
    catalog: Vec<(String, PathBuf)>,
    on_warning: Option<WarningSink>,
}

/// What [`Config::on_warning`] was given.
#[derive(Clone)]
struct WarningSink(std::sync::Arc<dyn Fn(&Warning) + Send + Sync>);

impl std::fmt::Debug for WarningSink {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("WarningSink(..)")
    }
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

    /// Whether a struct with numbers, booleans or lists keeps the text of
    /// its values as they were read where it is not their value's own
    /// (`+1`, `01`, `1.0E1`, `0` for false, whitespace around a number), in
    /// a `lexical: xsd_runtime::Lexical` field, so that writing it back
    /// gives that text again while the value is unchanged (the default).
    ///
    /// The record is no part of the value (it always compares equal), but
    /// it is a field: a struct literal names it
    /// (`lexical: Default::default()`). Turn it off for types that are
    /// built by the program rather than read (a client's requests), to keep
    /// their literals to their values; every value is then written in its
    /// own form.
    pub fn lexical_forms(&mut self, keep: bool) -> &mut Self {
        self.no_lexical_forms = !keep;
        self
    }

    /// Adds a derive to every generated type (`"Eq"`, `"Hash"`,
    /// `"serde::Serialize"`), besides those it has anyway. The generated code
    /// must then satisfy it (`Eq` does not hold for a type with an `f64`).
    pub fn derive(&mut self, path: impl Into<String>) -> &mut Self {
        self.derives.push(path.into());
        self
    }

    /// Names the module of namespace `namespace` `name` (by default the
    /// namespace's last word: `.../2006/types` gives `types`). Used only when
    /// the schemas have several target namespaces.
    pub fn module_name(
        &mut self,
        namespace: impl Into<String>,
        name: impl Into<String>,
    ) -> &mut Self {
        self.module_names.push((namespace.into(), name.into()));
        self
    }

    /// Names the runtime crate in the generated code by `path` (default
    /// `::xsd_runtime`): for a crate that depends on it under another name
    /// (`::my_runtime`), or re-exports it (`crate::rt`), as prost-build's
    /// `prost_path`.
    pub fn runtime_path(&mut self, path: impl Into<String>) -> &mut Self {
        self.runtime_path = Some(path.into());
        self
    }

    /// Reads the schema at `url` from `file`: a `schemaLocation` that is
    /// this URL (in an import, include, redefine or override) names the
    /// file. Nothing is fetched from the network; the W3C's `xml.xsd` and
    /// `xlink.xsd` are built in, and an entry here replaces them.
    pub fn catalog(&mut self, url: impl Into<String>, file: impl Into<PathBuf>) -> &mut Self {
        self.catalog.push((url.into(), file.into()));
        self
    }

    /// Calls `f` with each warning: what the generator went on without (an
    /// import whose document is missing: a definition that needs it fails
    /// with an error where it refers to it). By default warnings are
    /// dropped, except that [`compile`](Self::compile) prints them for
    /// cargo (`cargo:warning=`) when it prints cargo directives.
    pub fn on_warning(&mut self, f: impl Fn(&Warning) + Send + Sync + 'static) -> &mut Self {
        self.on_warning = Some(WarningSink(std::sync::Arc::new(f)));
        self
    }

    fn warn(&self, warning: &Warning, for_cargo: bool) {
        match &self.on_warning {
            Some(sink) => (sink.0)(warning),
            None if for_cargo => println!("cargo:warning={warning}"),
            None => {}
        }
    }

    /// Loads the schema set, handing its warnings over.
    fn load(
        &self,
        schemas: &[impl AsRef<Path>],
        for_cargo: bool,
    ) -> Result<Vec<xsd::Schema>, Errors> {
        let options = xsd::LoadOptions {
            catalog: self.catalog.clone(),
        };
        let loaded = xsd::load_with(schemas, &options)?;
        for warning in &loaded.warnings {
            self.warn(warning, for_cargo);
        }
        if for_cargo {
            // The documents the roots import and include: an edit to any of
            // them changes the code (the roots were named before loading, so
            // that a failed load reruns too). Built-in documents have no file.
            let roots: Vec<&Path> = schemas.iter().map(AsRef::as_ref).collect();
            for file in read_beside(&roots, &loaded.schemas) {
                println!("cargo:rerun-if-changed={}", file.display());
            }
        }
        Ok(loaded.schemas)
    }

    fn emit_options(&self) -> Result<emit::Options, Errors> {
        let mut bad: Vec<Error> = self
            .derives
            .iter()
            .filter(|d| !emit::valid_derive(d))
            .map(|d| Error::Config(format!("`{d}` is not a derive path")))
            .collect();
        let runtime = self
            .runtime_path
            .clone()
            .unwrap_or_else(|| emit::DEFAULT_RUNTIME.to_string());
        if !emit::valid_runtime_path(&runtime) {
            bad.push(Error::Config(format!(
                "`{runtime}` is not a path to the runtime crate (like `::xsd_runtime`)"
            )));
        }
        if !bad.is_empty() {
            return Err(Errors(bad));
        }
        Ok(emit::Options {
            derives: self.derives.clone(),
            runtime,
            lexical_forms: !self.no_lexical_forms,
        })
    }

    /// Generates the code for `schemas` as one file per module: `mod.rs`
    /// declaring them (and holding the enum of global elements), and one
    /// `<module>.rs` per namespace (a schema set of one namespace gives
    /// `mod.rs` alone). Returns (file name, text) pairs; [`write_if_changed`]
    /// writes them.
    pub fn generate_files(
        &self,
        schemas: &[impl AsRef<Path>],
    ) -> Result<Vec<(String, String)>, Errors> {
        let model = self.model(schemas)?;
        let mut formatter = format::Formatter::per_module(&model.sources);
        emit::emit(&model, &self.emit_options()?, |piece| formatter.push(piece))
            .map_err(Error::from)?;
        Ok(formatter.finish_files().map_err(Error::from)?)
    }

    /// Generates the Rust code for `schemas` and returns it as text.
    ///
    /// All errors of all stages are returned together, each with its
    /// `file:line:col`.
    pub fn generate(&self, schemas: &[impl AsRef<Path>]) -> Result<String, Errors> {
        let model = self.model(schemas)?;
        let mut formatter = format::Formatter::new(&model.sources);
        emit::emit(&model, &self.emit_options()?, |piece| formatter.push(piece))
            .map_err(Error::from)?;
        Ok(formatter.finish().map_err(Error::from)?)
    }

    /// Parses and resolves `schemas` into the intermediate model, for
    /// inspection (`codegen --emit-ir`) or a custom back end.
    pub fn model(&self, schemas: &[impl AsRef<Path>]) -> Result<ir::Model, Errors> {
        self.model_with(schemas, false)
    }

    fn model_with(
        &self,
        schemas: &[impl AsRef<Path>],
        for_cargo: bool,
    ) -> Result<ir::Model, Errors> {
        let parsed = self.load(schemas, for_cargo)?;
        let mut model = resolve::resolve(&parsed)?;
        for (namespace, name) in &self.module_names {
            let from = model
                .modules
                .iter()
                .find(|(_, m)| m.namespace.as_deref() == Some(namespace.as_str()))
                .map(|(k, _)| k.clone());
            let Some(from) = from.filter(|f| !f.is_empty()) else {
                continue;
            };
            let taken = model.modules.contains_key(name.as_str()) && *name != from;
            if taken || syn::parse_str::<syn::Ident>(name).is_err() {
                return Err(Error::Config(format!(
                    "`{name}` cannot name the module of {namespace}: not an identifier, or taken"
                ))
                .into());
            }
            model.rename_module(&from, name);
        }
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
    /// The text is written as it is made, into a temporary file beside the
    /// file (`.<file>.<process id>.<count>.tmp`), which then replaces the
    /// file, taking its permissions (or is removed, when nothing changed):
    /// memory holds one item of the generated code at a time, a failed run
    /// leaves the previous file whole, and runs writing the same file at once
    /// do not collide. A symbolic link is followed: the file it names is
    /// replaced.
    ///
    /// In a build script, this also tells cargo to rerun when a schema
    /// changes: the files given, and every file they import or include.
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
        let path = out_dir.join(file_name);
        self.generate_into(schemas, &path)?;
        Ok(path)
    }

    /// Generates the code for `schemas` into the file at `path`, writing each
    /// item's text as soon as it is formatted (only one item is ever held in
    /// memory), into a temporary file beside `path` that replaces it only if
    /// the content changed.
    fn generate_into(&self, schemas: &[impl AsRef<Path>], path: &Path) -> Result<(), Errors> {
        let model = self.model_with(schemas, !self.no_cargo_directives)?;
        let options = self.emit_options()?;
        // Through a symbolic link, to the file it names.
        let path = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        let (file, temporary) = Temporary::create(&path)?;
        let output_error = |source| Error::Output {
            path: temporary.path.clone(),
            source,
        };
        let mut writer = std::io::BufWriter::new(file);
        let mut formatter = format::Formatter::new(&model.sources);
        emit::emit(&model, &options, |piece| -> Result<(), Error> {
            formatter.push(piece)?;
            formatter.drain_to(&mut writer).map_err(output_error)
        })?;
        let rest = formatter.finish().map_err(Error::from)?;
        writer.write_all(rest.as_bytes()).map_err(output_error)?;
        writer
            .into_inner()
            .map_err(|e| output_error(e.into_error()))?;
        if same_content(&path, &temporary.path).map_err(output_error)? {
            return Ok(());
        }
        temporary.replace(&path)?;
        Ok(())
    }
}

/// A file written beside the file it is to replace, removed unless it
/// replaces it (an error on the way leaves the old file whole and no
/// temporary file behind).
struct Temporary {
    path: PathBuf,
}

impl Temporary {
    /// A new file beside `path`, named after it, this process and a count,
    /// so that two runs writing the same file at once do not collide.
    fn create(path: &Path) -> Result<(std::fs::File, Temporary), Error> {
        static COUNT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        loop {
            let n = COUNT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            let temporary = path.with_file_name(format!(".{name}.{}.{n}.tmp", std::process::id()));
            match std::fs::File::options()
                .write(true)
                .create_new(true)
                .open(&temporary)
            {
                Ok(file) => return Ok((file, Temporary { path: temporary })),
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
                Err(source) => {
                    return Err(Error::Output {
                        path: temporary,
                        source,
                    });
                }
            }
        }
    }

    /// Moves this file over `path`, with `path`'s permissions when it exists.
    fn replace(self, path: &Path) -> Result<(), Error> {
        let output_error = |source| Error::Output {
            path: path.to_path_buf(),
            source,
        };
        if let Ok(old) = std::fs::metadata(path) {
            std::fs::set_permissions(&self.path, old.permissions()).map_err(output_error)?;
        }
        std::fs::rename(&self.path, path).map_err(output_error)
    }
}

impl Drop for Temporary {
    fn drop(&mut self) {
        // Gone already when it replaced the file.
        let _ = std::fs::remove_file(&self.path);
    }
}

/// Whether the file at `old` (which may not exist) holds what the file at
/// `new` holds, compared a block at a time.
fn same_content(old: &Path, new: &Path) -> std::io::Result<bool> {
    use std::io::Read;
    let Ok(old) = std::fs::File::open(old) else {
        return Ok(false);
    };
    let new = std::fs::File::open(new)?;
    if old.metadata()?.len() != new.metadata()?.len() {
        return Ok(false);
    }
    let (mut old, mut new) = (std::io::BufReader::new(old), std::io::BufReader::new(new));
    let (mut a, mut b) = ([0u8; 8192], [0u8; 8192]);
    loop {
        let n = old.read(&mut a)?;
        if n == 0 {
            return Ok(new.read(&mut b)? == 0);
        }
        new.read_exact(&mut b[..n])?;
        if a[..n] != b[..n] {
            return Ok(false);
        }
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

/// The files `schemas` were read from besides `roots` (the documents the
/// roots import and include), each once, in the order loaded; built-in
/// documents, which have no file, are left out.
fn read_beside<'a>(roots: &[&Path], schemas: &'a [xsd::Schema]) -> Vec<&'a Path> {
    let mut seen = std::collections::HashSet::new();
    schemas
        .iter()
        .map(|schema| schema.file.as_path())
        .filter(|file| !roots.contains(file) && file.is_file() && seen.insert(*file))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_build_script_reruns_when_an_included_or_imported_file_changes() {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let write = |name: &str, text: &str| std::fs::write(dir.path().join(name), text).unwrap();
        write(
            "root.xsd",
            r#"<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:r" xmlns:o="urn:o">
                 <xs:include schemaLocation="part.xsd"/>
                 <xs:import namespace="urn:o" schemaLocation="other.xsd"/>
                 <xs:import namespace="http://www.w3.org/XML/1998/namespace"
                            schemaLocation="http://www.w3.org/2001/xml.xsd"/>
                 <xs:element name="r" type="xs:string"/>
               </xs:schema>"#,
        );
        write(
            "part.xsd",
            r#"<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:r">
                 <xs:include schemaLocation="root.xsd"/>
               </xs:schema>"#,
        );
        write(
            "other.xsd",
            r#"<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:o"/>"#,
        );
        let root = dir.path().join("root.xsd");
        let loaded = xsd::load_with(&[&root], &xsd::LoadOptions::default()).expect("it loads");
        let names: Vec<String> = read_beside(&[root.as_path()], &loaded.schemas)
            .iter()
            .map(|f| f.file_name().unwrap().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names, ["part.xsd", "other.xsd"]);
    }
}
