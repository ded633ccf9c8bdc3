//! Validation: runs every rule over a report under a policy and returns findings (data,
//! never errors: a half-written draft is normal), plus a readiness score explained by
//! them. Each rule lives in the file named after what it checks, with its id, doc line,
//! pure check function and tests side by side; `RULES` lists them all.

mod action_items;
mod author;
mod blame;
mod five_whys;
mod instructions;
mod memo;
mod meta;
mod mismatch;
mod placeholder;
mod review_deadline;
mod sections;
mod timeline;

use std::fmt;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

pub use crate::level::Level;

use crate::fields::{Part, Slot};
pub use crate::location::Location;
use crate::metrics::{self, Metrics};
use crate::model::Report;
use crate::policy::Policy;
use crate::severity::Severity;
use crate::time::{self, ResolvedTimeline, TimeContext};

pub use crate::placeholder::{find_placeholders, is_placeholder, Placeholder};
pub use memo::Memo;
pub use sections::slot_filled;

/// One thing a reviewer would point out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Finding {
    /// Stable kebab-case rule id (`docs/rules.md`).
    pub rule: String,
    pub level: Level,
    /// Where in the report, for jumping to it: `meta.severity`, `timeline[3].time`.
    pub location: Location,
    /// Plain-words description.
    pub message: String,
    /// Suggested fix, where one exists.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fix: Option<String>,
    /// 1-based source line, when the finding comes from an import note that has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line: Option<u32>,
}

impl Finding {
    /// A finding of `rule` at its default level.
    pub fn new(rule: &Rule, location: impl Into<Location>, message: impl Into<String>) -> Self {
        Finding {
            rule: rule.id.to_string(),
            level: rule.level,
            location: location.into(),
            message: message.into(),
            fix: None,
            line: None,
        }
    }

    /// With a suggested fix.
    pub fn fix(mut self, fix: impl Into<String>) -> Self {
        self.fix = Some(fix.into());
        self
    }
}

/// A validation rule.
#[derive(Clone, Copy)]
pub struct Rule {
    /// Stable kebab-case id.
    pub id: &'static str,
    /// Level when the policy does not override it.
    pub level: Level,
    /// One line saying what fires it.
    pub doc: &'static str,
    /// The check itself: pure, reads the context, returns findings.
    pub check: fn(&Context) -> Vec<Finding>,
}

impl fmt::Debug for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Rule")
            .field("id", &self.id)
            .field("level", &self.level)
            .finish()
    }
}

/// Every rule, in the order findings are reported.
pub const RULES: &[Rule] = &[
    meta::SEVERITY_UNKNOWN,
    meta::DATE_INVALID,
    meta::STATUS_FINAL_UNSIGNED,
    author::AUTHOR_MISSING,
    sections::MISSING_SECTION,
    sections::UNKNOWN_SECTION,
    instructions::TEMPLATE_INSTRUCTIONS,
    placeholder::PLACEHOLDER,
    timeline::TIMELINE_TIME,
    timeline::TIMELINE_ORDER,
    mismatch::DURATION_MISMATCH,
    mismatch::METRIC_MISMATCH,
    five_whys::FIVE_WHYS_DEPTH,
    action_items::ACTION_ITEMS_REQUIRED,
    action_items::ACTION_ITEM_OWNER,
    action_items::ACTION_ITEM_DUE_DATE,
    action_items::ACTION_ITEM_PRIORITY,
    action_items::ACTION_ITEM_DUE_PAST,
    action_items::ACTION_ITEM_VAGUE,
    action_items::ACTION_ITEM_TRACKING,
    action_items::ACTION_ITEM_COVERAGE,
    review_deadline::REVIEW_DEADLINE,
    blame::BLAME_LANGUAGE,
];

/// Looks a rule up by id.
pub fn rule(id: &str) -> Option<&'static Rule> {
    RULES.iter().find(|r| r.id == id)
}

