//! Metadata checks: `severity-unknown` (no severity the template's scale can read, or
//! two that disagree),
//! `date-invalid` (a stated date that cannot be read, or an end before the start) and
//! `status-final-unsigned` (Final/Complete with no sign-off).

use crate::severity::Severity;
use crate::time::{parse_date, parse_datetime, parse_stamp};

use super::{is_placeholder, noted, Context, Finding, Level, Location, Rule};
use crate::fields::{Part, Text};

/// `severity-unknown`: the severity is empty or names no single level.
pub const SEVERITY_UNKNOWN: Rule = Rule {
    id: "severity-unknown",
    level: Level::Error,
    doc: "The severity is missing, is not one level of the template's scale (SEV1–SEV4, P0–P4, Critical–Low), or is stated twice with different levels.",
    check: severity_unknown,
};

/// `date-invalid`: a stated date or date-time that cannot be read, or an end before the start.
pub const DATE_INVALID: Rule = Rule {
    id: "date-invalid",
    level: Level::Error,
    doc: "A metadata or sign-off date cannot be read as a date (or does not exist), or the end is before the start.",
    check: date_invalid,
};

/// `status-final-unsigned`: marked Final/Complete with no sign-off.
pub const STATUS_FINAL_UNSIGNED: Rule = Rule {
    id: "status-final-unsigned",
    level: Level::Error,
    doc: "The status says Final or Complete but no sign-off row names who approved it.",
    check: status_final_unsigned,
};

/// A second severity the document states (front matter and body, or two body lines;
/// the importer keeps the second in `meta.extra`) that names another level: the report's
/// severity is then not known either.
fn severity_stated_twice(cx: &Context, text: &str, level: Severity) -> Vec<Finding> {
    let hint = crate::templates::scale_of(&cx.report.template);
    let other = cx.report.meta.extra.iter().find_map(|kv| {
        let key = kv.key.trim().trim_end_matches(':').to_lowercase();
        let named = key == "severity" || key == "sev" || key.starts_with("severity (");
        let second = Severity::parse(&kv.value, hint).filter(|s| s.level != level.level);
        named.then_some(second).flatten().map(|_| kv.value.trim())
    });
    let Some(other) = other else {
        return Vec::new();
    };
    vec![Finding::new(
        &SEVERITY_UNKNOWN,
        Text::Severity,
        format!(
            "The severity is stated twice and the statements disagree: \"{text}\" and \"{other}\"."
        ),
    )
    .fix("Keep one severity and remove the other (front matter and body must agree).")]
}

/// The levels a template's severity menu offers, worst first: "P0 (worst), P1 or P2".
fn levels_offered(template: &crate::templates::Template) -> String {
    let levels = template.severities;
    match levels {
        [] => String::new(),
        [only] => (*only).to_string(),
        [first, middle @ .., last] => {
            let mut out = format!("{first} (worst)");
            for m in middle {
                out.push_str(", ");
                out.push_str(m);
            }
            format!("{out} or {last}")
        }
    }
}

fn severity_unknown(cx: &Context) -> Vec<Finding> {
    let text = cx.report.meta.severity.trim();
    if let Some(level) = cx.severity {
        return severity_stated_twice(cx, text, level);
    }
    if is_placeholder(text)
        || (text.is_empty() && noted(cx.report, &Location::text(Text::Severity)))
    {
        return Vec::new();
    }
    let scale = levels_offered(crate::templates::by_id_or_default(&cx.report.template));
    let message = if text.is_empty() {
        "No severity is set.".to_string()
    } else {
        format!("\"{text}\" is not a single severity level.")
    };
    vec![Finding::new(&SEVERITY_UNKNOWN, Text::Severity, message)
        .fix(format!("Set one level from {scale}."))]
}

