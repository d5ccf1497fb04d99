//! Choices (and substitution groups): an enum of the alternatives, and a
//! collection the parent struct holds as a flattened field. yaserde hands a
//! flattened field the parent's element with every child no other field
//! took; the collection picks its alternatives out of it, in order.

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
                items.push(#name::#ident(#read));
                ::std::result::Result::Ok(xsd::Step::Element)
            }
        }
    });
    let read_other = if c.any {
        quote! {
            _ => {
                items.push(#name::Other(xsd::AnyElement::read(reader)?));
                ::std::result::Result::Ok(xsd::Step::Whole)
            }
        }
    } else {
        quote!(_ => ::std::result::Result::Ok(xsd::Step::Skip),)
    };
    let read_child = if c.alternatives.is_empty() && c.any {
        quote! {
            |reader, _namespace, _local| {
                items.push(#name::Other(xsd::AnyElement::read(reader)?));
                ::std::result::Result::Ok(xsd::Step::Whole)
            }
        }
    } else {
        quote! {
            |reader, namespace, local| match (namespace, local) {
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

        impl ::yaserde::YaDeserialize for #collection {
            fn deserialize<R: ::std::io::Read>(
                reader: &mut ::yaserde::de::Deserializer<R>,
            ) -> ::std::result::Result<Self, ::yaserde::Error> {
                let mut items = ::std::vec::Vec::new();
                xsd::read_children(reader, #read_child)?;
                let count = items.len();
                if #count_check {
                    return ::std::result::Result::Err(::yaserde::Error::custom(format!(
                        "expected {} of {}, found {}",
                        #bounds,
                        #summary,
                        count
                    )));
                }
                ::std::result::Result::Ok(Self(items))
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
    let ty = ctx.type_tokens(module, &a.ty);
    match &a.ty {
        TypeRef::Named(r) if matches!(ctx.model.item(r), Some(Item::Struct(_))) => {
            quote!(<#ty as ::yaserde::YaDeserialize>::deserialize(reader)?)
        }
        TypeRef::Builtin(Builtin::String) => quote!(xsd::read_text(reader)?),
        TypeRef::Builtin(Builtin::Bool) => quote!(xsd::parse_bool(&xsd::read_text(reader)?)?),
        _ => quote! {
            <#ty as ::std::str::FromStr>::from_str(&xsd::read_text(reader)?)
                .map_err(::yaserde::Error::custom)?
        },
    }
}
