//! The schema as written: one value per XSD construct, each with its location.

use std::path::PathBuf;
use std::sync::Arc;

use crate::error::Location;

/// One schema file, as written.
#[derive(Clone, Debug, PartialEq)]
pub struct Schema {
    /// The file it was read from.
    pub file: Arc<PathBuf>,
    /// `targetNamespace`, if any.
    pub target_namespace: Option<String>,
    /// `elementFormDefault`.
    pub element_form_default: Form,
    /// `attributeFormDefault`.
    pub attribute_form_default: Form,
    /// The prefix the schema binds to its target namespace, if it binds one.
    pub target_prefix: Option<String>,
    /// `xs:import`s, in document order.
    pub imports: Vec<Import>,
    /// `xs:include`s, in document order.
    pub includes: Vec<Include>,
    /// Global `xs:element`s.
    pub elements: Vec<Element>,
    /// Global named `xs:complexType`s.
    pub complex_types: Vec<ComplexType>,
    /// Global named `xs:simpleType`s.
    pub simple_types: Vec<SimpleType>,
    /// Global `xs:attribute`s.
    pub attributes: Vec<Attribute>,
    /// Global `xs:attributeGroup`s.
    pub attribute_groups: Vec<AttributeGroup>,
    /// Global `xs:group`s.
    pub groups: Vec<Group>,
    /// Global `xs:notation`s (kept; they shape nothing: a value of type
    /// `xs:NOTATION` is a qualified name, as written).
    pub notations: Vec<Notation>,
    /// `xs:redefine`s and `xs:override`s, in document order, with the
    /// components they hold. [`load`](super::load) applies them and leaves
    /// this empty: the redefined components end up in the lists above.
    pub redefinitions: Vec<Redefinition>,
    /// `xs:defaultOpenContent` (XSD 1.1): kept, not applied (see [`OpenContent`]).
    pub default_open_content: Option<OpenContent>,
}

/// `xs:redefine` (XSD 1.0) or `xs:override` (XSD 1.1): another schema
/// document, included, some of whose components are replaced by those
/// written here.
#[derive(Clone, Debug, PartialEq)]
pub struct Redefinition {
    /// Which of the two.
    pub kind: RedefinitionKind,
    /// `schemaLocation`, as written.
    pub schema_location: String,
    /// Where it stands.
    pub location: Location,
    /// The components it holds (a redefine holds simple and complex types,
    /// groups and attribute groups; an override any top-level component).
    pub components: Components,
}

/// `xs:redefine` or `xs:override`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RedefinitionKind {
    /// `xs:redefine`: each component replaces the one of the same name, and
    /// may refer to it (as its base, or by a reference to its own name).
    Redefine,
    /// `xs:override`: each component replaces the one of the same name
    /// outright; one that replaces nothing is dropped.
    Override,
}

/// Top-level components, as an `xs:redefine` or `xs:override` holds them.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Components {
    /// `xs:element`s.
    pub elements: Vec<Element>,
    /// `xs:complexType`s.
    pub complex_types: Vec<ComplexType>,
    /// `xs:simpleType`s.
    pub simple_types: Vec<SimpleType>,
    /// `xs:attribute`s.
    pub attributes: Vec<Attribute>,
    /// `xs:attributeGroup`s.
    pub attribute_groups: Vec<AttributeGroup>,
    /// `xs:group`s.
    pub groups: Vec<Group>,
    /// `xs:notation`s.
    pub notations: Vec<Notation>,
}

/// `xs:notation`.
#[derive(Clone, Debug, PartialEq)]
pub struct Notation {
    /// `name`.
    pub name: String,
    /// `public`.
    pub public: Option<String>,
    /// `system`.
    pub system: Option<String>,
    /// Where it stands.
    pub location: Location,
}

/// `xs:openContent` or `xs:defaultOpenContent` (XSD 1.1): elements the
/// wildcard allows may stand among (`interleave`) or after (`suffix`) the
/// content model's. Kept in the model; the generated types do not have a
/// field for them yet (the readers skip elements they do not know).
#[derive(Clone, Debug, PartialEq)]
pub struct OpenContent {
    /// `mode`: `interleave` (the default), `suffix` or `none`.
    pub mode: String,
    /// Its `xs:any` (none for mode `none`).
    pub wildcard: Option<Wildcard>,
    /// `appliesToEmpty` (of `xs:defaultOpenContent`).
    pub applies_to_empty: bool,
    /// Where it stands.
    pub location: Location,
}

