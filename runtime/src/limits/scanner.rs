//! The byte-level tokenizer of the [`Guard`](super::Guard): it counts what
//! the [`Limits`] bound, across chunks.

use super::{Limit, LimitExceeded, Limits, Violation};

/// What the tokenizer is in the middle of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum State {
    /// Character data (or the prolog, or after the root element).
    Text,
    /// Just after `<`.
    Open,
    /// In a start tag, outside attribute values.
    StartTag,
    /// In an attribute value quoted with this byte; `true` in a namespace
    /// declaration's.
    Value(u8, bool),
    /// In an end tag.
    EndTag,
    /// In a processing instruction (or the XML declaration); `true` just after a `?`.
    Pi(bool),
    /// Just after `<!`.
    Bang,
    /// Just after `<!-`.
    CommentOpen,
    /// In a comment, with this many `-` just before.
    Comment(u8),
    /// Matching `<![CDATA[`: this many bytes of `CDATA[` matched.
    CdataOpen(u8),
    /// In a CDATA section, with this many `]` just before.
    Cdata(u8),
}

/// The byte-level tokenizer: counts what the limits bound, across chunks.
#[derive(Debug)]
pub(crate) struct Scanner {
    pub(super) limits: Limits,
    state: State,
    /// Offset of the next byte.
    offset: u64,
    depth: usize,
    elements: usize,
    /// Attributes of the current start tag.
    attributes: usize,
    /// Bytes of character data since the last tag, or of the current attribute value.
    text: usize,
    /// Bytes of the name being read.
    name: usize,
    /// The last byte of the current start tag outside attribute values.
    last: u8,
    /// How the current attribute name compares with `xmlns`.
    xmlns: Xmlns,
    /// Namespace declarations on the current start tag.
    tag_namespaces: usize,
    /// Namespace declarations on each open element.
    namespaces: Vec<usize>,
    /// Namespace declarations in scope.
    in_scope: usize,
}

/// How an attribute name read so far compares with `xmlns` and `xmlns:`:
/// whether the attribute is a namespace declaration.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Xmlns {
    /// The name so far is the first this many bytes of `xmlns` (1 to 4).
    Partial(u8),
    /// `xmlns`: a default namespace declaration, if the name ends here.
    Default,
    /// `xmlns:` and more: a prefixed declaration.
    Prefixed,
    /// Not a declaration.
    No,
}

impl Scanner {
    pub(crate) fn new(limits: Limits) -> Self {
        Scanner {
            limits,
            state: State::Text,
            offset: 0,
            depth: 0,
            elements: 0,
            attributes: 0,
            text: 0,
            name: 0,
            last: 0,
            xmlns: Xmlns::No,
            tag_namespaces: 0,
            namespaces: Vec::new(),
            in_scope: 0,
        }
    }

    pub(crate) fn over(&self, limit: Limit) -> Violation {
        let max = match limit {
            Limit::DocumentLength => self.limits.max_document_len,
            Limit::Depth => self.limits.max_depth,
            Limit::TextLength => self.limits.max_text_len,
            Limit::Attributes => self.limits.max_attributes,
            Limit::Elements => self.limits.max_elements,
            Limit::NameLength => self.limits.max_name_len,
            Limit::Namespaces => self.limits.max_namespaces,
        };
        Violation::Limit(LimitExceeded { limit, max })
    }

    /// Counts one more byte of character data.
    #[inline]
    fn text_byte(&mut self) -> Result<(), Violation> {
        self.text += 1;
        if self.text > self.limits.max_text_len {
            return Err(self.over(Limit::TextLength));
        }
        Ok(())
    }

    /// Counts one more byte of a name, or ends the name on a delimiter.
    #[inline]
    fn name_byte(&mut self, byte: u8) -> Result<(), Violation> {
        if is_delimiter(byte) {
            self.name = 0;
        } else {
            self.name += 1;
            if self.name > self.limits.max_name_len {
                return Err(self.over(Limit::NameLength));
            }
        }
        Ok(())
    }

    /// A tag ended: a new run of character data begins.
    fn tag_end(&mut self) {
        self.state = State::Text;
        self.text = 0;
    }

