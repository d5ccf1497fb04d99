//! Complex types: content models flattened into fields (sequences, groups,
//! derivation), with the elements (`elements`), choices (`choices`) and
//! attributes (`attributes`) they hold.

use crate::error::ResolveError;
use crate::ident::Scope;
use crate::ir::{self, ItemRef, Occurrence, TypeRef};
use crate::xsd::{
    self, ComplexType, Derivation, ModelGroup, Occurs, Particle, QName, Schema, XS, XSI,
};

use super::Resolver;
use super::attributes::{merge_attributes, namespace_constraint};

/// What a complex type contains, flattened: its base's content first.
#[derive(Clone, Debug, Default)]
pub(crate) struct Content {
    pub fields: Vec<ir::Field>,
    pub attributes: Vec<ir::Attribute>,
    pub text: Option<TypeRef>,
    pub any_attribute: Option<ir::AnyAttribute>,
    /// What the text value is (see [`ir::ValueInfo`]).
    pub text_info: Option<ir::ValueInfo>,
    /// The field of the text of mixed content (see [`ir::Struct::mixed`]).
    pub mixed: Option<String>,
    /// The field of the order of an `xs:all`'s children (see
    /// [`ir::Struct::child_order`]).
    pub child_order: Option<String>,
}

impl Content {
    /// Adds the `xsi:` attribute `wire` (`type` or `nil`) of type `ty`,
    /// unless the content has it already.
    pub(crate) fn add_xsi(&mut self, wire: &str, ty: ir::Builtin, doc: &str) {
        if self
            .attributes
            .iter()
            .any(|a| a.wire_name == wire && a.namespace.as_deref() == Some(XSI))
        {
            return;
        }
        let mut names = Names::seeded(self);
        self.attributes.push(ir::Attribute {
            name: names.rust.unique(format!("xsi_{wire}")),
            wire_name: wire.to_string(),
            namespace: Some(XSI.to_string()),
            ty: TypeRef::Builtin(ty),
            required: false,
            default: None,
            doc: Some(doc.to_string()),
            value_info: None,
        });
    }
}

/// The doc of an `xsi:type` attribute field.
pub(crate) const XSI_TYPE_DOC: &str = "`xsi:type`: the type the element says it has (a qualified name, with the prefix it was written with).";
/// The doc of an `xsi:nil` attribute field.
pub(crate) const XSI_NIL_DOC: &str =
    "`xsi:nil`: `true` for an element that is nil (has no content).";

/// The Rust names handed out in one struct: fields and attributes share them.
#[derive(Default)]
pub(super) struct Names {
    pub(super) rust: Scope,
}

impl Names {
    fn seeded(content: &Content) -> Self {
        let mut names = Names::default();
        for f in &content.fields {
            names.rust.unique(f.name.clone());
        }
        for a in &content.attributes {
            names.rust.unique(a.name.clone());
        }
        if let Some(any) = &content.any_attribute {
            names.rust.unique(any.name.clone());
        }
        if let Some(mixed) = &content.mixed {
            names.rust.unique(mixed.clone());
        }
        if let Some(order) = &content.child_order {
            names.rust.unique(order.clone());
        }
        names
    }
}

pub(super) fn occurrence(o: Occurs) -> Occurrence {
    Occurrence {
        min: o.min,
        max: o.max,
    }
}

