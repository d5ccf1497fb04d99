//! Writing: the event [`Sink`] the generated writers write to, the
//! [`Writer`] that turns events into XML text (namespace prefixes and
//! declarations, escaping), and the helpers the generated writers call.
//!
//! A generated writer ([`WriteXml::write_xml`]) is called once its
//! element's start tag is started: it adds the attributes, then writes the
//! children and text; the caller ends the element. Names are a namespace
//! URI and a local name, the empty string standing for no namespace; the
//! [`Writer`] picks the prefixes and declares what is needed, so the
//! generated code never deals with them.

use std::borrow::Cow;

use crate::error::{Error, Result};
use crate::lexical::Lexical;
use crate::simple::SimpleType;

/// The namespace the `xml:` prefix is bound to in every document.
pub const XML_NAMESPACE: &str = "http://www.w3.org/XML/1998/namespace";

/// Where the events of a document go: the counterpart of
/// [`Source`](crate::Source) for writing.
///
/// Prefixes given to [`start`](Sink::start) and
/// [`attribute`](Sink::attribute) are wishes (to keep a document's own
/// prefixes on a round trip): the sink uses them where they are free, and
/// is free to choose otherwise.
pub trait Sink {
    /// Starts an element (its start tag stays open for declarations and
    /// attributes until the first child, text or end).
    fn start(&mut self, namespace: &str, local: &str, prefix: Option<&str>) -> Result<()>;

    /// Declares `prefix` (`None`: the default namespace) for `namespace` on
    /// the element just started.
    fn declare(&mut self, prefix: Option<&str>, namespace: &str) -> Result<()>;

    /// Adds an attribute to the element just started.
    fn attribute(
        &mut self,
        namespace: &str,
        local: &str,
        prefix: Option<&str>,
        value: &str,
    ) -> Result<()>;

    /// Writes text in the current element.
    fn text(&mut self, text: &str) -> Result<()>;

    /// Ends the current element.
    fn end(&mut self) -> Result<()>;

    /// The text of QName `{namespace}local` in a value of the element just
    /// started (an attribute's, or its text), with a prefix bound to
    /// `namespace` there: `prefix` (the one it was read with) where it is
    /// bound to it or can be declared, else one in scope, else a new one,
    /// declared on the element. An unprefixed name stands for the default
    /// namespace's (for no namespace where none is declared).
    ///
    /// This default declares `prefix` (and fails for a name with no prefix
    /// in a namespace); the [`Writer`] knows what is in scope.
    fn qualified_name(
        &mut self,
        namespace: &str,
        local: &str,
        prefix: Option<&str>,
    ) -> Result<String> {
        match prefix {
            _ if namespace == XML_NAMESPACE => Ok(format!("xml:{local}")),
            Some(p) => {
                self.declare(Some(p), namespace)?;
                Ok(format!("{p}:{local}"))
            }
            None if namespace.is_empty() => Ok(local.to_string()),
            None => Err(Error::write(format!(
                "this sink cannot choose a prefix for the QName {{{namespace}}}{local}"
            ))),
        }
    }
}

/// A type written as an element: its attributes and content.
///
/// The generated structs implement it; so does every [`SimpleType`] (its
/// element holds the value's text).
pub trait WriteXml {
    /// Writes the attributes and the content of the element whose start tag
    /// `sink` has just started (the caller ends it).
    fn write_xml(&self, sink: &mut dyn Sink) -> Result<()>;
}

impl<T: SimpleType> WriteXml for T {
    fn write_xml(&self, sink: &mut dyn Sink) -> Result<()> {
        let text = self.to_text_in(sink)?;
        sink.text(&text)
    }
}

/// Writes child element `{namespace}local` holding `value`.
pub fn child<T: WriteXml + ?Sized>(
    sink: &mut dyn Sink,
    namespace: &str,
    local: &str,
    value: &T,
) -> Result<()> {
    sink.start(namespace, local, None)?;
    value.write_xml(sink).map_err(|e| e.at(local))?;
    sink.end()
}

/// Writes child element `{namespace}local` if there is a value.
pub fn child_opt<T: WriteXml + ?Sized>(
    sink: &mut dyn Sink,
    namespace: &str,
    local: &str,
    value: Option<&T>,
) -> Result<()> {
    match value {
        Some(value) => child(sink, namespace, local, value),
        None => Ok(()),
    }
}

/// Writes a child element `{namespace}local` for each value.
pub fn children<'a, T: WriteXml + ?Sized + 'a>(
    sink: &mut dyn Sink,
    namespace: &str,
    local: &str,
    values: impl IntoIterator<Item = &'a T>,
) -> Result<()> {
    values
        .into_iter()
        .try_for_each(|value| child(sink, namespace, local, value))
}

/// Writes `value` as its own element: a document's root (or a SOAP body's).
pub fn root<T: crate::Root>(sink: &mut dyn Sink, value: &T) -> Result<()> {
    let (namespace, local) = value.root_name();
    sink.start(namespace, local, None)?;
    value.write_xml(sink)?;
    sink.end()
}

/// Writes the text of a nillable element, if it is not nil.
pub fn text_opt<T: WriteXml + ?Sized>(sink: &mut dyn Sink, value: Option<&T>) -> Result<()> {
    match value {
        Some(value) => value.write_xml(sink),
        None => Ok(()),
    }
}

/// Adds attribute `{namespace}local` with `value`.
pub fn attribute<T: SimpleType>(
    sink: &mut dyn Sink,
    namespace: &str,
    local: &str,
    value: &T,
) -> Result<()> {
    let text = value.to_text_in(sink)?;
    sink.attribute(namespace, local, None, &text)
}

/// Adds attribute `{namespace}local` if there is a value.
pub fn attribute_opt<T: SimpleType>(
    sink: &mut dyn Sink,
    namespace: &str,
    local: &str,
    value: Option<&T>,
) -> Result<()> {
    match value {
        Some(value) => attribute(sink, namespace, local, value),
        None => Ok(()),
    }
}

/// Writes child element `{namespace}local` holding `value`, a value of
/// member `member` of a struct whose [`Lexical`] record is `lexical`: in
/// the text it was read from, while it is the value it was read as.
pub fn child_kept<T: SimpleType>(
    sink: &mut dyn Sink,
    namespace: &str,
    local: &str,
    value: &T,
    lexical: &Lexical,
    member: u32,
) -> Result<()> {
    kept_child(sink, namespace, local, value, lexical, member, 0)
}

fn kept_child<T: SimpleType>(
    sink: &mut dyn Sink,
    namespace: &str,
    local: &str,
    value: &T,
    lexical: &Lexical,
    member: u32,
    index: usize,
) -> Result<()> {
    sink.start(namespace, local, None)?;
    sink.text(&lexical.text(member, index, value))
        .map_err(|e| e.at(local))?;
    sink.end()
}

