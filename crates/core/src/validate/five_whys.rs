//! `five-whys-depth`: a Five Whys chain too short for the severity, or a why left
//! without its because.

use crate::fields::{Part, Slot};
use crate::policy::Policy;

use super::{is_placeholder, Context, Finding, Level, Location, Rule};

/// `five-whys-depth`: fewer answered whys than the policy asks, or a why without a because.
pub const FIVE_WHYS_DEPTH: Rule = Rule {
    id: "five-whys-depth",
    level: Level::Warning,
    doc: "Fewer than five answered whys for SEV1/SEV2 (policy), or a why that has no because.",
    check: five_whys_depth,
};

fn real(text: &str) -> bool {
    !text.trim().is_empty() && !is_placeholder(text)
}

fn five_whys_depth(cx: &Context) -> Vec<Finding> {
    let whys = &cx.report.root_cause.whys;
    let mut out = Vec::new();
    let answered = whys.iter().filter(|w| real(&w.because)).count();
    let min = cx
        .policy
        .five_whys_min_by_template
        .get(&cx.report.template)
        .copied()
        .unwrap_or(cx.policy.five_whys_min);
    // Only templates whose seed has a Five Whys chain ask for one (seed 003 only offers it).
    let asked = cx.template_has(Slot::Part(Part::Whys))
        && crate::templates::by_id_or_default(&cx.report.template).asks_for_whys();
    if asked && Policy::applies(&cx.policy.five_whys_for, cx.severity) && answered < min {
        let severity = cx.severity_spoken();
        out.push(
            Finding::new(
                &FIVE_WHYS_DEPTH,
                Part::Whys,
                format!("{answered} of {min} whys are answered; a {severity} report needs {min}."),
            )
            .fix("Keep asking why until the answer is a condition the team can change."),
        );
    }
    for (i, w) in whys.iter().enumerate() {
        if real(&w.why) && w.because.trim().is_empty() {
            out.push(
                Finding::new(
                    &FIVE_WHYS_DEPTH,
                    Location::cell(Part::Whys, i, "because"),
                    format!("Why #{} has no because.", i + 1),
                )
                .fix("Answer it, or remove the question."),
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Why;
    use crate::validate::testing::{clean, locations, run};

    #[test]
    fn quiet_on_a_clean_report() {
        assert!(run(&FIVE_WHYS_DEPTH, &clean()).is_empty());
    }

    #[test]
    fn fires_when_too_shallow_for_sev1_sev2_only() {
        let mut r = clean();
        r.root_cause.whys.truncate(3);
        let f = run(&FIVE_WHYS_DEPTH, &r);
        assert_eq!(f.len(), 1);
        assert!(f[0].message.starts_with("3 of 5"), "{}", f[0].message);
        r.meta.severity = "SEV3".into();
        assert!(run(&FIVE_WHYS_DEPTH, &r).is_empty());
    }

    #[test]
    fn the_template_decides_whether_and_how_deep() {
        let mut r = clean();
        r.root_cause.whys.truncate(4);
        assert_eq!(run(&FIVE_WHYS_DEPTH, &r).len(), 1);
        // Seed 002's chain has four whys; seed 003 offers a chain but does not ask for one.
        r.template = "002".into();
        assert!(run(&FIVE_WHYS_DEPTH, &r).is_empty());
        r.root_cause.whys.truncate(3);
        assert_eq!(run(&FIVE_WHYS_DEPTH, &r).len(), 1);
        r.template = "003".into();
        r.meta.severity = "P1".into();
        r.root_cause.whys.clear();
        assert!(run(&FIVE_WHYS_DEPTH, &r).is_empty());
    }

    #[test]
    fn placeholder_answers_do_not_count() {
        let mut r = clean();
        r.root_cause.whys[4].because = "[root cause]".into();
        assert_eq!(locations(&FIVE_WHYS_DEPTH, &r), ["root_cause.whys"]);
    }

    #[test]
    fn a_why_without_a_because_fires_at_any_severity() {
        let mut r = clean();
        r.meta.severity = "SEV4".into();
        r.root_cause.whys.push(Why {
            why: "Why was there no canary?".into(),
            because: " ".into(),
        });
        assert_eq!(
            locations(&FIVE_WHYS_DEPTH, &r),
            ["root_cause.whys[5].because"]
        );
    }
}
