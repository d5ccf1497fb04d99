//! The intermediate model: what the Rust output will contain, with names
//! resolved and wire names kept. Nothing here is XSD syntax.
//!
//! The model is deterministic: modules and items are ordered by Rust name,
//! fields and variants in schema order. `{:#?}` dumps it for debugging.

use std::collections::BTreeMap;

/// Everything one generated file contains.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Model {
    /// The schema files the model was made from (file names only), for the header.
    pub sources: Vec<String>,
    /// Namespace URI to the prefix the generated code uses for it.
    pub prefixes: BTreeMap<String, String>,
    /// The modules, by Rust name. A model of one namespace has one module
    /// named `""`, emitted at the top level; otherwise one module per namespace.
    pub modules: BTreeMap<String, Module>,
}

impl Model {
    /// Whether the model is one module of no name (a schema set of one
    /// namespace): its code is one file with no namespace modules.
    pub fn is_single_module(&self) -> bool {
        self.modules.len() == 1 && self.modules.contains_key("")
    }

    /// The item an [`ItemRef`] names.
    pub fn item(&self, r: &ItemRef) -> Option<&Item> {
        self.modules.get(&r.module)?.items.get(&r.name)
    }

    /// Renames module `from` to `to`, and every reference into it.
    pub fn rename_module(&mut self, from: &str, to: &str) {
        let Some(module) = self.modules.remove(from) else {
            return;
        };
        self.modules.insert(to.to_string(), module);
        let fix = |t: &mut TypeRef| {
            if let TypeRef::Named(r) = t {
                if r.module == from {
                    r.module = to.to_string();
                }
            }
        };
        for module in self.modules.values_mut() {
            for item in module.items.values_mut() {
                match item {
                    Item::Struct(s) => {
                        s.fields.iter_mut().for_each(|f| fix(&mut f.ty));
                        s.attributes.iter_mut().for_each(|a| fix(&mut a.ty));
                        s.text.iter_mut().for_each(fix);
                    }
                    Item::Choice(c) => c.alternatives.iter_mut().for_each(|a| fix(&mut a.ty)),
                    Item::List(l) => fix(&mut l.item),
                    Item::Derived(d) => {
                        let mut declared = TypeRef::Named(d.declared.clone());
                        fix(&mut declared);
                        if let TypeRef::Named(r) = declared {
                            d.declared = r;
                        }
                        for v in &mut d.variants {
                            let mut ty = TypeRef::Named(v.ty.clone());
                            fix(&mut ty);
                            if let TypeRef::Named(r) = ty {
                                v.ty = r;
                            }
                        }
                    }
                    Item::Enum(_) => {}
                }
            }
        }
    }

    /// Every item, with its module's name.
    pub fn items(&self) -> impl Iterator<Item = (&str, &Item)> {
        self.modules
            .iter()
            .flat_map(|(m, module)| module.items.values().map(move |i| (m.as_str(), i)))
    }
}

/// The items of one target namespace.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Module {
    /// The namespace, `None` for no namespace.
    pub namespace: Option<String>,
    /// Items by Rust name.
    pub items: BTreeMap<String, Item>,
}

/// A generated item's module and name.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ItemRef {
    /// The module's Rust name (`""` for the top level).
    pub module: String,
    /// The item's Rust name.
    pub name: String,
}

/// A generated type.
// Items sit in maps and are rarely moved: boxing the struct variant would
// only add an indirection to every match.
#[allow(clippy::large_enum_variant)]
#[derive(Clone, Debug, PartialEq)]
pub enum Item {
    /// A complex type or element: a struct.
    Struct(Struct),
    /// A simple type restricted to an enumeration.
    Enum(Enum),
    /// A choice between elements (or a substitution group).
    Choice(Choice),
    /// An `xs:list` type: whitespace-separated values.
    List(List),
    /// A complex type and the types derived from it: what an element of
    /// that type holds, chosen by `xsi:type`.
    Derived(Derived),
}

/// The types an element declared with complex type `declared` may have:
/// the type itself (unless it is abstract) and every type derived from it,
/// by extension or restriction, in any schema of the set (`xsi:type` names
/// the one an element has).
#[derive(Clone, Debug, PartialEq)]
pub struct Derived {
    /// Rust name of the enum.
    pub name: String,
    /// Rustdoc.
    pub doc: Option<String>,
    /// The declared type's struct.
    pub declared: ItemRef,
    /// The declared type's XSD name (namespace, local name).
    pub declared_name: (Option<String>, String),
    /// Whether the declared type is abstract (an element then needs an
    /// `xsi:type`, and the declared type is no variant).
    pub is_abstract: bool,
    /// The types, the declared one first.
    pub variants: Vec<DerivedVariant>,
}