/// [`child_kept`], if there is a value.
pub fn child_opt_kept<T: SimpleType>(
    sink: &mut dyn Sink,
    namespace: &str,
    local: &str,
    value: Option<&T>,
    lexical: &Lexical,
    member: u32,
) -> Result<()> {
    match value {
        Some(value) => kept_child(sink, namespace, local, value, lexical, member, 0),
        None => Ok(()),
    }
}

/// [`child_kept`], for each value (value `i` of the member).
pub fn children_kept<T: SimpleType>(
    sink: &mut dyn Sink,
    namespace: &str,
    local: &str,
    values: &[T],
    lexical: &Lexical,
    member: u32,
) -> Result<()> {
    values
        .iter()
        .enumerate()
        .try_for_each(|(i, value)| kept_child(sink, namespace, local, value, lexical, member, i))
}

/// Adds attribute `{namespace}local` with `value`, in the text it was read
/// from while it is the value it was read as (see [`child_kept`]).
pub fn attribute_kept<T: SimpleType>(
    sink: &mut dyn Sink,
    namespace: &str,
    local: &str,
    value: &T,
    lexical: &Lexical,
    member: u32,
) -> Result<()> {
    sink.attribute(namespace, local, None, &lexical.text(member, 0, value))
}

/// [`attribute_kept`], if there is a value.
pub fn attribute_opt_kept<T: SimpleType>(
    sink: &mut dyn Sink,
    namespace: &str,
    local: &str,
    value: Option<&T>,
    lexical: &Lexical,
    member: u32,
) -> Result<()> {
    match value {
        Some(value) => attribute_kept(sink, namespace, local, value, lexical, member),
        None => Ok(()),
    }
}

/// Writes the text of a simple-content element, in the text it was read
/// from while it is the value it was read as (see [`child_kept`]).
pub fn text_kept<T: SimpleType>(
    sink: &mut dyn Sink,
    value: &T,
    lexical: &Lexical,
    member: u32,
) -> Result<()> {
    sink.text(&lexical.text(member, 0, value))
}

/// [`text_kept`], for a nillable element: nothing when it is nil.
pub fn text_opt_kept<T: SimpleType>(
    sink: &mut dyn Sink,
    value: Option<&T>,
    lexical: &Lexical,
    member: u32,
) -> Result<()> {
    match value {
        Some(value) => text_kept(sink, value, lexical, member),
        None => Ok(()),
    }
}

/// Adds the attributes kept by an `xs:anyAttribute` wildcard.
pub fn attributes(sink: &mut dyn Sink, attributes: &[crate::Attribute]) -> Result<()> {
    attributes.iter().try_for_each(|a| a.write(sink))
}

/// Content written without an element of its own: a choice, whose value
/// writes the element of the alternative it holds.
pub trait WriteElements {
    /// Writes the elements of the value.
    fn write_elements(&self, sink: &mut dyn Sink) -> Result<()>;
}

/// Writes the elements of a choice.
pub fn elements<T: WriteElements + ?Sized>(sink: &mut dyn Sink, value: &T) -> Result<()> {
    value.write_elements(sink)
}

/// Writes the elements of a choice, if there is one.
pub fn elements_opt<T: WriteElements + ?Sized>(
    sink: &mut dyn Sink,
    value: Option<&T>,
) -> Result<()> {
    value.map_or(Ok(()), |value| value.write_elements(sink))
}

/// Writes the elements of each occurrence of a choice.
pub fn elements_all<'a, T: WriteElements + ?Sized + 'a>(
    sink: &mut dyn Sink,
    values: impl IntoIterator<Item = &'a T>,
) -> Result<()> {
    values
        .into_iter()
        .try_for_each(|value| value.write_elements(sink))
}

/// Writes the members of a value in the element just started, attributes
/// first: what a generated [`WriteXml::write_xml`] does, one call per
/// member. Each method writes with the function of this module of the same
/// name, unless an earlier one failed; [`finish`](Self::finish) gives the
/// first error.
///
/// (The generated code calls these instead of each function with `?`: the
/// same work, and the generated EWS bindings compile a tenth faster without
/// the thousands of early returns.)
///
/// ```
/// use xsd_runtime::write::Members;
/// use xsd_runtime::{Sink, WriteXml};
///
/// struct Call {
///     id: String,
///     line: Option<u32>,
/// }
///
/// impl WriteXml for Call {
///     fn write_xml(&self, sink: &mut dyn Sink) -> xsd_runtime::Result<()> {
///         let mut out = Members::new(sink);
///         out.attribute_opt("", "line", self.line.as_ref());
///         out.child("urn:calls", "Id", &self.id);
///         out.finish()
///     }
/// }
/// ```
pub struct Members<'s> {
    sink: &'s mut dyn Sink,
    result: Result<()>,
}

impl std::fmt::Debug for Members<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Members")
            .field("result", &self.result)
            .finish_non_exhaustive()
    }
}

impl<'s> Members<'s> {
    /// Writes into `sink`, whose element has just been started.
    #[inline]
    pub fn new(sink: &'s mut dyn Sink) -> Self {
        Members {
            sink,
            result: Ok(()),
        }
    }

    /// The first error, if a member failed to write.
    #[inline]
    pub fn finish(self) -> Result<()> {
        self.result
    }

    /// Whether a member has failed: the rest are not written.
    #[inline(always)]
    fn failed(&self) -> bool {
        self.result.is_err()
    }

    /// Keeps `result`'s error. (Stored only when it failed: an `Ok` over the
    /// `Ok` is 56 bytes written for nothing, once per member.)
    #[inline(always)]
    fn keep(&mut self, result: Result<()>) {
        if let Err(error) = result {
            self.result = Err(error);
        }
    }

    // No closures here: in a writer of a hundred members, the compiler
    // leaves them out of line, one call per member. The `_opt` methods
    // look at the option first, where the writer is.

    /// [`child`]
    #[inline]
    pub fn child<T: WriteXml + ?Sized>(&mut self, namespace: &str, local: &str, value: &T) {
        if !self.failed() {
            let result = child(self.sink, namespace, local, value);
            self.keep(result);
        }
    }

    /// [`child_opt`]
    #[inline]
    pub fn child_opt<T: WriteXml + ?Sized>(
        &mut self,
        namespace: &str,
        local: &str,
        value: Option<&T>,
    ) {
        if let Some(value) = value {
            self.child(namespace, local, value);
        }
    }

