//! Recording a document's own layout while it is imported: which fields the lines above
//! the first section filled, and, for each section in order, its heading and level, the
//! fields it was read into and the extra sections that keep what it had no field for.
//! `crate::markdown`'s own-layout export writes the document back from this record.

use crate::fields::Slot;
use crate::model::{OwnLayout, OwnSection, Report};

/// What every slot held at one moment, to tell afterwards which ones a step filled.
pub(super) struct Mark {
    held: Vec<(Slot, Held)>,
    extras: usize,
}

#[derive(PartialEq)]
enum Held {
    Text(String),
    Rows(usize),
}

fn held(r: &Report, slot: Slot) -> Held {
    match slot {
        Slot::Text(t) => Held::Text(t.get(r).clone()),
        Slot::List(l) => Held::Rows(l.get(r).len()),
        Slot::Part(p) => Held::Rows(p.len(r)),
    }
}

impl Mark {
    pub(super) fn of(r: &Report) -> Mark {
        Mark {
            held: Slot::all().map(|s| (s, held(r, s))).collect(),
            extras: r.extra_sections.len(),
        }
    }

    /// Field paths changed since the mark, in canonical order, and the titles of the
    /// extra sections added since.
    pub(super) fn since(&self, r: &Report) -> (Vec<String>, Vec<String>) {
        let fields = self
            .held
            .iter()
            .filter(|(s, h)| held(r, *s) != *h)
            .map(|(s, _)| s.path().to_string())
            .collect();
        let notes = r
            .extra_sections
            .iter()
            .skip(self.extras)
            .map(|e| e.title.clone())
            .collect();
        (fields, notes)
    }
}

/// Adds what was filled since `mark` to the fields above the first section.
pub(super) fn add_top(layout: &mut OwnLayout, mark: &Mark, r: &Report) {
    let (fields, _) = mark.since(r);
    for f in fields {
        if !layout.top.contains(&f) {
            layout.top.push(f);
        }
    }
}

/// Adds a section with what was filled since `mark`.
pub(super) fn add_section(
    layout: &mut OwnLayout,
    heading: String,
    level: u8,
    mark: &Mark,
    r: &Report,
) {
    let (fields, notes) = mark.since(r);
    layout.sections.push(OwnSection {
        heading,
        level,
        fields,
        notes,
    });
}
