//! Timeline checks: `timeline-time` (a row time that cannot be read, or lies outside the
//! incident window) and `timeline-order` (rows out of chronological order; a time-only
//! timeline that crosses midnight is in order, see `time::resolve_timeline`).

use chrono::{DateTime, FixedOffset, TimeDelta};

use crate::time::{format_duration, resolve_timeline};

use super::{is_placeholder, noted, Context, Finding, Level, Location, Rule};
use crate::fields::Part;

/// `timeline-time`: a time that cannot be read, or one outside the incident window.
pub const TIMELINE_TIME: Rule = Rule {
    id: "timeline-time",
    level: Level::Warning,
    doc: "A timeline row has no time, a time that cannot be read, or a time outside the incident's stated start/end (with slack).",
    check: timeline_time,
};

/// `timeline-order`: rows out of chronological order.
pub const TIMELINE_ORDER: Rule = Rule {
    id: "timeline-order",
    level: Level::Warning,
    doc: "A timeline row is earlier than a row above it (crossing midnight is not out of order).",
    check: timeline_order,
};

/// The stated start and end, placed like timeline rows (so a time-only end after midnight
/// is the next day).
fn window(cx: &Context) -> (Option<DateTime<FixedOffset>>, Option<DateTime<FixedOffset>>) {
    let meta = &cx.report.meta;
    let placed = resolve_timeline([meta.start.as_str(), meta.end.as_str()], &cx.time);
    let start = placed.at.first().copied().flatten();
    let end = placed.at.get(1).copied().flatten();
    (start, end.filter(|e| start.is_none_or(|s| *e >= s)))
}

fn timeline_time(cx: &Context) -> Vec<Finding> {
    let slack = TimeDelta::hours(i64::from(cx.policy.timeline_window_slack_hours));
    let (start, end) = window(cx);
    let mut out = Vec::new();
    for (i, (entry, at)) in cx
        .report
        .timeline
        .entries
        .iter()
        .zip(&cx.timeline.at)
        .enumerate()
    {
        let time = entry.time.trim();
        let location = || Location::cell(Part::Timeline, i, "time");
        if time.is_empty() {
            if !entry.event.trim().is_empty() && !noted(cx.report, &location()) {
                out.push(
                    Finding::new(&TIMELINE_TIME, location(), "This row has no time.")
                        .fix("Add when it happened (HH:MM, or YYYY-MM-DD HH:MM)."),
                );
            }
            continue;
        }
        if is_placeholder(time) {
            continue;
        }
        let Some(at) = at else {
            out.push(
                Finding::new(
                    &TIMELINE_TIME,
                    location(),
                    format!("\"{time}\" is not a time that can be read."),
                )
                .fix("Write it as HH:MM, HH:MM:SS or YYYY-MM-DD HH:MM, with a zone if it differs from the timeline's."),
            );
            continue;
        };
        // Checked: a policy may ask for an absurd slack; that means "no window".
        let before = start.filter(|s| s.checked_sub_signed(slack).is_some_and(|edge| *at < edge));
        let after = end.filter(|e| e.checked_add_signed(slack).is_some_and(|edge| *at > edge));
        if let Some(edge) = before.or(after) {
            let (side, gap) = if before.is_some() {
                ("before the incident start", edge - *at)
            } else {
                ("after the incident end", *at - edge)
            };
            out.push(
                Finding::new(
                    &TIMELINE_TIME,
                    location(),
                    format!("\"{time}\" is {} {side}.", format_duration(gap)),
                )
                .fix("Check the row's date and zone, or the incident's start and end."),
            );
        }
    }
    out
}

