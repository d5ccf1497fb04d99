//! Structs: the definition of an element's or complex type's struct, its
//! `Element` impl (a global element) and yaserde impls, its typed
//! accessors; its reader and writer are in `read` and `write`.

use proc_macro2::{Ident, TokenStream};
use quote::{format_ident, quote};

use super::{Ctx, default_doc, doc_attrs, values};
use crate::ident::to_ident;
use crate::ir::{Item, Shape, Struct, TypeRef};

mod read;
mod write;

/// A member of a struct: a child element or choice, an attribute, the text,
/// or the attribute wildcard's field.
pub(super) struct Member<'a> {
    pub(super) ident: Ident,
    /// The local variable its reader fills.
    pub(super) local: Ident,
    pub(super) kind: Kind<'a>,
    /// How its text is read and written.
    pub(super) text: Text,
    /// Where it is stored in the struct's sparse list, if it is.
    pub(super) slot: Option<Slot>,
}

/// A member stored in its struct's sparse list (see
/// [`crate::ir::SparseMembers`]).
#[derive(Clone)]
pub(super) struct Slot {
    /// Its tag: its place among the list's members.
    pub(super) tag: u32,
    /// Its variant of the list's enum.
    pub(super) variant: Ident,
    /// Whether the variant holds it in a `Box` (a boxed field, a QName).
    pub(super) boxed: bool,
}

