//! Types derived from: an enum of a complex type and the types derived
//! from it. It reads the type its element's `xsi:type` names (the declared
//! one when there is none), and writes the element with an `xsi:type`
//! naming the type it holds (the declared one only when it was named).

use proc_macro2::TokenStream;
use quote::quote;

use super::{Ctx, doc_attrs};
use crate::ident::to_ident;
use crate::ir::{Derived, Item};

pub(super) fn emit_derived(ctx: &Ctx<'_>, module: &str, d: &Derived) -> TokenStream {
    let rt = &ctx.rt;
    let name = to_ident(&d.name);
    let declared = &d.declared_name.1;
    let docs = doc_attrs(d.doc.as_deref(), String::new());
    let expanded = match &d.declared_name.0 {
        Some(ns) => format!("{{{ns}}}{declared}"),
        None => declared.clone(),
    };
    let variants = d.variants.iter().map(|v| {
        let ident = to_ident(&v.name);
        let mut ty = ctx.path(module, &v.ty);
        if v.boxed {
            ty = quote!(::std::boxed::Box<#ty>);
        }
        let doc = if v.ty == d.declared {
            format!("`{}` itself.", v.type_name.1)
        } else {
            format!("`{}`, derived from it.", v.type_name.1)
        };
        let docs = doc_attrs(None, doc);
        quote! {
            #docs
            #ident(#ty),
        }
    });
    let arms = d.variants.iter().map(|v| {
        let ident = to_ident(&v.name);
        let ns = ctx.ns(module, &v.type_name.0);
        let local = &v.type_name.1;
        let value = if v.boxed {
            quote!(::std::boxed::Box::new(#rt::ReadXml::read_xml(source)?))
        } else {
            quote!(#rt::ReadXml::read_xml(source)?)
        };
        quote!((#ns, #local) => ::std::result::Result::Ok(Self::#ident(#value)),)
    });
    let untyped = match d.variants.iter().find(|v| v.ty == d.declared) {
        Some(v) => {
            let ident = to_ident(&v.name);
            quote!(::std::result::Result::Ok(Self::#ident(#rt::ReadXml::read_xml(source)?)))
        }
        None => quote!(::std::result::Result::Err(#rt::read::abstract_type(#expanded))),
    };
    let writes = d.variants.iter().map(|v| {
        let ident = to_ident(&v.name);
        let ns = ctx.ns(module, &v.type_name.0);
        let local = &v.type_name.1;
        let value = if v.boxed {
            quote!(&**value)
        } else {
            quote!(value)
        };
        // The value's own `xsi:type`, as read: whether the declared type
        // was named, and the prefix to name it with.
        let written = match ctx.model.item(&v.ty) {
            Some(Item::Struct(s)) => s
                .attributes
                .iter()
                .find(|a| {
                    a.wire_name == "type" && a.namespace.as_deref() == Some(crate::xsd::XSI)
                })
                .map(|a| {
                    let field = to_ident(&a.name);
                    if s.is_sparse_attribute(a) {
                        quote!(value.#field())
                    } else {
                        quote!(value.#field.as_ref())
                    }
                }),
            _ => None,
        }
        .unwrap_or_else(|| quote!(::std::option::Option::None));
        let derived = v.ty != d.declared;
        quote! {
            Self::#ident(value) => #rt::write::xsi_typed(sink, #ns, #local, #value, #derived, #written),
        }
    });
    let derives = ctx.derives(quote!(Clone, Debug, PartialEq));
    quote! {
        #docs
        // The variants are the types' names, which often share an ending.
        #[allow(clippy::enum_variant_names)]
        #derives
        pub enum #name {
            #(#variants)*
        }
        impl #rt::ReadXml for #name {
            fn read_xml<__S: #rt::Source>(source: &mut __S) -> #rt::Result<Self> {
                match #rt::read::xsi_type(source)? {
                    ::std::option::Option::None => #untyped,
                    ::std::option::Option::Some((namespace, local)) => {
                        match (namespace.as_str(), local.as_str()) {
                            #(#arms)*
                            (namespace, local) => ::std::result::Result::Err(
                                #rt::read::unknown_xsi_type(namespace, local, #expanded),
                            ),
                        }
                    }
                }
            }
        }
        impl #rt::WriteXml for #name {
            #[inline]
            fn write_xml(&self, sink: &mut dyn #rt::Sink) -> #rt::Result<()> {
                match self {
                    #(#writes)*
                }
            }
        }
    }
}
