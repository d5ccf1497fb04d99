//! Stage 2, resolve: [`xsd::Schema`]s to an [`ir::Model`]. References are
//! looked up, inheritance and groups flattened, Rust names given, anonymous
//! types named after where they stand, built-in types mapped.

mod attributes;
mod choices;
mod content;
mod derived;
mod elements;
mod facets;
mod names;
mod simple;
mod sizes;

use std::collections::{BTreeMap, BTreeSet, HashMap};

use crate::error::{Location, ResolveError};
use crate::ident::{self, Scope};
use crate::ir::{self, Item, ItemRef, Model, TypeRef};
use crate::xsd::{self, QName, Schema};

/// Resolves a schema set (see [`xsd::load`]) into one model. Returns every error found.
pub fn resolve(schemas: &[Schema]) -> Result<Model, Vec<ResolveError>> {
    let mut r = Resolver::new(schemas);
    r.index();
    r.name_globals();
    r.build();
    r.complete_deferred();
    r.derived_types();
    r.add_nil_attributes();
    r.check_recursion();
    r.check_simple_types();
    r.box_large_members();
    let Resolver {
        items,
        mut errors,
        facet_errors,
        ..
    } = r;
    errors.extend(facet_errors.take());
    if !errors.is_empty() {
        errors.sort_by(|a, b| a.location().cmp(b.location()));
        // A bad simple type is met once per use; say it once.
        errors.dedup_by(|a, b| a.to_string() == b.to_string());
        return Err(errors);
    }
    let mut model = Model {
        sources: schemas
            .iter()
            .map(|s| {
                s.file.file_name().map_or_else(
                    || s.file.display().to_string(),
                    |n| n.to_string_lossy().into(),
                )
            })
            .collect(),
        prefixes: BTreeMap::new(),
        modules: items,
    };
    names::assign_type_namespaces(&mut model);
    names::assign_prefixes(&mut model, schemas);
    Ok(model)
}

/// A global definition and the schema it stands in.
pub(crate) struct Def<'s, T> {
    schema: &'s Schema,
    def: &'s T,
}

impl<T> Clone for Def<'_, T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for Def<'_, T> {}

pub(crate) struct Resolver<'s> {
    schemas: &'s [Schema],
    elements: HashMap<QName, Def<'s, xsd::Element>>,
    complex: HashMap<QName, Def<'s, xsd::ComplexType>>,
    simple: HashMap<QName, Def<'s, xsd::SimpleType>>,
    attributes: HashMap<QName, Def<'s, xsd::Attribute>>,
    attribute_groups: HashMap<QName, Def<'s, xsd::AttributeGroup>>,
    groups: HashMap<QName, Def<'s, xsd::Group>>,
    /// Substitution group head to its direct members, in schema order.
    substitutes: HashMap<QName, Vec<QName>>,
    /// Target namespace to module name.
    modules: BTreeMap<Option<String>, String>,
    scopes: BTreeMap<String, Scope>,
    /// Items of named complex types, enumerations and lists.
    type_items: HashMap<QName, ItemRef>,
    /// Items of global elements.
    element_items: HashMap<QName, ItemRef>,
    /// Named complex types built: whether each has content (then its item
    /// holds it, read back for their extensions and elements: a second copy
    /// of every type's content was a sixth of resolve's peak memory on EWS).
    contents: HashMap<QName, bool>,
    /// Named complex types being built: meeting one again is a derivation cycle.
    building: BTreeSet<QName>,
    /// Anonymous complex types being built, by the address of their
    /// declaration in the parsed schemas (which outlive the resolver).
    anonymous: HashMap<usize, ItemRef>,
    /// Named complex types that derive from another or are derived from:
    /// where `xsi:type` may name another type than the declared one.
    hierarchy: BTreeSet<QName>,
    /// Anonymous types built before the named type they derive from (their
    /// struct, the base, whether by extension): completed after the build.
    deferred: Vec<(ItemRef, QName, bool)>,
    /// Structs that some nillable element has as its type: they get `xsi:nil`.
    nillable: BTreeSet<ItemRef>,
    locations: BTreeMap<ItemRef, Location>,
    items: BTreeMap<String, ir::Module>,
    errors: Vec<ResolveError>,
    /// The errors of facets, found while making value infos.
    facet_errors: facets::FacetErrors,
}

fn qname(schema: &Schema, name: &str) -> QName {
    QName {
        namespace: schema.target_namespace.clone(),
        name: name.to_string(),
    }
}

