//! The subjects: typed bindings reading a document into their value and
//! writing the value back. Each [`Codec`] is made from the document it
//! reads, and checks, before anything is measured, that it reads it and
//! writes it back whole, so that a bench never measures a failure.
//!
//! - [`xsd_parser`]: xsd-parser's generated quick-xml bindings (`peer`);
//! - [`yaserde`]: our bindings through yaserde (`um_bindings`, `ews_bench`);
//! - [`quick`]: our bindings through the runtime's fast backend, quick-xml
//!   (`xsd_runtime::from_slice_with`, `xsd_runtime::to_vec`).

use std::fmt::Debug;
use std::hint::black_box;

use xsd_parser_types::quick_xml::{
    DeserializeSync, SerializeSync, SliceReader, WithDeserializer, WithSerializer, Writer,
    XmlReader,
};

/// What a subject does with one document: reads the document's bytes into
/// its typed value, and writes the value read once beforehand.
pub struct Codec {
    read: Box<Reader>,
    write: Box<dyn Fn() -> Vec<u8>>,
}

/// Reads a document into a typed value (and drops it).
type Reader = dyn Fn(&[u8]);

impl Codec {
    /// A codec from its two halves.
    pub fn new(read: impl Fn(&[u8]) + 'static, write: impl Fn() -> Vec<u8> + 'static) -> Self {
        Codec {
            read: Box::new(read),
            write: Box::new(write),
        }
    }

    /// Reads `bytes` into the typed value (and drops it).
    pub fn read(&self, bytes: &[u8]) {
        (self.read)(bytes)
    }

    /// Writes the value read beforehand.
    pub fn write(&self) -> Vec<u8> {
        (self.write)()
    }
}

/// Reads `bytes` with xsd-parser's bindings, as its own benchmark does (a
/// `SliceReader` with error positions).
pub fn xsd_parser_read<T: WithDeserializer>(
    bytes: &[u8],
) -> Result<T, xsd_parser_types::quick_xml::Error> {
    let mut reader = SliceReader::from_bytes(bytes).with_error_info();
    T::deserialize(&mut reader)
}

/// Writes `value` with xsd-parser's bindings as the element `root` (a
/// qualified name with xsd-parser's prefix, such as `m:FindItemResponse`:
/// the type of an element of a named type writes the type's name unless
/// told), without indentation.
pub fn xsd_parser_write<T: WithSerializer>(
    value: &T,
    root: &str,
) -> Result<Vec<u8>, xsd_parser_types::quick_xml::Error> {
    let mut writer = Writer::new(Vec::new());
    value.serialize(root, &mut writer)?;
    Ok(writer.into_inner())
}

/// xsd-parser's bindings of type `T` on `document`, written as the element
/// `root` (see [`xsd_parser_write`]); `check` looks at the value read (e.g.
/// counts the FindItem messages).
///
/// Checks that the value writes back to a document with the same elements,
/// attributes and values ([`check_written`]; where it does not, says how on
/// standard error and checks that the written document is well-formed with
/// as many elements and attributes), and that the written document reads
/// and writes again to the same bytes. (The generated types implement
/// no `PartialEq`: substitution groups become `Box<dyn Trait>`.)
pub fn xsd_parser<T>(name: &str, document: &[u8], root: &str, check: impl Fn(&T)) -> Codec
where
    T: WithDeserializer + WithSerializer + 'static,
{
    let value: T = xsd_parser_read(document).unwrap_or_else(|e| panic!("{name}: xsd-parser: {e}"));
    check(&value);
    let written =
        xsd_parser_write(&value, root).unwrap_or_else(|e| panic!("{name}: xsd-parser writes: {e}"));
    if let Err(difference) = same_tree(document, &written) {
        // xsd-parser writes a carriage return in text as is, which a reader
        // turns into a line feed (the iDEAL signature's `&#13;`): say so,
        // and check at least that nothing is missing.
        let (expected, got) = (census(document).unwrap(), census(&written));
        eprintln!("note: {name}: xsd-parser writes a different document: {difference}");
        assert_eq!(
            got,
            Ok(expected),
            "{name}: xsd-parser's written document has other elements and attributes"
        );
    }
    let again: T = xsd_parser_read(&written)
        .unwrap_or_else(|e| panic!("{name}: xsd-parser reads what it wrote: {e}"));
    check(&again);
    let rewritten = xsd_parser_write(&again, root).unwrap();
    assert!(
        rewritten == written,
        "{name}: xsd-parser writes what it read back differently"
    );
    Codec::new(
        |bytes| {
            black_box(xsd_parser_read::<T>(bytes).unwrap());
        },
        {
            let root = root.to_string();
            move || xsd_parser_write(&value, &root).unwrap()
        },
    )
}

/// Reads `bytes` with our bindings through yaserde: the generated
/// `YaDeserialize` over xml-rs in the bindings' configuration, on the
/// element alone (no envelope, no input limits).
pub fn yaserde_read<T: yaserde::YaDeserialize>(bytes: &[u8]) -> Result<T, yaserde::Error> {
    let mut reader =
        yaserde::de::Deserializer::new(crate::floors::xml_rs_config().create_reader(bytes));
    T::deserialize(&mut reader)
}