    /// [`children`]
    #[inline]
    pub fn children<'a, T: WriteXml + ?Sized + 'a>(
        &mut self,
        namespace: &str,
        local: &str,
        values: impl IntoIterator<Item = &'a T>,
    ) {
        if !self.failed() {
            let result = children(self.sink, namespace, local, values);
            self.keep(result);
        }
    }

    /// The text of simple content: `value` written in the element itself.
    #[inline]
    pub fn text<T: WriteXml + ?Sized>(&mut self, value: &T) {
        if !self.failed() {
            let result = value.write_xml(self.sink);
            self.keep(result);
        }
    }

    /// [`text_opt`]
    #[inline]
    pub fn text_opt<T: WriteXml + ?Sized>(&mut self, value: Option<&T>) {
        if let Some(value) = value {
            self.text(value);
        }
    }

    /// [`attribute`]
    #[inline]
    pub fn attribute<T: SimpleType>(&mut self, namespace: &str, local: &str, value: &T) {
        if !self.failed() {
            let result = attribute(self.sink, namespace, local, value);
            self.keep(result);
        }
    }

    /// [`attribute_opt`]
    #[inline]
    pub fn attribute_opt<T: SimpleType>(
        &mut self,
        namespace: &str,
        local: &str,
        value: Option<&T>,
    ) {
        if let Some(value) = value {
            self.attribute(namespace, local, value);
        }
    }

    /// [`child_kept`]
    #[inline]
    pub fn child_kept<T: SimpleType>(
        &mut self,
        namespace: &str,
        local: &str,
        value: &T,
        lexical: &Lexical,
        member: u32,
    ) {
        if !self.failed() {
            let result = child_kept(self.sink, namespace, local, value, lexical, member);
            self.keep(result);
        }
    }

    /// [`child_opt_kept`]
    #[inline]
    pub fn child_opt_kept<T: SimpleType>(
        &mut self,
        namespace: &str,
        local: &str,
        value: Option<&T>,
        lexical: &Lexical,
        member: u32,
    ) {
        if let Some(value) = value {
            self.child_kept(namespace, local, value, lexical, member);
        }
    }

    /// [`children_kept`]
    #[inline]
    pub fn children_kept<T: SimpleType>(
        &mut self,
        namespace: &str,
        local: &str,
        values: &[T],
        lexical: &Lexical,
        member: u32,
    ) {
        if !self.failed() {
            let result = children_kept(self.sink, namespace, local, values, lexical, member);
            self.keep(result);
        }
    }

    /// [`attribute_kept`]
    #[inline]
    pub fn attribute_kept<T: SimpleType>(
        &mut self,
        namespace: &str,
        local: &str,
        value: &T,
        lexical: &Lexical,
        member: u32,
    ) {
        if !self.failed() {
            let result = attribute_kept(self.sink, namespace, local, value, lexical, member);
            self.keep(result);
        }
    }

    /// [`attribute_opt_kept`]
    #[inline]
    pub fn attribute_opt_kept<T: SimpleType>(
        &mut self,
        namespace: &str,
        local: &str,
        value: Option<&T>,
        lexical: &Lexical,
        member: u32,
    ) {
        if let Some(value) = value {
            self.attribute_kept(namespace, local, value, lexical, member);
        }
    }

    /// [`text_kept`]
    #[inline]
    pub fn text_kept<T: SimpleType>(&mut self, value: &T, lexical: &Lexical, member: u32) {
        if !self.failed() {
            let result = text_kept(self.sink, value, lexical, member);
            self.keep(result);
        }
    }

    /// [`text_opt_kept`]
    #[inline]
    pub fn text_opt_kept<T: SimpleType>(
        &mut self,
        value: Option<&T>,
        lexical: &Lexical,
        member: u32,
    ) {
        if let Some(value) = value {
            self.text_kept(value, lexical, member);
        }
    }

    /// [`attributes`]
    #[inline]
    pub fn attributes(&mut self, values: &[crate::Attribute]) {
        if !self.failed() && !values.is_empty() {
            let result = attributes(self.sink, values);
            self.keep(result);
        }
    }

    /// [`elements`]
    #[inline]
    pub fn elements<T: WriteElements + ?Sized>(&mut self, value: &T) {
        if !self.failed() {
            let result = value.write_elements(self.sink);
            self.keep(result);
        }
    }

    /// [`elements_opt`]
    #[inline]
    pub fn elements_opt<T: WriteElements + ?Sized>(&mut self, value: Option<&T>) {
        if let Some(value) = value {
            self.elements(value);
        }
    }

    /// [`elements_all`]
    #[inline]
    pub fn elements_all<'a, T: WriteElements + ?Sized + 'a>(
        &mut self,
        values: impl IntoIterator<Item = &'a T>,
    ) {
        if !self.failed() {
            let result = elements_all(self.sink, values);
            self.keep(result);
        }
    }

    /// [`mixed`]: `content` writes the child elements (through a sink of
    /// its own, that puts the text back where it stood).
    #[inline]
    pub fn mixed(
        &mut self,
        text: &[crate::read::MixedText],
        content: impl FnOnce(&mut dyn Sink) -> Result<()>,
    ) {
        if !self.failed() {
            let result = mixed(self.sink, text, content);
            self.keep(result);
        }
    }
}

/// Writes the content of a mixed element: `content` writes its child
/// elements, and each of `text` is written where it stood (before the
/// child element it counts up to, or after the last).
pub fn mixed(
    sink: &mut dyn Sink,
    text: &[crate::read::MixedText],
    content: impl FnOnce(&mut dyn Sink) -> Result<()>,
) -> Result<()> {
    let mut mixed = MixedSink {
        inner: sink,
        text,
        next: 0,
        depth: 0,
        children: 0,
    };
    content(&mut mixed)?;
    // The text after the last child, and any that counts more children
    // than there are (it goes at the end, not lost).
    for t in &text[mixed.next..] {
        mixed.inner.text(&t.text)?;
    }
    Ok(())
}

/// The sink [`mixed`] writes the children through: it counts the child
/// elements and puts the text where it stood.
struct MixedSink<'a> {
    inner: &'a mut dyn Sink,
    text: &'a [crate::read::MixedText],
    next: usize,
    depth: usize,
    children: usize,
}

