//! Complex types: content models flattened into fields (sequences, groups,
//! derivation), choices and substitution groups into choice items, attributes.

use crate::error::ResolveError;
use crate::ident::{self, Scope};
use crate::ir::{self, Item, ItemRef, Occurrence, TypeRef};
use crate::xsd::{
    self, AttributeUse, ComplexType, Derivation, ElementType, Form, ModelGroup, Occurs, Particle,
    QName, Schema, SimpleRef, Use, XML, XS, XSI,
};

use super::{Def, Resolver};

/// What a complex type contains, flattened: its base's content first.
#[derive(Clone, Debug, Default)]
pub(crate) struct Content {
    pub fields: Vec<ir::Field>,
    pub attributes: Vec<ir::Attribute>,
    pub text: Option<TypeRef>,
    pub any_attribute: Option<ir::AnyAttribute>,
    /// What the text value is (see [`ir::ValueInfo`]).
    pub text_info: Option<ir::ValueInfo>,
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
pub(crate) const XSI_TYPE_DOC: &str =
    "`xsi:type`: the type the element says it has (a qualified name, as written).";
/// The doc of an `xsi:nil` attribute field.
pub(crate) const XSI_NIL_DOC: &str =
    "`xsi:nil`: `true` for an element that is nil (has no content).";

/// The Rust names handed out in one struct: fields and attributes share them.
#[derive(Default)]
struct Names {
    rust: Scope,
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
        names
    }
}

