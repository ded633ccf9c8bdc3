//! The `placeholder` rule: template placeholder text (found by `crate::placeholder`) still
//! in the report, plus placeholders an import skipped (`Report::placeholders`) until the
//! field is filled.

use std::collections::{HashMap, HashSet};

use super::{is_placeholder, leaves, Context, Finding, LeafKind, Level, Location, Rule};

/// `placeholder`: template placeholder text still present anywhere.
pub const PLACEHOLDER: Rule = Rule {
    id: "placeholder",
    level: Level::Warning,
    doc: "Template placeholder text (e.g. `[Name]`, `YYYY-MM-DD`, `_minutes_`) is still in the report.",
    check: placeholder,
};

fn finding(location: Location, text: &str) -> Finding {
    Finding::new(
        &PLACEHOLDER,
        location,
        format!("Template placeholder \"{text}\" is still in the text."),
    )
    .fix("Replace it with the real value, or delete it if it does not apply.")
}

fn placeholder(cx: &Context) -> Vec<Finding> {
    let report = cx.report;
    let mut out = Vec::new();
    let mut seen: HashSet<(Location, String)> = HashSet::new();
    let all = leaves(report);
    for (loc, kind, text) in &all {
        // Action-item owner, due date and priority: their own rules report placeholders.
        if text.is_empty() || *kind == LeafKind::OwnRule {
            continue;
        }
        let found = if *kind == LeafKind::Log {
            if is_placeholder(text) {
                vec![text.trim().to_string()]
            } else {
                Vec::new()
            }
        } else {
            cx.placeholders_in(text).to_vec()
        };
        for p in found {
            let key = (*loc, p);
            if seen.insert(key.clone()) {
                out.push(finding(key.0, &key.1));
            }
        }
    }
    if report.placeholders.is_empty() {
        return out;
    }
    let by_location: HashMap<Location, (LeafKind, &str)> = all
        .iter()
        .map(|(loc, kind, text)| (*loc, (*kind, *text)))
        .collect();
    for note in &report.placeholders {
        // Notes come from the importer, which writes only real locations; one that is not
        // (an older file) is still reported, against the whole report.
        let location = note.location.parse().unwrap_or(Location::REPORT);
        let current = by_location.get(&location);
        if current.is_some_and(|(kind, _)| *kind == LeafKind::OwnRule) {
            continue;
        }
        let filled =
            current.is_some_and(|(_, t)| !t.trim().is_empty() && !t.contains(note.text.as_str()));
        if filled {
            continue;
        }
        let key = (location, note.text.clone());
        if seen.insert(key) {
            let mut f = finding(location, &note.text);
            f.line = note.line;
            out.push(f);
        } else if let Some(f) = out
            .iter_mut()
            .find(|f| f.location == note.location && f.message.contains(note.text.as_str()))
        {
            f.line = f.line.or(note.line);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::PlaceholderNote;
    use crate::validate::testing::{clean, locations, run};

    #[test]
    fn rule_fires_once_per_placeholder_and_place() {
        let mut r = clean();
        r.meta.title = "[Incident Title]".into();
        r.summary.summary = "At HH:MM the API failed; again at HH:MM. Owner [Name].".into();
        r.timeline.entries[2].time = "HH:MM".into();
        let f = run(&PLACEHOLDER, &r);
        let got: Vec<(String, &str)> = f
            .iter()
            .map(|f| (f.location.to_string(), f.message.as_str()))
            .collect();
        assert_eq!(f.len(), 4, "{got:?}");
        assert_eq!(f[0].location, "meta.title");
        assert!(f.iter().any(|f| f.location == "timeline[2].time"));
        assert_eq!(
            f.iter().filter(|f| f.location == "summary.summary").count(),
            2
        );
        assert!(f[0].fix.is_some());
    }

    #[test]
    fn rule_is_quiet_on_a_clean_report_and_leaves_action_item_fields_to_their_rules() {
        let mut r = clean();
        assert!(run(&PLACEHOLDER, &r).is_empty());
        r.action_items[0].owner = "[Name]".into();
        r.action_items[0].due = "YYYY-MM-DD".into();
        assert!(run(&PLACEHOLDER, &r).is_empty());
        r.appendix.logs = vec![
            "[ERROR] HH:MM pool".into(),
            "[Paste key log excerpts here]".into(),
        ];
        assert_eq!(
            locations(&PLACEHOLDER, &r),
            vec!["appendix.logs[1]".to_string()]
        );
    }

    #[test]
    fn import_notes_are_reported_until_the_field_is_filled() {
        let mut r = clean();
        r.meta.incident_id.clear();
        r.placeholders = vec![
            PlaceholderNote {
                location: "meta.incident_id".into(),
                text: "[INC-XXXX]".into(),
                line: Some(4),
            },
            PlaceholderNote {
                location: "meta.title".into(),
                text: "[Incident Title]".into(),
                line: Some(1),
            },
            PlaceholderNote {
                location: "action_items[0].owner".into(),
                text: "[Name]".into(),
                line: Some(60),
            },
        ];
        let f = run(&PLACEHOLDER, &r);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].location, "meta.incident_id");
        assert_eq!(f[0].line, Some(4));
        // A note whose text is still in the field is one finding, with the note's line.
        r.meta.incident_id = "[INC-XXXX]".into();
        let f = run(&PLACEHOLDER, &r);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].line, Some(4));
        r.meta.incident_id = "INC-2024-0042".into();
        assert!(run(&PLACEHOLDER, &r).is_empty());
    }
}
