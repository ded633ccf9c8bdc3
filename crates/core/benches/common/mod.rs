//! The reports the benchmarks run on: a typical one and a large one (1,000 timeline rows
//! crossing midnight, 200 action items), built in code so every run sees the same input.
#![allow(dead_code)] // each bench uses some of them

use hindsight_core::{ActionItem, Report, TimelineEntry, Why};

pub const EVENTS: [&str; 8] = [
    "First sign of impact: error rate rises on api-gateway",
    "Alert fired: HighErrorRate",
    "On-call engineer acknowledged the page",
    "Investigation started: checked recent deploys and the connection pool",
    "The deploy tool failed to roll back the canary",
    "Mitigation applied: traffic shifted to the healthy region",
    "Service restored, error rate under 1%",
    "Incident declared resolved",
];

const ACTIONS: [&str; 4] = [
    "Alert when pool usage stays above 80% for 5 minutes",
    "Release connections on every error path and add a timeout test",
    "Investigate",
    "Add the failure mode to the API runbook with recovery steps",
];

pub fn large_report() -> Report {
    report(1000, 200, &EVENTS)
}

/// A report with `rows` timeline rows cycling through `events` and `items` action items.
pub fn report(rows: usize, items: usize, events: &[&str]) -> Report {
    let mut r = Report::new("000");
    r.meta.title = "Regional API outage".into();
    r.meta.date = "2024-01-15".into();
    r.meta.timezone = "UTC".into();
    r.meta.severity = "SEV1".into();
    r.meta.duration = "16 hours 39 minutes".into();
    r.meta.status = "In Review".into();
    r.meta.meeting_date = "2024-01-17".into();
    r.summary.summary = "The API failed for most of a day after a pool leak.".into();
    r.root_cause.statement = "Connections leaked on the timeout path.".into();
    r.root_cause.whys = (0..5)
        .map(|i| Why {
            why: format!("Why did step {i} happen?"),
            because: format!("Because of condition {i} in the system."),
        })
        .collect();
    r.detection.time_to_detect = "1 minute".into();
    // 1,000 rows one minute apart from 08:00: the time-only timeline crosses midnight.
    r.timeline.entries = (0..rows)
        .map(|i| {
            let minute = 8 * 60 + i;
            TimelineEntry {
                time: format!("{:02}:{:02}", (minute / 60) % 24, minute % 60),
                event: events[i % events.len()].to_string(),
                owner: "Priya Natarajan".into(),
                kind: None,
            }
        })
        .collect();
    r.action_items = (0..items)
        .map(|i| ActionItem {
            id: format!("AI-{}", i + 1),
            action: ACTIONS[i % ACTIONS.len()].to_string(),
            owner: if i % 10 == 0 {
                "[Name]".into()
            } else {
                "Dana Reyes".into()
            },
            priority: "P2".into(),
            due: format!("2024-02-{:02}", 1 + i % 28),
            status: "Open".into(),
            description: "Make the failure visible and impossible to repeat.".into(),
            ..ActionItem::default()
        })
        .collect();
    r
}

pub fn report_without_kinds() -> Report {
    report(
        1000,
        200,
        &[
            "Deploy of v2.3 started on the api-gateway fleet",
            "Error rate on checkout climbed to 40%",
            "The deploy tool failed to roll back the canary",
            "Traffic shifted to the healthy region",
        ],
    )
}
