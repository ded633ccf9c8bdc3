//! The incremental review (`Reviewer`, which remembers what each text was read as between
//! reviews) against a fresh `review` after every edit of random edit sequences: timeline
//! cells and kinds, action items, prose and metadata fields, rows added, removed and
//! moved, template, layout-relevant and policy changes, on the clean report and on the
//! 1,000-row report. Findings, metrics, score, overview and empty slots must be equal.

#[path = "../benches/common/mod.rs"]
mod common;

use hindsight_core::fields::{List, Text};
use hindsight_core::policy::Policy;
use hindsight_core::{
    review, ActionItem, Category, EventKind, PlaceholderNote, Report, Review, Reviewer, SignOff,
    TimelineEntry, Why,
};
use proptest::prelude::*;

/// Texts that make rules fire or fall quiet: times in many shapes, placeholders, blame
/// and kind words, people's names, durations, statuses, severities.
const WORDS: &[&str] = &[
    "",
    "09:14",
    "23:50",
    "00:05",
    "2024-01-15 08:00",
    "2024-01-16T02:00Z",
    "Jan 15 10:00",
    "14:30 Europe/Berlin",
    "10:00 +05:30",
    "9:1",
    "garbage",
    "HH:MM",
    "[Name]",
    "YYYY-MM-DD",
    "[Incident Title]",
    "Alert fired: HighErrorRate",
    "Service restored",
    "Incident declared resolved",
    "First sign of impact: errors rise",
    "Mitigation applied",
    "On-call acknowledged the page",
    "not resolved yet",
    "Priya failed to check the canary",
    "The engineer was careless",
    "human error",
    "Dana should have known",
    "Operator error caused the outage",
    "the deploy tool had no check",
    "Dana Reyes",
    "Priya Natarajan",
    "Sam",
    "SEV1",
    "SEV3",
    "P0",
    "Final",
    "In Review",
    "2 hours",
    "16 hours 39 minutes",
    "UTC",
    "Europe/Berlin",
    "Investigate",
    "Alert when pool usage is high",
    "Add a timeout test",
    "https://tracker.example/T-1",
    "2023-12-01",
    "2024-02-10",
    "P2",
    "Open",
    "Done",
    "\"Priya failed to\" said the customer",
];

/// Texts whose blame reading depends on who the report names or on a policy's words,
/// and the names that change it.
const WHO: &[&str] = &[
    "Sam",
    "Sam ignored the alert",
    "a cowboy deploy",
    "Quinn",
    "Quinn forgot to page",
];

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => proptest::sample::select(WORDS).prop_map(str::to_string),
        2 => proptest::sample::select(WHO).prop_map(str::to_string),
        1 => "[ -~]{0,16}",
        // A word typed one key at a time: prefixes of real values.
        1 => (proptest::sample::select(WORDS), 0usize..12)
            .prop_map(|(w, n)| w.chars().take(n).collect()),
    ]
}

/// One edit an author (or an import, or a team's settings) makes.
#[derive(Debug, Clone)]
enum Edit {
    TimelineCell(usize, u8, String),
    TimelineKind(usize, Option<EventKind>),
    ItemCell(usize, u8, String),
    ItemCategory(usize, Option<Category>),
    TextField(usize, String),
    ListItem(usize, usize, String),
    WhyCell(usize, bool, String),
    SignOffCell(usize, u8, String),
    AddRow(u8, usize),
    RemoveRow(u8, usize),
    MoveRow(u8, usize, usize),
    Template(usize),
    PlaceholderNote(usize),
    ClearNotes,
    Policy(usize),
}

