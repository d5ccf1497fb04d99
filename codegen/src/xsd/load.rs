//! Loading a schema set: the given files and every file they import,
//! include, redefine or override, each document once.

use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};

use super::builtin::{self, Builtin};
use super::model::{QName, Schema};
use super::parse::{parse, parse_file};
use crate::error::{Location, ParseError, Warning};

/// How to load: where the schemas named by URL are.
#[derive(Clone, Debug, Default)]
pub struct LoadOptions {
    /// URL to local file: a `schemaLocation` that is this URL reads that
    /// file (nothing is ever fetched from the network).
    pub catalog: Vec<(String, PathBuf)>,
}

/// A loaded schema set, and what loading it had to say short of an error.
#[derive(Debug)]
pub struct Loaded {
    /// Every schema document, once per target namespace it was loaded into
    /// (the roots first, then depth first in document order).
    pub schemas: Vec<Schema>,
    /// Imports whose documents are missing (an import's `schemaLocation` is
    /// only a hint: a definition that needs them fails where it refers to
    /// them).
    pub warnings: Vec<Warning>,
}

/// [`load_with`] with the default options (no catalog entries beside the
/// built-in ones), without the warnings.
pub fn load(roots: &[impl AsRef<Path>]) -> Result<Vec<Schema>, Vec<ParseError>> {
    load_with(roots, &LoadOptions::default()).map(|loaded| loaded.schemas)
}

/// Parses `roots` and, transitively, the documents their `xs:import`,
/// `xs:include`, `xs:redefine` and `xs:override` name by `schemaLocation`:
/// a path relative to the naming file, or a URL, which must be in the
/// catalog (`options`, then the built-in copies of the W3C's `xml.xsd` and
/// `xlink.xsd`).
///
/// Each document is read and parsed once, and loaded once per target
/// namespace: a document reached by several paths (named as a root and
/// imported, or included and imported) gives its definitions once, and
/// cycles are fine. An included document without a target namespace takes
/// the including document's (a "chameleon" include), and so do the
/// references in it to names in no namespace. Redefinitions and overrides
/// are applied: the schemas returned have none left.
///
/// Imports without `schemaLocation` name a namespace only: the `xml` and
/// XML Schema namespaces are built in; any other such namespace must come
/// from another document. An import whose document is missing or not in the
/// catalog is a warning (it may not be needed), and so is an include's
/// (XSD: nothing is included); a missing redefine or override is an error.
pub fn load_with(
    roots: &[impl AsRef<Path>],
    options: &LoadOptions,
) -> Result<Loaded, Vec<ParseError>> {
    let mut loader = Loader {
        options,
        parsed: HashMap::new(),
        loaded: HashMap::new(),
        schemas: Vec::new(),
        links: Vec::new(),
        imports: Vec::new(),
        includes: Vec::new(),
        errors: Vec::new(),
    };
    let mut queue: Vec<Pending> = roots
        .iter()
        .map(|p| {
            let path = p.as_ref().to_path_buf();
            Pending {
                source: Source::File(canonical(&path)),
                shown: path,
                chameleon: None,
            }
        })
        .collect();
    queue.reverse();
    while let Some(pending) = queue.pop() {
        let next = loader.load_one(pending);
        // Depth first, in document order.
        queue.extend(next.into_iter().rev());
    }
    let warnings = loader.check_imports();
    let Loader {
        mut schemas,
        links,
        loaded,
        mut errors,
        ..
    } = loader;
    let index = |key: &Key| loaded.get(key).copied();
    let links: Vec<super::redefine::Links> = links
        .iter()
        .map(|l| super::redefine::Links {
            redefined: l
                .redefined
                .iter()
                .map(|k| k.as_ref().and_then(index))
                .collect(),
            included: l.included.iter().filter_map(index).collect(),
        })
        .collect();
    super::redefine::apply(&mut schemas, &links, &mut errors);
    if errors.is_empty() {
        Ok(Loaded { schemas, warnings })
    } else {
        Err(errors)
    }
}

