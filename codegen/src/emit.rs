//! Stage 3, emit: [`ir::Model`] to Rust tokens. Nothing here reads XSD.
//!
//! Structs derive yaserde's traits. Enums do not: yaserde's derive turns an
//! unknown value into the default variant (silent data loss), so each enum
//! gets impls that reject unknown values. Paths are fully qualified, so a
//! schema type named `String` or `Box` cannot shadow what the code means.

use proc_macro2::TokenStream;
use quote::quote;

use crate::ident::to_ident;
use crate::ir::{Builtin, Enum, Field, Item, Model, Occurrence, Struct, TypeRef};

/// The Rust tokens of a model: one module's items, and the `xsd` support
/// module they need (emitted only with the parts that are used).
pub fn emit(model: &Model) -> TokenStream {
    let items = model.items.values().map(|item| match item {
        Item::Struct(s) => emit_struct(model, s),
        Item::Enum(e) => emit_enum(e),
    });
    let has_enums = model.items.values().any(|i| matches!(i, Item::Enum(_)));
    let has_elements = model
        .items
        .values()
        .any(|i| matches!(i, Item::Struct(s) if s.is_element));
    let support = emit_support(has_elements, has_enums);
    quote! {
        // yaserde's derive calls `<T>::from_str` on field types.
        #[allow(unused_imports)]
        use ::std::str::FromStr as _;

        #(#items)*

        #support
    }
}

