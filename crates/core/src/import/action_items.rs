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
            // A tracker cell that also says where the ticket stands: "INFRA-8812 DONE".
            if let (ticket, Some(status)) = split_tracker(&item.tracking) {
                if item.status.is_empty() {
                    item.status = status.to_string();
                    item.tracking = ticket.to_string();
                }
            }
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

    /// A bullet or checkbox list of actions: "- [ ] Add an alert (@ana, due 2024-03-01)",
    /// "- Rotate keys — Owner: SRE team, Due: Friday", with "Owner:" / "Due:" sub-items.
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
            let idx = self.imp.report.action_items.len();
            let said = ItemText::read(text);
            let mut item = ActionItem {
                action: unescape(&said.action),
                horizon: h,
                ..ActionItem::default()
            };
            for (field, value) in said.fields {
                self.set_item_field(&mut item, idx, field, &value, it.line);
            }
            for sub in &it.nested {
                match split_pair(&sub.text).and_then(|(k, v, _)| Some((field_of(&k)?, v))) {
                    Some((field, value)) => {
                        self.set_item_field(&mut item, idx, field, &value, sub.line);
                    }
                    None => append_line(&mut item.description, &unescape(sub.text.trim())),
                }
            }
            if it.checked == Some(true) && item.status.is_empty() {
                item.status = "Done".to_string();
            }
            self.imp.report.action_items.push(item);
        }
    }

    /// Fills one field of a list item, noting a placeholder instead of storing it.
    fn set_item_field(
        &mut self,
        item: &mut ActionItem,
        idx: usize,
        field: Field,
        value: &str,
        line: Option<u32>,
    ) {
        let v = self.item_field(idx, field.name(), value, line);
        if v.is_empty() {
            return;
        }
        let slot = match field {
            Field::Owner => &mut item.owner,
            Field::Due => &mut item.due,
            Field::Tracking => {
                let (ticket, status) = split_tracker(&v);
                if let Some(status) = status {
                    if item.status.is_empty() {
                        item.status = status.to_string();
                    }
                }
                if item.tracking.is_empty() {
                    item.tracking = ticket.to_string();
                }
                return;
            }
            Field::Priority => &mut item.priority,
            Field::Status => &mut item.status,
        };
        if slot.is_empty() {
            *slot = v;
        } else if *slot != v {
            append_line(&mut item.description, &format!("{}: {v}", field.name()));
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

/// An action item field a list item can name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Owner,
    Due,
    Tracking,
    Priority,
    Status,
}

impl Field {
    /// The `ActionItem` field name (placeholder paths).
    fn name(self) -> &'static str {
        match self {
            Field::Owner => "owner",
            Field::Due => "due",
            Field::Tracking => "tracking",
            Field::Priority => "priority",
            Field::Status => "status",
        }
    }
}

/// The field a label names: "Owner", "Assignee", "DRI", "Due", "Target date", "Ticket"…
fn field_of(label: &str) -> Option<Field> {
    let n = norm(label);
    let field = match n.as_str() {
        "owner" | "owners" | "assignee" | "assigned to" | "dri" | "responsible" | "who" => {
            Field::Owner
        }
        "due" | "due date" | "deadline" | "target" | "target date" | "eta" | "by" | "when" => {
            Field::Due
        }
        "ticket" | "link" | "bug" | "issue" | "tracking" | "tracker" | "jira" => Field::Tracking,
        "priority" | "prio" => Field::Priority,
        "status" | "state" => Field::Status,
        _ => return None,
    };
    Some(field)
}

/// What one list item says: the action and the fields it names.
#[derive(Debug, PartialEq, Eq)]
struct ItemText {
    action: String,
    fields: Vec<(Field, String)>,
}

impl ItemText {
    fn read(text: &str) -> ItemText {
        let mut action = text.trim().to_string();
        let mut fields = Vec::new();
        // Labelled fields after the action: "… — Owner: SRE team, Due: 2024-03-01".
        if let Some((at, found)) = labelled_fields(&action) {
            fields.extend(found);
            action.truncate(at);
            let trimmed = action.trim_end_matches([' ', '-', '—', '–', ',', ';', '|', '.']);
            action.truncate(trimmed.len());
        }
        // Trailing "(@alice, due 2024-03-01)" when every part of it is a field.
        if let Some(open) = action.rfind(" (").filter(|_| action.ends_with(')')) {
            let inner = &action[open + 2..action.len() - 1];
            let parts: Option<Vec<(Field, String)>> =
                inner.split([',', ';', '|']).map(paren_part).collect();
            if let Some(parts) = parts.filter(|p| !p.is_empty()) {
                fields.extend(parts);
                action.truncate(open);
            }
        }
        // "@alice: rotate keys" / "rotate keys @alice".
        if !fields.iter().any(|(f, _)| *f == Field::Owner) {
            if let Some((who, rest)) = action.split_once(": ").filter(|(w, _)| is_handle(w)) {
                fields.push((Field::Owner, who.to_string()));
                action = rest.trim().to_string();
            } else if let Some((rest, who)) = action.rsplit_once(' ').filter(|(_, w)| is_handle(w))
            {
                fields.push((Field::Owner, who.to_string()));
                action = rest.trim_end().to_string();
            }
        }
        ItemText { action, fields }
    }
}

