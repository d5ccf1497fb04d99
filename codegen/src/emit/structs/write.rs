//! A struct's `WriteXml`: its attributes (the wildcard's kept ones last),
//! then each child element or choice in order, or the text of simple content.

use proc_macro2::TokenStream;
use quote::quote;

use super::{Kind, Member, Text};
use crate::emit::Ctx;
use crate::ir::{Shape, Struct};

pub(super) fn impl_write(
    ctx: &Ctx<'_>,
    module: &str,
    s: &Struct,
    members: &[Member<'_>],
    lexical: Option<&proc_macro2::Ident>,
) -> TokenStream {
    let rt = &ctx.rt;
    let name = crate::ident::to_ident(&s.name);
    let mut attributes = Vec::new();
    let mut content = Vec::new();
    let mut mixed = None;
    let mut order = None;
    for m in members {
        let ident = &m.ident;
        // A member whose text as written the record keeps.
        if let (Text::Kept(id), Some(lexical)) = (m.text, lexical) {
            if let Some((is_attribute, write)) = write_kept(ctx, module, m, lexical, id) {
                match is_attribute {
                    true => attributes.push(write),
                    false => content.push(write),
                }
                continue;
            }
        }
        match m.kind {
            Kind::Attribute(a) => {
                let ns = ctx.ns(module, &a.namespace);
                let local = &a.wire_name;
                attributes.push(if a.required {
                    quote!(out.attribute(#ns, #local, &self.#ident);)
                } else {
                    let value = m.optional_ref(false);
                    quote!(out.attribute_opt(#ns, #local, #value);)
                });
            }
            Kind::AnyAttribute(_) => {
                attributes.push(quote!(out.attributes(&self.#ident);));
            }
            Kind::Mixed => mixed = Some(ident),
            Kind::Order => order = Some(ident),
            Kind::Text(_, _, true) => {
                content.push(quote!(out.text_opt(self.#ident.as_ref());));
            }
            Kind::Text(_, _, false) => {
                content.push(quote!(out.text(&self.#ident);));
            }
            Kind::Field(f) if f.flatten => {
                let value = &quote!(self.#ident);
                content.push(match (f.occurrence.shape(), f.boxed) {
                    (Shape::One, false) => quote!(out.elements(&#value);),
                    (Shape::One, true) => quote!(out.elements(&*#value);),
                    (Shape::Optional, false) => {
                        quote!(out.elements_opt(#value.as_ref());)
                    }
                    (Shape::Optional, true) => {
                        quote!(out.elements_opt(#value.as_deref());)
                    }
                    (Shape::Many, false) => quote!(out.elements_all(&#value);),
                    (Shape::Many, true) => {
                        quote!(out.elements_all(#value.iter().map(|v| &**v));)
                    }
                });
            }
            Kind::Field(f) => {
                let ns = ctx.ns(module, &f.namespace);
                let local = &f.wire_name;
                let value = &quote!(self.#ident);
                content.push(match (f.occurrence.shape(), f.boxed) {
                    (Shape::One, false) => quote!(out.child(#ns, #local, &#value);),
                    (Shape::One, true) => quote!(out.child(#ns, #local, &*#value);),
                    (Shape::Optional, boxed) => {
                        let value = m.optional_ref(boxed);
                        quote!(out.child_opt(#ns, #local, #value);)
                    }
                    (Shape::Many, false) => {
                        quote!(out.children(#ns, #local, &#value);)
                    }
                    (Shape::Many, true) => quote! {
                        out.children(#ns, #local, #value.iter().map(|v| &**v));
                    },
                });
            }
        }
    }
    // xs:all: the children in the order they were read.
    if let Some(order) = order {
        let count = proc_macro2::Literal::usize_unsuffixed(content.len());
        let arms = content.iter().enumerate().map(|(i, write)| {
            let i = proc_macro2::Literal::usize_unsuffixed(i);
            quote!(#i => { #write })
        });
        content = vec![quote! {
            for member in self.#order.sequence(#count) {
                match member {
                    #(#arms)*
                    _ => {}
                }
            }
        }];
    }
    // Mixed content: the children written through a sink that puts the
    // text back where it stood.
    if let Some(text) = mixed {
        content = vec![quote! {
            out.mixed(&self.#text, |sink| {
                let mut out = #rt::write::Members::new(sink);
                #(#content)*
                out.finish()
            });
        }];
    }
    let body = if attributes.is_empty() && content.is_empty() {
        quote! {
            fn write_xml(&self, _sink: &mut dyn #rt::Sink) -> #rt::Result<()> {
                ::std::result::Result::Ok(())
            }
        }
    } else {
        quote! {
            fn write_xml(&self, sink: &mut dyn #rt::Sink) -> #rt::Result<()> {
                let mut out = #rt::write::Members::new(sink);
                #(#attributes)*
                #(#content)*
                out.finish()
            }
        }
    };
    quote! {
        impl #rt::WriteXml for #name {
            #[inline]
            #body
        }
    }
}

/// The writing of member `m`, number `id` in the struct's `Lexical` record
/// `lexical`, in the text it was read from while its value is unchanged;
/// with whether it is an attribute.
fn write_kept(
    ctx: &Ctx<'_>,
    module: &str,
    m: &Member<'_>,
    lexical: &proc_macro2::Ident,
    id: u32,
) -> Option<(bool, TokenStream)> {
    let ident = &m.ident;
    let id = proc_macro2::Literal::u32_unsuffixed(id);
    let kept = quote!(&self.#lexical, #id);
    Some(match m.kind {
        Kind::Attribute(a) => {
            let ns = ctx.ns(module, &a.namespace);
            let local = &a.wire_name;
            let write = if a.required {
                quote!(out.attribute_kept(#ns, #local, &self.#ident, #kept);)
            } else {
                let value = m.optional_ref(false);
                quote!(out.attribute_opt_kept(#ns, #local, #value, #kept);)
            };
            (true, write)
        }
        Kind::Text(_, _, true) => (
            false,
            quote!(out.text_opt_kept(self.#ident.as_ref(), #kept);),
        ),
        Kind::Text(_, _, false) => (false, quote!(out.text_kept(&self.#ident, #kept);)),
        Kind::Field(f) => {
            let ns = ctx.ns(module, &f.namespace);
            let local = &f.wire_name;
            let write = match f.occurrence.shape() {
                Shape::One => {
                    quote!(out.child_kept(#ns, #local, &self.#ident, #kept);)
                }
                Shape::Optional => {
                    let value = m.optional_ref(false);
                    quote!(out.child_opt_kept(#ns, #local, #value, #kept);)
                }
                Shape::Many => quote! {
                    out.children_kept(#ns, #local, &self.#ident, #kept);
                },
            };
            (false, write)
        }
        _ => return None,
    })
}
