//! Validation of simple values against their schema's facets: what a
//! generated `validate()` calls for each text field and attribute.
//!
//! A value's constraints are data the generated code holds as a `static`:
//! its built-in type (or list or union of types) and the facets of every
//! restriction step down to it ([`Constraints`], [`Facet`]). A [`Checker`]
//! wraps them and compiles their patterns once, on first use. Checking a
//! text returns every [`Violation`] it finds, not only the first:
//!
//! ```
//! use xsd_runtime::facets::{BuiltinType, Checker, Constraint, Constraints, Facet};
//!
//! // <xs:simpleType name="Price">
//! //   <xs:restriction base="xs:decimal">
//! //     <xs:totalDigits value="5"/>
//! //     <xs:pattern value="\d+\.\d{2}"/>
//! //   </xs:restriction>
//! // </xs:simpleType>
//! static PRICE: Checker = Checker::new(Constraints::atomic(
//!     BuiltinType::Decimal,
//!     &[Facet::TotalDigits(5), Facet::Pattern(&[r"\d+\.\d{2}"])],
//! ));
//!
//! assert!(PRICE.is_valid("123.45"));
//! let violations = PRICE.check("1234.5").unwrap_err();
//! assert_eq!(
//!     violations.iter().map(|v| v.constraint).collect::<Vec<_>>(),
//!     [Constraint::Pattern]
//! );
//! // The generated validate() of the element <Item> adds the path.
//! let violation = PRICE.check("1234.56").unwrap_err().remove(0);
//! assert_eq!(
//!     violation.at("Price").at("Item").to_string(),
//!     r#"/Item/Price: "1234.56" has 6 digits, more than totalDigits 5"#
//! );
//! ```
//!
//! The facets apply as XML Schema 1.0 Part 2 says:
//!
//! - the value is first normalized by its `whiteSpace` (the type's own, or a
//!   stronger one among the facets; every list collapses); the text a field
//!   keeps is the text as written, the facets see the normalized value;
//! - the value must be in its type's lexical space (`abc` is no decimal,
//!   `300` no byte, `2023-02-29` no date), or it is a [`Constraint::Type`]
//!   violation and the facets that need its value are not checked;
//! - `length`, `minLength`, `maxLength` count characters of strings (and of
//!   `anyURI`), octets of `hexBinary` and `base64Binary`, items of lists;
//!   every `QName` and `NOTATION` satisfies them (XSD 1.0 deprecates them
//!   there, XSD 1.1 makes them always true, and so do the NIST tests);
//! - `minInclusive`, `maxInclusive`, `minExclusive`, `maxExclusive` compare
//!   in the type's value space: decimals and integers exactly, at any size
//!   (`00012.3400` is `12.34`); floats with `INF`, `-INF` and `NaN` (NaN is
//!   incomparable); dates and times on the time line, a value with a
//!   timezone and one without being ordered only when they are more than 14
//!   hours apart; durations by adding them to four reference dates (`P1M`
//!   and `P30D` are incomparable). An incomparable value fails the facet;
//! - `totalDigits` and `fractionDigits` count the significant digits of a
//!   decimal (leading and trailing zeros do not count);
//! - `pattern`: XSD's regular expressions (see [`translate_pattern`]) match
//!   the whole value; the patterns of one restriction step are
//!   alternatives ([`Facet::Pattern`] holds them together), and every step
//!   must match;
//! - `enumeration` compares values, not text: `1.0` is the enumerated `1`
//!   of a decimal, `true` is `1`; the values of one step are alternatives,
//!   and every step must hold;
//! - a list's items are each checked against the item type's constraints,
//!   and a union's value must be valid for one of its member types (the
//!   first that accepts it gives its value, for enumerations).
//!
//! Element occurrences and required attributes are checked by the generated
//! code itself, which knows the counts; [`check_occurs`] and
//! [`Violation::required`] make their violations.
//!
//! # Writing the constraints
//!
//! From a value's built-in type and its facets with their restriction step
//! (as `ir::ValueInfo` keeps them): the built-in type by
//! [`BuiltinType::from_xsd`]; per step, one [`Facet::Pattern`] with the
//! step's patterns and one [`Facet::Enumeration`] with its values; each other
//! facet as it is (checked first with [`validate_facet`]). [`Constraints`] is
//! plain data, so that a named simple type can be a `const` that list items
//! and union members refer to; a [`Checker`] holds a lazily compiled cache,
//! so it is a `static` (a `const` would compile its patterns at every use):
//!
//! ```
//! use xsd_runtime::facets::{BuiltinType as B, Checker, Constraints, Facet};
//!
//! // <xs:simpleType name="Code"> a token of 2 to 4 capital letters
//! const CODE: Constraints =
//!     Constraints::atomic(B::Token, &[Facet::Pattern(&["[A-Z]{2,4}"])]);
//! // <xs:list itemType="Code"/> of 1 to 3 items
//! static CODES: Checker =
//!     Checker::new(Constraints::list(&CODE, &[Facet::MinLength(1), Facet::MaxLength(3)]));
//! // <xs:union memberTypes="Code xs:positiveInteger"/>
//! static CODE_OR_NUMBER: Checker = Checker::new(Constraints::union(
//!     &[CODE, Constraints::atomic(B::PositiveInteger, &[])],
//!     &[],
//! ));
//!
//! assert!(CODES.is_valid(" AB  XYZ "));
//! assert_eq!(CODES.check("AB x").unwrap_err()[0].message, r#""x" does not match the pattern [A-Z]{2,4}"#);
//! assert!(CODE_OR_NUMBER.is_valid("12") && !CODE_OR_NUMBER.is_valid("0"));
//! ```

