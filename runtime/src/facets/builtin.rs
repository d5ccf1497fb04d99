//! The built-in simple types of XML Schema 1.0: what a restriction chain ends in.

use std::fmt;

/// How a value's whitespace is normalized before its facets are checked
/// (the `whiteSpace` facet): the text is kept as written, the facets apply to
/// the normalized value.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum WhiteSpace {
    /// Kept as written (`xs:string`).
    Preserve,
    /// Each tab, line feed and carriage return becomes a space (`xs:normalizedString`).
    Replace,
    /// Replaced, then runs of spaces become one and the ends are trimmed
    /// (every other type, and every list).
    Collapse,
}

impl WhiteSpace {
    /// The `whiteSpace` facet's value (`preserve`, `replace`, `collapse`).
    pub fn from_xsd(value: &str) -> Option<WhiteSpace> {
        match value {
            "preserve" => Some(WhiteSpace::Preserve),
            "replace" => Some(WhiteSpace::Replace),
            "collapse" => Some(WhiteSpace::Collapse),
            _ => None,
        }
    }

    /// The facet's value as XSD writes it.
    pub fn name(self) -> &'static str {
        match self {
            WhiteSpace::Preserve => "preserve",
            WhiteSpace::Replace => "replace",
            WhiteSpace::Collapse => "collapse",
        }
    }
}