    pub(crate) fn scan(&mut self, chunk: &[u8]) -> Result<(), Violation> {
        let mut rest = chunk;
        while let Some((&byte, tail)) = rest.split_first() {
            // Most bytes are in runs of text, attribute values or names:
            // take a run at once, and only the bytes that end it one by one.
            let run = match self.state {
                State::Text => self.text_run(rest, b'<')?,
                State::Value(quote, false) => self.text_run(rest, quote)?,
                State::Value(quote, true) => self.uri_run(rest, quote)?,
                State::StartTag | State::EndTag => self.name_run(rest)?,
                State::Comment(0) => self.text_run(rest, b'-')?,
                State::Pi(false) => self.text_run(rest, b'?')?,
                State::Cdata(0) => self.text_run(rest, b']')?,
                _ => 0,
            };
            if run > 0 {
                rest = &rest[run..];
                continue;
            }
            rest = tail;
            self.step(byte)?;
        }
        Ok(())
    }

    /// Counts the character data at the start of `bytes`, up to `stop` (or a
    /// NUL), and returns its length.
    #[inline]
    fn text_run(&mut self, bytes: &[u8], stop: u8) -> Result<usize, Violation> {
        let run = bytes
            .iter()
            .position(|&b| b == stop || b == 0)
            .unwrap_or(bytes.len());
        self.offset += run as u64;
        self.text = self.text.saturating_add(run);
        if self.text > self.limits.max_text_len {
            return Err(self.over(Limit::TextLength));
        }
        Ok(run)
    }

    /// Counts the bytes of a namespace URI at the start of `bytes`, up to
    /// `quote` (or a NUL), and returns how many there are.
    #[inline]
    fn uri_run(&mut self, bytes: &[u8], quote: u8) -> Result<usize, Violation> {
        let run = bytes
            .iter()
            .position(|&b| b == quote || b == 0)
            .unwrap_or(bytes.len());
        self.offset += run as u64;
        // A namespace URI is copied to every element in its scope.
        self.name = self.name.saturating_add(run);
        if self.name > self.limits.max_name_len {
            return Err(self.over(Limit::NameLength));
        }
        Ok(run)
    }

    /// Counts the name bytes at the start of `bytes`, in a tag, and returns
    /// how many there are.
    #[inline]
    fn name_run(&mut self, bytes: &[u8]) -> Result<usize, Violation> {
        let run = bytes
            .iter()
            .position(|&b| is_delimiter(b) || matches!(b, b'"' | b'\'' | b'<' | 0))
            .unwrap_or(bytes.len());
        if run == 0 {
            return Ok(0);
        }
        if self.state == State::StartTag {
            // Follow an attribute name against `xmlns:` (the first 6 bytes tell).
            for (at, &byte) in (self.name..).zip(&bytes[..run.min(6)]) {
                self.xmlns = match (at, self.xmlns) {
                    (0, _) if byte == b'x' => Xmlns::Partial(1),
                    (0, _) => Xmlns::No,
                    (_, Xmlns::Partial(4)) if byte == b's' => Xmlns::Default,
                    (_, Xmlns::Partial(m)) if byte == b"xmlns"[usize::from(m)] => {
                        Xmlns::Partial(m + 1)
                    }
                    (_, Xmlns::Default) if byte == b':' => Xmlns::Prefixed,
                    (_, Xmlns::Prefixed) => Xmlns::Prefixed,
                    _ => Xmlns::No,
                };
            }
            self.last = bytes[run - 1];
        }
        self.offset += run as u64;
        self.name = self.name.saturating_add(run);
        if self.name > self.limits.max_name_len {
            return Err(self.over(Limit::NameLength));
        }
        Ok(run)
    }

