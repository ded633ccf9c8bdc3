//! Undo and redo for one report, as small steps: typing records the field's text before
//! and after (a burst in one field is one step), so a keystroke costs bytes, not a copy of
//! the report; rows added, moved or removed keep only the rows that changed, a choice in a
//! select only its two values; the few changes of the whole (a template switch, merged
//! events) keep the report as it was before. History is bounded by steps and by bytes.

use hindsight_core::{Location, Report};
use serde::Serialize;
use std::sync::{Arc, Mutex};

/// How many steps are kept per report.
const MAX_STEPS: usize = 200;
/// How many bytes of history are kept per report (oldest steps go first).
const MAX_BYTES: usize = 8 * 1024 * 1024;
/// Keystrokes in one field closer together than this are one step.
pub const BURST_MS: f64 = 700.0;

/// What a small step keeps of the report's other side (one part's rows, one choice).
pub trait Swap: Send + Sync {
    /// Puts what it keeps into `report` and keeps what that replaces: the same snapshot
    /// then takes the step back the other way.
    fn swap(&mut self, report: &mut Report);
    fn bytes(&self) -> usize;
}

/// The rows of the part `of` points to that a step changed: the `prefix` rows before them
/// and the `suffix` rows after them are the same on both sides, so a row added to a
/// 1,000-row timeline keeps one row, not a thousand.
pub struct PartRows<T> {
    pub of: fn(&mut Report) -> &mut Vec<T>,
    pub prefix: usize,
    pub suffix: usize,
    pub rows: Vec<T>,
}

impl<T: PartialEq> PartRows<T> {
    /// What of `before` differs from `after`.
    pub fn between(of: fn(&mut Report) -> &mut Vec<T>, mut before: Vec<T>, after: &[T]) -> Self {
        let prefix = before.iter().zip(after).take_while(|(a, b)| a == b).count();
        let room = before.len().min(after.len()) - prefix;
        let suffix = before
            .iter()
            .rev()
            .zip(after.iter().rev())
            .take(room)
            .take_while(|(a, b)| a == b)
            .count();
        before.truncate(before.len() - suffix);
        let rows = before.split_off(prefix);
        PartRows {
            of,
            prefix,
            suffix,
            rows,
        }
    }
}

impl<T: Serialize + Send + Sync> Swap for PartRows<T> {
    fn swap(&mut self, report: &mut Report) {
        let v = (self.of)(report);
        let end = v
            .len()
            .saturating_sub(self.suffix)
            .max(self.prefix.min(v.len()));
        let start = self.prefix.min(end);
        let mid = std::mem::take(&mut self.rows);
        self.rows = v.splice(start..end, mid).collect();
    }

    fn bytes(&self) -> usize {
        // The compact JSON of the rows is what they hold, near enough.
        serde_json::to_string(&self.rows).map_or(64 * self.rows.len(), |s| s.len()) + 64
    }
}

/// A choice in a select (an event kind, a status): `set` writes it; the step holds the
/// value on its other side (`then`) and the one now in the report.
pub struct Choice<T, S> {
    pub set: S,
    pub then: Option<T>,
    pub now: Option<T>,
}

impl<T, S> Swap for Choice<T, S>
where
    T: Copy + Send + Sync,
    S: Fn(&mut Report, Option<T>) + Send + Sync,
{
    fn swap(&mut self, report: &mut Report) {
        (self.set)(report, self.then);
        std::mem::swap(&mut self.then, &mut self.now);
    }

    fn bytes(&self) -> usize {
        64
    }
}

/// A snapshot shared by the step and what applies it (a swap turns it into the step back).
pub type Snapshot = Arc<Mutex<dyn Swap>>;

/// One undoable change.
#[derive(Clone)]
pub enum Step {
    /// The text at `at` went from `before` to `after`.
    Text {
        at: Location,
        before: String,
        after: String,
        /// When the last keystroke of the step was typed.
        last_ms: f64,
    },
    /// The whole report, on the other side of this step (before it when in the past,
    /// after it when in the future).
    Whole(Box<Report>),
    /// One part's rows or one choice, on the other side of this step.
    Rows(Snapshot),
}

impl std::fmt::Debug for Step {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Step::Text { at, .. } => write!(f, "Text({at})"),
            Step::Whole(_) => f.write_str("Whole(report)"),
            Step::Rows(_) => f.write_str("Rows(part)"),
        }
    }
}

