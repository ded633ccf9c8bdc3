//! Incident metrics computed from the timeline: time to detect, acknowledge, mitigate and
//! resolve, and total duration. Each is measured for this one incident ("time to X", not
//! "mean time to X"), from impact start (else the stated start, else the first row), using
//! each row's event kind where set and otherwise well-known words in its text. Time to
//! acknowledge runs from detection instead where the template's wording or the team's
//! policy says so; time to mitigate ends at the row that ended user impact (service
//! restored) when the mitigation row before it only started the fix.

use chrono::{DateTime, FixedOffset, TimeDelta};
use serde::Serialize;

use crate::model::{EventKind, Report, TimelineEntry};
pub use crate::templates::AcknowledgeFrom;
use crate::time::{resolve_report_timeline, resolve_timeline, ResolvedTimeline, TimeContext};

/// The moments and spans the timeline shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct Metrics {
    /// Earliest and latest resolved rows.
    pub first: Option<DateTime<FixedOffset>>,
    pub last: Option<DateTime<FixedOffset>>,
    /// First row of each kind that matters.
    pub impact_start: Option<DateTime<FixedOffset>>,
    pub detected: Option<DateTime<FixedOffset>>,
    pub acknowledged: Option<DateTime<FixedOffset>>,
    pub mitigated: Option<DateTime<FixedOffset>>,
    pub resolved: Option<DateTime<FixedOffset>>,
    /// The key timestamps the metadata states ("Impact started at:", "Fixed at:"):
    /// where the metrics are measured from and to when no row names impact start or
    /// resolution.
    pub stated_start: Option<DateTime<FixedOffset>>,
    pub stated_end: Option<DateTime<FixedOffset>>,
    /// The mitigation row's time when a later row restored service: the fix started
    /// there, user impact ended at `mitigated`.
    #[serde(skip)]
    pub fix_started: Option<DateTime<FixedOffset>>,
    /// Where time to acknowledge is measured from.
    #[serde(skip)]
    pub acknowledge_from: AcknowledgeFrom,
    /// Each measured from `start()` (impact start, else the first row); time to
    /// acknowledge from detection when `acknowledge_from` says so and a row detected it.
    pub time_to_detect: Option<TimeDelta>,
    pub time_to_acknowledge: Option<TimeDelta>,
    pub time_to_mitigate: Option<TimeDelta>,
    pub time_to_resolve: Option<TimeDelta>,
    /// Impact start (else first row) to resolution (else last row).
    pub total_duration: Option<TimeDelta>,
    /// The rows each moment was read from.
    #[serde(skip)]
    pub rows: Rows,
}

/// The timeline row (index) each moment of `Metrics` was read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Rows {
    pub first: Option<usize>,
    pub last: Option<usize>,
    pub impact_start: Option<usize>,
    pub detected: Option<usize>,
    pub acknowledged: Option<usize>,
    /// The row that ended user impact: the restoration row (when at or after the
    /// mitigation row), else the mitigation row.
    pub mitigated: Option<usize>,
    /// The mitigation row, when a later restoration row is `mitigated`.
    pub fix_started: Option<usize>,
    pub resolved: Option<usize>,
}

impl Metrics {
    /// Where the metrics are measured from: impact start, else the stated start, else
    /// the first row.
    pub fn start(&self) -> Option<DateTime<FixedOffset>> {
        self.impact_start.or(self.stated_start).or(self.first)
    }
    /// Where the incident ends: resolution, else the stated end, else the last row.
    pub fn end(&self) -> Option<DateTime<FixedOffset>> {
        self.resolved.or(self.stated_end).or(self.last)
    }

    /// Where time to acknowledge runs from: detection when `acknowledge_from` says so
    /// and a row detected the incident, else `start()`.
    pub fn acknowledge_origin(&self) -> Option<DateTime<FixedOffset>> {
        match self.acknowledge_from {
            AcknowledgeFrom::Detection => self.detected.or_else(|| self.start()),
            AcknowledgeFrom::ImpactStart => self.start(),
        }
    }

    /// Measures time to acknowledge from `from` (the template's wording or the team's
    /// policy).
    pub fn measure_acknowledge_from(&mut self, from: AcknowledgeFrom) {
        self.acknowledge_from = from;
        measure(self);
    }
}

