//! The intermediate model: what the Rust output will contain, with names
//! resolved and wire names kept. Nothing here is XSD syntax.
//!
//! The model is deterministic: items are ordered by Rust name, fields and
//! variants in schema order. `{:#?}` dumps it for debugging.

use std::collections::BTreeMap;

/// Everything one generated file contains.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Model {
    /// The schema files the model was made from (file names only), for the header.
    pub sources: Vec<String>,
    /// Namespace URI to the prefix the generated code uses for it.
    pub prefixes: BTreeMap<String, String>,
    /// Structs and enums, by Rust name.
    pub items: BTreeMap<String, Item>,
}

/// A generated type.
#[derive(Clone, Debug, PartialEq)]
pub enum Item {
    /// A complex type or element: a struct of child elements.
    Struct(Struct),
    /// A simple type restricted to an enumeration: a Rust enum.
    Enum(Enum),
}

/// A struct: an element's or complex type's content.
#[derive(Clone, Debug, PartialEq)]
pub struct Struct {
    /// Rust name.
    pub name: String,
    /// Wire name of the element it is serialized as when it is the root.
    pub wire_name: String,
    /// Namespace of its own element, where that is known (always for global elements).
    pub namespace: Option<String>,
    /// Whether it is a global element (a document root, a SOAP body).
    pub is_element: bool,
    /// Rustdoc, from `xs:documentation`.
    pub doc: Option<String>,
    /// Child elements, in schema order.
    pub fields: Vec<Field>,
}

/// A child element of a struct.
#[derive(Clone, Debug, PartialEq)]
pub struct Field {
    /// Rust name (snake case, possibly a keyword to be written raw).
    pub name: String,
    /// Wire (local) name.
    pub wire_name: String,
    /// Namespace of the child element, `None` for unqualified.
    pub namespace: Option<String>,
    /// Its value type.
    pub ty: TypeRef,
    /// How many times it may occur.
    pub occurrence: Occurrence,
    /// Rustdoc.
    pub doc: Option<String>,
}

/// The value type of a field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TypeRef {
    /// A Rust primitive or `String`.
    Builtin(Builtin),
    /// A generated item, by Rust name.
    Named(String),
}

/// The Rust types built-in XSD types map to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Builtin {
    /// `String`: string types, and every type whose value must be kept exactly
    /// (decimal, unbounded integers, dates and times, binary).
    String,
    /// `bool`.
    Bool,
    /// `i8`.
    I8,
    /// `i16`.
    I16,
    /// `i32`.
    I32,
    /// `i64`.
    I64,
    /// `u8`.
    U8,
    /// `u16`.
    U16,
    /// `u32`.
    U32,
    /// `u64`.
    U64,
    /// `f32`.
    F32,
    /// `f64`.
    F64,
}

/// How many times a field occurs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Occurrence {
    /// Exactly once: `T`.
    Required,
    /// Zero or one: `Option<T>`.
    Optional,
    /// Any other count: `Vec<T>`.
    Many,
}

/// A Rust enum of the values of an enumerated simple type.
#[derive(Clone, Debug, PartialEq)]
pub struct Enum {
    /// Rust name.
    pub name: String,
    /// The XSD type name, for error messages.
    pub wire_name: String,
    /// Rustdoc.
    pub doc: Option<String>,
    /// The values, in schema order.
    pub variants: Vec<Variant>,
}

/// One enumeration value.
#[derive(Clone, Debug, PartialEq)]
pub struct Variant {
    /// Rust name.
    pub name: String,
    /// The value exactly as on the wire.
    pub value: String,
    /// Rustdoc.
    pub doc: Option<String>,
}
