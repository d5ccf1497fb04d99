//! XSD names to Rust names: case conversion (heck), keywords, leading digits,
//! names that would break the generated code, and collisions.
//!
//! The wire name is always kept beside the Rust name (in the readers' and
//! writers' names, the match arms of enums), so nothing here needs to be
//! reversible.

use std::collections::BTreeSet;

use heck::{ToSnakeCase, ToUpperCamelCase};

/// Keywords of every edition (strict and reserved).
const KEYWORDS: &[&str] = &[
    "abstract", "as", "async", "await", "become", "box", "break", "const", "continue", "crate",
    "do", "dyn", "else", "enum", "extern", "false", "final", "fn", "for", "gen", "if", "impl",
    "in", "let", "loop", "macro", "match", "mod", "move", "mut", "override", "priv", "pub", "ref",
    "return", "self", "Self", "static", "struct", "super", "trait", "true", "try", "type",
    "typeof", "union", "unsafe", "unsized", "use", "virtual", "where", "while", "yield",
];

/// Keywords that cannot be raw identifiers (`r#self` is not allowed).
const NOT_RAW: &[&str] = &["crate", "self", "Self", "super"];

/// Type names that are taken: `Document`, the enum of a schema's global
/// elements; `Self`; and the names of the standard prelude, which a type
/// imported with the generated ones (`use generated::*`) would shadow in
/// the user's code.
const RESERVED_TYPES: &[&str] = &[
    "Box", "Default", "Document", "Err", "FromStr", "None", "Ok", "Option", "Result", "Self",
    "Some", "String", "ToString", "Vec",
];

/// Whether `name` is a Rust keyword in some edition.
pub fn is_keyword(name: &str) -> bool {
    KEYWORDS.contains(&name)
}

/// `name` without the characters Rust does not allow in identifiers (XML
/// names may hold `²` or `Ⓐ`, which are letters or digits but not XID).
fn rust_chars(name: String) -> String {
    name.chars()
        .filter(|c| unicode_ident::is_xid_continue(*c))
        .collect()
}

/// A Rust type or enum-variant name (`UpperCamelCase`) for an XSD name or value.
pub fn type_name(xsd: &str) -> String {
    let mut name = rust_chars(xsd.to_upper_camel_case());
    if name.is_empty() {
        name = symbol_name(xsd);
    }
    if !name.starts_with(unicode_ident::is_xid_start) {
        name.insert(0, 'V');
    }
    if RESERVED_TYPES.contains(&name.as_str()) {
        name.push_str("Type");
    }
    name
}

/// A Rust field name (`snake_case`) for an XSD name.
pub fn field_name(xsd: &str) -> String {
    let mut name = rust_chars(xsd.to_snake_case());
    if name.is_empty() || name == "_" {
        name = symbol_name(xsd).to_snake_case();
    }
    if !name.starts_with(|c: char| c == '_' || unicode_ident::is_xid_start(c)) {
        name.insert(0, '_');
    }
    // `self`, `crate` and `super` cannot be raw identifiers.
    if NOT_RAW.contains(&name.as_str()) {
        name.push('_');
    }
    name
}

/// The text of an identifier for `name`, as `quote` wants it: keywords become
/// raw identifiers (`r#type`).
pub fn to_ident(name: &str) -> proc_macro2::Ident {
    if is_keyword(name) && !NOT_RAW.contains(&name) {
        proc_macro2::Ident::new_raw(name, proc_macro2::Span::call_site())
    } else {
        proc_macro2::Ident::new(name, proc_macro2::Span::call_site())
    }
}

/// A name for a value with no letters or digits (`+`, `-`, the empty string).
fn symbol_name(xsd: &str) -> String {
    if xsd.is_empty() {
        return "Empty".into();
    }
    xsd.chars()
        .map(|c| match c {
            '+' => "Plus".to_string(),
            '-' => "Minus".to_string(),
            '*' => "Star".to_string(),
            '/' => "Slash".to_string(),
            '.' => "Dot".to_string(),
            ' ' => "Space".to_string(),
            '_' => "Underscore".to_string(),
            c => format!("U{:04X}", c as u32),
        })
        .collect()
}