/// Where a schema document's text comes from.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
enum Source {
    /// A file, by its canonical path.
    File(PathBuf),
    /// A built-in copy of a well-known schema.
    Builtin(&'static Builtin),
}

/// A document to load, and the namespace an include imposes on it.
struct Pending {
    source: Source,
    /// The path shown in locations (as given, or as resolved against the
    /// naming file).
    shown: PathBuf,
    chameleon: Option<String>,
}

/// A document as loaded: its source and effective target namespace.
type Key = (Source, Option<String>);

/// The documents a schema includes, redefines or overrides.
struct Links {
    /// The document of each `xs:redefine` and `xs:override`, in order
    /// (`None` when it could not be named).
    redefined: Vec<Option<Key>>,
    /// Every document included, redefined or overridden.
    included: Vec<Key>,
}

/// An import whose document could not be loaded.
struct Unloaded {
    namespace: Option<String>,
    location: Location,
    why: String,
}

struct Loader<'o> {
    options: &'o LoadOptions,
    /// Each document parsed once (`None`: it failed, its errors are reported).
    parsed: HashMap<Source, Option<Schema>>,
    loaded: HashMap<Key, usize>,
    schemas: Vec<Schema>,
    /// For each schema, the documents it includes, redefines or overrides.
    links: Vec<Links>,
    imports: Vec<Unloaded>,
    /// Includes that name no document.
    includes: Vec<Warning>,
    errors: Vec<ParseError>,
}

/// What a `schemaLocation` names.
enum Target {
    Found(Source, PathBuf),
    MissingFile(PathBuf),
    UnknownUrl(String),
}

fn canonical(path: &Path) -> PathBuf {
    std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
}

fn is_url(location: &str) -> bool {
    let lower = location.get(..8).unwrap_or(location).to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

impl Loader<'_> {
    /// Loads one document (unless loaded already into the same namespace),
    /// and returns those it names.
    fn load_one(&mut self, pending: Pending) -> Vec<Pending> {
        let Pending {
            source,
            shown,
            chameleon,
        } = pending;
        if !self.parsed.contains_key(&source) {
            let parsed = match &source {
                Source::File(_) => parse_file(&shown),
                Source::Builtin(b) => parse(Path::new(b.url), b.text),
            };
            let parsed = parsed.map_err(|e| self.errors.extend(e)).ok();
            self.parsed.insert(source.clone(), parsed);
        }
        let Some(parsed) = &self.parsed[&source] else {
            return Vec::new();
        };
        let namespace = parsed.target_namespace.clone().or(chameleon);
        let key = (source.clone(), namespace.clone());
        if self.loaded.contains_key(&key) {
            return Vec::new();
        }
        let mut schema = parsed.clone();
        if schema.target_namespace.is_none() && namespace.is_some() {
            chameleon_namespace(&mut schema, namespace.clone());
        }
        let mut next = Vec::new();
        let mut links = Links {
            redefined: Vec::new(),
            included: Vec::new(),
        };
        let base = match &source {
            Source::File(_) => Some(shown.parent().map(Path::to_path_buf).unwrap_or_default()),
            Source::Builtin(_) => None,
        };
        let required = schema
            .includes
            .iter()
            .map(|i| (&i.schema_location, &i.location, false))
            .chain(
                schema
                    .redefinitions
                    .iter()
                    .map(|r| (&r.schema_location, &r.location, true)),
            );
        for (schema_location, location, redefinition) in required {
            match self.target(base.as_deref(), schema_location) {
                Target::Found(source, shown) => {
                    let key = (source.clone(), namespace.clone());
                    if redefinition {
                        links.redefined.push(Some(key.clone()));
                    }
                    links.included.push(key);
                    next.push(Pending {
                        source,
                        shown,
                        chameleon: namespace.clone(),
                    });
                }
                // An include that names nothing is no error (XSD 1.0,
                // 4.2.1: no inclusion is performed): a warning. A
                // redefinition has components to apply: an error.
                Target::MissingFile(path) if !redefinition => self.includes.push(Warning {
                    location: location.clone(),
                    message: format!(
                        "cannot find {}, named by this include: nothing is included",
                        path.display()
                    ),
                }),
                Target::UnknownUrl(url) if !redefinition => self.includes.push(Warning {
                    location: location.clone(),
                    message: format!("{}: nothing is included", unknown_url(&url)),
                }),
                Target::MissingFile(path) => {
                    links.redefined.push(None);
                    self.errors.push(ParseError::MissingFile {
                        location: location.clone(),
                        path,
                    });
                }
                Target::UnknownUrl(url) => {
                    links.redefined.push(None);
                    self.errors.push(ParseError::Invalid {
                        location: location.clone(),
                        construct: "schemaLocation".into(),
                        message: unknown_url(&url),
                    });
                }
            }
        }
        for import in &schema.imports {
            let Some(schema_location) = &import.schema_location else {
                continue;
            };
            let why = match self.target(base.as_deref(), schema_location) {
                Target::Found(source, shown) => {
                    next.push(Pending {
                        source,
                        shown,
                        chameleon: None,
                    });
                    continue;
                }
                Target::MissingFile(path) => format!("cannot find {}", path.display()),
                Target::UnknownUrl(url) => unknown_url(&url),
            };
            self.imports.push(Unloaded {
                namespace: import.namespace.clone(),
                location: import.location.clone(),
                why,
            });
        }
        self.loaded.insert(key, self.schemas.len());
        self.schemas.push(schema);
        self.links.push(links);
        next
    }

    /// What `location`, written in a document in directory `base` (none for
    /// a built-in document), names.
    fn target(&self, base: Option<&Path>, location: &str) -> Target {
        let location = location.trim();
        if is_url(location) {
            if let Some((_, file)) = self.options.catalog.iter().find(|(url, _)| url == location) {
                return if file.is_file() {
                    Target::Found(Source::File(canonical(file)), file.clone())
                } else {
                    Target::MissingFile(file.clone())
                };
            }
            return match builtin::find(location) {
                Some(b) => Target::Found(Source::Builtin(b), PathBuf::from(b.url)),
                None => Target::UnknownUrl(location.to_string()),
            };
        }
        let relative = location.strip_prefix("file://").unwrap_or(location);
        let path = match base {
            Some(dir) => dir.join(relative),
            None => PathBuf::from(relative),
        };
        if path.is_file() {
            Target::Found(Source::File(canonical(&path)), path)
        } else {
            Target::MissingFile(path)
        }
    }

    /// The includes that name no document, and the imports that could not be
    /// loaded unless their namespace came from another document or is built
    /// in, as warnings.
    fn check_imports(&mut self) -> Vec<Warning> {
        let namespaces: BTreeSet<Option<&str>> = self
            .schemas
            .iter()
            .map(|s| s.target_namespace.as_deref())
            .collect();
        let built_in = [Some(super::XS), Some(super::XML)];
        let mut warnings = std::mem::take(&mut self.includes);
        let imports = std::mem::take(&mut self.imports)
            .into_iter()
            .filter(|i| {
                let ns = i.namespace.as_deref();
                !namespaces.contains(&ns) && !built_in.contains(&ns)
            })
            .map(|i| Warning {
                message: format!(
                    "{}, named by this import: the definitions of {} are missing",
                    i.why,
                    match &i.namespace {
                        Some(ns) => format!("namespace {ns}"),
                        None => "no namespace".into(),
                    }
                ),
                location: i.location,
            });
        warnings.extend(imports);
        warnings
    }
}