impl Sink for MixedSink<'_> {
    fn start(&mut self, namespace: &str, local: &str, prefix: Option<&str>) -> Result<()> {
        if self.depth == 0 {
            while let Some(t) = self
                .text
                .get(self.next)
                .filter(|t| t.before <= self.children)
            {
                self.inner.text(&t.text)?;
                self.next += 1;
            }
            self.children += 1;
        }
        self.depth += 1;
        self.inner.start(namespace, local, prefix)
    }

    fn declare(&mut self, prefix: Option<&str>, namespace: &str) -> Result<()> {
        self.inner.declare(prefix, namespace)
    }

    fn attribute(
        &mut self,
        namespace: &str,
        local: &str,
        prefix: Option<&str>,
        value: &str,
    ) -> Result<()> {
        self.inner.attribute(namespace, local, prefix, value)
    }

    fn text(&mut self, text: &str) -> Result<()> {
        self.inner.text(text)
    }

    fn end(&mut self) -> Result<()> {
        self.depth = self.depth.saturating_sub(1);
        self.inner.end()
    }

    fn qualified_name(
        &mut self,
        namespace: &str,
        local: &str,
        prefix: Option<&str>,
    ) -> Result<String> {
        self.inner.qualified_name(namespace, local, prefix)
    }
}

/// Writes `value` in the element just started with an `xsi:type` naming
/// `{namespace}local`, its type, when that is `derived` from the element's
/// declared type, or when the value says it had one (`written`: its own
/// `xsi:type` as read, whose prefix is kept where it can be). The value's
/// own `xsi:type` gives way to it: it may name another type.
pub fn xsi_typed<T: WriteXml + ?Sized>(
    sink: &mut dyn Sink,
    namespace: &str,
    local: &str,
    value: &T,
    derived: bool,
    written: Option<&crate::QName>,
) -> Result<()> {
    if !derived && written.is_none() {
        return value.write_xml(sink);
    }
    let wish = written.and_then(|w| w.prefix.as_deref());
    let name = sink.qualified_name(namespace, local, wish)?;
    sink.attribute(crate::XSI_NAMESPACE, "type", None, &name)?;
    value.write_xml(&mut WithoutXsiType {
        inner: sink,
        depth: 0,
    })
}

/// The sink [`xsi_typed`] writes the value through: it drops the value's
/// own `xsi:type` on the element itself.
struct WithoutXsiType<'a> {
    inner: &'a mut dyn Sink,
    depth: usize,
}

impl Sink for WithoutXsiType<'_> {
    fn start(&mut self, namespace: &str, local: &str, prefix: Option<&str>) -> Result<()> {
        self.depth += 1;
        self.inner.start(namespace, local, prefix)
    }

    fn declare(&mut self, prefix: Option<&str>, namespace: &str) -> Result<()> {
        self.inner.declare(prefix, namespace)
    }

    fn attribute(
        &mut self,
        namespace: &str,
        local: &str,
        prefix: Option<&str>,
        value: &str,
    ) -> Result<()> {
        if self.depth == 0 && namespace == crate::XSI_NAMESPACE && local == "type" {
            return Ok(());
        }
        self.inner.attribute(namespace, local, prefix, value)
    }

    fn text(&mut self, text: &str) -> Result<()> {
        self.inner.text(text)
    }

    fn end(&mut self) -> Result<()> {
        self.depth = self.depth.saturating_sub(1);
        self.inner.end()
    }

    fn qualified_name(
        &mut self,
        namespace: &str,
        local: &str,
        prefix: Option<&str>,
    ) -> Result<String> {
        self.inner.qualified_name(namespace, local, prefix)
    }
}

/// Where the [`Writer`]'s text goes.
pub trait Output {
    /// Appends `text` (markup, already escaped).
    fn write_str(&mut self, text: &str) -> Result<()>;
}

impl Output for String {
    fn write_str(&mut self, text: &str) -> Result<()> {
        self.push_str(text);
        Ok(())
    }
}

impl Output for Vec<u8> {
    fn write_str(&mut self, text: &str) -> Result<()> {
        self.extend_from_slice(text.as_bytes());
        Ok(())
    }
}

impl<O: Output + ?Sized> Output for &mut O {
    fn write_str(&mut self, text: &str) -> Result<()> {
        (**self).write_str(text)
    }
}

/// A namespace binding in scope: `prefix` (empty for the default namespace)
/// to `namespace` (empty: no default namespace).
#[derive(Debug)]
struct Binding {
    prefix: Box<str>,
    namespace: Box<str>,
}

/// An open element: where its bindings and its qualified name start.
#[derive(Debug)]
struct Frame {
    bindings: usize,
    name: usize,
}

/// The [`Sink`] that writes XML text to an [`Output`]: it chooses prefixes,
/// declares namespaces where they are first needed, and escapes text and
/// attribute values so that a reader gets back exactly what was written
/// (a carriage return in text, a tab or line feed in an attribute value are
/// written as character references: XML's normalization would turn them
/// into something else).
///
/// An element in a namespace that is not in scope declares it as the
/// default namespace (`<Disconnect xmlns="...">`); an element in no
/// namespace under a default one undeclares it (`xmlns=""`); an attribute in
/// a namespace takes a prefix bound to it, or declares one (the one wished
/// for, else `ns1`, `ns2`, ...). A character XML 1.0 cannot hold (a control
/// character other than tab, line feed and carriage return) is an error.
#[derive(Debug)]
pub struct Writer<O: Output> {
    out: O,
    /// Whether the last start tag is still open (`<a x="1"` without `>`).
    open: bool,
    /// Whether the open start tag's own name is unprefixed in the default
    /// namespace: it can take a prefix, so that an unprefixed QName value
    /// may have the default namespace declared for it.
    renamable: bool,
    s: Scratch,
}

/// The buffers of a [`Writer`] (see [`Scratch`]).
#[derive(Debug, Default)]
struct Buffers {
    bindings: Vec<Binding>,
    frames: Vec<Frame>,
    /// The qualified names of the open elements, one after the other.
    names: String,
    /// Scratch space for escaping.
    buf: String,
    /// The attributes of the open start tag: `namespace \0 local \0 value \0`.
    attributes: String,
    /// The prefixes the open start tag's names and QName values use (`""`:
    /// the default namespace), each followed by `\0`: a prefix declared on
    /// the element must not change what they mean.
    used: String,
    /// The open start tag, written out when it closes (a QName value may
    /// still change its name's prefix and its declarations).
    tag: String,
}

impl Buffers {
    /// What a dropped writer's buffers may hold, in bytes, to be kept.
    const KEEP: usize = 64 * 1024;

    const EMPTY: Buffers = Buffers {
        bindings: Vec::new(),
        frames: Vec::new(),
        names: String::new(),
        buf: String::new(),
        attributes: String::new(),
        used: String::new(),
        tag: String::new(),
    };

    fn bytes(&self) -> usize {
        self.bindings.capacity() * size_of::<Binding>()
            + self.frames.capacity() * size_of::<Frame>()
            + self.names.capacity()
            + self.buf.capacity()
            + self.attributes.capacity()
            + self.used.capacity()
            + self.tag.capacity()
    }
}