/// One type of a [`Derived`].
#[derive(Clone, Debug, PartialEq)]
pub struct DerivedVariant {
    /// Rust variant name.
    pub name: String,
    /// The type's XSD name (namespace, local name), as `xsi:type` names it.
    pub type_name: (Option<String>, String),
    /// Its struct.
    pub ty: ItemRef,
    /// Whether the value is boxed (every type but the declared one: an
    /// enum as large as its largest type would make every value that size).
    pub boxed: bool,
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
    /// The namespaces its element appears in, when there are several (its
    /// element then declares each of them with its prefix, so that a parent
    /// may name it in any of them).
    pub use_namespaces: Vec<String>,
    /// Rustdoc, from `xs:documentation`.
    pub doc: Option<String>,
    /// Child elements and choices, in schema order.
    pub fields: Vec<Field>,
    /// Attributes.
    pub attributes: Vec<Attribute>,
    /// The text value of a simple-content type.
    pub text: Option<TypeRef>,
    /// `xs:anyAttribute`: attributes beyond the declared ones, kept as written.
    pub any_attribute: Option<AnyAttribute>,
    /// What the text value is: its built-in type and facets.
    pub text_info: Option<ValueInfo>,
    /// Whether the text may be absent because the element is nil
    /// (`xsi:nil="true"` on a nillable element of a simple type): `Option<T>`.
    pub text_nillable: bool,
    /// The `default` (or `fixed`) value of a global element whose text is
    /// its value: an empty element stands for it.
    pub text_default: Option<String>,
    /// Mixed content (`mixed="true"` with child elements): the Rust name of
    /// the field that holds the text between the child elements, where it
    /// stands.
    pub mixed: Option<String>,
    /// An `xs:all` content model, whose children may come in any order: the
    /// Rust name of the field that keeps the order they were read in.
    pub child_order: Option<String>,
    /// Set for a struct with many large optional members: they are stored
    /// only when present (see [`SparseMembers`]).
    pub sparse: Option<SparseMembers>,
}

/// How a struct with many optional members stores them: in one field, a
/// `Sparse` list of the ones present (an enum of a variant per member),
/// each read through an accessor. Its optional members are its optional
/// child elements that are not a choice's or wildcard's (see
/// [`Struct::is_sparse_field`]) and its optional attributes.
#[derive(Clone, Debug, PartialEq)]
pub struct SparseMembers {
    /// Rust name of the enum of the members (an item of the struct's module).
    pub enum_name: String,
    /// Rust name of the field holding them.
    pub field: String,
}

impl Struct {
    /// Whether field `f` of this struct is stored in its sparse list.
    pub fn is_sparse_field(&self, f: &Field) -> bool {
        self.sparse.is_some() && f.occurrence.shape() == Shape::Optional && !f.flatten
    }

    /// Whether attribute `a` of this struct is stored in its sparse list.
    pub fn is_sparse_attribute(&self, a: &Attribute) -> bool {
        self.sparse.is_some() && !a.required
    }
}

/// An `xs:anyAttribute` wildcard: the struct keeps every attribute it allows
/// that is not declared, in a `Vec` field.
#[derive(Clone, Debug, PartialEq)]
pub struct AnyAttribute {
    /// Rust name of the field holding them.
    pub name: String,
    /// The namespaces it allows.
    pub namespaces: NamespaceConstraint,
}

/// The namespaces a wildcard allows, `None` standing for no namespace.
#[derive(Clone, Debug, PartialEq)]
pub enum NamespaceConstraint {
    /// `##any`.
    Any,
    /// `##other`: any namespace but these (the target namespace, and no namespace).
    Not(Vec<Option<String>>),
    /// A list of namespaces (`##targetNamespace` and `##local` among them).
    Only(Vec<Option<String>>),
}

