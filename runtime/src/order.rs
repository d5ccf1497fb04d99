//! The order of the children of an `xs:all` content model, which may come
//! in any order: kept as read, so that a document is written back as it was.

/// The order in which an `xs:all` struct's child elements were read, by
/// member number (its fields in declaration order): the writer writes them
/// in this order, then any the order does not name (set by the program) in
/// declaration order. Empty, the declaration order: what a value made in
/// code has.
///
/// The order carries no meaning in XSD: two values that differ only in it
/// are equal.
#[derive(Clone, Debug, Default, Eq)]
pub struct ChildOrder(Vec<u16>);

impl PartialEq for ChildOrder {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl std::hash::Hash for ChildOrder {
    fn hash<H: std::hash::Hasher>(&self, _: &mut H) {}
}

impl ChildOrder {
    /// Notes that member `index` was read next.
    pub fn note(&mut self, index: usize) {
        if let Ok(i) = u16::try_from(index) {
            self.0.push(i);
        }
    }

    /// After the children: forgets an order that is the declaration order.
    pub fn finish(&mut self) {
        if self.0.windows(2).all(|w| w[0] <= w[1]) {
            self.0 = Vec::new();
        }
    }

    /// Whether the order is the declaration order.
    pub fn is_declared(&self) -> bool {
        self.0.is_empty()
    }

    /// The members to write, each once, for `count` members: those read, in
    /// the order they were, then the others in declaration order.
    pub fn sequence(&self, count: usize) -> impl Iterator<Item = usize> + '_ {
        let mut seen = vec![false; count];
        let read: Vec<usize> = self
            .0
            .iter()
            .map(|&i| usize::from(i))
            .filter(|&i| i < count && !std::mem::replace(&mut seen[i], true))
            .collect();
        read.into_iter()
            .chain((0..count).filter(move |&i| !seen[i]))
    }
}

#[cfg(test)]
mod tests {
    use super::ChildOrder;

    #[test]
    fn the_order_read_comes_first_then_the_rest() {
        let mut order = ChildOrder::default();
        for i in [2, 0, 2] {
            order.note(i);
        }
        order.finish();
        assert!(!order.is_declared());
        assert_eq!(order.sequence(4).collect::<Vec<_>>(), [2, 0, 1, 3]);
        // Equal whatever the order: it means nothing in XSD.
        assert_eq!(order, ChildOrder::default());
    }

    #[test]
    fn the_declaration_order_is_not_kept() {
        let mut order = ChildOrder::default();
        order.note(0);
        order.note(1);
        order.finish();
        assert!(order.is_declared());
        assert_eq!(order.sequence(2).collect::<Vec<_>>(), [0, 1]);
    }
}
