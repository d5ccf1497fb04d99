//! Elements as fields: a local element or a reference to a global one, its
//! type (named, anonymous, nillable), its default.

use crate::error::ResolveError;
use crate::ident;
use crate::ir::{self, Item, ItemRef, TypeRef};
use crate::xsd::{self, ElementType, Form, Occurs, QName, Schema};

use super::content::{Content, Names, XSI_NIL_DOC, occurrence};
use super::{Def, Resolver};

impl<'s> Resolver<'s> {
    /// A local element or a reference to a global one, as a field.
    pub(super) fn element_field(
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
    pub(super) fn element_decl(
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
    pub(super) fn nillable(&mut self, e: &xsd::Element, ty: TypeRef, owner: &ItemRef) -> TypeRef {
        // Content kept as written keeps its xsi:nil as it keeps everything.
        if !e.nillable || ty == TypeRef::Builtin(ir::Builtin::Any) {
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
            mixed: None,
            child_order: None,
            sparse: None,
            text_nillable: true,
            text_default: None,
        };
        self.insert_item(&r, Item::Struct(item), &e.location);
        TypeRef::Named(r)
    }

    /// The type of a local element: named, or an anonymous item named `anon`.
    pub(super) fn local_type(
        &mut self,
        schema: &Schema,
        e: &xsd::Element,
        module: &str,
        anon: String,
    ) -> Option<TypeRef> {
        let owner = format!("element {}", e.name);
        match &e.ty {
            ElementType::Named(q) if is_any_type(q) => Some(TypeRef::Builtin(ir::Builtin::Any)),
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
                // An anonymous type that contains itself (through a group
                // that holds the element it is the type of) is the type
                // being built: its item, not a new one each time round.
                let key = std::ptr::from_ref::<xsd::ComplexType>(t) as usize;
                if let Some(r) = self.anonymous.get(&key) {
                    return Some(TypeRef::Named(r.clone()));
                }
                let name = self.unique(module, anon);
                let r = ItemRef {
                    module: module.to_string(),
                    name,
                };
                self.anonymous.insert(key, r.clone());
                let content = self.complex_content(schema, t, &r);
                self.anonymous.remove(&key);
                let content = content?;
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
                    mixed: content.mixed,
                    child_order: content.child_order,
                    sparse: None,
                    text_nillable: false,
                    text_default: None,
                };
                self.insert_item(&r, Item::Struct(item), &t.location);
                Some(TypeRef::Named(r))
            }
            ElementType::Simple(t) => self.inline_simple(schema, t, module, anon, &e.name),
            // No type, or xs:anyType: the content is kept as written.
            ElementType::Any => Some(TypeRef::Builtin(ir::Builtin::Any)),
        }
    }

    /// The type a reference to global element `global` has.
    pub(super) fn global_element_type(
        &mut self,
        global: Def<'s, xsd::Element>,
        at: &crate::error::Location,
    ) -> Option<TypeRef> {
        let e = global.def;
        match self.element_type(e) {
            ElementType::Named(q) if is_any_type(q) => Some(TypeRef::Builtin(ir::Builtin::Any)),
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
            // No type, or xs:anyType: the content is kept as written.
            ElementType::Any => Some(TypeRef::Builtin(ir::Builtin::Any)),
        }
    }

    /// The `default` or `fixed` value of a local element, or of the global
    /// element it references.
    pub(super) fn element_default(&self, e: &xsd::Element) -> Option<String> {
        let decl = match &e.reference {
            Some(q) => self.elements.get(q)?.def,
            None => e,
        };
        decl.default.clone().or_else(|| decl.fixed.clone())
    }
}

/// Whether `q` is `xs:anyType`: content kept as written.
pub(super) fn is_any_type(q: &QName) -> bool {
    q.namespace.as_deref() == Some(xsd::XS) && q.name == "anyType"
}