/// "@alice", "@sre-team".
fn is_handle(w: &str) -> bool {
    w.strip_prefix('@').is_some_and(|h| {
        !h.is_empty()
            && h.chars()
                .all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.' | '/'))
    })
}

/// One part of a trailing parenthesis: "@alice", "owner: SRE team", "due 2024-03-01",
/// "2024-03-01", "INFRA-12". `None` when the part is not a field (the parenthesis is
/// then the author's prose).
fn paren_part(part: &str) -> Option<(Field, String)> {
    let p = part.trim();
    if is_handle(p) {
        return Some((Field::Owner, p.to_string()));
    }
    if let Some((k, v)) = p.split_once(':') {
        if let Some(f) = field_of(k) {
            return Some((f, v.trim().to_string()));
        }
    }
    if let Some((k, v)) = p.split_once(' ') {
        if let Some(f) = field_of(k).filter(|f| matches!(f, Field::Due | Field::Owner)) {
            return Some((f, v.trim().to_string()));
        }
    }
    if crate::time::parse_date(p).is_some() {
        return Some((Field::Due, p.to_string()));
    }
    // "P1": a priority on its own.
    let b = p.as_bytes();
    if b.len() == 2 && b[0].eq_ignore_ascii_case(&b'p') && b[1].is_ascii_digit() {
        return Some((Field::Priority, p.to_string()));
    }
    if is_ticket(p) {
        return Some((Field::Tracking, p.to_string()));
    }
    None
}

/// Where the first "Label:" of a known field starts after some action text, and every
/// labelled field from there on.
fn labelled_fields(text: &str) -> Option<(usize, Vec<(Field, String)>)> {
    // (label start, value start, field) for each "Owner:" / "**Due:**".
    let mut cuts: Vec<(usize, usize, Field)> = Vec::new();
    for (i, _) in text.match_indices(':') {
        let before = &text[..i];
        let start = before
            .rfind(|c: char| !(c.is_alphanumeric() || c == ' ' || c == '*' || c == '_'))
            .map_or(0, |j| {
                j + before[j..].chars().next().map_or(1, char::len_utf8)
            });
        // The label is the last one or two words before the colon.
        let words: Vec<(usize, &str)> = before[start..]
            .split_inclusive(' ')
            .scan(start, |at, w| {
                let here = *at;
                *at += w.len();
                Some((here, w))
            })
            .collect();
        let mut found = None;
        for take in [2, 1] {
            if words.len() < take {
                continue;
            }
            let from = words[words.len() - take].0;
            let label = before[from..].trim().trim_matches(['*', '_']);
            if let Some(f) = field_of(label) {
                found = Some((from, f));
                break;
            }
        }
        if let Some((from, f)) = found {
            let value_start =
                i + 1 + text[i + 1..].len() - text[i + 1..].trim_start_matches(['*', '_']).len();
            cuts.push((from, value_start, f));
        }
    }
    let first = cuts.first()?;
    if first.0 == 0 {
        return None;
    }
    let mut out = Vec::new();
    for (n, &(_, v, f)) in cuts.iter().enumerate() {
        let end = cuts.get(n + 1).map_or(text.len(), |c| c.0);
        let value = text[v..end]
            .trim()
            .trim_end_matches([',', ';', '|', '.', '*', '_'])
            .trim();
        if !value.is_empty() {
            out.push((f, value.to_string()));
        }
    }
    Some((first.0, out))
}

/// A tracker key: "INFRA-8812", "OPS-12", "#123".
fn is_ticket(w: &str) -> bool {
    if let Some(n) = w.strip_prefix('#') {
        return !n.is_empty() && n.chars().all(|c| c.is_ascii_digit());
    }
    match w.split_once('-') {
        Some((k, n)) => {
            !k.is_empty()
                && k.chars()
                    .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
                && k.chars().next().is_some_and(|c| c.is_ascii_uppercase())
                && !n.is_empty()
                && n.chars().all(|c| c.is_ascii_digit())
        }
        None => false,
    }
}

/// Ticket states a tracker cell may carry after the key.
const TICKET_STATES: &[&str] = &[
    "done",
    "open",
    "closed",
    "in progress",
    "todo",
    "to do",
    "blocked",
    "resolved",
    "fixed",
    "merged",
    "won't fix",
    "wontfix",
];

/// "INFRA-8812 DONE" → ("INFRA-8812", Some("DONE")); anything else is all ticket.
fn split_tracker(cell: &str) -> (&str, Option<&str>) {
    let t = cell.trim();
    if let Some((key, rest)) = t.split_once(' ') {
        let state = rest.trim().trim_matches(['(', ')', '[', ']']).trim();
        if is_ticket(key) && TICKET_STATES.contains(&state.to_lowercase().as_str()) {
            return (key, Some(state));
        }
    }
    (t, None)
}

