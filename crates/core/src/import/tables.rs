//! Tables: telling a metadata/question table from a timeline, an action-item table or a
//! sign-off table by its header, and which column holds what.

use super::sections::norm;

/// What a table holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TableKind {
    /// Key/value rows: key column, value column, optional notes column.
    KeyValue {
        key: usize,
        value: usize,
        notes: Option<usize>,
    },
    Timeline(TimelineCols),
    ActionItems(ActionCols),
    SignOff {
        role: usize,
        name: usize,
        date: Option<usize>,
    },
    Unknown,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TimelineCols {
    pub time: usize,
    pub event: usize,
    pub owner: Option<usize>,
    /// A "Date" column beside the time column: the day of each row's time.
    pub date: Option<usize>,
    /// Other columns, kept by appending them to the event text.
    pub other: Vec<usize>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ActionCols {
    pub id: Option<usize>,
    pub action: usize,
    pub owner: Option<usize>,
    pub priority: Option<usize>,
    pub due: Option<usize>,
    pub status: Option<usize>,
    pub tracking: Option<usize>,
    pub category: Option<usize>,
    pub horizon: Option<usize>,
    pub description: Option<usize>,
    pub other: Vec<usize>,
}

/// Classifies a table by its header cells (as typed).
pub fn classify(header: &[String]) -> TableKind {
    let h: Vec<String> = header.iter().map(|c| norm(c)).collect();
    let find = |names: &[&str]| h.iter().position(|c| names.contains(&c.as_str()));
    let time = find(&[
        "time",
        "timestamp",
        "when",
        "date time",
        "date and time",
        "time utc",
    ]);
    let event = find(&[
        "event",
        "events",
        "what happened",
        "description",
        "action",
        "details",
    ]);
    if let (Some(time), Some(event)) = (time, event) {
        let owner = find(&["owner", "who", "actor", "by", "person"]);
        let date = find(&["date", "day", "date utc"]).filter(|d| *d != time);
        let other = (0..h.len())
            .filter(|i| *i != time && *i != event && Some(*i) != owner && Some(*i) != date)
            .collect();
        return TableKind::Timeline(TimelineCols {
            time,
            event,
            owner,
            date,
            other,
        });
    }
    let action = find(&[
        "action",
        "action item",
        "action items",
        "task",
        "item",
        "what",
        "follow up",
        "follow ups",
        "remediation",
        "corrective action",
        "todo",
        "to do",
    ]);
    let description = find(&["description"]);
    let owner = find(&[
        "owner",
        "owners",
        "assignee",
        "assigned to",
        "dri",
        "who",
        "responsible",
    ]);
    // A tracker's export names the action "Summary" or "Title" beside its assignee.
    let summary = find(&["summary", "title"]).filter(|_| owner.is_some());
    if action.is_some() || summary.is_some() || (description.is_some() && owner.is_some()) {
        let (action, description) = match (action, summary) {
            (Some(a), _) => (a, description),
            (None, Some(s)) => (s, description),
            (None, None) => (description.unwrap_or(0), None),
        };
        let mut cols = ActionCols {
            id: find(&["", "id", "no", "number", "ai", "ref"]),
            action,
            owner,
            priority: find(&["priority", "prio"]),
            due: find(&[
                "due date",
                "due",
                "deadline",
                "target date",
                "eta",
                "by when",
            ]),
            status: find(&["status", "state"]),
            tracking: find(&[
                "tracking",
                "ticket",
                "beads issue",
                "issue",
                "link",
                "tracker",
                "jira",
                "bug",
                "ticket link",
            ]),
            category: find(&["category", "type", "kind"]),
            horizon: find(&["horizon", "timeframe", "term"]),
            description,
            other: Vec::new(),
        };
        let used = [
            cols.id,
            Some(cols.action),
            cols.owner,
            cols.priority,
            cols.due,
            cols.status,
            cols.tracking,
            cols.category,
            cols.horizon,
            cols.description,
        ];
        cols.other = (0..h.len()).filter(|i| !used.contains(&Some(*i))).collect();
        return TableKind::ActionItems(cols);
    }
    let role = find(&["role"]);
    let name = find(&["name", "signed", "signature"]);
    if let (Some(role), Some(name)) = (role, name) {
        return TableKind::SignOff {
            role,
            name,
            date: find(&["date", "signed on"]),
        };
    }
    if h.len() >= 2 {
        let value = find(&["value", "answer", "values", "response", "detail"]);
        let key = find(&[
            "metric", "field", "question", "key", "item", "property", "name",
        ]);
        match (key, value) {
            (Some(key), Some(value)) => {
                let notes = find(&["notes", "note", "comment", "comments"]);
                return TableKind::KeyValue { key, value, notes };
            }
            (None, Some(value)) if value == 1 => {
                return TableKind::KeyValue {
                    key: 0,
                    value,
                    notes: None,
                };
            }
            _ => {}
        }
    }
    TableKind::Unknown
}

/// Splits a time cell's leading time from the event when a list item or cell reads
/// "14:32 UTC - Alert fired" / "**14:32** Alert fired". Returns (time, rest).
pub fn split_time_prefix(text: &str) -> Option<(String, String)> {
    let t = text.trim();
    let (t, bold) = match t.strip_prefix("**") {
        Some(r) => (r, true),
        None => (t, false),
    };
    let mut end = 0;
    let mut saw_clock = false;
    for word in t.split_inclusive(' ') {
        let w = word.trim().trim_end_matches(',');
        let w = w.trim_end_matches("**");
        let is_part = is_clock(w)
            || is_date(w)
            || is_month(w)
            || (w.len() <= 2 && !w.is_empty() && w.chars().all(|c| c.is_ascii_digit()))
            || (saw_clock && is_zone(w));
        if !is_part {
            break;
        }
        saw_clock |= is_clock(w);
        end += word.len();
        if word.trim_end().ends_with("**") {
            break;
        }
    }
    if !saw_clock {
        return None;
    }
    let time = t[..end].trim().trim_end_matches("**").trim().to_string();
    let rest = t[end..].trim_start();
    let rest = if bold {
        rest.trim_start_matches("**").trim_start()
    } else {
        rest
    };
    // Google Docs escapes a separator dash ("14:30 \- Alert fired").
    let rest = rest
        .strip_prefix('\\')
        .filter(|r| r.starts_with(['-', '—', '–', ':', '|']))
        .unwrap_or(rest);
    let rest = rest
        .trim_start_matches(['-', '—', '–', ':', '|', '·', '•'])
        .trim_start();
    Some((time, rest.to_string()))
}

fn is_clock(w: &str) -> bool {
    let parts: Vec<&str> = w.split(':').collect();
    (2..=3).contains(&parts.len())
        && parts
            .iter()
            .all(|p| (1..=2).contains(&p.len()) && p.chars().all(|c| c.is_ascii_digit()))
        || w.eq_ignore_ascii_case("hh:mm")
}

fn is_date(w: &str) -> bool {
    let parts: Vec<&str> = w.split(['-', '/']).collect();
    parts.len() == 3
        && parts
            .iter()
            .all(|p| p.chars().all(|c| c.is_ascii_digit()) && !p.is_empty())
}

fn is_month(w: &str) -> bool {
    const M: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let l = w.to_ascii_lowercase();
    l.len() >= 3
        && M.iter().any(|m| l.starts_with(m))
        && l.chars().all(|c| c.is_ascii_alphabetic() || c == '.')
}

fn is_zone(w: &str) -> bool {
    (2..=5).contains(&w.len()) && w.chars().all(|c| c.is_ascii_uppercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(v: &[&str]) -> Vec<String> {
        v.iter().map(|x| x.to_string()).collect()
    }

    #[test]
    fn classifies_seed_tables() {
        assert!(matches!(
            classify(&s(&["Time", "Event"])),
            TableKind::Timeline(_)
        ));
        match classify(&s(&["Timestamp (UTC)", "Event", "Owner"])) {
            TableKind::Timeline(c) => assert_eq!(c.owner, Some(2)),
            k => panic!("{k:?}"),
        }
        match classify(&s(&[
            "#", "Action", "Owner", "Priority", "Due Date", "Tracking",
        ])) {
            TableKind::ActionItems(c) => {
                assert_eq!(c.id, Some(0));
                assert_eq!(c.tracking, Some(5));
            }
            k => panic!("{k:?}"),
        }
        assert!(matches!(
            classify(&s(&["ID", "Description", "Owner", "Due Date", "Status"])),
            TableKind::ActionItems(ActionCols { action: 1, .. })
        ));
        assert!(matches!(
            classify(&s(&["Role", "Name", "Date"])),
            TableKind::SignOff { .. }
        ));
        assert!(matches!(
            classify(&s(&["Metric", "Value", "Notes"])),
            TableKind::KeyValue { notes: Some(2), .. }
        ));
        assert!(matches!(
            classify(&s(&["Question", "Answer"])),
            TableKind::KeyValue { .. }
        ));
        assert_eq!(classify(&s(&["Region", "Pods"])), TableKind::Unknown);
    }

    #[test]
    fn splits_time_prefixes() {
        assert_eq!(
            split_time_prefix("14:32 UTC - Alert fired"),
            Some(("14:32 UTC".into(), "Alert fired".into()))
        );
        assert_eq!(
            split_time_prefix("**Oct 28 20:37** Pager went off"),
            Some(("Oct 28 20:37".into(), "Pager went off".into()))
        );
        assert_eq!(
            split_time_prefix("2024-01-15 14:30:05 — deploy"),
            Some(("2024-01-15 14:30:05".into(), "deploy".into()))
        );
        assert_eq!(split_time_prefix("Alert fired at 14:32"), None);
    }
}
