//! The fast backend: quick-xml's `NsReader` over a byte slice, behind the
//! same [`Source`] the generated readers are written against.
//!
//! Names, namespaces and attribute values of the current tag are copied
//! into one reusable buffer (no allocation per tag once it has grown); a
//! text that is one run without references or line ends to normalize is
//! borrowed from the input. The [`Limits`] are checked as the events come:
//! the document's length before anything else, and the depth, elements,
//! attributes, names, namespaces in scope and text lengths as they are met.
//! A document type declaration is refused (no entity is ever declared,
//! expanded or fetched: only XML's five predefined entities and character
//! references are replaced), and so is a NUL byte and invalid UTF-8.
//!
//! Text is read as xml-rs reads it: line ends normalized (`\r\n` and `\r`
//! to `\n`), attribute values normalized (a literal tab, line feed or
//! carriage return is a space), references replaced, CDATA sections taken
//! in, comments and processing instructions skipped (the text around one
//! is one text). Both backends give the same values.

use std::borrow::Cow;
use std::ops::Range;

use quick_xml::NsReader;
use quick_xml::XmlVersion;
use quick_xml::events::{BytesRef, Event as Q};
use quick_xml::name::{PrefixDeclaration, QName, ResolveResult};

use crate::error::{Error, ErrorKind, Result};
use crate::limits::{Limit, LimitExceeded, Limits};
use crate::read::{Attr, Event, Source, UnknownContent};

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

/// An attribute of the current start tag: ranges into the tag's buffer.
#[derive(Clone, Debug)]
struct AttrAt {
    namespace: Range<usize>,
    local: Range<usize>,
    prefix: Option<Range<usize>>,
    value: Range<usize>,
}

