//! The optional members of a large struct, stored only when present.
//!
//! A type such as EWS's `MessageType` has about a hundred optional members,
//! of which a message in a response holds a handful; as plain fields, every
//! absent one takes the room of a present one (2.6 KB a message). The
//! generator stores the optional members of such a type in a [`Sparse`]
//! list of the ones present, values of an enum with a variant per member,
//! and gives the struct an accessor per member (`subject()`, an
//! `Option<&String>`). The list is changed with the enum's values:
//! [`insert`](Sparse::insert), [`retain`](Sparse::retain),
//! [`edit`](Sparse::edit), or built with `collect()`.
//!
//! ```
//! use xsd_runtime::sparse::{Sparse, SparseMember};
//!
//! // What the generator makes for a struct's members `Subject` and `Size`.
//! #[derive(Clone, Debug, PartialEq)]
//! enum Member {
//!     Subject(String),
//!     Size(i32),
//! }
//!
//! impl SparseMember for Member {
//!     fn tag(&self) -> u32 {
//!         match self {
//!             Member::Subject(_) => 0,
//!             Member::Size(_) => 1,
//!         }
//!     }
//!     fn value(&self) -> &dyn std::any::Any {
//!         match self {
//!             Member::Subject(value) => value,
//!             Member::Size(value) => value,
//!         }
//!     }
//! }
//!
//! let mut members: Sparse<Member> = [Member::Size(7), Member::Subject("Hi".into())]
//!     .into_iter()
//!     .collect();
//! assert_eq!(members.as_slice(), [Member::Subject("Hi".into()), Member::Size(7)]);
//! assert_eq!(members.value::<String>(0).map(String::as_str), Some("Hi"));
//! members.insert(Member::Size(8));
//! members.edit(|list| {
//!     for member in list {
//!         if let Member::Subject(subject) = member {
//!             subject.push('!');
//!         }
//!     }
//! });
//! members.retain(|member| !matches!(member, Member::Size(_)));
//! assert_eq!(members.as_slice(), [Member::Subject("Hi!".into())]);
//! ```

use std::any::Any;
use std::fmt;

/// A member of a [`Sparse`] list: the generated enum of a struct's optional
/// members, each variant one member.
pub trait SparseMember {
    /// The member's place among the struct's optional members, in
    /// declaration order (the list is kept in this order, which is the
    /// order they are written in).
    fn tag(&self) -> u32;

    /// The member's value (inside its `Box`, if the variant boxes it).
    fn value(&self) -> &dyn Any;
}

/// The optional members of a struct that are present, at most one of each,
/// ordered by their [`tag`](SparseMember::tag).
///
/// Takes two words, and one `M` per member present; an empty list
/// allocates nothing.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Sparse<M>(Box<[M]>);

impl<M> Default for Sparse<M> {
    fn default() -> Self {
        Sparse(Box::default())
    }
}

impl<M: fmt::Debug> fmt::Debug for Sparse<M> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.0.iter()).finish()
    }
}

impl<M> Sparse<M> {
    /// No member present.
    pub fn new() -> Self {
        Self::default()
    }

    /// The members present, in order.
    pub fn as_slice(&self) -> &[M] {
        &self.0
    }

    /// The members present, in order.
    pub fn iter(&self) -> std::slice::Iter<'_, M> {
        self.0.iter()
    }

    /// How many members are present.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether no member is present.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl<M: SparseMember> Sparse<M> {
    /// The members read (by a generated reader), each `Some` where present,
    /// in tag order: stored in one allocation of the size they need.
    #[doc(hidden)]
    pub fn from_present<const N: usize>(members: [Option<M>; N]) -> Self {
        let present = members.iter().filter(|m| m.is_some()).count();
        let mut list = Vec::with_capacity(present);
        list.extend(members.into_iter().flatten());
        debug_assert!(list.windows(2).all(|w| w[0].tag() < w[1].tag()));
        Sparse(list.into_boxed_slice())
    }

    fn find(&self, tag: u32) -> Result<usize, usize> {
        self.0.binary_search_by_key(&tag, SparseMember::tag)
    }

    /// The member of tag `tag`, if present.
    pub fn get(&self, tag: u32) -> Option<&M> {
        self.find(tag).ok().map(|i| &self.0[i])
    }

    /// The value of the member of tag `tag`, if present and a `T` (as
    /// each member's accessor has it).
    pub fn value<T: Any>(&self, tag: u32) -> Option<&T> {
        self.get(tag)?.value().downcast_ref()
    }

    /// Puts `member` in its place: gives the member of its tag it replaces.
    pub fn insert(&mut self, member: M) -> Option<M> {
        match self.find(member.tag()) {
            Ok(i) => Some(std::mem::replace(&mut self.0[i], member)),
            Err(i) => {
                let mut list = std::mem::take(&mut self.0).into_vec();
                list.insert(i, member);
                self.0 = list.into_boxed_slice();
                None
            }
        }
    }

    /// Keeps the members for which `keep` is true (in their order: nothing
    /// to sort again, as after an [`edit`](Self::edit)).
    pub fn retain(&mut self, keep: impl FnMut(&M) -> bool) {
        let mut list = std::mem::take(&mut self.0).into_vec();
        list.retain(keep);
        self.0 = list.into_boxed_slice();
    }

    /// Changes the members as `f` does to their list (in place, added,
    /// removed, replaced by others); then puts them in order again, and of
    /// two with one tag keeps the last.
    pub fn edit<R>(&mut self, f: impl FnOnce(&mut Vec<M>) -> R) -> R {
        let mut list = std::mem::take(&mut self.0).into_vec();
        let result = f(&mut list);
        *self = list.into_iter().collect();
        result
    }
}

