//! What validation reads off single texts (a row's typed time, an event's kind, a field's
//! placeholders and blaming phrases), remembered by the exact text it was read from, so
//! that a review after one edit reads only the texts that changed. Each remembered value
//! is what a pure function returns for its key, so a remembered reading and a fresh one
//! are the same value: the rules call the same code either way (`Context::remembered`).

use std::borrow::Borrow;
use std::cell::RefCell;
use std::collections::HashMap;
use std::hash::Hash;
use std::sync::Arc;

use crate::model::EventKind;
use crate::time::Stamp;

use super::blame::{Hit, Words};

/// One table of remembered readings. Entries read during this review sit in `now`; those
/// of the review before wait in `before` and move over when read again. What no review
/// read for a whole review is dropped, so the table holds the report as it is now, not
/// every half-typed text on the way there.
pub(super) struct Table<K, V> {
    now: HashMap<K, V>,
    before: HashMap<K, V>,
}

impl<K, V> Default for Table<K, V> {
    fn default() -> Self {
        Table {
            now: HashMap::new(),
            before: HashMap::new(),
        }
    }
}

impl<K: Eq + Hash, V: Clone> Table<K, V> {
    /// The reading of `key`: remembered, or made by `read` and remembered.
    pub(super) fn get_or<Q>(&mut self, key: &Q, read: impl FnOnce() -> V) -> V
    where
        K: Borrow<Q>,
        Q: Eq + Hash + ToOwned<Owned = K> + ?Sized,
    {
        if let Some(v) = self.now.get(key) {
            return v.clone();
        }
        let v = self.before.remove(key).unwrap_or_else(read);
        self.now.insert(key.to_owned(), v.clone());
        v
    }

    /// A new review begins: what the last one did not read is let go.
    fn turn(&mut self) {
        self.before = std::mem::take(&mut self.now);
    }

    fn clear(&mut self) {
        self.now.clear();
        self.before.clear();
    }

    fn len(&self) -> usize {
        self.now.len() + self.before.len()
    }
}

/// The readings one review session remembers between reviews.
#[derive(Default)]
pub struct Memo {
    /// `time::parse_stamp` of each timeline time.
    pub(super) stamps: RefCell<Table<String, Option<Stamp>>>,
    /// `metrics::kind_from_text` of each timeline event.
    pub(super) kinds: RefCell<Table<String, Option<EventKind>>>,
    /// `find_placeholders` of each field, as the placeholder texts.
    pub(super) placeholders: RefCell<Table<String, Arc<[String]>>>,
    /// `blame::find` of each prose field outside a cause field, under `lexicon`.
    pub(super) blame: RefCell<Table<String, Arc<[Hit]>>>,
    /// The same for the cause fields (root cause, trigger, the "because" of a why).
    pub(super) blame_cause: RefCell<Table<String, Arc<[Hit]>>>,
    /// What the blame readings were made under.
    lexicon: RefCell<Option<Words>>,
}

impl std::fmt::Debug for Memo {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Memo")
            .field("remembered", &self.len())
            .finish()
    }
}

impl Memo {
    /// Starts a review: readings no longer read since the last turn are let go.
    pub(super) fn turn(&self) {
        self.stamps.borrow_mut().turn();
        self.kinds.borrow_mut().turn();
        self.placeholders.borrow_mut().turn();
        self.blame.borrow_mut().turn();
        self.blame_cause.borrow_mut().turn();
    }

    /// The blame readings are made under `lexicon` from now on: forgotten if it differs
    /// from the one they were made under.
    pub(super) fn use_lexicon(&self, lexicon: Words) {
        let mut current = self.lexicon.borrow_mut();
        if current.as_ref() != Some(&lexicon) {
            self.blame.borrow_mut().clear();
            self.blame_cause.borrow_mut().clear();
            *current = Some(lexicon);
        }
    }

    /// How many readings are remembered (for tests and benchmarks: it stays near the
    /// report's own count of texts however long the session runs).
    pub fn len(&self) -> usize {
        self.stamps.borrow().len()
            + self.kinds.borrow().len()
            + self.placeholders.borrow().len()
            + self.blame.borrow().len()
            + self.blame_cause.borrow().len()
    }

    /// True when nothing is remembered.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_table_reads_once_and_lets_go_of_what_a_review_did_not_read() {
        let mut t: Table<String, usize> = Table::default();
        let mut reads = 0;
        let mut read = |s: &str, t: &mut Table<String, usize>| {
            t.get_or(s, || {
                reads += 1;
                s.len()
            })
        };
        assert_eq!(read("abc", &mut t), 3);
        assert_eq!(read("abc", &mut t), 3);
        t.turn();
        assert_eq!(read("abc", &mut t), 3, "carried over");
        assert_eq!(read("de", &mut t), 2);
        t.turn();
        t.turn();
        assert_eq!(t.len(), 0, "nothing read for a whole review is dropped");
        assert_eq!(read("abc", &mut t), 3);
        assert_eq!(reads, 3);
    }
}
