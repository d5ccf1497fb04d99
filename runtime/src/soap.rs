//! SOAP 1.1: wrap a document in an envelope, read one (or a fault) out of one.
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
//! [`from_envelope`] uses [`Limits::default`]; [`from_envelope_with`] takes
//! others. Both read with quick-xml; [`from_envelope_using`] chooses the
//! parser ([`Backend`]).

use std::cell::Cell;
use std::io::Read;
use std::rc::Rc;

use crate::Root;
use crate::error::{self, ErrorKind};
use crate::limits::{Guard, LimitExceeded, Limits, Violation};
use crate::quick::QuickSource;
use crate::read::{Event, Source, expanded, is_whitespace};
use crate::write::{Sink, Writer};
use crate::xmlrs::{YaSource, parser_config};

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
    #[error(
        "expected {expected} in the SOAP body, found {found}{}",
        near_miss(expected, found)
    )]
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
        /// What is wrong, from the reader (e.g. `the element CallId of Disconnect is missing`).
        message: String,
    },
    /// The envelope could not be written.
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

/// When the expected and the found body element differ only in how their
/// namespace is written (`https` for `http`, a trailing slash, the case),
/// what a user needs to hear: which it is, and the namespace the service uses.
fn near_miss(expected: &str, found: &str) -> String {
    let split = |q: &str| -> Option<(String, String)> {
        let rest = q.strip_prefix('{')?;
        let (ns, local) = rest.split_once('}')?;
        Some((ns.to_string(), local.to_string()))
    };
    let (Some((want, want_local)), Some((got, got_local))) = (split(expected), split(found)) else {
        return String::new();
    };
    if want_local != got_local || want == got {
        return String::new();
    }
    let scheme = |ns: &str| {
        ns.strip_prefix("https://")
            .or_else(|| ns.strip_prefix("http://"))
            .map(str::to_string)
            .unwrap_or_else(|| ns.to_string())
    };
    let slash = |ns: &str| ns.trim_end_matches('/').to_string();
    let what = if scheme(&want) == scheme(&got) {
        "only in the scheme (http or https)"
    } else if slash(&want) == slash(&got) {
        "only in a trailing slash"
    } else if want.eq_ignore_ascii_case(&got) {
        "only in upper and lower case"
    } else if slash(&scheme(&want)).eq_ignore_ascii_case(&slash(&scheme(&got))) {
        "only in how the namespace is written (scheme, trailing slash or case)"
    } else {
        return String::new();
    };
    format!(
        " (the namespaces differ {what}: a namespace is compared character for character, \
         and the service uses {want})"
    )
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

impl From<error::Error> for Error {
    fn from(e: error::Error) -> Self {
        match e.kind() {
            ErrorKind::Syntax(_) => Error::Xml(e.to_string()),
            ErrorKind::Limit(limit) => Error::Limit(*limit),
            ErrorKind::Dtd => Error::Dtd,
            ErrorKind::Write(_) => Error::Write(e.to_string()),
            _ => Error::Envelope(e.to_string()),
        }
    }
}

/// Wraps `body` in a SOAP 1.1 envelope, as UTF-8 XML with a declaration.
pub fn to_envelope<T: Root>(body: &T) -> Result<String, Error> {
    let mut w = Writer::new(String::with_capacity(256));
    w.write_raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")?;
    w.start(ENVELOPE_NS, "Envelope", Some("soap"))?;
    w.start(ENVELOPE_NS, "Body", Some("soap"))?;
    let (namespace, local) = body.root_name();
    w.start(namespace, local, None)?;
    body.write_xml(&mut w)?;
    w.end()?;
    w.end()?;
    w.end()?;
    Ok(w.into_inner())
}

/// Reads a `T` out of the body of a SOAP 1.1 envelope; a fault in the body is
/// returned as [`Error::Fault`]. Reads within [`Limits::default`].
///
/// `xml` need not be buffered: it is read in chunks.
pub fn from_envelope<T: Root>(xml: impl Read) -> Result<T, Error> {
    from_envelope_with(xml, &Limits::default())
}

/// [`from_envelope`] within other [`Limits`].
pub fn from_envelope_with<T: Root>(xml: impl Read, limits: &Limits) -> Result<T, Error> {
    from_envelope_using(xml, limits, Backend::default())
}

/// The parser that reads an envelope: both give the same values, and the
/// same errors for what the limits refuse.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Backend {
    /// quick-xml ([`crate::quick`]): the fast one, the default.
    #[default]
    Quick,
    /// xml-rs, through yaserde's reader ([`crate::xmlrs`]).
    XmlRs,
}

/// [`from_envelope_with`], read by `backend`.
///
/// The bytes pass through the [`Guard`] first, which refuses what goes over
/// a limit (or is a DTD) as soon as it arrives, before either parser sees
/// it: a document that would be refused is never read whole.
pub fn from_envelope_using<T: Root>(
    xml: impl Read,
    limits: &Limits,
    backend: Backend,
) -> Result<T, Error> {
    let options = crate::ReadOptions {
        limits: *limits,
        ..Default::default()
    };
    from_envelope_options(xml, &options, backend)
}