fn date_invalid(cx: &Context) -> Vec<Finding> {
    let meta = &cx.report.meta;
    let mut out = Vec::new();
    let mut check = |location: Location, text: &str, needs_date: bool| {
        let t = text.trim();
        // Only punctuation (a stray table bar) is as good as empty.
        if !t.chars().any(char::is_alphanumeric) || is_placeholder(t) {
            return;
        }
        let readable = if needs_date {
            parse_date(t).is_some()
        } else {
            parse_stamp(t).is_some()
        };
        if !readable {
            out.push(
                Finding::new(
                    &DATE_INVALID,
                    location,
                    format!("\"{t}\" is not a date that exists or can be read."),
                )
                .fix("Write it as YYYY-MM-DD (or YYYY-MM-DD HH:MM with a zone)."),
            );
        }
    };
    check(Text::Date.into(), &meta.date, true);
    check(Text::Start.into(), &meta.start, false);
    check(Text::End.into(), &meta.end, false);
    check(Text::MeetingDate.into(), &meta.meeting_date, true);
    check(Text::FinalizedDate.into(), &meta.finalized_date, true);
    for (i, s) in cx.report.sign_off.iter().enumerate() {
        check(Location::cell(Part::SignOff, i, "date"), &s.date, true);
    }
    let start = parse_datetime(&meta.start, cx.time.offset);
    let end = parse_datetime(&meta.end, cx.time.offset);
    if let (Some(s), Some(e)) = (start, end) {
        if e < s {
            out.push(
                Finding::new(
                    &DATE_INVALID,
                    Text::End,
                    format!(
                        "The end ({}) is before the start ({}).",
                        meta.end.trim(),
                        meta.start.trim()
                    ),
                )
                .fix("Check the dates and zones of the start and end."),
            );
        }
    }
    out
}

