//! Simple types: built-in types, enumerations, lists, unions, restrictions.

use std::collections::BTreeSet;

use crate::error::{Location, ResolveError};
use crate::ident::{self, Scope};
use crate::ir::{self, Builtin, Item, ItemRef, TypeRef};
use crate::xsd::{self, QName, Schema, SimpleContent, SimpleRef, XS};

use super::Resolver;

/// Whether a simple type becomes an item of its own: enumerations (a Rust
/// enum) and lists (a `Vec` newtype). Other restrictions keep their base
/// type, and so do enumerations of QNames (see [`Resolver::needs_item`]).
fn may_need_item(t: &xsd::SimpleType) -> bool {
    match &t.content {
        SimpleContent::Restriction { enumerations, .. } => !enumerations.is_empty(),
        SimpleContent::List { .. } => true,
        SimpleContent::Union { .. } => false,
    }
}

/// The Rust type of a built-in XSD type; `None` for those not supported.
pub(super) fn builtin(name: &str) -> Option<Builtin> {
    Some(match name {
        "boolean" => Builtin::Bool,
        "byte" => Builtin::I8,
        "short" => Builtin::I16,
        "int" => Builtin::I32,
        "long" => Builtin::I64,
        "unsignedByte" => Builtin::U8,
        "unsignedShort" => Builtin::U16,
        "unsignedInt" => Builtin::U32,
        "unsignedLong" => Builtin::U64,
        "float" => Builtin::F32,
        "double" => Builtin::F64,
        // A namespace and a local name, resolved where the value stands.
        "QName" | "NOTATION" => Builtin::QName,
        // Kept as their exact lexical value: strings, and every type a Rust
        // primitive would round or bound (decimal, unbounded integers), or
        // whose value has no std type (dates, durations, binary, names).
        "string" | "normalizedString" | "token" | "language" | "Name" | "NCName" | "NMTOKEN"
        | "NMTOKENS" | "ID" | "IDREF" | "IDREFS" | "ENTITY" | "ENTITIES" | "anyURI" | "decimal"
        | "integer" | "nonNegativeInteger" | "positiveInteger" | "nonPositiveInteger"
        | "negativeInteger" | "dateTime" | "date" | "time" | "duration" | "gYear"
        | "gYearMonth" | "gMonth" | "gMonthDay" | "gDay" | "base64Binary" | "hexBinary"
        | "anySimpleType" => Builtin::String,
        // XSD 1.1.
        "dateTimeStamp" | "yearMonthDuration" | "dayTimeDuration" | "anyAtomicType" => {
            Builtin::String
        }
        _ => return None,
    })
}

impl<'s> Resolver<'s> {
    /// Whether simple type `t` becomes an item of its own: an enumeration (a
    /// Rust enum) or a list (a `Vec` newtype). An enumeration of QNames (or
    /// NOTATIONs) does not: its values are namespaces and local names, which
    /// the text of an instance writes with prefixes of its own (`d:i` in the
    /// schema may be `x:i` in a document), so it keeps its base type (the
    /// runtime's `QName`), its values kept among its facets. Nor does an
    /// enumeration of lists of QNames that restricts a named list: it keeps
    /// the list's type, whose items are `QName`s written with their
    /// prefixes declared (an enum's text would be written with prefixes
    /// the document does not declare).
    pub(super) fn needs_item(&self, t: &xsd::SimpleType) -> bool {
        may_need_item(t) && !self.is_qname_restriction(t, 0)
    }

    /// Whether `t` restricts `xs:QName` or `xs:NOTATION`, or a named list
    /// of them.
    fn is_qname_restriction(&self, t: &xsd::SimpleType, depth: usize) -> bool {
        let SimpleContent::Restriction { base, .. } = &t.content else {
            return false;
        };
        if depth > 64 {
            return false;
        }
        match base {
            SimpleRef::Named(q) if q.namespace.as_deref() == Some(XS) => {
                matches!(builtin(&q.name), Some(Builtin::QName))
            }
            SimpleRef::Named(q) => self.simple.get(q).is_some_and(|d| {
                self.is_qname_restriction(d.def, depth + 1) || self.is_qname_list(d.def, depth + 1)
            }),
            SimpleRef::Inline(inner) => self.is_qname_restriction(inner, depth + 1),
        }
    }

    /// Whether `t` is a list of `xs:QName` or `xs:NOTATION` (or of a
    /// restriction of them).
    fn is_qname_list(&self, t: &xsd::SimpleType, depth: usize) -> bool {
        let SimpleContent::List { item } = &t.content else {
            return false;
        };
        match item {
            SimpleRef::Named(q) if q.namespace.as_deref() == Some(XS) => {
                matches!(builtin(&q.name), Some(Builtin::QName))
            }
            SimpleRef::Named(q) => self
                .simple
                .get(q)
                .is_some_and(|d| self.is_qname_restriction(d.def, depth + 1)),
            SimpleRef::Inline(inner) => self.is_qname_restriction(inner, depth + 1),
        }
    }

    /// The Rust type of a named simple type (or a complex type with simple content,
    /// for `xs:simpleContent` bases, which the caller handles).
    pub(super) fn simple_type_ref(
        &mut self,
        q: &QName,
        location: &Location,
        owner: &str,
    ) -> Option<TypeRef> {
        self.simple_type_ref_depth(q, location, owner, 0)
    }

