//! Checking a text against [`Constraints`]: whitespace, the type's lexical
//! space, then each facet, for atomic values, lists and unions.

use std::borrow::Cow;
use std::cmp::Ordering;

use regex::Regex;

use super::value::{self, Value};
use super::{
    BuiltinType, CompiledPattern, Constraint, Constraints, Facet, PatternError, Variety, Violation,
    WhiteSpace,
};
use crate::values::XsdVersion;

/// The compiled patterns of a [`Checker`](super::Checker).
#[derive(Clone, Copy)]
pub(super) struct Patterns<'c>(pub(super) &'c [CompiledPattern]);

impl Patterns<'_> {
    fn regex(&self, source: &'static [&'static str]) -> Result<&Regex, &PatternError> {
        self.0
            .iter()
            .find(|p| std::ptr::eq(p.source, source))
            .expect("every pattern of the constraints is compiled")
            .regex
            .as_ref()
    }
}

/// Where violations go: collected, or only noted (to know whether a value
/// is valid, stopping at the first).
pub(super) struct Sink<'o> {
    out: Option<&'o mut Vec<Violation>>,
    failed: bool,
    /// Whose rules values are read by.
    version: XsdVersion,
}

impl<'o> Sink<'o> {
    pub(super) fn collect(out: &'o mut Vec<Violation>, version: XsdVersion) -> Self {
        Sink {
            out: Some(out),
            failed: false,
            version,
        }
    }

    pub(super) fn probe(version: XsdVersion) -> Sink<'static> {
        Sink {
            out: None,
            failed: false,
            version,
        }
    }

    pub(super) fn failed(&self) -> bool {
        self.failed
    }

    /// Whether nothing more need be checked: a probe that failed.
    fn done(&self) -> bool {
        self.failed && self.out.is_none()
    }

    /// Records a violation, made only if it is collected.
    fn fail(&mut self, violation: impl FnOnce() -> Violation) {
        self.failed = true;
        if let Some(out) = &mut self.out {
            out.push(violation());
        }
    }
}

/// Checks `text` against `c`.
pub(super) fn check(p: Patterns<'_>, text: &str, c: &Constraints, sink: &mut Sink<'_>) {
    match c.variety {
        Variety::Atomic(builtin) => match builtin.list_item() {
            Some(item) => {
                let item = Constraints::atomic(item, &[]);
                check_list(p, text, &item, c.facets, Some(builtin), sink);
            }
            None => check_atomic(p, text, builtin, c.facets, sink),
        },
        Variety::List(item) => check_list(p, text, item, c.facets, None, sink),
        Variety::Union(members) => check_union(p, text, members, c.facets, sink),
    }
}

/// Whether `text` is a valid value of `c`.
fn accepts(p: Patterns<'_>, text: &str, c: &Constraints, version: XsdVersion) -> bool {
    let mut probe = Sink::probe(version);
    check(p, text, c, &mut probe);
    !probe.failed()
}