mod blocks;
mod builtin;
mod check;
mod decimal;
mod definition;
mod names;
mod order;
mod pattern;
mod value;
mod violation;

use std::fmt;
use std::sync::OnceLock;

use regex::Regex;

use crate::values::XsdVersion;

pub use builtin::{BuiltinType, WhiteSpace};
pub use pattern::{PatternError, translate_pattern, validate_pattern};
pub use violation::{Constraint, Violation, check_occurs};

/// One constraining facet of a restriction step, as generated code writes it
/// in a `static`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Facet {
    /// `xs:length`: exactly this many characters, octets or items.
    Length(u64),
    /// `xs:minLength`.
    MinLength(u64),
    /// `xs:maxLength`.
    MaxLength(u64),
    /// `xs:minInclusive`, as written: the value must not be less.
    MinInclusive(&'static str),
    /// `xs:maxInclusive`, as written: the value must not be greater.
    MaxInclusive(&'static str),
    /// `xs:minExclusive`, as written: the value must be greater.
    MinExclusive(&'static str),
    /// `xs:maxExclusive`, as written: the value must be less.
    MaxExclusive(&'static str),
    /// `xs:totalDigits`: at most this many significant digits.
    TotalDigits(u32),
    /// `xs:fractionDigits`: at most this many digits after the point
    /// (trailing zeros not counted).
    FractionDigits(u32),
    /// The `xs:pattern`s of one restriction step, as written: the whole
    /// value must match one of them.
    Pattern(&'static [&'static str]),
    /// The `xs:enumeration` values of one restriction step, as written: the
    /// value must equal one of them (in the type's value space).
    Enumeration(&'static [&'static str]),
    /// `xs:whiteSpace`: how the value is normalized before the other facets
    /// apply (the strongest of the type's own and these).
    WhiteSpace(WhiteSpace),
}

impl Facet {
    /// The facet's XSD name (`maxLength`).
    pub fn name(&self) -> &'static str {
        match self {
            Facet::WhiteSpace(_) => "whiteSpace",
            other => other.constraint().map_or("", Constraint::name),
        }
    }

    /// The constraint a value breaks when it fails this facet (`None` for
    /// `whiteSpace`, which normalizes and cannot fail).
    pub fn constraint(&self) -> Option<Constraint> {
        Some(match self {
            Facet::Length(_) => Constraint::Length,
            Facet::MinLength(_) => Constraint::MinLength,
            Facet::MaxLength(_) => Constraint::MaxLength,
            Facet::MinInclusive(_) => Constraint::MinInclusive,
            Facet::MaxInclusive(_) => Constraint::MaxInclusive,
            Facet::MinExclusive(_) => Constraint::MinExclusive,
            Facet::MaxExclusive(_) => Constraint::MaxExclusive,
            Facet::TotalDigits(_) => Constraint::TotalDigits,
            Facet::FractionDigits(_) => Constraint::FractionDigits,
            Facet::Pattern(_) => Constraint::Pattern,
            Facet::Enumeration(_) => Constraint::Enumeration,
            Facet::WhiteSpace(_) => return None,
        })
    }
}

