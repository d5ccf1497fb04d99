//! The fast backend: quick-xml's `Reader` over a byte slice, behind the
//! same [`Source`] the generated readers are written against.
//!
//! Names are borrowed from the input, and so are attribute values,
//! namespace URIs and texts that are one run without references or line
//! ends to normalize; the rest is copied into reusable buffers (no
//! allocation per tag once they have grown). Namespaces are resolved here,
//! from the declarations as read (references replaced, as xml-rs has them).
//! The [`Limits`] are checked as the events come: the document's length
//! before anything else, and the depth, elements, attributes, names,
//! namespaces in scope and text lengths as they are met. A document type
//! declaration is refused (no entity is ever declared, expanded or fetched:
//! only XML's five predefined entities and character references are
//! replaced), and so is a NUL byte and invalid UTF-8.
//!
//! Text is read as xml-rs reads it: line ends normalized (`\r\n` and `\r`
//! to `\n`), attribute values normalized (a literal tab, line feed or
//! carriage return is a space), references replaced, CDATA sections taken
//! in, comments and processing instructions skipped (the text around one
//! is one text). Both backends give the same values.

use quick_xml::Reader;
use quick_xml::XmlVersion;
use quick_xml::events::{BytesEnd, BytesRef, BytesStart, Event as Q};
use quick_xml::name::PrefixDeclaration;

use crate::error::{Error, ErrorKind, Result};
use crate::limits::{Limit, LimitExceeded, Limits};
use crate::read::{Attr, Event, Source, UnknownContent};
use crate::write::XML_NAMESPACE;

/// The namespace the `xmlns` prefix is bound to.
const XMLNS_NAMESPACE: &str = "http://www.w3.org/2000/xmlns/";

/// What the reader does besides parsing: the [`Limits`] it reads within,
/// and what it does with content the schema does not allow.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ReadOptions {
    /// Bounds on the document (see [`Limits`]).
    pub limits: Limits,
    /// Content the schema does not allow: an error (the default) or
    /// skipped.
    pub unknown: UnknownContent,
    /// A document type declaration: refused (the default) or read past.
    pub doctype: Doctype,
}

/// What a reader does with a document type declaration (`<!DOCTYPE ...>`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Doctype {
    /// An error: a document from the network has no business with one
    /// (entities are how XML bombs and external fetches get in).
    #[default]
    Refuse,
    /// Read past it, using nothing in it: no entity is declared, no default
    /// attribute added, nothing fetched (a document that then uses an
    /// entity of its own is an error). For trusted documents whose format
    /// carries one, as every MusicXML file does.
    Ignore,
}

/// Where a piece of text is kept.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Store {
    /// The input, as written.
    Input,
    /// The current tag's buffer (attribute values that were normalized).
    Tag,
    /// The buffer of the namespace URIs in scope that were normalized.
    Ns,
    /// The empty string: no namespace.
    Empty,
    /// The `xml` prefix's namespace.
    Xml,
    /// The `xmlns` prefix's namespace.
    Xmlns,
}

/// A piece of text: a range of one of the stores.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Span {
    store: Store,
    start: usize,
    end: usize,
}

impl Span {
    const EMPTY: Span = Span::fixed(Store::Empty);

    const fn fixed(store: Store) -> Span {
        Span {
            store,
            start: 0,
            end: 0,
        }
    }

    fn is_empty(&self) -> bool {
        self.start == self.end && matches!(self.store, Store::Input | Store::Tag | Store::Ns)
            || self.store == Store::Empty
    }
}

/// An attribute of the current start tag.
#[derive(Clone, Copy, Debug)]
struct AttrAt {
    namespace: Span,
    local: Span,
    prefix: Option<Span>,
    value: Span,
}

/// A namespace declaration in scope: the prefix (`None`: the default
/// namespace) and the URI (empty: undeclared).
#[derive(Clone, Copy, Debug)]
struct Binding {
    prefix: Option<Span>,
    uri: Span,
}

