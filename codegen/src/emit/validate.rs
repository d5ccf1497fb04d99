//! `validate()`: the runtime's `Validate` impl of every generated type.
//!
//! A struct checks its members: the simple values of its child elements,
//! attributes and text against their types' facets (through a `static`
//! `Checker` per distinct set of constraints in the module, named after
//! its first use), the counts of its repeated elements and choices, and the
//! structs and choices it holds, each adding its element's name to the
//! paths. A choice checks the alternative it holds; an open enumeration
//! a value it does not declare; a list its items. The type of a global
//! element starts the paths with its own name (`validate()` of a document's
//! root). What the Rust type guarantees is not checked again (a required
//! element is there; an `i32` is an `xs:int`; a closed enumeration holds
//! one of its values), and a type with nothing to check anywhere inside it
//! has an empty `validate_into` that its holders do not call.

mod checks;
mod constraints;

use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet, HashMap};

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::Ctx;
use crate::ident::{Scope, to_ident};
use crate::ir::{
    Choice, Derived, Enum, Item, ItemRef, List, Model, Module, Shape, Struct, TypeRef,
};
use checks::{Checkers, Stmt, choice_body, static_name, variants_body};

/// What the whole model's `validate()`s need: which items have anything to
/// check (themselves, or inside what they hold).
pub(super) struct Validation {
    /// What each simple value (by the address of its `ValueInfo` in the
    /// model) is checked against: computed once, asked for three times.
    checks: RefCell<HashMap<usize, Option<constraints::ValueCheck>>>,
    checked: BTreeSet<ItemRef>,
    /// The items whose values may hold a validating wildcard's element:
    /// their `validate()` hands down the schema's check of one
    /// (`WILDCARD_CONTENT`).
    wild: BTreeSet<ItemRef>,
    /// Whether the schema has global elements (and so `Document`).
    has_document: bool,
}

impl Validation {
    /// Finds the items that have something to check: those with a check
    /// of their own, and those that hold one of them.
    pub(super) fn new(ctx: &Ctx<'_>) -> Self {
        let mut direct = Vec::new();
        let mut holders: BTreeMap<ItemRef, Vec<ItemRef>> = BTreeMap::new();
        let has_document = ctx
            .model
            .items()
            .any(|(_, item)| matches!(item, Item::Struct(s) if s.is_element));
        let empty = Validation {
            checks: RefCell::default(),
            checked: BTreeSet::new(),
            wild: BTreeSet::new(),
            has_document,
        };
        let mut wildcards = Vec::new();
        for (module, item) in ctx.model.items() {
            let r = ItemRef {
                module: module.to_string(),
                name: item_name(item).to_string(),
            };
            // Checks that need no other item: with nothing counted as
            // checked, only those are left.
            let stmts = empty.stmts(ctx, item);
            if stmts.iter().any(|s| matches!(s, Stmt::Wildcard)) {
                wildcards.push(r.clone());
            }
            if !stmts.is_empty() {
                direct.push(r.clone());
            }
            for held in held_items(item) {
                holders.entry(held.clone()).or_default().push(r.clone());
            }
        }
        Validation {
            checks: empty.checks,
            checked: holding(direct, &holders),
            wild: holding(wildcards, &holders),
            has_document,
        }
    }

    /// Whether some value of the schema may hold a validating wildcard's
    /// element (then `Document` hands down the check of one too).
    pub(super) fn has_wildcards(&self) -> bool {
        !self.wild.is_empty()
    }