/// Writes `value` with our bindings through yaserde, without declaration or
/// indentation.
pub fn yaserde_write<T: yaserde::YaSerialize>(value: &T) -> Result<String, yaserde::Error> {
    let config = yaserde::ser::Config {
        perform_indent: false,
        write_document_declaration: false,
        indent_string: None,
    };
    yaserde::ser::to_string_with_config(value, &config)
}

/// Our bindings of type `T`, through yaserde, on `document`; `check` looks
/// at the value read.
///
/// Checks that the value writes back to the same document
/// ([`check_written`]) and reads back to the same value.
pub fn yaserde<T>(name: &str, document: &[u8], check: impl Fn(&T)) -> Codec
where
    T: yaserde::YaDeserialize + yaserde::YaSerialize + PartialEq + Debug + 'static,
{
    let value: T = yaserde_read(document).unwrap_or_else(|e| panic!("{name}: yaserde: {e}"));
    check(&value);
    let written = yaserde_write(&value).unwrap_or_else(|e| panic!("{name}: yaserde writes: {e}"));
    check_written(name, "bindings-yaserde", document, written.as_bytes());
    let again: T = yaserde_read(written.as_bytes())
        .unwrap_or_else(|e| panic!("{name}: yaserde reads what it wrote: {e}"));
    assert!(
        again == value,
        "{name}: yaserde reads back a different value"
    );
    Codec::new(
        |bytes| {
            black_box(yaserde_read::<T>(bytes).unwrap());
        },
        move || yaserde_write(&value).unwrap().into_bytes(),
    )
}

/// Checks that `written` is `document` again as an XML tree: the same
/// elements and attributes, namespaces and values (not prefixes,
/// declarations or indentation; see `testkit::xml_tree_eq`). Panics naming
/// the first difference.
pub fn check_written(name: &str, subject: &str, document: &[u8], written: &[u8]) {
    if let Err(difference) = same_tree(document, written) {
        panic!("{name}: {subject} writes a different document: {difference}");
    }
}

/// Whether `written` is `document` again as an XML tree, else the first
/// difference.
fn same_tree(document: &[u8], written: &[u8]) -> Result<(), String> {
    let document = std::str::from_utf8(document).expect("UTF-8 document");
    let written = std::str::from_utf8(written).map_err(|e| format!("invalid UTF-8: {e}"))?;
    testkit::xml_tree_eq(document, written)
        .map_err(|difference| format!("{difference}\nwritten: {written}"))
}

/// The number of elements and of attributes (namespace declarations aside)
/// in `document`, which must be well-formed.
fn census(document: &[u8]) -> Result<(usize, usize), String> {
    let text = std::str::from_utf8(document).map_err(|e| e.to_string())?;
    let tree = roxmltree::Document::parse(text).map_err(|e| e.to_string())?;
    let elements = tree.descendants().filter(|n| n.is_element());
    Ok(elements.fold((0, 0), |(e, a), n| (e + 1, a + n.attributes().len())))
}

/// The options [`quick_read`] reads with: the default limits, but for the
/// document's length and its elements, which the FindItem body (3 MB,
/// 110,000 elements) is over. Each limit is checked all the same.
pub fn quick_options() -> xsd_runtime::ReadOptions {
    xsd_runtime::ReadOptions {
        limits: xsd_runtime::Limits {
            max_document_len: 64 << 20,
            max_elements: 1 << 20,
            ..xsd_runtime::Limits::default()
        },
        ..Default::default()
    }
}

/// Reads `bytes` with our bindings through the runtime's fast backend
/// (quick-xml): `xsd_runtime::from_slice_with`, a whole document whose root
/// is `T`'s element, within [`quick_options`].
pub fn quick_read<T: xsd_runtime::Root>(bytes: &[u8]) -> xsd_runtime::Result<T> {
    xsd_runtime::from_slice_with(bytes, &quick_options())
}

/// Writes `value` with our bindings through the runtime's writer
/// (`xsd_runtime::to_vec`: the root element, no declaration).
pub fn quick_write<T: xsd_runtime::Root>(value: &T) -> xsd_runtime::Result<Vec<u8>> {
    xsd_runtime::to_vec(value)
}

/// Our bindings of type `T`, through the runtime's fast backend
/// (`bindings-quick`), on `document`; `check` looks at the value read.
///
/// Checks that the value writes back to the same document
/// ([`check_written`]) and reads back to the same value, and that yaserde
/// reads the same value (both backends agree).
pub fn quick<T>(name: &str, document: &[u8], check: impl Fn(&T)) -> Codec
where
    T: xsd_runtime::Root + yaserde::YaDeserialize + PartialEq + Debug + 'static,
{
    let value: T = quick_read(document).unwrap_or_else(|e| panic!("{name}: bindings-quick: {e}"));
    check(&value);
    let through_yaserde: T =
        yaserde_read(document).unwrap_or_else(|e| panic!("{name}: yaserde: {e}"));
    assert!(
        through_yaserde == value,
        "{name}: the two backends read different values"
    );
    let written =
        quick_write(&value).unwrap_or_else(|e| panic!("{name}: bindings-quick writes: {e}"));
    check_written(name, "bindings-quick", document, &written);
    let again: T = quick_read(&written)
        .unwrap_or_else(|e| panic!("{name}: bindings-quick reads what it wrote: {e}"));
    assert!(
        again == value,
        "{name}: bindings-quick reads back a different value"
    );
    Codec::new(
        |bytes| {
            black_box(quick_read::<T>(bytes).unwrap());
        },
        move || quick_write(&value).unwrap(),
    )
}
