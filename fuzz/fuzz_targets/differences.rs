//! Where the backends may differ on the same input, and the fuzz targets do
//! not ask them to agree:
//!
//! - by what the XML declaration says: xml-rs reads XML 1.1 as 1.1 and
//!   decodes the ISO-8859-1 (or US-ASCII) a declaration may name; the fast
//!   backend reads XML 1.0 in UTF-8 only, and refuses a document that
//!   declares another encoding unless it is all ASCII (where they all read
//!   the same characters);
//! - a `<` in an attribute value, which XML forbids: the fast backend
//!   refuses it; xml-rs refuses `<a` and `<?` there, but takes `</` as
//!   text (`tests/hostile`);
//! - a namespace declaration written twice in one tag, which XML forbids
//!   (an attribute written twice): the fast backend refuses it; xml-rs
//!   takes it (`tests/hostile`).

/// Whether the backends need not agree on `data` (see above).
pub fn backends_may_differ(data: &[u8]) -> bool {
    declaration_lets_them_differ(data) || a_tag_lets_them_differ(data)
}

/// Whether a tag of `data` has a `<` inside a quoted attribute value, or an
/// `xmlns` attribute twice (as a rough scan sees tags: outside comments,
/// CDATA sections, processing instructions and declarations).
fn a_tag_lets_them_differ(data: &[u8]) -> bool {
    let mut i = 0;
    while let Some(at) = data[i..].iter().position(|&b| b == b'<') {
        let rest = &data[i + at..];
        let skip_to = |end: &[u8]| find(rest, end).map_or(data.len(), |e| i + at + e + end.len());
        if rest.starts_with(b"<!--") {
            i = skip_to(b"-->");
        } else if rest.starts_with(b"<![CDATA[") {
            i = skip_to(b"]]>");
        } else if rest.starts_with(b"<?") {
            i = skip_to(b"?>");
        } else if rest.starts_with(b"<!") {
            i = skip_to(b">");
        } else {
            // A tag: its attribute names and quoted values, up to its `>`.
            let mut quote = None;
            let mut declarations: Vec<&[u8]> = Vec::new();
            let mut name_start = None;
            let mut j = 1;
            while let Some(&b) = rest.get(j) {
                match quote {
                    Some(q) if b == q => quote = None,
                    Some(_) if b == b'<' => return true,
                    Some(_) => {}
                    None if b == b'"' || b == b'\'' => quote = Some(b),
                    None if b == b'>' || b == b'<' => break,
                    None if b == b'=' => {
                        if let Some(start) = name_start.take() {
                            let name = rest[start..j].trim_ascii_end();
                            if name.starts_with(b"xmlns") {
                                if declarations.contains(&name) {
                                    return true;
                                }
                                declarations.push(name);
                            }
                        }
                    }
                    None if b.is_ascii_whitespace() || b == b'/' => {
                        if rest[j + 1..].trim_ascii_start().first() != Some(&b'=') {
                            name_start = None;
                        }
                    }
                    None => {
                        name_start.get_or_insert(j);
                    }
                }
                j += 1;
            }
            i += at + j.max(1);
        }
        if i >= data.len() {
            break;
        }
    }
    false
}

/// Whether the XML declaration of `data` lets the backends differ: it
/// declares a version other than 1.0, an encoding other than UTF-8 with
/// `data` not all ASCII, or an encoding xml-rs takes for one it knows that
/// is not (xml-rs 1.4 compares a label with its own only as far as the
/// shorter goes: `utf-8-`, `u` and `latin` read as UTF-8 and Latin-1;
/// the fast backend refuses them, and yaserde's users keep xml-rs's
/// answer). (An XML declaration is at the very start, after a byte order
/// mark if any; a pseudo-attribute this does not make out counts as one
/// that lets them differ.)
fn declaration_lets_them_differ(data: &[u8]) -> bool {
    let data = data.strip_prefix(b"\xef\xbb\xbf").unwrap_or(data);
    let Some(declaration) = data.strip_prefix(b"<?xml") else {
        return false;
    };
    let end = find(declaration, b"?>").unwrap_or(declaration.len());
    let declaration = &declaration[..end];
    let version = value(declaration, b"version");
    if version.is_some_and(|v| v != Some(b"1.0".as_slice())) {
        return true;
    }
    match value(declaration, b"encoding") {
        None => false,
        Some(Some(label)) if label.eq_ignore_ascii_case(b"utf-8") => false,
        Some(Some(label)) if label.eq_ignore_ascii_case(b"utf8") => false,
        Some(Some(label)) if xml_rs_takes_for_another(label) => true,
        Some(_) => !data.is_ascii(),
    }
}

/// Whether xml-rs reads `label` as an encoding it knows though it is not
/// that encoding's label (see [`declaration_lets_them_differ`]).
fn xml_rs_takes_for_another(label: &[u8]) -> bool {
    const LABELS: [&[u8]; 8] = [
        b"utf-8",
        b"utf8",
        b"iso-8859-1",
        b"latin1",
        b"utf-16",
        b"utf16",
        b"ascii",
        b"us-ascii",
    ];
    let prefix_of = |known: &[u8]| {
        known
            .iter()
            .zip(label)
            .all(|(k, l)| *k == l.to_ascii_lowercase())
    };
    !LABELS.iter().any(|known| known.eq_ignore_ascii_case(label))
        && LABELS.iter().any(|known| prefix_of(known))
}

/// The value of pseudo-attribute `name` in `declaration`: `None` if it is
/// not there, `Some(None)` if its value is not made out.
fn value<'a>(declaration: &'a [u8], name: &[u8]) -> Option<Option<&'a [u8]>> {
    let at = find(declaration, name)?;
    let rest = declaration[at + name.len()..].trim_ascii_start();
    let Some(rest) = rest.strip_prefix(b"=") else {
        return Some(None);
    };
    let Some((&quote, rest)) = rest.trim_ascii_start().split_first() else {
        return Some(None);
    };
    Some(
        rest.iter()
            .position(|&b| b == quote)
            .map(|end| &rest[..end]),
    )
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}