fn timeline_order(cx: &Context) -> Vec<Finding> {
    let entries = &cx.report.timeline.entries;
    let mut latest: Option<(DateTime<FixedOffset>, usize)> = None;
    let mut out = Vec::new();
    for (i, at) in cx.timeline.at.iter().enumerate() {
        let Some(at) = *at else { continue };
        match latest {
            Some((l, j)) if at < l => out.push(
                Finding::new(
                    &TIMELINE_ORDER,
                    Location::cell(Part::Timeline, i, "time"),
                    format!(
                        "This row ({}) is {} earlier than row {} above it ({}).",
                        entries[i].time.trim(),
                        format_duration(l - at),
                        j + 1,
                        entries[j].time.trim()
                    ),
                )
                .fix("Move the row to its place in time order, or correct its time."),
            ),
            Some((l, _)) if at == l => {}
            _ => latest = Some((at, i)),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::TimelineEntry;
    use crate::validate::testing::{clean, locations, run};

    fn rows(times: &[&str]) -> Vec<TimelineEntry> {
        times
            .iter()
            .map(|t| TimelineEntry {
                time: t.to_string(),
                event: "Something happened".into(),
                ..TimelineEntry::default()
            })
            .collect()
    }

    #[test]
    fn quiet_on_a_clean_report() {
        assert!(run(&TIMELINE_TIME, &clean()).is_empty());
        assert!(run(&TIMELINE_ORDER, &clean()).is_empty());
    }

    #[test]
    fn order_fires_on_a_step_back() {
        let mut r = clean();
        r.timeline.entries = rows(&["14:30", "14:45", "14:40", "14:50"]);
        let f = run(&TIMELINE_ORDER, &r);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].location, "timeline[2].time");
        assert!(f[0].message.contains("5 minutes"), "{}", f[0].message);
    }

    #[test]
    fn crossing_midnight_is_not_out_of_order() {
        let mut r = clean();
        r.meta.start.clear();
        r.meta.end.clear();
        r.timeline.entries = rows(&["23:10", "23:45", "00:05", "00:40", "02:15"]);
        assert!(run(&TIMELINE_ORDER, &r).is_empty());
        assert!(run(&TIMELINE_TIME, &r).is_empty());
    }

    #[test]
    fn seconds_zones_and_full_dates_are_compared_as_instants() {
        let mut r = clean();
        r.timeline.entries = rows(&[
            "2024-01-15 14:30:05 UTC",
            "2024-01-15 09:31 EST",
            "2024-01-15 14:30:59 UTC",
        ]);
        assert_eq!(locations(&TIMELINE_ORDER, &r), ["timeline[2].time"]);
    }

    #[test]
    fn time_fires_on_unreadable_and_missing_not_on_placeholders() {
        let mut r = clean();
        r.timeline.entries = rows(&["14:30", "quarter past", "", "HH:MM", "14:77"]);
        assert_eq!(
            locations(&TIMELINE_TIME, &r),
            ["timeline[1].time", "timeline[2].time", "timeline[4].time"]
        );
    }

    #[test]
    fn a_time_an_import_skipped_as_placeholder_is_not_also_missing() {
        let mut r = clean();
        r.timeline.entries[1].time.clear();
        assert_eq!(locations(&TIMELINE_TIME, &r), ["timeline[1].time"]);
        r.placeholders.push(crate::model::PlaceholderNote {
            location: "timeline[1].time".into(),
            text: "HH:MM".into(),
            line: None,
        });
        assert!(run(&TIMELINE_TIME, &r).is_empty());
    }

    #[test]
    fn time_fires_outside_the_incident_window() {
        let mut r = clean();
        r.meta.start = "2024-01-15 14:30 UTC".into();
        r.meta.end = "2024-01-15 15:15 UTC".into();
        r.timeline.entries = rows(&[
            "2024-01-13 09:00",
            "2024-01-15 14:30",
            "2024-01-16 10:00",
            "2024-01-17 10:00",
        ]);
        let f = run(&TIMELINE_TIME, &r);
        assert_eq!(
            f.iter().map(|f| f.location.to_string()).collect::<Vec<_>>(),
            ["timeline[0].time", "timeline[3].time"]
        );
        assert!(f[0].message.contains("before"), "{}", f[0].message);
    }
}
