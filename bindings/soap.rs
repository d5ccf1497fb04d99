//! The SOAP 1.1 envelope: wrap a request in one, read a response or a fault out of one.
//!
//! Reading checks the whole envelope: the body's element must be the one
//! expected (local name and namespace), the document must be complete and
//! well formed, and a `soap:Fault` comes back as [`Error::Fault`] with its
//! code, string and detail, not as a parse failure.
//!
//! The bytes come from the network, so reading is bounded: a document over
//! one of the [`Limits`] (length, depth, text, attributes, elements, names)
//! is refused as soon as the reader gets to the point where it goes over,
//! with [`Error::Limit`] naming the limit; a document type declaration,
//! which SOAP forbids and which is how entity-expansion ("billion laughs")
//! and external-entity attacks start, is refused with [`Error::Dtd`].
//! [`from_envelope`] and [`read_response`] use [`Limits::default`];
//! [`from_envelope_with`] and [`read_response_with`] take others.

use std::cell::Cell;
use std::io::Read;
use std::rc::Rc;

use yaserde::__xml::reader::XmlEvent as ReadEvent;
use yaserde::__xml::writer::XmlEvent as WriteEvent;
use yaserde::de::Deserializer;
use yaserde::ser::Serializer;
use yaserde::{YaDeserialize, YaSerialize};

use crate::Request;
use crate::xsd::Element;

#[path = "limits.rs"]
mod limits;

use limits::{Guard, Violation};
pub use limits::{Limit, LimitExceeded, Limits};

/// The SOAP 1.1 envelope namespace.
pub const ENVELOPE_NS: &str = "http://schemas.xmlsoap.org/soap/envelope/";

/// A SOAP 1.1 fault, as the server sent it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fault {
    /// `faultcode`, as written (`soap:Client`, `soap:Server`, ...).
    pub code: String,
    /// `faultstring`: the human-readable reason.
    pub string: String,
    /// `faultactor`, when present.
    pub actor: Option<String>,
    /// The content of `detail`, as raw XML, when present.
    pub detail: Option<String>,
}

/// What can go wrong reading or writing an envelope.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The server answered with a SOAP fault.
    #[error("SOAP fault {}: {}", .0.code, .0.string)]
    Fault(Box<Fault>),
    /// The bytes are not well-formed XML (truncated, bad encoding, ...).
    #[error("malformed XML: {0}")]
    Xml(String),
    /// The XML is not a SOAP 1.1 envelope with one body element.
    #[error("not a SOAP 1.1 envelope: {0}")]
    Envelope(String),
    /// The body holds another element than the one expected.
    #[error("expected {expected} in the SOAP body, found {found}")]
    UnexpectedBody {
        /// The element expected, `{namespace}name`.
        expected: String,
        /// The element found, `{namespace}name`.
        found: String,
    },
    /// The body element is the right one, but its content does not fit the schema.
    #[error("invalid <{element}>: {message}")]
    Body {
        /// The body element's local name.
        element: &'static str,
        /// What is wrong, from the reader (e.g. `call_id is a required field of Disconnect`).
        message: String,
    },
    /// The request could not be written.
    #[error("cannot write the envelope: {0}")]
    Write(String),
    /// The document went over one of the reader's [`Limits`]; reading
    /// stopped there.
    #[error("document refused: {0}")]
    Limit(LimitExceeded),
    /// The document has a document type declaration (`<!DOCTYPE ...>`, or
    /// another `<!` declaration such as `<!ENTITY ...>`), which a SOAP 1.1
    /// message must not have: no entity is ever declared or expanded, and no
    /// external DTD or entity is ever fetched.
    #[error("document refused: a SOAP message must not contain a document type declaration (DTD)")]
    Dtd,
}

impl From<Violation> for Error {
    fn from(violation: Violation) -> Self {
        match violation {
            Violation::Limit(e) => Error::Limit(e),
            Violation::Dtd => Error::Dtd,
            Violation::Nul(offset) => Error::Xml(format!(
                "NUL byte at offset {offset}: not XML (UTF-16 and UTF-32 are not supported, send UTF-8)"
            )),
        }
    }
}