/// Where an open element's declarations start, in `bindings` and in `ns`.
#[derive(Clone, Copy, Debug)]
struct Scope {
    bindings: usize,
    ns: usize,
}

/// A [`Source`] over a document in memory, parsed by quick-xml.
pub struct QuickSource<'de> {
    reader: Reader<&'de [u8]>,
    input: &'de str,
    options: ReadOptions,
    /// Attribute values and names of the current tag that are not the
    /// input's bytes.
    tag: String,
    /// Namespace URIs in scope that are not the input's bytes.
    ns: String,
    namespace: Span,
    local: Span,
    prefix: Option<Span>,
    attributes: Vec<AttrAt>,
    /// The namespace declarations in scope, the innermost last.
    bindings: Vec<Binding>,
    /// Where the declarations of each open element start.
    scopes: Vec<Scope>,
    /// The declarations the current start tag makes: `bindings[declared..]`
    /// (none for another event).
    declared: usize,
    /// The scope of the element whose end tag is the current event, left
    /// at the next event.
    ended: Option<Scope>,
    /// The current text, when it is the input's.
    text: &'de str,
    /// The current text, when it is not (`owned`).
    text_buf: String,
    owned: bool,
    /// An event read ahead, past the end of a text.
    pending: Option<Q<'de>>,
    depth: usize,
    elements: usize,
    /// Whether the root element has started.
    root: bool,
    /// What was skipped as unknown content so far.
    skipped: std::cell::RefCell<crate::read::Skipped>,
}

impl<'de> QuickSource<'de> {
    /// A source over `input`, before its first event; an error if it is
    /// longer than the limits allow, holds a NUL byte, or is not UTF-8.
    pub fn new(input: &'de [u8], options: ReadOptions) -> Result<Self> {
        let limits = options.limits;
        if input.len() > limits.max_document_len {
            return Err(over(limits, Limit::DocumentLength));
        }
        if let Some(offset) = memchr::memchr(0, input) {
            return Err(Error::syntax(format!(
                "NUL byte at offset {offset}: not XML (UTF-16 and UTF-32 are not supported, send UTF-8)"
            )));
        }
        let text = match std::str::from_utf8(input) {
            Ok(text) => text,
            Err(e) => {
                return Err(Error::syntax(format!(
                    "invalid UTF-8 at byte {}",
                    e.valid_up_to()
                )));
            }
        };
        let mut reader = Reader::from_reader(input);
        let config = reader.config_mut();
        config.expand_empty_elements = true;
        config.check_end_names = true;
        config.trim_text(false);
        Ok(QuickSource {
            reader,
            input: text,
            options,
            tag: String::new(),
            ns: String::new(),
            namespace: Span::EMPTY,
            local: Span::EMPTY,
            prefix: None,
            // Room for a typical document's tags, so that they do not grow
            // one by one.
            attributes: Vec::with_capacity(8),
            bindings: Vec::with_capacity(8),
            scopes: Vec::with_capacity(16),
            declared: 0,
            ended: None,
            text: "",
            text_buf: String::new(),
            owned: false,
            pending: None,
            depth: 0,
            elements: 0,
            root: false,
            skipped: Default::default(),
        })
    }

    fn limits(&self) -> &Limits {
        &self.options.limits
    }

    /// What was skipped as unknown content so far (under
    /// [`UnknownContent::Skip`]).
    pub fn skipped_content(&self) -> crate::read::Skipped {
        self.skipped.borrow().clone()
    }

    /// The error quick-xml gave, where it stands in the document.
    fn syntax(&self, e: impl std::fmt::Display) -> Error {
        syntax(&self.reader, self.input.as_bytes(), e)
    }

