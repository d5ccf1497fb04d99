//! The rendering of errors for people (`xsd_codegen::diagnostics`): for each
//! kind of error, the exact `file:line:col`, the source line shown and the
//! column of the caret; and that all errors of a run are reported.
//!
//! Files named by `xs:import` and `xs:include` count too: a missing one is
//! a warning at the import (an error where something needs it), and a cycle
//! of imports is read once, so that its errors are reported once.

use std::path::Path;

use xsd_codegen::{Errors, diagnostics, resolve, xsd};

/// The errors of `text` as the schema `schema.xsd`, through parse and resolve.
fn errors_of(text: &str) -> Errors {
    let schema = match xsd::parse(Path::new("schema.xsd"), text) {
        Ok(schema) => schema,
        Err(errors) => return Errors::from(errors),
    };
    match resolve::resolve(&[schema]) {
        Ok(_) => panic!("no errors in\n{text}"),
        Err(errors) => Errors::from(errors),
    }
}

/// The rendering of the errors of `text`, without colors.
fn render(text: &str) -> String {
    diagnostics::render_with(&errors_of(text), false, |path| {
        assert_eq!(path, Path::new("schema.xsd"));
        Some(text.to_string())
    })
}

/// `lines`, each ended by a newline.
fn lines(lines: &[&str]) -> String {
    lines.iter().map(|l| format!("{l}\n")).collect()
}

const XS: &str = r#"xmlns:xs="http://www.w3.org/2001/XMLSchema""#;

#[test]
fn malformed_xml_points_at_where_the_parser_stopped() {
    let text = format!(
        "<xs:schema {XS}>\n  <xs:element name=\"A\">\n    <xs:complexType>\n  </xs:element>\n</xs:schema>\n"
    );
    assert_eq!(
        render(&text),
        lines(&[
            "schema.xsd:4:3: error: malformed XML: expected 'xs:complexType' tag, not 'xs:element'",
            "  |",
            "4 |   </xs:element>",
            "  |   ^^^^^^^^^^^^",
            "",
            "1 error",
        ])
    );
}

#[test]
fn an_unresolved_type_points_at_the_element_that_names_it() {
    let text = format!(
        r#"<xs:schema {XS} xmlns:t="urn:t" targetNamespace="urn:t">
  <xs:element name="A">
    <xs:complexType>
      <xs:sequence>
        <xs:element name="b" type="t:Missing"/>
      </xs:sequence>
    </xs:complexType>
  </xs:element>
</xs:schema>
"#
    );
    assert_eq!(
        render(&text),
        lines(&[
            "schema.xsd:5:9: error: unresolved reference to `{urn:t}Missing` in element b",
            "  |",
            r#"5 |         <xs:element name="b" type="t:Missing"/>"#,
            "  |         ^^^^^^^^^^^",
            "",
            "1 error",
        ])
    );
}

#[test]
fn a_duplicate_definition_points_at_both() {
    let text = format!(
        "<xs:schema {XS}>\n  <xs:complexType name=\"T\"/>\n\n  <xs:complexType name=\"T\"/>\n</xs:schema>\n"
    );
    assert_eq!(
        render(&text),
        lines(&[
            "schema.xsd:4:3: error: duplicate definition of complexType `T` (first defined at schema.xsd:2:3)",
            "  |",
            r#"4 |   <xs:complexType name="T"/>"#,
            "  |   ^^^^^^^^^^^^^^^",
            "",
            "schema.xsd:2:3: note: first defined here",
            "  |",
            r#"2 |   <xs:complexType name="T"/>"#,
            "  |   ^^^^^^^^^^^^^^^",
            "",
            "1 error",
        ])
    );
}

#[test]
fn an_unsupported_construct_is_named_where_it_stands() {
    let text = format!(
        "<xs:schema {XS}>\n  <xs:attribute name=\"a\" targetNamespace=\"urn:o\"/>\n</xs:schema>\n"
    );
    let rendered = render(&text);
    let first = rendered.lines().next().unwrap();
    assert!(
        first.starts_with(
            "schema.xsd:2:3: error: unsupported construct `attribute targetNamespace on xs:attribute`"
        ),
        "{rendered}"
    );
    assert_eq!(
        rendered.lines().skip(1).collect::<Vec<_>>(),
        [
            "  |",
            r#"2 |   <xs:attribute name="a" targetNamespace="urn:o"/>"#,
            "  |   ^^^^^^^^^^^^^",
            "",
            "1 error",
        ]
    );
}

#[test]
fn an_invalid_value_points_at_its_element() {
    let text = format!(
        r#"<xs:schema {XS}>
  <xs:complexType name="A">
    <xs:sequence>
      <xs:element name="a" type="xs:string" minOccurs="many"/>
    </xs:sequence>
  </xs:complexType>
</xs:schema>
"#
    );
    assert_eq!(
        render(&text),
        lines(&[
            "schema.xsd:4:7: error: invalid `xs:element`: minOccurs `many` is not a count",
            "  |",
            r#"4 |       <xs:element name="a" type="xs:string" minOccurs="many"/>"#,
            "  |       ^^^^^^^^^^^",
            "",
            "1 error",
        ])
    );
}

