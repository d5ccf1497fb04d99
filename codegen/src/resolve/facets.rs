//! What a simple value is beyond its Rust type: the built-in type its
//! restrictions end in (or the list or union they restrict), and the facets
//! met on the way ([`ir::ValueInfo`]). The errors of a simple type's Rust
//! type are reported where it is resolved ([`super::simple`]); the facets'
//! own errors (a value that is not one of its type's, a pattern that does
//! not compile, a facet the type does not have) are reported here, once
//! per facet, through [`FacetErrors`].

use std::cell::RefCell;
use std::collections::HashSet;

use xsd_runtime::facets::{BuiltinType, validate_facet, validate_pattern};

use crate::error::{Location, ResolveError};
use crate::ir::{self, Facet, FacetKind, ValueInfo, Variety};
use crate::xsd::{self, ComplexType, Derivation, QName, SimpleContent, SimpleRef, XML, XS};

use super::{Resolver, simple};

/// Restrictions, list items and union members followed before giving up
/// (a cycle is reported elsewhere).
const MAX_STEPS: usize = 64;

/// The errors of the facets met while making value infos (which is done
/// through `&self`, once per use of a type): each facet is checked once.
#[derive(Debug, Default)]
pub(super) struct FacetErrors(RefCell<(HashSet<Location>, Vec<ResolveError>)>);

impl FacetErrors {
    /// The errors found.
    pub(super) fn take(&self) -> Vec<ResolveError> {
        std::mem::take(&mut self.0.borrow_mut().1)
    }

    /// Checks facet `kind` at `location` with `check`, unless it was
    /// checked before.
    fn check(&self, location: &Location, kind: &str, check: impl FnOnce() -> Result<(), String>) {
        if !self.0.borrow_mut().0.insert(location.clone()) {
            return;
        }
        if let Err(message) = check() {
            self.0.borrow_mut().1.push(ResolveError::InvalidFacet {
                location: location.clone(),
                facet: format!("xs:{kind}"),
                message,
            });
        }
    }
}