impl<'s> Resolver<'s> {
    fn new(schemas: &'s [Schema]) -> Self {
        let namespaces: BTreeSet<Option<String>> =
            schemas.iter().map(|s| s.target_namespace.clone()).collect();
        let modules = names::module_names(&namespaces);
        let items = modules
            .iter()
            .map(|(ns, m)| {
                let module = ir::Module {
                    namespace: ns.clone(),
                    items: BTreeMap::new(),
                };
                (m.clone(), module)
            })
            .collect();
        Resolver {
            schemas,
            elements: HashMap::new(),
            complex: HashMap::new(),
            simple: HashMap::new(),
            attributes: HashMap::new(),
            attribute_groups: HashMap::new(),
            groups: HashMap::new(),
            substitutes: HashMap::new(),
            scopes: modules
                .values()
                .map(|m| (m.clone(), Scope::new()))
                .collect(),
            modules,
            type_items: HashMap::new(),
            element_items: HashMap::new(),
            contents: HashMap::new(),
            building: BTreeSet::new(),
            anonymous: HashMap::new(),
            hierarchy: BTreeSet::new(),
            deferred: Vec::new(),
            nillable: BTreeSet::new(),
            locations: BTreeMap::new(),
            items,
            errors: Vec::new(),
            facet_errors: facets::FacetErrors::default(),
        }
    }

    fn module_of(&self, namespace: &Option<String>) -> String {
        self.modules[namespace].clone()
    }

