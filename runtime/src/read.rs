//! Reading: the event [`Source`] a backend implements, and the helpers the
//! generated readers call.
//!
//! A generated reader ([`ReadXml::read_xml`]) is called with the start tag
//! of its element as the source's current event, and returns with that
//! element's end tag as the current event: it reads the attributes from the
//! start tag, then its children and text until the end tag. Names are
//! compared as a namespace URI and a local name; the empty string stands
//! for no namespace (it can never be a namespace's name).

use crate::error::{Error, ErrorKind, Result};
use crate::lexical::Lexical;
use crate::qname::Namespaces;
use crate::simple::SimpleType;

/// What the source's current event is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Event {
    /// A start tag: [`Source::name`], [`Source::attribute`] and
    /// [`Source::declaration`] describe it. An empty element (`<a/>`) is a
    /// start tag followed by an end tag.
    Start,
    /// An end tag: [`Source::name`] is its name.
    End,
    /// Text: [`Source::text`] is all of it up to the next tag, with
    /// character and entity references replaced and CDATA sections taken in.
    /// Comments and processing instructions are skipped (text on both sides
    /// of one is one text).
    Text,
    /// The end of the document.
    Eof,
}

/// An attribute of the current start tag.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Attr<'a> {
    /// Its namespace URI, `""` for none (unprefixed attributes have none).
    pub namespace: &'a str,
    /// Its local name.
    pub local: &'a str,
    /// The prefix it was written with, if any.
    pub prefix: Option<&'a str>,
    /// Its value, with references replaced (and, as XML requires, a
    /// literal tab, carriage return or line feed turned into a space).
    pub value: &'a str,
}

/// The events of an XML document, with namespaces resolved: what a backend
/// (an XML parser) gives the generated readers.
///
/// The source is a cursor: [`next`](Source::next) moves it to the next
/// event, and the other methods describe the current one. Namespace
/// declarations (`xmlns`, `xmlns:p`) are not attributes; they are
/// [`declaration`](Source::declaration)s.
pub trait Source {
    /// Moves to the next event and says what it is.
    fn next(&mut self) -> Result<Event>;

    /// The current start or end tag's namespace URI (`""` for none) and local name.
    fn name(&self) -> (&str, &str);

    /// The prefix the current start tag's name was written with, if any.
    fn prefix(&self) -> Option<&str>;

    /// How many attributes the current start tag has (namespace declarations
    /// are not counted).
    fn attribute_count(&self) -> usize;

    /// Attribute `index` (below [`attribute_count`](Source::attribute_count))
    /// of the current start tag.
    fn attribute(&self, index: usize) -> Attr<'_>;

    /// How many namespace declarations the current start tag makes.
    fn declaration_count(&self) -> usize;

    /// Namespace declaration `index` of the current start tag: the prefix
    /// (`None` for the default namespace) and the URI (`""` to undeclare
    /// the default namespace).
    fn declaration(&self, index: usize) -> (Option<&str>, &str);

    /// The current text.
    fn text(&self) -> &str;

    /// The namespace URI `prefix` is bound to where the current event
    /// stands (`None`: the default namespace), if it is bound.
    fn resolve_prefix(&self, prefix: Option<&str>) -> Option<&str>;

    /// What to do with an element, attribute or text the schema does not
    /// allow.
    fn unknown_content(&self) -> UnknownContent {
        UnknownContent::Error
    }

    /// Told of each element or attribute skipped as unknown content (under
    /// [`UnknownContent::Skip`]), for a source that reports them (through
    /// a cell: attributes are looked at through a shared reference).
    fn skipped(&self, namespace: &str, local: &str, attribute: bool) {
        let _ = (namespace, local, attribute);
    }
}

/// What a reader does with content the schema does not allow where it
/// stands: an element no member takes, an attribute the type does not
/// declare, text between child elements, a second occurrence of what
/// occurs once.
///
/// An error by default. A client that talks to a newer server (whose
/// documents have elements its schema did not) may skip such content;
/// [`from_slice_skipping`](crate::from_slice_skipping) then says what it
/// skipped. The instance attributes (`xsi:type`, `xsi:nil`,
/// `xsi:schemaLocation`, `xsi:noNamespaceSchemaLocation`) are allowed on
/// every element.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum UnknownContent {
    /// Fail, naming it.
    #[default]
    Error,
    /// Skip it, whole (the source counts what it skips).
    Skip,
}