/// Words that mark an event when the row has no kind, checked in this order (so
/// "acknowledged alert" is an acknowledgement and "declared resolved" a resolution).
const KEYWORDS: &[(EventKind, &[&str])] = &[
    (
        EventKind::ImpactStart,
        &[
            "first sign of impact",
            "impact began",
            "impact begins",
            "impact started",
            "impact starts",
            "impact start",
            "first indication",
            "errors began",
            "errors started",
            "outage began",
            "outage started",
        ],
    ),
    (EventKind::Resolved, &["resolved", "closed", "resolution"]),
    (
        EventKind::Acknowledged,
        &["acknowledged", "acknowledges", "acked", "ack'd"],
    ),
    (
        EventKind::Mitigated,
        &[
            "mitigat",
            "rolled back",
            "rollback complete",
            "roll back complete",
            "reverted",
            "failed over",
            "bleeding stopped",
        ],
    ),
    (
        EventKind::Restored,
        &[
            "restored",
            "recovered",
            "recovers",
            "recovery complete",
            "back to normal",
        ],
    ),
    (
        EventKind::Detected,
        &[
            "alert fired",
            "alert triggered",
            "alerted",
            "alert:",
            "detected",
            "detection",
            "user report",
            "customer report",
            "reported by",
            "paged",
            "noticed",
        ],
    ),
    (
        EventKind::Declared,
        &["declared", "incident opened", "severity assigned"],
    ),
    (EventKind::Investigating, &["investigat", "looking into"]),
];

/// Words that, just before a keyword, mean the event did not happen ("failed to roll back").
const NEGATIONS: &[&str] = &[
    "not",
    "no",
    "never",
    "failed to",
    "unable to",
    "didn't",
    "did not",
    "couldn't",
    "could not",
    "without",
    "before",
];

/// The event kind of a row: its kind if set, else one read from its text.
pub fn classify(entry: &TimelineEntry) -> Option<EventKind> {
    entry.kind.or_else(|| kind_from_text(&entry.event))
}

/// Reads an event kind from well-known words in event text: the first kind in `KEYWORDS`
/// order with a keyword starting a word of the text and not negated.
pub fn kind_from_text(text: &str) -> Option<EventKind> {
    // Keywords are ASCII: compare bytes case-insensitively, no lower-cased copy.
    let bytes = text.as_bytes();
    let buckets = keyword_buckets();
    let mut best: Option<usize> = None;
    let mut in_word = false;
    for (at, &first) in bytes.iter().enumerate() {
        // A keyword starts a word: a letter not preceded by a letter, digit or non-ASCII.
        let word_byte = first.is_ascii_alphanumeric() || first >= 0x80;
        let starts = word_byte && !in_word;
        in_word = word_byte;
        if !starts || !first.is_ascii_alphabetic() {
            continue;
        }
        let rest = &bytes[at..];
        for &(rank, word) in &buckets[usize::from(first.to_ascii_lowercase() - b'a')] {
            if best.is_some_and(|b| b <= rank) {
                break;
            }
            let w = word.as_bytes();
            // The second byte rules out most keywords before the full comparison.
            let hit = rest.len() >= w.len()
                && rest.get(1).map(u8::to_ascii_lowercase) == w.get(1).copied()
                && rest
                    .iter()
                    .zip(w)
                    .all(|(a, b)| a.to_ascii_lowercase() == *b);
            if hit && !negated(&text[..at]) {
                best = Some(rank);
            }
        }
    }
    best.map(|rank| KEYWORDS[rank].0)
}