impl Step {
    fn bytes(&self) -> usize {
        match self {
            Step::Text { before, after, .. } => before.len() + after.len() + 64,
            Step::Rows(rows) => rows.lock().map_or(4096, |r| r.bytes()),
            // A close estimate: the compact JSON export is what the report holds.
            Step::Whole(r) => serde_json::to_string(r.as_ref()).map_or(4096, |s| s.len()),
        }
    }
}

/// What the caller must do to the open report to take a step.
#[derive(Clone)]
pub enum Apply {
    /// Write this text at this location.
    SetText(Location, String),
    /// Replace the whole report.
    Replace(Box<Report>),
    /// Swap these rows or this choice into the report (`Swap::swap`).
    Swap(Snapshot),
}

impl PartialEq for Apply {
    /// Snapshots are equal only when they are the same one.
    fn eq(&self, other: &Apply) -> bool {
        match (self, other) {
            (Apply::SetText(a, x), Apply::SetText(b, y)) => a == b && x == y,
            (Apply::Replace(a), Apply::Replace(b)) => a == b,
            (Apply::Swap(a), Apply::Swap(b)) => Arc::ptr_eq(a, b),
            _ => false,
        }
    }
}

impl std::fmt::Debug for Apply {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Apply::SetText(at, text) => write!(f, "SetText({at}, {text:?})"),
            Apply::Replace(_) => f.write_str("Replace(report)"),
            Apply::Swap(_) => f.write_str("Swap(rows)"),
        }
    }
}

/// Past and future steps of one report.
#[derive(Debug, Default, Clone)]
pub struct History {
    past: Vec<(Step, usize)>,
    future: Vec<(Step, usize)>,
    /// Bytes held by `past`.
    bytes: usize,
}

impl History {
    /// Records typing at `at`. Keystrokes in the same field within `BURST_MS` of the last
    /// one extend the last step instead of adding one.
    pub fn record_text(&mut self, at: Location, before: String, after: String, now_ms: f64) {
        if let Some((
            Step::Text {
                at: last_at,
                after: last_after,
                last_ms,
                ..
            },
            size,
        )) = self.past.last_mut()
        {
            if *last_at == at && now_ms - *last_ms < BURST_MS && self.future.is_empty() {
                self.bytes = self.bytes + after.len() - last_after.len().min(self.bytes);
                *size = *size + after.len() - last_after.len().min(*size);
                *last_after = after;
                *last_ms = now_ms;
                return;
            }
        }
        self.push(Step::Text {
            at,
            before,
            after,
            last_ms: now_ms,
        });
    }

    /// Records the report as it was before a change of the whole.
    pub fn record_whole(&mut self, before: Report) {
        self.push(Step::Whole(Box::new(before)));
    }

    /// Records a small step: one part's rows as they were before rows were added, moved
    /// or removed, or a choice.
    pub fn record_rows(&mut self, before: impl Swap + 'static) {
        self.push(Step::Rows(Arc::new(Mutex::new(before))));
    }

    fn push(&mut self, step: Step) {
        let size = step.bytes();
        self.past.push((step, size));
        self.bytes += size;
        self.future.clear();
        self.trim();
    }

    fn trim(&mut self) {
        while self.past.len() > 1 && (self.past.len() > MAX_STEPS || self.bytes > MAX_BYTES) {
            let (_, size) = self.past.remove(0);
            self.bytes -= size.min(self.bytes);
        }
    }

    /// Ends the current typing burst: the next keystroke starts a new step.
    pub fn end_burst(&mut self) {
        if let Some((Step::Text { last_ms, .. }, _)) = self.past.last_mut() {
            *last_ms = f64::NEG_INFINITY;
        }
    }

    /// Steps back. `current` is asked for only when a whole report must be kept.
    pub fn undo(&mut self, current: impl FnOnce() -> Report) -> Option<Apply> {
        let (step, size) = self.past.pop()?;
        self.bytes -= size.min(self.bytes);
        let (apply, back) = flip(step, current, true);
        let back_size = back.bytes();
        self.future.push((back, back_size));
        Some(apply)
    }

    /// Steps forward again. `current` as for `undo`.
    pub fn redo(&mut self, current: impl FnOnce() -> Report) -> Option<Apply> {
        let (step, _) = self.future.pop()?;
        let (apply, back) = flip(step, current, false);
        let size = back.bytes();
        self.bytes += size;
        self.past.push((back, size));
        Some(apply)
    }

    pub fn can_undo(&self) -> bool {
        !self.past.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.future.is_empty()
    }

    /// Bytes held, for the benchmark and the bound.
    pub fn bytes(&self) -> usize {
        self.bytes + self.future.iter().map(|(_, s)| s).sum::<usize>()
    }
}