fn doc_attrs(doc: Option<&str>, fallback: String) -> TokenStream {
    let text = doc.map_or(fallback, str::to_string);
    let lines = text.lines().map(|line| {
        let line = if line.is_empty() {
            String::new()
        } else {
            format!(" {line}")
        };
        quote!(#[doc = #line])
    });
    quote!(#(#lines)*)
}

fn builtin_tokens(b: Builtin) -> TokenStream {
    match b {
        Builtin::String => quote!(::std::string::String),
        Builtin::Bool => quote!(bool),
        Builtin::I8 => quote!(i8),
        Builtin::I16 => quote!(i16),
        Builtin::I32 => quote!(i32),
        Builtin::I64 => quote!(i64),
        Builtin::U8 => quote!(u8),
        Builtin::U16 => quote!(u16),
        Builtin::U32 => quote!(u32),
        Builtin::U64 => quote!(u64),
        Builtin::F32 => quote!(f32),
        Builtin::F64 => quote!(f64),
    }
}

fn field_type(f: &Field) -> TokenStream {
    let inner = match &f.ty {
        TypeRef::Builtin(b) => builtin_tokens(*b),
        TypeRef::Named(n) => {
            let ident = to_ident(n);
            quote!(#ident)
        }
    };
    match f.occurrence {
        Occurrence::Required => inner,
        Occurrence::Optional => quote!(::std::option::Option<#inner>),
        Occurrence::Many => quote!(::std::vec::Vec<#inner>),
    }
}

fn prefix_of<'m>(model: &'m Model, namespace: &Option<String>) -> Option<&'m str> {
    namespace
        .as_ref()
        .map(|ns| model.prefixes[ns.as_str()].as_str())
}

fn emit_struct(model: &Model, s: &Struct) -> TokenStream {
    let name = to_ident(&s.name);
    let wire = &s.wire_name;
    let kind = if s.is_element {
        "element"
    } else {
        "complex type"
    };
    let docs = doc_attrs(s.doc.as_deref(), format!("The `{wire}` {kind}."));

    // Every namespace the struct or its fields are in, with its prefix.
    let mut namespaces: Vec<(&str, &str)> = s
        .namespace
        .iter()
        .chain(s.fields.iter().filter_map(|f| f.namespace.as_ref()))
        .map(|ns| (model.prefixes[ns.as_str()].as_str(), ns.as_str()))
        .collect();
    namespaces.sort_unstable();
    namespaces.dedup();
    let mut attr = vec![quote!(rename = #wire)];
    if !namespaces.is_empty() {
        let pairs = namespaces.iter().map(|(p, ns)| quote!(#p = #ns));
        attr.push(quote!(namespaces = { #(#pairs),* }));
    }
    if let Some(prefix) = prefix_of(model, &s.namespace) {
        attr.push(quote!(prefix = #prefix));
        // A default namespace is only right when every child is in it too:
        // an unqualified child under `xmlns="..."` would change namespace.
        if s.fields.iter().all(|f| f.namespace == s.namespace) {
            attr.push(quote!(default_namespace = #prefix));
        }
    }

    let fields = s.fields.iter().map(|f| {
        let ident = to_ident(&f.name);
        let ty = field_type(f);
        let wire = &f.wire_name;
        let docs = doc_attrs(f.doc.as_deref(), format!("The `{wire}` child element."));
        let prefix = prefix_of(model, &f.namespace).map(|p| quote!(, prefix = #p));
        quote! {
            #docs
            #[yaserde(rename = #wire #prefix)]
            pub #ident: #ty,
        }
    });

    let element_impl = s.is_element.then(|| {
        let ns = match &s.namespace {
            Some(ns) => quote!(::std::option::Option::Some(#ns)),
            None => quote!(::std::option::Option::None),
        };
        quote! {
            impl xsd::Element for #name {
                const LOCAL_NAME: &'static str = #wire;
                const NAMESPACE: ::std::option::Option<&'static str> = #ns;
            }
        }
    });

    quote! {
        #docs
        #[derive(Clone, Debug, PartialEq, ::yaserde::YaSerialize, ::yaserde::YaDeserialize)]
        #[yaserde(#(#attr),*)]
        pub struct #name {
            #(#fields)*
        }

        #element_impl
    }
}

fn emit_enum(e: &Enum) -> TokenStream {
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
    quote! {
        #docs
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum #name {
            #(#variants)*
        }

        impl #name {
            /// Every value, in schema order.
            pub const ALL: &'static [Self] = &[#(Self::#idents),*];

            /// The value exactly as written on the wire.
            pub const fn as_str(&self) -> &'static str {
                match self {
                    #(Self::#idents => #values,)*
                }
            }
        }

        impl ::std::fmt::Display for #name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl ::std::str::FromStr for #name {
            type Err = xsd::UnknownEnumValue;

            fn from_str(value: &str) -> ::std::result::Result<Self, Self::Err> {
                match value {
                    #(#values => ::std::result::Result::Ok(Self::#idents),)*
                    _ => ::std::result::Result::Err(xsd::UnknownEnumValue {
                        type_name: #wire_type,
                        value: ::std::string::ToString::to_string(value),
                        expected: &[#(#values),*],
                    }),
                }
            }
        }

        impl ::yaserde::YaSerialize for #name {
            fn serialize<W: ::std::io::Write>(
                &self,
                writer: &mut ::yaserde::ser::Serializer<W>,
            ) -> ::std::result::Result<(), ::yaserde::Error> {
                xsd::write_text(writer, #wire_type, self.as_str())
            }

            fn serialize_attributes(
                &self,
                attributes: ::std::vec::Vec<::yaserde::__xml::attribute::OwnedAttribute>,
                namespace: ::yaserde::__xml::namespace::Namespace,
            ) -> ::std::result::Result<
                (
                    ::std::vec::Vec<::yaserde::__xml::attribute::OwnedAttribute>,
                    ::yaserde::__xml::namespace::Namespace,
                ),
                ::yaserde::Error,
            > {
                ::std::result::Result::Ok((attributes, namespace))
            }
        }

        impl ::yaserde::YaDeserialize for #name {
            fn deserialize<R: ::std::io::Read>(
                reader: &mut ::yaserde::de::Deserializer<R>,
            ) -> ::std::result::Result<Self, ::yaserde::Error> {
                let text = xsd::read_text(reader)?;
                <Self as ::std::str::FromStr>::from_str(&text).map_err(::yaserde::Error::custom)
            }
        }
    }
}

fn emit_support(has_elements: bool, has_enums: bool) -> TokenStream {
    if !has_elements && !has_enums {
        return TokenStream::new();
    }
    let element = has_elements.then(|| {
        quote! {
            /// A global element of the schema: a type that can be a document's
            /// root (or a SOAP body's content), with its qualified name.
            pub trait Element {
                /// The element's local name.
                const LOCAL_NAME: &'static str;
                /// The element's namespace URI, `None` for no namespace.
                const NAMESPACE: ::std::option::Option<&'static str>;
            }
        }
    });
    let text = has_enums.then(|| {
        quote! {
            /// A value that is none of an enumeration's values.
            #[derive(Clone, Debug, PartialEq, Eq)]
            pub struct UnknownEnumValue {
                /// The XSD name of the enumeration.
                pub type_name: &'static str,
                /// The value found.
                pub value: ::std::string::String,
                /// The values allowed.
                pub expected: &'static [&'static str],
            }

            impl ::std::fmt::Display for UnknownEnumValue {
                fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                    write!(
                        f,
                        "unknown {} value {:?}, expected one of: {}",
                        self.type_name,
                        self.value,
                        self.expected.join(", ")
                    )
                }
            }

            impl ::std::error::Error for UnknownEnumValue {}

            /// Writes a text-only element: named as the parent field asks, or `default_name`.
            #[doc(hidden)]
            pub fn write_text<W: ::std::io::Write>(
                writer: &mut ::yaserde::ser::Serializer<W>,
                default_name: &str,
                text: &str,
            ) -> ::std::result::Result<(), ::yaserde::Error> {
                use ::yaserde::__xml::writer::XmlEvent;
                let element = !writer.skip_start_end();
                if element {
                    let name = writer
                        .get_start_event_name()
                        .unwrap_or_else(|| ::std::string::ToString::to_string(default_name));
                    writer.write(XmlEvent::start_element(name.as_str()))?;
                }
                writer.write(XmlEvent::characters(text))?;
                if element {
                    writer.write(XmlEvent::end_element())?;
                }
                ::std::result::Result::Ok(())
            }

            /// Reads a text-only element: its start tag and text, leaving the
            /// end tag to the caller as yaserde's derived readers do.
            #[doc(hidden)]
            pub fn read_text<R: ::std::io::Read>(
                reader: &mut ::yaserde::de::Deserializer<R>,
            ) -> ::std::result::Result<::std::string::String, ::yaserde::Error> {
                use ::yaserde::__xml::reader::XmlEvent;
                let name = match reader.next_event()? {
                    XmlEvent::StartElement { name, .. } => name.local_name,
                    event => {
                        return ::std::result::Result::Err(::yaserde::Error::custom(format!(
                            "expected a start tag, found {event:?}"
                        )));
                    }
                };
                let mut text = ::std::string::String::new();
                loop {
                    match reader.peek()? {
                        XmlEvent::Characters(s) | XmlEvent::Whitespace(s) | XmlEvent::CData(s) => {
                            text.push_str(s)
                        }
                        XmlEvent::EndElement { .. } => return ::std::result::Result::Ok(text),
                        XmlEvent::StartElement { name: child, .. } => {
                            return ::std::result::Result::Err(::yaserde::Error::custom(format!(
                                "<{name}> holds text only, found element <{}>",
                                child.local_name
                            )));
                        }
                        event => {
                            return ::std::result::Result::Err(::yaserde::Error::custom(format!(
                                "<{name}> holds text only, found {event:?}"
                            )));
                        }
                    }
                    reader.next_event()?;
                }
            }
        }
    });
    quote! {
        /// Support for the generated types: names and helpers shared by all of them.
        pub mod xsd {
            #element
            #text
        }
    }
}
