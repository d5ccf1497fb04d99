//! Stage 2, resolve: [`xsd::Schema`]s to an [`ir::Model`]. References are
//! looked up, Rust names given, anonymous types named after where they stand,
//! built-in types mapped.

use std::collections::hash_map::Entry;
use std::collections::{BTreeMap, BTreeSet, HashMap};

use heck::ToUpperCamelCase;

use crate::error::{Location, ResolveError};
use crate::ident::{self, Scope};
use crate::ir::{self, Builtin, Item, Model, Occurrence, TypeRef};
use crate::xsd::{self, ComplexType, ElementType, Form, QName, Schema, SimpleType, XS};

/// Resolves one or more schema files into one model. Returns every error found.
pub fn resolve(schemas: &[Schema]) -> Result<Model, Vec<ResolveError>> {
    let mut r = Resolver {
        schemas,
        complex: HashMap::new(),
        simple: HashMap::new(),
        names: Scope::new(),
        type_names: HashMap::new(),
        locations: BTreeMap::new(),
        items: BTreeMap::new(),
        errors: Vec::new(),
    };
    r.index();
    r.name_globals();
    r.build();
    r.check_recursion();
    if !r.errors.is_empty() {
        r.errors.sort_by(|a, b| a.location().cmp(b.location()));
        // A bad simple type is met once per use; say it once.
        r.errors.dedup_by(|a, b| a.to_string() == b.to_string());
        return Err(r.errors);
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
        items: r.items,
    };
    assign_type_namespaces(&mut model);
    assign_prefixes(&mut model, schemas);
    Ok(model)
}

struct Resolver<'s> {
    schemas: &'s [Schema],
    complex: HashMap<QName, &'s ComplexType>,
    simple: HashMap<QName, &'s SimpleType>,
    names: Scope,
    /// Rust names of named complex types and enumerated simple types.
    type_names: HashMap<QName, String>,
    locations: BTreeMap<String, Location>,
    items: BTreeMap<String, Item>,
    errors: Vec<ResolveError>,
}

fn qname(schema: &Schema, name: &str) -> QName {
    QName {
        namespace: schema.target_namespace.clone(),
        name: name.to_string(),
    }
}

impl<'s> Resolver<'s> {
    fn index(&mut self) {
        let mut elements: HashMap<QName, &Location> = HashMap::new();
        for schema in self.schemas {
            for e in &schema.elements {
                if let Some(first) = elements.insert(qname(schema, &e.name), &e.location) {
                    self.errors.push(ResolveError::Duplicate {
                        location: e.location.clone(),
                        kind: "element",
                        name: e.name.clone(),
                        first: first.clone(),
                    });
                }
            }
            for t in &schema.complex_types {
                let name = t.name.clone().unwrap_or_default();
                match self.complex.entry(qname(schema, &name)) {
                    Entry::Occupied(first) => self.errors.push(ResolveError::Duplicate {
                        location: t.location.clone(),
                        kind: "complexType",
                        name,
                        first: first.get().location.clone(),
                    }),
                    Entry::Vacant(slot) => {
                        slot.insert(t);
                    }
                }
            }
            for t in &schema.simple_types {
                let name = t.name.clone().unwrap_or_default();
                let key = qname(schema, &name);
                let first = self
                    .complex
                    .get(&key)
                    .map(|d| &d.location)
                    .or_else(|| self.simple.get(&key).map(|d| &d.location))
                    .cloned();
                if let Some(first) = first {
                    self.errors.push(ResolveError::Duplicate {
                        location: t.location.clone(),
                        kind: "simpleType",
                        name,
                        first,
                    });
                } else {
                    self.simple.insert(key, t);
                }
            }
        }
    }

