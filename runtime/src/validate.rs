//! Validation of whole values against their schema: the [`Validate`] trait
//! every generated type implements, and the helpers its generated
//! `validate_into` calls.
//!
//! Reading a document checks its structure (names, required elements,
//! counts) and the lexical forms of the values it turns into Rust
//! numbers, booleans and enumerations; it does not check facets (lengths,
//! patterns, ranges, digits, enumerations of values kept as text), the
//! lexical forms of values kept as text (`xs:decimal`, `xs:dateTime`,
//! `xs:base64Binary`, ...) or what a value built in Rust holds. `validate()`
//! checks all of these, on a value read or built, and returns every
//! violation, each with its path:
//!
//! ```
//! use xsd_runtime::Validate;
//! use xsd_runtime::facets::{BuiltinType, Checker, Constraints, Facet};
//! use xsd_runtime::validate::Violations;
//!
//! // What the generator writes for <xs:element name="Item"> with a child
//! // <Code> of a type of at most 3 characters:
//! struct Item {
//!     code: Vec<String>,
//! }
//!
//! static CODE: Checker =
//!     Checker::new(Constraints::atomic(BuiltinType::String, &[Facet::MaxLength(3)]));
//!
//! impl Validate for Item {
//!     fn validate_into(&self, out: &mut Violations) {
//!         xsd_runtime::validate::occurs(out, "Code", self.code.len(), 1, Some(2));
//!         xsd_runtime::validate::values(out, "Code", &CODE, &self.code);
//!     }
//! }
//!
//! let item = Item { code: vec!["ab".into(), "abcd".into(), "x".into()] };
//! let errors: Vec<String> = item.validate().unwrap_err().iter().map(|v| v.to_string()).collect();
//! assert_eq!(
//!     errors,
//!     [
//!         "/Code: occurs 3 times, more than maxOccurs 2",
//!         r#"/Code: "abcd" is longer than maxLength 3 (4 characters)"#,
//!     ]
//! );
//! ```
//!
//! The paths: `validate_into` gives each violation the path from the
//! value's element down (the names of its children, `@name` for an
//! attribute), and the enclosing value adds its child's name ([`child`]).
//! The generated `validate()` of a global element's type starts the path
//! with the element's own name (`/Order/Item/Code`), as a document's root.
//!
//! Wildcard content: an element a `strict` or `lax` wildcard holds is
//! checked as the schema's global element of its name, which means reading
//! it as one. The generated types whose content may hold such an element
//! name the function that does it ([`Validate::WILDCARD_CONTENT`]), which
//! [`Validate::validate`] hands down in [`Violations`]; so the reading code
//! is compiled into the program that calls `validate()`, not into every
//! crate of generated types.

use std::ops::{Deref, DerefMut};

use crate::facets::{Checker, Constraint, Violation, check_occurs};
use crate::simple::SimpleType;
use crate::values::XsdVersion;
use crate::{AnyElement, Limits, QName, ReadOptions, Root};

/// Checks an element held by a validating wildcard against the schema's
/// global elements ([`global_element`] of the schema's `Document`).
pub type ContentCheck = fn(&mut Violations, &AnyElement);

/// Where `validate_into` adds what it finds: the violations (a
/// `Vec<Violation>`, which it dereferences to), and how to check the
/// content of the schema's wildcards.
#[derive(Debug, Default)]
pub struct Violations {
    list: Vec<Violation>,
    wildcard_content: Option<ContentCheck>,
    version: XsdVersion,
}

impl Violations {
    /// No violations yet; wildcard content is checked with
    /// `wildcard_content` (`None`: not checked); values by XSD 1.0's rules.
    pub fn new(wildcard_content: Option<ContentCheck>) -> Self {
        Violations {
            list: Vec::new(),
            wildcard_content,
            version: XsdVersion::V1_0,
        }
    }

    /// Values checked by `version`'s rules where XSD 1.0 and 1.1 differ
    /// (see [`XsdVersion`]).
    pub fn with_version(mut self, version: XsdVersion) -> Self {
        self.version = version;
        self
    }