/// `xs:assert` of a complex type (XSD 1.1): an XPath 2.0 test, kept, not checked.
#[derive(Clone, Debug, PartialEq)]
pub struct Assertion {
    /// `test`, as written.
    pub test: String,
    /// Where it stands.
    pub location: Location,
}

/// `xs:alternative` of an element (XSD 1.1, conditional type assignment):
/// kept; the generated type is the element's declared type, which every
/// alternative's type derives from.
#[derive(Clone, Debug, PartialEq)]
pub struct Alternative {
    /// `test`, as written (none for the default alternative).
    pub test: Option<String>,
    /// Its type: `type`, an inline type, or none.
    pub ty: ElementType,
    /// Where it stands.
    pub location: Location,
}

/// `xs:import`.
#[derive(Clone, Debug, PartialEq)]
pub struct Import {
    /// `namespace`.
    pub namespace: Option<String>,
    /// `schemaLocation`, as written (relative to the importing file).
    pub schema_location: Option<String>,
    /// Where it stands.
    pub location: Location,
}

/// `xs:include`.
#[derive(Clone, Debug, PartialEq)]
pub struct Include {
    /// `schemaLocation`, as written.
    pub schema_location: String,
    /// Where it stands.
    pub location: Location,
}

/// `qualified` or `unqualified`, for `elementFormDefault` and `form`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Form {
    /// In the target namespace.
    Qualified,
    /// In no namespace (the XSD default for local declarations).
    Unqualified,
}

/// A qualified name as a reference resolves it: namespace URI and local name.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct QName {
    /// The namespace URI, `None` for no namespace.
    pub namespace: Option<String>,
    /// The local name.
    pub name: String,
}

impl std::fmt::Display for QName {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.namespace {
            Some(ns) => write!(f, "{{{ns}}}{}", self.name),
            None => f.write_str(&self.name),
        }
    }
}

/// `minOccurs` and `maxOccurs`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Occurs {
    /// `minOccurs`.
    pub min: u32,
    /// `maxOccurs`, `None` for `unbounded`.
    pub max: Option<u32>,
}

impl Default for Occurs {
    fn default() -> Self {
        Occurs {
            min: 1,
            max: Some(1),
        }
    }
}

impl Occurs {
    /// Exactly once.
    pub const ONCE: Occurs = Occurs {
        min: 1,
        max: Some(1),
    };

    /// The occurrence of a particle nested in a group of occurrence `outer`.
    pub fn times(self, outer: Occurs) -> Occurs {
        Occurs {
            min: self.min.saturating_mul(outer.min),
            max: match (self.max, outer.max) {
                (Some(a), Some(b)) => a.checked_mul(b),
                _ => None,
            },
        }
    }

    /// Whether more than one occurrence is allowed.
    pub fn repeats(self) -> bool {
        self.max != Some(1) && self.max != Some(0)
    }
}

/// An `xs:element`, global, local or a reference.
#[derive(Clone, Debug, PartialEq)]
pub struct Element {
    /// `name`, or the local name of `ref`.
    pub name: String,
    /// `ref`, for a reference to a global element.
    pub reference: Option<QName>,
    /// Its type: named, inline, or absent (`xs:anyType`).
    pub ty: ElementType,
    /// `minOccurs`/`maxOccurs` (always 1..1 on a global element).
    pub occurs: Occurs,
    /// `form`, when written.
    pub form: Option<Form>,
    /// `nillable="true"`.
    pub nillable: bool,
    /// `default`.
    pub default: Option<String>,
    /// `fixed`.
    pub fixed: Option<String>,
    /// `abstract="true"` (global elements).
    pub is_abstract: bool,
    /// `substitutionGroup` (global elements; XSD 1.1 allows several, the
    /// first is kept here, the others in `more_substitution_groups`).
    pub substitution_group: Option<QName>,
    /// The heads of `substitutionGroup` after the first (XSD 1.1).
    pub more_substitution_groups: Vec<QName>,
    /// `xs:alternative`s (XSD 1.1), kept.
    pub alternatives: Vec<Alternative>,
    /// The `xs:documentation` text.
    pub doc: Option<String>,
    /// Where it stands.
    pub location: Location,
}