#[test]
fn every_error_of_a_run_is_reported_in_order() {
    let text = format!(
        r#"<xs:schema {XS} elementFormDefault="sometimes">
  <xs:complexType name="A">
    <xs:sequence>
      <xs:element name="a" type="xs:string" minOccurs="many"/>
      <xs:element name="b" type="xs:string" maxOccurs="-1"/>
    </xs:sequence>
  </xs:complexType>
</xs:schema>
"#
    );
    let rendered = render(&text);
    let headers: Vec<&str> = rendered
        .lines()
        .filter(|l| l.starts_with("schema.xsd:"))
        .collect();
    assert_eq!(
        headers,
        [
            "schema.xsd:1:1: error: invalid `xs:schema`: `elementFormDefault` must be qualified or unqualified, not `sometimes`",
            "schema.xsd:4:7: error: invalid `xs:element`: minOccurs `many` is not a count",
            "schema.xsd:5:7: error: invalid `xs:element`: maxOccurs `-1` is neither a count nor `unbounded`",
        ]
    );
    assert!(rendered.ends_with("\n3 errors\n"), "{rendered}");
    // Each header is followed by its own line and caret.
    assert!(rendered.contains(&lines(&[
        r#"5 |       <xs:element name="b" type="xs:string" maxOccurs="-1"/>"#,
        "  |       ^^^^^^^^^^^",
    ])));
}

#[test]
fn errors_of_several_files_are_all_reported_with_their_own_lines() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.xsd");
    let b = dir.path().join("b.xsd");
    std::fs::write(
        &a,
        format!("<xs:schema {XS}>\n  <xs:element/>\n</xs:schema>\n"),
    )
    .unwrap();
    std::fs::write(
        &b,
        format!("<xs:schema {XS}>\n\n  <xs:element name=\"B\">\n</xs:schema>\n"),
    )
    .unwrap();
    let errors = xsd_codegen::Config::new()
        .generate(&[&a, &b])
        .expect_err("both files are bad");
    let rendered = diagnostics::render(&errors, false);
    let prefix = format!("{}/", dir.path().display());
    assert_eq!(
        rendered.replace(&prefix, ""),
        lines(&[
            "a.xsd:2:3: error: invalid `xs:element`: attribute `name` is required",
            "  |",
            "2 |   <xs:element/>",
            "  |   ^^^^^^^^^^^",
            "",
            "b.xsd:4:1: error: malformed XML: expected 'xs:element' tag, not 'xs:schema'",
            "  |",
            "4 | </xs:schema>",
            "  | ^^^^^^^^^^^",
            "",
            "2 errors",
        ])
    );
}

#[test]
fn carets_count_characters_and_tabs() {
    // A non-ASCII name and a tab before the column: the caret stays under the `<`.
    let text = format!(
        "<xs:schema {XS}>\n\t<xs:element name=\"é\" type=\"xs:int\"/><xs:element type=\"xs:int\"/>\n</xs:schema>\n"
    );
    let rendered = render(&text);
    let lines: Vec<&str> = rendered.lines().collect();
    assert_eq!(
        lines[0],
        "schema.xsd:2:38: error: invalid `xs:element`: attribute `name` is required"
    );
    let source = lines[2].strip_prefix("2 | ").unwrap();
    let caret = lines[3].strip_prefix("  | ").unwrap();
    let column = caret.find('^').unwrap();
    assert_eq!(
        source.chars().skip(column).take(11).collect::<String>(),
        "<xs:element"
    );
    assert!(!source.contains('\t'), "tabs are expanded: {source:?}");
}

#[test]
fn a_crlf_file_shows_its_line_without_the_carriage_return() {
    let text = format!("<xs:schema {XS}>\r\n  <xs:element/>\r\n</xs:schema>\r\n");
    assert_eq!(
        render(&text),
        lines(&[
            "schema.xsd:2:3: error: invalid `xs:element`: attribute `name` is required",
            "  |",
            "2 |   <xs:element/>",
            "  |   ^^^^^^^^^^^",
            "",
            "1 error",
        ])
    );
}

#[test]
fn without_its_source_an_error_is_its_plain_line() {
    let text = format!("<xs:schema {XS}>\n  <xs:element/>\n</xs:schema>\n");
    let errors = errors_of(&text);
    // The file is gone, or changed so that the location is past its end.
    for source in [None, Some("<xs:schema/>".to_string())] {
        let rendered = diagnostics::render_with(&errors, false, |_| source.clone());
        assert_eq!(
            rendered,
            lines(&[
                "error: schema.xsd:2:3: invalid `xs:element`: attribute `name` is required",
                "1 error",
            ])
        );
    }
}

#[test]
fn an_unreadable_file_is_reported_without_a_location() {
    let errors = xsd_codegen::Config::new()
        .generate(&["/nonexistent/schema.xsd"])
        .expect_err("no such file");
    let rendered = diagnostics::render(&errors, false);
    assert!(
        rendered.starts_with("error: /nonexistent/schema.xsd: cannot read schema: "),
        "{rendered}"
    );
    assert!(rendered.ends_with("\n1 error\n"), "{rendered}");
    assert_eq!(diagnostics::location(&errors.0[0]), None);
}

