//! Stated figures against the timeline: `duration-mismatch` (the stated duration against
//! the span the timeline shows) and `metric-mismatch` (a stated time to
//! detect/acknowledge/mitigate/resolve against the one computed from the rows). Where a
//! figure has two readings (acknowledge from impact start or from detection; mitigate to
//! the restoration or to the row where the fix started), either is accepted, and the
//! message gives both.

use chrono::{DateTime, FixedOffset, TimeDelta};

use crate::fields::Text;
use crate::metrics::AcknowledgeFrom;
use crate::time::{format_duration, parse_duration, resolve_timeline};

use super::{is_placeholder, Context, Finding, Level, Rule};

/// `duration-mismatch`: the stated duration differs from the timeline's span.
pub const DURATION_MISMATCH: Rule = Rule {
    id: "duration-mismatch",
    level: Level::Warning,
    doc: "The stated duration differs from the span the timeline shows (impact start to resolution, else first to last row) by more than the policy's tolerance.",
    check: duration_mismatch,
};

/// `metric-mismatch`: a stated time-to-X differs from the timeline's.
pub const METRIC_MISMATCH: Rule = Rule {
    id: "metric-mismatch",
    level: Level::Warning,
    doc: "A stated time to detect, acknowledge, mitigate or resolve differs from the one computed from the timeline by more than the tolerance.",
    check: metric_mismatch,
};

type Instant = Option<DateTime<FixedOffset>>;

/// A span the timeline shows, with the words that explain it.
struct Span {
    delta: TimeDelta,
    from: &'static str,
    to: &'static str,
    /// How the message names this span when it is the other reading of the figure
    /// ("counted from detection"); `None` for spans only accepted, never quoted.
    reading: Option<&'static str>,
}

/// `span` as the other reading of a figure, which the message names.
fn reading(span: Option<Span>, name: &'static str) -> Option<Span> {
    span.map(|s| Span {
        reading: Some(name),
        ..s
    })
}

fn span(
    from: Instant,
    to: Instant,
    from_name: &'static str,
    to_name: &'static str,
) -> Option<Span> {
    let (f, t) = (from?, to?);
    (t >= f).then(|| Span {
        delta: t - f,
        from: from_name,
        to: to_name,
        reading: None,
    })
}

/// Compares one stated figure with the spans it may mean; the first span is the one
/// the message quotes.
fn compare(
    cx: &Context,
    rule: &'static Rule,
    field: Text,
    what: &str,
    spans: &[Option<Span>],
) -> Option<Finding> {
    let stated_text = field.get(cx.report).trim();
    if stated_text.is_empty() || is_placeholder(stated_text) {
        return None;
    }
    let stated = parse_duration(stated_text)?;
    let spans: Vec<&Span> = spans.iter().flatten().collect();
    let main = spans.first()?;
    if spans
        .iter()
        .any(|s| cx.policy.within_tolerance(stated, s.delta))
    {
        return None;
    }
    let computed = format_duration(main.delta);
    let others: String = spans[1..]
        .iter()
        .filter_map(|s| {
            let name = s.reading?;
            Some(format!(
                " {name} ({} to {}), it is {}.",
                s.from,
                s.to,
                format_duration(s.delta)
            ))
        })
        .collect();
    Some(
        Finding::new(
            rule,
            field,
            format!(
                "Stated {what} is {}, but the timeline shows {computed} ({} to {}).{others}",
                format_duration(stated),
                main.from,
                main.to
            ),
        )
        .fix(format!("Use {computed}, or correct the timeline rows.")),
    )
}

