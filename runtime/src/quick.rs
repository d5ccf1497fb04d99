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

use std::borrow::Cow;

use quick_xml::Reader;
use quick_xml::XmlVersion;
use quick_xml::events::attributes::Attribute;
use quick_xml::events::{BytesDecl, BytesRef, BytesStart, Event as Q};
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
///
/// A word wide, so that a [`Span`] has no padding: copying a span (and
/// an `Option` of one) is then three whole words, where a byte-wide tag
/// made the compiler copy the padding after it in pieces that the next
/// read could not be forwarded from (a stall for each span copied).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(usize)]
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

/// An open element: where its declarations start, in `bindings` and in
/// `ns`, and its name (as written, and resolved), which its end tag must
/// repeat and gives again.
#[derive(Clone, Copy, Debug)]
struct Scope {
    bindings: usize,
    ns: usize,
    name: Span,
    namespace: Span,
    local: Span,
}

/// The buffers of a [`QuickSource`], kept for the next one on the same
/// thread when it is dropped (unless they grew large): a document that is
/// read whole then costs no allocation of the reader's own.
#[derive(Default)]
struct Buffers {
    tag: String,
    ns: String,
    text: String,
    attributes: Vec<AttrAt>,
    bindings: Vec<Binding>,
    scopes: Vec<Scope>,
    keys: Vec<Span>,
}

impl Buffers {
    /// What a dropped source's buffers may hold, in bytes, to be kept.
    const KEEP: usize = 64 * 1024;

    fn bytes(&self) -> usize {
        self.tag.capacity()
            + self.ns.capacity()
            + self.text.capacity()
            + self.attributes.capacity() * size_of::<AttrAt>()
            + self.bindings.capacity() * size_of::<Binding>()
            + self.scopes.capacity() * size_of::<Scope>()
            + self.keys.capacity() * size_of::<Span>()
    }
}

thread_local! {
    /// The buffers of the last source dropped on this thread, boxed: taking
    /// them and putting them back moves a pointer (moving the seven buffers
    /// themselves, 168 bytes, in and out of the cell took about 4% of the
    /// time of reading a UM body).
    static SPARE: std::cell::Cell<Option<Box<Buffers>>> = const { std::cell::Cell::new(None) };
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
    /// Whether the current event is the start of an empty element (its
    /// end comes next).
    empty: bool,
    /// The names of the current tag's attributes as written (ranges of the
    /// input), to find one written twice.
    keys: Vec<Span>,
    depth: usize,
    elements: usize,
    /// Whether the root element has started.
    root: bool,
    /// What was skipped as unknown content so far.
    skipped: std::cell::RefCell<crate::read::Skipped>,
    /// The box the buffers came in, to put them back in when dropped.
    spare: Option<Box<Buffers>>,
}

