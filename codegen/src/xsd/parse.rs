//! The parser: roxmltree nodes to the [`model`](super::model) types.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use roxmltree::{Document, Node, ParsingOptions};

use super::XS;
use super::model::*;
use crate::error::{Location, ParseError};

/// Reads and parses one schema file, in the encoding it declares (a byte
/// order mark, else its XML declaration's `encoding`, else UTF-8).
pub fn parse_file(path: &Path) -> Result<Schema, Vec<ParseError>> {
    let bytes = std::fs::read(path).map_err(|source| {
        vec![ParseError::Io {
            path: path.to_path_buf(),
            source,
        }]
    })?;
    let text = read_text(path, &bytes)?;
    parse(path, &text)
}

/// The text of schema file `path`, whose content is `bytes`.
pub(crate) fn read_text(path: &Path, bytes: &[u8]) -> Result<String, Vec<ParseError>> {
    super::decode::decode(bytes).map_err(|e| {
        let (line, column) = e.position.unwrap_or((1, 1));
        vec![ParseError::Encoding {
            location: Location {
                file: Arc::new(path.to_path_buf()),
                line,
                column,
            },
            message: e.message,
        }]
    })
}

/// Parses the text of one schema file; `path` is used in locations only.
///
/// A DOCTYPE is allowed: the entities of its internal subset are expanded,
/// nothing external is read (an external entity is unknown, an error where
/// it is used).
///
/// Returns every error found, not only the first.
pub fn parse(path: &Path, text: &str) -> Result<Schema, Vec<ParseError>> {
    let file = Arc::new(path.to_path_buf());
    let options = ParsingOptions {
        allow_dtd: true,
        ..ParsingOptions::default()
    };
    let doc = Document::parse_with_options(text, options).map_err(|e| {
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
        line_starts: std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect(),
        default_attributes: None,
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
    /// The byte offset at which each line starts: `Document::text_pos_at`
    /// counts lines from the start of the text at every call, which made
    /// parsing quadratic in the file's length.
    line_starts: Vec<usize>,
    /// The schema's `defaultAttributes` (XSD 1.1): the attribute group every
    /// complex type of this document refers to, unless it says
    /// `defaultAttributesApply="false"`.
    default_attributes: Option<QName>,
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

fn is_xs(node: Node<'_, '_>, name: &str) -> bool {
    node.tag_name().namespace() == Some(XS) && node.tag_name().name() == name
}

impl<'i> Parser<'_, 'i> {
    /// Where `node` starts, as `Document::text_pos_at` gives it: line and
    /// column (in characters) counted from 1.
    fn location(&self, node: Node<'_, 'i>) -> Location {
        let text = self.doc.input_text();
        let pos = node.range().start.min(text.len());
        let line = self.line_starts.partition_point(|&start| start <= pos) - 1;
        let column = text[self.line_starts[line]..pos].chars().count() + 1;
        Location {
            file: self.file.clone(),
            line: u32::try_from(line + 1).unwrap_or(u32::MAX),
            column: u32::try_from(column).unwrap_or(u32::MAX),
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

    fn not_here(&mut self, node: Node<'_, 'i>, parent: Node<'_, 'i>) {
        let detail = format!("not allowed or not supported inside {}", construct(parent));
        self.unsupported(node, construct(node), &detail);
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
            if attr.namespace().is_none() && !allowed.contains(&attr.name()) && attr.name() != "id"
            {
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
                if !versioning_includes(child) {
                    // Left out by XSD 1.1's conditional inclusion.
                } else if child.tag_name().namespace() != Some(XS) {
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
        let value = value.trim();
        let (prefix, local) = match value.split_once(':') {
            Some((p, l)) => (Some(p), l),
            None => (None, value),
        };
        if local.is_empty() || prefix == Some("") {
            self.invalid(node, format!("`{value}` is not a qualified name"));
            return None;
        }
        let namespace = match prefix {
            Some("xml") => Some(super::XML.to_string()),
            _ => node.lookup_namespace_uri(prefix).map(str::to_string),
        };
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

    /// An `xs:enumeration`: its value, and that value read as a QName
    /// where it stands (for a restriction of `xs:QName` or `xs:NOTATION`).
    fn enumeration(&mut self, node: Node<'_, 'i>) -> Option<Enumeration> {
        self.check_attributes(node, &["value"]);
        let value = self.required(node, "value")?;
        Some(Enumeration {
            qname: value_qname(node, &value),
            value,
            doc: documentation(node),
            location: self.location(node),
        })
    }

    fn qname_attr(&mut self, node: Node<'_, 'i>, attr: &str) -> Option<QName> {
        let value = node.attribute(attr)?;
        self.qname(node, value)
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

    fn boolean(&mut self, node: Node<'_, 'i>, attr: &str) -> bool {
        match node.attribute(attr).map(str::trim) {
            None | Some("false") | Some("0") => false,
            Some("true") | Some("1") => true,
            Some(other) => {
                self.invalid(node, format!("`{attr}` must be a boolean, not `{other}`"));
                false
            }
        }
    }

    fn schema(&mut self, root: Node<'_, 'i>) -> Schema {
        let mut schema = Schema {
            file: self.file.clone(),
            target_namespace: None,
            element_form_default: Form::Unqualified,
            attribute_form_default: Form::Unqualified,
            target_prefix: None,
            imports: Vec::new(),
            includes: Vec::new(),
            elements: Vec::new(),
            complex_types: Vec::new(),
            simple_types: Vec::new(),
            attributes: Vec::new(),
            attribute_groups: Vec::new(),
            groups: Vec::new(),
            notations: Vec::new(),
            redefinitions: Vec::new(),
            default_open_content: None,
        };
        if !is_xs(root, "schema") {
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
                "blockDefault",
                "finalDefault",
                "defaultAttributes",
                "xpathDefaultNamespace",
            ],
        );
        self.default_attributes = self.qname_attr(root, "defaultAttributes");
        schema.target_namespace = root.attribute("targetNamespace").map(str::to_string);
        schema.element_form_default = self
            .form(root, "elementFormDefault")
            .unwrap_or(Form::Unqualified);
        schema.attribute_form_default = self
            .form(root, "attributeFormDefault")
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
                "import" => {
                    self.check_attributes(child, &["namespace", "schemaLocation"]);
                    schema.imports.push(Import {
                        namespace: child.attribute("namespace").map(str::to_string),
                        schema_location: child.attribute("schemaLocation").map(str::to_string),
                        location: self.location(child),
                    });
                }
                "include" => {
                    self.check_attributes(child, &["schemaLocation"]);
                    if let Some(schema_location) = self.required(child, "schemaLocation") {
                        schema.includes.push(Include {
                            schema_location,
                            location: self.location(child),
                        });
                    }
                }
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
                "attribute" => {
                    if let Some(a) = self.attribute(child, true) {
                        schema.attributes.push(a);
                    }
                }
                "attributeGroup" => {
                    if let Some(g) = self.attribute_group(child) {
                        schema.attribute_groups.push(g);
                    }
                }
                "group" => {
                    if let Some(g) = self.group(child) {
                        schema.groups.push(g);
                    }
                }
                "notation" => schema.notations.extend(self.notation(child)),
                "redefine" | "override" => schema.redefinitions.extend(self.redefinition(child)),
                "defaultOpenContent" => {
                    schema.default_open_content = self.open_content(child);
                }
                _ => self.not_here(child, root),
            }
        }
        schema
    }

    fn notation(&mut self, node: Node<'_, 'i>) -> Option<Notation> {
        self.check_attributes(node, &["name", "public", "system"]);
        for child in self.children(node) {
            self.not_here(child, node);
        }
        if !node.has_attribute("public") && !node.has_attribute("system") {
            self.invalid(node, "a notation needs `public` or `system`".into());
        }
        Some(Notation {
            name: self.required(node, "name")?,
            public: node.attribute("public").map(str::to_string),
            system: node.attribute("system").map(str::to_string),
            location: self.location(node),
        })
    }

    /// `xs:redefine` or `xs:override`, with the components it holds.
    fn redefinition(&mut self, node: Node<'_, 'i>) -> Option<Redefinition> {
        self.check_attributes(node, &["schemaLocation"]);
        let redefine = node.tag_name().name() == "redefine";
        let mut c = Components::default();
        for child in self.children(node) {
            match child.tag_name().name() {
                "simpleType" => c.simple_types.extend(self.simple_type(child, true)),
                "complexType" => c.complex_types.extend(self.complex_type(child, true)),
                "group" => c.groups.extend(self.group(child)),
                "attributeGroup" => c.attribute_groups.extend(self.attribute_group(child)),
                "element" if !redefine => c.elements.extend(self.element(child, true)),
                "attribute" if !redefine => c.attributes.extend(self.attribute(child, true)),
                "notation" if !redefine => c.notations.extend(self.notation(child)),
                _ => self.not_here(child, node),
            }
        }
        Some(Redefinition {
            kind: if redefine {
                RedefinitionKind::Redefine
            } else {
                RedefinitionKind::Override
            },
            schema_location: self.required(node, "schemaLocation")?,
            location: self.location(node),
            components: c,
        })
    }

    /// `xs:openContent` or `xs:defaultOpenContent` (XSD 1.1).
    fn open_content(&mut self, node: Node<'_, 'i>) -> Option<OpenContent> {
        let default = node.tag_name().name() == "defaultOpenContent";
        self.check_attributes(
            node,
            if default {
                &["mode", "appliesToEmpty"]
            } else {
                &["mode"]
            },
        );
        let mode = node.attribute("mode").unwrap_or("interleave").trim();
        let allowed: &[&str] = if default {
            &["interleave", "suffix"]
        } else {
            &["interleave", "suffix", "none"]
        };
        if !allowed.contains(&mode) {
            self.invalid(
                node,
                format!("mode must be one of {}, not `{mode}`", allowed.join(", ")),
            );
            return None;
        }
        let mut wildcard = None;
        for child in self.children(node) {
            if is_xs(child, "any") && wildcard.is_none() {
                if child.has_attribute("minOccurs") || child.has_attribute("maxOccurs") {
                    self.invalid(
                        child,
                        "the wildcard of open content has no occurrence".into(),
                    );
                }
                wildcard = Some(self.wildcard(child, false));
            } else {
                self.not_here(child, node);
            }
        }
        if wildcard.is_none() && mode != "none" {
            self.invalid(node, "open content needs an xs:any".into());
        }
        Some(OpenContent {
            mode: mode.to_string(),
            wildcard,
            applies_to_empty: self.boolean(node, "appliesToEmpty"),
            location: self.location(node),
        })
    }

    /// `xs:assert` of a complex type.
    fn assertion(&mut self, node: Node<'_, 'i>) -> Option<Assertion> {
        self.check_attributes(node, &["test", "xpathDefaultNamespace"]);
        for child in self.children(node) {
            self.not_here(child, node);
        }
        Some(Assertion {
            test: self.required(node, "test")?,
            location: self.location(node),
        })
    }

    /// `minOccurs` and `maxOccurs`. Counts beyond `u32` are as good as
    /// unbounded (no document holds that many elements): `minOccurs` is
    /// capped, `maxOccurs` becomes unbounded. `maxOccurs="0"` is a particle
    /// that contributes nothing (resolve leaves it out).
    fn occurs(&mut self, node: Node<'_, 'i>) -> Occurs {
        let count = |v: &str| -> Option<u64> {
            let v = v.trim();
            let digits = v.strip_prefix('+').unwrap_or(v);
            (!digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()))
                .then(|| digits.parse::<u64>().unwrap_or(u64::MAX))
        };
        let mut occurs = Occurs::default();
        if let Some(v) = node.attribute("minOccurs") {
            match count(v) {
                Some(n) => occurs.min = u32::try_from(n).unwrap_or(u32::MAX),
                None => self.invalid(node, format!("minOccurs `{v}` is not a count")),
            }
        }
        if let Some(v) = node.attribute("maxOccurs") {
            match v.trim() {
                "unbounded" => occurs.max = None,
                n => match count(n) {
                    Some(n) => occurs.max = u32::try_from(n).ok(),
                    None => self.invalid(
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
            }
        }
        occurs
    }

    fn element(&mut self, node: Node<'_, 'i>, global: bool) -> Option<Element> {
        let allowed: &[&str] = if global {
            &[
                "name",
                "type",
                "nillable",
                "default",
                "fixed",
                "abstract",
                "substitutionGroup",
                "block",
                "final",
            ]
        } else {
            &[
                "name",
                "ref",
                "type",
                "minOccurs",
                "maxOccurs",
                "form",
                "nillable",
                "default",
                "fixed",
                "block",
            ]
        };
        self.check_attributes(node, allowed);
        let reference = match node.attribute("ref") {
            Some(r) => Some(self.qname(node, r)?),
            None => None,
        };
        let name = match &reference {
            Some(r) => r.name.clone(),
            None => self.required(node, "name")?,
        };
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
        let mut alternatives = Vec::new();
        for child in self.children(node) {
            let inline = match child.tag_name().name() {
                "complexType" => self
                    .complex_type(child, false)
                    .map(|t| ElementType::Complex(Box::new(t))),
                "simpleType" => self
                    .simple_type(child, false)
                    .map(|t| ElementType::Simple(Box::new(t))),
                // Identity constraints constrain values; they add no structure.
                "unique" | "key" | "keyref" => None,
                "alternative" => {
                    alternatives.extend(self.alternative(child));
                    None
                }
                _ => {
                    self.not_here(child, node);
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
        if reference.is_some() && (ty != ElementType::Any || node.has_attribute("name")) {
            self.invalid(
                node,
                "an element reference has no name or type of its own".into(),
            );
        }
        // XSD 1.1: a list of heads.
        let mut heads = Vec::new();
        for head in node
            .attribute("substitutionGroup")
            .unwrap_or("")
            .split_whitespace()
        {
            heads.extend(self.qname(node, head));
        }
        Some(Element {
            name,
            reference,
            ty,
            occurs,
            form,
            nillable: self.boolean(node, "nillable"),
            default: node.attribute("default").map(str::to_string),
            fixed: node.attribute("fixed").map(str::to_string),
            is_abstract: self.boolean(node, "abstract"),
            substitution_group: heads.first().cloned(),
            more_substitution_groups: heads.into_iter().skip(1).collect(),
            alternatives,
            doc: documentation(node),
            location: self.location(node),
        })
    }

    fn complex_type(&mut self, node: Node<'_, 'i>, global: bool) -> Option<ComplexType> {
        let allowed: &[&str] = if global {
            &[
                "name",
                "abstract",
                "mixed",
                "block",
                "final",
                "defaultAttributesApply",
            ]
        } else {
            &["mixed", "defaultAttributesApply"]
        };
        self.check_attributes(node, allowed);
        let name = if global {
            Some(self.required(node, "name")?)
        } else {
            None
        };
        let mut t = ComplexType {
            name,
            content: Content::Particle(None),
            attributes: Vec::new(),
            any_attribute: None,
            is_abstract: self.boolean(node, "abstract"),
            mixed: self.boolean(node, "mixed"),
            asserts: Vec::new(),
            open_content: None,
            doc: documentation(node),
            location: self.location(node),
        };
        let mut seen_content = false;
        for child in self.children(node) {
            let name = child.tag_name().name();
            match name {
                "sequence" | "choice" | "all" | "group" | "simpleContent" | "complexContent"
                    if seen_content =>
                {
                    self.invalid(child, "a complex type has one content model".into());
                }
                "sequence" | "choice" | "all" | "group" => {
                    seen_content = true;
                    t.content = Content::Particle(self.particle(child));
                }
                "simpleContent" | "complexContent" => {
                    seen_content = true;
                    if let Some(content) = self.derived_content(child, &mut t) {
                        t.content = content;
                    }
                }
                "assert" => t.asserts.extend(self.assertion(child)),
                "openContent" => t.open_content = self.open_content(child),
                _ => self.attribute_item(child, node, &mut t.attributes, &mut t.any_attribute),
            }
        }
        let applies = node.attribute("defaultAttributesApply").map(str::trim);
        if applies.is_some() {
            // Checked as a boolean.
            self.boolean(node, "defaultAttributesApply");
        }
        if let Some(group) = &self.default_attributes {
            if !matches!(applies, Some("false" | "0")) {
                t.attributes.push(AttributeUse::GroupRef {
                    name: group.clone(),
                    location: t.location.clone(),
                });
            }
        }
        Some(t)
    }

    /// `xs:alternative` of an element (XSD 1.1).
    fn alternative(&mut self, node: Node<'_, 'i>) -> Option<Alternative> {
        self.check_attributes(node, &["test", "type", "xpathDefaultNamespace"]);
        let mut ty = match node.attribute("type") {
            Some(t) => ElementType::Named(self.qname(node, t)?),
            None => ElementType::Any,
        };
        for child in self.children(node) {
            match child.tag_name().name() {
                "complexType" if ty == ElementType::Any => {
                    if let Some(t) = self.complex_type(child, false) {
                        ty = ElementType::Complex(Box::new(t));
                    }
                }
                "simpleType" if ty == ElementType::Any => {
                    if let Some(t) = self.simple_type(child, false) {
                        ty = ElementType::Simple(Box::new(t));
                    }
                }
                _ => self.not_here(child, node),
            }
        }
        Some(Alternative {
            test: node.attribute("test").map(str::to_string),
            ty,
            location: self.location(node),
        })
    }

    /// An attribute, attribute group reference or `xs:anyAttribute` of a complex
    /// type, an extension or restriction, or an attribute group.
    fn attribute_item(
        &mut self,
        child: Node<'_, 'i>,
        parent: Node<'_, 'i>,
        attributes: &mut Vec<AttributeUse>,
        any_attribute: &mut Option<Wildcard>,
    ) {
        match child.tag_name().name() {
            "attribute" => {
                if let Some(a) = self.attribute(child, false) {
                    attributes.push(AttributeUse::Attribute(a));
                }
            }
            "attributeGroup" => {
                self.check_attributes(child, &["ref"]);
                if let Some(r) = self.required(child, "ref") {
                    if let Some(name) = self.qname(child, &r) {
                        attributes.push(AttributeUse::GroupRef {
                            name,
                            location: self.location(child),
                        });
                    }
                }
            }
            "anyAttribute" => *any_attribute = Some(self.wildcard(child, false)),
            _ => self.not_here(child, parent),
        }
    }

    fn derived_content(&mut self, node: Node<'_, 'i>, t: &mut ComplexType) -> Option<Content> {
        let simple = node.tag_name().name() == "simpleContent";
        self.check_attributes(node, if simple { &[] } else { &["mixed"] });
        if self.boolean(node, "mixed") {
            t.mixed = true;
        }
        let children = self.children(node);
        let Some(&derivation_node) = children.first() else {
            self.invalid(node, "needs an xs:extension or xs:restriction".into());
            return None;
        };
        for extra in &children[1..] {
            self.invalid(*extra, "a content model has one derivation".into());
        }
        let derivation = match derivation_node.tag_name().name() {
            "extension" => Derivation::Extension,
            "restriction" => Derivation::Restriction,
            _ => {
                self.not_here(derivation_node, node);
                return None;
            }
        };
        self.check_attributes(derivation_node, &["base"]);
        let base = self.required(derivation_node, "base")?;
        let base = self.qname(derivation_node, &base)?;
        let mut particle = None;
        let mut facets = Vec::new();
        let mut enumerations = Vec::new();
        let mut inline = None;
        for child in self.children(derivation_node) {
            match child.tag_name().name() {
                "sequence" | "choice" | "all" | "group" if !simple => {
                    if particle.is_some() {
                        self.invalid(child, "a derivation has one content model".into());
                    }
                    particle = self.particle(child);
                }
                // The values of a simpleContent restriction, and its
                // own simple type: the text's type.
                "enumeration" if simple && derivation == Derivation::Restriction => {
                    enumerations.extend(self.enumeration(child));
                }
                "simpleType" if simple && derivation == Derivation::Restriction => {
                    inline = self.simple_type(child, false).map(Box::new);
                }
                // Facets of a simpleContent restriction narrow the value only.
                "pattern" | "length" | "minLength" | "maxLength" | "minInclusive"
                | "maxInclusive" | "minExclusive" | "maxExclusive" | "totalDigits"
                | "fractionDigits" | "whiteSpace" | "explicitTimezone" | "assertion"
                    if simple && derivation == Derivation::Restriction =>
                {
                    facets.extend(self.facet(child));
                }
                "assert" => t.asserts.extend(self.assertion(child)),
                "openContent" if !simple => t.open_content = self.open_content(child),
                _ => self.attribute_item(
                    child,
                    derivation_node,
                    &mut t.attributes,
                    &mut t.any_attribute,
                ),
            }
        }
        Some(if simple {
            Content::Simple {
                derivation,
                base,
                facets,
                enumerations,
                inline,
            }
        } else {
            Content::Complex {
                derivation,
                base,
                particle,
            }
        })
    }

    /// A sequence, choice, all, group reference, element or any.
    fn particle(&mut self, node: Node<'_, 'i>) -> Option<Particle> {
        let name = node.tag_name().name();
        match name {
            "element" => self.element(node, false).map(Particle::Element),
            "any" => Some(Particle::Any(self.wildcard(node, true))),
            "group" => {
                self.check_attributes(node, &["ref", "minOccurs", "maxOccurs"]);
                let r = self.required(node, "ref")?;
                let name = self.qname(node, &r)?;
                Some(Particle::GroupRef {
                    name,
                    occurs: self.occurs(node),
                    location: self.location(node),
                })
            }
            "sequence" | "choice" | "all" => {
                self.check_attributes(node, &["minOccurs", "maxOccurs"]);
                let occurs = self.occurs(node);
                let mut particles = Vec::new();
                for child in self.children(node) {
                    let allowed = match (name, child.tag_name().name()) {
                        // XSD 1.1 allows wildcards and group references in an all.
                        ("all", "element" | "any" | "group") => true,
                        ("all", _) => false,
                        (_, "element" | "any" | "group" | "sequence" | "choice") => true,
                        _ => false,
                    };
                    if !allowed {
                        self.not_here(child, node);
                    } else if let Some(p) = self.particle(child) {
                        particles.push(p);
                    }
                }
                let group = ModelGroup {
                    occurs,
                    particles,
                    location: self.location(node),
                };
                Some(match name {
                    "sequence" => Particle::Sequence(group),
                    "choice" => Particle::Choice(group),
                    _ => Particle::All(group),
                })
            }
            _ => {
                let parent = node.parent_element().unwrap_or(node);
                self.not_here(node, parent);
                None
            }
        }
    }

    fn wildcard(&mut self, node: Node<'_, 'i>, element: bool) -> Wildcard {
        let allowed: &[&str] = if element {
            &[
                "namespace",
                "processContents",
                "minOccurs",
                "maxOccurs",
                "notNamespace",
                "notQName",
            ]
        } else {
            &["namespace", "processContents", "notNamespace", "notQName"]
        };
        self.check_attributes(node, allowed);
        let process_contents = node.attribute("processContents").unwrap_or("strict");
        if !matches!(process_contents, "strict" | "lax" | "skip") {
            self.invalid(
                node,
                format!("processContents must be strict, lax or skip, not `{process_contents}`"),
            );
        }
        for child in self.children(node) {
            self.not_here(child, node);
        }
        if node.has_attribute("namespace") && node.has_attribute("notNamespace") {
            self.invalid(
                node,
                "a wildcard has `namespace` or `notNamespace`, not both".into(),
            );
        }
        let words = |attr: &str| -> Vec<String> {
            node.attribute(attr)
                .unwrap_or("")
                .split_whitespace()
                .map(str::to_string)
                .collect()
        };
        Wildcard {
            occurs: if element {
                self.occurs(node)
            } else {
                Occurs::ONCE
            },
            namespace: node.attribute("namespace").unwrap_or("##any").to_string(),
            process_contents: process_contents.to_string(),
            not_namespace: words("notNamespace"),
            not_qname: words("notQName"),
            location: self.location(node),
        }
    }

    fn group(&mut self, node: Node<'_, 'i>) -> Option<Group> {
        self.check_attributes(node, &["name"]);
        let name = self.required(node, "name")?;
        let children = self.children(node);
        let [child] = children[..] else {
            self.invalid(node, "a group holds one sequence, choice or all".into());
            return None;
        };
        if !matches!(child.tag_name().name(), "sequence" | "choice" | "all") {
            self.not_here(child, node);
            return None;
        }
        if child.has_attribute("minOccurs") || child.has_attribute("maxOccurs") {
            self.invalid(
                child,
                "the particle of a group definition has no occurrence".into(),
            );
        }
        Some(Group {
            name,
            particle: self.particle(child)?,
            location: self.location(node),
        })
    }

    fn attribute(&mut self, node: Node<'_, 'i>, global: bool) -> Option<Attribute> {
        let allowed: &[&str] = if global {
            &["name", "type", "default", "fixed", "inheritable"]
        } else {
            &[
                "name",
                "ref",
                "type",
                "use",
                "default",
                "fixed",
                "form",
                "inheritable",
            ]
        };
        self.check_attributes(node, allowed);
        let reference = match node.attribute("ref") {
            Some(r) => Some(self.qname(node, r)?),
            None => None,
        };
        let name = match &reference {
            Some(r) => r.name.clone(),
            None => self.required(node, "name")?,
        };
        let use_ = match node.attribute("use").map(str::trim) {
            None | Some("optional") => Use::Optional,
            Some("required") => Use::Required,
            Some("prohibited") => Use::Prohibited,
            Some(other) => {
                self.invalid(
                    node,
                    format!("use must be optional, required or prohibited, not `{other}`"),
                );
                Use::Optional
            }
        };
        let mut ty = match node.attribute("type") {
            Some(t) => Some(SimpleRef::Named(self.qname(node, t)?)),
            None => None,
        };
        for child in self.children(node) {
            if is_xs(child, "simpleType") && ty.is_none() {
                ty = self
                    .simple_type(child, false)
                    .map(|t| SimpleRef::Inline(Box::new(t)));
            } else {
                self.not_here(child, node);
            }
        }
        Some(Attribute {
            name,
            reference,
            ty,
            use_,
            default: node.attribute("default").map(str::to_string),
            fixed: node.attribute("fixed").map(str::to_string),
            form: self.form(node, "form"),
            doc: documentation(node),
            location: self.location(node),
        })
    }

    fn attribute_group(&mut self, node: Node<'_, 'i>) -> Option<AttributeGroup> {
        self.check_attributes(node, &["name"]);
        let name = self.required(node, "name")?;
        let mut group = AttributeGroup {
            name,
            attributes: Vec::new(),
            any_attribute: None,
            location: self.location(node),
        };
        for child in self.children(node) {
            self.attribute_item(child, node, &mut group.attributes, &mut group.any_attribute);
        }
        Some(group)
    }

    fn simple_type(&mut self, node: Node<'_, 'i>, global: bool) -> Option<SimpleType> {
        self.check_attributes(node, if global { &["name", "final"] } else { &[] });
        let name = if global {
            Some(self.required(node, "name")?)
        } else {
            None
        };
        let children = self.children(node);
        let Some(&derivation) = children.first() else {
            self.invalid(
                node,
                "a simple type needs an xs:restriction, xs:list or xs:union".into(),
            );
            return None;
        };
        for extra in &children[1..] {
            self.invalid(*extra, "a simple type has one derivation".into());
        }
        let content = match derivation.tag_name().name() {
            "restriction" => self.restriction(derivation)?,
            "list" => {
                self.check_attributes(derivation, &["itemType"]);
                let item = self.simple_ref(derivation, "itemType")?;
                SimpleContent::List { item }
            }
            "union" => {
                self.check_attributes(derivation, &["memberTypes"]);
                let mut members = Vec::new();
                for member in derivation
                    .attribute("memberTypes")
                    .unwrap_or("")
                    .split_whitespace()
                {
                    members.extend(self.qname(derivation, member).map(SimpleRef::Named));
                }
                for child in self.children(derivation) {
                    if is_xs(child, "simpleType") {
                        members.extend(
                            self.simple_type(child, false)
                                .map(|t| SimpleRef::Inline(Box::new(t))),
                        );
                    } else {
                        self.not_here(child, derivation);
                    }
                }
                if members.is_empty() {
                    self.invalid(derivation, "a union needs member types".into());
                }
                SimpleContent::Union { members }
            }
            _ => {
                self.not_here(derivation, node);
                return None;
            }
        };
        Some(SimpleType {
            name,
            content,
            doc: documentation(node),
            location: self.location(node),
        })
    }

    /// The type named by attribute `attr` of `node`, or its one inline `xs:simpleType`.
    fn simple_ref(&mut self, node: Node<'_, 'i>, attr: &str) -> Option<SimpleRef> {
        let mut found = match node.attribute(attr) {
            Some(v) => Some(SimpleRef::Named(self.qname(node, v)?)),
            None => None,
        };
        for child in self.children(node) {
            if is_xs(child, "simpleType") && found.is_none() {
                found = self
                    .simple_type(child, false)
                    .map(|t| SimpleRef::Inline(Box::new(t)));
            } else if !matches!(node.tag_name().name(), "restriction") {
                self.not_here(child, node);
            }
        }
        if found.is_none() {
            self.invalid(
                node,
                format!("needs attribute `{attr}` or an inline xs:simpleType"),
            );
        }
        found
    }

    fn restriction(&mut self, node: Node<'_, 'i>) -> Option<SimpleContent> {
        self.check_attributes(node, &["base"]);
        let mut base = match node.attribute("base") {
            Some(v) => Some(SimpleRef::Named(self.qname(node, v)?)),
            None => None,
        };
        let mut enumerations = Vec::new();
        let mut facets = Vec::new();
        for facet in self.children(node) {
            match facet.tag_name().name() {
                "simpleType" if base.is_none() => {
                    base = self
                        .simple_type(facet, false)
                        .map(|t| SimpleRef::Inline(Box::new(t)));
                }
                "enumeration" => enumerations.extend(self.enumeration(facet)),
                _ => facets.extend(self.facet(facet)),
            }
        }
        let Some(base) = base else {
            self.invalid(
                node,
                "needs attribute `base` or an inline xs:simpleType".into(),
            );
            return None;
        };
        Some(SimpleContent::Restriction {
            base,
            enumerations,
            facets,
        })
    }

    /// A constraining facet, with its value checked where XSD fixes its form.
    fn facet(&mut self, node: Node<'_, 'i>) -> Option<Facet> {
        let kind = node.tag_name().name();
        if !matches!(
            kind,
            "pattern"
                | "length"
                | "minLength"
                | "maxLength"
                | "minInclusive"
                | "maxInclusive"
                | "minExclusive"
                | "maxExclusive"
                | "totalDigits"
                | "fractionDigits"
                | "whiteSpace"
                | "explicitTimezone"
                | "assertion"
        ) {
            let parent = node.parent_element().unwrap_or(node);
            self.not_here(node, parent);
            return None;
        }
        if kind == "assertion" {
            // XSD 1.1: an XPath test on the value, kept as the facet's value.
            let a = self.assertion(node)?;
            return Some(Facet {
                kind: kind.to_string(),
                value: a.test,
                location: a.location,
            });
        }
        self.check_attributes(node, &["value", "fixed"]);
        let value = self.required(node, "value")?;
        let valid = match kind {
            "length" | "minLength" | "maxLength" | "fractionDigits" => {
                value.trim().parse::<u64>().is_ok()
            }
            "totalDigits" => value.trim().parse::<u64>().is_ok_and(|n| n > 0),
            "whiteSpace" => matches!(value.trim(), "preserve" | "replace" | "collapse"),
            "explicitTimezone" => matches!(value.trim(), "optional" | "required" | "prohibited"),
            _ => true,
        };
        if !valid {
            self.invalid(
                node,
                format!("`{value}` is not a valid value for xs:{kind}"),
            );
            return None;
        }
        Some(Facet {
            kind: kind.to_string(),
            value,
            location: self.location(node),
        })
    }
}

/// The namespace of XSD 1.1's conditional inclusion (`vc:minVersion`, ...).
const VC: &str = "http://www.w3.org/2007/XMLSchema-versioning";

/// The built-in types of XSD 1.1, all available to `vc:typeAvailable`.
const BUILT_IN_TYPES: &[&str] = &[
    "anyType",
    "anySimpleType",
    "anyAtomicType",
    "string",
    "boolean",
    "decimal",
    "float",
    "double",
    "duration",
    "dateTime",
    "time",
    "date",
    "gYearMonth",
    "gYear",
    "gMonthDay",
    "gDay",
    "gMonth",
    "hexBinary",
    "base64Binary",
    "anyURI",
    "QName",
    "NOTATION",
    "normalizedString",
    "token",
    "language",
    "NMTOKEN",
    "NMTOKENS",
    "Name",
    "NCName",
    "ID",
    "IDREF",
    "IDREFS",
    "ENTITY",
    "ENTITIES",
    "integer",
    "nonPositiveInteger",
    "negativeInteger",
    "long",
    "int",
    "short",
    "byte",
    "nonNegativeInteger",
    "unsignedLong",
    "unsignedInt",
    "unsignedShort",
    "unsignedByte",
    "positiveInteger",
    "yearMonthDuration",
    "dayTimeDuration",
    "dateTimeStamp",
    "error",
];

/// The facets of XSD 1.1, all available to `vc:facetAvailable`.
const FACETS: &[&str] = &[
    "length",
    "minLength",
    "maxLength",
    "pattern",
    "enumeration",
    "whiteSpace",
    "maxInclusive",
    "maxExclusive",
    "minExclusive",
    "minInclusive",
    "totalDigits",
    "fractionDigits",
    "assertion",
    "explicitTimezone",
];

/// Whether `node` stays in the schema under XSD 1.1's conditional inclusion
/// (section 4.2.1 of XSD 1.1 part 1), as a processor of XSD 1.1 with its
/// built-in types and facets: `vc:minVersion` at most 1.1, `vc:maxVersion`
/// above it, every type of `vc:typeAvailable` and facet of
/// `vc:facetAvailable` known, and not every one of `vc:typeUnavailable` and
/// `vc:facetUnavailable`.
fn versioning_includes(node: Node<'_, '_>) -> bool {
    let version = |attr: &str| {
        node.attribute((VC, attr))
            .and_then(|v| v.trim().parse::<f64>().ok())
    };
    if version("minVersion").is_some_and(|v| v > 1.1)
        || version("maxVersion").is_some_and(|v| v <= 1.1)
    {
        return false;
    }
    let known = |attr: &str, names: &[&str]| -> Option<bool> {
        let list = node.attribute((VC, attr))?;
        Some(list.split_whitespace().all(|qname| {
            let (prefix, local) = match qname.split_once(':') {
                Some((p, l)) => (Some(p), l),
                None => (None, qname),
            };
            node.lookup_namespace_uri(prefix) == Some(XS) && names.contains(&local)
        }))
    };
    known("typeAvailable", BUILT_IN_TYPES) != Some(false)
        && known("typeUnavailable", BUILT_IN_TYPES) != Some(true)
        && known("facetAvailable", FACETS) != Some(false)
        && known("facetUnavailable", FACETS) != Some(true)
}

/// `value` read as an `xs:QName` value where `node` stands: its prefix
/// bound there, an unprefixed name in the default namespace if one is
/// declared (as XSD reads a QName value); `None` when it is no QName or its
/// prefix is not declared (it is then no value of a QName type: the
/// facet's check reports that).
fn value_qname(node: Node<'_, '_>, value: &str) -> Option<QName> {
    let value = value.trim_matches(|c| matches!(c, ' ' | '\t' | '\n' | '\r'));
    let (prefix, local) = match value.split_once(':') {
        Some((p, l)) => (Some(p), l),
        None => (None, value),
    };
    if local.is_empty() || local.contains(':') || prefix == Some("") {
        return None;
    }
    let namespace = match prefix {
        Some("xml") => Some(super::XML.to_string()),
        Some(p) => Some(node.lookup_namespace_uri(Some(p))?.to_string()),
        None => node
            .lookup_namespace_uri(None)
            .filter(|ns| !ns.is_empty())
            .map(str::to_string),
    };
    Some(QName {
        namespace,
        name: local.to_string(),
    })
}

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
        let Content::Particle(Some(Particle::Sequence(seq))) = &ct.content else {
            panic!("a sequence expected, got {:?}", ct.content)
        };
        let Particle::Element(b) = &seq.particles[0] else {
            panic!("an element expected")
        };
        assert_eq!(b.occurs, Occurs { min: 0, max: None });
        assert_eq!(
            b.ty,
            ElementType::Named(QName {
                namespace: Some(XS.into()),
                name: "int".into()
            })
        );
        assert_eq!((b.location.line, b.location.column), (9, 19));
        let SimpleContent::Restriction { enumerations, .. } = &s.simple_types[0].content else {
            panic!("a restriction expected")
        };
        let values: Vec<_> = enumerations.iter().map(|e| e.value.as_str()).collect();
        assert_eq!(values, ["x", "y z"]);
    }

    #[test]
    fn reports_every_unsupported_construct_with_its_position() {
        let errors = messages(
            r#"<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
  <xs:complexType name="A"><xs:choice><xs:attribute name="a"/></xs:choice></xs:complexType>
  <xs:element name="B" block="all" type="xs:string" wrong="true"/>
  <xs:sequence/>
</xs:schema>"#,
        );
        assert_eq!(
            errors,
            [
                "t.xsd:2:39: unsupported construct `xs:attribute`: not allowed or not supported inside xs:choice",
                "t.xsd:3:3: unsupported construct `attribute wrong on xs:element`: this attribute is not supported yet",
                "t.xsd:4:3: unsupported construct `xs:sequence`: not allowed or not supported inside xs:schema",
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
    fn a_doctype_is_read_with_its_internal_entities_and_nothing_external() {
        let s = parse_str(
            r#"<?xml version='1.0'?>
<!DOCTYPE xs:schema PUBLIC "-//W3C//DTD XSD 1.1//EN" "XMLSchema.dtd" [
<!ATTLIST xs:schema id ID #IMPLIED>
<!ENTITY ns "urn:from-the-subset">
]>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="&ns;">
  <xs:element name="A" type="xs:string"/>
</xs:schema>"#,
        )
        .unwrap();
        assert_eq!(s.target_namespace.as_deref(), Some("urn:from-the-subset"));
        assert_eq!(s.elements[0].location.line, 7);
        // An entity of the external DTD is not read: unknown where it is used.
        let errors = messages(
            r#"<!DOCTYPE xs:schema SYSTEM "x.dtd">
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="&ns;"/>"#,
        );
        assert_eq!(errors.len(), 1);
        assert!(errors[0].starts_with("t.xsd:2:"), "{errors:?}");
        assert!(
            errors[0].contains("unknown entity reference 'ns'"),
            "{errors:?}"
        );
    }

    #[test]
    fn files_in_utf16_and_declared_encodings_are_decoded() {
        let dir = tempfile::tempdir().unwrap();
        let text = "<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n\
            <xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\">\n\
            <xs:element name=\"Caf\u{e9}\" type=\"xs:string\"/></xs:schema>";
        let mut utf16 = vec![0xFF, 0xFE];
        utf16.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
        let path = dir.path().join("utf16.xsd");
        std::fs::write(&path, utf16).unwrap();
        let s = parse_file(&path).unwrap();
        assert_eq!(s.elements[0].name, "Caf\u{e9}");
        assert_eq!(
            (s.elements[0].location.line, s.elements[0].location.column),
            (3, 1)
        );
        let path = dir.path().join("latin1.xsd");
        std::fs::write(
            &path,
            b"<?xml version='1.0' encoding='ISO-8859-1'?>\n\
              <xs:schema xmlns:xs='http://www.w3.org/2001/XMLSchema'>\
              <xs:element name='Caf\xE9' type='xs:string'/></xs:schema>",
        )
        .unwrap();
        assert_eq!(parse_file(&path).unwrap().elements[0].name, "Caf\u{e9}");
        // Bytes that are not UTF-8, in a file that declares no encoding.
        let path = dir.path().join("bad.xsd");
        std::fs::write(&path, b"<xs:schema>\n  <!-- \xE9 --></xs:schema>").unwrap();
        let errors: Vec<String> = parse_file(&path)
            .unwrap_err()
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(
            errors,
            [format!(
                "{}:2:8: cannot decode schema: the file is not valid UTF-8",
                path.display()
            )]
        );
    }

    #[test]
    fn xsd_1_1_constructs_are_kept_in_the_model() {
        let s = parse_str(
            r###"<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:t="urn:t"
                 targetNamespace="urn:t" defaultAttributes="t:G" xpathDefaultNamespace="##local">
              <xs:defaultOpenContent mode="suffix" appliesToEmpty="true"><xs:any/></xs:defaultOpenContent>
              <xs:complexType name="A">
                <xs:openContent mode="none"/>
                <xs:sequence><xs:any notNamespace="##local urn:x" notQName="t:b ##defined"/></xs:sequence>
                <xs:attribute name="a" inheritable="true"/>
                <xs:anyAttribute notNamespace="##targetNamespace"/>
                <xs:assert test="@a"/>
              </xs:complexType>
              <xs:complexType name="B" defaultAttributesApply="false">
                <xs:simpleContent><xs:restriction base="t:C">
                  <xs:enumeration value="x"/><xs:explicitTimezone value="required"/>
                  <xs:assertion test="$value != 'y'"/>
                </xs:restriction></xs:simpleContent>
              </xs:complexType>
              <xs:element name="E" type="t:A" substitutionGroup="t:H t:I">
                <xs:alternative test="@k" type="t:B"/>
                <xs:alternative/>
              </xs:element>
            </xs:schema>"###,
        )
        .unwrap();
        let open = s.default_open_content.as_ref().unwrap();
        assert_eq!(
            (open.mode.as_str(), open.applies_to_empty),
            ("suffix", true)
        );
        let a = &s.complex_types[0];
        assert_eq!(a.open_content.as_ref().unwrap().mode, "none");
        assert_eq!(a.asserts[0].test, "@a");
        let Content::Particle(Some(Particle::Sequence(seq))) = &a.content else {
            panic!("a sequence expected")
        };
        let Particle::Any(any) = &seq.particles[0] else {
            panic!("a wildcard expected")
        };
        assert_eq!(any.not_namespace, ["##local", "urn:x"]);
        assert_eq!(any.not_qname, ["t:b", "##defined"]);
        assert_eq!(
            a.any_attribute.as_ref().unwrap().not_namespace,
            ["##targetNamespace"]
        );
        // defaultAttributes: the group is referred to by A, not by B.
        let group = |t: &ComplexType| {
            t.attributes
                .iter()
                .any(|u| matches!(u, AttributeUse::GroupRef { name, .. } if name.name == "G"))
        };
        assert!(group(a) && !group(&s.complex_types[1]));
        let Content::Simple {
            facets,
            enumerations,
            ..
        } = &s.complex_types[1].content
        else {
            panic!("simple content expected")
        };
        let kinds: Vec<(&str, &str)> = facets
            .iter()
            .map(|f| (f.kind.as_str(), f.value.as_str()))
            .collect();
        assert_eq!(
            kinds,
            [
                ("explicitTimezone", "required"),
                ("assertion", "$value != 'y'")
            ]
        );
        assert_eq!(enumerations.len(), 1);
        assert_eq!(enumerations[0].value, "x");
        let e = &s.elements[0];
        assert_eq!(e.substitution_group.as_ref().unwrap().name, "H");
        assert_eq!(e.more_substitution_groups[0].name, "I");
        assert_eq!(e.alternatives.len(), 2);
        assert_eq!(e.alternatives[0].test.as_deref(), Some("@k"));
        assert_eq!(e.alternatives[1].ty, ElementType::Any);
        // What XSD 1.1 forbids is still an error.
        let errors = messages(
            r###"<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
  <xs:complexType name="A"><xs:sequence><xs:any namespace="##any" notNamespace="##local"/></xs:sequence></xs:complexType>
  <xs:simpleType name="S"><xs:restriction base="xs:dateTime"><xs:explicitTimezone value="maybe"/></xs:restriction></xs:simpleType>
  <xs:defaultOpenContent mode="none"><xs:any/></xs:defaultOpenContent>
</xs:schema>"###,
        );
        assert_eq!(
            errors,
            [
                "t.xsd:2:41: invalid `xs:any`: a wildcard has `namespace` or `notNamespace`, not both",
                "t.xsd:3:62: invalid `xs:explicitTimezone`: `maybe` is not a valid value for xs:explicitTimezone",
                "t.xsd:4:3: invalid `xs:defaultOpenContent`: mode must be one of interleave, suffix, not `none`",
            ]
        );
    }

    #[test]
    fn conditional_inclusion_keeps_what_an_xsd_1_1_processor_keeps() {
        let s = parse_str(
            r#"<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"
                 xmlns:vc="http://www.w3.org/2007/XMLSchema-versioning" xmlns:x="urn:x">
              <xs:element name="E" type="xs:string" vc:minVersion="1.1"/>
              <xs:element name="E" type="xs:int" vc:maxVersion="1.1"/>
              <xs:element name="F" vc:minVersion="3.0"><x:future/></xs:element>
              <xs:element name="G" type="xs:string" vc:typeAvailable="xs:dateTimeStamp"/>
              <xs:element name="H" type="xs:string" vc:typeAvailable="x:precisionDecimal"/>
              <xs:element name="I" type="xs:string" vc:facetUnavailable="xs:maxScale"/>
              <xs:element name="J" type="xs:string" vc:facetAvailable="xs:pattern" vc:maxVersion="1.2"/>
            </xs:schema>"#,
        )
        .unwrap();
        let names: Vec<(&str, &str)> = s
            .elements
            .iter()
            .map(|e| {
                let ElementType::Named(t) = &e.ty else {
                    panic!("a named type expected")
                };
                (e.name.as_str(), t.name.as_str())
            })
            .collect();
        assert_eq!(
            names,
            [
                ("E", "string"),
                ("G", "string"),
                ("I", "string"),
                ("J", "string")
            ]
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
