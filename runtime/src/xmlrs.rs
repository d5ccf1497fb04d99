//! The yaserde backend: xml-rs, through yaserde's `Deserializer` and
//! `Serializer`, so that every generated type is also `YaDeserialize` and
//! `YaSerialize` (see [`impl_yaserde!`](crate::impl_yaserde)).
//!
//! [`YaSource`] is a [`Source`] over a yaserde `Deserializer`, following
//! yaserde's conventions: it is made when the element's start tag is the
//! next event, and leaves that element's end tag for the caller to read.
//! Writing goes through the runtime's own [`Writer`] (the same text as the
//! fast backend), handed to yaserde's `Serializer` as raw characters: the
//! xml-rs writer would write a carriage return in text and a tab in an
//! attribute value raw, which a reader then turns into something else.

use std::io::{Read, Write};

use yaserde::__xml::namespace::Namespace;
use yaserde::__xml::reader::{ParserConfig, XmlEvent};
use yaserde::de::Deserializer;
use yaserde::ser::Serializer;

use crate::error::{Error, Result};
use crate::limits::Limits;
use crate::read::{Attr, Event, ReadXml, Source, UnknownContent};
use crate::write::{Sink, WriteXml, Writer};

/// An xml-rs configuration that reads text exactly as written (yaserde's
/// own trims it) and joins it across comments and CDATA sections, with the
/// parser's limits set from `limits` (with a margin: the [`Guard`](crate::limits::Guard)
/// in front counts the same things or more, and should speak first with a
/// typed error).
pub fn parser_config(limits: &Limits) -> ParserConfig {
    let margin = |n: usize| n.saturating_mul(2).saturating_add(16);
    ParserConfig::new()
        .trim_whitespace(false)
        .whitespace_to_characters(true)
        .cdata_to_characters(true)
        .ignore_comments(true)
        .coalesce_characters(true)
        .max_attributes(margin(limits.max_attributes))
        .max_attribute_length(margin(limits.max_text_len))
        .max_data_length(margin(limits.max_text_len))
        .max_name_length(margin(limits.max_name_len))
        // No DTD gets through the guard, so no entity can be declared; in
        // case one did, it may not expand.
        .max_entity_expansion_length(0)
        .max_entity_expansion_depth(0)
}

/// The error of yaserde's reader, as the runtime's.
pub fn from_yaserde(e: yaserde::Error) -> Error {
    match e {
        yaserde::Error::Reader(e) => Error::syntax(e),
        yaserde::Error::Writer(e) => Error::write(e),
        other => Error::content(other),
    }
}

/// A [`Source`] over a yaserde `Deserializer`: a whole document
/// ([`YaSource::document`]), or one element, from its start tag (the
/// deserializer's next event) to (and without) its end tag
/// ([`YaSource::new`], yaserde's convention).
pub struct YaSource<'a, R: Read> {
    de: &'a mut Deserializer<R>,
    current: XmlEvent,
    /// The namespaces in scope at each open element, the current start
    /// tag's last (to tell which it declares).
    scopes: Vec<Namespace>,
    /// Elements open (inside the first one, for one element).
    depth: usize,
    /// Whether the source is one element, not the whole document.
    element: bool,
    /// The text of the current text event (xml-rs may split it).
    text: String,
    done: bool,
    unknown: UnknownContent,
    skipped: std::cell::RefCell<crate::read::Skipped>,
    doctype: crate::quick::Doctype,
}

impl<'a, R: Read> YaSource<'a, R> {
    /// The element whose start tag is `de`'s next event: that start tag is
    /// the current event.
    pub fn new(de: &'a mut Deserializer<R>) -> Result<Self> {
        let mut current = de.next_event().map_err(from_yaserde)?;
        let XmlEvent::StartElement { namespace, .. } = &mut current else {
            return Err(Error::content(format!(
                "expected a start tag, found {current:?}"
            )));
        };
        let scopes = vec![
            Namespace::empty(),
            std::mem::replace(namespace, Namespace::empty()),
        ];
        Ok(YaSource {
            de,
            current,
            scopes,
            depth: 0,
            element: true,
            text: String::new(),
            done: false,
            unknown: UnknownContent::Error,
            skipped: Default::default(),
            doctype: Default::default(),
        })
    }

    /// The whole document `de` reads, before its first event.
    pub fn document(de: &'a mut Deserializer<R>) -> Self {
        YaSource {
            de,
            current: XmlEvent::EndDocument,
            scopes: vec![Namespace::empty()],
            depth: 0,
            element: false,
            text: String::new(),
            done: false,
            unknown: UnknownContent::Error,
            skipped: Default::default(),
            doctype: Default::default(),
        }
    }

