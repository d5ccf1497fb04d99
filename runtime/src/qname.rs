//! `xs:QName` values: a namespace and a local name, read by resolving the
//! prefix they are written with against the declarations in scope, and
//! written with a declaration of their prefix where none is in scope.
//!
//! A QName's text means nothing without the namespace declarations around
//! it: `d:i` is `{http://www.nist.gov/xsdNS}i` under
//! `xmlns:d="http://www.nist.gov/xsdNS"` and an error elsewhere, and an
//! unprefixed `i` is in the default namespace where one is declared. So a
//! [`QName`] is read through [`SimpleType::from_text_in`] with the source's
//! [`Namespaces`], and written through [`SimpleType::to_text_in`], which asks
//! the [`Sink`] for a prefix bound to its namespace ([`Sink::qualified_name`]:
//! the one it was read with where that is possible, declared on the element
//! being written when it is not in scope). The same machinery serves any
//! value whose text holds a QName (`xsi:type`): [`QName::read`] and
//! [`QName::write`].

use std::borrow::Cow;
use std::cmp::Ordering;
use std::fmt;
use std::hash::{Hash, Hasher};

use crate::error::{Error, Result};
use crate::simple::SimpleType;
use crate::values::trim_xml;
use crate::write::{Sink, XML_NAMESPACE};

/// The namespace bindings in scope where a value stands: what resolves the
/// prefixes of its QNames. Every [`Source`](crate::Source) is one (at a
/// start tag, for its attributes; at a text, for the element's text).
pub trait Namespaces {
    /// The namespace URI `prefix` is bound to (`None`: the default
    /// namespace), if it is bound; `""` when the default namespace is
    /// undeclared (`xmlns=""`).
    fn namespace_of(&self, prefix: Option<&str>) -> Option<&str>;
}

impl<S: crate::Source + ?Sized> Namespaces for S {
    fn namespace_of(&self, prefix: Option<&str>) -> Option<&str> {
        self.resolve_prefix(prefix)
    }
}

/// No declarations at all (only the `xml` prefix, which is always bound):
/// what [`SimpleType::from_text`] resolves a QName against, outside a
/// document.
#[derive(Clone, Copy, Debug, Default)]
pub struct NoNamespaces;

impl Namespaces for NoNamespaces {
    fn namespace_of(&self, _prefix: Option<&str>) -> Option<&str> {
        None
    }
}

/// An `xs:QName` (or `xs:NOTATION`) value: a namespace and a local name,
/// and the prefix it was written with.
///
/// Its value is the namespace and the local name: two QNames are equal
/// (and hash and order alike) when those are, whatever their prefixes, as
/// XML Schema compares them. The prefix is how it was written; the writer
/// writes it back with it where it can ([`Sink::qualified_name`]).
/// `Display` writes `prefix:local` (or `local`), without the namespace.
#[derive(Clone, Debug, Default)]
pub struct QName {
    /// The namespace URI, `""` for none.
    pub namespace: String,
    /// The local name.
    pub local: String,
    /// The prefix it was written with (`None`: unprefixed, the default
    /// namespace's name or a name in no namespace).
    pub prefix: Option<String>,
}

impl QName {
    /// `{namespace}local`, with no prefix wished for.
    pub fn new(namespace: impl Into<String>, local: impl Into<String>) -> Self {
        QName {
            namespace: namespace.into(),
            local: local.into(),
            prefix: None,
        }
    }

    /// The same name, written with `prefix` where the writer can.
    pub fn with_prefix(mut self, prefix: impl Into<String>) -> Self {
        self.prefix = Some(prefix.into());
        self
    }

    /// Reads the QName `text` (whitespace around it collapsed), its prefix
    /// resolved by `namespaces`: an unprefixed name is in the default
    /// namespace where one is declared, else in none. A prefix that is not
    /// declared is an error.
    pub fn read(text: &str, namespaces: &dyn Namespaces) -> Result<Self> {
        let text = trim_xml(text);
        let (prefix, local) = match text.split_once(':') {
            Some((prefix, local)) => (Some(prefix), local),
            None => (None, text),
        };
        let bad = |why: &str| Err(Error::value(format!("{text:?} is not a QName: {why}")));
        if local.is_empty() || prefix.is_some_and(str::is_empty) {
            return bad("a part is empty");
        }
        if local.contains(':') {
            return bad("it has two colons");
        }
        if text.contains(|c: char| c.is_whitespace()) {
            return bad("it has whitespace inside");
        }
        let namespace = match prefix {
            Some("xml") => XML_NAMESPACE,
            Some(p) => match namespaces.namespace_of(Some(p)) {
                Some(ns) if !ns.is_empty() => ns,
                _ => {
                    return Err(Error::value(format!(
                        "the prefix {p:?} of QName {text:?} is not declared"
                    )));
                }
            },
            None => namespaces.namespace_of(None).unwrap_or(""),
        };
        Ok(QName {
            namespace: namespace.to_string(),
            local: local.to_string(),
            prefix: prefix.map(str::to_string),
        })
    }

    /// The text of the QName where `sink` writes (an attribute's value or
    /// the text of the element it has just started), its prefix declared
    /// there when it is not in scope ([`Sink::qualified_name`]).
    pub fn write(&self, sink: &mut dyn Sink) -> Result<String> {
        sink.qualified_name(&self.namespace, &self.local, self.prefix.as_deref())
    }
}

impl PartialEq for QName {
    fn eq(&self, other: &Self) -> bool {
        self.namespace == other.namespace && self.local == other.local
    }
}

impl Eq for QName {}

impl Hash for QName {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.namespace.hash(state);
        self.local.hash(state);
    }
}

impl PartialOrd for QName {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for QName {
    fn cmp(&self, other: &Self) -> Ordering {
        (&self.namespace, &self.local).cmp(&(&other.namespace, &other.local))
    }
}

impl fmt::Display for QName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(prefix) = &self.prefix {
            write!(f, "{prefix}:")?;
        }
        f.write_str(&self.local)
    }
}

impl SimpleType for QName {
    /// A QName outside a document: only the `xml` prefix is bound, and an
    /// unprefixed name is in no namespace.
    fn from_text(text: &str) -> Result<Self> {
        QName::read(text, &NoNamespaces)
    }

    /// `prefix:local` as it was read, whatever is declared where it goes.
    fn to_text(&self) -> Cow<'_, str> {
        match &self.prefix {
            Some(prefix) => Cow::Owned(format!("{prefix}:{}", self.local)),
            None => Cow::Borrowed(&self.local),
        }
    }

    fn from_text_in(text: &str, namespaces: &dyn Namespaces) -> Result<Self> {
        QName::read(text, namespaces)
    }

    fn to_text_in(&self, sink: &mut dyn Sink) -> Result<Cow<'_, str>> {
        self.write(sink).map(Cow::Owned)
    }
}

#[cfg(test)]
mod tests;