impl<'s> Resolver<'s> {
    /// The content of complex type `t`, whose struct is `owner` (anonymous
    /// types inside it are named after it).
    pub(super) fn complex_content(
        &mut self,
        schema: &Schema,
        t: &ComplexType,
        owner: &ItemRef,
    ) -> Option<Content> {
        let mut content = Content::default();
        let particle = match &t.content {
            xsd::Content::Particle(p) => p.as_ref(),
            xsd::Content::Simple {
                base, derivation, ..
            } => {
                self.simple_content(schema, t, base, owner, &mut content)?;
                if *derivation == Derivation::Restriction {
                    content.any_attribute = None;
                }
                None
            }
            xsd::Content::Complex { base, particle, .. }
                if base.namespace.as_deref() == Some(XS) && base.name == "anyType" =>
            {
                particle.as_ref()
            }
            xsd::Content::Complex {
                derivation,
                base,
                particle,
            } => {
                let base_content = match self.deferred_base(base, t, owner, *derivation) {
                    Some(empty) => empty,
                    None => self.base_content(base, t)?,
                };
                match derivation {
                    Derivation::Extension => {
                        content.fields = base_content.fields;
                        content.text = base_content.text;
                        content.any_attribute = base_content.any_attribute;
                        content.text_info = base_content.text_info;
                        content.mixed = base_content.mixed;
                        // An extension that adds no element keeps its
                        // base's xs:all (and its order).
                        content.child_order = base_content.child_order;
                    }
                    // A restriction restates the content it keeps.
                    Derivation::Restriction => {}
                }
                content.attributes = base_content.attributes;
                particle.as_ref()
            }
        };
        let mut names = Names::seeded(&content);
        if let Some(p) = particle {
            let all = content.fields.is_empty() && self.is_all(p);
            content.child_order = None;
            let fields = self.particle_fields(schema, p, Occurs::ONCE, owner, &mut names, 0);
            content.fields.extend(fields);
            // The children of an xs:all come in any order: it is kept.
            if all && content.fields.len() > 1 {
                content.child_order = Some(names.rust.unique("child_order".to_string()));
            }
        }
        // Mixed content: text between the child elements, kept where it
        // stands; without child elements, the text is the element's value.
        if t.mixed && content.text.is_none() && content.mixed.is_none() {
            if content.fields.is_empty() {
                content.text = Some(TypeRef::Builtin(ir::Builtin::String));
            } else {
                content.mixed = Some(names.rust.unique("text".to_string()));
            }
        }
        let own = self.attribute_uses(schema, &t.attributes, owner, 0);
        merge_attributes(&mut content.attributes, own, &mut names);
        // A type's own wildcard, else its attribute groups', else (for an
        // extension) its base's.
        let wildcard = match &t.any_attribute {
            Some(w) => Some((schema, w)),
            None => self.group_wildcard(&t.attributes, 0),
        };
        if let Some((schema, w)) = wildcard {
            let own = namespace_constraint(schema, &w.namespace);
            // An extension's wildcard allows what its base's does too.
            let (name, namespaces) = match content.any_attribute.take() {
                Some(inherited) => (inherited.name, inherited.namespaces.union(own)),
                None => (names.rust.unique("other_attributes".to_string()), own),
            };
            content.any_attribute = Some(ir::AnyAttribute { name, namespaces });
        }
        Some(content)
    }

    /// Whether particle `p` is an `xs:all` (or a group reference to one).
    fn is_all(&self, p: &Particle) -> bool {
        match p {
            Particle::All(_) => true,
            Particle::GroupRef { name, .. } => self
                .groups
                .get(name)
                .is_some_and(|g| matches!(g.def.particle, Particle::All(_))),
            _ => false,
        }
    }

    /// An anonymous type that derives from the named type being built (a
    /// type that holds an element of a type derived from itself: ofd's
    /// `CT_PageBlock`): no cycle, but the base's content is not known yet.
    /// It is built without it (an empty content, returned here), and
    /// completed once the base is built ([`Resolver::complete_deferred`]).
    fn deferred_base(
        &mut self,
        base: &QName,
        t: &ComplexType,
        owner: &ItemRef,
        derivation: Derivation,
    ) -> Option<Content> {
        if t.name.is_some() || !self.building.contains(base) {
            return None;
        }
        self.deferred.push((
            owner.clone(),
            base.clone(),
            derivation == Derivation::Extension,
        ));
        Some(Content::default())
    }