    fn simple_type_ref_depth(
        &mut self,
        q: &QName,
        location: &Location,
        owner: &str,
        depth: usize,
    ) -> Option<TypeRef> {
        // A name in the XML Schema namespace is a built-in type, unless it is
        // none and the schema set defines it (the schema for schemas'
        // `formChoice`, `derivationSet`, ...).
        if q.namespace.as_deref() == Some(XS)
            && (builtin(&q.name).is_some() || !self.simple.contains_key(q))
        {
            return match builtin(&q.name) {
                Some(b) => Some(TypeRef::Builtin(b)),
                None => {
                    self.errors.push(ResolveError::Unsupported {
                        location: location.clone(),
                        construct: format!("xs:{}", q.name),
                        detail: format!(
                            "the type of {owner} is not a built-in type this generator supports yet"
                        ),
                    });
                    None
                }
            };
        }
        if let Some(r) = self.type_items.get(q) {
            if self.simple.contains_key(q) {
                return Some(TypeRef::Named(r.clone()));
            }
        }
        let Some(def) = self.simple.get(q).copied() else {
            let note = if self.complex.contains_key(q) {
                " (it names a complex type, where a simple type is needed)"
            } else {
                ""
            };
            self.unresolved(location, format!("{owner}{note}"), q);
            return None;
        };
        if depth > 64 {
            self.errors.push(ResolveError::Unsupported {
                location: def.def.location.clone(),
                construct: format!("simpleType {}", q.name),
                detail: "its derivation chain does not end in a built-in type".into(),
            });
            return None;
        }
        let owner = format!("simpleType {}", q.name);
        match &def.def.content {
            SimpleContent::Restriction { base, .. } => {
                self.simple_ref_depth(base, &def.def.location, &owner, depth + 1)
            }
            // A union's value may be any member's: keep its lexical form. Its
            // members are still checked for existence.
            SimpleContent::Union { members } => {
                for m in members {
                    self.simple_ref_depth(m, &def.def.location, &owner, depth + 1);
                }
                Some(TypeRef::Builtin(Builtin::String))
            }
            SimpleContent::List { .. } => unreachable!("lists have items"),
        }
    }

    fn simple_ref_depth(
        &mut self,
        r: &SimpleRef,
        location: &Location,
        owner: &str,
        depth: usize,
    ) -> Option<TypeRef> {
        match r {
            SimpleRef::Named(q) => self.simple_type_ref_depth(q, location, owner, depth),
            SimpleRef::Inline(t) => match &t.content {
                SimpleContent::Restriction {
                    base, enumerations, ..
                } if enumerations.is_empty() || self.is_qname_restriction(t, 0) => {
                    self.simple_ref_depth(base, &t.location, owner, depth + 1)
                }
                SimpleContent::Union { members } => {
                    for m in members {
                        self.simple_ref_depth(m, &t.location, owner, depth + 1);
                    }
                    Some(TypeRef::Builtin(Builtin::String))
                }
                // An anonymous enumeration or list nested in another simple
                // type: its values are strings of the outer type.
                _ => Some(TypeRef::Builtin(Builtin::String)),
            },
        }
    }

    /// The type of an inline simple type: an item named `anon` in `module`
    /// when it is an enumeration or list, else its base type.
    pub(super) fn inline_simple(
        &mut self,
        schema: &Schema,
        t: &xsd::SimpleType,
        module: &str,
        anon: String,
        wire_name: &str,
    ) -> Option<TypeRef> {
        if self.needs_item(t) {
            let name = self.unique(module, anon);
            let r = ItemRef {
                module: module.to_string(),
                name,
            };
            self.simple_item(schema, t, r.clone(), wire_name.to_string());
            return Some(TypeRef::Named(r));
        }
        let owner = format!("element {wire_name}");
        self.simple_ref_depth(
            &SimpleRef::Inline(Box::new(t.clone())),
            &t.location,
            &owner,
            0,
        )
    }

    /// Builds the item of an enumeration or list simple type.
    pub(super) fn simple_item(
        &mut self,
        schema: &Schema,
        t: &xsd::SimpleType,
        r: ItemRef,
        wire_name: String,
    ) {
        match &t.content {
            SimpleContent::Restriction { enumerations, .. } => {
                let mut names = Scope::new();
                let mut seen = BTreeSet::new();
                let variants = enumerations
                    .iter()
                    // A repeated value is the same value: keep the first.
                    .filter(|v| seen.insert(v.value.clone()))
                    .map(|v| ir::Variant {
                        name: names.unique(ident::type_name(&v.value)),
                        value: v.value.clone(),
                        doc: v.doc.clone(),
                    })
                    .collect();
                let item = ir::Enum {
                    name: r.name.clone(),
                    wire_name,
                    doc: t.doc.clone(),
                    variants,
                    open: false,
                };
                self.insert_item(&r, Item::Enum(item), &t.location);
            }
            SimpleContent::List { item } => {
                let owner = format!("the items of {wire_name}");
                let item_ty = match item {
                    SimpleRef::Named(q) => self.simple_type_ref(q, &t.location, &owner),
                    SimpleRef::Inline(inner) => {
                        let anon = format!("{}Item", r.name);
                        self.inline_simple(schema, inner, &r.module.clone(), anon, &wire_name)
                    }
                };
                let Some(item_ty) = item_ty else { return };
                if matches!(&item_ty, TypeRef::Named(n) if matches!(self.item(n), Some(Item::List(_))))
                {
                    self.errors.push(ResolveError::Unsupported {
                        location: t.location.clone(),
                        construct: format!("list of lists {wire_name}"),
                        detail: "a list's items must not be lists".into(),
                    });
                    return;
                }
                let list = ir::List {
                    name: r.name.clone(),
                    wire_name,
                    item: item_ty,
                    doc: t.doc.clone(),
                };
                self.insert_item(&r, Item::List(list), &t.location);
            }
            SimpleContent::Union { .. } => {}
        }
    }

    pub(super) fn item(&self, r: &ItemRef) -> Option<&Item> {
        self.items.get(&r.module)?.items.get(&r.name)
    }
}
