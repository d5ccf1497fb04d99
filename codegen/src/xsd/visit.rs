//! Every qualified name a schema refers to, reached mutably: what loading
//! rewrites when a chameleon include gives a schema its namespace, or a
//! redefinition's reference to the component it replaces is pointed at the
//! original.

use super::model::*;

/// Calls `f` on every reference of `schema` (`type`, `ref`, `base`,
/// `substitutionGroup`, `itemType`, `memberTypes`, group and attribute
/// group references), in its redefinitions too; not on
/// the names of the components it defines.
pub(crate) fn schema_references(schema: &mut Schema, f: &mut impl FnMut(&mut QName)) {
    components(
        &mut schema.elements,
        &mut schema.complex_types,
        &mut schema.simple_types,
        &mut schema.attributes,
        &mut schema.attribute_groups,
        &mut schema.groups,
        f,
    );
    for r in &mut schema.redefinitions {
        let c = &mut r.components;
        components(
            &mut c.elements,
            &mut c.complex_types,
            &mut c.simple_types,
            &mut c.attributes,
            &mut c.attribute_groups,
            &mut c.groups,
            f,
        );
    }
}

fn components(
    elements: &mut [Element],
    complex_types: &mut [ComplexType],
    simple_types: &mut [SimpleType],
    attributes: &mut [Attribute],
    attribute_groups: &mut [AttributeGroup],
    groups: &mut [Group],
    f: &mut impl FnMut(&mut QName),
) {
    for e in elements {
        element(e, f);
    }
    for t in complex_types {
        complex_type(t, f);
    }
    for t in simple_types {
        simple_type(t, f);
    }
    for a in attributes {
        attribute(a, f);
    }
    for g in attribute_groups {
        attribute_uses(&mut g.attributes, f);
    }
    for g in groups {
        particle(&mut g.particle, f);
    }
}

fn element(e: &mut Element, f: &mut impl FnMut(&mut QName)) {
    if let Some(r) = &mut e.reference {
        f(r);
    }
    element_type(&mut e.ty, f);
    if let Some(head) = &mut e.substitution_group {
        f(head);
    }
    for head in &mut e.more_substitution_groups {
        f(head);
    }
    for a in &mut e.alternatives {
        element_type(&mut a.ty, f);
    }
}

fn element_type(ty: &mut ElementType, f: &mut impl FnMut(&mut QName)) {
    match ty {
        ElementType::Named(q) => f(q),
        ElementType::Complex(t) => complex_type(t, f),
        ElementType::Simple(t) => simple_type(t, f),
        ElementType::Any => {}
    }
}

pub(crate) fn complex_type(t: &mut ComplexType, f: &mut impl FnMut(&mut QName)) {
    match &mut t.content {
        Content::Particle(p) => {
            if let Some(p) = p {
                particle(p, f);
            }
        }
        Content::Simple { base, .. } => f(base),
        Content::Complex {
            base, particle: p, ..
        } => {
            f(base);
            if let Some(p) = p {
                particle(p, f);
            }
        }
    }
    attribute_uses(&mut t.attributes, f);
}

pub(crate) fn particle(p: &mut Particle, f: &mut impl FnMut(&mut QName)) {
    match p {
        Particle::Element(e) => element(e, f),
        Particle::Sequence(g) | Particle::Choice(g) | Particle::All(g) => {
            for p in &mut g.particles {
                particle(p, f);
            }
        }
        Particle::GroupRef { name, .. } => f(name),
        Particle::Any(_) => {}
    }
}

pub(crate) fn attribute_uses(uses: &mut [AttributeUse], f: &mut impl FnMut(&mut QName)) {
    for u in uses {
        match u {
            AttributeUse::Attribute(a) => attribute(a, f),
            AttributeUse::GroupRef { name, .. } => f(name),
        }
    }
}

fn attribute(a: &mut Attribute, f: &mut impl FnMut(&mut QName)) {
    if let Some(r) = &mut a.reference {
        f(r);
    }
    if let Some(ty) = &mut a.ty {
        simple_ref(ty, f);
    }
}

pub(crate) fn simple_type(t: &mut SimpleType, f: &mut impl FnMut(&mut QName)) {
    match &mut t.content {
        SimpleContent::Restriction { base, .. } => simple_ref(base, f),
        SimpleContent::List { item } => simple_ref(item, f),
        SimpleContent::Union { members } => {
            for m in members {
                simple_ref(m, f);
            }
        }
    }
}

fn simple_ref(r: &mut SimpleRef, f: &mut impl FnMut(&mut QName)) {
    match r {
        SimpleRef::Named(q) => f(q),
        SimpleRef::Inline(t) => simple_type(t, f),
    }
}
