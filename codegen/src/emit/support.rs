//! The `xsd` support module of a generated file: the names and helpers the
//! generated types share, each part emitted only when something uses it.

use proc_macro2::TokenStream;
use quote::quote;

use super::{Ctx, values};
use crate::ident::{Scope, to_ident};
use crate::ir::{Item, ItemRef, Model};

/// The items of the `xsd` module (empty when nothing needs it).
pub(super) fn emit_support(ctx: &Ctx<'_>, model: &Model) -> TokenStream {
    let has = |f: &dyn Fn(&Item) -> bool| model.items().any(|(_, i)| f(i));
    let has_elements = has(&|i| matches!(i, Item::Struct(s) if s.is_element));
    let has_enums = has(&|i| matches!(i, Item::Enum(_)));
    let has_lists = has(&|i| matches!(i, Item::List(_)));
    let has_choices = has(&|i| matches!(i, Item::Choice(_)));
    let has_any = has(&|i| matches!(i, Item::Choice(c) if c.any));
    let has_wildcards = has(&|i| matches!(i, Item::Struct(s) if s.any_attribute.is_some()));
    // Every struct reads itself with the child and attribute readers.
    let has_structs = has(&|i| matches!(i, Item::Struct(_)));
    let value_kinds = values::used_kinds(model);
    if !(has_structs
        || has_enums
        || has_lists
        || has_choices
        || has_wildcards
        || !value_kinds.is_empty())
    {
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
    let unknown = has_enums.then(|| {
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

        }
    });
    let invalid = (has_lists || !value_kinds.is_empty()).then(|| {
        quote! {
            /// A value that does not parse as its type.
            #[derive(Clone, Debug, PartialEq, Eq)]
            pub struct InvalidValue {
                /// The XSD name of the type.
                pub type_name: &'static str,
                /// The value found.
                pub value: ::std::string::String,
                /// Why it does not parse.
                pub reason: ::std::string::String,
            }

            impl ::std::fmt::Display for InvalidValue {
                fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                    write!(f, "invalid {} value {:?}: {}", self.type_name, self.value, self.reason)
                }
            }

            impl ::std::error::Error for InvalidValue {}
        }
    });
    let text = (has_enums || has_lists || has_choices || has_structs).then(|| {
        quote! {
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
    let document = has_elements.then(|| emit_document(ctx, model));
    let choices =
        (has_choices || has_structs).then(|| CHOICES.parse::<TokenStream>().expect("valid Rust"));
    let any = has_any.then(|| ANY.parse::<TokenStream>().expect("valid Rust"));
    let bool =
        (has_choices || has_structs).then(|| BOOL.parse::<TokenStream>().expect("valid Rust"));
    let wildcards = has_wildcards.then(|| {
        super::wildcard::SUPPORT
            .parse::<TokenStream>()
            .expect("valid Rust")
    });
    let attribute_reader = has_structs.then(|| {
        super::wildcard::SUPPORT_READ
            .parse::<TokenStream>()
            .expect("valid Rust")
    });
    let namespaces = has_structs.then(|| {
        let consts = model.prefixes.iter().filter_map(|(uri, prefix)| {
            let name = ctx.ns_consts.get(prefix)?;
            let doc = format!(" `{uri}`, the namespace written `{prefix}:`.");
            Some(quote! {
                #[doc = #doc]
                pub const #name: ::std::option::Option<&str> = ::std::option::Option::Some(#uri);
            })
        });
        quote! {
            /// The namespaces the generated readers match, by prefix.
            #[doc(hidden)]
            pub mod ns {
                #(#consts)*
            }
        }
    });
    let values = values::emit_support(&value_kinds);
    quote! {
        #element
        #document
        #unknown
        #invalid
        #text
        #choices
        #bool
        #wildcards
        #attribute_reader
        #namespaces
        #any
        #values
    }
}

/// `Document`: any global element, read by its name. What a generic reader
/// (a SOAP body, a header) needs.
fn emit_document(ctx: &Ctx<'_>, model: &Model) -> TokenStream {
    let mut names = Scope::new();
    let mut variants = Vec::new();
    let mut reads = Vec::new();
    let mut writes = Vec::new();
    for (module, item) in model.items() {
        let Item::Struct(s) = item else { continue };
        if !s.is_element {
            continue;
        }
        let variant = to_ident(&names.unique(s.name.clone()));
        let r = ItemRef {
            module: module.to_string(),
            name: s.name.clone(),
        };
        let path = ctx.path("xsd", &r);
        let local = &s.wire_name;
        let ns = match &s.namespace {
            Some(ns) => quote!(::std::option::Option::Some(#ns)),
            None => quote!(::std::option::Option::None),
        };
        let doc = format!(" A `{local}` element.");
        variants.push(quote! {
            #[doc = #doc]
            #variant(#path),
        });
        reads.push(quote! {
            (#ns, #local) => ::std::result::Result::Ok(Self::#variant(
                <#path as ::yaserde::YaDeserialize>::deserialize(reader)?,
            )),
        });
        writes.push(
            quote!(Self::#variant(value) => ::yaserde::YaSerialize::serialize(value, writer),),
        );
    }
    quote! {
        /// Any global element of the schema, chosen by its name when read.
        // Its variants are as large as the schema's elements: boxing them
        // would cost every reader an allocation for what clippy dislikes.
        #[allow(clippy::large_enum_variant)]
        #[derive(Clone, Debug, PartialEq)]
        pub enum Document {
            #(#variants)*
        }

        impl Document {
            /// Reads the element whose start tag is next, whichever it is; an
            /// element the schema does not declare globally is an error. The
            /// end tag is left to the caller, as yaserde's readers do.
            pub fn read<R: ::std::io::Read>(
                reader: &mut ::yaserde::de::Deserializer<R>,
            ) -> ::std::result::Result<Self, ::yaserde::Error> {
                let (namespace, local) = match reader.peek()? {
                    ::yaserde::__xml::reader::XmlEvent::StartElement { name, .. } => (
                        name.namespace.clone().filter(|ns| !ns.is_empty()),
                        name.local_name.clone(),
                    ),
                    event => {
                        return ::std::result::Result::Err(::yaserde::Error::custom(format!(
                            "expected an element, found {event:?}"
                        )));
                    }
                };
                match (namespace.as_deref(), local.as_str()) {
                    #(#reads)*
                    (namespace, local) => ::std::result::Result::Err(::yaserde::Error::custom(format!(
                        "<{local}> (namespace {namespace:?}) is not a global element of the schema"
                    ))),
                }
            }
        }

        // Two blocks: each is formatted on its own, which bounds the memory
        // of formatting a schema of many elements.
        impl Document {
            /// Writes the element, under its own name.
            pub fn write<W: ::std::io::Write>(
                &self,
                writer: &mut ::yaserde::ser::Serializer<W>,
            ) -> ::std::result::Result<(), ::yaserde::Error> {
                writer.set_start_event_name(::std::option::Option::None);
                writer.set_skip_start_end(false);
                match self {
                    #(#writes)*
                }
            }
        }
    }
}

/// Reading and writing the elements of a choice.
const CHOICES: &str = r#"
    /// What a child reader of [`read_children`] did with the child element.
    #[doc(hidden)]
    pub enum Step {
        /// Read it, up to but without its end tag (as yaserde's readers do).
        Element,
        /// Read all of it, end tag included.
        Whole,
        /// Not its business: skip it.
        Skip,
    }

    /// Reads the children of the element whose start tag is next, handing each
    /// to `child` with its namespace and local name.
    #[doc(hidden)]
    pub fn read_children<R: ::std::io::Read>(
        reader: &mut ::yaserde::de::Deserializer<R>,
        mut child: impl FnMut(
            &mut ::yaserde::de::Deserializer<R>,
            ::std::option::Option<&str>,
            &str,
        ) -> ::std::result::Result<Step, ::yaserde::Error>,
    ) -> ::std::result::Result<(), ::yaserde::Error> {
        use ::yaserde::__xml::reader::XmlEvent;
        match reader.next_event()? {
            XmlEvent::StartElement { .. } => {}
            event => {
                return ::std::result::Result::Err(::yaserde::Error::custom(format!(
                    "expected a start tag, found {event:?}"
                )));
            }
        }
        loop {
            let (namespace, local) = match reader.peek()? {
                XmlEvent::StartElement { name, .. } => (
                    name.namespace.clone().filter(|ns| !ns.is_empty()),
                    name.local_name.clone(),
                ),
                XmlEvent::EndElement { .. } | XmlEvent::EndDocument => {
                    return ::std::result::Result::Ok(());
                }
                _ => {
                    reader.next_event()?;
                    continue;
                }
            };
            match child(reader, namespace.as_deref(), &local)? {
                Step::Element => {
                    reader.next_event()?;
                }
                Step::Whole => {}
                Step::Skip => {
                    reader.next_event()?;
                    reader.skip_element(|_| {})?;
                }
            }
        }
    }

    /// Reads a child element's value with `read`, naming the element in an error.
    #[doc(hidden)]
    pub fn child<R: ::std::io::Read, T>(
        reader: &mut ::yaserde::de::Deserializer<R>,
        name: &str,
        read: impl FnOnce(&mut ::yaserde::de::Deserializer<R>) -> ::std::result::Result<T, ::yaserde::Error>,
    ) -> ::std::result::Result<T, ::yaserde::Error> {
        read(reader).map_err(|e| e.in_field(name))
    }

    /// Reads the child element whose start tag is next into `slot`
    /// (naming it in an error), up to but without its end tag.
    #[doc(hidden)]
    pub fn one<R: ::std::io::Read, T>(
        slot: &mut ::std::option::Option<T>,
        reader: &mut ::yaserde::de::Deserializer<R>,
        name: &str,
        read: impl FnOnce(&mut ::yaserde::de::Deserializer<R>) -> ::std::result::Result<T, ::yaserde::Error>,
    ) -> ::std::result::Result<Step, ::yaserde::Error> {
        *slot = ::std::option::Option::Some(child(reader, name, read)?);
        ::std::result::Result::Ok(Step::Element)
    }

    /// Reads the child element whose start tag is next onto `items`.
    #[doc(hidden)]
    pub fn many<R: ::std::io::Read, T>(
        items: &mut ::std::vec::Vec<T>,
        reader: &mut ::yaserde::de::Deserializer<R>,
        name: &str,
        read: impl FnOnce(&mut ::yaserde::de::Deserializer<R>) -> ::std::result::Result<T, ::yaserde::Error>,
    ) -> ::std::result::Result<Step, ::yaserde::Error> {
        items.push(child(reader, name, read)?);
        ::std::result::Result::Ok(Step::Element)
    }

    /// Reads a text-only element as an `xs:boolean`.
    #[doc(hidden)]
    pub fn read_bool<R: ::std::io::Read>(
        reader: &mut ::yaserde::de::Deserializer<R>,
    ) -> ::std::result::Result<bool, ::yaserde::Error> {
        parse_bool(&read_text(reader)?)
    }

    /// `text` without the XML whitespace (space, tab, CR, LF) around it.
    #[doc(hidden)]
    pub fn trim_xml(text: &str) -> &str {
        text.trim_matches(|c| matches!(c, ' ' | '\t' | '\r' | '\n'))
    }

    /// Parses a number (a Rust integer or float) from the text of an element:
    /// XML Schema collapses the whitespace of numbers, so ` 12 ` is 12.
    #[doc(hidden)]
    pub fn parse_number<T>(text: &str) -> ::std::result::Result<T, ::yaserde::Error>
    where
        T: ::std::str::FromStr,
        T::Err: ::std::fmt::Display,
    {
        trim_xml(text).parse().map_err(::yaserde::Error::custom)
    }

    /// Reads a text-only element as a number (see [`parse_number`]).
    #[doc(hidden)]
    pub fn read_number<T, R: ::std::io::Read>(
        reader: &mut ::yaserde::de::Deserializer<R>,
    ) -> ::std::result::Result<T, ::yaserde::Error>
    where
        T: ::std::str::FromStr,
        T::Err: ::std::fmt::Display,
    {
        parse_number(&read_text(reader)?)
    }

    /// Reads a text-only element as a `T`, with its `FromStr`.
    #[doc(hidden)]
    pub fn read_parsed<T, R: ::std::io::Read>(
        reader: &mut ::yaserde::de::Deserializer<R>,
    ) -> ::std::result::Result<T, ::yaserde::Error>
    where
        T: ::std::str::FromStr,
        T::Err: ::std::fmt::Display,
    {
        read_text(reader)?.parse().map_err(::yaserde::Error::custom)
    }

    /// Writes `<local xmlns="namespace">text</local>`.
    #[doc(hidden)]
    pub fn write_simple<W: ::std::io::Write>(
        writer: &mut ::yaserde::ser::Serializer<W>,
        local: &str,
        namespace: &str,
        text: &str,
    ) -> ::std::result::Result<(), ::yaserde::Error> {
        use ::yaserde::__xml::writer::XmlEvent;
        writer.write(XmlEvent::start_element(local).default_ns(namespace))?;
        writer.write(XmlEvent::characters(text))?;
        writer.write(XmlEvent::end_element())?;
        ::std::result::Result::Ok(())
    }
"#;

/// Reading `xs:boolean` text.
const BOOL: &str = r#"
    /// Reads an `xs:boolean`: `true`, `false`, `1` or `0`.
    #[doc(hidden)]
    pub fn parse_bool(text: &str) -> ::std::result::Result<bool, ::yaserde::Error> {
        match trim_xml(text) {
            "true" | "1" => ::std::result::Result::Ok(true),
            "false" | "0" => ::std::result::Result::Ok(false),
            other => ::std::result::Result::Err(::yaserde::Error::custom(format!(
                "{other:?} is not a boolean"
            ))),
        }
    }
"#;

/// Elements kept as raw XML (`xs:any`).
const ANY: &str = r#"
    /// An element kept as it was read: its XML text, with the namespace
    /// declarations in scope where it stood.
    ///
    /// Two are equal when they are the same XML: the same names (with their
    /// namespaces), attributes and text, whatever the prefixes and the
    /// declarations.
    #[derive(Clone, Debug)]
    pub struct AnyElement(pub ::std::string::String);

    impl ::std::cmp::PartialEq for AnyElement {
        fn eq(&self, other: &Self) -> bool {
            self.canonical() == other.canonical()
        }
    }

    impl ::std::cmp::Eq for AnyElement {}

    impl AnyElement {
        /// The element as a list of events without prefixes or declarations
        /// (`None` if it is not well formed).
        fn canonical(&self) -> ::std::option::Option<::std::vec::Vec<::std::string::String>> {
            use ::yaserde::__xml::reader::XmlEvent;
            let name = |n: &::yaserde::__xml::name::OwnedName| {
                format!("{{{}}}{}", n.namespace.as_deref().unwrap_or(""), n.local_name)
            };
            let mut out = ::std::vec::Vec::new();
            for event in ::yaserde::__xml::EventReader::new(self.0.as_bytes()) {
                match event.ok()? {
                    XmlEvent::StartElement { name: n, attributes, .. } => {
                        let mut attributes: ::std::vec::Vec<_> = attributes
                            .iter()
                            .map(|a| format!("{}={:?}", name(&a.name), a.value))
                            .collect();
                        attributes.sort();
                        out.push(format!("<{} {}", name(&n), attributes.join(" ")));
                    }
                    XmlEvent::EndElement { .. } => out.push(">".into()),
                    XmlEvent::Characters(text) | XmlEvent::CData(text) => out.push(text),
                    _ => {}
                }
            }
            ::std::option::Option::Some(out)
        }

        /// Reads the element whose start tag is next, end tag included.
        pub fn read<R: ::std::io::Read>(
            reader: &mut ::yaserde::de::Deserializer<R>,
        ) -> ::std::result::Result<Self, ::yaserde::Error> {
            use ::yaserde::__xml::reader::XmlEvent;
            let config = ::yaserde::__xml::EmitterConfig::new()
                .write_document_declaration(false)
                .perform_indent(false);
            let mut out = ::yaserde::__xml::EventWriter::new_with_config(::std::vec::Vec::new(), config);
            let mut depth = 0usize;
            loop {
                let event = reader.next_event()?;
                match &event {
                    XmlEvent::StartElement { .. } => depth += 1,
                    XmlEvent::EndElement { .. } => depth -= 1,
                    XmlEvent::EndDocument => {
                        return ::std::result::Result::Err(::yaserde::Error::custom(
                            "the document ends inside an element",
                        ));
                    }
                    _ => {}
                }
                if let ::std::option::Option::Some(event) = event.as_writer_event() {
                    out.write(event)?;
                }
                if depth == 0 {
                    break;
                }
            }
            ::std::string::String::from_utf8(out.into_inner())
                .map(Self)
                .map_err(::yaserde::Error::custom)
        }

        /// Writes the element.
        pub fn write<W: ::std::io::Write>(
            &self,
            writer: &mut ::yaserde::ser::Serializer<W>,
        ) -> ::std::result::Result<(), ::yaserde::Error> {
            use ::yaserde::__xml::reader::XmlEvent;
            let mut reader = ::yaserde::__xml::EventReader::new(self.0.as_bytes());
            loop {
                let event = reader.next()?;
                match event {
                    XmlEvent::StartDocument { .. } => {}
                    XmlEvent::EndDocument => return ::std::result::Result::Ok(()),
                    event => {
                        if let ::std::option::Option::Some(event) = event.as_writer_event() {
                            writer.write(event)?;
                        }
                    }
                }
            }
        }
    }
"#;