fn append_line(s: &mut String, line: &str) {
    if !s.is_empty() {
        s.push('\n');
    }
    s.push_str(line);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(t: &str) -> (String, Vec<(Field, String)>) {
        let i = ItemText::read(t);
        (i.action, i.fields)
    }

    #[test]
    fn reads_every_shape_of_list_item() {
        assert_eq!(
            read("Add alert on queue depth (@alice, due 2024-03-01)"),
            (
                "Add alert on queue depth".into(),
                vec![
                    (Field::Owner, "@alice".into()),
                    (Field::Due, "2024-03-01".into())
                ]
            )
        );
        assert_eq!(
            read("Rotate the signing keys — Owner: SRE team, Due: 2024-04-15"),
            (
                "Rotate the signing keys".into(),
                vec![
                    (Field::Owner, "SRE team".into()),
                    (Field::Due, "2024-04-15".into())
                ]
            )
        );
        assert_eq!(
            read("Cap batch size **Assignee:** Ops team **Target date:** Q3 **Ticket:** OPS-9"),
            (
                "Cap batch size".into(),
                vec![
                    (Field::Owner, "Ops team".into()),
                    (Field::Due, "Q3".into()),
                    (Field::Tracking, "OPS-9".into())
                ]
            )
        );
        assert_eq!(
            read("Alert on wait time (@sre-team, due 2024-05-21, P1) — Ticket: API-2207 DONE"),
            (
                "Alert on wait time".into(),
                vec![
                    (Field::Tracking, "API-2207 DONE".into()),
                    (Field::Owner, "@sre-team".into()),
                    (Field::Due, "2024-05-21".into()),
                    (Field::Priority, "P1".into())
                ]
            )
        );
        assert_eq!(
            read("@sre-team: add a canary stage"),
            (
                "add a canary stage".into(),
                vec![(Field::Owner, "@sre-team".into())]
            )
        );
        assert_eq!(
            read("Document the failover (see the runbook)"),
            ("Document the failover (see the runbook)".into(), vec![])
        );
        // A label at the start is not an action with fields.
        assert_eq!(read("Owner: Bob").1, vec![]);
        assert_eq!(read("Email support@example.com about it").1, vec![]);
    }

    #[test]
    fn splits_a_tracker_cell() {
        assert_eq!(
            split_tracker("INFRA-8812 DONE"),
            ("INFRA-8812", Some("DONE"))
        );
        assert_eq!(
            split_tracker("OPS-1 (In progress)"),
            ("OPS-1", Some("In progress"))
        );
        assert_eq!(split_tracker("INFRA-8812"), ("INFRA-8812", None));
        assert_eq!(
            split_tracker("see INFRA-1 done"),
            ("see INFRA-1 done", None)
        );
        assert!(is_ticket("#123") && !is_ticket("v2-3") && !is_ticket("A-"));
    }

    #[test]
    fn imports_list_items_with_their_fields() {
        let md = "# Incident: Cache stampede\n\n## Action items\n\n- [ ] Add alert on X (@alice, due 2024-03-01)\n- [x] Shard the cache — Owner: SRE team, Ticket: INFRA-8812 DONE\n- Warm the cache on deploy\n  - Owner: @platform\n  - Due: 2024-05-01\n  - Because cold starts caused the stampede\n";
        let r = crate::import::parse_markdown(md).report;
        let a = &r.action_items;
        assert_eq!(a.len(), 3);
        assert_eq!(
            (a[0].action.as_str(), a[0].owner.as_str(), a[0].due.as_str()),
            ("Add alert on X", "@alice", "2024-03-01")
        );
        assert_eq!(a[0].status, "");
        assert_eq!(
            (
                a[1].owner.as_str(),
                a[1].tracking.as_str(),
                a[1].status.as_str()
            ),
            ("SRE team", "INFRA-8812", "DONE")
        );
        assert_eq!(
            (a[2].owner.as_str(), a[2].due.as_str()),
            ("@platform", "2024-05-01")
        );
        assert_eq!(a[2].description, "Because cold starts caused the stampede");
    }

    #[test]
    fn imports_tables_with_other_names_and_order() {
        let md = "# Incident: Cache stampede\n\n## Follow-ups\n\n| Deadline | DRI | Follow-up | Bug |\n|---|---|---|---|\n| 2024-03-01 | SRE team | Add a canary stage | INFRA-8812 DONE |\n";
        let r = crate::import::parse_markdown(md).report;
        let a = &r.action_items;
        assert_eq!(a.len(), 1, "{r:?}");
        assert_eq!(a[0].action, "Add a canary stage");
        assert_eq!(a[0].owner, "SRE team");
        assert_eq!(a[0].due, "2024-03-01");
        assert_eq!(
            (a[0].tracking.as_str(), a[0].status.as_str()),
            ("INFRA-8812", "DONE")
        );
    }
}