/// The type of an element.
#[derive(Clone, Debug, PartialEq)]
pub enum ElementType {
    /// `type="..."`.
    Named(QName),
    /// An anonymous `xs:complexType` child.
    Complex(Box<ComplexType>),
    /// An anonymous `xs:simpleType` child.
    Simple(Box<SimpleType>),
    /// Neither: `xs:anyType`, or the type of the referenced element.
    Any,
}

/// An `xs:complexType`.
#[derive(Clone, Debug, PartialEq)]
pub struct ComplexType {
    /// `name`, `None` when anonymous.
    pub name: Option<String>,
    /// Its content model.
    pub content: Content,
    /// Its attributes (of the type, or of its extension or restriction).
    pub attributes: Vec<AttributeUse>,
    /// `xs:anyAttribute`.
    pub any_attribute: Option<Wildcard>,
    /// `abstract="true"`.
    pub is_abstract: bool,
    /// `mixed="true"` (on the type or its complexContent).
    pub mixed: bool,
    /// `xs:assert`s (XSD 1.1), kept, not checked.
    pub asserts: Vec<Assertion>,
    /// `xs:openContent` (XSD 1.1), kept.
    pub open_content: Option<OpenContent>,
    /// The `xs:documentation` text.
    pub doc: Option<String>,
    /// Where it stands.
    pub location: Location,
}

/// A complex type's content.
#[derive(Clone, Debug, PartialEq)]
pub enum Content {
    /// Child elements (`None`: empty content).
    Particle(Option<Particle>),
    /// `xs:simpleContent`: a text value (of type `base`) with attributes.
    Simple {
        /// Extension or restriction.
        derivation: Derivation,
        /// The base type.
        base: QName,
        /// The facets of a restriction (empty for an extension).
        facets: Vec<Facet>,
        /// The `xs:enumeration` values of a restriction, in order: the text
        /// is one of them.
        enumerations: Vec<Enumeration>,
        /// The inline `xs:simpleType` of a restriction: the text's type.
        inline: Option<Box<SimpleType>>,
    },
    /// `xs:complexContent`: derived from another complex type.
    Complex {
        /// Extension or restriction.
        derivation: Derivation,
        /// The base type.
        base: QName,
        /// The particle the derivation adds (extension) or keeps (restriction).
        particle: Option<Particle>,
    },
}

/// `xs:extension` or `xs:restriction`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Derivation {
    /// Adds to the base.
    Extension,
    /// Narrows the base.
    Restriction,
}

/// A particle of a content model.
#[derive(Clone, Debug, PartialEq)]
pub enum Particle {
    /// A local element or element reference.
    Element(Element),
    /// `xs:sequence`.
    Sequence(ModelGroup),
    /// `xs:choice`.
    Choice(ModelGroup),
    /// `xs:all`.
    All(ModelGroup),
    /// `xs:group ref="..."`.
    GroupRef {
        /// The group.
        name: QName,
        /// Its occurrence here.
        occurs: Occurs,
        /// Where it stands.
        location: Location,
    },
    /// `xs:any`.
    Any(Wildcard),
}

impl Particle {
    /// How many times the particle occurs (`maxOccurs="0"`: never, and it
    /// contributes nothing).
    pub fn occurs(&self) -> Occurs {
        match self {
            Particle::Element(e) => e.occurs,
            Particle::Sequence(g) | Particle::All(g) | Particle::Choice(g) => g.occurs,
            Particle::GroupRef { occurs, .. } => *occurs,
            Particle::Any(w) => w.occurs,
        }
    }
}

/// A sequence, choice or all, and what it contains.
#[derive(Clone, Debug, PartialEq)]
pub struct ModelGroup {
    /// Its occurrence.
    pub occurs: Occurs,
    /// Its particles, in order.
    pub particles: Vec<Particle>,
    /// Where it stands.
    pub location: Location,
}

/// `xs:any` or `xs:anyAttribute`.
#[derive(Clone, Debug, PartialEq)]
pub struct Wildcard {
    /// Its occurrence (1..1 for `xs:anyAttribute`).
    pub occurs: Occurs,
    /// `namespace`, as written (`##any` by default).
    pub namespace: String,
    /// `processContents` (`strict` by default).
    pub process_contents: String,
    /// `notNamespace` (XSD 1.1), as written: namespaces the wildcard does
    /// not allow (`##targetNamespace`, `##local` or URIs). Empty when absent.
    pub not_namespace: Vec<String>,
    /// `notQName` (XSD 1.1), as written: names the wildcard does not allow
    /// (qualified names, `##defined`, `##definedSibling`). Kept; the shape
    /// ignores it.
    pub not_qname: Vec<String>,
    /// Where it stands.
    pub location: Location,
}

