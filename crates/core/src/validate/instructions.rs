//! `template-instructions`: a template's instructions block ("## Instructions", "How to
//! use this template", or a template's own guidance paragraph) still in the report. The
//! importer keeps such a block as a section of its own so this rule can point at it.

use crate::model::ExtraSection;

use super::{Context, Finding, Level, Location, Rule};

/// `template-instructions`: the template's guidance for authors was left in the report.
pub const TEMPLATE_INSTRUCTIONS: Rule = Rule {
    id: "template-instructions",
    level: Level::Warning,
    doc: "A template's instructions for authors (an \"Instructions\" or \"How to use this template\" section, or a template's own guidance paragraph) are still in the report.",
    check: template_instructions,
};

/// True when an added section is a template's instructions rather than the author's
/// content: its heading names instructions, or its body repeats a paragraph of one of
/// the five templates' preambles.
pub(super) fn is_instructions(section: &ExtraSection) -> bool {
    let n = section.title.trim().to_lowercase();
    // The importer keeps any heading above the title that mentions "template"; only the
    // ones that are guidance count here ("Email template rollout" is the author's).
    let heading = crate::import::is_instructions_heading(&section.title)
        && (n.contains("instruction") || n.ends_with("template") || n.contains("how to use"));
    heading || repeats_a_preamble(&section.body)
}

fn squash(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn repeats_a_preamble(body: &str) -> bool {
    let body = squash(body);
    if body.is_empty() {
        return false;
    }
    crate::templates::all().iter().any(|t| {
        t.preamble
            .split("\n\n")
            .map(str::trim)
            .filter(|p| !p.starts_with('#') && p.chars().filter(|c| c.is_alphabetic()).count() > 20)
            .any(|p| body.contains(&squash(p)))
    })
}

fn template_instructions(cx: &Context) -> Vec<Finding> {
    cx.report
        .extra_sections
        .iter()
        .enumerate()
        .filter(|(_, s)| is_instructions(s))
        .map(|(i, s)| {
            Finding::new(
                &TEMPLATE_INSTRUCTIONS,
                Location::extra_section(i, None),
                format!(
                    "\"{}\" is the template's guidance for writing the report, not part of the report.",
                    s.title.trim()
                ),
            )
            .fix("Delete this section once the report is written.")
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::parse_markdown;
    use crate::validate::testing::{clean, locations, run};

    fn section(title: &str, body: &str) -> ExtraSection {
        ExtraSection {
            title: title.into(),
            body: body.into(),
        }
    }

    #[test]
    fn quiet_on_a_clean_report_and_on_the_author_s_own_sections() {
        let mut r = clean();
        assert!(run(&TEMPLATE_INSTRUCTIONS, &r).is_empty());
        r.extra_sections = vec![
            section("Customer Communications", "We emailed every customer."),
            section(
                "Email template rollout",
                "The new template shipped at 09:00.",
            ),
            section(
                "Runbook",
                "Follow the instructions in the failover runbook.",
            ),
        ];
        assert!(run(&TEMPLATE_INSTRUCTIONS, &r).is_empty());
    }

    #[test]
    fn fires_on_an_instructions_heading_or_a_template_s_guidance_text() {
        let mut r = clean();
        r.extra_sections = vec![
            section("Customer Communications", "We emailed every customer."),
            section("Instructions", "Fill in every section."),
            section("How to use this template", "Delete the examples."),
            // Seed 000's guidance under another heading.
            section(
                "Read me",
                "Copy this template for each post-mortem. Fill in all sections.  Conduct the post-mortem meeting within 48 hours of the incident for SEV1/SEV2, within 1 week for SEV3.",
            ),
        ];
        assert_eq!(
            locations(&TEMPLATE_INSTRUCTIONS, &r),
            [
                "extra_sections[1]",
                "extra_sections[2]",
                "extra_sections[3]"
            ]
        );
        let f = run(&TEMPLATE_INSTRUCTIONS, &r);
        assert!(
            f[0].message.contains("\"Instructions\""),
            "{}",
            f[0].message
        );
        assert!(f[0].fix.as_deref().is_some_and(|s| s.contains("Delete")));
    }

    #[test]
    fn a_filled_in_copy_of_the_000_template_keeps_its_instructions_and_is_told() {
        let md = "# Post-Mortem Template\n\n## Instructions\n\nCopy this template for each post-mortem. Fill in all sections.\n\n---\n\n# Post-Mortem: Disk full on db-3\n\n**Date:** 2024-01-15\n**Severity:** SEV3\n\n## 1. Summary\n\nThe disk filled.\n";
        let imp = parse_markdown(md);
        assert_eq!(imp.report.meta.title, "Disk full on db-3");
        assert_eq!(imp.report.extra_sections.len(), 1, "{:?}", imp.report);
        assert_eq!(imp.report.extra_sections[0].title, "Instructions");
        assert!(imp.report.extra_sections[0]
            .body
            .starts_with("Copy this template"));
        let f = run(&TEMPLATE_INSTRUCTIONS, &imp.report);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].location.to_string(), "extra_sections[0]");
        // unknown-section leaves it to this rule: one finding, not two.
        let all = crate::validate::validate(&imp.report, &crate::policy::Policy::default());
        assert!(!all.iter().any(|f| f.rule == "unknown-section"), "{all:?}");
        // Deleting the section clears the finding.
        let mut r = imp.report;
        r.extra_sections.clear();
        assert!(run(&TEMPLATE_INSTRUCTIONS, &r).is_empty());
    }

    #[test]
    fn instructions_below_the_title_are_kept_too() {
        let md = "# Post-Mortem: Disk full on db-3\n\n## Instructions\n\nReplace every bracket.\n\n## Summary\n\nThe disk filled.\n";
        let imp = parse_markdown(md);
        assert_eq!(imp.report.summary.summary, "The disk filled.");
        assert_eq!(
            locations(&TEMPLATE_INSTRUCTIONS, &imp.report),
            ["extra_sections[0]"]
        );
        assert!(imp
            .warnings
            .iter()
            .any(|w| w.message.contains("kept as its own section") && w.line == Some(3)));
    }
}