impl Member<'_> {
    /// `Option<&T>` of an optional member (a field, attribute or text),
    /// where `boxed` says whether the field holds a `Box<T>`.
    pub(super) fn optional_ref(&self, boxed: bool) -> TokenStream {
        let ident = &self.ident;
        match (&self.slot, boxed) {
            (Some(_), _) => quote!(self.#ident()),
            (None, true) => quote!(self.#ident.as_deref()),
            (None, false) => quote!(self.#ident.as_ref()),
        }
    }
}

/// How a member of a simple type is read from and written as text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Text {
    /// By its type alone (strings, enumerations; and what is not simple).
    Plain,
    /// With the namespaces in scope: a QName, or a list of them, whose
    /// prefixes the reader resolves and the writer declares.
    Scoped,
    /// With its text as written kept in the struct's `Lexical` record when
    /// it is not the value's own (numbers, booleans, lists): the member's
    /// index there.
    Kept(u32),
}

/// The name of the field of a struct's `Lexical` record, not taken by a
/// member (`lexical`, else `lexical_2`, ...).
pub(super) fn lexical_field(members: &[Member<'_>]) -> Ident {
    let mut names = crate::ident::Scope::new();
    for m in members {
        names.unique(m.ident.to_string());
    }
    format_ident!("{}", names.unique("lexical".to_string()))
}

/// How a value of type `ty` is read and written as text, `position` being
/// its member's place in the struct; `keep`: whether the struct keeps the
/// text of its values as written.
fn text_of(ctx: &Ctx<'_>, ty: &TypeRef, position: usize, keep: bool) -> Text {
    use crate::ir::Builtin;
    let kept = || match keep {
        true => Text::Kept(u32::try_from(position).unwrap_or(u32::MAX)),
        false => Text::Plain,
    };
    match ty {
        TypeRef::Builtin(Builtin::String | Builtin::Any) => Text::Plain,
        TypeRef::Builtin(Builtin::QName) => Text::Scoped,
        TypeRef::Builtin(_) => kept(),
        TypeRef::Named(r) => match ctx.model.item(r) {
            Some(Item::List(l)) if l.item == TypeRef::Builtin(Builtin::QName) => Text::Scoped,
            Some(Item::List(_)) => kept(),
            _ => Text::Plain,
        },
    }
}

/// What a member is.
pub(super) enum Kind<'a> {
    Field(&'a crate::ir::Field),
    Attribute(&'a crate::ir::Attribute),
    /// The text: its type, what it is, and whether it may be absent (nil).
    Text(&'a TypeRef, Option<&'a crate::ir::ValueInfo>, bool),
    AnyAttribute(&'a crate::ir::AnyAttribute),
    /// The text of mixed content.
    Mixed,
    /// The order an `xs:all`'s children were read in.
    Order,
}

/// Names the readers' closures take as parameters: a member's local of the
/// same name gets a `_` after it.
const TAKEN: &[&str] = &["source", "child", "attribute", "sink", "value"];

fn local(name: &str) -> Ident {
    if TAKEN.contains(&name) {
        format_ident!("{name}_")
    } else {
        to_ident(name)
    }
}

/// The members of `s`: its fields, attributes, text and wildcard, in that order.
pub(super) fn members(s: &Struct) -> Vec<Member<'_>> {
    let mut out: Vec<Member<'_>> = Vec::new();
    for f in &s.fields {
        out.push(Member {
            ident: to_ident(&f.name),
            local: local(&f.name),
            kind: Kind::Field(f),
            text: Text::Plain,
            slot: None,
        });
    }
    for a in &s.attributes {
        out.push(Member {
            ident: to_ident(&a.name),
            local: local(&a.name),
            kind: Kind::Attribute(a),
            text: Text::Plain,
            slot: None,
        });
    }
    if let Some(ty) = &s.text {
        let name = values::text_field(s);
        out.push(Member {
            ident: format_ident!("{name}"),
            local: local(name),
            kind: Kind::Text(ty, s.text_info.as_ref(), s.text_nillable),
            text: Text::Plain,
            slot: None,
        });
    }
    if let Some(any) = &s.any_attribute {
        out.push(Member {
            ident: to_ident(&any.name),
            local: local(&any.name),
            kind: Kind::AnyAttribute(any),
            text: Text::Plain,
            slot: None,
        });
    }
    if let Some(mixed) = &s.mixed {
        out.push(Member {
            ident: to_ident(mixed),
            local: local(mixed),
            kind: Kind::Mixed,
            text: Text::Plain,
            slot: None,
        });
    }
    if let Some(order) = &s.child_order {
        out.push(Member {
            ident: to_ident(order),
            local: local(order),
            kind: Kind::Order,
            text: Text::Plain,
            slot: None,
        });
    }
    if s.sparse.is_some() {
        let mut variants = crate::ident::Scope::new();
        let mut tag = 0;
        for m in &mut out {
            let (name, boxed) = match m.kind {
                Kind::Field(f) if s.is_sparse_field(f) => (&f.name, f.boxed),
                Kind::Attribute(a) if s.is_sparse_attribute(a) => {
                    (&a.name, a.ty == TypeRef::Builtin(crate::ir::Builtin::QName))
                }
                _ => continue,
            };
            let variant = variants.unique(crate::ident::type_name(name));
            m.slot = Some(Slot {
                tag,
                variant: format_ident!("{variant}"),
                boxed,
            });
            tag += 1;
        }
    }
    out
}

/// Says how each member's text is read and written ([`Member::text`]).
fn mark_texts(ctx: &Ctx<'_>, members: &mut [Member<'_>]) {
    let keep = ctx.options.lexical_forms;
    for (position, m) in members.iter_mut().enumerate() {
        m.text = match m.kind {
            Kind::Field(f) if !f.flatten && !f.boxed => text_of(ctx, &f.ty, position, keep),
            Kind::Attribute(a) => text_of(ctx, &a.ty, position, keep),
            Kind::Text(ty, _, _) => text_of(ctx, ty, position, keep),
            _ => Text::Plain,
        };
    }
}

pub(super) fn emit_struct(ctx: &Ctx<'_>, module: &str, s: &Struct) -> TokenStream {
    let rt = &ctx.rt;
    let name = to_ident(&s.name);
    let wire = &s.wire_name;
    let kind = if s.is_element {
        "element"
    } else {
        "complex type"
    };
    let docs = doc_attrs(s.doc.as_deref(), format!("The `{wire}` {kind}."));
    let mut members = members(s);
    mark_texts(ctx, &mut members);
    let fields = members
        .iter()
        .filter(|m| m.slot.is_none())
        .map(|m| field(ctx, module, m));
    let sparse = s
        .sparse
        .as_ref()
        .map(|sparse| emit_sparse(ctx, module, s, sparse, &members));
    let sparse_decl = s.sparse.as_ref().map(|sparse| {
        let field = to_ident(&sparse.field);
        let ty = format_ident!("{}", sparse.enum_name);
        let first = members
            .iter()
            .find(|m| m.slot.is_some())
            .map(|m| m.ident.to_string().replace("r#", ""))
            .unwrap_or_default();
        let doc = format!(
            " The optional members present, at most one of each, in their order: each is \
             read through its accessor (`{first}()`), changed through the list's `insert`, \
             `retain` and `edit` with values of [`{ty}`]."
        );
        quote! {
            #[doc = #doc]
            pub #field: #rt::Sparse<#ty>,
        }
    });
    // The record of the text of values as written, if any member keeps it.
    let lexical = members
        .iter()
        .any(|m| matches!(m.text, Text::Kept(_)))
        .then(|| lexical_field(&members));
    let lexical_decl = lexical.as_ref().map(|l| {
        quote! {
            /// The text of the values above as written, where it is not the
            /// text of their value (`+1`, `1.0E1`, `0` for false): written
            /// back while the value is unchanged. No part of the value
            /// (always equal); `Default::default()` in a new value.
            pub #l: #rt::Lexical,
        }
    });
    let derives = ctx.derives(quote!(Clone, Debug, PartialEq));
    let reader = read::impl_read(ctx, module, s, &members, lexical.as_ref());
    let writer = write::impl_write(ctx, module, s, &members, lexical.as_ref());
    let ns = ctx.ns(module, &s.namespace);
    let element = s.is_element.then(|| {
        quote! {
            impl #rt::Element for #name {
                const NAMESPACE: &'static str = #ns;
                const LOCAL_NAME: &'static str = #wire;
            }
        }
    });
    let accessors = values::emit_accessors(ctx, s);
    quote! {
        #docs
        #derives
        pub struct #name {
            #(#fields)*
            #sparse_decl
            #lexical_decl
        }
        #sparse

        #reader
        #writer
        #element
        #rt::impl_yaserde!(#name, #ns, #wire);
        #accessors
    }
}

