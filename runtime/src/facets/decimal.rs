//! `xs:decimal` values of any size, read from their text without rounding:
//! what range facets compare and digit facets count.

use std::cmp::Ordering;

/// A decimal number borrowed from its text: its sign, integer digits without
/// leading zeros and fraction digits without trailing zeros (zero is
/// positive, with no digits at all).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Decimal<'a> {
    negative: bool,
    int: &'a str,
    frac: &'a str,
}

impl<'a> Decimal<'a> {
    /// Reads `[+-]?(\d+(\.\d*)?|\.\d+)`, the lexical space of `xs:decimal`
    /// (no exponent, no whitespace).
    pub(crate) fn parse(text: &'a str) -> Result<Self, &'static str> {
        let (negative, unsigned) = match text.as_bytes().first() {
            Some(b'-') => (true, &text[1..]),
            Some(b'+') => (false, &text[1..]),
            _ => (false, text),
        };
        let (int, frac) = unsigned.split_once('.').unwrap_or((unsigned, ""));
        if int.is_empty() && frac.is_empty() {
            return Err("expected digits, with an optional sign and decimal point");
        }
        if !int.bytes().chain(frac.bytes()).all(|b| b.is_ascii_digit()) {
            return Err(if unsigned.bytes().any(|b| b == b'e' || b == b'E') {
                "a decimal has no exponent"
            } else {
                "expected digits, with an optional sign and decimal point"
            });
        }
        Ok(Decimal::from_parts(negative, int, frac))
    }

    /// Reads `[+-]?\d+`, the lexical space of `xs:integer`.
    pub(crate) fn parse_integer(text: &'a str) -> Result<Self, &'static str> {
        let unsigned = text.strip_prefix(['+', '-']).unwrap_or(text);
        if unsigned.is_empty() || !unsigned.bytes().all(|b| b.is_ascii_digit()) {
            return Err("expected digits, with an optional sign");
        }
        Ok(Decimal::from_parts(text.starts_with('-'), unsigned, ""))
    }

    fn from_parts(negative: bool, int: &'a str, frac: &'a str) -> Self {
        let int = int.trim_start_matches('0');
        let frac = frac.trim_end_matches('0');
        Decimal {
            negative: negative && !(int.is_empty() && frac.is_empty()),
            int,
            frac,
        }
    }

    /// The number of significant digits: `i` in `i × 10^-n` with `n` as
    /// small as it can be (`totalDigits`). Leading and trailing zeros do not
    /// count; zero has none.
    pub(crate) fn total_digits(&self) -> usize {
        if self.int.is_empty() {
            self.frac.trim_start_matches('0').len()
        } else {
            self.int.len() + self.frac.len()
        }
    }

    /// The number of digits after the point, trailing zeros not counted
    /// (`fractionDigits`).
    pub(crate) fn fraction_digits(&self) -> usize {
        self.frac.len()
    }
}

impl Ord for Decimal<'_> {
    fn cmp(&self, other: &Self) -> Ordering {
        let magnitude = || {
            self.int
                .len()
                .cmp(&other.int.len())
                .then_with(|| self.int.cmp(other.int))
                // Without trailing zeros, the shorter of two fractions that
                // agree so far is the smaller.
                .then_with(|| self.frac.cmp(other.frac))
        };
        match (self.negative, other.negative) {
            (false, true) => Ordering::Greater,
            (true, false) => Ordering::Less,
            (false, false) => magnitude(),
            (true, true) => magnitude().reverse(),
        }
    }
}

impl PartialOrd for Decimal<'_> {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
