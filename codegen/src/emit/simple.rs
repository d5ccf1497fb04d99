//! Enumerations and lists: simple types, read from and written as text
//! (`SimpleType`), with `FromStr` and `Display`.

use proc_macro2::TokenStream;
use quote::quote;

use super::{Ctx, doc_attrs};
use crate::ident::to_ident;
use crate::ir::{Enum, List};

pub(super) fn emit_enum(ctx: &Ctx<'_>, e: &Enum) -> TokenStream {
    let rt = &ctx.rt;
    let name = to_ident(&e.name);
    let wire_type = &e.wire_name;
    let docs = doc_attrs(e.doc.as_deref(), format!("The `{wire_type}` enumeration."));
    let idents: Vec<_> = e.variants.iter().map(|v| to_ident(&v.name)).collect();
    let values: Vec<_> = e.variants.iter().map(|v| v.value.as_str()).collect();
    let variants = e.variants.iter().zip(&idents).map(|(v, ident)| {
        let fallback = if v.value.is_empty() {
            "The empty string.".to_string()
        } else {
            format!("`{}`", v.value)
        };
        let docs = doc_attrs(v.doc.as_deref(), fallback);
        quote! {
            #docs
            #ident,
        }
    });
    // An open enum keeps a value it does not declare, in a variant named so
    // as not to collide with the declared ones.
    let unknown = e.open.then(|| {
        let mut names = crate::ident::Scope::new();
        for v in &e.variants {
            names.unique(v.name.clone());
        }
        to_ident(&names.unique("UnknownValue".into()))
    });
    let (derives, unknown_variant, as_str, unknown_arm, from_str_fallback) = match &unknown {
        Some(u) => (
            ctx.derives(quote!(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)),
            quote! {
                /// A value the schema does not declare, kept as written.
                #u(::std::string::String),
            },
            quote!(pub fn as_str(&self) -> &str),
            quote!(Self::#u(value) => value,),
            quote!(_ => ::std::result::Result::Ok(Self::#u(::std::string::ToString::to_string(value))),),
        ),
        None => (
            ctx.derives(quote!(
                Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord
            )),
            quote!(),
            quote!(pub const fn as_str(&self) -> &'static str),
            quote!(),
            quote! {
                _ => ::std::result::Result::Err(#rt::UnknownEnumValue {
                    type_name: #wire_type,
                    value: ::std::string::ToString::to_string(value),
                    expected: &[#(#values),*],
                }),
            },
        ),
    };
    quote! {
        #docs
        #derives
        pub enum #name {
            #(#variants)*
            #unknown_variant
        }

        impl #name {
            /// Every declared value, in schema order.
            pub const ALL: &'static [Self] = &[#(Self::#idents),*];

            /// The value exactly as written on the wire.
            #as_str {
                match self {
                    #(Self::#idents => #values,)*
                    #unknown_arm
                }
            }
        }

        impl ::std::fmt::Display for #name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl ::std::str::FromStr for #name {
            type Err = #rt::UnknownEnumValue;

            fn from_str(value: &str) -> ::std::result::Result<Self, Self::Err> {
                match value {
                    #(#values => ::std::result::Result::Ok(Self::#idents),)*
                    #from_str_fallback
                }
            }
        }

        impl #rt::SimpleType for #name {
            fn from_text(text: &str) -> #rt::Result<Self> {
                #rt::simple::parse(text)
            }

            fn to_text(&self) -> ::std::borrow::Cow<'_, str> {
                ::std::borrow::Cow::Borrowed(self.as_str())
            }
        }
    }
}

pub(super) fn emit_list(ctx: &Ctx<'_>, module: &str, l: &List) -> TokenStream {
    let rt = &ctx.rt;
    let name = to_ident(&l.name);
    let wire_type = &l.wire_name;
    let item = ctx.type_tokens(module, &l.item);
    let docs = doc_attrs(
        l.doc.as_deref(),
        format!("The `{wire_type}` list: values separated by whitespace."),
    );
    let derives = ctx.derives(quote!(Clone, Debug, Default, PartialEq));
    // QNames are read and written with the namespaces where the list stands.
    let scoped = (l.item == crate::ir::TypeRef::Builtin(crate::ir::Builtin::QName)).then(|| {
        quote! {
            fn from_text_in(text: &str, namespaces: &dyn #rt::Namespaces) -> #rt::Result<Self> {
                #rt::simple::parse_list_in(text, #wire_type, namespaces)
                    .map(Self)
                    .map_err(#rt::Error::value)
            }

            fn to_text_in(&self, sink: &mut dyn #rt::Sink) -> #rt::Result<::std::borrow::Cow<'_, str>> {
                #rt::simple::list_text_in(&self.0, sink).map(::std::borrow::Cow::Owned)
            }
        }
    });
    quote! {
        #docs
        #derives
        pub struct #name(pub ::std::vec::Vec<#item>);

        impl ::std::fmt::Display for #name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                #rt::simple::write_list(f, &self.0)
            }
        }

        impl ::std::str::FromStr for #name {
            type Err = #rt::InvalidValue;

            fn from_str(value: &str) -> ::std::result::Result<Self, Self::Err> {
                #rt::simple::parse_list(value, #wire_type).map(Self)
            }
        }

        impl #rt::SimpleType for #name {
            fn from_text(text: &str) -> #rt::Result<Self> {
                #rt::simple::parse(text)
            }

            fn to_text(&self) -> ::std::borrow::Cow<'_, str> {
                ::std::borrow::Cow::Owned(::std::string::ToString::to_string(self))
            }

            #scoped
        }
    }
}