/// The enum of sparse struct `s`'s optional members, its `SparseMember`
/// impl, and the struct's accessors of them.
fn emit_sparse(
    ctx: &Ctx<'_>,
    module: &str,
    s: &Struct,
    sparse: &crate::ir::SparseMembers,
    members: &[Member<'_>],
) -> TokenStream {
    let rt = &ctx.rt;
    let name = to_ident(&s.name);
    let list = to_ident(&sparse.field);
    let ty = format_ident!("{}", sparse.enum_name);
    let mut variants = Vec::new();
    let mut tags = Vec::new();
    let mut values = Vec::new();
    let mut accessors = Vec::new();
    for m in members {
        let Some(slot) = &m.slot else { continue };
        // The value's type, as a field would hold it in an `Option` (or
        // an `Option<Box<_>>`).
        let inner = match m.kind {
            Kind::Field(f) => ctx.type_tokens(module, &f.ty),
            Kind::Attribute(a) => ctx.type_tokens(module, &a.ty),
            _ => continue,
        };
        let (docs, _) = declaration(ctx, module, m);
        let variant = &slot.variant;
        let held = if slot.boxed {
            quote!(::std::boxed::Box<#inner>)
        } else {
            inner.clone()
        };
        variants.push(quote! {
            #docs
            #variant(#held),
        });
        let tag = proc_macro2::Literal::u32_unsuffixed(slot.tag);
        tags.push(quote!(Self::#variant(_) => #tag,));
        let get = &m.ident;
        let value = if slot.boxed {
            quote!(&**value)
        } else {
            quote!(value)
        };
        values.push(quote!(Self::#variant(value) => #value,));
        // A call of a generic function of the runtime: each accessor is a
        // body that rustc checks (0.3 ms each; EWS has 3,200 members in
        // lists), so there is one per member, not a `match` in it, and no
        // setters (the list's `insert` and `edit` take the enum's values).
        accessors.push(quote! {
            #docs
            #[inline]
            pub fn #get(&self) -> ::std::option::Option<&#inner> {
                self.#list.value(#tag)
            }
        });
    }
    let doc = format!(
        " An optional member of [`{}`] (its `{}` list holds those present).",
        s.name, sparse.field
    );
    let derives = ctx.derives(quote!(Clone, Debug, PartialEq));
    quote! {
        #[doc = #doc]
        #derives
        pub enum #ty {
            #(#variants)*
        }

        impl #rt::SparseMember for #ty {
            #[inline]
            fn tag(&self) -> u32 {
                match self {
                    #(#tags)*
                }
            }
            #[inline]
            fn value(&self) -> &dyn ::std::any::Any {
                match self {
                    #(#values)*
                }
            }
        }

        // An accessor is named after its member, which may begin as
        // clippy expects a conversion to (`from_`, `to_`, `is_`).
        #[allow(clippy::wrong_self_convention)]
        impl #name {
            #(#accessors)*
        }
    }
}

/// The declaration of member `m`, with its docs.
fn field(ctx: &Ctx<'_>, module: &str, m: &Member<'_>) -> TokenStream {
    let ident = &m.ident;
    let (docs, ty) = declaration(ctx, module, m);
    quote! {
        #docs
        pub #ident: #ty,
    }
}

/// The docs and type of member `m`'s field.
fn declaration(ctx: &Ctx<'_>, module: &str, m: &Member<'_>) -> (TokenStream, TokenStream) {
    let rt = &ctx.rt;
    match m.kind {
        Kind::Field(f) => {
            let wire = &f.wire_name;
            let mut docs = if f.flatten {
                let what = match &f.ty {
                    TypeRef::Named(r) => match ctx.model.item(r) {
                        Some(Item::Choice(c)) if !c.alternatives.is_empty() => {
                            super::names_summary(
                                c.alternatives.iter().map(|a| a.wire_name.as_str()),
                            )
                        }
                        _ => "any element".to_string(),
                    },
                    TypeRef::Builtin(_) => "any element".to_string(),
                };
                doc_attrs(f.doc.as_deref(), format!("One of: {what}."))
            } else {
                doc_attrs(f.doc.as_deref(), format!("The `{wire}` child element."))
            };
            if let Some(default) = &f.default {
                docs.extend(default_doc(&format!("Empty means `{default}`.")));
            }
            docs.extend(values::value_doc_attrs(&f.ty, f.value_info.as_ref()));
            let mut ty = ctx.type_tokens(module, &f.ty);
            if f.boxed {
                ty = quote!(::std::boxed::Box<#ty>);
            }
            let ty = match f.occurrence.shape() {
                Shape::One => ty,
                Shape::Optional => quote!(::std::option::Option<#ty>),
                Shape::Many => quote!(::std::vec::Vec<#ty>),
            };
            (docs, ty)
        }
        Kind::Attribute(a) => {
            let wire = &a.wire_name;
            let mut docs = doc_attrs(a.doc.as_deref(), format!("The `{wire}` attribute."));
            if let Some(default) = &a.default {
                docs.extend(default_doc(&format!("Absent means `{default}`.")));
            }
            docs.extend(values::value_doc_attrs(&a.ty, a.value_info.as_ref()));
            let inner = ctx.type_tokens(module, &a.ty);
            let ty = if a.required {
                inner
            } else {
                quote!(::std::option::Option<#inner>)
            };
            (docs, ty)
        }
        Kind::Text(ty, info, nillable) => {
            let mut docs = if nillable {
                quote!(#[doc = " The element's text (`None`: the element is nil)."])
            } else {
                quote!(#[doc = " The element's text."])
            };
            docs.extend(values::value_doc_attrs(ty, info));
            let ty = ctx.type_tokens(module, ty);
            let ty = if nillable {
                quote!(::std::option::Option<#ty>)
            } else {
                ty
            };
            (docs, ty)
        }
        Kind::Mixed => (
            quote!(#[doc = " The text between the child elements (mixed content), each where it stands."]),
            quote!(::std::vec::Vec<#rt::MixedText>),
        ),
        Kind::AnyAttribute(_) => (
            quote!(#[doc = " Attributes beyond the declared ones (`xs:anyAttribute`), as written."]),
            quote!(::std::vec::Vec<#rt::Attribute>),
        ),
        Kind::Order => (
            quote!(#[doc = " The order the child elements were read in (`xs:all` takes any), written back the same (`Default`: the declaration order)."]),
            quote!(#rt::ChildOrder),
        ),
    }
}