    /// `const WILDCARD_CONTENT`, for the `Validate` impl of an item that may
    /// hold a validating wildcard's element, in `module` (`""`: the top
    /// level). The check reads it as one of the schema's global elements:
    /// naming it in a `const`, which only `validate()` uses, leaves that
    /// reading code to the program that validates.
    pub(super) fn wildcard_content(ctx: &Ctx<'_>, module: &str) -> TokenStream {
        let rt = &ctx.rt;
        let document = ctx.path(
            module,
            &ItemRef {
                module: String::new(),
                name: super::document::DOCUMENT.to_string(),
            },
        );
        quote! {
            const WILDCARD_CONTENT: ::std::option::Option<#rt::validate::ContentCheck> =
                ::std::option::Option::Some(#rt::validate::global_element::<#document>);
        }
    }

    /// Whether values of `ty` may have something to report.
    fn is_checked(&self, model: &Model, ty: &TypeRef) -> bool {
        match ty {
            TypeRef::Named(r) => self.checked.contains(r) && model.item(r).is_some(),
            TypeRef::Builtin(_) => false,
        }
    }

    /// The checkers of `module`'s items, named after their first use.
    pub(super) fn checkers(&self, ctx: &Ctx<'_>, m: &Module) -> Checkers {
        let mut checkers = Checkers {
            by_key: HashMap::new(),
            statics: Vec::new(),
        };
        let mut names = Scope::new();
        for item in m.items.values() {
            for stmt in self.stmts(ctx, item) {
                let Stmt::Values {
                    constraints,
                    key,
                    name,
                    ..
                } = stmt
                else {
                    continue;
                };
                if checkers.by_key.contains_key(&key) {
                    continue;
                }
                let ident = format_ident!("{}", names.unique(static_name(&name)));
                checkers.by_key.insert(key, ident.clone());
                checkers.statics.push((ident, constraints));
            }
        }
        checkers
    }

    /// The `Validate` impl of `item`.
    pub(super) fn emit_item(
        &self,
        ctx: &Ctx<'_>,
        module: &str,
        item: &Item,
        checkers: &Checkers,
    ) -> TokenStream {
        let rt = &ctx.rt;
        let name = to_ident(item_name(item));
        let body = match item {
            Item::Choice(c) => {
                let other = self.wildcard_stmt(c);
                choice_body(ctx, c, self.choice_stmts(ctx, c), other, checkers)
            }
            Item::Derived(d) => {
                let names: Vec<&str> = d.variants.iter().map(|v| v.name.as_str()).collect();
                variants_body(ctx, &names, self.derived_stmts(ctx, d), checkers)
            }
            _ => {
                let stmts = self
                    .stmts(ctx, item)
                    .into_iter()
                    .map(|s| s.tokens(ctx, checkers));
                quote!(#(#stmts)*)
            }
        };
        let element = match item {
            Item::Struct(s) if s.is_element => Some(s.wire_name.as_str()),
            _ => None,
        };
        if body.is_empty() {
            // Nothing to check beyond the Rust type: one line.
            return match element {
                Some(wire) => quote!(#rt::impl_validate!(#name, #wire);),
                None => quote!(#rt::impl_validate!(#name);),
            };
        }
        let root = element.map(|wire| {
            quote! {
                const ELEMENT: ::std::option::Option<&'static str> = ::std::option::Option::Some(#wire);
            }
        });
        let r = ItemRef {
            module: module.to_string(),
            name: item_name(item).to_string(),
        };
        let content = self
            .wild
            .contains(&r)
            .then(|| Self::wildcard_content(ctx, module));
        quote! {
            impl #rt::Validate for #name {
                #root
                #content
                #[inline]
                fn validate_into(&self, out: &mut #rt::validate::Violations) {
                    #body
                }
            }
        }
    }

    /// The checks of `item`'s `validate_into`, in member order (for a
    /// choice, one per alternative that has one, its value `value`).
    fn stmts(&self, ctx: &Ctx<'_>, item: &Item) -> Vec<Stmt> {
        match item {
            Item::Struct(s) => self.struct_stmts(ctx, s),
            Item::Choice(c) => self
                .choice_stmts(ctx, c)
                .into_iter()
                .flatten()
                .chain(self.wildcard_stmt(c))
                .collect(),
            Item::Enum(e) => enum_stmts(ctx, e),
            Item::List(l) => self.list_stmts(ctx, l),
            Item::Derived(d) => self.derived_stmts(ctx, d).into_iter().flatten().collect(),
        }
    }

    fn struct_stmts(&self, ctx: &Ctx<'_>, s: &Struct) -> Vec<Stmt> {
        let mut out = Vec::new();
        for m in super::structs::members(s) {
            let field = m.ident.clone();
            match m.kind {
                super::structs::Kind::Field(f) => {
                    let path = if f.flatten {
                        String::new()
                    } else {
                        f.wire_name.clone()
                    };
                    if f.occurrence.is_counted() {
                        out.push(Stmt::Occurs {
                            path: if f.flatten {
                                alternatives_path(ctx, &f.ty)
                            } else {
                                path.clone()
                            },
                            field: field.clone(),
                            occurrence: f.occurrence,
                        });
                    }
                    let shape = f.occurrence.shape();
                    let mut stmt = self.value_stmt(
                        ctx,
                        &f.ty,
                        f.value_info.as_ref(),
                        path,
                        access(&m, shape, f.boxed),
                        whole(&m),
                        format!("{}_{}", s.name, f.name),
                    );
                    // An empty element stands for its default: the
                    // reader keeps a string's text (empty) as written.
                    if let Some(Stmt::Values { default, .. }) = &mut stmt {
                        default.clone_from(&f.default);
                    }
                    out.extend(stmt);
                }
                super::structs::Kind::Attribute(a) => {
                    let shape = a.occurrence().shape();
                    out.extend(self.value_stmt(
                        ctx,
                        &a.ty,
                        a.value_info.as_ref(),
                        format!("@{}", a.wire_name),
                        access(&m, shape, false),
                        whole(&m),
                        format!("{}_{}", s.name, a.name),
                    ));
                }
                super::structs::Kind::Text(ty, info, nillable) => {
                    let nil = s.attributes.iter().find(|a| {
                        a.wire_name == "nil" && a.namespace.as_deref() == Some(crate::xsd::XSI)
                    });
                    if let (true, Some(nil)) = (nillable, nil) {
                        out.push(Stmt::Nil {
                            text: field.clone(),
                            nil: to_ident(&nil.name),
                        });
                    }
                    let shape = if nillable {
                        Shape::Optional
                    } else {
                        Shape::One
                    };
                    let mut stmt = self.value_stmt(
                        ctx,
                        ty,
                        info,
                        String::new(),
                        access(&m, shape, false),
                        whole(&m),
                        format!("{}_{}", s.name, field),
                    );
                    // An empty root element stands for its declaration's default.
                    if let Some(Stmt::Values { default, .. }) = &mut stmt {
                        default.clone_from(&s.text_default);
                    }
                    out.extend(stmt);
                }
                super::structs::Kind::AnyAttribute(_)
                | super::structs::Kind::Mixed
                | super::structs::Kind::Order => {}
            }
        }
        out
    }

    /// One check per alternative (`None`: nothing to check in it).
    fn choice_stmts(&self, ctx: &Ctx<'_>, c: &Choice) -> Vec<Option<Stmt>> {
        c.alternatives
            .iter()
            .map(|a| {
                let values = if a.boxed {
                    quote!(::std::option::Option::Some(&**value))
                } else {
                    quote!(::std::option::Option::Some(value))
                };
                let mut stmt = self.value_stmt(
                    ctx,
                    &a.ty,
                    a.value_info.as_ref(),
                    a.wire_name.clone(),
                    values,
                    quote!(value),
                    format!("{}_{}", c.name, a.name),
                );
                if let Some(Stmt::Values { default, .. }) = &mut stmt {
                    default.clone_from(&a.default);
                }
                stmt
            })
            .collect()
    }

    /// The check of a choice's wildcard element (`Other`): read as the
    /// global element of its name, if the schema has it, and validated.
    fn wildcard_stmt(&self, c: &Choice) -> Option<Stmt> {
        (c.any.is_some() && c.any_validated && self.has_document).then_some(Stmt::Wildcard)
    }

    /// One check per type of a [`Derived`] (`None`: nothing to check in it).
    fn derived_stmts(&self, ctx: &Ctx<'_>, d: &Derived) -> Vec<Option<Stmt>> {
        d.variants
            .iter()
            .map(|v| {
                let ty = TypeRef::Named(v.ty.clone());
                self.is_checked(ctx.model, &ty).then(|| Stmt::Child {
                    path: String::new(),
                    value: quote!(value),
                })
            })
            .collect()
    }

    fn list_stmts(&self, ctx: &Ctx<'_>, l: &List) -> Vec<Stmt> {
        if self.is_checked(ctx.model, &l.item) {
            vec![Stmt::Child {
                path: String::new(),
                value: quote!(&self.0),
            }]
        } else {
            Vec::new()
        }
    }

    /// [`constraints::constraints`] of a value of the model, remembered.
    fn constraints(
        &self,
        ctx: &Ctx<'_>,
        ty: &TypeRef,
        info: &crate::ir::ValueInfo,
    ) -> Option<constraints::ValueCheck> {
        let at = std::ptr::from_ref(info) as usize;
        if let Some(check) = self.checks.borrow().get(&at) {
            return check.clone();
        }
        let check = constraints::constraints(ctx, ty, info);
        self.checks.borrow_mut().insert(at, check.clone());
        check
    }

    /// The check of a member of type `ty`: `values` iterates over its
    /// simple values, `whole` is the member (for a type that validates
    /// itself).
    #[allow(clippy::too_many_arguments)]
    fn value_stmt(
        &self,
        ctx: &Ctx<'_>,
        ty: &TypeRef,
        info: Option<&crate::ir::ValueInfo>,
        path: String,
        values: TokenStream,
        whole: TokenStream,
        name: String,
    ) -> Option<Stmt> {
        if let Some(check) = info.and_then(|info| self.constraints(ctx, ty, info)) {
            return Some(Stmt::Values {
                path,
                constraints: check.constraints,
                key: check.key,
                values,
                name: check.name.unwrap_or(name),
                default: None,
                names: check.names,
            });
        }
        // A struct, a choice, or a simple type without an info of its own
        // (an open enumeration checks its values, a list its items).
        let simple = matches!(
            ty,
            TypeRef::Named(r) if matches!(ctx.model.item(r), Some(Item::Enum(_) | Item::List(_)))
        );
        if self.is_checked(ctx.model, ty) && (info.is_none() || !simple) {
            return Some(Stmt::Child { path, value: whole });
        }
        None
    }
}

/// An open enumeration checks a value it does not declare against the
/// declared ones (the values of its use are checked where it is used, in
/// the value space of its type).
fn enum_stmts(ctx: &Ctx<'_>, e: &Enum) -> Vec<Stmt> {
    if !e.open {
        return Vec::new();
    }
    let facets = e
        .variants
        .iter()
        .map(|v| crate::ir::Facet {
            kind: crate::ir::FacetKind::Enumeration,
            value: v.value.clone(),
            step: 0,
            qname: None,
        })
        .collect();
    let info = crate::ir::ValueInfo::atomic("string", facets);
    let ty = TypeRef::Builtin(crate::ir::Builtin::String);
    let Some(check) = constraints::constraints(ctx, &ty, &info) else {
        return Vec::new();
    };
    vec![Stmt::Values {
        path: String::new(),
        constraints: check.constraints,
        key: check.key,
        values: quote!(::std::option::Option::Some(self)),
        name: format!("{}_values", e.name),
        default: None,
        names: None,
    }]
}

/// A member's value: `&self.field`, or `&self.field()`, an `Option<&T>`,
/// for a member of the struct's sparse list.
fn whole(m: &super::structs::Member<'_>) -> TokenStream {
    let field = &m.ident;
    match m.slot {
        Some(_) => quote!(&self.#field()),
        None => quote!(&self.#field),
    }
}

/// How a member's simple values are iterated.
fn access(m: &super::structs::Member<'_>, shape: Shape, boxed: bool) -> TokenStream {
    let field = &m.ident;
    if m.slot.is_some() {
        return m.optional_ref(boxed);
    }
    match (shape, boxed) {
        (Shape::One, false) => quote!(::std::option::Option::Some(&self.#field)),
        (Shape::One, true) => quote!(::std::option::Option::Some(&*self.#field)),
        (Shape::Optional, false) | (Shape::Many, false) => quote!(&self.#field),
        (Shape::Optional, true) => quote!(self.#field.as_deref()),
        (Shape::Many, true) => quote!(self.#field.iter().map(|value| &**value)),
    }
}

/// The path element of a choice's count: its elements' names (`A|B`), `*`
/// for a wildcard.
fn alternatives_path(ctx: &Ctx<'_>, ty: &TypeRef) -> String {
    match ty {
        TypeRef::Named(r) => match ctx.model.item(r) {
            Some(Item::Choice(c)) => {
                let mut names: Vec<&str> = c
                    .alternatives
                    .iter()
                    .map(|a| a.wire_name.as_str())
                    .collect();
                if c.any.is_some() {
                    names.push("*");
                }
                names.join("|")
            }
            _ => "*".to_string(),
        },
        TypeRef::Builtin(_) => "*".to_string(),
    }
}

/// `start` and every item that holds one of them, directly or not.
fn holding(
    mut start: Vec<ItemRef>,
    holders: &BTreeMap<ItemRef, Vec<ItemRef>>,
) -> BTreeSet<ItemRef> {
    let mut found = BTreeSet::new();
    while let Some(r) = start.pop() {
        if found.insert(r.clone()) {
            start.extend(holders.get(&r).into_iter().flatten().cloned());
        }
    }
    found
}

/// The items `item` holds (fields, alternatives, list items).
fn held_items(item: &Item) -> Vec<&ItemRef> {
    fn named(ty: &TypeRef) -> Option<&ItemRef> {
        match ty {
            TypeRef::Named(r) => Some(r),
            TypeRef::Builtin(_) => None,
        }
    }
    match item {
        Item::Struct(s) => s
            .fields
            .iter()
            .map(|f| &f.ty)
            .chain(s.attributes.iter().map(|a| &a.ty))
            .chain(s.text.iter())
            .filter_map(named)
            .collect(),
        Item::Choice(c) => c.alternatives.iter().filter_map(|a| named(&a.ty)).collect(),
        Item::List(l) => named(&l.item).into_iter().collect(),
        Item::Enum(_) => Vec::new(),
        Item::Derived(d) => d.variants.iter().map(|v| &v.ty).collect(),
    }
}

fn item_name(item: &Item) -> &str {
    match item {
        Item::Struct(s) => &s.name,
        Item::Enum(e) => &e.name,
        Item::Choice(c) => &c.name,
        Item::List(l) => &l.name,
        Item::Derived(d) => &d.name,
    }
}
