//! `xs:redefine` and `xs:override`, applied to the loaded schema set, so
//! that later stages see ordinary definitions:
//!
//! - a redefined simple type, complex type, group or attribute group
//!   replaces the original everywhere; the original stays, under a hidden
//!   name (`Name.redefined`), and the redefinition's reference to itself (the
//!   base of a type, the group reference inside a group) refers to it;
//! - an overriding component replaces the original outright; one that
//!   replaces nothing is dropped (XSD 1.1, 4.2.5).

use std::collections::BTreeSet;

use super::model::*;
use crate::error::{Location, ParseError};

/// The documents a loaded schema includes, redefines or overrides, by index
/// in the schema set.
pub(crate) struct Links {
    /// The document of each of its redefinitions, in order (`None`: it was
    /// not loaded, an error says why).
    pub redefined: Vec<Option<usize>>,
    /// Every document it includes, redefines or overrides.
    pub included: Vec<usize>,
}

/// Applies every schema's redefinitions, the last loaded first (a document
/// that redefines one that redefines another: the inner one first).
pub(crate) fn apply(schemas: &mut [Schema], links: &[Links], errors: &mut Vec<ParseError>) {
    for s in (0..schemas.len()).rev() {
        let redefinitions = std::mem::take(&mut schemas[s].redefinitions);
        for (r, target) in redefinitions.into_iter().zip(&links[s].redefined) {
            let Some(target) = *target else { continue };
            let scope = closure(target, s, links);
            let mut ctx = Context {
                schemas: &mut *schemas,
                s,
                scope: &scope,
                kind: r.kind,
                schema_location: &r.schema_location,
                errors: &mut *errors,
            };
            let c = r.components;
            ctx.apply(c.simple_types, &SIMPLE_TYPES);
            ctx.apply(c.complex_types, &COMPLEX_TYPES);
            ctx.apply(c.groups, &GROUPS);
            ctx.apply(c.attribute_groups, &ATTRIBUTE_GROUPS);
            ctx.apply(c.elements, &ELEMENTS);
            ctx.apply(c.attributes, &ATTRIBUTES);
            ctx.apply(c.notations, &NOTATIONS);
        }
    }
}

/// `target` and the documents it includes, redefines or overrides,
/// transitively (breadth first), without `except` (the redefining one).
fn closure(target: usize, except: usize, links: &[Links]) -> Vec<usize> {
    let mut order = vec![target];
    let mut seen: BTreeSet<usize> = [target, except].into();
    let mut i = 0;
    while let Some(&next) = order.get(i) {
        for &included in &links[next].included {
            if seen.insert(included) {
                order.push(included);
            }
        }
        i += 1;
    }
    order
}

/// One kind of top-level component: its list in a schema, its name, and
/// how a redefinition refers to the component it replaces.
struct Kind<T> {
    name: &'static str,
    list: fn(&mut Schema) -> &mut Vec<T>,
    get_name: fn(&T) -> &str,
    set_name: fn(&mut T, String),
    location: fn(&T) -> &Location,
    /// Replaces, in a redefinition, its references to itself (`from`) by
    /// references to the original (`to`).
    self_references: fn(&mut T, &QName, &QName),
}

const SIMPLE_TYPES: Kind<SimpleType> = Kind {
    name: "simpleType",
    list: |s| &mut s.simple_types,
    get_name: |t| t.name.as_deref().unwrap_or_default(),
    set_name: |t, n| t.name = Some(n),
    location: |t| &t.location,
    self_references: |t, from, to| {
        if let SimpleContent::Restriction {
            base: SimpleRef::Named(base),
            ..
        } = &mut t.content
        {
            if base == from {
                *base = to.clone();
            }
        }
    },
};

const COMPLEX_TYPES: Kind<ComplexType> = Kind {
    name: "complexType",
    list: |s| &mut s.complex_types,
    get_name: |t| t.name.as_deref().unwrap_or_default(),
    set_name: |t, n| t.name = Some(n),
    location: |t| &t.location,
    self_references: |t, from, to| {
        if let Content::Simple { base, .. } | Content::Complex { base, .. } = &mut t.content {
            if base == from {
                *base = to.clone();
            }
        }
    },
};

const GROUPS: Kind<Group> = Kind {
    name: "group",
    list: |s| &mut s.groups,
    get_name: |g| &g.name,
    set_name: |g, n| g.name = n,
    location: |g| &g.location,
    self_references: |g, from, to| group_references(&mut g.particle, from, to),
};

