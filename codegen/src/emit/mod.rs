//! Stage 3, emit: [`ir::Model`](crate::ir::Model) to Rust tokens. Nothing here reads XSD.
//!
//! Structs derive yaserde's traits. Enums, lists and choices do not:
//! yaserde's derive turns an unknown enum value into the default variant
//! (silent data loss) and has no notion of a choice, so they get impls of
//! their own. Paths are fully qualified, so a schema type named `String` or
//! `Box` cannot shadow what the code means.

mod choice;
mod reader;
mod simple;
mod support;
mod values;
mod wildcard;

use std::collections::BTreeSet;

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use crate::ident::to_ident;
use crate::ir::{Builtin, Item, ItemRef, Model, Occurrence, Struct, TypeRef};

/// Choices of the emitted code.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// Derives added to every generated type (`Eq`, `Hash`, `serde::Serialize`...),
    /// besides those it has anyway; each must be a Rust path (see [`valid_derive`]).
    pub derives: Vec<String>,
}

/// The rustdoc line of the `xsd` support module.
pub const SUPPORT_DOC: &str =
    " Support for the generated types: names and helpers shared by all of them.";

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

/// The Rust tokens of a model: its items (in one module per namespace when
/// there are several), and the `xsd` support module they need.
pub fn emit(model: &Model) -> TokenStream {
    emit_with(model, &Options::default())
}

/// [`emit`], with options.
pub fn emit_with(model: &Model, options: &Options) -> TokenStream {
    // A stack of (module open, its doc, the tokens inside it so far).
    let mut stack: Vec<(Option<(String, String)>, TokenStream)> = vec![(None, TokenStream::new())];
    emit_pieces(model, options, |piece| {
        match piece {
            Piece::Open { name, doc } => stack.push((Some((name, doc)), TokenStream::new())),
            Piece::Items(tokens) => stack.last_mut().expect("the file").1.extend(tokens),
            Piece::Close => {
                let (open, body) = stack.pop().expect("an open module");
                let (name, doc) = open.expect("a module, not the file");
                let name = to_ident(&name);
                stack.last_mut().expect("the file").1.extend(quote! {
                    #[doc = #doc]
                    pub mod #name {
                        #body
                    }
                });
            }
        }
        Ok::<(), std::convert::Infallible>(())
    })
    .unwrap_or_else(|never| match never {});
    stack.pop().expect("the file").1
}

/// The tokens of each module of `model`, by module name, for writing one
/// file per module: a model of one namespace gives one file (named `""`)
/// holding everything, the `xsd` support module included; else each
/// namespace's module and `xsd`, each the items inside the module.
pub fn emit_files(model: &Model, options: &Options) -> Vec<(String, TokenStream)> {
    if model.is_single_module() {
        return vec![(String::new(), emit_with(model, options))];
    }
    let mut files: Vec<(String, TokenStream)> = Vec::new();
    emit_pieces(model, options, |piece| {
        match piece {
            Piece::Open { name, .. } => files.push((name, TokenStream::new())),
            Piece::Items(tokens) => files.last_mut().expect("an open module").1.extend(tokens),
            Piece::Close => {}
        }
        Ok::<(), std::convert::Infallible>(())
    })
    .unwrap_or_else(|never| match never {});
    files
}

/// Emits `model` piece by piece into `sink`, in file order; stops at the
/// first error of `sink`. [`emit_with`] is this, collected into one stream.
pub fn emit_pieces<E>(
    model: &Model,
    options: &Options,
    mut sink: impl FnMut(Piece) -> Result<(), E>,
) -> Result<(), E> {
    let ctx = Ctx::new(model, options);
    let single = model.is_single_module();
    for (module, m) in &model.modules {
        if !single {
            sink(Piece::Open {
                name: module.clone(),
                doc: module_doc(&m.namespace),
            })?;
            sink(Piece::Items(quote! {
                #[allow(unused_imports)]
                use super::xsd;
            }))?;
        }
        sink(Piece::Items(quote! {
            // yaserde's derive calls `<T>::from_str` on field types.
            #[allow(unused_imports)]
            use ::std::str::FromStr as _;
        }))?;
        for item in m.items.values() {
            sink(Piece::Items(ctx.item(module, item)))?;
        }
        if !single {
            sink(Piece::Close)?;
        }
    }
    let support = support::emit_support(&ctx, model);
    if !support.is_empty() {
        sink(Piece::Open {
            name: "xsd".to_string(),
            doc: SUPPORT_DOC.to_string(),
        })?;
        sink(Piece::Items(support))?;
        sink(Piece::Close)?;
    }
    Ok(())
}