#[test]
fn colors_only_when_asked() {
    let text = format!("<xs:schema {XS}>\n  <xs:element/>\n</xs:schema>\n");
    let errors = errors_of(&text);
    let plain = diagnostics::render_with(&errors, false, |_| Some(text.clone()));
    let colored = diagnostics::render_with(&errors, true, |_| Some(text.clone()));
    assert!(!plain.contains('\x1b'));
    assert!(colored.contains("\x1b["));
    // The same text, once the escapes are removed.
    let mut stripped = String::new();
    let mut rest = colored.as_str();
    while let Some(i) = rest.find('\x1b') {
        stripped.push_str(&rest[..i]);
        rest = &rest[i..];
        rest = &rest[rest.find('m').unwrap() + 1..];
    }
    stripped.push_str(rest);
    assert_eq!(stripped, plain);
}

#[test]
fn the_plain_message_is_the_library_display_without_the_location() {
    let text = format!("<xs:schema {XS}>\n  <xs:element/>\n</xs:schema>\n");
    let errors = errors_of(&text);
    let error = &errors.0[0];
    let location = diagnostics::location(error).unwrap();
    assert_eq!((location.line, location.column), (2, 3));
    assert_eq!(
        format!("{location}: {}", diagnostics::message(error)),
        error.to_string()
    );
}

#[test]
fn a_location_past_a_final_carriage_return_is_in_the_file() {
    // Found by fuzzing: the parser counts the `\r` of the last line as a
    // column, and stops just past it.
    let text = format!("<xs:schema {XS}>\n<!-- unclosed\r");
    let errors = errors_of(&text);
    let location = diagnostics::location(&errors.0[0]).unwrap();
    assert!(diagnostics::points_into(&text, location), "{location}");
    assert_eq!(
        diagnostics::render_with(&errors, false, |_| Some(text.clone())),
        lines(&[
            "schema.xsd:2:14: error: malformed XML: expected '-->'",
            "  |",
            "2 | <!-- unclosed",
            "  |              ^",
            "",
            "1 error",
        ])
    );
}

#[test]
fn a_missing_redefinition_points_at_it() {
    let dir = tempfile::tempdir().unwrap();
    let schema = dir.path().join("schema.xsd");
    std::fs::write(
        &schema,
        format!(
            "<xs:schema {XS} targetNamespace=\"urn:t\">\n  <xs:redefine schemaLocation=\"other.xsd\"/>\n</xs:schema>\n"
        ),
    )
    .unwrap();
    let errors = xsd_codegen::Config::new()
        .generate(&[&schema])
        .expect_err("other.xsd is missing");
    let prefix = format!("{}/", dir.path().display());
    assert_eq!(
        diagnostics::render(&errors, false).replace(&prefix, ""),
        lines(&[
            "schema.xsd:2:3: error: cannot find other.xsd, named by this import or include",
            "  |",
            r#"2 |   <xs:redefine schemaLocation="other.xsd"/>"#,
            "  |   ^^^^^^^^^^^^",
            "",
            "1 error",
        ])
    );
}

#[test]
fn an_error_in_an_import_cycle_is_reported_once_at_its_own_file() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.xsd"),
        format!("<xs:schema {XS}>\n  <xs:include schemaLocation=\"b.xsd\"/>\n</xs:schema>\n"),
    )
    .unwrap();
    std::fs::write(
        dir.path().join("b.xsd"),
        format!(
            "<xs:schema {XS}>\n  <xs:include schemaLocation=\"a.xsd\"/>\n  <xs:element/>\n</xs:schema>\n"
        ),
    )
    .unwrap();
    let errors = xsd_codegen::Config::new()
        .generate(&[dir.path().join("a.xsd")])
        .expect_err("b.xsd has an error");
    let prefix = format!("{}/", dir.path().display());
    assert_eq!(
        diagnostics::render(&errors, false).replace(&prefix, ""),
        lines(&[
            "b.xsd:3:3: error: invalid `xs:element`: attribute `name` is required",
            "  |",
            "3 |   <xs:element/>",
            "  |   ^^^^^^^^^^^",
            "",
            "1 error",
        ])
    );
}

#[test]
fn an_invalid_facet_points_at_the_facet() {
    let text = format!(
        r#"<xs:schema {XS}>
  <xs:simpleType name="Code">
    <xs:restriction base="xs:string">
      <xs:maxLength value="three"/>
    </xs:restriction>
  </xs:simpleType>
</xs:schema>
"#
    );
    assert_eq!(
        render(&text),
        lines(&[
            "schema.xsd:4:7: error: invalid `xs:maxLength`: `three` is not a valid value for xs:maxLength",
            "  |",
            r#"4 |       <xs:maxLength value="three"/>"#,
            "  |       ^^^^^^^^^^^^^",
            "",
            "1 error",
        ])
    );
}
