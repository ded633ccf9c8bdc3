//! Putting kept candidates into a report: duplicates (same minute, similar text) marked
//! and never added twice, rows merged in time order and written in the report's zone,
//! and which row each metric now comes from, so the review can say "time to
//! acknowledge uses the PagerDuty acknowledgement at 14:37".

use chrono::{DateTime, FixedOffset, Timelike, Utc};
use serde::Serialize;

use super::{Candidate, Duplicate, Source};
use crate::metrics::{classify, compute};
use crate::model::{EventKind, Report, TimelineEntry};
use crate::time::{resolve_report_timeline, resolve_timeline, ResolvedTimeline, TimeContext};

/// Two events this close (under a minute apart) with similar text are one event.
const SAME_MINUTE: i64 = 60;

/// The distinct lower-cased words of letters and digits, as sorted hashes: comparing
/// two texts is then a merge of two short sorted lists, no allocation per word.
fn words(text: &str) -> Vec<u64> {
    let mut out: Vec<u64> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| {
            // FNV-1a over the lower-cased characters.
            let mut h: u64 = 0xcbf2_9ce4_8422_2325;
            for c in w.chars().flat_map(char::to_lowercase) {
                let mut buf = [0u8; 4];
                for b in c.encode_utf8(&mut buf).bytes() {
                    h ^= u64::from(b);
                    h = h.wrapping_mul(0x0100_0000_01b3);
                }
            }
            h
        })
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// How many entries two sorted, distinct lists share.
fn common(a: &[u64], b: &[u64]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// True when two event texts say the same thing: the same words, one's words (two or
/// more) all in the other's ("Rolled back" and "Rolled back to v1.2"), or at least half
/// the words in common.
pub fn similar(a: &str, b: &str) -> bool {
    similar_words(a, &words(a), b, &words(b))
}

/// [`similar`] on words already split.
fn similar_words(a: &str, wa: &[u64], b: &str, wb: &[u64]) -> bool {
    if wa.is_empty() || wb.is_empty() {
        return a.trim().eq_ignore_ascii_case(b.trim());
    }
    let common = common(wa, wb);
    let (small, union) = (wa.len().min(wb.len()), wa.len() + wb.len() - common);
    (common == small && small >= 2) || common * 2 >= union
}

fn close(a: DateTime<Utc>, b: DateTime<Utc>) -> bool {
    (a - b).num_seconds().abs() < SAME_MINUTE
}

/// Marks candidates that repeat an earlier one in the same list (same minute, similar
/// text), and unticks them; for rows read from several files at once.
/// Marks from an earlier call (the list may have been re-ordered) are replaced; marks of
/// rows already in a report stay.
pub fn mark_repeats(rows: &mut [Candidate]) {
    for r in rows.iter_mut() {
        if matches!(r.duplicate_of, Some(Duplicate::Candidate(_))) {
            r.duplicate_of = None;
        }
    }
    // Split each text once: a busy channel has dozens of messages a minute.
    let sets: Vec<Vec<u64>> = rows.iter().map(|r| words(&r.text)).collect();
    let mut by_time: Vec<usize> = (0..rows.len()).collect();
    by_time.sort_by_key(|&i| (rows[i].time, i));
    for (pos, &i) in by_time.iter().enumerate() {
        if rows[i].duplicate_of.is_some() {
            continue;
        }
        let earlier = by_time[..pos]
            .iter()
            .rev()
            .take_while(|&&j| close(rows[i].time, rows[j].time))
            .copied()
            .filter(|&j| rows[j].duplicate_of.is_none())
            .find(|&j| similar_words(&rows[i].text, &sets[i], &rows[j].text, &sets[j]));
        if let Some(j) = earlier {
            rows[i].duplicate_of = Some(Duplicate::Candidate(j));
            rows[i].suggested = false;
        }
    }
}

/// The report's rows as instants, in the date the candidates give when the report
/// states none (so "14:30" rows line up with imported 2023-11-13 events).
fn existing(report: &Report, first: Option<DateTime<Utc>>) -> ResolvedTimeline {
    let resolved = resolve_report_timeline(report);
    if resolved.dated {
        return resolved;
    }
    let mut context = TimeContext::from_report(report);
    let Some(first) = first else { return resolved };
    context.date = Some(first.with_timezone(&context.offset).date_naive());
    resolve_timeline(
        report.timeline.entries.iter().map(|e| e.time.as_str()),
        &context,
    )
}

/// The index of a report row that says the same as `row` within the same minute.
fn in_timeline(
    report: &Report,
    sorted: &[(DateTime<Utc>, usize)],
    time: DateTime<Utc>,
    text: &str,
) -> Option<usize> {
    let start = sorted.partition_point(|(t, _)| (time - *t).num_seconds() >= SAME_MINUTE);
    sorted[start..]
        .iter()
        .take_while(|(t, _)| (*t - time).num_seconds() < SAME_MINUTE)
        .map(|(_, i)| *i)
        .find(|&i| similar(text, &report.timeline.entries[i].event))
}

fn sorted_rows(resolved: &ResolvedTimeline) -> Vec<(DateTime<Utc>, usize)> {
    let mut sorted: Vec<(DateTime<Utc>, usize)> = resolved
        .at
        .iter()
        .enumerate()
        .filter_map(|(i, at)| at.map(|a| (a.with_timezone(&Utc), i)))
        .collect();
    sorted.sort();
    sorted
}

/// Marks candidates already in the report's timeline (same minute, similar text) as
/// duplicates of that row, and unticks them.
pub fn mark_duplicates(report: &Report, rows: &mut [Candidate]) {
    let first = rows.iter().map(|r| r.time).min();
    let sorted = sorted_rows(&existing(report, first));
    for row in rows.iter_mut() {
        if let Some(i) = in_timeline(report, &sorted, row.time, &row.text) {
            row.duplicate_of = Some(Duplicate::Row(i));
            row.suggested = false;
        }
    }
}

/// A row a merge added.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Added {
    /// Its index in the merged timeline.
    pub row: usize,
    pub source: Source,
    pub source_id: String,
}