    /// Names every global item first, so that they keep their plain names and
    /// anonymous types give way: elements, then complex types, then enumerations.
    fn name_globals(&mut self) {
        for schema in self.schemas {
            for e in &schema.elements {
                self.names.unique(ident::type_name(&e.name));
            }
        }
        for schema in self.schemas {
            for t in &schema.complex_types {
                let name = t.name.as_deref().unwrap_or_default();
                let rust = self.names.unique(ident::type_name(name));
                self.type_names.insert(qname(schema, name), rust);
            }
            for t in &schema.simple_types {
                if !t.enumerations.is_empty() {
                    let name = t.name.as_deref().unwrap_or_default();
                    let rust = self.names.unique(ident::type_name(name));
                    self.type_names.insert(qname(schema, name), rust);
                }
            }
        }
    }

    fn build(&mut self) {
        for schema in self.schemas {
            for t in &schema.complex_types {
                let key = qname(schema, t.name.as_deref().unwrap_or_default());
                let rust = self.type_names[&key].clone();
                let wire = t.name.clone().unwrap_or_default();
                self.complex_struct(schema, t, rust, wire, None, false, t.doc.clone());
            }
            for t in &schema.simple_types {
                if !t.enumerations.is_empty() {
                    let key = qname(schema, t.name.as_deref().unwrap_or_default());
                    let rust = self.type_names[&key].clone();
                    self.enumeration(t, rust, t.name.clone().unwrap_or_default());
                }
            }
        }
        // Element names were reserved first in `name_globals`, in this same
        // order; a second scope replays it to get the same answers.
        let mut replay = Scope::new();
        for schema in self.schemas {
            for e in &schema.elements {
                let rust = replay.unique(ident::type_name(&e.name));
                self.global_element(schema, e, rust);
            }
        }
    }

    fn global_element(&mut self, schema: &'s Schema, e: &'s xsd::Element, rust: String) {
        let ns = schema.target_namespace.clone();
        match &e.ty {
            ElementType::Complex(t) => {
                let doc = e.doc.clone().or_else(|| t.doc.clone());
                self.complex_struct(schema, t, rust, e.name.clone(), ns, true, doc);
            }
            ElementType::Named(q) if q.namespace.as_deref() != Some(XS) => {
                if let Some(def) = self.complex.get(q) {
                    // The element is its type's content under the element's own name.
                    let Some(Item::Struct(ty)) =
                        self.type_names.get(q).and_then(|n| self.items.get(n))
                    else {
                        return; // the type had errors, reported already
                    };
                    let item = ir::Struct {
                        name: rust.clone(),
                        wire_name: e.name.clone(),
                        namespace: ns,
                        is_element: true,
                        doc: e.doc.clone().or_else(|| def.doc.clone()),
                        fields: ty.fields.clone(),
                    };
                    self.locations.insert(rust.clone(), e.location.clone());
                    self.items.insert(rust, Item::Struct(item));
                } else if self.simple.contains_key(q) {
                    self.unsupported_global(e, "a global element of a simple type");
                } else {
                    self.errors.push(ResolveError::UnresolvedType {
                        location: e.location.clone(),
                        construct: format!("element {}", e.name),
                        name: q.to_string(),
                    });
                }
            }
            ElementType::Named(_) | ElementType::Simple(_) => {
                self.unsupported_global(e, "a global element of a simple type");
            }
            ElementType::Any => self.unsupported_global(e, "a global element without a type"),
        }
    }

    fn unsupported_global(&mut self, e: &xsd::Element, what: &str) {
        self.errors.push(ResolveError::Unsupported {
            location: e.location.clone(),
            construct: format!("element {}", e.name),
            detail: format!("{what} is not supported yet; give it a complex type"),
        });
    }

