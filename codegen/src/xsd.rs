//! Stage 1, parse: XSD text to [`Schema`], the schema as written, with positions.
//!
//! This module knows XML Schema syntax and nothing of Rust. Every element and
//! attribute in the XSD namespace is either understood or reported as
//! [`ParseError::Unsupported`]; nothing is skipped silently.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use roxmltree::{Document, Node};

use crate::error::{Location, ParseError};

/// The XML Schema namespace.
pub const XS: &str = "http://www.w3.org/2001/XMLSchema";

/// One schema file, as written.
#[derive(Clone, Debug, PartialEq)]
pub struct Schema {
    /// The file it was read from.
    pub file: Arc<PathBuf>,
    /// `targetNamespace`, if any.
    pub target_namespace: Option<String>,
    /// `elementFormDefault`.
    pub element_form_default: Form,
    /// The prefix the schema binds to its target namespace, if it binds one.
    pub target_prefix: Option<String>,
    /// Global `xs:element`s, in document order.
    pub elements: Vec<Element>,
    /// Global named `xs:complexType`s, in document order.
    pub complex_types: Vec<ComplexType>,
    /// Global named `xs:simpleType`s, in document order.
    pub simple_types: Vec<SimpleType>,
}

/// `qualified` or `unqualified`, for `elementFormDefault` and `form`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Form {
    /// Local elements are in the target namespace.
    Qualified,
    /// Local elements are in no namespace (the XSD default).
    Unqualified,
}

/// A qualified name as a reference resolves it: namespace URI and local name.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct QName {
    /// The namespace URI, `None` for no namespace.
    pub namespace: Option<String>,
    /// The local name.
    pub name: String,
}

impl std::fmt::Display for QName {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.namespace {
            Some(ns) => write!(f, "{{{ns}}}{}", self.name),
            None => f.write_str(&self.name),
        }
    }
}

/// `minOccurs` and `maxOccurs`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Occurs {
    /// `minOccurs`.
    pub min: u32,
    /// `maxOccurs`, `None` for `unbounded`.
    pub max: Option<u32>,
}

impl Default for Occurs {
    fn default() -> Self {
        Occurs {
            min: 1,
            max: Some(1),
        }
    }
}

/// An `xs:element`, global or local.
#[derive(Clone, Debug, PartialEq)]
pub struct Element {
    /// `name`.
    pub name: String,
    /// Its type: named, inline, or absent (`xs:anyType`).
    pub ty: ElementType,
    /// `minOccurs`/`maxOccurs` (always 1..1 on a global element).
    pub occurs: Occurs,
    /// `form`, when written.
    pub form: Option<Form>,
    /// The `xs:documentation` text.
    pub doc: Option<String>,
    /// Where it stands.
    pub location: Location,
}

/// The type of an element.
#[derive(Clone, Debug, PartialEq)]
pub enum ElementType {
    /// `type="..."`.
    Named(QName),
    /// An anonymous `xs:complexType` child.
    Complex(Box<ComplexType>),
    /// An anonymous `xs:simpleType` child.
    Simple(Box<SimpleType>),
    /// Neither: the element is of `xs:anyType`.
    Any,
}

/// An `xs:complexType`.
#[derive(Clone, Debug, PartialEq)]
pub struct ComplexType {
    /// `name`, `None` when anonymous.
    pub name: Option<String>,
    /// The elements of its `xs:sequence`, empty for empty content.
    pub sequence: Vec<Element>,
    /// The `xs:documentation` text.
    pub doc: Option<String>,
    /// Where it stands.
    pub location: Location,
}

/// An `xs:simpleType` (a restriction of another simple type).
#[derive(Clone, Debug, PartialEq)]
pub struct SimpleType {
    /// `name`, `None` when anonymous.
    pub name: Option<String>,
    /// The `base` of its `xs:restriction`.
    pub base: QName,
    /// Its `xs:enumeration` facets, in order.
    pub enumerations: Vec<Enumeration>,
    /// The `xs:documentation` text.
    pub doc: Option<String>,
    /// Where it stands.
    pub location: Location,
}

/// One `xs:enumeration` value.
#[derive(Clone, Debug, PartialEq)]
pub struct Enumeration {
    /// `value`, exactly as written.
    pub value: String,
    /// The `xs:documentation` text.
    pub doc: Option<String>,
    /// Where it stands.
    pub location: Location,
}