macro_rules! builtins {
    ($($(#[$doc:meta])* $variant:ident = $name:literal,)*) => {
        /// A built-in simple type of XML Schema 1.0, by which a value's
        /// lexical form is checked and its facets apply: lengths count
        /// characters, octets or items, ranges compare numbers, instants or
        /// durations.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum BuiltinType {
            $($(#[$doc])* $variant,)*
        }

        impl BuiltinType {
            /// Every built-in type.
            pub const ALL: &'static [BuiltinType] = &[$(BuiltinType::$variant,)*];

            /// The type of a local name in the XML Schema namespace
            /// (`nonNegativeInteger`).
            pub fn from_xsd(name: &str) -> Option<BuiltinType> {
                match name {
                    $($name => Some(BuiltinType::$variant),)*
                    _ => None,
                }
            }

            /// The type's local name in the XML Schema namespace.
            pub fn name(self) -> &'static str {
                match self {
                    $(BuiltinType::$variant => $name,)*
                }
            }
        }
    };
}

builtins! {
    /// `anySimpleType`: any text.
    AnySimpleType = "anySimpleType",
    /// `string`.
    String = "string",
    /// `normalizedString`.
    NormalizedString = "normalizedString",
    /// `token`.
    Token = "token",
    /// `language`.
    Language = "language",
    /// `Name`.
    Name = "Name",
    /// `NCName`.
    NCName = "NCName",
    /// `ID`.
    Id = "ID",
    /// `IDREF`.
    IdRef = "IDREF",
    /// `IDREFS`: a list of `IDREF`, one at least.
    IdRefs = "IDREFS",
    /// `ENTITY`.
    Entity = "ENTITY",
    /// `ENTITIES`: a list of `ENTITY`, one at least.
    Entities = "ENTITIES",
    /// `NMTOKEN`.
    NmToken = "NMTOKEN",
    /// `NMTOKENS`: a list of `NMTOKEN`, one at least.
    NmTokens = "NMTOKENS",
    /// `anyURI`.
    AnyUri = "anyURI",
    /// `QName`.
    QName = "QName",
    /// `NOTATION`.
    Notation = "NOTATION",
    /// `boolean`.
    Boolean = "boolean",
    /// `decimal`.
    Decimal = "decimal",
    /// `integer`.
    Integer = "integer",
    /// `nonPositiveInteger`.
    NonPositiveInteger = "nonPositiveInteger",
    /// `negativeInteger`.
    NegativeInteger = "negativeInteger",
    /// `long`.
    Long = "long",
    /// `int`.
    Int = "int",
    /// `short`.
    Short = "short",
    /// `byte`.
    Byte = "byte",
    /// `nonNegativeInteger`.
    NonNegativeInteger = "nonNegativeInteger",
    /// `unsignedLong`.
    UnsignedLong = "unsignedLong",
    /// `unsignedInt`.
    UnsignedInt = "unsignedInt",
    /// `unsignedShort`.
    UnsignedShort = "unsignedShort",
    /// `unsignedByte`.
    UnsignedByte = "unsignedByte",
    /// `positiveInteger`.
    PositiveInteger = "positiveInteger",
    /// `float`.
    Float = "float",
    /// `double`.
    Double = "double",
    /// `duration`.
    Duration = "duration",
    /// `dateTime`.
    DateTime = "dateTime",
    /// `time`.
    Time = "time",
    /// `date`.
    Date = "date",
    /// `gYearMonth`.
    GYearMonth = "gYearMonth",
    /// `gYear`.
    GYear = "gYear",
    /// `gMonthDay`.
    GMonthDay = "gMonthDay",
    /// `gDay`.
    GDay = "gDay",
    /// `gMonth`.
    GMonth = "gMonth",
    /// `hexBinary`.
    HexBinary = "hexBinary",
    /// `base64Binary`.
    Base64Binary = "base64Binary",
}

impl BuiltinType {
    /// The whitespace normalization the type applies: `preserve` for
    /// `string` and `anySimpleType`, `replace` for `normalizedString`,
    /// `collapse` for everything else.
    pub fn whitespace(self) -> WhiteSpace {
        match self {
            BuiltinType::String | BuiltinType::AnySimpleType => WhiteSpace::Preserve,
            BuiltinType::NormalizedString => WhiteSpace::Replace,
            _ => WhiteSpace::Collapse,
        }
    }

    /// The item type of the three built-in list types (`NMTOKENS`, `IDREFS`,
    /// `ENTITIES`), `None` for the others.
    pub fn list_item(self) -> Option<BuiltinType> {
        match self {
            BuiltinType::NmTokens => Some(BuiltinType::NmToken),
            BuiltinType::IdRefs => Some(BuiltinType::IdRef),
            BuiltinType::Entities => Some(BuiltinType::Entity),
            _ => None,
        }
    }

    /// The primitive type it is derived from (`decimal` for `int`, `string`
    /// for `token`): values of different primitive types are never equal.
    pub fn primitive(self) -> BuiltinType {
        use BuiltinType::*;
        match self {
            NormalizedString | Token | Language | Name | NCName | Id | IdRef | IdRefs | Entity
            | Entities | NmToken | NmTokens => String,
            Integer | NonPositiveInteger | NegativeInteger | Long | Int | Short | Byte
            | NonNegativeInteger | UnsignedLong | UnsignedInt | UnsignedShort | UnsignedByte
            | PositiveInteger => Decimal,
            other => other,
        }
    }

    /// Whether it is `integer` or derived from it.
    pub fn is_integer(self) -> bool {
        self.primitive() == BuiltinType::Decimal && self != BuiltinType::Decimal
    }

    /// The bounds of an integer type, as decimal text: `byte` is
    /// `-128..=127`.
    pub(crate) fn integer_bounds(self) -> (Option<&'static str>, Option<&'static str>) {
        use BuiltinType::*;
        match self {
            NonPositiveInteger => (None, Some("0")),
            NegativeInteger => (None, Some("-1")),
            Long => (Some("-9223372036854775808"), Some("9223372036854775807")),
            Int => (Some("-2147483648"), Some("2147483647")),
            Short => (Some("-32768"), Some("32767")),
            Byte => (Some("-128"), Some("127")),
            NonNegativeInteger => (Some("0"), None),
            UnsignedLong => (Some("0"), Some("18446744073709551615")),
            UnsignedInt => (Some("0"), Some("4294967295")),
            UnsignedShort => (Some("0"), Some("65535")),
            UnsignedByte => (Some("0"), Some("255")),
            PositiveInteger => (Some("1"), None),
            _ => (None, None),
        }
    }
}

impl fmt::Display for BuiltinType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}