/// Members in any order; of two with one tag, the last is kept.
impl<M: SparseMember> FromIterator<M> for Sparse<M> {
    fn from_iter<I: IntoIterator<Item = M>>(iter: I) -> Self {
        let mut list: Vec<M> = iter.into_iter().collect();
        // Stable: of equal tags, the last stays last, and is kept.
        list.sort_by_key(SparseMember::tag);
        let mut kept: Vec<M> = Vec::with_capacity(list.len());
        for member in list {
            match kept.last_mut() {
                Some(last) if last.tag() == member.tag() => *last = member,
                _ => kept.push(member),
            }
        }
        Sparse(kept.into_boxed_slice())
    }
}

impl<'a, M> IntoIterator for &'a Sparse<M> {
    type Item = &'a M;
    type IntoIter = std::slice::Iter<'a, M>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Clone, Debug, PartialEq)]
    enum M {
        A(u8),
        B(String),
        C(bool),
    }

    impl SparseMember for M {
        fn tag(&self) -> u32 {
            match self {
                M::A(_) => 0,
                M::B(_) => 1,
                M::C(_) => 2,
            }
        }
        fn value(&self) -> &dyn Any {
            match self {
                M::A(value) => value,
                M::B(value) => value,
                M::C(value) => value,
            }
        }
    }

    #[test]
    fn read_members_are_kept_in_one_allocation_of_their_size() {
        let list = Sparse::from_present([None, Some(M::B("b".into())), Some(M::C(true))]);
        assert_eq!(list.as_slice(), [M::B("b".into()), M::C(true)]);
        assert_eq!(list.len(), 2);
        assert_eq!(list.get(0), None);
        assert_eq!(list.get(2), Some(&M::C(true)));
        let none: Sparse<M> = Sparse::from_present([None, None, None]);
        assert!(none.is_empty());
        assert_eq!(std::mem::size_of::<Sparse<M>>(), 16);
    }

    #[test]
    fn insert_replaces_or_adds_in_tag_order() {
        let mut list = Sparse::new();
        assert_eq!(list.insert(M::C(false)), None);
        assert_eq!(list.insert(M::A(1)), None);
        assert_eq!(list.insert(M::B("x".into())), None);
        assert_eq!(list.as_slice(), [M::A(1), M::B("x".into()), M::C(false)]);
        assert_eq!(list.insert(M::B("y".into())), Some(M::B("x".into())));
        assert_eq!(list.as_slice(), [M::A(1), M::B("y".into()), M::C(false)]);
        // Values by tag, of the type the tag's variant holds.
        assert_eq!(list.value::<String>(1).map(String::as_str), Some("y"));
        assert_eq!(list.value::<bool>(1), None);
        assert_eq!(list.value::<u8>(0), Some(&1));
        list.retain(|m| !matches!(m, M::A(_)));
        assert_eq!(list.get(0), None);
        assert_eq!(list.value::<u8>(0), None);
        assert_eq!(list.as_slice(), [M::B("y".into()), M::C(false)]);
    }

    #[test]
    fn an_edit_may_reorder_and_repeat_and_the_list_is_put_right() {
        let mut list: Sparse<M> = [M::A(1), M::C(true)].into_iter().collect();
        let len = list.edit(|members| {
            // A changed in place; two more A's after the C: the last is kept.
            members[1] = M::C(false);
            members.push(M::A(2));
            members.push(M::A(3));
            members.len()
        });
        assert_eq!(len, 4);
        assert_eq!(list.as_slice(), [M::A(3), M::C(false)]);
    }

    #[test]
    fn collected_members_are_ordered_and_the_last_of_a_tag_kept() {
        let list: Sparse<M> = [M::C(true), M::A(1), M::C(false), M::A(2)]
            .into_iter()
            .collect();
        assert_eq!(list.as_slice(), [M::A(2), M::C(false)]);
        assert_eq!(format!("{list:?}"), "[A(2), C(false)]");
        assert_eq!(
            list,
            Sparse::from_present([Some(M::A(2)), None, Some(M::C(false))])
        );
    }
}
