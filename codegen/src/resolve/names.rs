//! Module names, namespaces of types, and namespace prefixes.

use std::collections::{BTreeMap, BTreeSet};

use heck::ToSnakeCase;

use crate::ident::{self, Scope};
use crate::ir::{Item, ItemRef, Model, TypeRef};
use crate::xsd::Schema;

/// One module per target namespace, named after the namespace's last word
/// (`.../2006/types` gives `types`); a single namespace gives the top level (`""`).
pub(super) fn module_names(
    namespaces: &BTreeSet<Option<String>>,
) -> BTreeMap<Option<String>, String> {
    if namespaces.len() <= 1 {
        return namespaces
            .iter()
            .map(|ns| (ns.clone(), String::new()))
            .collect();
    }
    let mut scope = Scope::new();
    namespaces
        .iter()
        .map(|ns| {
            let word = ns
                .as_deref()
                .map(|uri| {
                    uri.trim_end_matches(['/', '#'])
                        .rsplit(['/', ':', '#'])
                        .find(|w| w.chars().any(|c| c.is_alphabetic()))
                        .unwrap_or("ns")
                        .to_snake_case()
                })
                .unwrap_or_else(|| "unqualified".into());
            let word = ident::field_name(&word);
            (ns.clone(), scope.unique(word))
        })
        .collect()
}

/// A named complex type's own element is in a namespace only through the
/// fields (and choices) that use it: when all of them agree, the struct may
/// declare it.
pub(super) fn assign_type_namespaces(model: &mut Model) {
    let mut uses: BTreeMap<ItemRef, BTreeSet<Option<String>>> = BTreeMap::new();
    for (_, item) in model.items() {
        match item {
            Item::Struct(s) => {
                for f in s.fields.iter().filter(|f| !f.flatten) {
                    if let TypeRef::Named(n) = &f.ty {
                        uses.entry(n.clone())
                            .or_default()
                            .insert(f.namespace.clone());
                    }
                }
            }
            Item::Choice(c) => {
                for a in &c.alternatives {
                    if let TypeRef::Named(n) = &a.ty {
                        uses.entry(n.clone())
                            .or_default()
                            .insert(a.namespace.clone());
                    }
                }
            }
            Item::Enum(_) | Item::List(_) | Item::Derived(_) => {}
        }
    }
    // An element of a type that others derive from may have any of them:
    // the namespaces of its uses are theirs too.
    for (module, item) in model.items() {
        if let Item::Derived(d) = item {
            let r = ItemRef {
                module: module.to_string(),
                name: d.name.clone(),
            };
            let Some(set) = uses.get(&r).cloned() else {
                continue;
            };
            for v in &d.variants {
                uses.entry(v.ty.clone())
                    .or_default()
                    .extend(set.iter().cloned());
            }
        }
    }
    for (module, m) in model.modules.iter_mut() {
        for item in m.items.values_mut() {
            if let Item::Struct(s) = item {
                if !s.is_element {
                    let r = ItemRef {
                        module: module.clone(),
                        name: s.name.clone(),
                    };
                    s.namespace = match uses.get(&r) {
                        Some(set) if set.len() == 1 => set.iter().next().cloned().flatten(),
                        _ => None,
                    };
                    if s.namespace.is_none() {
                        s.use_namespaces = uses
                            .get(&r)
                            .map(|set| set.iter().flatten().cloned().collect())
                            .unwrap_or_default();
                    }
                }
            }
        }
    }
}

/// One prefix per namespace the generated code names: the prefix the schema
/// itself binds to it where it binds one, else `tns`, `ns2`, ...
pub(super) fn assign_prefixes(model: &mut Model, schemas: &[Schema]) {
    let mut used = BTreeSet::new();
    for (_, item) in model.items() {
        match item {
            Item::Struct(s) => {
                used.extend(s.namespace.iter().cloned());
                used.extend(s.fields.iter().filter_map(|f| f.namespace.clone()));
                used.extend(s.attributes.iter().filter_map(|a| a.namespace.clone()));
            }
            Item::Choice(c) => {
                used.extend(c.alternatives.iter().filter_map(|a| a.namespace.clone()))
            }
            Item::Derived(d) => {
                used.extend(d.variants.iter().filter_map(|v| v.type_name.0.clone()))
            }
            Item::Enum(_) | Item::List(_) => {}
        }
    }
    let mut taken = BTreeSet::new();
    for uri in used {
        let preferred = if uri == crate::xsd::XML {
            Some("xml".to_string())
        } else if uri == crate::xsd::XSI {
            Some("xsi".to_string())
        } else {
            schemas
                .iter()
                .filter(|s| s.target_namespace.as_deref() == Some(&uri))
                .find_map(|s| s.target_prefix.clone())
                .filter(|p| p.chars().all(|c| c.is_ascii_alphanumeric()) && !p.starts_with("xml"))
        };
        let prefix = preferred.filter(|p| !taken.contains(p)).unwrap_or_else(|| {
            (1..)
                .map(|n| {
                    if n == 1 {
                        "tns".to_string()
                    } else {
                        format!("ns{n}")
                    }
                })
                .find(|p| !taken.contains(p))
                .expect("an unbounded range always yields a free prefix")
        });
        taken.insert(prefix.clone());
        model.prefixes.insert(uri, prefix);
    }
}
