// The tests of hostile.rs, included by it and by hostile_xmlrs.rs with a
// `BACKEND` of their own.

use std::io::{self, Read};
use std::path::Path;

use um_bindings::soap::{Limit, LimitExceeded, Limits};
use um_bindings::*;

const UM: &str = NAMESPACE;
const HEAD: &str = r#"<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/">"#;
const TAIL: &str = "</soap:Envelope>";

/// An envelope whose body holds `body`.
fn envelope(body: &str) -> String {
    format!("{HEAD}<soap:Body>{body}</soap:Body>{TAIL}")
}

/// Limits that let everything through but the document's length.
fn unlimited() -> Limits {
    Limits {
        max_document_len: 64 << 20,
        max_depth: usize::MAX,
        max_text_len: usize::MAX,
        max_attributes: usize::MAX,
        max_elements: usize::MAX,
        max_name_len: usize::MAX,
        max_namespaces: usize::MAX,
    }
}

/// A reader that counts the bytes pulled out of it.
struct Counted<R> {
    inner: R,
    count: usize,
}

impl<R: Read> Read for Counted<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.count += n;
        Ok(n)
    }
}

/// A document made as it is read: `head`, then `middle` repeated `times`
/// times, then `tail`, never held in memory whole.
struct Stream {
    parts: [(Vec<u8>, usize); 3],
    part: usize,
    /// Offset in the current repetition of the current part.
    offset: usize,
    /// Repetitions of the current part still to read, the current one included.
    left: usize,
}

impl Stream {
    fn new(head: &str, middle: &str, times: usize, tail: &str) -> Counted<Stream> {
        let parts = [
            (head.as_bytes().to_vec(), 1),
            (middle.as_bytes().to_vec(), times),
            (tail.as_bytes().to_vec(), 1),
        ];
        Counted {
            inner: Stream {
                parts,
                part: 0,
                offset: 0,
                left: 1,
            },
            count: 0,
        }
    }

    fn len(head: &str, middle: &str, times: usize, tail: &str) -> usize {
        head.len() + middle.len() * times + tail.len()
    }
}

impl Read for Stream {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let mut n = 0;
        while n < buf.len() && self.part < self.parts.len() {
            let bytes = &self.parts[self.part].0;
            if self.left == 0 || bytes.is_empty() {
                self.part += 1;
                self.left = self.parts.get(self.part).map_or(0, |p| p.1);
                self.offset = 0;
                continue;
            }
            let take = (bytes.len() - self.offset).min(buf.len() - n);
            buf[n..n + take].copy_from_slice(&bytes[self.offset..self.offset + take]);
            n += take;
            self.offset += take;
            if self.offset == bytes.len() {
                self.offset = 0;
                self.left -= 1;
            }
        }
        Ok(n)
    }
}

/// A reader that hands out one byte per call, as a slow socket might.
struct Trickle<'a>(&'a [u8]);

impl Read for Trickle<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        match (self.0.split_first(), buf.first_mut()) {
            (Some((&byte, rest)), Some(out)) => {
                *out = byte;
                self.0 = rest;
                Ok(1)
            }
            _ => Ok(0),
        }
    }
}

/// Asserts that `result` is [`soap::Error::Limit`] for `limit`, and that the
/// message names the limit.
#[track_caller]
fn assert_over<T: std::fmt::Debug>(result: Result<T, soap::Error>, limit: Limit, max: usize) {
    match result {
        Err(soap::Error::Limit(e)) => {
            assert_eq!(e, LimitExceeded { limit, max });
            let message = soap::Error::Limit(e).to_string();
            assert!(message.contains(limit.field()), "{message}");
        }
        other => panic!("expected {limit:?} over {max}, got {other:?}"),
    }
}

#[test]
fn default_limits_are_the_documented_ones() {
    assert_eq!(
        Limits::default(),
        Limits {
            max_document_len: 4 << 20,
            max_depth: 64,
            max_text_len: 1 << 20,
            max_attributes: 32,
            max_elements: 10_000,
            max_name_len: 1024,
            max_namespaces: 32,
        }
    );
}

// ------------------------------------------------------------------ nesting

const DEEP: usize = 100_000;