/// A [`Source`] over a document in memory, parsed by quick-xml.
pub struct QuickSource<'de> {
    reader: NsReader<&'de [u8]>,
    input: &'de [u8],
    options: ReadOptions,
    /// The names, namespaces and values of the current tag.
    buf: String,
    namespace: Range<usize>,
    local: Range<usize>,
    prefix: Option<Range<usize>>,
    attributes: Vec<AttrAt>,
    declarations: Vec<(Option<Range<usize>>, Range<usize>)>,
    text: Cow<'de, str>,
    /// An event read ahead, past the end of a text.
    pending: Option<Q<'de>>,
    depth: usize,
    elements: usize,
    /// Whether the root element has started.
    root: bool,
    /// Namespace declarations made by each open element.
    scopes: Vec<usize>,
    in_scope: usize,
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
        if let Some(offset) = input.iter().position(|&b| b == 0) {
            return Err(Error::syntax(format!(
                "NUL byte at offset {offset}: not XML (UTF-16 and UTF-32 are not supported, send UTF-8)"
            )));
        }
        if let Err(e) = std::str::from_utf8(input) {
            return Err(Error::syntax(format!(
                "invalid UTF-8 at byte {}",
                e.valid_up_to()
            )));
        }
        let mut reader = NsReader::from_reader(input);
        let config = reader.config_mut();
        config.expand_empty_elements = true;
        config.check_end_names = true;
        config.trim_text(false);
        Ok(QuickSource {
            reader,
            input,
            options,
            buf: String::new(),
            namespace: 0..0,
            local: 0..0,
            prefix: None,
            attributes: Vec::new(),
            declarations: Vec::new(),
            text: Cow::Borrowed(""),
            pending: None,
            depth: 0,
            elements: 0,
            root: false,
            scopes: Vec::new(),
            in_scope: 0,
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
        syntax(&self.reader, self.input, e)
    }

    fn read(&mut self) -> Result<Q<'de>> {
        match self.pending.take() {
            Some(event) => Ok(event),
            None => self.reader.read_event().map_err(|e| self.syntax(e)),
        }
    }

    fn start(&mut self, e: quick_xml::events::BytesStart<'de>) -> Result<()> {
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
        let QuickSource {
            reader,
            input,
            buf,
            namespace,
            local,
            prefix,
            attributes,
            declarations,
            ..
        } = self;
        let input = *input;
        let syntax = |e: &dyn std::fmt::Display| syntax(reader, input, e);
        buf.clear();
        attributes.clear();
        declarations.clear();
        let name = e.name();
        let (resolved, local_name) = reader.resolver().resolve_element(name);
        *namespace =
            push_namespace(buf, resolved, &limits, "an element").map_err(|m| syntax(&m))?;
        *local = push_name(buf, local_name.as_ref(), &limits).map_err(|m| syntax(&m))?;
        *prefix = match name.prefix() {
            Some(p) => Some(push_name(buf, p.as_ref(), &limits).map_err(|m| syntax(&m))?),
            None => None,
        };
        for attribute in e.attributes() {
            let attribute = attribute.map_err(|e| syntax(&e))?;
            if attributes.len() + declarations.len() >= limits.max_attributes {
                return Err(over(limits, Limit::Attributes));
            }
            let value = attribute
                .normalized_value(XmlVersion::Implicit1_0)
                .map_err(|e| syntax(&e))?;
            if value.len() > limits.max_text_len {
                return Err(over(limits, Limit::TextLength));
            }
            if let Some(declaration) = attribute.key.as_namespace_binding() {
                let declared = match declaration {
                    PrefixDeclaration::Default => None,
                    PrefixDeclaration::Named(p) => {
                        Some(push_name(buf, p, &limits).map_err(|m| syntax(&m))?)
                    }
                };
                let uri = push_name(buf, value.as_bytes(), &limits).map_err(|m| syntax(&m))?;
                declarations.push((declared, uri));
                continue;
            }
            let (resolved, local_name) = reader.resolver().resolve_attribute(attribute.key);
            let at_namespace =
                push_namespace(buf, resolved, &limits, "an attribute").map_err(|m| syntax(&m))?;
            let at_local = push_name(buf, local_name.as_ref(), &limits).map_err(|m| syntax(&m))?;
            let at_prefix = match attribute.key.prefix() {
                Some(p) => Some(push_name(buf, p.as_ref(), &limits).map_err(|m| syntax(&m))?),
                None => None,
            };
            let start = buf.len();
            buf.push_str(&value);
            attributes.push(AttrAt {
                namespace: at_namespace,
                local: at_local,
                prefix: at_prefix,
                value: start..buf.len(),
            });
        }
        self.in_scope += self.declarations.len();
        self.scopes.push(self.declarations.len());
        if self.in_scope > limits.max_namespaces {
            return Err(over(limits, Limit::Namespaces));
        }
        Ok(())
    }

    fn end(&mut self, e: quick_xml::events::BytesEnd<'de>) -> Result<()> {
        self.depth = self.depth.saturating_sub(1);
        self.in_scope -= self.scopes.pop().unwrap_or(0);
        let QuickSource {
            reader,
            input,
            buf,
            namespace,
            local,
            prefix,
            attributes,
            declarations,
            ..
        } = self;
        let input = *input;
        let limits = Limits::unlimited();
        buf.clear();
        attributes.clear();
        declarations.clear();
        let (resolved, local_name) = reader.resolver().resolve_element(e.name());
        *namespace = push_namespace(buf, resolved, &limits, "an element")
            .map_err(|m| syntax(reader, input, m))?;
        *local =
            push_name(buf, local_name.as_ref(), &limits).map_err(|m| syntax(reader, input, m))?;
        *prefix = None;
        Ok(())
    }

    /// A run of text: the first piece, then every text, CDATA section and
    /// reference up to the next tag (comments and processing instructions
    /// skipped).
    fn text(&mut self, first: Q<'de>) -> Result<()> {
        self.text = Cow::Borrowed("");
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
            if self.text.len() > self.limits().max_text_len {
                return Err(over(*self.limits(), Limit::TextLength));
            }
        }
        if self.text.len() > self.limits().max_text_len {
            return Err(over(*self.limits(), Limit::TextLength));
        }
        Ok(())
    }

    fn append(&mut self, event: Q<'de>) -> Result<()> {
        let piece: Cow<'de, str> = match event {
            Q::Text(t) => t.xml10_content().map_err(|e| self.syntax(e))?,
            Q::CData(c) => c.xml10_content().map_err(|e| self.syntax(e))?,
            Q::GeneralRef(r) => Cow::Owned(self.reference(&r)?),
            _ => return Ok(()),
        };
        if self.text.is_empty() {
            self.text = piece;
        } else {
            self.text.to_mut().push_str(&piece);
        }
        Ok(())
    }

    /// The text a reference stands for: a character, or one of XML's five
    /// entities (no others can be declared: DTDs are refused).
    fn reference(&self, r: &BytesRef<'de>) -> Result<String> {
        if r.is_char_ref() {
            return match r.resolve_char_ref().map_err(|e| self.syntax(e))? {
                Some(c) => Ok(c.to_string()),
                None => Err(self.syntax("a character reference to no character")),
            };
        }
        let name = r.decode().map_err(|e| self.syntax(e))?;
        match quick_xml::escape::resolve_predefined_entity(&name) {
            Some(text) => Ok(text.to_string()),
            None => Err(self.syntax(format!(
                "the entity &{name}; is not declared (only XML's predefined entities are)"
            ))),
        }
    }

    fn slice(&self, range: &Range<usize>) -> &str {
        &self.buf[range.clone()]
    }
}