/// Reads and parses one schema file.
pub fn parse_file(path: &Path) -> Result<Schema, Vec<ParseError>> {
    let text = std::fs::read_to_string(path).map_err(|source| {
        vec![ParseError::Io {
            path: path.to_path_buf(),
            source,
        }]
    })?;
    parse(path, &text)
}

/// Parses the text of one schema file; `path` is used in locations only.
///
/// Returns every error found, not only the first.
pub fn parse(path: &Path, text: &str) -> Result<Schema, Vec<ParseError>> {
    let file = Arc::new(path.to_path_buf());
    let doc = Document::parse(text).map_err(|e| {
        let pos = e.pos();
        let message = e.to_string();
        // roxmltree ends its messages with the position, which the location gives.
        let message = message
            .strip_suffix(&format!(" at {pos}"))
            .unwrap_or(&message)
            .to_string();
        vec![ParseError::Xml {
            location: Location {
                file: file.clone(),
                line: pos.row,
                column: pos.col,
            },
            message,
        }]
    })?;
    let mut p = Parser {
        file,
        doc: &doc,
        errors: Vec::new(),
    };
    let schema = p.schema(doc.root_element());
    if p.errors.is_empty() {
        Ok(schema)
    } else {
        Err(p.errors)
    }
}

struct Parser<'d, 'i> {
    file: Arc<PathBuf>,
    doc: &'d Document<'i>,
    errors: Vec<ParseError>,
}

/// A node's name as written in the schema, `xs:element` for XSD elements.
fn construct(node: Node<'_, '_>) -> String {
    if node.tag_name().namespace() == Some(XS) {
        format!("xs:{}", node.tag_name().name())
    } else {
        node.tag_name().name().to_string()
    }
}

