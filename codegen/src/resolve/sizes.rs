//! Large alternatives of a choice are boxed: an enum is as large as its
//! largest variant, so a choice that may hold a whole EWS `CalendarItemType`
//! (4.7 KB) beside a one-line `ItemId` would make each of its values that
//! size, the small ones included, and a list of 10,000 messages (each a
//! value of that choice) 60 MB. An alternative whose type is estimated at
//! more than [`BOX_ABOVE`] bytes is held in a `Box`; the enum is then the
//! size of its small alternatives.
//!
//! So are large optional fields (`Option<Box<T>>`): an absent value takes
//! the room of a present one, and an EWS `MessageType` holds seven optional
//! recipients and such of 168 to 312 bytes, absent from most messages
//! (4.4 KB a message, 2.7 KB with them boxed).
//!
//! A struct of many large optional members goes further: it stores them
//! only when present ([`ir::SparseMembers`]), in a list of an enum of a
//! variant per member, in which a member larger than a `String` is boxed.
//! EWS's `MessageType` has 95 optional members; a message of a FindItem
//! response holds 8 of them (2.6 KB as fields, boxed or not, for 470 bytes
//! of XML; 64 bytes, and 32 per member present, in a list).
//!
//! The estimate is `size_of` on a 64-bit target as rustc lays the types out,
//! closely enough to tell a kilobyte from a word: a `String`, `Vec` or the
//! runtime's `AnyElement` is 24 bytes, a `Box` 8, an enum its largest
//! variant and a tag, an `Option` its value (plus a tag where the value has
//! no spare bit pattern), a struct the sum of its members. (The `Lexical`
//! record the emitter adds to a struct when asked to keep lexical forms, a
//! `Vec`, is not counted: the model does not say whether it will.)

use std::collections::{BTreeMap, BTreeSet};

use crate::ir::{self, Builtin, Item, ItemRef, Shape, TypeRef};

/// Alternatives estimated at more bytes than this are boxed.
pub(super) const BOX_ABOVE: usize = 128;

/// A struct with at least this many optional members (child elements and
/// attributes)...
const SPARSE_MEMBERS: usize = 16;
/// ... taking more bytes than this stores them only when present.
const SPARSE_ABOVE: usize = 512;
/// In such a list, a member larger than a `String` is boxed: the list's
/// enum is as large as its largest variant.
const SPARSE_BOX_ABOVE: usize = 24;

/// An estimated size, and whether `Option` can use a spare bit pattern of
/// the value (a `String`'s capacity, a `bool`, an enum's tag) instead of a
/// tag of its own.
#[derive(Clone, Copy, Debug)]
struct Size {
    bytes: usize,
    niche: bool,
}

impl Size {
    const WORDS3: Size = Size {
        bytes: 24,
        niche: true,
    };
    const BOX: Size = Size {
        bytes: 8,
        niche: true,
    };

    fn optional(self) -> Size {
        if self.niche {
            self
        } else {
            Size {
                bytes: self.bytes + self.bytes.clamp(1, 8),
                niche: true,
            }
        }
    }

    /// An enum's size, from its largest variant.
    fn tagged(largest: usize) -> Size {
        Size {
            bytes: largest + 8,
            niche: true,
        }
    }
}

/// What to box: a choice's alternative or a struct's field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum Large {
    /// The alternative of the choice at this index.
    Alternative(ItemRef, usize),
    /// The optional field of the struct at this index.
    Field(ItemRef, usize),
    /// The struct, whose optional members are stored only when present
    /// (its large optional fields are boxed, as `Field`s).
    Sparse(ItemRef),
}

/// The choice alternatives and optional struct fields to box.
pub(super) fn large_members(items: &BTreeMap<String, ir::Module>) -> Vec<Large> {
    let mut sizes = Sizes {
        items,
        known: BTreeMap::new(),
        busy: BTreeSet::new(),
        boxed: Vec::new(),
    };
    for (module, m) in items {
        for name in m.items.keys() {
            sizes.item(&ItemRef {
                module: module.clone(),
                name: name.clone(),
            });
        }
    }
    sizes.boxed
}

struct Sizes<'a> {
    items: &'a BTreeMap<String, ir::Module>,
    known: BTreeMap<ItemRef, Size>,
    /// Items whose size is being estimated (a type that contains itself
    /// does so through a `Box` or a `Vec`).
    busy: BTreeSet<ItemRef>,
    boxed: Vec<Large>,
}