/// Everything rules share, interpreted once per validation.
pub struct Context<'a> {
    pub report: &'a Report,
    pub policy: &'a Policy,
    /// The severity, read in the template's scale.
    pub severity: Option<Severity>,
    pub time: TimeContext,
    pub timeline: ResolvedTimeline,
    pub metrics: Metrics,
    /// The slots the report's template, or the document's own layout, has a place for;
    /// `None` for an unknown template.
    pub placed: Option<Vec<Slot>>,
    /// Readings remembered from earlier reviews of the same report (`Reviewer`); `None`
    /// reads every text afresh.
    memo: Option<&'a Memo>,
}

impl<'a> Context<'a> {
    pub fn new(report: &'a Report, policy: &'a Policy) -> Self {
        Context::remembering(report, policy, None)
    }

    /// A context whose rules take the readings of unchanged texts from `memo` and leave
    /// the new ones there for the next review.
    pub fn with_memo(report: &'a Report, policy: &'a Policy, memo: &'a Memo) -> Self {
        memo.turn();
        Context::remembering(report, policy, Some(memo))
    }

    fn remembering(report: &'a Report, policy: &'a Policy, memo: Option<&'a Memo>) -> Self {
        let time = TimeContext::from_report(report);
        let stamps = report
            .timeline
            .entries
            .iter()
            .map(|e| {
                remembered(memo.map(|m| &m.stamps), &e.time, || {
                    time::parse_stamp(&e.time)
                })
            })
            .collect();
        let timeline = time::resolve_stamps(stamps, &time);
        let mut metrics = metrics::from_resolved_with(&report.timeline.entries, &timeline, |e| {
            e.kind.or_else(|| {
                remembered(memo.map(|m| &m.kinds), &e.event, || {
                    metrics::kind_from_text(&e.event)
                })
            })
        });
        metrics::key_times(report, &time, &mut metrics);
        metrics.measure_acknowledge_from(policy.acknowledge_from_in(&report.template));
        Context {
            memo,
            report,
            policy,
            severity: Severity::parse(
                &report.meta.severity,
                crate::templates::scale_of(&report.template),
            ),
            time,
            timeline,
            metrics,
            placed: match &report.layout {
                Some(layout) => Some(layout.slots()),
                None => crate::templates::by_id(&report.template).map(|t| t.placed_slots()),
            },
        }
    }

    /// True when the report's template (or the document's own layout) has a place for
    /// `slot`, or the template is unknown: rules only ask for what the layout asks for.
    pub fn template_has(&self, slot: Slot) -> bool {
        self.placed.as_ref().is_none_or(|p| p.contains(&slot))
    }

    /// The severity as messages name it: in the template's own scale ("a P1 report" in
    /// a P0–P2 template, whatever spelling the author typed), "unknown" when none.
    pub fn severity_spoken(&self) -> String {
        let scale = crate::templates::scale_of(&self.report.template);
        self.severity
            .map_or_else(|| "unknown".to_string(), |s| s.render(scale))
    }

    /// The incident's calendar date: stated, else the first dated timeline row.
    pub fn incident_date(&self) -> Option<NaiveDate> {
        self.time.date.or_else(|| {
            self.timeline
                .dated
                .then(|| self.metrics.start().map(|s| s.date_naive()))
                .flatten()
        })
    }
}

/// The reading `read` makes of `key`, taken from `table` when it remembers one (and left
/// there when it does not); made afresh without a table. `read` must be a pure function
/// of `key` alone: that is what makes a remembered reading equal a fresh one.
fn remembered<V: Clone>(
    table: Option<&std::cell::RefCell<memo::Table<String, V>>>,
    key: &str,
    read: impl FnOnce() -> V,
) -> V {
    match table {
        Some(t) => t.borrow_mut().get_or(key, read),
        None => read(),
    }
}

