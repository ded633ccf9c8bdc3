//! Maps a finding's location (`action_items[2].owner`, `meta.severity`) back to a line of
//! the Markdown it was imported from, so `hindsight lint` can print `file:line:` like a
//! compiler. The importer keeps text as typed, so a field's own text, or its row's
//! anchor text (an action, an event), is found again in the source.

use crate::fields::{Part, Slot};
use crate::location::{Location, Place};
use crate::model::Report;

/// 1-based line of `source` that holds the thing at `location`, when it can be found.
/// To place many findings in one document, build its `Lines` once instead.
pub fn line_of(source: &str, report: &Report, location: &Location) -> Option<u32> {
    Lines::new(source).line_of(report, location)
}

/// A document's lines as typed and as compared (whitespace collapsed, Markdown escapes
/// removed), made once so that placing each finding is a scan, not a rewrite of the text.
pub struct Lines<'s> {
    lines: Vec<(&'s str, String)>,
}

impl<'s> Lines<'s> {
    pub fn new(source: &'s str) -> Lines<'s> {
        let lines = source
            .lines()
            .map(|l| {
                let plain = l.replace('\\', "");
                (l, plain.split_whitespace().collect::<Vec<_>>().join(" "))
            })
            .collect();
        Lines { lines }
    }

    /// 1-based line that holds the thing at `location` in `report` (read from this
    /// document), when it can be found.
    pub fn line_of(&self, report: &Report, location: &Location) -> Option<u32> {
        for needle in candidates(report, location) {
            let needle = needle.split_whitespace().collect::<Vec<_>>().join(" ");
            if needle.chars().count() < 3 {
                continue;
            }
            if let Some(line) = self.find(&needle) {
                return Some(line);
            }
        }
        None
    }

    fn find(&self, needle: &str) -> Option<u32> {
        self.lines.iter().enumerate().find_map(|(i, (l, plain))| {
            (plain.contains(needle) || l.contains(needle)).then(|| u32::try_from(i + 1).ok())?
        })
    }
}

/// Texts to look for, most specific first.
fn candidates(report: &Report, location: &Location) -> Vec<String> {
    let column = location.column.unwrap_or("");
    let slot = match location.place {
        Place::Slot(s) => s,
        Place::ExtraSections => {
            return location
                .row
                .and_then(|i| report.extra_sections.get(i))
                .map(|s| vec![s.title.clone()])
                .unwrap_or_default();
        }
        Place::Report => return vec![],
    };
    let part = match slot {
        Slot::Text(t) => return vec![t.get(report).clone(), t.label().to_string()],
        Slot::List(l) => {
            let items = l.get(report);
            return match location.row.and_then(|i| items.get(i)) {
                Some(item) => vec![item.clone()],
                None => vec![l.label().to_string()],
            };
        }
        Slot::Part(p) => p,
    };
    let Some(i) = location.row else {
        return vec![part.path().replace('_', " ")];
    };
    match part {
        Part::Timeline => match report.timeline.entries.get(i) {
            Some(e) => {
                let own = if column == "owner" {
                    e.owner.clone()
                } else {
                    String::new()
                };
                vec![own, e.event.clone(), e.time.clone()]
            }
            None => vec![],
        },
        Part::ActionItems => match report.action_items.get(i) {
            Some(a) => {
                let own = match column {
                    "owner" => a.owner.clone(),
                    "due" => a.due.clone(),
                    "priority" => a.priority.clone(),
                    _ => String::new(),
                };
                vec![own, a.action.clone(), a.id.clone()]
            }
            None => vec![],
        },
        Part::Whys => match report.root_cause.whys.get(i) {
            Some(w) => {
                if column == "because" {
                    vec![w.because.clone(), w.why.clone()]
                } else {
                    vec![w.why.clone(), w.because.clone()]
                }
            }
            None => vec![],
        },
        Part::SignOff => match report.sign_off.get(i) {
            Some(s) => vec![s.name.clone(), s.role.clone()],
            None => vec![],
        },
        Part::FactorChecklist => match report.contributing_factors.checklist.get(i) {
            Some(c) => vec![c.detail.clone(), c.category.label().to_string()],
            None => vec![],
        },
        Part::MetaExtra | Part::ImpactExtra => {
            let pairs = if part == Part::MetaExtra {
                &report.meta.extra
            } else {
                &report.impact.extra
            };
            match pairs.get(i) {
                Some(kv) => vec![kv.value.clone(), kv.key.clone()],
                None => vec![],
            }
        }
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

    fn at(text: &str) -> Location {
        text.parse().unwrap_or(Location::REPORT)
    }

    #[test]
    fn finds_fields_rows_and_empty_cells_by_their_row() {
        let r = report();
        assert_eq!(line_of(SOURCE, &r, &at("meta.severity")), Some(3));
        assert_eq!(line_of(SOURCE, &r, &at("timeline[1].time")), Some(8));
        assert_eq!(line_of(SOURCE, &r, &at("action_items[0].owner")), Some(12));
        assert_eq!(line_of(SOURCE, &r, &at("meta.title")), Some(1));
    }

    #[test]
    fn unknown_places_have_no_line() {
        let r = report();
        assert_eq!(line_of(SOURCE, &r, &at("timeline[9].time")), None);
        assert_eq!(line_of(SOURCE, &r, &at("prevention")), None);
        assert_eq!(line_of(SOURCE, &r, &at("root_cause.whys")), None);
    }
}
