//! Structs: the definition of an element's or complex type's struct, its
//! `Element` impl (a global element) and yaserde impls, its typed
//! accessors; its reader and writer are in `read` and `write`.

use proc_macro2::{Ident, TokenStream};
use quote::{format_ident, quote};

use super::{Ctx, default_doc, doc_attrs, values};
use crate::ident::to_ident;
use crate::ir::{Item, Shape, Struct, TypeRef};

mod read;
mod write;

/// A member of a struct: a child element or choice, an attribute, the text,
/// or the attribute wildcard's field.
pub(super) struct Member<'a> {
    pub(super) ident: Ident,
    /// The local variable its reader fills.
    pub(super) local: Ident,
    pub(super) kind: Kind<'a>,
}

/// What a member is.
pub(super) enum Kind<'a> {
    Field(&'a crate::ir::Field),
    Attribute(&'a crate::ir::Attribute),
    /// The text: its type, what it is, and whether it may be absent (nil).
    Text(&'a TypeRef, Option<&'a crate::ir::ValueInfo>, bool),
    AnyAttribute(&'a crate::ir::AnyAttribute),
    /// The text of mixed content.
    Mixed,
    /// The order an `xs:all`'s children were read in.
    Order,
}

/// Names the readers' closures take as parameters: a member's local of the
/// same name gets a `_` after it.
const TAKEN: &[&str] = &["source", "child", "attribute", "sink", "value"];

fn local(name: &str) -> Ident {
    if TAKEN.contains(&name) {
        format_ident!("{name}_")
    } else {
        to_ident(name)
    }
}

/// The members of `s`: its fields, attributes, text and wildcard, in that order.
pub(super) fn members(s: &Struct) -> Vec<Member<'_>> {
    let mut out: Vec<Member<'_>> = Vec::new();
    for f in &s.fields {
        out.push(Member {
            ident: to_ident(&f.name),
            local: local(&f.name),
            kind: Kind::Field(f),
        });
    }
    for a in &s.attributes {
        out.push(Member {
            ident: to_ident(&a.name),
            local: local(&a.name),
            kind: Kind::Attribute(a),
        });
    }
    if let Some(ty) = &s.text {
        let name = values::text_field(s);
        out.push(Member {
            ident: format_ident!("{name}"),
            local: local(name),
            kind: Kind::Text(ty, s.text_info.as_ref(), s.text_nillable),
        });
    }
    if let Some(any) = &s.any_attribute {
        out.push(Member {
            ident: to_ident(&any.name),
            local: local(&any.name),
            kind: Kind::AnyAttribute(any),
        });
    }
    if let Some(mixed) = &s.mixed {
        out.push(Member {
            ident: to_ident(mixed),
            local: local(mixed),
            kind: Kind::Mixed,
        });
    }
    if let Some(order) = &s.child_order {
        out.push(Member {
            ident: to_ident(order),
            local: local(order),
            kind: Kind::Order,
        });
    }
    out
}

pub(super) fn emit_struct(ctx: &Ctx<'_>, module: &str, s: &Struct) -> TokenStream {
    let rt = &ctx.rt;
    let name = to_ident(&s.name);
    let wire = &s.wire_name;
    let kind = if s.is_element {
        "element"
    } else {
        "complex type"
    };
    let docs = doc_attrs(s.doc.as_deref(), format!("The `{wire}` {kind}."));
    let members = members(s);
    let fields = members.iter().map(|m| field(ctx, module, m));
    let derives = ctx.derives(quote!(Clone, Debug, PartialEq));
    let reader = read::impl_read(ctx, module, s, &members);
    let writer = write::impl_write(ctx, module, s, &members);
    let ns = ctx.ns(module, &s.namespace);
    let element = s.is_element.then(|| {
        quote! {
            impl #rt::Element for #name {
                const NAMESPACE: &'static str = #ns;
                const LOCAL_NAME: &'static str = #wire;
            }
        }
    });
    let accessors = values::emit_accessors(ctx, s);
    quote! {
        #docs
        #derives
        pub struct #name {
            #(#fields)*
        }

        #reader
        #writer
        #element
        #rt::impl_yaserde!(#name, #ns, #wire);
        #accessors
    }
}

/// The declaration of member `m`, with its docs.
fn field(ctx: &Ctx<'_>, module: &str, m: &Member<'_>) -> TokenStream {
    let rt = &ctx.rt;
    let ident = &m.ident;
    let (docs, ty) = match m.kind {
        Kind::Field(f) => {
            let wire = &f.wire_name;
            let mut docs = if f.flatten {
                let what = match &f.ty {
                    TypeRef::Named(r) => match ctx.model.item(r) {
                        Some(Item::Choice(c)) if !c.alternatives.is_empty() => {
                            super::names_summary(
                                c.alternatives.iter().map(|a| a.wire_name.as_str()),
                            )
                        }
                        _ => "any element".to_string(),
                    },
                    TypeRef::Builtin(_) => "any element".to_string(),
                };
                doc_attrs(f.doc.as_deref(), format!("One of: {what}."))
            } else {
                doc_attrs(f.doc.as_deref(), format!("The `{wire}` child element."))
            };
            if let Some(default) = &f.default {
                docs.extend(default_doc(&format!("Empty means `{default}`.")));
            }
            docs.extend(values::value_doc_attrs(&f.ty, f.value_info.as_ref()));
            let mut ty = ctx.type_tokens(module, &f.ty);
            if f.boxed {
                ty = quote!(::std::boxed::Box<#ty>);
            }
            let ty = match f.occurrence.shape() {
                Shape::One => ty,
                Shape::Optional => quote!(::std::option::Option<#ty>),
                Shape::Many => quote!(::std::vec::Vec<#ty>),
            };
            (docs, ty)
        }
        Kind::Attribute(a) => {
            let wire = &a.wire_name;
            let mut docs = doc_attrs(a.doc.as_deref(), format!("The `{wire}` attribute."));
            if let Some(default) = &a.default {
                docs.extend(default_doc(&format!("Absent means `{default}`.")));
            }
            docs.extend(values::value_doc_attrs(&a.ty, a.value_info.as_ref()));
            let inner = ctx.type_tokens(module, &a.ty);
            let ty = if a.required {
                inner
            } else {
                quote!(::std::option::Option<#inner>)
            };
            (docs, ty)
        }
        Kind::Text(ty, info, nillable) => {
            let mut docs = if nillable {
                quote!(#[doc = " The element's text (`None`: the element is nil)."])
            } else {
                quote!(#[doc = " The element's text."])
            };
            docs.extend(values::value_doc_attrs(ty, info));
            let ty = ctx.type_tokens(module, ty);
            let ty = if nillable {
                quote!(::std::option::Option<#ty>)
            } else {
                ty
            };
            (docs, ty)
        }
        Kind::Mixed => (
            quote!(#[doc = " The text between the child elements (mixed content), each where it stands."]),
            quote!(::std::vec::Vec<#rt::MixedText>),
        ),
        Kind::AnyAttribute(_) => (
            quote!(#[doc = " Attributes beyond the declared ones (`xs:anyAttribute`), as written."]),
            quote!(::std::vec::Vec<#rt::Attribute>),
        ),
        Kind::Order => (
            quote!(#[doc = " The order the child elements were read in (`xs:all` takes any), written back the same (`Default`: the declaration order)."]),
            quote!(#rt::ChildOrder),
        ),
    };
    quote! {
        #docs
        pub #ident: #ty,
    }
}