impl From<yaserde::Error> for Error {
    fn from(e: yaserde::Error) -> Self {
        match e {
            yaserde::Error::Reader(e) => Error::Xml(e.to_string()),
            yaserde::Error::Writer(e) => Error::Write(e.to_string()),
            other => Error::Envelope(other.to_string()),
        }
    }
}

impl From<yaserde::__xml::writer::Error> for Error {
    fn from(e: yaserde::__xml::writer::Error) -> Self {
        Error::Write(e.to_string())
    }
}

fn expanded(namespace: Option<&str>, local: &str) -> String {
    match namespace {
        Some(ns) if !ns.is_empty() => format!("{{{ns}}}{local}"),
        _ => local.to_string(),
    }
}

/// Wraps `body` in a SOAP 1.1 envelope, as UTF-8 XML with a declaration.
pub fn to_envelope<T: Element + YaSerialize>(body: &T) -> Result<String, Error> {
    let config = yaserde::ser::Config {
        perform_indent: false,
        write_document_declaration: true,
        indent_string: None,
    };
    let mut writer = Serializer::new_from_writer(Vec::new(), &config);
    writer.write(WriteEvent::start_element("soap:Envelope").ns("soap", ENVELOPE_NS))?;
    writer.write(WriteEvent::start_element("soap:Body"))?;
    writer.set_start_event_name(None);
    writer.set_skip_start_end(false);
    body.serialize(&mut writer)
        .map_err(|e| Error::Write(e.to_string()))?;
    writer.write(WriteEvent::end_element())?;
    writer.write(WriteEvent::end_element())?;
    let xml = String::from_utf8(writer.into_inner()).map_err(|e| Error::Write(e.to_string()))?;
    // xml-rs writes a carriage return in text as is, and a reader turns it
    // into a line feed (XML 1.0, 2.11): written as a reference it stays.
    // Attribute values are escaped already, so a raw one is always in text.
    Ok(if xml.contains('\r') {
        xml.replace('\r', "&#xD;")
    } else {
        xml
    })
}

/// Reads the response to request type `R` out of an envelope: the pairing of
/// request and response comes from the operation table. Reads within
/// [`Limits::default`].
pub fn read_response<R: Request>(xml: impl Read) -> Result<R::Response, Error> {
    from_envelope::<R::Response>(xml)
}

/// [`read_response`] within other [`Limits`].
pub fn read_response_with<R: Request>(
    xml: impl Read,
    limits: &Limits,
) -> Result<R::Response, Error> {
    from_envelope_with::<R::Response>(xml, limits)
}

/// Reads a `T` out of the body of a SOAP 1.1 envelope; a fault in the body is
/// returned as [`Error::Fault`]. Reads within [`Limits::default`].
///
/// `xml` need not be buffered: it is read in chunks.
pub fn from_envelope<T: Element + YaDeserialize>(xml: impl Read) -> Result<T, Error> {
    from_envelope_with(xml, &Limits::default())
}

/// [`from_envelope`] within other [`Limits`].
pub fn from_envelope_with<T: Element + YaDeserialize>(
    xml: impl Read,
    limits: &Limits,
) -> Result<T, Error> {
    let violation = Rc::new(Cell::new(None));
    let guard = Guard::new(xml, limits, Rc::clone(&violation));
    let mut reader = Deserializer::new(limits::parser_config(limits).create_reader(guard));
    // When the guard refused the input, whatever error the reader then ran
    // into is a consequence: report the cause.
    read_envelope(&mut reader).map_err(|e| violation.get().map_or(e, Error::from))
}