/// What a read skipped as unknown content (see [`UnknownContent::Skip`]):
/// how many elements and attributes, and the names of the first ones.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Skipped {
    /// How many elements and attributes were skipped.
    pub count: usize,
    /// The first [`Skipped::KEPT`] of them: `{namespace}local` for an
    /// element, `@{namespace}local` for an attribute.
    pub names: Vec<String>,
}

impl Skipped {
    /// How many names are kept.
    pub const KEPT: usize = 16;

    /// Counts one more (and keeps its name while there is room).
    pub fn add(&mut self, namespace: &str, local: &str, attribute: bool) {
        self.count += 1;
        if self.names.len() < Self::KEPT {
            let at = if attribute { "@" } else { "" };
            self.names
                .push(format!("{at}{}", expanded(namespace, local)));
        }
    }

    /// Whether nothing was skipped.
    pub fn is_empty(&self) -> bool {
        self.count == 0
    }
}

/// A type read from an element: its attributes and content.
///
/// The generated structs implement it; so does every [`SimpleType`] (its
/// element holds the text of the value).
pub trait ReadXml: Sized {
    /// Reads the element whose start tag is `source`'s current event, up to
    /// its end tag, which is then the current event.
    fn read_xml<S: Source>(source: &mut S) -> Result<Self>;
}

impl<T: SimpleType> ReadXml for T {
    fn read_xml<S: Source>(source: &mut S) -> Result<Self> {
        no_attributes(source)?;
        simple(source)
    }
}

/// The index [`children`] gives a child element whose name is not among
/// the names it was given.
pub const UNKNOWN: usize = usize::MAX;

/// Reads the children of the element whose start tag is current, up to its
/// end tag: each child element's name is looked up in `names` (namespace,
/// local name), and `child` is called with the source at the child's start
/// tag and the child's index in `names` ([`UNKNOWN`] when it is not there).
/// An error inside child `i` is located in it (`Error::at`). Text between
/// the children must be whitespace, or is unknown content.
pub fn children<S: Source>(
    source: &mut S,
    names: &[(&str, &str)],
    mut child: impl FnMut(&mut S, usize) -> Result<()>,
) -> Result<()> {
    loop {
        match source.next()? {
            Event::Start => {
                let found = {
                    let (namespace, local) = source.name();
                    names
                        .iter()
                        .position(|&(n, l)| l == local && n == namespace)
                };
                match found {
                    Some(i) => child(source, i).map_err(|e| e.at(names[i].1))?,
                    None => child(source, UNKNOWN)?,
                }
            }
            Event::End => return Ok(()),
            Event::Text => {
                if !is_whitespace(source.text()) {
                    unknown_text(source)?;
                }
            }
            Event::Eof => return Err(end_of_document()),
        }
    }
}

/// Reads the content of an element that has no child elements and no text:
/// up to its end tag (what is there is unknown content).
pub fn no_children<S: Source>(source: &mut S) -> Result<()> {
    children(source, &[], |source, _| unknown(source))
}

