//! Maps a finding's location (`action_items[2].owner`, `meta.severity`) back to a line of
//! the Markdown it was imported from, so `hindsight lint` can print `file:line:` like a
//! compiler. The importer keeps text as typed, so a field's own text, or its row's
//! anchor text (an action, an event), is found again in the source.

use crate::fields::{List, Text};
use crate::model::Report;

/// 1-based line of `source` that holds the thing at `location`, when it can be found.
pub fn line_of(source: &str, report: &Report, location: &str) -> Option<u32> {
    for needle in candidates(report, location) {
        let needle = needle.split_whitespace().collect::<Vec<_>>().join(" ");
        if needle.chars().count() < 3 {
            continue;
        }
        if let Some(line) = find_line(source, &needle) {
            return Some(line);
        }
    }
    None
}

fn find_line(source: &str, needle: &str) -> Option<u32> {
    // Compare with collapsed whitespace and without Markdown escapes, line by line.
    source.lines().enumerate().find_map(|(i, l)| {
        let plain: String = l.replace('\\', "");
        let plain = plain.split_whitespace().collect::<Vec<_>>().join(" ");
        (plain.contains(needle) || l.contains(needle)).then(|| u32::try_from(i + 1).ok())?
    })
}

/// `name[3].field` → ("name", Some(3), "field").
fn split(location: &str) -> (&str, Option<usize>, &str) {
    let (head, rest) = match location.find('[') {
        Some(i) => (&location[..i], &location[i..]),
        None => return (location, None, ""),
    };
    let close = rest.find(']').unwrap_or(rest.len());
    let index = rest.get(1..close).and_then(|n| n.parse().ok());
    let field = rest.get(close + 1..).unwrap_or("").trim_start_matches('.');
    (head, index, field)
}

/// Texts to look for, most specific first.
fn candidates(report: &Report, location: &str) -> Vec<String> {
    if let Some(t) = Text::ALL.iter().find(|t| t.path() == location) {
        return vec![t.get(report).clone(), t.label().to_string()];
    }
    let (head, index, field) = split(location);
    if let Some(l) = List::ALL.iter().find(|l| l.path() == head) {
        let items = l.get(report);
        return match index.and_then(|i| items.get(i)) {
            Some(item) => vec![item.clone()],
            None => vec![l.label().to_string()],
        };
    }
    let Some(i) = index else {
        return vec![head.replace('_', " ")];
    };
    match head {
        "timeline" | "timeline.entries" => match report.timeline.entries.get(i) {
            Some(e) => {
                let own = if field == "owner" {
                    e.owner.clone()
                } else {
                    String::new()
                };
                vec![own, e.event.clone(), e.time.clone()]
            }
            None => vec![],
        },
        "action_items" => match report.action_items.get(i) {
            Some(a) => {
                let own = match field {
                    "owner" => a.owner.clone(),
                    "due" => a.due.clone(),
                    "priority" => a.priority.clone(),
                    _ => String::new(),
                };
                vec![own, a.action.clone(), a.id.clone()]
            }
            None => vec![],
        },
        "root_cause.whys" => match report.root_cause.whys.get(i) {
            Some(w) => {
                if field == "because" {
                    vec![w.because.clone(), w.why.clone()]
                } else {
                    vec![w.why.clone(), w.because.clone()]
                }
            }
            None => vec![],
        },
        "sign_off" => match report.sign_off.get(i) {
            Some(s) => vec![s.name.clone(), s.role.clone()],
            None => vec![],
        },
        "extra_sections" => match report.extra_sections.get(i) {
            Some(s) => vec![s.title.clone()],
            None => vec![],
        },
        "contributing_factors.checklist" => match report.contributing_factors.checklist.get(i) {
            Some(c) => vec![c.detail.clone(), c.category.label().to_string()],
            None => vec![],
        },
        _ => vec![],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ActionItem, TimelineEntry};

    const SOURCE: &str = "# Post-Mortem: Disk full\n\n**Severity:** SEV2\n\n| Time | Event |\n|---|---|\n| 10:00 | Disk alert fires |\n| 10:05 | Logs rotated |\n\n| # | Action | Owner |\n|---|---|---|\n| 1 | Add disk\\_usage alert |  |\n";

    fn report() -> Report {
        let mut r = Report::new("000");
        r.meta.title = "Disk full".into();
        r.meta.severity = "SEV2".into();
        r.timeline.entries = vec![
            TimelineEntry {
                time: "10:00".into(),
                event: "Disk alert fires".into(),
                ..Default::default()
            },
            TimelineEntry {
                time: "10:05".into(),
                event: "Logs rotated".into(),
                ..Default::default()
            },
        ];
        r.action_items = vec![ActionItem {
            id: "1".into(),
            action: "Add disk_usage alert".into(),
            ..Default::default()
        }];
        r
    }

    #[test]
    fn finds_fields_rows_and_empty_cells_by_their_row() {
        let r = report();
        assert_eq!(line_of(SOURCE, &r, "meta.severity"), Some(3));
        assert_eq!(line_of(SOURCE, &r, "timeline[1].time"), Some(8));
        assert_eq!(line_of(SOURCE, &r, "action_items[0].owner"), Some(12));
        assert_eq!(line_of(SOURCE, &r, "meta.title"), Some(1));
    }

    #[test]
    fn unknown_places_have_no_line() {
        let r = report();
        assert_eq!(line_of(SOURCE, &r, "timeline[9].time"), None);
        assert_eq!(line_of(SOURCE, &r, "prevention"), None);
        assert_eq!(line_of(SOURCE, &r, "root_cause.whys"), None);
    }
}