/// A [`Writer`]'s buffers, kept for the next one on the same thread when
/// it is dropped (unless they grew large): a document written whole then
/// costs no allocation of the writer's own. (The buffers themselves have no
/// `Drop`: dropping the ones a kept set replaces keeps nothing.)
#[derive(Debug)]
struct Scratch(Buffers);

impl Scratch {
    /// The buffers the last writer dropped on this thread left, or new ones.
    fn take() -> Scratch {
        Scratch(SPARE.with(std::cell::Cell::take))
    }
}

impl std::ops::Deref for Scratch {
    type Target = Buffers;

    fn deref(&self) -> &Buffers {
        &self.0
    }
}

impl std::ops::DerefMut for Scratch {
    fn deref_mut(&mut self) -> &mut Buffers {
        &mut self.0
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        if self.0.bytes() > Buffers::KEEP {
            return;
        }
        let mut kept = std::mem::take(&mut self.0);
        kept.bindings.clear();
        kept.frames.clear();
        kept.names.clear();
        kept.buf.clear();
        kept.attributes.clear();
        kept.used.clear();
        kept.tag.clear();
        SPARE.with(|spare| spare.set(kept));
    }
}

thread_local! {
    /// The buffers of the last writer dropped on this thread.
    static SPARE: std::cell::Cell<Buffers> = const { std::cell::Cell::new(Buffers::EMPTY) };
}

impl<O: Output> Writer<O> {
    /// A writer appending to `out`.
    pub fn new(out: O) -> Self {
        Writer {
            out,
            open: false,
            renamable: false,
            s: Scratch::take(),
        }
    }

    /// The output, once every element is ended.
    pub fn into_inner(self) -> O {
        self.out
    }

    /// The output so far.
    pub fn get_ref(&self) -> &O {
        &self.out
    }

    /// How many elements are open.
    pub fn depth(&self) -> usize {
        self.s.frames.len()
    }

    /// Writes `text` as it is (markup: an XML declaration, say).
    pub fn write_raw(&mut self, text: &str) -> Result<()> {
        self.close_start()?;
        self.out.write_str(text)
    }

    /// The namespace bound to `prefix` (`""`: the default namespace) in scope.
    fn lookup(&self, prefix: &str) -> Option<&str> {
        if prefix == "xml" {
            return Some(XML_NAMESPACE);
        }
        self.s
            .bindings
            .iter()
            .rev()
            .find(|b| &*b.prefix == prefix)
            .map(|b| &*b.namespace)
    }

    /// A prefix (not the default namespace) bound to `namespace` in scope,
    /// and not rebound to another namespace further in.
    fn prefix_of(&self, namespace: &str) -> Option<&str> {
        if namespace == XML_NAMESPACE {
            return Some("xml");
        }
        for (i, b) in self.s.bindings.iter().enumerate().rev() {
            if &*b.namespace == namespace
                && !b.prefix.is_empty()
                && !self.s.bindings[i + 1..]
                    .iter()
                    .any(|c| c.prefix == b.prefix)
            {
                return Some(&b.prefix);
            }
        }
        None
    }

    /// Whether the element just started declares `prefix` itself.
    fn declared_here(&self, prefix: &str) -> bool {
        let from = self.s.frames.last().map_or(0, |f| f.bindings);
        self.s.bindings[from..].iter().any(|b| &*b.prefix == prefix)
    }

    fn close_start(&mut self) -> Result<()> {
        if self.open {
            self.open = false;
            self.out.write_str(&self.s.tag)?;
            self.out.write_str(">")?;
        }
        Ok(())
    }

    /// Writes ` xmlns:prefix="namespace"` in the open start tag and binds it.
    fn bind(&mut self, prefix: &str, namespace: &str) -> Result<()> {
        if prefix.is_empty() {
            self.s.tag.push_str(" xmlns=\"");
        } else {
            self.s.tag.push_str(" xmlns:");
            self.s.tag.push_str(prefix);
            self.s.tag.push_str("=\"");
        }
        escape(&mut self.s.tag, namespace, true)?;
        self.s.tag.push('"');
        self.s.bindings.push(Binding {
            prefix: prefix.into(),
            namespace: namespace.into(),
        });
        Ok(())
    }

    /// Makes `namespace` the default namespace on the open start tag, for
    /// an unprefixed QName value: its own name, if unprefixed in the default
    /// namespace, takes a prefix, and the default namespace is declared
    /// (or its declaration there changed). `false` when the start tag is
    /// written, or something on it uses the default namespace.
    fn default_namespace_here(&mut self, namespace: &str) -> Result<bool> {
        if !self.open || self.used_here("") {
            return Ok(false);
        }
        if self.renamable {
            let name = self.s.frames.last().expect("a start tag is open").name;
            let own = self.lookup("").unwrap_or("").to_string();
            let p = match self.prefix_of(&own) {
                Some(p) => p.to_string(),
                None => {
                    let p = self.new_prefix(None);
                    self.bind(&p, &own)?;
                    p
                }
            };
            self.s.names.insert(name, ':');
            self.s.names.insert_str(name, &p);
            // `<local` becomes `<p:local`.
            self.s.tag.insert(1, ':');
            self.s.tag.insert_str(1, &p);
            self.renamable = false;
            self.use_prefix(&p);
        }
        if self.declared_here("") {
            // The start tag's one ` xmlns="..."` (a `"` in a value is
            // escaped): changed in place.
            let at = self
                .s
                .tag
                .find(" xmlns=\"")
                .expect("the declaration is written");
            let end = at
                + 8
                + self.s.tag[at + 8..]
                    .find('"')
                    .expect("the declaration ends");
            let mut value = String::new();
            escape(&mut value, namespace, true)?;
            self.s.tag.replace_range(at + 8..end, &value);
            let from = self.s.frames.last().map_or(0, |f| f.bindings);
            if let Some(b) = self.s.bindings[from..]
                .iter_mut()
                .find(|b| b.prefix.is_empty())
            {
                b.namespace = namespace.into();
            }
        } else {
            self.bind("", namespace)?;
        }
        self.use_prefix("");
        Ok(true)
    }

    /// Whether a name or value on the open start tag uses `prefix`.
    fn used_here(&self, prefix: &str) -> bool {
        self.s.used.split_terminator('\0').any(|p| p == prefix)
    }

    fn use_prefix(&mut self, prefix: &str) {
        if !self.used_here(prefix) {
            self.s.used.push_str(prefix);
            self.s.used.push('\0');
        }
    }