    fn read(&mut self) -> Result<Q<'de>> {
        match self.pending.take() {
            Some(event) => Ok(event),
            None => self.reader.read_event().map_err(|e| self.syntax(e)),
        }
    }

    /// The text of `span`.
    fn get(&self, span: Span) -> &str {
        let store = match span.store {
            Store::Input => self.input,
            Store::Tag => &self.tag,
            Store::Ns => &self.ns,
            Store::Empty => return "",
            Store::Xml => return XML_NAMESPACE,
            Store::Xmlns => return XMLNS_NAMESPACE,
        };
        store.get(span.start..span.end).unwrap_or_default()
    }

    /// Where `bytes` (a slice of the input, as quick-xml hands names and
    /// values on) stand in the input; `None` if they are not the input's.
    fn in_input(&self, bytes: &[u8]) -> Option<Span> {
        let start = (bytes.as_ptr() as usize).checked_sub(self.input.as_ptr() as usize)?;
        let end = start.checked_add(bytes.len())?;
        let fits = end <= self.input.len()
            && self.input.is_char_boundary(start)
            && self.input.is_char_boundary(end);
        fits.then_some(Span {
            store: Store::Input,
            start,
            end,
        })
    }

    /// `text` as a span: where it is in the input, else a copy in `store`
    /// (the tag's buffer or the namespaces').
    fn keep(&mut self, text: &str, store: Store) -> Span {
        if let Some(span) = self.in_input(text.as_bytes()) {
            return span;
        }
        let buf = match store {
            Store::Ns => &mut self.ns,
            _ => &mut self.tag,
        };
        let start = buf.len();
        buf.push_str(text);
        Span {
            store,
            start,
            end: buf.len(),
        }
    }

    /// [`keep`](Self::keep), for a name or namespace URI within `max_name_len`.
    fn name(&mut self, bytes: &[u8], store: Store) -> Result<Span> {
        if bytes.len() > self.limits().max_name_len {
            return Err(self.syntax(over(*self.limits(), Limit::NameLength)));
        }
        if let Some(span) = self.in_input(bytes) {
            return Ok(span);
        }
        let text = std::str::from_utf8(bytes).map_err(|e| self.syntax(e))?;
        let text = text.to_owned();
        Ok(self.keep(&text, store))
    }

    /// The namespace `prefix` is bound to in scope (`None`: the default
    /// namespace); `None` when it is not bound, or undeclared (`xmlns=""`,
    /// `xmlns:p=""`).
    fn lookup(&self, prefix: Option<&[u8]>) -> Option<Span> {
        match prefix {
            Some(b"xml") => return Some(Span::fixed(Store::Xml)),
            Some(b"xmlns") => return Some(Span::fixed(Store::Xmlns)),
            _ => {}
        }
        let binding = self
            .bindings
            .iter()
            .rev()
            .find(|b| match (b.prefix, prefix) {
                (None, None) => true,
                (Some(p), Some(q)) => self.get(p).as_bytes() == q,
                _ => false,
            })?;
        (!binding.uri.is_empty()).then_some(binding.uri)
    }

    /// The namespace of a name written with `prefix`: the prefix's, or for
    /// no prefix the default namespace (an `element`'s) or none (an
    /// attribute's).
    fn resolve(&self, prefix: Option<&[u8]>, element: bool) -> Result<Span> {
        match (prefix, element) {
            (None, false) => Ok(Span::EMPTY),
            (None, true) => Ok(self.lookup(None).unwrap_or(Span::EMPTY)),
            (Some(p), _) => self.lookup(Some(p)).ok_or_else(|| {
                let what = if element {
                    "an element"
                } else {
                    "an attribute"
                };
                self.syntax(format!(
                    "the prefix {:?} of {what} is not declared",
                    String::from_utf8_lossy(p)
                ))
            }),
        }
    }

    /// Leaves the scope of the element whose end tag was the last event.
    fn leave(&mut self) {
        if let Some(scope) = self.ended.take() {
            self.bindings.truncate(scope.bindings);
            self.ns.truncate(scope.ns);
        }
    }

    fn start(&mut self, e: BytesStart<'de>) -> Result<()> {
        let limits = self.options.limits;
        if self.depth >= limits.max_depth {
            return Err(over(limits, Limit::Depth));
        }
        self.depth += 1;
        self.root = true;
        self.elements += 1;
        if self.elements > limits.max_elements {
            return Err(over(limits, Limit::Elements));
        }
        self.tag.clear();
        self.attributes.clear();
        let scope = Scope {
            bindings: self.bindings.len(),
            ns: self.ns.len(),
        };
        self.scopes.push(scope);
        self.declared = scope.bindings;
        // The declarations first: they apply to the tag's own names, which
        // are resolved after.
        let mut prefixed = false;
        for attribute in e.attributes() {
            let attribute = attribute.map_err(|e| self.syntax(e))?;
            if self.attributes.len() + (self.bindings.len() - scope.bindings)
                >= limits.max_attributes
            {
                return Err(over(limits, Limit::Attributes));
            }
            let value = attribute
                .normalized_value(XmlVersion::Implicit1_0)
                .map_err(|e| self.syntax(e))?;
            if value.len() > limits.max_text_len {
                return Err(over(limits, Limit::TextLength));
            }
            if let Some(declaration) = attribute.key.as_namespace_binding() {
                let prefix = match declaration {
                    PrefixDeclaration::Default => None,
                    PrefixDeclaration::Named(p) => Some(p),
                };
                self.check_declaration(prefix, &value)?;
                // Kept with the URI: the binding outlives the tag.
                let prefix = match prefix {
                    Some(p) => Some(self.name(p, Store::Ns)?),
                    None => None,
                };
                let uri = self.name(value.as_bytes(), Store::Ns)?;
                self.bindings.push(Binding { prefix, uri });
                continue;
            }
            let (local, prefix) = attribute.key.decompose();
            let local = self.name(local.as_ref(), Store::Tag)?;
            let prefix = match prefix {
                Some(p) => Some(self.name(p.as_ref(), Store::Tag)?),
                None => None,
            };
            prefixed |= prefix.is_some();
            let value = self.keep(&value, Store::Tag);
            self.attributes.push(AttrAt {
                namespace: Span::EMPTY,
                local,
                prefix,
                value,
            });
        }
        if self.bindings.len() > limits.max_namespaces {
            return Err(over(limits, Limit::Namespaces));
        }
        let name = e.name();
        let (local, prefix) = name.decompose();
        self.namespace = self.resolve(prefix.as_ref().map(|p| p.as_ref()), true)?;
        if self.get(self.namespace).len() > limits.max_name_len {
            return Err(self.syntax(over(limits, Limit::NameLength)));
        }
        self.local = self.name(local.as_ref(), Store::Tag)?;
        self.prefix = match prefix {
            Some(p) => Some(self.name(p.as_ref(), Store::Tag)?),
            None => None,
        };
        if prefixed {
            for i in 0..self.attributes.len() {
                if let Some(prefix) = self.attributes[i].prefix {
                    let namespace = self.resolve(Some(self.get(prefix).as_bytes()), false)?;
                    if self.get(namespace).len() > limits.max_name_len {
                        return Err(self.syntax(over(limits, Limit::NameLength)));
                    }
                    self.attributes[i].namespace = namespace;
                }
            }
        }
        Ok(())
    }

    /// Checks a namespace declaration as XML's namespaces require: `xml`
    /// bound to its namespace only, `xmlns` never declared, and neither
    /// namespace bound to another prefix.
    fn check_declaration(&self, prefix: Option<&[u8]>, uri: &str) -> Result<()> {
        let problem = match prefix {
            Some(b"xml") if uri != XML_NAMESPACE => {
                format!("the prefix xml cannot be bound to {uri:?}")
            }
            Some(b"xml") => return Ok(()),
            Some(b"xmlns") => "the prefix xmlns cannot be declared".to_string(),
            _ if uri == XML_NAMESPACE || uri == XMLNS_NAMESPACE => {
                format!("the namespace {uri:?} cannot be bound to another prefix")
            }
            _ => return Ok(()),
        };
        Err(self.syntax(problem))
    }

    fn end(&mut self, e: BytesEnd<'de>) -> Result<()> {
        self.depth = self.depth.saturating_sub(1);
        self.tag.clear();
        self.attributes.clear();
        self.declared = self.bindings.len();
        let name = e.name();
        let (local, prefix) = name.decompose();
        // The start tag's name (quick-xml checks that it is), in its scope.
        self.namespace = self.resolve(prefix.as_ref().map(|p| p.as_ref()), true)?;
        self.local = self.name(local.as_ref(), Store::Tag)?;
        self.prefix = None;
        self.ended = self.scopes.pop();
        Ok(())
    }

    /// A run of text: the first piece, then every text, CDATA section and
    /// reference up to the next tag (comments and processing instructions
    /// skipped).
    fn text(&mut self, first: Q<'de>) -> Result<()> {
        self.text = "";
        self.owned = false;
        self.append(first)?;
        loop {
            match self.read()? {
                event @ (Q::Text(_) | Q::CData(_) | Q::GeneralRef(_)) => self.append(event)?,
                Q::Comment(_) | Q::PI(_) => {}
                other => {
                    self.pending = Some(other);
                    break;
                }
            }
            if self.text_len() > self.limits().max_text_len {
                return Err(over(*self.limits(), Limit::TextLength));
            }
        }
        if self.text_len() > self.limits().max_text_len {
            return Err(over(*self.limits(), Limit::TextLength));
        }
        Ok(())
    }

    fn text_len(&self) -> usize {
        if self.owned {
            self.text_buf.len()
        } else {
            self.text.len()
        }
    }

    /// The buffer of an owned text, holding what the text is so far.
    fn owned_text(&mut self) -> &mut String {
        if !self.owned {
            self.owned = true;
            self.text_buf.clear();
            self.text_buf.push_str(self.text);
        }
        &mut self.text_buf
    }

    fn append(&mut self, event: Q<'de>) -> Result<()> {
        let piece = match event {
            Q::Text(t) => t.xml10_content().map_err(|e| self.syntax(e))?,
            Q::CData(c) => c.xml10_content().map_err(|e| self.syntax(e))?,
            Q::GeneralRef(r) => return self.reference(&r),
            _ => return Ok(()),
        };
        match piece {
            std::borrow::Cow::Borrowed(piece) if !self.owned && self.text.is_empty() => {
                self.text = piece;
            }
            piece => self.owned_text().push_str(&piece),
        }
        Ok(())
    }

    /// Appends the text a reference stands for: a character, or one of
    /// XML's five entities (no others can be declared: DTDs are refused).
    fn reference(&mut self, r: &BytesRef<'de>) -> Result<()> {
        if r.is_char_ref() {
            return match r.resolve_char_ref().map_err(|e| self.syntax(e))? {
                Some(c) => {
                    self.owned_text().push(c);
                    Ok(())
                }
                None => Err(self.syntax("a character reference to no character")),
            };
        }
        let name = r.decode().map_err(|e| self.syntax(e))?;
        match quick_xml::escape::resolve_predefined_entity(&name) {
            Some(text) => {
                self.owned_text().push_str(text);
                Ok(())
            }
            None => Err(self.syntax(format!(
                "the entity &{name}; is not declared (only XML's predefined entities are)"
            ))),
        }
    }
}