    /// The version of XSD whose rules values are checked by.
    pub fn version(&self) -> XsdVersion {
        self.version
    }

    /// The violations found.
    pub fn into_vec(self) -> Vec<Violation> {
        self.list
    }

    /// `Ok` if nothing was found, else every violation, in document order.
    pub fn into_result(self) -> Result<(), Vec<Violation>> {
        if self.list.is_empty() {
            Ok(())
        } else {
            Err(self.list)
        }
    }
}

impl Deref for Violations {
    type Target = Vec<Violation>;

    fn deref(&self) -> &Vec<Violation> {
        &self.list
    }
}

impl DerefMut for Violations {
    fn deref_mut(&mut self) -> &mut Vec<Violation> {
        &mut self.list
    }
}

/// A value that can be checked against its schema: every generated type,
/// and the containers and built-in types they hold.
pub trait Validate {
    /// The name of the global element this type is, if it is one: then
    /// [`validate`](Self::validate) starts each path with it.
    const ELEMENT: Option<&'static str> = None;

    /// How to check the content of the validating wildcards (`strict` or
    /// `lax`) this type's values may hold, if there are any: the schema's
    /// [`global_element`] check.
    const WILDCARD_CONTENT: Option<ContentCheck> = None;

    /// Adds every violation of the value's constraints to `out`, each with
    /// its path from the value's element down (the element's own name not
    /// included: the enclosing value adds it).
    fn validate_into(&self, out: &mut Violations);

    /// The name of the global element this value is, if it is one (by
    /// default [`Self::ELEMENT`]; a schema's `Document` names the element
    /// it holds).
    fn element_name(&self) -> Option<&'static str> {
        Self::ELEMENT
    }

    /// Every violation of the value's constraints, in document order (or
    /// `Ok` if there is none), each path starting with
    /// [`element_name`](Self::element_name) when the value has one. Values
    /// are checked by XSD 1.0's rules where 1.1's differ
    /// ([`validate_as`](Self::validate_as)).
    fn validate(&self) -> Result<(), Vec<Violation>> {
        self.validate_as(XsdVersion::V1_0)
    }

    /// [`validate`](Self::validate), by the rules of `version` of XML
    /// Schema where they differ: XSD 1.1 has a year 0000 (1 BCE) and
    /// numbers the years before it from -0001 (2 BCE), so `0000-02-29` and
    /// `-0004-02-29` are dates in 1.1, not in 1.0.
    fn validate_as(&self, version: XsdVersion) -> Result<(), Vec<Violation>> {
        let mut out = Violations::new(Self::WILDCARD_CONTENT).with_version(version);
        match self.element_name() {
            Some(name) => child(&mut out, name, self),
            None => self.validate_into(&mut out),
        }
        out.into_result()
    }
}

/// The [`Validate`] impl of a generated type that has nothing to check
/// beyond what its Rust type holds: `impl_validate!(Type)`, or
/// `impl_validate!(Type, "Name")` for the type of the global element
/// `Name` (its violations' paths start with the name).
#[macro_export]
macro_rules! impl_validate {
    ($t:ty) => {
        impl $crate::Validate for $t {
            fn validate_into(&self, _out: &mut $crate::validate::Violations) {}
        }
    };
    ($t:ty, $element:literal) => {
        impl $crate::Validate for $t {
            const ELEMENT: ::std::option::Option<&'static str> =
                ::std::option::Option::Some($element);
            fn validate_into(&self, _out: &mut $crate::validate::Violations) {}
        }
    };
}

/// Types that have nothing to check beyond what their Rust type holds.
macro_rules! always_valid {
    ($($t:ty),* $(,)?) => {$(
        impl Validate for $t {
            fn validate_into(&self, _out: &mut Violations) {}
        }
    )*};
}

always_valid!(
    bool,
    i8,
    i16,
    i32,
    i64,
    i128,
    u8,
    u16,
    u32,
    u64,
    u128,
    f32,
    f64,
    str,
    String,
    crate::AnyElement,
    crate::Attribute,
    crate::MixedText,
);

