//! Undo and redo for one report, as small steps: typing records the field's text before
//! and after (a burst in one field is one step), so a keystroke costs bytes, not a copy of
//! the report; changes of shape (rows added, moved or removed, a template switch, a picker)
//! keep the report as it was before. History is bounded by steps and by bytes.

use hindsight_core::{Location, Report};

/// How many steps are kept per report.
const MAX_STEPS: usize = 200;
/// How many bytes of history are kept per report (oldest steps go first).
const MAX_BYTES: usize = 8 * 1024 * 1024;
/// Keystrokes in one field closer together than this are one step.
pub const BURST_MS: f64 = 700.0;

/// One undoable change.
#[derive(Debug, Clone, PartialEq)]
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
}

impl Step {
    fn bytes(&self) -> usize {
        match self {
            Step::Text { before, after, .. } => before.len() + after.len() + 64,
            // A close estimate: the compact JSON export is what the report holds.
            Step::Whole(r) => serde_json::to_string(r.as_ref()).map_or(4096, |s| s.len()),
        }
    }
}

/// What the caller must do to the open report to take a step.
#[derive(Debug, Clone, PartialEq)]
pub enum Apply {
    /// Write this text at this location.
    SetText(Location, String),
    /// Replace the whole report.
    Replace(Box<Report>),
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

    /// Records the report as it was before a change of shape.
    pub fn record_whole(&mut self, before: Report) {
        self.push(Step::Whole(Box::new(before)));
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
        assert!(h.bytes() > 50_000, "a change of shape keeps the report");
    }
}