fn occurrence(o: Occurs) -> Occurrence {
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
                self.simple_content(t, base, &mut content)?;
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
                let base_content = self.base_content(base, t)?;
                match derivation {
                    Derivation::Extension => {
                        content.fields = base_content.fields;
                        content.text = base_content.text;
                        content.any_attribute = base_content.any_attribute;
                        content.text_info = base_content.text_info;
                    }
                    // A restriction restates the content it keeps.
                    Derivation::Restriction => {}
                }
                content.attributes = base_content.attributes;
                particle.as_ref()
            }
        };
        if t.mixed && particle.is_some() {
            self.errors.push(ResolveError::Unsupported {
                location: t.location.clone(),
                construct: "mixed content".into(),
                detail: "text between child elements is not supported yet".into(),
            });
            return None;
        }
        let mut names = Names::seeded(&content);
        if let Some(p) = particle {
            let fields = self.particle_fields(schema, p, Occurs::ONCE, owner, &mut names, 0);
            content.fields.extend(fields);
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
            let name = match content.any_attribute.take() {
                Some(inherited) => inherited.name,
                None => names.rust.unique("other_attributes".to_string()),
            };
            content.any_attribute = Some(ir::AnyAttribute {
                name,
                namespaces: namespace_constraint(schema, &w.namespace),
            });
        }
        Some(content)
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
        t: &ComplexType,
        base: &QName,
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
        content.text_info = super::facets::simple_content_info(t, content.text_info.take());
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

    /// A local element or a reference to a global one, as a field.
    fn element_field(
        &mut self,
        schema: &Schema,
        e: &xsd::Element,
        occurs: Occurs,
        owner: &ItemRef,
        names: &mut Names,
    ) -> Option<ir::Field> {
        let (wire_name, namespace, ty) = self.element_decl(schema, e, owner)?;
        Some(ir::Field {
            name: names.rust.unique(ident::field_name(&wire_name)),
            wire_name,
            namespace,
            ty,
            occurrence: occurrence(occurs),
            boxed: false,
            flatten: false,
            doc: e.doc.clone(),
            value_info: self.element_value_info(e),
            default: self.element_default(e),
        })
    }

    /// The wire name, namespace and type of a local element or element reference.
    fn element_decl(
        &mut self,
        schema: &Schema,
        e: &xsd::Element,
        owner: &ItemRef,
    ) -> Option<(String, Option<String>, TypeRef)> {
        if let Some(reference) = &e.reference {
            let Some(global) = self.elements.get(reference).copied() else {
                self.unresolved(&e.location, "element reference".into(), reference);
                return None;
            };
            let ty = self.global_element_type(global, &e.location)?;
            let ty = self.nillable(global.def, ty, owner);
            return Some((
                global.def.name.clone(),
                global.schema.target_namespace.clone(),
                ty,
            ));
        }
        let form = e.form.unwrap_or(schema.element_form_default);
        let namespace = match form {
            Form::Qualified => schema.target_namespace.clone(),
            Form::Unqualified => None,
        };
        let anon = format!("{}{}", owner.name, ident::type_name(&e.name));
        let ty = self.local_type(schema, e, &owner.module, anon)?;
        let ty = self.nillable(e, ty, owner);
        Some((e.name.clone(), namespace, ty))
    }

    /// The type of element `e` (of type `ty`) with its `nillable` taken in:
    /// a struct gets an `xsi:nil` attribute (after the build, as the struct
    /// may not be built yet); a simple value is wrapped in a struct of its
    /// own, its text and `xsi:nil`.
    fn nillable(&mut self, e: &xsd::Element, ty: TypeRef, owner: &ItemRef) -> TypeRef {
        if !e.nillable {
            return ty;
        }
        let complex = match &e.ty {
            ElementType::Named(q) => self.complex.contains_key(q),
            ElementType::Complex(_) => true,
            ElementType::Simple(_) | ElementType::Any => false,
        };
        if complex {
            if let TypeRef::Named(r) = &ty {
                self.nillable.insert(r.clone());
            }
            return ty;
        }
        let name = self.unique(
            &owner.module,
            format!("{}{}Nillable", owner.name, ident::type_name(&e.name)),
        );
        let r = ItemRef {
            module: owner.module.clone(),
            name,
        };
        let mut content = Content {
            text: Some(ty),
            ..Default::default()
        };
        content.add_xsi("nil", ir::Builtin::Bool, XSI_NIL_DOC);
        let item = ir::Struct {
            name: r.name.clone(),
            wire_name: e.name.clone(),
            namespace: None,
            is_element: false,
            use_namespaces: Vec::new(),
            doc: Some(format!(
                "The value of the nillable `{}` element, or its absence (`xsi:nil`).",
                e.name
            )),
            fields: Vec::new(),
            attributes: content.attributes,
            text: content.text,
            any_attribute: None,
            text_info: self.element_value_info(e),
        };
        self.insert_item(&r, Item::Struct(item), &e.location);
        TypeRef::Named(r)
    }

    /// The first `xs:anyAttribute` of the attribute groups among `uses`, with
    /// the schema it stands in.
    fn group_wildcard(
        &self,
        uses: &[AttributeUse],
        depth: usize,
    ) -> Option<(&'s Schema, &'s xsd::Wildcard)> {
        if depth > 32 {
            return None;
        }
        uses.iter().find_map(|u| match u {
            AttributeUse::GroupRef { name, .. } => {
                let group = self.attribute_groups.get(name).copied()?;
                match &group.def.any_attribute {
                    Some(w) => Some((group.schema, w)),
                    None => self.group_wildcard(&group.def.attributes, depth + 1),
                }
            }
            AttributeUse::Attribute(_) => None,
        })
    }

    /// The type of a local element: named, or an anonymous item named `anon`.
    fn local_type(
        &mut self,
        schema: &Schema,
        e: &xsd::Element,
        module: &str,
        anon: String,
    ) -> Option<TypeRef> {
        let owner = format!("element {}", e.name);
        match &e.ty {
            ElementType::Named(q) => {
                if let Some(r) = self
                    .type_items
                    .get(q)
                    .filter(|_| self.complex.contains_key(q))
                {
                    return Some(TypeRef::Named(r.clone()));
                }
                self.simple_type_ref(q, &e.location, &owner)
            }
            ElementType::Complex(t) => {
                let name = self.unique(module, anon);
                let r = ItemRef {
                    module: module.to_string(),
                    name,
                };
                let content = self.complex_content(schema, t, &r)?;
                let item = ir::Struct {
                    name: r.name.clone(),
                    wire_name: e.name.clone(),
                    namespace: None,
                    is_element: false,
                    use_namespaces: Vec::new(),
                    doc: t.doc.clone(),
                    fields: content.fields,
                    attributes: content.attributes,
                    text: content.text,
                    any_attribute: content.any_attribute,
                    text_info: content.text_info,
                };
                self.insert_item(&r, Item::Struct(item), &t.location);
                Some(TypeRef::Named(r))
            }
            ElementType::Simple(t) => self.inline_simple(schema, t, module, anon, &e.name),
            ElementType::Any => {
                self.errors.push(ResolveError::Unsupported {
                    location: e.location.clone(),
                    construct: format!("element {}", e.name),
                    detail: "an element without a type (xs:anyType) is not supported yet".into(),
                });
                None
            }
        }
    }

    /// The type a reference to global element `global` has.
    fn global_element_type(
        &mut self,
        global: Def<'s, xsd::Element>,
        at: &crate::error::Location,
    ) -> Option<TypeRef> {
        let e = global.def;
        match &e.ty {
            ElementType::Named(q) if self.complex.contains_key(q) => {
                Some(TypeRef::Named(self.type_items[q].clone()))
            }
            ElementType::Named(q) => self.simple_type_ref(q, at, &format!("element {}", e.name)),
            ElementType::Complex(_) | ElementType::Simple(_) => {
                let key = QName {
                    namespace: global.schema.target_namespace.clone(),
                    name: e.name.clone(),
                };
                match self.element_items.get(&key) {
                    Some(r) => Some(TypeRef::Named(r.clone())),
                    None => {
                        self.errors.push(ResolveError::Unsupported {
                            location: at.clone(),
                            construct: format!("reference to abstract element {}", e.name),
                            detail: "an abstract element with an anonymous type has no instances"
                                .into(),
                        });
                        None
                    }
                }
            }
            ElementType::Any => {
                self.errors.push(ResolveError::Unsupported {
                    location: e.location.clone(),
                    construct: format!("element {}", e.name),
                    detail: "an element without a type (xs:anyType) is not supported yet".into(),
                });
                None
            }
        }
    }

    /// The members that may stand for global element `head`: itself unless
    /// abstract, and every element of its substitution group, transitively.
    fn substitution_members(&self, head: &QName) -> Vec<QName> {
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
    fn substitution_field(
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
            ));
        }
        Some(self.make_choice(
            alternatives,
            false,
            occurs,
            owner,
            names,
            &head.name,
            e.doc.clone(),
        ))
    }

    fn choice_field(
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
        let mut any = false;
        self.alternatives(
            schema,
            g,
            &mut alternatives,
            &mut any,
            &mut occurs,
            owner,
            0,
        )?;
        Some(self.make_choice(
            alternatives,
            any,
            occurs,
            owner,
            names,
            label.unwrap_or("choice"),
            None,
        ))
    }

    /// Collects the elements a choice may hold, flattening nested choices and
    /// groups. A repeated alternative makes the whole choice repeat.
    #[allow(clippy::too_many_arguments)]
    fn alternatives(
        &mut self,
        schema: &Schema,
        g: &ModelGroup,
        out: &mut Vec<(String, Option<String>, TypeRef, Option<String>)>,
        any: &mut bool,
        occurs: &mut Occurs,
        owner: &ItemRef,
        depth: usize,
    ) -> Option<()> {
        for p in &g.particles {
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
                                ));
                            }
                            continue;
                        }
                    }
                    let (wire, ns, ty) = self.element_decl(schema, e, owner)?;
                    out.push((wire, ns, ty, e.doc.clone()));
                }
                Particle::Any(w) => {
                    *any = true;
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
                    self.alternatives(schema, inner, out, any, occurs, owner, depth + 1)?;
                }
                Particle::GroupRef { name, location, .. } if depth < 32 => {
                    let Some(group) = self.groups.get(name).copied() else {
                        self.unresolved(location, "group reference".into(), name);
                        return None;
                    };
                    let inner = match &group.def.particle {
                        Particle::Choice(inner) | Particle::Sequence(inner)
                            if inner.particles.len() == 1
                                || matches!(group.def.particle, Particle::Choice(_)) =>
                        {
                            inner
                        }
                        _ => {
                            self.errors.push(ResolveError::Unsupported {
                                location: location.clone(),
                                construct: format!("group {} inside xs:choice", name.name),
                                detail: "a sequence of several elements as one alternative is not supported yet".into(),
                            });
                            return None;
                        }
                    };
                    self.alternatives(group.schema, inner, out, any, occurs, owner, depth + 1)?;
                }
                Particle::Sequence(inner) if inner.particles.len() == 1 && depth < 32 => {
                    if inner.occurs.repeats() {
                        occurs.max = None;
                    }
                    self.alternatives(schema, inner, out, any, occurs, owner, depth + 1)?;
                }
                Particle::Sequence(inner) | Particle::All(inner) | Particle::Choice(inner) => {
                    self.errors.push(ResolveError::Unsupported {
                        location: inner.location.clone(),
                        construct: "xs:sequence inside xs:choice".into(),
                        detail:
                            "a sequence of several elements as one alternative is not supported yet"
                                .into(),
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

    #[allow(clippy::too_many_arguments)]
    fn make_choice(
        &mut self,
        alternatives: Vec<(String, Option<String>, TypeRef, Option<String>)>,
        any: bool,
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
            .filter(|(wire, ns, _, _)| seen.insert((ns.clone(), wire.clone())))
            .map(|(wire_name, namespace, ty, doc)| ir::Alternative {
                name: variant_names.unique(ident::type_name(&wire_name)),
                wire_name,
                namespace,
                ty,
                boxed: false,
                doc,
            })
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

    /// The `default` or `fixed` value of a local element, or of the global
    /// element it references.
    fn element_default(&self, e: &xsd::Element) -> Option<String> {
        let decl = match &e.reference {
            Some(q) => self.elements.get(q)?.def,
            None => e,
        };
        decl.default.clone().or_else(|| decl.fixed.clone())
    }

    /// The attributes of a list of attribute uses, attribute groups expanded.
    fn attribute_uses(
        &mut self,
        schema: &Schema,
        uses: &[AttributeUse],
        owner: &ItemRef,
        depth: usize,
    ) -> Vec<(ir::Attribute, Use)> {
        let mut out = Vec::new();
        for u in uses {
            match u {
                AttributeUse::Attribute(a) => {
                    if let Some(attr) = self.attribute(schema, a, owner) {
                        out.push((attr, a.use_));
                    }
                }
                AttributeUse::GroupRef { name, location } => {
                    let Some(group) = self.attribute_groups.get(name).copied() else {
                        self.unresolved(location, "attribute group reference".into(), name);
                        continue;
                    };
                    if depth > 32 {
                        self.errors.push(ResolveError::Unsupported {
                            location: location.clone(),
                            construct: format!("recursive attribute group {}", name.name),
                            detail: "an attribute group cannot contain itself".into(),
                        });
                        continue;
                    }
                    out.extend(self.attribute_uses(
                        group.schema,
                        &group.def.attributes,
                        owner,
                        depth + 1,
                    ));
                }
            }
        }
        out
    }

    fn attribute(
        &mut self,
        schema: &Schema,
        a: &xsd::Attribute,
        owner: &ItemRef,
    ) -> Option<ir::Attribute> {
        let (wire_name, namespace, ty, default, doc) = match &a.reference {
            Some(q) if q.namespace.as_deref() == Some(XML) => (
                q.name.clone(),
                Some(XML.to_string()),
                TypeRef::Builtin(ir::Builtin::String),
                None,
                None,
            ),
            Some(q) => {
                let Some(global) = self.attributes.get(q).copied() else {
                    self.unresolved(&a.location, "attribute reference".into(), q);
                    return None;
                };
                let ty = self.attribute_type(global.schema, global.def, owner)?;
                (
                    q.name.clone(),
                    global.schema.target_namespace.clone(),
                    ty,
                    global.def.default.clone(),
                    global.def.doc.clone(),
                )
            }
            None => {
                let form = a.form.unwrap_or(schema.attribute_form_default);
                let namespace = match form {
                    Form::Qualified => schema.target_namespace.clone(),
                    Form::Unqualified => None,
                };
                let ty = self.attribute_type(schema, a, owner)?;
                (a.name.clone(), namespace, ty, None, None)
            }
        };
        Some(ir::Attribute {
            name: ident::field_name(&wire_name),
            wire_name,
            namespace,
            ty,
            required: a.use_ == Use::Required,
            default: a.default.clone().or(a.fixed.clone()).or(default),
            doc: a.doc.clone().or(doc),
            value_info: self.attribute_value_info(a),
        })
    }

    fn attribute_type(
        &mut self,
        schema: &Schema,
        a: &xsd::Attribute,
        owner: &ItemRef,
    ) -> Option<TypeRef> {
        match &a.ty {
            None => Some(TypeRef::Builtin(ir::Builtin::String)),
            Some(SimpleRef::Named(q)) => {
                self.simple_type_ref(q, &a.location, &format!("attribute {}", a.name))
            }
            Some(SimpleRef::Inline(t)) => {
                let anon = format!("{}{}", owner.name, ident::type_name(&a.name));
                self.inline_simple(schema, t, &owner.module.clone(), anon, &a.name)
            }
        }
    }
}

/// Adds a type's own attributes to those it inherits: a redeclared attribute
/// replaces the inherited one, a prohibited one removes it.
fn merge_attributes(
    inherited: &mut Vec<ir::Attribute>,
    own: Vec<(ir::Attribute, Use)>,
    names: &mut Names,
) {
    for (mut attr, use_) in own {
        let existing = inherited
            .iter()
            .position(|a| a.wire_name == attr.wire_name && a.namespace == attr.namespace);
        match (existing, use_) {
            (Some(i), Use::Prohibited) => {
                inherited.remove(i);
            }
            (Some(i), _) => {
                attr.name = inherited[i].name.clone();
                inherited[i] = attr;
            }
            (None, Use::Prohibited) => {}
            (None, _) => {
                attr.name = names.rust.unique(attr.name);
                inherited.push(attr);
            }
        }
    }
}

/// The namespaces a wildcard's `namespace` attribute allows.
fn namespace_constraint(schema: &Schema, namespace: &str) -> ir::NamespaceConstraint {
    let target = schema.target_namespace.clone();
    match namespace.trim() {
        "##any" => ir::NamespaceConstraint::Any,
        "##other" => ir::NamespaceConstraint::Not(vec![target, None]),
        list => ir::NamespaceConstraint::Only(
            list.split_whitespace()
                .map(|n| match n {
                    "##targetNamespace" => target.clone(),
                    "##local" => None,
                    uri => Some(uri.to_string()),
                })
                .collect(),
        ),
    }
}