impl<'de> QuickSource<'de> {
    /// A source over `input`, before its first event; an error if it is
    /// longer than the limits allow, holds a NUL byte, or is not UTF-8.
    pub fn new(input: &'de [u8], options: ReadOptions) -> Result<Self> {
        let limits = options.limits;
        if input.len() > limits.max_document_len {
            return Err(over(limits, Limit::DocumentLength));
        }
        if let Some(offset) = first_control(input) {
            return Err(Error::syntax(match input[offset] {
                0 => format!(
                    "NUL byte at offset {offset}: not XML (UTF-16 and UTF-32 are not supported, send UTF-8)"
                ),
                b => format!("control character U+{b:04X} at offset {offset}: not XML"),
            }));
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
        // U+FFFE and U+FFFF, the two noncharacters XML excludes (the
        // surrogates cannot be in UTF-8).
        if let Some(offset) = memchr::memchr_iter(0xef, input)
            .find(|&i| matches!(input.get(i + 1..i + 3), Some([0xbf, 0xbe | 0xbf])))
        {
            return Err(Error::syntax(format!(
                "the noncharacter at offset {offset}: not XML"
            )));
        }
        let mut reader = Reader::from_reader(input);
        let config = reader.config_mut();
        // An empty element is a start and an end here (quick-xml would
        // allocate the end's name for each).
        config.expand_empty_elements = false;
        // Checked here, against the names kept in `scopes` (quick-xml would
        // copy every name into a buffer of its own).
        config.check_end_names = false;
        config.trim_text(false);
        let mut buffers = SPARE.with(std::cell::Cell::take).unwrap_or_default();
        // Room for a typical document's tags, so that they do not grow one
        // by one.
        buffers.attributes.reserve(8);
        buffers.bindings.reserve(8);
        buffers.scopes.reserve(16);
        Ok(QuickSource {
            reader,
            input: text,
            options,
            tag: std::mem::take(&mut buffers.tag),
            ns: std::mem::take(&mut buffers.ns),
            namespace: Span::EMPTY,
            local: Span::EMPTY,
            prefix: None,
            attributes: std::mem::take(&mut buffers.attributes),
            bindings: std::mem::take(&mut buffers.bindings),
            scopes: std::mem::take(&mut buffers.scopes),
            declared: 0,
            ended: None,
            text: "",
            text_buf: std::mem::take(&mut buffers.text),
            owned: false,
            pending: None,
            empty: false,
            keys: std::mem::take(&mut buffers.keys),
            depth: 0,
            elements: 0,
            root: false,
            skipped: Default::default(),
            spare: Some(buffers),
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
        let (scope_bindings, scope_ns) = (self.bindings.len(), self.ns.len());
        self.declared = scope_bindings;
        // The declarations first: they apply to the tag's own names, which
        // are resolved after.
        let mut prefixed = false;
        self.keys.clear();
        let mut seen: Option<std::collections::HashSet<&[u8]>> = None;
        let mut raw = e.attributes_raw();
        while let Some(attribute) = next_attribute(&mut raw).map_err(|e| self.syntax(e))? {
            self.unique(attribute.key.as_ref(), &mut seen)?;
            let Some(colon) = qname_colon(attribute.key.as_ref()) else {
                return Err(self.syntax(format!(
                    "{:?} is not an attribute name",
                    String::from_utf8_lossy(attribute.key.as_ref())
                )));
            };
            if self.attributes.len() + (self.bindings.len() - scope_bindings)
                >= limits.max_attributes
            {
                return Err(over(limits, Limit::Attributes));
            }
            let value = self.attribute_value(&attribute)?;
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
            let (prefix, local) = split_qname(attribute.key.into_inner(), colon);
            let local = self.name(local, Store::Tag)?;
            let prefix = match prefix {
                Some(p) => Some(self.name(p, Store::Tag)?),
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
        let name = e.name().into_inner();
        let Some(colon) = qname_colon(name) else {
            return Err(self.syntax(format!(
                "{:?} is not an element name",
                String::from_utf8_lossy(name)
            )));
        };
        let (prefix, local) = split_qname(name, colon);
        self.namespace = self.resolve(prefix, true)?;
        if self.get(self.namespace).len() > limits.max_name_len {
            return Err(self.syntax(over(limits, Limit::NameLength)));
        }
        self.local = self.name(local, Store::Tag)?;
        self.prefix = match prefix {
            Some(p) => Some(self.name(p, Store::Tag)?),
            None => None,
        };
        let scope = Scope {
            bindings: scope_bindings,
            ns: scope_ns,
            name: self.name(name, Store::Tag)?,
            namespace: self.namespace,
            local: self.local,
        };
        self.scopes.push(scope);
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

    /// Checks that the current tag has no other attribute named `key` (as
    /// written): against each name so far while they are few, in a set
    /// (`seen`, made when first needed) past that.
    fn unique(
        &mut self,
        key: &[u8],
        seen: &mut Option<std::collections::HashSet<&'de [u8]>>,
    ) -> Result<()> {
        const FEW: usize = 16;
        let Some(span) = self.in_input(key) else {
            return Ok(());
        };
        let input: &'de [u8] = self.input.as_bytes();
        let twice = match seen {
            Some(set) => !set.insert(&input[span.start..span.end]),
            None => {
                let twice = self.keys.iter().any(|&k| &input[k.start..k.end] == key);
                self.keys.push(span);
                if self.keys.len() > FEW {
                    *seen = Some(self.keys.iter().map(|&k| &input[k.start..k.end]).collect());
                }
                twice
            }
        };
        if twice {
            return Err(self.syntax(format!(
                "the attribute {:?} is written twice",
                String::from_utf8_lossy(key)
            )));
        }
        Ok(())
    }

    /// The value of `attribute` as xml-rs reads it: as written (borrowed
    /// from the input, already checked to be UTF-8) when it holds no
    /// reference, tab, line feed or carriage return, as most values do;
    /// else normalized by quick-xml (and checked for characters a reference
    /// put in that XML excludes). An error if it holds a `<`.
    fn attribute_value(&self, attribute: &Attribute<'_>) -> Result<Cow<'de, str>> {
        let raw: &[u8] = &attribute.value;
        let special = raw.iter().fold(false, |any, &b| {
            any | matches!(b, b'&' | b'\t' | b'\n' | b'\r' | b'<')
        });
        if !special {
            if let Some(span) = self.in_input(raw) {
                let input: &'de str = self.input;
                return Ok(Cow::Borrowed(&input[span.start..span.end]));
            }
        }
        if memchr::memchr(b'<', raw).is_some() {
            return Err(self.syntax("< in an attribute value"));
        }
        let value = attribute
            .normalized_value(XmlVersion::Implicit1_0)
            .map_err(|e| self.syntax(e))?;
        // A reference may have put in what the input cannot hold.
        if let Cow::Owned(value) = &value {
            if let Some(c) = value.chars().find(|&c| !is_xml_char(c)) {
                return Err(self.syntax(format!(
                    "a character reference to U+{:04X}, which is not an XML character",
                    u32::from(c)
                )));
            }
        }
        // Borrowed from the tag, not the input: copied (values that needed
        // normalizing are few).
        Ok(Cow::Owned(value.into_owned()))
    }

    /// Checks a comment: no `--` in it, and not ending with `-`.
    fn comment(&self, c: &quick_xml::events::BytesText<'_>) -> Result<()> {
        let double = memchr::memchr_iter(b'-', c).any(|i| c.get(i + 1) == Some(&b'-'));
        if double || c.ends_with(b"-") {
            return Err(self.syntax("-- in a comment"));
        }
        Ok(())
    }

    /// Checks a processing instruction's target: a name, and not `xml` in
    /// any case (an XML declaration is the document's first thing).
    fn processing_instruction(&self, p: &quick_xml::events::BytesPI<'_>) -> Result<()> {
        let target = p.target();
        if !is_name(target) {
            return Err(self.syntax(format!(
                "{:?} is not the target of a processing instruction",
                String::from_utf8_lossy(target)
            )));
        }
        if target.eq_ignore_ascii_case(b"xml") {
            return Err(self.syntax("an XML declaration that is not at the start of the document"));
        }
        Ok(())
    }

    /// Checks the encoding the XML declaration names: the input is read as
    /// UTF-8, so it must be UTF-8 (`UTF-8`, `utf8`, in any case), or one of
    /// the ASCII-compatible encodings xml-rs knows (`US-ASCII`, `ascii`,
    /// `ISO-8859-1`, `latin1`) with only ASCII in the input, where every one
    /// of them reads the same characters. Anything else would be read as
    /// other characters than the document means (or is not ASCII-compatible
    /// at all): refused.
    fn check_xml_declaration(&self, d: &BytesDecl<'_>) -> Result<()> {
        // quick-xml hands on whatever stands between `<?xml` and `?>`.
        let at = self.in_input(d).map(|span| span.start.saturating_sub(2));
        let first = at == Some(0) || at == Some(3) && self.input.starts_with('\u{feff}');
        if !first {
            return Err(self.syntax("an XML declaration that is not at the start of the document"));
        }
        if let Err(e) = xml_declaration(&d[3..]) {
            return Err(self.syntax(format!("a malformed XML declaration: {e}")));
        }
        let Some(label) = d.encoding() else {
            return Ok(());
        };
        let label = label.map_err(|e| self.syntax(e))?;
        let is = |names: &[&str]| {
            names
                .iter()
                .any(|n| n.as_bytes().eq_ignore_ascii_case(&label))
        };
        if is(&["utf-8", "utf8"])
            || is(&["us-ascii", "ascii", "iso-8859-1", "latin1"]) && self.input.is_ascii()
        {
            return Ok(());
        }
        Err(self.syntax(format!(
            "the document declares the encoding {:?}: this reader reads UTF-8 only (send UTF-8)",
            String::from_utf8_lossy(&label)
        )))
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

    /// An end tag, named `name` (`None`: the end of an empty element).
    fn end(&mut self, name: Option<&[u8]>) -> Result<()> {
        self.depth = self.depth.saturating_sub(1);
        self.tag.clear();
        self.attributes.clear();
        self.declared = self.bindings.len();
        let Some(scope) = self.scopes.pop() else {
            return Err(self.syntax(format!(
                "an end tag </{}> with no start tag",
                String::from_utf8_lossy(name.unwrap_or_default())
            )));
        };
        if let Some(name) = name {
            if name != self.get(scope.name).as_bytes() {
                return Err(self.syntax(format!(
                    "expecting </{}> found </{}>",
                    self.get(scope.name),
                    String::from_utf8_lossy(name)
                )));
            }
        }
        // The start tag's name, in its scope.
        self.namespace = scope.namespace;
        self.local = scope.local;
        self.prefix = None;
        self.ended = Some(scope);
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
                Q::Comment(c) => self.comment(&c)?,
                Q::PI(p) => self.processing_instruction(&p)?,
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
        // Outside the root element, XML has white space, comments and
        // processing instructions only: no reference, no CDATA section.
        if self.depth == 0 && !matches!(event, Q::Text(_)) {
            return Err(self.syntax("a reference or a CDATA section outside the root element"));
        }
        let piece = match event {
            Q::Text(t) => {
                let raw: &[u8] = &t;
                // Most texts have no line end to normalize and no `>`: they
                // are the input's, already checked to be UTF-8.
                match (memchr::memchr2(b'\r', b'>', raw), self.in_input(raw)) {
                    (None, Some(span)) => {
                        let input: &'de str = self.input;
                        Cow::Borrowed(&input[span.start..span.end])
                    }
                    _ => {
                        // `]]>` closes a CDATA section, and nothing else.
                        if memchr::memchr_iter(b'>', raw).any(|i| raw[..i].ends_with(b"]]")) {
                            return Err(self.syntax("]]> in text (outside a CDATA section)"));
                        }
                        t.xml10_content().map_err(|e| self.syntax(e))?
                    }
                }
            }
            Q::CData(c) => c.xml10_content().map_err(|e| self.syntax(e))?,
            Q::GeneralRef(r) => return self.reference(&r),
            _ => return Ok(()),
        };
        match piece {
            Cow::Borrowed(piece) if !self.owned && self.text.is_empty() => {
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
                Some(c) if !is_xml_char(c) => Err(self.syntax(format!(
                    "a character reference to U+{:04X}, which is not an XML character",
                    u32::from(c)
                ))),
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

/// The offset of the first byte in `input` that is a control character
/// XML excludes (all of C0 but tab, line feed and carriage return). Chunk
/// by chunk, without a branch per byte.
fn first_control(input: &[u8]) -> Option<usize> {
    let control = |b: u8| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r');
    let mut offset = 0;
    for chunk in input.chunks(64) {
        // Lane by lane, no short cut: the compiler makes it vector code.
        let any = chunk.iter().fold(0u8, |any, &b| {
            any | (u8::from(b < 0x20)
                & u8::from(b != b'\t')
                & u8::from(b != b'\n')
                & u8::from(b != b'\r'))
        });
        if any != 0 {
            return chunk.iter().position(|&b| control(b)).map(|i| offset + i);
        }
        offset += chunk.len();
    }
    None
}

/// Whether `c` is an XML 1.0 character.
fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{d7ff}' | '\u{e000}'..='\u{fffd}' | '\u{10000}'..)
}

/// Whether `c` may start an XML name (XML 1.0, fifth edition).
fn is_name_start(c: char) -> bool {
    matches!(c,
        ':' | 'A'..='Z' | '_' | 'a'..='z' |
        '\u{c0}'..='\u{d6}' | '\u{d8}'..='\u{f6}' | '\u{f8}'..='\u{2ff}' |
        '\u{370}'..='\u{37d}' | '\u{37f}'..='\u{1fff}' | '\u{200c}'..='\u{200d}' |
        '\u{2070}'..='\u{218f}' | '\u{2c00}'..='\u{2fef}' | '\u{3001}'..='\u{d7ff}' |
        '\u{f900}'..='\u{fdcf}' | '\u{fdf0}'..='\u{fffd}' | '\u{10000}'..='\u{effff}'
    )
}

/// Whether `c` may stand in an XML name after its first character.
fn is_name_char(c: char) -> bool {
    is_name_start(c)
        || matches!(c, '-' | '.' | '0'..='9' | '\u{b7}' | '\u{300}'..='\u{36f}' | '\u{203f}'..='\u{2040}')
}

/// Whether `name` is an XML name.
fn is_name(name: &[u8]) -> bool {
    let Ok(name) = std::str::from_utf8(name) else {
        return false;
    };
    let mut chars = name.chars();
    chars.next().is_some_and(is_name_start) && chars.all(is_name_char)
}

/// What a byte may be in a name, in bits: [`NAME_START`] (a letter or `_`,
/// also a name character), [`NAME_CHAR`] (a digit, `-` or `.`), [`COLON`];
/// [`NOT_ASCII_NAME`] for the rest (not ASCII, or not in names).
const ASCII_NAME: [u8; 256] = {
    let mut table = [NOT_ASCII_NAME; 256];
    let mut b = 0;
    while b < 128 {
        table[b] = match b as u8 {
            b'A'..=b'Z' | b'a'..=b'z' | b'_' => NAME_START,
            b'0'..=b'9' | b'-' | b'.' => NAME_CHAR,
            b':' => COLON,
            _ => NOT_ASCII_NAME,
        };
        b += 1;
    }
    table
};
const NAME_START: u8 = 1;
const NAME_CHAR: u8 = 2;
const COLON: u8 = 4;
const NOT_ASCII_NAME: u8 = 8;

/// `name` as prefix and local name, split at its colon (if any).
fn split_qname(name: &[u8], colon: Option<usize>) -> (Option<&[u8]>, &[u8]) {
    match colon {
        Some(at) => (Some(&name[..at]), &name[at + 1..]),
        None => (None, name),
    }
}

/// Where the colon of `name` is (`Some(None)`: it has none) if `name` is a
/// qualified name as xml-rs reads them, a name with at most one colon,
/// neither first nor last; `None` if it is not.
fn qname_colon(name: &[u8]) -> Option<Option<usize>> {
    // Most names are ASCII letters, digits, `-`, `_`, `.` and at most one
    // colon: the table's bits for every byte, or-ed without a branch per
    // byte, say whether one of them is something else, or a colon.
    let (&first, _) = name.split_first()?;
    if ASCII_NAME[usize::from(first)] == NAME_START {
        let all = name
            .iter()
            .fold(0, |all, &b| all | ASCII_NAME[usize::from(b)]);
        if all & NOT_ASCII_NAME == 0 {
            if all & COLON == 0 {
                return Some(None);
            }
            let colon = memchr::memchr(b':', name);
            let one =
                colon.is_some_and(|at| at + 1 < name.len() && !name[at + 1..].contains(&b':'));
            if one {
                return Some(colon);
            }
        }
    }
    is_qname(name).then(|| memchr::memchr(b':', name))
}

/// Whether `name` is a qualified name as xml-rs reads them: a name with at
/// most one colon, neither first nor last (any name: [`qname_colon`] has
/// the ASCII ones' shortcut).
fn is_qname(name: &[u8]) -> bool {
    let Ok(name) = std::str::from_utf8(name) else {
        return false;
    };
    let mut colon = false;
    for (i, c) in name.char_indices() {
        match c {
            ':' if i > 0 && !colon => colon = true,
            ':' => return false,
            c if i == 0 && !is_name_start(c) => return false,
            c if !is_name_char(c) => return false,
            _ => {}
        }
    }
    !name.ends_with(':')
}

/// Checks what follows `<?xml` in an XML declaration, as XML 1.0 has it:
/// `version` (`1.` and digits: a 1.x document other than 1.0 is read as
/// 1.0, as XML 1.0 requires, and as xml-rs does), then optionally `encoding` and `standalone`
/// (`yes` or `no`), each after whitespace, in that order, and nothing else
/// but whitespace.
fn xml_declaration(mut rest: &[u8]) -> std::result::Result<(), String> {
    let lossy = |v: &[u8]| String::from_utf8_lossy(v).into_owned();
    match pseudo_attribute(&mut rest, "version")? {
        Some(v) if v.len() > 2 && v.starts_with(b"1.") && v[2..].iter().all(u8::is_ascii_digit) => {
        }
        Some(v) => return Err(format!("version {:?}", lossy(v))),
        None => return Err("no version".to_string()),
    }
    if let Some(name) = pseudo_attribute(&mut rest, "encoding")? {
        let valid = name.first().is_some_and(u8::is_ascii_alphabetic)
            && name
                .iter()
                .all(|&b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-'));
        if !valid {
            return Err(format!("encoding {:?}", lossy(name)));
        }
    }
    match pseudo_attribute(&mut rest, "standalone")? {
        None | Some(b"yes" | b"no") => {}
        Some(v) => return Err(format!("standalone {:?}", lossy(v))),
    }
    match trim_space(rest) {
        [] => Ok(()),
        other => Err(format!("{:?} after the pseudo-attributes", lossy(other))),
    }
}

/// The value of pseudo-attribute `name` of an XML declaration if `rest`
/// starts with it (after whitespace), `rest` then moved past it.
fn pseudo_attribute<'a>(
    rest: &mut &'a [u8],
    name: &str,
) -> std::result::Result<Option<&'a [u8]>, String> {
    let trimmed = trim_space(rest);
    let Some(after) = trimmed.strip_prefix(name.as_bytes()) else {
        return Ok(None);
    };
    if trimmed.len() == rest.len() {
        return Err(format!("no whitespace before {name}"));
    }
    let (value, after) = quoted_value(after).map_err(|missing| match missing {
        Missing::Eq => format!("no = after {name}"),
        Missing::Quote => format!("the value of {name} is not quoted"),
        Missing::Close => format!("the value of {name} is not closed"),
    })?;
    *rest = after;
    Ok(Some(value))
}

/// What [`quoted_value`] did not find.
enum Missing {
    Eq,
    Quote,
    Close,
}

/// After a name (an attribute's, or a pseudo-attribute's of the XML
/// declaration): `= "value"`, white space allowed around `=`, the value in
/// either quote; the value, and what follows it.
fn quoted_value(after_name: &[u8]) -> std::result::Result<(&[u8], &[u8]), Missing> {
    let after = trim_space(after_name)
        .strip_prefix(b"=")
        .ok_or(Missing::Eq)?;
    let Some((&quote, after)) = trim_space(after)
        .split_first()
        .filter(|(q, _)| matches!(q, b'"' | b'\''))
    else {
        return Err(Missing::Quote);
    };
    let end = memchr::memchr(quote, after).ok_or(Missing::Close)?;
    Ok((&after[..end], &after[end + 1..]))
}

/// `bytes` without the XML whitespace (space, tab, line feed, carriage
/// return) they start with.
fn trim_space(bytes: &[u8]) -> &[u8] {
    let start = bytes
        .iter()
        .position(|&b| !is_space(b))
        .unwrap_or(bytes.len());
    &bytes[start..]
}

/// Whether `b` is XML's white space.
fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r')
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

impl Drop for QuickSource<'_> {
    fn drop(&mut self) {
        let Some(mut buffers) = self.spare.take() else {
            return;
        };
        buffers.tag = std::mem::take(&mut self.tag);
        buffers.ns = std::mem::take(&mut self.ns);
        buffers.text = std::mem::take(&mut self.text_buf);
        buffers.attributes = std::mem::take(&mut self.attributes);
        buffers.bindings = std::mem::take(&mut self.bindings);
        buffers.scopes = std::mem::take(&mut self.scopes);
        buffers.keys = std::mem::take(&mut self.keys);
        if buffers.bytes() <= Buffers::KEEP {
            buffers.tag.clear();
            buffers.ns.clear();
            buffers.text.clear();
            buffers.attributes.clear();
            buffers.bindings.clear();
            buffers.scopes.clear();
            buffers.keys.clear();
            SPARE.with(|spare| spare.set(Some(buffers)));
        }
    }
}

impl Source for QuickSource<'_> {
    fn next(&mut self) -> Result<Event> {
        self.leave();
        self.declared = self.bindings.len();
        if self.empty {
            self.empty = false;
            self.end(None)?;
            return Ok(Event::End);
        }
        loop {
            match self.read()? {
                Q::Start(e) => {
                    self.start(e)?;
                    return Ok(Event::Start);
                }
                Q::End(e) => {
                    self.end(Some(e.name().into_inner()))?;
                    return Ok(Event::End);
                }
                Q::Empty(e) => {
                    // As a start, and an end next.
                    self.start(e)?;
                    self.empty = true;
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
                Q::Decl(d) => self.check_xml_declaration(&d)?,
                Q::Comment(c) => self.comment(&c)?,
                Q::PI(p) => self.processing_instruction(&p)?,
                // Only in the prolog, before the root element, whether
                // ignored or refused.
                Q::DocType(_) if self.root => {
                    return Err(
                        self.syntax("a document type declaration inside or after the root element")
                    );
                }
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

/// The next attribute of a start tag's attributes `rest` (what follows the
/// element's name), moving `rest` past it: `name = "value"`,
/// white space allowed around `=`, the value in either quote. An error if
/// that is not what is there, or if a value is followed by neither white
/// space nor the end (XML requires it: `a="1"b="2"` is not XML; quick-xml's
/// iterator takes it). Quick-xml's iterator looks at the value byte by
/// byte; this finds its end with `memchr`. (Written twice is checked by
/// the caller.)
fn next_attribute<'a>(rest: &mut &'a [u8]) -> std::result::Result<Option<Attribute<'a>>, String> {
    let trimmed = trim_space(rest);
    if trimmed.is_empty() {
        *rest = trimmed;
        return Ok(None);
    }
    let name_end = trimmed
        .iter()
        .position(|&b| b == b'=' || is_space(b))
        .unwrap_or(trimmed.len());
    let (name, after) = trimmed.split_at(name_end);
    let what = || String::from_utf8_lossy(name).into_owned();
    let (value, after) = quoted_value(after).map_err(|missing| match missing {
        Missing::Eq => format!("the attribute {:?} has no `=` and value", what()),
        Missing::Quote => format!("the value of the attribute {:?} is not quoted", what()),
        Missing::Close => format!("the value of the attribute {:?} is not closed", what()),
    })?;
    if after.first().is_some_and(|&b| !is_space(b)) {
        return Err("an attribute follows a value without white space between".into());
    }
    *rest = after;
    Ok(Some(Attribute {
        key: quick_xml::name::QName(name),
        value: Cow::Borrowed(value),
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_1_x_document_is_read_as_xml_1_0() {
        for ok in [
            r#" version="1.0""#,
            r#" version="1.1""#,
            r#" version='1.10' encoding="UTF-8""#,
        ] {
            assert_eq!(xml_declaration(ok.as_bytes()), Ok(()), "{ok}");
        }
        for bad in [
            r#" version="2.0""#,
            r#" version="1.""#,
            r#" version="1.x""#,
            "",
        ] {
            assert!(xml_declaration(bad.as_bytes()).is_err(), "{bad}");
        }
    }

    #[test]
    fn a_doctype_is_only_before_the_root_element() {
        let ignore = ReadOptions {
            doctype: Doctype::Ignore,
            ..ReadOptions::default()
        };
        let read_all = |xml: &str| -> Result<()> {
            let mut source = QuickSource::new(xml.as_bytes(), ignore)?;
            while source.next()? != Event::Eof {}
            Ok(())
        };
        assert!(read_all(r#"<!DOCTYPE a [<!ENTITY e "x">]><a><b/></a>"#).is_ok());
        for xml in [
            r#"<a><!DOCTYPE a [<!ENTITY e "x">]><b/></a>"#,
            "<a/><!DOCTYPE a>",
        ] {
            let error = read_all(xml).unwrap_err();
            assert!(
                error.to_string().contains("document type declaration"),
                "{xml}: {error}"
            );
        }
    }

    #[test]
    fn qualified_names_are_split_at_their_one_colon() {
        let cases: [(&str, Option<Option<usize>>); 14] = [
            ("a", Some(None)),
            ("Envelope", Some(None)),
            ("soap:Body", Some(Some(4))),
            ("a-b.c_d9", Some(None)),
            ("_x:y", Some(Some(2))),
            ("a:b:c", None),
            (":a", None),
            ("a:", None),
            ("9a", None),
            ("-a", None),
            ("a b", None),
            ("", None),
            ("été:ça", Some(Some(5))),
            ("a:é:b", None),
        ];
        for (name, expected) in cases {
            assert_eq!(qname_colon(name.as_bytes()), expected, "{name}");
            if !name.is_empty() {
                assert_eq!(is_qname(name.as_bytes()), expected.is_some(), "{name}");
            }
        }
    }

    #[test]
    fn attribute_values_must_be_followed_by_white_space() {
        let all = |raw: &[u8]| -> std::result::Result<Vec<(String, String)>, String> {
            let mut rest = raw;
            let mut found = Vec::new();
            while let Some(a) = next_attribute(&mut rest)? {
                let text = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
                found.push((text(a.key.as_ref()), text(&a.value)));
            }
            Ok(found)
        };
        let pairs = |p: &[(&str, &str)]| -> Vec<(String, String)> {
            p.iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect()
        };
        assert_eq!(
            all(br#" a="1" b='2'"#),
            Ok(pairs(&[("a", "1"), ("b", "2")]))
        );
        assert_eq!(
            all(b" a=\"x'y\"\tb = \"2\" "),
            Ok(pairs(&[("a", "x'y"), ("b", "2")]))
        );
        assert_eq!(all(b""), Ok(vec![]));
        assert_eq!(all(b"  \n"), Ok(vec![]));
        for bad in [
            &br#" a="1"b="2""#[..],
            br#" a='1'b="2""#,
            b" a",
            b" a b=\"1\"",
            b" a=1",
            b" a=",
            br#" a="1"#,
            br#" a='1""#,
        ] {
            assert!(all(bad).is_err(), "{}", String::from_utf8_lossy(bad));
        }
    }

    #[test]
    fn a_source_dropped_halfway_leaves_nothing_to_the_next_one() {
        // Its buffers go to the next source on this thread: declarations
        // in scope, open elements, attributes, a text made of pieces.
        let first = br#"<p:a xmlns:p="urn:a" xmlns="urn:d" x="1"><b y="&amp;2">t&lt;u"#;
        let mut source = QuickSource::new(first, ReadOptions::default()).unwrap();
        for _ in 0..3 {
            source.next().unwrap();
        }
        assert_eq!(Source::text(&source), "t<u");
        drop(source);

        let second = br#"<c xmlns:q="urn:q" q:z="3"/>"#;
        let mut source = QuickSource::new(second, ReadOptions::default()).unwrap();
        assert!(matches!(source.next().unwrap(), Event::Start));
        assert_eq!(Source::name(&source), ("", "c"));
        assert_eq!(source.resolve_prefix(None), None);
        assert_eq!(source.resolve_prefix(Some("p")), None);
        assert_eq!(source.declaration_count(), 1);
        assert_eq!(Source::declaration(&source, 0), (Some("q"), "urn:q"));
        assert_eq!(source.attribute_count(), 1);
        let a = source.attribute(0);
        assert_eq!((a.namespace, a.local, a.value), ("urn:q", "z", "3"));
        assert!(matches!(source.next().unwrap(), Event::End));
        assert_eq!(Source::name(&source), ("", "c"));
        assert!(matches!(source.next().unwrap(), Event::Eof));
    }
}
