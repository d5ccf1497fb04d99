//! `Document`: the enum of a schema's global elements, read from whichever
//! of them a document starts with (what a SOAP body or a generic reader
//! needs), and written as the one it holds.

use proc_macro2::TokenStream;
use quote::quote;

use super::Ctx;
use crate::ident::{Scope, to_ident};
use crate::ir::{Item, ItemRef};

/// The name of the enum (reserved in every schema's names: see `ident`).
pub const DOCUMENT: &str = "Document";

/// `content`: the `WILDCARD_CONTENT` of its `Validate` impl, if the schema
/// has validating wildcards.
pub(super) fn emit_document(ctx: &Ctx<'_>, content: Option<TokenStream>) -> TokenStream {
    let rt = &ctx.rt;
    let mut names = Scope::new();
    let mut variants = Vec::new();
    let mut reads = Vec::new();
    let mut writes = Vec::new();
    let mut validates_into = Vec::new();
    let mut roots = Vec::new();
    let mut root_names = Vec::new();
    for (module, item) in ctx.model.items() {
        let Item::Struct(s) = item else { continue };
        if !s.is_element {
            continue;
        }
        let variant = to_ident(&names.unique(s.name.clone()));
        let path = ctx.path(
            "",
            &ItemRef {
                module: module.to_string(),
                name: s.name.clone(),
            },
        );
        let local = &s.wire_name;
        let ns = ctx.ns("", &s.namespace);
        let doc = format!(" A `{local}` element.");
        variants.push(quote! {
            #[doc = #doc]
            #variant(#path),
        });
        reads.push(quote! {
            (#ns, #local) => #rt::ReadXml::read_xml(source).map(Self::#variant),
        });
        writes.push(quote!(Self::#variant(value) => #rt::WriteXml::write_xml(value, sink),));
        validates_into
            .push(quote!(Self::#variant(value) => #rt::Validate::validate_into(value, out),));
        roots.push(quote!((#ns, #local)));
        root_names.push(quote!(Self::#variant(_) => (#ns, #local),));
    }
    if variants.is_empty() {
        return TokenStream::new();
    }
    let name = to_ident(DOCUMENT);
    let derives = ctx.derives(quote!(Clone, Debug, PartialEq));
    quote! {
        /// Any global element of the schema, chosen by its name when read.
        // Its variants are as large as the schema's elements: boxing them
        // would cost every reader an allocation for what clippy dislikes.
        #[allow(clippy::large_enum_variant)]
        #derives
        pub enum #name {
            #(#variants)*
        }

        impl #rt::ReadXml for #name {
            fn read_xml<__S: #rt::Source>(source: &mut __S) -> #rt::Result<Self> {
                match source.name() {
                    #(#reads)*
                    (namespace, local) => {
                        ::std::result::Result::Err(#rt::read::not_global(namespace, local))
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

        impl #rt::Validate for #name {
            #content
            #[inline]
            fn validate_into(&self, out: &mut #rt::validate::Violations) {
                match self {
                    #(#validates_into)*
                }
            }

            /// The element's name: `validate()`'s paths start with it.
            fn element_name(&self) -> ::std::option::Option<&'static str> {
                ::std::option::Option::Some(#rt::Root::root_name(self).1)
            }
        }

        impl #rt::Root for #name {
            fn root_names() -> &'static [(&'static str, &'static str)] {
                &[#(#roots),*]
            }

            fn root_name(&self) -> (&'static str, &'static str) {
                match self {
                    #(#root_names)*
                }
            }
        }
    }
}
