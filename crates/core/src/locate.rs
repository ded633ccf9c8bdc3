//! Maps a finding's location (`action_items[2].owner`, `meta.severity`) back to a line of
//! the Markdown it was imported from, so `hindsight lint` can print `file:line:` like a
//! compiler. The importer keeps text as typed, so a field's own text, or its row's
//! anchor text (an action, an event), is found again in the source.

use crate::fields::{Part, Slot};
use crate::location::{Location, Place};
use crate::model::Report;

/// 1-based line of `source` that holds the thing at `location`, when it can be found.
/// To place many findings in one document, use `Lines::lines_of` once for all of them.
pub fn line_of(source: &str, report: &Report, location: &Location) -> Option<u32> {
    Lines::new(source)
        .lines_of(report, std::slice::from_ref(location))
        .pop()
        .flatten()
}

/// Up to this many texts are looked for one by one.
const FEW: usize = 32;

/// A document's text as typed and as compared (each line's whitespace collapsed and its
/// Markdown escapes removed), with where each line starts in both.
pub struct Lines<'s> {
    source: &'s str,
    source_starts: Vec<usize>,
    plain: String,
    plain_starts: Vec<usize>,
}

impl<'s> Lines<'s> {
    pub fn new(source: &'s str) -> Lines<'s> {
        let mut source_starts = vec![0];
        source_starts.extend(source.match_indices('\n').map(|(i, _)| i + 1));
        let mut plain = String::with_capacity(source.len());
        let mut plain_starts = Vec::new();
        for l in source.lines() {
            plain_starts.push(plain.len());
            let unescaped = l.replace('\\', "");
            for (i, w) in unescaped.split_whitespace().enumerate() {
                if i > 0 {
                    plain.push(' ');
                }
                plain.push_str(w);
            }
            plain.push('\n');
        }
        Lines {
            source,
            source_starts,
            plain,
            plain_starts,
        }
    }

    /// For each location, the 1-based line that holds the thing there: the first line
    /// whose text (as typed or as compared) contains the location's most specific text
    /// that appears anywhere. All texts are looked for in one pass over the document, so
    /// placing thousands of findings costs about what placing one does.
    pub fn lines_of(&self, report: &Report, locations: &[Location]) -> Vec<Option<u32>> {
        // Each location's texts, most specific first, as ids into `needles`.
        let mut needles: Vec<String> = Vec::new();
        let mut ids: std::collections::HashMap<String, usize> = Default::default();
        let wanted: Vec<Vec<usize>> = locations
            .iter()
            .map(|location| {
                candidates(report, location)
                    .into_iter()
                    .map(|c| c.split_whitespace().collect::<Vec<_>>().join(" "))
                    .filter(|c| c.chars().count() >= 3)
                    .map(|c| {
                        *ids.entry(c).or_insert_with_key(|c| {
                            needles.push(c.clone());
                            needles.len() - 1
                        })
                    })
                    .collect()
            })
            .collect();
        let first = self.first_lines(&needles);
        wanted
            .iter()
            .map(|ids| ids.iter().find_map(|&id| first[id]))
            .collect()
    }

    /// The first line (1-based) each needle occurs on, in either form of the text. A
    /// needle has no line break in it, so no occurrence spans two lines.
    fn first_lines(&self, needles: &[String]) -> Vec<Option<u32>> {
        let mut first: Vec<Option<usize>> = vec![None; needles.len()];
        if needles.is_empty() {
            return Vec::new();
        }
        let line = |starts: &[usize], at: usize| starts.partition_point(|&s| s <= at) - 1;
        // A few texts are each looked for alone (building an automaton costs more than
        // a few scans); many, by one automaton in one pass.
        let automaton = if needles.len() > FEW {
            aho_corasick::AhoCorasick::new(needles).ok()
        } else {
            None
        };
        match automaton {
            Some(ac) => {
                for (text, starts) in [
                    (self.plain.as_str(), &self.plain_starts),
                    (self.source, &self.source_starts),
                ] {
                    for m in ac.find_overlapping_iter(text) {
                        let at = line(starts, m.start());
                        let seen = &mut first[m.pattern().as_usize()];
                        if seen.is_none_or(|l| at < l) {
                            *seen = Some(at);
                        }
                    }
                }
            }
            None => {
                for (n, seen) in needles.iter().zip(first.iter_mut()) {
                    let a = self
                        .plain
                        .find(n.as_str())
                        .map(|at| line(&self.plain_starts, at));
                    let b = self
                        .source
                        .find(n.as_str())
                        .map(|at| line(&self.source_starts, at));
                    *seen = a.into_iter().chain(b).min();
                }
            }
        }
        first
            .into_iter()
            .map(|l| l.and_then(|l| u32::try_from(l + 1).ok()))
            .collect()
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
    fn many_findings_at_once_land_where_each_alone_does() {
        // 120 rows, one with an escaped underscore and one written twice: more texts than
        // `FEW`, so the automaton places them; each alone is placed by plain scans.
        let mut source =
            String::from("# Post-Mortem: Queue backlog\n\n| Time | Event |\n|---|---|\n");
        let mut r = Report::new("000");
        r.meta.title = "Queue backlog".into();
        for i in 0..120 {
            let event = match i {
                7 => "Raised max\\_workers to 64".to_string(),
                90 => "Event 4 happened".to_string(),
                _ => format!("Event {i} happened"),
            };
            source.push_str(&format!("| 10:{:02} | {event} |\r\n", i % 60));
            r.timeline.entries.push(TimelineEntry {
                time: format!("10:{:02}", i % 60),
                event: event.replace("\\_", "_"),
                ..Default::default()
            });
        }
        let locations: Vec<Location> = (0..130)
            .map(|i| at(&format!("timeline[{i}].event")))
            .chain([at("meta.title"), at("timeline[5].owner")])
            .collect();
        let all = Lines::new(&source).lines_of(&r, &locations);
        let alone: Vec<Option<u32>> = locations.iter().map(|l| line_of(&source, &r, l)).collect();
        assert_eq!(all, alone);
        assert_eq!(all[0], Some(5));
        assert_eq!(all[7], Some(12), "found without its escape");
        assert_eq!(
            all[90],
            Some(9),
            "a repeated text is placed where it first appears"
        );
        assert_eq!(all[119], Some(124));
        assert_eq!(all[125], None, "no such row");
        assert_eq!(all[130], Some(1));
    }

    #[test]
    fn unknown_places_have_no_line() {
        let r = report();
        assert_eq!(line_of(SOURCE, &r, &at("timeline[9].time")), None);
        assert_eq!(line_of(SOURCE, &r, &at("prevention")), None);
        assert_eq!(line_of(SOURCE, &r, &at("root_cause.whys")), None);
    }
}
