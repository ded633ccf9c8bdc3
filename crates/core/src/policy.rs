//! The team policy the validator applies: which sections each severity requires, review
//! deadlines, which rules run and at what level, extra blame words and allowed words, and
//! mismatch tolerances. Defaults are the seeds' own rules; a team overrides any part from
//! a file (`PolicyFile`, read from JSON here or from any serde format by the shell).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::level::Level;
use crate::location::Location;
use crate::severity::Severity;
use crate::templates::AcknowledgeFrom;

/// What a policy says about one rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RuleSetting {
    /// The rule does not run.
    Off,
    /// The rule runs and reports at this level.
    Error,
    Warning,
    Info,
}

impl RuleSetting {
    /// The level this setting reports at, or `None` when off.
    pub fn level(self) -> Option<Level> {
        match self {
            RuleSetting::Off => None,
            RuleSetting::Error => Some(Level::Error),
            RuleSetting::Warning => Some(Level::Warning),
            RuleSetting::Info => Some(Level::Info),
        }
    }
}

/// A section as validation sees it: present when any of its fields holds real text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SectionDef {
    /// Stable id used in `required_sections` ("summary", "root-cause").
    pub id: String,
    /// Heading shown in messages.
    pub label: String,
    /// Field paths (`fields::Slot::path`), any one of which filled makes the section present.
    pub any_of: Vec<String>,
}

/// The policy validation applies.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Policy {
    /// Section definitions, in report order.
    pub sections: Vec<SectionDef>,
    /// Required section ids per severity name ("SEV1" … "SEV4"); "unknown" applies when
    /// the severity cannot be read.
    pub required_sections: BTreeMap<String, Vec<String>>,
    /// Hours after the incident within which the review meeting must be held, per severity.
    pub review_deadline_hours: BTreeMap<String, u32>,
    /// Rule settings by rule id; rules not named run at their default level.
    pub rules: BTreeMap<String, RuleSetting>,
    /// Blame words beyond the built-in list (flagged when a person is named near them).
    pub blame_words: Vec<String>,
    /// Words and phrases never flagged as blame ("failed to" if a team finds it too noisy).
    pub allowed_words: Vec<String>,
    /// A stated duration or metric matches the timeline when within this many minutes…
    pub mismatch_tolerance_minutes: u32,
    /// …or within this percentage of the computed value, whichever is larger.
    pub mismatch_tolerance_percent: u32,
    /// Answered whys a Five Whys chain needs for the severities in `five_whys_for`.
    pub five_whys_min: usize,
    /// Per template, a shorter chain the template itself offers (seed 002 has four whys).
    pub five_whys_min_by_template: BTreeMap<String, usize>,
    pub five_whys_for: Vec<String>,
    /// Severities that must have action items (`action-items-required`).
    pub action_items_required_for: Vec<String>,
    /// Severities that should have a Prevent and a Detect item (`action-item-coverage`).
    pub coverage_for: Vec<String>,
    /// Templates whose action-item table has no priority column.
    pub templates_without_priority: Vec<String>,
    /// Templates whose action-item table has no tracking column (`action-item-tracking`
    /// does not ask there).
    pub templates_without_tracking: Vec<String>,
    /// Timeline rows may lie this many hours outside the stated start/end.
    pub timeline_window_slack_hours: u32,
    /// Where time to acknowledge is measured from (`"impact-start"` or `"detection"`);
    /// `None` follows each template's wording (seed 003's MTTA runs from the alert).
    pub acknowledge_from: Option<AcknowledgeFrom>,
}

/// The part of a policy a team writes: every field optional, maps merged key by key over
/// the defaults, lists replacing the default list.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct PolicyFile {
    pub sections: Option<Vec<SectionDef>>,
    pub required_sections: BTreeMap<String, Vec<String>>,
    pub review_deadline_hours: BTreeMap<String, u32>,
    pub rules: BTreeMap<String, RuleSetting>,
    pub blame_words: Option<Vec<String>>,
    pub allowed_words: Option<Vec<String>>,
    pub mismatch_tolerance_minutes: Option<u32>,
    pub mismatch_tolerance_percent: Option<u32>,
    pub five_whys_min: Option<usize>,
    pub five_whys_min_by_template: BTreeMap<String, usize>,
    pub five_whys_for: Option<Vec<String>>,
    pub action_items_required_for: Option<Vec<String>>,
    pub coverage_for: Option<Vec<String>>,
    pub templates_without_priority: Option<Vec<String>>,
    pub templates_without_tracking: Option<Vec<String>>,
    pub timeline_window_slack_hours: Option<u32>,
    pub acknowledge_from: Option<AcknowledgeFrom>,
}