    /// Takes one byte, in any state.
    #[inline]
    fn step(&mut self, byte: u8) -> Result<(), Violation> {
        if byte == 0 {
            return Err(Violation::Nul(self.offset));
        }
        self.offset += 1;
        match self.state {
            State::Text => {
                if byte == b'<' {
                    self.state = State::Open;
                } else {
                    self.text_byte()?;
                }
            }
            State::Open => match byte {
                b'/' => {
                    self.state = State::EndTag;
                    self.name = 0;
                }
                b'?' => self.state = State::Pi(false),
                b'!' => self.state = State::Bang,
                _ => {
                    self.elements += 1;
                    if self.elements > self.limits.max_elements {
                        return Err(self.over(Limit::Elements));
                    }
                    self.state = State::StartTag;
                    self.attributes = 0;
                    self.tag_namespaces = 0;
                    self.xmlns = Xmlns::No;
                    self.name = 0;
                    self.last = byte;
                    self.name_byte(byte)?;
                }
            },
            State::StartTag => match byte {
                b'"' | b'\'' => {
                    self.attributes += 1;
                    if self.attributes > self.limits.max_attributes {
                        return Err(self.over(Limit::Attributes));
                    }
                    let declaration = matches!(self.xmlns, Xmlns::Default | Xmlns::Prefixed);
                    if declaration {
                        self.tag_namespaces += 1;
                        self.in_scope += 1;
                        if self.in_scope > self.limits.max_namespaces {
                            return Err(self.over(Limit::Namespaces));
                        }
                    }
                    self.state = State::Value(byte, declaration);
                    self.text = 0;
                    self.last = byte;
                    self.xmlns = Xmlns::No;
                }
                b'>' => {
                    // `<a/>` opens and closes: it still counts as one level.
                    if self.depth >= self.limits.max_depth {
                        return Err(self.over(Limit::Depth));
                    }
                    if self.last == b'/' {
                        self.in_scope = self.in_scope.saturating_sub(self.tag_namespaces);
                    } else {
                        self.depth += 1;
                        self.namespaces.push(self.tag_namespaces);
                    }
                    self.tag_end();
                }
                _ => {
                    // A delimiter, or `<` (malformed): name bytes come in runs.
                    if !is_delimiter(byte) {
                        self.xmlns = Xmlns::No;
                    }
                    self.name_byte(byte)?;
                    if !byte.is_ascii_whitespace() {
                        self.last = byte;
                    }
                }
            },
            State::Value(quote, declaration) => {
                if byte == quote {
                    self.state = State::StartTag;
                    self.name = 0;
                } else if declaration {
                    // A namespace URI is copied to every element in its scope.
                    self.name += 1;
                    if self.name > self.limits.max_name_len {
                        return Err(self.over(Limit::NameLength));
                    }
                } else {
                    self.text_byte()?;
                }
            }
            State::EndTag => {
                if byte == b'>' {
                    self.depth = self.depth.saturating_sub(1);
                    let closed = self.namespaces.pop().unwrap_or(0);
                    self.in_scope = self.in_scope.saturating_sub(closed);
                    self.tag_end();
                } else {
                    self.name_byte(byte)?;
                }
            }
            State::Pi(question) => {
                self.text_byte()?;
                self.state = match byte {
                    b'>' if question => State::Text,
                    b'?' => State::Pi(true),
                    _ => State::Pi(false),
                };
            }
            State::Bang => match byte {
                b'-' => self.state = State::CommentOpen,
                b'[' => self.state = State::CdataOpen(0),
                // <!DOCTYPE, <!ENTITY, <!ELEMENT, <!ATTLIST, <!NOTATION.
                _ => return Err(Violation::Dtd),
            },
            // Anything else is malformed: the parser will say so, and
            // the tokenizer goes on as if it were text.
            State::CommentOpen => {
                self.state = if byte == b'-' {
                    State::Comment(0)
                } else {
                    State::Text
                }
            }
            State::Comment(dashes) => {
                self.text_byte()?;
                self.state = match byte {
                    b'>' if dashes >= 2 => State::Text,
                    b'-' => State::Comment(dashes.saturating_add(1)),
                    _ => State::Comment(0),
                };
            }
            State::CdataOpen(matched) => {
                self.state = if byte == b"CDATA["[usize::from(matched)] {
                    if matched == 5 {
                        State::Cdata(0)
                    } else {
                        State::CdataOpen(matched + 1)
                    }
                } else {
                    State::Text
                };
            }
            State::Cdata(brackets) => {
                self.text_byte()?;
                self.state = match byte {
                    b'>' if brackets >= 2 => State::Text,
                    b']' => State::Cdata(brackets.saturating_add(1)),
                    _ => State::Cdata(0),
                };
            }
        }
        Ok(())
    }
}