    /// What to do with content the schema does not allow (an error by
    /// default).
    pub fn unknown_content(mut self, unknown: UnknownContent) -> Self {
        self.unknown = unknown;
        self
    }

    /// What to do with a document type declaration (refused by default).
    pub fn doctype(mut self, doctype: crate::quick::Doctype) -> Self {
        self.doctype = doctype;
        self
    }

    /// What was skipped as unknown content so far.
    pub fn skipped_content(&self) -> crate::read::Skipped {
        self.skipped.borrow().clone()
    }

    fn peek(&mut self) -> Result<&XmlEvent> {
        self.de.peek().map_err(from_yaserde)
    }

    fn take(&mut self) -> Result<XmlEvent> {
        self.de.next_event().map_err(from_yaserde)
    }
}

fn is_text(event: &XmlEvent) -> bool {
    matches!(
        event,
        XmlEvent::Characters(_) | XmlEvent::Whitespace(_) | XmlEvent::CData(_)
    )
}

impl<R: Read> Source for YaSource<'_, R> {
    fn next(&mut self) -> Result<Event> {
        if self.done {
            return Ok(Event::Eof);
        }
        if matches!(self.current, XmlEvent::EndElement { .. }) {
            self.scopes.pop();
        }
        if self.element && self.depth == 0 && matches!(self.peek()?, XmlEvent::EndElement { .. }) {
            // The first element's end tag: yaserde's callers read it.
            self.done = true;
            self.current = XmlEvent::EndElement {
                name: yaserde::__xml::name::OwnedName::local(""),
            };
            return Ok(Event::End);
        }
        let mut event = self.take()?;
        match event {
            XmlEvent::StartElement {
                ref mut namespace, ..
            } => {
                self.depth += 1;
                self.scopes
                    .push(std::mem::replace(namespace, Namespace::empty()));
                self.current = event;
                Ok(Event::Start)
            }
            XmlEvent::EndElement { .. } => {
                self.depth = self.depth.saturating_sub(1);
                self.current = event;
                Ok(Event::End)
            }
            XmlEvent::Characters(s) | XmlEvent::Whitespace(s) | XmlEvent::CData(s) => {
                self.text = s;
                while is_text(self.peek()?) {
                    if let XmlEvent::Characters(s) | XmlEvent::Whitespace(s) | XmlEvent::CData(s) =
                        self.take()?
                    {
                        self.text.push_str(&s);
                    }
                }
                self.current = XmlEvent::Characters(String::new());
                Ok(Event::Text)
            }
            XmlEvent::EndDocument => {
                self.done = true;
                self.current = event;
                Ok(Event::Eof)
            }
            XmlEvent::Doctype { .. } if self.doctype == crate::quick::Doctype::Refuse => {
                Err(Error::new(crate::error::ErrorKind::Dtd))
            }
            // yaserde's reader drops the document start, comments and
            // processing instructions.
            _ => self.next(),
        }
    }

    fn name(&self) -> (&str, &str) {
        match &self.current {
            XmlEvent::StartElement { name, .. } | XmlEvent::EndElement { name } => {
                (name.namespace.as_deref().unwrap_or(""), &name.local_name)
            }
            _ => ("", ""),
        }
    }

    fn prefix(&self) -> Option<&str> {
        match &self.current {
            XmlEvent::StartElement { name, .. } => name.prefix.as_deref(),
            _ => None,
        }
    }

    fn attribute_count(&self) -> usize {
        match &self.current {
            XmlEvent::StartElement { attributes, .. } => attributes.len(),
            _ => 0,
        }
    }

    fn attribute(&self, index: usize) -> Attr<'_> {
        let XmlEvent::StartElement { attributes, .. } = &self.current else {
            panic!("attribute {index} of no start tag");
        };
        let a = &attributes[index];
        Attr {
            namespace: a.name.namespace.as_deref().unwrap_or(""),
            local: &a.name.local_name,
            prefix: a.name.prefix.as_deref(),
            value: &a.value,
        }
    }

    fn declaration_count(&self) -> usize {
        self.declarations().count()
    }

    fn declaration(&self, index: usize) -> (Option<&str>, &str) {
        self.declarations()
            .nth(index)
            .expect("a declaration below declaration_count")
    }

    fn text(&self) -> &str {
        &self.text
    }

    fn resolve_prefix(&self, prefix: Option<&str>) -> Option<&str> {
        let ns = self.scopes.last()?.get(prefix.unwrap_or(""))?;
        Some(ns)
    }

    fn unknown_content(&self) -> UnknownContent {
        self.unknown
    }

    fn skipped(&self, namespace: &str, local: &str, attribute: bool) {
        self.skipped.borrow_mut().add(namespace, local, attribute);
    }
}

