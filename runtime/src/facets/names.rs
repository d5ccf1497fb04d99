//! The characters of XML names, by the productions of XML 1.0 (Fifth
//! Edition), section 2.3: what `\i` and `\c` match in a pattern, and what
//! `Name`, `NCName` and `NMTOKEN` values are made of.
//!
//! XML Schema 1.0 points at the older tables of XML 1.0's Appendix B (letters
//! and digits of Unicode 2.0, character by character); the Fifth Edition
//! replaced them with these ranges, which XML Schema 1.1 adopts, and which
//! accept every name the old tables did.

/// `NameStartChar` as ranges.
pub(crate) const NAME_START: &[(char, char)] = &[
    (':', ':'),
    ('A', 'Z'),
    ('_', '_'),
    ('a', 'z'),
    ('\u{C0}', '\u{D6}'),
    ('\u{D8}', '\u{F6}'),
    ('\u{F8}', '\u{2FF}'),
    ('\u{370}', '\u{37D}'),
    ('\u{37F}', '\u{1FFF}'),
    ('\u{200C}', '\u{200D}'),
    ('\u{2070}', '\u{218F}'),
    ('\u{2C00}', '\u{2FEF}'),
    ('\u{3001}', '\u{D7FF}'),
    ('\u{F900}', '\u{FDCF}'),
    ('\u{FDF0}', '\u{FFFD}'),
    ('\u{10000}', '\u{EFFFF}'),
];

/// What `NameChar` adds to `NameStartChar`, as ranges.
pub(crate) const NAME_MORE: &[(char, char)] = &[
    ('-', '.'),
    ('0', '9'),
    ('\u{B7}', '\u{B7}'),
    ('\u{300}', '\u{36F}'),
    ('\u{203F}', '\u{2040}'),
];

/// Whether `c` may start an XML name (`NameStartChar`).
pub(crate) fn is_name_start(c: char) -> bool {
    NAME_START.iter().any(|&(lo, hi)| (lo..=hi).contains(&c))
}

/// Whether `c` may stand in an XML name (`NameChar`).
pub(crate) fn is_name_char(c: char) -> bool {
    is_name_start(c) || NAME_MORE.iter().any(|&(lo, hi)| (lo..=hi).contains(&c))
}

/// Whether `text` is an XML `Name`.
pub(crate) fn is_name(text: &str) -> bool {
    let mut chars = text.chars();
    chars.next().is_some_and(is_name_start) && chars.all(is_name_char)
}

/// Whether `text` is an `NCName`: a name without a colon.
pub(crate) fn is_ncname(text: &str) -> bool {
    !text.contains(':') && is_name(text)
}

/// Whether `text` is an `Nmtoken`: one name character or more.
pub(crate) fn is_nmtoken(text: &str) -> bool {
    !text.is_empty() && text.chars().all(is_name_char)
}

/// Whether `text` is a `QName`: an `NCName`, or two joined by a colon.
pub(crate) fn is_qname(text: &str) -> bool {
    match text.split_once(':') {
        Some((prefix, local)) => is_ncname(prefix) && is_ncname(local),
        None => is_ncname(text),
    }
}