impl<'i> Parser<'_, 'i> {
    fn location(&self, node: Node<'_, 'i>) -> Location {
        let pos = self.doc.text_pos_at(node.range().start);
        Location {
            file: self.file.clone(),
            line: pos.row,
            column: pos.col,
        }
    }

    fn unsupported(&mut self, node: Node<'_, 'i>, construct: String, detail: &str) {
        let location = self.location(node);
        self.errors.push(ParseError::Unsupported {
            location,
            construct,
            detail: detail.to_string(),
        });
    }

    fn invalid(&mut self, node: Node<'_, 'i>, message: String) {
        let location = self.location(node);
        self.errors.push(ParseError::Invalid {
            location,
            construct: construct(node),
            message,
        });
    }

    /// Reports every attribute of `node` that is not in `allowed`. Attributes in a
    /// foreign namespace are annotations by the XSD rules, and are ignored.
    fn check_attributes(&mut self, node: Node<'_, 'i>, allowed: &[&str]) {
        for attr in node.attributes() {
            if attr.namespace().is_none() && !allowed.contains(&attr.name()) {
                let construct = format!("attribute {} on {}", attr.name(), construct(node));
                self.unsupported(node, construct, "this attribute is not supported yet");
            }
        }
    }

    /// The XSD element children of `node`, other than `xs:annotation`; anything
    /// else (elements of another namespace, non-whitespace text) is reported.
    fn children<'a>(&mut self, node: Node<'a, 'i>) -> Vec<Node<'a, 'i>> {
        let mut out = Vec::new();
        for child in node.children() {
            if child.is_element() {
                if child.tag_name().namespace() != Some(XS) {
                    self.invalid(
                        child,
                        format!("element {} outside the XSD namespace", construct(child)),
                    );
                } else if child.tag_name().name() != "annotation" {
                    out.push(child);
                }
            } else if child.is_text() && !child.text().unwrap_or("").trim().is_empty() {
                self.invalid(node, "text content where only elements may stand".into());
            }
        }
        out
    }

    fn required(&mut self, node: Node<'_, 'i>, attr: &str) -> Option<String> {
        match node.attribute(attr) {
            Some(v) => Some(v.to_string()),
            None => {
                self.invalid(node, format!("attribute `{attr}` is required"));
                None
            }
        }
    }

    fn qname(&mut self, node: Node<'_, 'i>, value: &str) -> Option<QName> {
        let (prefix, local) = match value.split_once(':') {
            Some((p, l)) => (Some(p), l),
            None => (None, value),
        };
        let namespace = node.lookup_namespace_uri(prefix).map(str::to_string);
        if prefix.is_some() && namespace.is_none() {
            self.invalid(
                node,
                format!(
                    "prefix `{}` of `{value}` is not declared",
                    prefix.unwrap_or("")
                ),
            );
            return None;
        }
        Some(QName {
            namespace,
            name: local.to_string(),
        })
    }

    fn form(&mut self, node: Node<'_, 'i>, attr: &str) -> Option<Form> {
        match node.attribute(attr)? {
            "qualified" => Some(Form::Qualified),
            "unqualified" => Some(Form::Unqualified),
            other => {
                self.invalid(
                    node,
                    format!("`{attr}` must be qualified or unqualified, not `{other}`"),
                );
                None
            }
        }
    }

    fn schema(&mut self, root: Node<'_, 'i>) -> Schema {
        let mut schema = Schema {
            file: self.file.clone(),
            target_namespace: None,
            element_form_default: Form::Unqualified,
            target_prefix: None,
            elements: Vec::new(),
            complex_types: Vec::new(),
            simple_types: Vec::new(),
        };
        if root.tag_name().namespace() != Some(XS) || root.tag_name().name() != "schema" {
            self.invalid(root, "the root element must be xs:schema".into());
            return schema;
        }
        self.check_attributes(
            root,
            &[
                "targetNamespace",
                "elementFormDefault",
                "attributeFormDefault",
                "version",
                "id",
            ],
        );
        schema.target_namespace = root.attribute("targetNamespace").map(str::to_string);
        schema.element_form_default = self
            .form(root, "elementFormDefault")
            .unwrap_or(Form::Unqualified);
        if let Some(tns) = &schema.target_namespace {
            schema.target_prefix = root
                .namespaces()
                .filter(|ns| ns.uri() == tns)
                .filter_map(|ns| ns.name())
                .min()
                .map(str::to_string);
        }
        for child in self.children(root) {
            match child.tag_name().name() {
                "element" => {
                    if let Some(e) = self.element(child, true) {
                        schema.elements.push(e);
                    }
                }
                "complexType" => {
                    if let Some(t) = self.complex_type(child, true) {
                        schema.complex_types.push(t);
                    }
                }
                "simpleType" => {
                    if let Some(t) = self.simple_type(child, true) {
                        schema.simple_types.push(t);
                    }
                }
                _ => self.unsupported(
                    child,
                    construct(child),
                    "not supported at the top level of a schema yet",
                ),
            }
        }
        schema
    }

    fn occurs(&mut self, node: Node<'_, 'i>) -> Occurs {
        let mut occurs = Occurs::default();
        if let Some(v) = node.attribute("minOccurs") {
            match v.trim().parse() {
                Ok(n) => occurs.min = n,
                Err(_) => self.invalid(node, format!("minOccurs `{v}` is not a count")),
            }
        }
        if let Some(v) = node.attribute("maxOccurs") {
            match v.trim() {
                "unbounded" => occurs.max = None,
                n => match n.parse() {
                    Ok(n) => occurs.max = Some(n),
                    Err(_) => self.invalid(
                        node,
                        format!("maxOccurs `{v}` is neither a count nor `unbounded`"),
                    ),
                },
            }
        }
        if let Some(max) = occurs.max {
            if max < occurs.min {
                self.invalid(
                    node,
                    format!("maxOccurs {max} is less than minOccurs {}", occurs.min),
                );
            } else if max == 0 {
                self.unsupported(
                    node,
                    "maxOccurs=\"0\"".into(),
                    "a prohibited element has no Rust field",
                );
            }
        }
        occurs
    }

    fn element(&mut self, node: Node<'_, 'i>, global: bool) -> Option<Element> {
        if node.has_attribute("ref") {
            self.unsupported(
                node,
                "attribute ref on xs:element".into(),
                "element references are not supported yet; declare the element locally",
            );
            return None;
        }
        let allowed: &[&str] = if global {
            &["name", "type", "id"]
        } else {
            &["name", "type", "minOccurs", "maxOccurs", "form", "id"]
        };
        self.check_attributes(node, allowed);
        let name = self.required(node, "name")?;
        let occurs = if global {
            Occurs::default()
        } else {
            self.occurs(node)
        };
        let form = self.form(node, "form");
        let mut ty = match node.attribute("type") {
            Some(t) => ElementType::Named(self.qname(node, t)?),
            None => ElementType::Any,
        };
        for child in self.children(node) {
            let inline = match child.tag_name().name() {
                "complexType" => self
                    .complex_type(child, false)
                    .map(|t| ElementType::Complex(Box::new(t))),
                "simpleType" => self
                    .simple_type(child, false)
                    .map(|t| ElementType::Simple(Box::new(t))),
                _ => {
                    self.unsupported(
                        child,
                        construct(child),
                        "not supported inside xs:element yet",
                    );
                    None
                }
            };
            if let Some(inline) = inline {
                if ty != ElementType::Any {
                    self.invalid(
                        child,
                        format!("element `{name}` has both a type attribute and an inline type"),
                    );
                }
                ty = inline;
            }
        }
        Some(Element {
            name,
            ty,
            occurs,
            form,
            doc: documentation(node),
            location: self.location(node),
        })
    }

    fn complex_type(&mut self, node: Node<'_, 'i>, global: bool) -> Option<ComplexType> {
        self.check_attributes(node, if global { &["name", "id"] } else { &["id"] });
        let name = if global {
            Some(self.required(node, "name")?)
        } else {
            None
        };
        let mut sequence = Vec::new();
        let mut seen_content = false;
        for child in self.children(node) {
            match child.tag_name().name() {
                "sequence" if !seen_content => {
                    seen_content = true;
                    self.check_attributes(child, &["id"]);
                    for item in self.children(child) {
                        if item.tag_name().name() == "element" {
                            if let Some(e) = self.element(item, false) {
                                sequence.push(e);
                            }
                        } else {
                            self.unsupported(
                                item,
                                construct(item),
                                "not supported inside xs:sequence yet",
                            );
                        }
                    }
                }
                "sequence" => self.invalid(child, "a complex type has one content model".into()),
                _ => self.unsupported(
                    child,
                    construct(child),
                    "not supported inside xs:complexType yet",
                ),
            }
        }
        Some(ComplexType {
            name,
            sequence,
            doc: documentation(node),
            location: self.location(node),
        })
    }

    fn simple_type(&mut self, node: Node<'_, 'i>, global: bool) -> Option<SimpleType> {
        self.check_attributes(node, if global { &["name", "id"] } else { &["id"] });
        let name = if global {
            Some(self.required(node, "name")?)
        } else {
            None
        };
        let children = self.children(node);
        let Some(&restriction) = children.first() else {
            self.invalid(node, "a simple type needs an xs:restriction".into());
            return None;
        };
        if restriction.tag_name().name() != "restriction" {
            self.unsupported(
                restriction,
                construct(restriction),
                "only xs:restriction is supported in xs:simpleType yet",
            );
            return None;
        }
        for extra in &children[1..] {
            self.invalid(*extra, "a simple type has one derivation".into());
        }
        self.check_attributes(restriction, &["base", "id"]);
        let base = self.required(restriction, "base")?;
        let base = self.qname(restriction, &base)?;
        let mut enumerations = Vec::new();
        for facet in self.children(restriction) {
            match facet.tag_name().name() {
                "enumeration" => {
                    self.check_attributes(facet, &["value", "id"]);
                    if let Some(value) = self.required(facet, "value") {
                        enumerations.push(Enumeration {
                            value,
                            doc: documentation(facet),
                            location: self.location(facet),
                        });
                    }
                }
                // Facets that only narrow the lexical space: the value keeps its base type.
                "pattern" | "length" | "minLength" | "maxLength" | "minInclusive"
                | "maxInclusive" | "minExclusive" | "maxExclusive" | "totalDigits"
                | "fractionDigits" | "whiteSpace" => {
                    self.check_attributes(facet, &["value", "fixed", "id"]);
                    self.required(facet, "value");
                }
                _ => self.unsupported(
                    facet,
                    construct(facet),
                    "not supported inside xs:restriction yet",
                ),
            }
        }
        Some(SimpleType {
            name,
            base,
            enumerations,
            doc: documentation(node),
            location: self.location(node),
        })
    }
}

