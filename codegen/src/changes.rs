//! What changed between two models: the summary a user reads when a new
//! release of a schema comes out (types added and removed, enumeration
//! values added and removed, fields added and removed).

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use crate::ir::{Item, Model};

/// The differences between an old and a new model, by Rust path
/// (`types::ItemType`) and wire name.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Changes {
    /// Types only the new model has.
    pub added_types: Vec<String>,
    /// Types only the old model has.
    pub removed_types: Vec<String>,
    /// Enumeration values the new model adds, by enumeration.
    pub added_values: BTreeMap<String, Vec<String>>,
    /// Enumeration values the new model drops, by enumeration.
    pub removed_values: BTreeMap<String, Vec<String>>,
    /// Child elements and attributes the new model adds, by struct.
    pub added_fields: BTreeMap<String, Vec<String>>,
    /// Child elements and attributes the new model drops, by struct.
    pub removed_fields: BTreeMap<String, Vec<String>>,
}

impl Changes {
    /// Whether the two models are the same in every way this summary looks at.
    pub fn is_empty(&self) -> bool {
        *self == Changes::default()
    }
}

/// The changes from `old` to `new`.
pub fn changes(old: &Model, new: &Model) -> Changes {
    let items = |m: &Model| -> BTreeMap<String, Item> {
        m.items()
            .map(|(module, item)| {
                let name = match item {
                    Item::Struct(s) => &s.name,
                    Item::Enum(e) => &e.name,
                    Item::Choice(c) => &c.name,
                    Item::List(l) => &l.name,
                };
                let path = if module.is_empty() {
                    name.clone()
                } else {
                    format!("{module}::{name}")
                };
                (path, item.clone())
            })
            .collect()
    };
    let (old, new) = (items(old), items(new));
    let mut out = Changes {
        added_types: new
            .keys()
            .filter(|k| !old.contains_key(*k))
            .cloned()
            .collect(),
        removed_types: old
            .keys()
            .filter(|k| !new.contains_key(*k))
            .cloned()
            .collect(),
        ..Changes::default()
    };
    for (path, before) in &old {
        let Some(after) = new.get(path) else { continue };
        let (a, b, added, removed) = match (before, after) {
            (Item::Enum(a), Item::Enum(b)) => (
                a.variants
                    .iter()
                    .map(|v| v.value.clone())
                    .collect::<BTreeSet<_>>(),
                b.variants
                    .iter()
                    .map(|v| v.value.clone())
                    .collect::<BTreeSet<_>>(),
                &mut out.added_values,
                &mut out.removed_values,
            ),
            (Item::Struct(a), Item::Struct(b)) => {
                let members = |s: &crate::ir::Struct| -> BTreeSet<String> {
                    s.fields
                        .iter()
                        .map(|f| f.wire_name.clone())
                        .chain(s.attributes.iter().map(|a| format!("@{}", a.wire_name)))
                        .collect()
                };
                (
                    members(a),
                    members(b),
                    &mut out.added_fields,
                    &mut out.removed_fields,
                )
            }
            _ => continue,
        };
        let plus: Vec<String> = b.difference(&a).cloned().collect();
        let minus: Vec<String> = a.difference(&b).cloned().collect();
        if !plus.is_empty() {
            added.insert(path.clone(), plus);
        }
        if !minus.is_empty() {
            removed.insert(path.clone(), minus);
        }
    }
    out
}

impl fmt::Display for Changes {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.is_empty() {
            return writeln!(f, "no changes");
        }
        let list = |f: &mut fmt::Formatter<'_>, title: &str, items: &[String]| {
            if !items.is_empty() {
                writeln!(f, "{title} ({}):", items.len())?;
                for item in items {
                    writeln!(f, "  {item}")?;
                }
            }
            Ok(())
        };
        let map =
            |f: &mut fmt::Formatter<'_>, title: &str, items: &BTreeMap<String, Vec<String>>| {
                if !items.is_empty() {
                    let count: usize = items.values().map(Vec::len).sum();
                    writeln!(f, "{title} ({count} in {} types):", items.len())?;
                    for (path, values) in items {
                        writeln!(f, "  {path}: {}", values.join(", "))?;
                    }
                }
                Ok(())
            };
        list(f, "types added", &self.added_types)?;
        list(f, "types removed", &self.removed_types)?;
        map(f, "enumeration values added", &self.added_values)?;
        map(f, "enumeration values removed", &self.removed_values)?;
        map(f, "elements and @attributes added", &self.added_fields)?;
        map(f, "elements and @attributes removed", &self.removed_fields)
    }
}
