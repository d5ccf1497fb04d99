//! [`Lexical`]: the text of a struct's values as they were written, where
//! that is not the text their value writes, so that a document read and
//! written back keeps `+1`, `01`, `1.0E1`, `0` (for false), ` 7 ` and
//! `a  b` (a list) as they were, while a value the program changed is
//! written in its own form.

use std::borrow::Cow;
use std::fmt;
use std::hash::{Hash, Hasher};

use crate::simple::SimpleType;

/// The text of a struct's simple values (numbers, booleans, lists) as they
/// were read, for those whose text is not the one their value writes
/// (`+1`, `01`, `1e2`, `0` for false, whitespace around a number, several
/// spaces between list items): a generated struct that has such values has
/// a field of this type, which its reader fills and its writer reads.
///
/// A kept text is written back as long as the value is still the one it was
/// read as (the value's own text is compared): a value the program changed
/// is written in its own form ([`SimpleType::to_text`]), and so is a value
/// read from its own form, or built by the program. Every value keeps its
/// type's lexical rules either way, and a kept text, being the document's
/// own, satisfies the facets it satisfied there.
///
/// It is no part of the value: two records are always equal (and hash
/// alike), so that a struct compares by its values, and a value read back
/// from what was written equals the first. Build a struct with
/// `Lexical::default()` (nothing kept); [`clear`](Lexical::clear) forgets
/// the texts, so that every value is written in its own form.
///
/// Values are named by their member's index in the struct and their index
/// among the member's values (0 for a member of one value).
#[derive(Clone, Default)]
pub struct Lexical {
    /// Sorted by key (member, index).
    kept: Vec<Kept>,
}

#[derive(Clone)]
struct Kept {
    key: u64,
    /// The text as read.
    text: Box<str>,
    /// The text of the value it was read as.
    value: Box<str>,
}

fn key(member: u32, index: usize) -> u64 {
    (u64::from(member) << 32) | (index as u64 & 0xFFFF_FFFF)
}

impl Lexical {
    /// A record with nothing kept.
    pub fn new() -> Self {
        Self::default()
    }

    /// Whether nothing is kept.
    pub fn is_empty(&self) -> bool {
        self.kept.is_empty()
    }

    /// How many texts are kept.
    pub fn len(&self) -> usize {
        self.kept.len()
    }

    /// Forgets every kept text: every value is then written in its own form.
    pub fn clear(&mut self) {
        self.kept.clear();
    }

    /// The text value `index` of member `member` was read from, if it was
    /// kept (not its value's own text).
    pub fn get(&self, member: u32, index: usize) -> Option<&str> {
        self.find(key(member, index)).map(|k| &*k.text)
    }

    fn find(&self, key: u64) -> Option<&Kept> {
        // Values are read in document order, mostly one member after the
        // other: the last one is the likeliest.
        match self.kept.last() {
            Some(last) if last.key == key => Some(last),
            _ => self
                .kept
                .binary_search_by_key(&key, |k| k.key)
                .ok()
                .map(|i| &self.kept[i]),
        }
    }

    /// Keeps `text` for value `index` of member `member`, read as `value`,
    /// if `text` is not the value's own text.
    pub fn keep<T: SimpleType>(&mut self, member: u32, index: usize, text: &str, value: &T) {
        if value.has_text(text) {
            return;
        }
        let kept = Kept {
            key: key(member, index),
            text: text.into(),
            value: value.to_text().into(),
        };
        match self.kept.last() {
            Some(last) if last.key >= kept.key => {
                match self.kept.binary_search_by_key(&kept.key, |k| k.key) {
                    Ok(i) => self.kept[i] = kept,
                    Err(i) => self.kept.insert(i, kept),
                }
            }
            _ => self.kept.push(kept),
        }
    }

    /// The text to write for `value`, value `index` of member `member`: the
    /// kept text while `value` is still what it was read as, else the
    /// value's own.
    pub fn text<'a, T: SimpleType>(
        &'a self,
        member: u32,
        index: usize,
        value: &'a T,
    ) -> Cow<'a, str> {
        let own = value.to_text();
        match self.find(key(member, index)) {
            Some(kept) if *kept.value == *own => Cow::Borrowed(&kept.text),
            _ => own,
        }
    }
}

