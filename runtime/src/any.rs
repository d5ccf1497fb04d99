//! XML kept as it was read, for wildcards: [`AnyElement`] (`xs:any`) and
//! [`Attribute`] (`xs:anyAttribute`).

use std::fmt;

use crate::error::{Error, Result};
use crate::read::{self, Event, ReadXml, Source};
use crate::write::{Sink, WriteXml, Writer};

/// An attribute kept as written (an `xs:anyAttribute` wildcard's).
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Attribute {
    /// Its namespace URI, `None` for no namespace.
    pub namespace: Option<String>,
    /// The prefix it was written with (written back with it where free).
    pub prefix: Option<String>,
    /// Its local name.
    pub local_name: String,
    /// Its value.
    pub value: String,
}

impl Attribute {
    /// The attribute `a` of a start tag, owned.
    pub fn from_source(a: read::Attr<'_>) -> Self {
        Attribute {
            namespace: (!a.namespace.is_empty()).then(|| a.namespace.to_string()),
            prefix: a.prefix.map(str::to_string),
            local_name: a.local.to_string(),
            value: a.value.to_string(),
        }
    }

    /// Adds the attribute to the start tag `sink` has just started.
    pub fn write(&self, sink: &mut dyn Sink) -> Result<()> {
        sink.attribute(
            self.namespace.as_deref().unwrap_or(""),
            &self.local_name,
            self.prefix.as_deref(),
            &self.value,
        )
    }
}

/// A namespace declaration kept as written: a prefix (`None` for the
/// default namespace) and the namespace URI.
pub type Declaration = (Option<String>, String);

/// One event of an [`AnyElement`]: a start tag, text, or an end tag.
#[derive(Clone, Debug)]
pub enum AnyEvent {
    /// A start tag.
    Start {
        /// Its namespace URI, `None` for no namespace.
        namespace: Option<String>,
        /// Its local name.
        local_name: String,
        /// The prefix it was written with.
        prefix: Option<String>,
        /// Its attributes, as written.
        attributes: Vec<Attribute>,
        /// The namespace declarations it made (kept, so that a prefix used
        /// in a value, such as an `xsi:type`, stays bound).
        declarations: Vec<Declaration>,
    },
    /// Text, with references replaced.
    Text(String),
    /// The end tag of the innermost open element.
    End,
}

/// An element kept as it was read (an `xs:any` wildcard's): every start
/// tag, attribute, namespace declaration, text and end tag, in order. It is
/// flat (a list of events, not a tree), so that however deep it is, nothing
/// that reads, compares, copies, writes or drops it recurses.
///
/// Two are equal when they are the same XML: the same names (with their
/// namespaces), attributes (in any order) and text, whatever the prefixes
/// and the declarations. `Display` writes it as XML text.
#[derive(Clone, Debug)]
pub struct AnyElement {
    events: Vec<AnyEvent>,
}

impl AnyElement {
    /// An element from its events: a start tag, then what it holds, then
    /// the end tag that closes it (an error if they do not nest).
    pub fn from_events(events: Vec<AnyEvent>) -> Result<Self> {
        let mut depth = 0usize;
        for (i, event) in events.iter().enumerate() {
            match event {
                AnyEvent::Start { .. } => depth += 1,
                AnyEvent::End if depth > 0 => depth -= 1,
                AnyEvent::End => return Err(Error::content("an end tag with no element open")),
                AnyEvent::Text(_) if depth == 0 => {
                    return Err(Error::content("text outside the element"));
                }
                AnyEvent::Text(_) => {}
            }
            if depth == 0 && i + 1 != events.len() {
                return Err(Error::content("more than one element"));
            }
        }
        if depth != 0 || events.is_empty() {
            return Err(Error::content("the element is not closed"));
        }
        Ok(AnyElement { events })
    }

    /// Its events, the first a start tag and the last its end tag.
    pub fn events(&self) -> &[AnyEvent] {
        &self.events
    }

    /// The element's namespace (`None` for none) and local name.
    pub fn name(&self) -> (Option<&str>, &str) {
        match self.events.first() {
            Some(AnyEvent::Start {
                namespace,
                local_name,
                ..
            }) => (namespace.as_deref(), local_name),
            _ => (None, ""),
        }
    }

    /// The element's own attributes.
    pub fn attributes(&self) -> &[Attribute] {
        match self.events.first() {
            Some(AnyEvent::Start { attributes, .. }) => attributes,
            _ => &[],
        }
    }