fn unknown_url(url: &str) -> String {
    format!(
        "{url} is not fetched (the generator reads no network): map it to a local copy with \
         `--catalog {url}=FILE` (`Config::catalog` in a build script)"
    )
}

/// Gives a chameleon document (no target namespace, included into a
/// schema with one) the namespace `namespace`: its definitions are in it,
/// and its references to names in no namespace refer to names in it.
fn chameleon_namespace(schema: &mut Schema, namespace: Option<String>) {
    super::visit::schema_references(schema, &mut |q: &mut QName| {
        if q.namespace.is_none() {
            q.namespace.clone_from(&namespace);
        }
    });
    schema.target_namespace = namespace;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::xsd::{ComplexType, Content, ElementType, XS};

    const XS_NS: &str = r#"xmlns:xs="http://www.w3.org/2001/XMLSchema""#;

    /// Writes `files` (name, text) into a new directory.
    fn files(files: &[(&str, &str)]) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        for (name, text) in files {
            std::fs::write(dir.path().join(name), text.replace("XS", XS_NS)).unwrap();
        }
        dir
    }

    fn messages(errors: Vec<ParseError>, dir: &Path) -> Vec<String> {
        let prefix = format!("{}/", dir.display());
        errors
            .iter()
            .map(|e| e.to_string().replace(&prefix, ""))
            .collect()
    }

    fn q(namespace: &str, name: &str) -> QName {
        QName {
            namespace: Some(namespace.into()),
            name: name.into(),
        }
    }

    #[test]
    fn a_document_reached_twice_is_loaded_once() {
        // common.xsd is named as a root, included by a.xsd (same namespace)
        // and imported by b.xsd.
        let dir = files(&[
            (
                "a.xsd",
                r#"<xs:schema XS targetNamespace="urn:a"><xs:include schemaLocation="common.xsd"/><xs:import namespace="urn:b" schemaLocation="b.xsd"/></xs:schema>"#,
            ),
            (
                "b.xsd",
                r#"<xs:schema XS targetNamespace="urn:b"><xs:import namespace="urn:a" schemaLocation="./common.xsd"/></xs:schema>"#,
            ),
            (
                "common.xsd",
                r#"<xs:schema XS targetNamespace="urn:a"><xs:element name="E" type="xs:string"/></xs:schema>"#,
            ),
        ]);
        let p = |n: &str| dir.path().join(n);
        let schemas = load(&[p("a.xsd"), p("common.xsd")]).unwrap();
        let files: Vec<String> = schemas
            .iter()
            .map(|s| s.file.file_name().unwrap().to_string_lossy().into())
            .collect();
        assert_eq!(files, ["a.xsd", "common.xsd", "b.xsd"]);
    }

    #[test]
    fn a_chameleon_include_takes_the_namespace_and_so_do_its_references() {
        let dir = files(&[
            (
                "a.xsd",
                r#"<xs:schema XS targetNamespace="urn:a"><xs:include schemaLocation="c.xsd"/></xs:schema>"#,
            ),
            (
                "b.xsd",
                r#"<xs:schema XS><xs:include schemaLocation="c.xsd"/></xs:schema>"#,
            ),
            (
                "c.xsd",
                r#"<xs:schema XS><xs:element name="E" type="T"/><xs:complexType name="T"><xs:sequence><xs:element ref="E" minOccurs="0"/><xs:element name="s" type="xs:string"/></xs:sequence></xs:complexType></xs:schema>"#,
            ),
        ]);
        let p = |n: &str| dir.path().join(n);
        // Included into urn:a, and into no namespace: two sets of definitions.
        let schemas = load(&[p("a.xsd"), p("b.xsd")]).unwrap();
        assert_eq!(schemas.len(), 4);
        let in_a = &schemas[1];
        assert_eq!(in_a.target_namespace.as_deref(), Some("urn:a"));
        assert_eq!(in_a.elements[0].ty, ElementType::Named(q("urn:a", "T")));
        let Content::Particle(Some(crate::xsd::Particle::Sequence(seq))) =
            &in_a.complex_types[0].content
        else {
            panic!("a sequence expected");
        };
        let crate::xsd::Particle::Element(e) = &seq.particles[0] else {
            panic!()
        };
        assert_eq!(e.reference, Some(q("urn:a", "E")));
        let crate::xsd::Particle::Element(s) = &seq.particles[1] else {
            panic!()
        };
        assert_eq!(s.ty, ElementType::Named(q(XS, "string")));
        let in_none = &schemas[3];
        assert_eq!(in_none.target_namespace, None);
        assert_eq!(
            in_none.elements[0].ty,
            ElementType::Named(QName {
                namespace: None,
                name: "T".into()
            })
        );
    }

    #[test]
    fn missing_imports_and_includes_warn_missing_redefinitions_fail() {
        let dir = files(&[
            (
                "a.xsd",
                r#"<xs:schema XS targetNamespace="urn:a">
  <xs:import namespace="urn:gone" schemaLocation="gone.xsd"/>
  <xs:import namespace="urn:web" schemaLocation="http://example.com/web.xsd"/>
  <xs:import namespace="urn:b" schemaLocation="not-here.xsd"/>
  <xs:import namespace="http://www.w3.org/2001/XMLSchema" schemaLocation="http://www.w3.org/2001/XMLSchema.xsd"/>
</xs:schema>"#,
            ),
            ("b.xsd", r#"<xs:schema XS targetNamespace="urn:b"/>"#),
            (
                "c.xsd",
                r#"<xs:schema XS targetNamespace="urn:a">
  <xs:redefine schemaLocation="nowhere.xsd"/>
  <xs:override schemaLocation="https://example.com/c2.xsd"/>
</xs:schema>"#,
            ),
        ]);
        let p = |n: &str| dir.path().join(n);
        // urn:b comes from a root: its import's location does not matter.
        let loaded = load_with(&[p("a.xsd"), p("b.xsd")], &LoadOptions::default()).unwrap();
        let prefix = format!("{}/", dir.path().display());
        let warnings: Vec<String> = loaded
            .warnings
            .iter()
            .map(|w| w.to_string().replace(&prefix, ""))
            .collect();
        assert_eq!(
            warnings,
            [
                "a.xsd:2:3: cannot find gone.xsd, named by this import: the definitions of namespace urn:gone are missing",
                "a.xsd:3:3: http://example.com/web.xsd is not fetched (the generator reads no network): map it to a local copy with `--catalog http://example.com/web.xsd=FILE` (`Config::catalog` in a build script), named by this import: the definitions of namespace urn:web are missing",
            ]
        );
        let errors = load(&[p("c.xsd")]).unwrap_err();
        assert_eq!(
            messages(errors, dir.path()),
            [
                "c.xsd:2:3: cannot find nowhere.xsd, named by this import or include",
                "c.xsd:3:3: invalid `schemaLocation`: https://example.com/c2.xsd is not fetched (the generator reads no network): map it to a local copy with `--catalog https://example.com/c2.xsd=FILE` (`Config::catalog` in a build script)",
            ]
        );
        // An include that names nothing includes nothing (XSD 1.0, 4.2.1).
        std::fs::write(
            p("c.xsd"),
            r#"<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"><xs:include schemaLocation="neither.xsd"/></xs:schema>"#,
        )
        .unwrap();
        let loaded = load_with(&[p("c.xsd")], &LoadOptions::default()).unwrap();
        assert_eq!(loaded.schemas.len(), 1);
        assert_eq!(
            loaded.warnings[0].to_string().replace(&prefix, ""),
            "c.xsd:1:56: cannot find neither.xsd, named by this include: nothing is included"
        );
    }

    #[test]
    fn urls_are_read_from_the_catalog_and_the_built_in_copies() {
        let dir = files(&[
            (
                "a.xsd",
                r#"<xs:schema XS targetNamespace="urn:a">
  <xs:import namespace="urn:web" schemaLocation="http://example.com/web.xsd"/>
  <xs:import namespace="http://www.w3.org/XML/1998/namespace" schemaLocation="https://www.w3.org/2001/xml.xsd"/>
</xs:schema>"#,
            ),
            (
                "local-web.xsd",
                r#"<xs:schema XS targetNamespace="urn:web"/>"#,
            ),
        ]);
        let options = LoadOptions {
            catalog: vec![(
                "http://example.com/web.xsd".into(),
                dir.path().join("local-web.xsd"),
            )],
        };
        let loaded = load_with(&[dir.path().join("a.xsd")], &options).unwrap();
        assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
        let namespaces: Vec<_> = loaded
            .schemas
            .iter()
            .map(|s| {
                (
                    s.target_namespace.as_deref().unwrap(),
                    s.file.display().to_string(),
                )
            })
            .collect();
        assert_eq!(namespaces[1].0, "urn:web");
        assert!(namespaces[1].1.ends_with("local-web.xsd"));
        assert_eq!(
            namespaces[2],
            (
                crate::xsd::XML,
                "http://www.w3.org/2001/xml.xsd".to_string()
            )
        );
        assert_eq!(loaded.schemas[2].attribute_groups[0].name, "specialAttrs");
    }

    fn base_of(t: &ComplexType) -> &QName {
        match &t.content {
            Content::Complex { base, .. } | Content::Simple { base, .. } => base,
            Content::Particle(_) => panic!("a derivation expected"),
        }
    }

    #[test]
    fn a_redefinition_replaces_the_original_which_it_may_refer_to() {
        // c.xsd redefines b.xsd, which redefines a.xsd: each refers to the one before.
        let dir = files(&[
            (
                "a.xsd",
                r#"<xs:schema XS targetNamespace="urn:r"><xs:complexType name="T"><xs:sequence><xs:element name="a" type="xs:string"/></xs:sequence></xs:complexType><xs:group name="G"><xs:sequence><xs:element name="g" type="xs:string"/></xs:sequence></xs:group></xs:schema>"#,
            ),
            (
                "b.xsd",
                r#"<xs:schema XS xmlns:r="urn:r" targetNamespace="urn:r"><xs:redefine schemaLocation="a.xsd"><xs:complexType name="T"><xs:complexContent><xs:extension base="r:T"><xs:sequence><xs:element name="b" type="xs:string"/></xs:sequence></xs:extension></xs:complexContent></xs:complexType><xs:group name="G"><xs:sequence><xs:group ref="r:G"/><xs:element name="h" type="xs:string"/></xs:sequence></xs:group></xs:redefine></xs:schema>"#,
            ),
            (
                "c.xsd",
                r#"<xs:schema XS xmlns:r="urn:r" targetNamespace="urn:r"><xs:redefine schemaLocation="b.xsd"><xs:complexType name="T"><xs:complexContent><xs:extension base="r:T"/></xs:complexContent></xs:complexType><xs:attributeGroup name="Missing"/></xs:redefine></xs:schema>"#,
            ),
        ]);
        let schemas = load(&[dir.path().join("b.xsd")]).unwrap();
        let (b, a) = (&schemas[0], &schemas[1]);
        assert!(b.redefinitions.is_empty());
        assert_eq!(a.complex_types[0].name.as_deref(), Some("T.redefined"));
        assert_eq!(b.complex_types[0].name.as_deref(), Some("T"));
        assert_eq!(base_of(&b.complex_types[0]), &q("urn:r", "T.redefined"));
        assert_eq!(a.groups[0].name, "G.redefined");
        let crate::xsd::Particle::Sequence(seq) = &b.groups[0].particle else {
            panic!()
        };
        assert!(matches!(
            &seq.particles[0],
            crate::xsd::Particle::GroupRef { name, .. } if *name == q("urn:r", "G.redefined")
        ));
        // A redefinition of what the document does not define is an error.
        let errors = load(&[dir.path().join("c.xsd")]).unwrap_err();
        assert_eq!(
            messages(errors, dir.path()),
            [
                "c.xsd:1:239: invalid `xs:attributeGroup`: redefines attributeGroup `Missing`, which b.xsd does not define"
            ]
        );
        // Without it, the chain: c's T extends b's, which extends a's.
        std::fs::write(
            dir.path().join("c.xsd"),
            r#"<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:r="urn:r" targetNamespace="urn:r"><xs:redefine schemaLocation="b.xsd"><xs:complexType name="T"><xs:complexContent><xs:extension base="r:T"/></xs:complexContent></xs:complexType></xs:redefine></xs:schema>"#,
        )
        .unwrap();
        let schemas = load(&[dir.path().join("c.xsd")]).unwrap();
        let types: Vec<(&str, &str)> = schemas
            .iter()
            .flat_map(|s| &s.complex_types)
            .map(|t| (t.name.as_deref().unwrap(), base_of_or_none(t)))
            .collect();
        assert_eq!(
            types,
            [
                ("T", "T.redefined2"),
                ("T.redefined2", "T.redefined"),
                ("T.redefined", "")
            ]
        );
    }

    fn base_of_or_none(t: &ComplexType) -> &str {
        match &t.content {
            Content::Complex { base, .. } | Content::Simple { base, .. } => &base.name,
            Content::Particle(_) => "",
        }
    }

    #[test]
    fn an_override_replaces_outright_and_drops_what_replaces_nothing() {
        let dir = files(&[
            (
                "a.xsd",
                r#"<xs:schema XS><xs:include schemaLocation="a2.xsd"/><xs:element name="E" type="xs:string"/><xs:simpleType name="S"><xs:restriction base="xs:string"/></xs:simpleType></xs:schema>"#,
            ),
            (
                "a2.xsd",
                r#"<xs:schema XS><xs:complexType name="T"/></xs:schema>"#,
            ),
            (
                "o.xsd",
                r#"<xs:schema XS targetNamespace="urn:o"><xs:override schemaLocation="a.xsd"><xs:element name="E" type="xs:int"/><xs:complexType name="T"><xs:sequence><xs:element name="x" type="xs:string"/></xs:sequence></xs:complexType><xs:simpleType name="Unused"><xs:restriction base="xs:string"/></xs:simpleType></xs:override></xs:schema>"#,
            ),
        ]);
        let schemas = load(&[dir.path().join("o.xsd")]).unwrap();
        let (o, a, a2) = (&schemas[0], &schemas[1], &schemas[2]);
        assert_eq!(a.target_namespace.as_deref(), Some("urn:o"));
        assert!(a.elements.is_empty() && a2.complex_types.is_empty());
        assert_eq!(a.simple_types.len(), 1);
        assert_eq!(o.elements[0].ty, ElementType::Named(q(XS, "int")));
        assert_eq!(o.complex_types[0].name.as_deref(), Some("T"));
        assert!(
            o.simple_types.is_empty(),
            "Unused replaces nothing: dropped"
        );
    }
}