impl<T: Validate + ?Sized> Validate for &T {
    const WILDCARD_CONTENT: Option<ContentCheck> = T::WILDCARD_CONTENT;

    fn validate_into(&self, out: &mut Violations) {
        (**self).validate_into(out);
    }
}

impl<T: Validate + ?Sized> Validate for Box<T> {
    const WILDCARD_CONTENT: Option<ContentCheck> = T::WILDCARD_CONTENT;

    fn validate_into(&self, out: &mut Violations) {
        (**self).validate_into(out);
    }
}

impl<T: Validate> Validate for Option<T> {
    const WILDCARD_CONTENT: Option<ContentCheck> = T::WILDCARD_CONTENT;

    fn validate_into(&self, out: &mut Violations) {
        if let Some(value) = self {
            value.validate_into(out);
        }
    }
}

impl<T: Validate> Validate for [T] {
    const WILDCARD_CONTENT: Option<ContentCheck> = T::WILDCARD_CONTENT;

    fn validate_into(&self, out: &mut Violations) {
        for value in self {
            value.validate_into(out);
        }
    }
}

impl<T: Validate> Validate for Vec<T> {
    const WILDCARD_CONTENT: Option<ContentCheck> = T::WILDCARD_CONTENT;

    fn validate_into(&self, out: &mut Violations) {
        self.as_slice().validate_into(out);
    }
}

impl<T: Validate> Validate for crate::Instance<T> {
    const WILDCARD_CONTENT: Option<ContentCheck> = T::WILDCARD_CONTENT;

    fn validate_into(&self, out: &mut Violations) {
        self.root.validate_into(out);
    }

    /// The root's violations, their paths from the root element.
    fn validate_as(&self, version: XsdVersion) -> Result<(), Vec<Violation>> {
        self.root.validate_as(version)
    }
}

/// Adds `name` at the outer end of the path of every violation in
/// `out[start..]`.
fn push_path(out: &mut [Violation], start: usize, name: &str) {
    if name.is_empty() {
        return;
    }
    for violation in &mut out[start..] {
        violation.push_path(name);
    }
}

/// Validates `value`, the content of child element `name` (or each of
/// them, for an `Option` or a `Vec`), adding `name` to the violations' paths.
pub fn child<T: Validate + ?Sized>(out: &mut Violations, name: &str, value: &T) {
    let start = out.len();
    value.validate_into(out);
    push_path(out, start, name);
}

/// Checks each of `values`, the simple values of child element (or
/// attribute `@name`, or with `name` empty the element's own text) `name`,
/// with `checker`: the text it is written as, against the type's facets.
pub fn values<'a, T, I>(out: &mut Violations, name: &str, checker: &Checker, values: I)
where
    T: SimpleType + 'a,
    I: IntoIterator<Item = &'a T>,
{
    for value in values {
        let start = out.len();
        checker.check_into_as(&value.to_text(), out.version, &mut out.list);
        push_path(out, start, name);
    }
}

/// [`values`], for a child element with a `default` (or `fixed`) value: an
/// empty one stands for it (the field keeps the text as written, empty).
pub fn values_or_default<'a, T, I>(
    out: &mut Violations,
    name: &str,
    checker: &Checker,
    default: &str,
    values: I,
) where
    T: SimpleType + 'a,
    I: IntoIterator<Item = &'a T>,
{
    for value in values {
        let text = value.to_text();
        let start = out.len();
        let text = if text.is_empty() { default } else { &text };
        checker.check_into_as(text, out.version, &mut out.list);
        push_path(out, start, name);
    }
}

/// One enumerated value of a restriction of `xs:QName` or `xs:NOTATION`:
/// as the schema writes it, and the namespace and local name it means
/// where it is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NameValue {
    /// As written in the schema (`c:a`).
    pub written: &'static str,
    /// The namespace its prefix (or, unprefixed, the schema's default
    /// namespace) is bound to where it is written, `""` for none; `None`
    /// when its prefix is not declared there: it is then no QName value,
    /// and only the same text matches it.
    pub namespace: Option<&'static str>,
    /// Its local name.
    pub local: &'static str,
}

