//! Every fixture's expected code, compiled, reading and writing its samples:
//! each sample is parsed, serialized, compared with the original as an XML
//! tree, parsed again and compared with the first value.

use std::fmt::Debug;
use std::path::Path;

use xsd_runtime::Validate;
use xsd_runtime::facets::Constraint;
use yaserde::{YaDeserialize, YaSerialize};

macro_rules! fixtures {
    ($($name:ident),* $(,)?) => {
        $(
            #[allow(dead_code)]
            mod $name {
                include!(concat!("fixtures/", stringify!($name), "/expected.rs"));
            }
        )*
    };
}

fixtures!(
    any,
    anytype,
    attributes,
    builtins,
    choice,
    collisions,
    derivation,
    elements,
    enums,
    facets,
    imports,
    instance,
    lexical,
    lists,
    mixed,
    names,
    nonamespace,
    occurrence,
    open_enums,
    options,
    polymorphism,
    recursion,
    redefine,
    sparse,
    substitution,
    unqualified,
    values,
    xsd11,
);

/// Every sample this file reads; a test checks that none in the fixtures is left out.
const SAMPLES: &[&str] = &[
    "any/samples/Envelope.xml",
    "any/samples/Extension.xml",
    "anytype/samples/Envelope.xml",
    "anytype/samples/Note.xml",
    "attributes/samples/View.full.xml",
    "attributes/samples/View.minimal.xml",
    "builtins/samples/Values.xml",
    "choice/samples/Delivery.single.xml",
    "choice/samples/Delivery.xml",
    "choice/samples/Folder.minimal.xml",
    "choice/samples/Folder.xml",
    "choice/samples/Settings.reversed.xml",
    "choice/samples/Settings.xml",
    "collisions/samples/A.xml",
    "derivation/samples/Items.xml",
    "elements/samples/Home.xml",
    "elements/samples/Order.xml",
    "elements/samples/Ping.xml",
    "enums/samples/Paint.xml",
    "facets/samples/Bundle.xml",
    "facets/samples/Order.minimal.xml",
    "facets/samples/Order.xml",
    "imports/samples/GetItem.xml",
    "instance/samples/Responses.xml",
    "instance/samples/ServerVersion.xml",
    "lexical/samples/Reading.xml",
    "lists/samples/Schedule.xml",
    "mixed/samples/Doc.xml",
    "names/samples/Doc.xml",
    "names/samples/Match.xml",
    "nonamespace/samples/Note.xml",
    "occurrence/samples/Around.xml",
    "occurrence/samples/Basket.full.xml",
    "occurrence/samples/Basket.minimal.xml",
    "occurrence/samples/Pairs.xml",
    "open_enums/samples/RequestServerVersion.xml",
    "open_enums/samples/Versions.xml",
    "options/samples/Tagged.xml",
    "polymorphism/samples/d2LogicalModel.xml",
    "recursion/samples/A.xml",
    "recursion/samples/Condition.xml",
    "recursion/samples/Page.xml",
    "recursion/samples/Term.xml",
    "recursion/samples/Tree.xml",
    "redefine/samples/Person.xml",
    "sparse/samples/Items.xml",
    "substitution/samples/Restriction.xml",
    "unqualified/samples/Root.xml",
    "values/samples/Deadline.xml",
    "values/samples/Events.xml",
    "values/samples/Holiday.xml",
    "xsd11/samples/Credits.xml",
    "xsd11/samples/Doc.xml",
];

/// The samples that keep values an open enumeration does not declare (as
/// EWS documents do): they round-trip, but are not valid, and
/// `validate()` says so (and says nothing else).
const UNDECLARED_VALUES: &[&str] = &[
    "instance/samples/ServerVersion.xml",
    "open_enums/samples/RequestServerVersion.xml",
    "open_enums/samples/Versions.xml",
];

/// Reads `xml` as yaserde does, but with text untrimmed (as the UM bindings
/// read), so that the round trip shows a value's whitespace kept.
fn read<T: YaDeserialize>(xml: &str) -> Result<T, yaserde::Error> {
    let config = yaserde::__xml::ParserConfig::new()
        .trim_whitespace(false)
        .whitespace_to_characters(true)
        .cdata_to_characters(true)
        .ignore_comments(true)
        .coalesce_characters(true);
    let mut reader = yaserde::de::Deserializer::new(config.create_reader(xml.as_bytes()));
    T::deserialize(&mut reader)
}

/// The path of fixture sample `sample` (as listed in [`SAMPLES`]).
fn sample_path(sample: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(sample)
}

/// Reads `sample` with both backends (xml-rs through yaserde's API, and
/// quick-xml through the runtime's), which must agree; writes the value
/// back with both (the same document), compares it with the sample as an
/// XML tree, and reads it again. Every sample is valid, `validate()` finds
/// nothing (but in [`UNDECLARED_VALUES`]).
fn roundtrip<T>(sample: &str) -> T
where
    T: YaSerialize + YaDeserialize + xsd_runtime::Root + xsd_runtime::Validate + PartialEq + Debug,
{
    assert!(
        SAMPLES.contains(&sample),
        "{sample} is not listed in SAMPLES"
    );
    let path = sample_path(sample);
    let xml = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let value: T = read(&xml).unwrap_or_else(|e| panic!("{sample}: {e}"));
    let quick: T =
        xsd_runtime::from_str(&xml).unwrap_or_else(|e| panic!("{sample} (quick-xml): {e}"));
    assert_eq!(quick, value, "{sample}: the backends read different values");
    let written = yaserde::ser::to_string(&value).unwrap_or_else(|e| panic!("{sample}: {e}"));
    let quick_written = xsd_runtime::to_string(&value).unwrap();
    assert_eq!(
        written
            .split_once("?>")
            .map_or(written.as_str(), |(_, rest)| rest),
        quick_written,
        "{sample}: the backends write different documents"
    );
    if let Err(difference) = testkit::xml_tree_eq(&xml, &written) {
        panic!("{sample}: written differs from read: {difference}\nwritten: {written}");
    }
    let again: T = read(&written).unwrap_or_else(|e| panic!("{sample}: {e}"));
    assert_eq!(value, again, "{sample}");
    match value.validate() {
        Ok(()) => assert!(
            !UNDECLARED_VALUES.contains(&sample),
            "{sample}: validate() misses its undeclared values"
        ),
        Err(violations) if UNDECLARED_VALUES.contains(&sample) => {
            for v in violations {
                assert_eq!(v.constraint, Constraint::Enumeration, "{sample}: {v}");
            }
        }
        Err(violations) => {
            let list: Vec<String> = violations.iter().map(ToString::to_string).collect();
            panic!(
                "{sample} is valid, but validate() says:\n{}",
                list.join("\n")
            );
        }
    }
    value
}

#[test]
fn every_sample_is_read() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut found = Vec::new();
    for fixture in std::fs::read_dir(&root).unwrap() {
        let samples = fixture.unwrap().path().join("samples");
        if let Ok(entries) = std::fs::read_dir(&samples) {
            for entry in entries {
                let path = entry.unwrap().path();
                found.push(
                    path.strip_prefix(&root)
                        .unwrap()
                        .to_string_lossy()
                        .replace('\\', "/"),
                );
            }
        }
    }
    found.sort();
    assert_eq!(found, SAMPLES);
}

#[test]
fn builtins_keep_their_values() {
    let v: builtins::Values = roundtrip("builtins/samples/Values.xml");
    assert_eq!(v.s, "text with  two spaces");
    assert!(v.b);
    assert_eq!(
        (v.i8, v.i16, v.i32, v.i64),
        (-128, 32767, i32::MIN, i64::MAX)
    );
    assert_eq!(
        (v.u8, v.u16, v.u32, v.u64),
        (255, 65535, u32::MAX, u64::MAX)
    );
    assert_eq!((v.f32, v.f64), (1.5, -0.25));
    assert_eq!(v.decimal, "12345678901234567890.123456789");
    assert_eq!(v.integer, "-123456789012345678901234567890");
    assert_eq!(v.date_time, "2026-11-23T09:13:54.1234567+01:00");
    assert_eq!(v.duration, "P1Y2M3DT4H5M6.7S");
    assert_eq!(v.uri, "https://example.com/a?b=c&d");
    // The typed accessors read the exact text.
    assert_eq!(v.parse_integer(), Ok(-123456789012345678901234567890));
    let dt = v.parse_date_time().unwrap();
    assert_eq!(
        (dt.year, dt.second, dt.fraction.as_str()),
        (2026, 54, "1234567")
    );
    assert_eq!(dt.to_string(), v.date_time);
    assert_eq!(v.parse_date().unwrap().to_string(), v.date);
    assert_eq!(v.parse_duration().unwrap().to_string(), v.duration);
    assert_eq!(v.parse_base64().unwrap().len(), 46);
    assert_eq!(v.parse_hex(), Ok(vec![0x0f, 0xb7]));
}

#[test]
fn elements_nest_and_keep_text() {
    let order: elements::Order = roundtrip("elements/samples/Order.xml");
    assert_eq!(order.id, "A-17");
    assert_eq!(order.ship_to.city, "Springfield");
    assert_eq!(order.customer.name, "Ada & Co <ltd>");
    assert_eq!(order.gift, elements::OrderGift {});
    let home: elements::Home = roundtrip("elements/samples/Home.xml");
    assert_eq!(home.street, "2 Elm St");
    let _: elements::Ping = roundtrip("elements/samples/Ping.xml");
    // Written with the element's own name and namespace.
    let written = yaserde::ser::to_string(&home).unwrap();
    assert!(
        written.contains("<Home xmlns=\"urn:example:orders\">"),
        "{written}"
    );
}