    #[allow(clippy::too_many_arguments)]
    fn complex_struct(
        &mut self,
        schema: &'s Schema,
        t: &'s ComplexType,
        rust: String,
        wire_name: String,
        namespace: Option<String>,
        is_element: bool,
        doc: Option<String>,
    ) {
        self.locations.insert(rust.clone(), t.location.clone());
        let mut field_names = Scope::new();
        let mut visitors = HashMap::new();
        let mut fields = Vec::new();
        for e in &t.sequence {
            let form = e.form.unwrap_or(schema.element_form_default);
            let field_ns = match form {
                Form::Qualified => schema.target_namespace.clone(),
                Form::Unqualified => None,
            };
            let anon_name = format!("{rust}{}", ident::type_name(&e.name));
            let Some(ty) = self.element_type(schema, e, anon_name, field_ns.clone()) else {
                continue;
            };
            let occurrence = match (e.occurs.min, e.occurs.max) {
                (1, Some(1)) => Occurrence::Required,
                (0, Some(1)) => Occurrence::Optional,
                _ => Occurrence::Many,
            };
            // yaserde's derive names a helper type after the wire name of each
            // simple-typed field, in UpperCamelCase: two such names that agree
            // after case conversion would not compile.
            if !matches!(ty, TypeRef::Named(_)) {
                let key = (
                    field_ns.clone(),
                    e.name.replace('.', "_").to_upper_camel_case(),
                );
                if let Some(first) = visitors.insert(key, e.name.clone()) {
                    self.errors.push(ResolveError::Unsupported {
                        location: e.location.clone(),
                        construct: format!("element {} beside element {first}", e.name),
                        detail: "yaserde cannot tell apart simple-typed elements whose names \
                                 differ only in case or punctuation"
                            .into(),
                    });
                    continue;
                }
            }
            fields.push(ir::Field {
                name: field_names.unique(ident::field_name(&e.name)),
                wire_name: e.name.clone(),
                namespace: field_ns,
                ty,
                occurrence,
                doc: e.doc.clone(),
            });
        }
        let item = ir::Struct {
            name: rust.clone(),
            wire_name,
            namespace,
            is_element,
            doc,
            fields,
        };
        self.items.insert(rust, Item::Struct(item));
    }

    /// The type of a local element; anonymous types become items named `anon_name`.
    fn element_type(
        &mut self,
        schema: &'s Schema,
        e: &'s xsd::Element,
        anon_name: String,
        namespace: Option<String>,
    ) -> Option<TypeRef> {
        match &e.ty {
            ElementType::Named(q) => self.type_ref(q, &e.location, &format!("element {}", e.name)),
            ElementType::Complex(t) => {
                let rust = self.names.unique(anon_name);
                let doc = t.doc.clone();
                self.complex_struct(
                    schema,
                    t,
                    rust.clone(),
                    e.name.clone(),
                    namespace,
                    false,
                    doc,
                );
                Some(TypeRef::Named(rust))
            }
            ElementType::Simple(t) if !t.enumerations.is_empty() => {
                let rust = self.names.unique(anon_name);
                self.enumeration(t, rust.clone(), e.name.clone());
                Some(TypeRef::Named(rust))
            }
            ElementType::Simple(t) => self
                .simple_base(&t.base, &t.location, &format!("element {}", e.name), 0)
                .map(TypeRef::Builtin),
            ElementType::Any => {
                self.errors.push(ResolveError::Unsupported {
                    location: e.location.clone(),
                    construct: format!("element {}", e.name),
                    detail: "an element without a type (xs:anyType) is not supported yet".into(),
                });
                None
            }
        }
    }

    fn type_ref(&mut self, q: &QName, location: &Location, owner: &str) -> Option<TypeRef> {
        if let Some(rust) = self.type_names.get(q) {
            return Some(TypeRef::Named(rust.clone()));
        }
        self.simple_base(q, location, owner, 0)
            .map(TypeRef::Builtin)
    }