impl PartialEq for Lexical {
    /// Always: how values were written is no part of them.
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl Eq for Lexical {}

impl Hash for Lexical {
    fn hash<H: Hasher>(&self, _: &mut H) {}
}

impl PartialOrd for Lexical {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Lexical {
    fn cmp(&self, _: &Self) -> std::cmp::Ordering {
        std::cmp::Ordering::Equal
    }
}

impl fmt::Debug for Lexical {
    /// The kept texts by member and index: `Lexical { 2: "+1", 5.3: "0" }`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Lexical {")?;
        for (i, k) in self.kept.iter().enumerate() {
            let (member, index) = (k.key >> 32, k.key & 0xFFFF_FFFF);
            let sep = if i == 0 { " " } else { ", " };
            if index == 0 {
                write!(f, "{sep}{member}: {:?}", k.text)?;
            } else {
                write!(f, "{sep}{member}.{index}: {:?}", k.text)?;
            }
        }
        f.write_str(if self.kept.is_empty() { "}" } else { " }" })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_texts_other_than_the_values_own_are_kept() {
        let mut l = Lexical::new();
        l.keep(0, 0, "7", &7i32);
        l.keep(1, 0, "true", &true);
        l.keep(2, 0, "1.5", &1.5f64);
        assert!(l.is_empty());
        l.keep(0, 0, "+7", &7i32);
        l.keep(1, 0, "1", &true);
        l.keep(2, 0, "1.50E0", &1.5f64);
        l.keep(3, 2, " -0 ", &0u8);
        assert_eq!(l.len(), 4);
        assert_eq!(l.get(0, 0), Some("+7"));
        assert_eq!(l.get(3, 2), Some(" -0 "));
        assert_eq!(l.get(3, 1), None);
        assert_eq!(
            format!("{l:?}"),
            r#"Lexical { 0: "+7", 1: "1", 2: "1.50E0", 3.2: " -0 " }"#
        );
    }

    #[test]
    fn a_kept_text_is_written_while_the_value_is_unchanged() {
        let mut l = Lexical::new();
        l.keep(0, 0, "01", &1i64);
        l.keep(1, 0, "0", &false);
        assert_eq!(l.text(0, 0, &1i64), "01");
        assert_eq!(l.text(0, 0, &2i64), "2");
        assert_eq!(l.text(1, 0, &false), "0");
        assert_eq!(l.text(1, 0, &true), "true");
        // A value of another index, or never kept, writes its own text.
        assert_eq!(l.text(0, 1, &1i64), "1");
        assert_eq!(l.text(5, 0, &-3i8), "-3");
        // Floats compare by their own text: -0 is not 0.
        l.keep(2, 0, "-0.0", &-0.0f64);
        assert_eq!(l.text(2, 0, &-0.0f64), "-0.0");
        assert_eq!(l.text(2, 0, &0.0f64), "0");
        l.clear();
        assert_eq!(l.text(0, 0, &1i64), "1");
    }

    #[test]
    fn values_read_out_of_order_are_found() {
        let mut l = Lexical::new();
        for (member, index) in [(3, 0), (1, 4), (1, 2), (7, 0), (1, 3), (1, 2)] {
            l.keep(member, index, &format!("+{member}{index}"), &0i32);
        }
        assert_eq!(l.len(), 5, "a value kept twice is kept once");
        for (member, index) in [(3, 0), (1, 4), (1, 2), (7, 0), (1, 3)] {
            assert_eq!(
                l.get(member, index),
                Some(format!("+{member}{index}").as_str())
            );
        }
    }

    #[test]
    fn records_are_no_part_of_the_value() {
        let mut a = Lexical::new();
        a.keep(0, 0, "+1", &1i32);
        assert_eq!(a, Lexical::new());
        assert_eq!(a.cmp(&Lexical::new()), std::cmp::Ordering::Equal);
    }
}
