//! Values kept as their exact text, read through typed accessors: the
//! accessors of the structs (calling the runtime's value types: `DateTime`,
//! `Date`, `Time`, `Duration`, `Base64Binary`, `HexBinary`, `parse_integer`),
//! and the doc line that tells a value's XSD type and facets.
//!
//! Accessors are named `parse_<field>`: field names are unique in a struct,
//! so accessor names are too, and no trait the types implement has a method
//! starting with `parse_`.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::Ctx;
use crate::ident::to_ident;
use crate::ir::{
    Builtin, FacetKind, Occurrence, Shape, Struct, TypeRef, ValueInfo, ValueKind, Variety,
};

/// A value of struct `s` kept as text: the Rust name of its field, how
/// often it occurs and what it is.
struct Value<'a> {
    field: String,
    occurrence: Shape,
    /// Whether it is in the struct's sparse list (read by its accessor).
    sparse: bool,
    wire: String,
    info: &'a ValueInfo,
}

/// The fields, attributes and text of `s` that hold a `String` with a typed reading.
fn typed_values(s: &Struct) -> Vec<Value<'_>> {
    let string = |ty: &TypeRef| matches!(ty, TypeRef::Builtin(Builtin::String));
    let mut out = Vec::new();
    for f in &s.fields {
        if let Some(info) = f
            .value_info
            .as_ref()
            .filter(|_| string(&f.ty) && !f.flatten)
        {
            let value = Value {
                field: f.name.clone(),
                occurrence: f.occurrence.shape(),
                sparse: s.is_sparse_field(f),
                wire: format!("the `{}` child element", f.wire_name),
                info,
            };
            out.push(value);
        }
    }
    for a in &s.attributes {
        if let Some(info) = a.value_info.as_ref().filter(|_| string(&a.ty)) {
            let value = Value {
                field: a.name.clone(),
                occurrence: a.occurrence().shape(),
                sparse: s.is_sparse_attribute(a),
                wire: format!("the `{}` attribute", a.wire_name),
                info,
            };
            out.push(value);
        }
    }
    if let (Some(ty), Some(info)) = (&s.text, &s.text_info) {
        if string(ty) {
            let value = Value {
                field: text_field(s).to_string(),
                occurrence: Occurrence::REQUIRED.shape(),
                sparse: false,
                wire: "the element's text".to_string(),
                info,
            };
            out.push(value);
        }
    }
    out.retain(|v| v.info.kind().is_some());
    out
}

/// The Rust name of a simple-content struct's text field (as `emit_struct` names it).
pub(super) fn text_field(s: &Struct) -> &'static str {
    if s.attributes.iter().any(|a| a.name == "value") {
        "text_value"
    } else {
        "value"
    }
}