fn duration_mismatch(cx: &Context) -> Vec<Finding> {
    let m = &cx.metrics;
    let field = if cx.report.meta.duration.trim().is_empty() {
        Text::ImpactDuration
    } else {
        Text::Duration
    };
    let meta = &cx.report.meta;
    let stated_window = resolve_timeline([meta.start.as_str(), meta.end.as_str()], &cx.time);
    let from_name = if m.impact_start.is_some() {
        "impact start"
    } else {
        "first row"
    };
    let to_name = if m.resolved.is_some() {
        "resolution"
    } else {
        "last row"
    };
    let spans = [
        span(m.start(), m.end(), from_name, to_name),
        span(m.detected, m.end(), "detection", to_name),
        span(m.first, m.last, "first row", "last row"),
        // With no row saying resolved, the last row is often follow-up work ("permanent
        // fix deployed") after service came back; the outage then ends at the
        // restoration or mitigation.
        m.resolved
            .is_none()
            .then(|| span(m.start(), m.mitigated, from_name, "restoration"))
            .flatten(),
        span(
            stated_window.at.first().copied().flatten(),
            stated_window.at.get(1).copied().flatten(),
            "stated start",
            "stated end",
        ),
    ];
    compare(cx, &DURATION_MISMATCH, field, "duration", &spans)
        .into_iter()
        .collect()
}