    /// Completes the anonymous types built before their base (see
    /// [`Resolver::deferred_base`]): the base's content is theirs too.
    pub(super) fn complete_deferred(&mut self) {
        for (r, base, extension) in std::mem::take(&mut self.deferred) {
            let Some(base) = self.built_content(&base) else {
                continue;
            };
            let Some(ir::Item::Struct(s)) = self.item_mut(&r) else {
                continue;
            };
            let mut names = Names::seeded(&base);
            let own_attributes = std::mem::take(&mut s.attributes);
            let mut attributes = base.attributes;
            let own: Vec<_> = own_attributes
                .into_iter()
                .map(|a| (a, xsd::Use::Optional))
                .collect();
            merge_attributes(&mut attributes, own, &mut names);
            s.attributes = attributes;
            if extension {
                let own_fields = std::mem::take(&mut s.fields);
                let mut fields = base.fields;
                for mut f in own_fields {
                    f.name = names.rust.unique(f.name);
                    fields.push(f);
                }
                s.fields = fields;
                if s.text.is_none() {
                    s.text = base.text;
                    s.text_info = base.text_info;
                }
                if s.mixed.is_none() {
                    s.mixed = base.mixed;
                }
                s.any_attribute = match (s.any_attribute.take(), base.any_attribute) {
                    (Some(own), Some(inherited)) => Some(ir::AnyAttribute {
                        name: own.name,
                        namespaces: inherited.namespaces.union(own.namespaces),
                    }),
                    (own, inherited) => own.or(inherited),
                };
            }
        }
    }

    fn base_content(&mut self, base: &QName, t: &ComplexType) -> Option<Content> {
        if !self.complex.contains_key(base) {
            let note = if self.simple.contains_key(base) {
                " (a simple type: use xs:simpleContent)"
            } else {
                ""
            };
            self.unresolved(
                &t.location,
                format!("the base of a complex type{note}"),
                base,
            );
            return None;
        }
        if self.building.contains(base) {
            self.errors.push(ResolveError::Unsupported {
                location: t.location.clone(),
                construct: format!("derivation cycle through {}", base.name),
                detail: "a type cannot derive from itself".into(),
            });
            return None;
        }
        self.named_complex(base)
    }

    fn simple_content(
        &mut self,
        schema: &Schema,
        t: &ComplexType,
        base: &QName,
        owner_item: &ItemRef,
        content: &mut Content,
    ) -> Option<()> {
        let owner = format!(
            "the simple content of {}",
            t.name.as_deref().unwrap_or("an anonymous type")
        );
        if self.complex.contains_key(base) {
            let base_content = self.base_content(base, t)?;
            let Some(text) = base_content.text else {
                self.errors.push(ResolveError::Unsupported {
                    location: t.location.clone(),
                    construct: format!("simpleContent based on {}", base.name),
                    detail: "the base type has no simple content".into(),
                });
                return None;
            };
            content.text = Some(text);
            content.text_info = base_content.text_info;
            content.attributes = base_content.attributes;
            content.any_attribute = base_content.any_attribute;
        } else {
            content.text = Some(self.simple_type_ref(base, &t.location, &owner)?);
            content.text_info = self.named_value_info(base);
        }
        content.text_info = self.simple_content_info(t, content.text_info.take());
        // A restriction with a simple type of its own, or values of its own:
        // the text is of that type, or one of those values.
        if let xsd::Content::Simple {
            derivation: Derivation::Restriction,
            enumerations,
            inline,
            facets,
            ..
        } = &t.content
        {
            let anon = format!("{}Value", owner_item.name);
            let wire = t.name.clone().unwrap_or_else(|| owner_item.name.clone());
            if let Some(inline) = inline {
                content.text = Some(self.inline_simple(
                    schema,
                    inline,
                    &owner_item.module,
                    anon.clone(),
                    &wire,
                )?);
            }
            // (QNames keep their type: see `Resolver::needs_item`.)
            let qnames = content.text == Some(TypeRef::Builtin(ir::Builtin::QName));
            if !enumerations.is_empty() && !qnames {
                // An enumeration of the text's values, as an inline simple
                // type restricting a string would be.
                let values = xsd::SimpleType {
                    name: None,
                    content: xsd::SimpleContent::Restriction {
                        base: xsd::SimpleRef::Named(QName {
                            namespace: Some(XS.to_string()),
                            name: "string".to_string(),
                        }),
                        enumerations: enumerations.clone(),
                        facets: facets.clone(),
                    },
                    doc: None,
                    location: t.location.clone(),
                };
                content.text =
                    Some(self.inline_simple(schema, &values, &owner_item.module, anon, &wire)?);
            }
        }
        Some(())
    }