impl NamespaceConstraint {
    /// Whether an attribute in `namespace` is allowed.
    pub fn allows(&self, namespace: Option<&str>) -> bool {
        match self {
            NamespaceConstraint::Any => true,
            NamespaceConstraint::Not(list) => !list.iter().any(|n| n.as_deref() == namespace),
            NamespaceConstraint::Only(list) => list.iter().any(|n| n.as_deref() == namespace),
        }
    }

    /// The namespaces either of two wildcards allows (a choice of two
    /// wildcards keeps what either keeps).
    pub fn union(self, other: NamespaceConstraint) -> NamespaceConstraint {
        use NamespaceConstraint::{Any, Not, Only};
        match (self, other) {
            (Any, _) | (_, Any) => Any,
            (Only(mut a), Only(b)) => {
                for n in b {
                    if !a.contains(&n) {
                        a.push(n);
                    }
                }
                Only(a)
            }
            // Every namespace but those the one excludes and the other
            // does not list.
            (Not(not), Only(only)) | (Only(only), Not(not)) => {
                Not(not.into_iter().filter(|n| !only.contains(n)).collect())
            }
            (Not(a), Not(b)) => Not(a.into_iter().filter(|n| b.contains(n)).collect()),
        }
    }
}

/// A child element of a struct, or a choice among several.
#[derive(Clone, Debug, PartialEq)]
pub struct Field {
    /// Rust name.
    pub name: String,
    /// Wire (local) name; for a choice, the name it was declared under.
    pub wire_name: String,
    /// Namespace of the child element, `None` for unqualified.
    pub namespace: Option<String>,
    /// Its value type.
    pub ty: TypeRef,
    /// How many times it may occur (a choice: how many times the choice does).
    pub occurrence: Occurrence,
    /// Whether the value is boxed (it contains the struct itself).
    pub boxed: bool,
    /// Whether it is a choice or wildcard, written without an element of its own.
    pub flatten: bool,
    /// Rustdoc.
    pub doc: Option<String>,
    /// What a simple-typed value is: its built-in type and facets.
    pub value_info: Option<ValueInfo>,
    /// The `default` (or `fixed`) value an empty element stands for, as written.
    pub default: Option<String>,
}

/// An attribute of a struct.
#[derive(Clone, Debug, PartialEq)]
pub struct Attribute {
    /// Rust name.
    pub name: String,
    /// Wire (local) name.
    pub wire_name: String,
    /// Its namespace (`xml:lang`), `None` for unqualified (most attributes).
    pub namespace: Option<String>,
    /// Value type.
    pub ty: TypeRef,
    /// `use="required"`: `T`, else `Option<T>`.
    pub required: bool,
    /// The default value, as written.
    pub default: Option<String>,
    /// Rustdoc.
    pub doc: Option<String>,
    /// What the value is: its built-in type and facets.
    pub value_info: Option<ValueInfo>,
}

impl Attribute {
    /// How many times the attribute occurs: once if required, else at most once.
    pub fn occurrence(&self) -> Occurrence {
        if self.required {
            Occurrence::REQUIRED
        } else {
            Occurrence::OPTIONAL
        }
    }
}

/// The value type of a field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TypeRef {
    /// A Rust primitive or `String`.
    Builtin(Builtin),
    /// A generated item.
    Named(ItemRef),
}

/// The Rust types built-in XSD types map to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Builtin {
    /// `String`: string types, and every type whose value must be kept exactly
    /// (decimal, unbounded integers, dates and times, binary, unions).
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
    /// `xs:QName` and `xs:NOTATION`: the runtime's `QName` (namespace, local
    /// name, and the prefix it was written with).
    QName,
    /// The content of an element of `xs:anyType` (or of no type): its
    /// attributes, text and children, kept as written (the runtime's
    /// `AnyElement`).
    Any,
}

/// How many times a field, a choice or an attribute occurs: at least `min`,
/// at most `max` (`None`: unbounded). One model for all three, checked the
/// same way: the Rust type holds the shape ([`Shape`]), and the reader checks
/// the count where the shape does not bound it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Occurrence {
    /// The fewest occurrences allowed.
    pub min: u32,
    /// The most occurrences allowed, `None` for unbounded.
    pub max: Option<u32>,
}

impl Occurrence {
    /// Exactly once.
    pub const REQUIRED: Occurrence = Occurrence {
        min: 1,
        max: Some(1),
    };
    /// Zero or one time.
    pub const OPTIONAL: Occurrence = Occurrence {
        min: 0,
        max: Some(1),
    };
    /// Any number of times.
    pub const ANY: Occurrence = Occurrence { min: 0, max: None };