impl Resolver<'_> {
    /// Checks the facets of every global simple type, used or not (those
    /// of anonymous types are checked where they are used).
    pub(super) fn check_simple_types(&self) {
        let mut names: Vec<&QName> = self.simple.keys().collect();
        names.sort();
        for q in names {
            self.named_value_info(q);
        }
    }

    /// The value info of an element's type: `None` unless it is simple.
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
        self.info_at(&SimpleRef::Named(q.clone()), 0)
    }

    /// The value info of an anonymous simple type.
    pub(super) fn type_value_info(&self, t: &xsd::SimpleType) -> Option<ValueInfo> {
        let mut facets = Vec::new();
        let (builtin, variety) = self.chain_type(t, 0, 0, &mut facets)?;
        Some(ValueInfo {
            builtin,
            facets,
            variety,
        })
    }

    /// The value info of `r`, met `depth` list items or union members deep.
    fn info_at(&self, r: &SimpleRef, depth: usize) -> Option<ValueInfo> {
        let mut facets = Vec::new();
        let (builtin, variety) = match r {
            SimpleRef::Named(q) => self.chain_named(q, 0, depth, &mut facets)?,
            SimpleRef::Inline(t) => self.chain_type(t, 0, depth, &mut facets)?,
        };
        Some(ValueInfo {
            builtin,
            facets,
            variety,
        })
    }

    /// Follows the restrictions from `q`, collecting facets; returns the
    /// built-in type they end in (or `anySimpleType` and the list or union).
    fn chain_named(
        &self,
        q: &QName,
        step: usize,
        depth: usize,
        out: &mut Vec<Facet>,
    ) -> Option<(String, Variety)> {
        // A schema set may define types in the XML Schema namespace (the
        // schema for schemas): those that are no built-in type are its.
        if q.namespace.as_deref() == Some(XS)
            && (simple::builtin(&q.name).is_some() || !self.simple.contains_key(q))
        {
            return simple::builtin(&q.name).map(|_| (q.name.clone(), Variety::Atomic));
        }
        self.chain_type(self.simple.get(q)?.def, step, depth, out)
    }

    fn chain_type(
        &self,
        t: &xsd::SimpleType,
        step: usize,
        depth: usize,
        out: &mut Vec<Facet>,
    ) -> Option<(String, Variety)> {
        if step + depth > MAX_STEPS {
            return None;
        }
        match &t.content {
            SimpleContent::Restriction {
                base,
                facets,
                enumerations,
            } => {
                let start = out.len();
                out.extend(ir_facets(facets, enumerations, step));
                let own = out.len();
                let end = match base {
                    SimpleRef::Named(q) => self.chain_named(q, step + 1, depth, out)?,
                    SimpleRef::Inline(inner) => self.chain_type(inner, step + 1, depth, out)?,
                };
                keep_qnames(&mut out[start..own], &end);
                self.check_facets(facets, enumerations, &end);
                Some(end)
            }
            SimpleContent::List { item } => {
                let item = self.info_at(item, depth + 1)?;
                Some(("anySimpleType".into(), Variety::List(Box::new(item))))
            }
            SimpleContent::Union { members } => {
                let members = members
                    .iter()
                    .map(|m| self.info_at(m, depth + 1))
                    .collect::<Option<Vec<_>>>()?;
                Some(("anySimpleType".into(), Variety::Union(members)))
            }
        }
    }

    /// Checks the facets of a restriction of `end` (a built-in type, a list
    /// or a union), once each.
    fn check_facets(
        &self,
        facets: &[xsd::Facet],
        enumerations: &[xsd::Enumeration],
        end: &(String, Variety),
    ) {
        let (builtin, variety) = end;
        let atomic = match variety {
            Variety::Atomic => match BuiltinType::from_xsd(builtin) {
                Some(b) => Some(b),
                None => return,
            },
            Variety::List(_) | Variety::Union(_) => None,
        };
        let check = |kind: &str, value: &str| -> Result<(), String> {
            match (atomic, variety) {
                (Some(b), _) => validate_facet(b, kind, value),
                (None, _) if kind == "pattern" => validate_pattern(value),
                (None, _) if kind == "enumeration" => Ok(()),
                (None, Variety::List(_)) => match kind {
                    "length" | "minLength" | "maxLength" => {
                        value.trim().parse::<u64>().map(drop).map_err(|_| {
                            format!("the {kind} value {value:?} is not a non-negative integer")
                        })
                    }
                    "whiteSpace" if value == "collapse" => Ok(()),
                    _ => Err(format!("the facet {kind} does not apply to a list")),
                },
                (None, _) => Err(format!("the facet {kind} does not apply to a union")),
            }
        };
        // Only the facets the model knows (a newer facet is kept by the
        // parser for what it says, not checked here).
        for f in facets
            .iter()
            .filter(|f| FacetKind::from_xsd(&f.kind).is_some())
        {
            self.facet_errors
                .check(&f.location, &f.kind, || check(&f.kind, &f.value));
        }
        for e in enumerations {
            self.facet_errors.check(&e.location, "enumeration", || {
                check("enumeration", &e.value)
            });
        }
    }

    /// The text info of a simple-content type `t`, from its base's: a
    /// restriction adds its own facets and enumerations as step 0, and its
    /// own simple type, if it has one, as the steps after (the base's
    /// follow).
    pub(super) fn simple_content_info(
        &self,
        t: &ComplexType,
        base: Option<ValueInfo>,
    ) -> Option<ValueInfo> {
        let mut info = base?;
        if let xsd::Content::Simple {
            derivation: Derivation::Restriction,
            facets,
            enumerations,
            inline,
            ..
        } = &t.content
        {
            let mut own: Vec<Facet> = ir_facets(facets, enumerations, 0).collect();
            let own_len = own.len();
            if let Some(inline) = inline {
                let mut inner = Vec::new();
                let end = self.chain_type(inline, 1, 0, &mut inner)?;
                let shift = inner.iter().map(|f| f.step).max().unwrap_or(0) + 1;
                own.extend(inner);
                own.extend(std::mem::take(&mut info.facets).into_iter().map(|f| Facet {
                    step: f.step + shift,
                    ..f
                }));
                (info.builtin, info.variety) = end;
                info.facets = own;
            } else {
                own.extend(std::mem::take(&mut info.facets).into_iter().map(|f| Facet {
                    step: f.step + 1,
                    ..f
                }));
                info.facets = own;
            }
            let end = (info.builtin.clone(), info.variety.clone());
            keep_qnames(&mut info.facets[..own_len], &end);
            self.check_facets(facets, enumerations, &end);
        }
        Some(info)
    }
}

/// The facets of one restriction step, enumerations included.
fn ir_facets<'a>(
    facets: &'a [xsd::Facet],
    enumerations: &'a [xsd::Enumeration],
    step: usize,
) -> impl Iterator<Item = ir::Facet> + 'a {
    let others = facets.iter().filter_map(move |f| {
        Some(Facet {
            kind: FacetKind::from_xsd(&f.kind)?,
            value: f.value.clone(),
            step,
            qname: None,
        })
    });
    let enumerations = enumerations.iter().map(move |e| Facet {
        kind: FacetKind::Enumeration,
        value: e.value.clone(),
        step,
        qname: e
            .qname
            .as_ref()
            .map(|q| (q.namespace.clone().unwrap_or_default(), q.name.clone())),
    });
    others.chain(enumerations)
}

/// Keeps the QNames of enumerations `facets` only where their restrictions
/// end in `xs:QName` or `xs:NOTATION` (`end`), where values are compared as
/// QNames.
fn keep_qnames(facets: &mut [Facet], end: &(String, Variety)) {
    let qnames = matches!(end, (b, Variety::Atomic) if b == "QName" || b == "NOTATION");
    if !qnames {
        for f in facets {
            f.qname = None;
        }
    }
}
