//! The built-in catalog: copies of well-known W3C schemas that schemas
//! import by URL, so that nothing is fetched from the network.
//!
//! These are not the W3C's files: each is written here from its
//! specification, with the components a schema refers to (attributes and
//! attribute groups), and nothing the generator cannot use. A schema that
//! needs the whole document maps the URL to a local copy instead
//! (`Config::catalog`, `codegen --catalog URL=FILE`), which takes precedence.

/// A built-in schema document.
#[derive(Debug, PartialEq, Eq, Hash)]
pub(crate) struct Builtin {
    /// The URL its locations show (its usual `schemaLocation`).
    pub url: &'static str,
    /// The other URLs it is known by.
    pub aliases: &'static [&'static str],
    /// Its text.
    pub text: &'static str,
}

/// The `xml:` attributes, from Namespaces in XML, XML 1.0 (`xml:lang`,
/// `xml:space`), XML Base (`xml:base`) and xml:id (`xml:id`), and the
/// attribute group `xml:specialAttrs` of all four.
const XML: Builtin = Builtin {
    url: "http://www.w3.org/2001/xml.xsd",
    aliases: &[
        "http://www.w3.org/2001/03/xml.xsd",
        "http://www.w3.org/2004/10/xml.xsd",
        "http://www.w3.org/2005/08/xml.xsd",
        "http://www.w3.org/2007/08/xml.xsd",
        "http://www.w3.org/2009/01/xml.xsd",
        "http://www.w3.org/XML/1998/namespace.xsd",
    ],
    text: r#"<?xml version="1.0"?>
<!-- The xml: attributes, written for the generator's built-in catalog. -->
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"
           targetNamespace="http://www.w3.org/XML/1998/namespace">
  <xs:attribute name="lang">
    <xs:annotation><xs:documentation>The language of the element's content (BCP 47), or empty for none.</xs:documentation></xs:annotation>
    <xs:simpleType>
      <xs:union memberTypes="xs:language">
        <xs:simpleType>
          <xs:restriction base="xs:string">
            <xs:length value="0"/>
          </xs:restriction>
        </xs:simpleType>
      </xs:union>
    </xs:simpleType>
  </xs:attribute>
  <xs:attribute name="space">
    <xs:annotation><xs:documentation>Whether applications keep the element's whitespace.</xs:documentation></xs:annotation>
    <xs:simpleType>
      <xs:restriction base="xs:NCName">
        <xs:enumeration value="default"/>
        <xs:enumeration value="preserve"/>
      </xs:restriction>
    </xs:simpleType>
  </xs:attribute>
  <xs:attribute name="base" type="xs:anyURI">
    <xs:annotation><xs:documentation>The base URI of the element (XML Base).</xs:documentation></xs:annotation>
  </xs:attribute>
  <xs:attribute name="id" type="xs:ID">
    <xs:annotation><xs:documentation>The element's identifier (xml:id).</xs:documentation></xs:annotation>
  </xs:attribute>
  <xs:attributeGroup name="specialAttrs">
    <xs:attribute ref="xml:base"/>
    <xs:attribute ref="xml:lang"/>
    <xs:attribute ref="xml:space"/>
    <xs:attribute ref="xml:id"/>
  </xs:attributeGroup>
</xs:schema>
"#,
};

