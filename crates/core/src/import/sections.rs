//! Section headings: normalising what the author wrote ("## 4. Root Cause", "Timeline
//! (UTC)", "What Didn't Go Well¶") and deciding which part of the report a section feeds.

use crate::fields::{List, Text};
use crate::model::Horizon;
use crate::templates::{ACTION_ITEM_DETAILS, ADDITIONAL_NOTES, UNSCHEDULED};

/// Which kind of key/value pairs a section holds; decides where an ambiguous key such as
/// "Duration" goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ctx {
    Meta,
    Impact,
    Detection,
    Response,
    Resolution,
    RootCause,
    Lessons,
    Prevention,
    General,
}

/// Structured content a section can hold besides prose and lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Special {
    None,
    Preamble,
    Timeline,
    Whys,
    Factors,
    HowDetected,
    ActionItems(Option<Horizon>),
    SignOff,
    AdditionalNotes,
    Logs,
}

/// What a recognised section feeds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Role {
    /// Where paragraphs go.
    pub prose: Option<Text>,
    /// Where plain list items go.
    pub list: Option<List>,
    pub ctx: Ctx,
    pub special: Special,
    /// Italic `Role: name, date` lines are sign-off rows (seed 000).
    pub signoff_line: bool,
    /// Key/value pairs here are the author's own extras, whatever their keys.
    pub force_extra: bool,
}

impl Role {
    const fn new(prose: Option<Text>, list: Option<List>, ctx: Ctx, special: Special) -> Role {
        Role {
            prose,
            list,
            ctx,
            special,
            signoff_line: false,
            force_extra: false,
        }
    }
    /// A role holding nothing yet.
    pub const fn blank(ctx: Ctx) -> Role {
        Role::new(None, None, ctx, Special::None)
    }
    const fn prose(t: Text, ctx: Ctx) -> Role {
        Role::new(Some(t), None, ctx, Special::None)
    }
    const fn list(l: List) -> Role {
        Role::new(None, Some(l), Ctx::General, Special::None)
    }
    const fn container(ctx: Ctx) -> Role {
        Role::new(None, None, ctx, Special::None)
    }
}

/// Normalises heading or key text for comparison: lower case, numbering ("4.", "4)",
/// "Section 4:") and parentheticals ("(UTC)", "(MTTD)") removed, punctuation to spaces,
/// "&" to "and", single spaces.
pub fn norm(s: &str) -> String {
    // Escapes are how an editor kept punctuation literal ("1\. Summary"): read the text.
    let s = super::source::unescape(s);
    let s = s.trim().trim_end_matches('¶').trim();
    let lower = s.to_lowercase();
    let mut rest = lower.as_str();
    if let Some(r) = rest.strip_prefix("section ") {
        rest = r;
    }
    // Leading "4." / "4)" / "4:" / "1.2" numbering.
    let digits = rest
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(rest.len());
    if digits > 0 {
        let after = &rest[digits..];
        let numbered = rest[..digits].ends_with('.')
            || after.starts_with(')')
            || after.starts_with(':')
            || after.starts_with(" -");
        if numbered {
            rest = after.trim_start_matches([')', ':', ' ', '-']);
        }
    }
    // Words of letters and digits, one space between them; asides in parentheses go.
    let mut out = String::with_capacity(rest.len());
    let mut gap = false;
    let mut depth = 0usize;
    for c in rest.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ if depth > 0 => {}
            '&' => {
                if !out.is_empty() {
                    out.push(' ');
                }
                out.push_str("and");
                gap = true;
            }
            '\'' | '’' => {}
            c if c.is_alphanumeric() => {
                if gap && !out.is_empty() {
                    out.push(' ');
                }
                gap = false;
                out.push(c);
            }
            _ => gap = true,
        }
    }
    out
}