    /// The built-in type a simple type without enumerations stands for: its
    /// facets only narrow the lexical space, so the value keeps its base type.
    fn simple_base(
        &mut self,
        q: &QName,
        location: &Location,
        owner: &str,
        depth: usize,
    ) -> Option<Builtin> {
        if q.namespace.as_deref() == Some(XS) {
            return match builtin(&q.name) {
                Some(b) => Some(b),
                None => {
                    self.errors.push(ResolveError::Unsupported {
                        location: location.clone(),
                        construct: format!("xs:{}", q.name),
                        detail: format!(
                            "the type of {owner} is not a built-in type this generator supports yet"
                        ),
                    });
                    None
                }
            };
        }
        match self.simple.get(q) {
            Some(def) if depth < 64 => {
                let (base, loc) = (def.base.clone(), def.location.clone());
                self.simple_base(&base, &loc, &format!("simpleType {}", q.name), depth + 1)
            }
            Some(def) => {
                self.errors.push(ResolveError::Unsupported {
                    location: def.location.clone(),
                    construct: format!("simpleType {}", q.name),
                    detail: "its restriction chain does not end in a built-in type".into(),
                });
                None
            }
            None => {
                let note = if self.complex.contains_key(q) {
                    " (it names a complex type, where a simple type is needed)"
                } else {
                    ""
                };
                self.errors.push(ResolveError::UnresolvedType {
                    location: location.clone(),
                    construct: format!("{owner}{note}"),
                    name: q.to_string(),
                });
                None
            }
        }
    }

    fn enumeration(&mut self, t: &SimpleType, rust: String, wire_name: String) {
        self.locations.insert(rust.clone(), t.location.clone());
        let mut names = Scope::new();
        let mut seen = BTreeSet::new();
        let variants = t
            .enumerations
            .iter()
            // A repeated value is the same value: keep the first.
            .filter(|v| seen.insert(v.value.clone()))
            .map(|v| ir::Variant {
                name: names.unique(ident::type_name(&v.value)),
                value: v.value.clone(),
                doc: v.doc.clone(),
            })
            .collect();
        let item = ir::Enum {
            name: rust.clone(),
            wire_name,
            doc: t.doc.clone(),
            variants,
        };
        self.items.insert(rust, Item::Enum(item));
    }

    /// A struct that contains itself without a `Vec` in between has no finite size.
    fn check_recursion(&mut self) {
        let mut reported = BTreeSet::new();
        for start in self.items.keys() {
            let mut stack = vec![(start.clone(), vec![start.clone()])];
            let mut visited = BTreeSet::new();
            while let Some((name, path)) = stack.pop() {
                let Some(Item::Struct(s)) = self.items.get(&name) else {
                    continue;
                };
                for f in s.fields.iter().filter(|f| f.occurrence != Occurrence::Many) {
                    let TypeRef::Named(next) = &f.ty else {
                        continue;
                    };
                    if next == start {
                        let cycle: BTreeSet<_> = path.iter().cloned().collect();
                        if reported.insert(cycle) {
                            let mut shown = path.clone();
                            shown.push(start.clone());
                            self.errors.push(ResolveError::Unsupported {
                                location: self.locations[start].clone(),
                                construct: format!("recursive type {}", shown.join(" -> ")),
                                detail: "a type that contains itself other than through a \
                                         repeated element is not supported yet"
                                    .into(),
                            });
                        }
                    } else if visited.insert(next.clone()) {
                        let mut longer = path.clone();
                        longer.push(next.clone());
                        stack.push((next.clone(), longer));
                    }
                }
            }
        }
    }
}