/// The global attributes of XLink 1.1 and its attribute groups per link
/// element type (`simpleAttrs`, `extendedAttrs`, `titleAttrs`,
/// `resourceAttrs`, `locatorAttrs`, `arcAttrs`). XLink's element
/// declarations and their types (mixed content) are left out.
const XLINK: Builtin = Builtin {
    url: "http://www.w3.org/XML/2008/06/xlink.xsd",
    aliases: &["http://www.w3.org/1999/xlink.xsd"],
    text: r#"<?xml version="1.0"?>
<!-- The XLink 1.1 attributes, written for the generator's built-in catalog. -->
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"
           xmlns:xlink="http://www.w3.org/1999/xlink"
           targetNamespace="http://www.w3.org/1999/xlink">
  <xs:attribute name="type" type="xlink:typeType"/>
  <xs:simpleType name="typeType">
    <xs:restriction base="xs:token">
      <xs:enumeration value="simple"/>
      <xs:enumeration value="extended"/>
      <xs:enumeration value="title"/>
      <xs:enumeration value="resource"/>
      <xs:enumeration value="locator"/>
      <xs:enumeration value="arc"/>
    </xs:restriction>
  </xs:simpleType>
  <xs:attribute name="href" type="xlink:hrefType"/>
  <xs:simpleType name="hrefType">
    <xs:restriction base="xs:anyURI"/>
  </xs:simpleType>
  <xs:attribute name="role" type="xlink:roleType"/>
  <xs:simpleType name="roleType">
    <xs:restriction base="xs:anyURI">
      <xs:minLength value="1"/>
    </xs:restriction>
  </xs:simpleType>
  <xs:attribute name="arcrole" type="xlink:arcroleType"/>
  <xs:simpleType name="arcroleType">
    <xs:restriction base="xs:anyURI">
      <xs:minLength value="1"/>
    </xs:restriction>
  </xs:simpleType>
  <xs:attribute name="title" type="xlink:titleAttrType"/>
  <xs:simpleType name="titleAttrType">
    <xs:restriction base="xs:string"/>
  </xs:simpleType>
  <xs:attribute name="show" type="xlink:showType"/>
  <xs:simpleType name="showType">
    <xs:restriction base="xs:token">
      <xs:enumeration value="new"/>
      <xs:enumeration value="replace"/>
      <xs:enumeration value="embed"/>
      <xs:enumeration value="other"/>
      <xs:enumeration value="none"/>
    </xs:restriction>
  </xs:simpleType>
  <xs:attribute name="actuate" type="xlink:actuateType"/>
  <xs:simpleType name="actuateType">
    <xs:restriction base="xs:token">
      <xs:enumeration value="onLoad"/>
      <xs:enumeration value="onRequest"/>
      <xs:enumeration value="other"/>
      <xs:enumeration value="none"/>
    </xs:restriction>
  </xs:simpleType>
  <xs:attribute name="label" type="xlink:labelType"/>
  <xs:simpleType name="labelType">
    <xs:restriction base="xs:NCName"/>
  </xs:simpleType>
  <xs:attribute name="from" type="xlink:fromType"/>
  <xs:simpleType name="fromType">
    <xs:restriction base="xs:NCName"/>
  </xs:simpleType>
  <xs:attribute name="to" type="xlink:toType"/>
  <xs:simpleType name="toType">
    <xs:restriction base="xs:NCName"/>
  </xs:simpleType>
  <xs:attributeGroup name="simpleAttrs">
    <xs:attribute ref="xlink:type" fixed="simple"/>
    <xs:attribute ref="xlink:href"/>
    <xs:attribute ref="xlink:role"/>
    <xs:attribute ref="xlink:arcrole"/>
    <xs:attribute ref="xlink:title"/>
    <xs:attribute ref="xlink:show"/>
    <xs:attribute ref="xlink:actuate"/>
  </xs:attributeGroup>
  <xs:attributeGroup name="extendedAttrs">
    <xs:attribute ref="xlink:type" fixed="extended" use="required"/>
    <xs:attribute ref="xlink:role"/>
    <xs:attribute ref="xlink:title"/>
  </xs:attributeGroup>
  <xs:attributeGroup name="titleAttrs">
    <xs:attribute ref="xlink:type" fixed="title" use="required"/>
  </xs:attributeGroup>
  <xs:attributeGroup name="resourceAttrs">
    <xs:attribute ref="xlink:type" fixed="resource" use="required"/>
    <xs:attribute ref="xlink:role"/>
    <xs:attribute ref="xlink:title"/>
    <xs:attribute ref="xlink:label"/>
  </xs:attributeGroup>
  <xs:attributeGroup name="locatorAttrs">
    <xs:attribute ref="xlink:type" fixed="locator" use="required"/>
    <xs:attribute ref="xlink:href" use="required"/>
    <xs:attribute ref="xlink:role"/>
    <xs:attribute ref="xlink:title"/>
    <xs:attribute ref="xlink:label"/>
  </xs:attributeGroup>
  <xs:attributeGroup name="arcAttrs">
    <xs:attribute ref="xlink:type" fixed="arc" use="required"/>
    <xs:attribute ref="xlink:arcrole"/>
    <xs:attribute ref="xlink:title"/>
    <xs:attribute ref="xlink:show"/>
    <xs:attribute ref="xlink:actuate"/>
    <xs:attribute ref="xlink:from"/>
    <xs:attribute ref="xlink:to"/>
  </xs:attributeGroup>
</xs:schema>
"#,
};

static ALL: [Builtin; 2] = [XML, XLINK];

/// The built-in document known by `url` (`http` and `https` alike).
pub(crate) fn find(url: &str) -> Option<&'static Builtin> {
    let rest = |u: &str| {
        let u = u.trim();
        let lower = u.to_ascii_lowercase();
        if lower.starts_with("https://") {
            u[8..].to_string()
        } else if lower.starts_with("http://") {
            u[7..].to_string()
        } else {
            u.to_string()
        }
    };
    let wanted = rest(url);
    ALL.iter().find(|b| {
        std::iter::once(b.url)
            .chain(b.aliases.iter().copied())
            .any(|u| rest(u) == wanted)
    })
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;

    #[test]
    fn every_built_in_document_parses_and_is_found_by_each_of_its_urls() {
        for b in &ALL {
            let schema = crate::xsd::parse(Path::new(b.url), b.text)
                .unwrap_or_else(|e| panic!("{}: {e:?}", b.url));
            assert!(schema.target_namespace.is_some(), "{}", b.url);
            for url in std::iter::once(b.url).chain(b.aliases.iter().copied()) {
                assert_eq!(find(url), Some(b), "{url}");
                let https = url.replace("http://", "https://");
                assert_eq!(find(&https), Some(b), "{https}");
            }
        }
        assert_eq!(find("http://www.w3.org/2001/XMLSchema.xsd"), None);
        assert_eq!(find("http://example.com/xml.xsd"), None);
    }
}