/// Why a policy file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum PolicyError {
    /// The file is not valid JSON or names an unknown key.
    #[error("policy file: {0}")]
    Json(#[from] serde_json::Error),
    /// A section names a field the report does not have (a typo would silently turn the
    /// section's check off).
    #[error("policy file: section `{section}` lists `{field}`, which is not a field of a report: {reason}")]
    UnknownField {
        section: String,
        field: String,
        reason: String,
    },
    /// A severity requires a section the policy does not define.
    #[error("policy file: `required_sections.{severity}` names section `{id}`, which is not defined (sections: {known})")]
    UnknownSection {
        severity: String,
        id: String,
        known: String,
    },
}

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| s.to_string()).collect()
}

fn section(id: &str, label: &str, any_of: &[&str]) -> SectionDef {
    SectionDef {
        id: id.into(),
        label: label.into(),
        any_of: strings(any_of),
    }
}

impl Default for Policy {
    fn default() -> Self {
        let sections = vec![
            section(
                "summary",
                "Summary",
                &["summary.summary", "summary.one_line", "summary.executive"],
            ),
            section(
                "impact",
                "Impact",
                &[
                    "impact.description",
                    "impact.users_affected",
                    "impact.requests_failed",
                    "impact.error_rate_peak",
                    "impact.duration",
                    "impact.total_downtime",
                    "impact.business_impact",
                    "impact.extra",
                ],
            ),
            section("timeline", "Timeline", &["timeline"]),
            section(
                "root-cause",
                "Root Cause",
                &[
                    "root_cause.statement",
                    "root_cause.analysis",
                    "root_cause.what_happened",
                    "root_cause.whys",
                ],
            ),
            section(
                "contributing-factors",
                "Contributing Factors",
                &[
                    "contributing_factors.items",
                    "contributing_factors.checklist",
                ],
            ),
            section(
                "detection",
                "Detection",
                &["detection.method", "detection.time_to_detect"],
            ),
            section(
                "resolution",
                "Resolution",
                &["resolution.immediate_fix", "resolution.verification"],
            ),
            section("action-items", "Action Items", &["action_items"]),
            section(
                "lessons",
                "Lessons Learned",
                &[
                    "lessons.key_takeaways",
                    "went_well",
                    "could_improve",
                    "lessons.process_improvements",
                ],
            ),
        ];
        let full = [
            "summary",
            "impact",
            "timeline",
            "root-cause",
            "contributing-factors",
            "detection",
            "action-items",
            "lessons",
        ];
        let required_sections = BTreeMap::from([
            ("SEV1".to_string(), strings(&full)),
            ("SEV2".to_string(), strings(&full)),
            (
                "SEV3".to_string(),
                strings(&[
                    "summary",
                    "impact",
                    "timeline",
                    "root-cause",
                    "action-items",
                ]),
            ),
            (
                "SEV4".to_string(),
                strings(&["summary", "timeline", "root-cause"]),
            ),
            (
                "unknown".to_string(),
                strings(&["summary", "timeline", "root-cause"]),
            ),
        ]);
        // Seed 000: "within 48 hours of the incident for SEV1/SEV2, within 1 week for SEV3".
        let review_deadline_hours = BTreeMap::from([
            ("SEV1".to_string(), 48),
            ("SEV2".to_string(), 48),
            ("SEV3".to_string(), 168),
        ]);
        let high = strings(&["SEV1", "SEV2"]);
        Policy {
            sections,
            required_sections,
            review_deadline_hours,
            rules: BTreeMap::new(),
            blame_words: Vec::new(),
            allowed_words: Vec::new(),
            mismatch_tolerance_minutes: 5,
            mismatch_tolerance_percent: 10,
            five_whys_min: 5,
            five_whys_min_by_template: BTreeMap::from([("002".to_string(), 4)]),
            five_whys_for: high.clone(),
            action_items_required_for: high.clone(),
            coverage_for: high,
            templates_without_priority: strings(&["001", "003"]),
            templates_without_tracking: strings(&["002", "003", "004"]),
            timeline_window_slack_hours: 24,
            acknowledge_from: None,
        }
    }
}

