//! What a simple value's `validate()` checks: its [`ValueInfo`] less what
//! its Rust type already guarantees, as the runtime's `Constraints`
//! literal.

use heck::ToSnakeCase;
use proc_macro2::{Literal, TokenStream};
use quote::{format_ident, quote};
use xsd_runtime::facets::{BuiltinType, WhiteSpace};

use crate::emit::Ctx;
use crate::ir::{Builtin, FacetKind, Item, TypeRef, ValueInfo, Variety};

/// What a value of Rust type `ty` with `info` is checked against: a
/// `Constraints` expression, and a `QName`'s enumerations; `None` when its
/// Rust type guarantees them all (an `i32` of an `xs:int` without facets, a
/// `String` of an `xs:string` without facets, a closed enumeration).
///
/// What the Rust type holds is taken out: the enumerations of a closed
/// enum (its values are among them); the patterns of a `bool` or a float,
/// whose text as written is not kept (`1`, `5E-16`): a pattern of them
/// cannot be checked on the value's text. An integer's text is its
/// canonical form (no sign or leading zeros), which its patterns see.
///
/// A `QName` (of a restriction of `xs:QName` or `xs:NOTATION`) is checked
/// as it is written (its lexical form, its patterns), but its enumerations
/// compare values, not texts: they are left out of the constraints and
/// given apart ([`ValueCheck::names`]). (A list and a union are checked
/// on their text: the enumerations of QName items or members there
/// compare texts.)
pub(crate) fn constraints(ctx: &Ctx<'_>, ty: &TypeRef, info: &ValueInfo) -> Option<ValueCheck> {
    let kind = RustKind::of(ctx, ty)?;
    let mut check = Check::new(ctx, kind, info)?;
    let names = match (kind, &check.variety) {
        (RustKind::QName, CheckVariety::Atomic) => {
            let (enumerations, others) = check
                .facets
                .iter()
                .partition(|f| f.kind == FacetKind::Enumeration);
            check.facets = others;
            name_steps(ctx, &enumerations)
        }
        _ => None,
    };
    if !check.needed() && names.is_none() {
        return None;
    }
    let name = match (&check.variety, check.builtin) {
        (CheckVariety::Atomic, Some(builtin)) if check.facets.is_empty() => {
            Some(builtin.name().to_snake_case().to_uppercase())
        }
        _ => None,
    };
    let constraints = check.tokens(ctx);
    Some(ValueCheck {
        key: constraints.to_string(),
        constraints,
        name,
        names,
    })
}

/// What a simple value is checked against.
#[derive(Clone)]
pub(crate) struct ValueCheck {
    /// The `Constraints` expression its text is checked with.
    pub(crate) constraints: TokenStream,
    /// Its text: which checker it is (one `static` per distinct key).
    pub(crate) key: String,
    /// A name for them if they are a built-in type's alone (`DATE_TIME`).
    pub(crate) name: Option<String>,
    /// For a `QName` with enumerations: those of each restriction step,
    /// as a `&[&[NameValue]]` expression.
    pub(crate) names: Option<TokenStream>,
}