impl Context<'_> {
    /// The placeholder texts in `text` (`find_placeholders`), remembered by text.
    pub(crate) fn placeholders_in(&self, text: &str) -> std::sync::Arc<[String]> {
        remembered(self.memo.map(|m| &m.placeholders), text, || {
            find_placeholders(text)
                .into_iter()
                .map(|p| p.text)
                .collect()
        })
    }

    /// The blame rule reads under this lexicon: remembered readings made under another
    /// are forgotten. `lexicon` is only built when there is a memo to compare it with.
    fn use_lexicon(&self, lexicon: impl FnOnce() -> blame::Words) {
        if let Some(m) = self.memo {
            m.use_lexicon(lexicon());
        }
    }

    /// The blaming phrases `find` reads in a prose field, remembered by text (and by
    /// whether the field states a cause) under the lexicon of `use_lexicon`.
    fn blame_in(
        &self,
        text: &str,
        cause_field: bool,
        find: impl FnOnce() -> Vec<blame::Hit>,
    ) -> std::sync::Arc<[blame::Hit]> {
        let table = self.memo.map(|m| {
            if cause_field {
                &m.blame_cause
            } else {
                &m.blame
            }
        });
        remembered(table, text, || find().into())
    }
}

/// True when an import recorded a placeholder at `location` (`Report::placeholders`): the
/// field was left empty because it held template text, which the `placeholder` rule
/// reports; rules that would call the empty field "missing" stay quiet.
pub(crate) fn noted(report: &Report, location: &Location) -> bool {
    report
        .placeholders
        .iter()
        .any(|n| n.location.parse::<Location>().ok().as_ref() == Some(location))
}

/// Runs every rule the policy enables; findings carry the policy's level for their rule.
pub fn validate(report: &Report, policy: &Policy) -> Vec<Finding> {
    run(&Context::new(report, policy))
}

/// Runs every rule the context's policy enables over an interpreted report.
pub fn run(context: &Context) -> Vec<Finding> {
    let policy = context.policy;
    let mut out = Vec::new();
    for rule in RULES {
        let Some(level) = policy.level(rule.id, rule.level) else {
            continue;
        };
        out.extend((rule.check)(context).into_iter().map(|mut f| {
            f.level = level;
            f
        }));
    }
    out
}

/// Points one finding costs the readiness score.
pub fn penalty(level: Level) -> u32 {
    match level {
        Level::Error => 10,
        Level::Warning => 4,
        Level::Info => 1,
    }
}

/// The warnings and infos of one rule cost at most this many points, so one noisy rule
/// (forty placeholders) does not hide the others. Errors always count in full.
pub const RULE_PENALTY_CAP: u32 = 30;

/// What one rule cost the score.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ScoreLine {
    pub rule: String,
    pub findings: usize,
    pub points: u32,
}

/// How the score came about: points lost per rule, in rule order of first appearance.
pub fn score_breakdown(findings: &[Finding]) -> Vec<ScoreLine> {
    let mut lines: Vec<ScoreLine> = Vec::new();
    let (mut errors, mut capped): (Vec<u32>, Vec<u32>) = (Vec::new(), Vec::new());
    for f in findings {
        let i = match lines.iter().position(|l| l.rule == f.rule) {
            Some(i) => i,
            None => {
                errors.push(0);
                capped.push(0);
                lines.push(ScoreLine {
                    rule: f.rule.clone(),
                    findings: 0,
                    points: 0,
                });
                lines.len() - 1
            }
        };
        lines[i].findings += 1;
        let p = penalty(f.level);
        if f.level == Level::Error {
            errors[i] += p;
        } else {
            capped[i] = (capped[i] + p).min(RULE_PENALTY_CAP);
        }
        lines[i].points = errors[i] + capped[i];
    }
    lines
}

/// Readiness 0–100: 100 less each finding's penalty (error 10, warning 4, info 1; a
/// rule's warnings and infos capped at `RULE_PENALTY_CAP`).
pub fn score(findings: &[Finding]) -> u8 {
    let lost: u32 = score_breakdown(findings).iter().map(|l| l.points).sum();
    u8::try_from(100u32.saturating_sub(lost)).unwrap_or(0)
}