/// The role of a section with this (normalised) heading, if it is one the importer knows.
pub fn classify(n: &str) -> Option<Role> {
    use Ctx as C;
    let role = match n {
        "instructions"
        | "post mortem template"
        | "postmortem template"
        | "how to use this template" => Role::new(None, None, C::General, Special::Preamble),
        "summary" | "incident overview" | "overview" | "description" | "incident description" => {
            Role::prose(Text::Summary, C::Meta)
        }
        "incident summary"
        | "incident metadata"
        | "metadata"
        | "incident details"
        | "details"
        | "incident information" => Role::container(C::Meta),
        "one line summary" | "tl dr" | "tldr" => Role::prose(Text::OneLine, C::Meta),
        "executive summary" => Role::prose(Text::Executive, C::Meta),
        "impact" | "user impact" | "impact assessment" | "customer impact" => {
            Role::prose(Text::ImpactDescription, C::Impact)
        }
        "business impact" => Role::prose(Text::BusinessImpact, C::Impact),
        "systems affected" | "services affected" | "affected services" | "affected systems" => {
            Role::list(List::Services)
        }
        "timeline" | "response timeline" | "incident timeline" | "timeline of events"
        | "key events" | "key timestamps" | "sequence of events" | "chronology" => {
            Role::new(None, None, C::Detection, Special::Timeline)
        }
        "root cause" | "root causes" => {
            Role::new(Some(Text::RootStatement), None, C::RootCause, Special::Whys)
        }
        "root cause analysis" | "rca" | "analysis" => {
            Role::new(Some(Text::Analysis), None, C::RootCause, Special::Whys)
        }
        "what happened" => Role::prose(Text::WhatHappened, C::RootCause),
        "why it happened" => Role::new(Some(Text::Analysis), None, C::RootCause, Special::Whys),
        "five whys" | "5 whys" | "5 whys analysis" | "five whys analysis" => {
            Role::new(Some(Text::Analysis), None, C::RootCause, Special::Whys)
        }
        "trigger" | "triggering event" => Role::prose(Text::Trigger, C::RootCause),
        "contributing factors" | "contributing factor" => {
            Role::new(None, Some(List::Factors), C::RootCause, Special::Factors)
        }
        // A bare "Detection" section's prose says how the incident was detected.
        "detection" => Role::prose(Text::DetectionMethod, C::Detection),
        "how was it detected" | "how was the incident detected" => Role::new(
            Some(Text::DetectionMethod),
            None,
            C::Detection,
            Special::HowDetected,
        ),
        "detection delay" | "detection metrics" => Role::container(C::Detection),
        "detection gaps" | "detection gap" => Role::prose(Text::DetectionGaps, C::Detection),
        "response" | "response analysis" => Role::container(C::Response),
        "what went well" | "went well" => Role::list(List::WentWell),
        "what could be improved"
        | "what didnt go well"
        | "what did not go well"
        | "what could have gone better"
        | "what went wrong"
        | "what went poorly"
        | "what can be improved"
        | "what can we improve" => Role::list(List::CouldImprove),
        "where we got lucky" | "what we got lucky with" | "where we were lucky" => {
            Role::list(List::GotLucky)
        }
        "resolution" | "resolution and recovery" | "recovery" => {
            Role::prose(Text::ImmediateFix, C::Resolution)
        }
        "immediate fix" | "fix" | "mitigation" | "how we fixed it" | "how it was fixed" => {
            Role::prose(Text::ImmediateFix, C::Resolution)
        }
        "verification" => Role::prose(Text::Verification, C::Resolution),
        "action items"
        | "action items and follow ups"
        | "follow ups"
        | "follow up actions"
        | "corrective actions"
        | "remediation"
        | "what we will do"
        | "next steps" => Role::new(None, None, C::General, Special::ActionItems(None)),
        "prevention" => Role::container(C::Prevention),
        "how do we prevent recurrence" => Role::prose(Text::PreventRecurrence, C::Prevention),
        "how do we detect faster" => Role::prose(Text::DetectFaster, C::Prevention),
        "how do we recover faster" => Role::prose(Text::RecoverFaster, C::Prevention),
        "lessons learned" | "lessons" | "learnings" | "retrospective" | "retro" => {
            Role::new(None, Some(List::KeyTakeaways), C::Lessons, Special::None)
        }
        "key takeaways" => Role::list(List::KeyTakeaways),
        "process improvements" => Role::list(List::ProcessImprovements),
        "questions to consider" | "open questions" => Role::list(List::Questions),
        "appendix" => Role::container(C::General),
        "related incidents" => Role::list(List::RelatedIncidents),
        "relevant logs" | "logs" => Role::new(None, Some(List::Logs), C::General, Special::Logs),
        "relevant logs dashboards"
        | "supporting information"
        | "dashboards"
        | "logs dashboards and traces" => Role::list(List::Dashboards),
        "relevant metrics graphs" | "supporting data" | "graphs" => {
            Role::prose(Text::SupportingData, C::General)
        }
        "external references" | "references" => Role::list(List::References),
        "sign off" | "signoff" | "approvals" => Role::new(None, None, C::General, Special::SignOff),
        // The exporter's own headings, as the template definitions spell them.
        _ if n == norm(ADDITIONAL_NOTES) => {
            Role::new(None, None, C::General, Special::AdditionalNotes)
        }
        _ if n == norm(ACTION_ITEM_DETAILS) || n == norm(UNSCHEDULED) => {
            Role::new(None, None, C::General, Special::ActionItems(None))
        }
        _ => {
            if let Some(h) = Horizon::from_label(n) {
                return Some(Role::new(
                    None,
                    None,
                    C::General,
                    Special::ActionItems(Some(h)),
                ));
            }
            return canonical(n);
        }
    };
    Some(role)
}