impl fmt::Display for Facet {
    /// The facet's value as written: `2`, the pattern (several joined by
    /// ` | `), the enumerated values joined by `, `.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Facet::Length(n) | Facet::MinLength(n) | Facet::MaxLength(n) => write!(f, "{n}"),
            Facet::TotalDigits(n) | Facet::FractionDigits(n) => write!(f, "{n}"),
            Facet::MinInclusive(v)
            | Facet::MaxInclusive(v)
            | Facet::MinExclusive(v)
            | Facet::MaxExclusive(v) => f.write_str(v),
            Facet::Pattern(patterns) => f.write_str(&patterns.join(" | ")),
            Facet::Enumeration(values) => f.write_str(&values.join(", ")),
            Facet::WhiteSpace(ws) => f.write_str(ws.name()),
        }
    }
}

/// What kind of simple type a value has.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Variety {
    /// A built-in type, or a restriction of one (the built-in list types
    /// `NMTOKENS`, `IDREFS` and `ENTITIES` are checked as lists of their
    /// item type, of at least one item).
    Atomic(BuiltinType),
    /// `xs:list`: whitespace-separated items of the item type.
    List(&'static Constraints),
    /// `xs:union`: a value of one of the member types, tried in order.
    Union(&'static [Constraints]),
}

/// The constraints of a simple type: its variety and the facets of every
/// restriction step from the type down to its variety (the facets of list
/// items and union members are inside [`Variety`]). Plain `const` data:
/// generated code writes it as a literal.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Constraints {
    /// Atomic, list or union.
    pub variety: Variety,
    /// The facets, every one of which must hold.
    pub facets: &'static [Facet],
}

impl Constraints {
    /// A built-in type restricted by `facets`.
    pub const fn atomic(builtin: BuiltinType, facets: &'static [Facet]) -> Self {
        Constraints {
            variety: Variety::Atomic(builtin),
            facets,
        }
    }

    /// A list of `item`, restricted by `facets` (lengths count items).
    pub const fn list(item: &'static Constraints, facets: &'static [Facet]) -> Self {
        Constraints {
            variety: Variety::List(item),
            facets,
        }
    }

    /// A union of `members`, restricted by `facets` (patterns and
    /// enumerations).
    pub const fn union(members: &'static [Constraints], facets: &'static [Facet]) -> Self {
        Constraints {
            variety: Variety::Union(members),
            facets,
        }
    }

    /// Every pattern facet, items' and members' included.
    fn patterns(&self, out: &mut Vec<&'static [&'static str]>) {
        for facet in self.facets {
            if let Facet::Pattern(patterns) = facet {
                if !out.iter().any(|known| std::ptr::eq(*known, *patterns)) {
                    out.push(patterns);
                }
            }
        }
        match self.variety {
            Variety::Atomic(_) => {}
            Variety::List(item) => item.patterns(out),
            Variety::Union(members) => members.iter().for_each(|m| m.patterns(out)),
        }
    }
}