fn check_atomic(
    p: Patterns<'_>,
    text: &str,
    builtin: BuiltinType,
    facets: &[Facet],
    sink: &mut Sink<'_>,
) {
    let ws = atomic_whitespace(builtin, facets);
    let text = normalize(text, ws);
    let text = &*text;
    let parsed = value::parse(builtin, text, sink.version);
    if let Err(reason) = &parsed {
        sink.fail(|| {
            Violation::new(
                Constraint::Type,
                builtin.name(),
                text,
                format!("{text:?} is not a valid {builtin}: {reason}"),
            )
        });
    }
    for facet in facets {
        if sink.done() {
            return;
        }
        match (facet, &parsed) {
            (Facet::WhiteSpace(_), _) => {}
            (Facet::Pattern(patterns), _) => check_pattern(p, text, patterns, sink),
            (_, Err(_)) => {}
            (Facet::Enumeration(values), Ok(v)) => {
                let found = values.contains(&text)
                    || values.iter().any(|e| {
                        value::parse(builtin, &normalize(e, ws), sink.version)
                            .is_ok_and(|e| value::equal(v, &e))
                    });
                if !found {
                    enumeration_failed(text, values, sink);
                }
            }
            // A QName's value is a namespace and a local name, whose length
            // means nothing: XSD 1.1 (and the NIST tests) let every value
            // satisfy the length facets, which XSD 1.0 deprecates there.
            (Facet::Length(_) | Facet::MinLength(_) | Facet::MaxLength(_), Ok(_))
                if matches!(builtin, BuiltinType::QName | BuiltinType::Notation) => {}
            (Facet::Length(_) | Facet::MinLength(_) | Facet::MaxLength(_), Ok(v)) => {
                match value::length(v) {
                    Some((len, unit)) => check_length(text, len, unit, facet, sink),
                    None => not_applicable(facet, text, builtin.name(), sink),
                }
            }
            (Facet::TotalDigits(n) | Facet::FractionDigits(n), Ok(v)) => match v {
                Value::Decimal(d) => {
                    let (digits, what) = match facet {
                        Facet::TotalDigits(_) => (d.total_digits(), "digit"),
                        _ => (d.fraction_digits(), "fraction digit"),
                    };
                    if digits as u64 > u64::from(*n) {
                        sink.fail(|| {
                            let digits = count(digits, what);
                            let message =
                                format!("{text:?} has {digits}, more than {} {n}", facet.name());
                            violation(facet, text, message)
                        });
                    }
                }
                _ => not_applicable(facet, text, builtin.name(), sink),
            },
            (
                Facet::MinInclusive(bound)
                | Facet::MaxInclusive(bound)
                | Facet::MinExclusive(bound)
                | Facet::MaxExclusive(bound),
                Ok(v),
            ) => check_range(builtin, text, v, facet, bound, sink),
        }
    }
}

fn check_range(
    builtin: BuiltinType,
    text: &str,
    v: &Value<'_>,
    facet: &Facet,
    bound: &str,
    sink: &mut Sink<'_>,
) {
    let bound_text = normalize(bound, WhiteSpace::Collapse);
    let bound_value = match value::parse(builtin, &bound_text, sink.version) {
        Ok(b) => b,
        Err(reason) => {
            return sink.fail(|| {
                violation(
                    facet,
                    text,
                    format!(
                        "the {} value {bound:?} is not a valid {builtin}: {reason}",
                        facet.name()
                    ),
                )
            });
        }
    };
    let Ok(order) = value::compare(v, &bound_value) else {
        return not_applicable(facet, text, builtin.name(), sink);
    };
    let (holds, relation) = match facet {
        Facet::MinInclusive(_) => (order != Some(Ordering::Less), "is less than"),
        Facet::MaxInclusive(_) => (order != Some(Ordering::Greater), "is greater than"),
        Facet::MinExclusive(_) => (order == Some(Ordering::Greater), "is not greater than"),
        _ => (order == Some(Ordering::Less), "is not less than"),
    };
    if order.is_none() {
        sink.fail(|| {
            violation(
                facet,
                text,
                format!(
                    "{text:?} cannot be compared with {} {bound}: {}",
                    facet.name(),
                    value::incomparable_reason(builtin)
                ),
            )
        });
    } else if !holds {
        sink.fail(|| {
            violation(
                facet,
                text,
                format!("{text:?} {relation} {} {bound}", facet.name()),
            )
        });
    }
}

fn check_list(
    p: Patterns<'_>,
    text: &str,
    item: &Constraints,
    facets: &[Facet],
    builtin: Option<BuiltinType>,
    sink: &mut Sink<'_>,
) {
    let text = normalize(text, WhiteSpace::Collapse);
    let text = &*text;
    let mut items = 0;
    for one in text.split(' ').filter(|s| !s.is_empty()) {
        items += 1;
        check(p, one, item, sink);
        if sink.done() {
            return;
        }
    }
    if let (Some(builtin), 0) = (builtin, items) {
        sink.fail(|| {
            Violation::new(
                Constraint::Type,
                builtin.name(),
                text,
                format!("{text:?} is not a valid {builtin}: it needs one item at least"),
            )
        });
    }
    for facet in facets {
        if sink.done() {
            return;
        }
        match facet {
            Facet::WhiteSpace(_) => {}
            Facet::Length(_) | Facet::MinLength(_) | Facet::MaxLength(_) => {
                check_length(text, items, "item", facet, sink);
            }
            Facet::Pattern(patterns) => check_pattern(p, text, patterns, sink),
            Facet::Enumeration(values) => {
                if !values
                    .iter()
                    .any(|e| lists_equal(p, item, e, text, sink.version))
                {
                    enumeration_failed(text, values, sink);
                }
            }
            _ => not_applicable(facet, text, "a list", sink),
        }
    }
}