/// What to apply for a step, and the step that takes it back.
fn flip(step: Step, current: impl FnOnce() -> Report, undo: bool) -> (Apply, Step) {
    match step {
        Step::Text {
            at, before, after, ..
        } => {
            let value = if undo { before.clone() } else { after.clone() };
            let back = Step::Text {
                at,
                before,
                after,
                last_ms: f64::NEG_INFINITY,
            };
            (Apply::SetText(at, value), back)
        }
        Step::Whole(other) => (Apply::Replace(other), Step::Whole(Box::new(current()))),
        Step::Rows(rows) => (Apply::Swap(rows.clone()), Step::Rows(rows)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use hindsight_core::fields::{Part, Text};

    fn titled(t: &str) -> Report {
        let mut r = Report::default();
        r.meta.title = t.into();
        r
    }

    fn title() -> Location {
        Location::text(Text::Title)
    }

    #[test]
    fn undo_then_redo_round_trips() {
        let mut h = History::default();
        h.record_whole(titled("a"));
        h.record_whole(titled("b"));
        let cur = titled("c");
        let b = h.undo(|| cur.clone()).expect("undo to b");
        assert_eq!(b, Apply::Replace(Box::new(titled("b"))));
        let a = h.undo(|| titled("b")).expect("undo to a");
        assert_eq!(a, Apply::Replace(Box::new(titled("a"))));
        assert!(h.undo(|| titled("a")).is_none());
        assert_eq!(
            h.redo(|| titled("a")),
            Some(Apply::Replace(Box::new(titled("b"))))
        );
        assert_eq!(h.redo(|| titled("b")), Some(Apply::Replace(Box::new(cur))));
        assert!(!h.can_redo());
    }

    #[test]
    fn new_change_clears_redo() {
        let mut h = History::default();
        h.record_whole(titled("a"));
        let _ = h.undo(|| titled("b"));
        assert!(h.can_redo());
        h.record_whole(titled("a2"));
        assert!(!h.can_redo());
    }

    #[test]
    fn a_burst_of_typing_in_one_field_is_one_small_step() {
        let mut h = History::default();
        let mut text = String::new();
        for (n, c) in "Disk full".chars().enumerate() {
            let before = text.clone();
            text.push(c);
            h.record_text(title(), before, text.clone(), n as f64 * 100.0);
        }
        assert_eq!(
            h.undo(Report::default),
            Some(Apply::SetText(title(), String::new()))
        );
        assert!(!h.can_undo());
        assert!(h.bytes() < 4096, "{} bytes", h.bytes());
        assert_eq!(
            h.redo(Report::default),
            Some(Apply::SetText(title(), "Disk full".into()))
        );
    }

    #[test]
    fn a_pause_or_another_field_starts_a_new_step() {
        let mut h = History::default();
        let cell = Location::cell(Part::Timeline, 3, "event");
        h.record_text(title(), "".into(), "A".into(), 0.0);
        h.record_text(title(), "A".into(), "AB".into(), 100.0 + BURST_MS);
        h.record_text(cell, "".into(), "x".into(), 200.0 + BURST_MS);
        assert_eq!(
            h.undo(Report::default),
            Some(Apply::SetText(cell, "".into()))
        );
        assert_eq!(
            h.undo(Report::default),
            Some(Apply::SetText(title(), "A".into()))
        );
        assert_eq!(
            h.undo(Report::default),
            Some(Apply::SetText(title(), "".into()))
        );
        assert!(h.undo(Report::default).is_none());
    }

    #[test]
    fn one_field_edited_on_a_big_report_costs_bytes_not_the_report() {
        let mut big = Report::default();
        big.timeline.entries = (0..1000)
            .map(|i| hindsight_core::TimelineEntry {
                time: format!("{:02}:{:02}", i / 60 % 24, i % 60),
                event: "Error rate on the EU edge stayed above the alert threshold".into(),
                ..Default::default()
            })
            .collect();
        let mut h = History::default();
        let at = Location::cell(Part::Timeline, 500, "event");
        h.record_text(at, "old".into(), "new".into(), 0.0);
        assert!(h.bytes() <= 4096, "{} bytes for one edit", h.bytes());
        h.record_whole(big);
        assert!(h.bytes() > 50_000, "a change of the whole keeps the report");
    }

    fn rows(r: &mut Report) -> &mut Vec<String> {
        &mut r.went_well
    }

    #[test]
    fn a_row_change_keeps_that_part_only_and_swaps_both_ways() {
        let mut report = Report::default();
        report.timeline.entries = (0..1000)
            .map(|i| hindsight_core::TimelineEntry {
                event: format!("Event {i} with a long enough description to weigh something"),
                ..Default::default()
            })
            .collect();
        report.went_well = vec!["Paging worked".into()];
        let mut h = History::default();
        let before = report.went_well.clone();
        report.went_well.push("Rollback was quick".into());
        h.record_rows(PartRows::between(rows, before, &report.went_well));
        assert!(h.bytes() < 1024, "{} bytes for one added row", h.bytes());
        let Some(Apply::Swap(snap)) = h.undo(Report::default) else {
            panic!("a row step undoes by a swap");
        };
        snap.lock().expect("snapshot").swap(&mut report);
        assert_eq!(report.went_well, vec!["Paging worked".to_string()]);
        assert!(h.can_redo());
        let Some(Apply::Swap(snap)) = h.redo(Report::default) else {
            panic!("and redoes by one");
        };
        snap.lock().expect("snapshot").swap(&mut report);
        assert_eq!(report.went_well.len(), 2);
        assert_eq!(report.timeline.entries.len(), 1000, "other parts untouched");
    }

    #[test]
    fn a_choice_costs_bytes_and_swaps_both_ways() {
        let set = |r: &mut Report, v: Option<hindsight_core::EventKind>| {
            r.timeline.entries[0].kind = v;
        };
        let mut report = Report::default();
        report.timeline.entries = (0..1000).map(entry).collect();
        let mut h = History::default();
        report.timeline.entries[0].kind = Some(hindsight_core::EventKind::Detected);
        h.record_rows(Choice {
            set,
            then: None,
            now: Some(hindsight_core::EventKind::Detected),
        });
        assert!(h.bytes() < 256, "{} bytes for one choice", h.bytes());
        let Some(Apply::Swap(snap)) = h.undo(Report::default) else {
            panic!("a choice undoes by a swap");
        };
        snap.lock().expect("snapshot").swap(&mut report);
        assert_eq!(report.timeline.entries[0].kind, None);
        let Some(Apply::Swap(snap)) = h.redo(Report::default) else {
            panic!("and redoes by one");
        };
        snap.lock().expect("snapshot").swap(&mut report);
        assert_eq!(
            report.timeline.entries[0].kind,
            Some(hindsight_core::EventKind::Detected)
        );
    }

    fn timeline(r: &mut Report) -> &mut Vec<hindsight_core::TimelineEntry> {
        &mut r.timeline.entries
    }

    fn entry(i: usize) -> hindsight_core::TimelineEntry {
        hindsight_core::TimelineEntry {
            event: format!("Event {i}: error rate on the EU edge stayed above the threshold"),
            ..Default::default()
        }
    }

    #[test]
    fn rows_added_moved_or_removed_in_a_long_part_keep_only_what_changed() {
        let original: Vec<_> = (0..1000).map(entry).collect();
        type Edit = Box<dyn Fn(&mut Vec<hindsight_core::TimelineEntry>)>;
        let edits: Vec<(&str, Edit)> = vec![
            (
                "insert in the middle",
                Box::new(|v| v.insert(500, entry(5000))),
            ),
            ("add at the end", Box::new(|v| v.push(entry(5001)))),
            ("remove the first", Box::new(|v| drop(v.remove(0)))),
            ("move down", Box::new(|v| v.swap(10, 11))),
            ("remove all", Box::new(|v| v.clear())),
            (
                "a duplicate row added after its twin",
                Box::new(|v| v.insert(3, entry(2))),
            ),
        ];
        for (name, edit) in edits {
            let mut report = Report::default();
            report.timeline.entries = original.clone();
            edit(&mut report.timeline.entries);
            let after = report.timeline.entries.clone();
            let mut h = History::default();
            h.record_rows(PartRows::between(timeline, original.clone(), &after));
            if name != "remove all" {
                assert!(h.bytes() < 1024, "{name}: {} bytes", h.bytes());
            }
            let Some(Apply::Swap(snap)) = h.undo(Report::default) else {
                panic!("{name}: a row step undoes by a swap");
            };
            snap.lock().expect("snapshot").swap(&mut report);
            assert_eq!(report.timeline.entries, original, "{name}: undo");
            let Some(Apply::Swap(snap)) = h.redo(Report::default) else {
                panic!("{name}: and redoes by one");
            };
            snap.lock().expect("snapshot").swap(&mut report);
            assert_eq!(report.timeline.entries, after, "{name}: redo");
        }
    }
}
