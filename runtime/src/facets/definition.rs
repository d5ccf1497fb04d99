//! The checks of a facet as a generator reads it from a schema, before it
//! writes it as a [`Facet`](super::Facet): that the facet applies to the
//! type and its value is valid.

use super::check::{Patterns, Sink, check, normalize};
use super::value;
use super::{BuiltinType, Constraints, WhiteSpace};
use crate::values::XsdVersion;

/// See [`super::validate_facet`].
pub(super) fn validate_facet(builtin: BuiltinType, name: &str, value: &str) -> Result<(), String> {
    use BuiltinType as B;
    let invalid = |what: &str| format!("the {name} value {value:?} is not {what}");
    let applies = |ok: bool| {
        if ok {
            Ok(())
        } else {
            Err(format!("the facet {name} does not apply to {builtin}"))
        }
    };
    let has_length = builtin.list_item().is_some()
        || matches!(
            builtin.primitive(),
            B::String | B::AnyUri | B::QName | B::Notation | B::HexBinary | B::Base64Binary
        );
    let ordered = matches!(
        builtin.primitive(),
        B::Decimal
            | B::Float
            | B::Double
            | B::Duration
            | B::DateTime
            | B::Time
            | B::Date
            | B::GYearMonth
            | B::GYear
            | B::GMonthDay
            | B::GDay
            | B::GMonth
    );
    match name {
        "length" | "minLength" | "maxLength" => {
            value
                .trim()
                .parse::<u64>()
                .map_err(|_| invalid("a non-negative integer"))?;
            applies(has_length)
        }
        "totalDigits" | "fractionDigits" => {
            let n = value
                .trim()
                .parse::<u32>()
                .map_err(|_| invalid("a non-negative integer"))?;
            if name == "totalDigits" && n == 0 {
                return Err(invalid("a positive integer"));
            }
            applies(builtin.primitive() == B::Decimal)
        }
        "minInclusive" | "maxInclusive" | "minExclusive" | "maxExclusive" => {
            applies(ordered)?;
            value::parse(
                builtin,
                &normalize(value, WhiteSpace::Collapse),
                XsdVersion::V1_0,
            )
            .map(drop)
            .map_err(|reason| format!("{}: {reason}", invalid(&format!("a valid {builtin}"))))
        }
        "pattern" => super::validate_pattern(value),
        "enumeration" => {
            let mut probe = Sink::probe(XsdVersion::V1_0);
            check(
                Patterns(&[]),
                value,
                &Constraints::atomic(builtin, &[]),
                &mut probe,
            );
            let ok = !probe.failed();
            if ok {
                Ok(())
            } else {
                Err(invalid(&format!("a valid {builtin}")))
            }
        }
        "whiteSpace" => WhiteSpace::from_xsd(value)
            .map(drop)
            .ok_or_else(|| invalid("preserve, replace or collapse")),
        _ => Err(format!("{name} is not a facet")),
    }
}