/// The slots of the report's template that hold nothing real yet (blank or placeholder),
/// in template order: what the editor marks "to do".
pub fn empty_slots(report: &Report) -> Vec<Slot> {
    let template = crate::templates::by_id_or_default(&report.template);
    template
        .placed_slots()
        .into_iter()
        .filter(|s| !slot_filled(report, *s))
        .collect()
}

/// Readiness 0–100: the findings' score scaled by the share of the template's sections
/// that hold something. A blank report is not ready however few findings it has, and
/// each section still "to do" costs its share.
pub fn readiness(report: &Report, findings: &[Finding]) -> u8 {
    let template = crate::templates::by_id_or_default(&report.template);
    let sections = crate::outline::sections(template);
    let total = sections.len();
    let done = sections
        .iter()
        .filter(|s| s.slots().any(|slot| slot_filled(report, slot)))
        .count();
    if total == 0 {
        return score(findings);
    }
    let scaled = (u32::from(score(findings)) * done as u32 + total as u32 / 2) / total as u32;
    u8::try_from(scaled.min(100)).unwrap_or(100)
}

/// What a text leaf holds, which decides the rules that read it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum LeafKind {
    /// Sentences an author writes: read for blame language.
    Prose,
    /// Short values: names, dates, ids, statuses.
    Value,
    /// Pasted log excerpts: only a whole-entry placeholder counts.
    Log,
    /// Action-item owner, due date and priority: values whose own rules report them
    /// missing or placeholder, so the `placeholder` rule leaves them alone.
    OwnRule,
}

/// Every text leaf of the report with its location, in report order. Which leaves are
/// prose comes from the field tables (`Text::kind`, `List::kind`, `Part::columns`).
pub(crate) fn leaves(report: &Report) -> Vec<(Location, LeafKind, &str)> {
    use crate::fields::{CellKind, List, ListKind, Text, TextKind};
    use LeafKind::{Log, Prose, Value};
    let mut out: Vec<(Location, LeafKind, &str)> =
        Vec::with_capacity(64 + report.timeline.entries.len() * 3 + report.action_items.len() * 10);
    for t in Text::ALL {
        let kind = if t.kind() == TextKind::Prose {
            Prose
        } else {
            Value
        };
        out.push((Location::text(*t), kind, t.get(report)));
    }
    for l in List::ALL {
        let kind = match l.kind() {
            ListKind::Log => Log,
            ListKind::Value => Value,
            ListKind::Prose => Prose,
        };
        for (i, s) in l.get(report).iter().enumerate() {
            out.push((Location::item(*l, i), kind, s));
        }
    }
    // A cell's kind comes from its part's column table.
    let kind_of = |part: Part, key: &str| match part.column(key).map(|c| c.kind) {
        Some(CellKind::Prose) => Prose,
        _ => Value,
    };
    for (i, e) in report.timeline.entries.iter().enumerate() {
        for (key, text) in [("time", &e.time), ("event", &e.event), ("owner", &e.owner)] {
            let p = Part::Timeline;
            out.push((Location::cell(p, i, key), kind_of(p, key), text));
        }
    }
    for (i, w) in report.root_cause.whys.iter().enumerate() {
        for (key, text) in [("why", &w.why), ("because", &w.because)] {
            let p = Part::Whys;
            out.push((Location::cell(p, i, key), kind_of(p, key), text));
        }
    }
    for (i, c) in report.contributing_factors.checklist.iter().enumerate() {
        let p = Part::FactorChecklist;
        out.push((
            Location::cell(p, i, "detail"),
            kind_of(p, "detail"),
            &c.detail,
        ));
    }
    for (i, a) in report.action_items.iter().enumerate() {
        let p = Part::ActionItems;
        for (key, text) in [
            ("id", &a.id),
            ("action", &a.action),
            ("owner", &a.owner),
            ("priority", &a.priority),
            ("due", &a.due),
            ("status", &a.status),
            ("tracking", &a.tracking),
            ("description", &a.description),
            ("rationale", &a.rationale),
            ("success_criteria", &a.success_criteria),
        ] {
            // Owner, due date and priority have rules of their own.
            let kind = if matches!(key, "owner" | "priority" | "due") {
                LeafKind::OwnRule
            } else {
                kind_of(p, key)
            };
            out.push((Location::cell(p, i, key), kind, text));
        }
    }
    for (i, s) in report.sign_off.iter().enumerate() {
        let p = Part::SignOff;
        for (key, text) in [("role", &s.role), ("name", &s.name), ("date", &s.date)] {
            out.push((Location::cell(p, i, key), kind_of(p, key), text));
        }
    }
    for (i, kv) in report.meta.extra.iter().enumerate() {
        out.push((
            Location::cell(Part::MetaExtra, i, "value"),
            Value,
            &kv.value,
        ));
    }
    for (i, kv) in report.impact.extra.iter().enumerate() {
        out.push((
            Location::cell(Part::ImpactExtra, i, "value"),
            Value,
            &kv.value,
        ));
    }
    for (i, s) in report.extra_sections.iter().enumerate() {
        // A template's instructions are not the author's prose (their "SEV1/SEV2" is no
        // placeholder, their wording no blame): `template-instructions` reports them whole.
        let kind = if instructions::is_instructions(s) {
            Log
        } else {
            Prose
        };
        out.push((Location::extra_section(i, Some("body")), kind, &s.body));
    }
    out
}