/// The error `e` quick-xml gave, with its line and column in `input`.
fn syntax(reader: &NsReader<&[u8]>, input: &[u8], e: impl std::fmt::Display) -> Error {
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

/// Appends `bytes` (UTF-8: the input was checked) to `buf`.
fn push(buf: &mut String, bytes: &[u8]) -> std::result::Result<Range<usize>, String> {
    let text = std::str::from_utf8(bytes).map_err(|e| e.to_string())?;
    let start = buf.len();
    buf.push_str(text);
    Ok(start..buf.len())
}

/// [`push`], for a name or namespace URI within `max_name_len`.
fn push_name(
    buf: &mut String,
    bytes: &[u8],
    limits: &Limits,
) -> std::result::Result<Range<usize>, String> {
    if bytes.len() > limits.max_name_len {
        let e = over(*limits, Limit::NameLength);
        return Err(e.to_string());
    }
    push(buf, bytes)
}

/// [`push_name`] of the namespace a name resolved to (empty for none).
fn push_namespace(
    buf: &mut String,
    resolved: ResolveResult<'_>,
    limits: &Limits,
    what: &str,
) -> std::result::Result<Range<usize>, String> {
    match resolved {
        ResolveResult::Bound(ns) => push_name(buf, ns.into_inner(), limits),
        ResolveResult::Unbound => Ok(buf.len()..buf.len()),
        ResolveResult::Unknown(prefix) => Err(format!(
            "the prefix {:?} of {what} is not declared",
            String::from_utf8_lossy(&prefix)
        )),
    }
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
                    if let Some(c) = self
                        .text
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
        (self.slice(&self.namespace), self.slice(&self.local))
    }

    fn prefix(&self) -> Option<&str> {
        self.prefix.as_ref().map(|p| self.slice(p))
    }

    fn attribute_count(&self) -> usize {
        self.attributes.len()
    }

    fn attribute(&self, index: usize) -> Attr<'_> {
        let a = &self.attributes[index];
        Attr {
            namespace: self.slice(&a.namespace),
            local: self.slice(&a.local),
            prefix: a.prefix.as_ref().map(|p| self.slice(p)),
            value: self.slice(&a.value),
        }
    }

    fn declaration_count(&self) -> usize {
        self.declarations.len()
    }

    fn declaration(&self, index: usize) -> (Option<&str>, &str) {
        let (prefix, uri) = &self.declarations[index];
        (prefix.as_ref().map(|p| self.slice(p)), self.slice(uri))
    }

    fn text(&self) -> &str {
        &self.text
    }

    fn resolve_prefix(&self, prefix: Option<&str>) -> Option<&str> {
        let name = match prefix {
            Some(p) => format!("{p}:x"),
            None => "x".to_string(),
        };
        match self
            .reader
            .resolver()
            .resolve_element(QName(name.as_bytes()))
            .0
        {
            ResolveResult::Bound(ns) => std::str::from_utf8(ns.into_inner()).ok(),
            _ => None,
        }
    }

    fn unknown_content(&self) -> UnknownContent {
        self.options.unknown
    }

    fn skipped(&self, namespace: &str, local: &str, attribute: bool) {
        self.skipped.borrow_mut().add(namespace, local, attribute);
    }
}
