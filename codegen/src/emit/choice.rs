//! Choices (and substitution groups): an enum of the alternatives, and a
//! collection the parent struct holds as a flattened field. The parent reads
//! itself (see `reader`) and offers each child it has no field for to the
//! collection's `read_child`, which keeps its alternatives in order; on
//! writing, yaserde's derive writes the collection in the parent's element.

use proc_macro2::TokenStream;
use quote::quote;

use super::{Ctx, doc_attrs, no_attributes};
use crate::ident::to_ident;
use crate::ir::{Alternative, Builtin, Choice, Item, TypeRef};

pub(super) fn emit_choice(ctx: &Ctx<'_>, module: &str, c: &Choice) -> TokenStream {
    let name = to_ident(&c.name);
    let collection = to_ident(&c.collection);
    let names: Vec<&str> = c
        .alternatives
        .iter()
        .map(|a| a.wire_name.as_str())
        .collect();
    let summary = if names.is_empty() {
        "any element".to_string()
    } else {
        names
            .iter()
            .map(|n| format!("`{n}`"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let docs = doc_attrs(c.doc.as_deref(), format!("One of: {summary}."));
    let variants = c.alternatives.iter().map(|a| {
        let ident = to_ident(&a.name);
        let ty = ctx.type_tokens(module, &a.ty);
        let docs = doc_attrs(a.doc.as_deref(), format!("A `{}` element.", a.wire_name));
        quote! {
            #docs
            #ident(#ty),
        }
    });
    let other = c.any.then(|| {
        quote! {
            /// An element none of the others match, kept as raw XML.
            Other(xsd::AnyElement),
        }
    });

    let writes = c.alternatives.iter().map(|a| {
        let ident = to_ident(&a.name);
        let write = write_alternative(ctx, a);
        quote!(#name::#ident(value) => { #write })
    });
    let write_other = c
        .any
        .then(|| quote!(#name::Other(raw) => raw.write(writer)?,));

    let reads = c.alternatives.iter().map(|a| {
        let ident = to_ident(&a.name);
        let local = &a.wire_name;
        let ns = match &a.namespace {
            Some(ns) => quote!(::std::option::Option::Some(#ns)),
            None => quote!(::std::option::Option::None),
        };
        let read = read_alternative(ctx, module, a);
        quote! {
            (#ns, #local) => {
                self.0.push(#name::#ident(#read));
                ::std::result::Result::Ok(::std::option::Option::Some(xsd::Step::Element))
            }
        }
    });
    let read_other = if c.any {
        quote! {
            _ => {
                self.0.push(#name::Other(xsd::AnyElement::read(reader)?));
                ::std::result::Result::Ok(::std::option::Option::Some(xsd::Step::Whole))
            }
        }
    } else {
        quote!(_ => ::std::result::Result::Ok(::std::option::Option::None),)
    };
    let read_child = if c.alternatives.is_empty() && c.any {
        quote! {
            let _ = (namespace, local);
            self.0.push(#name::Other(xsd::AnyElement::read(reader)?));
            ::std::result::Result::Ok(::std::option::Option::Some(xsd::Step::Whole))
        }
    } else {
        quote! {
            match (namespace, local) {
                #(#reads)*
                #read_other
            }
        }
    };
    let min = c.min as usize;
    let too_few = (min > 0).then(|| quote!(count < #min));
    let too_many = c.max.map(|max| {
        let max = max as usize;
        quote!(count > #max)
    });
    let count_check = match (too_few, too_many) {
        _ if c.max == Some(c.min) => quote!(count != #min),
        (Some(few), Some(many)) => quote!(#few || #many),
        (Some(check), None) | (None, Some(check)) => check,
        (None, None) => quote!(false),
    };
    let bounds = match c.max {
        Some(max) if max == c.min => format!("{max}"),
        Some(max) => format!("{} to {max}", c.min),
        None => format!("at least {}", c.min),
    };
    let coll_doc = format!(
        " The occurrences of {} ({bounds}), in document order.",
        c.name
    );
    let no_attributes = no_attributes();
    let enum_derives = ctx.derives(quote!(Clone, Debug, PartialEq));
    let coll_derives = ctx.derives(quote!(Clone, Debug, Default, PartialEq));

    quote! {
        #docs
        #[allow(clippy::large_enum_variant)]
        #enum_derives
        pub enum #name {
            #(#variants)*
            #other
        }

        #[doc = #coll_doc]
        #coll_derives
        pub struct #collection(pub ::std::vec::Vec<#name>);

        impl ::yaserde::YaSerialize for #collection {
            fn serialize<W: ::std::io::Write>(
                &self,
                writer: &mut ::yaserde::ser::Serializer<W>,
            ) -> ::std::result::Result<(), ::yaserde::Error> {
                for item in &self.0 {
                    match item {
                        #(#writes)*
                        #write_other
                    }
                }
                ::std::result::Result::Ok(())
            }

            #no_attributes
        }

        impl #collection {
            /// Reads the child element whose start tag is next if it is one
            /// of the alternatives: `None` (nothing read) if it is not.
            #[doc(hidden)]
            pub fn read_child<R: ::std::io::Read>(
                &mut self,
                reader: &mut ::yaserde::de::Deserializer<R>,
                namespace: ::std::option::Option<&str>,
                local: &str,
            ) -> ::std::result::Result<::std::option::Option<xsd::Step>, ::yaserde::Error> {
                #read_child
            }

            /// Checks the number of occurrences read.
            #[doc(hidden)]
            pub fn check(&self) -> ::std::result::Result<(), ::yaserde::Error> {
                let count = self.0.len();
                if #count_check {
                    return ::std::result::Result::Err(::yaserde::Error::custom(format!(
                        "expected {} of {}, found {}",
                        #bounds,
                        #summary,
                        count
                    )));
                }
                ::std::result::Result::Ok(())
            }
        }

        impl ::yaserde::YaDeserialize for #collection {
            fn deserialize<R: ::std::io::Read>(
                reader: &mut ::yaserde::de::Deserializer<R>,
            ) -> ::std::result::Result<Self, ::yaserde::Error> {
                let mut items = Self::default();
                xsd::read_children(reader, |reader, namespace, local| {
                    ::std::result::Result::Ok(
                        items
                            .read_child(reader, namespace, local)?
                            .unwrap_or(xsd::Step::Skip),
                    )
                })?;
                items.check()?;
                ::std::result::Result::Ok(items)
            }
        }
    }
}

/// The element name a struct alternative is written under: its own element
/// declares its namespace (as the default, or with its prefix).
fn struct_label(ctx: &Ctx<'_>, a: &Alternative) -> String {
    let local = &a.wire_name;
    let TypeRef::Named(r) = &a.ty else {
        return local.clone();
    };
    match (ctx.model.item(r), ctx.prefix(&a.namespace)) {
        (Some(Item::Struct(s)), Some(prefix)) if !ctx.default_namespace(s) => {
            format!("{prefix}:{local}")
        }
        _ => local.clone(),
    }
}

fn write_alternative(ctx: &Ctx<'_>, a: &Alternative) -> TokenStream {
    let local = &a.wire_name;
    let ns = a.namespace.as_deref().unwrap_or("");
    match &a.ty {
        TypeRef::Named(r) => match ctx.model.item(r) {
            Some(Item::Struct(_)) => {
                let label = struct_label(ctx, a);
                quote! {
                    writer.set_start_event_name(::std::option::Option::Some(
                        ::std::string::ToString::to_string(#label),
                    ));
                    writer.set_skip_start_end(false);
                    ::yaserde::YaSerialize::serialize(value, writer)?;
                }
            }
            Some(Item::Enum(_)) => quote!(xsd::write_simple(writer, #local, #ns, value.as_str())?;),
            _ => quote! {
                xsd::write_simple(writer, #local, #ns, &::std::string::ToString::to_string(value))?;
            },
        },
        TypeRef::Builtin(Builtin::String) => {
            quote!(xsd::write_simple(writer, #local, #ns, value)?;)
        }
        TypeRef::Builtin(_) => quote! {
            xsd::write_simple(writer, #local, #ns, &::std::string::ToString::to_string(value))?;
        },
    }
}

fn read_alternative(ctx: &Ctx<'_>, module: &str, a: &Alternative) -> TokenStream {
    let read = read_fn(ctx, module, &a.ty);
    quote!(#read(reader)?)
}

/// The function that reads a value of type `ty` from the element whose start
/// tag is next, leaving its end tag (as yaserde's readers do).
pub(super) fn read_fn(ctx: &Ctx<'_>, module: &str, ty_ref: &TypeRef) -> TokenStream {
    let ty = ctx.type_tokens(module, ty_ref);
    match ty_ref {
        TypeRef::Named(r) if matches!(ctx.model.item(r), Some(Item::Struct(_))) => {
            quote!(<#ty as ::yaserde::YaDeserialize>::deserialize)
        }
        TypeRef::Builtin(Builtin::String) => quote!(xsd::read_text),
        TypeRef::Builtin(Builtin::Bool) => quote!(xsd::read_bool),
        TypeRef::Builtin(_) => quote!(xsd::read_number::<#ty, _>),
        TypeRef::Named(_) => quote!(xsd::read_parsed::<#ty, _>),
    }
}