/// The text at a location (`timeline[3].time`), if the location names a text leaf.
pub fn text_at<'r>(report: &'r Report, location: &Location) -> Option<&'r str> {
    leaves(report)
        .into_iter()
        .find(|(loc, _, _)| loc == location)
        .map(|(_, _, text)| text)
}

#[cfg(test)]
pub(crate) mod testing {
    //! Helpers the rule tests share.
    use super::*;

    /// A report that passes every rule under the default policy: the base each rule test
    /// breaks in one place.
    pub fn clean() -> Report {
        let json = include_str!("clean_report.json");
        serde_json::from_str(json).unwrap_or_default()
    }

    /// Runs one rule on a report under the default policy.
    pub fn run(rule: &Rule, report: &Report) -> Vec<Finding> {
        let policy = Policy::default();
        run_with(rule, report, &policy)
    }

    pub fn run_with(rule: &Rule, report: &Report, policy: &Policy) -> Vec<Finding> {
        let context = Context::new(report, policy);
        (rule.check)(&context)
    }

    /// The locations a rule reports.
    pub fn locations(rule: &Rule, report: &Report) -> Vec<String> {
        run(rule, report)
            .into_iter()
            .map(|f| f.location.to_string())
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::testing::clean;
    use super::*;

    #[test]
    fn the_clean_report_has_no_findings() {
        let report = clean();
        assert_eq!(report.timeline.entries.len(), 7, "fixture loaded");
        let findings = validate(&report, &Policy::default());
        assert_eq!(findings, Vec::<Finding>::new());
        assert_eq!(score(&findings), 100);
    }

    #[test]
    fn a_blank_template_scores_low_and_every_rule_id_is_unique_kebab_case() {
        let mut report = Report::new("000");
        report.meta.severity = "SEV1".into();
        let findings = validate(&report, &Policy::default());
        assert!(findings.iter().any(|f| f.rule == "missing-section"));
        assert!(score(&findings) < 50, "{}", score(&findings));
        let mut ids: Vec<&str> = RULES.iter().map(|r| r.id).collect();
        assert!(ids
            .iter()
            .all(|id| id.chars().all(|c| c.is_ascii_lowercase() || c == '-')));
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), RULES.len());
        assert_eq!(RULES.len(), 23);
    }

    #[test]
    fn docs_list_every_rule_with_its_default_level() {
        let docs = include_str!("../../../../docs/rules.md");
        for r in RULES {
            let row = format!("| `{}` | {} |", r.id, r.level);
            assert!(docs.contains(&row), "docs/rules.md lacks {row}");
        }
    }

    #[test]
    fn policy_turns_rules_off_and_changes_levels() {
        let mut report = clean();
        report.meta.severity = "SEV9".into();
        let default = validate(&report, &Policy::default());
        assert!(default
            .iter()
            .any(|f| f.rule == "severity-unknown" && f.level == Level::Error));
        let p = Policy::from_json(r#"{"rules": {"severity-unknown": "info"}}"#).unwrap_or_default();
        let f = validate(&report, &p);
        assert!(f
            .iter()
            .any(|f| f.rule == "severity-unknown" && f.level == Level::Info));
        let p = Policy::from_json(r#"{"rules": {"severity-unknown": "off"}}"#).unwrap_or_default();
        assert!(!validate(&report, &p)
            .iter()
            .any(|f| f.rule == "severity-unknown"));
    }

    #[test]
    fn score_is_explained_by_findings() {
        let Some(r) = rule("placeholder") else {
            panic!("placeholder rule registered");
        };
        let warn = Finding::new(r, crate::fields::Text::Title, "x");
        let mut err = warn.clone();
        err.level = Level::Error;
        err.rule = "missing-section".into();
        assert_eq!(score(&[]), 100);
        assert_eq!(score(std::slice::from_ref(&warn)), 96);
        assert_eq!(score(&[warn.clone(), err.clone()]), 86);
        let many = vec![warn; 20];
        assert_eq!(score(&many), 70, "one rule's warnings are capped");
        let lines = score_breakdown(&many);
        assert_eq!(lines.len(), 1);
        assert_eq!((lines[0].findings, lines[0].points), (20, 30));
        assert_eq!(score(&vec![err.clone(); 4]), 60, "errors are not capped");
        assert_eq!(score(&vec![err; 11]), 0);
    }

    #[test]
    fn findings_serialise_with_kebab_ids_and_lowercase_levels() {
        let mut report = clean();
        report.meta.severity = "nope".into();
        let findings = validate(&report, &Policy::default());
        let json = serde_json::to_string(&findings).unwrap_or_default();
        assert!(json.contains(r#""rule":"severity-unknown""#), "{json}");
        assert!(json.contains(r#""level":"error""#), "{json}");
        assert!(json.contains(r#""location":"meta.severity""#), "{json}");
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(300))]
        /// Whatever an author types, validation returns findings and never panics.
        #[test]
        fn never_panics_on_typed_text(
            texts in proptest::collection::vec(".{0,40}", 12),
            times in proptest::collection::vec("[0-9:TZ+\\- ]{0,20}|.{0,12}", 6),
        ) {
            let mut r = clean();
            r.meta.severity = texts[0].clone();
            r.meta.date = texts[1].clone();
            r.meta.start = texts[2].clone();
            r.meta.end = texts[3].clone();
            r.meta.duration = texts[4].clone();
            r.meta.meeting_date = texts[5].clone();
            r.meta.timezone = texts[6].clone();
            r.detection.time_to_detect = texts[7].clone();
            r.action_items[0].due = texts[8].clone();
            r.action_items[1].action = texts[9].clone();
            r.could_improve = vec![texts[10].clone(), texts[11].clone()];
            for (entry, time) in r.timeline.entries.iter_mut().zip(&times) {
                entry.time = time.clone();
                entry.event = texts[9].clone();
            }
            let policy = Policy::from_json(
                r#"{"timeline_window_slack_hours": 4294967295, "mismatch_tolerance_percent": 4294967295}"#,
            )
            .unwrap_or_default();
            let findings = validate(&r, &policy);
            proptest::prop_assert!(score(&findings) <= 100);
            let _ = validate(&r, &Policy::default());
        }
    }

    #[test]
    fn text_at_finds_leaves_by_location() {
        let report = clean();
        assert_eq!(
            text_at(&report, &Location::cell(Part::Timeline, 1, "time")),
            Some(report.timeline.entries[1].time.as_str())
        );
        assert_eq!(
            text_at(&report, &Location::text(crate::fields::Text::Title)),
            Some(report.meta.title.as_str())
        );
        assert_eq!(text_at(&report, &Location::row(Part::Timeline, 99)), None);
    }
}