    /// The Rust shape of a value that occurs so: `T`, `Option<T>` or `Vec<T>`.
    pub fn shape(self) -> Shape {
        match (self.min, self.max) {
            (1, Some(1)) => Shape::One,
            (0, Some(1)) => Shape::Optional,
            _ => Shape::Many,
        }
    }

    /// Whether a `Vec` of values that occur so must have its length
    /// checked (it has bounds other than 0 and unbounded).
    pub fn is_counted(self) -> bool {
        self.shape() == Shape::Many && (self.min > 0 || self.max.is_some())
    }
}

/// How a value that occurs some number of times is held.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    /// Exactly once: `T`.
    One,
    /// Zero or one time: `Option<T>`.
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
    /// Whether a value outside the enumeration is kept (in an extra
    /// variant) rather than rejected; see [`Config::open_enums`](crate::Config::open_enums).
    pub open: bool,
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

/// A choice between elements: a Rust enum with a variant per element. The
/// struct that holds it has a field of it (flattened: no element of its
/// own), whose occurrence is the choice's.
#[derive(Clone, Debug, PartialEq)]
pub struct Choice {
    /// Rust name of the enum of alternatives.
    pub name: String,
    /// Rustdoc.
    pub doc: Option<String>,
    /// The alternatives.
    pub alternatives: Vec<Alternative>,
    /// The namespaces of the elements not among the alternatives that it
    /// keeps as raw XML (`xs:any`), if it has a wildcard.
    pub any: Option<NamespaceConstraint>,
    /// Whether its wildcard's content is validated (`processContents`
    /// `strict` or `lax`, not `skip`): an element kept as raw XML that is a
    /// global element of the schema is checked as one by `validate()`.
    pub any_validated: bool,
}

/// One element a choice may hold.
#[derive(Clone, Debug, PartialEq)]
pub struct Alternative {
    /// Rust variant name.
    pub name: String,
    /// Wire (local) name.
    pub wire_name: String,
    /// Namespace.
    pub namespace: Option<String>,
    /// Its value type.
    pub ty: TypeRef,
    /// Whether the value is boxed.
    pub boxed: bool,
    /// Rustdoc.
    pub doc: Option<String>,
    /// What a simple-typed value is: its built-in type and facets.
    pub value_info: Option<ValueInfo>,
    /// The `default` (or `fixed`) value an empty element stands for, as written.
    pub default: Option<String>,
}

/// An `xs:list` type: a `Vec` written as whitespace-separated values.
#[derive(Clone, Debug, PartialEq)]
pub struct List {
    /// Rust name.
    pub name: String,
    /// The XSD name, for messages.
    pub wire_name: String,
    /// The item type (a builtin or an enumeration).
    pub item: TypeRef,
    /// Rustdoc.
    pub doc: Option<String>,
}

/// What a simple value is, beyond its Rust type: the XSD built-in type its
/// restrictions end in (or the list or union they restrict), and the facets
/// met on the way. Kept for the docs, the typed accessors and validation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ValueInfo {
    /// The built-in type's local name in the XML Schema namespace (`dateTime`,
    /// `string`, `nonNegativeInteger`, ...); `anySimpleType` for a list or a
    /// union (see [`ValueInfo::variety`]).
    pub builtin: String,
    /// The facets of every restriction from the value's own type down to the
    /// built-in type (or the list or union), the value's own first (see
    /// [`Facet::step`]).
    pub facets: Vec<Facet>,
    /// Whether the restrictions end in a built-in type, a list or a union.
    pub variety: Variety,
}

impl ValueInfo {
    /// The info of a built-in type with `facets`.
    pub fn atomic(builtin: impl Into<String>, facets: Vec<Facet>) -> Self {
        ValueInfo {
            builtin: builtin.into(),
            facets,
            variety: Variety::Atomic,
        }
    }
}

/// What a simple type's restrictions end in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Variety {
    /// A built-in type ([`ValueInfo::builtin`]).
    Atomic,
    /// `xs:list`: whitespace-separated items of this type; the facets'
    /// lengths count items.
    List(Box<ValueInfo>),
    /// `xs:union`: a value of one of these member types, in order.
    Union(Vec<ValueInfo>),
}

