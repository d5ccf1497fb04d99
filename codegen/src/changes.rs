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

    /// Whether the new model removes something the old one has: a type, an
    /// enumeration value, an element or attribute. Code written against the
    /// old model may not compile against the new one, and documents it
    /// wrote may not be read.
    pub fn is_breaking(&self) -> bool {
        !(self.removed_types.is_empty()
            && self.removed_values.is_empty()
            && self.removed_fields.is_empty())
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
                    Item::Derived(d) => &d.name,
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

/// How wide a line of [`Changes`]' `Display` grows before its list of
/// values wraps (a name longer than that still stands whole on its line).
const WIDTH: usize = 100;

/// A person's summary, grouped: types added, types removed, then the
/// enumeration values of each enumeration, then the elements and
/// `@attributes` of each struct, each group with its count. Nothing
/// changed: `no changes`.
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
        let map = |f: &mut fmt::Formatter<'_>,
                   title: &str,
                   kind: &str,
                   items: &BTreeMap<String, Vec<String>>| {
            if items.is_empty() {
                return Ok(());
            }
            let count: usize = items.values().map(Vec::len).sum();
            let n = items.len();
            writeln!(f, "{title} ({count} in {n} {kind}{}):", plural(n))?;
            for (path, values) in items {
                let mut line = match values.len() {
                    1 => format!("  {path}:"),
                    n => format!("  {path} ({n}):"),
                };
                for (i, value) in values.iter().enumerate() {
                    let comma = if i + 1 < values.len() { "," } else { "" };
                    if i > 0 && line.len() + 1 + value.len() + comma.len() > WIDTH {
                        writeln!(f, "{line}")?;
                        line = "     ".to_string();
                    }
                    line.push(' ');
                    line.push_str(value);
                    line.push_str(comma);
                }
                writeln!(f, "{line}")?;
            }
            Ok(())
        };
        list(f, "types added", &self.added_types)?;
        list(f, "types removed", &self.removed_types)?;
        map(
            f,
            "enumeration values added",
            "enumeration",
            &self.added_values,
        )?;
        map(
            f,
            "enumeration values removed",
            "enumeration",
            &self.removed_values,
        )?;
        map(
            f,
            "elements and @attributes added",
            "struct",
            &self.added_fields,
        )?;
        map(
            f,
            "elements and @attributes removed",
            "struct",
            &self.removed_fields,
        )
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summary_counts_wraps_and_says_what_breaks() {
        let mut changes = Changes::default();
        assert!(!changes.is_breaking());
        assert_eq!(changes.to_string(), "no changes\n");

        changes.added_types.push("types::New".into());
        let many: Vec<String> = (0..12).map(|i| format!("Value{i:02}")).collect();
        changes.added_values.insert("types::Colour".into(), many);
        assert!(!changes.is_breaking(), "additions break nothing");
        changes
            .removed_fields
            .insert("types::Item".into(), vec!["Size".into(), "@id".into()]);
        assert!(changes.is_breaking());
        changes
            .removed_values
            .insert("types::Shape".into(), vec!["Round".into()]);

        let text = changes.to_string();
        assert_eq!(
            text,
            "\
types added (1):
  types::New
enumeration values added (12 in 1 enumeration):
  types::Colour (12): Value00, Value01, Value02, Value03, Value04, Value05, Value06, Value07,
      Value08, Value09, Value10, Value11
enumeration values removed (1 in 1 enumeration):
  types::Shape: Round
elements and @attributes removed (2 in 1 struct):
  types::Item (2): Size, @id
"
        );
        assert!(text.lines().all(|l| l.len() <= WIDTH), "{text}");
    }
}
