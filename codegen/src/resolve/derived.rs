//! Types derived from: an element declared with a complex type that other
//! types derive from (by extension or restriction, in any schema of the
//! set) may have any of them, named by its `xsi:type`. Such a type gets an
//! enum of itself (unless it is abstract) and its derivations, and every
//! member declared with the type holds the enum.

use std::collections::{BTreeSet, HashMap};

use super::Resolver;
use crate::ident::Scope;
use crate::ir::{self, Item, ItemRef, TypeRef};
use crate::xsd::{self, QName};

impl Resolver<'_> {
    /// Builds the enums of the types derived from, and points every field
    /// and alternative declared with such a type at its enum.
    pub(super) fn derived_types(&mut self) {
        // Each type's direct derivations, in schema order.
        let mut order = Vec::new();
        let mut direct: HashMap<QName, Vec<QName>> = HashMap::new();
        for schema in self.schemas {
            for t in &schema.complex_types {
                let key = super::qname(schema, t.name.as_deref().unwrap_or_default());
                order.push(key.clone());
                let base = match &t.content {
                    xsd::Content::Complex { base, .. } | xsd::Content::Simple { base, .. } => base,
                    xsd::Content::Particle(_) => continue,
                };
                if self.complex.contains_key(base) && *base != key {
                    direct.entry(base.clone()).or_default().push(key);
                }
            }
        }
        // The types some member is declared with (a type that is only a
        // base needs no enum).
        let mut used: BTreeSet<ItemRef> = BTreeSet::new();
        for module in self.items.values() {
            for item in module.items.values() {
                let tys: Vec<&TypeRef> = match item {
                    Item::Struct(s) => s.fields.iter().map(|f| &f.ty).collect(),
                    Item::Choice(c) => c.alternatives.iter().map(|a| &a.ty).collect(),
                    Item::Enum(_) | Item::List(_) | Item::Derived(_) => continue,
                };
                used.extend(tys.into_iter().filter_map(|t| match t {
                    TypeRef::Named(r) => Some(r.clone()),
                    TypeRef::Builtin(_) => None,
                }));
            }
        }
        let mut families: HashMap<ItemRef, ItemRef> = HashMap::new();
        for key in order {
            if !direct.contains_key(&key) {
                continue;
            }
            let Some(declared) = self.struct_of(&key).filter(|r| used.contains(r)) else {
                continue;
            };
            // Every type derived from it, nearest first; a cycle (an error
            // reported where the types are built) ends the walk.
            let mut all = vec![key.clone()];
            let mut seen: BTreeSet<QName> = all.iter().cloned().collect();
            let mut i = 0;
            while i < all.len() {
                for d in direct.get(&all[i]).into_iter().flatten() {
                    if seen.insert(d.clone()) {
                        all.push(d.clone());
                    }
                }
                i += 1;
            }
            let is_abstract = self.complex[&key].def.is_abstract;
            let mut names = Scope::new();
            let variants: Vec<ir::DerivedVariant> = all
                .iter()
                .filter(|q| !self.complex[*q].def.is_abstract)
                .filter_map(|q| {
                    let ty = self.struct_of(q)?;
                    Some(ir::DerivedVariant {
                        name: names.unique(ty.name.clone()),
                        type_name: (q.namespace.clone(), q.name.clone()),
                        boxed: *q != key,
                        ty,
                    })
                })
                .collect();
            // Nothing to choose from: the declared type alone, or no
            // concrete type at all (no element can be valid).
            if variants.is_empty() || (variants.len() == 1 && !is_abstract) {
                continue;
            }
            let name = self.unique(&declared.module, format!("Any{}", declared.name));
            let r = ItemRef {
                module: declared.module.clone(),
                name: name.clone(),
            };
            let location = self.complex[&key].def.location.clone();
            let item = ir::Derived {
                name,
                doc: Some(format!(
                    "`{}` or a type derived from it, as its element's `xsi:type` says.",
                    key.name
                )),
                declared: declared.clone(),
                declared_name: (key.namespace.clone(), key.name.clone()),
                is_abstract,
                variants,
            };
            // A nillable element of the type may have any of them: each
            // has `xsi:nil`.
            if self.nillable.contains(&declared) {
                self.nillable
                    .extend(item.variants.iter().map(|v| v.ty.clone()));
            }
            self.insert_item(&r, Item::Derived(item), &location);
            families.insert(declared, r);
        }
        if families.is_empty() {
            return;
        }
        let swap = |ty: &mut TypeRef| {
            if let TypeRef::Named(r) = ty {
                if let Some(family) = families.get(r) {
                    *r = family.clone();
                }
            }
        };
        for module in self.items.values_mut() {
            for item in module.items.values_mut() {
                match item {
                    Item::Struct(s) => s.fields.iter_mut().for_each(|f| swap(&mut f.ty)),
                    Item::Choice(c) => c.alternatives.iter_mut().for_each(|a| swap(&mut a.ty)),
                    Item::Enum(_) | Item::List(_) | Item::Derived(_) => {}
                }
            }
        }
    }

    /// The struct built for named complex type `key`, if there is one.
    fn struct_of(&self, key: &QName) -> Option<ItemRef> {
        let r = self.type_items.get(key)?;
        matches!(
            self.items.get(&r.module)?.items.get(&r.name),
            Some(Item::Struct(_))
        )
        .then(|| r.clone())
    }
}