    /// The fields of a particle, occurring `outer` times.
    fn particle_fields(
        &mut self,
        schema: &Schema,
        p: &Particle,
        outer: Occurs,
        owner: &ItemRef,
        names: &mut Names,
        depth: usize,
    ) -> Vec<ir::Field> {
        // A particle that may not occur contributes nothing.
        if p.occurs().max == Some(0) {
            return Vec::new();
        }
        match p {
            Particle::Element(e) => {
                let occurs = e.occurs.times(outer);
                if e.reference.is_some() {
                    if let Some(f) = self.substitution_field(e, occurs, owner, names) {
                        return vec![f];
                    }
                }
                self.element_field(schema, e, occurs, owner, names)
                    .into_iter()
                    .collect()
            }
            // A repeated sequence of several particles: its elements in
            // document order (`<a/><b/><a/><b/>`), as the alternatives of a
            // repeated choice; as fields, the writer would group them.
            Particle::Sequence(g)
                if g.occurs.times(outer).repeats()
                    && g.particles
                        .iter()
                        .filter(|p| p.occurs().max != Some(0))
                        .count()
                        > 1 =>
            {
                let group = ModelGroup {
                    occurs: Occurs::ONCE,
                    particles: vec![p.clone()],
                    location: g.location.clone(),
                };
                self.choice_field(schema, &group, outer, owner, names, Some("sequence"))
                    .into_iter()
                    .collect()
            }
            Particle::Sequence(g) | Particle::All(g) => {
                let occurs = g.occurs.times(outer);
                let mut fields = Vec::new();
                for inner in &g.particles {
                    fields.extend(self.particle_fields(schema, inner, occurs, owner, names, depth));
                }
                fields
            }
            Particle::Choice(g) => self
                .choice_field(schema, g, outer, owner, names, None)
                .into_iter()
                .collect(),
            Particle::GroupRef {
                name,
                occurs,
                location,
            } => {
                let Some(group) = self.groups.get(name).copied() else {
                    self.unresolved(location, "group reference".into(), name);
                    return Vec::new();
                };
                if depth > 32 {
                    self.errors.push(ResolveError::Unsupported {
                        location: location.clone(),
                        construct: format!("recursive group {}", name.name),
                        detail: "a group cannot contain itself".into(),
                    });
                    return Vec::new();
                }
                let occurs = occurs.times(outer);
                if let Particle::Choice(g) = &group.def.particle {
                    let label = Some(group.def.name.as_str());
                    return self
                        .choice_field(group.schema, g, occurs, owner, names, label)
                        .into_iter()
                        .collect();
                }
                self.particle_fields(
                    group.schema,
                    &group.def.particle,
                    occurs,
                    owner,
                    names,
                    depth + 1,
                )
            }
            Particle::Any(w) => {
                let group = ModelGroup {
                    occurs: w.occurs.times(outer),
                    particles: vec![p.clone()],
                    location: w.location.clone(),
                };
                self.choice_field(schema, &group, Occurs::ONCE, owner, names, Some("any"))
                    .into_iter()
                    .collect()
            }
        }
    }
}