    /// Whether `prefix` can be declared on the open start tag: not declared
    /// there already, and used by none of its names and values.
    fn free_here(&self, prefix: &str) -> bool {
        !prefix.is_empty()
            && prefix != "xml"
            && prefix != "xmlns"
            && !self.declared_here(prefix)
            && !self.used_here(prefix)
    }

    /// A prefix to declare for a namespace on the current element: `wish`
    /// if it is free here, else `ns1`, `ns2`, ...
    fn new_prefix(&self, wish: Option<&str>) -> String {
        if let Some(wish) = wish.filter(|w| self.free_here(w)) {
            return wish.to_string();
        }
        (1..)
            .map(|n| format!("ns{n}"))
            .find(|p| self.free_here(p) && self.lookup(p).is_none())
            .expect("an unbounded range has a free prefix")
    }
}

impl<O: Output> Sink for Writer<O> {
    fn start(&mut self, namespace: &str, local: &str, prefix: Option<&str>) -> Result<()> {
        self.close_start()?;
        let default = self.lookup("").unwrap_or("");
        // The prefix to write, and the declaration it needs (if any).
        let (use_prefix, declare): (String, Option<String>) = if namespace.is_empty() {
            let undeclare = !default.is_empty();
            (String::new(), undeclare.then(String::new))
        } else {
            match prefix.filter(|p| !p.is_empty()) {
                Some(p) if self.lookup(p) == Some(namespace) => (p.to_string(), None),
                Some(p) if p != "xml" && p != "xmlns" => (p.to_string(), Some(p.to_string())),
                _ if default == namespace => (String::new(), None),
                _ => match self.prefix_of(namespace).filter(|_| prefix.is_none()) {
                    Some(p) => (p.to_string(), None),
                    None => (String::new(), Some(String::new())),
                },
            }
        };
        let name_start = self.s.names.len();
        if !use_prefix.is_empty() {
            self.s.names.push_str(&use_prefix);
            self.s.names.push(':');
        }
        self.s.names.push_str(local);
        let s = &mut *self.s;
        s.frames.push(Frame {
            bindings: s.bindings.len(),
            name: name_start,
        });
        s.tag.clear();
        s.tag.push('<');
        s.tag.push_str(&s.names[name_start..]);
        self.open = true;
        self.s.attributes.clear();
        self.s.used.clear();
        // An unprefixed name in no namespace needs the default undeclared;
        // one in the default namespace could take a prefix.
        self.renamable = use_prefix.is_empty() && !namespace.is_empty();
        if !self.renamable {
            self.use_prefix(&use_prefix);
        }
        if let Some(p) = declare {
            self.bind(&p, namespace)?;
        }
        Ok(())
    }

    fn declare(&mut self, prefix: Option<&str>, namespace: &str) -> Result<()> {
        if !self.open {
            return Err(Error::write("a namespace declaration outside a start tag"));
        }
        let prefix = prefix.unwrap_or("");
        if prefix == "xml" || prefix == "xmlns" || self.lookup(prefix) == Some(namespace) {
            return Ok(());
        }
        if self.declared_here(prefix) {
            return Err(Error::write(format!(
                "the prefix {prefix:?} is declared twice on one element"
            )));
        }
        self.bind(prefix, namespace)
    }

    fn attribute(
        &mut self,
        namespace: &str,
        local: &str,
        prefix: Option<&str>,
        value: &str,
    ) -> Result<()> {
        if !self.open {
            return Err(Error::write(format!(
                "attribute {local} written outside a start tag"
            )));
        }
        // An attribute written twice (a value that keeps what another
        // already wrote): once, if the values agree; else no XML.
        if let Some(at) = self.s.attributes.split_terminator('\u{1}').find_map(|a| {
            a.strip_prefix(namespace)?
                .strip_prefix('\0')?
                .strip_prefix(local)?
                .strip_prefix('\0')
        }) {
            if at == value {
                return Ok(());
            }
            return Err(Error::write(format!(
                "attribute {local} written twice, with two values"
            )));
        }
        for part in [namespace, "\0", local, "\0", value, "\u{1}"] {
            self.s.attributes.push_str(part);
        }
        let qualified: Cow<'_, str> = if namespace.is_empty() {
            Cow::Borrowed(local)
        } else {
            let bound = match prefix.filter(|p| self.lookup(p) == Some(namespace)) {
                Some(p) => Some(p.to_string()),
                None => self.prefix_of(namespace).map(str::to_string),
            };
            let p = match bound {
                Some(p) => p,
                None => {
                    // The prefixes everyone writes for XML Schema's instance
                    // attributes, when no other is wished for.
                    let wish = prefix.or((namespace == crate::XSI_NAMESPACE).then_some("xsi"));
                    let p = self.new_prefix(wish);
                    self.bind(&p, namespace)?;
                    p
                }
            };
            self.use_prefix(&p);
            Cow::Owned(format!("{p}:{local}"))
        };
        self.s.tag.push(' ');
        self.s.tag.push_str(&qualified);
        self.s.tag.push_str("=\"");
        escape(&mut self.s.tag, value, true)?;
        self.s.tag.push('"');
        Ok(())
    }

    fn text(&mut self, text: &str) -> Result<()> {
        if text.is_empty() {
            return Ok(());
        }
        self.close_start()?;
        self.s.buf.clear();
        escape(&mut self.s.buf, text, false)?;
        self.out.write_str(&self.s.buf)
    }

    fn end(&mut self) -> Result<()> {
        let frame = self
            .s
            .frames
            .pop()
            .ok_or_else(|| Error::write("an end tag with no element open"))?;
        if self.open {
            self.open = false;
            self.out.write_str(&self.s.tag)?;
            self.out.write_str("/>")?;
        } else {
            self.out.write_str("</")?;
            self.out.write_str(&self.s.names[frame.name..])?;
            self.out.write_str(">")?;
        }
        self.s.names.truncate(frame.name);
        self.s.bindings.truncate(frame.bindings);
        Ok(())
    }

    /// Unprefixed as it was read (or in no namespace, which only an
    /// unprefixed name can be): under a default namespace that is its
    /// namespace, declared on the element if need be (the element's own
    /// name then taking a prefix). Prefixed: with the prefix it was read
    /// with, where that is bound to `namespace` or free on the element.
    /// Else a prefix in scope, else a new one declared on the element.
    fn qualified_name(
        &mut self,
        namespace: &str,
        local: &str,
        prefix: Option<&str>,
    ) -> Result<String> {
        if namespace == XML_NAMESPACE {
            return Ok(format!("xml:{local}"));
        }
        let prefix = prefix.filter(|p| !p.is_empty());
        if prefix.is_none() || namespace.is_empty() {
            if self.lookup("").unwrap_or("") == namespace {
                self.use_prefix("");
                return Ok(local.to_string());
            }
            if self.default_namespace_here(namespace)? {
                return Ok(local.to_string());
            }
            if namespace.is_empty() {
                return Err(Error::write(format!(
                    "the QName {local}, of no namespace, cannot be written where the default namespace is {:?}",
                    self.lookup("").unwrap_or("")
                )));
            }
        }
        let chosen: Option<String> = match prefix {
            Some(p) if self.lookup(p) == Some(namespace) => Some(p.to_string()),
            Some(p) if self.open && self.free_here(p) => {
                self.bind(p, namespace)?;
                Some(p.to_string())
            }
            _ => match self.prefix_of(namespace) {
                Some(p) => Some(p.to_string()),
                None if self.lookup("") == Some(namespace) => Some(String::new()),
                None if self.open => {
                    let p = self.new_prefix(prefix);
                    self.bind(&p, namespace)?;
                    Some(p)
                }
                None => None,
            },
        };
        let Some(p) = chosen else {
            return Err(Error::write(format!(
                "no prefix is bound to {namespace:?} for the QName {local}, and the start tag is written"
            )));
        };
        self.use_prefix(&p);
        Ok(if p.is_empty() {
            local.to_string()
        } else {
            format!("{p}:{local}")
        })
    }
}

