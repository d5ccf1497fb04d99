//! The generated `YaDeserialize` of every struct; structs derive
//! `YaSerialize` only (those with an attribute wildcard write through a
//! derived twin, see `wildcard`).
//! yaserde's derived reader reads a flattened field (every choice) by writing
//! the children no other field took into a new document and parsing that
//! again with a parser that trims text, so a value inside a choice lost its
//! leading and trailing whitespace and was read twice; its errors name Rust
//! fields; and its expansion was most of what rustc checked in a large
//! schema. These read attributes from the start tag, each child by its name
//! and namespace into its field, the others offered to the choices in turn,
//! and simple content from the text; with an attribute wildcard, the
//! attributes it allows and no field declares are kept as written.

use proc_macro2::{Ident, TokenStream};
use quote::{format_ident, quote};

use super::wildcard::{attribute_arms, attribute_fields, option_str};
use super::{Ctx, Member, choice};
use std::collections::BTreeMap;

use crate::ir::{Builtin, Model, NamespaceConstraint, Occurrence, Struct, TypeRef};

/// The `YaDeserialize` impl of struct `s`, whose members are `fields` and
/// `attributes` (in the order of `s.fields` and `s.attributes`), and
/// `other_attributes`, the field of its attribute wildcard if it has one.
pub(super) fn impl_deserialize(
    ctx: &Ctx<'_>,
    module: &str,
    s: &Struct,
    fields: &[Member],
    attributes: &[Member],
    text: Option<&Member>,
    other_attributes: Option<&Ident>,
) -> TokenStream {
    let name = super::to_ident(&s.name);
    let wire = &s.wire_name;

    let attribute_locals: Vec<Ident> = (0..attributes.len())
        .map(|i| format_ident!("attribute_{i}"))
        .collect();
    let arms = attribute_arms(s, &attribute_locals, &|ns| ns_pattern(ctx, ns));
    // The wildcard's: the attributes it allows, kept as written.
    let (other_local, other_arms, other_value) = match (other_attributes, &s.any_attribute) {
        (Some(ident), Some(any)) => {
            let keep = quote!(other.push(xsd::Attribute::from(attribute)));
            let patterns = |list: &[Option<String>]| {
                let list = list.iter().map(|ns| ns_pattern(ctx, ns));
                quote!(#(#list)|*)
            };
            let arms = match &any.namespaces {
                NamespaceConstraint::Any => quote!(_ => #keep,),
                NamespaceConstraint::Not(list) if list.is_empty() => quote!(_ => #keep,),
                NamespaceConstraint::Only(list) if list.is_empty() => quote!(_ => {}),
                NamespaceConstraint::Not(list) => {
                    let list = patterns(list);
                    quote!((#list, _) => {} _ => #keep,)
                }
                NamespaceConstraint::Only(list) => {
                    let list = patterns(list);
                    quote!((#list, _) => #keep, _ => {})
                }
            };
            (
                Some(quote!(let mut other = ::std::vec::Vec::new();)),
                arms,
                Some(quote!(#ident: other,)),
            )
        }
        _ => (None, quote!(_ => {}), None),
    };
    let read_attributes = (!attributes.is_empty() || other_local.is_some()).then(|| {
        quote! {
            let attributes = xsd::start_attributes(reader)?;
            #(let mut #attribute_locals = ::std::option::Option::None;)*
            #other_local
            for attribute in &attributes {
                let namespace = attribute
                    .name
                    .namespace
                    .as_deref()
                    .filter(|ns| !ns.is_empty());
                match (namespace, attribute.name.local_name.as_str()) {
                    #(#arms)*
                    #other_arms
                }
            }
        }
    });
    let attribute_values = attribute_fields(s, attributes, &attribute_locals);

    // One local per field: `Option` for one value, `Vec` for many, the
    // collection itself for a choice.
    let locals: Vec<Ident> = (0..fields.len())
        .map(|i| format_ident!("field_{i}"))
        .collect();
    let declare = s
        .fields
        .iter()
        .zip(fields)
        .zip(&locals)
        .map(|((f, m), local)| {
            if f.flatten {
                let ty = &m.ty;
                quote!(let mut #local: #ty = ::std::default::Default::default();)
            } else if f.occurrence == Occurrence::Many {
                quote!(let mut #local = ::std::vec::Vec::new();)
            } else {
                quote!(let mut #local = ::std::option::Option::None;)
            }
        });
    let child_arms = s
        .fields
        .iter()
        .zip(&locals)
        .filter(|(f, _)| !f.flatten)
        .map(|(f, local)| {
            let namespace = ns_pattern(ctx, &f.namespace);
            let local_name = &f.wire_name;
            let mut read = choice::read_fn(ctx, module, &f.ty);
            if f.boxed {
                read = quote!(|reader| #read(reader).map(::std::boxed::Box::new));
            }
            let store = if f.occurrence == Occurrence::Many {
                quote!(xsd::many)
            } else {
                quote!(xsd::one)
            };
            quote! {
                (#namespace, #local_name) => #store(&mut #local, reader, #local_name, #read),
            }
        });
    let choices: Vec<&Ident> = s
        .fields
        .iter()
        .zip(&locals)
        .filter(|(f, _)| f.flatten)
        .map(|(_, local)| local)
        .collect();
    let values = s
        .fields
        .iter()
        .zip(fields)
        .zip(&locals)
        .map(|((f, m), local)| {
            let ident = &m.ident;
            match f.occurrence {
                _ if f.flatten => quote!(#ident: #local,),
                Occurrence::Required => {
                    let message = format!("the element {} of {wire} is missing", f.wire_name);
                    quote!(#ident: #local.ok_or_else(|| ::yaserde::Error::custom(#message))?,)
                }
                Occurrence::Optional | Occurrence::Many => quote!(#ident: #local,),
            }
        });

    // Simple content: the text, parsed as its field's type.
    let (read_content, text_value) = match (text, &s.text) {
        (Some(m), Some(ty)) => {
            let ident = &m.ident;
            let parse = match ty {
                TypeRef::Builtin(Builtin::Bool) => quote!(xsd::parse_bool(&text)?),
                TypeRef::Builtin(Builtin::String) | TypeRef::Named(_) => quote!(text),
                TypeRef::Builtin(_) => quote!(xsd::parse_number(&text)?),
            };
            (
                quote!(let text = xsd::read_text(reader)?;),
                Some(quote!(#ident: #parse,)),
            )
        }
        _ if s.fields.is_empty() => (
            quote!(xsd::read_children(reader, |_, _, _| {
                ::std::result::Result::Ok(xsd::Step::Skip)
            })?;),
            None,
        ),
        _ => (
            quote! {
                xsd::read_children(reader, |reader, namespace, local| {
                    match (namespace, local) {
                        #(#child_arms)*
                        _ => {
                            #(
                                if let ::std::option::Option::Some(step) =
                                    #choices.read_child(reader, namespace, local)?
                                {
                                    return ::std::result::Result::Ok(step);
                                }
                            )*
                            ::std::result::Result::Ok(xsd::Step::Skip)
                        }
                    }
                })?;
            },
            None,
        ),
    };

    quote! {
        // One arm per declared name, whatever their number.
        #[allow(clippy::single_match, clippy::match_single_binding)]
        impl ::yaserde::YaDeserialize for #name {
            fn deserialize<R: ::std::io::Read>(
                reader: &mut ::yaserde::de::Deserializer<R>,
            ) -> ::std::result::Result<Self, ::yaserde::Error> {
                #read_attributes
                #(#declare)*
                #read_content
                #(#choices.check()?;)*
                ::std::result::Result::Ok(#name {
                    #(#values)*
                    #(#attribute_values)*
                    #text_value
                    #other_value
                })
            }
        }
    }
}

/// A pattern matching namespace `ns` (an `Option<&str>`): the support
/// module's constant for its prefix (`xsd::ns::T`), else the literal.
pub(super) fn ns_pattern(ctx: &Ctx<'_>, ns: &Option<String>) -> TokenStream {
    // A namespace no schema of the set targets (in a wildcard's list) has
    // no prefix.
    let prefix = ns
        .as_ref()
        .and_then(|ns| ctx.model.prefixes.get(ns.as_str()));
    match prefix.and_then(|p| ctx.ns_consts.get(p.as_str())) {
        Some(name) => quote!(xsd::ns::#name),
        None => option_str(ns),
    }
}

/// The constants of `xsd::ns`: each prefix upper-cased (`t` gives `T`),
/// where that makes a plain identifier no other prefix also makes.
pub(super) fn ns_consts(model: &Model) -> BTreeMap<String, Ident> {
    let mut by_name: BTreeMap<String, Vec<&str>> = BTreeMap::new();
    for prefix in model.prefixes.values() {
        let name = prefix.to_ascii_uppercase();
        let plain = name.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
            && name.chars().all(|c| c.is_ascii_alphanumeric());
        if plain {
            by_name.entry(name).or_default().push(prefix);
        }
    }
    by_name
        .into_iter()
        .filter(|(_, prefixes)| prefixes.len() == 1)
        .map(|(name, prefixes)| (prefixes[0].to_string(), format_ident!("{name}")))
        .collect()
}
