//! What validation reports: each broken constraint, with the value, a
//! message and the path to it.

use std::fmt;

/// Which constraint a value breaks: a facet, its type's lexical form, or an
/// occurrence rule of its element or attribute.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum Constraint {
    /// The text is not a value of its built-in type (`"abc"` for an
    /// `xs:decimal`, `"300"` for an `xs:byte`), or, in a union, of any of
    /// its member types.
    Type,
    /// `xs:length`.
    Length,
    /// `xs:minLength`.
    MinLength,
    /// `xs:maxLength`.
    MaxLength,
    /// `xs:pattern`.
    Pattern,
    /// `xs:enumeration`.
    Enumeration,
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
    /// `minOccurs`: an element occurs fewer times than it must.
    MinOccurs,
    /// `maxOccurs`: an element occurs more times than it may.
    MaxOccurs,
    /// `use="required"`: a required attribute is absent.
    Required,
    /// An element does not match its declaration: a wildcard's element,
    /// kept as written, that does not read as the global element of its
    /// name.
    Content,
}

impl Constraint {
    /// The name XSD gives it (`maxLength`, `minOccurs`); `type` for
    /// [`Constraint::Type`], `required` for [`Constraint::Required`],
    /// `content` for [`Constraint::Content`].
    pub fn name(self) -> &'static str {
        match self {
            Constraint::Type => "type",
            Constraint::Length => "length",
            Constraint::MinLength => "minLength",
            Constraint::MaxLength => "maxLength",
            Constraint::Pattern => "pattern",
            Constraint::Enumeration => "enumeration",
            Constraint::MinInclusive => "minInclusive",
            Constraint::MaxInclusive => "maxInclusive",
            Constraint::MinExclusive => "minExclusive",
            Constraint::MaxExclusive => "maxExclusive",
            Constraint::TotalDigits => "totalDigits",
            Constraint::FractionDigits => "fractionDigits",
            Constraint::MinOccurs => "minOccurs",
            Constraint::MaxOccurs => "maxOccurs",
            Constraint::Required => "required",
            Constraint::Content => "content",
        }
    }
}

impl fmt::Display for Constraint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A value that breaks a constraint of its schema: which constraint, with
/// its value as written in the schema; the value found; a message for a
/// person; and where, as the path of elements (and `@attributes`) from the
/// document's root down to it.
///
/// The checks fill in everything but the path; each enclosing `validate()`
/// adds its element's name on the way out ([`Violation::at`],
/// [`Violation::push_path`]), as the readers do with [`Error::at`](crate::Error::at).
/// `Display` gives the path, then the message:
/// `/Order/Item/Code: "abc" is longer than maxLength 2 (3 characters)`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Violation {
    /// The constraint broken.
    pub constraint: Constraint,
    /// Its value as written in the schema: `2` for `maxLength`, the pattern,
    /// the enumerated values separated by `, `; the type's name for
    /// [`Constraint::Type`]; the bound for occurrences.
    pub facet_value: String,
    /// The value found, after whitespace normalization (the facets apply to
    /// it); the number of occurrences for [`Constraint::MinOccurs`] and
    /// [`Constraint::MaxOccurs`].
    pub value: String,
    /// What is wrong, in words: `"abc" is longer than maxLength 2 (3 characters)`.
    pub message: String,
    /// The elements it is inside, innermost first.
    path: Vec<Box<str>>,
}

impl Violation {
    /// A violation of `constraint`, at no path yet.
    pub fn new(
        constraint: Constraint,
        facet_value: impl Into<String>,
        value: impl Into<String>,
        message: impl Into<String>,
    ) -> Self {
        Violation {
            constraint,
            facet_value: facet_value.into(),
            value: value.into(),
            message: message.into(),
            path: Vec::new(),
        }
    }

    /// A required attribute (or element) that is absent; the caller adds
    /// its name to the path (`@id`).
    pub fn required() -> Self {
        Violation::new(
            Constraint::Required,
            "required",
            "",
            "is required, but absent",
        )
    }

    /// The violation, inside the element `name` (or the attribute `@name`):
    /// called by each enclosing `validate()` on the way out, so the path
    /// ends up complete.
    #[must_use]
    pub fn at(mut self, name: &str) -> Self {
        self.push_path(name);
        self
    }

    /// Adds `name` at the outer end of the path, as [`Violation::at`] does,
    /// in place (for `out[start..].iter_mut()`).
    pub fn push_path(&mut self, name: &str) {
        self.path.push(name.into());
    }

    /// The path, from the outermost element: `/Order/Item/@code` (empty for
    /// a value checked by itself).
    pub fn path(&self) -> String {
        self.path
            .iter()
            .rev()
            .fold(String::new(), |mut path, name| {
                path.push('/');
                path.push_str(name);
                path
            })
    }

    /// The elements of the path, outermost first.
    pub fn path_elements(&self) -> impl Iterator<Item = &str> {
        self.path.iter().rev().map(|name| &**name)
    }
}

impl fmt::Display for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if !self.path.is_empty() {
            write!(f, "{}: ", self.path())?;
        }
        f.write_str(&self.message)
    }
}

impl std::error::Error for Violation {}

/// Checks that an element that occurs `count` times may: at least `min`, at
/// most `max` (`None` for unbounded). The caller adds the element's name to
/// the path.
///
/// ```
/// use xsd_runtime::facets::{check_occurs, Constraint};
/// assert!(check_occurs(2, 1, Some(3)).is_none());
/// let v = check_occurs(0, 1, None).unwrap().at("Item").at("Order");
/// assert_eq!(v.constraint, Constraint::MinOccurs);
/// assert_eq!(v.to_string(), "/Order/Item: occurs 0 times, fewer than minOccurs 1");
/// ```
pub fn check_occurs(count: usize, min: u32, max: Option<u32>) -> Option<Violation> {
    let times = |n: usize| {
        if n == 1 {
            "once".to_string()
        } else {
            format!("{n} times")
        }
    };
    if (count as u64) < u64::from(min) {
        return Some(Violation::new(
            Constraint::MinOccurs,
            min.to_string(),
            count.to_string(),
            format!("occurs {}, fewer than minOccurs {min}", times(count)),
        ));
    }
    match max {
        Some(max) if count as u64 > u64::from(max) => Some(Violation::new(
            Constraint::MaxOccurs,
            max.to_string(),
            count.to_string(),
            format!("occurs {}, more than maxOccurs {max}", times(count)),
        )),
        _ => None,
    }
}