    /// All the text inside the element, its descendants' included, in order.
    pub fn text(&self) -> String {
        self.events
            .iter()
            .filter_map(|e| match e {
                AnyEvent::Text(t) => Some(t.as_str()),
                _ => None,
            })
            .collect()
    }

    /// Writes the element whole (its start tag included).
    pub fn write_element(&self, sink: &mut dyn Sink) -> Result<()> {
        write_events(sink, &self.events)
    }

    /// The element as a list of events without prefixes or declarations,
    /// attributes sorted: what equality compares.
    fn canonical(&self) -> impl Iterator<Item = Canonical<'_>> {
        self.events.iter().map(|e| match e {
            AnyEvent::Start {
                namespace,
                local_name,
                attributes,
                ..
            } => {
                let mut attributes: Vec<(&Option<String>, &str, &str)> = attributes
                    .iter()
                    .map(|a| (&a.namespace, a.local_name.as_str(), a.value.as_str()))
                    .collect();
                attributes.sort();
                Canonical::Start(namespace, local_name, attributes)
            }
            AnyEvent::Text(t) => Canonical::Text(t),
            AnyEvent::End => Canonical::End,
        })
    }
}

#[derive(PartialEq)]
enum Canonical<'a> {
    Start(
        &'a Option<String>,
        &'a str,
        Vec<(&'a Option<String>, &'a str, &'a str)>,
    ),
    Text(&'a str),
    End,
}

impl PartialEq for AnyElement {
    fn eq(&self, other: &Self) -> bool {
        self.events.len() == other.events.len() && self.canonical().eq(other.canonical())
    }
}

impl Eq for AnyElement {}

/// The start tag that is `source`'s current event, owned. Its
/// declarations are those it makes, and the one of the prefix its
/// `xsi:type` names a type with, if an element around it makes that one:
/// written elsewhere, the `xsi:type` still names the same type.
fn start_event<S: Source>(source: &S) -> AnyEvent {
    let (namespace, local) = source.name();
    let attributes: Vec<Attribute> = (0..source.attribute_count())
        .map(|i| Attribute::from_source(source.attribute(i)))
        .collect();
    let mut declarations: Vec<Declaration> = (0..source.declaration_count())
        .map(|i| {
            let (p, ns) = source.declaration(i);
            (p.map(str::to_string), ns.to_string())
        })
        .collect();
    let xsi_type = attributes
        .iter()
        .find(|a| a.namespace.as_deref() == Some(crate::XSI_NAMESPACE) && a.local_name == "type");
    if let Some(a) = xsi_type {
        let prefix = a.value.trim().split_once(':').map(|(p, _)| p);
        let declared = declarations.iter().any(|(p, _)| p.as_deref() == prefix);
        if let Some(bound) = source.resolve_prefix(prefix).filter(|_| !declared) {
            // (An unprefixed name in no namespace needs no declaration.)
            if prefix.is_some() || !bound.is_empty() {
                declarations.push((prefix.map(str::to_string), bound.to_string()));
            }
        }
    }
    AnyEvent::Start {
        namespace: (!namespace.is_empty()).then(|| namespace.to_string()),
        local_name: local.to_string(),
        prefix: source.prefix().map(str::to_string),
        attributes,
        declarations,
    }
}

impl ReadXml for AnyElement {
    /// Reads the element at the current start tag, whole (without recursion).
    fn read_xml<S: Source>(source: &mut S) -> Result<Self> {
        let mut events = vec![start_event(source)];
        let mut depth = 1usize;
        while depth > 0 {
            match source.next()? {
                Event::Start => {
                    depth += 1;
                    events.push(start_event(source));
                }
                Event::End => {
                    depth -= 1;
                    events.push(AnyEvent::End);
                }
                Event::Text => events.push(AnyEvent::Text(source.text().to_string())),
                Event::Eof => return Err(read::end_of_document()),
            }
        }
        Ok(AnyElement { events })
    }
}

impl fmt::Display for AnyElement {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut writer = Writer::new(String::new());
        self.write_element(&mut writer).map_err(|_| fmt::Error)?;
        f.write_str(&writer.into_inner())
    }
}

