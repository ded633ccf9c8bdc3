//! Action items: rows of one or several tables (Immediate / Short-Term / Long-Term headings
//! give the horizon), plain or checkbox lists, and seed 002's per-item detail blocks
//! (`**AI-1: Title**` followed by Description / Rationale / Success criteria).

use super::blocks::{Grid, Item};
use super::metadata::split_pair;
use super::reader::SectionReader;
use super::sections::norm;
use super::source::unescape;
use super::tables::ActionCols;
use crate::model::{ActionItem, Category, Horizon};
use crate::placeholder::is_unfilled;

impl SectionReader<'_, '_> {
    /// Stores `value` in the item's field `name` unless it is a placeholder (then noted).
    fn item_field(&mut self, idx: usize, name: &str, value: &str, line: Option<u32>) -> String {
        let v = value.trim();
        if is_unfilled(v) {
            self.imp
                .placeholder(&format!("action_items[{idx}].{name}"), v, line);
            return String::new();
        }
        unescape(v)
    }

    pub(super) fn action_table(&mut self, grid: &Grid, cols: &ActionCols, h: Option<Horizon>) {
        for (row, line) in &grid.rows {
            if self.sample_row(row, "action_items", *line) {
                continue;
            }
            let get = |c: Option<usize>| grid.cell(row, c).to_string();
            let action = get(Some(cols.action));
            // Ids and a default "Open" status are template furniture, not content.
            let substantive = (0..row.len())
                .filter(|c| Some(*c) != cols.id && Some(*c) != cols.status)
                .any(|c| {
                    let v = grid.cell(row, Some(c));
                    !v.is_empty() && !is_unfilled(v)
                });
            if !substantive {
                for v in row {
                    if is_unfilled(v) {
                        self.imp.placeholder("action_items", v.trim(), *line);
                    }
                }
                continue;
            }
            let idx = self.imp.report.action_items.len();
            let mut item = ActionItem {
                id: self.item_field(idx, "id", &get(cols.id), *line),
                action: self.item_field(idx, "action", &action, *line),
                owner: self.item_field(idx, "owner", &get(cols.owner), *line),
                priority: self.item_field(idx, "priority", &get(cols.priority), *line),
                due: self.item_field(idx, "due", &get(cols.due), *line),
                status: self.item_field(idx, "status", &get(cols.status), *line),
                tracking: self.item_field(idx, "tracking", &get(cols.tracking), *line),
                description: self.item_field(idx, "description", &get(cols.description), *line),
                horizon: h,
                ..ActionItem::default()
            };
            let cat = get(cols.category);
            if !cat.is_empty() {
                match Category::from_label(&cat) {
                    Some(c) => item.category = Some(c),
                    None => append_line(&mut item.description, &format!("Category: {cat}")),
                }
            }
            let hz = get(cols.horizon);
            if !hz.is_empty() {
                match Horizon::from_label(&hz) {
                    Some(x) => item.horizon = Some(x),
                    None => append_line(&mut item.description, &format!("Horizon: {hz}")),
                }
            }
            for &c in &cols.other {
                let v = grid.cell(row, Some(c));
                if !v.is_empty() && !is_unfilled(v) {
                    let hd = grid.header.get(c).map_or("", |s| s.trim());
                    append_line(&mut item.description, &format!("{hd}: {v}"));
                }
            }
            self.imp.report.action_items.push(item);
        }
    }

    /// A bullet or checkbox list of actions ("- [ ] Add an alert (owner: @ana)").
    pub(super) fn action_list(&mut self, items: &[Item], h: Option<Horizon>) {
        for it in items {
            let text = it.text.trim();
            if text.is_empty() {
                continue;
            }
            if is_unfilled(text) {
                self.imp.placeholder("action_items", text, it.line);
                continue;
            }
            let mut item = ActionItem {
                action: unescape(text),
                horizon: h,
                ..ActionItem::default()
            };
            if it.checked == Some(true) {
                item.status = "Done".to_string();
            }
            self.imp.report.action_items.push(item);
        }
    }

    /// Finds (or creates) the item a `**AI-1: Title**` block describes.
    /// `None` when the block is an unfilled template block with no matching item.
    pub(super) fn detail_item(
        &mut self,
        id: &str,
        title: &str,
        line: Option<u32>,
    ) -> Option<usize> {
        let num: String = id.chars().filter(|c| c.is_ascii_digit()).collect();
        let pos = num.parse::<usize>().ok().and_then(|n| n.checked_sub(1));
        let items = &self.imp.report.action_items;
        let raw = title.trim();
        let t = unescape(raw);
        let t = t.as_str();
        // The exporter numbers detail blocks by position ("AI-3" is the third item); a
        // hand-written document may use the item's own id instead.
        let found = items
            .iter()
            .position(|a| a.id.eq_ignore_ascii_case(id))
            .or_else(|| pos.filter(|&i| items.get(i).is_some_and(|a| a.action == t)))
            .or_else(|| items.iter().position(|a| !a.id.is_empty() && a.id == num))
            .or_else(|| pos.filter(|&i| i < items.len()));
        let idx = match found {
            Some(i) => i,
            None if is_unfilled(raw) || t.is_empty() => {
                self.imp.placeholder("action_items", raw, line);
                return None;
            }
            None => {
                self.imp.report.action_items.push(ActionItem {
                    id: id.to_string(),
                    ..ActionItem::default()
                });
                self.imp.report.action_items.len() - 1
            }
        };
        if is_unfilled(raw) {
            self.imp
                .placeholder(&format!("action_items[{idx}].action"), raw, line);
        } else if !t.is_empty() {
            let item = &mut self.imp.report.action_items[idx];
            if item.action.is_empty() {
                item.action = t.to_string();
            } else if item.action != t {
                self.imp.warn(
                    line,
                    &format!("detail title for {id} differs from the table"),
                );
            }
        }
        Some(idx)
    }

    /// "- Description: …", "- Rationale: …", "- Success criteria: …" under a detail block.
    pub(super) fn detail_list(&mut self, idx: Option<usize>, items: &[Item]) {
        let Some(idx) = idx else {
            for it in items {
                let v = split_pair(&it.text).map_or(it.text.clone(), |p| p.1);
                if is_unfilled(&v) {
                    self.imp.placeholder("action_items", &v, it.line);
                }
            }
            return;
        };
        for it in items {
            let Some((k, v, _)) = split_pair(&it.text) else {
                let cur = self.imp.report.action_items[idx].description.clone();
                let mut d = cur;
                append_line(&mut d, &unescape(it.text.trim()));
                self.imp.report.action_items[idx].description = d;
                continue;
            };
            let v = self.item_field(idx, &norm(&k).replace(' ', "_"), &v, it.line);
            if v.is_empty() {
                continue;
            }
            let item = &mut self.imp.report.action_items[idx];
            let slot = match norm(&k).as_str() {
                "description" | "what" => &mut item.description,
                "rationale" | "why" => &mut item.rationale,
                "success criteria" | "done when" | "definition of done" => {
                    &mut item.success_criteria
                }
                "owner" => &mut item.owner,
                "priority" => &mut item.priority,
                "due" | "due date" | "deadline" => &mut item.due,
                "status" => &mut item.status,
                "tracking" | "ticket" => &mut item.tracking,
                _ => {
                    append_line(&mut item.description, &format!("{k}: {v}"));
                    continue;
                }
            };
            if slot.is_empty() {
                *slot = v;
            } else if *slot != v {
                append_line(slot, &v);
            }
        }
    }
}

fn append_line(s: &mut String, line: &str) {
    if !s.is_empty() {
        s.push('\n');
    }
    s.push_str(line);
}
