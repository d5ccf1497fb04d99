//! The runtime of the code [xsd-codegen] generates, as `prost` is
//! prost-build's: what every generated file needs and is the same for every
//! schema, written once, here.
//!
//! - [`ReadXml`] and [`WriteXml`], which the generated types implement,
//!   written against an event [`Source`] and an event [`Sink`]; a backend
//!   (an XML parser) implements `Source`, and the [`Writer`] implements
//!   `Sink`. The generated code runs on every backend unchanged: quick-xml
//!   ([`quick`], the fast one, behind [`from_slice`], [`from_str`],
//!   [`from_reader`], [`to_string`], [`to_writer`]), and xml-rs through
//!   yaserde ([`xmlrs`], so that the generated types are also yaserde's
//!   `YaDeserialize` and `YaSerialize`, see [`impl_yaserde!`]).
//! - [`SimpleType`]: values written as text (`String`, `bool`, the
//!   integer and float types here; enumerations, lists and unions
//!   generated), by XML Schema's lexical rules.
//! - [`QName`]: `xs:QName` values, read by resolving their prefix and
//!   written with a declaration of it ([`qname`]).
//! - [`Lexical`]: the text of numbers, booleans and lists as written, where
//!   it is not their value's own, so that a round trip keeps it ([`lexical`]).
//! - [`values`]: the XSD value types a field keeps as text and reads on
//!   demand (`DateTime`, `Duration`, `Base64Binary`, ...).
//! - [`facets`]: validation of a value against its type's facets (lengths,
//!   ranges, digits, XSD patterns, enumerations), every violation with its
//!   path: what a generated `validate()` calls.
//! - [`Validate`]: `validate()`, which every generated type implements: the
//!   facets, lexical forms and occurrences of a whole value, every
//!   violation with its path (reading does not check facets).
//! - [`AnyElement`] and [`Attribute`]: wildcard content, kept as written.
//! - [`Element`] and [`Root`]: the global elements a document may start with.
//! - [`Limits`]: bounds on what a reader accepts from a hostile document.
//! - [`soap`]: the SOAP 1.1 envelope and fault.
//!
//! The generated code names this crate by one path
//! (`Config::runtime_path`, default `::xsd_runtime`).
//!
//! [xsd-codegen]: https://docs.rs/xsd-codegen

pub mod any;
mod entry;
pub mod error;
pub mod facets;
pub mod lexical;
pub mod limits;
pub mod order;
pub mod qname;
pub mod quick;
pub mod read;
pub mod simple;
pub mod soap;
pub mod sparse;
pub mod validate;
pub mod values;
pub mod write;
pub mod xmlrs;

pub use any::{AnyElement, AnyEvent, Attribute};
pub use entry::{
    from_reader, from_reader_with, from_slice, from_slice_skipping, from_slice_with, from_str,
    from_str_with, to_string, to_vec, to_writer,
};
pub use error::{Error, ErrorKind, Result};
pub use lexical::Lexical;
pub use limits::{Limit, LimitExceeded, Limits};
pub use order::ChildOrder;
pub use qname::{Namespaces, QName};
pub use quick::{Doctype, ReadOptions};
pub use read::{Event, MixedText, ReadXml, Skipped, Source, UnknownContent};
pub use simple::SimpleType;
pub use sparse::{Sparse, SparseMember};
pub use validate::Validate;
pub use values::{InvalidValue, UnknownEnumValue, XsdVersion};
pub use write::{Sink, WriteXml, Writer};

pub use write::XML_NAMESPACE;

#[doc(hidden)]
pub use yaserde as __yaserde;

/// The XML Schema instance namespace (`xsi:type`, `xsi:nil`, `xsi:schemaLocation`).
pub const XSI_NAMESPACE: &str = "http://www.w3.org/2001/XMLSchema-instance";

/// A global element of a schema: a type that can be a document's root (or a
/// SOAP body's content), with its name.
pub trait Element: ReadXml + WriteXml {
    /// The element's namespace URI, `""` for none.
    const NAMESPACE: &'static str;
    /// The element's local name.
    const LOCAL_NAME: &'static str;
}

/// A type that can be read from and written as a document's root element:
/// every [`Element`], and the generated enum of all the global elements of
/// a schema (`Document`), which is read from whichever of them it finds.
pub trait Root: ReadXml + WriteXml {
    /// The elements a value can be read from: namespace (`""` for none) and
    /// local name.
    fn root_names() -> &'static [(&'static str, &'static str)];

    /// The element this value is written as.
    fn root_name(&self) -> (&'static str, &'static str);
}

impl<T: Element> Root for T {
    fn root_names() -> &'static [(&'static str, &'static str)] {
        const { &[(T::NAMESPACE, T::LOCAL_NAME)] }
    }

    fn root_name(&self) -> (&'static str, &'static str) {
        (T::NAMESPACE, T::LOCAL_NAME)
    }
}

/// A document: its root value, and the schema location hints on its root
/// element (`xsi:schemaLocation`, `xsi:noNamespaceSchemaLocation`), which
/// say where the schemas are and are no part of the value. Read and write an
/// `Instance<T>` instead of a `T` to keep them through a round trip.
#[derive(Clone, Debug, PartialEq)]
pub struct Instance<T> {
    /// The root element's value.
    pub root: T,
    /// `xsi:schemaLocation`: pairs of namespace and schema location, as written.
    pub schema_location: Option<String>,
    /// `xsi:noNamespaceSchemaLocation`, as written.
    pub no_namespace_schema_location: Option<String>,
}

impl<T> Instance<T> {
    /// A document of `root`, without hints.
    pub fn new(root: T) -> Self {
        Instance {
            root,
            schema_location: None,
            no_namespace_schema_location: None,
        }
    }
}

impl<T: ReadXml> ReadXml for Instance<T> {
    fn read_xml<S: Source>(source: &mut S) -> Result<Self> {
        let (mut schema_location, mut no_namespace_schema_location) = (None, None);
        for i in 0..source.attribute_count() {
            let a = source.attribute(i);
            match (a.namespace, a.local) {
                (XSI_NAMESPACE, "schemaLocation") => schema_location = Some(a.value.to_string()),
                (XSI_NAMESPACE, "noNamespaceSchemaLocation") => {
                    no_namespace_schema_location = Some(a.value.to_string())
                }
                _ => {}
            }
        }
        Ok(Instance {
            root: T::read_xml(source)?,
            schema_location,
            no_namespace_schema_location,
        })
    }
}

impl<T: WriteXml> WriteXml for Instance<T> {
    fn write_xml(&self, sink: &mut dyn Sink) -> Result<()> {
        let hints = [
            ("schemaLocation", &self.schema_location),
            (
                "noNamespaceSchemaLocation",
                &self.no_namespace_schema_location,
            ),
        ];
        for (local, value) in hints {
            if let Some(value) = value {
                sink.attribute(XSI_NAMESPACE, local, Some("xsi"), value)?;
            }
        }
        self.root.write_xml(sink)
    }
}

impl<T: Root> Root for Instance<T> {
    fn root_names() -> &'static [(&'static str, &'static str)] {
        T::root_names()
    }

    fn root_name(&self) -> (&'static str, &'static str) {
        self.root.root_name()
    }
}