#[test]
fn nesting_100_000_deep_in_the_body_is_refused() {
    let head = format!(r#"{HEAD}<soap:Body><Disconnect xmlns="{UM}"><CallId>a</CallId>"#);
    let tail = format!("</Disconnect></soap:Body>{TAIL}");
    let tail = format!("{}{tail}", "</a>".repeat(DEEP));
    let mut input = Stream::new(&head, "<a>", DEEP, &tail);
    assert_over(
        soap::from_envelope::<Disconnect>(&mut input),
        Limit::Depth,
        64,
    );
    assert!(input.count <= 64 * 3 + head.len() + 8192, "{}", input.count);
}

#[test]
fn nesting_100_000_deep_in_the_header_is_refused() {
    let xml = format!(
        "{HEAD}<soap:Header>{}{}</soap:Header><soap:Body><DisconnectResponse xmlns=\"{UM}\"/></soap:Body>{TAIL}",
        "<h>".repeat(DEEP),
        "</h>".repeat(DEEP)
    );
    assert_over(
        soap::read_response::<Disconnect>(xml.as_bytes()),
        Limit::Depth,
        64,
    );
    // Right after the envelope's start tag, in place of the header.
    let xml = format!("{HEAD}{}{}{TAIL}", "<h>".repeat(DEEP), "</h>".repeat(DEEP));
    assert_over(
        soap::read_response::<Disconnect>(xml.as_bytes()),
        Limit::Depth,
        64,
    );
}

/// Nesting for the reader without a depth limit. Not 100,000: xml-rs copies
/// the namespace stack, one entry per open element, into every start tag, so
/// its time is quadratic in the depth (30,000 levels take 1.4 s in a release
/// build, with or without the bindings): `max_depth` is what bounds it.
/// 3,000 levels are enough to overflow a 2 MiB stack if reading recursed.
const DEEP_UNLIMITED: usize = 3_000;

#[test]
fn deep_nesting_without_a_depth_limit_does_not_overflow_the_stack() {
    const DEEP: usize = DEEP_UNLIMITED;
    // Unknown elements are skipped without recursion, when they are to be
    // skipped; by default the first is an error.
    let deep = format!("{}{}", "<a>".repeat(DEEP), "</a>".repeat(DEEP));
    let xml = envelope(&format!(
        r#"<Disconnect xmlns="{UM}">{deep}<CallId>x</CallId>{deep}</Disconnect>"#
    ));
    assert!(matches!(
        soap::from_envelope_with::<Disconnect>(xml.as_bytes(), &unlimited()),
        Err(soap::Error::Body { message, .. }) if message == format!("a: unexpected element {{{UM}}}a")
    ));
    let value = soap::from_envelope_skipping::<Disconnect>(xml.as_bytes(), &unlimited());
    assert_eq!(
        value.unwrap(),
        Disconnect {
            call_id: "x".into()
        }
    );

    let xml = format!(
        "{HEAD}<soap:Header>{deep}</soap:Header><soap:Body><DisconnectResponse xmlns=\"{UM}\"/></soap:Body>{TAIL}"
    );
    let value = soap::read_response_with::<Disconnect>(xml.as_bytes(), &unlimited());
    assert_eq!(value.unwrap(), DisconnectResponse {});

    // The generated readers recurse into known elements only: nesting the
    // names they know (the doubled wrapper, a text field) goes no deeper.
    let name = "GetCallInfoResponse";
    let xml = envelope(&format!(
        r#"<{name} xmlns="{UM}">{}{}</{name}>"#,
        format!("<{name}>").repeat(DEEP),
        format!("</{name}>").repeat(DEEP)
    ));
    let result = soap::read_response_with::<GetCallInfo>(xml.as_bytes(), &unlimited());
    assert!(
        matches!(result, Err(soap::Error::Body { .. })),
        "{result:?}"
    );

    let xml = envelope(&format!(
        r#"<Disconnect xmlns="{UM}">{}{}</Disconnect>"#,
        "<CallId>".repeat(DEEP),
        "</CallId>".repeat(DEEP)
    ));
    let result = soap::from_envelope_with::<Disconnect>(xml.as_bytes(), &unlimited());
    assert!(
        matches!(result, Err(soap::Error::Body { .. })),
        "{result:?}"
    );

    // A fault's detail is copied as raw XML, without recursion either.
    let xml = envelope(&format!(
        "<soap:Fault><faultcode>soap:Server</faultcode><faultstring>x</faultstring><detail>{deep}</detail></soap:Fault>"
    ));
    match soap::read_response_with::<Disconnect>(xml.as_bytes(), &unlimited()) {
        Err(soap::Error::Fault(fault)) => {
            let detail = fault.detail.unwrap();
            assert_eq!(detail.matches("<a").count(), DEEP, "{}", &detail[..100]);
        }
        other => panic!("expected a fault, got {other:?}"),
    }
}

// ------------------------------------------------------------- DTD, entities

#[test]
fn billion_laughs_is_refused() {
    let xml = format!(
        r#"<?xml version="1.0"?>
<!DOCTYPE soap:Envelope [
  <!ENTITY lol "lol">
  <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
  <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
  <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
  <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
  <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
  <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
  <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><Disconnect xmlns="{UM}"><CallId>&lol9;</CallId></Disconnect></soap:Body></soap:Envelope>"#
    );
    for limits in [Limits::default(), unlimited()] {
        let result = soap::from_envelope_with::<Disconnect>(xml.as_bytes(), &limits);
        assert!(matches!(result, Err(soap::Error::Dtd)), "{result:?}");
    }
    let message = soap::Error::Dtd.to_string();
    assert!(message.contains("DTD"), "{message}");
}

#[test]
fn external_entities_and_dtds_are_refused() {
    let body = format!(
        r#"<soap:Body><Disconnect xmlns="{UM}"><CallId>&xxe;</CallId></Disconnect></soap:Body>"#
    );
    for doctype in [
        r#"<!DOCTYPE soap:Envelope [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>"#,
        r#"<!DOCTYPE soap:Envelope SYSTEM "file:///etc/passwd">"#,
        r#"<!DOCTYPE soap:Envelope PUBLIC "-//x//y" "http://example.invalid/x.dtd">"#,
        r#"<!DOCTYPE soap:Envelope [<!ENTITY % p SYSTEM "file:///etc/passwd"> %p;]>"#,
    ] {
        let xml = format!(
            r#"<?xml version="1.0"?>{doctype}<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/">{body}</soap:Envelope>"#
        );
        let result = soap::from_envelope_with::<Disconnect>(xml.as_bytes(), &unlimited());
        assert!(
            matches!(result, Err(soap::Error::Dtd)),
            "{doctype}: {result:?}"
        );
    }
    // A DTD declaration anywhere else is refused too.
    let xml = envelope(&format!(
        r#"<Disconnect xmlns="{UM}"><!ENTITY xxe SYSTEM "file:///etc/passwd"><CallId>a</CallId></Disconnect>"#
    ));
    let result = soap::from_envelope::<Disconnect>(xml.as_bytes());
    assert!(matches!(result, Err(soap::Error::Dtd)), "{result:?}");
    // Without a DTD, an entity is undeclared: malformed XML.
    let xml = format!("{HEAD}{body}{TAIL}");
    let result = soap::from_envelope::<Disconnect>(xml.as_bytes());
    assert!(matches!(result, Err(soap::Error::Xml(_))), "{result:?}");
}

// --------------------------------------------------------------------- text

#[test]
fn a_100_mb_text_stops_reading_at_the_text_limit() {
    let head = format!(r#"{HEAD}<soap:Body><Disconnect xmlns="{UM}"><CallId>"#);
    let tail = format!("</CallId></Disconnect></soap:Body>{TAIL}");
    let times = 100 << 20;

    let mut input = Stream::new(&head, "A", times, &tail);
    assert_over(
        soap::from_envelope::<Disconnect>(&mut input),
        Limit::TextLength,
        1 << 20,
    );
    // Read up to the limit and at most a chunk more: not the 100 MB.
    assert!(
        input.count <= head.len() + (1 << 20) + 8192,
        "{}",
        input.count
    );

    // With no text limit, the document limit stops it, reading one byte past it.
    let limits = Limits {
        max_text_len: usize::MAX,
        ..Limits::default()
    };
    let mut input = Stream::new(&head, "A", times, &tail);
    assert_over(
        soap::from_envelope_with::<Disconnect>(&mut input, &limits),
        Limit::DocumentLength,
        4 << 20,
    );
    assert_eq!(input.count, (4 << 20) + 1);

    // A document within the limits is read whole, and right.
    let times = 100 << 10;
    let limits = Limits {
        max_text_len: times,
        max_document_len: Stream::len(&head, "A", times, &tail),
        ..Limits::default()
    };
    let mut input = Stream::new(&head, "A", times, &tail);
    let value = soap::from_envelope_with::<Disconnect>(&mut input, &limits).unwrap();
    assert_eq!(value.call_id.len(), times);
    assert!(value.call_id.bytes().all(|b| b == b'A'));
}

#[test]
fn long_attribute_values_names_and_comments_are_refused() {
    let big = "A".repeat((1 << 20) + 1);
    let xml = envelope(&format!(
        r#"<Disconnect xmlns="{UM}" a="{big}"><CallId>a</CallId></Disconnect>"#
    ));
    assert_over(
        soap::from_envelope::<Disconnect>(xml.as_bytes()),
        Limit::TextLength,
        1 << 20,
    );
    let xml = envelope(&format!(
        r#"<Disconnect xmlns="{UM}"><!--{big}--><CallId>a</CallId></Disconnect>"#
    ));
    assert_over(
        soap::from_envelope::<Disconnect>(xml.as_bytes()),
        Limit::TextLength,
        1 << 20,
    );
    let xml = envelope(&format!(
        r#"<Disconnect xmlns="{UM}"><CallId><![CDATA[{big}]]></CallId></Disconnect>"#
    ));
    assert_over(
        soap::from_envelope::<Disconnect>(xml.as_bytes()),
        Limit::TextLength,
        1 << 20,
    );
    let name = "n".repeat(1025);
    let xml = envelope(&format!(
        r#"<Disconnect xmlns="{UM}"><{name}/><CallId>a</CallId></Disconnect>"#
    ));
    assert_over(
        soap::from_envelope::<Disconnect>(xml.as_bytes()),
        Limit::NameLength,
        1024,
    );
}

#[test]
fn a_document_over_the_length_limit_is_refused() {
    let head = format!(r#"{HEAD}<soap:Body><Disconnect xmlns="{UM}"><CallId>a</CallId>"#);
    let item = format!("<x>{}</x>\n", "x".repeat(1000));
    let mut input = Stream::new(
        &head,
        &item,
        1 << 20,
        "</Disconnect></soap:Body></soap:Envelope>",
    );
    // (Skipping the unknown elements: xml-rs, reading as the bytes come,
    // would meet the first before the limit.)
    assert_over(
        soap::from_envelope_skipping::<Disconnect>(&mut input, &Limits::default()),
        Limit::DocumentLength,
        4 << 20,
    );
    assert_eq!(input.count, (4 << 20) + 1);
    // The limit counts every byte, so a document of exactly the limit passes.
    let xml = soap::to_envelope(&Disconnect {
        call_id: "a".into(),
    })
    .unwrap();
    let limits = Limits {
        max_document_len: xml.len(),
        ..Limits::default()
    };
    assert!(soap::from_envelope_with::<Disconnect>(xml.as_bytes(), &limits).is_ok());
    let limits = Limits {
        max_document_len: xml.len() - 1,
        ..Limits::default()
    };
    assert_over(
        soap::from_envelope_with::<Disconnect>(xml.as_bytes(), &limits),
        Limit::DocumentLength,
        xml.len() - 1,
    );
}

// ----------------------------------------------------------------- encoding

#[test]
fn invalid_utf8_is_malformed_xml() {
    let cases: [&[u8]; 6] = [
        b"\xff",             // never valid
        b"\xc3",             // a sequence cut short
        b"\xc0\x80",         // an overlong NUL
        b"\xed\xa0\x80",     // a UTF-16 surrogate
        b"\xf4\x90\x80\x80", // past U+10FFFF
        b"ok\x80ok",         // a lone continuation byte
    ];
    for bytes in cases {
        for place in ["text", "name", "attribute"] {
            let (before, after) = match place {
                "text" => (
                    format!(r#"<Disconnect xmlns="{UM}"><CallId>"#),
                    "</CallId></Disconnect>".to_string(),
                ),
                "name" => (
                    format!(r#"<Disconnect xmlns="{UM}"><CallId>a</CallId><x"#),
                    "/></Disconnect>".to_string(),
                ),
                _ => (
                    format!(r#"<Disconnect xmlns="{UM}" a=""#),
                    "\"><CallId>a</CallId></Disconnect>".to_string(),
                ),
            };
            let mut xml = format!("{HEAD}<soap:Body>{before}").into_bytes();
            xml.extend_from_slice(bytes);
            xml.extend_from_slice(format!("{after}</soap:Body>{TAIL}").as_bytes());
            let result = soap::from_envelope::<Disconnect>(&xml[..]);
            assert!(
                matches!(result, Err(soap::Error::Xml(_))),
                "{bytes:x?} in {place}: {result:?}"
            );
        }
    }
}

#[test]
fn a_declared_encoding_is_read_as_it_says_or_refused() {
    let read = |encoding: &str, call_id: &str| {
        let xml = format!(
            r#"<?xml version="1.0" encoding="{encoding}"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><Disconnect xmlns="{UM}"><CallId>{call_id}</CallId></Disconnect></soap:Body></soap:Envelope>"#
        );
        soap::from_envelope_using::<Disconnect>(xml.as_bytes(), &Limits::default(), BACKEND)
            .map(|d| d.call_id)
    };
    // UTF-8 under any of its names.
    for encoding in ["UTF-8", "utf-8", "Utf8"] {
        assert_eq!(read(encoding, "caf\u{e9}").unwrap(), "caf\u{e9}", "{encoding}");
    }
    // An ASCII-compatible encoding xml-rs knows, with only ASCII in the
    // document: the same characters whichever it is.
    for encoding in ["ISO-8859-1", "latin1", "US-ASCII", "ascii"] {
        assert_eq!(read(encoding, "cafe").unwrap(), "cafe", "{encoding}");
    }
    // No encoding anyone knows, or one the bytes are not in.
    for encoding in ["ut-8f", "EBCDIC", "UTF-16"] {
        let result = read(encoding, "cafe");
        assert!(
            matches!(result, Err(soap::Error::Xml(_))),
            "{encoding}: {result:?}"
        );
    }
    // ISO-8859-1 beyond ASCII: xml-rs decodes it (the UTF-8 bytes of
    // \u{e9} are two ISO-8859-1 characters); the fast backend reads UTF-8
    // only, and refuses it rather than read other characters.
    match BACKEND {
        soap::Backend::XmlRs => {
            assert_eq!(read("ISO-8859-1", "caf\u{e9}").unwrap(), "caf\u{c3}\u{a9}");
        }
        _ => match read("ISO-8859-1", "caf\u{e9}") {
            Err(soap::Error::Xml(message)) => {
                assert!(message.contains("UTF-8 only"), "{message}")
            }
            other => panic!("expected Error::Xml, got {other:?}"),
        },
    }
}

#[test]
fn a_malformed_or_misplaced_xml_declaration_is_malformed_xml() {
    let body = format!(
        r#"<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><Disconnect xmlns="{UM}"><CallId>a</CallId></Disconnect></soap:Body></soap:Envelope>"#
    );
    let read = |before: &str| {
        let xml = format!("{before}{body}");
        soap::from_envelope_using::<Disconnect>(xml.as_bytes(), &Limits::default(), BACKEND)
    };
    for good in [
        "",
        r#"<?xml version="1.0"?>"#,
        "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>",
        "<?xml  version = \"1.0\"\n encoding=\"utf-8\"\tstandalone=\"no\" ?>",
        "\u{feff}<?xml version=\"1.0\"?>",
    ] {
        assert!(read(good).is_ok(), "{good:?}: {:?}", read(good));
    }
    for bad in [
        "<?xml?>",
        r#"<?xml versio<a>ding="utf-8"?>"#,
        r#"<?xml version="2.0"?>"#,
        r#"<?xml version="1.0" encoding="utf-8" version="1.0"?>"#,
        r#"<?xml encoding="utf-8" version="1.0"?>"#,
        r#"<?xml version="1.0"encoding="utf-8"?>"#,
        r#"<?xml version="1.0" standalone="maybe"?>"#,
        r#"<?xml version="1.0" standalone="yes" encoding="utf-8"?>"#,
        r#"<?xml version="1.0" encoding="-utf-8"?>"#,
        r#"<?xml version="1.0" encoding="utf-8?>"#,
        r#"<?xml version="1.0" other="x"?>"#,
        r#" <?xml version="1.0"?>"#,
        r#"<?xml version="1.0"?><?xml version="1.0"?>"#,
        r#"<!-- a comment --><?xml version="1.0"?>"#,
    ] {
        let result = read(bad);
        assert!(
            matches!(result, Err(soap::Error::Xml(_))),
            "{bad:?}: {result:?}"
        );
    }
}

#[test]
fn what_xml_does_not_allow_where_the_body_stands_is_malformed_xml() {
    let read = |body: &str| {
        let xml = envelope(body);
        soap::from_envelope_using::<Disconnect>(xml.as_bytes(), &Limits::default(), BACKEND)
    };
    let good = |inside: &str, attributes: &str| {
        format!(r#"<Disconnect xmlns="{UM}"{attributes}><CallId>a{inside}</CallId></Disconnect>"#)
    };
    for (inside, attributes, call_id) in [
        ("<!-- a - b --><?pi data?><?x-y:z?>b", "", "ab"),
        (
            "&#x10FFFF;&#9;&#xE000;] ]>]>",
            r#" xmlns:p="urn:&#x1F600;""#,
            "a\u{10ffff}\t\u{e000}] ]>]>",
        ),
    ] {
        match read(&good(inside, attributes)) {
            Ok(value) => assert_eq!(value.call_id, call_id),
            Err(e) => panic!("{inside:?} {attributes:?}: {e}"),
        }
    }
    let cases = [
        // Names.
        format!(r#"<Disconnect xmlns="{UM}"><CallId>a</CallId><a$b/></Disconnect>"#),
        format!(r#"<Disconnect xmlns="{UM}"><CallId>a</CallId><1a/></Disconnect>"#),
        format!(r#"<Disconnect xmlns="{UM}" xmlns:a="urn:a"><CallId>a</CallId><a:b:c/></Disconnect>"#),
        format!(r#"<Disconnect xmlns="{UM}"><CallId>a</CallId><:a/></Disconnect>"#),
        format!(r#"<Disconnect xmlns="{UM}"><CallId>a</CallId><a:/></Disconnect>"#),
        good("", r#" x$="1""#),
        good("", r#" :x="1""#),
        good("", r#" x="1"y="2""#),
        good("", r#" x='1'y="2""#),
        // Values and text.
        good("", r#" x="<""#),
        good("]]>", ""),
        good("&#1;", ""),
        good("&#xFFFE;", ""),
        good("", r#" x="&#x1B;""#),
        good("\u{1}", ""),
        good("", " x=\"\u{1f}\""),
        good("\u{ffff}", ""),
        // Comments and processing instructions.
        good("<!-- a -- b -->", ""),
        good("<!-- a --->", ""),
        good("<?<x?>", ""),
        good("<?XML x?>", ""),
        good("<?xml version=\"1.0\"?>", ""),
    ];
    for body in cases {
        let result = read(&body);
        assert!(matches!(result, Err(soap::Error::Xml(_))), "{body:?}: {result:?}");
    }
    // Found by fuzzing: attributes run together in a header's element, which
    // the reader skips (xml-rs refused it, quick-xml took it).
    let xml = format!(
        r#"{HEAD}<soap:Header><h xmlns="urn:h" a="1"lns="urn:x"/></soap:Header><soap:Body>{}</soap:Body>{TAIL}"#,
        good("", "")
    );
    let result = soap::from_envelope_using::<Disconnect>(xml.as_bytes(), &Limits::default(), BACKEND);
    assert!(matches!(result, Err(soap::Error::Xml(_))), "{result:?}");
    // Found by fuzzing: before and after the root element, white space,
    // comments and processing instructions only (a reference to a space is
    // no space; quick-xml took it).
    let xml = envelope(&good("", ""));
    // Without its XML declaration, which must come first.
    let xml = xml.replacen(r#"<?xml version="1.0" encoding="utf-8"?>"#, "", 1);
    assert!(xml.starts_with("<soap:Envelope"), "{xml}");
    for (before, after) in [
        ("&#32;", ""),
        ("&#13;", ""),
        ("<![CDATA[ ]]>", ""),
        ("", "&#10;"),
        ("", "<![CDATA[]]>"),
        ("", "&amp;"),
    ] {
        let xml = format!("{before}{xml}{after}");
        let result =
            soap::from_envelope_using::<Disconnect>(xml.as_bytes(), &Limits::default(), BACKEND);
        assert!(
            matches!(result, Err(soap::Error::Xml(_))),
            "{before:?} {after:?}: {result:?}"
        );
    }
    let xml = format!(" \n<!-- c --><?pi?>{xml}\n<!-- c --> ");
    let result =
        soap::from_envelope_using::<Disconnect>(xml.as_bytes(), &Limits::default(), BACKEND);
    assert_eq!(result.unwrap().call_id, "a");
}

#[test]
fn a_less_than_sign_in_an_attribute_value_is_malformed_xml_to_the_fast_backend() {
    // XML forbids it; xml-rs takes `</` there as text (found by fuzzing).
    let xml = envelope(&format!(
        r#"<Disconnect xmlns="{UM}" xmlns:p="urn:a</b>c"><CallId>a</CallId></Disconnect>"#
    ));
    let result = soap::from_envelope_using::<Disconnect>(xml.as_bytes(), &Limits::default(), BACKEND);
    match BACKEND {
        soap::Backend::XmlRs => assert_eq!(result.unwrap().call_id, "a"),
        _ => match result {
            Err(soap::Error::Xml(message)) => {
                assert!(message.contains("< in an attribute value"), "{message}")
            }
            other => panic!("expected Error::Xml, got {other:?}"),
        },
    }
}

#[test]
fn a_namespace_declared_twice_in_one_tag_is_malformed_xml_to_the_fast_backend() {
    // XML forbids an attribute written twice; xml-rs takes a namespace
    // declaration written twice (found by fuzzing).
    let xml = envelope(&format!(
        r#"<Disconnect xmlns="{UM}" xmlns:p="urn:a" xmlns:p="urn:b"><CallId>a</CallId></Disconnect>"#
    ));
    let result = soap::from_envelope_using::<Disconnect>(xml.as_bytes(), &Limits::default(), BACKEND);
    match BACKEND {
        soap::Backend::XmlRs => assert_eq!(result.unwrap().call_id, "a"),
        _ => match result {
            Err(soap::Error::Xml(message)) => assert!(message.contains("written twice"), "{message}"),
            other => panic!("expected Error::Xml, got {other:?}"),
        },
    }
}

#[test]
fn an_attribute_written_twice_or_an_end_tag_that_does_not_match_is_malformed_xml() {
    let read = |xml: &str| {
        soap::from_envelope_using::<Disconnect>(xml.as_bytes(), &unlimited(), BACKEND)
    };
    // Twice among a few attributes, and among many (past the point where
    // the fast backend keeps the names in a set).
    for before in [0, 3, 40] {
        let mut attributes: String = (0..before).map(|i| format!(r#" a{i}="1""#)).collect();
        attributes.push_str(r#" b="1" b="2""#);
        let xml = envelope(&format!(
            r#"<Disconnect xmlns="{UM}"{attributes}><CallId>a</CallId></Disconnect>"#
        ));
        let result = read(&xml);
        assert!(matches!(result, Err(soap::Error::Xml(_))), "{before}: {result:?}");
    }
    // Forty different ones are fine.
    let attributes: String = (0..40).map(|i| format!(r#" xmlns:p{i}="urn:p""#)).collect();
    let xml = envelope(&format!(
        r#"<Disconnect xmlns="{UM}"{attributes}><CallId>a</CallId></Disconnect>"#
    ));
    assert_eq!(read(&xml).unwrap().call_id, "a");
    for body in [
        format!(r#"<Disconnect xmlns="{UM}"><CallId>a</Callid></Disconnect>"#),
        format!(r#"<Disconnect xmlns="{UM}"><CallId>a</CallId></Disconnect></Disconnect>"#),
        format!(r#"<Disconnect xmlns="{UM}"><CallId>a</CallId></y></Disconnect>"#),
    ] {
        let result = read(&envelope(&body));
        assert!(matches!(result, Err(soap::Error::Xml(_))), "{body}: {result:?}");
    }
}

#[test]
fn nul_bytes_and_utf16_are_refused() {
    let xml = envelope(&format!(
        r#"<Disconnect xmlns="{UM}"><CallId>a{}b</CallId></Disconnect>"#,
        '\0'
    ));
    match soap::from_envelope::<Disconnect>(xml.as_bytes()) {
        Err(soap::Error::Xml(message)) => assert!(message.contains("NUL"), "{message}"),
        other => panic!("expected Error::Xml, got {other:?}"),
    }
    // UTF-16, with its byte order mark, as the XML specification allows.
    let xml = soap::to_envelope(&Disconnect {
        call_id: "a".into(),
    })
    .unwrap();
    let mut utf16 = vec![0xff, 0xfe];
    utf16.extend(xml.encode_utf16().flat_map(u16::to_le_bytes));
    match soap::from_envelope::<Disconnect>(&utf16[..]) {
        Err(soap::Error::Xml(message)) => assert!(message.contains("UTF-16"), "{message}"),
        other => panic!("expected Error::Xml, got {other:?}"),
    }
}

// --------------------------------------------------------------- repetition

const MANY: usize = 100_000;

#[test]
fn attributes_repeated_100_000_times_are_refused() {
    for (attribute, limit) in [
        (r#" a="1""#, Limit::Attributes),
        (r#" a{}="1""#, Limit::Attributes),
        // Namespace declarations are attributes, and declarations in scope.
        (r#" xmlns:p{}="urn:p""#, Limit::Namespaces),
    ] {
        let attributes: String = (0..MANY)
            .map(|i| attribute.replace("{}", &i.to_string()))
            .collect();
        for xml in [
            format!(
                r#"<?xml version="1.0"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"{attributes}><soap:Body><Disconnect xmlns="{UM}"><CallId>a</CallId></Disconnect></soap:Body>{TAIL}"#
            ),
            envelope(&format!(
                r#"<Disconnect xmlns="{UM}"><CallId{attributes}>a</CallId></Disconnect>"#
            )),
        ] {
            let result = soap::from_envelope::<Disconnect>(xml.as_bytes());
            match (&result, limit) {
                (Err(soap::Error::Limit(e)), Limit::Namespaces) if e.limit == Limit::Attributes => {
                }
                _ => assert_over(result, limit, 32),
            }
        }
    }
}

#[test]
fn elements_repeated_100_000_times() {
    let head = format!(r#"{HEAD}<soap:Body><Disconnect xmlns="{UM}">"#);
    let tail = format!("</Disconnect></soap:Body>{TAIL}");
    let mut input = Stream::new(&head, "<CallId>a</CallId>", MANY, &tail);
    assert_over(
        soap::from_envelope_skipping::<Disconnect>(&mut input, &Limits::default()),
        Limit::Elements,
        10_000,
    );
    assert!(input.count < 10_000 * 18 + 2 * 8192, "{}", input.count);

    // Without the limit, the second is an error; skipped, they take linear
    // time, the first one kept.
    let mut input = Stream::new(&head, "<CallId>a</CallId>", MANY, &tail);
    let value = soap::from_envelope_with::<Disconnect>(&mut input, &unlimited());
    assert!(matches!(
        value,
        Err(soap::Error::Body { message, .. }) if message == "CallId: the element occurs more than once"
    ));
    let mut input = Stream::new(&head, "<CallId>a</CallId>", MANY, &tail);
    let value = soap::from_envelope_skipping::<Disconnect>(&mut input, &unlimited());
    assert_eq!(
        value.unwrap(),
        Disconnect {
            call_id: "a".into()
        }
    );

    // Unknown elements (skipped), in the body and in the header.
    let mut input = Stream::new(&head, "<x/>", MANY, &tail);
    assert_over(
        soap::from_envelope_skipping::<Disconnect>(&mut input, &Limits::default()),
        Limit::Elements,
        10_000,
    );
    let head = format!("{HEAD}<soap:Header>");
    let tail =
        format!("</soap:Header><soap:Body><DisconnectResponse xmlns=\"{UM}\"/></soap:Body>{TAIL}");
    let mut input = Stream::new(&head, "<x/>", MANY, &tail);
    assert_over(
        soap::read_response::<Disconnect>(&mut input),
        Limit::Elements,
        10_000,
    );
}

#[test]
fn namespace_declarations_in_scope_are_bounded() {
    // The parser hands every element a copy of all the namespaces in scope:
    // a long URI declared on an outer element, or a declaration on every
    // level, would make each of many inner elements expensive.
    let uri = format!("urn:{}", "u".repeat(1 << 20));
    let xml = envelope(&format!(
        r#"<Disconnect xmlns="{UM}" xmlns:p="{uri}"><CallId>a</CallId>{}</Disconnect>"#,
        "<x/>".repeat(9_000)
    ));
    assert_over(
        soap::from_envelope::<Disconnect>(xml.as_bytes()),
        Limit::NameLength,
        1024,
    );
    let open: String = (0..60)
        .map(|l| format!(r#"<a xmlns:p{l}="urn:{l}">"#))
        .collect();
    let xml = envelope(&format!(
        r#"<Disconnect xmlns="{UM}"><CallId>a</CallId>{open}{}</Disconnect>"#,
        "</a>".repeat(60)
    ));
    assert_over(
        soap::from_envelope_skipping::<Disconnect>(xml.as_bytes(), &Limits::default()),
        Limit::Namespaces,
        32,
    );

    // The most the limits let in: 32 declarations of 1 KiB URIs in scope
    // for 9,000 elements. It must still be read quickly.
    let uri = "u".repeat(1000);
    let open: String = (0..30)
        .map(|l| format!(r#"<a xmlns:p{l}="{uri}">"#))
        .collect();
    let xml = envelope(&format!(
        r#"<Disconnect xmlns="{UM}"><CallId>a</CallId>{open}{}{}</Disconnect>"#,
        "<b/>".repeat(9_000),
        "</a>".repeat(30)
    ));
    let start = std::time::Instant::now();
    let value = soap::from_envelope_skipping::<Disconnect>(xml.as_bytes(), &Limits::default());
    assert_eq!(
        value.unwrap(),
        Disconnect {
            call_id: "a".into()
        }
    );
    eprintln!("{} bytes read in {:?}", xml.len(), start.elapsed());
}

// ---------------------------------------------------------------- truncation

/// Every golden document, by name, with its bytes.
fn goldens() -> Vec<(String, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden");
    let mut out: Vec<(String, Vec<u8>)> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|e| e == "xml"))
        .map(|path| {
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read(&path).unwrap())
        })
        .collect();
    out.sort();
    assert_eq!(out.len(), 22);
    out
}

/// Parses golden file `name` (`<Operation>.request.xml` or `.response.xml`)
/// with the operation's type, from `xml`, into its `Debug` text.
fn parse_golden(name: &str, xml: impl Read) -> Result<String, soap::Error> {
    let (operation, side) = name.split_once('.').expect("<Operation>.<side>.xml");
    let request = side == "request.xml";
    macro_rules! by_operation {
        ($($name:ident: $op:ty => $response:ty;)*) => {
            $(
                if operation == <$op as Request>::OPERATION {
                    return if request {
                        soap::from_envelope::<$op>(xml).map(|v| format!("{v:?}"))
                    } else {
                        soap::read_response::<$op>(xml).map(|v| format!("{v:?}"))
                    };
                }
            )*
        };
    }
    um_bindings::for_each_operation!(by_operation);
    panic!("{name}: no such operation");
}

#[test]
fn every_golden_cut_at_every_byte_is_malformed_xml() {
    for (name, full) in goldens() {
        assert!(parse_golden(&name, &full[..]).is_ok(), "{name}");
        // Past the last `>` only whitespace is cut: the document is whole.
        let end = full.iter().rposition(|&b| b == b'>').unwrap() + 1;
        for cut in 0..full.len() {
            match parse_golden(&name, &full[..cut]) {
                Err(soap::Error::Xml(_)) if cut < end => {}
                Ok(_) if cut >= end => {}
                other => panic!("{name} cut at byte {cut} of {}: {other:?}", full.len()),
            }
        }
    }
}

#[test]
fn goldens_read_one_byte_at_a_time_read_the_same() {
    for (name, full) in goldens() {
        let whole = parse_golden(&name, &full[..]).unwrap();
        assert_eq!(
            parse_golden(&name, Trickle(&full)).unwrap(),
            whole,
            "{name}"
        );
    }
}

// ------------------------------------------------------------ fuzz findings

#[test]
fn a_carriage_return_in_text_round_trips() {
    // Found by fuzz/ (um_responses): `&#13;` in a CallId read as "\r", was
    // written back raw, and read again as "\n".
    let xml = envelope(&format!(
        r#"<GetCallInfo xmlns="{UM}"><CallId>a&#13;b&#xD;&#xA;c</CallId></GetCallInfo>"#
    ));
    let value = soap::from_envelope::<GetCallInfo>(xml.as_bytes()).unwrap();
    assert_eq!(value.call_id, "a\rb\r\nc");
    let written = soap::to_envelope(&value).unwrap();
    assert!(written.contains("a&#xD;b&#xD;\nc"), "{written}");
    assert_eq!(
        soap::from_envelope::<GetCallInfo>(written.as_bytes()).unwrap(),
        value
    );
}

/// The envelope functions the tests call, read by [`BACKEND`] (the file that
/// includes these tests chooses it).
mod soap {
    use std::io::Read;

    pub use um_bindings::soap::*;
    use um_bindings::{Request, Root};

    pub fn from_envelope<T: Root>(xml: impl Read) -> Result<T, Error> {
        from_envelope_using(xml, &Limits::default(), super::BACKEND)
    }

    pub fn from_envelope_with<T: Root>(xml: impl Read, limits: &Limits) -> Result<T, Error> {
        from_envelope_using(xml, limits, super::BACKEND)
    }

    /// [`from_envelope_with`], skipping the elements the schema does not allow.
    pub fn from_envelope_skipping<T: Root>(xml: impl Read, limits: &Limits) -> Result<T, Error> {
        let options = um_bindings::ReadOptions {
            limits: *limits,
            unknown: um_bindings::UnknownContent::Skip,
            ..Default::default()
        };
        from_envelope_options(xml, &options, super::BACKEND)
    }

    pub fn read_response<R: Request>(xml: impl Read) -> Result<R::Response, Error> {
        read_response_using::<R>(xml, &Limits::default(), super::BACKEND)
    }

    pub fn read_response_with<R: Request>(
        xml: impl Read,
        limits: &Limits,
    ) -> Result<R::Response, Error> {
        read_response_using::<R>(xml, limits, super::BACKEND)
    }
}
