//! Choices and substitution groups: the alternatives a choice may hold
//! (nested choices and groups flattened), as an enum item and the field of it.

use crate::error::ResolveError;
use crate::ident::{self, Scope};
use crate::ir::{self, Item, ItemRef, TypeRef};
use crate::xsd::{self, ModelGroup, Occurs, Particle, QName, Schema};

use super::Resolver;
use super::content::{Names, occurrence};

/// An element a choice may hold: wire name, namespace, type, doc, and what
/// its simple value is with its default.
pub(super) type Candidate = (
    String,
    Option<String>,
    TypeRef,
    Option<String>,
    (Option<ir::ValueInfo>, Option<String>),
);

impl<'s> Resolver<'s> {
    /// The members that may stand for global element `head`: itself unless
    /// abstract, and every element of its substitution group, transitively.
    pub(super) fn substitution_members(&self, head: &QName) -> Vec<QName> {
        let mut out = Vec::new();
        let mut stack = vec![head.clone()];
        while let Some(q) = stack.pop() {
            if out.contains(&q) {
                continue;
            }
            out.push(q.clone());
            if let Some(members) = self.substitutes.get(&q) {
                stack.extend(members.iter().rev().cloned());
            }
        }
        out.retain(|q| self.elements.get(q).is_some_and(|d| !d.def.is_abstract));
        out
    }

    /// A reference to the head of a substitution group, as a choice among its members.
    pub(super) fn substitution_field(
        &mut self,
        e: &xsd::Element,
        occurs: Occurs,
        owner: &ItemRef,
        names: &mut Names,
    ) -> Option<ir::Field> {
        let head = e.reference.as_ref()?;
        let is_head = self.substitutes.contains_key(head)
            || self.elements.get(head).is_some_and(|d| d.def.is_abstract);
        if !is_head {
            return None;
        }
        let members = self.substitution_members(head);
        let mut alternatives = Vec::new();
        for q in members {
            let global = self.elements[&q];
            let ty = self.global_element_type(global, &e.location)?;
            alternatives.push((
                q.name.clone(),
                q.namespace.clone(),
                ty,
                global.def.doc.clone(),
                self.candidate_value(global.def),
            ));
        }
        Some(self.make_choice(
            alternatives,
            None,
            occurs,
            owner,
            names,
            &head.name,
            e.doc.clone(),
        ))
    }

    pub(super) fn choice_field(
        &mut self,
        schema: &Schema,
        g: &ModelGroup,
        outer: Occurs,
        owner: &ItemRef,
        names: &mut Names,
        label: Option<&str>,
    ) -> Option<ir::Field> {
        let mut occurs = g.occurs.times(outer);
        let mut alternatives = Vec::new();
        let mut any = None;
        self.alternatives(
            schema,
            g,
            &mut alternatives,
            &mut any,
            &mut occurs,
            owner,
            0,
        )?;
        // An empty choice that may be absent (msData/modelGroups/mgH001)
        // holds nothing: no field.
        if alternatives.is_empty() && any.is_none() && occurs.min == 0 {
            return None;
        }
        let has_any = any.is_some();
        let field = self.make_choice(
            alternatives,
            any,
            occurs,
            owner,
            names,
            label.unwrap_or("choice"),
            None,
        );
        if has_any && self.validates_wildcards(g, 0) {
            if let TypeRef::Named(r) = &field.ty {
                if let Some(Item::Choice(c)) = self.item_mut(r) {
                    c.any_validated = true;
                }
            }
        }
        Some(field)
    }

    /// What the simple value of element `e` is, and its default.
    fn candidate_value(&self, e: &xsd::Element) -> (Option<ir::ValueInfo>, Option<String>) {
        (self.element_value_info(e), self.element_default(e))
    }

    /// Whether a wildcard among the alternatives of `g` validates its
    /// content (`processContents` other than `skip`).
    fn validates_wildcards(&self, g: &ModelGroup, depth: usize) -> bool {
        depth < 32
            && g.particles.iter().any(|p| match p {
                Particle::Any(w) => w.process_contents != "skip",
                Particle::Choice(inner) | Particle::Sequence(inner) | Particle::All(inner) => {
                    self.validates_wildcards(inner, depth + 1)
                }
                Particle::GroupRef { name, .. } => {
                    self.groups
                        .get(name)
                        .is_some_and(|group| match &group.def.particle {
                            Particle::Choice(inner)
                            | Particle::Sequence(inner)
                            | Particle::All(inner) => self.validates_wildcards(inner, depth + 1),
                            _ => false,
                        })
                }
                Particle::Element(_) => false,
            })
    }