/// `KEYWORDS` by first letter, each bucket in rank order.
fn keyword_buckets() -> &'static [Vec<(usize, &'static str)>; 26] {
    static BUCKETS: std::sync::OnceLock<[Vec<(usize, &'static str)>; 26]> =
        std::sync::OnceLock::new();
    BUCKETS.get_or_init(|| {
        let mut buckets: [Vec<(usize, &'static str)>; 26] = Default::default();
        for (rank, (_, words)) in KEYWORDS.iter().enumerate() {
            for w in *words {
                if let Some(b) = w.bytes().next().filter(u8::is_ascii_lowercase) {
                    buckets[usize::from(b - b'a')].push((rank, w));
                }
            }
        }
        buckets
    })
}

/// `before` is the text up to a keyword, in any case.
fn negated(before: &str) -> bool {
    let tail = before.trim_end().as_bytes();
    NEGATIONS.iter().any(|n| {
        let n = n.as_bytes();
        tail.len() >= n.len()
            && tail[tail.len() - n.len()..].eq_ignore_ascii_case(n)
            && tail
                .len()
                .checked_sub(n.len() + 1)
                .is_none_or(|i| !tail[i].is_ascii_alphanumeric())
    })
}

/// Computes the metrics of a report's timeline.
pub fn compute(report: &Report) -> Metrics {
    let resolved = resolve_report_timeline(report);
    let mut m = from_resolved(&report.timeline.entries, &resolved);
    key_times(report, &TimeContext::from_report(report), &mut m);
    m.measure_acknowledge_from(
        crate::templates::by_id(&report.template)
            .map_or_else(Default::default, |t| t.acknowledge_from),
    );
    m
}

/// The moment a labelled key timestamp kept in the report details (`meta.extra`) states:
/// "Identified at:", "Detected at:", "Paged at:" → detection; "Acknowledged at:" →
/// acknowledgement; "Mitigated at:" → mitigation. ("Impact started at:" and "Fixed at:"
/// are `meta.start` and `meta.end`.) The key is compared without case, emphasis or colon.
pub fn stated_moment(key: &str) -> Option<EventKind> {
    let k = key
        .trim()
        .trim_matches(['*', '_', ':', ' '])
        .to_ascii_lowercase()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let kind = match k.as_str() {
        "identified at" | "detected at" | "paged at" | "alerted at" | "reported at"
        | "detection time" | "time detected" | "time of detection" => EventKind::Detected,
        "acknowledged at" | "acked at" | "acknowledgement time" | "time acknowledged" => {
            EventKind::Acknowledged
        }
        "mitigated at" | "mitigation time" | "time mitigated" => EventKind::Mitigated,
        _ => return None,
    };
    Some(kind)
}

/// Adds the metadata's key timestamps to metrics computed from the rows: `meta.start`
/// ("Impact started at:"), `meta.end` ("Fixed at:") and the detection, acknowledgement
/// and mitigation times kept in `meta.extra` (`stated_moment`). Each is used only where
/// no row names that moment, and the spans are measured again from them.
pub fn key_times(report: &Report, context: &TimeContext, m: &mut Metrics) {
    let stated = resolve_timeline(
        [report.meta.start.as_str(), report.meta.end.as_str()],
        context,
    );
    m.stated_start = stated.at.first().copied().flatten();
    m.stated_end = stated.at.get(1).copied().flatten();
    let mut any = m.stated_start.is_some() || m.stated_end.is_some();
    for kv in &report.meta.extra {
        let Some(kind) = stated_moment(&kv.key) else {
            continue;
        };
        let slot = match kind {
            EventKind::Detected => &mut m.detected,
            EventKind::Acknowledged => &mut m.acknowledged,
            _ => &mut m.mitigated,
        };
        if slot.is_some() {
            continue;
        }
        let at = resolve_timeline([kv.value.as_str()], context).at[0];
        if at.is_some() {
            *slot = at;
            any = true;
        }
    }
    if any {
        measure(m);
    }
}

/// The spans, from `start()`.
fn measure(m: &mut Metrics) {
    let start = m.start();
    let since = |t: Option<DateTime<FixedOffset>>| start.zip(t).map(|(s, t)| t - s);
    m.time_to_detect = since(m.detected);
    m.time_to_acknowledge = m
        .acknowledge_origin()
        .zip(m.acknowledged)
        .map(|(s, t)| t - s);
    m.time_to_mitigate = since(m.mitigated);
    m.time_to_resolve = since(m.resolved);
    m.total_duration = since(m.end());
}

/// Computes the metrics from rows already resolved (see `time::resolve_timeline`).
pub fn from_resolved(entries: &[TimelineEntry], resolved: &ResolvedTimeline) -> Metrics {
    from_resolved_with(entries, resolved, classify)
}

/// `from_resolved`, with each row's kind read by `kind_of`, which must answer what
/// `classify` does (the incremental review passes one that remembers each event's kind).
pub fn from_resolved_with(
    entries: &[TimelineEntry],
    resolved: &ResolvedTimeline,
    mut kind_of: impl FnMut(&TimelineEntry) -> Option<EventKind>,
) -> Metrics {
    let mut m = Metrics {
        first: resolved.first(),
        last: resolved.last(),
        ..Metrics::default()
    };
    m.rows.first = row_at(resolved, m.first, false);
    m.rows.last = row_at(resolved, m.last, true);
    let mut restored = None;
    let mut restored_row = None;
    for (i, (entry, at)) in entries.iter().zip(&resolved.at).enumerate() {
        // Only the first row of each kind counts: once all are found, the rest of a long
        // timeline need not be read.
        let found = [
            m.impact_start,
            m.detected,
            m.acknowledged,
            m.mitigated,
            restored,
            m.resolved,
        ];
        if found.iter().all(Option::is_some) {
            break;
        }
        let Some(at) = *at else { continue };
        let (slot, row) = match kind_of(entry) {
            Some(EventKind::ImpactStart) => (&mut m.impact_start, &mut m.rows.impact_start),
            Some(EventKind::Detected | EventKind::Alerted) => {
                (&mut m.detected, &mut m.rows.detected)
            }
            Some(EventKind::Acknowledged) => (&mut m.acknowledged, &mut m.rows.acknowledged),
            Some(EventKind::Mitigated) => (&mut m.mitigated, &mut m.rows.mitigated),
            Some(EventKind::Restored) => (&mut restored, &mut restored_row),
            Some(EventKind::Resolved) => (&mut m.resolved, &mut m.rows.resolved),
            _ => continue,
        };
        if slot.is_none() {
            *slot = Some(at);
            *row = Some(i);
        }
    }
    // Impact ends where service came back: a restoration row at or after the mitigation
    // row means the mitigation only started the fix. A timeline that records only the
    // restoration still shows when the bleeding stopped.
    match (m.mitigated, restored) {
        (Some(fix), Some(back)) if back >= fix => {
            m.fix_started = m.mitigated;
            m.rows.fix_started = m.rows.mitigated;
            m.mitigated = restored;
            m.rows.mitigated = restored_row;
        }
        (None, _) => {
            m.mitigated = restored;
            m.rows.mitigated = restored_row;
        }
        _ => {}
    }
    measure(&mut m);
    m
}

/// The row holding the earliest (or, with `last`, the latest) instant equal to `t`.
fn row_at(
    resolved: &ResolvedTimeline,
    t: Option<DateTime<FixedOffset>>,
    last: bool,
) -> Option<usize> {
    let t = t?;
    let is = |a: &Option<DateTime<FixedOffset>>| *a == Some(t);
    if last {
        resolved.at.iter().rposition(is)
    } else {
        resolved.at.iter().position(is)
    }
}

/// One computed metric: what it is called, what it measures, and its value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Metric {
    TimeToDetect,
    TimeToAcknowledge,
    TimeToMitigate,
    TimeToResolve,
    Duration,
}

/// Which moment a metric starts or ends at, and how the row was recognised.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Moment {
    ImpactStart,
    Detected,
    Acknowledged,
    Mitigated,
    /// The row that restored service (no mitigation row was found).
    Restored,
    Resolved,
    /// The first row with a readable time (no impact start was found).
    FirstRow,
    /// The last row with a readable time (no resolution was found).
    LastRow,
}

impl Moment {
    /// How the explanation names the moment ("Impact start", "the first row").
    pub fn name(self) -> &'static str {
        match self {
            Moment::ImpactStart => "Impact start",
            Moment::Detected => "Detection",
            Moment::Acknowledged => "Acknowledged",
            Moment::Mitigated => "Mitigation",
            Moment::Restored => "Restored",
            Moment::Resolved => "Resolution",
            Moment::FirstRow => "the first row",
            Moment::LastRow => "the last row",
        }
    }

    /// The kind a row must have to be this moment (none for first and last row).
    pub fn kind(self) -> Option<EventKind> {
        match self {
            Moment::ImpactStart => Some(EventKind::ImpactStart),
            Moment::Detected => Some(EventKind::Detected),
            Moment::Acknowledged => Some(EventKind::Acknowledged),
            Moment::Mitigated => Some(EventKind::Mitigated),
            Moment::Restored => Some(EventKind::Restored),
            Moment::Resolved => Some(EventKind::Resolved),
            Moment::FirstRow | Moment::LastRow => None,
        }
    }
}

/// One end of a metric: the moment, and the row it was read from (when there is one).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct End {
    pub moment: Moment,
    /// Index of the timeline row; `None` when no row is that moment.
    pub row: Option<usize>,
    /// The row's time as typed.
    pub time: String,
    /// The row's kind was set (not read from the words of its event).
    pub by_kind: bool,
}