impl Policy {
    /// The seeds' defaults with a team file laid over them.
    pub fn with(mut self, file: PolicyFile) -> Policy {
        if let Some(v) = file.sections {
            self.sections = v;
        }
        self.required_sections.extend(file.required_sections);
        self.review_deadline_hours
            .extend(file.review_deadline_hours);
        self.rules.extend(file.rules);
        if let Some(v) = file.blame_words {
            self.blame_words = v;
        }
        if let Some(v) = file.allowed_words {
            self.allowed_words = v;
        }
        if let Some(v) = file.mismatch_tolerance_minutes {
            self.mismatch_tolerance_minutes = v;
        }
        if let Some(v) = file.mismatch_tolerance_percent {
            self.mismatch_tolerance_percent = v;
        }
        if let Some(v) = file.five_whys_min {
            self.five_whys_min = v;
        }
        self.five_whys_min_by_template
            .extend(file.five_whys_min_by_template);
        if let Some(v) = file.five_whys_for {
            self.five_whys_for = v;
        }
        if let Some(v) = file.action_items_required_for {
            self.action_items_required_for = v;
        }
        if let Some(v) = file.coverage_for {
            self.coverage_for = v;
        }
        if let Some(v) = file.templates_without_priority {
            self.templates_without_priority = v;
        }
        if let Some(v) = file.templates_without_tracking {
            self.templates_without_tracking = v;
        }
        if let Some(v) = file.timeline_window_slack_hours {
            self.timeline_window_slack_hours = v;
        }
        if let Some(v) = file.acknowledge_from {
            self.acknowledge_from = Some(v);
        }
        self
    }

    /// Where time to acknowledge runs from in a report of `template`: the team's choice,
    /// else the template's wording.
    pub fn acknowledge_from_in(&self, template: &str) -> AcknowledgeFrom {
        self.acknowledge_from.unwrap_or_else(|| {
            crate::templates::by_id(template).map_or_else(Default::default, |t| t.acknowledge_from)
        })
    }

    /// Reads a team's JSON policy file over the defaults, and checks that every section
    /// field and every required section it names exists.
    pub fn from_json(text: &str) -> Result<Policy, PolicyError> {
        let file: PolicyFile = serde_json::from_str(crate::json::strip_bom(text))?;
        let policy = Policy::default().with(file);
        policy.check()?;
        Ok(policy)
    }

    /// Every `any_of` entry is a field, list or part of a report (`fields::Slot` paths),
    /// and every required section id is defined.
    pub fn check(&self) -> Result<(), PolicyError> {
        for s in &self.sections {
            for field in &s.any_of {
                let reason = match field.parse::<Location>() {
                    Ok(l) if l.row.is_none() && l.slot_of().is_some() => continue,
                    Ok(_) => "a section is made of whole fields, not rows".to_string(),
                    Err(e) => e.to_string(),
                };
                return Err(PolicyError::UnknownField {
                    section: s.id.clone(),
                    field: field.clone(),
                    reason,
                });
            }
        }
        for (severity, ids) in &self.required_sections {
            for id in ids {
                if !self.sections.iter().any(|s| &s.id == id) {
                    let known: Vec<&str> = self.sections.iter().map(|s| s.id.as_str()).collect();
                    return Err(PolicyError::UnknownSection {
                        severity: severity.clone(),
                        id: id.clone(),
                        known: known.join(", "),
                    });
                }
            }
        }
        Ok(())
    }

    /// The key a severity has in the per-severity tables: "SEV1" … "SEV4" or "unknown".
    pub fn severity_key(severity: Option<Severity>) -> String {
        severity.map_or_else(|| "unknown".to_string(), |s| s.name())
    }

    /// True when `list` names this severity.
    pub fn applies(list: &[String], severity: Option<Severity>) -> bool {
        let key = Policy::severity_key(severity);
        list.iter().any(|s| s.eq_ignore_ascii_case(&key))
    }

    /// The level a rule reports at under this policy, or `None` when it is off.
    pub fn level(&self, rule: &str, default: Level) -> Option<Level> {
        match self.rules.get(rule) {
            Some(setting) => setting.level(),
            None => Some(default),
        }
    }

    /// Section ids required for this severity.
    pub fn required(&self, severity: Option<Severity>) -> &[String] {
        self.required_sections
            .get(&Policy::severity_key(severity))
            .map_or(&[], Vec::as_slice)
    }

