//! Timeline rows, from a table (Time | Event | Owner | …) or a list ("14:32 UTC — Alert
//! fired"): time as typed, the event kind read from a bold prefix ("**Detection**: …").

use super::blocks::{Grid, Item};
use super::reader::SectionReader;
use super::source::unescape;
use super::tables::{split_time_prefix, TimelineCols};
use crate::model::{EventKind, TimelineEntry};
use crate::placeholder::is_unfilled;
use crate::time::{parse_stamp, DatePart};

/// "**Detection**: text" / "**Detection:** text" → (kind, text).
pub fn split_kind(event: &str) -> (Option<EventKind>, String) {
    let t = event.trim();
    if let Some(rest) = t.strip_prefix("**") {
        if let Some(end) = rest.find("**") {
            let label = &rest[..end];
            let after = rest[end + 2..].trim_start();
            let (label, after) = match label.trim_end().strip_suffix(':') {
                Some(l) => (l, Some(after)),
                None => (label, after.strip_prefix(':')),
            };
            if let (Some(kind), Some(after)) = (EventKind::from_label(label), after) {
                return (Some(kind), after.trim().to_string());
            }
        }
    }
    (None, t.to_string())
}

impl SectionReader<'_, '_> {
    fn push_entry(&mut self, time: &str, event: &str, owner: &str, line: Option<u32>) {
        let idx = self.imp.report.timeline.entries.len();
        let t_ph = is_unfilled(time);
        let e_ph = is_unfilled(event);
        let o_ph = is_unfilled(owner);
        let (kind, text) = split_kind(event);
        // Without a kind label the text is the event itself.
        let text_ph = if kind.is_some() {
            is_unfilled(&text)
        } else {
            e_ph
        };
        let t_empty = time.is_empty() || t_ph;
        let e_empty = text.is_empty() || text_ph;
        let o_empty = owner.is_empty() || o_ph;
        if t_empty && e_empty && o_empty && (kind.is_none() || e_ph) {
            for (v, ph) in [(time, t_ph), (event, e_ph), (owner, o_ph)] {
                if ph {
                    self.imp.placeholder("timeline", v, line);
                }
            }
            return;
        }
        let mut entry = TimelineEntry {
            time: unescape(time),
            event: unescape(&text),
            owner: unescape(owner),
            kind,
        };
        if t_ph {
            self.imp
                .placeholder(&format!("timeline[{idx}].time"), time, line);
            entry.time.clear();
        }
        if e_ph || text_ph {
            self.imp
                .placeholder(&format!("timeline[{idx}].event"), &entry.event, line);
            entry.event.clear();
        }
        if o_ph {
            self.imp
                .placeholder(&format!("timeline[{idx}].owner"), owner, line);
            entry.owner.clear();
        }
        self.imp.report.timeline.entries.push(entry);
    }

    pub(super) fn timeline_table(&mut self, grid: &Grid, cols: &TimelineCols) {
        for (row, line) in &grid.rows {
            if self.sample_row(row, "timeline", *line) {
                continue;
            }
            let time = grid.cell(row, Some(cols.time)).to_string();
            // "| 2022-02-14 | 13:00:00 | …": the date column dates a time-only cell.
            let day = grid.cell(row, cols.date);
            let time_only = parse_stamp(&time).is_some_and(|s| s.date == DatePart::None);
            let time = if time_only && super::blocks::timeline_day(day).is_some() {
                format!("{} {time}", unescape(day))
            } else {
                time
            };
            let mut event = grid.cell(row, Some(cols.event)).to_string();
            let owner = grid.cell(row, cols.owner).to_string();
            for &c in &cols.other {
                let v = grid.cell(row, Some(c));
                if !v.is_empty() && !is_unfilled(v) {
                    let h = grid.header.get(c).map_or("", |s| s.trim());
                    event.push_str(&format!(" ({h}: {v})"));
                }
            }
            self.push_entry(&time, &event, &owner, *line);
        }
        if !cols.other.is_empty() {
            self.imp.warn(
                grid.rows.first().and_then(|r| r.1),
                "extra timeline columns were appended to the event text",
            );
        }
    }

    pub(super) fn timeline_list(&mut self, items: &[Item]) {
        for it in items {
            // "- **2023-03-09**" with the day's rows nested under it.
            if let Some(day) = super::blocks::timeline_day(it.text.trim()) {
                self.day = Some(day);
                self.timeline_list(&it.nested);
                continue;
            }
            match split_time_prefix(&it.text) {
                Some((time, rest)) => {
                    let time = self.on_day(time);
                    self.push_entry(&time, &rest, "", it.line);
                }
                None => self.push_entry("", &it.text, "", it.line),
            }
        }
    }

    /// A time-only row under a date line carries that date.
    fn on_day(&self, time: String) -> String {
        let time_only = parse_stamp(&time).is_some_and(|s| s.date == DatePart::None);
        match &self.day {
            Some(day) if time_only => format!("{day} {time}"),
            _ => time,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_rows_under_a_bold_date_line() {
        let md = "# Incident: Queue stall\n\n## Timeline\n\n**2023-03-09**\n\n- 23:40 – Queue depth alert\n- 23:55 – Consumers restarted\n\n**2023-03-10**\n\n* **00:20** Backlog drained\n- Impact started at: 2023-03-09 23:31\n";
        let r = crate::import::parse_markdown(md).report;
        let t: Vec<(&str, &str)> = r
            .timeline
            .entries
            .iter()
            .map(|e| (e.time.as_str(), e.event.as_str()))
            .collect();
        assert_eq!(
            t,
            [
                ("2023-03-09 23:40", "Queue depth alert"),
                ("2023-03-09 23:55", "Consumers restarted"),
                ("2023-03-10 00:20", "Backlog drained"),
            ]
        );
        assert_eq!(r.meta.start, "2023-03-09 23:31");
        let nested = "# Incident: Queue stall\n\n## Key events\n\n- **2023-03-09**\n  - 23:40 – Queue depth alert\n- **2023-03-10**\n  - 00:20 – Backlog drained\n";
        let r = crate::import::parse_markdown(nested).report;
        let times: Vec<&str> = r.timeline.entries.iter().map(|e| e.time.as_str()).collect();
        assert_eq!(times, ["2023-03-09 23:40", "2023-03-10 00:20"]);
    }

    #[test]
    fn reads_bold_kind_prefixes() {
        assert_eq!(
            split_kind("**Detection**: pager fired"),
            (Some(EventKind::Detected), "pager fired".into())
        );
        assert_eq!(
            split_kind("**Mitigation:** rolled back"),
            (Some(EventKind::Mitigated), "rolled back".into())
        );
        assert_eq!(split_kind("**Big** news"), (None, "**Big** news".into()));
        assert_eq!(split_kind("plain"), (None, "plain".into()));
    }
}