impl NameValue {
    /// Whether `value` (written `text`) is this value: the same namespace
    /// and local name, whatever the prefixes.
    fn matches(&self, value: &QName, text: &str) -> bool {
        match self.namespace {
            Some(namespace) => value.namespace == namespace && value.local == self.local,
            None => text == self.written,
        }
    }
}

/// Checks each of `values`, the `xs:QName` (or `xs:NOTATION`) values of
/// child element (or attribute `@name`, or with `name` empty the element's
/// own text) `name`: the text it is written as with `checker` (its lexical
/// form and patterns; the length facets mean nothing for a QName), and its
/// value against `enumerations`, the enumerated values of each restriction
/// step that has some. Those compare namespaces and local names, not
/// texts: a document may bind other prefixes than the schema does (`k:b`
/// is the schema's `c:b` when `k` and `c` are bound to one namespace).
pub fn qnames<'a, I>(
    out: &mut Violations,
    name: &str,
    checker: &Checker,
    enumerations: &[&[NameValue]],
    values: I,
) where
    I: IntoIterator<Item = &'a QName>,
{
    for value in values {
        let start = out.len();
        let text = value.to_text();
        checker.check_into_as(&text, out.version, &mut out.list);
        for step in enumerations {
            if !step.iter().any(|e| e.matches(value, &text)) {
                out.push(name_enumeration_failed(value, &text, step));
            }
        }
        push_path(out, start, name);
    }
}

/// The violation of a QName not among the enumerated values `step`.
fn name_enumeration_failed(value: &QName, text: &str, step: &[NameValue]) -> Violation {
    const SHOWN: usize = 10;
    let written: Vec<&str> = step.iter().map(|e| e.written).collect();
    let mut list = written
        .iter()
        .take(SHOWN)
        .map(|v| format!("{v:?}"))
        .collect::<Vec<_>>()
        .join(", ");
    if step.len() > SHOWN {
        list.push_str(&format!(", ... ({} values)", step.len()));
    }
    Violation::new(
        Constraint::Enumeration,
        written.join(", "),
        text,
        format!(
            "{text:?} (local name {:?} in namespace {:?}) is not one of the enumerated values {list}",
            value.local, value.namespace
        ),
    )
}

/// Checks that child element `name` (or, for a choice, one of its
/// elements) occurs `count` times, at least `min` and at most `max`.
pub fn occurs(out: &mut Vec<Violation>, name: &str, count: usize, min: u32, max: Option<u32>) {
    if let Some(violation) = check_occurs(count, min, max) {
        out.push(violation.at(name));
    }
}

/// Checks a nillable element's text against its `xsi:nil`: a value is
/// absent (`None`) exactly when the element is nil.
pub fn nillable(out: &mut Vec<Violation>, nil: bool, has_value: bool) {
    match (nil, has_value) {
        (false, false) => out.push(Violation::new(
            Constraint::Required,
            "required",
            "",
            "has no value, but is not nil (xsi:nil)",
        )),
        (true, true) => out.push(Violation::new(
            Constraint::Content,
            "nil",
            "",
            "has a value, but is nil (xsi:nil=\"true\")",
        )),
        _ => {}
    }
}

/// Validates `element`, kept as written by a wildcard that validates its
/// content (`processContents` `strict` or `lax`), with the check `out`
/// carries ([`Validate::WILDCARD_CONTENT`] of the value `validate()` was
/// called on); without one (`validate_into` called with
/// [`Violations::default`]), it is left alone.
pub fn wildcard(out: &mut Violations, element: &AnyElement) {
    if let Some(check) = out.wildcard_content {
        check(out, element);
    }
}

