//! The live review: the core's `review` (findings, metrics, score, overview) runs once
//! typing pauses (or every so often during a long burst), never inside the keystroke's own
//! frame, and each control hears only about the findings at its own location, so a report
//! with thousands of controls does not re-render them all when the findings change. It
//! reviews under the team's policy once one is loaded (`use_policy`), the default before.
//! The open report is reviewed by one core `Reviewer`, which remembers what each text was
//! read as, so after a keystroke only the edited text is read again.

use hindsight_core::policy::Policy;
use hindsight_core::validate::{Finding, Level};
use hindsight_core::{Location, Report, Review, Reviewer};
use leptos::prelude::*;
use reactive_stores::Store;
use std::collections::HashMap;
use std::time::Duration;

/// How long typing must pause before the review runs: short enough that findings follow
/// at once, long enough that the keystroke's frame is painted first.
const QUIET_MS: f64 = 60.0;
/// The longest a burst of typing holds the review back.
const MAX_WAIT_MS: f64 = 400.0;

/// Findings grouped by location.
pub fn by_location(findings: &[Finding]) -> HashMap<Location, Vec<Finding>> {
    let mut map: HashMap<Location, Vec<Finding>> = HashMap::new();
    for f in findings {
        map.entry(f.location).or_default().push(f.clone());
    }
    map
}

/// The worst level among findings, for markers and section states.
pub fn worst(findings: &[Finding]) -> Option<Level> {
    findings.iter().map(|f| f.level).min()
}

/// The live review and the per-location signals.
#[derive(Clone, Copy)]
pub struct LiveReview {
    /// The latest review; `None` until the first one ran.
    pub review: RwSignal<Option<Review>>,
    /// Its findings alone, changed only when they change.
    pub findings: Memo<Vec<Finding>>,
    per_location: StoredValue<HashMap<Location, ArcRwSignal<Vec<Finding>>>>,
    last: StoredValue<HashMap<Location, Vec<Finding>>>,
    /// The review waiting to run, and when the first change it covers came.
    pending: StoredValue<Option<(TimeoutHandle, f64)>>,
    /// The field being typed in, until typing pauses for `HOLD_MS` (not when the cursor
    /// leaves: messages appearing under a mouse press would move what it is clicking):
    /// a message that would appear meanwhile (there, or in a field its value affects)
    /// waits until then, so a half-typed value ("09:1") does not push the page around
    /// under the author's cursor (the field's border still changes at once).
    pub typing: RwSignal<Option<Location>>,
    /// True while `typing` holds a field.
    pub holding: Memo<bool>,
    typing_ends: StoredValue<Option<TimeoutHandle>>,
    /// The open report's review session, under the team's policy or the default. Only
    /// the open report goes through it: its memory is of the texts it last read.
    reviewer: StoredValue<Reviewer, LocalStorage>,
}

/// How long after the last keystroke in a field its new messages appear.
const HOLD_MS: u64 = 1200;

impl LiveReview {
    pub fn new() -> LiveReview {
        let review = RwSignal::new(None::<Review>);
        let typing = RwSignal::new(None::<Location>);
        LiveReview {
            review,
            findings: Memo::new(move |_| {
                review.with(|r| r.as_ref().map(|r| r.findings.clone()).unwrap_or_default())
            }),
            per_location: StoredValue::new(HashMap::new()),
            last: StoredValue::new(HashMap::new()),
            pending: StoredValue::new(None),
            typing,
            holding: Memo::new(move |_| typing.with(Option::is_some)),
            typing_ends: StoredValue::new(None),
            reviewer: StoredValue::new_local(Reviewer::new(Policy::default())),
        }
    }

    /// The author typed in `at`: its new messages wait until typing pauses.
    pub fn hold(self, at: Location) {
        if self.typing.get_untracked() != Some(at) {
            self.typing.set(Some(at));
        }
        if let Some(h) = self.typing_ends.get_value() {
            h.clear();
        }
        let end = move || {
            if !self.typing.is_disposed() {
                self.typing.set(None);
            }
        };
        self.typing_ends
            .set_value(set_timeout_with_handle(end, Duration::from_millis(HOLD_MS)).ok());
    }

    /// Reviews under `policy` from now on (a team's settings arrived), starting with the
    /// open report.
    pub fn use_policy(self, policy: Policy, report: Store<Report>) {
        if self.reviewer.with_value(|r| *r.policy() == policy) {
            return;
        }
        self.reviewer.update_value(|r| r.set_policy(policy));
        self.schedule(report);
    }

    /// Reviews `report` under the policy in use, outside the live review (a report added
    /// to the library): the session's memory of the open report is left as it is.
    pub fn review_of(self, report: &Report) -> Review {
        self.reviewer
            .with_value(|r| hindsight_core::review(report, r.policy()))
    }

    /// Reviews the open report through the session, reading again only what changed.
    fn review_open(self, report: &Report) -> Review {
        self.reviewer.with_value(|r| r.review(report))
    }

    /// The findings at exactly this location, as a signal that changes only when they do.
    pub fn at(self, location: Location) -> ArcRwSignal<Vec<Finding>> {
        if let Some(s) = self.per_location.with_value(|m| m.get(&location).cloned()) {
            return s;
        }
        let current = self
            .last
            .with_value(|m| m.get(&location).cloned().unwrap_or_default());
        let s = ArcRwSignal::new(current);
        self.per_location.update_value(|m| {
            m.insert(location, s.clone());
        });
        s
    }

