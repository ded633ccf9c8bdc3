//! Section presence: `missing-section` (a section the policy requires for this severity
//! holds nothing real) and `unknown-section` (a section the template does not know).

use crate::fields::{Part, Slot};
use crate::model::Report;

use super::{is_placeholder, Context, Finding, Level, Location, Rule};

/// `missing-section`: a required section is absent or empty.
pub const MISSING_SECTION: Rule = Rule {
    id: "missing-section",
    level: Level::Error,
    doc: "A section the policy requires for this severity is absent, empty or still a placeholder.",
    check: missing_section,
};

/// `unknown-section`: a section the template does not know (kept, just reported).
pub const UNKNOWN_SECTION: Rule = Rule {
    id: "unknown-section",
    level: Level::Info,
    doc: "The report has a section its template does not define; it is kept as written.",
    check: unknown_section,
};

fn real(text: &str) -> bool {
    !text.trim().is_empty() && !is_placeholder(text)
}

/// The slot a field path names, from a table built once.
fn slot_at(path: &str) -> Option<Slot> {
    static SLOTS: std::sync::OnceLock<std::collections::HashMap<&'static str, Slot>> =
        std::sync::OnceLock::new();
    SLOTS
        .get_or_init(|| Slot::all().map(|s| (s.path(), s)).collect())
        .get(path)
        .copied()
}

/// True when the field at `path` holds something beyond blanks and placeholders.
pub(crate) fn filled(report: &Report, path: &str) -> bool {
    slot_at(path).is_some_and(|slot| slot_filled(report, slot))
}

/// True when a slot holds something beyond blanks and placeholders: a list or part
/// counts once one entry does (a timeline row with an event, a checked factor).
pub fn slot_filled(report: &Report, slot: Slot) -> bool {
    match slot {
        Slot::Text(t) => real(t.get(report)),
        Slot::List(l) => l.get(report).iter().any(|s| real(s)),
        Slot::Part(Part::Timeline) => report.timeline.entries.iter().any(|e| real(&e.event)),
        Slot::Part(Part::Whys) => report
            .root_cause
            .whys
            .iter()
            .any(|w| real(&w.why) || real(&w.because)),
        Slot::Part(Part::FactorChecklist) => report
            .contributing_factors
            .checklist
            .iter()
            .any(|c| c.checked),
        Slot::Part(Part::ActionItems) => report
            .action_items
            .iter()
            .any(|a| real(&a.action) || real(&a.description)),
        Slot::Part(Part::SignOff) => report.sign_off.iter().any(|s| real(&s.name)),
        Slot::Part(Part::MetaExtra) => report.meta.extra.iter().any(|kv| real(&kv.value)),
        Slot::Part(Part::ImpactExtra) => report.impact.extra.iter().any(|kv| real(&kv.value)),
    }
}

fn missing_section(cx: &Context) -> Vec<Finding> {
    let severity = cx.severity_spoken();
    let mut out = Vec::new();
    for id in cx.policy.required(cx.severity) {
        let Some(section) = cx.policy.sections.iter().find(|s| &s.id == id) else {
            continue;
        };
        if section.any_of.iter().any(|p| filled(cx.report, p)) {
            continue;
        }
        // A section the template has no place for is not asked of it (seed 004 has no
        // Detection section, seed 003 no summary paragraph).
        let in_template = section
            .any_of
            .iter()
            .any(|p| slot_at(p).is_some_and(|s| cx.template_has(s)));
        if !in_template {
            continue;
        }
        // The first field the template shows, so the finding sits in (and jumps to) a
        // section the author sees; policies are checked on loading, so it parses.
        let location = section
            .any_of
            .iter()
            .find(|p| slot_at(p).is_some_and(|s| cx.template_has(s)))
            .or(section.any_of.first())
            .and_then(|p| p.parse::<Location>().ok())
            .unwrap_or(Location::REPORT);
        let why = if cx.severity.is_some() {
            format!("a {severity} report requires it")
        } else {
            "every report requires it".to_string()
        };
        out.push(
            Finding::new(
                &MISSING_SECTION,
                location,
                format!("{} is missing or empty; {why}.", section.label),
            )
            .fix(format!("Fill in {}.", section.label)),
        );
    }
    out
}

