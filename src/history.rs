//! Undo and redo for one report: snapshots of the whole report, with bursts of typing
//! coalesced by the caller into one step.

use hindsight_core::Report;

/// How many undo steps are kept per report.
const LIMIT: usize = 200;

/// Past and future snapshots of one report.
#[derive(Debug, Default, Clone)]
pub struct History {
    past: Vec<Report>,
    future: Vec<Report>,
}

impl History {
    /// Records the state before a change; a new change forgets what could be redone.
    pub fn record(&mut self, before: Report) {
        if self.past.last() == Some(&before) {
            return;
        }
        self.past.push(before);
        if self.past.len() > LIMIT {
            self.past.remove(0);
        }
        self.future.clear();
    }

    /// The state to go back to, given the current one.
    pub fn undo(&mut self, current: Report) -> Option<Report> {
        let prev = self.past.pop()?;
        self.future.push(current);
        Some(prev)
    }

    /// The state to go forward to, given the current one.
    pub fn redo(&mut self, current: Report) -> Option<Report> {
        let next = self.future.pop()?;
        self.past.push(current);
        Some(next)
    }

    pub fn can_undo(&self) -> bool {
        !self.past.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.future.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn titled(t: &str) -> Report {
        let mut r = Report::default();
        r.meta.title = t.into();
        r
    }

    #[test]
    fn undo_then_redo_round_trips() {
        let mut h = History::default();
        h.record(titled("a"));
        h.record(titled("b"));
        let cur = titled("c");
        let b = h.undo(cur.clone()).expect("undo to b");
        assert_eq!(b, titled("b"));
        let a = h.undo(b.clone()).expect("undo to a");
        assert_eq!(a, titled("a"));
        assert!(h.undo(a.clone()).is_none());
        assert_eq!(h.redo(a), Some(titled("b")));
        assert_eq!(h.redo(titled("b")), Some(cur));
        assert!(!h.can_redo());
    }

    #[test]
    fn new_change_clears_redo() {
        let mut h = History::default();
        h.record(titled("a"));
        let _ = h.undo(titled("b"));
        assert!(h.can_redo());
        h.record(titled("a2"));
        assert!(!h.can_redo());
    }
}