fn edit() -> impl Strategy<Value = Edit> {
    let row = 0usize..1200;
    prop_oneof![
        6 => (row.clone(), 0u8..3, text()).prop_map(|(r, c, t)| Edit::TimelineCell(r, c, t)),
        1 => (row.clone(), proptest::option::of(proptest::sample::select(&[
            EventKind::ImpactStart,
            EventKind::Detected,
            EventKind::Acknowledged,
            EventKind::Mitigated,
            EventKind::Restored,
            EventKind::Resolved,
        ][..]))).prop_map(|(r, k)| Edit::TimelineKind(r, k)),
        4 => (row.clone(), 0u8..10, text()).prop_map(|(r, c, t)| Edit::ItemCell(r, c, t)),
        1 => (row.clone(), proptest::option::of(proptest::sample::select(&[
            Category::Prevent,
            Category::Detect,
            Category::Process,
        ][..]))).prop_map(|(r, c)| Edit::ItemCategory(r, c)),
        4 => (0usize..64, text()).prop_map(|(f, t)| Edit::TextField(f, t)),
        1 => (0usize..16, 0usize..4, text()).prop_map(|(l, i, t)| Edit::ListItem(l, i, t)),
        2 => (0usize..8, any::<bool>(), text()).prop_map(|(r, b, t)| Edit::WhyCell(r, b, t)),
        1 => (0usize..4, 0u8..3, text()).prop_map(|(r, c, t)| Edit::SignOffCell(r, c, t)),
        2 => (0u8..4, row.clone()).prop_map(|(p, r)| Edit::AddRow(p, r)),
        2 => (0u8..4, row.clone()).prop_map(|(p, r)| Edit::RemoveRow(p, r)),
        2 => (0u8..4, row.clone(), row).prop_map(|(p, a, b)| Edit::MoveRow(p, a, b)),
        1 => (0usize..7).prop_map(Edit::Template),
        1 => (0usize..6).prop_map(Edit::PlaceholderNote),
        1 => Just(Edit::ClearNotes),
        2 => (0usize..5).prop_map(Edit::Policy),
    ]
}

/// The policies a session may switch to: each changes what some rule reads.
fn policy(i: usize) -> Policy {
    let json = [
        "{}",
        r#"{"blame_words": ["cowboy"]}"#,
        r#"{"allowed_words": ["human error"]}"#,
        r#"{"rules": {"blame-language": "error", "placeholder": "off"}}"#,
        r#"{"timeline_window_slack_hours": 0, "mismatch_tolerance_percent": 0}"#,
    ][i % 5];
    Policy::from_json(json).unwrap_or_default()
}

/// `n` clamped into `0..len` (`None` when empty).
fn index(n: usize, len: usize) -> Option<usize> {
    (len > 0).then(|| n % len)
}

fn move_in<T>(rows: &mut Vec<T>, from: usize, to: usize) {
    if let (Some(a), Some(b)) = (index(from, rows.len()), index(to, rows.len())) {
        let row = rows.remove(a);
        rows.insert(b, row);
    }
}