fn read_envelope<T: Element + YaDeserialize, R: Read>(
    reader: &mut Deserializer<R>,
) -> Result<T, Error> {
    expect_start(reader, "Envelope")?;
    loop {
        match next_event(reader)? {
            ReadEvent::StartElement { name, .. } if is_soap(&name, "Header") => {
                reader.skip_element(|_| {})?;
            }
            ReadEvent::StartElement { name, .. } if is_soap(&name, "Body") => break,
            event => {
                return Err(Error::Envelope(format!(
                    "expected soap:Header or soap:Body, found {}",
                    describe(&event)
                )));
            }
        }
    }
    let (namespace, local) = match peek(reader)? {
        ReadEvent::StartElement { name, .. } => (name.namespace.clone(), name.local_name.clone()),
        event => {
            return Err(Error::Envelope(format!(
                "expected an element in soap:Body, found {}",
                describe(event)
            )));
        }
    };
    let body = if namespace.as_deref() == Some(ENVELOPE_NS) && local == "Fault" {
        reader.next_event()?;
        Err(Error::Fault(Box::new(read_fault(reader)?)))
    } else if namespace.as_deref().filter(|ns| !ns.is_empty()) != T::NAMESPACE
        || local != T::LOCAL_NAME
    {
        return Err(Error::UnexpectedBody {
            expected: expanded(T::NAMESPACE, T::LOCAL_NAME),
            found: expanded(namespace.as_deref(), &local),
        });
    } else {
        let value = T::deserialize(reader).map_err(body_error::<T>)?;
        // The body element's end tag (the fault reader reads its own).
        expect_end(reader, T::LOCAL_NAME)?;
        Ok(value)
    };
    // A value or a fault counts only in a complete envelope: nothing may follow.
    expect_end(reader, "Body")?;
    expect_end(reader, "Envelope")?;
    match next_event(reader)? {
        ReadEvent::EndDocument => body,
        event => Err(Error::Envelope(format!(
            "expected the end of the document, found {}",
            describe(&event)
        ))),
    }
}

/// Whether `event` is whitespace between the envelope's tags (indentation),
/// which the envelope's structure ignores.
fn is_blank(event: &ReadEvent) -> bool {
    match event {
        ReadEvent::Characters(s) | ReadEvent::Whitespace(s) => {
            s.chars().all(|c| matches!(c, ' ' | '\t' | '\r' | '\n'))
        }
        _ => false,
    }
}

/// The next event that is not whitespace between tags.
fn next_event<R: Read>(reader: &mut Deserializer<R>) -> Result<ReadEvent, Error> {
    loop {
        let event = reader.next_event()?;
        if !is_blank(&event) {
            return Ok(event);
        }
    }
}

/// The next event that is not whitespace between tags, left unread.
fn peek<R: Read>(reader: &mut Deserializer<R>) -> Result<&ReadEvent, Error> {
    while is_blank(reader.peek()?) {
        reader.next_event()?;
    }
    Ok(reader.peek()?)
}

/// An error of the body element's reader: malformed XML wherever the reader
/// ran into it (yaserde wraps it in the field it was reading, e.g. a cut in
/// the text of `CallId`), an [`Error::Body`] otherwise.
fn body_error<T: Element>(error: yaserde::Error) -> Error {
    let mut cause = &error;
    while let yaserde::Error::Field { source, .. } = cause {
        cause = source;
    }
    match cause {
        yaserde::Error::Reader(e) => Error::Xml(e.to_string()),
        _ => Error::Body {
            element: T::LOCAL_NAME,
            message: error.to_string(),
        },
    }
}

fn is_soap(name: &yaserde::__xml::name::OwnedName, local: &str) -> bool {
    name.namespace.as_deref() == Some(ENVELOPE_NS) && name.local_name == local
}

fn describe(event: &ReadEvent) -> String {
    match event {
        ReadEvent::StartElement { name, .. } => {
            format!(
                "<{}>",
                expanded(name.namespace.as_deref(), &name.local_name)
            )
        }
        ReadEvent::EndElement { name } => format!("</{}>", name.local_name),
        ReadEvent::Characters(text) => {
            // A hostile text can be long: a few words tell what it is.
            const SHOWN: usize = 40;
            match text.char_indices().nth(SHOWN) {
                Some((end, _)) => format!("text {:?}... ({} bytes)", &text[..end], text.len()),
                None => format!("text {text:?}"),
            }
        }
        ReadEvent::EndDocument => "the end of the document".into(),
        other => format!("{other:?}"),
    }
}