/// The [`ContentCheck`] of a schema whose global elements `D` reads (its
/// generated `Document`): if `element` is one of them, it is read as that
/// element and validated, its violations under its name; another element is
/// left alone (its schema is not at hand).
pub fn global_element<D: Root + Validate>(out: &mut Violations, element: &AnyElement) {
    let (namespace, local) = element.name();
    if !D::root_names().contains(&(namespace.unwrap_or(""), local)) {
        return;
    }
    // It was read under the caller's limits already.
    let options = ReadOptions {
        limits: Limits::unlimited(),
        ..ReadOptions::default()
    };
    match crate::from_str_with::<D>(&element.to_string(), &options) {
        Ok(value) => child(out, local, &value),
        Err(e) => out.push(
            Violation::new(
                Constraint::Content,
                local,
                "",
                format!("does not read as the element {local} the schema declares: {e}"),
            )
            .at(local),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facets::{BuiltinType, Constraint, Constraints, Facet};

    static SHORT: Checker = Checker::new(Constraints::atomic(
        BuiltinType::String,
        &[Facet::MaxLength(2)],
    ));
    static SMALL: Checker = Checker::new(Constraints::atomic(
        BuiltinType::Int,
        &[Facet::MaxInclusive("10")],
    ));

    struct Leaf {
        code: Option<String>,
        size: i32,
    }

    impl Validate for Leaf {
        fn validate_into(&self, out: &mut Violations) {
            values(out, "Code", &SHORT, &self.code);
            values(out, "@size", &SMALL, Some(&self.size));
        }
    }

    struct Tree {
        leaves: Vec<Leaf>,
        inner: Option<Box<Tree>>,
    }

    impl Validate for Tree {
        fn validate_into(&self, out: &mut Violations) {
            occurs(out, "Leaf", self.leaves.len(), 1, Some(3));
            child(out, "Leaf", &self.leaves);
            child(out, "Tree", &self.inner);
        }

        const ELEMENT: Option<&'static str> = Some("Tree");
    }

    fn leaf(code: &str, size: i32) -> Leaf {
        Leaf {
            code: Some(code.into()),
            size,
        }
    }

    #[test]
    fn every_violation_is_found_with_its_path() {
        let tree = Tree {
            leaves: vec![leaf("ok", 1), leaf("long", 11)],
            inner: Some(Box::new(Tree {
                leaves: vec![],
                inner: None,
            })),
        };
        let errors = tree.validate().unwrap_err();
        let text: Vec<String> = errors.iter().map(ToString::to_string).collect();
        assert_eq!(
            text,
            [
                r#"/Tree/Leaf/Code: "long" is longer than maxLength 2 (4 characters)"#,
                r#"/Tree/Leaf/@size: "11" is greater than maxInclusive 10"#,
                "/Tree/Tree/Leaf: occurs 0 times, fewer than minOccurs 1",
            ]
        );
        assert_eq!(errors[2].constraint, Constraint::MinOccurs);
        // validate_into leaves the element's own name to the caller.
        let mut out = Violations::default();
        tree.validate_into(&mut out);
        assert_eq!(out[0].path(), "/Leaf/Code");
    }

    #[test]
    fn a_valid_value_has_no_violation() {
        let tree = Tree {
            leaves: vec![
                leaf("ab", 10),
                Leaf {
                    code: None,
                    size: -4,
                },
            ],
            inner: None,
        };
        assert_eq!(tree.validate(), Ok(()));
        assert_eq!(Some(vec![1u8]).validate(), Ok(()));
        let document = crate::Instance::new(tree);
        assert_eq!(document.validate(), Ok(()));
    }

    /// A value holding a validating wildcard's element, checked by
    /// [`reject_b`].
    struct Holder {
        any: AnyElement,
    }

    /// A schema's check of wildcard content: only `<b>` is declared, and
    /// no `<b>` is valid.
    fn reject_b(out: &mut Violations, element: &AnyElement) {
        if element.name() == (None, "b") {
            out.push(Violation::new(Constraint::Content, "b", "", "is not valid").at("b"));
        }
    }

    impl Validate for Holder {
        const ELEMENT: Option<&'static str> = Some("Holder");
        const WILDCARD_CONTENT: Option<ContentCheck> = Some(reject_b);

        fn validate_into(&self, out: &mut Violations) {
            wildcard(out, &self.any);
        }
    }

    #[test]
    fn wildcard_content_is_checked_by_the_check_validate_hands_down() {
        let holder = |local: &str| Holder {
            any: AnyElement::from_events(vec![
                crate::AnyEvent::Start {
                    namespace: None,
                    local_name: local.into(),
                    prefix: None,
                    attributes: Vec::new(),
                    declarations: Vec::new(),
                },
                crate::AnyEvent::End,
            ])
            .unwrap(),
        };
        let errors = holder("b").validate().unwrap_err();
        assert_eq!(errors[0].to_string(), "/Holder/b: is not valid");
        assert_eq!(holder("a").validate(), Ok(()));
        // Containers hand down their items' check.
        let many = vec![holder("a"), holder("b")];
        assert_eq!(many.validate().unwrap_err().len(), 1);
        assert_eq!(Some(Box::new(holder("b"))).validate().unwrap_err().len(), 1);
        // validate_into without a check leaves wildcard content alone.
        let mut out = Violations::default();
        holder("b").validate_into(&mut out);
        assert!(out.is_empty());
        let mut out = Violations::new(Some(reject_b));
        holder("b").validate_into(&mut out);
        assert_eq!(out.into_vec().len(), 1);
    }

    static CODE: Checker = Checker::new(Constraints::atomic(
        BuiltinType::QName,
        &[Facet::Pattern(&["[a-z]+:.*"]), Facet::MaxLength(1)],
    ));
    const CODES: &[NameValue] = &[
        NameValue {
            written: "c:a",
            namespace: Some("urn:codes"),
            local: "a",
        },
        NameValue {
            written: "b",
            namespace: Some(""),
            local: "b",
        },
        NameValue {
            written: "undeclared:z",
            namespace: None,
            local: "z",
        },
    ];

    #[test]
    fn qnames_are_enumerated_by_namespace_and_local_name() {
        let check = |value: &QName| {
            let mut out = Violations::default();
            qnames(&mut out, "@code", &CODE, &[CODES], Some(value));
            out.iter().map(ToString::to_string).collect::<Vec<_>>()
        };
        // Another prefix bound to the same namespace: the same value; its
        // length means nothing.
        let a = QName::new("urn:codes", "a").with_prefix("k");
        assert_eq!(check(&a), Vec::<String>::new());
        // The schema's prefix bound to another namespace: another value.
        let other = QName::new("urn:other", "a").with_prefix("c");
        assert_eq!(
            check(&other),
            [
                r#"/@code: "c:a" (local name "a" in namespace "urn:other") is not one of the enumerated values "c:a", "b", "undeclared:z""#
            ]
        );
        // An unprefixed name in no namespace, which the pattern refuses.
        let errors = {
            let mut out = Violations::default();
            qnames(&mut out, "", &CODE, &[CODES], &[QName::new("", "b")]);
            out
        };
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].constraint, Constraint::Pattern);
        // A value whose prefix the schema did not declare matches its text.
        let z = QName::new("urn:any", "z").with_prefix("undeclared");
        assert_eq!(check(&z), Vec::<String>::new());
        // Every step holds.
        let mut out = Violations::default();
        qnames(
            &mut out,
            "x",
            &CODE,
            &[CODES, &CODES[..1]],
            Some(&QName::new("urn:codes", "z").with_prefix("c")),
        );
        let constraints: Vec<Constraint> = out.iter().map(|v| v.constraint).collect();
        assert_eq!(
            constraints,
            [Constraint::Enumeration, Constraint::Enumeration]
        );
        assert_eq!(out[1].facet_value, "c:a");
    }

    #[test]
    fn a_document_gives_the_paths_of_its_root() {
        let document = crate::Instance::new(Tree {
            leaves: vec![],
            inner: None,
        });
        let errors = document.validate().unwrap_err();
        assert_eq!(errors[0].path(), "/Tree/Leaf");
    }
}
