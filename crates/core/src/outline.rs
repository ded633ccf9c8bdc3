//! The sections a template shows, as an editor or a reviewer walks them: the title, then
//! each top-level heading with the fields under it (sub-headings kept where fields follow
//! them). The editor draws these; the readiness score counts how many hold something.

use crate::fields::{Slot, Text};
use crate::location::Location;
use crate::templates::{Block, Template};

/// One piece of a section: a sub-heading or a field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Item {
    Sub(&'static str),
    Field(Slot),
}

/// One section: a heading and what is under it, in template order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    pub title: String,
    pub items: Vec<Item>,
}

/// The title of the first section, which holds the report's title.
pub const DETAILS: &str = "Details";

impl Section {
    /// The slots in this section, in order.
    pub fn slots(&self) -> impl Iterator<Item = Slot> + '_ {
        self.items.iter().filter_map(|i| match i {
            Item::Field(s) => Some(*s),
            Item::Sub(_) => None,
        })
    }

    /// Field paths in this section.
    pub fn paths(&self) -> Vec<&'static str> {
        self.slots().map(|s| s.path()).collect()
    }

    /// True when a finding at `at` belongs to this section.
    pub fn holds(&self, at: &Location) -> bool {
        self.slots().any(|s| at.is_within(&Location::slot(s)))
    }
}

/// The sections a template places, in its order (the title first).
pub fn sections(template: &Template) -> Vec<Section> {
    let top = template.section_level();
    let mut out: Vec<Section> = vec![Section {
        title: DETAILS.to_string(),
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
                for slot in b.slots() {
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
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::templates;

    #[test]
    fn every_template_places_title_timeline_and_actions_once() {
        for t in templates::all() {
            let s = sections(t);
            assert_eq!(s[0].title, DETAILS);
            let all: Vec<&str> = s.iter().flat_map(|s| s.paths()).collect();
            for path in ["meta.title", "timeline", "action_items"] {
                assert_eq!(
                    all.iter().filter(|p| **p == path).count(),
                    1,
                    "{} {path}",
                    t.id
                );
            }
            assert!(s.iter().all(|s| s.slots().next().is_some()), "{}", t.id);
        }
    }
}
