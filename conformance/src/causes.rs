//! Failure messages normalized into causes, so that failures group: file
//! paths, positions, names and numbers taken out, the construct kept.

/// The cause of a failure: `message` without what is particular to one
/// case. The location a generator error starts with (`path:line:col: `)
/// goes; any other path becomes `<file>`; a path in an XML tree becomes `<path>`; a name
/// in backticks, quotes or `{namespace}` braces becomes `…`, unless it names an XSD construct
/// (`xs:redefine`) or is a Rust error code; numbers become `N`. At most
/// [`MAX_CAUSE`] characters.
pub fn normalize(message: &str) -> String {
    let message = message.lines().next().unwrap_or("").trim();
    let message = message.strip_prefix("error: ").unwrap_or(message);
    let message = strip_location(message);
    let message = strip_field(message);
    let mut out = String::with_capacity(message.len());
    let chars: Vec<char> = message.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        match c {
            '`' | '"' | '\'' if is_quote_start(&chars, i) => {
                let close = chars[i + 1..]
                    .iter()
                    .position(|&d| d == c)
                    .map(|p| i + 1 + p);
                match close {
                    Some(end) => {
                        let inner: String = chars[i + 1..end].iter().collect();
                        out.push(c);
                        out.push_str(&quoted(&inner));
                        out.push(c);
                        i = end + 1;
                    }
                    None => {
                        out.push(c);
                        i += 1;
                    }
                }
            }
            '{' => {
                // `{urn:x}local`: a qualified name.
                match chars[i + 1..].iter().position(|&d| d == '}') {
                    Some(p) => {
                        out.push_str("{…}");
                        i += p + 2;
                        while i < chars.len()
                            && (chars[i].is_alphanumeric() || matches!(chars[i], '_' | '-' | '.'))
                        {
                            i += 1;
                        }
                    }
                    None => {
                        out.push(c);
                        i += 1;
                    }
                }
            }
            _ if (i == 0 || chars[i - 1].is_whitespace() || chars[i - 1] == '(')
                && path_kind(&chars[i..word_end(&chars, i)]).is_some() =>
            {
                let end = word_end(&chars, i);
                out.push_str(path_kind(&chars[i..end]).unwrap_or_default());
                if chars[end - 1] == ':' {
                    out.push(':');
                }
                i = end;
            }
            d if d.is_ascii_digit() && !in_word(&chars, i) => {
                while i < chars.len() && (chars[i].is_ascii_digit() || chars[i] == '.') {
                    i += 1;
                }
                out.push('N');
            }
            _ => {
                out.push(c);
                i += 1;
            }
        }
    }
    let mut out = out.split_whitespace().collect::<Vec<_>>().join(" ");
    if out.chars().count() > MAX_CAUSE {
        out = out.chars().take(MAX_CAUSE - 1).collect::<String>() + "…";
    }
    out
}

/// The longest cause kept, in characters.
pub const MAX_CAUSE: usize = 150;

/// A message without the `file:line:col: ` it starts with, if any.
fn strip_location(message: &str) -> &str {
    // The location ends at the first `:<digits>:<digits>: `.
    let bytes = message.as_bytes();
    let mut i = 0;
    while let Some(p) = message[i..].find(':') {
        let at = i + p;
        let rest = &message[at + 1..];
        let digits = |s: &str| s.bytes().take_while(u8::is_ascii_digit).count();
        let line = digits(rest);
        if line > 0 && rest[line..].starts_with(':') {
            let col = digits(&rest[line + 1..]);
            let after = &rest[line + 1 + col..];
            if col > 0 && after.starts_with(": ") {
                return &after[2..];
            }
        }
        i = at + 1;
        if i >= bytes.len() || at > 400 {
            break;
        }
    }
    message
}

/// A message without the name of the field or element a reader error
/// starts with (`Employee: cannot parse integer`): one XML name, then `: `.
/// A Rust error code (`E0412: `), testkit's `expected: ` and `actual: `
/// and `panicked: ` stay.
fn strip_field(message: &str) -> &str {
    let Some((name, rest)) = message.split_once(": ") else {
        return message;
    };
    let code =
        name.len() == 5 && name.starts_with('E') && name[1..].bytes().all(|b| b.is_ascii_digit());
    let name_like = !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '.' | ':'));
    if code || !name_like || matches!(name, "expected" | "actual" | "panicked") || rest.is_empty() {
        message
    } else {
        rest
    }
}

/// Whether the quote at `i` opens a quoted span (not an apostrophe in a word).
fn is_quote_start(chars: &[char], i: usize) -> bool {
    chars[i] != '\'' || i == 0 || !chars[i - 1].is_alphanumeric()
}

/// What a quoted span becomes: an XSD construct or a Rust error code is
/// kept, anything else is a name, `…`.
fn quoted(inner: &str) -> String {
    let keep = inner.starts_with("xs:")
        || inner.contains(" xs:")
        || inner.starts_with("xsi:")
        || (inner.len() == 5
            && inner.starts_with('E')
            && inner[1..].bytes().all(|b| b.is_ascii_digit()));
    if keep {
        inner.to_string()
    } else {
        "…".into()
    }
}

