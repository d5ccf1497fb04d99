//! Stage 3, emit: [`ir::Model`](crate::ir::Model) to Rust tokens. Nothing here reads XSD.
//!
//! The generated code holds what is particular to its schema: the types,
//! their `ReadXml`/`WriteXml` impls (small, calling the runtime crate), the
//! `Element` impls of global elements, the enum of global elements
//! (`Document`) and the namespace constants. Everything else is the
//! runtime's, named through one path ([`Options::runtime`]). Paths are
//! fully qualified, so a schema type named `String`, `Box` or `Result`
//! cannot shadow what the code means, and generic parameters are named
//! `__S`, which no generated type can be named.
//!
//! What a crate of generated types compiles is what every type needs, not
//! what a program uses: `read_xml` is generic over the source, and
//! `write_xml`, `write_elements` and `validate_into` are `#[inline]`, so
//! that each is compiled into the program that calls it (as a generic
//! function is), not into the crate of types (a crate of the EWS schema's
//! 1,600 types builds 1.5 s faster for it, of about 14).

mod choice;
mod derived;
mod document;
mod simple;
mod structs;
mod validate;
mod values;

use proc_macro2::TokenStream;
use quote::quote;

use crate::ident::to_ident;
use crate::ir::{Builtin, Item, ItemRef, Model, TypeRef};

/// The runtime's path when none is given.
pub const DEFAULT_RUNTIME: &str = "::xsd_runtime";

/// Choices of the emitted code.
#[derive(Clone, Debug)]
pub struct Options {
    /// Derives added to every generated type (`Eq`, `Hash`, `serde::Serialize`...),
    /// besides those it has anyway; each must be a Rust path (see [`valid_derive`]).
    pub derives: Vec<String>,
    /// The path the generated code names the runtime crate by
    /// (default [`DEFAULT_RUNTIME`]); see [`valid_runtime_path`].
    pub runtime: String,
    /// Whether a struct with numbers, booleans or lists keeps the text of
    /// its values as written where it is not their own (a `Lexical` field),
    /// to write it back (default true).
    pub lexical_forms: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            derives: Vec::new(),
            runtime: DEFAULT_RUNTIME.to_string(),
            lexical_forms: true,
        }
    }
}

/// The rustdoc line of the module of `namespace`.
pub fn module_doc(namespace: &Option<String>) -> String {
    match namespace {
        Some(ns) => format!(" The types of namespace `{ns}`."),
        None => " The types of no namespace.".to_string(),
    }
}

/// Whether `derive` names a derive macro path (`Eq`, `serde::Serialize`).
pub fn valid_derive(derive: &str) -> bool {
    syn::parse_str::<syn::Path>(derive).is_ok()
}

/// Whether `path` can name the runtime crate (`::xsd_runtime`, `crate::rt`).
pub fn valid_runtime_path(path: &str) -> bool {
    syn::parse_str::<syn::Path>(path).is_ok()
}

/// One piece of the generated code, in the order it is written: a module's
/// start, items, a module's end. Emitting piece by piece lets the formatter
/// turn each into text at once ([`crate::format::Formatter`]), so the whole
/// file never exists as tokens or as a syntax tree.
#[derive(Clone, Debug)]
pub enum Piece {
    /// The start of a module: `#[doc = doc] pub mod name {`.
    Open {
        /// The module's name (as in [`Model::modules`]; a keyword among them
        /// is written as a raw identifier).
        name: String,
        /// Its rustdoc text.
        doc: String,
    },
    /// One or more items, inside the innermost open module.
    Items(TokenStream),
    /// The end of the innermost open module.
    Close,
}

/// Emits `model` piece by piece into `sink`, in file order; stops at the
/// first error of `sink`. A model of one namespace gives its items at the
/// top level; otherwise each namespace's items are in a module of their
/// own, and the enum of global elements follows them at the top level.
pub fn emit<E>(
    model: &Model,
    options: &Options,
    mut sink: impl FnMut(Piece) -> Result<(), E>,
) -> Result<(), E> {
    let ctx = Ctx::new(model, options);
    let validation = validate::Validation::new(&ctx);
    let single = model.is_single_module();
    for (module, m) in &model.modules {
        if !single {
            sink(Piece::Open {
                name: module.clone(),
                doc: module_doc(&m.namespace),
            })?;
        }
        if let Some(ns) = &m.namespace {
            sink(Piece::Items(quote! {
                /// The namespace of this module's elements.
                pub const NAMESPACE: &str = #ns;
            }))?;
        }
        let checkers = validation.checkers(&ctx, m);
        for item in m.items.values() {
            let mut tokens = ctx.item(module, item);
            tokens.extend(validation.emit_item(&ctx, module, item, &checkers));
            sink(Piece::Items(tokens))?;
        }
        let statics = checkers.emit(&ctx);
        if !statics.is_empty() {
            sink(Piece::Items(statics))?;
        }
        if !single {
            sink(Piece::Close)?;
        }
    }
    let content = validation
        .has_wildcards()
        .then(|| validate::Validation::wildcard_content(&ctx, ""));
    let document = document::emit_document(&ctx, content);
    if !document.is_empty() {
        sink(Piece::Items(document))?;
    }
    Ok(())
}

/// What emitting an item needs to know of the rest of the model.
pub(crate) struct Ctx<'m> {
    model: &'m Model,
    options: &'m Options,
    /// The runtime's path.
    pub(crate) rt: TokenStream,
}

