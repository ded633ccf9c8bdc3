//! The facts a reviewer or a docs-repo dashboard wants from one report at a glance:
//! template, title, id, normalised severity, date, stated duration, timeline span, counts
//! and the readiness score. Used by `hindsight lint --format json` and the start screen.

use serde::Serialize;

use crate::model::Report;
use crate::severity::Severity;
use crate::time::{self, resolve_report_timeline, ResolvedTimeline};
use crate::validate::{self, Finding};

/// One report at a glance (named apart from the report's own `model::Summary` section).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Overview {
    /// Template id, "000" … "004".
    pub template: String,
    pub title: String,
    pub incident_id: String,
    /// "SEV1" … "SEV4", or `None` when the severity cannot be read.
    pub severity: Option<String>,
    /// Incident date as YYYY-MM-DD, when it can be read.
    pub date: Option<String>,
    /// The duration the author stated, in whole minutes.
    pub duration_minutes: Option<i64>,
    pub timeline_rows: usize,
    /// First row's date-time (ISO 8601), when the timeline has a calendar date.
    pub timeline_start: Option<String>,
    /// Last row's date-time (ISO 8601), when the timeline has a calendar date.
    pub timeline_end: Option<String>,
    pub action_items: usize,
    /// Whys with a question or an answer.
    pub five_whys: usize,
    /// Readiness 0–100: the findings' score scaled by the share of sections filled.
    pub score: u8,
}

/// Summarises a report given the findings validation produced for it.
pub fn summarize(report: &Report, findings: &[Finding]) -> Overview {
    overview(report, findings, &resolve_report_timeline(report))
}

/// The same, from a timeline already resolved (validation resolves it once).
pub fn overview(report: &Report, findings: &[Finding], resolved: &ResolvedTimeline) -> Overview {
    let hint = crate::templates::scale_of(&report.template);
    let iso = |i: Option<usize>| -> Option<String> {
        let at = resolved.at.get(i?).copied().flatten()?;
        resolved.dated.then(|| at.to_rfc3339())
    };
    let first = resolved.at.iter().position(Option::is_some);
    let last = resolved.at.iter().rposition(Option::is_some);
    let date = time::parse_date(&report.meta.date).or_else(|| {
        time::parse_stamp(&report.meta.start).and_then(|s| match s.date {
            time::DatePart::Full(d) => Some(d),
            _ => None,
        })
    });
    Overview {
        template: report.template.clone(),
        title: report.meta.title.trim().to_string(),
        incident_id: report.meta.incident_id.trim().to_string(),
        severity: Severity::parse(&report.meta.severity, hint).map(Severity::name),
        date: date.map(|d| d.format("%Y-%m-%d").to_string()),
        duration_minutes: time::parse_duration(&report.meta.duration).map(|d| d.num_minutes()),
        timeline_rows: report.timeline.entries.len(),
        timeline_start: iso(first),
        timeline_end: iso(last),
        action_items: report.action_items.len(),
        five_whys: report
            .root_cause
            .whys
            .iter()
            .filter(|w| !(w.why.trim().is_empty() && w.because.trim().is_empty()))
            .count(),
        score: validate::readiness(report, findings),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{TimelineEntry, Why};

    fn row(time: &str) -> TimelineEntry {
        TimelineEntry {
            time: time.into(),
            event: "x".into(),
            ..Default::default()
        }
    }

    #[test]
    fn summarises_a_midnight_crossing_report() {
        let mut r = Report::new("003");
        r.meta.title = " Cache stampede ".into();
        r.meta.severity = "P0".into();
        r.meta.date = "31 Jan 2017".into();
        r.meta.duration = "1h 30m".into();
        r.timeline.entries = vec![row("23:10"), row("nonsense"), row("00:40")];
        r.root_cause.whys = vec![
            Why {
                why: "Why?".into(),
                because: "x".into(),
            },
            Why::default(),
        ];
        let s = summarize(&r, &[]);
        assert_eq!(s.title, "Cache stampede");
        assert_eq!(s.severity.as_deref(), Some("SEV1"));
        assert_eq!(s.date.as_deref(), Some("2017-01-31"));
        assert_eq!(s.duration_minutes, Some(90));
        assert_eq!(s.timeline_rows, 3);
        assert_eq!(
            s.timeline_start.as_deref(),
            Some("2017-01-31T23:10:00+00:00")
        );
        assert_eq!(s.timeline_end.as_deref(), Some("2017-02-01T00:40:00+00:00"));
        assert_eq!(s.five_whys, 1);
        // No findings, but only some of seed 003's sections hold anything.
        assert!(s.score > 0 && s.score < 100, "{}", s.score);
    }

    #[test]
    fn undated_timelines_have_no_absolute_span() {
        let mut r = Report::new("000");
        r.timeline.entries = vec![row("14:00"), row("15:00")];
        let s = summarize(&r, &[]);
        assert_eq!((s.timeline_start, s.timeline_end), (None, None));
        assert_eq!(s.date, None);
        assert_eq!(s.severity, None);
    }
}