/// A heading that is one of the canonical field labels (the exporter's "Additional notes"
/// sub-headings).
pub fn canonical(n: &str) -> Option<Role> {
    let labels = canonical_labels();
    if let Some((_, t)) = labels.texts.iter().find(|(l, _)| l == n) {
        return Some(Role::prose(*t, Ctx::General));
    }
    if let Some((_, l)) = labels.lists.iter().find(|(x, _)| x == n) {
        let mut r = Role::list(*l);
        if *l == List::Logs {
            r.special = Special::Logs;
        }
        return Some(r);
    }
    use crate::fields::Part;
    let special = match n {
        _ if n == norm(Part::Timeline.label()) => Special::Timeline,
        _ if n == norm(Part::Whys.label()) => Special::Whys,
        _ if n == norm(Part::FactorChecklist.label()) => Special::Factors,
        _ if n == norm(Part::ActionItems.label()) => Special::ActionItems(None),
        _ if n == norm(Part::SignOff.label()) => Special::SignOff,
        _ if n == norm(Part::MetaExtra.label()) => {
            let mut r = Role::container(Ctx::Meta);
            r.force_extra = true;
            return Some(r);
        }
        _ if n == norm(Part::ImpactExtra.label()) => {
            let mut r = Role::container(Ctx::Impact);
            r.force_extra = true;
            return Some(r);
        }
        _ => return None,
    };
    Some(Role::new(None, None, Ctx::General, special))
}

/// Every field's canonical label, normalised once.
pub struct CanonicalLabels {
    pub texts: Vec<(String, Text)>,
    pub lists: Vec<(String, List)>,
}

/// The normalised canonical labels (`fields::Text::label`, `fields::List::label`).
pub fn canonical_labels() -> &'static CanonicalLabels {
    static LABELS: std::sync::OnceLock<CanonicalLabels> = std::sync::OnceLock::new();
    LABELS.get_or_init(|| CanonicalLabels {
        texts: Text::ALL.iter().map(|t| (norm(t.label()), *t)).collect(),
        lists: List::ALL.iter().map(|l| (norm(l.label()), *l)).collect(),
    })
}

/// Headings that are top-level sections in the seeds (used to give pasted headings a
/// level).
pub fn is_top_level(heading: &str) -> bool {
    matches!(
        norm(heading).as_str(),
        "summary"
            | "impact"
            | "timeline"
            | "root cause"
            | "root cause analysis"
            | "contributing factors"
            | "detection"
            | "response"
            | "response analysis"
            | "resolution"
            | "action items"
            | "prevention"
            | "lessons learned"
            | "appendix"
            | "sign off"
            | "additional notes"
            | "executive summary"
            | "incident metadata"
            | "incident summary"
            | "what went well"
            | "what could be improved"
            | "impact assessment"
            | "supporting information"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalises_numbering_and_punctuation() {
        assert_eq!(norm("4. Root Cause"), "root cause");
        assert_eq!(norm("10) Action Items"), "action items");
        assert_eq!(norm("Timeline (UTC)"), "timeline");
        assert_eq!(norm("What Didn't Go Well¶"), "what didnt go well");
        assert_eq!(norm("5 Whys Analysis"), "5 whys analysis");
        assert_eq!(norm("Date & Time (UTC)"), "date and time");
        assert_eq!(norm("Relevant Logs/Dashboards"), "relevant logs dashboards");
        assert_eq!(norm("2024 review"), "2024 review");
        // Google Docs escapes numbering and marks; emoji and trailing punctuation go.
        assert_eq!(norm(r"1\. Summary"), "summary");
        assert_eq!(norm(r"\#3 Root cause\(s\)"), "3 root cause");
        assert_eq!(norm("🔥 Impact:"), "impact");
        assert_eq!(norm("Timeline ⏱️"), "timeline");
        assert_eq!(norm("What went wrong?"), "what went wrong");
        // One space between words, none at the ends, "&" a word of its own.
        assert_eq!(norm("  Lessons \t  learned -- "), "lessons learned");
        assert_eq!(norm("R&D"), "r and d");
        assert_eq!(norm("& Follow-ups &"), "and follow ups and");
        assert_eq!(norm("Q & A (internal)"), "q and a");
    }

    #[test]
    fn classifies_known_sections() {
        assert_eq!(
            classify("root cause").and_then(|r| r.prose),
            Some(Text::RootStatement)
        );
        assert_eq!(
            classify(&norm("Short-Term (Within 1 Month)")).map(|r| r.special),
            Some(Special::ActionItems(Some(Horizon::ShortTerm)))
        );
        assert_eq!(
            classify(&norm(Text::TimeToDetect.label())).and_then(|r| r.prose),
            Some(Text::TimeToDetect)
        );
        assert!(classify("customer communication").is_none());
    }
}