#[test]
fn names_that_collide_are_told_apart() {
    let a: collisions::A = roundtrip("collisions/samples/A.xml");
    // Names that differ only in case or punctuation are other elements.
    assert_eq!((a.r#type.as_str(), a.type_2.as_str()), ("lower", "upper"));
    assert_eq!((a.foo_bar, a.foo_bar_2), (1, 2));
    // An element repeated in a sequence fills its fields in order.
    assert_eq!(
        (a.e.as_str(), a.e_2.as_deref(), a.e_3.as_str()),
        ("first", Some("second"), "third")
    );
    // Types named like the generated code's parameters (`R`, `S`), and
    // fields named like its locals (`source`, `child`, `attribute`, `sink`).
    assert_eq!(a.r.source, "src");
    assert_eq!(a.r.child.as_deref(), Some("ch"));
    assert_eq!(a.r.attribute.as_deref(), Some("at"));
    let sinks: Vec<&str> =
        a.s.as_ref()
            .unwrap()
            .sink
            .iter()
            .map(|r| r.source.as_str())
            .collect();
    assert_eq!(sinks, ["one", "two"]);
    // `sink` occurs at most twice: a third is an error, not a silent extra.
    let xml = std::fs::read_to_string(sample_path("collisions/samples/A.xml")).unwrap();
    let three = xml.replace("</s>", "<sink><source>three</source></sink></s>");
    let err = read::<collisions::A>(&three).unwrap_err();
    assert_eq!(err.to_string(), "s: expected 0 to 2 of `sink`, found 3");
}

/// A repeated element's count is checked whatever its bounds: `minOccurs="2"
/// maxOccurs="2"` is a `Vec` that must hold two.
#[test]
fn counts_of_repeated_elements_are_checked() {
    let basket =
        std::fs::read_to_string(sample_path("occurrence/samples/Basket.full.xml")).unwrap();
    let b: occurrence::Basket = read(&basket).unwrap();
    assert_eq!(b.pair, [-1, 1]);
    for wrong in [
        basket.replacen("<Pair>1</Pair>", "", 1),
        basket.replacen("<Pair>1</Pair>", "<Pair>1</Pair><Pair>2</Pair>", 1),
    ] {
        assert_ne!(wrong, basket);
        let err = read::<occurrence::Basket>(&wrong).unwrap_err();
        assert!(
            err.to_string().starts_with("expected 2 of `Pair`, found "),
            "{err}"
        );
    }
}

#[test]
fn one_name_in_two_places_goes_where_the_reader_is() {
    let around: occurrence::Around = roundtrip("occurrence/samples/Around.xml");
    assert_eq!(around.note, ["before"]);
    assert_eq!(around.body, "body");
    assert_eq!(around.note_2, ["after", "again"]);
}

#[test]
fn a_repeated_sequence_keeps_document_order() {
    use occurrence::PairsSequence as P;
    let pairs: occurrence::Pairs = roundtrip("occurrence/samples/Pairs.xml");
    assert_eq!(
        pairs.sequence,
        [
            P::Key("a".into()),
            P::Value(1),
            P::Key("b".into()),
            P::Value(2)
        ]
    );
}

#[test]
fn occurrences_become_option_and_vec() {
    let full: occurrence::Basket = roundtrip("occurrence/samples/Basket.full.xml");
    assert_eq!(full.note.as_deref(), Some("fragile"));
    assert_eq!(full.discount, Some(-5));
    assert_eq!(full.tag, ["a", "b", "c"]);
    assert_eq!(full.item.len(), 2);
    assert_eq!(full.wrapped.as_ref().map(|w| w.sku.as_str()), Some("W"));
    assert_eq!(full.count, [1, u32::MAX]);
    // No field for what may not occur; maxOccurs="999999999999999" is a Vec.
    let occurrence::Basket { lots, .. } = &full;
    assert_eq!(lots, &["a", "b"]);
    let minimal: occurrence::Basket = roundtrip("occurrence/samples/Basket.minimal.xml");
    assert_eq!(
        (minimal.note, minimal.discount, minimal.wrapped),
        (None, None, None)
    );
    assert!(minimal.tag.is_empty());
}

#[test]
fn enums_read_and_write_their_wire_values() {
    use enums::{Color, PaintFinish, Symbol};
    let paint: enums::Paint = roundtrip("enums/samples/Paint.xml");
    assert_eq!(paint.color, Color::Blue);
    assert_eq!(paint.finish, PaintFinish::Gloss);
    assert_eq!(paint.code, "ABC");
    let values: Vec<&str> = paint.symbol.iter().map(|s| s.as_str()).collect();
    assert_eq!(
        values,
        [
            "text/plain",
            "+",
            "-",
            "",
            "2nd",
            "Self",
            "text-plain",
            "Red"
        ]
    );
    assert_eq!(Symbol::ALL.len(), 8, "the repeated value is one variant");
    for s in Symbol::ALL {
        assert_eq!(s.as_str().parse::<Symbol>(), Ok(*s));
    }
    let err = "Purple".parse::<Color>().unwrap_err();
    assert_eq!(
        err.to_string(),
        "unknown Color value \"Purple\", expected one of: Red, green, BLUE"
    );
    let bad = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/enums/samples/Paint.xml"),
    )
    .unwrap()
    .replace("<Color>BLUE</Color>", "<Color>Blue</Color>");
    let err = yaserde::de::from_str::<enums::Paint>(&bad).unwrap_err();
    assert_eq!(
        err.to_string(),
        "Color: unknown Color value \"Blue\", expected one of: Red, green, BLUE"
    );
}

#[test]
fn names_that_would_break_code_are_renamed() {
    let doc: names::Doc = roundtrip("names/samples/Doc.xml");
    let _: &names::StringType = &doc.str;
    let _: &Option<names::OptionType> = &doc.opt;
    assert_eq!(doc.vec.len(), 2);
    let _: &names::BoxType = &doc.r#box;
    assert_eq!(doc.r#match.r#type, "t");
    assert_eq!(doc.r#match.self_, "me");
    assert_eq!(doc.r#match.type_2, names::BoxType {});
    assert_eq!(doc.r#match.r#async.as_deref(), Some("later"));
    let m: names::Match = roundtrip("names/samples/Match.xml");
    assert!(m.r#match);
    assert_eq!(m.crate_.as_deref(), Some("d"));
    // `doc` and `Doc` are both elements: the second gets a suffix.
    let _ = names::Doc2 {};
}

#[test]
fn unqualified_children_stay_out_of_the_namespace() {
    let root: unqualified::Root = roundtrip("unqualified/samples/Root.xml");
    assert_eq!((root.plain.as_str(), root.qualified.as_str()), ("p", "q"));
    assert_eq!(root.inner.leaf, "l");
    let note: nonamespace::Note = roundtrip("nonamespace/samples/Note.xml");
    assert_eq!(note.to, "Tove");
}

#[test]
fn imports_make_a_module_per_namespace() {
    let get: imports::messages::GetItem = roundtrip("imports/samples/GetItem.xml");
    assert_eq!(get.item_id.id, "AAMkAD");
    assert_eq!(get.item_id.change_key.as_deref(), Some("CQAAAB"));
    assert_eq!(get.note.as_deref(), Some("remember"));
    assert_eq!(get.paging.offset, 10);
    assert_eq!(get.lang.as_deref(), Some("en-US"));
}

#[test]
fn attributes_are_typed_and_inherited() {
    use attributes::{Shape, ViewTraversal};
    let full: attributes::View = roundtrip("attributes/samples/View.full.xml");
    assert_eq!((full.max_entries, full.offset), (10, Some(5)));
    assert_eq!(full.shape, Shape::AllProperties);
    assert_eq!(full.traversal, Some(ViewTraversal::Deep));
    assert_eq!(full.version.as_deref(), Some("2"));
    assert_eq!(full.note.as_deref(), Some("a & b"));
    assert_eq!(full.kind.as_deref(), Some("k"));
    let minimal: attributes::View = roundtrip("attributes/samples/View.minimal.xml");
    assert_eq!((minimal.offset, minimal.traversal), (None, None));
}

#[test]
fn derived_types_hold_their_bases_content() {
    let items: derivation::Items = roundtrip("derivation/samples/Items.xml");
    let first = &items.meeting[0];
    assert_eq!(first.id.as_deref(), Some("m1"));
    assert_eq!(first.is_read, Some(true));
    assert_eq!(first.subject.as_deref(), Some("Plan"));
    assert_eq!(first.size, Some(42));
    let Some(derivation::AnyEmailAddressType::EmailAddressType(from)) = first.from.as_ref() else {
        panic!("an EmailAddressType expected: {:?}", first.from)
    };
    assert_eq!(
        (from.value.as_str(), from.routing_type.as_deref()),
        ("ann@example.com", Some("SMTP"))
    );
    assert_eq!(first.location, "Room 1");
    assert_eq!(items.short.as_ref().unwrap().subject, "only");
    assert_eq!(items.smtp.as_ref().unwrap().value, "bob@example.com");
    assert_eq!((items.count.value, items.count.approximate), (17, false));
    // A simpleContent restriction's own values, and its own simple type.
    let role = items.role.as_ref().unwrap();
    assert_eq!(role.value.as_str(), "abuse@example.com");
    assert_eq!(role.routing_type.as_deref(), Some("SMTP"));
    assert!(
        "nobody@example.com"
            .parse::<derivation::RoutingAddressTypeValue>()
            .is_err()
    );
    assert_eq!(items.aliases.as_ref().unwrap().value.0, ["ann", "bob"]);
}

/// XML Schema collapses the whitespace around numbers and booleans (their
/// `whiteSpace` facet is `collapse`): ` 12 ` is 12, in an element, in an
/// attribute and as simple content. A string keeps its spaces; what is not
/// a number still fails.
#[test]
fn whitespace_around_numbers_and_booleans_is_collapsed() {
    let values: builtins::Values = read(
        &std::fs::read_to_string(sample_path("builtins/samples/Values.xml"))
            .unwrap()
            .replace("<i32>-2147483648</i32>", "<i32>\n  -7 \t</i32>")
            .replace("<f64>-0.25</f64>", "<f64> 2.5 </f64>")
            .replace("<u8>255</u8>", "<u8> 255</u8>")
            .replace("<b>true</b>", "<b> false\n</b>")
            .replace("<s>text with  two spaces</s>", "<s> 12 </s>"),
    )
    .unwrap();
    assert_eq!(
        (values.i32, values.f64, values.u8, values.b),
        (-7, 2.5, 255, false)
    );
    assert_eq!(values.s, " 12 ");
    let view: attributes::View =
        read(r#"<View xmlns="urn:example:attributes" MaxEntries=" 10 " Offset="3&#10;" Shape="Default"/>"#)
            .unwrap();
    assert_eq!((view.max_entries, view.offset), (10, Some(3)));
    let items = std::fs::read_to_string(sample_path("derivation/samples/Items.xml")).unwrap();
    let padded: derivation::Items = read(&items.replace(
        r#"<Count Approximate="false">17</Count>"#,
        r#"<Count Approximate=" true ">  17 </Count>"#,
    ))
    .unwrap();
    assert_eq!((padded.count.value, padded.count.approximate), (17, true));
    let not_a_number = items.replace(">17</Count>", ">1 7</Count>");
    assert!(read::<derivation::Items>(&not_a_number).is_err());
}

/// A struct with an attribute wildcard reads itself as the others do: its
/// numbers' whitespace collapses too, its strings stay exact, and the
/// attributes the wildcard allows are kept.
#[test]
fn a_struct_with_a_wildcard_reads_like_the_others() {
    let tagged: instance::TaggedType = read(
        r#"<Tagged xmlns="urn:example:instance" xmlns:x="urn:example:other" Lang="en" x:size=" 10 "><Name> n </Name><Size> 7
</Size></Tagged>"#,
    )
    .unwrap();
    assert_eq!(tagged.size, Some(7));
    assert_eq!(tagged.name, " n ");
    assert_eq!(tagged.lang.as_deref(), Some("en"));
    assert_eq!(tagged.other_attributes.len(), 1);
    assert_eq!(tagged.other_attributes[0].value, " 10 ");
}

#[test]
fn choices_keep_their_order() {
    use choice::{FolderChoice, FolderChoice2, FolderRecurrenceGroup};
    let folder: choice::Folder = roundtrip("choice/samples/Folder.xml");
    assert_eq!(folder.title, "Inbox");
    assert_eq!(folder.choice, FolderChoice::Path("/inbox".into()));
    let kinds: Vec<String> = folder
        .choice_2
        .iter()
        .map(|c| match c {
            FolderChoice2::Message(m) => format!("message {}", m.subject),
            FolderChoice2::Note(n) => format!("note {n}"),
            FolderChoice2::Flag(f) => format!("flag {f}"),
            FolderChoice2::Importance(i) => format!("importance {i}"),
        })
        .collect();
    assert_eq!(
        kinds,
        [
            // Values in a choice are read exactly as written.
            "note  first ",
            "message hello\n  ",
            "flag true",
            "note second",
            "importance High",
            "message bye"
        ]
    );
    assert_eq!(
        folder.recurrence_group,
        Some(FolderRecurrenceGroup::Weekly("Mon".into()))
    );
    let minimal: choice::Folder = roundtrip("choice/samples/Folder.minimal.xml");
    assert_eq!(minimal.choice, FolderChoice::Id("7".into()));
    assert!(minimal.choice_2.is_empty() && minimal.recurrence_group.is_none());
    let settings: choice::Settings = roundtrip("choice/samples/Settings.xml");
    assert_eq!((settings.color.as_str(), settings.size), ("red", Some(3)));
    // xs:all: any order, written back as read (the round trip compares the
    // trees, order included); the order is no part of the value.
    let reversed: choice::Settings = roundtrip("choice/samples/Settings.reversed.xml");
    assert_eq!(reversed, settings);
    let written = xsd_runtime::to_string(&reversed).unwrap();
    assert!(
        written.contains("<Size>3</Size><Color>red</Color>"),
        "{written}"
    );
    let made = choice::Settings {
        color: "blue".into(),
        size: Some(1),
        child_order: Default::default(),
        lexical: Default::default(),
    };
    let written = xsd_runtime::to_string(&made).unwrap();
    assert!(
        written.contains("<Color>blue</Color><Size>1</Size>"),
        "{written}"
    );
    // A required choice that is missing is an error, not a default.
    let err = yaserde::de::from_str::<choice::Folder>(
        r#"<Folder xmlns="urn:example:choice"><Title>T</Title><End>.</End></Folder>"#,
    )
    .unwrap_err();
    assert_eq!(err.to_string(), "expected 1 of `Id`, `Path`, found 0");
    // So is a missing required element of a struct that holds a choice.
    let err = yaserde::de::from_str::<choice::Folder>(
        r#"<Folder xmlns="urn:example:choice"><Id>7</Id><End>.</End></Folder>"#,
    )
    .unwrap_err();
    assert_eq!(err.to_string(), "the element Title of Folder is missing");
}

#[test]
fn a_sequence_in_a_choice_gives_its_elements_in_order() {
    use choice::{DeliveryChoice as Address, DeliveryChoice2 as When};
    let d: choice::Delivery = roundtrip("choice/samples/Delivery.xml");
    assert_eq!(
        d.choice,
        [
            Address::ShipTo("Dock 4".into()),
            Address::BillTo("Accounts".into())
        ]
    );
    assert_eq!(
        d.choice_2,
        [
            When::From("2026-12-01".into()),
            When::Until("2026-12-24".into())
        ]
    );
    let single: choice::Delivery = roundtrip("choice/samples/Delivery.single.xml");
    assert_eq!(single.choice, [Address::SingleAddress("Main St 1".into())]);
    assert_eq!(single.choice_2, [When::Asap(true)]);
}

#[test]
fn substitution_groups_read_any_member() {
    use substitution::{AndTypeSearchExpression as Expr, IsEqualToTypePath as Path};
    let r: substitution::Restriction = roundtrip("substitution/samples/Restriction.xml");
    let substitution::RestrictionSearchExpression::And(and) = &r.search_expression else {
        panic!("an And expected: {r:?}")
    };
    let [Expr::IsEqualTo(eq), Expr::Not(not)] = &and.search_expression[..] else {
        panic!("IsEqualTo and Not expected: {and:?}")
    };
    assert_eq!(eq.constant, "hello");
    let Path::FieldUri(f) = &eq.path else {
        panic!("a FieldURI expected")
    };
    assert_eq!(f.field_uri, "item:Subject");
    // `Not` holds exactly one expression: an IsEqualTo on an extended field.
    let substitution::NotTypeSearchExpression::IsEqualTo(inner) = &*not.search_expression else {
        panic!("an IsEqualTo inside Not expected: {not:?}")
    };
    assert_eq!(inner.constant, "x");
}

#[test]
fn any_elements_are_kept_as_raw_xml() {
    let e: any::Extension = roundtrip("any/samples/Extension.xml");
    assert_eq!(e.name, "ext");
    assert_eq!(e.any.len(), 2);
    let any::ExtensionAny::Other(raw) = &e.any[0];
    assert!(raw.to_string().contains("1 &amp; 2"), "{raw}");
}

#[test]
fn wildcards_take_elements_in_their_place() {
    let e: any::Envelope = roundtrip("any/samples/Envelope.xml");
    // The first `Name` is the first child, the wildcard's; the second is `Name`.
    let any::EnvelopeAny::Other(first) = &e.any;
    assert_eq!(first.name(), (Some("urn:example:any"), "Name"));
    assert_eq!(e.name, "second");
    assert_eq!(e.any_2.len(), 1);
    // A third `Name` is in the target namespace, which `##other` excludes:
    // no member takes it.
    let third = r#"<Envelope xmlns="urn:example:any"><a/><Name/><Name/></Envelope>"#;
    let strict = xsd_runtime::ReadOptions {
        unknown: xsd_runtime::UnknownContent::Error,
        ..Default::default()
    };
    let error = xsd_runtime::from_str_with::<any::Envelope>(third, &strict).unwrap_err();
    assert_eq!(error.to_string(), "Name: the element occurs more than once");
    // An element of another namespace goes to the `##other` wildcard.
    let other = r#"<Envelope xmlns="urn:example:any"><a/><Name/><b xmlns="urn:b"/></Envelope>"#;
    let e = xsd_runtime::from_str_with::<any::Envelope>(other, &strict).unwrap();
    assert_eq!(e.any_2.len(), 1);
}

#[test]
fn xsi_type_chooses_a_derived_type() {
    use polymorphism::{AnyBasicData as Data, AnyPayloadPublication as Publication};
    let model: polymorphism::D2LogicalModel = roundtrip("polymorphism/samples/d2LogicalModel.xml");
    let Some(Publication::ElaboratedDataPublication(publication)) = &model.payload_publication
    else {
        panic!("an ElaboratedDataPublication expected: {model:?}")
    };
    assert_eq!(publication.lang, "nl");
    let data: Vec<_> = publication
        .elaborated_data
        .iter()
        .map(|d| d.basic_data.as_ref())
        .collect();
    let Some(Data::TrafficSpeed(speed)) = data[0] else {
        panic!("a TrafficSpeed expected: {:?}", data[0])
    };
    assert_eq!(speed.average_vehicle_speed, 87.5);
    assert!(matches!(data[1], Some(Data::TravelTimeData(t)) if t.travel_time == 312.0));
    // A derivation of a derivation stands for the abstract type too.
    let Some(Data::TrafficHeadway(headway)) = data[2] else {
        panic!("a TrafficHeadway expected: {:?}", data[2])
    };
    assert_eq!(
        (headway.vehicle_flow_rate, headway.average_distance_headway),
        (1440, 41.5)
    );
    assert!(matches!(data[3], Some(Data::TrafficFlow(f)) if f.vehicle_flow_rate == 900));
    assert_eq!(data[4], None);

    // A value built in code is written with the xsi:type of its variant,
    // its prefix declared.
    let built = polymorphism::D2LogicalModel {
        exchange: polymorphism::Exchange {
            supplier_identification: "x".into(),
        },
        payload_publication: Some(Publication::GenericPublication(Box::new(
            polymorphism::GenericPublication {
                publication_time: "2026-11-30T04:00:00Z".into(),
                generic_publication_name: "g".into(),
                lang: "en".into(),
                xsi_type: None,
            },
        ))),
        model_base_version: "2".into(),
    };
    let written = xsd_runtime::to_string(&built).unwrap();
    assert!(
        written.contains(r#"<payloadPublication xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="GenericPublication" lang="en">"#),
        "{written}"
    );
    // Read back, the same value, with the xsi:type it was written with.
    let mut expected = built.clone();
    if let Some(Publication::GenericPublication(p)) = &mut expected.payload_publication {
        p.xsi_type = Some(xsd_runtime::QName::new(
            "urn:example:datex",
            "GenericPublication",
        ));
    }
    assert_eq!(
        xsd_runtime::from_str::<polymorphism::D2LogicalModel>(&written).unwrap(),
        expected
    );

    // The abstract type needs an xsi:type; one the schema does not derive
    // from the declared type, or with an undeclared prefix, is an error.
    let with = |publication: &str| {
        format!(
            r#"<d2LogicalModel xmlns="urn:example:datex" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" modelBaseVersion="2"><exchange><supplierIdentification>x</supplierIdentification></exchange>{publication}</d2LogicalModel>"#
        )
    };
    let error = |publication: &str| {
        xsd_runtime::from_str::<polymorphism::D2LogicalModel>(&with(publication))
            .unwrap_err()
            .to_string()
    };
    assert_eq!(
        error(
            r#"<payloadPublication lang="en"><publicationTime>t</publicationTime></payloadPublication>"#
        ),
        "payloadPublication: the element's type {urn:example:datex}PayloadPublication is abstract: an xsi:type naming a type derived from it is needed"
    );
    assert_eq!(
        error(r#"<payloadPublication xsi:type="TrafficSpeed" lang="en"/>"#),
        "payloadPublication: xsi:type names {urn:example:datex}TrafficSpeed, which is not {urn:example:datex}PayloadPublication or a type derived from it"
    );
    assert_eq!(
        error(r#"<payloadPublication xsi:type="x:GenericPublication" lang="en"/>"#),
        "payloadPublication: xsi:type \"x:GenericPublication\": the prefix \"x\" is not declared"
    );
}

#[test]
fn elements_of_any_type_keep_their_content() {
    let e: anytype::Envelope = roundtrip("anytype/samples/Envelope.xml");
    assert_eq!(e.id, "42");
    // Attributes (a QName value's prefix stays bound), text, children, CDATA.
    assert_eq!(e.payload.name(), (Some("urn:example:anytype"), "Payload"));
    assert_eq!(e.payload.attributes().len(), 2);
    assert_eq!(e.payload.text(), "text one & two tail<raw>");
    let payload = xsd_runtime::to_string(&Wrapper(e.payload.clone())).unwrap();
    assert!(
        payload.contains(r#"xmlns:x="urn:example:other""#),
        "{payload}"
    );
    assert_eq!(e.extra.len(), 2);
    assert_eq!(e.note.as_ref().unwrap().text(), "just text");
    assert_eq!(e.nil.as_ref().unwrap().attributes()[0].local_name, "nil");
    // An untyped member of a substitution group has its head's type.
    assert_eq!(e.size, Some(12));
    let n: anytype::Note = roundtrip("anytype/samples/Note.xml");
    assert_eq!(n.value.text(), "A global element without a type.");
}

/// An `AnyElement` as a document of its own, to look at how it is written.
struct Wrapper(xsd_runtime::AnyElement);

impl xsd_runtime::ReadXml for Wrapper {
    fn read_xml<S: xsd_runtime::Source>(source: &mut S) -> xsd_runtime::Result<Self> {
        xsd_runtime::AnyElement::read_xml(source).map(Wrapper)
    }
}

impl xsd_runtime::WriteXml for Wrapper {
    fn write_xml(&self, sink: &mut dyn xsd_runtime::Sink) -> xsd_runtime::Result<()> {
        self.0.write_xml(sink)
    }
}

impl xsd_runtime::Root for Wrapper {
    fn root_names() -> &'static [(&'static str, &'static str)] {
        &[("urn:example:anytype", "Payload")]
    }

    fn root_name(&self) -> (&'static str, &'static str) {
        ("urn:example:anytype", "Payload")
    }
}

#[test]
fn mixed_content_keeps_its_text_where_it_stands() {
    use mixed::InlineChoice as C;
    use xsd_runtime::MixedText;
    let d: mixed::Doc = roundtrip("mixed/samples/Doc.xml");
    let text = |t: &[MixedText]| -> Vec<(usize, String)> {
        t.iter().map(|t| (t.before, t.text.clone())).collect()
    };
    let inline = |i: &mixed::AnyInline| -> mixed::Inline {
        match i {
            mixed::AnyInline::Inline(i) => i.clone(),
            other => panic!("an Inline expected: {other:?}"),
        }
    };
    let title = inline(&d.title);
    assert_eq!(title.choice, [C::I("mixed".into())]);
    assert_eq!(
        text(&title.text),
        [(0, "The ".to_string()), (1, " fixture".to_string())]
    );
    let lead = &inline(&d.p[0]);
    assert_eq!(lead.class.as_deref(), Some("lead"));
    let C::Link(link) = &lead.choice[1] else {
        panic!("a link expected: {lead:?}")
    };
    assert_eq!(link.href, "http://example.com/a?b&c");
    assert_eq!(lead.text.last().unwrap().text, "!\n  ");
    assert_eq!(text(&inline(&d.p[2]).text), []);
    let section = d.section.as_ref().unwrap();
    assert_eq!(section.note.as_deref(), Some("a note"));
    assert_eq!(
        text(&section.text),
        [(0, "Text, ".to_string()), (2, " and after.".to_string())]
    );
    // A mixed type without child elements: its text is its value.
    assert_eq!(link.value, "the site");
}

#[test]
fn lists_split_on_whitespace() {
    use lists::DayOfWeekType as Day;
    let s: lists::Schedule = roundtrip("lists/samples/Schedule.xml");
    assert_eq!(s.days.0, [Day::Monday, Day::Tuesday]);
    assert_eq!(s.numbers.as_ref().unwrap().0, [1, -2, 3]);
    assert_eq!(s.reminder, "never");
    assert_eq!(s.on.as_ref().unwrap().0, [Day::Monday, Day::Weekday]);
    assert_eq!(s.flags.to_string(), "b a b");
    assert!("Monday Funday".parse::<lists::DaysOfWeekType>().is_err());
}

#[test]
fn many_optional_members_are_stored_when_present() {
    use sparse::{AnyItem, Importance, Items};
    let items: Items = roundtrip("sparse/samples/Items.xml");
    let [
        AnyItem::Item(bare),
        AnyItem::Item(plain),
        AnyItem::Message(message),
    ] = &items.item[..]
    else {
        panic!("two items and a message expected: {items:?}")
    };
    assert_eq!(bare.id, "AAMkAD1");
    assert!(bare.present.is_empty());
    assert_eq!(bare.subject(), None);
    // Present: Subject, Received, IsRead, WebLink and the Version attribute.
    assert_eq!(plain.present.len(), 5);
    assert_eq!(
        plain.subject().map(String::as_str),
        Some("Re: figures & plans")
    );
    assert_eq!(plain.is_read(), Some(&true));
    assert_eq!(plain.version(), Some(&7));
    assert_eq!(plain.category, ["Blue", "Green"]);
    assert_eq!(
        plain.parse_received().unwrap().map(|t| t.to_string()),
        Some("2024-05-01T09:30:00Z".to_string())
    );
    assert_eq!(plain.size(), None);
    // The derived type's own members beside its base's; a QName attribute
    // (boxed in the list) and xsi:type.
    assert_eq!(message.size(), Some(&1024));
    assert_eq!(message.kind().map(|k| k.local.as_str()), Some("Mail"));
    assert_eq!(
        message.xsi_type().map(|k| k.local.as_str()),
        Some("Message")
    );
    assert_eq!(
        message.from().and_then(|f| f.name.as_deref()),
        Some("Sender 1")
    );
    assert_eq!(
        message.to().map(|t| t.address.as_str()),
        Some("all@contoso.example")
    );
    assert_eq!(message.importance(), Some(&Importance::High));
    // Two words for the list, however many members the type declares.
    assert!(
        size_of::<sparse::Item>() < 25 * size_of::<String>(),
        "Item takes {} bytes",
        size_of::<sparse::Item>()
    );

    // Set, change and remove members, through the list: written in the
    // schema's order, the rest as read.
    use sparse::ItemMember;
    let mut changed = items.clone();
    let AnyItem::Item(item) = &mut changed.item[1] else {
        unreachable!()
    };
    assert_eq!(
        item.present.insert(ItemMember::Location("Room 1".into())),
        None
    );
    item.present
        .retain(|m| !matches!(m, ItemMember::Subject(_)));
    assert_eq!(item.present.insert(ItemMember::Size(5)), None);
    assert_eq!(
        item.present.insert(ItemMember::Size(6)),
        Some(ItemMember::Size(5))
    );
    assert!(item.from().is_none());
    item.present
        .insert(ItemMember::From(Box::new(sparse::Mailbox {
            name: None,
            address: "me@contoso.example".into(),
        })));
    item.present.edit(|members| {
        for member in members {
            if let ItemMember::From(from) = member {
                from.name = Some("Me".into());
            }
        }
    });
    assert_eq!(item.from().and_then(|f| f.name.as_deref()), Some("Me"));
    assert_eq!(item.present.len(), 7);
    let written = xsd_runtime::to_string(&changed).unwrap();
    let second = written
        .split("<Item")
        .nth(3) // `<Items`, then two items.
        .and_then(|item| item.split("</Item>").next())
        .expect("a second item");
    let second: String = second.split_whitespace().collect();
    assert_eq!(
        second,
        concat!(
            r#"Version="+7"><Id>AAMkAD2</Id><Received>2024-05-01T09:30:00Z</Received><Size>6</Size>"#,
            r#"<IsRead>1</IsRead><From><Name>Me</Name><Address>me@contoso.example</Address></From>"#,
            r#"<Category>Blue</Category><Category>Green</Category><Location>Room1</Location>"#,
            r#"<WebLink>https://example.com/owa/?ItemID=AAMkAD2</WebLink>"#,
        )
    );
    let again: Items = xsd_runtime::from_str(&written).unwrap();
    assert_eq!(again, changed);
}

#[test]
fn recursive_types_are_boxed() {
    let a: recursion::A = roundtrip("recursion/samples/A.xml");
    assert!(a.b.a.as_ref().is_some_and(|inner| inner.b.a.is_none()));
    let tree: recursion::Tree = roundtrip("recursion/samples/Tree.xml");
    assert_eq!(tree.next.len(), 1);
    assert_eq!(tree.next[0].next.len(), 2);
    // Through a group: arg(arg(var x)).
    let term: recursion::Term = roundtrip("recursion/samples/Term.xml");
    let recursion::TermTerm::Arg(outer) = &term.term else {
        panic!("an arg expected: {term:?}")
    };
    let recursion::TermArgTerm::Arg(inner) = &*outer.term else {
        panic!("an arg inside expected: {outer:?}")
    };
    assert_eq!(*inner.term, recursion::TermArgTerm::Var("x".into()));
    // Through a substitution group: Not(Not(True)).
    let c: recursion::Condition = roundtrip("recursion/samples/Condition.xml");
    let recursion::ConditionExpr::Not(not) = &c.expr else {
        panic!("a Not expected: {c:?}")
    };
    let recursion::NotExpr::Not(not) = &*not.expr else {
        panic!("a Not inside expected: {not:?}")
    };
    assert_eq!(*not.expr, recursion::NotExpr::True("yes".into()));
    // An anonymous type derived from the type that holds it: its base's
    // members, then its own.
    let page: recursion::Page = roundtrip("recursion/samples/Page.xml");
    let block = &page.block[0];
    assert_eq!(
        (block.id, block.layer.as_deref(), block.text.as_deref()),
        (1, Some("inner"), Some("two"))
    );
    assert_eq!(
        (block.block[0].id, block.block[0].text.as_deref()),
        (2, None)
    );
}

#[test]
fn open_enums_keep_undeclared_values() {
    use open_enums::Version;
    let r: open_enums::RequestServerVersion =
        roundtrip("open_enums/samples/RequestServerVersion.xml");
    assert_eq!(r.version, Version::UnknownValue2("Exchange207_SP1".into()));
    let v: open_enums::Versions = roundtrip("open_enums/samples/Versions.xml");
    assert_eq!(
        v.version,
        [
            Version::Exchange2013,
            // Read exactly as written: not a declared value.
            Version::UnknownValue2(" Exchange2007_SP1".into()),
            Version::UnknownValue,
        ]
    );
    assert_eq!(Version::ALL.len(), 3);
    // Kept, but not valid: validate() finds each undeclared value.
    let errors: Vec<String> = v
        .validate()
        .unwrap_err()
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        errors,
        [
            "/Versions/Version: \" Exchange2007_SP1\" is not one of the enumerated values \"Exchange2007_SP1\", \"Exchange2013\", \"UnknownValue\""
        ]
    );
}

#[test]
fn options_add_derives_and_name_modules() {
    use std::collections::HashSet;
    let t: options::main::Tagged = roundtrip("options/samples/Tagged.xml");
    assert_eq!(t.level, options::shared::Level::High);
    // `Eq` and `Hash` were derived: the value goes into a set.
    let set: HashSet<options::main::Tagged> = [t.clone(), t].into_iter().collect();
    assert_eq!(set.len(), 1);
}

#[test]
fn instance_attributes_are_kept() {
    use xsd_runtime::Attribute;
    const SOAP: &str = "http://schemas.xmlsoap.org/soap/envelope/";
    const OTHER: &str = "urn:example:other";
    let attribute = |ns: Option<&str>, prefix: Option<&str>, local: &str, value: &str| Attribute {
        namespace: ns.map(str::to_string),
        prefix: prefix.map(str::to_string),
        local_name: local.to_string(),
        value: value.to_string(),
    };

    // Declared attributes read exactly as written, the wildcard's kept.
    let v: instance::ServerVersion = roundtrip("instance/samples/ServerVersion.xml");
    assert_eq!(
        v.version,
        instance::VersionType::UnknownValue(" Exchange2007_SP1".into())
    );
    assert_eq!((v.build, v.strict), (Some(15), Some(true)));
    assert_eq!(
        v.other_attributes,
        [
            attribute(Some(SOAP), Some("soap"), "mustUnderstand", "1"),
            attribute(Some(SOAP), Some("soap"), "actor", "urn:next"),
        ]
    );
    // An attribute the wildcard does not allow is an error (or, skipping
    // unknown content, not kept, but counted); a missing required one is an
    // error.
    let other = r#"<ServerVersion xmlns="urn:example:instance" xmlns:x="urn:example:other"
        Version="Exchange2007" x:no="1"/>"#;
    let err = yaserde::de::from_str::<instance::ServerVersion>(other).unwrap_err();
    assert_eq!(
        err.to_string(),
        "unexpected attribute {urn:example:other}no"
    );
    let (v, skipped) = xsd_runtime::from_slice_skipping::<instance::ServerVersion>(
        other.as_bytes(),
        &Default::default(),
    )
    .unwrap();
    assert_eq!(v.version, instance::VersionType::Exchange2007);
    assert!(v.other_attributes.is_empty());
    assert_eq!(
        (skipped.count, skipped.names),
        (1, vec!["@{urn:example:other}no".to_string()])
    );
    let err = yaserde::de::from_str::<instance::ServerVersion>(
        r#"<ServerVersion xmlns="urn:example:instance"/>"#,
    )
    .unwrap_err();
    assert_eq!(
        err.to_string(),
        "the attribute Version of ServerVersion is missing"
    );
    let err = yaserde::de::from_str::<instance::ServerVersion>(
        r#"<ServerVersion xmlns="urn:example:instance" Version="Exchange2007" Build="x"/>"#,
    )
    .unwrap_err();
    assert!(err.to_string().starts_with("attribute Build: "), "{err}");

    let r: instance::Responses = roundtrip("instance/samples/Responses.xml");
    // xsi:type, on the types that take part in derivation.
    // A response may have the declared type or one derived from it.
    let instance::AnyResponseType::ResponseType(first) = &r.response[0] else {
        panic!("a ResponseType expected: {:?}", r.response[0])
    };
    let types = "urn:example:instance";
    let named = |local: &str| Some(xsd_runtime::QName::new(types, local).with_prefix("t"));
    assert_eq!(first.xsi_type, named("ResponseType"));
    assert_eq!(
        first.xsi_type.as_ref().unwrap().prefix.as_deref(),
        Some("t")
    );
    let instance::AnyResponseType::ResponseType(second) = &r.response[1] else {
        panic!("a ResponseType expected: {:?}", r.response[1])
    };
    assert_eq!(second.xsi_type, None);
    let delete = r.delete.as_ref().unwrap();
    assert_eq!(delete.xsi_type, named("DeleteResponseType"));
    // Written where the root does not declare `t`: declared where it is used.
    let written = xsd_runtime::to_string(&r).unwrap();
    assert!(
        written.contains(r#"<Delete Class="Warning" xmlns:t="urn:example:instance" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="t:DeleteResponseType">"#)
            && written.contains(r#"<Hinted xmlns:t="urn:example:instance" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="t:Other"/>"#),
        "{written}"
    );
    assert_eq!(delete.count, Some(3));
    // xsi:nil, on a complex type and (wrapped) on simple ones.
    assert_eq!(r.data[0].xsi_nil, Some(true));
    assert_eq!(r.data[1].xsi_nil, None);
    assert_eq!(r.data[1].value.as_deref(), Some("v"));
    // A nil element of a simple type has no value.
    let note = r.note.as_ref().unwrap();
    assert_eq!((note.xsi_nil, note.value.as_deref()), (Some(true), None));
    let level = r.level.as_ref().unwrap();
    assert_eq!(
        (level.xsi_nil, level.value.as_ref().map(|v| v.as_str())),
        (None, Some("Exchange2007"))
    );
    // A declared reference to xsi:type.
    assert_eq!(r.hinted.as_ref().unwrap().r#type, named("Other"));
    let size = r.size.as_ref().unwrap();
    assert_eq!((size.xsi_nil, size.value), (Some(true), None));
    // Built in Rust: a value exactly when not nil, says validate().
    let mut built = r.clone();
    built.size.as_mut().unwrap().xsi_nil = None;
    built.note.as_mut().unwrap().value = Some("n".into());
    let errors: Vec<String> = built
        .validate()
        .unwrap_err()
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        errors,
        [
            "/Responses/Note: has a value, but is nil (xsi:nil=\"true\")",
            "/Responses/Size: has no value, but is not nil (xsi:nil)",
        ]
    );
    // An empty element with a default is its default.
    let xml = std::fs::read_to_string(sample_path("instance/samples/Responses.xml")).unwrap();
    let defaulted: instance::Responses =
        read(&xml.replace("</Responses>", "<Retries/></Responses>")).unwrap();
    assert_eq!(defaulted.retries, Some(3));
    let nil_with_content = read::<instance::Responses>(&xml.replace(
        r#"<Size xsi:nil="true"/>"#,
        r#"<Size xsi:nil="true">4</Size>"#,
    ));
    assert_eq!(
        nil_with_content.unwrap_err().to_string(),
        "Size: an element with xsi:nil=\"true\" has content"
    );
    // Wildcards through an attribute group (##other) and on simple content (##any).
    let tagged = r.tagged.as_ref().unwrap();
    assert_eq!(
        (tagged.name.as_str(), tagged.lang.as_deref()),
        ("n", Some("en"))
    );
    assert_eq!(tagged.extra, ["a", "b"]);
    assert_eq!(
        tagged.other_attributes,
        [
            attribute(Some(OTHER), Some("x"), "color", "blue"),
            attribute(Some(OTHER), Some("x"), "size", "10"),
        ]
    );
    let label = r.label.as_ref().unwrap();
    assert_eq!(label.value, "text of the label");
    assert_eq!(
        label.other_attributes,
        [
            attribute(Some(OTHER), Some("x"), "kind", "plain"),
            attribute(None, None, "note", "any namespace"),
        ]
    );
    // ##other allows no attribute of no namespace or of the target namespace.
    let tagged = |attributes: &str| {
        format!(
            r#"<TaggedType xmlns="urn:example:instance" xmlns:t="urn:example:instance" {attributes}><Name>n</Name></TaggedType>"#
        )
    };
    for (attributes, error) in [
        ("plain=\"1\"", "unexpected attribute plain"),
        (
            "t:own=\"2\"",
            "unexpected attribute {urn:example:instance}own",
        ),
    ] {
        let err = yaserde::de::from_str::<instance::TaggedType>(&tagged(attributes)).unwrap_err();
        assert_eq!(err.to_string(), error);
    }
}

#[test]
fn an_extension_keeps_the_attributes_its_base_allows() {
    let open: instance::Open = xsd_runtime::from_str(
        r#"<Open xmlns="urn:example:instance" xmlns:a="urn:example:a" xmlns:b="urn:example:b" a:x="1" b:y="2"/>"#,
    )
    .unwrap();
    let names: Vec<_> = open
        .other_attributes
        .iter()
        .map(|a| a.local_name.as_str())
        .collect();
    assert_eq!(names, ["x", "y"]);
    let err = xsd_runtime::from_str::<instance::Open>(
        r#"<Open xmlns="urn:example:instance" xmlns:c="urn:example:c" c:z="3"/>"#,
    )
    .unwrap_err();
    assert_eq!(err.to_string(), "unexpected attribute {urn:example:c}z");
}

#[test]
fn exact_values_have_typed_accessors() {
    use xsd_runtime::values::{self as xsd, Timezone};
    let events: values::Events = roundtrip("values/samples/Events.xml");
    let mut e = events.event[0].clone();
    let start = e.parse_start().unwrap();
    assert_eq!(
        (
            start.year,
            start.month,
            start.day,
            start.hour,
            start.minute,
            start.second
        ),
        (2026, 11, 23, 9, 13, 54)
    );
    assert_eq!(start.fraction, "1234567891", "every digit is kept");
    assert_eq!(start.nanosecond(), 123_456_789);
    assert_eq!(start.timezone, Some(Timezone::Offset(60)));
    let end = e.parse_end().unwrap().unwrap();
    assert_eq!((end.hour, end.timezone), (24, Some(Timezone::Utc)));
    let days = e.parse_day().unwrap();
    assert_eq!((days[0].year, days[0].day, days[1].year), (2024, 29, 12026));
    let at = e.parse_at().unwrap().unwrap();
    assert_eq!(
        (at.hour, at.minute, at.timezone),
        (9, 30, Some(Timezone::Offset(-480)))
    );
    // The attribute `value` is `value`; the text beside it is `text_value`.
    let span = |s: &values::AnySpan| -> values::Span {
        match s {
            values::AnySpan::Span(s) => s.clone(),
            other => panic!("a Span expected: {other:?}"),
        }
    };
    let length = span(&e.length).parse_text_value().unwrap();
    assert!(length.negative);
    assert_eq!(
        (length.years, length.seconds, length.fraction.as_str()),
        (1, 6, "789")
    );
    assert_eq!(span(&e.length).parse_value(), Ok(Some(vec![0xca, 0xfe])));
    let short = e.short.as_ref().unwrap().parse_text_value().unwrap();
    assert_eq!(short.minutes, 90, "kept as written, not normalized");
    assert_eq!(e.parse_payload(), Ok(Some(b"foobar".to_vec())));
    assert_eq!(e.parse_seen(), Ok(123456789012345678901234));
    assert_eq!(e.parse_offset(), Ok(Some(-7)));
    let created = e.parse_created().unwrap();
    assert_eq!((created.year, created.fraction.as_str()), (-44, "5"));
    assert_eq!(e.parse_hash(), Ok(Some(vec![0x0f, 0xb7])));

    // Setting a field from a value: Display writes a valid lexical form.
    let mut later = start.clone();
    later.year += 1;
    later.fraction.clear();
    later.timezone = None;
    e.start = later.to_string();
    e.payload = Some(xsd::Base64Binary(vec![0, 255]).to_string());
    e.hash = Some(xsd::HexBinary(vec![1, 2]).to_string());
    e.day = vec!["2000-01-01".parse::<xsd::Date>().unwrap().to_string()];
    let written = yaserde::ser::to_string(&values::Events { event: vec![e] }).unwrap();
    let read: values::Events = yaserde::de::from_str(&written).unwrap();
    let read = &read.event[0];
    assert_eq!(read.start, "2027-11-23T09:13:54");
    assert_eq!(read.parse_start(), Ok(later));
    assert_eq!(read.parse_payload(), Ok(Some(vec![0, 255])));
    assert_eq!(read.hash.as_deref(), Some("0102"));

    // A wrong value stays readable as text; the accessor says what is wrong.
    let mut bad = read.clone();
    bad.start = "2026-02-30T00:00:00".into();
    bad.offset = Some("0".into());
    bad.seen = "1".repeat(40);
    let err = bad.parse_start().unwrap_err();
    assert_eq!(
        err.to_string(),
        "invalid dateTime value \"2026-02-30T00:00:00\": the day does not exist in that month"
    );
    assert_eq!(bad.parse_offset().unwrap_err().reason, "greater than -1");
    assert_eq!(
        bad.parse_seen().unwrap_err().reason,
        "out of the range of i128"
    );

    let minimal = &events.event[1];
    assert_eq!(
        (
            minimal.parse_end(),
            minimal.parse_at(),
            minimal.parse_hash()
        ),
        (Ok(None), Ok(None), Ok(None))
    );
    assert_eq!(
        span(&minimal.length)
            .parse_text_value()
            .unwrap()
            .to_string(),
        "PT0S"
    );
    assert_eq!(minimal.parse_seen(), Ok(0));
    let h: values::Holiday = roundtrip("values/samples/Holiday.xml");
    assert_eq!(
        (h.value, h.name.as_deref()),
        (values::Holiday2::V20261225, Some("Christmas"))
    );
    let d: values::Deadline = roundtrip("values/samples/Deadline.xml");
    assert_eq!(d.parse_value().unwrap().to_string(), "2026-12-31T23:59:59Z");
}

/// The violations `validate()` finds in `xml` (read with quick-xml), as text.
fn violations<T: YaDeserialize + xsd_runtime::Root + xsd_runtime::Validate>(
    xml: &str,
) -> Vec<String> {
    let value: T = xsd_runtime::from_str(xml).unwrap_or_else(|e| panic!("{e}\n{xml}"));
    match value.validate() {
        Ok(()) => Vec::new(),
        Err(violations) => violations.iter().map(ToString::to_string).collect(),
    }
}

#[test]
fn validate_accepts_the_valid_orders() {
    let order: facets::Order = roundtrip("facets/samples/Order.xml");
    assert_eq!(order.item.len(), 2);
    assert_eq!(order.r#ref, ["QX", "12"]);
    let minimal: facets::Order = roundtrip("facets/samples/Order.minimal.xml");
    assert_eq!(minimal.choice, facets::OrderChoice::Due("never".into()));
}

/// Each violation of the fixture's facets, made by changing one value of
/// the valid sample: `validate()` finds it, and only it, with its path.
#[test]
fn validate_rejects_each_facet_violation_with_its_path() {
    let xml = std::fs::read_to_string(sample_path("facets/samples/Order.xml")).unwrap();
    let item = "/Order/Item";
    let cases: &[(&str, &str, &str)] = &[
        // Digits, the pattern, the bound, the lexical form (and the pattern).
        (
            "<Price>123.45</Price>",
            "<Price>1234.56</Price>",
            "/Price: \"1234.56\" has 6 digits, more than totalDigits 5",
        ),
        (
            "<Price>123.45</Price>",
            "<Price>123.4</Price>",
            "/Price: \"123.4\" does not match the pattern \\d+\\.\\d{2}",
        ),
        (
            "<Price>123.45</Price>",
            "<Price>0.00</Price>",
            "/Price: \"0.00\" is not greater than minExclusive 0",
        ),
        (
            "<Price>123.45</Price>",
            "<Price>12a</Price>",
            "/Price: \"12a\" is not a valid decimal: expected digits, with an optional sign and decimal point\n\
             /Order/Item/Price: \"12a\" does not match the pattern \\d+\\.\\d{2}",
        ),
        // The patterns of two steps: the type's own are alternatives, the base's must hold too.
        (
            "<Sku>AB</Sku>",
            "<Sku>CD</Sku>",
            "/Sku: \"CD\" does not match any of the patterns A.* | B.*",
        ),
        (
            "<Sku>AB</Sku>",
            "<Sku>A1</Sku>",
            "/Sku: \"A1\" does not match the pattern [A-Z]{2,4}",
        ),
        (
            "<Sku>AB</Sku>",
            "<Sku>ABCD</Sku>",
            "/Sku: \"ABCD\" is longer than maxLength 3 (4 characters)",
        ),
        (
            "<Quantity>99</Quantity>",
            "<Quantity>100</Quantity>",
            "/Quantity: \"100\" is greater than maxInclusive 99",
        ),
        // A list: its length in items, each item's pattern.
        (
            "<Tags> AB  XYZ </Tags>",
            "<Tags>AB CD EF GH</Tags>",
            "/Tags: \"AB CD EF GH\" is longer than maxLength 3 (4 items)",
        ),
        (
            "<Tags> AB  XYZ </Tags>",
            "<Tags>AB x</Tags>",
            "/Tags: \"x\" does not match the pattern [A-Z]{2,4}",
        ),
        (
            "<Tags> AB  XYZ </Tags>",
            "<Tags> </Tags>",
            "/Tags: \"\" is shorter than minLength 1 (0 items)",
        ),
        // An empty element stands for its default, a value does not.
        (
            "<Unit/>",
            "<Unit>x</Unit>",
            "/Unit: \"x\" does not match the pattern [A-Z]{2,4}",
        ),
        // An open enumeration's undeclared value.
        (
            "<Color>red</Color>",
            "<Color>blue</Color>",
            "/Color: \"blue\" is not one of the enumerated values \"red\", \"green\"",
        ),
    ];
    let order: &[(&str, &str, &str)] = &[
        // A union kept as text, in a choice; the other alternative's range.
        (
            "<Due>2026-12-24</Due>",
            "<Due>soon</Due>",
            "/Order/Due: \"soon\" is not a valid value of any type of the union of (date, string)",
        ),
        (
            "<Due>2026-12-24</Due>",
            "<Rush>0</Rush>",
            "/Order/Rush: \"0\" is less than minInclusive 1",
        ),
        (
            "<Ref>12</Ref>",
            "<Ref>0</Ref>",
            "/Order/Ref: \"0\" is not a valid value of any type of the union of (token, positiveInteger)",
        ),
        // Enumerations of a value kept as text, under a pattern of its own.
        (
            "<Grade>B</Grade>",
            "<Grade>C</Grade>",
            "/Order/Grade: \"C\" is not one of the enumerated values \"A\", \"B\", \"Z\"",
        ),
        (
            "<Grade>B</Grade>",
            "<Grade>Z</Grade>",
            "/Order/Grade: \"Z\" does not match the pattern [A-F]",
        ),
        // Lexical forms of values kept as text.
        (
            "<Digest>Zm9v YmFy</Digest>",
            "<Digest>Zm9v=YmFy</Digest>",
            "/Order/Digest: \"Zm9v=YmFy\" is not a valid base64Binary: the length (without whitespace) is not a multiple of 4",
        ),
        (
            "<Placed>2026-11-23T09:13:54Z</Placed>",
            "<Placed>2026-11-31T09:13:54Z</Placed>",
            "/Order/Placed: \"2026-11-31T09:13:54Z\" is not a valid dateTime: the day does not exist in that month",
        ),
        // Simple content, and its attribute; the root's attributes.
        (
            "ten chars!",
            "eleven chars",
            "/Order/Note: \"eleven chars\" is longer than maxLength 10 (12 characters)",
        ),
        (
            "lang=\"en-GB\"",
            "lang=\"en_GB\"",
            "/Order/Note/@lang: \"en_GB\" is not a valid language: a language tag is letters (1 to 8), then `-` and letters or digits (1 to 8) any number of times",
        ),
        (
            "id=\"ORD\"",
            "id=\"ord\"",
            "/Order/@id: \"ord\" does not match the pattern [A-Z]{2,4}",
        ),
        (
            "currency=\"EUR\"",
            "currency=\"EURO\"",
            "/Order/@currency: \"EURO\" is not of length 3 (4 characters)",
        ),
    ];
    let all = cases
        .iter()
        .map(|(from, to, expected)| (*from, *to, format!("{item}{expected}")))
        .chain(order.iter().map(|(f, t, e)| (*f, *t, e.to_string())));
    for (from, to, expected) in all {
        assert!(xml.contains(from), "{from}");
        let bad = xml.replacen(from, to, 1);
        assert_eq!(
            violations::<facets::Order>(&bad).join("\n"),
            expected,
            "{to}"
        );
    }
}

/// A global element of a simple type with a default: empty, it stands for
/// the default, which is what is checked (W3C sunData valueConstraint00101m1).
#[test]
fn validate_checks_an_empty_root_as_its_default() {
    let ns = r#"xmlns="urn:example:facets""#;
    assert_eq!(
        violations::<facets::Quantity>(&format!("<Quantity {ns}/>")),
        Vec::<String>::new()
    );
    assert_eq!(
        violations::<facets::Quantity>(&format!("<Quantity {ns}>2.50</Quantity>")),
        Vec::<String>::new()
    );
    assert_eq!(
        violations::<facets::Quantity>(&format!("<Quantity {ns}>2.5</Quantity>")),
        [r#"/Quantity: "2.5" does not match the pattern \d+\.\d{2}"#]
    );
}

/// A wildcard that validates its content: a global element in it is read
/// as one and checked, its violations under its name; one that does not
/// read as its declaration is a violation of its content.
#[test]
fn validate_checks_the_elements_of_a_validating_wildcard() {
    let bundle: facets::Bundle = roundtrip("facets/samples/Bundle.xml");
    assert_eq!(bundle.any.len(), 2);
    let xml = std::fs::read_to_string(sample_path("facets/samples/Bundle.xml")).unwrap();
    let bad = xml
        .replace("<Rush>5</Rush>", "<Rush>500</Rush>")
        .replace("id=\"CD\"", "id=\"cd\"");
    assert_eq!(
        violations::<facets::Bundle>(&bad),
        [
            "/Bundle/Order/Rush: \"500\" is greater than maxInclusive 99",
            "/Bundle/Order/@id: \"cd\" does not match the pattern [A-Z]{2,4}",
        ]
    );
    let unreadable = xml.replace("<Due>2027-01-01</Due>", "");
    let found = violations::<facets::Bundle>(&unreadable);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0]
            .starts_with("/Bundle/Order: does not read as the element Order the schema declares: "),
        "{found:?}"
    );
}

/// Every violation, not only the first; in a value built in Rust too
/// (whose counts no reader checked); through the enum of global elements.
#[test]
fn validate_reports_every_violation_of_a_built_value() {
    let xml = std::fs::read_to_string(sample_path("facets/samples/Order.minimal.xml")).unwrap();
    let mut order: facets::Order = xsd_runtime::from_str(&xml).unwrap();
    assert_eq!(order.validate(), Ok(()));
    let item = order.item[0].clone();
    order.item = vec![item.clone(), item.clone(), item.clone(), item];
    order.item[1].quantity = 0;
    order.item[3].price = "-1".into();
    order.id = "AB CD".into();
    order.currency = Some("EU".into());
    let errors = order.validate().unwrap_err();
    let text: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert_eq!(
        text,
        [
            "/Order/Item: occurs 4 times, more than maxOccurs 3",
            "/Order/Item/Quantity: \"0\" is less than minInclusive 1",
            "/Order/Item/Price: \"-1\" is not greater than minExclusive 0",
            "/Order/Item/Price: \"-1\" does not match the pattern \\d+\\.\\d{2}",
            "/Order/@id: \"AB CD\" does not match the pattern [A-Z]{2,4}",
            "/Order/@currency: \"EU\" is not of length 3 (2 characters)",
        ]
    );
    let kinds: Vec<Constraint> = errors.iter().map(|v| v.constraint).collect();
    assert_eq!(
        kinds,
        [
            Constraint::MaxOccurs,
            Constraint::MinInclusive,
            Constraint::MinExclusive,
            Constraint::Pattern,
            Constraint::Pattern,
            Constraint::Length,
        ]
    );
    order.item.clear();
    let document = facets::Document::Order(order);
    let errors = document.validate().unwrap_err();
    assert_eq!(
        errors[0].to_string(),
        "/Order/Item: occurs 0 times, fewer than minOccurs 1"
    );
    // validate_into leaves the element's own name to its holder.
    let mut out = xsd_runtime::validate::Violations::default();
    document.validate_into(&mut out);
    assert_eq!(out[0].path(), "/Item");
    // An open enumeration by itself checks its undeclared value.
    assert_eq!(facets::Color::Red.validate(), Ok(()));
    let purple = "purple".parse::<facets::Color>().unwrap();
    assert_eq!(
        purple.validate().unwrap_err()[0].to_string(),
        "\"purple\" is not one of the enumerated values \"red\", \"green\""
    );
}

#[test]
fn redefinitions_replace_the_originals_everywhere() {
    // base.xsd's Person element has base.xsd's Person type, as redefined
    // (with `age`), its Contact group (with `phone`) and its Common
    // attribute group (with `code`).
    let p: redefine::Person = roundtrip("redefine/samples/Person.xml");
    assert_eq!(
        (p.name.as_str(), p.email.as_str(), p.phone.as_deref(), p.age),
        ("Ada", "ada@example.com", Some("555 0100"), 36)
    );
    assert_eq!(
        (p.id.as_str(), p.code.as_deref(), p.size.as_deref()),
        ("p1", Some("x7"), Some("M"))
    );
}

#[test]
fn xsd_1_1_default_attributes_apply_where_not_refused() {
    let d: xsd11::v11::Doc = roundtrip("xsd11/samples/Doc.xml");
    // From the default attribute group: xml.xsd's (built in) and its own.
    assert_eq!(d.lang.as_deref(), Some("en"));
    assert_eq!(d.stamp.as_deref(), Some("2026-01-02T03:04:05Z"));
    assert_eq!(
        (d.span.as_deref(), d.time.as_deref()),
        (Some("P1Y2M"), Some("PT5H"))
    );
    // A NOTATION is a QName: the namespace its prefix is bound to.
    assert_eq!(
        d.format,
        Some(xsd_runtime::QName::new("urn:example:v11", "png"))
    );
    assert_eq!(d.due.as_deref(), Some("2026-03-01T09:00:00+01:00"));
    // The wildcard in the xs:all keeps the foreign element.
    assert!(d.any.is_some(), "{d:?}");
    // Note says defaultAttributesApply="false": only its own attribute.
    let xsd11::v11::Note { by, value } = d.note.unwrap();
    assert_eq!((by.as_deref(), value.as_str()), (Some("ada"), "keep"));
}

#[test]
fn xsd_1_1_an_element_stands_for_each_of_its_heads() {
    use xsd11::v11::{CreditsAuthor, CreditsEditor};
    let c: xsd11::v11::Credits = roundtrip("xsd11/samples/Credits.xml");
    assert_eq!(c.author, CreditsAuthor::Person("Ada".into()));
    assert_eq!(c.editor, CreditsEditor::Person("Grace".into()));
}

#[test]
fn values_are_written_back_as_they_were_read() {
    use xsd_runtime::QName;
    const UNITS: &str = "urn:example:units";
    let r: lexical::Reading = roundtrip("lexical/samples/Reading.xml");
    assert_eq!((r.count, r.version), (1, Some(12)));
    assert_eq!(r.flag, [true, true, false]);
    assert_eq!((r.ratio, r.small), (Some(10.0), f32::NEG_INFINITY));
    assert_eq!(r.level, Some(7), "an empty element is its default");
    assert_eq!(r.sizes.0, [1, 2, 3]);
    assert_eq!((r.measure.value, r.measure.exact), (42, Some(true)));
    // QNames: the namespace their prefix is bound to on the root, and the
    // prefix; an unprefixed one is in the default namespace.
    assert_eq!(r.unit, QName::new(UNITS, "litre"));
    assert_eq!(r.unit.prefix.as_deref(), Some("u"));
    assert_eq!(r.r#ref, Some(QName::new(UNITS, "metre")));
    assert_eq!(
        r.units.0,
        [
            QName::new("urn:example:codes", "a"),
            QName::new("urn:example:default", "plain"),
            QName::new(UNITS, "gram"),
        ]
    );
    // An enumeration of QNames is a QName: `c:b` in the schema, `k:b` here.
    assert_eq!(r.code, QName::new("urn:example:codes", "b"));
    // An enumeration of lists of QNames is a list of QNames.
    assert_eq!(
        r.codes.0,
        [
            QName::new("urn:example:codes", "a"),
            QName::new("urn:example:codes", "b"),
        ]
    );

    // Every value in its text as read; each prefix declared where it is
    // used (the root declares only its own namespace), and the default
    // namespace where an unprefixed QName needs it (its element then takes
    // a prefix).
    let expected = concat!(
        r#"<Reading xmlns="urn:example:lexical" version="+0012" xmlns:u="urn:example:units" ref="u:metre">"#,
        "<count> +01 </count><flag>1</flag><flag>true</flag><flag>0</flag>",
        "<ratio>1.0E1</ratio><small>-INF</small><level/><sizes>  1   +2\n    03 </sizes>",
        "<unit>u:litre</unit>",
        r#"<ns1:units xmlns:k="urn:example:codes" xmlns:ns1="urn:example:lexical" xmlns="urn:example:default">k:a plain u:gram</ns1:units>"#,
        r#"<code xmlns:k="urn:example:codes">k:b</code>"#,
        r#"<codes xmlns:c="urn:example:codes">c:a c:b</codes>"#,
        r#"<measure exact="1">0042</measure>"#,
        "</Reading>"
    );
    assert_eq!(xsd_runtime::to_string(&r).unwrap(), expected);

    // A value the program changes is written in its own form; the others
    // stay as they were.
    let mut changed = r.clone();
    changed.count = 2;
    changed.flag[2] = true;
    changed.flag.push(false);
    changed.sizes.0[0] = 1;
    changed.sizes.0.push(4);
    changed.measure.exact = Some(false);
    changed.level = Some(8);
    changed.unit = QName::new("urn:example:other", "inch").with_prefix("u");
    assert_eq!(changed, {
        let mut again = r.clone();
        again.lexical.clear();
        again.measure.lexical.clear();
        again.count = 2;
        again.flag = vec![true, true, true, false];
        again.sizes.0.push(4);
        again.measure.exact = Some(false);
        again.level = Some(8);
        again.unit = QName::new("urn:example:other", "inch");
        again
    });
    let written = xsd_runtime::to_string(&changed).unwrap();
    for part in [
        r#"version="+0012""#,
        "<count>2</count><flag>1</flag><flag>true</flag><flag>true</flag><flag>false</flag>",
        "<ratio>1.0E1</ratio>",
        "<level>8</level><sizes>1 2 3 4</sizes>",
        r#"<unit xmlns:u="urn:example:other">u:inch</unit>"#,
        r#"<measure exact="false">0042</measure>"#,
    ] {
        assert!(written.contains(part), "{part} in {written}");
    }
    let again: lexical::Reading = xsd_runtime::from_str(&written).unwrap();
    assert_eq!(again, changed);

    // A value the program builds: every value in its own form.
    let built = lexical::Reading {
        count: -5,
        flag: vec![false],
        ratio: Some(1e300),
        small: f32::NAN,
        level: None,
        sizes: lexical::Sizes(vec![-1, 0]),
        unit: QName::new(UNITS, "litre"),
        units: lexical::QNames(vec![QName::new("", "none")]),
        code: QName::new("urn:example:codes", "a").with_prefix("c"),
        codes: lexical::QNames(vec![QName::new("urn:example:codes", "b").with_prefix("c")]),
        measure: lexical::Measure {
            value: 0,
            exact: None,
            lexical: Default::default(),
        },
        version: None,
        r#ref: None,
        lexical: Default::default(),
    };
    assert_eq!(
        xsd_runtime::to_string(&built).unwrap(),
        concat!(
            r#"<Reading xmlns="urn:example:lexical"><count>-5</count><flag>false</flag>"#,
            "<ratio>1e300</ratio><small>NaN</small><sizes>-1 0</sizes>",
            r#"<ns1:unit xmlns:ns1="urn:example:lexical" xmlns="urn:example:units">litre</ns1:unit>"#,
            r#"<ns1:units xmlns:ns1="urn:example:lexical" xmlns="">none</ns1:units>"#,
            r#"<code xmlns:c="urn:example:codes">c:a</code>"#,
            r#"<codes xmlns:c="urn:example:codes">c:b</codes><measure>0</measure></Reading>"#
        )
    );

    // validate(): the enumeration of QNames compares values (the sample's
    // `k:b` is the schema's `c:b`, so roundtrip() found it valid), not
    // prefixes; a QName built in Rust is checked as it would be written.
    assert_eq!(built.validate(), Ok(()));
    let mut other = built.clone();
    other.code = QName::new("urn:example:other", "a").with_prefix("c");
    other.unit = QName::new(UNITS, "no name");
    let found: Vec<(Constraint, String)> = other
        .validate()
        .unwrap_err()
        .iter()
        .map(|v| (v.constraint, v.path()))
        .collect();
    assert_eq!(
        found,
        [
            (Constraint::Type, "/Reading/unit".to_string()),
            (Constraint::Enumeration, "/Reading/code".to_string()),
        ]
    );
}