const ATTRIBUTE_GROUPS: Kind<AttributeGroup> = Kind {
    name: "attributeGroup",
    list: |s| &mut s.attribute_groups,
    get_name: |g| &g.name,
    set_name: |g, n| g.name = n,
    location: |g| &g.location,
    self_references: |g, from, to| {
        for u in &mut g.attributes {
            if let AttributeUse::GroupRef { name, .. } = u {
                if name == from {
                    *name = to.clone();
                }
            }
        }
    },
};

const ELEMENTS: Kind<Element> = Kind {
    name: "element",
    list: |s| &mut s.elements,
    get_name: |e| &e.name,
    set_name: |e, n| e.name = n,
    location: |e| &e.location,
    self_references: |_, _, _| {},
};

const ATTRIBUTES: Kind<Attribute> = Kind {
    name: "attribute",
    list: |s| &mut s.attributes,
    get_name: |a| &a.name,
    set_name: |a, n| a.name = n,
    location: |a| &a.location,
    self_references: |_, _, _| {},
};

const NOTATIONS: Kind<Notation> = Kind {
    name: "notation",
    list: |s| &mut s.notations,
    get_name: |n| &n.name,
    set_name: |n, name| n.name = name,
    location: |n| &n.location,
    self_references: |_, _, _| {},
};

fn group_references(p: &mut Particle, from: &QName, to: &QName) {
    match p {
        Particle::GroupRef { name, .. } if name == from => *name = to.clone(),
        Particle::Sequence(g) | Particle::Choice(g) | Particle::All(g) => {
            for p in &mut g.particles {
                group_references(p, from, to);
            }
        }
        _ => {}
    }
}

struct Context<'a> {
    schemas: &'a mut [Schema],
    /// The redefining schema.
    s: usize,
    /// The redefined document and those it includes, nearest first.
    scope: &'a [usize],
    kind: RedefinitionKind,
    schema_location: &'a str,
    errors: &'a mut Vec<ParseError>,
}

impl Context<'_> {
    fn apply<T>(&mut self, components: Vec<T>, kind: &Kind<T>) {
        let namespace = self.schemas[self.s].target_namespace.clone();
        for mut component in components {
            let name = (kind.get_name)(&component).to_string();
            let defines = |schema: &mut Schema| {
                (kind.list)(schema)
                    .iter()
                    .position(|c| (kind.get_name)(c) == name)
            };
            match self.kind {
                RedefinitionKind::Redefine => {
                    let found = self.scope.iter().find_map(|&i| {
                        let at = defines(&mut self.schemas[i])?;
                        Some((i, at))
                    });
                    let Some((i, at)) = found else {
                        self.errors.push(ParseError::Invalid {
                            location: (kind.location)(&component).clone(),
                            construct: format!("xs:{}", kind.name),
                            message: format!(
                                "redefines {} `{name}`, which {} does not define",
                                kind.name, self.schema_location
                            ),
                        });
                        continue;
                    };
                    let hidden = self.hidden_name(kind, &name);
                    let original = &mut (kind.list)(&mut self.schemas[i])[at];
                    (kind.set_name)(original, hidden.clone());
                    let from = QName {
                        namespace: namespace.clone(),
                        name,
                    };
                    let to = QName {
                        namespace: namespace.clone(),
                        name: hidden,
                    };
                    (kind.self_references)(&mut component, &from, &to);
                    (kind.list)(&mut self.schemas[self.s]).push(component);
                }
                RedefinitionKind::Override => {
                    let mut replaced = false;
                    for &i in self.scope {
                        let list = (kind.list)(&mut self.schemas[i]);
                        let before = list.len();
                        list.retain(|c| (kind.get_name)(c) != name);
                        replaced |= list.len() != before;
                    }
                    if replaced {
                        (kind.list)(&mut self.schemas[self.s]).push(component);
                    }
                }
            }
        }
    }

    /// A name for the original of redefined component `name`, taken by no
    /// component of its kind in the scope: `name.redefined`, then
    /// `name.redefined2`, ...
    fn hidden_name<T>(&mut self, kind: &Kind<T>, name: &str) -> String {
        let mut taken = BTreeSet::new();
        for &i in self.scope.iter().chain([&self.s]) {
            for c in (kind.list)(&mut self.schemas[i]).iter() {
                taken.insert((kind.get_name)(c).to_string());
            }
        }
        (1..)
            .map(|n| {
                if n == 1 {
                    format!("{name}.redefined")
                } else {
                    format!("{name}.redefined{n}")
                }
            })
            .find(|candidate| !taken.contains(candidate))
            .expect("an unbounded range always yields a free name")
    }
}
