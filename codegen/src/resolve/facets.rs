//! What a simple value is beyond its Rust type: the built-in type its
//! restrictions end in, and the facets met on the way ([`ir::ValueInfo`]).
//! Read only: the errors of a simple type are reported where its Rust type
//! is resolved ([`super::simple`]).

use crate::ir::{self, Facet, FacetKind, ValueInfo};
use crate::xsd::{self, ComplexType, Derivation, QName, SimpleContent, SimpleRef, XML, XS};

use super::{Resolver, simple};

/// Restrictions followed before giving up (a cycle is reported elsewhere).
const MAX_STEPS: usize = 64;

impl Resolver<'_> {
    /// The value info of an element's type: `None` unless it is simple and
    /// its restrictions end in a built-in type (not a list or union).
    pub(super) fn element_value_info(&self, e: &xsd::Element) -> Option<ValueInfo> {
        let e = match &e.reference {
            Some(r) => self.elements.get(r)?.def,
            None => e,
        };
        match &e.ty {
            xsd::ElementType::Named(q) => self.named_value_info(q),
            xsd::ElementType::Simple(t) => self.type_value_info(t),
            xsd::ElementType::Complex(_) | xsd::ElementType::Any => None,
        }
    }

    /// The value info of an attribute's type.
    pub(super) fn attribute_value_info(&self, a: &xsd::Attribute) -> Option<ValueInfo> {
        let a = match &a.reference {
            Some(r) if r.namespace.as_deref() == Some(XML) => return None,
            Some(r) => self.attributes.get(r)?.def,
            None => a,
        };
        match a.ty.as_ref()? {
            SimpleRef::Named(q) => self.named_value_info(q),
            SimpleRef::Inline(t) => self.type_value_info(t),
        }
    }

    /// The value info of a named simple type (or built-in type).
    pub(super) fn named_value_info(&self, q: &QName) -> Option<ValueInfo> {
        let mut facets = Vec::new();
        let builtin = self.chain_named(q, 0, &mut facets)?;
        Some(ValueInfo { builtin, facets })
    }

    /// The value info of an anonymous simple type.
    pub(super) fn type_value_info(&self, t: &xsd::SimpleType) -> Option<ValueInfo> {
        let mut facets = Vec::new();
        let builtin = self.chain_type(t, 0, &mut facets)?;
        Some(ValueInfo { builtin, facets })
    }

    /// Follows the restrictions from `q`, collecting facets; returns the
    /// built-in type they end in.
    fn chain_named(&self, q: &QName, step: usize, out: &mut Vec<Facet>) -> Option<String> {
        if q.namespace.as_deref() == Some(XS)
            && (simple::builtin(&q.name).is_some() || !self.simple.contains_key(q))
        {
            return simple::builtin(&q.name).map(|_| q.name.clone());
        }
        self.chain_type(self.simple.get(q)?.def, step, out)
    }

    fn chain_type(&self, t: &xsd::SimpleType, step: usize, out: &mut Vec<Facet>) -> Option<String> {
        if step > MAX_STEPS {
            return None;
        }
        let SimpleContent::Restriction { base, facets, .. } = &t.content else {
            return None;
        };
        out.extend(ir_facets(facets, step));
        match base {
            SimpleRef::Named(q) => self.chain_named(q, step + 1, out),
            SimpleRef::Inline(inner) => self.chain_type(inner, step + 1, out),
        }
    }
}

/// The text info of a simple-content type `t`, from its base's: a
/// restriction adds its own facets as step 0.
pub(super) fn simple_content_info(t: &ComplexType, base: Option<ValueInfo>) -> Option<ValueInfo> {
    let mut info = base?;
    if let xsd::Content::Simple {
        derivation: Derivation::Restriction,
        facets,
        ..
    } = &t.content
    {
        let inherited = std::mem::take(&mut info.facets);
        info.facets = ir_facets(facets, 0).collect();
        info.facets.extend(inherited.into_iter().map(|f| Facet {
            step: f.step + 1,
            ..f
        }));
    }
    Some(info)
}

fn ir_facets(facets: &[xsd::Facet], step: usize) -> impl Iterator<Item = ir::Facet> + '_ {
    facets.iter().filter_map(move |f| {
        Some(Facet {
            kind: FacetKind::from_xsd(&f.kind)?,
            value: f.value.clone(),
            step,
        })
    })
}
