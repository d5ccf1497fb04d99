//! Attributes: attribute uses and groups expanded, their types, the
//! wildcard (`xs:anyAttribute`) and its namespaces, inheritance.

use crate::error::ResolveError;
use crate::ident;
use crate::ir::{self, ItemRef, TypeRef};
use crate::xsd::{self, AttributeUse, Form, Schema, SimpleRef, Use, XML};

use super::Resolver;
use super::content::Names;

impl<'s> Resolver<'s> {
    /// The first `xs:anyAttribute` of the attribute groups among `uses`, with
    /// the schema it stands in.
    pub(super) fn group_wildcard(
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

    /// The attributes of a list of attribute uses, attribute groups expanded.
    pub(super) fn attribute_uses(
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

    pub(super) fn attribute(
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
            // The attributes of the XML Schema instance namespace are built in.
            Some(q)
                if q.namespace.as_deref() == Some(xsd::XSI)
                    && matches!(
                        q.name.as_str(),
                        "type" | "nil" | "schemaLocation" | "noNamespaceSchemaLocation"
                    ) =>
            {
                let ty = match q.name.as_str() {
                    "nil" => ir::Builtin::Bool,
                    "type" => ir::Builtin::QName,
                    _ => ir::Builtin::String,
                };
                (
                    q.name.clone(),
                    Some(xsd::XSI.to_string()),
                    TypeRef::Builtin(ty),
                    None,
                    None,
                )
            }
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

    pub(super) fn attribute_type(
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
pub(super) fn merge_attributes(
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
pub(super) fn namespace_constraint(schema: &Schema, namespace: &str) -> ir::NamespaceConstraint {
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