/// The `impl` block of struct `s`'s typed accessors, if it has any.
pub(super) fn emit_accessors(ctx: &Ctx<'_>, s: &Struct) -> TokenStream {
    let values = typed_values(s);
    if values.is_empty() {
        return TokenStream::new();
    }
    let name = to_ident(&s.name);
    let rt = &ctx.rt;
    let methods = values.iter().map(|v| {
        let info = v.info;
        let kind = info.kind().expect("kept only with a kind");
        let field = to_ident(&v.field);
        let method = format_ident!("parse_{}", v.field);
        let item_ty = value_type(ctx, kind);
        let body = match v.occurrence {
            Shape::One => read(ctx, kind, &info.builtin, quote!(&self.#field)),
            Shape::Optional => {
                let read = match kind {
                    ValueKind::DateTime
                    | ValueKind::Date
                    | ValueKind::Time
                    | ValueKind::Duration => {
                        let ty = value_type(ctx, kind);
                        quote!(<#ty as ::std::str::FromStr>::from_str)
                    }
                    _ => {
                        let read = read(ctx, kind, &info.builtin, quote!(text));
                        quote!(|text| #read)
                    }
                };
                if v.sparse {
                    quote!(self.#field().map(::std::string::String::as_str).map(#read).transpose())
                } else {
                    quote!(self.#field.as_deref().map(#read).transpose())
                }
            }
            Shape::Many => {
                let read = read(ctx, kind, &info.builtin, quote!(text));
                quote!(self.#field.iter().map(|text| #read).collect())
            }
        };
        let ty = match v.occurrence {
            Shape::One => item_ty,
            Shape::Optional => quote!(::std::option::Option<#item_ty>),
            Shape::Many => quote!(::std::vec::Vec<#item_ty>),
        };
        let doc = format!(
            " Reads {} as an `xs:{}` value (the field keeps the exact text).",
            v.wire, info.builtin
        );
        quote! {
            #[doc = #doc]
            pub fn #method(&self) -> ::std::result::Result<#ty, #rt::InvalidValue> {
                #body
            }
        }
    });
    quote! {
        impl #name {
            #(#methods)*
        }
    }
}

/// The Rust type a value is read as.
fn value_type(ctx: &Ctx<'_>, kind: ValueKind) -> TokenStream {
    let rt = &ctx.rt;
    match kind {
        ValueKind::DateTime => quote!(#rt::values::DateTime),
        ValueKind::Date => quote!(#rt::values::Date),
        ValueKind::Time => quote!(#rt::values::Time),
        ValueKind::Duration => quote!(#rt::values::Duration),
        ValueKind::Base64Binary | ValueKind::HexBinary => quote!(::std::vec::Vec<u8>),
        ValueKind::Integer { .. } => quote!(i128),
    }
}

/// The expression reading `text` (a `&str` or `&String`) as a value of `kind`.
fn read(ctx: &Ctx<'_>, kind: ValueKind, builtin: &str, text: TokenStream) -> TokenStream {
    let rt = &ctx.rt;
    let from_str = |ty: TokenStream| quote!(<#ty as ::std::str::FromStr>::from_str(#text));
    match kind {
        ValueKind::DateTime | ValueKind::Date | ValueKind::Time | ValueKind::Duration => {
            from_str(value_type(ctx, kind))
        }
        ValueKind::Base64Binary => {
            let parse = from_str(quote!(#rt::values::Base64Binary));
            quote!(#parse.map(|bytes| bytes.0))
        }
        ValueKind::HexBinary => {
            let parse = from_str(quote!(#rt::values::HexBinary));
            quote!(#parse.map(|bytes| bytes.0))
        }
        ValueKind::Integer { min, max } => {
            let bound = |b: Option<i128>| match b {
                Some(b) => quote!(::std::option::Option::Some(#b)),
                None => quote!(::std::option::Option::None),
            };
            let (min, max) = (bound(min), bound(max));
            quote!(#rt::values::parse_integer(#text, #builtin, #min, #max))
        }
    }
}

/// The doc line telling what a `String` value is: its XSD type when the Rust
/// type does not tell it, and its facets, concisely
/// (`` `xs:token`; pattern `[A-Z]+`; length 1..=255 ``). `None` when there is
/// nothing to tell.
pub(super) fn value_doc(ty: &TypeRef, info: Option<&ValueInfo>) -> Option<String> {
    let info = info?;
    if matches!(ty, TypeRef::Named(_)) || info.variety != Variety::Atomic {
        return None;
    }
    let facets = facet_summary(info);
    let is_string = matches!(ty, TypeRef::Builtin(Builtin::String));
    if facets.is_empty() && !(is_string && info.builtin != "string") {
        return None;
    }
    let mut parts = vec![format!("`xs:{}`", info.builtin)];
    parts.extend(facets);
    Some(parts.join("; "))
}

/// The doc attributes of [`value_doc`], as a paragraph of its own after `has_doc` lines.
pub(super) fn value_doc_attrs(ty: &TypeRef, info: Option<&ValueInfo>) -> TokenStream {
    match value_doc(ty, info) {
        Some(line) => {
            let line = format!(" {line}");
            quote!(#[doc = ""] #[doc = #line])
        }
        None => TokenStream::new(),
    }
}

/// The facets that hold, concisely: every step's patterns, and of the other
/// facets the most derived of each kind.
pub(crate) fn facet_summary(info: &ValueInfo) -> Vec<String> {
    let first = |kind: FacetKind| {
        info.facets
            .iter()
            .find(|f| f.kind == kind)
            .map(|f| f.value.trim().to_string())
    };
    let mut out = Vec::new();
    let mut steps: Vec<usize> = info
        .facets
        .iter()
        .filter(|f| f.kind == FacetKind::Pattern)
        .map(|f| f.step)
        .collect();
    steps.dedup();
    for step in steps {
        let patterns: Vec<String> = info
            .facets
            .iter()
            .filter(|f| f.kind == FacetKind::Pattern && f.step == step)
            .map(|f| code(&f.value))
            .collect();
        out.push(format!("pattern {}", patterns.join(" or ")));
    }
    if let Some(n) = first(FacetKind::Length) {
        out.push(format!("length {n}"));
    } else if let Some(range) = range(
        first(FacetKind::MinLength),
        None,
        first(FacetKind::MaxLength),
        None,
    ) {
        out.push(format!("length {range}"));
    }
    if let Some(range) = range(
        first(FacetKind::MinInclusive),
        first(FacetKind::MinExclusive),
        first(FacetKind::MaxInclusive),
        first(FacetKind::MaxExclusive),
    ) {
        out.push(format!("value {range}"));
    }
    if let Some(n) = first(FacetKind::TotalDigits) {
        out.push(format!("total digits {n}"));
    }
    if let Some(n) = first(FacetKind::FractionDigits) {
        out.push(format!("fraction digits {n}"));
    }
    if let Some(w) = first(FacetKind::WhiteSpace) {
        out.push(format!("whitespace {w}"));
    }
    out
}

/// A range in Rust's notation where it has one (`1..=255`, `0..10`, `..=9`),
/// else with comparisons (`> 0`, `> 0 and <= 9`).
fn range(
    min_inclusive: Option<String>,
    min_exclusive: Option<String>,
    max_inclusive: Option<String>,
    max_exclusive: Option<String>,
) -> Option<String> {
    let max = match (&max_inclusive, &max_exclusive) {
        (Some(m), _) => format!("..={m}"),
        (None, Some(m)) => format!("..{m}"),
        (None, None) => "..".to_string(),
    };
    Some(match (min_inclusive, min_exclusive) {
        (Some(min), _) => format!("{min}{max}"),
        (None, Some(min)) => match (max_inclusive, max_exclusive) {
            (Some(m), _) => format!("> {min} and <= {m}"),
            (None, Some(m)) => format!("> {min} and < {m}"),
            (None, None) => format!("> {min}"),
        },
        (None, None) if max == ".." => return None,
        (None, None) => max,
    })
}

/// `text` as inline code, fenced so that backticks inside it stay text.
fn code(text: &str) -> String {
    let mut fence = "`".to_string();
    while text.contains(fence.as_str()) {
        fence.push('`');
    }
    if fence.len() > 1 || text.starts_with('`') || text.ends_with('`') {
        format!("{fence} {text} {fence}")
    } else {
        format!("{fence}{text}{fence}")
    }
}

#[cfg(test)]
mod tests;