/// The Rust type of a built-in XSD type; `None` for those not supported.
fn builtin(name: &str) -> Option<Builtin> {
    Some(match name {
        "boolean" => Builtin::Bool,
        "byte" => Builtin::I8,
        "short" => Builtin::I16,
        "int" => Builtin::I32,
        "long" => Builtin::I64,
        "unsignedByte" => Builtin::U8,
        "unsignedShort" => Builtin::U16,
        "unsignedInt" => Builtin::U32,
        "unsignedLong" => Builtin::U64,
        "float" => Builtin::F32,
        "double" => Builtin::F64,
        // Kept as their exact lexical value: strings, and every type a Rust
        // primitive would round or bound (decimal, unbounded integers), or
        // whose value has no std type (dates, durations, binary, names).
        "string" | "normalizedString" | "token" | "language" | "Name" | "NCName" | "NMTOKEN"
        | "ID" | "IDREF" | "ENTITY" | "anyURI" | "QName" | "decimal" | "integer"
        | "nonNegativeInteger" | "positiveInteger" | "nonPositiveInteger" | "negativeInteger"
        | "dateTime" | "date" | "time" | "duration" | "gYear" | "gYearMonth" | "gMonth"
        | "gMonthDay" | "gDay" | "base64Binary" | "hexBinary" => Builtin::String,
        _ => return None,
    })
}

/// A named complex type's own element is in a namespace only through the
/// fields that use it: when all of them agree, the struct may declare it.
fn assign_type_namespaces(model: &mut Model) {
    let mut uses: BTreeMap<String, BTreeSet<Option<String>>> = BTreeMap::new();
    for item in model.items.values() {
        if let Item::Struct(s) = item {
            for f in &s.fields {
                if let TypeRef::Named(n) = &f.ty {
                    uses.entry(n.clone())
                        .or_default()
                        .insert(f.namespace.clone());
                }
            }
        }
    }
    for item in model.items.values_mut() {
        if let Item::Struct(s) = item {
            if !s.is_element {
                s.namespace = match uses.get(&s.name) {
                    Some(set) if set.len() == 1 => set.iter().next().cloned().flatten(),
                    _ => None,
                };
            }
        }
    }
}