impl Sizes<'_> {
    fn ty(&mut self, ty: &TypeRef) -> Size {
        match ty {
            TypeRef::Builtin(b) => builtin(*b),
            TypeRef::Named(r) => self.item(r),
        }
    }

    /// A member that occurs `shape`-wise, boxed or not.
    fn member(&mut self, ty: &TypeRef, shape: Shape, boxed: bool) -> Size {
        match (shape, boxed) {
            (Shape::Many, _) => Size::WORDS3,
            (_, true) => Size::BOX,
            (Shape::One, false) => self.ty(ty),
            (Shape::Optional, false) => self.ty(ty).optional(),
        }
    }

    fn item(&mut self, r: &ItemRef) -> Size {
        if let Some(size) = self.known.get(r) {
            return *size;
        }
        if !self.busy.insert(r.clone()) {
            return Size::BOX;
        }
        let items = self.items;
        let size = match items.get(&r.module).and_then(|m| m.items.get(&r.name)) {
            Some(Item::Struct(s)) => self.structure(r, s),
            Some(Item::Enum(e)) if e.open => Size::WORDS3,
            Some(Item::Enum(_)) => Size {
                bytes: 1,
                niche: true,
            },
            Some(Item::List(_)) => Size::WORDS3,
            Some(Item::Choice(c)) => self.choice(r, c),
            Some(Item::Derived(d)) => {
                let mut largest = 0;
                for v in &d.variants {
                    let size = if v.boxed { Size::BOX } else { self.item(&v.ty) };
                    largest = largest.max(size.bytes);
                }
                Size::tagged(largest)
            }
            None => Size::BOX,
        };
        self.busy.remove(r);
        self.known.insert(r.clone(), size);
        size
    }

    /// A struct's size, its optional fields over [`BOX_ABOVE`] boxed (and
    /// recorded as such); or, if it has many large optional members, those
    /// stored only when present (recorded as [`Large::Sparse`]).
    fn structure(&mut self, r: &ItemRef, s: &ir::Struct) -> Size {
        let mut total = Size {
            bytes: 0,
            niche: false,
        };
        let mut add = |size: Size| {
            total.bytes += size.bytes;
            total.niche |= size.niche;
        };
        // The optional members: each field's size and index, and the
        // attributes' sizes.
        let mut optional = Vec::new();
        let mut optional_attributes = Vec::new();
        for (i, f) in s.fields.iter().enumerate() {
            let shape = f.occurrence.shape();
            let size = self.member(&f.ty, shape, f.boxed);
            if shape == Shape::Optional && !f.flatten {
                optional.push((i, size, f.boxed));
            } else {
                add(size);
            }
        }
        for a in &s.attributes {
            let size = self.member(&a.ty, a.occurrence().shape(), false);
            if a.required {
                add(size);
            } else {
                optional_attributes.push(size);
            }
        }
        let count = optional.len() + optional_attributes.len();
        let bytes: usize = optional
            .iter()
            .map(|(_, size, _)| size)
            .chain(&optional_attributes)
            .map(|size| size.bytes)
            .sum();
        if count >= SPARSE_MEMBERS && bytes > SPARSE_ABOVE && sparse_names_free(s) {
            self.boxed.push(Large::Sparse(r.clone()));
            for (i, size, boxed) in optional {
                if !boxed && size.bytes > SPARSE_BOX_ABOVE {
                    self.boxed.push(Large::Field(r.clone(), i));
                }
            }
            add(Size {
                bytes: 16,
                niche: true,
            });
        } else {
            for (i, mut size, boxed) in optional {
                if !boxed && size.bytes > BOX_ABOVE {
                    self.boxed.push(Large::Field(r.clone(), i));
                    size = Size::BOX;
                }
                add(size);
            }
            optional_attributes.into_iter().for_each(&mut add);
        }
        if let Some(text) = &s.text {
            let size = self.ty(text);
            add(if s.text_nillable {
                size.optional()
            } else {
                size
            });
        }
        if s.any_attribute.is_some() {
            add(Size::WORDS3);
        }
        if s.mixed.is_some() {
            add(Size::WORDS3);
        }
        if s.child_order.is_some() {
            add(Size::WORDS3);
        }
        total.bytes = total.bytes.next_multiple_of(8);
        total
    }

    /// A choice's size, its alternatives over [`BOX_ABOVE`] boxed (and
    /// recorded as such).
    fn choice(&mut self, r: &ItemRef, c: &ir::Choice) -> Size {
        let variants = c.alternatives.len() + usize::from(c.any.is_some());
        let mut largest = if c.any.is_some() { 24 } else { 0 };
        for (i, a) in c.alternatives.iter().enumerate() {
            let size = if a.boxed { Size::BOX } else { self.ty(&a.ty) };
            let size = if !a.boxed && variants > 1 && size.bytes > BOX_ABOVE {
                self.boxed.push(Large::Alternative(r.clone(), i));
                Size::BOX
            } else {
                size
            };
            largest = largest.max(size.bytes);
        }
        Size::tagged(largest)
    }
}

