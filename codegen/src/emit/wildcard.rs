//! Structs with an `xs:anyAttribute` wildcard. yaserde's derive drops the
//! attributes it does not know, so such a struct writes itself: the start
//! tag with the declared attributes and the kept ones, as written, then the
//! child elements and text through a derived twin (`Content`, declared in
//! an anonymous const block). It reads itself as every struct does
//! (`reader`), keeping the attributes the wildcard allows.

use proc_macro2::{Ident, TokenStream};
use quote::quote;

use super::Member;
use crate::ir::{Builtin, Struct, TypeRef};

/// What the start tag of the struct's element looks like, as the derived
/// impls of the other structs write it.
pub(super) struct StartTag {
    /// The element's name (`prefix:local`, or `local` under a default namespace).
    pub root: String,
    /// The `.ns(..)` / `.default_ns(..)` calls declaring its namespaces.
    pub namespaces: TokenStream,
    /// Each declared attribute's qualified name, in `s.attributes` order.
    pub attribute_names: Vec<String>,
}

/// The `YaSerialize` impl of struct `s`, and its twin `Content`.
#[allow(clippy::too_many_arguments)]
pub(super) fn impls(
    s: &Struct,
    container: TokenStream,
    fields: &[Member],
    text: Option<&Member>,
    attributes: &[Member],
    any_ident: &Ident,
    start: StartTag,
) -> TokenStream {
    let name = super::to_ident(&s.name);
    let content_fields = fields.iter().chain(text).map(Member::wire);
    let content_idents: Vec<&Ident> = fields.iter().chain(text).map(|m| &m.ident).collect();

    // Writing: the declared attributes' text, then the start tag.
    let root = &start.root;
    let namespaces = &start.namespaces;
    let write_attributes = s
        .attributes
        .iter()
        .zip(attributes)
        .zip(&start.attribute_names)
        .map(|((a, m), qualified)| {
            let ident = &m.ident;
            if a.required {
                quote!(values.push((#qualified, ::std::string::ToString::to_string(&self.#ident)));)
            } else {
                quote! {
                    if let ::std::option::Option::Some(value) = &self.#ident {
                        values.push((#qualified, ::std::string::ToString::to_string(value)));
                    }
                }
            }
        });
    let no_attributes = super::no_attributes();
    let declared = (!s.attributes.is_empty()).then(|| {
        quote! {
            let mut values: ::std::vec::Vec<(&str, ::std::string::String)> =
                ::std::vec::Vec::new();
            #(#write_attributes)*
            for (name, value) in &values {
                start = start.attr(*name, value);
            }
        }
    });

    quote! {
        const _: () = {
            #[derive(::yaserde::YaSerialize)]
            #container
            struct Content {
                #(#content_fields)*
            }

            // One push per declared attribute, each maybe conditional.
            #[allow(clippy::vec_init_then_push)]
            impl ::yaserde::YaSerialize for #name {
                fn serialize<W: ::std::io::Write>(
                    &self,
                    writer: &mut ::yaserde::ser::Serializer<W>,
                ) -> ::std::result::Result<(), ::yaserde::Error> {
                    use ::yaserde::__xml::writer::XmlEvent;
                    let element = !writer.skip_start_end();
                    if element {
                        let name = writer
                            .get_start_event_name()
                            .unwrap_or_else(|| ::std::string::ToString::to_string(#root));
                        let mut start = XmlEvent::start_element(name.as_str()) #namespaces;
                        #declared
                        start = xsd::Attribute::write_all(&self.#any_ident, start);
                        writer.write(start)?;
                    }
                    writer.set_skip_start_end(true);
                    let content = Content {
                        #(#content_idents: ::std::clone::Clone::clone(&self.#content_idents),)*
                    };
                    ::yaserde::YaSerialize::serialize(&content, writer)?;
                    writer.set_skip_start_end(!element);
                    if element {
                        writer.write(XmlEvent::end_element())?;
                    }
                    ::std::result::Result::Ok(())
                }

                #no_attributes
            }
        };
    }
}

/// The match arms that read each declared attribute of `s` from `attribute`
/// (an `OwnedAttribute` matched by `(namespace, local name)`) into its local.
pub(super) fn attribute_arms(
    s: &Struct,
    locals: &[Ident],
    ns_pattern: &dyn Fn(&Option<String>) -> TokenStream,
) -> Vec<TokenStream> {
    s.attributes
        .iter()
        .zip(locals)
        .map(|(a, local)| {
            let local_name = &a.wire_name;
            let namespace = ns_pattern(&a.namespace);
            let parse = match &a.ty {
                TypeRef::Builtin(Builtin::Bool) => quote!(xsd::parse_bool(&attribute.value)?),
                TypeRef::Builtin(Builtin::String) => quote!(attribute.value.clone()),
                // A number's whitespace collapses: ` 12 ` is 12.
                TypeRef::Builtin(_) => {
                    quote!(xsd::parse_attribute(#local_name, xsd::trim_xml(&attribute.value))?)
                }
                TypeRef::Named(_) => quote!(xsd::parse_attribute(#local_name, &attribute.value)?),
            };
            quote! {
                (#namespace, #local_name) => #local = ::std::option::Option::Some(#parse),
            }
        })
        .collect()
}

/// The struct fields of `s`'s attributes, from the locals `attribute_arms` filled.
pub(super) fn attribute_fields(
    s: &Struct,
    members: &[Member],
    locals: &[Ident],
) -> Vec<TokenStream> {
    s.attributes
        .iter()
        .zip(members)
        .zip(locals)
        .map(|((a, m), local)| {
            let ident = &m.ident;
            if a.required {
                let message = format!(
                    "the attribute {} of {} is missing",
                    a.wire_name, s.wire_name
                );
                quote!(#ident: #local.ok_or_else(|| ::yaserde::Error::custom(#message))?,)
            } else {
                quote!(#ident: #local,)
            }
        })
        .collect()
}

pub(super) fn option_str(ns: &Option<String>) -> TokenStream {
    match ns {
        Some(ns) => quote!(::std::option::Option::Some(#ns)),
        None => quote!(::std::option::Option::None),
    }
}

/// The support items these impls use: `Attribute` (and, from
/// [`SUPPORT_READ`], `start_attributes` and `parse_attribute`).
pub(super) const SUPPORT: &str = r#"
    /// An attribute kept as written (from an `xs:anyAttribute` wildcard).
    #[derive(Clone, Debug, PartialEq, Eq)]
    pub struct Attribute {
        /// Its namespace URI, `None` for no namespace.
        pub namespace: ::std::option::Option<::std::string::String>,
        /// The prefix it was written with (written back with it).
        pub prefix: ::std::option::Option<::std::string::String>,
        /// Its local name.
        pub local_name: ::std::string::String,
        /// Its value.
        pub value: ::std::string::String,
    }

    impl ::std::convert::From<&::yaserde::__xml::attribute::OwnedAttribute> for Attribute {
        fn from(a: &::yaserde::__xml::attribute::OwnedAttribute) -> Self {
            Attribute {
                namespace: a.name.namespace.clone().filter(|ns| !ns.is_empty()),
                prefix: a.name.prefix.clone(),
                local_name: a.name.local_name.clone(),
                value: a.value.clone(),
            }
        }
    }

    impl Attribute {
        /// Adds `attributes` (and their namespace declarations) to `start`.
        #[doc(hidden)]
        pub fn write_all<'a>(
            attributes: &'a [Attribute],
            mut start: ::yaserde::__xml::writer::events::StartElementBuilder<'a>,
        ) -> ::yaserde::__xml::writer::events::StartElementBuilder<'a> {
            for a in attributes {
                let name = match (&a.namespace, &a.prefix) {
                    (::std::option::Option::Some(ns), ::std::option::Option::Some(prefix)) => {
                        start = start.ns(prefix.as_str(), ns.as_str());
                        ::yaserde::__xml::name::Name {
                            local_name: &a.local_name,
                            namespace: ::std::option::Option::Some(ns),
                            prefix: ::std::option::Option::Some(prefix),
                        }
                    }
                    _ => ::yaserde::__xml::name::Name::local(&a.local_name),
                };
                start = start.attr(name, &a.value);
            }
            start
        }
    }

"#;

/// The support items the readers of attributes use: `start_attributes`,
/// `parse_attribute`.
pub(super) const SUPPORT_READ: &str = r#"
    /// The attributes of the start tag that comes next, left unread.
    #[doc(hidden)]
    pub fn start_attributes<R: ::std::io::Read>(
        reader: &mut ::yaserde::de::Deserializer<R>,
    ) -> ::std::result::Result<
        ::std::vec::Vec<::yaserde::__xml::attribute::OwnedAttribute>,
        ::yaserde::Error,
    > {
        match reader.peek()? {
            ::yaserde::__xml::reader::XmlEvent::StartElement { attributes, .. } => {
                ::std::result::Result::Ok(attributes.clone())
            }
            event => ::std::result::Result::Err(::yaserde::Error::custom(format!(
                "expected a start tag, found {event:?}"
            ))),
        }
    }

    /// Reads the value of attribute `name`, exactly as written.
    #[doc(hidden)]
    pub fn parse_attribute<T>(name: &str, value: &str) -> ::std::result::Result<T, ::yaserde::Error>
    where
        T: ::std::str::FromStr,
        T::Err: ::std::fmt::Display,
    {
        value
            .parse()
            .map_err(|e| ::yaserde::Error::custom(format!("attribute {name}: {e}")))
    }
"#;
