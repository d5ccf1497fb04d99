//! Loading a schema set: the given files and every file they import or include.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use super::model::Schema;
use super::parse::parse_file;
use crate::error::ParseError;

/// Parses `roots` and, transitively, the files their `xs:import` and
/// `xs:include` name by `schemaLocation` (relative to the naming file). Each
/// file is read once, so import cycles are fine. An included schema without
/// a target namespace takes the including schema's (a "chameleon" include).
///
/// Imports without `schemaLocation` name a namespace only: the `xml`
/// namespace is built in; any other such namespace must come from another
/// root file.
pub fn load(roots: &[impl AsRef<Path>]) -> Result<Vec<Schema>, Vec<ParseError>> {
    let mut seen = BTreeSet::new();
    let mut schemas = Vec::new();
    let mut errors = Vec::new();
    // (file, namespace an include imposes)
    let mut queue: Vec<(PathBuf, Option<String>)> = roots
        .iter()
        .map(|p| (p.as_ref().to_path_buf(), None))
        .collect();
    queue.reverse();
    while let Some((path, chameleon)) = queue.pop() {
        let key = std::fs::canonicalize(&path).unwrap_or_else(|_| path.clone());
        if !seen.insert((key, chameleon.clone())) {
            continue;
        }
        let mut schema = match parse_file(&path) {
            Ok(schema) => schema,
            Err(e) => {
                errors.extend(e);
                continue;
            }
        };
        if schema.target_namespace.is_none() {
            schema.target_namespace = chameleon;
        }
        let dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
        let mut next = Vec::new();
        for include in &schema.includes {
            let target = dir.join(&include.schema_location);
            if target.is_file() {
                next.push((target, schema.target_namespace.clone()));
            } else {
                errors.push(ParseError::MissingFile {
                    location: include.location.clone(),
                    path: target,
                });
            }
        }
        for import in &schema.imports {
            let Some(location) = &import.schema_location else {
                continue;
            };
            let target = dir.join(location);
            if target.is_file() {
                next.push((target, None));
            } else {
                errors.push(ParseError::MissingFile {
                    location: import.location.clone(),
                    path: target,
                });
            }
        }
        schemas.push(schema);
        // Depth first, in document order.
        queue.extend(next.into_iter().rev());
    }
    if errors.is_empty() {
        Ok(schemas)
    } else {
        Err(errors)
    }
}