/// What emitting an item needs to know of the rest of the model.
pub(crate) struct Ctx<'m> {
    model: &'m Model,
    options: &'m Options,
    /// Items that some field holds in a `Box`: they get `Box<T>` impls.
    boxed: BTreeSet<ItemRef>,
    /// Namespace prefix to the name of its constant in `xsd::ns`.
    ns_consts: std::collections::BTreeMap<String, proc_macro2::Ident>,
}

impl<'m> Ctx<'m> {
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

    fn new(model: &'m Model, options: &'m Options) -> Self {
        let mut boxed = BTreeSet::new();
        for (_, item) in model.items() {
            if let Item::Struct(s) = item {
                for f in s.fields.iter().filter(|f| f.boxed) {
                    if let TypeRef::Named(r) = &f.ty {
                        boxed.insert(r.clone());
                    }
                }
            }
        }
        Ctx {
            model,
            options,
            boxed,
            ns_consts: reader::ns_consts(model),
        }
    }

    fn item(&self, module: &str, item: &Item) -> TokenStream {
        match item {
            Item::Struct(s) => self.emit_struct(module, s),
            Item::Enum(e) => simple::emit_enum(self, e),
            Item::List(l) => simple::emit_list(self, module, l),
            Item::Choice(c) => choice::emit_choice(self, module, c),
        }
    }