/// A global `xs:group`.
#[derive(Clone, Debug, PartialEq)]
pub struct Group {
    /// `name`.
    pub name: String,
    /// Its sequence, choice or all.
    pub particle: Particle,
    /// Where it stands.
    pub location: Location,
}

/// `optional`, `required` or `prohibited`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Use {
    /// May be absent (the default).
    Optional,
    /// Must be present.
    Required,
    /// Must be absent (a restriction removing an attribute).
    Prohibited,
}

/// An `xs:attribute`, global, local or a reference.
#[derive(Clone, Debug, PartialEq)]
pub struct Attribute {
    /// `name`, or the local name of `ref`.
    pub name: String,
    /// `ref`.
    pub reference: Option<QName>,
    /// Its type: `type`, an inline simple type, or none (`xs:anySimpleType`).
    pub ty: Option<SimpleRef>,
    /// `use`.
    pub use_: Use,
    /// `default`.
    pub default: Option<String>,
    /// `fixed`.
    pub fixed: Option<String>,
    /// `form`.
    pub form: Option<Form>,
    /// The `xs:documentation` text.
    pub doc: Option<String>,
    /// Where it stands.
    pub location: Location,
}

/// An attribute or a reference to an attribute group.
#[derive(Clone, Debug, PartialEq)]
pub enum AttributeUse {
    /// `xs:attribute`.
    Attribute(Attribute),
    /// `xs:attributeGroup ref="..."`.
    GroupRef {
        /// The group.
        name: QName,
        /// Where it stands.
        location: Location,
    },
}

/// A global `xs:attributeGroup`.
#[derive(Clone, Debug, PartialEq)]
pub struct AttributeGroup {
    /// `name`.
    pub name: String,
    /// Its attributes.
    pub attributes: Vec<AttributeUse>,
    /// `xs:anyAttribute`.
    pub any_attribute: Option<Wildcard>,
    /// Where it stands.
    pub location: Location,
}

/// An `xs:simpleType`.
#[derive(Clone, Debug, PartialEq)]
pub struct SimpleType {
    /// `name`, `None` when anonymous.
    pub name: Option<String>,
    /// How it is derived.
    pub content: SimpleContent,
    /// The `xs:documentation` text.
    pub doc: Option<String>,
    /// Where it stands.
    pub location: Location,
}

/// How a simple type is derived.
#[derive(Clone, Debug, PartialEq)]
pub enum SimpleContent {
    /// `xs:restriction`.
    Restriction {
        /// The base type.
        base: SimpleRef,
        /// `xs:enumeration` values, in order.
        enumerations: Vec<Enumeration>,
        /// The other facets, kept for validation.
        facets: Vec<Facet>,
    },
    /// `xs:list`: whitespace-separated values of the item type.
    List {
        /// The item type.
        item: SimpleRef,
    },
    /// `xs:union`: a value of any of the member types.
    Union {
        /// The member types.
        members: Vec<SimpleRef>,
    },
}

/// A reference to a simple type, or an inline one.
#[derive(Clone, Debug, PartialEq)]
pub enum SimpleRef {
    /// By name.
    Named(QName),
    /// Inline.
    Inline(Box<SimpleType>),
}

/// One `xs:enumeration` value.
#[derive(Clone, Debug, PartialEq)]
pub struct Enumeration {
    /// `value`, exactly as written.
    pub value: String,
    /// `value` read as a QName where it is written (its prefix resolved
    /// there): what it means in a restriction of `xs:QName` or
    /// `xs:NOTATION`. `None` when it is no QName there.
    pub qname: Option<QName>,
    /// The `xs:documentation` text.
    pub doc: Option<String>,
    /// Where it stands.
    pub location: Location,
}

/// A constraining facet other than `xs:enumeration` (`xs:pattern`,
/// `xs:maxLength`, ..., and XSD 1.1's `xs:explicitTimezone` and
/// `xs:assertion`, whose `value` is its `test`). In an `xs:simpleContent`
/// restriction, enumerations are facets too (`enumeration`).
#[derive(Clone, Debug, PartialEq)]
pub struct Facet {
    /// The facet's element name (`pattern`, `maxLength`, ...).
    pub kind: String,
    /// `value`, as written.
    pub value: String,
    /// Where it stands.
    pub location: Location,
}