/// Reads the attributes of the current start tag: `attribute` is called
/// with each. (The source is only looked at: `attribute` may look at it too,
/// to resolve the prefixes of a QName value with [`attribute_in`].)
pub fn attributes<S: Source>(
    source: &S,
    mut attribute: impl FnMut(Attr<'_>) -> Result<bool>,
) -> Result<()> {
    for i in 0..source.attribute_count() {
        if !attribute(source.attribute(i))? {
            unknown_attribute(source, i)?;
        }
    }
    Ok(())
}

/// Checks that the element at the current start tag has no attribute but
/// the instance attributes (for an element of a simple type, or of a
/// complex type that declares none).
pub fn no_attributes<S: Source>(source: &S) -> Result<()> {
    for i in 0..source.attribute_count() {
        unknown_attribute(source, i)?;
    }
    Ok(())
}

/// Attribute `index` of the current start tag is not declared: allowed if
/// it is an instance attribute, else skipped or an error, as the source's
/// [`unknown_content`](Source::unknown_content) says.
fn unknown_attribute<S: Source>(source: &S, index: usize) -> Result<()> {
    let a = source.attribute(index);
    if a.namespace == crate::XSI_NAMESPACE
        && matches!(
            a.local,
            "type" | "nil" | "schemaLocation" | "noNamespaceSchemaLocation"
        )
    {
        return Ok(());
    }
    match source.unknown_content() {
        UnknownContent::Error => Err(Error::content(format!(
            "unexpected attribute {}",
            expanded(a.namespace, a.local)
        ))),
        UnknownContent::Skip => {
            source.skipped(a.namespace, a.local, true);
            Ok(())
        }
    }
}

/// Reads attribute `a`'s value as a `T` into `slot`:
/// `attribute Build: invalid digit found in string` when it is not one.
/// `Ok(true)`: the attribute is taken (see [`attributes`]).
pub fn attribute_into<T: SimpleType>(slot: &mut Option<T>, a: Attr<'_>) -> Result<bool> {
    *slot = Some(attribute(a.value, a.local)?);
    Ok(true)
}

/// [`attribute_into`], for a value whose text names namespace prefixes (a
/// QName, a list of them): `namespaces` (the source, at the start tag)
/// resolves them.
pub fn attribute_in<T: SimpleType>(
    slot: &mut Option<T>,
    a: Attr<'_>,
    namespaces: &dyn Namespaces,
) -> Result<bool> {
    let value = T::from_text_in(a.value, namespaces)
        .map_err(|e| Error::value(format!("attribute {}: {e}", a.local)))?;
    *slot = Some(value);
    Ok(true)
}

/// [`attribute_into`], keeping the value's text in `lexical` (as member
/// `member`'s) when it is not the value's own: what a struct with a
/// [`Lexical`] record reads a number, a boolean or a list with.
pub fn attribute_kept<T: SimpleType>(
    slot: &mut Option<T>,
    a: Attr<'_>,
    lexical: &mut Lexical,
    member: u32,
) -> Result<bool> {
    let value: T = attribute(a.value, a.local)?;
    lexical.keep(member, 0, a.value, &value);
    *slot = Some(value);
    Ok(true)
}

/// Reads the element at the current start tag as one of a choice's
/// alternatives (`variant` makes the choice's value of it) into `slot`,
/// for a choice that occurs at most once.
pub fn one_of<S: Source, T: ReadXml, C>(
    slot: &mut Option<C>,
    source: &mut S,
    variant: impl FnOnce(T) -> C,
) -> Result<()> {
    if slot.is_some() {
        return again(source, "the choice occurs more than once");
    }
    *slot = Some(variant(T::read_xml(source)?));
    Ok(())
}

/// Reads the element at the current start tag as one of a choice's
/// alternatives onto `items`, for a choice that repeats.
pub fn many_of<S: Source, T: ReadXml, C>(
    items: &mut Vec<C>,
    source: &mut S,
    variant: impl FnOnce(T) -> C,
) -> Result<()> {
    items.push(variant(T::read_xml(source)?));
    Ok(())
}

/// The error of an element that is none of a schema's global elements.
pub fn not_global(namespace: &str, local: &str) -> Error {
    Error::content(format!(
        "<{}> is not a global element of the schema",
        expanded(namespace, local)
    ))
}

/// Reads a whole document from `source`, at its start, as a `T`: its root
/// element must be one of `T`'s ([`Root::root_names`](crate::Root::root_names)),
/// and nothing but whitespace (and comments) may stand around it. What each
/// backend's `from_str` does.
pub fn document<T: crate::Root, S: Source>(source: &mut S) -> Result<T> {
    let found = loop {
        match source.next()? {
            Event::Start => break source.name(),
            Event::Text if is_whitespace(source.text()) => {}
            Event::Text => return Err(Error::syntax("text before the root element")),
            Event::End => return Err(Error::syntax("an end tag before the root element")),
            Event::Eof => return Err(Error::syntax("no root element")),
        }
    };
    let names = T::root_names();
    // The local name first: the namespaces are long, and often the same.
    if !names.iter().any(|&(n, l)| l == found.1 && n == found.0) {
        let expected: Vec<String> = names.iter().map(|(n, l)| expanded(n, l)).collect();
        let (namespace, local) = found;
        return Err(Error::content(format!(
            "expected {} as the root element, found {}",
            expected.join(" or "),
            expanded(namespace, local)
        )));
    }
    let value = T::read_xml(source)?;
    loop {
        match source.next()? {
            Event::Eof => return Ok(value),
            Event::Text if is_whitespace(source.text()) => {}
            Event::Start => {
                let (namespace, local) = source.name();
                return Err(Error::syntax(format!(
                    "a second root element, {}",
                    expanded(namespace, local)
                )));
            }
            _ => return Err(Error::syntax("content after the root element")),
        }
    }
}

/// Text of mixed content, where it stands: `before` child elements come
/// before it. A mixed struct keeps its child elements in their fields and
/// the text between them in a `Vec` of these, so that writing it back puts
/// each text where it was.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct MixedText {
    /// How many child elements come before the text.
    pub before: usize,
    /// The text.
    pub text: String,
}