    /// True when a stated span is close enough to a computed one.
    pub fn within_tolerance(&self, stated: chrono::TimeDelta, computed: chrono::TimeDelta) -> bool {
        let diff = stated
            .checked_sub(&computed)
            .map_or(u64::MAX, |d| d.num_seconds().unsigned_abs());
        let absolute = u64::from(self.mismatch_tolerance_minutes) * 60;
        let relative = computed
            .num_seconds()
            .unsigned_abs()
            .saturating_mul(u64::from(self.mismatch_tolerance_percent))
            / 100;
        diff <= absolute.max(relative)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::severity::Scale;
    use chrono::TimeDelta;

    fn sev(n: u8) -> Option<Severity> {
        Some(Severity {
            level: n,
            scale: Scale::Sev,
        })
    }

    #[test]
    fn defaults_follow_the_seeds() {
        let p = Policy::default();
        assert_eq!(p.review_deadline_hours.get("SEV1"), Some(&48));
        assert_eq!(p.review_deadline_hours.get("SEV3"), Some(&168));
        assert_eq!(p.review_deadline_hours.get("SEV4"), None);
        assert!(p.required(sev(1)).iter().any(|s| s == "action-items"));
        assert!(!p.required(sev(4)).iter().any(|s| s == "action-items"));
        assert!(p.required(None).iter().any(|s| s == "summary"));
        for id in p.required_sections.values().flatten() {
            assert!(p.sections.iter().any(|s| &s.id == id), "{id} undefined");
        }
        assert!(Policy::applies(&p.five_whys_for, sev(2)));
        assert!(!Policy::applies(&p.five_whys_for, sev(3)));
    }

    #[test]
    fn a_team_file_overrides_parts() {
        let p = Policy::from_json(
            r#"{
                "required_sections": {"SEV3": ["summary"]},
                "review_deadline_hours": {"SEV2": 72},
                "rules": {"blame-language": "error", "placeholder": "off"},
                "blame_words": ["dropped the ball"],
                "mismatch_tolerance_minutes": 1
            }"#,
        )
        .expect("valid policy");
        assert_eq!(p.required(sev(3)), ["summary".to_string()]);
        assert!(p.required(sev(1)).len() > 3, "other severities kept");
        assert_eq!(p.review_deadline_hours.get("SEV2"), Some(&72));
        assert_eq!(p.review_deadline_hours.get("SEV1"), Some(&48));
        assert_eq!(
            p.level("blame-language", Level::Warning),
            Some(Level::Error)
        );
        assert_eq!(p.level("placeholder", Level::Warning), None);
        assert_eq!(
            p.level("timeline-order", Level::Warning),
            Some(Level::Warning)
        );
        assert_eq!(p.blame_words, ["dropped the ball".to_string()]);
        assert_eq!(p.mismatch_tolerance_minutes, 1);
        assert_eq!(p.mismatch_tolerance_percent, 10);
    }

    #[test]
    fn rejects_unknown_keys_and_levels() {
        assert!(Policy::from_json(r#"{"review_hours": 3}"#).is_err());
        assert!(Policy::from_json(r#"{"rules": {"placeholder": "loud"}}"#).is_err());
    }

    #[test]
    fn tolerance_is_the_larger_of_minutes_and_percent() {
        let p = Policy::default();
        let m = TimeDelta::minutes;
        assert!(p.within_tolerance(m(45), m(50)));
        assert!(!p.within_tolerance(m(45), m(51)));
        assert!(p.within_tolerance(m(600), m(650)));
        assert!(!p.within_tolerance(m(600), m(670)));
    }

    #[test]
    fn the_defaults_name_only_real_fields_and_sections() {
        assert!(Policy::default().check().is_ok());
    }

    #[test]
    fn a_section_naming_an_unknown_field_is_an_error_that_says_which() {
        let text = r#"{"sections": [{"id": "impact", "label": "Impact", "any_of": ["impact.descripton"]}],
            "required_sections": {"SEV1": ["impact"], "SEV2": [], "SEV3": [], "SEV4": [], "unknown": []}}"#;
        let err = Policy::from_json(text).map(|_| ()).unwrap_err().to_string();
        assert!(err.contains("section `impact`"), "{err}");
        assert!(err.contains("`impact.descripton`"), "{err}");
        let text = r#"{"sections": [{"id": "t", "label": "T", "any_of": ["timeline[2].time"]}]}"#;
        let err = Policy::from_json(text).map(|_| ()).unwrap_err().to_string();
        assert!(err.contains("whole fields"), "{err}");
    }

    #[test]
    fn a_required_section_that_is_not_defined_is_an_error_that_says_which() {
        let err = Policy::from_json(r#"{"required_sections": {"SEV1": ["sumary"]}}"#)
            .map(|_| ())
            .unwrap_err()
            .to_string();
        assert!(err.contains("`required_sections.SEV1`"), "{err}");
        assert!(err.contains("`sumary`"), "{err}");
        assert!(err.contains("summary, impact"), "{err}");
    }
}
