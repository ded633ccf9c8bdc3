//! Export in a document's own layout (`MarkdownOptions::template` = `OWN_LAYOUT`): the
//! title, the fields its opening lines held, then every section in the author's order
//! under the author's heading, each holding what the import read from it. What the layout
//! has no place for (a field filled later) goes under "Additional Notes", so nothing is
//! lost; the import reads the result back to the same report and the same layout.

use std::collections::BTreeSet;

use comrak::nodes::NodeValue;

use super::{one_line, Writer};
use crate::fields::{List, Part, Slot, Text, TextKind};
use crate::model::OwnLayout;
use crate::templates::Value;

/// The slot a layout's field path names (`meta.date`, `timeline`).
fn slot_at(path: &str) -> Option<Slot> {
    Slot::all().find(|s| s.path() == path)
}

impl Writer<'_, '_> {
    pub(super) fn own_layout(&self, layout: &OwnLayout, out: &mut Vec<String>) {
        let title = one_line(&self.report.meta.title);
        out.push(self.heading(1, &title));
        let mut placed: BTreeSet<Slot> = BTreeSet::from([Slot::Text(Text::Title)]);
        let mut take = |paths: &[String]| -> Vec<Slot> {
            paths
                .iter()
                .filter_map(|p| slot_at(p))
                .filter(|s| placed.insert(*s))
                .collect()
        };
        let top = take(&layout.top);
        self.own_fields(&top, true, out);
        let extras = &self.report.extra_sections;
        let mut written = vec![false; extras.len()];
        let mut sections = Vec::new();
        for s in &layout.sections {
            let fields = take(&s.fields);
            sections.push((s, fields));
        }
        for (s, fields) in sections {
            let heading = one_line(&s.heading);
            if !heading.is_empty() {
                out.push(self.heading(s.level.clamp(1, 6), &heading));
            }
            self.own_fields(&fields, false, out);
            // What the section had no field for, kept as its own Markdown, stays under it.
            for note in &s.notes {
                let found = (0..extras.len()).find(|&i| !written[i] && extras[i].title == *note);
                if let Some(i) = found {
                    written[i] = true;
                    let body = self.safe_body(&extras[i].body);
                    if !body.is_empty() {
                        out.push(body);
                    }
                }
            }
        }
        let level = self.template.section_level();
        for (_, e) in extras.iter().enumerate().filter(|(i, _)| !written[*i]) {
            let title = one_line(&e.title);
            out.push(self.heading(level, if title.is_empty() { "Notes" } else { &title }));
            let body = self.safe_body(&e.body);
            if !body.is_empty() {
                out.push(body);
            }
        }
        self.unplaced_notes(&placed, out);
    }

    /// A section's fields: one-line values and the report details' lists (services,
    /// responders) first, as `**Label:** value` lines, then everything else in its plain
    /// form.
    fn own_fields(&self, slots: &[Slot], top: bool, out: &mut Vec<String>) {
        let keyed = |slot: Slot| match slot {
            Slot::Text(t) => t.kind() != TextKind::Prose,
            Slot::List(l) => l != List::Logs && (top || l.path().starts_with("meta.")),
            Slot::Part(p) => p == Part::MetaExtra,
        };
        let filled: Vec<Slot> = slots
            .iter()
            .copied()
            .filter(|s| !s.is_empty(self.report))
            .collect();
        let mut lines: Vec<(String, String)> = Vec::new();
        for &slot in filled.iter().filter(|s| keyed(**s)) {
            if slot == Slot::Part(Part::MetaExtra) {
                for kv in &self.report.meta.extra {
                    lines.push((one_line(&kv.key), one_line(&kv.value)));
                }
            } else {
                lines.push((slot.label().to_string(), self.row_value(Value::Slot(slot))));
            }
        }
        self.key_lines(&mut lines, out);
        for &slot in filled.iter().filter(|s| !keyed(**s)) {
            self.slot_body(slot, out);
        }
    }

    /// `**Key:** value` lines as one paragraph.
    fn key_lines(&self, lines: &mut Vec<(String, String)>, out: &mut Vec<String>) {
        if lines.is_empty() {
            return;
        }
        let d = self.doc();
        let p = self.node(NodeValue::Paragraph);
        for (i, (k, v)) in lines.drain(..).enumerate() {
            if i > 0 {
                p.append(self.node(NodeValue::SoftBreak));
            }
            self.strong(p, &format!("{k}:"));
            p.append(self.node(NodeValue::Text(format!(" {v}").into())));
        }
        d.append(p);
        out.push(self.format(d));
    }
}