fn expect_start<R: Read>(reader: &mut Deserializer<R>, local: &str) -> Result<(), Error> {
    match next_event(reader)? {
        ReadEvent::StartElement { name, .. } if is_soap(&name, local) => Ok(()),
        event => Err(Error::Envelope(format!(
            "expected soap:{local}, found {}",
            describe(&event)
        ))),
    }
}

fn expect_end<R: Read>(reader: &mut Deserializer<R>, local: &str) -> Result<(), Error> {
    match next_event(reader)? {
        ReadEvent::EndElement { name } if name.local_name == local => Ok(()),
        event => Err(Error::Envelope(format!(
            "expected </{local}>, found {}",
            describe(&event)
        ))),
    }
}

/// Reads the text of the element whose start tag was just read, and its end tag.
fn read_text<R: Read>(reader: &mut Deserializer<R>, element: &str) -> Result<String, Error> {
    let mut text = String::new();
    loop {
        match reader.next_event()? {
            ReadEvent::Characters(s) | ReadEvent::Whitespace(s) | ReadEvent::CData(s) => {
                text.push_str(&s)
            }
            ReadEvent::EndElement { .. } => return Ok(text),
            event => {
                return Err(Error::Envelope(format!(
                    "<{element}> holds text only, found {}",
                    describe(&event)
                )));
            }
        }
    }
}

/// Reads a fault whose start tag was just read, up to and with its end tag.
fn read_fault<R: Read>(reader: &mut Deserializer<R>) -> Result<Fault, Error> {
    let (mut code, mut string, mut actor, mut detail) = (None, None, None, None);
    loop {
        match reader.next_event()? {
            ReadEvent::StartElement { name, .. } => match name.local_name.as_str() {
                "faultcode" => code = Some(read_text(reader, "faultcode")?),
                "faultstring" => string = Some(read_text(reader, "faultstring")?),
                "faultactor" => actor = Some(read_text(reader, "faultactor")?),
                "detail" => detail = Some(read_raw(reader)?),
                other => {
                    return Err(Error::Envelope(format!(
                        "unexpected <{other}> in soap:Fault"
                    )));
                }
            },
            ReadEvent::EndElement { .. } => break,
            ReadEvent::Characters(_) | ReadEvent::Whitespace(_) => {}
            event => {
                return Err(Error::Envelope(format!(
                    "unexpected {} in soap:Fault",
                    describe(&event)
                )));
            }
        }
    }
    Ok(Fault {
        code: code.ok_or_else(|| Error::Envelope("soap:Fault without faultcode".into()))?,
        string: string.ok_or_else(|| Error::Envelope("soap:Fault without faultstring".into()))?,
        actor,
        detail,
    })
}

/// The content of the element whose start tag was just read, re-written as
/// XML, up to and with its end tag (which is not part of the result).
fn read_raw<R: Read>(reader: &mut Deserializer<R>) -> Result<String, Error> {
    let config = yaserde::__xml::EmitterConfig::new()
        .write_document_declaration(false)
        .perform_indent(false);
    let mut out = yaserde::__xml::EventWriter::new_with_config(Vec::new(), config);
    let mut depth = 0usize;
    loop {
        let event = reader.next_event()?;
        match &event {
            ReadEvent::StartElement { .. } => depth += 1,
            ReadEvent::EndElement { .. } if depth == 0 => break,
            ReadEvent::EndElement { .. } => depth -= 1,
            _ => {}
        }
        if let Some(event) = event.as_writer_event() {
            out.write(event)?;
        }
    }
    String::from_utf8(out.into_inner()).map_err(|e| Error::Xml(e.to_string()))
}