/// The enumerations of a `QName`'s restriction steps as the runtime's
/// `NameValue`s, a slice per step (`None` if there are none).
fn name_steps(ctx: &Ctx<'_>, enumerations: &[&crate::ir::Facet]) -> Option<TokenStream> {
    let rt = &ctx.rt;
    let mut steps: Vec<usize> = enumerations.iter().map(|f| f.step).collect();
    steps.sort_unstable();
    steps.dedup();
    if steps.is_empty() {
        return None;
    }
    let steps = steps.into_iter().map(|step| {
        let values = enumerations.iter().filter(|f| f.step == step).map(|f| {
            let written = &f.value;
            let (namespace, local) = match &f.qname {
                Some((namespace, local)) => (
                    quote!(::std::option::Option::Some(#namespace)),
                    local.as_str(),
                ),
                None => (quote!(::std::option::Option::None), f.value.as_str()),
            };
            quote! {
                #rt::validate::NameValue { written: #written, namespace: #namespace, local: #local }
            }
        });
        quote!(&[#(#values),*])
    });
    Some(quote!(&[#(#steps),*]))
}

/// What a value's Rust type is, as far as checking it goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum RustKind<'m> {
    /// A `String`: the text as written.
    Text,
    /// An integer type: its canonical text.
    Integer,
    /// A `bool` or a float: a value whose text as written is not kept.
    Lossy,
    /// An enumeration: its value's text (`open`: it may hold a value the
    /// schema does not declare).
    Enum { open: bool },
    /// A list: its items' texts, with the item's Rust type.
    List(&'m TypeRef),
    /// A `QName`: its text as read (prefix and local name); its value is
    /// its namespace and local name.
    QName,
}

impl<'m> RustKind<'m> {
    /// `None` for what is no simple value (a struct, a choice, wildcard content).
    fn of(ctx: &Ctx<'m>, ty: &'m TypeRef) -> Option<Self> {
        Some(match ty {
            TypeRef::Builtin(Builtin::String) => RustKind::Text,
            TypeRef::Builtin(Builtin::Any) => return None,
            TypeRef::Builtin(Builtin::Bool | Builtin::F32 | Builtin::F64) => RustKind::Lossy,
            TypeRef::Builtin(Builtin::QName) => RustKind::QName,
            TypeRef::Builtin(_) => RustKind::Integer,
            TypeRef::Named(r) => match ctx.model.item(r)? {
                Item::Enum(e) => RustKind::Enum { open: e.open },
                Item::List(l) => RustKind::List(&l.item),
                Item::Struct(_) | Item::Choice(_) | Item::Derived(_) => return None,
            },
        })
    }
}

/// The facets to check and what they apply to.
struct Check<'i> {
    builtin: Option<BuiltinType>,
    /// The facets kept, each with its step.
    facets: Vec<&'i crate::ir::Facet>,
    variety: CheckVariety<'i>,
    /// Whether the text must be checked against the type's lexical space
    /// (the Rust type does not guarantee it).
    lexical: bool,
}

enum CheckVariety<'i> {
    Atomic,
    List(Box<Check<'i>>),
    Union(Vec<Check<'i>>),
}

impl<'i> Check<'i> {
    fn new(ctx: &Ctx<'_>, kind: RustKind<'_>, info: &'i ValueInfo) -> Option<Self> {
        // A list of lossy items is written as their texts, which are not
        // as written either.
        let lossy = match kind {
            RustKind::Lossy => true,
            RustKind::List(item) => RustKind::of(ctx, item) == Some(RustKind::Lossy),
            _ => false,
        };
        let facets = info
            .facets
            .iter()
            .filter(|f| match f.kind {
                FacetKind::Enumeration => kind != RustKind::Enum { open: false },
                FacetKind::Pattern => !lossy,
                _ => true,
            })
            .collect();
        let (variety, builtin, lexical) = match &info.variety {
            Variety::Atomic => {
                let builtin = BuiltinType::from_xsd(&info.builtin)?;
                // A QName read is one, but one built in Rust may not be.
                let lexical = (kind == RustKind::Text
                    && !matches!(info.builtin.as_str(), "string" | "anySimpleType"))
                    || kind == RustKind::QName;
                (CheckVariety::Atomic, Some(builtin), lexical)
            }
            Variety::List(item) => {
                let item_kind = match kind {
                    RustKind::List(item_ty) => RustKind::of(ctx, item_ty)?,
                    _ => RustKind::Text,
                };
                let item = Check::new(ctx, item_kind, item)?;
                (CheckVariety::List(Box::new(item)), None, false)
            }
            Variety::Union(members) => {
                let members = members
                    .iter()
                    .map(|m| Check::new(ctx, RustKind::Text, m))
                    .collect::<Option<Vec<_>>>()?;
                // A union kept as text may hold any text: it must be one
                // of a member's values; an enumeration's are.
                let lexical = kind != RustKind::Enum { open: false };
                (CheckVariety::Union(members), None, lexical)
            }
        };
        Some(Check {
            builtin,
            facets,
            variety,
            lexical,
        })
    }

    /// Whether anything can fail.
    fn needed(&self) -> bool {
        self.lexical
            || self.facets.iter().any(|f| f.kind != FacetKind::WhiteSpace)
            || match &self.variety {
                CheckVariety::List(item) => item.needed(),
                CheckVariety::Atomic | CheckVariety::Union(_) => false,
            }
    }

    /// The `Constraints` expression.
    fn tokens(&self, ctx: &Ctx<'_>) -> TokenStream {
        let rt = &ctx.rt;
        let facets = facet_tokens(ctx, &self.facets);
        match &self.variety {
            CheckVariety::Atomic => {
                let builtin = self
                    .builtin
                    .expect("atomic constraints have a built-in type");
                let variant = format_ident!("{builtin:?}");
                quote!(#rt::facets::Constraints::atomic(#rt::facets::BuiltinType::#variant, &[#(#facets),*]))
            }
            CheckVariety::List(item) => {
                let item = item.tokens(ctx);
                quote!(#rt::facets::Constraints::list(&#item, &[#(#facets),*]))
            }
            CheckVariety::Union(members) => {
                let members = members.iter().map(|m| m.tokens(ctx));
                quote!(#rt::facets::Constraints::union(&[#(#members),*], &[#(#facets),*]))
            }
        }
    }
}

/// The runtime's `Facet`s of `facets`: per step, its patterns as one
/// `Pattern` and its enumerations as one `Enumeration` (each where the
/// first of them stands), the others each as it is. A value that does not
/// parse (it was reported while resolving) is left out.
fn facet_tokens(ctx: &Ctx<'_>, facets: &[&crate::ir::Facet]) -> Vec<TokenStream> {
    let rt = &ctx.rt;
    let facet = quote!(#rt::facets::Facet);
    let mut steps: Vec<usize> = facets.iter().map(|f| f.step).collect();
    steps.sort_unstable();
    steps.dedup();
    let mut out = Vec::new();
    for step in steps {
        let of_step: Vec<&crate::ir::Facet> =
            facets.iter().copied().filter(|f| f.step == step).collect();
        let (mut patterns_done, mut enumerations_done) = (false, false);
        for f in &of_step {
            let value = f.value.as_str();
            let length = || {
                value
                    .trim()
                    .parse::<u64>()
                    .ok()
                    .map(Literal::u64_unsuffixed)
            };
            let digits = || {
                value
                    .trim()
                    .parse::<u32>()
                    .ok()
                    .map(Literal::u32_unsuffixed)
            };
            let tokens = match f.kind {
                FacetKind::Pattern if patterns_done => continue,
                FacetKind::Pattern => {
                    patterns_done = true;
                    let all = of_step
                        .iter()
                        .filter(|g| g.kind == FacetKind::Pattern)
                        .map(|g| g.value.as_str());
                    quote!(#facet::Pattern(&[#(#all),*]))
                }
                FacetKind::Enumeration if enumerations_done => continue,
                FacetKind::Enumeration => {
                    enumerations_done = true;
                    let all = of_step
                        .iter()
                        .filter(|g| g.kind == FacetKind::Enumeration)
                        .map(|g| g.value.as_str());
                    quote!(#facet::Enumeration(&[#(#all),*]))
                }
                FacetKind::Length => match length() {
                    Some(n) => quote!(#facet::Length(#n)),
                    None => continue,
                },
                FacetKind::MinLength => match length() {
                    Some(n) => quote!(#facet::MinLength(#n)),
                    None => continue,
                },
                FacetKind::MaxLength => match length() {
                    Some(n) => quote!(#facet::MaxLength(#n)),
                    None => continue,
                },
                FacetKind::TotalDigits => match digits() {
                    Some(n) => quote!(#facet::TotalDigits(#n)),
                    None => continue,
                },
                FacetKind::FractionDigits => match digits() {
                    Some(n) => quote!(#facet::FractionDigits(#n)),
                    None => continue,
                },
                FacetKind::MinInclusive => quote!(#facet::MinInclusive(#value)),
                FacetKind::MaxInclusive => quote!(#facet::MaxInclusive(#value)),
                FacetKind::MinExclusive => quote!(#facet::MinExclusive(#value)),
                FacetKind::MaxExclusive => quote!(#facet::MaxExclusive(#value)),
                FacetKind::WhiteSpace => match WhiteSpace::from_xsd(value.trim()) {
                    Some(ws) => {
                        let variant = format_ident!("{ws:?}");
                        quote!(#facet::WhiteSpace(#rt::facets::WhiteSpace::#variant))
                    }
                    None => continue,
                },
            };
            out.push(tokens);
        }
    }
    out
}
