//! The timeline as a Mermaid `timeline` diagram in a fenced code block, for Markdown
//! read where Mermaid renders (GitHub, GitLab, Notion, MkDocs). One section per day,
//! one period per distinct time, the events of that time after it. User text is written
//! with Mermaid's entity codes (`#58;` for `:`) for everything but letters, digits,
//! spaces and plain punctuation, so no text can end a period, open a comment or
//! directive, carry markup or close the fence.

use chrono::{DateTime, FixedOffset};

use crate::metrics;
use crate::model::Report;
use crate::time::{resolve_report_timeline, TimeContext};

/// ASCII punctuation written as is; every other ASCII symbol becomes an entity code.
const PLAIN: &str = ".,-_()/'!?+=@";

/// The fenced Mermaid block, or an empty string when the timeline is empty.
pub fn timeline_mermaid(report: &Report) -> String {
    let entries = &report.timeline.entries;
    if entries.is_empty() {
        return String::new();
    }
    let resolved = resolve_report_timeline(report);
    let offset = TimeContext::from_report(report).offset;
    let mut rows: Vec<(Option<DateTime<FixedOffset>>, usize)> =
        resolved.at.iter().copied().zip(0..).collect();
    // Time order, rows without a readable time last, ties in table order.
    rows.sort_by_key(|(at, i)| (at.is_none(), *at, *i));
    let mut out = String::from("```mermaid\ntimeline\n");
    let title = report
        .meta
        .title
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    out.push_str(&format!(
        "    title {}\n",
        code(&if title.is_empty() {
            "Incident timeline".to_string()
        } else {
            format!("Incident timeline: {title}")
        })
    ));
    let mut section: Option<String> = None;
    let mut period: Option<String> = None;
    for (at, i) in rows {
        let entry = &entries[i];
        let (day, time) = match at {
            Some(t) => {
                let local = t.with_timezone(&offset);
                let day = if resolved.dated {
                    local.format("%Y-%m-%d").to_string()
                } else {
                    "Timeline".to_string()
                };
                (day, local.format("%H:%M").to_string())
            }
            None => ("Time not read".to_string(), entry.time.trim().to_string()),
        };
        if section.as_deref() != Some(day.as_str()) {
            out.push_str(&format!("    section {}\n", code(&day)));
            section = Some(day);
            period = None;
        }
        let kind = metrics::classify(entry)
            .filter(|_| entry.kind.is_some())
            .map(|k| format!("{} - ", k.label()))
            .unwrap_or_default();
        // One line: Mermaid reads a line break as the next entry.
        let event = entry
            .event_after_kind()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        let event = code(&format!("{kind}{event}"));
        if period.as_deref() == Some(time.as_str()) {
            out.push_str(&format!("             : {event}\n"));
        } else {
            let shown = if time.is_empty() {
                "?".to_string()
            } else {
                code(&time)
            };
            out.push_str(&format!("        {shown} : {event}\n"));
            period = Some(time);
        }
    }
    out.push_str("```\n");
    out
}

/// True for a block `timeline_mermaid` wrote: a `mermaid` fence whose diagram is a
/// `timeline` titled "Incident timeline". The importer drops such a block, since the
/// exporter regenerates it from the timeline table; a hand-written diagram is kept.
pub fn is_generated(info: &str, literal: &str) -> bool {
    let mut lines = literal.lines().map(str::trim);
    info.trim() == "mermaid"
        && lines.next() == Some("timeline")
        && lines
            .next()
            .is_some_and(|l| l.starts_with("title Incident timeline"))
}

/// Text in Mermaid's entity codes: `#NN;` for ASCII symbols outside `PLAIN`, spaces for
/// whitespace and controls.
fn code(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_whitespace() || c.is_control() {
            out.push(' ');
        } else if c.is_ascii_punctuation() && !PLAIN.contains(c) {
            out.push_str(&format!("#{};", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    out.trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{EventKind, TimelineEntry};

    fn entry(time: &str, event: &str, kind: Option<EventKind>) -> TimelineEntry {
        TimelineEntry {
            time: time.to_string(),
            event: event.to_string(),
            owner: String::new(),
            kind,
        }
    }

    #[test]
    fn days_become_sections_and_times_periods_in_time_order() {
        let mut r = Report::new("000");
        r.meta.title = "DB outage".to_string();
        r.meta.date = "2024-03-02".to_string();
        r.timeline.entries = vec![
            entry("23:50", "paged", None),
            entry("23:40", "impact", Some(EventKind::ImpactStart)),
            entry("23:50", "joined", None),
            entry("00:25", "rollback", Some(EventKind::Mitigated)),
            entry("later", "notes", None),
        ];
        assert_eq!(
            timeline_mermaid(&r),
            "```mermaid\ntimeline\n    title Incident timeline#58; DB outage\n    section 2024-03-02\n        23#58;40 : Impact start - impact\n        23#58;50 : paged\n             : joined\n    section 2024-03-03\n        00#58;25 : Mitigation - rollback\n    section Time not read\n        later : notes\n```\n"
        );
    }

    #[test]
    fn user_text_cannot_break_out() {
        let mut r = Report::new("000");
        r.meta.title = "x\n```\n%%{init: {}}%%".to_string();
        r.timeline.entries = vec![entry(
            "10:00",
            "a : b <img src=x onerror=alert(1)> `` # ; & \" %% {} \n section evil",
            None,
        )];
        let m = timeline_mermaid(&r);
        let body = &m["```mermaid\n".len()..m.len() - "```\n".len()];
        assert!(!body.contains('`'), "{m}");
        assert!(!body.contains('<') && !body.contains('>'), "{m}");
        assert!(!body.contains('%') && !body.contains('{'), "{m}");
        assert_eq!(body.lines().count(), 4, "{m}");
        // One separator per event line: the user's `:` is a code.
        let event = body.lines().last().unwrap_or_default();
        assert_eq!(event.matches(" : ").count(), 1, "{event}");
        assert!(event.contains("a #58; b #60;img"), "{event}");
        assert_eq!(timeline_mermaid(&Report::new("000")), "");
    }
}