/// What a metric measures and the two rows it spans.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Explanation {
    pub metric: Metric,
    /// What it measures, as this report counts it (`Metric::definition_in`).
    pub definition: &'static str,
    pub from: End,
    pub to: End,
    /// For time to mitigate: the mitigation row where the fix started, when a later row
    /// restored service.
    pub fix: Option<End>,
    /// "From Impact start 09:12 (row 2) to Acknowledged 09:22 (row 4)." or why not.
    pub text: String,
}

impl Metric {
    pub const ALL: [Metric; 5] = [
        Metric::TimeToDetect,
        Metric::TimeToAcknowledge,
        Metric::TimeToMitigate,
        Metric::TimeToResolve,
        Metric::Duration,
    ];

    /// Its name in the editor ("Time to detect").
    pub fn name(self) -> &'static str {
        match self {
            Metric::TimeToDetect => "Time to detect",
            Metric::TimeToAcknowledge => "Time to acknowledge",
            Metric::TimeToMitigate => "Time to mitigate",
            Metric::TimeToResolve => "Time to resolve",
            Metric::Duration => "Duration",
        }
    }

    /// What it measures, in one sentence.
    pub fn definition(self) -> &'static str {
        match self {
            Metric::TimeToDetect => "From the start of user impact to the first row that detected it (a detection or an alert).",
            Metric::TimeToAcknowledge => "From the start of user impact to the first row where someone acknowledged the incident.",
            Metric::TimeToMitigate => "From the start of user impact to the row that ended it (service restored), else the first mitigation row.",
            Metric::TimeToResolve => "From the start of user impact to the row that resolved the incident.",
            Metric::Duration => "From the start of user impact to the resolution (else the last row).",
        }
    }

    /// What it measures as `m` counts it: time to acknowledge from detection when the
    /// template or the team's policy says so.
    pub fn definition_in(self, m: &Metrics) -> &'static str {
        match (self, m.acknowledge_from) {
            (Metric::TimeToAcknowledge, AcknowledgeFrom::Detection) => "From the first row that detected the incident (a detection or an alert) to the first row where someone acknowledged it.",
            _ => self.definition(),
        }
    }

    /// Its value in `m`.
    pub fn value(self, m: &Metrics) -> Option<TimeDelta> {
        match self {
            Metric::TimeToDetect => m.time_to_detect,
            Metric::TimeToAcknowledge => m.time_to_acknowledge,
            Metric::TimeToMitigate => m.time_to_mitigate,
            Metric::TimeToResolve => m.time_to_resolve,
            Metric::Duration => m.total_duration,
        }
    }

    /// The moment it ends at.
    fn end_moment(self) -> Moment {
        match self {
            Metric::TimeToDetect => Moment::Detected,
            Metric::TimeToAcknowledge => Moment::Acknowledged,
            Metric::TimeToMitigate => Moment::Mitigated,
            Metric::TimeToResolve | Metric::Duration => Moment::Resolved,
        }
    }

    /// What it measures and which rows it spans in this timeline (`m` computed from it).
    pub fn explain(self, entries: &[TimelineEntry], m: &Metrics) -> Explanation {
        let end = |moment: Moment, row: Option<usize>| End {
            moment,
            row,
            time: row
                .and_then(|i| entries.get(i))
                .map(|e| e.time.trim().to_string())
                .unwrap_or_default(),
            by_kind: row
                .and_then(|i| entries.get(i))
                .is_some_and(|e| e.kind.is_some()),
        };
        let from = match (
            self,
            m.acknowledge_from,
            m.rows.detected,
            m.rows.impact_start,
        ) {
            (Metric::TimeToAcknowledge, AcknowledgeFrom::Detection, Some(i), _) => {
                end(Moment::Detected, Some(i))
            }
            (_, _, _, Some(i)) => end(Moment::ImpactStart, Some(i)),
            _ => end(Moment::FirstRow, m.rows.first),
        };
        let fix = (self == Metric::TimeToMitigate)
            .then_some(m.rows.fix_started)
            .flatten()
            .map(|i| end(Moment::Mitigated, Some(i)));
        let to = match (self, self.end_moment()) {
            (Metric::Duration, _) if m.rows.resolved.is_none() => end(Moment::LastRow, m.rows.last),
            (_, Moment::Mitigated) => {
                let row = m.rows.mitigated;
                let restored = row
                    .and_then(|i| entries.get(i))
                    .is_some_and(|e| classify(e) == Some(EventKind::Restored));
                let moment = if restored {
                    Moment::Restored
                } else {
                    Moment::Mitigated
                };
                end(moment, row)
            }
            (_, Moment::Detected) => end(Moment::Detected, m.rows.detected),
            (_, Moment::Acknowledged) => end(Moment::Acknowledged, m.rows.acknowledged),
            (_, moment) => end(moment, m.rows.resolved),
        };
        let at = |e: &End| match e.row {
            Some(i) => format!("{} {} (row {})", e.moment.name(), e.time, i + 1),
            None => e.moment.name().to_string(),
        };
        let text = match (from.row, to.row) {
            (Some(_), Some(_)) => match &fix {
                Some(f) => format!(
                    "From {} to {}; the fix started at {}.",
                    at(&from),
                    at(&to),
                    at(f)
                ),
                None => format!("From {} to {}.", at(&from), at(&to)),
            },
            (None, _) => "No row has a time that can be read.".to_string(),
            (Some(_), None) => format!(
                "No row is marked {} (or says so in its words): set a row's kind to {}.",
                to.moment.name(),
                to.moment.kind().map_or("it", EventKind::label),
            ),
        };
        Explanation {
            metric: self,
            definition: self.definition_in(m),
            from,
            to,
            fix,
            text,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Timeline;

    fn row(time: &str, event: &str) -> TimelineEntry {
        TimelineEntry {
            time: time.into(),
            event: event.into(),
            ..TimelineEntry::default()
        }
    }

    fn report(rows: Vec<TimelineEntry>) -> Report {
        let mut r = Report::new("000");
        r.meta.date = "2024-01-15".into();
        r.timeline = Timeline { entries: rows };
        r
    }

    fn mins(n: i64) -> Option<TimeDelta> {
        Some(TimeDelta::minutes(n))
    }

    #[test]
    fn reads_kinds_from_words() {
        let cases = [
            (
                "First sign of impact: 503s on /api",
                Some(EventKind::ImpactStart),
            ),
            ("Alert fired: HighErrorRate", Some(EventKind::Detected)),
            (
                "On-call engineer acknowledged alert",
                Some(EventKind::Acknowledged),
            ),
            ("Rolled back to v1.2", Some(EventKind::Mitigated)),
            ("Mitigation applied", Some(EventKind::Mitigated)),
            ("Incident declared resolved", Some(EventKind::Resolved)),
            ("Incident closed", Some(EventKind::Resolved)),
            ("Service restored", Some(EventKind::Restored)),
            ("The deploy tool failed to roll back", None),
            ("Deploy of v1.3 started", None),
        ];
        for (text, kind) in cases {
            assert_eq!(kind_from_text(text), kind, "{text}");
        }
    }

    #[test]
    fn kind_wins_over_words() {
        let mut r = row("10:00", "Incident resolved");
        r.kind = Some(EventKind::Monitoring);
        assert_eq!(classify(&r), Some(EventKind::Monitoring));
    }

    #[test]
    fn key_timestamps_feed_the_metrics_when_no_row_names_them() {
        // incident.io-style: "Impact started at" and "Fixed at" in the details, rows
        // that start with the change before the impact.
        let mut r = report(vec![
            row("13:52", "Pool size change deployed"),
            row("14:03", "Alert fired: error rate"),
            row("15:20", "Follow-up cleanup done"),
        ]);
        r.meta.start = "2024-01-15 13:58 UTC".into();
        r.meta.end = "2024-01-15 15:06 UTC".into();
        let m = compute(&r);
        assert_eq!(m.total_duration, mins(68));
        assert_eq!(m.time_to_detect, mins(5));
        // A row that names the impact start wins over the stated one.
        r.timeline.entries[0].event = "Impact started: pool size change deployed".into();
        assert_eq!(compute(&r).time_to_detect, mins(11));
        // Without key timestamps nothing changes.
        r.meta.start.clear();
        r.meta.end.clear();
        assert_eq!(compute(&r).total_duration, mins(88));
    }

    #[test]
    fn labelled_detection_acknowledge_and_mitigation_times_feed_the_metrics() {
        use crate::model::KeyValue;
        let kv = |k: &str, v: &str| KeyValue {
            key: k.into(),
            value: v.into(),
        };
        // Rows that name none of the moments: the labelled key timestamps give them.
        let mut r = report(vec![
            row("13:52", "Pool size change deployed"),
            row("15:20", "Follow-up cleanup done"),
        ]);
        r.meta.start = "2024-01-15 13:58 UTC".into();
        r.meta.end = "2024-01-15 15:06 UTC".into();
        r.meta.extra = vec![
            kv("Identified at", "2024-01-15 14:31 UTC"),
            kv("**Acknowledged at:**", "2024-01-15 14:10 UTC"),
            kv("Mitigated at", "2024-01-15 14:40 UTC"),
            kv("Detected by", "Error-rate alert"),
        ];
        let m = compute(&r);
        assert_eq!(m.time_to_detect, mins(33));
        assert_eq!(m.time_to_acknowledge, mins(12));
        assert_eq!(m.time_to_mitigate, mins(42));
        assert_eq!(m.total_duration, mins(68));
        // "Detected at" and "Paged at" say detection too; a time of day takes the
        // report's date.
        r.meta.extra = vec![kv("Paged at", "14:03")];
        r.meta.date = "2024-01-15".into();
        r.meta.timezone = "UTC".into();
        assert_eq!(compute(&r).time_to_detect, mins(5));
        r.meta.extra = vec![kv("Detected at:", "2024-01-15 14:03 UTC")];
        assert_eq!(compute(&r).time_to_detect, mins(5));
        // A row that names the moment wins over the label.
        r.timeline
            .entries
            .insert(1, row("14:03", "Alert fired: error rate"));
        r.meta.extra = vec![kv("Identified at", "2024-01-15 14:31 UTC")];
        assert_eq!(compute(&r).time_to_detect, mins(5));
        // An unreadable value, or a label that states no moment, changes nothing.
        r.timeline.entries.remove(1);
        r.meta.extra = vec![kv("Identified at", "soon"), kv("Region", "14:31")];
        assert_eq!(compute(&r).time_to_detect, None);
        assert_eq!(stated_moment("Impact started at"), None);
        assert_eq!(
            stated_moment(" IDENTIFIED  AT: "),
            Some(EventKind::Detected)
        );
    }

    #[test]
    fn imported_key_timestamps_are_metadata_that_feed_the_metrics_not_rows() {
        let md = "# INC-77: Search errors\n\n| | |\n|---|---|\n| **Severity** | Major |\n| **Impact started at** | 2024-05-14 13:58 UTC |\n| **Identified at** | 2024-05-14 14:31 UTC |\n| **Acknowledged at** | 2024-05-14 14:10 UTC |\n| **Mitigated at** | 2024-05-14 14:40 UTC |\n| **Fixed at** | 2024-05-14 15:06 UTC |\n\n## Summary\n\nSearch failed.\n\n## Timeline\n\n- 2024-05-14 13:52 UTC · Index settings changed\n- 2024-05-14 15:30 UTC · Follow-up review booked\n";
        let r = crate::import::parse_markdown(md).report;
        assert_eq!(r.timeline.entries.len(), 2, "{:?}", r.timeline.entries);
        assert_eq!(r.meta.start, "2024-05-14 13:58 UTC");
        assert_eq!(r.meta.end, "2024-05-14 15:06 UTC");
        let keys: Vec<&str> = r.meta.extra.iter().map(|kv| kv.key.as_str()).collect();
        assert_eq!(keys, ["Identified at", "Acknowledged at", "Mitigated at"]);
        let m = compute(&r);
        assert_eq!(m.time_to_detect, mins(33));
        assert_eq!(m.time_to_acknowledge, mins(12));
        assert_eq!(m.time_to_mitigate, mins(42));
        assert_eq!(m.total_duration, mins(68));
    }

    #[test]
    fn computes_times_from_impact_start() {
        let r = report(vec![
            row("14:20", "Deploy v2 started"),
            row("14:30", "First sign of impact"),
            row("14:35", "Alert fired"),
            row("14:37", "On-call acknowledged"),
            row("14:50", "Rolled back"),
            row("15:15", "Incident resolved"),
        ]);
        let m = compute(&r);
        assert_eq!(m.time_to_detect, mins(5));
        assert_eq!(m.time_to_acknowledge, mins(7));
        assert_eq!(m.time_to_mitigate, mins(20));
        assert_eq!(m.time_to_resolve, mins(45));
        assert_eq!(m.total_duration, mins(45));
        assert_eq!(m.last.zip(m.first).map(|(a, b)| a - b), mins(55));
    }

    #[test]
    fn falls_back_to_first_row_and_handles_midnight_and_seconds() {
        let r = report(vec![
            row("23:50:30", "Alert fired"),
            row("00:05", "Service restored"),
            row("01:10:30", "Closed"),
        ]);
        let m = compute(&r);
        assert_eq!(m.time_to_detect, mins(0));
        assert_eq!(m.time_to_mitigate, Some(TimeDelta::seconds(14 * 60 + 30)));
        assert_eq!(m.time_to_resolve, mins(80));
        assert_eq!(m.total_duration, mins(80));
    }

    #[test]
    fn multi_day_with_explicit_kinds() {
        let mut start = row("2024-01-05 08:00 UTC", "Something odd");
        start.kind = Some(EventKind::ImpactStart);
        let mut done = row("2024-01-15 03:51 UTC", "Patch shipped");
        done.kind = Some(EventKind::Resolved);
        let m = compute(&report(vec![start, done]));
        assert_eq!(m.total_duration, mins(((9 * 24) + 19) * 60 + 51));
        assert_eq!(m.time_to_detect, None);
    }

    #[test]
    fn explains_which_rows_a_metric_spans() {
        let mut ack = row("09:22", "Paging bot pinged the on-call");
        ack.kind = Some(EventKind::Acknowledged);
        let r = report(vec![
            row("09:05", "Config push started"),
            row("09:12", "Impact started: 502s at the EU edge"),
            row("09:15", "Alert fired"),
            ack,
            row("09:40", "Rolled back"),
        ]);
        let m = compute(&r);
        assert_eq!(m.rows.impact_start, Some(1));
        assert_eq!(m.rows.acknowledged, Some(3));
        let e = Metric::TimeToAcknowledge.explain(&r.timeline.entries, &m);
        assert_eq!(
            e.text,
            "From Impact start 09:12 (row 2) to Acknowledged 09:22 (row 4)."
        );
        assert!(!e.from.by_kind && e.to.by_kind);
        assert_eq!(Metric::TimeToAcknowledge.value(&m), mins(10));
        // No resolution row: the duration runs to the last row, time to resolve says why.
        let d = Metric::Duration.explain(&r.timeline.entries, &m);
        assert_eq!(d.to.moment, Moment::LastRow);
        assert_eq!(d.to.row, Some(4));
        let t = Metric::TimeToResolve.explain(&r.timeline.entries, &m);
        assert_eq!(t.to.row, None);
        assert!(
            t.text.contains("set a row's kind to Resolution"),
            "{}",
            t.text
        );
    }

    #[test]
    fn without_impact_start_a_metric_runs_from_the_first_row() {
        let r = report(vec![
            row("10:00", "Alert fired"),
            row("10:30", "Service restored"),
        ]);
        let m = compute(&r);
        let e = Metric::TimeToMitigate.explain(&r.timeline.entries, &m);
        assert_eq!(e.from.moment, Moment::FirstRow);
        assert_eq!(
            e.text,
            "From the first row 10:00 (row 1) to Restored 10:30 (row 2)."
        );
        let empty = report(vec![row("soon", "Alert fired")]);
        let m = compute(&empty);
        let e = Metric::TimeToDetect.explain(&empty.timeline.entries, &m);
        assert_eq!(e.text, "No row has a time that can be read.");
    }

    #[test]
    fn time_to_mitigate_ends_where_service_came_back() {
        let r = report(vec![
            row("09:12", "Impact started: 502s at the EU edge"),
            row("09:15", "Alert fired"),
            row("09:40", "Mitigation applied: rollback started"),
            row("09:55", "Service restored"),
            row("10:30", "Incident resolved"),
        ]);
        let m = compute(&r);
        assert_eq!(m.time_to_mitigate, mins(43));
        assert_eq!(m.rows.mitigated, Some(3));
        assert_eq!(m.rows.fix_started, Some(2));
        let e = Metric::TimeToMitigate.explain(&r.timeline.entries, &m);
        assert_eq!(e.to.moment, Moment::Restored);
        assert_eq!(e.fix.as_ref().and_then(|f| f.row), Some(2));
        assert_eq!(
            e.text,
            "From Impact start 09:12 (row 1) to Restored 09:55 (row 4); the fix started at Mitigation 09:40 (row 3)."
        );
        // A restoration before the mitigation row does not move the end.
        let early = report(vec![
            row("09:12", "Impact started"),
            row("09:20", "Service restored"),
            row("09:40", "Mitigation applied"),
        ]);
        let m = compute(&early);
        assert_eq!(m.time_to_mitigate, mins(28));
        assert_eq!(m.rows.fix_started, None);
        let e = Metric::TimeToMitigate.explain(&early.timeline.entries, &m);
        assert!(
            e.fix.is_none() && e.text.ends_with("Mitigation 09:40 (row 3)."),
            "{}",
            e.text
        );
    }

    #[test]
    fn acknowledge_runs_from_detection_where_the_template_or_policy_says_so() {
        let rows = vec![
            row("09:12", "Impact started"),
            row("09:15", "Alert fired"),
            row("09:22", "On-call acknowledged"),
        ];
        let mut r = report(rows);
        assert_eq!(compute(&r).time_to_acknowledge, mins(10));
        // Seed 003 calls it MTTA, beside a timeline that opens with the alert.
        r.template = "003".into();
        let mut m = compute(&r);
        assert_eq!(m.acknowledge_from, AcknowledgeFrom::Detection);
        assert_eq!(m.time_to_acknowledge, mins(7));
        let e = Metric::TimeToAcknowledge.explain(&r.timeline.entries, &m);
        assert_eq!(
            e.text,
            "From Detection 09:15 (row 2) to Acknowledged 09:22 (row 3)."
        );
        assert!(e.definition.starts_with("From the first row that detected"));
        // The other metrics still run from impact start.
        assert_eq!(m.time_to_detect, mins(3));
        m.measure_acknowledge_from(AcknowledgeFrom::ImpactStart);
        assert_eq!(m.time_to_acknowledge, mins(10));
        assert_eq!(
            Metric::TimeToAcknowledge
                .explain(&r.timeline.entries, &m)
                .definition,
            Metric::TimeToAcknowledge.definition()
        );
        // With no detection row it falls back to impact start.
        r.timeline.entries.remove(1);
        assert_eq!(compute(&r).time_to_acknowledge, mins(10));
    }
}
