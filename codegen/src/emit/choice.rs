//! Choices (and substitution groups): an enum of the alternatives. The
//! struct that holds one reads it (its alternatives' names are among the
//! struct's children); the enum writes the element of the alternative it
//! holds (`WriteElements`).

use proc_macro2::TokenStream;
use quote::quote;

use super::{Ctx, doc_attrs, names_summary};
use crate::ident::to_ident;
use crate::ir::Choice;

pub(super) fn emit_choice(ctx: &Ctx<'_>, module: &str, c: &Choice) -> TokenStream {
    let rt = &ctx.rt;
    let name = to_ident(&c.name);
    let summary = names_summary(c.alternatives.iter().map(|a| a.wire_name.as_str()));
    let docs = doc_attrs(c.doc.as_deref(), format!("One of: {summary}."));
    let variants = c.alternatives.iter().map(|a| {
        let ident = to_ident(&a.name);
        let mut ty = ctx.type_tokens(module, &a.ty);
        if a.boxed {
            ty = quote!(::std::boxed::Box<#ty>);
        }
        let docs = doc_attrs(a.doc.as_deref(), format!("A `{}` element.", a.wire_name));
        quote! {
            #docs
            #ident(#ty),
        }
    });
    let other = c.any.is_some().then(|| {
        quote! {
            /// An element none of the others match, kept as raw XML.
            Other(#rt::AnyElement),
        }
    });
    let writes = c.alternatives.iter().map(|a| {
        let ident = to_ident(&a.name);
        let ns = ctx.ns(module, &a.namespace);
        let local = &a.wire_name;
        let value = if a.boxed {
            quote!(&**value)
        } else {
            quote!(value)
        };
        quote!(Self::#ident(value) => #rt::write::child(sink, #ns, #local, #value),)
    });
    let write_other = c
        .any
        .is_some()
        .then(|| quote!(Self::Other(value) => value.write_element(sink),));
    let derives = ctx.derives(quote!(Clone, Debug, PartialEq));
    // An empty choice has no values: nothing to write.
    let body = if c.alternatives.is_empty() && c.any.is_none() {
        quote!(match *self {})
    } else {
        quote! {
            match self {
                #(#writes)*
                #write_other
            }
        }
    };
    quote! {
        #docs
        #[allow(clippy::large_enum_variant)]
        #derives
        pub enum #name {
            #(#variants)*
            #other
        }

        impl #rt::write::WriteElements for #name {
            #[inline]
            fn write_elements(&self, sink: &mut dyn #rt::Sink) -> #rt::Result<()> {
                #body
            }
        }
    }
}