fn unknown_section(cx: &Context) -> Vec<Finding> {
    cx.report
        .extra_sections
        .iter()
        .enumerate()
        // A document kept in its own layout has no template to depart from: a section
        // its layout holds is where the author put it.
        // A template's instructions are `template-instructions`' to report.
        .filter(|(_, s)| !super::instructions::is_instructions(s))
        .filter(|(_, s)| {
            cx.report
                .layout
                .as_ref()
                .is_none_or(|l| !l.sections.iter().any(|x| x.notes.contains(&s.title)))
        })
        .map(|(i, s)| {
            Finding::new(
                &UNKNOWN_SECTION,
                Location::extra_section(i, None),
                format!(
                    "Section \"{}\" is not part of template {}; it is kept as written.",
                    s.title, cx.report.template
                ),
            )
            .fix("Keep it if it helps readers, or move its content into a template section.")
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ExtraSection, FactorCategory, FactorCheck};
    use crate::policy::Policy;
    use crate::validate::testing::{clean, locations, run, run_with};

    #[test]
    fn quiet_on_a_clean_report() {
        assert!(run(&MISSING_SECTION, &clean()).is_empty());
        assert!(run(&UNKNOWN_SECTION, &clean()).is_empty());
    }

    #[test]
    fn fires_for_empty_or_placeholder_required_sections() {
        let mut r = clean();
        r.summary = Default::default();
        r.summary.one_line = "[Brief description of what happened and impact]".into();
        r.action_items.clear();
        let f = run(&MISSING_SECTION, &r);
        assert_eq!(
            f.iter().map(|f| f.location.to_string()).collect::<Vec<_>>(),
            ["summary.summary", "action_items"]
        );
        assert!(f[0].message.contains("SEV2"), "{}", f[0].message);
    }

    #[test]
    fn messages_speak_the_templates_scale() {
        let mut r = clean();
        r.contributing_factors = Default::default();
        for (template, typed, said) in [
            ("003", "P1", "a P1 report"),
            ("003", "SEV2", "a P1 report"),
            ("004", "Priority 1 (Urgent)", "a P1 report"),
            ("000", "Sev 0", "a SEV1 report"),
            ("000", "Major", "a SEV2 report"),
            ("000", "S2", "a SEV2 report"),
        ] {
            r.template = template.into();
            r.meta.severity = typed.into();
            let f = run(&MISSING_SECTION, &r);
            assert_eq!(f.len(), 1, "{typed}");
            assert!(f[0].message.contains(said), "{typed}: {}", f[0].message);
        }
    }

    #[test]
    fn the_finding_sits_on_a_field_the_template_shows() {
        // Seed 004 holds its root cause in a statement and the 5 Whys, seed 003 its
        // summary in one line: each finding names a field its template shows.
        for t in crate::templates::all() {
            let mut r = Report::new(t.id);
            r.meta.severity = t.severities[0].into();
            let at = locations(&MISSING_SECTION, &r);
            assert!(at.len() >= 5, "{}: {at:?}", t.id);
            for loc in &at {
                let loc: Location = loc.parse().unwrap_or(Location::REPORT);
                assert!(
                    t.placed_slots()
                        .iter()
                        .any(|s| loc.is_within(&Location::slot(*s))),
                    "{loc} is not in template {}",
                    t.id
                );
            }
        }
    }

    #[test]
    fn any_field_of_a_section_is_enough() {
        let mut r = clean();
        r.summary.summary.clear();
        r.summary.executive = "The API failed for 45 minutes.".into();
        assert!(run(&MISSING_SECTION, &r).is_empty());
    }

    #[test]
    fn requirements_depend_on_severity() {
        let mut r = clean();
        r.contributing_factors = Default::default();
        assert_eq!(
            locations(&MISSING_SECTION, &r),
            ["contributing_factors.items"]
        );
        r.meta.severity = "SEV3".into();
        assert!(run(&MISSING_SECTION, &r).is_empty());
        // An unchecked checklist is not content; a checked box is.
        r.meta.severity = "SEV1".into();
        r.contributing_factors.checklist = vec![FactorCheck {
            category: FactorCategory::HumanError,
            checked: false,
            detail: String::new(),
        }];
        assert_eq!(run(&MISSING_SECTION, &r).len(), 1);
        r.contributing_factors.checklist[0].checked = true;
        assert!(run(&MISSING_SECTION, &r).is_empty());
    }

    #[test]
    fn the_policy_decides() {
        let mut r = clean();
        r.lessons = Default::default();
        r.went_well.clear();
        r.could_improve.clear();
        assert_eq!(run(&MISSING_SECTION, &r).len(), 1);
        let p = Policy::from_json(r#"{"required_sections": {"SEV2": ["summary"]}}"#)
            .unwrap_or_default();
        assert!(run_with(&MISSING_SECTION, &r, &p).is_empty());
    }

    #[test]
    fn sections_the_template_lacks_are_not_required() {
        let mut r = clean();
        r.detection = Default::default();
        assert_eq!(locations(&MISSING_SECTION, &r), ["detection.method"]);
        // Seed 002 has no Detection section.
        r.template = "002".into();
        assert!(run(&MISSING_SECTION, &r).is_empty());
    }

    #[test]
    fn unknown_sections_are_info() {
        let mut r = clean();
        r.extra_sections.push(ExtraSection {
            title: "Customer Communication".into(),
            body: "We emailed affected customers.".into(),
        });
        let f = run(&UNKNOWN_SECTION, &r);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].location, "extra_sections[0]");
        assert_eq!(f[0].level, Level::Info);
        assert!(f[0].message.contains("Customer Communication"));
    }
}