/// [`children`], for mixed content: the text between the child elements
/// (whitespace included: in mixed content it is content) goes to `text`,
/// with where it stands.
pub fn mixed_children<S: Source>(
    source: &mut S,
    names: &[(&str, &str)],
    text: &mut Vec<MixedText>,
    mut child: impl FnMut(&mut S, usize) -> Result<()>,
) -> Result<()> {
    let mut before = 0;
    loop {
        match source.next()? {
            Event::Start => {
                let found = {
                    let (namespace, local) = source.name();
                    names
                        .iter()
                        .position(|&(n, l)| l == local && n == namespace)
                };
                match found {
                    Some(i) => child(source, i).map_err(|e| e.at(names[i].1))?,
                    None => child(source, UNKNOWN)?,
                }
                before += 1;
            }
            Event::End => return Ok(()),
            Event::Text => match text.last_mut() {
                Some(last) if last.before == before => last.text.push_str(source.text()),
                _ => text.push(MixedText {
                    before,
                    text: source.text().to_string(),
                }),
            },
            Event::Eof => return Err(end_of_document()),
        }
    }
}

/// The error of a document that ends inside an element.
pub fn end_of_document() -> Error {
    Error::syntax("the document ends inside an element")
}

/// Whether `text` is only XML whitespace (space, tab, carriage return, line feed).
pub fn is_whitespace(text: &str) -> bool {
    text.bytes()
        .all(|b| matches!(b, b' ' | b'\t' | b'\r' | b'\n'))
}

/// Reads the element at the current start tag into `slot`, which holds the
/// value of a child that occurs at most once: a second occurrence is
/// content the schema does not allow (skipped, or an error, as the source's
/// [`unknown_content`](Source::unknown_content) says).
pub fn one<S: Source, T: ReadXml>(slot: &mut Option<T>, source: &mut S) -> Result<()> {
    if slot.is_some() {
        return again(source, "the element occurs more than once");
    }
    *slot = Some(T::read_xml(source)?);
    Ok(())
}

/// A second occurrence of what occurs at most once.
fn again<S: Source>(source: &mut S, message: &str) -> Result<()> {
    match source.unknown_content() {
        UnknownContent::Skip => skip_unknown(source),
        UnknownContent::Error => Err(Error::content(message)),
    }
}

/// Skips the element at the current start tag as unknown content, telling
/// the source.
fn skip_unknown<S: Source>(source: &mut S) -> Result<()> {
    let (namespace, local) = source.name();
    let (namespace, local) = (namespace.to_owned(), local.to_owned());
    source.skipped(&namespace, &local, false);
    skip(source)
}

/// [`one`], for a value held in a `Box` (a type that contains itself).
pub fn one_boxed<S: Source, T: ReadXml>(slot: &mut Option<Box<T>>, source: &mut S) -> Result<()> {
    if slot.is_some() {
        return again(source, "the element occurs more than once");
    }
    *slot = Some(Box::new(T::read_xml(source)?));
    Ok(())
}

/// Reads the element at the current start tag onto `items`.
pub fn many<S: Source, T: ReadXml>(items: &mut Vec<T>, source: &mut S) -> Result<()> {
    items.push(T::read_xml(source)?);
    Ok(())
}