    /// Reviews the open report now.
    pub fn run(self, report: &Report) {
        self.apply(self.review_open(report));
    }

    fn apply(self, review: Review) {
        let grouped = by_location(&review.findings);
        let old = self.last.get_value();
        self.per_location.with_value(|signals| {
            for (location, signal) in signals {
                let new = grouped.get(location);
                if new != old.get(location) {
                    signal.set(new.cloned().unwrap_or_default());
                }
            }
        });
        self.last.set_value(grouped);
        let changed = self.review.with_untracked(|r| r.as_ref() != Some(&review));
        if changed {
            self.review.set(Some(review));
        }
    }

    /// Reviews once typing pauses for `QUIET_MS`, however many changes come before it, and
    /// at the latest `MAX_WAIT_MS` after the first of them.
    pub fn schedule(self, report: Store<Report>) {
        let now = js_sys::Date::now();
        let first = match self.pending.get_value() {
            Some((handle, first)) => {
                handle.clear();
                first
            }
            None => now,
        };
        let wait = QUIET_MS.min(MAX_WAIT_MS - (now - first)).max(0.0);
        let run = move || {
            // The app may have been unmounted (tests do) before the timer came.
            if self.pending.is_disposed() || report.is_disposed() {
                return;
            }
            self.pending.set_value(None);
            let review = report.with_untracked(|r| self.review_open(r));
            self.apply(review);
        };
        match set_timeout_with_handle(run, Duration::from_millis(wait as u64)) {
            Ok(handle) => self.pending.set_value(Some((handle, first))),
            // No timers (never seen in a browser): review now rather than never.
            Err(_) => run(),
        }
    }
}

impl Default for LiveReview {
    fn default() -> Self {
        LiveReview::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use hindsight_core::fields::{Part, Text};

    fn at(text: &str) -> Location {
        text.parse().unwrap_or(Location::REPORT)
    }

    #[test]
    fn locations_belong_to_their_parts() {
        assert!(at("timeline[3].time").is_within(&at("timeline")));
        assert!(at("timeline[3].time").is_within(&at("timeline[3].time")));
        assert!(at("root_cause.whys[0].why").is_within(&at("root_cause.whys")));
        assert!(!Location::text(Text::Title).is_within(&Location::text(Text::Trigger)));
        assert!(!Location::part(Part::Timeline).is_within(&at("timeline[3]")));
    }

    #[test]
    fn focus_falls_back_to_enclosing_parts() {
        let names = |l: Location| {
            l.and_parents()
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
        };
        assert_eq!(
            names(at("timeline[3].time")),
            ["timeline[3].time", "timeline[3]", "timeline"]
        );
        assert_eq!(names(at("meta.title")), ["meta.title"]);
    }

    /// A report whose 40 timeline rows are read as times, kinds and blame.
    fn timeline_report() -> Report {
        let mut r = Report::new("000");
        r.meta.title = "Checkout outage".into();
        r.meta.severity = "SEV2".into();
        r.timeline.entries = (0..40)
            .map(|i| hindsight_core::TimelineEntry {
                time: format!("09:{i:02}"),
                event: if i == 0 {
                    "Alert fired: checkout errors".into()
                } else {
                    format!("Checked shard {i}")
                },
                ..Default::default()
            })
            .collect();
        r
    }

    #[test]
    fn the_open_report_is_reviewed_by_one_session_that_equals_a_full_review() {
        let live = LiveReview::new();
        let policy = Policy::default();
        let mut r = timeline_report();
        live.run(&r);
        let full = hindsight_core::review(&r, &policy);
        assert_eq!(live.review.get_untracked().as_ref(), Some(&full));
        // The session remembers what it read: at least each row's time and event.
        let remembered = live.reviewer.with_value(|v| v.memo().len());
        assert!(remembered >= 80, "{remembered}");
        // Edits, one after another, each reviewed as a fresh review would.
        let edits: [fn(&mut Report); 4] = [
            |r| r.timeline.entries[7].time = "09:9".into(),
            |r| r.timeline.entries[7].time = "25:99".into(),
            |r| r.summary.summary = "The on-call engineer should have known better.".into(),
            |r| {
                r.timeline.entries.remove(3);
            },
        ];
        for edit in edits {
            edit(&mut r);
            live.run(&r);
            let full = hindsight_core::review(&r, &policy);
            assert_eq!(live.review.get_untracked().as_ref(), Some(&full));
        }
        // Another report reviewed for the library leaves the session's memory alone.
        let before = live.reviewer.with_value(|v| v.memo().len());
        let other = Report::new("003");
        assert_eq!(
            live.review_of(&other),
            hindsight_core::review(&other, &policy)
        );
        assert_eq!(live.reviewer.with_value(|v| v.memo().len()), before);
    }

    #[test]
    fn findings_group_by_location() {
        let mut r = Report::new("000");
        r.meta.severity = "SEV9".into();
        let review = hindsight_core::review(&r, &Policy::default());
        let grouped = by_location(&review.findings);
        let severity = grouped
            .get(&Location::text(Text::Severity))
            .map(|f| f.iter().map(|f| f.rule.as_str()).collect::<Vec<_>>());
        assert_eq!(severity, Some(vec!["severity-unknown"]));
        assert_eq!(worst(&review.findings), Some(Level::Error));
    }
}