fn check_union(
    p: Patterns<'_>,
    text: &str,
    members: &'static [Constraints],
    facets: &[Facet],
    sink: &mut Sink<'_>,
) {
    let union = Constraints::union(members, &[]);
    let member = members
        .iter()
        .position(|m| accepts(p, text, m, sink.version));
    let text = normalize(text, whitespace(&union));
    let text = &*text;
    if member.is_none() {
        sink.fail(|| {
            let names = describe(&union);
            Violation::new(
                Constraint::Type,
                names.clone(),
                text,
                format!("{text:?} is not a valid value of any type of the {names}"),
            )
        });
    }
    for facet in facets {
        if sink.done() {
            return;
        }
        match facet {
            Facet::WhiteSpace(_) => {}
            Facet::Pattern(patterns) => check_pattern(p, text, patterns, sink),
            Facet::Enumeration(values) => {
                if member.is_some()
                    && !values.contains(&text)
                    && !values
                        .iter()
                        .any(|e| equal_in(p, &union, e, text, sink.version))
                {
                    enumeration_failed(text, values, sink);
                }
            }
            _ => not_applicable(facet, text, "a union", sink),
        }
    }
}

/// Whether `a` and `b` are the same value of `c`.
fn equal_in(p: Patterns<'_>, c: &Constraints, a: &str, b: &str, version: XsdVersion) -> bool {
    match c.variety {
        Variety::Atomic(builtin) => {
            if let Some(item) = builtin.list_item() {
                return lists_equal(p, &Constraints::atomic(item, &[]), a, b, version);
            }
            let ws = atomic_whitespace(builtin, c.facets);
            let (a, b) = (normalize(a, ws), normalize(b, ws));
            a == b
                || match (
                    value::parse(builtin, &a, version),
                    value::parse(builtin, &b, version),
                ) {
                    (Ok(x), Ok(y)) => value::equal(&x, &y),
                    _ => false,
                }
        }
        Variety::List(item) => lists_equal(p, item, a, b, version),
        Variety::Union(members) => {
            // Each is a value of the first member type that accepts it;
            // values of different primitive types are never equal.
            let member_of = |text| members.iter().position(|m| accepts(p, text, m, version));
            match (member_of(a), member_of(b)) {
                (Some(i), Some(j)) if i == j || same_primitive(&members[i], &members[j]) => {
                    equal_in(p, &members[i], a, b, version)
                }
                _ => false,
            }
        }
    }
}

fn lists_equal(p: Patterns<'_>, item: &Constraints, a: &str, b: &str, version: XsdVersion) -> bool {
    let mut a = a.split([' ', '\t', '\n', '\r']).filter(|s| !s.is_empty());
    let mut b = b.split([' ', '\t', '\n', '\r']).filter(|s| !s.is_empty());
    loop {
        match (a.next(), b.next()) {
            (None, None) => return true,
            (Some(x), Some(y)) if equal_in(p, item, x, y, version) => {}
            _ => return false,
        }
    }
}

fn same_primitive(a: &Constraints, b: &Constraints) -> bool {
    match (a.variety, b.variety) {
        (Variety::Atomic(x), Variety::Atomic(y)) => {
            x.primitive() == y.primitive() && x.list_item().is_none() && y.list_item().is_none()
        }
        _ => false,
    }
}

fn check_pattern(
    p: Patterns<'_>,
    text: &str,
    patterns: &'static [&'static str],
    sink: &mut Sink<'_>,
) {
    let facet = Facet::Pattern(patterns);
    match p.regex(patterns) {
        Ok(regex) if regex.is_match(text) => {}
        Ok(_) => sink.fail(|| {
            let message = match patterns {
                [one] => format!("{text:?} does not match the pattern {one}"),
                _ => format!("{text:?} does not match any of the patterns {facet}"),
            };
            violation(&facet, text, message)
        }),
        Err(e) => sink.fail(|| violation(&facet, text, format!("cannot be checked: {e}"))),
    }
}

