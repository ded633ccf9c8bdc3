//! The review of one report, computed once per change: findings, the metrics computed
//! from the timeline, the readiness score and the at-a-glance overview. The timeline is
//! interpreted once and shared by all four, so a shell never runs validation and metrics
//! separately.

use crate::metrics::Metrics;
use crate::model::Report;
use crate::policy::Policy;
use crate::summary::{overview, Overview};
use crate::validate::{self, Context, Finding};

/// Everything a reviewer (or the editor's review panel) reads off a report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Review {
    /// What a reviewer would point out, in rule order.
    pub findings: Vec<Finding>,
    /// Time to detect, acknowledge, mitigate, resolve and the duration, from the timeline.
    pub metrics: Metrics,
    /// Readiness 0–100, explained by the findings.
    pub score: u8,
    pub overview: Overview,
}

/// Reviews a report under a policy.
pub fn review(report: &Report, policy: &Policy) -> Review {
    let context = Context::new(report, policy);
    let findings = validate::run(&context);
    let score = validate::score(&findings);
    let overview = overview(report, &findings, &context.timeline);
    Review {
        metrics: context.metrics,
        findings,
        score,
        overview,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{metrics, summary};

    #[test]
    fn equals_its_parts_computed_apart() {
        let text = include_str!("validate/clean_report.json");
        let mut report: Report = serde_json::from_str(text).unwrap_or_default();
        assert!(!report.timeline.entries.is_empty(), "fixture loaded");
        report.meta.severity = "SEV9".into();
        let policy = Policy::default();
        let r = review(&report, &policy);
        let findings = validate::validate(&report, &policy);
        assert!(!findings.is_empty());
        assert_eq!(r.findings, findings);
        assert_eq!(r.metrics, metrics::compute(&report));
        assert_eq!(r.score, validate::score(&findings));
        assert_eq!(r.overview, summary::summarize(&report, &findings));
    }
}