impl<'m> Ctx<'m> {
    fn new(model: &'m Model, options: &'m Options) -> Self {
        let rt = syn::parse_str::<syn::Path>(&options.runtime)
            .map(|p| quote!(#p))
            .unwrap_or_else(|_| quote!(::xsd_runtime));
        Ctx { model, options, rt }
    }

    /// `#[derive(...)]` with `base` and the extra derives it lacks.
    pub(crate) fn derives(&self, base: TokenStream) -> TokenStream {
        let have: Vec<String> = base
            .to_string()
            .split(',')
            .map(|d| d.rsplit("::").next().unwrap_or("").trim().to_string())
            .collect();
        let extra = self
            .options
            .derives
            .iter()
            .filter(|d| {
                !have
                    .iter()
                    .any(|h| h == d.rsplit("::").next().unwrap_or("").trim())
            })
            .filter_map(|d| syn::parse_str::<syn::Path>(d).ok());
        quote!(#[derive(#base #(, #extra)*)])
    }

    fn item(&self, module: &str, item: &Item) -> TokenStream {
        match item {
            Item::Struct(s) => structs::emit_struct(self, module, s),
            Item::Enum(e) => simple::emit_enum(self, e),
            Item::List(l) => simple::emit_list(self, module, l),
            Item::Choice(c) => choice::emit_choice(self, module, c),
            Item::Derived(d) => derived::emit_derived(self, module, d),
        }
    }

    /// The path of `r` as seen from inside `module` (`""`: the top level).
    pub(crate) fn path(&self, module: &str, r: &ItemRef) -> TokenStream {
        let name = to_ident(&r.name);
        if r.module == module {
            quote!(#name)
        } else if module.is_empty() {
            let m = to_ident(&r.module);
            quote!(#m::#name)
        } else if r.module.is_empty() {
            quote!(super::#name)
        } else {
            let m = to_ident(&r.module);
            quote!(super::#m::#name)
        }
    }

    pub(crate) fn type_tokens(&self, module: &str, ty: &TypeRef) -> TokenStream {
        match ty {
            TypeRef::Builtin(Builtin::Any) => {
                let rt = &self.rt;
                quote!(#rt::AnyElement)
            }
            TypeRef::Builtin(Builtin::QName) => {
                let rt = &self.rt;
                quote!(#rt::QName)
            }
            TypeRef::Builtin(b) => builtin_tokens(*b),
            TypeRef::Named(r) => self.path(module, r),
        }
    }

    /// The expression of namespace `namespace` as seen from inside `module`:
    /// the `NAMESPACE` constant of the module that has it, else the URI;
    /// `""` for no namespace.
    pub(crate) fn ns(&self, module: &str, namespace: &Option<String>) -> TokenStream {
        let Some(ns) = namespace else {
            return quote!("");
        };
        let owner = self
            .model
            .modules
            .iter()
            .find(|(_, m)| m.namespace.as_deref() == Some(ns.as_str()))
            .map(|(name, _)| name.as_str());
        match owner {
            Some(owner) if owner == module => quote!(NAMESPACE),
            Some(owner) if module.is_empty() => {
                let m = to_ident(owner);
                quote!(#m::NAMESPACE)
            }
            Some("") => quote!(super::NAMESPACE),
            Some(owner) => {
                let m = to_ident(owner);
                quote!(super::#m::NAMESPACE)
            }
            None if ns == crate::xsd::XSI => {
                let rt = &self.rt;
                quote!(#rt::XSI_NAMESPACE)
            }
            None if ns == crate::xsd::XML => {
                let rt = &self.rt;
                quote!(#rt::XML_NAMESPACE)
            }
            None => quote!(#ns),
        }
    }
}

pub(crate) fn doc_attrs(doc: Option<&str>, fallback: String) -> TokenStream {
    let text = doc.map_or(fallback, str::to_string);
    let lines = text.lines().map(|line| {
        let line = if line.is_empty() {
            String::new()
        } else {
            format!(" {line}")
        };
        quote!(#[doc = #line])
    });
    quote!(#(#lines)*)
}

/// A paragraph of rustdoc giving a default value.
pub(crate) fn default_doc(text: &str) -> TokenStream {
    let line = format!(" {text}");
    quote!(#[doc = ""] #[doc = #line])
}

/// The Rust type of a built-in (`Any` and `QName` are the runtime's: see
/// [`Ctx::type_tokens`]).
pub(crate) fn builtin_tokens(b: Builtin) -> TokenStream {
    match b {
        Builtin::String => quote!(::std::string::String),
        Builtin::Bool => quote!(bool),
        Builtin::I8 => quote!(i8),
        Builtin::I16 => quote!(i16),
        Builtin::I32 => quote!(i32),
        Builtin::I64 => quote!(i64),
        Builtin::U8 => quote!(u8),
        Builtin::U16 => quote!(u16),
        Builtin::U32 => quote!(u32),
        Builtin::U64 => quote!(u64),
        Builtin::F32 => quote!(f32),
        Builtin::F64 => quote!(f64),
        Builtin::Any => quote!(::xsd_runtime::AnyElement),
        Builtin::QName => quote!(::xsd_runtime::QName),
    }
}

/// A list of names in backticks, for messages: `` `Id`, `Path` ``.
pub(crate) fn names_summary<'a>(names: impl IntoIterator<Item = &'a str>) -> String {
    let names: Vec<String> = names.into_iter().map(|n| format!("`{n}`")).collect();
    if names.is_empty() {
        "any element".to_string()
    } else {
        names.join(", ")
    }
}