fn check_length(text: &str, len: usize, unit: &str, facet: &Facet, sink: &mut Sink<'_>) {
    let len64 = len as u64;
    let (holds, relation) = match *facet {
        Facet::Length(n) => (len64 == n, "is not of length"),
        Facet::MinLength(n) => (len64 >= n, "is shorter than minLength"),
        Facet::MaxLength(n) => (len64 <= n, "is longer than maxLength"),
        _ => unreachable!("{facet:?} is no length facet"),
    };
    if !holds {
        sink.fail(|| {
            violation(
                facet,
                text,
                format!("{text:?} {relation} {facet} ({})", count(len, unit)),
            )
        });
    }
}

fn enumeration_failed(text: &str, values: &'static [&'static str], sink: &mut Sink<'_>) {
    sink.fail(|| {
        const SHOWN: usize = 10;
        let mut list = values
            .iter()
            .take(SHOWN)
            .map(|v| format!("{v:?}"))
            .collect::<Vec<_>>()
            .join(", ");
        if values.len() > SHOWN {
            list.push_str(&format!(", ... ({} values)", values.len()));
        }
        violation(
            &Facet::Enumeration(values),
            text,
            format!("{text:?} is not one of the enumerated values {list}"),
        )
    });
}

fn not_applicable(facet: &Facet, text: &str, what: &str, sink: &mut Sink<'_>) {
    sink.fail(|| {
        violation(
            facet,
            text,
            format!("the facet {} does not apply to {what}", facet.name()),
        )
    });
}

fn violation(facet: &Facet, text: &str, message: String) -> Violation {
    Violation::new(
        facet.constraint().unwrap_or(Constraint::Type),
        facet.to_string(),
        text,
        message,
    )
}

/// `1 digit`, `3 digits`.
fn count(n: usize, unit: &str) -> String {
    if n == 1 {
        format!("1 {unit}")
    } else {
        format!("{n} {unit}s")
    }
}

/// The whitespace rule of an atomic type: its built-in type's, or a
/// stronger `whiteSpace` facet's.
fn atomic_whitespace(builtin: BuiltinType, facets: &[Facet]) -> WhiteSpace {
    facets
        .iter()
        .filter_map(|f| match f {
            Facet::WhiteSpace(ws) => Some(*ws),
            _ => None,
        })
        .fold(builtin.whitespace(), Ord::max)
}

/// The whitespace rule of any type; a union's patterns see the text as its
/// most preserving member does.
fn whitespace(c: &Constraints) -> WhiteSpace {
    match c.variety {
        Variety::Atomic(builtin) => atomic_whitespace(builtin, c.facets),
        Variety::List(_) => WhiteSpace::Collapse,
        Variety::Union(members) => members
            .iter()
            .map(whitespace)
            .min()
            .unwrap_or(WhiteSpace::Preserve),
    }
}

/// `decimal`, `list of int`, `union of (date, list of gYear)`.
fn describe(c: &Constraints) -> String {
    match c.variety {
        Variety::Atomic(builtin) => builtin.name().to_string(),
        Variety::List(item) => format!("list of {}", describe(item)),
        Variety::Union(members) => format!(
            "union of ({})",
            members.iter().map(describe).collect::<Vec<_>>().join(", ")
        ),
    }
}

/// Normalizes `text`'s whitespace; borrows it when it is already normal.
pub(super) fn normalize(text: &str, ws: WhiteSpace) -> Cow<'_, str> {
    const ENDS: [char; 3] = ['\t', '\n', '\r'];
    match ws {
        WhiteSpace::Preserve => Cow::Borrowed(text),
        WhiteSpace::Replace if !text.contains(ENDS) => Cow::Borrowed(text),
        WhiteSpace::Replace => Cow::Owned(text.replace(ENDS, " ")),
        WhiteSpace::Collapse
            if !text.contains(ENDS)
                && !text.starts_with(' ')
                && !text.ends_with(' ')
                && !text.contains("  ") =>
        {
            Cow::Borrowed(text)
        }
        WhiteSpace::Collapse => Cow::Owned(
            text.split([' ', '\t', '\n', '\r'])
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>()
                .join(" "),
        ),
    }
}