/// Whether the digit at `i` is part of a word (`int32`, `UTF-8`), not a number.
fn in_word(chars: &[char], i: usize) -> bool {
    let name = |c: char| c.is_alphanumeric() || c == '_';
    i > 0 && (name(chars[i - 1]) || (chars[i - 1] == '-' && i > 1 && chars[i - 2].is_alphabetic()))
}

/// Where the word starting at `i` ends: at whitespace, `)` or `,`.
fn word_end(chars: &[char], i: usize) -> usize {
    let mut end = i;
    while end < chars.len() && !chars[end].is_whitespace() && !matches!(chars[end], ')' | ',') {
        end += 1;
    }
    end
}

/// What a word that is a path becomes: `<file>` for a file (it names a
/// schema, document or Rust file, or is an absolute path with a dotted
/// name), `<path>` for a path in an XML tree (`/{urn:a}root/item`).
fn path_kind(word: &[char]) -> Option<&'static str> {
    let word: String = word.iter().collect();
    let word = word.trim_end_matches([':', '.', ';']);
    if word.contains('`') || word.contains('"') {
        return None;
    }
    let file = [".xsd", ".xml", ".rs", ".dtd", ".testSet"]
        .iter()
        .any(|ext| word.contains(ext));
    let absolute = word.starts_with('/') && word.len() > 1;
    if file
        || (absolute
            && !word.contains('{')
            && word.rsplit('/').next().is_some_and(|n| n.contains('.')))
    {
        Some("<file>")
    } else if absolute {
        Some("<path>")
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generator_errors_lose_their_location_and_names() {
        assert_eq!(
            normalize(
                "error: /work/shared/w3c-xsdtests/msData/a/b.xsd:12:7: unsupported construct `xs:redefine`: not yet"
            ),
            "unsupported construct `xs:redefine`: not yet"
        );
        assert_eq!(
            normalize(
                "msData/x.xsd:3:4: unresolved reference to `{urn:a}foo` in element bar\nerror: second"
            ),
            "unresolved reference to `…` in element bar"
        );
        assert_eq!(
            normalize(
                "b.xsd:1:2: duplicate definition of element `x` (first defined at a.xsd:9:9)"
            ),
            "duplicate definition of element `…` (first defined at <file>)"
        );
        assert_eq!(
            normalize(
                "x.xsd:1:1: unsupported construct `attribute mixed on xs:complexType`: mixed content"
            ),
            "unsupported construct `attribute mixed on xs:complexType`: mixed content"
        );
    }

    #[test]
    fn differences_group_by_kind() {
        assert_eq!(
            normalize(
                r#"written differs: /{urn:a}root/{urn:a}item: attributes [("k", "1")] differ from []"#
            ),
            r#"written differs: <path>: attributes [("…", "…")] differ from []"#
        );
        assert_eq!(
            normalize("written differs: /root/a: content Text(\"x\") differs from Text(\"y\")"),
            "written differs: <path>: content Text(\"…\") differs from Text(\"…\")"
        );
        assert_eq!(
            normalize("the element Title of Folder is missing"),
            "the element Title of Folder is missing"
        );
        assert_eq!(
            normalize("expected 12 of `Id`, found 3"),
            "expected N of `…`, found N"
        );
        assert_eq!(
            normalize("cannot read /tmp/x/y.xml: No such file"),
            "cannot read <file>: No such file"
        );
    }

    #[test]
    fn rust_error_codes_and_constructs_are_kept() {
        assert_eq!(
            normalize("E0412: cannot find type `FooType` in module `super::bar`"),
            "E0412: cannot find type `…` in module `…`"
        );
        assert_eq!(
            normalize("error[`E0308`]: mismatched"),
            "error[`E0308`]: mismatched"
        );
        assert_eq!(normalize("don't panic"), "don't panic");
        assert_eq!(normalize("int32 value 1.5e3"), "int32 value Ne3");
        assert_eq!(
            normalize("not valid UTF-8, -12 or 3-4"),
            "not valid UTF-8, -N or N-N"
        );
    }

    #[test]
    fn a_reader_error_loses_the_field_it_names() {
        assert_eq!(
            normalize("Employee: cannot parse integer from empty string"),
            "cannot parse integer from empty string"
        );
        assert_eq!(
            normalize("bool: \"x\" is not a boolean"),
            "\"…\" is not a boolean"
        );
        assert_eq!(
            normalize("expected: XML with DTD detected"),
            "expected: XML with DTD detected"
        );
        assert_eq!(normalize("E0004: non-exhaustive"), "E0004: non-exhaustive");
        assert_eq!(normalize("attribute Build: bad"), "attribute Build: bad");
    }

    #[test]
    fn long_messages_are_cut() {
        let long = "a ".repeat(200);
        let cause = normalize(&long);
        assert_eq!(cause.chars().count(), MAX_CAUSE);
        assert!(cause.ends_with('…'));
    }
}