impl<R: Read> YaSource<'_, R> {
    /// The bindings of the current start tag's scope that its parent's
    /// scope does not have.
    fn declarations(&self) -> impl Iterator<Item = (Option<&str>, &str)> {
        let n = self.scopes.len();
        let (parent, own) = match &self.current {
            XmlEvent::StartElement { .. } if n >= 2 => (&self.scopes[n - 2], &self.scopes[n - 1]),
            _ => (&self.scopes[0], &self.scopes[0]),
        };
        own.into_iter().filter_map(move |(prefix, uri)| {
            if prefix == "xml" || prefix == "xmlns" || parent.get(prefix) == Some(uri) {
                return None;
            }
            if prefix.is_empty() && uri.is_empty() && parent.get("").is_none() {
                return None;
            }
            Some(((!prefix.is_empty()).then_some(prefix), uri))
        })
    }
}

/// Reads a whole document from `xml` as a `T`, through xml-rs, within
/// `limits` (for documents from the network, use the SOAP layer or the fast
/// backend, which check them before parsing), doing with content the schema
/// does not allow what `unknown` says.
pub fn from_str_with<T: crate::Root>(
    xml: &str,
    limits: &Limits,
    unknown: UnknownContent,
) -> Result<T> {
    let options = crate::ReadOptions {
        limits: *limits,
        unknown,
        ..Default::default()
    };
    from_str_options(xml, &options)
}

/// [`from_str_with`], as `options` say (the fast backend's options: the
/// same document reads the same with both).
pub fn from_str_options<T: crate::Root>(xml: &str, options: &crate::ReadOptions) -> Result<T> {
    let mut de = Deserializer::new(parser_config(&options.limits).create_reader(xml.as_bytes()));
    let mut source = YaSource::document(&mut de)
        .unknown_content(options.unknown)
        .doctype(options.doctype);
    crate::read::document(&mut source)
}

/// Reads a `T` from yaserde's reader, whose next event is the start tag of
/// the element (the end tag is left to the caller, as yaserde's readers do).
pub fn deserialize<T: ReadXml, R: Read>(de: &mut Deserializer<R>) -> yaserde::Result<T> {
    let mut source = YaSource::new(de).map_err(to_yaserde)?;
    T::read_xml(&mut source).map_err(to_yaserde)
}

/// The runtime's error as yaserde's (a message, with its path).
pub fn to_yaserde(e: Error) -> yaserde::Error {
    yaserde::Error::Message(e.to_string())
}

/// Writes `value` to yaserde's writer as element `{namespace}local` (or
/// under the name a parent's derived writer asks for).
pub fn serialize<T: WriteXml, W: Write>(
    value: &T,
    ser: &mut Serializer<W>,
    namespace: &str,
    local: &str,
) -> yaserde::Result<()> {
    if ser.skip_start_end() {
        return Err(yaserde::Error::custom(
            "a generated type cannot be flattened into another element",
        ));
    }
    let asked = ser.get_start_event_name();
    let (prefix, local) = match asked.as_deref().map(|n| n.split_once(':')) {
        Some(Some((prefix, local))) => (Some(prefix), local),
        Some(None) => (None, asked.as_deref().unwrap_or(local)),
        None => (None, local),
    };
    let mut writer = Writer::new(String::new());
    writer
        .start(namespace, local, prefix)
        .and_then(|()| value.write_xml(&mut writer))
        .and_then(|()| writer.end())
        .map_err(to_yaserde)?;
    ser.set_start_event_name(None);
    ser.write(yaserde::__xml::writer::XmlEvent::RawCharacters(
        &writer.into_inner(),
    ))?;
    Ok(())
}