/// One prefix per namespace the generated code names: the prefix the schema
/// itself binds to it where it binds one, else `tns`, `ns2`, ...
fn assign_prefixes(model: &mut Model, schemas: &[Schema]) {
    let mut used = BTreeSet::new();
    for item in model.items.values() {
        if let Item::Struct(s) = item {
            used.extend(s.namespace.iter().cloned());
            used.extend(s.fields.iter().filter_map(|f| f.namespace.clone()));
        }
    }
    let mut taken = BTreeSet::new();
    for uri in used {
        let preferred = schemas
            .iter()
            .filter(|s| s.target_namespace.as_deref() == Some(&uri))
            .find_map(|s| s.target_prefix.clone())
            .filter(|p| p.chars().all(|c| c.is_ascii_alphanumeric()) && !p.starts_with("xml"));
        let prefix = preferred.filter(|p| !taken.contains(p)).unwrap_or_else(|| {
            (1..)
                .map(|n| {
                    if n == 1 {
                        "tns".to_string()
                    } else {
                        format!("ns{n}")
                    }
                })
                .find(|p| !taken.contains(p))
                .expect("an unbounded range always yields a free prefix")
        });
        taken.insert(prefix.clone());
        model.prefixes.insert(uri, prefix);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn resolve_str(text: &str) -> Result<Model, Vec<String>> {
        let schema = xsd::parse(Path::new("t.xsd"), text).expect("parses");
        resolve(&[schema]).map_err(|e| e.iter().map(ToString::to_string).collect())
    }

    const HEAD: &str = r#"<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:t="urn:t" targetNamespace="urn:t" elementFormDefault="qualified">"#;

    #[test]
    fn names_collide_and_stay_unique() {
        let m = resolve_str(&format!(
            r#"{HEAD}
  <xs:element name="Foo"><xs:complexType><xs:sequence>
    <xs:element name="Bar"><xs:complexType/></xs:element>
    <xs:element name="bar" type="xs:string"/>
  </xs:sequence></xs:complexType></xs:element>
  <xs:complexType name="Foo"/>
  <xs:complexType name="FooBar"/>
</xs:schema>"#
        ))
        .unwrap();
        let names: Vec<_> = m.items.keys().cloned().collect();
        assert_eq!(names, ["Foo", "Foo2", "FooBar", "FooBar2"]);
        let Item::Struct(foo) = &m.items["Foo"] else {
            panic!()
        };
        let fields: Vec<_> = foo.fields.iter().map(|f| f.name.as_str()).collect();
        assert_eq!(fields, ["bar", "bar_2"]);
        assert_eq!(foo.fields[0].ty, TypeRef::Named("FooBar2".into()));
        assert_eq!(m.prefixes["urn:t"], "t");
    }

    #[test]
    fn restrictions_without_enumerations_keep_their_base_type() {
        let m = resolve_str(&format!(
            r#"{HEAD}
  <xs:simpleType name="Short"><xs:restriction base="xs:string"><xs:maxLength value="3"/></xs:restriction></xs:simpleType>
  <xs:simpleType name="Shorter"><xs:restriction base="t:Short"/></xs:simpleType>
  <xs:element name="A"><xs:complexType><xs:sequence>
    <xs:element name="s" type="t:Shorter"/>
    <xs:element name="n" type="xs:unsignedShort"/>
  </xs:sequence></xs:complexType></xs:element>
</xs:schema>"#
        ))
        .unwrap();
        let Item::Struct(a) = &m.items["A"] else {
            panic!()
        };
        assert_eq!(a.fields[0].ty, TypeRef::Builtin(Builtin::String));
        assert_eq!(a.fields[1].ty, TypeRef::Builtin(Builtin::U16));
        assert_eq!(m.items.len(), 1);
    }

    #[test]
    fn reports_all_unresolved_and_duplicate_names() {
        let errors = resolve_str(&format!(
            r#"{HEAD}
  <xs:complexType name="A"><xs:sequence>
    <xs:element name="x" type="t:Missing"/>
    <xs:element name="y" type="xs:anyType"/>
  </xs:sequence></xs:complexType>
  <xs:complexType name="A"/>
  <xs:element name="E" type="t:Nope"/>
</xs:schema>"#
        ))
        .unwrap_err();
        assert_eq!(
            errors,
            [
                "t.xsd:3:5: unresolved type `{urn:t}Missing` in element x",
                "t.xsd:4:5: unsupported construct `xs:anyType`: the type of element y is not a built-in type this generator supports yet",
                "t.xsd:6:3: duplicate definition of complexType `A` (first defined at t.xsd:2:3)",
                "t.xsd:7:3: unresolved type `{urn:t}Nope` in element E",
            ]
        );
    }

    #[test]
    fn direct_recursion_is_reported_not_overflowed() {
        let errors = resolve_str(&format!(
            r#"{HEAD}
  <xs:complexType name="Node"><xs:sequence>
    <xs:element name="next" type="t:Node" minOccurs="0"/>
  </xs:sequence></xs:complexType>
  <xs:complexType name="Tree"><xs:sequence>
    <xs:element name="child" type="t:Tree" maxOccurs="unbounded"/>
  </xs:sequence></xs:complexType>
</xs:schema>"#
        ))
        .unwrap_err();
        assert_eq!(
            errors,
            [
                "t.xsd:2:3: unsupported construct `recursive type Node -> Node`: a type that contains itself other than through a repeated element is not supported yet"
            ]
        );
    }

    #[test]
    fn unqualified_fields_have_no_namespace() {
        let m = resolve_str(
            r#"<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:u">
  <xs:element name="A"><xs:complexType><xs:sequence>
    <xs:element name="b" type="xs:string"/>
    <xs:element name="c" type="xs:string" form="qualified"/>
  </xs:sequence></xs:complexType></xs:element>
</xs:schema>"#,
        )
        .unwrap();
        let Item::Struct(a) = &m.items["A"] else {
            panic!()
        };
        assert_eq!(a.namespace.as_deref(), Some("urn:u"));
        assert_eq!(a.fields[0].namespace, None);
        assert_eq!(a.fields[1].namespace.as_deref(), Some("urn:u"));
        assert_eq!(m.prefixes["urn:u"], "tns");
    }
}