/// [`many`], for values held in a `Box`.
pub fn many_boxed<S: Source, T: ReadXml>(items: &mut Vec<Box<T>>, source: &mut S) -> Result<()> {
    items.push(Box::new(T::read_xml(source)?));
    Ok(())
}

/// The value of a required child element, or the error that says it is
/// missing: `the element CallId of Disconnect is missing`.
pub fn required<T>(slot: Option<T>, local: &str, owner: &str) -> Result<T> {
    slot.ok_or_else(|| Error::content(format!("the element {local} of {owner} is missing")))
}

/// The value of a required attribute, or the error that says it is missing.
pub fn required_attribute<T>(slot: Option<T>, local: &str, owner: &str) -> Result<T> {
    slot.ok_or_else(|| Error::content(format!("the attribute {local} of {owner} is missing")))
}

/// Checks that a child that may repeat occurs between `min` and `max`
/// (`None`: unbounded) times: ``expected 2 to 5 of `Item`, found 1``.
pub fn count<T>(items: Vec<T>, min: usize, max: Option<usize>, what: &str) -> Result<Vec<T>> {
    let n = items.len();
    if n < min || max.is_some_and(|max| n > max) {
        return Err(Error::content(format!(
            "expected {} of {what}, found {n}",
            bounds(min, max)
        )));
    }
    Ok(items)
}

/// `1`, `2 to 5`, `at least 1`: the bounds of an occurrence count.
pub fn bounds(min: usize, max: Option<usize>) -> String {
    match max {
        Some(max) if max == min => format!("{max}"),
        Some(max) => format!("{min} to {max}"),
        None => format!("at least {min}"),
    }
}

/// The value of a choice that occurs exactly once: `expected 1 of `Id`,
/// `Path`, found 0` when it is missing.
pub fn required_choice<T>(slot: Option<T>, what: &str) -> Result<T> {
    slot.ok_or_else(|| Error::content(format!("expected 1 of {what}, found 0")))
}

/// Reads the text of the element at the current start tag, up to its end
/// tag: an element inside is an error.
pub fn text<S: Source>(source: &mut S) -> Result<String> {
    match source.next()? {
        Event::Text => {
            let text = source.text().to_owned();
            end_of_text(source)?;
            Ok(text)
        }
        event => {
            end_of_text_at(source, event)?;
            Ok(String::new())
        }
    }
}

/// Reads the element at the current start tag as a simple value: its text,
/// parsed as a `T` (where it stands in the source, without a copy; the
/// prefixes of a QName resolved where it stands).
pub fn simple<S: Source, T: SimpleType>(source: &mut S) -> Result<T> {
    with_text(source, |text, source| T::from_text_in(text, source))
}

/// [`simple`], keeping the text in `lexical` (as member `member`'s) when
/// it is not the value's own.
pub fn simple_kept<S: Source, T: SimpleType>(
    source: &mut S,
    lexical: &mut Lexical,
    member: u32,
) -> Result<T> {
    kept_text(source, None, lexical, member, 0)
}

/// Reads the text of the text-only element at the current start tag (`""`
/// when it has none), up to its end tag, and makes a value of it with `f`,
/// given the source where the text stands (its namespaces in scope).
fn with_text<S: Source, T>(source: &mut S, f: impl FnOnce(&str, &S) -> Result<T>) -> Result<T> {
    match source.next()? {
        Event::Text => {
            let value = f(source.text(), source);
            end_of_text(source)?;
            value
        }
        event => {
            end_of_text_at(source, event)?;
            f("", source)
        }
    }
}

/// The value of a text-only element (its `default` when it is empty, if
/// it has one), its text kept as value `index` of member `member`.
fn kept_text<S: Source, T: SimpleType>(
    source: &mut S,
    default: Option<&str>,
    lexical: &mut Lexical,
    member: u32,
    index: usize,
) -> Result<T> {
    with_text(source, |text, source| {
        let value = match default {
            Some(default) if text.is_empty() => T::from_text_in(default, source)?,
            _ => T::from_text_in(text, source)?,
        };
        lexical.keep(member, index, text, &value);
        Ok(value)
    })
}

/// After the text of a text-only element: its end tag.
fn end_of_text<S: Source>(source: &mut S) -> Result<()> {
    let event = source.next()?;
    end_of_text_at(source, event)
}