/// Whether `byte` ends a name in a tag.
#[inline]
fn is_delimiter(byte: u8) -> bool {
    matches!(byte, b' ' | b'\t' | b'\r' | b'\n' | b'=' | b'/' | b'>')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scan(xml: &str, limits: Limits) -> Result<(), Violation> {
        Scanner::new(limits).scan(xml.as_bytes())
    }

    fn over(limit: Limit, max: usize) -> Result<(), Violation> {
        Err(Violation::Limit(LimitExceeded { limit, max }))
    }

    #[test]
    fn depth_counts_open_elements_only() {
        let limits = Limits {
            max_depth: 2,
            ..Limits::default()
        };
        assert_eq!(scan("<a><b/><b></b><b x='>'/></a>", limits), Ok(()));
        assert_eq!(scan("<a><b><c/></b></a>", limits), over(Limit::Depth, 2));
        assert_eq!(scan("<a><b><c>", limits), over(Limit::Depth, 2));
        // Markup in comments, CDATA, PIs and attribute values is not markup.
        let quiet = "<?pi <a><a>?><a><!-- <a><a> --><![CDATA[<a><a>]]><b c=\"<a>\" d='<a>'/></a>";
        assert_eq!(scan(quiet, limits), Ok(()));
    }

    #[test]
    fn text_runs_span_comments_and_cdata_but_not_tags() {
        let limits = Limits {
            max_text_len: 4,
            ..Limits::default()
        };
        assert_eq!(scan("<a>abcd</a><a>abcd</a>", limits), Ok(()));
        assert_eq!(scan("<a>abcde</a>", limits), over(Limit::TextLength, 4));
        assert_eq!(
            scan("<a>ab<!---->c</a>", limits),
            over(Limit::TextLength, 4)
        );
        assert_eq!(scan("<a x='abcd' y=\"abcd\"/>", limits), Ok(()));
        assert_eq!(scan("<a x='abcde'/>", limits), over(Limit::TextLength, 4));
    }

    #[test]
    fn attributes_elements_and_names() {
        let limits = Limits {
            max_attributes: 2,
            max_elements: 3,
            max_name_len: 3,
            ..Limits::default()
        };
        assert_eq!(scan("<a x='1' y=\"2\"/>", limits), Ok(()));
        assert_eq!(
            scan("<a x='1' y='2' z='3'/>", limits),
            over(Limit::Attributes, 2)
        );
        assert_eq!(scan("<a><b/><c/></a>", limits), Ok(()));
        assert_eq!(
            scan("<a><b/><c/><d/></a>", limits),
            over(Limit::Elements, 3)
        );
        assert_eq!(scan("<abc xyz='abcdef'></abc>", limits), Ok(()));
        assert_eq!(scan("<abcd/>", limits), over(Limit::NameLength, 3));
        assert_eq!(scan("<a wxyz='1'/>", limits), over(Limit::NameLength, 3));
        assert_eq!(scan("<a></abcd>", limits), over(Limit::NameLength, 3));
    }

    #[test]
    fn namespace_declarations_in_scope() {
        let limits = Limits {
            max_namespaces: 2,
            max_name_len: 8,
            ..Limits::default()
        };
        // Declarations leave scope with their element; other attributes,
        // and names that only start like `xmlns`, are not declarations.
        let xml = "<a xmlns='u' xmlns:p = \"u\"><b/><b xmlnsx='1' xml='2' x='3'/></a><c xmlns:q='u'/><c xmlns:q='u'/>";
        assert_eq!(scan(xml, limits), Ok(()));
        assert_eq!(
            scan(
                "<a xmlns='u'><b xmlns:p='u'><c xmlns:q='u'/></b></a>",
                limits
            ),
            over(Limit::Namespaces, 2)
        );
        assert_eq!(
            scan("<a xmlns:p='u' xmlns:q='u' xmlns:r='u'/>", limits),
            over(Limit::Namespaces, 2)
        );
        assert_eq!(scan("<a xmlns:p='urn:abcd'/>", limits), Ok(()));
        assert_eq!(
            scan("<a xmlns:p='urn:abcde'/>", limits),
            over(Limit::NameLength, 8)
        );
        assert_eq!(scan("<a p='urn:abcdefghij'/>", limits), Ok(()));
    }

    #[test]
    fn declarations_and_nul_are_refused() {
        let limits = Limits::default();
        assert_eq!(scan("<!DOCTYPE a><a/>", limits), Err(Violation::Dtd));
        assert_eq!(scan("<a><!ENTITY x 'y'></a>", limits), Err(Violation::Dtd));
        assert_eq!(scan("<a>\0</a>", limits), Err(Violation::Nul(3)));
        assert_eq!(scan("<!-- <!DOCTYPE a> --><a/>", limits), Ok(()));
    }

    #[test]
    fn state_carries_across_chunks() {
        let xml = "<?xml version='1.0'?><a x='1'><!-- c --><![CDATA[<b>]]><b/></a>";
        let limits = Limits {
            max_depth: 2,
            ..Limits::default()
        };
        let mut scanner = Scanner::new(limits);
        for byte in xml.as_bytes() {
            scanner.scan(std::slice::from_ref(byte)).unwrap();
        }
        assert_eq!(scanner.depth, 0);
        assert_eq!(scanner.elements, 2);
        assert_eq!(scanner.state, State::Text);
    }
}