    fn index(&mut self) {
        #[allow(clippy::too_many_arguments)]
        fn insert<'s, T>(
            map: &mut HashMap<QName, Def<'s, T>>,
            errors: &mut Vec<ResolveError>,
            kind: &'static str,
            schema: &'s Schema,
            def: &'s T,
            name: &str,
            location: &Location,
            first_location: impl Fn(&T) -> &Location,
        ) {
            let key = qname(schema, name);
            if let Some(first) = map.get(&key) {
                errors.push(ResolveError::Duplicate {
                    location: location.clone(),
                    kind,
                    name: name.to_string(),
                    first: first_location(first.def).clone(),
                });
            } else {
                map.insert(key, Def { schema, def });
            }
        }
        let errors = &mut self.errors;
        for schema in self.schemas {
            for e in &schema.elements {
                insert(
                    &mut self.elements,
                    errors,
                    "element",
                    schema,
                    e,
                    &e.name,
                    &e.location,
                    |d| &d.location,
                );
                // XSD 1.1: an element may stand for several heads.
                for head in e
                    .substitution_group
                    .iter()
                    .chain(&e.more_substitution_groups)
                {
                    self.substitutes
                        .entry(head.clone())
                        .or_default()
                        .push(qname(schema, &e.name));
                }
            }
            for t in &schema.complex_types {
                let name = t.name.as_deref().unwrap_or_default();
                insert(
                    &mut self.complex,
                    errors,
                    "complexType",
                    schema,
                    t,
                    name,
                    &t.location,
                    |d| &d.location,
                );
            }
            for t in &schema.simple_types {
                let name = t.name.as_deref().unwrap_or_default();
                if let Some(first) = self.complex.get(&qname(schema, name)) {
                    errors.push(ResolveError::Duplicate {
                        location: t.location.clone(),
                        kind: "simpleType",
                        name: name.to_string(),
                        first: first.def.location.clone(),
                    });
                    continue;
                }
                insert(
                    &mut self.simple,
                    errors,
                    "simpleType",
                    schema,
                    t,
                    name,
                    &t.location,
                    |d| &d.location,
                );
            }
            for a in &schema.attributes {
                insert(
                    &mut self.attributes,
                    errors,
                    "attribute",
                    schema,
                    a,
                    &a.name,
                    &a.location,
                    |d| &d.location,
                );
            }
            for g in &schema.attribute_groups {
                insert(
                    &mut self.attribute_groups,
                    errors,
                    "attributeGroup",
                    schema,
                    g,
                    &g.name,
                    &g.location,
                    |d| &d.location,
                );
            }
            for g in &schema.groups {
                insert(
                    &mut self.groups,
                    errors,
                    "group",
                    schema,
                    g,
                    &g.name,
                    &g.location,
                    |d| &d.location,
                );
            }
        }
    }

    /// Finds the complex types that take part in derivation (see `hierarchy`).
    fn index_hierarchy(&mut self) {
        for schema in self.schemas {
            for t in &schema.complex_types {
                let base = match &t.content {
                    xsd::Content::Complex { base, .. } | xsd::Content::Simple { base, .. } => base,
                    xsd::Content::Particle(_) => continue,
                };
                if self.complex.contains_key(base) {
                    self.hierarchy.insert(base.clone());
                    self.hierarchy
                        .insert(qname(schema, t.name.as_deref().unwrap_or_default()));
                }
            }
        }
    }

    /// Gives `xsi:nil` to the structs of nillable elements' types.
    fn add_nil_attributes(&mut self) {
        for r in std::mem::take(&mut self.nillable) {
            let Some(Item::Struct(s)) = self.item_mut(&r) else {
                continue;
            };
            let mut content = content::Content {
                fields: std::mem::take(&mut s.fields),
                attributes: std::mem::take(&mut s.attributes),
                text: s.text.take(),
                any_attribute: s.any_attribute.take(),
                text_info: s.text_info.take(),
                mixed: s.mixed.take(),
                child_order: s.child_order.take(),
            };
            content.add_xsi("nil", ir::Builtin::Bool, content::XSI_NIL_DOC);
            s.fields = content.fields;
            s.attributes = content.attributes;
            s.text = content.text;
            s.any_attribute = content.any_attribute;
            s.text_info = content.text_info;
            s.mixed = content.mixed;
            s.child_order = content.child_order;
        }
    }

    /// Gives a Rust name to every global item first, so that they keep their
    /// plain names and anonymous types give way: elements, then complex
    /// types, then enumerations and lists.
    fn name_globals(&mut self) {
        for schema in self.schemas {
            let module = self.module_of(&schema.target_namespace);
            for e in &schema.elements {
                if self.element_struct_needed(e) {
                    let name = self.unique(&module, ident::type_name(&e.name));
                    let r = ItemRef {
                        module: module.clone(),
                        name,
                    };
                    self.element_items.insert(qname(schema, &e.name), r);
                }
            }
        }
        for schema in self.schemas {
            let module = self.module_of(&schema.target_namespace);
            for t in &schema.complex_types {
                let xsd_name = t.name.as_deref().unwrap_or_default();
                let name = self.unique(&module, ident::type_name(xsd_name));
                let r = ItemRef {
                    module: module.clone(),
                    name,
                };
                self.type_items.insert(qname(schema, xsd_name), r);
            }
            for t in &schema.simple_types {
                if self.needs_item(t) {
                    let xsd_name = t.name.as_deref().unwrap_or_default();
                    let name = self.unique(&module, ident::type_name(xsd_name));
                    let r = ItemRef {
                        module: module.clone(),
                        name,
                    };
                    self.type_items.insert(qname(schema, xsd_name), r);
                }
            }
        }
    }

    /// A global element needs a struct of its own unless it is abstract with
    /// a simple type (it then only heads a substitution group).
    fn element_struct_needed(&self, e: &xsd::Element) -> bool {
        !e.is_abstract
    }

    fn unique(&mut self, module: &str, name: String) -> String {
        self.scopes
            .get_mut(module)
            .expect("every module has a scope")
            .unique(name)
    }

    fn insert_item(&mut self, r: &ItemRef, item: Item, location: &Location) {
        self.locations.insert(r.clone(), location.clone());
        self.items
            .get_mut(&r.module)
            .expect("every module exists")
            .items
            .insert(r.name.clone(), item);
    }

    fn build(&mut self) {
        self.index_hierarchy();
        for schema in self.schemas {
            for t in &schema.complex_types {
                let key = qname(schema, t.name.as_deref().unwrap_or_default());
                self.named_complex(&key);
            }
            for t in &schema.simple_types {
                let key = qname(schema, t.name.as_deref().unwrap_or_default());
                if let Some(r) = self.type_items.get(&key).cloned() {
                    self.simple_item(schema, t, r, t.name.clone().unwrap_or_default());
                }
            }
        }
        for schema in self.schemas {
            for e in &schema.elements {
                if let Some(r) = self.element_items.get(&qname(schema, &e.name)).cloned() {
                    self.global_element(schema, e, r);
                }
            }
        }
    }

    /// The item of a named complex type, built on first use (an extension
    /// needs its base built first).
    fn named_complex(&mut self, key: &QName) -> Option<content::Content> {
        if let Some(&built) = self.contents.get(key) {
            return built.then(|| self.built_content(key)).flatten();
        }
        let def = *self.complex.get(key)?;
        self.building.insert(key.clone());
        let r = self.type_items[key].clone();
        let mut content = self.complex_content(def.schema, def.def, &r);
        if let Some(c) = content.as_mut().filter(|_| self.hierarchy.contains(key)) {
            c.add_xsi("type", ir::Builtin::QName, content::XSI_TYPE_DOC);
        }
        if let Some(c) = &content {
            let item = ir::Struct {
                name: r.name.clone(),
                wire_name: key.name.clone(),
                namespace: None,
                is_element: false,
                use_namespaces: Vec::new(),
                doc: def.def.doc.clone(),
                fields: c.fields.clone(),
                attributes: c.attributes.clone(),
                text: c.text.clone(),
                any_attribute: c.any_attribute.clone(),
                text_info: c.text_info.clone(),
                mixed: c.mixed.clone(),
                child_order: c.child_order.clone(),
                sparse: None,
                text_nillable: false,
                text_default: None,
            };
            self.insert_item(&r, Item::Struct(item), &def.def.location);
        }
        self.building.remove(key);
        self.contents.insert(key.clone(), content.is_some());
        content
    }

    /// The content of named complex type `key`, built already: its struct's.
    fn built_content(&self, key: &QName) -> Option<content::Content> {
        let r = self.type_items.get(key)?;
        match self.items.get(&r.module)?.items.get(&r.name)? {
            Item::Struct(s) => Some(content::Content {
                fields: s.fields.clone(),
                attributes: s.attributes.clone(),
                text: s.text.clone(),
                any_attribute: s.any_attribute.clone(),
                text_info: s.text_info.clone(),
                mixed: s.mixed.clone(),
                child_order: s.child_order.clone(),
            }),
            _ => None,
        }
    }

    fn global_element(&mut self, schema: &Schema, e: &xsd::Element, r: ItemRef) {
        let ns = schema.target_namespace.clone();
        let any = || content::Content {
            text: Some(TypeRef::Builtin(ir::Builtin::Any)),
            ..Default::default()
        };
        let content = match self.element_type(e) {
            xsd::ElementType::Complex(t) => self.complex_content(schema, t, &r),
            xsd::ElementType::Named(q) if elements::is_any_type(q) => Some(any()),
            xsd::ElementType::Named(q) if self.complex.contains_key(q) => self.named_complex(q),
            xsd::ElementType::Any => Some(any()),
            // A simple type: the element's text is the whole value.
            xsd::ElementType::Named(_) | xsd::ElementType::Simple(_) => {
                let owner = format!("element {}", e.name);
                let anon = ident::type_name(&format!("{}Value", e.name));
                let ty = match self.element_type(e) {
                    xsd::ElementType::Named(q) => self.simple_type_ref(q, &e.location, &owner),
                    xsd::ElementType::Simple(t) => {
                        self.inline_simple(schema, t, &r.module, anon, &e.name)
                    }
                    _ => unreachable!("matched above"),
                };
                ty.map(|ty| content::Content {
                    text: Some(ty),
                    text_info: self.element_value_info(e),
                    ..Default::default()
                })
            }
        };
        let Some(mut content) = content else {
            return;
        };
        // A nil element has no text: its value may be absent.
        let nil_text = e.nillable
            && content.text.is_some()
            && content.text != Some(TypeRef::Builtin(ir::Builtin::Any));
        // Content kept as written keeps its xsi:nil too.
        if e.nillable && content.text != Some(TypeRef::Builtin(ir::Builtin::Any)) {
            content.add_xsi("nil", ir::Builtin::Bool, content::XSI_NIL_DOC);
        }
        // An empty element stands for the declaration's default value.
        let text_default = content
            .text
            .as_ref()
            .filter(|t| **t != TypeRef::Builtin(ir::Builtin::Any))
            .and_then(|_| e.default.clone().or_else(|| e.fixed.clone()));
        let doc = e.doc.clone().or_else(|| match &e.ty {
            xsd::ElementType::Complex(t) => t.doc.clone(),
            xsd::ElementType::Named(q) => self.complex.get(q).and_then(|d| d.def.doc.clone()),
            _ => None,
        });
        let item = ir::Struct {
            name: r.name.clone(),
            wire_name: e.name.clone(),
            namespace: ns,
            is_element: true,
            use_namespaces: Vec::new(),
            doc,
            fields: content.fields,
            attributes: content.attributes,
            text: content.text,
            any_attribute: content.any_attribute,
            text_info: content.text_info,
            mixed: content.mixed,
            child_order: content.child_order,
            sparse: None,
            text_nillable: nil_text,
            text_default,
        };
        self.insert_item(&r, Item::Struct(item), &e.location);
    }

    /// The type of global element `e`: its own, or (when it has none) its
    /// substitution group head's, as XSD says; `xs:anyType` when neither.
    pub(super) fn element_type<'e>(&self, mut e: &'e xsd::Element) -> &'e xsd::ElementType
    where
        's: 'e,
    {
        for _ in 0..32 {
            let head = match (&e.ty, &e.substitution_group) {
                (xsd::ElementType::Any, Some(head)) => self.elements.get(head),
                _ => None,
            };
            match head {
                Some(head) => e = head.def,
                None => break,
            }
        }
        &e.ty
    }

    fn unresolved(&mut self, location: &Location, construct: String, name: &QName) {
        self.errors.push(ResolveError::UnresolvedType {
            location: location.clone(),
            construct,
            name: name.to_string(),
        });
    }

    /// A struct that contains itself without a `Vec` or `Box` in between
    /// (through its fields, or the alternatives of a choice it holds) has no
    /// finite size: such fields are boxed.
    fn check_recursion(&mut self) {
        let mut boxed = Vec::new();
        for (module, m) in &self.items {
            for item in m.items.values() {
                let Item::Struct(s) = item else { continue };
                let start = ItemRef {
                    module: module.clone(),
                    name: s.name.clone(),
                };
                for (i, f) in s.fields.iter().enumerate() {
                    if f.occurrence.shape() == ir::Shape::Many {
                        continue;
                    }
                    if let TypeRef::Named(next) = &f.ty {
                        if self.reaches(next, &start) {
                            boxed.push((start.clone(), i));
                        }
                    }
                }
            }
        }
        for (r, i) in boxed {
            if let Some(Item::Struct(s)) = self.item_mut(&r) {
                s.fields[i].boxed = true;
            }
        }
    }

    /// The item `r` names, to change it (`None` while it is not built).
    fn item_mut(&mut self, r: &ItemRef) -> Option<&mut Item> {
        self.items
            .get_mut(&r.module)
            .and_then(|m| m.items.get_mut(&r.name))
    }

    /// Boxes the alternatives of choices that would make every value of
    /// the choice large, and large optional fields (see [`sizes`]).
    fn box_large_members(&mut self) {
        for large in sizes::large_members(&self.items) {
            match large {
                sizes::Large::Alternative(r, i) => {
                    if let Some(Item::Choice(c)) = self.item_mut(&r) {
                        c.alternatives[i].boxed = true;
                    }
                }
                sizes::Large::Field(r, i) => {
                    if let Some(Item::Struct(s)) = self.item_mut(&r) {
                        s.fields[i].boxed = true;
                    }
                }
                sizes::Large::Sparse(r) => {
                    let enum_name = self.unique(&r.module, format!("{}Member", r.name));
                    if let Some(Item::Struct(s)) = self.item_mut(&r) {
                        let mut names = Scope::new();
                        for taken in s
                            .fields
                            .iter()
                            .map(|f| f.name.as_str())
                            .chain(s.attributes.iter().map(|a| a.name.as_str()))
                            .chain(s.any_attribute.iter().map(|a| a.name.as_str()))
                            .chain(s.mixed.as_deref())
                            .chain(s.child_order.as_deref())
                            .chain(["value", "text_value"])
                        {
                            names.unique(taken.to_string());
                        }
                        let field = names.unique("present".to_string());
                        s.sparse = Some(ir::SparseMembers { enum_name, field });
                    }
                }
            }
        }
    }

    /// Whether `from` contains `to` by value (through required or optional
    /// fields, and every alternative of a choice).
    fn reaches(&self, from: &ItemRef, to: &ItemRef) -> bool {
        let mut stack = vec![from.clone()];
        let mut seen = BTreeSet::new();
        while let Some(r) = stack.pop() {
            if &r == to {
                return true;
            }
            if !seen.insert(r.clone()) {
                continue;
            }
            match self.items.get(&r.module).and_then(|m| m.items.get(&r.name)) {
                Some(Item::Struct(s)) => {
                    for f in s
                        .fields
                        .iter()
                        .filter(|f| f.occurrence.shape() != ir::Shape::Many && !f.boxed)
                    {
                        if let TypeRef::Named(n) = &f.ty {
                            stack.push(n.clone());
                        }
                    }
                }
                Some(Item::Choice(c)) => {
                    for a in c.alternatives.iter().filter(|a| !a.boxed) {
                        if let TypeRef::Named(n) = &a.ty {
                            stack.push(n.clone());
                        }
                    }
                }
                Some(Item::Derived(d)) => {
                    stack.extend(d.variants.iter().filter(|v| !v.boxed).map(|v| v.ty.clone()));
                }
                _ => {}
            }
        }
        false
    }
}