/// Written as a child element of a struct, an `AnyElement` is the whole
/// element, not content: see [`AnyElement::write_element`]. This impl
/// writes its content (attributes, children, text) into an element the
/// caller started, for a field whose element name is fixed.
impl WriteXml for AnyElement {
    fn write_xml(&self, sink: &mut dyn Sink) -> Result<()> {
        let Some((
            AnyEvent::Start {
                attributes,
                declarations,
                ..
            },
            rest,
        )) = self.events.split_first()
        else {
            return Ok(());
        };
        for (p, ns) in declarations {
            sink.declare(p.as_deref(), ns)?;
        }
        for a in attributes {
            a.write(sink)?;
        }
        write_events(sink, &rest[..rest.len().saturating_sub(1)])
    }
}

/// Writes `events` to `sink`.
fn write_events(sink: &mut dyn Sink, events: &[AnyEvent]) -> Result<()> {
    for event in events {
        match event {
            AnyEvent::Start {
                namespace,
                local_name,
                prefix,
                attributes,
                declarations,
            } => {
                sink.start(
                    namespace.as_deref().unwrap_or(""),
                    local_name,
                    // Unprefixed, it was in the default namespace: keep it there.
                    prefix.as_deref().or(Some("")),
                )?;
                for (p, ns) in declarations {
                    sink.declare(p.as_deref(), ns)?;
                }
                for a in attributes {
                    a.write(sink)?;
                }
            }
            AnyEvent::Text(text) => sink.text(text)?,
            AnyEvent::End => sink.end()?,
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::write::Writer;
    use crate::xmlrs::from_str_with;
    use crate::{Element, Limits, UnknownContent};

    /// A document whose root is kept whole.
    #[derive(Debug, PartialEq)]
    struct Doc(AnyElement);

    impl ReadXml for Doc {
        fn read_xml<S: Source>(source: &mut S) -> Result<Self> {
            AnyElement::read_xml(source).map(Doc)
        }
    }

    impl WriteXml for Doc {
        fn write_xml(&self, sink: &mut dyn Sink) -> Result<()> {
            self.0.write_xml(sink)
        }
    }

    impl Element for Doc {
        const NAMESPACE: &'static str = "urn:a";
        const LOCAL_NAME: &'static str = "r";
    }

    fn read(xml: &str) -> AnyElement {
        from_str_with::<Doc>(xml, &Limits::unlimited(), UnknownContent::Error)
            .unwrap()
            .0
    }

    const XML: &str = r#"<p:r xmlns:p="urn:a" xmlns:q="urn:q" xmlns:t="urn:types" a="1" q:b="2"><x xmlns="urn:d" t:type="t:Name">one &amp; two</x><p:y/>tail</p:r>"#;

    #[test]
    fn everything_is_kept_and_written_back() {
        let any = read(XML);
        assert_eq!(any.name(), (Some("urn:a"), "r"));
        assert_eq!(any.attributes().len(), 2);
        assert_eq!(any.text(), "one & twotail");
        let written = any.to_string();
        // Prefixes and declarations kept, so the QName value `t:Name` still resolves.
        assert_eq!(
            written,
            r#"<p:r xmlns:p="urn:a" xmlns:q="urn:q" xmlns:t="urn:types" a="1" q:b="2"><x xmlns="urn:d" t:type="t:Name">one &amp; two</x><p:y/>tail</p:r>"#
        );
        assert_eq!(read(&written), any);
    }

    /// A document whose root's first child is kept whole.
    #[derive(Debug, PartialEq)]
    struct Outer(AnyElement);

    impl ReadXml for Outer {
        fn read_xml<S: Source>(source: &mut S) -> Result<Self> {
            let mut kept = None;
            read::children(source, &[], |source, _| {
                kept = Some(AnyElement::read_xml(source)?);
                Ok(())
            })?;
            kept.map(Outer).ok_or_else(|| Error::content("no child"))
        }
    }

    impl WriteXml for Outer {
        fn write_xml(&self, sink: &mut dyn Sink) -> Result<()> {
            self.0.write_element(sink)
        }
    }

    impl Element for Outer {
        const NAMESPACE: &'static str = "urn:a";
        const LOCAL_NAME: &'static str = "r";
    }

    #[test]
    fn an_xsi_type_keeps_the_declaration_of_its_prefix() {
        // `t` and the default namespace are declared on the root, outside
        // the element kept; `q` on the element itself, and `u` nowhere.
        let xml = r#"<r xmlns="urn:a" xmlns:t="urn:types" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><x xsi:type="t:Name"><y xsi:type="Plain"/><z xmlns:q="urn:q" xsi:type="q:N"/></x></r>"#;
        let expected = r#"<x xmlns="urn:a" xmlns:t="urn:types" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="t:Name"><y xsi:type="Plain"/><z xmlns:q="urn:q" xsi:type="q:N"/></x>"#;
        let quick = crate::from_slice::<Outer>(xml.as_bytes()).unwrap().0;
        let xmlrs = from_str_with::<Outer>(xml, &Limits::unlimited(), UnknownContent::Error)
            .unwrap()
            .0;
        for any in [quick, xmlrs] {
            assert_eq!(any.to_string(), expected);
            // Written inside another element, where the default namespace
            // is another: `Plain` still names `{urn:a}Plain`.
            let mut w = Writer::new(String::new());
            w.start("urn:other", "o", None).unwrap();
            any.write_element(&mut w).unwrap();
            w.end().unwrap();
            assert_eq!(
                w.into_inner(),
                r#"<o xmlns="urn:other"><x xmlns="urn:a" xmlns:t="urn:types" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="t:Name"><y xsi:type="Plain"/><z xmlns:q="urn:q" xsi:type="q:N"/></x></o>"#
            );
        }
        // A prefix declared nowhere stays undeclared (the reader that
        // checks it is the one that knows the type).
        let undeclared = xml.replace(r#"xsi:type="t:Name""#, r#"xsi:type="u:Name""#);
        let any = crate::from_slice::<Outer>(undeclared.as_bytes()).unwrap().0;
        assert!(any.to_string().starts_with(r#"<x xmlns="urn:a" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="u:Name">"#), "{any}");
    }

    #[test]
    fn equality_ignores_prefixes_and_attribute_order() {
        let same = r#"<r xmlns="urn:a" xmlns:z="urn:q" z:b="2" a="1"><x xmlns="urn:d" xmlns:u="urn:types" u:type="t:Name">one &amp; two</x><y/>tail</r>"#;
        assert_eq!(read(XML), read(same));
        let other = same.replace("tail", "tale");
        assert_ne!(read(XML), read(&other));
        let other = same.replace(r#"a="1""#, r#"a="2""#);
        assert_ne!(read(XML), read(&other));
    }

    #[test]
    fn events_must_nest() {
        let start = || AnyEvent::Start {
            namespace: None,
            local_name: "a".into(),
            prefix: None,
            attributes: Vec::new(),
            declarations: Vec::new(),
        };
        assert!(AnyElement::from_events(vec![start(), AnyEvent::End]).is_ok());
        assert!(AnyElement::from_events(vec![]).is_err());
        assert!(AnyElement::from_events(vec![start()]).is_err());
        assert!(AnyElement::from_events(vec![AnyEvent::End]).is_err());
        assert!(
            AnyElement::from_events(vec![start(), AnyEvent::End, start(), AnyEvent::End]).is_err()
        );
        assert!(AnyElement::from_events(vec![AnyEvent::Text("t".into())]).is_err());
    }

    #[test]
    fn deep_nesting_needs_no_stack() {
        // Read without recursion (xml-rs itself is slow on deep documents,
        // so not so deep here) ...
        let xml = format!(
            r#"<r xmlns="urn:a">{}{}</r>"#,
            "<d>".repeat(3000),
            "</d>".repeat(3000)
        );
        assert_eq!(read(&xml).events().len(), 2 * 3000 + 2);
        // ... and compared, copied, written and dropped without recursion,
        // however deep, on the test thread's small stack.
        const DEPTH: usize = 200_000;
        let start = || AnyEvent::Start {
            namespace: Some("urn:a".into()),
            local_name: "d".into(),
            prefix: None,
            attributes: Vec::new(),
            declarations: Vec::new(),
        };
        let events: Vec<AnyEvent> = std::iter::repeat_with(start)
            .take(DEPTH)
            .chain(std::iter::repeat_n(AnyEvent::End, DEPTH))
            .collect();
        let any = AnyElement::from_events(events).unwrap();
        let copy = any.clone();
        assert_eq!(copy, any);
        let mut w = Writer::new(String::new());
        any.write_element(&mut w).unwrap();
        let written = w.into_inner();
        assert!(
            written.starts_with(r#"<d xmlns="urn:a"><d><d>"#),
            "{}",
            &written[..40]
        );
        assert!(written.contains("<d><d/></d>") && written.ends_with("</d></d>"));
        assert_eq!(written.matches("<d").count(), DEPTH);
        drop(any);
        drop(copy);
    }
}