/// `event` must be the end tag of a text-only element.
fn end_of_text_at<S: Source>(source: &mut S, event: Event) -> Result<()> {
    match event {
        Event::End => Ok(()),
        Event::Start => {
            let found = source.name().1.to_owned();
            Err(Error::new(ErrorKind::TextOnly { found }))
        }
        // Sources join the text around comments: two texts in a row are not
        // one of this element's.
        Event::Text => Err(Error::syntax("text split in two by the source")),
        Event::Eof => Err(end_of_document()),
    }
}

/// Reads the text of a nillable element at the current start tag: `None`
/// when it is nil (`nil`: its `xsi:nil` is true; it must then be empty),
/// else its value.
pub fn nillable<S: Source, T: SimpleType>(source: &mut S, nil: bool) -> Result<Option<T>> {
    with_text(source, |text, source| match (nil, text.is_empty()) {
        (true, true) => Ok(None),
        (true, false) => Err(nil_with_content()),
        (false, _) => T::from_text_in(text, source).map(Some),
    })
}

fn nil_with_content() -> Error {
    Error::content("an element with xsi:nil=\"true\" has content")
}

/// [`nillable`], keeping the text in `lexical` (as member `member`'s) when
/// it is not the value's own.
pub fn nillable_kept<S: Source, T: SimpleType>(
    source: &mut S,
    nil: bool,
    lexical: &mut Lexical,
    member: u32,
) -> Result<Option<T>> {
    with_text(source, |text, source| match (nil, text.is_empty()) {
        (true, true) => Ok(None),
        (true, false) => Err(nil_with_content()),
        (false, _) => {
            let value = T::from_text_in(text, source)?;
            lexical.keep(member, 0, text, &value);
            Ok(Some(value))
        }
    })
}

/// Reads the text of an element at the current start tag as a `T`; an
/// empty element stands for `default` (its `default` or `fixed` value).
pub fn simple_or_default<S: Source, T: SimpleType>(source: &mut S, default: &str) -> Result<T> {
    no_attributes(source)?;
    with_text(source, |text, source| {
        T::from_text_in(if text.is_empty() { default } else { text }, source)
    })
}

/// [`one`], for a child with a default value: an empty element stands for it.
pub fn one_default<S: Source, T: SimpleType>(
    slot: &mut Option<T>,
    source: &mut S,
    default: &str,
) -> Result<()> {
    if slot.is_some() {
        return again(source, "the element occurs more than once");
    }
    *slot = Some(simple_or_default(source, default)?);
    Ok(())
}

/// [`many`], for a child with a default value.
pub fn many_default<S: Source, T: SimpleType>(
    items: &mut Vec<T>,
    source: &mut S,
    default: &str,
) -> Result<()> {
    items.push(simple_or_default(source, default)?);
    Ok(())
}

/// [`one`], for a child of a simple type whose text `lexical` keeps (as
/// member `member`'s) when it is not the value's own.
pub fn one_kept<S: Source, T: SimpleType>(
    slot: &mut Option<T>,
    source: &mut S,
    lexical: &mut Lexical,
    member: u32,
) -> Result<()> {
    one_default_kept(slot, source, None, lexical, member)
}

/// [`many`], for a child of a simple type whose text `lexical` keeps (as
/// value `items.len()` of member `member`) when it is not the value's own.
pub fn many_kept<S: Source, T: SimpleType>(
    items: &mut Vec<T>,
    source: &mut S,
    lexical: &mut Lexical,
    member: u32,
) -> Result<()> {
    many_default_kept(items, source, None, lexical, member)
}

/// [`one_kept`], for a child with a default value (`Some`): an empty element
/// stands for it (and is written back empty).
pub fn one_default_kept<S: Source, T: SimpleType>(
    slot: &mut Option<T>,
    source: &mut S,
    default: Option<&str>,
    lexical: &mut Lexical,
    member: u32,
) -> Result<()> {
    if slot.is_some() {
        return again(source, "the element occurs more than once");
    }
    *slot = Some(kept_text(source, default, lexical, member, 0)?);
    Ok(())
}