/// How each ASCII byte is written: as is (0), escaped in text and
/// attribute values (1), in attribute values only (2), or never (3: a
/// control character XML 1.0 cannot hold).
const CLASS: [u8; 128] = {
    let mut class = [0u8; 128];
    let mut b = 0;
    while b < 0x20 {
        class[b] = 3;
        b += 1;
    }
    class[b'\t' as usize] = 2;
    class[b'\n' as usize] = 2;
    class[b'\r' as usize] = 1;
    class[b'&' as usize] = 1;
    class[b'<' as usize] = 1;
    class[b'>' as usize] = 1;
    class[b'"' as usize] = 2;
    class
};

/// Appends `text` to `out`, escaped for text (`attribute`: for an attribute
/// value in double quotes).
pub fn escape(out: &mut String, text: &str, attribute: bool) -> Result<()> {
    let bytes = text.as_bytes();
    let mut run = 0;
    for (i, &b) in bytes.iter().enumerate() {
        let class = if b < 0x80 { CLASS[b as usize] } else { 0 };
        let replace = match class {
            0 => {
                // U+FFFE and U+FFFF are not XML characters either.
                if b == 0xEF && matches!(bytes.get(i + 1..i + 3), Some([0xBF, 0xBE | 0xBF])) {
                    return Err(not_xml(&text[i..]));
                }
                continue;
            }
            2 if !attribute => continue,
            3 => return Err(not_xml(&text[i..])),
            _ => match b {
                b'&' => "&amp;",
                b'<' => "&lt;",
                b'>' => "&gt;",
                b'"' => "&quot;",
                b'\t' => "&#x9;",
                b'\n' => "&#xA;",
                _ => "&#xD;",
            },
        };
        out.push_str(&text[run..i]);
        out.push_str(replace);
        run = i + 1;
    }
    out.push_str(&text[run..]);
    Ok(())
}