fn apply(report: &mut Report, reviewer: &mut Reviewer, edit: &Edit) {
    match edit {
        Edit::TimelineCell(r, c, t) => {
            if let Some(i) = index(*r, report.timeline.entries.len()) {
                let e = &mut report.timeline.entries[i];
                *[&mut e.time, &mut e.event, &mut e.owner][usize::from(*c) % 3] = t.clone();
            }
        }
        Edit::TimelineKind(r, k) => {
            if let Some(i) = index(*r, report.timeline.entries.len()) {
                report.timeline.entries[i].kind = *k;
            }
        }
        Edit::ItemCell(r, c, t) => {
            if let Some(i) = index(*r, report.action_items.len()) {
                let a = &mut report.action_items[i];
                let cells = [
                    &mut a.id,
                    &mut a.action,
                    &mut a.owner,
                    &mut a.priority,
                    &mut a.due,
                    &mut a.status,
                    &mut a.tracking,
                    &mut a.description,
                    &mut a.rationale,
                    &mut a.success_criteria,
                ];
                *cells[usize::from(*c) % 10] = t.clone();
            }
        }
        Edit::ItemCategory(r, c) => {
            if let Some(i) = index(*r, report.action_items.len()) {
                report.action_items[i].category = *c;
            }
        }
        Edit::TextField(f, t) => {
            let field = Text::ALL[f % Text::ALL.len()];
            *field.get_mut(report) = t.clone();
        }
        Edit::ListItem(l, i, t) => {
            let list = List::ALL[l % List::ALL.len()].get_mut(report);
            match index(*i, list.len() + 1) {
                Some(i) if i < list.len() => list[i] = t.clone(),
                _ => list.push(t.clone()),
            }
        }
        Edit::WhyCell(r, because, t) => {
            let whys = &mut report.root_cause.whys;
            if let Some(i) = index(*r, whys.len()) {
                if *because {
                    whys[i].because = t.clone();
                } else {
                    whys[i].why = t.clone();
                }
            }
        }
        Edit::SignOffCell(r, c, t) => {
            if let Some(i) = index(*r, report.sign_off.len()) {
                let s = &mut report.sign_off[i];
                *[&mut s.role, &mut s.name, &mut s.date][usize::from(*c) % 3] = t.clone();
            }
        }
        Edit::AddRow(p, r) => match p % 4 {
            0 => {
                let at = r % (report.timeline.entries.len() + 1);
                report.timeline.entries.insert(
                    at,
                    TimelineEntry {
                        time: "10:30".into(),
                        event: "Rollback started".into(),
                        ..TimelineEntry::default()
                    },
                );
            }
            1 => {
                let at = r % (report.action_items.len() + 1);
                report.action_items.insert(
                    at,
                    ActionItem {
                        action: "Add a canary check".into(),
                        ..ActionItem::default()
                    },
                );
            }
            2 => report.root_cause.whys.push(Why {
                why: "Why?".into(),
                because: "The engineer forgot".into(),
            }),
            _ => report.sign_off.push(SignOff {
                role: "Reviewer".into(),
                name: "Sam".into(),
                date: String::new(),
            }),
        },
        Edit::RemoveRow(p, r) => {
            let len = |n: usize| index(*r, n);
            match p % 4 {
                0 => {
                    if let Some(i) = len(report.timeline.entries.len()) {
                        report.timeline.entries.remove(i);
                    }
                }
                1 => {
                    if let Some(i) = len(report.action_items.len()) {
                        report.action_items.remove(i);
                    }
                }
                2 => {
                    if let Some(i) = len(report.root_cause.whys.len()) {
                        report.root_cause.whys.remove(i);
                    }
                }
                _ => {
                    if let Some(i) = len(report.sign_off.len()) {
                        report.sign_off.remove(i);
                    }
                }
            }
        }
        Edit::MoveRow(p, a, b) => match p % 4 {
            0 => move_in(&mut report.timeline.entries, *a, *b),
            1 => move_in(&mut report.action_items, *a, *b),
            2 => move_in(&mut report.root_cause.whys, *a, *b),
            _ => move_in(&mut report.sign_off, *a, *b),
        },
        Edit::Template(t) => {
            report.template = ["000", "001", "002", "003", "004", "zzz", "000"][t % 7].into();
        }
        Edit::PlaceholderNote(n) => report.placeholders.push(PlaceholderNote {
            location: [
                "meta.title",
                "timeline[1].time",
                "summary.summary",
                "action_items[0].owner",
                "nowhere",
                "root_cause.whys[0].because",
            ][n % 6]
                .into(),
            text: "[Name]".into(),
            line: Some(3),
        }),
        Edit::ClearNotes => report.placeholders.clear(),
        Edit::Policy(p) => reviewer.set_policy(policy(*p)),
    }
}

/// Runs the edits, comparing the session's review with a fresh one after each.
fn check(mut report: Report, edits: &[Edit]) -> Result<(), TestCaseError> {
    let mut reviewer = Reviewer::new(Policy::default());
    prop_assert_eq!(reviewer.review(&report), review(&report, reviewer.policy()));
    for (step, e) in edits.iter().enumerate() {
        apply(&mut report, &mut reviewer, e);
        let incremental = reviewer.review(&report);
        let full = review(&report, reviewer.policy());
        prop_assert_eq!(incremental, full, "after step {} ({:?})", step, e);
    }
    Ok(())
}