impl ValueInfo {
    /// The typed accessor a value of this built-in type gets, if any.
    pub fn kind(&self) -> Option<ValueKind> {
        Some(match self.builtin.as_str() {
            "dateTime" => ValueKind::DateTime,
            "date" => ValueKind::Date,
            "time" => ValueKind::Time,
            "duration" => ValueKind::Duration,
            "base64Binary" => ValueKind::Base64Binary,
            "hexBinary" => ValueKind::HexBinary,
            "integer" => ValueKind::Integer {
                min: None,
                max: None,
            },
            "nonNegativeInteger" => ValueKind::Integer {
                min: Some(0),
                max: None,
            },
            "positiveInteger" => ValueKind::Integer {
                min: Some(1),
                max: None,
            },
            "nonPositiveInteger" => ValueKind::Integer {
                min: None,
                max: Some(0),
            },
            "negativeInteger" => ValueKind::Integer {
                min: None,
                max: Some(-1),
            },
            _ => return None,
        })
    }
}

/// The built-in types whose values are kept as text and read by a typed accessor.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ValueKind {
    /// `xs:dateTime`: `xsd::DateTime`.
    DateTime,
    /// `xs:date`: `xsd::Date`.
    Date,
    /// `xs:time`: `xsd::Time`.
    Time,
    /// `xs:duration`: `xsd::Duration`.
    Duration,
    /// `xs:base64Binary`: `Vec<u8>` (through `xsd::Base64Binary`).
    Base64Binary,
    /// `xs:hexBinary`: `Vec<u8>` (through `xsd::HexBinary`).
    HexBinary,
    /// `xs:integer` and the types derived from it that have no Rust primitive:
    /// `i128`, within the built-in type's bounds.
    Integer {
        /// The least value (`nonNegativeInteger`: 0).
        min: Option<i128>,
        /// The greatest value (`negativeInteger`: -1).
        max: Option<i128>,
    },
}

/// A constraining facet of a restriction.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Facet {
    /// Which facet.
    pub kind: FacetKind,
    /// Its value, as written.
    pub value: String,
    /// Which restriction it comes from: 0 for the value's own type, 1 for
    /// its base, and so on. Patterns of one step are alternatives; every step
    /// must hold.
    pub step: usize,
    /// An enumeration's value read as a QName where the schema writes it
    /// (namespace, `""` for none; local name): what a value of a
    /// restriction of `xs:QName` or `xs:NOTATION` is compared with, its
    /// prefix being the document's own. `None` for the other facets, and
    /// for a value that is no QName where it stands.
    pub qname: Option<(String, String)>,
}

/// The constraining facets.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FacetKind {
    /// `xs:enumeration`: one of the values the step allows (the values of
    /// one step are alternatives). A type of enumerations is also an
    /// [`Enum`]; they are facets for the values kept as text (a union's, an
    /// open enum's) and for validation.
    Enumeration,
    /// `xs:pattern`: a regular expression the whole value matches.
    Pattern,
    /// `xs:length`.
    Length,
    /// `xs:minLength`.
    MinLength,
    /// `xs:maxLength`.
    MaxLength,
    /// `xs:minInclusive`.
    MinInclusive,
    /// `xs:maxInclusive`.
    MaxInclusive,
    /// `xs:minExclusive`.
    MinExclusive,
    /// `xs:maxExclusive`.
    MaxExclusive,
    /// `xs:totalDigits`.
    TotalDigits,
    /// `xs:fractionDigits`.
    FractionDigits,
    /// `xs:whiteSpace`.
    WhiteSpace,
}

impl FacetKind {
    /// The facet of an XSD facet element's local name (`maxLength`).
    pub fn from_xsd(name: &str) -> Option<FacetKind> {
        Some(match name {
            "enumeration" => FacetKind::Enumeration,
            "pattern" => FacetKind::Pattern,
            "length" => FacetKind::Length,
            "minLength" => FacetKind::MinLength,
            "maxLength" => FacetKind::MaxLength,
            "minInclusive" => FacetKind::MinInclusive,
            "maxInclusive" => FacetKind::MaxInclusive,
            "minExclusive" => FacetKind::MinExclusive,
            "maxExclusive" => FacetKind::MaxExclusive,
            "totalDigits" => FacetKind::TotalDigits,
            "fractionDigits" => FacetKind::FractionDigits,
            "whiteSpace" => FacetKind::WhiteSpace,
            _ => return None,
        })
    }
}