/// What [`merge`] made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Merged {
    /// The report with the merged timeline; nothing else changed.
    pub report: Report,
    /// The rows added, in timeline order.
    pub added: Vec<Added>,
    /// Indices into the chosen rows left out as duplicates (of a row, or of another
    /// chosen row).
    pub left_out: Vec<usize>,
}

/// Merges chosen candidates into the report's timeline: in time order among the
/// author's rows (whose order is kept), text and kind as the candidates have them (the
/// author may have edited both), times written in the report's zone (`14:37`, with the
/// date where the row would otherwise be read on another day), and a candidate that says
/// what a row or another chosen candidate already says in the same minute left out.
pub fn merge(report: &Report, chosen: &[Candidate]) -> Merged {
    let context = TimeContext::from_report(report);
    let zone = context.offset;
    let resolved = existing(report, chosen.iter().map(|c| c.time).min());
    let sorted = sorted_rows(&resolved);

    let mut order: Vec<usize> = (0..chosen.len()).collect();
    order.sort_by_key(|&i| (chosen[i].time, i));
    let mut kept: Vec<usize> = Vec::new();
    let mut left_out = Vec::new();
    for i in order {
        let c = &chosen[i];
        let repeats = kept
            .iter()
            .rev()
            .take_while(|&&k| close(c.time, chosen[k].time))
            .any(|&k| similar(&c.text, &chosen[k].text));
        if repeats || in_timeline(report, &sorted, c.time, &c.text).is_some() {
            left_out.push(i);
        } else {
            kept.push(i);
        }
    }
    left_out.sort_unstable();

    // Interleave: each new row goes before the first author row later than it.
    enum Slot {
        Old(usize),
        New(usize),
    }
    let mut slots = Vec::with_capacity(report.timeline.entries.len() + kept.len());
    let mut next = kept.iter().copied().peekable();
    for (i, at) in resolved.at.iter().enumerate() {
        if let Some(at) = at {
            let at = at.with_timezone(&Utc);
            while let Some(k) = next.next_if(|&k| chosen[k].time < at) {
                slots.push(Slot::New(k));
            }
        }
        slots.push(Slot::Old(i));
    }
    slots.extend(next.map(Slot::New));

    let mut full = vec![false; slots.len()];
    let build = |full: &[bool]| -> Vec<TimelineEntry> {
        slots
            .iter()
            .zip(full)
            .map(|(slot, &f)| match slot {
                Slot::Old(i) => report.timeline.entries[*i].clone(),
                Slot::New(k) => {
                    let c = &chosen[*k];
                    TimelineEntry {
                        time: written(c.time, zone, f),
                        event: c.text.clone(),
                        owner: c.who.clone(),
                        kind: c.kind,
                    }
                }
            })
            .collect()
    };
    // Write clock times alone where the timeline reads them on the right day; add the
    // date where it would not (the first row of an undated report, a day later).
    // One date usually fixes the rows after it too, so the first few passes date only
    // the first row read wrong; then every row still read wrong gets its date.
    let mut entries = build(&full);
    for pass in 0..12 {
        let check = resolve_timeline(entries.iter().map(|e| e.time.as_str()), &context);
        let wrong: Vec<usize> = slots
            .iter()
            .enumerate()
            .filter_map(|(s, slot)| match slot {
                Slot::New(k) if !full[s] => {
                    let want = chosen[*k].time.with_nanosecond(0);
                    let got = check.at[s].map(|a| a.with_timezone(&Utc));
                    (got != want).then_some(s)
                }
                _ => None,
            })
            .collect();
        if wrong.is_empty() {
            break;
        }
        let take = if pass < 8 { 1 } else { wrong.len() };
        for &s in wrong.iter().take(take) {
            full[s] = true;
        }
        entries = build(&full);
    }
    let added = slots
        .iter()
        .enumerate()
        .filter_map(|(row, slot)| match slot {
            Slot::New(k) => Some(Added {
                row,
                source: chosen[*k].source,
                source_id: chosen[*k].source_id.clone(),
            }),
            Slot::Old(_) => None,
        })
        .collect();
    let mut merged = report.clone();
    merged.timeline.entries = entries;
    Merged {
        report: merged,
        added,
        left_out,
    }
}