/// [`from_envelope_using`], with the body read as `options` say: within
/// their limits, and with content the schema does not allow skipped if
/// they say so (the envelope's header is never the body's business: it is
/// always skipped).
pub fn from_envelope_options<T: Root>(
    xml: impl Read,
    options: &crate::ReadOptions,
    backend: Backend,
) -> Result<T, Error> {
    let limits = &options.limits;
    let violation = Rc::new(Cell::new(None));
    let mut guard = Guard::new(xml, limits, Rc::clone(&violation));
    // When the guard refused the input, whatever error the reader then ran
    // into is a consequence: report the cause.
    let cause = |e: Error| violation.get().map_or(e, Error::from);
    match backend {
        Backend::Quick => {
            let mut bytes = Vec::new();
            if let Err(e) = guard.read_to_end(&mut bytes) {
                return Err(cause(Error::Xml(e.to_string())));
            }
            let mut source = QuickSource::new(&bytes, *options).map_err(|e| cause(e.into()))?;
            read_envelope(&mut source).map_err(cause)
        }
        Backend::XmlRs => {
            let mut de = yaserde::de::Deserializer::new(parser_config(limits).create_reader(guard));
            let mut source = YaSource::document(&mut de).unknown_content(options.unknown);
            read_envelope(&mut source).map_err(cause)
        }
    }
}

/// Reads an envelope from `source`, at the start of the document: its body
/// element as a `T`, or its fault.
pub fn read_envelope<T: Root, S: Source>(source: &mut S) -> Result<T, Error> {
    expect_start(source, "Envelope")?;
    loop {
        match next(source)? {
            Event::Start if is_soap(source, "Header") => crate::read::skip(source)?,
            Event::Start if is_soap(source, "Body") => break,
            event => {
                return Err(Error::Envelope(format!(
                    "expected soap:Header or soap:Body, found {}",
                    describe(source, event)
                )));
            }
        }
    }
    let event = next(source)?;
    if event != Event::Start {
        return Err(Error::Envelope(format!(
            "expected an element in soap:Body, found {}",
            describe(source, event)
        )));
    }
    let (namespace, local) = source.name();
    let body = if namespace == ENVELOPE_NS && local == "Fault" {
        Err(Error::Fault(Box::new(read_fault(source)?)))
    } else {
        let names = T::root_names();
        let Some(&(_, element)) = names.iter().find(|&&(n, l)| (n, l) == (namespace, local)) else {
            return Err(Error::UnexpectedBody {
                expected: expected_names(names),
                found: expanded(namespace, local),
            });
        };
        match T::read_xml(source) {
            Ok(value) => Ok(value),
            Err(e) if e.is_syntax() => return Err(Error::Xml(e.to_string())),
            Err(e) => match e.kind() {
                ErrorKind::Limit(_) | ErrorKind::Dtd => return Err(e.into()),
                _ => {
                    return Err(Error::Body {
                        element,
                        message: e.to_string(),
                    });
                }
            },
        }
    };
    // A value or a fault counts only in a complete envelope: nothing may follow.
    expect_end(source, "Body")?;
    expect_end(source, "Envelope")?;
    match next(source)? {
        Event::Eof => body,
        event => Err(Error::Envelope(format!(
            "expected the end of the document, found {}",
            describe(source, event)
        ))),
    }
}

/// The next event that is not whitespace between the envelope's tags
/// (indentation, which the envelope's structure ignores).
fn next<S: Source>(source: &mut S) -> Result<Event, Error> {
    loop {
        let event = source.next()?;
        if event != Event::Text || !is_whitespace(source.text()) {
            return Ok(event);
        }
    }
}

fn is_soap<S: Source>(source: &S, local: &str) -> bool {
    source.name() == (ENVELOPE_NS, local)
}

fn describe<S: Source>(source: &S, event: Event) -> String {
    match event {
        Event::Start => {
            let (namespace, local) = source.name();
            format!("<{}>", expanded(namespace, local))
        }
        Event::End => format!("</{}>", source.name().1),
        Event::Text => {
            // A hostile text can be long: a few words tell what it is.
            const SHOWN: usize = 40;
            let text = source.text();
            match text.char_indices().nth(SHOWN) {
                Some((end, _)) => format!("text {:?}... ({} bytes)", &text[..end], text.len()),
                None => format!("text {text:?}"),
            }
        }
        Event::Eof => "the end of the document".into(),
    }
}

fn expect_start<S: Source>(source: &mut S, local: &str) -> Result<(), Error> {
    match next(source)? {
        Event::Start if is_soap(source, local) => Ok(()),
        event => Err(Error::Envelope(format!(
            "expected soap:{local}, found {}",
            describe(source, event)
        ))),
    }
}