/// Implements yaserde's `YaSerialize` and `YaDeserialize` for a generated
/// type, through the runtime's reader and writer: `impl_yaserde!(Disconnect,
/// "http://...", "Disconnect")` (the namespace and name it is written under
/// when it is the root).
#[macro_export]
macro_rules! impl_yaserde {
    ($ty:ty, $namespace:expr, $local:expr) => {
        impl $crate::__yaserde::YaSerialize for $ty {
            fn serialize<__W: ::std::io::Write>(
                &self,
                writer: &mut $crate::__yaserde::ser::Serializer<__W>,
            ) -> ::std::result::Result<(), $crate::__yaserde::Error> {
                $crate::xmlrs::serialize(self, writer, $namespace, $local)
            }

            #[inline]
            fn serialize_attributes(
                &self,
                attributes: ::std::vec::Vec<$crate::__yaserde::__xml::attribute::OwnedAttribute>,
                namespace: $crate::__yaserde::__xml::namespace::Namespace,
            ) -> ::std::result::Result<
                (
                    ::std::vec::Vec<$crate::__yaserde::__xml::attribute::OwnedAttribute>,
                    $crate::__yaserde::__xml::namespace::Namespace,
                ),
                $crate::__yaserde::Error,
            > {
                ::std::result::Result::Ok((attributes, namespace))
            }
        }

        impl $crate::__yaserde::YaDeserialize for $ty {
            fn deserialize<__R: ::std::io::Read>(
                reader: &mut $crate::__yaserde::de::Deserializer<__R>,
            ) -> ::std::result::Result<Self, $crate::__yaserde::Error> {
                $crate::xmlrs::deserialize(reader)
            }
        }
    };
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Element;

    /// `<Note><to>..</to></Note>`, as generated, with yaserde's traits.
    #[derive(Debug, PartialEq)]
    struct Note {
        to: String,
    }

    impl ReadXml for Note {
        fn read_xml<S: Source>(source: &mut S) -> Result<Self> {
            let mut to = None;
            crate::read::children(source, &[("urn:n", "to")], |source, child| match child {
                0 => crate::read::one(&mut to, source),
                _ => crate::read::unknown(source),
            })?;
            Ok(Note {
                to: crate::read::required(to, "to", "Note")?,
            })
        }
    }

    impl WriteXml for Note {
        fn write_xml(&self, sink: &mut dyn Sink) -> Result<()> {
            crate::write::child(sink, "urn:n", "to", &self.to)
        }
    }

    impl Element for Note {
        const NAMESPACE: &'static str = "urn:n";
        const LOCAL_NAME: &'static str = "Note";
    }

    crate::impl_yaserde!(Note, "urn:n", "Note");

    #[test]
    fn yaserde_reads_and_writes_through_the_runtime() {
        let note: Note =
            yaserde::de::from_str(r#"<n:Note xmlns:n="urn:n"><n:to> Tove </n:to></n:Note>"#)
                .unwrap();
        // yaserde's own reader trims text; the value is what it handed on.
        assert_eq!(note.to, "Tove");
        let written = yaserde::ser::to_string(&note).unwrap();
        assert_eq!(
            written,
            r#"<?xml version="1.0" encoding="UTF-8"?><Note xmlns="urn:n"><to>Tove</to></Note>"#
        );
        let e = yaserde::de::from_str::<Note>(r#"<Note xmlns="urn:n"/>"#).unwrap_err();
        assert_eq!(e.to_string(), "the element to of Note is missing");
    }

    #[test]
    fn an_element_source_leaves_the_end_tag_to_its_caller() {
        let xml = r#"<list><Note xmlns="urn:n"><to>a</to></Note><Note xmlns="urn:n"><to>b</to></Note></list>"#;
        let mut de =
            Deserializer::new(parser_config(&Limits::unlimited()).create_reader(xml.as_bytes()));
        de.next_event().unwrap(); // <list> (yaserde's reader skips the document start)
        let mut names = Vec::new();
        for _ in 0..2 {
            let note: Note = deserialize(&mut de).unwrap();
            names.push(note.to);
            // The end tag of the note is what comes next.
            assert!(matches!(
                de.next_event().unwrap(),
                XmlEvent::EndElement { .. }
            ));
        }
        assert_eq!(names, ["a", "b"]);
    }

    #[test]
    fn declarations_are_those_a_start_tag_makes() {
        let xml = r#"<a xmlns="urn:u" xmlns:p="urn:v"><b xmlns:p="urn:v" xmlns:q="urn:w"><c xmlns=""/></b></a>"#;
        let mut de =
            Deserializer::new(parser_config(&Limits::unlimited()).create_reader(xml.as_bytes()));
        let mut source = YaSource::document(&mut de);
        let mut seen = Vec::new();
        while source.next().unwrap() != Event::Eof {
            if source.name().1.is_empty() || source.attribute_count() > 0 {
                continue;
            }
            let declared: Vec<(Option<String>, String)> = (0..source.declaration_count())
                .map(|i| {
                    let (p, ns) = source.declaration(i);
                    (p.map(str::to_string), ns.to_string())
                })
                .collect();
            seen.push((source.name().1.to_string(), declared));
            if source.name().1 == "b" {
                assert_eq!(source.resolve_prefix(Some("q")), Some("urn:w"));
                assert_eq!(source.resolve_prefix(None), Some("urn:u"));
                assert_eq!(source.resolve_prefix(Some("z")), None);
            }
        }
        let s = |p: Option<&str>, ns: &str| (p.map(str::to_string), ns.to_string());
        assert_eq!(
            seen,
            [
                ("a".into(), vec![s(None, "urn:u"), s(Some("p"), "urn:v")]),
                ("b".into(), vec![s(Some("q"), "urn:w")]),
                ("c".into(), vec![s(None, "")]),
                // End tags have no declarations.
                ("c".into(), vec![]),
                ("b".into(), vec![]),
                ("a".into(), vec![]),
            ]
        );
    }
}
