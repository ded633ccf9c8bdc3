//! `review-deadline`: the post-mortem meeting was held later than the policy allows
//! (seed 000: within 48 hours for SEV1/SEV2, within a week for SEV3).

use chrono::TimeDelta;

use crate::policy::Policy;
use crate::time::{parse_stamp, DatePart};

use super::{is_placeholder, Context, Finding, Level, Rule};

/// `review-deadline`: review meeting later than the deadline for the severity.
pub const REVIEW_DEADLINE: Rule = Rule {
    id: "review-deadline",
    level: Level::Warning,
    doc: "The post-mortem meeting is dated later after the incident than the policy allows for its severity (48 hours for SEV1/SEV2, 168 for SEV3).",
    check: review_deadline,
};

fn review_deadline(cx: &Context) -> Vec<Finding> {
    let text = cx.report.meta.meeting_date.trim();
    if text.is_empty() || is_placeholder(text) {
        return Vec::new();
    }
    let key = Policy::severity_key(cx.severity);
    let Some(&hours) = cx.policy.review_deadline_hours.get(&key) else {
        return Vec::new();
    };
    let Some(stamp) = parse_stamp(text) else {
        return Vec::new();
    };
    let DatePart::Full(meeting_date) = stamp.date else {
        return Vec::new();
    };
    // The incident ends at resolution (else the last row, else the stated date).
    let end = cx.timeline.dated.then(|| cx.metrics.end()).flatten();
    let late = match (stamp.time, end) {
        (Some(time), Some(end)) => {
            let offset = stamp.offset.unwrap_or(cx.time.offset);
            meeting_date
                .and_time(time)
                .and_local_timezone(offset)
                .single()
                .map(|m| m - end)
                .filter(|gap| *gap > TimeDelta::hours(i64::from(hours)))
        }
        _ => {
            let Some(incident) = end.map(|e| e.date_naive()).or(cx.time.date) else {
                return Vec::new();
            };
            let allowed_days = i64::from(hours.div_ceil(24));
            let gap = meeting_date - incident;
            (gap > TimeDelta::days(allowed_days)).then_some(gap)
        }
    };
    let Some(gap) = late else {
        return Vec::new();
    };
    let days = gap.num_hours() as f64 / 24.0;
    let spoken = cx.severity_spoken();
    vec![Finding::new(
        &REVIEW_DEADLINE,
        crate::fields::Text::MeetingDate,
        format!(
            "The review meeting ({text}) was {days:.1} days after the incident; the policy for {spoken} is within {hours} hours."
        ),
    )
    .fix(format!("Hold the review within {hours} hours of the incident, or note why it was later."))]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::testing::{clean, locations, run, run_with};

    #[test]
    fn quiet_on_a_clean_report() {
        assert!(run(&REVIEW_DEADLINE, &clean()).is_empty());
    }

    #[test]
    fn sev2_allows_48_hours() {
        let mut r = clean();
        // Resolved 2024-01-15 15:15 UTC.
        r.meta.meeting_date = "2024-01-17".into();
        assert!(run(&REVIEW_DEADLINE, &r).is_empty());
        r.meta.meeting_date = "2024-01-18".into();
        assert_eq!(locations(&REVIEW_DEADLINE, &r), ["meta.meeting_date"]);
        r.meta.meeting_date = "2024-01-17 15:00".into();
        assert!(run(&REVIEW_DEADLINE, &r).is_empty());
        r.meta.meeting_date = "2024-01-17 15:30".into();
        assert_eq!(run(&REVIEW_DEADLINE, &r).len(), 1);
    }

    #[test]
    fn sev3_allows_a_week_and_sev4_has_no_deadline() {
        let mut r = clean();
        r.meta.severity = "SEV3".into();
        r.meta.meeting_date = "2024-01-21".into();
        assert!(run(&REVIEW_DEADLINE, &r).is_empty());
        r.meta.meeting_date = "2024-01-23".into();
        assert_eq!(run(&REVIEW_DEADLINE, &r).len(), 1);
        r.meta.severity = "SEV4".into();
        assert!(run(&REVIEW_DEADLINE, &r).is_empty());
    }

    #[test]
    fn placeholders_and_policy() {
        let mut r = clean();
        r.meta.meeting_date = "[DATE]".into();
        assert!(run(&REVIEW_DEADLINE, &r).is_empty());
        r.meta.meeting_date = "2024-01-19".into();
        let p =
            Policy::from_json(r#"{"review_deadline_hours": {"SEV2": 120}}"#).unwrap_or_default();
        assert!(run_with(&REVIEW_DEADLINE, &r, &p).is_empty());
    }
}
