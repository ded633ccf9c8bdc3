//! Which sections the editor shows for a template, and which report fields each holds:
//! read from the core's template definition, plus "Additional Notes" for content the
//! template has no place for (so switching template never hides anything).

use hindsight_core::fields::{Slot, Text};
use hindsight_core::templates::{self, Block, Template, Value, ADDITIONAL_NOTES};
use hindsight_core::Report;

/// One piece of a section: a sub-heading or a field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Item {
    Sub(&'static str),
    Field(Slot),
}

/// One editor section: a heading and what is under it, in template order.
#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    pub title: String,
    pub items: Vec<Item>,
}

impl Section {
    /// Field paths in this section, for matching findings to sections.
    pub fn paths(&self) -> Vec<&'static str> {
        self.items
            .iter()
            .filter_map(|i| match i {
                Item::Field(s) => Some(s.path()),
                Item::Sub(_) => None,
            })
            .collect()
    }
}

fn block_slots(b: &Block) -> Vec<Slot> {
    match *b {
        Block::Rows { rows, extra, .. } => {
            let mut v: Vec<Slot> = Vec::new();
            for r in rows {
                match r.value {
                    Value::Slot(s) => v.push(s),
                    Value::StartEnd => {
                        v.push(Slot::Text(Text::Start));
                        v.push(Slot::Text(Text::End));
                    }
                }
            }
            v.extend(extra.map(Slot::Part));
            v
        }
        Block::Prose { field, .. } | Block::Labeled { field, .. } => vec![Slot::Text(field)],
        Block::Items { field, .. } => vec![Slot::List(field)],
        Block::Timeline { zone_intro, .. } => {
            let mut v = Vec::new();
            if zone_intro {
                v.push(Slot::Text(Text::Timezone));
            }
            v.push(Slot::Part(hindsight_core::fields::Part::Timeline));
            v
        }
        Block::Whys { .. } => vec![Slot::Part(hindsight_core::fields::Part::Whys)],
        Block::FactorChecklist { .. } => {
            vec![Slot::Part(hindsight_core::fields::Part::FactorChecklist)]
        }
        Block::DetectionChecklist { .. } => vec![Slot::Text(Text::DetectionMethod)],
        Block::ActionItems { .. } => vec![Slot::Part(hindsight_core::fields::Part::ActionItems)],
        Block::SignOff { .. } => vec![Slot::Part(hindsight_core::fields::Part::SignOff)],
        Block::Heading { .. } | Block::Rule | Block::Guidance(_) | Block::Fixed(_) => vec![],
    }
}

/// The editor's sections for a template. Content in slots the template does not place
/// goes to a last "Additional Notes" section.
pub fn sections(template: &Template, report: &Report) -> Vec<Section> {
    let top = template.section_level();
    let mut out: Vec<Section> = vec![Section {
        title: "Details".to_string(),
        items: vec![Item::Field(Slot::Text(Text::Title))],
    }];
    let mut seen: Vec<Slot> = vec![Slot::Text(Text::Title)];
    for b in template.blocks {
        match *b {
            Block::Heading { level, text } if level <= top => out.push(Section {
                title: text.to_string(),
                items: Vec::new(),
            }),
            Block::Heading { text, .. } => {
                if let Some(s) = out.last_mut() {
                    s.items.push(Item::Sub(text));
                }
            }
            _ => {
                for slot in block_slots(b) {
                    if seen.contains(&slot) {
                        continue;
                    }
                    seen.push(slot);
                    if let Some(s) = out.last_mut() {
                        s.items.push(Item::Field(slot));
                    }
                }
            }
        }
    }
    // Sub-headings with nothing under them (before the next sub-heading) are dropped.
    for s in &mut out {
        let items = std::mem::take(&mut s.items);
        for (i, it) in items.iter().enumerate() {
            let keep = match it {
                Item::Sub(_) => matches!(items.get(i + 1), Some(Item::Field(_))),
                Item::Field(_) => true,
            };
            if keep {
                s.items.push(*it);
            }
        }
    }
    out.retain(|s| !s.items.is_empty());
    let orphans: Vec<Item> = Slot::all()
        .filter(|s| !seen.contains(s) && !s.is_empty(report))
        .map(Item::Field)
        .collect();
    if !orphans.is_empty() {
        out.push(Section {
            title: ADDITIONAL_NOTES.to_string(),
            items: orphans,
        });
    }
    out
}

/// The sections for the report's own template (seed 000's when the id is unknown).
pub fn for_report(report: &Report) -> Vec<Section> {
    sections(templates::by_id_or_default(&report.template), report)
}

/// The id of a section's element, for the table of contents and scrolling.
pub fn section_anchor(title: &str) -> String {
    let slug: String = title
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    format!("section-{slug}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_template_places_title_timeline_and_actions() {
        for t in templates::all() {
            let s = sections(t, &Report::new(t.id));
            let all: Vec<&str> = s.iter().flat_map(|s| s.paths()).collect();
            assert!(all.contains(&"meta.title"), "{}", t.id);
            assert!(all.contains(&"timeline"), "{}", t.id);
            assert!(all.contains(&"action_items"), "{}", t.id);
            assert!(s.iter().all(|s| s.title != ADDITIONAL_NOTES), "{}", t.id);
        }
    }

    #[test]
    fn content_without_a_place_shows_under_additional_notes() {
        for t in templates::all() {
            let mut r = Report::new(t.id);
            for slot in Slot::all() {
                if let Slot::Text(x) = slot {
                    *x.get_mut(&mut r) = "x".into();
                }
            }
            let s = sections(t, &r);
            let shown: Vec<&str> = s.iter().flat_map(|s| s.paths()).collect();
            for x in Text::ALL {
                assert!(shown.contains(&x.path()), "{} hides {}", t.id, x.path());
            }
        }
    }
}
