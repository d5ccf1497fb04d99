//! The checks of a `validate_into` ([`Stmt`]) and the `static` checkers
//! they use ([`Checkers`]), as tokens; the `match` of an enum's variants.

use std::collections::HashMap;

use proc_macro2::{Ident, Literal, TokenStream};
use quote::quote;

use crate::emit::Ctx;
use crate::ident::{field_name, to_ident};
use crate::ir::{Choice, Occurrence};

/// The checkers of one module: a `static` per distinct constraints.
pub(in crate::emit) struct Checkers {
    pub(super) by_key: HashMap<String, Ident>,
    pub(super) statics: Vec<(Ident, TokenStream)>,
}

/// One check of an item's `validate_into`.
pub(super) enum Stmt {
    /// The count of a repeated element or choice.
    Occurs {
        path: String,
        field: Ident,
        occurrence: Occurrence,
    },
    /// Simple values, checked against constraints; `name` is the static's
    /// name if it is the first use; an empty element stands for `default`.
    Values {
        path: String,
        constraints: TokenStream,
        /// `constraints` as text: which checker.
        key: String,
        values: TokenStream,
        name: String,
        default: Option<String>,
        /// A `QName`'s enumerations, compared by value (`&[&[NameValue]]`).
        names: Option<TokenStream>,
    },
    /// Values that validate themselves (`path` empty: a choice, which adds
    /// its elements' names itself).
    Child { path: String, value: TokenStream },
    /// A wildcard's element `value`, read as the global element of its
    /// name by the check `validate()` hands down.
    Wildcard,
    /// A nillable element's text (`Option`) against its `xsi:nil` (`Option<bool>`).
    Nil { text: Ident, nil: Ident },
}

impl Checkers {
    /// The `static`s, for the end of the module.
    pub(in crate::emit) fn emit(&self, ctx: &Ctx<'_>) -> TokenStream {
        let rt = &ctx.rt;
        let statics = self.statics.iter().map(|(name, constraints)| {
            quote! {
                static #name: #rt::facets::Checker = #rt::facets::Checker::new(#constraints);
            }
        });
        quote!(#(#statics)*)
    }

    fn get(&self, key: &str) -> &Ident {
        self.by_key
            .get(key)
            .expect("every checker was collected from the same items")
    }
}

impl Stmt {
    /// The statement, naming its checker in `checkers`.
    pub(super) fn tokens(self, ctx: &Ctx<'_>, checkers: &Checkers) -> TokenStream {
        let rt = &ctx.rt;
        match self {
            Stmt::Occurs {
                path,
                field,
                occurrence,
            } => {
                let min = Literal::u32_unsuffixed(occurrence.min);
                let max = match occurrence.max.map(Literal::u32_unsuffixed) {
                    Some(max) => quote!(::std::option::Option::Some(#max)),
                    None => quote!(::std::option::Option::None),
                };
                quote!(#rt::validate::occurs(out, #path, self.#field.len(), #min, #max);)
            }
            Stmt::Values {
                path,
                key,
                values,
                default,
                names,
                ..
            } => {
                let checker = checkers.get(&key);
                // (A QName read is never empty: its default needs no place.)
                if let Some(names) = names {
                    return quote!(#rt::validate::qnames(out, #path, &#checker, #names, #values););
                }
                match default {
                    Some(default) => quote! {
                        #rt::validate::values_or_default(out, #path, &#checker, #default, #values);
                    },
                    None => quote!(#rt::validate::values(out, #path, &#checker, #values);),
                }
            }
            Stmt::Child { path, value } if path.is_empty() => {
                quote!(#rt::Validate::validate_into(#value, out);)
            }
            Stmt::Child { path, value } => quote!(#rt::validate::child(out, #path, #value);),
            Stmt::Wildcard => quote!(#rt::validate::wildcard(out, value);),
            Stmt::Nil { text, nil } => quote! {
                #rt::validate::nillable(
                    out,
                    self.#nil == ::std::option::Option::Some(true),
                    self.#text.is_some(),
                );
            },
        }
    }
}

/// A choice's `match` on its alternatives, those with nothing to check
/// left to `_`.
pub(super) fn choice_body(
    ctx: &Ctx<'_>,
    c: &Choice,
    mut stmts: Vec<Option<Stmt>>,
    other: Option<Stmt>,
    checkers: &Checkers,
) -> TokenStream {
    let mut names: Vec<&str> = c.alternatives.iter().map(|a| a.name.as_str()).collect();
    if c.any.is_some() {
        names.push("Other");
        stmts.push(other);
    }
    variants_body(ctx, &names, stmts, checkers)
}

/// A `match` on an enum's variants `names` (each holding one value), with
/// the check of each (`None`: nothing to check, left to `_`).
pub(super) fn variants_body(
    ctx: &Ctx<'_>,
    names: &[&str],
    stmts: Vec<Option<Stmt>>,
    checkers: &Checkers,
) -> TokenStream {
    let arms: Vec<(Ident, TokenStream)> = names
        .iter()
        .zip(stmts)
        .filter_map(|(name, stmt)| Some((to_ident(name), stmt?.tokens(ctx, checkers))))
        .collect();
    let rest = arms.len() < names.len();
    match arms.as_slice() {
        [] => TokenStream::new(),
        // One variant to check among others (clippy's single_match).
        [(variant, stmt)] if rest => quote! {
            if let Self::#variant(value) = self {
                #stmt
            }
        },
        _ => {
            let arms = arms
                .iter()
                .map(|(variant, stmt)| quote!(Self::#variant(value) => { #stmt }));
            let rest = rest.then(|| quote!(_ => {}));
            quote! {
                match self {
                    #(#arms)*
                    #rest
                }
            }
        }
    }
}

/// A `static`'s name for `name` (`Order_price`): `ORDER_PRICE`.
pub(super) fn static_name(name: &str) -> String {
    let upper: String = field_name(name)
        .to_uppercase()
        .chars()
        .filter(|c| unicode_ident::is_xid_continue(*c))
        .collect();
    if upper.starts_with(unicode_ident::is_xid_start) {
        upper
    } else {
        format!("_{upper}")
    }
}