    /// The path of `r` as seen from inside `module`.
    pub(crate) fn path(&self, module: &str, r: &ItemRef) -> TokenStream {
        let name = to_ident(&r.name);
        if r.module == module {
            quote!(#name)
        } else if r.module.is_empty() {
            quote!(super::#name)
        } else if module.is_empty() {
            let m = to_ident(&r.module);
            quote!(#m::#name)
        } else {
            let m = to_ident(&r.module);
            quote!(super::#m::#name)
        }
    }

    pub(crate) fn type_tokens(&self, module: &str, ty: &TypeRef) -> TokenStream {
        match ty {
            TypeRef::Builtin(b) => builtin_tokens(*b),
            TypeRef::Named(r) => self.path(module, r),
        }
    }

    pub(crate) fn prefix(&self, namespace: &Option<String>) -> Option<&'m str> {
        namespace
            .as_ref()
            .map(|ns| self.model.prefixes[ns.as_str()].as_str())
    }

    /// Whether struct `s` writes its element with `xmlns="..."` (its own
    /// namespace as the default): only when every child element is in it
    /// too, as an unqualified child under a default namespace would change
    /// namespace.
    pub(crate) fn default_namespace(&self, s: &Struct) -> bool {
        s.namespace.is_some()
            && s.fields
                .iter()
                .filter(|f| !f.flatten)
                .all(|f| f.namespace == s.namespace)
    }

    fn emit_struct(&self, module: &str, s: &Struct) -> TokenStream {
        let name = to_ident(&s.name);
        let wire = &s.wire_name;
        let kind = if s.is_element {
            "element"
        } else {
            "complex type"
        };
        let docs = doc_attrs(s.doc.as_deref(), format!("The `{wire}` {kind}."));

        // Every namespace the struct or its children are in, with its prefix
        // (`xml:` is bound in every document, and is not declared).
        let mut namespaces: Vec<(&str, &str)> = s
            .namespace
            .iter()
            .chain(
                s.fields
                    .iter()
                    .filter(|f| !f.flatten)
                    .filter_map(|f| f.namespace.as_ref()),
            )
            .chain(s.attributes.iter().filter_map(|a| a.namespace.as_ref()))
            .chain(&s.use_namespaces)
            .filter(|ns| ns.as_str() != crate::xsd::XML)
            .map(|ns| (self.model.prefixes[ns.as_str()].as_str(), ns.as_str()))
            .collect();
        namespaces.sort_unstable();
        namespaces.dedup();
        let mut attr = vec![quote!(rename = #wire)];
        // yaserde writes no prefix for an attribute in the default namespace,
        // which would put it in no namespace: such attributes get a second
        // prefix for the same namespace.
        let default_ns = self.default_namespace(s);
        let attribute_prefix = |ns: &Option<String>| -> Option<String> {
            let prefix = self.prefix(ns)?;
            Some(if default_ns && *ns == s.namespace {
                format!("{prefix}_attr")
            } else {
                prefix.to_string()
            })
        };
        let alias = s
            .attributes
            .iter()
            .find(|a| default_ns && a.namespace.is_some() && a.namespace == s.namespace)
            .and_then(|a| Some((attribute_prefix(&a.namespace)?, a.namespace.clone()?)));
        let mut pairs: Vec<(String, &str)> = namespaces
            .iter()
            .map(|(p, ns)| (p.to_string(), *ns))
            .collect();
        if let Some((prefix, ns)) = &alias {
            pairs.push((prefix.clone(), ns.as_str()));
            pairs.sort();
        }
        if !pairs.is_empty() {
            let pairs = pairs.iter().map(|(p, ns)| quote!(#p = #ns));
            attr.push(quote!(namespaces = { #(#pairs),* }));
        }
        if let Some(prefix) = self.prefix(&s.namespace) {
            attr.push(quote!(prefix = #prefix));
            if default_ns {
                attr.push(quote!(default_namespace = #prefix));
            }
        }

        let fields = s.fields.iter().map(|f| {
            let ident = to_ident(&f.name);
            let mut ty = self.type_tokens(module, &f.ty);
            if f.boxed {
                ty = quote!(::std::boxed::Box<#ty>);
            }
            let ty = match f.occurrence {
                Occurrence::Required => ty,
                Occurrence::Optional => quote!(::std::option::Option<#ty>),
                Occurrence::Many => quote!(::std::vec::Vec<#ty>),
            };
            let wire = &f.wire_name;
            if f.flatten {
                let docs = doc_attrs(
                    f.doc.as_deref(),
                    format!("The `{wire}` elements, in document order."),
                );
                return Member {
                    docs,
                    yaserde: quote!(#[yaserde(flatten = true)]),
                    ident,
                    ty,
                };
            }
            let mut docs = doc_attrs(f.doc.as_deref(), format!("The `{wire}` child element."));
            if let Some(default) = &f.default {
                docs.extend(default_doc(&format!("Empty means `{default}`.")));
            }
            let value_docs = values::value_doc_attrs(&f.ty, f.value_info.as_ref());
            let prefix = self.prefix(&f.namespace).map(|p| quote!(, prefix = #p));
            Member {
                docs: quote!(#docs #value_docs),
                yaserde: quote!(#[yaserde(rename = #wire #prefix)]),
                ident,
                ty,
            }
        });

        let attributes = s.attributes.iter().map(|a| {
            let ident = to_ident(&a.name);
            let inner = self.type_tokens(module, &a.ty);
            let ty = if a.required {
                inner
            } else {
                quote!(::std::option::Option<#inner>)
            };
            let wire = &a.wire_name;
            let mut docs = doc_attrs(a.doc.as_deref(), format!("The `{wire}` attribute."));
            if let Some(default) = &a.default {
                docs.extend(default_doc(&format!("Absent means `{default}`.")));
            }
            let value_docs = values::value_doc_attrs(&a.ty, a.value_info.as_ref());
            let prefix = attribute_prefix(&a.namespace).map(|p| quote!(, prefix = #p));
            Member {
                docs: quote!(#docs #value_docs),
                yaserde: quote!(#[yaserde(attribute = true, rename = #wire #prefix)]),
                ident,
                ty,
            }
        });

        let text = s.text.as_ref().map(|ty| {
            let value_docs = values::value_doc_attrs(ty, s.text_info.as_ref());
            // yaserde's derive reads text into primitives only; other simple
            // types keep their exact text.
            let ty = match ty {
                TypeRef::Builtin(b) => builtin_tokens(*b),
                TypeRef::Named(_) => quote!(::std::string::String),
            };
            let ident = if s.attributes.iter().any(|a| a.name == "value") {
                format_ident!("text_value")
            } else {
                format_ident!("value")
            };
            Member {
                docs: quote!(#[doc = " The element's text."] #value_docs),
                yaserde: quote!(#[yaserde(text = true)]),
                ident,
                ty,
            }
        });

        let element_impl = s.is_element.then(|| {
            let ns = match &s.namespace {
                Some(ns) => quote!(::std::option::Option::Some(#ns)),
                None => quote!(::std::option::Option::None),
            };
            quote! {
                impl xsd::Element for #name {
                    const LOCAL_NAME: &'static str = #wire;
                    const NAMESPACE: ::std::option::Option<&'static str> = #ns;
                }
            }
        });

        let this = ItemRef {
            module: module.to_string(),
            name: s.name.clone(),
        };
        let accessors = values::emit_accessors(s);
        let box_impls = self.boxed.contains(&this).then(|| {
            quote! {
                impl ::yaserde::YaSerialize for ::std::boxed::Box<#name> {
                    fn serialize<W: ::std::io::Write>(
                        &self,
                        writer: &mut ::yaserde::ser::Serializer<W>,
                    ) -> ::std::result::Result<(), ::yaserde::Error> {
                        ::yaserde::YaSerialize::serialize(&**self, writer)
                    }

                    fn serialize_attributes(
                        &self,
                        attributes: ::std::vec::Vec<::yaserde::__xml::attribute::OwnedAttribute>,
                        namespace: ::yaserde::__xml::namespace::Namespace,
                    ) -> ::std::result::Result<
                        (
                            ::std::vec::Vec<::yaserde::__xml::attribute::OwnedAttribute>,
                            ::yaserde::__xml::namespace::Namespace,
                        ),
                        ::yaserde::Error,
                    > {
                        ::yaserde::YaSerialize::serialize_attributes(&**self, attributes, namespace)
                    }
                }

                impl ::yaserde::YaDeserialize for ::std::boxed::Box<#name> {
                    fn deserialize<R: ::std::io::Read>(
                        reader: &mut ::yaserde::de::Deserializer<R>,
                    ) -> ::std::result::Result<Self, ::yaserde::Error> {
                        <#name as ::yaserde::YaDeserialize>::deserialize(reader).map(::std::boxed::Box::new)
                    }
                }
            }
        });

        if let Some(any) = &s.any_attribute {
            let fields: Vec<Member> = fields.collect();
            let attributes: Vec<Member> = attributes.collect();
            let public = fields
                .iter()
                .chain(&attributes)
                .chain(&text)
                .map(Member::public);
            let any_ident = to_ident(&any.name);
            let derives = self.derives(quote!(Clone, Debug, PartialEq));
            let own_prefix = self.prefix(&s.namespace);
            let root = match own_prefix.filter(|_| !default_ns) {
                Some(prefix) => format!("{prefix}:{wire}"),
                None => wire.clone(),
            };
            let namespaces = pairs.iter().map(|(p, ns)| {
                if default_ns && Some(p.as_str()) == own_prefix {
                    quote!(.default_ns(#ns))
                } else {
                    quote!(.ns(#p, #ns))
                }
            });
            let start = wildcard::StartTag {
                root,
                namespaces: quote!(#(#namespaces)*),
                attribute_names: s
                    .attributes
                    .iter()
                    .map(|a| match attribute_prefix(&a.namespace) {
                        Some(p) => format!("{p}:{}", a.wire_name),
                        None => a.wire_name.clone(),
                    })
                    .collect(),
            };
            let impls = wildcard::impls(
                s,
                quote!(#[yaserde(#(#attr),*)]),
                &fields,
                text.as_ref(),
                &attributes,
                &any_ident,
                start,
            );
            let reader = reader::impl_deserialize(
                self,
                module,
                s,
                &fields,
                &attributes,
                text.as_ref(),
                Some(&any_ident),
            );
            return quote! {
                #docs
                #derives
                pub struct #name {
                    #(#public)*
                    /// Attributes beyond the declared ones (`xs:anyAttribute`), as written.
                    pub #any_ident: ::std::vec::Vec<xsd::Attribute>,
                }

                #impls
                #reader
                #accessors
                #element_impl
                #box_impls
            };
        }
        let fields: Vec<Member> = fields.collect();
        let attributes: Vec<Member> = attributes.collect();
        let derives = self.derives(quote!(Clone, Debug, PartialEq, ::yaserde::YaSerialize));
        let reader =
            reader::impl_deserialize(self, module, s, &fields, &attributes, text.as_ref(), None);
        let fields = fields.iter().map(Member::wire);
        let attributes = attributes.iter().map(Member::wire);
        let text = text.map(|m| m.wire());
        quote! {
            #docs
            #derives
            #[yaserde(#(#attr),*)]
            pub struct #name {
                #(#fields)*
                #(#attributes)*
                #text
            }

            #reader
            #element_impl
            #box_impls
            #accessors
        }
    }
}

/// A struct member: its docs, its `#[yaserde]` attribute, name and type.
pub(crate) struct Member {
    docs: TokenStream,
    yaserde: TokenStream,
    pub(crate) ident: proc_macro2::Ident,
    pub(crate) ty: TokenStream,
}

impl Member {
    /// The field as a derived type declares it.
    pub(crate) fn wire(&self) -> TokenStream {
        let Member {
            docs,
            yaserde,
            ident,
            ty,
        } = self;
        quote!(#docs #yaserde pub #ident: #ty,)
    }

    /// The field of a type whose impls are written out (no `#[yaserde]`).
    fn public(&self) -> TokenStream {
        let Member {
            docs, ident, ty, ..
        } = self;
        quote!(#docs pub #ident: #ty,)
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
fn default_doc(text: &str) -> TokenStream {
    let line = format!(" {text}");
    quote!(#[doc = ""] #[doc = #line])
}

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
    }
}

/// The impl of `serialize_attributes` for types that have none.
pub(crate) fn no_attributes() -> TokenStream {
    quote! {
        fn serialize_attributes(
            &self,
            attributes: ::std::vec::Vec<::yaserde::__xml::attribute::OwnedAttribute>,
            namespace: ::yaserde::__xml::namespace::Namespace,
        ) -> ::std::result::Result<
            (
                ::std::vec::Vec<::yaserde::__xml::attribute::OwnedAttribute>,
                ::yaserde::__xml::namespace::Namespace,
            ),
            ::yaserde::Error,
        > {
            ::std::result::Result::Ok((attributes, namespace))
        }
    }
}