fn expect_end<S: Source>(source: &mut S, local: &str) -> Result<(), Error> {
    match next(source)? {
        Event::End if source.name().1 == local || source.name().1.is_empty() => Ok(()),
        event => Err(Error::Envelope(format!(
            "expected </{local}>, found {}",
            describe(source, event)
        ))),
    }
}

/// Reads the text of the element whose start tag is current, and its end tag.
fn read_text<S: Source>(source: &mut S, element: &str) -> Result<String, Error> {
    let mut text = String::new();
    loop {
        match source.next()? {
            Event::Text => text.push_str(source.text()),
            Event::End => return Ok(text),
            event => {
                return Err(Error::Envelope(format!(
                    "<{element}> holds text only, found {}",
                    describe(source, event)
                )));
            }
        }
    }
}

/// Reads a fault whose start tag is current, up to and with its end tag.
fn read_fault<S: Source>(source: &mut S) -> Result<Fault, Error> {
    let (mut code, mut string, mut actor, mut detail) = (None, None, None, None);
    loop {
        match source.next()? {
            Event::Start => match source.name().1 {
                "faultcode" => code = Some(read_text(source, "faultcode")?),
                "faultstring" => string = Some(read_text(source, "faultstring")?),
                "faultactor" => actor = Some(read_text(source, "faultactor")?),
                "detail" => detail = Some(read_raw(source)?),
                other => {
                    return Err(Error::Envelope(format!(
                        "unexpected <{other}> in soap:Fault"
                    )));
                }
            },
            Event::End => break,
            Event::Text => {}
            Event::Eof => return Err(Error::Xml(crate::read::end_of_document().to_string())),
        }
    }
    Ok(Fault {
        code: code.ok_or_else(|| Error::Envelope("soap:Fault without faultcode".into()))?,
        string: string.ok_or_else(|| Error::Envelope("soap:Fault without faultstring".into()))?,
        actor,
        detail,
    })
}

/// The content of the element whose start tag is current, written back as
/// XML (its elements declaring what they use), up to and with its end tag
/// (which is not part of the result).
fn read_raw<S: Source>(source: &mut S) -> Result<String, Error> {
    let mut w = Writer::new(String::new());
    let mut depth = 0usize;
    loop {
        match source.next()? {
            Event::Start => {
                depth += 1;
                let (namespace, local) = source.name();
                w.start(namespace, local, source.prefix().or(Some("")))?;
                for i in 0..source.declaration_count() {
                    let (prefix, ns) = source.declaration(i);
                    w.declare(prefix, ns)?;
                }
                for i in 0..source.attribute_count() {
                    let a = source.attribute(i);
                    w.attribute(a.namespace, a.local, a.prefix, a.value)?;
                }
            }
            Event::End if depth == 0 => break,
            Event::End => {
                depth -= 1;
                w.end()?;
            }
            Event::Text => w.text(source.text())?,
            Event::Eof => return Err(Error::Xml(crate::read::end_of_document().to_string())),
        }
    }
    Ok(w.into_inner())
}

/// The elements `names` lists, for messages: `{namespace}local`, or
/// `one of {a}A, {b}B`.
fn expected_names(names: &[(&str, &str)]) -> String {
    match names {
        [(namespace, local)] => expanded(namespace, local),
        names => {
            let all: Vec<String> = names.iter().map(|(n, l)| expanded(n, l)).collect();
            format!("one of {}", all.join(", "))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_namespace_written_another_way_is_named() {
        let https = Error::UnexpectedBody {
            expected: "{http://schemas.microsoft.com/exchange/services/2006/messages}Disconnect"
                .into(),
            found: "{https://schemas.microsoft.com/exchange/services/2006/messages}Disconnect"
                .into(),
        };
        assert_eq!(
            https.to_string(),
            "expected {http://schemas.microsoft.com/exchange/services/2006/messages}Disconnect \
             in the SOAP body, found {https://schemas.microsoft.com/exchange/services/2006/messages}Disconnect \
             (the namespaces differ only in the scheme (http or https): a namespace is compared \
             character for character, and the service uses \
             http://schemas.microsoft.com/exchange/services/2006/messages)"
        );
        let hint =
            |want: &str, got: &str| near_miss(&format!("{{{want}}}A"), &format!("{{{got}}}A"));
        assert!(hint("urn:a", "urn:a/").contains("only in a trailing slash"));
        assert!(hint("http://x/A", "http://x/a").contains("only in upper and lower case"));
        assert!(hint("http://x/A", "https://x/a/").contains("scheme, trailing slash or case"));
        // Another namespace, or another element, is just another element.
        assert_eq!(hint("http://x/messages", "http://x/message"), "");
        assert_eq!(near_miss("{http://x}A", "{https://x}B"), "");
        assert_eq!(near_miss("{http://x}A", "A"), "");
    }
}