fn not_xml(at: &str) -> Error {
    let c = at.chars().next().unwrap_or('\0');
    Error::write(format!(
        "the character U+{:04X} cannot be written in XML 1.0",
        u32::from(c)
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(f: impl FnOnce(&mut Writer<String>) -> Result<()>) -> String {
        let mut w = Writer::new(String::new());
        f(&mut w).unwrap();
        assert_eq!(w.depth(), 0);
        w.into_inner()
    }

    #[test]
    fn members_stop_at_the_first_error_and_finish_gives_it() {
        let mut w = Writer::new(String::new());
        w.start("urn:a", "r", None).unwrap();
        let mut out = Members::new(&mut w);
        out.attribute("", "n", &1u8);
        out.child("urn:a", "a", &"fine".to_string());
        // A character XML 1.0 cannot hold.
        out.child("urn:a", "b", &"\u{1}".to_string());
        out.child("urn:a", "c", &"never written".to_string());
        let error = out.finish().unwrap_err();
        assert!(error.to_string().contains('b'), "{error}");
        let xml = w.into_inner();
        assert!(
            xml.starts_with(r#"<r xmlns="urn:a" n="1"><a>fine</a><b>"#),
            "{xml}"
        );
        assert!(!xml.contains("<c>"), "{xml}");
    }

    #[test]
    fn a_writer_dropped_halfway_leaves_nothing_to_the_next_one() {
        // Its buffers go to the next writer on this thread: open elements,
        // declarations, an open start tag with an attribute.
        let mut w = Writer::new(String::new());
        w.start("urn:a", "a", Some("p")).unwrap();
        w.start("urn:b", "b", None).unwrap();
        w.attribute("", "x", None, "1").unwrap();
        drop(w);
        let xml = write(|w| {
            w.start("urn:c", "c", None)?;
            w.start("urn:c", "d", None)?;
            w.end()?;
            w.end()
        });
        assert_eq!(xml, r#"<c xmlns="urn:c"><d/></c>"#);
    }

    #[test]
    fn an_element_declares_its_namespace_as_the_default() {
        let xml = write(|w| {
            w.start("urn:m", "Disconnect", None)?;
            w.start("urn:m", "CallId", None)?;
            w.text("a<b>&c")?;
            w.end()?;
            w.end()
        });
        assert_eq!(
            xml,
            r#"<Disconnect xmlns="urn:m"><CallId>a&lt;b&gt;&amp;c</CallId></Disconnect>"#
        );
    }

    #[test]
    fn unqualified_children_undeclare_the_default() {
        let xml = write(|w| {
            w.start("urn:m", "a", None)?;
            w.start("", "b", None)?;
            w.start("", "c", None)?;
            w.end()?;
            w.end()?;
            w.start("urn:t", "d", None)?;
            w.start("urn:t", "e", None)?;
            w.end()?;
            w.end()?;
            w.end()
        });
        assert_eq!(
            xml,
            r#"<a xmlns="urn:m"><b xmlns=""><c/></b><d xmlns="urn:t"><e/></d></a>"#
        );
    }

    #[test]
    fn prefixes_are_kept_where_free_and_attributes_get_one() {
        let xml = write(|w| {
            w.start("urn:m", "a", Some("m"))?;
            w.attribute("urn:t", "x", Some("t"), "1")?;
            w.attribute("urn:m", "y", None, "2")?;
            w.attribute("urn:u", "z", None, "3")?;
            w.attribute(XML_NAMESPACE, "lang", None, "en")?;
            w.attribute("", "plain", None, "4")?;
            w.start("urn:t", "b", None)?;
            w.end()?;
            w.end()
        });
        assert_eq!(
            xml,
            r#"<m:a xmlns:m="urn:m" xmlns:t="urn:t" t:x="1" m:y="2" xmlns:ns1="urn:u" ns1:z="3" xml:lang="en" plain="4"><t:b/></m:a>"#
        );
    }

    #[test]
    fn a_prefix_rebound_further_in_is_not_used() {
        let xml = write(|w| {
            w.start("urn:a", "r", Some("p"))?;
            w.start("urn:b", "s", Some("p"))?;
            w.attribute("urn:a", "x", None, "1")?;
            w.end()?;
            w.end()
        });
        assert_eq!(
            xml,
            r#"<p:r xmlns:p="urn:a"><p:s xmlns:p="urn:b" xmlns:ns1="urn:a" ns1:x="1"/></p:r>"#
        );
    }

    #[test]
    fn values_are_escaped_so_a_reader_sees_them_exactly() {
        let xml = write(|w| {
            w.start("", "a", None)?;
            w.attribute("", "v", None, "tab\there\nline\rcr \"q\" <&>")?;
            w.text("cr\r lf\n tab\t ]]> \"q\"")?;
            w.end()
        });
        assert_eq!(
            xml,
            "<a v=\"tab&#x9;here&#xA;line&#xD;cr &quot;q&quot; &lt;&amp;&gt;\">cr&#xD; lf\n tab\t ]]&gt; \"q\"</a>"
        );
    }

    /// `<Note v="...">...</Note>`: a string attribute and text.
    #[derive(Debug, PartialEq)]
    struct Note {
        v: String,
        text: String,
    }

    impl crate::ReadXml for Note {
        fn read_xml<S: crate::Source>(source: &mut S) -> Result<Self> {
            let mut v = None;
            crate::read::attributes(source, |a| crate::read::attribute_into(&mut v, a))?;
            Ok(Note {
                v: crate::read::required_attribute(v, "v", "Note")?,
                text: crate::read::simple(source)?,
            })
        }
    }

    impl WriteXml for Note {
        fn write_xml(&self, sink: &mut dyn Sink) -> Result<()> {
            attribute(sink, "", "v", &self.v)?;
            self.text.write_xml(sink)
        }
    }

    impl crate::Element for Note {
        const NAMESPACE: &'static str = "";
        const LOCAL_NAME: &'static str = "Note";
    }

    #[test]
    fn both_backends_read_back_exactly_what_was_written() {
        let tricky = " a\tb\nc\r\nd\re \"q\" 'a' <&> ]]> \u{85}\u{2028} ";
        let note = Note {
            v: tricky.to_string(),
            text: tricky.to_string(),
        };
        let xml = crate::to_string(&note).unwrap();
        assert_eq!(
            xml,
            "<Note v=\" a&#x9;b&#xA;c&#xD;&#xA;d&#xD;e &quot;q&quot; 'a' &lt;&amp;&gt; ]]&gt; \u{85}\u{2028} \">\
             \u{20}a\tb\nc&#xD;\nd&#xD;e \"q\" 'a' &lt;&amp;&gt; ]]&gt; \u{85}\u{2028} </Note>"
        );
        let quick: Note = crate::from_str(&xml).unwrap();
        let limits = crate::Limits::default();
        let xml_rs: Note =
            crate::xmlrs::from_str_with(&xml, &limits, crate::UnknownContent::Skip).unwrap();
        assert_eq!(quick, note, "quick-xml");
        assert_eq!(xml_rs, note, "xml-rs");
    }

    #[test]
    fn characters_xml_cannot_hold_are_errors() {
        for bad in ["\u{1}", "a\u{1f}", "\u{FFFE}", "x\u{FFFF}"] {
            let mut w = Writer::new(String::new());
            w.start("", "a", None).unwrap();
            let e = w.text(bad).unwrap_err();
            assert!(
                e.to_string().contains("cannot be written in XML 1.0"),
                "{e}"
            );
            assert!(w.attribute("", "v", None, bad).is_err());
        }
        let mut out = String::new();
        escape(&mut out, "é\u{FFFD}\u{10FFFF}", false).unwrap();
        assert_eq!(out, "é\u{FFFD}\u{10FFFF}");
    }

    #[test]
    fn explicit_declarations_are_written_once() {
        let xml = write(|w| {
            w.start("urn:m", "a", Some("m"))?;
            w.declare(Some("m"), "urn:m")?;
            w.declare(Some("q"), "urn:q")?;
            w.declare(None, "urn:d")?;
            w.start("urn:q", "b", None)?;
            w.end()?;
            w.end()
        });
        assert_eq!(
            xml,
            r#"<m:a xmlns:m="urn:m" xmlns:q="urn:q" xmlns="urn:d"><q:b/></m:a>"#
        );
    }

    #[test]
    fn mixed_text_goes_back_where_it_stood() {
        use crate::read::MixedText;
        let text = |before, text: &str| MixedText {
            before,
            text: text.into(),
        };
        let texts = [text(0, "a"), text(1, "b"), text(1, "c"), text(9, "z")];
        let xml = write(|w| {
            w.start("", "p", None)?;
            mixed(w, &texts, |sink| {
                // A child with children of its own counts once.
                sink.start("", "x", None)?;
                sink.start("", "inner", None)?;
                sink.end()?;
                sink.end()?;
                sink.start("", "y", None)?;
                sink.end()
            })?;
            w.end()
        });
        // Text that counts more children than there are still comes out, last.
        assert_eq!(xml, "<p>a<x><inner/></x>bc<y/>z</p>");
    }

    #[test]
    fn an_attribute_written_twice_is_written_once() {
        let xml = write(|w| {
            w.start("", "a", None)?;
            w.attribute(crate::XSI_NAMESPACE, "schemaLocation", None, "u f")?;
            w.attribute("", "x", None, "1")?;
            w.attribute(crate::XSI_NAMESPACE, "schemaLocation", Some("xsi"), "u f")?;
            w.end()
        });
        assert_eq!(
            xml,
            r#"<a xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="u f" x="1"/>"#
        );
        let mut w = Writer::new(String::new());
        w.start("", "a", None).unwrap();
        w.attribute("", "x", None, "1").unwrap();
        assert!(w.attribute("", "x", None, "2").is_err());
    }

    #[test]
    fn misuse_is_an_error_not_bad_xml() {
        let mut w = Writer::new(String::new());
        assert!(w.end().is_err());
        assert!(w.attribute("", "a", None, "1").is_err());
        w.start("", "a", None).unwrap();
        w.declare(Some("p"), "urn:1").unwrap();
        assert!(w.declare(Some("p"), "urn:2").is_err());
    }
}