fn status_final_unsigned(cx: &Context) -> Vec<Finding> {
    let status = cx.report.meta.status.trim().to_ascii_lowercase();
    if is_placeholder(&status) || !(status.contains("final") || status.starts_with("complete")) {
        return Vec::new();
    }
    // Seed 004 has no sign-off table: its reports cannot be signed, so do not ask.
    if !cx.template_has(crate::fields::Slot::Part(crate::fields::Part::SignOff)) {
        return Vec::new();
    }
    let signed = cx
        .report
        .sign_off
        .iter()
        .any(|s| !s.name.trim().is_empty() && !is_placeholder(&s.name));
    if signed {
        return Vec::new();
    }
    vec![Finding::new(
        &STATUS_FINAL_UNSIGNED,
        Text::Status,
        format!("Status is \"{}\" but nobody has signed off.", cx.report.meta.status.trim()),
    )
    .fix("Add a sign-off row with the approver's name and date, or set the status back to In Review.")]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::SignOff;
    use crate::validate::testing::{clean, locations, run};

    #[test]
    fn quiet_on_a_clean_report() {
        let r = clean();
        for rule in [&SEVERITY_UNKNOWN, &DATE_INVALID, &STATUS_FINAL_UNSIGNED] {
            assert!(run(rule, &r).is_empty(), "{}", rule.id);
        }
    }

    #[test]
    fn severity_stated_twice_with_different_levels_fires() {
        let mut r = clean();
        r.meta.severity = "SEV1".into();
        r.meta.extra.push(crate::model::KeyValue {
            key: "severity".into(),
            value: "SEV3".into(),
        });
        let f = run(&SEVERITY_UNKNOWN, &r);
        assert_eq!(f.len(), 1);
        assert!(
            f[0].message.contains("\"SEV1\" and \"SEV3\""),
            "{}",
            f[0].message
        );
        // The same level written twice, or in another scale, agrees.
        r.meta.extra[0].value = "Critical".into();
        assert!(run(&SEVERITY_UNKNOWN, &r).is_empty());
        r.meta.extra[0] = crate::model::KeyValue {
            key: "Region".into(),
            value: "P3".into(),
        };
        assert!(run(&SEVERITY_UNKNOWN, &r).is_empty());
        // Through the importer: front matter against the body.
        let md = "---\nseverity: SEV1\n---\n# Post-Mortem: X\n\n**Severity:** SEV3\n";
        let imp = crate::import::parse_markdown(md);
        let f = run(&SEVERITY_UNKNOWN, &imp.report);
        assert_eq!(f.len(), 1, "{:?}", imp.report.meta);
        // In seed 003's scale P1 is SEV2: front matter "SEV2" and body "P1" agree.
        let md = "---\nseverity: SEV2\n---\n# Post-Mortem Report: X\n\n## 1. Incident Summary\n\n*   **Severity:** P1\n\n## 2. Detection\n\n## 3. Response Timeline\n";
        let imp = crate::import::parse_markdown(md);
        assert_eq!(imp.report.template, "003");
        assert!(
            imp.report.meta.extra.is_empty(),
            "{:?}",
            imp.report.meta.extra
        );
        let md = "---\nseverity: SEV3\n---\n# Post-Mortem: X\n\n**Severity:** sev 3\n";
        assert!(run(&SEVERITY_UNKNOWN, &crate::import::parse_markdown(md).report).is_empty());
    }

    #[test]
    fn severity_unknown_fires_on_empty_and_unreadable_not_on_placeholders() {
        let mut r = clean();
        for (text, fires) in [
            ("", true),
            ("SEV5", true),
            ("severe", true),
            ("SEV1/SEV2", false),
            ("[SEV1/SEV2/SEV3/SEV4]", false),
            ("Sev 2", false),
            ("High", false),
        ] {
            r.meta.severity = text.into();
            assert_eq!(!run(&SEVERITY_UNKNOWN, &r).is_empty(), fires, "{text}");
        }
        // P4 exists on seed 004's scale; P5 on none.
        r.template = "004".into();
        r.meta.severity = "P4".into();
        assert!(run(&SEVERITY_UNKNOWN, &r).is_empty());
        r.meta.severity = "P5".into();
        let f = run(&SEVERITY_UNKNOWN, &r);
        assert_eq!(
            f[0].fix.as_deref(),
            Some("Set one level from P1 (worst), P2, P3 or P4.")
        );
        // Seed 003's menu offers P0 to P2: the hint lists those, not P3 or P4.
        r.template = "003".into();
        let f = run(&SEVERITY_UNKNOWN, &r);
        assert_eq!(
            f[0].fix.as_deref(),
            Some("Set one level from P0 (worst), P1 or P2.")
        );
    }

    #[test]
    fn severity_left_empty_by_an_import_placeholder_is_the_placeholder_rule_s() {
        let mut r = clean();
        r.meta.severity.clear();
        r.placeholders.push(crate::model::PlaceholderNote {
            location: "meta.severity".into(),
            text: "[SEV1/SEV2/SEV3/SEV4]".into(),
            line: Some(3),
        });
        assert!(run(&SEVERITY_UNKNOWN, &r).is_empty());
    }

    #[test]
    fn date_invalid_ignores_bare_punctuation() {
        let mut r = clean();
        r.sign_off[0].date = "|".into();
        assert!(run(&DATE_INVALID, &r).is_empty());
    }

    #[test]
    fn date_invalid_fires_on_impossible_and_unreadable_dates() {
        let mut r = clean();
        r.meta.date = "2024-02-30".into();
        r.meta.meeting_date = "next tuesday".into();
        r.sign_off[0].date = "YYYY-MM-DD".into();
        assert_eq!(
            locations(&DATE_INVALID, &r),
            ["meta.date", "meta.meeting_date"]
        );
        r.meta.date = "Jan 15, 2024".into();
        r.meta.meeting_date = "16 Jan 2024".into();
        assert!(run(&DATE_INVALID, &r).is_empty());
    }

    #[test]
    fn date_invalid_fires_when_end_precedes_start() {
        let mut r = clean();
        r.meta.start = "2024-01-15 14:30 UTC".into();
        r.meta.end = "2024-01-15 14:00 UTC".into();
        assert_eq!(locations(&DATE_INVALID, &r), ["meta.end"]);
        // Zones count: 10:00 EST is 15:00 UTC, after the start.
        r.meta.end = "2024-01-15 10:00 EST".into();
        assert!(run(&DATE_INVALID, &r).is_empty());
    }

    #[test]
    fn final_needs_a_sign_off() {
        let mut r = clean();
        r.sign_off.clear();
        assert_eq!(locations(&STATUS_FINAL_UNSIGNED, &r), ["meta.status"]);
        r.meta.status = "Complete".into();
        assert_eq!(run(&STATUS_FINAL_UNSIGNED, &r).len(), 1);
        r.sign_off.push(SignOff {
            role: "Engineering Manager".into(),
            name: "[Engineering Manager Name]".into(),
            date: String::new(),
        });
        assert_eq!(run(&STATUS_FINAL_UNSIGNED, &r).len(), 1, "placeholder name");
        r.meta.status = "Final".into();
        r.sign_off.clear();
        r.template = "004".into();
        assert!(
            run(&STATUS_FINAL_UNSIGNED, &r).is_empty(),
            "004 has no sign-off"
        );
        r.template = "000".into();
        for status in ["Draft", "In Review", "Draft / In Review / Final"] {
            r.meta.status = status.into();
            assert!(run(&STATUS_FINAL_UNSIGNED, &r).is_empty(), "{status}");
        }
    }
}