/// The methods of the traits every struct implements (and derives): an
/// accessor of the same name would hide one from method calls.
const TRAIT_METHODS: &[&str] = &[
    "clone",
    "clone_from",
    "eq",
    "ne",
    "fmt",
    "read_xml",
    "write_xml",
    "write_elements",
    "validate",
    "validate_as",
    "validate_into",
    "serialize",
    "serialize_attributes",
    "deserialize",
];

/// Whether the accessors of a sparse struct's members (`x()`) would have
/// names of their own: not those of the typed accessors any member may
/// have (`parse_x()`), nor of the traits' methods.
fn sparse_names_free(s: &ir::Struct) -> bool {
    let names: Vec<&str> = s
        .fields
        .iter()
        .map(|f| f.name.as_str())
        .chain(s.attributes.iter().map(|a| a.name.as_str()))
        .collect();
    let mut methods: BTreeSet<String> = TRAIT_METHODS.iter().map(|m| m.to_string()).collect();
    names
        .iter()
        .all(|n| methods.insert(n.to_string()) && methods.insert(format!("parse_{n}")))
}

fn builtin(b: Builtin) -> Size {
    let (bytes, niche) = match b {
        Builtin::String | Builtin::Any => (24, true),
        // Two `String`s and an `Option<String>`.
        Builtin::QName => (72, true),
        Builtin::Bool => (1, true),
        Builtin::I8 | Builtin::U8 => (1, false),
        Builtin::I16 | Builtin::U16 => (2, false),
        Builtin::I32 | Builtin::U32 | Builtin::F32 => (4, false),
        Builtin::I64 | Builtin::U64 | Builtin::F64 => (8, false),
    };
    Size { bytes, niche }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use crate::ir::{Item, Model};

    fn model(schema: &str) -> Model {
        let schema = crate::xsd::parse(Path::new("t.xsd"), schema).unwrap();
        super::super::resolve(&[schema]).unwrap()
    }

    /// The `boxed` flag of each alternative of the choice named `name`.
    fn boxed(model: &Model, name: &str) -> Vec<(String, bool)> {
        let item = model
            .modules
            .values()
            .find_map(|m| m.items.get(name))
            .unwrap_or_else(|| panic!("no item {name}"));
        let Item::Choice(c) = item else {
            panic!("{name} is not a choice: {item:?}")
        };
        c.alternatives
            .iter()
            .map(|a| (a.wire_name.clone(), a.boxed))
            .collect()
    }

    /// Twelve strings (288 bytes) are over the bound, one is not; a choice
    /// of a single alternative is no smaller for boxing it.
    const SCHEMA: &str = r#"<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:t="urn:t"
          targetNamespace="urn:t" elementFormDefault="qualified">
      <xs:complexType name="Big"><xs:sequence>
        <xs:element name="s1" type="xs:string"/><xs:element name="s2" type="xs:string"/>
        <xs:element name="s3" type="xs:string"/><xs:element name="s4" type="xs:string"/>
        <xs:element name="s5" type="xs:string"/><xs:element name="s6" type="xs:string"/>
        <xs:element name="s7" type="xs:string"/><xs:element name="s8" type="xs:string"/>
        <xs:element name="s9" type="xs:string"/><xs:element name="s10" type="xs:string"/>
        <xs:element name="s11" type="xs:string"/><xs:element name="s12" type="xs:string"/>
      </xs:sequence></xs:complexType>
      <xs:complexType name="Small"><xs:sequence>
        <xs:element name="id" type="xs:string"/>
      </xs:sequence></xs:complexType>
      <xs:complexType name="Items"><xs:choice maxOccurs="unbounded">
        <xs:element name="big" type="t:Big"/>
        <xs:element name="small" type="t:Small"/>
        <xs:element name="count" type="xs:int"/>
      </xs:choice></xs:complexType>
      <xs:complexType name="Only"><xs:choice maxOccurs="unbounded">
        <xs:element name="big" type="t:Big"/>
      </xs:choice></xs:complexType>
      <xs:element name="items" type="t:Items"/>
      <xs:element name="only" type="t:Only"/>
    </xs:schema>"#;

    #[test]
    fn large_alternatives_of_a_choice_are_boxed_small_ones_are_not() {
        let model = model(SCHEMA);
        let choices: Vec<_> = model
            .modules
            .values()
            .flat_map(|m| m.items.iter())
            .filter(|(_, item)| matches!(item, Item::Choice(_)))
            .map(|(name, _)| name.clone())
            .collect();
        let mixed = choices
            .iter()
            .find(|name| boxed(&model, name).len() == 3)
            .unwrap_or_else(|| panic!("no choice of three alternatives among {choices:?}"));
        assert_eq!(
            boxed(&model, mixed),
            [
                ("big".to_string(), true),
                ("small".to_string(), false),
                ("count".to_string(), false)
            ]
        );
        let only = choices
            .iter()
            .find(|name| boxed(&model, name).len() == 1)
            .unwrap_or_else(|| panic!("no choice of one alternative among {choices:?}"));
        assert_eq!(boxed(&model, only), [("big".to_string(), false)]);
    }

    /// A large optional field is boxed; a small optional one, a required
    /// one (always there) and a repeated one (a `Vec`) are not.
    #[test]
    fn large_optional_fields_are_boxed() {
        let schema = SCHEMA.replace(
            "<xs:element name=\"items\"",
            r#"<xs:complexType name="Holder"><xs:sequence>
                <xs:element name="maybeBig" type="t:Big" minOccurs="0"/>
                <xs:element name="maybeSmall" type="t:Small" minOccurs="0"/>
                <xs:element name="big" type="t:Big"/>
                <xs:element name="bigs" type="t:Big" maxOccurs="unbounded"/>
              </xs:sequence></xs:complexType>
              <xs:element name="holder" type="t:Holder"/>
              <xs:element name="items""#,
        );
        let model = model(&schema);
        let Some(Item::Struct(holder)) = model.modules.values().find_map(|m| m.items.get("Holder"))
        else {
            panic!("no struct Holder");
        };
        let boxed: Vec<(&str, bool)> = holder
            .fields
            .iter()
            .map(|f| (f.wire_name.as_str(), f.boxed))
            .collect();
        assert_eq!(
            boxed,
            [
                ("maybeBig", true),
                ("maybeSmall", false),
                ("big", false),
                ("bigs", false)
            ]
        );
    }

    /// A struct of 20 optional strings and an optional `Big` stores them
    /// only when present, the `Big` boxed there (a variant larger than a
    /// `String` would make every member that size; `Small`, one string, is
    /// not); one of 3 does not; nor does one whose accessors would collide
    /// (`parse_s1`, the typed accessor `s1` may have, or `validate`, a
    /// trait's method).
    #[test]
    fn many_large_optional_members_are_stored_when_present() {
        let strings = |n: usize, extra: &str| {
            let mut elements: String = (0..n)
                .map(|i| format!(r#"<xs:element name="s{i}" type="xs:string" minOccurs="0"/>"#))
                .collect();
            elements.push_str(extra);
            elements
        };
        let schema = SCHEMA.replace(
            "<xs:element name=\"items\"",
            &format!(
                r#"<xs:complexType name="Wide"><xs:sequence>{}</xs:sequence>
                    <xs:attribute name="at" type="xs:QName"/></xs:complexType>
                  <xs:complexType name="Narrow"><xs:sequence>{}</xs:sequence></xs:complexType>
                  <xs:complexType name="Clash"><xs:sequence>{}</xs:sequence></xs:complexType>
                  <xs:complexType name="Hides"><xs:sequence>{}</xs:sequence></xs:complexType>
                  <xs:element name="items""#,
                strings(
                    20,
                    r#"<xs:element name="big" type="t:Big" minOccurs="0"/>
                    <xs:element name="small" type="t:Small" minOccurs="0"/>
                    <xs:element name="id" type="xs:string"/>"#
                ),
                strings(3, ""),
                strings(
                    20,
                    r#"<xs:element name="parse_s1" type="xs:string" minOccurs="0"/>"#
                ),
                strings(
                    20,
                    r#"<xs:element name="validate" type="xs:string" minOccurs="0"/>"#
                ),
            ),
        );
        let model = model(&schema);
        let strukt = |name: &str| match model.modules.values().find_map(|m| m.items.get(name)) {
            Some(Item::Struct(s)) => s.clone(),
            other => panic!("no struct {name}: {other:?}"),
        };
        let wide = strukt("Wide");
        let sparse = wide.sparse.as_ref().expect("Wide is sparse");
        assert_eq!(sparse.enum_name, "WideMember");
        assert_eq!(sparse.field, "present");
        let boxed: Vec<(&str, bool, bool)> = wide
            .fields
            .iter()
            .filter(|f| ["s0", "big", "small", "id"].contains(&f.wire_name.as_str()))
            .map(|f| (f.wire_name.as_str(), f.boxed, wide.is_sparse_field(f)))
            .collect();
        assert_eq!(
            boxed,
            [
                ("s0", false, true),
                ("big", true, true),
                ("small", false, true),
                ("id", false, false)
            ]
        );
        assert!(wide.is_sparse_attribute(&wide.attributes[0]));
        assert_eq!(strukt("Narrow").sparse, None);
        assert_eq!(strukt("Clash").sparse, None);
        assert_eq!(strukt("Hides").sparse, None);
    }
}