/// A time as a timeline row writes it, in `zone`: `14:37`, `14:37:12`, or with the date
/// (`2023-11-13 14:37`).
pub(crate) fn written(time: DateTime<Utc>, zone: FixedOffset, with_date: bool) -> String {
    let local = time.with_timezone(&zone);
    let clock = if local.second() == 0 {
        local.format("%H:%M").to_string()
    } else {
        local.format("%H:%M:%S").to_string()
    };
    if with_date {
        format!("{} {clock}", local.format("%Y-%m-%d"))
    } else {
        clock
    }
}

/// A metric the review explains.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Metric {
    /// Where the times are measured from (impact start, else the first row).
    ImpactStart,
    Detect,
    Acknowledge,
    Mitigate,
    Resolve,
}

impl Metric {
    pub fn label(self) -> &'static str {
        match self {
            Metric::ImpactStart => "impact start",
            Metric::Detect => "time to detect",
            Metric::Acknowledge => "time to acknowledge",
            Metric::Mitigate => "time to mitigate",
            Metric::Resolve => "time to resolve",
        }
    }
}

/// Which timeline row a metric used, and whether a merge imported it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MetricOrigin {
    pub metric: Metric,
    /// Index of the row in the timeline.
    pub row: usize,
    pub at: DateTime<FixedOffset>,
    /// The source row, when the row came from a merge.
    pub imported: Option<Added>,
}

/// A metric, the instant `compute` found for it, and the kinds that count for it.
type Wanted = (Metric, Option<DateTime<FixedOffset>>, &'static [EventKind]);

/// For each metric the report's timeline yields, the row it was read from (the first
/// row of its kind, as `metrics::compute` takes it), joined with what a merge added.
pub fn metric_origins(report: &Report, added: &[Added]) -> Vec<MetricOrigin> {
    let m = compute(report);
    let resolved = resolve_report_timeline(report);
    let wanted: [Wanted; 5] = [
        (
            Metric::ImpactStart,
            m.impact_start,
            &[EventKind::ImpactStart],
        ),
        (
            Metric::Detect,
            m.detected,
            &[EventKind::Detected, EventKind::Alerted],
        ),
        (
            Metric::Acknowledge,
            m.acknowledged,
            &[EventKind::Acknowledged],
        ),
        (
            Metric::Mitigate,
            m.mitigated,
            &[EventKind::Mitigated, EventKind::Restored],
        ),
        (Metric::Resolve, m.resolved, &[EventKind::Resolved]),
    ];
    let mut out = Vec::new();
    for (metric, at, kinds) in wanted {
        let Some(at) = at else { continue };
        // A mitigation row wins over a restoration at the same instant, as in `compute`.
        let row = kinds.iter().find_map(|kind| {
            report
                .timeline
                .entries
                .iter()
                .zip(&resolved.at)
                .position(|(e, t)| *t == Some(at) && classify(e) == Some(*kind))
        });
        let Some(row) = row else { continue };
        out.push(MetricOrigin {
            metric,
            row,
            at,
            imported: added.iter().find(|a| a.row == row).cloned(),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn similar_texts() {
        assert!(similar("Rolled back", "rolled back to v1.2"));
        assert!(similar(
            "Alert fired: HighErrorRate",
            "alert fired HighErrorRate!"
        ));
        assert!(similar(
            "On-call acknowledged the page",
            "On-call engineer acknowledged the page"
        ));
        assert!(!similar("Rolled back", "Deploy started"));
        assert!(!similar("paged", "rolled back the deploy of v1.2"));
        assert!(similar("🔥", "🔥"));
        assert!(!similar("", "x"));
    }

    #[test]
    fn written_times() {
        let t = DateTime::parse_from_rfc3339("2023-11-13T09:42:30Z")
            .expect("time")
            .with_timezone(&Utc);
        let cet = FixedOffset::east_opt(3600).expect("zone");
        assert_eq!(written(t, cet, false), "10:42:30");
        assert_eq!(written(t, cet, true), "2023-11-13 10:42:30");
        let t0 = t.with_second(0).expect("second");
        assert_eq!(written(t0, cet, false), "10:42");
    }
}