/// Hands out names unique within one scope (a module, a struct's fields, an
/// enum's variants): a taken name gets the first free suffix `2`, `3`, ...
#[derive(Debug, Default)]
pub struct Scope {
    taken: BTreeSet<String>,
}

impl Scope {
    /// A scope where nothing is taken.
    pub fn new() -> Self {
        Self::default()
    }

    /// `name` if free, else `name2`, `name3`, ... (`name_2` for snake case names).
    pub fn unique(&mut self, name: String) -> String {
        if self.taken.insert(name.clone()) {
            return name;
        }
        let sep = if name.contains(|c: char| c.is_ascii_uppercase()) {
            ""
        } else {
            "_"
        };
        (2..)
            .map(|n| format!("{name}{sep}{n}"))
            .find(|candidate| self.taken.insert(candidate.clone()))
            .expect("an unbounded range always yields a free name")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_keyword_as_a_field_is_a_valid_identifier() {
        for &kw in KEYWORDS {
            let name = field_name(kw);
            let ident = to_ident(&name);
            let text = ident.to_string();
            let parsed: syn::Ident = syn::parse_str(&text)
                .unwrap_or_else(|e| panic!("{kw} -> {text} does not parse: {e}"));
            assert_eq!(parsed.to_string(), text, "{kw}");
            match kw {
                "self" | "crate" | "super" => assert_eq!(text, format!("{kw}_")),
                "Self" => assert_eq!(text, "self_"),
                _ => assert_eq!(text, format!("r#{kw}"), "{kw}"),
            }
        }
    }

    #[test]
    fn every_keyword_as_a_type_is_a_valid_identifier() {
        for &kw in KEYWORDS {
            let name = type_name(kw);
            let text = to_ident(&name).to_string();
            let parsed: syn::Ident = syn::parse_str(&text)
                .unwrap_or_else(|e| panic!("{kw} -> {text} does not parse: {e}"));
            assert_eq!(parsed.to_string(), text);
            assert!(!text.starts_with("r#"), "{kw} -> {text}");
        }
        assert_eq!(type_name("Self"), "SelfType");
        assert_eq!(type_name("type"), "Type");
    }

    #[test]
    fn case_conversion_keeps_words() {
        assert_eq!(type_name("UMCallInfo"), "UmCallInfo");
        assert_eq!(type_name("IsUMEnabledResponse"), "IsUmEnabledResponse");
        assert_eq!(field_name("entryId"), "entry_id");
        assert_eq!(field_name("base64FolderId"), "base64_folder_id");
        assert_eq!(field_name("DialString"), "dial_string");
        assert_eq!(field_name("CallId"), "call_id");
    }

    #[test]
    fn reserved_type_names_are_renamed() {
        for reserved in RESERVED_TYPES {
            assert_eq!(type_name(reserved), format!("{reserved}Type"));
        }
        assert_eq!(type_name("string"), "StringType");
        assert_eq!(type_name("vec"), "VecType");
    }

    #[test]
    fn leading_digits_and_symbols() {
        assert_eq!(type_name("3DES"), "V3des");
        assert_eq!(field_name("3d"), "_3d");
        assert_eq!(type_name("+"), "Plus");
        assert_eq!(type_name(""), "Empty");
        assert_eq!(type_name("é"), "é".to_upper_camel_case());
        assert_eq!(type_name("?"), "U003F");
        assert_eq!(field_name("_"), "underscore");
        // Letters and digits that Rust does not allow in identifiers.
        for odd in ["²", "౸", "٣", "Ⓐ", "a౸", "x²y"] {
            for name in [type_name(odd), field_name(odd)] {
                let ident: syn::Ident =
                    syn::parse_str(&name).unwrap_or_else(|e| panic!("{odd} -> {name}: {e}"));
                assert_eq!(ident.to_string(), name);
            }
        }
        assert_eq!(field_name("x²y"), "xy");
    }

    #[test]
    fn scopes_make_collisions_unique() {
        let mut types = Scope::new();
        assert_eq!(types.unique("Foo".into()), "Foo");
        assert_eq!(types.unique("Foo".into()), "Foo2");
        assert_eq!(types.unique("Foo".into()), "Foo3");
        let mut fields = Scope::new();
        assert_eq!(fields.unique("foo".into()), "foo");
        assert_eq!(fields.unique("foo".into()), "foo_2");
    }
}