fn metric_mismatch(cx: &Context) -> Vec<Finding> {
    let m = &cx.metrics;
    // The first row is often an earlier change or a page, not the start of impact, so a
    // stated time is only checked from an impact start the timeline names (or, where the
    // figure may be counted that way, from detection).
    let start = m.impact_start;
    let from = "impact start";
    // Acknowledge: the reading the template or policy names first, the other one second.
    let from_start = span(start, m.acknowledged, from, "acknowledgement");
    let from_detection = span(m.detected, m.acknowledged, "detection", "acknowledgement");
    let acknowledge = match m.acknowledge_from {
        AcknowledgeFrom::ImpactStart => vec![
            from_start,
            reading(from_detection, "Counted from detection, as MTTA usually is"),
        ],
        AcknowledgeFrom::Detection => vec![
            from_detection,
            reading(from_start, "Counted from impact start"),
        ],
    };
    // Mitigate: to the row that ended impact; when a mitigation row before it only
    // started the fix, to that row is the other reading.
    let ended = if m.fix_started.is_some() {
        "restoration"
    } else {
        "mitigation"
    };
    let fix_reading = "Counted to the mitigation row, where the fix started";
    let checks: [(Text, &str, Vec<Option<Span>>); 6] = [
        (
            Text::TimeToDetect,
            "time to detect",
            vec![span(start, m.detected, from, "detection")],
        ),
        (Text::TimeToAcknowledge, "time to acknowledge", acknowledge),
        (
            Text::TimeToMitigate,
            "time to mitigate",
            vec![
                span(start, m.mitigated, from, ended),
                reading(span(start, m.fix_started, from, "mitigation"), fix_reading),
                span(m.detected, m.mitigated, "detection", ended),
            ],
        ),
        (
            Text::TimeToResolve,
            "time to resolve",
            vec![
                span(start, m.resolved, from, "resolution"),
                span(m.detected, m.resolved, "detection", "resolution"),
            ],
        ),
        (
            Text::TimeToRespond,
            "time from detection to response",
            vec![span(
                m.detected,
                m.acknowledged,
                "detection",
                "acknowledgement",
            )],
        ),
        (
            Text::TimeResponseToMitigation,
            "time from response to mitigation",
            vec![
                span(m.acknowledged, m.mitigated, "acknowledgement", ended),
                reading(
                    span(
                        m.acknowledged,
                        m.fix_started,
                        "acknowledgement",
                        "mitigation",
                    ),
                    fix_reading,
                ),
            ],
        ),
    ];
    checks
        .iter()
        .filter_map(|(field, what, spans)| compare(cx, &METRIC_MISMATCH, *field, what, spans))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{EventKind, TimelineEntry};
    use crate::policy::Policy;
    use crate::validate::testing::{clean, locations, run, run_with};

    #[test]
    fn quiet_on_a_clean_report() {
        assert!(run(&DURATION_MISMATCH, &clean()).is_empty());
        assert!(run(&METRIC_MISMATCH, &clean()).is_empty());
    }

    #[test]
    fn duration_fires_beyond_tolerance_only() {
        let mut r = clean();
        r.meta.start.clear();
        r.meta.end.clear();
        r.meta.duration = "2 hours".into();
        let f = run(&DURATION_MISMATCH, &r);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].location, "meta.duration");
        assert!(f[0].message.contains("45 minutes"), "{}", f[0].message);
        r.meta.duration = "48 minutes".into();
        assert!(run(&DURATION_MISMATCH, &r).is_empty(), "within 5 minutes");
        let strict = Policy::from_json(
            r#"{"mismatch_tolerance_minutes": 1, "mismatch_tolerance_percent": 0}"#,
        )
        .unwrap_or_default();
        assert_eq!(run_with(&DURATION_MISMATCH, &r, &strict).len(), 1);
        r.meta.duration = "00:45".into();
        assert!(run(&DURATION_MISMATCH, &r).is_empty(), "HH:MM form");
    }

    #[test]
    fn duration_uses_the_whole_multi_day_span_and_skips_unreadable() {
        let mut r = clean();
        r.meta.start.clear();
        r.meta.end.clear();
        r.timeline.entries = vec![
            TimelineEntry {
                time: "2024-01-04 08:00".into(),
                event: "x".into(),
                kind: Some(EventKind::ImpactStart),
                ..TimelineEntry::default()
            },
            TimelineEntry {
                time: "2024-01-15 03:51".into(),
                event: "y".into(),
                kind: Some(EventKind::Resolved),
                ..TimelineEntry::default()
            },
        ];
        r.meta.duration = "10 days 19 hours 51 minutes".into();
        assert!(run(&DURATION_MISMATCH, &r).is_empty());
        r.meta.duration = "ongoing".into();
        assert!(run(&DURATION_MISMATCH, &r).is_empty());
        r.meta.duration = "X hours Y minutes".into();
        assert!(run(&DURATION_MISMATCH, &r).is_empty());
    }

    #[test]
    fn without_a_resolution_the_duration_may_end_at_restoration() {
        let row = |time: &str, event: &str| TimelineEntry {
            time: time.into(),
            event: event.into(),
            ..TimelineEntry::default()
        };
        let mut r = clean();
        r.meta.start.clear();
        r.meta.end.clear();
        r.timeline.entries = vec![
            row("09:47", "Customer pushes a valid configuration change"),
            row("09:48", "Global monitoring detects errors"),
            row("10:36", "Most services recovered"),
            row("12:35", "Permanent fix deployment begins"),
        ];
        r.meta.duration = "49 minutes".into();
        assert!(run(&DURATION_MISMATCH, &r).is_empty());
        r.timeline.entries[2].event = "Kill switch applied; traffic recovers".into();
        assert!(run(&DURATION_MISMATCH, &r).is_empty(), "'recovers'");
        // Matching no span still fires, quoting first row to last row.
        r.meta.duration = "20 minutes".into();
        let f = run(&DURATION_MISMATCH, &r);
        assert_eq!(f.len(), 1);
        assert!(
            f[0].message.contains("2 hours 48 minutes"),
            "{}",
            f[0].message
        );
        // A resolution row is the end: restoration is no longer an alternative.
        r.meta.duration = "49 minutes".into();
        r.timeline.entries[3].event = "Incident resolved".into();
        assert_eq!(run(&DURATION_MISMATCH, &r).len(), 1);
    }

    #[test]
    fn metrics_fire_when_stated_differs() {
        let mut r = clean();
        r.detection.time_to_detect = "20 minutes".into();
        r.detection.time_to_resolve = "45 minutes".into();
        assert_eq!(
            locations(&METRIC_MISMATCH, &r),
            ["detection.time_to_detect"]
        );
        let f = run(&METRIC_MISMATCH, &r);
        assert!(f[0].message.contains("5 minutes"), "{}", f[0].message);
        assert!(f[0].message.contains("time to detect"), "{}", f[0].message);
        assert!(!f[0].message.to_lowercase().contains("mean"));
    }

    #[test]
    fn without_a_named_impact_start_time_to_detect_is_not_judged() {
        let mut r = clean();
        r.timeline.entries[0].event = "Deploy of release 2.3.1 finished".into();
        r.detection.time_to_detect = "3 minutes".into();
        assert!(run(&METRIC_MISMATCH, &r).is_empty());
        // Resolve is still checked from detection (14:35 to 15:15 is 40 minutes).
        r.detection.time_to_resolve = "3 hours".into();
        assert_eq!(
            locations(&METRIC_MISMATCH, &r),
            ["detection.time_to_resolve"]
        );
    }

    #[test]
    fn acknowledge_may_be_counted_from_detection() {
        let mut r = clean();
        // Clean timeline: impact 14:30, alert 14:35, acknowledged 14:37.
        let strict = Policy::from_json(
            r#"{"mismatch_tolerance_minutes": 0, "mismatch_tolerance_percent": 0}"#,
        )
        .unwrap_or_default();
        assert!(run_with(&METRIC_MISMATCH, &r, &strict).is_empty());
        r.detection.time_to_acknowledge = "2 minutes".into();
        assert!(run_with(&METRIC_MISMATCH, &r, &strict).is_empty());
        r.detection.time_to_acknowledge = "4 minutes".into();
        assert_eq!(run_with(&METRIC_MISMATCH, &r, &strict).len(), 1);
    }

    #[test]
    fn time_to_mitigate_gives_both_readings() {
        let row = |time: &str, event: &str| TimelineEntry {
            time: time.into(),
            event: event.into(),
            ..TimelineEntry::default()
        };
        let mut r = clean();
        r.timeline.entries = vec![
            row("14:30", "First sign of impact"),
            row("14:35", "Alert fired"),
            row("14:37", "On-call acknowledged"),
            row("14:50", "Mitigation applied: rollback started"),
            row("15:05", "Service restored"),
            row("15:15", "Incident resolved"),
        ];
        // To the restoration (35 minutes) or to where the fix started (20): both stand.
        r.detection.time_to_mitigate = "35 minutes".into();
        assert!(run(&METRIC_MISMATCH, &r).is_empty());
        r.detection.time_to_mitigate = "20 minutes".into();
        assert!(run(&METRIC_MISMATCH, &r).is_empty());
        r.detection.time_to_mitigate = "1 hour".into();
        let f = run(&METRIC_MISMATCH, &r);
        assert_eq!(f.len(), 1);
        assert_eq!(
            f[0].message,
            "Stated time to mitigate is 1 hour, but the timeline shows 35 minutes (impact start to restoration). Counted to the mitigation row, where the fix started (impact start to mitigation), it is 20 minutes."
        );
    }

    #[test]
    fn acknowledge_quotes_the_policy_reading_first() {
        let mut r = clean();
        // Clean timeline: impact 14:30, alert 14:35, acknowledged 14:37.
        r.detection.time_to_acknowledge = "30 minutes".into();
        let f = run(&METRIC_MISMATCH, &r);
        assert_eq!(
            f[0].message,
            "Stated time to acknowledge is 30 minutes, but the timeline shows 7 minutes (impact start to acknowledgement). Counted from detection, as MTTA usually is (detection to acknowledgement), it is 2 minutes."
        );
        let team = Policy::from_json(r#"{"acknowledge_from": "detection"}"#).unwrap_or_default();
        assert_eq!(team.acknowledge_from, Some(AcknowledgeFrom::Detection));
        let f = run_with(&METRIC_MISMATCH, &r, &team);
        assert_eq!(
            f[0].message,
            "Stated time to acknowledge is 30 minutes, but the timeline shows 2 minutes (detection to acknowledgement). Counted from impact start (impact start to acknowledgement), it is 7 minutes."
        );
        assert!(Policy::from_json(r#"{"acknowledge_from": "alert"}"#).is_err());
    }
}