/// The error `e` quick-xml gave, with its line and column in `input`.
fn syntax(reader: &Reader<&[u8]>, input: &[u8], e: impl std::fmt::Display) -> Error {
    let at = usize::try_from(reader.error_position())
        .unwrap_or(usize::MAX)
        .min(input.len());
    let before = &input[..at];
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let column = at
        - before
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |i| i + 1)
        + 1;
    Error::syntax(format!("{line}:{column}: {e}"))
}

fn over(limits: Limits, limit: Limit) -> Error {
    let max = match limit {
        Limit::DocumentLength => limits.max_document_len,
        Limit::Depth => limits.max_depth,
        Limit::TextLength => limits.max_text_len,
        Limit::Attributes => limits.max_attributes,
        Limit::Elements => limits.max_elements,
        Limit::NameLength => limits.max_name_len,
        Limit::Namespaces => limits.max_namespaces,
    };
    Error::new(ErrorKind::Limit(LimitExceeded { limit, max }))
}

impl Source for QuickSource<'_> {
    fn next(&mut self) -> Result<Event> {
        self.leave();
        self.declared = self.bindings.len();
        loop {
            match self.read()? {
                Q::Start(e) => {
                    self.start(e)?;
                    return Ok(Event::Start);
                }
                Q::End(e) => {
                    self.end(e)?;
                    return Ok(Event::End);
                }
                Q::Empty(e) => {
                    // Not given with expand_empty_elements; as a start and an end if it were.
                    let end = e.to_end().into_owned();
                    self.start(e)?;
                    self.pending = Some(Q::End(end));
                    return Ok(Event::Start);
                }
                event @ (Q::Text(_) | Q::CData(_) | Q::GeneralRef(_)) => {
                    self.text(event)?;
                    if self.depth > 0 {
                        return Ok(Event::Text);
                    }
                    // Outside the root element, only whitespace is XML, and
                    // it is no event (as xml-rs has it).
                    if let Some(c) = Source::text(self)
                        .chars()
                        .find(|c| !matches!(c, ' ' | '\t' | '\r' | '\n'))
                    {
                        return Err(self.syntax(format!(
                            "Unexpected characters outside the root element: {c}"
                        )));
                    }
                }
                Q::Comment(_) | Q::PI(_) | Q::Decl(_) => {}
                Q::DocType(_) if self.options.doctype == Doctype::Ignore => {}
                Q::DocType(_) => return Err(Error::new(ErrorKind::Dtd)),
                Q::Eof => {
                    if self.depth > 0 {
                        return Err(
                            self.syntax("Unexpected end of stream: still inside the root element")
                        );
                    }
                    if !self.root {
                        return Err(self.syntax("Unexpected end of stream: no root element found"));
                    }
                    return Ok(Event::Eof);
                }
            }
        }
    }

    fn name(&self) -> (&str, &str) {
        (self.get(self.namespace), self.get(self.local))
    }

    fn prefix(&self) -> Option<&str> {
        self.prefix.map(|p| self.get(p))
    }

    fn attribute_count(&self) -> usize {
        self.attributes.len()
    }

    fn attribute(&self, index: usize) -> Attr<'_> {
        let a = &self.attributes[index];
        Attr {
            namespace: self.get(a.namespace),
            local: self.get(a.local),
            prefix: a.prefix.map(|p| self.get(p)),
            value: self.get(a.value),
        }
    }

    fn declaration_count(&self) -> usize {
        self.bindings.len() - self.declared
    }

    fn declaration(&self, index: usize) -> (Option<&str>, &str) {
        let b = &self.bindings[self.declared + index];
        (b.prefix.map(|p| self.get(p)), self.get(b.uri))
    }

    fn text(&self) -> &str {
        if self.owned {
            &self.text_buf
        } else {
            self.text
        }
    }

    fn resolve_prefix(&self, prefix: Option<&str>) -> Option<&str> {
        self.lookup(prefix.map(str::as_bytes))
            .map(|ns| self.get(ns))
    }

    fn unknown_content(&self) -> UnknownContent {
        self.options.unknown
    }

    fn skipped(&self, namespace: &str, local: &str, attribute: bool) {
        self.skipped.borrow_mut().add(namespace, local, attribute);
    }
}
