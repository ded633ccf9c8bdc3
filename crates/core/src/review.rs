//! The review of one report, computed once per change: findings, the metrics computed
//! from the timeline, the readiness score and the at-a-glance overview. The timeline is
//! interpreted once and shared by all four, so a shell never runs validation and metrics
//! separately.

use crate::fields::Slot;
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
    /// Readiness 0–100: the findings' score scaled by the share of sections filled.
    pub score: u8,
    pub overview: Overview,
    /// The template's slots that hold nothing real yet (blank or placeholder).
    pub empty: Vec<Slot>,
}

/// Reviews a report under a policy.
pub fn review(report: &Report, policy: &Policy) -> Review {
    review_in(Context::new(report, policy))
}

/// Reviews one report after another, as an editor does on every change: what each text
/// was read as (a row's time, an event's kind, a field's placeholders and blaming phrases)
/// is remembered between reviews, so after an edit only the changed texts are read again.
/// Every review equals `review(report, policy)`: the same rules run over the same
/// context, and a remembered reading is the value a fresh one would be.
#[derive(Debug, Default)]
pub struct Reviewer {
    policy: Policy,
    memo: validate::Memo,
}

impl Reviewer {
    /// A session reviewing under `policy`, remembering nothing yet.
    pub fn new(policy: Policy) -> Reviewer {
        Reviewer {
            policy,
            memo: validate::Memo::default(),
        }
    }

    /// The policy reviews run under.
    pub fn policy(&self) -> &Policy {
        &self.policy
    }

    /// Reviews under `policy` from now on. Readings that depend on it are made again.
    pub fn set_policy(&mut self, policy: Policy) {
        self.policy = policy;
    }

    /// Reviews the report as it is now.
    pub fn review(&self, report: &Report) -> Review {
        review_in(Context::with_memo(report, &self.policy, &self.memo))
    }

    /// The readings remembered from the last reviews.
    pub fn memo(&self) -> &validate::Memo {
        &self.memo
    }
}

fn review_in(context: Context) -> Review {
    let report = context.report;
    let findings = validate::run(&context);
    let score = validate::readiness(report, &findings);
    let overview = overview(report, &findings, &context.timeline);
    Review {
        metrics: context.metrics,
        findings,
        score,
        overview,
        empty: validate::empty_slots(report),
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
        assert_eq!(r.score, validate::readiness(&report, &findings));
        assert_eq!(r.score, r.overview.score);
        assert_eq!(r.overview, summary::summarize(&report, &findings));
        assert_eq!(r.empty, validate::empty_slots(&report));
    }

    /// A blank report in every template: near 0, every section the template shows is
    /// empty, and each finding sits in a section the editor shows (so no section with a
    /// finding about it reads "complete").
    #[test]
    fn a_blank_report_scores_near_zero_and_every_finding_has_a_section() {
        for t in crate::templates::all() {
            let report = Report::new(t.id);
            let r = review(&report, &Policy::default());
            assert!(r.score <= 5, "{}: {}", t.id, r.score);
            let sections = crate::outline::sections(t);
            for s in &sections {
                assert!(
                    s.slots().all(|slot| r.empty.contains(&slot)),
                    "{} {}",
                    t.id,
                    s.title
                );
            }
            for f in &r.findings {
                assert!(
                    sections.iter().any(|s| s.holds(&f.location)),
                    "{}: {} at {} is in no section",
                    t.id,
                    f.rule,
                    f.location
                );
            }
        }
    }

    #[test]
    fn readiness_grows_with_each_section_filled() {
        let text = include_str!("validate/clean_report.json");
        let full: Report = serde_json::from_str(text).unwrap_or_default();
        let policy = Policy::default();
        assert_eq!(
            review(&full, &policy).score,
            100,
            "the clean report is ready"
        );
        let mut r = Report::new(&full.template);
        let mut last = review(&r, &policy).score;
        assert!(last <= 5, "{last}");
        r.meta.title = full.meta.title.clone();
        r.meta.severity = full.meta.severity.clone();
        r.summary = full.summary.clone();
        r.timeline = full.timeline.clone();
        for step in 0..2 {
            let now = review(&r, &policy).score;
            assert!(now > last, "step {step}: {now} > {last}");
            last = now;
            r.root_cause = full.root_cause.clone();
        }
    }
}
