//! A struct's `ReadXml`: attributes from the start tag, each child element
//! by its name and namespace into its member (a choice's alternatives
//! included), or the text of simple content; then the occurrences checked.

use proc_macro2::TokenStream;
use quote::quote;

use super::{Kind, Member, Text};
use crate::emit::{Ctx, names_summary};
use crate::ir::{Item, NamespaceConstraint, Occurrence, Shape, Struct, TypeRef};

/// How a child element found under one of the names of the children table
/// is read.
struct Arm {
    name: ChildName,
    /// The member's place among the struct's members.
    position: usize,
    read: TokenStream,
    /// For a member that holds one value: the condition under which it
    /// still takes one (an element repeated in a sequence, `<a/><b/><a/>`,
    /// fills its members in order).
    free: Option<TokenStream>,
}

/// A child element's namespace expression, namespace and local name.
type ChildName = (TokenStream, Option<String>, String);

/// `ident: local,` (or `ident,` when they are the same name).
fn set(ident: &proc_macro2::Ident, local: &proc_macro2::Ident) -> TokenStream {
    if ident == local {
        quote!(#ident,)
    } else {
        quote!(#ident: #local,)
    }
}

/// `local.map(Enum::Variant)`: member `local` of a sparse struct as an
/// `Option` of its variant of the list's enum `ty`; `wrap`: boxed there (a
/// boxed field's local holds a `Box` already).
fn sparse_value(
    ty: &proc_macro2::Ident,
    slot: &super::Slot,
    local: &proc_macro2::Ident,
    wrap: bool,
) -> TokenStream {
    let variant = &slot.variant;
    if wrap {
        quote!(#local.map(|value| #ty::#variant(::std::boxed::Box::new(value))))
    } else {
        quote!(#local.map(#ty::#variant))
    }
}

pub(super) fn impl_read(
    ctx: &Ctx<'_>,
    module: &str,
    s: &Struct,
    members: &[Member<'_>],
    lexical: Option<&proc_macro2::Ident>,
) -> TokenStream {
    let rt = &ctx.rt;
    let name = crate::ident::to_ident(&s.name);
    let wire = &s.wire_name;
    let mut declare = Vec::new();
    // The record of the text of values as written (`__lexical`: no
    // member's local can be named so).
    if lexical.is_some() {
        declare.push(quote!(let mut __lexical = #rt::Lexical::new();));
    }
    let mut attribute_arms = Vec::new();
    let mut other_attributes = None;
    let mut arms: Vec<Arm> = Vec::new();
    // The members that take elements by namespace (an `xs:any`, alone or
    // in a choice), with the namespaces they allow.
    let mut wildcards: Vec<(Arm, &NamespaceConstraint)> = Vec::new();
    let mut text = None;
    let mut mixed = None;
    let mut values = Vec::new();
    // The members of the sparse list, each an `Option` of its variant of
    // the list's enum.
    let mut present = Vec::new();
    let sparse_enum = s
        .sparse
        .as_ref()
        .map(|sparse| quote::format_ident!("{}", sparse.enum_name));
    // Whether the content is kept as written, attributes included.
    let mut kept_as_written = false;

    // The xs:all order's local, which each child's read notes.
    let order = members
        .iter()
        .find(|m| matches!(m.kind, Kind::Order))
        .map(|m| m.local.clone());
    let mut field_number = 0usize;
    for (position, m) in members.iter().enumerate() {
        let local = &m.local;
        let ident = &m.ident;
        match m.kind {
            Kind::Field(f) => {
                let number = field_number;
                field_number += 1;
                let note = order.as_ref().map(|order| {
                    let n = proc_macro2::Literal::usize_unsuffixed(number);
                    quote!(#order.note(#n);)
                });
                let shape = f.occurrence.shape();
                declare.push(match shape {
                    Shape::Many => quote!(let mut #local = ::std::vec::Vec::new();),
                    _ => quote!(let mut #local = ::std::option::Option::None;),
                });
                let choice = match &f.ty {
                    TypeRef::Named(r) if f.flatten => match ctx.model.item(r) {
                        Some(Item::Choice(c)) => Some((c, ctx.path(module, r))),
                        _ => None,
                    },
                    _ => None,
                };
                match choice {
                    Some((c, path)) => {
                        let (store, boxed) = match (shape, f.boxed) {
                            (Shape::Many, false) => (quote!(#rt::read::many_of), quote!()),
                            (Shape::Many, true) => {
                                (quote!(#rt::read::many_of), quote!(::std::boxed::Box::new))
                            }
                            (_, false) => (quote!(#rt::read::one_of), quote!()),
                            (_, true) => {
                                (quote!(#rt::read::one_of), quote!(::std::boxed::Box::new))
                            }
                        };
                        for a in &c.alternatives {
                            let variant = crate::ident::to_ident(&a.name);
                            let make = if f.boxed || a.boxed {
                                let inner = if a.boxed {
                                    quote!(#path::#variant(::std::boxed::Box::new(v)))
                                } else {
                                    quote!(#path::#variant(v))
                                };
                                let outer = if f.boxed {
                                    quote!(#boxed(#inner))
                                } else {
                                    inner
                                };
                                let ty = ctx.type_tokens(module, &a.ty);
                                quote!(|v: #ty| #outer)
                            } else {
                                quote!(#path::#variant)
                            };
                            arms.push(Arm {
                                name: (
                                    ctx.ns(module, &a.namespace),
                                    a.namespace.clone(),
                                    a.wire_name.clone(),
                                ),
                                position,
                                read: quote!(#store(&mut #local, source, #make)),
                                free: (shape != Shape::Many).then(|| quote!(#local.is_none())),
                            });
                        }
                        if let Some(allowed) = &c.any {
                            let make = if f.boxed {
                                quote!(|v: #rt::AnyElement| ::std::boxed::Box::new(#path::Other(v)))
                            } else {
                                quote!(#path::Other)
                            };
                            let arm = Arm {
                                name: (quote!(), None, String::new()),
                                position,
                                read: quote!(#store(&mut #local, source, #make)),
                                free: (shape != Shape::Many).then(|| quote!(#local.is_none())),
                            };
                            wildcards.push((arm, allowed));
                        }
                        let what =
                            names_summary(c.alternatives.iter().map(|a| a.wire_name.as_str()));
                        values.push(match shape {
                            Shape::One => {
                                quote!(#ident: #rt::read::required_choice(#local, #what)?,)
                            }
                            _ => count(ctx, ident, local, f.occurrence, &what),
                        });
                    }
                    None => {
                        // A value that cannot be empty reads an empty element
                        // as its default (a string keeps its exact text).
                        let default = f.default.as_ref().filter(|_| match &f.ty {
                            TypeRef::Builtin(b) => {
                                !matches!(b, crate::ir::Builtin::String | crate::ir::Builtin::Any)
                            }
                            TypeRef::Named(r) => {
                                matches!(ctx.model.item(r), Some(Item::Enum(_) | Item::List(_)))
                            }
                        });
                        let read = match (shape, f.boxed, default) {
                            _ if matches!(m.text, Text::Kept(_)) => {
                                let Text::Kept(id) = m.text else {
                                    unreachable!()
                                };
                                let id = proc_macro2::Literal::u32_unsuffixed(id);
                                let kept = quote!(&mut __lexical, #id);
                                match (shape, default) {
                                    (Shape::Many, None) => {
                                        quote!(#rt::read::many_kept(&mut #local, source, #kept))
                                    }
                                    (_, None) => {
                                        quote!(#rt::read::one_kept(&mut #local, source, #kept))
                                    }
                                    (Shape::Many, Some(d)) => quote! {
                                        #rt::read::many_default_kept(&mut #local, source, ::std::option::Option::Some(#d), #kept)
                                    },
                                    (_, Some(d)) => quote! {
                                        #rt::read::one_default_kept(&mut #local, source, ::std::option::Option::Some(#d), #kept)
                                    },
                                }
                            }
                            (Shape::Many, false, Some(d)) => {
                                quote!(#rt::read::many_default(&mut #local, source, #d))
                            }
                            (_, false, Some(d)) => {
                                quote!(#rt::read::one_default(&mut #local, source, #d))
                            }
                            (Shape::Many, false, None) => {
                                quote!(#rt::read::many(&mut #local, source))
                            }
                            (Shape::Many, true, _) => {
                                quote!(#rt::read::many_boxed(&mut #local, source))
                            }
                            (_, false, None) => quote!(#rt::read::one(&mut #local, source)),
                            (_, true, _) => quote!(#rt::read::one_boxed(&mut #local, source)),
                        };
                        let read = match &note {
                            Some(note) => quote!({ #note #read }),
                            None => read,
                        };
                        arms.push(Arm {
                            name: (
                                ctx.ns(module, &f.namespace),
                                f.namespace.clone(),
                                f.wire_name.clone(),
                            ),
                            position,
                            read,
                            free: (shape != Shape::Many).then(|| quote!(#local.is_none())),
                        });
                        let child = &f.wire_name;
                        if let (Some(slot), Some(ty)) = (&m.slot, &sparse_enum) {
                            present.push(sparse_value(ty, slot, local, false));
                            continue;
                        }
                        values.push(match shape {
                            Shape::One => {
                                quote!(#ident: #rt::read::required(#local, #child, #wire)?,)
                            }
                            Shape::Optional => set(ident, local),
                            Shape::Many => {
                                count(ctx, ident, local, f.occurrence, &format!("`{child}`"))
                            }
                        });
                    }
                }
            }
            Kind::Attribute(a) => {
                declare.push(quote!(let mut #local = ::std::option::Option::None;));
                let ns = ctx.ns(module, &a.namespace);
                let attr = &a.wire_name;
                let read = match m.text {
                    Text::Plain => quote!(#rt::read::attribute_into(&mut #local, attribute)),
                    Text::Scoped => {
                        quote!(#rt::read::attribute_in(&mut #local, attribute, &*source))
                    }
                    Text::Kept(id) => {
                        let id = proc_macro2::Literal::u32_unsuffixed(id);
                        quote!(#rt::read::attribute_kept(&mut #local, attribute, &mut __lexical, #id))
                    }
                };
                attribute_arms.push(quote!((#ns, #attr) => #read,));
                values.push(if a.required {
                    quote!(#ident: #rt::read::required_attribute(#local, #attr, #wire)?,)
                } else if let (Some(slot), Some(ty)) = (&m.slot, &sparse_enum) {
                    present.push(sparse_value(ty, slot, local, slot.boxed));
                    continue;
                } else {
                    set(ident, local)
                });
            }
            // Content kept as written: the whole element, attributes included.
            Kind::Text(TypeRef::Builtin(crate::ir::Builtin::Any), _, _) => {
                kept_as_written = true;
                text = Some(quote!(let #local = #rt::ReadXml::read_xml(source)?;));
                values.push(set(ident, local));
            }
            Kind::Text(_, _, true) => {
                // Nil when its xsi:nil attribute (read already) is true.
                let nil = members
                    .iter()
                    .find(|m| {
                        matches!(m.kind, Kind::Attribute(a)
                            if a.wire_name == "nil" && a.namespace.as_deref() == Some(crate::xsd::XSI))
                    })
                    .map(|m| &m.local);
                let nil = match nil {
                    Some(nil) => quote!(#nil == ::std::option::Option::Some(true)),
                    None => quote!(false),
                };
                text = Some(match m.text {
                    Text::Kept(id) => {
                        let id = proc_macro2::Literal::u32_unsuffixed(id);
                        quote!(let #local = #rt::read::nillable_kept(source, #nil, &mut __lexical, #id)?;)
                    }
                    _ => quote!(let #local = #rt::read::nillable(source, #nil)?;),
                });
                values.push(set(ident, local));
            }
            Kind::Text(_, _, false) => {
                text = Some(match m.text {
                    Text::Kept(id) => {
                        let id = proc_macro2::Literal::u32_unsuffixed(id);
                        quote!(let #local = #rt::read::simple_kept(source, &mut __lexical, #id)?;)
                    }
                    _ => quote!(let #local = #rt::read::simple(source)?;),
                });
                values.push(set(ident, local));
            }
            Kind::Mixed => {
                declare.push(quote!(let mut #local = ::std::vec::Vec::new();));
                mixed = Some(local.clone());
                values.push(set(ident, local));
            }
            Kind::Order => {
                declare.push(quote!(let mut #local = #rt::ChildOrder::default();));
                values.push(quote!(#ident: { #local.finish(); #local },));
            }
            Kind::AnyAttribute(any) => {
                declare.push(quote!(let mut #local = ::std::vec::Vec::new();));
                let push = quote!(#local.push(#rt::Attribute::from_source(attribute)););
                let namespaces = |list: &[Option<String>]| {
                    let list = list.iter().map(|ns| ctx.ns(module, ns));
                    quote!(#(#list)|*)
                };
                other_attributes = match &any.namespaces {
                    NamespaceConstraint::Only(list) if list.is_empty() => None,
                    NamespaceConstraint::Any => Some(push),
                    NamespaceConstraint::Not(list) if list.is_empty() => Some(push),
                    NamespaceConstraint::Not(list) => {
                        let list = namespaces(list);
                        Some(
                            quote!(if !matches!(attribute.namespace, #list) { #push } else {
                                return ::std::result::Result::Ok(false);
                            }),
                        )
                    }
                    NamespaceConstraint::Only(list) => {
                        let list = namespaces(list);
                        Some(
                            quote!(if matches!(attribute.namespace, #list) { #push } else {
                                return ::std::result::Result::Ok(false);
                            }),
                        )
                    }
                };
                values.push(set(ident, local));
            }
        }
    }

    // The attributes no arm takes: kept by the wildcard, or unknown
    // (`Ok(false)`: the runtime allows the instance attributes).
    let keeps = other_attributes.is_some();
    let rest = match other_attributes {
        Some(keep) => quote!({
            #keep
            ::std::result::Result::Ok(true)
        }),
        None => quote!(::std::result::Result::Ok(false)),
    };
    let read_attributes = match (attribute_arms.is_empty(), keeps) {
        (true, false) if kept_as_written => None,
        (true, false) => Some(quote!(#rt::read::no_attributes(source)?;)),
        (true, true) => Some(quote!(#rt::read::attributes(source, |attribute| #rest)?;)),
        (false, _) => Some(quote! {
            #rt::read::attributes(source, |attribute| match (attribute.namespace, attribute.local) {
                #(#attribute_arms)*
                _ => #rest,
            })?;
        }),
    };
    let read_content = match text {
        Some(text) => text,
        None if arms.is_empty() && wildcards.is_empty() => {
            quote!(#rt::read::no_children(source)?;)
        }
        None => {
            // Members of the same name share an entry of the table; the
            // first that still takes a value gets the element, in the order
            // of the members (a wildcard that allows the name among them:
            // `<xs:any/><xs:element name="a"/>` reads `<a/><a/>`).
            let mut groups: Vec<(&ChildName, Vec<&Arm>)> = Vec::new();
            for arm in &arms {
                let key = (&arm.name.1, &arm.name.2);
                match groups
                    .iter_mut()
                    .find(|((_, ns, local), _)| (ns, local) == key)
                {
                    Some((_, group)) => group.push(arm),
                    None => groups.push((&arm.name, vec![arm])),
                }
            }
            for ((_, ns, _), group) in &mut groups {
                for (arm, allowed) in &wildcards {
                    let own = group.iter().any(|a| a.position == arm.position);
                    if !own && allowed.allows(ns.as_deref()) {
                        group.push(arm);
                    }
                }
                group.sort_by_key(|arm| arm.position);
            }
            // Where members share a name, the reader keeps track of how far
            // into the sequence it is (`__last`, the place of the member
            // that took the last element): one it has gone past takes no
            // more (`<a/>*<b/><a/>*`: an `a` after the `b` is the second's).
            let ordered = groups.iter().any(|(_, group)| group.len() > 1) || wildcards.len() > 1;
            if ordered {
                declare.push(quote!(let mut __last = 0usize;));
            }
            let names = groups
                .iter()
                .map(|((ns, _, local), _)| quote!((#ns, #local)));
            let reads = groups.iter().enumerate().map(|(i, (_, group))| {
                let i = proc_macro2::Literal::usize_unsuffixed(i);
                let read = cascade(group.iter().map(|arm| (*arm, None)), None, ordered);
                quote!(#i => #read,)
            });
            // An element no name matches: the first wildcard that allows its
            // namespace and still takes one, else unknown content.
            let unknown = quote!(#rt::read::unknown(source));
            let other = cascade(
                wildcards
                    .iter()
                    .map(|(arm, allowed)| (arm, admits(ctx, module, allowed))),
                Some(unknown),
                ordered,
            );
            // Mixed content: the text goes to its member, where it stands.
            let (children, text) = match &mixed {
                Some(local) => (quote!(#rt::read::mixed_children), quote!(&mut #local,)),
                None => (quote!(#rt::read::children), quote!()),
            };
            if arms.is_empty() {
                quote!(#children(source, &[], #text |source, _| #other)?;)
            } else {
                quote! {
                    #children(source, &[#(#names),*], #text |source, child| match child {
                        #(#reads)*
                        _ => #other,
                    })?;
                }
            }
        }
    };
    if let Some(sparse) = &s.sparse {
        let field = crate::ident::to_ident(&sparse.field);
        values.push(quote!(#field: #rt::Sparse::from_present([#(#present),*]),));
    }
    if let Some(lexical) = lexical {
        values.push(quote!(#lexical: __lexical,));
    }
    quote! {
        impl #rt::ReadXml for #name {
            fn read_xml<__S: #rt::Source>(source: &mut __S) -> #rt::Result<Self> {
                #(#declare)*
                #read_attributes
                #read_content
                ::std::result::Result::Ok(Self {
                    #(#values)*
                })
            }
        }
    }
}

/// `if a.is_none() { read a } else if b.is_none() { read b } else { read c }`:
/// the first arm that still takes the element (and whose condition holds)
/// reads it. The chain ends at the first arm that takes any number, or with
/// `otherwise`, or else with the last arm (whose reader then says the
/// element is one too many). `ordered`: each read notes its member's place
/// (`__last`), and an arm before the last takes the element only if the
/// reader has not gone past it.
fn cascade<'a>(
    arms: impl Iterator<Item = (&'a Arm, Option<TokenStream>)>,
    otherwise: Option<TokenStream>,
    ordered: bool,
) -> TokenStream {
    let arms: Vec<_> = arms.collect();
    let mut chain = Vec::new();
    let mut last = otherwise.clone();
    for (k, (arm, condition)) in arms.iter().enumerate() {
        let position = proc_macro2::Literal::usize_unsuffixed(arm.position);
        let read = &arm.read;
        // The read, as statements of a block.
        let read = if ordered {
            quote!(__last = #position; #read)
        } else {
            read.clone()
        };
        let final_arm = k + 1 == arms.len() && otherwise.is_none();
        let mut conditions: Vec<TokenStream> = Vec::new();
        if !final_arm {
            conditions.extend(arm.free.clone());
            conditions.extend(condition.clone());
            if ordered {
                conditions.push(if arm.position == 0 {
                    quote!(__last == 0)
                } else {
                    quote!(__last <= #position)
                });
            }
        }
        if conditions.is_empty() {
            last = Some(read);
            break;
        }
        chain.push(quote!(if #(#conditions)&&* { #read } else));
    }
    let last = last.unwrap_or_default();
    if chain.is_empty() && !ordered {
        last
    } else {
        quote!(#(#chain)* { #last })
    }
}

/// The condition under which a wildcard takes the current element: none
/// for `##any`, else a test of the element's namespace.
fn admits(ctx: &Ctx<'_>, module: &str, allowed: &NamespaceConstraint) -> Option<TokenStream> {
    let list = |list: &[Option<String>]| {
        let list = list.iter().map(|ns| ctx.ns(module, ns));
        quote!(#(#list)|*)
    };
    match allowed {
        NamespaceConstraint::Any => None,
        NamespaceConstraint::Not(not) if not.is_empty() => None,
        NamespaceConstraint::Not(not) => {
            let not = list(not);
            Some(quote!(!matches!(source.name().0, #not)))
        }
        NamespaceConstraint::Only(only) if only.is_empty() => Some(quote!(false)),
        NamespaceConstraint::Only(only) => {
            let only = list(only);
            Some(quote!(matches!(source.name().0, #only)))
        }
    }
}

/// The value of a repeated member, its count checked if it is bounded.
fn count(
    ctx: &Ctx<'_>,
    ident: &proc_macro2::Ident,
    local: &proc_macro2::Ident,
    occurrence: Occurrence,
    what: &str,
) -> TokenStream {
    if !occurrence.is_counted() {
        return set(ident, local);
    }
    let rt = &ctx.rt;
    let min = proc_macro2::Literal::usize_unsuffixed(occurrence.min as usize);
    let max = match occurrence.max {
        Some(max) => {
            let max = proc_macro2::Literal::usize_unsuffixed(max as usize);
            quote!(::std::option::Option::Some(#max))
        }
        None => quote!(::std::option::Option::None),
    };
    quote!(#ident: #rt::read::count(#local, #min, #max, #what)?,)
}