/// A simple type's [`Constraints`] with their patterns compiled (once, on
/// first use, then shared by every thread): what a generated `validate()`
/// checks a value with. Made by a `const fn`, so that it can be a `static`.
pub struct Checker {
    constraints: Constraints,
    compiled: OnceLock<Vec<CompiledPattern>>,
}

/// The patterns of one step, compiled into one regex.
struct CompiledPattern {
    source: &'static [&'static str],
    regex: Result<Regex, PatternError>,
}

impl Checker {
    /// A checker of `constraints`; nothing is compiled yet.
    pub const fn new(constraints: Constraints) -> Self {
        Checker {
            constraints,
            compiled: OnceLock::new(),
        }
    }

    /// The constraints it checks.
    pub fn constraints(&self) -> &Constraints {
        &self.constraints
    }

    /// Checks `text`, a value as written: every violation, in the order of
    /// the facets (list items before the list's own facets).
    pub fn check(&self, text: &str) -> Result<(), Vec<Violation>> {
        let mut out = Vec::new();
        if self.check_into(text, &mut out) {
            Ok(())
        } else {
            Err(out)
        }
    }

    /// Checks `text`, adding each violation to `out`; whether there was none.
    /// Allocates nothing for a valid value (but for decoding base64).
    pub fn check_into(&self, text: &str, out: &mut Vec<Violation>) -> bool {
        self.check_into_as(text, XsdVersion::V1_0, out)
    }

    /// [`check_into`](Self::check_into) by `version`'s rules where XSD 1.0
    /// and 1.1 differ (the years of dates: see [`XsdVersion`]).
    pub fn check_into_as(&self, text: &str, version: XsdVersion, out: &mut Vec<Violation>) -> bool {
        let mut sink = check::Sink::collect(out, version);
        check::check(self.patterns(), text, &self.constraints, &mut sink);
        !sink.failed()
    }

    /// Whether `text` is valid; stops at the first violation.
    pub fn is_valid(&self, text: &str) -> bool {
        let mut sink = check::Sink::probe(XsdVersion::V1_0);
        check::check(self.patterns(), text, &self.constraints, &mut sink);
        !sink.failed()
    }

    /// Compiles every pattern now, rather than on first use; the errors of
    /// those that do not compile.
    pub fn compile(&self) -> Result<(), Vec<PatternError>> {
        let errors: Vec<_> = self
            .patterns()
            .0
            .iter()
            .filter_map(|p| p.regex.as_ref().err().cloned())
            .collect();
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }

    fn patterns(&self) -> check::Patterns<'_> {
        check::Patterns(self.compiled.get_or_init(|| {
            let mut sources = Vec::new();
            self.constraints.patterns(&mut sources);
            sources
                .into_iter()
                .map(|source| CompiledPattern {
                    source,
                    regex: pattern::compile(source),
                })
                .collect()
        }))
    }
}

impl fmt::Debug for Checker {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Checker")
            .field("constraints", &self.constraints)
            .field("compiled", &self.compiled.get().is_some())
            .finish()
    }
}

/// Checks a facet of a built-in type as a generator reads it from a schema,
/// before it writes it as a [`Facet`]: that `name` is a facet the type has
/// and `value` a valid value of it (a pattern that compiles, a bound of the
/// type, a length that is a number, ...).
///
/// ```
/// use xsd_runtime::facets::{validate_facet, BuiltinType};
/// assert!(validate_facet(BuiltinType::Decimal, "maxInclusive", "12.5").is_ok());
/// assert_eq!(
///     validate_facet(BuiltinType::Int, "maxInclusive", "12.5").unwrap_err(),
///     "the maxInclusive value \"12.5\" is not a valid int: expected digits, with an optional sign"
/// );
/// assert!(validate_facet(BuiltinType::Date, "maxLength", "3").is_err());
/// ```
pub fn validate_facet(builtin: BuiltinType, name: &str, value: &str) -> Result<(), String> {
    definition::validate_facet(builtin, name, value)
}

#[cfg(test)]
mod tests;