/// What a session remembers follows the report, not the history of its edits: typing
/// hundreds of values into one cell leaves at most the last two behind.
#[test]
fn remembered_readings_do_not_grow_with_typing() {
    let mut report = clean();
    let reviewer = Reviewer::new(Policy::default());
    reviewer.review(&report);
    let settled = reviewer.memo().len();
    assert!(settled > 0, "the first review remembers its readings");
    for i in 0..300 {
        report.timeline.entries[0].time = format!("09:{:02}", i % 60);
        report.summary.summary = format!("Step {i}: the engineer failed to check");
        assert_eq!(reviewer.review(&report), review(&report, reviewer.policy()));
    }
    let after = reviewer.memo().len();
    assert!(after <= settled + 8, "{settled} grew to {after}");
}

fn clean() -> Report {
    serde_json::from_str(include_str!("../src/validate/clean_report.json")).unwrap_or_default()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]
    #[test]
    fn incremental_equals_full_on_the_clean_report(edits in proptest::collection::vec(edit(), 1..40)) {
        let report = clean();
        prop_assert!(!report.timeline.entries.is_empty(), "fixture loaded");
        check(report, &edits)?;
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(6))]
    #[test]
    fn incremental_equals_full_on_the_large_report(edits in proptest::collection::vec(edit(), 1..16)) {
        check(common::large_report(), &edits)?;
    }
}

/// The review a session gives equals a fresh one also on a blank report of every
/// template, before and after the first edits, and when the same reviewer moves on to
/// another report entirely (a tab switch).
#[test]
fn a_session_follows_a_switch_to_another_report() {
    let mut reviewer = Reviewer::new(Policy::default());
    for t in ["000", "001", "002", "003", "004"] {
        let mut r = Report::new(t);
        assert_eq!(reviewer.review(&r), review(&r, reviewer.policy()));
        r.meta.title = "[Incident Title]".into();
        r.summary.summary = "Priya failed to check".into();
        assert_eq!(reviewer.review(&r), review(&r, reviewer.policy()));
    }
    let large = common::large_report();
    assert_eq!(reviewer.review(&large), review(&large, reviewer.policy()));
    let small = clean();
    let fresh = review(&small, reviewer.policy());
    assert!(fresh.findings.is_empty(), "{:?}", fresh.findings);
    assert_eq!(reviewer.review(&small), fresh);
    reviewer.set_policy(policy(1));
    assert_eq!(reviewer.review(&small), review(&small, &policy(1)));
}

/// Blame readings depend on more than the text: on the people the report names and on
/// the policy's words. A session must read the same prose again when either changes.
#[test]
fn blame_follows_the_people_named_and_the_policy_words() {
    let blame = |r: &Review| {
        r.findings
            .iter()
            .filter(|f| f.rule == "blame-language")
            .map(|f| f.message.clone())
            .collect::<Vec<_>>()
    };
    let mut reviewer = Reviewer::new(Policy::default());
    let mut report = clean();
    report.summary.summary = "Quinn ignored the alert after a cowboy deploy.".into();
    let before = reviewer.review(&report);
    assert_eq!(before, review(&report, reviewer.policy()));
    report.timeline.entries[0].owner = "Quinn".into();
    let named = reviewer.review(&report);
    assert_eq!(named, review(&report, reviewer.policy()));
    assert_ne!(
        blame(&before),
        blame(&named),
        "naming Quinn changes the reading"
    );
    reviewer.set_policy(policy(1));
    let worded = reviewer.review(&report);
    assert_eq!(worded, review(&report, reviewer.policy()));
    assert_ne!(
        blame(&named),
        blame(&worded),
        "the policy's words change it"
    );
}