/// The text of the `xs:annotation/xs:documentation` children of `node`: lines
/// trimmed, blank runs folded, paragraphs of several documentation elements
/// separated by a blank line.
fn documentation(node: Node<'_, '_>) -> Option<String> {
    let mut paragraphs = Vec::new();
    for annotation in node
        .children()
        .filter(|c| c.tag_name().namespace() == Some(XS) && c.tag_name().name() == "annotation")
    {
        for doc in annotation.children().filter(|c| {
            c.tag_name().namespace() == Some(XS) && c.tag_name().name() == "documentation"
        }) {
            let text: String = doc
                .descendants()
                .filter(|n| n.is_text())
                .filter_map(|n| n.text())
                .collect();
            let mut lines: Vec<&str> = Vec::new();
            for line in text.lines().map(str::trim) {
                if !(line.is_empty() && lines.last().is_none_or(|l| l.is_empty())) {
                    lines.push(line);
                }
            }
            while lines.last().is_some_and(|l| l.is_empty()) {
                lines.pop();
            }
            if !lines.is_empty() {
                paragraphs.push(lines.join("\n"));
            }
        }
    }
    (!paragraphs.is_empty()).then(|| paragraphs.join("\n\n"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_str(text: &str) -> Result<Schema, Vec<ParseError>> {
        parse(Path::new("t.xsd"), text)
    }

    fn messages(text: &str) -> Vec<String> {
        parse_str(text)
            .unwrap_err()
            .iter()
            .map(ToString::to_string)
            .collect()
    }

    #[test]
    fn reads_elements_types_and_documentation() {
        let s = parse_str(
            r#"<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:t="urn:t"
                 targetNamespace="urn:t" elementFormDefault="qualified">
              <xs:element name="A">
                <xs:annotation><xs:documentation>
                   First line.
                   Second line.
                </xs:documentation></xs:annotation>
                <xs:complexType><xs:sequence>
                  <xs:element name="b" type="xs:int" minOccurs="0" maxOccurs="unbounded"/>
                </xs:sequence></xs:complexType>
              </xs:element>
              <xs:simpleType name="E"><xs:restriction base="xs:string">
                <xs:enumeration value="x"/><xs:enumeration value="y z"/>
              </xs:restriction></xs:simpleType>
            </xs:schema>"#,
        )
        .unwrap();
        assert_eq!(s.target_namespace.as_deref(), Some("urn:t"));
        assert_eq!(s.target_prefix.as_deref(), Some("t"));
        assert_eq!(s.element_form_default, Form::Qualified);
        let a = &s.elements[0];
        assert_eq!(a.doc.as_deref(), Some("First line.\nSecond line."));
        let ElementType::Complex(ct) = &a.ty else {
            panic!("inline complex type expected, got {:?}", a.ty)
        };
        let b = &ct.sequence[0];
        assert_eq!(b.occurs, Occurs { min: 0, max: None });
        assert_eq!(
            b.ty,
            ElementType::Named(QName {
                namespace: Some(XS.into()),
                name: "int".into()
            })
        );
        assert_eq!((b.location.line, b.location.column), (9, 19));
        let values: Vec<_> = s.simple_types[0]
            .enumerations
            .iter()
            .map(|e| e.value.as_str())
            .collect();
        assert_eq!(values, ["x", "y z"]);
    }

    #[test]
    fn reports_every_unsupported_construct_with_its_position() {
        let errors = messages(
            r#"<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
  <xs:complexType name="A"><xs:choice/></xs:complexType>
  <xs:element name="B" nillable="true" type="xs:string"/>
  <xs:attributeGroup name="G"/>
</xs:schema>"#,
        );
        assert_eq!(
            errors,
            [
                "t.xsd:2:28: unsupported construct `xs:choice`: not supported inside xs:complexType yet",
                "t.xsd:3:3: unsupported construct `attribute nillable on xs:element`: this attribute is not supported yet",
                "t.xsd:4:3: unsupported construct `xs:attributeGroup`: not supported at the top level of a schema yet",
            ]
        );
    }

    #[test]
    fn malformed_xml_is_located() {
        let errors = messages(
            "<xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\">\n  <xs:element name=\"A\">\n</xs:schema>",
        );
        assert_eq!(
            errors,
            ["t.xsd:3:1: malformed XML: expected 'xs:element' tag, not 'xs:schema'"]
        );
    }

    #[test]
    fn invalid_occurs_and_undeclared_prefix() {
        let errors = messages(
            r#"<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
  <xs:complexType name="A"><xs:sequence>
    <xs:element name="a" type="xs:string" minOccurs="2" maxOccurs="1"/>
    <xs:element name="b" type="q:T"/>
  </xs:sequence></xs:complexType>
</xs:schema>"#,
        );
        assert_eq!(
            errors,
            [
                "t.xsd:3:5: invalid `xs:element`: maxOccurs 1 is less than minOccurs 2",
                "t.xsd:4:5: invalid `xs:element`: prefix `q` of `q:T` is not declared",
            ]
        );
    }
}