    /// Collects the elements a choice may hold, flattening nested choices and
    /// groups. A repeated alternative makes the whole choice repeat.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn alternatives(
        &mut self,
        schema: &Schema,
        g: &ModelGroup,
        out: &mut Vec<Candidate>,
        any: &mut Option<ir::NamespaceConstraint>,
        occurs: &mut Occurs,
        owner: &ItemRef,
        depth: usize,
    ) -> Option<()> {
        for p in &g.particles {
            // A particle that may not occur is no alternative.
            if p.occurs().max == Some(0) {
                continue;
            }
            match p {
                Particle::Element(e) => {
                    if e.occurs.repeats() {
                        occurs.max = None;
                    }
                    if e.occurs.min == 0 {
                        occurs.min = 0;
                    }
                    if let Some(head) = &e.reference {
                        let members = self.substitution_members(head);
                        if members.len() != 1 || &members[0] != head {
                            for q in members {
                                let global = self.elements[&q];
                                let ty = self.global_element_type(global, &e.location)?;
                                out.push((
                                    q.name.clone(),
                                    q.namespace.clone(),
                                    ty,
                                    global.def.doc.clone(),
                                    self.candidate_value(global.def),
                                ));
                            }
                            continue;
                        }
                    }
                    let (wire, ns, ty) = self.element_decl(schema, e, owner)?;
                    out.push((wire, ns, ty, e.doc.clone(), self.candidate_value(e)));
                }
                Particle::Any(w) => {
                    let allowed = super::attributes::namespace_constraint(schema, &w.namespace);
                    *any = Some(match any.take() {
                        Some(before) => before.union(allowed),
                        None => allowed,
                    });
                    if w.occurs.repeats() {
                        occurs.max = None;
                    }
                    if w.occurs.min == 0 {
                        occurs.min = 0;
                    }
                }
                Particle::Choice(inner) if depth < 32 => {
                    if inner.occurs.repeats() {
                        occurs.max = None;
                    }
                    if inner.occurs.min == 0 {
                        occurs.min = 0;
                    }
                    self.alternatives(schema, inner, out, any, occurs, owner, depth + 1)?;
                }
                Particle::GroupRef {
                    name,
                    location,
                    occurs: group_occurs,
                } if depth < 32 => {
                    let Some(group) = self.groups.get(name).copied() else {
                        self.unresolved(location, "group reference".into(), name);
                        return None;
                    };
                    if group_occurs.repeats() {
                        occurs.max = None;
                    }
                    if group_occurs.min == 0 {
                        occurs.min = 0;
                    }
                    match &group.def.particle {
                        Particle::Choice(inner) => self.alternatives(
                            group.schema,
                            inner,
                            out,
                            any,
                            occurs,
                            owner,
                            depth + 1,
                        )?,
                        Particle::Sequence(inner) | Particle::All(inner) => self
                            .sequence_alternative(
                                group.schema,
                                inner,
                                out,
                                any,
                                occurs,
                                owner,
                                depth,
                            )?,
                        _ => {}
                    }
                }
                // A sequence (or all) as one alternative: its elements are
                // alternatives too, and one occurrence of the choice may hold
                // several of them, in document order.
                Particle::Sequence(inner) | Particle::All(inner) if depth < 32 => {
                    self.sequence_alternative(schema, inner, out, any, occurs, owner, depth)?;
                }
                Particle::Sequence(inner) | Particle::All(inner) | Particle::Choice(inner) => {
                    self.errors.push(ResolveError::Unsupported {
                        location: inner.location.clone(),
                        construct: "deeply nested groups".into(),
                        detail: "groups nested more than 32 deep".into(),
                    });
                    return None;
                }
                Particle::GroupRef { location, .. } => {
                    self.errors.push(ResolveError::Unsupported {
                        location: location.clone(),
                        construct: "deeply nested groups".into(),
                        detail: "groups nested more than 32 deep".into(),
                    });
                    return None;
                }
            }
        }
        Some(())
    }

    /// The elements of sequence (or all) `g`, one alternative of a choice:
    /// each is an alternative, and the choice repeats (an occurrence of it
    /// holds several elements); an empty one makes the choice optional.
    #[allow(clippy::too_many_arguments)]
    fn sequence_alternative(
        &mut self,
        schema: &Schema,
        g: &ModelGroup,
        out: &mut Vec<Candidate>,
        any: &mut Option<ir::NamespaceConstraint>,
        occurs: &mut Occurs,
        owner: &ItemRef,
        depth: usize,
    ) -> Option<()> {
        if g.occurs.repeats() || g.particles.len() > 1 {
            occurs.max = None;
        }
        if g.occurs.min == 0 || g.particles.is_empty() {
            occurs.min = 0;
        }
        self.alternatives(schema, g, out, any, occurs, owner, depth + 1)
    }

    #[allow(clippy::too_many_arguments)]
    pub(super) fn make_choice(
        &mut self,
        alternatives: Vec<Candidate>,
        any: Option<ir::NamespaceConstraint>,
        occurs: Occurs,
        owner: &ItemRef,
        names: &mut Names,
        label: &str,
        doc: Option<String>,
    ) -> ir::Field {
        let base = format!("{}{}", owner.name, ident::type_name(label));
        let name = self.unique(&owner.module, base.clone());
        let mut variant_names = Scope::new();
        let mut seen = std::collections::BTreeSet::new();
        let alternatives: Vec<ir::Alternative> = alternatives
            .into_iter()
            .filter(|(wire, ns, ..)| seen.insert((ns.clone(), wire.clone())))
            .map(
                |(wire_name, namespace, ty, doc, (value_info, default))| ir::Alternative {
                    name: variant_names.unique(ident::type_name(&wire_name)),
                    wire_name,
                    namespace,
                    ty,
                    boxed: false,
                    doc,
                    value_info,
                    default,
                },
            )
            .collect();
        let r = ItemRef {
            module: owner.module.clone(),
            name: name.clone(),
        };
        let choice = ir::Choice {
            name: name.clone(),
            doc: doc.clone(),
            alternatives,
            any,
            any_validated: false,
        };
        let location = self.locations.get(owner).cloned().unwrap_or_else(|| {
            self.schemas[0]
                .elements
                .first()
                .map(|e| e.location.clone())
                .unwrap_or_else(|| crate::error::Location {
                    file: self.schemas[0].file.clone(),
                    line: 1,
                    column: 1,
                })
        });
        self.insert_item(&r, Item::Choice(choice), &location);
        ir::Field {
            name: names.rust.unique(ident::field_name(label)),
            wire_name: label.to_string(),
            namespace: None,
            ty: TypeRef::Named(ItemRef {
                module: owner.module.clone(),
                name,
            }),
            occurrence: occurrence(occurs),
            boxed: false,
            flatten: true,
            doc,
            value_info: None,
            default: None,
        }
    }
}