/// [`many_kept`], for a child with a default value (`Some`).
pub fn many_default_kept<S: Source, T: SimpleType>(
    items: &mut Vec<T>,
    source: &mut S,
    default: Option<&str>,
    lexical: &mut Lexical,
    member: u32,
) -> Result<()> {
    let index = items.len();
    items.push(kept_text(source, default, lexical, member, index)?);
    Ok(())
}

/// Reads an attribute's value as a `T`: `attribute Build: invalid digit found in string`.
pub fn attribute<T: SimpleType>(value: &str, local: &str) -> Result<T> {
    T::from_text(value).map_err(|e| Error::value(format!("attribute {local}: {e}")))
}

/// Skips the element at the current start tag, whole: its end tag is then
/// the current event.
pub fn skip<S: Source>(source: &mut S) -> Result<()> {
    let mut depth = 0usize;
    loop {
        match source.next()? {
            Event::Start => depth += 1,
            Event::End if depth == 0 => return Ok(()),
            Event::End => depth -= 1,
            Event::Text => {}
            Event::Eof => return Err(end_of_document()),
        }
    }
}

/// The element at the current start tag is not allowed where it stands:
/// skipped, or an error naming it, as the source's
/// [`unknown_content`](Source::unknown_content) says.
pub fn unknown<S: Source>(source: &mut S) -> Result<()> {
    match source.unknown_content() {
        UnknownContent::Skip => skip_unknown(source),
        UnknownContent::Error => {
            let (namespace, local) = source.name();
            Err(
                Error::content(format!("unexpected element {}", expanded(namespace, local)))
                    .at(local),
            )
        }
    }
}

/// The current text is not allowed where it stands (between child
/// elements): ignored, or an error, as the source says.
pub fn unknown_text<S: Source>(source: &mut S) -> Result<()> {
    match source.unknown_content() {
        UnknownContent::Skip => {
            source.skipped("", "#text", false);
            Ok(())
        }
        UnknownContent::Error => {
            const SHOWN: usize = 40;
            let text = source.text();
            let shown = match text.char_indices().nth(SHOWN) {
                Some((end, _)) => format!("{:?}...", &text[..end]),
                None => format!("{text:?}"),
            };
            Err(Error::content(format!(
                "unexpected text {shown} between elements"
            )))
        }
    }
}

/// The type the current start tag's `xsi:type` names, as (namespace URI,
/// local name), its prefix resolved in the element's scope; `None` when it
/// has none. A prefix that is not declared is an error.
pub fn xsi_type<S: Source>(source: &S) -> Result<Option<(String, String)>> {
    for i in 0..source.attribute_count() {
        let a = source.attribute(i);
        if a.namespace != crate::XSI_NAMESPACE || a.local != "type" {
            continue;
        }
        let value = a.value.trim_matches([' ', '\t', '\r', '\n']);
        let (prefix, local) = match value.split_once(':') {
            Some((prefix, local)) => (Some(prefix), local),
            None => (None, value),
        };
        let namespace = match source.resolve_prefix(prefix) {
            Some(namespace) => namespace,
            None if prefix.is_none() => "",
            None => {
                return Err(Error::value(format!(
                    "xsi:type {value:?}: the prefix {:?} is not declared",
                    prefix.unwrap_or_default()
                )));
            }
        };
        return Ok(Some((namespace.to_string(), local.to_string())));
    }
    Ok(None)
}

/// The error for an `xsi:type` that names a type the element may not have:
/// not one the schema derives from its declared type.
pub fn unknown_xsi_type(namespace: &str, local: &str, declared: &str) -> Error {
    Error::content(format!(
        "xsi:type names {}, which is not {declared} or a type derived from it",
        expanded(namespace, local)
    ))
}

/// The error for an element of an abstract type without an `xsi:type`
/// naming a concrete one.
pub fn abstract_type(declared: &str) -> Error {
    Error::content(format!(
        "the element's type {declared} is abstract: an xsi:type naming a type derived from it is needed"
    ))
}

/// `{namespace}local`, or `local` for no namespace: a name as messages write it.
pub fn expanded(namespace: &str, local: &str) -> String {
    if namespace.is_empty() {
        local.to_string()
    } else {
        format!("{{{namespace}}}{local}")
    }
}

#[cfg(test)]
mod tests;
