//! The timeline table: time (with "Now"), event kind, event, owner; add, remove, reorder
//! and sort rows; Enter in an event adds the next row, pasting several timed lines makes
//! several rows; the metrics computed from it below.

use super::add_events::AddEvents;
use super::metrics_table::MetricsTable;
use super::row_table::{column, row_table, Rows, Shape};
use crate::app::use_ctx;
use crate::controls::cell::choice_cell;
use crate::controls::date_time::now_utc;
use crate::controls::focus::focus_soon;
use chrono::{DateTime, FixedOffset};
use hindsight_core::fields::Part;
use hindsight_core::model::{ReportStoreFields, TimelineEntryStoreFields, TimelineStoreFields};
use hindsight_core::sources::timeline_rows;
use hindsight_core::time::resolve_report_timeline;
use hindsight_core::{EventKind, Location, TimelineEntry};
use leptos::prelude::*;
use reactive_stores::{Field, StoreFieldIterator};
use wasm_bindgen::JsCast;

/// Rows ordered by their resolved time (as the core reads them); rows whose time cannot
/// be read keep their relative order at the end.
pub fn sorted_by_time(
    entries: Vec<TimelineEntry>,
    at: &[Option<DateTime<FixedOffset>>],
) -> Vec<TimelineEntry> {
    let mut keyed: Vec<(Option<DateTime<FixedOffset>>, TimelineEntry)> = entries
        .into_iter()
        .enumerate()
        .map(|(i, e)| (at.get(i).copied().flatten(), e))
        .collect();
    keyed.sort_by_key(|(t, _)| (t.is_none(), *t));
    keyed.into_iter().map(|(_, e)| e).collect()
}

/// Puts pasted rows at row `i`: an empty row `i` takes the first, the rest follow it.
/// Returns the index of the last row placed.
pub fn place_rows(entries: &mut Vec<TimelineEntry>, i: usize, pasted: Vec<TimelineEntry>) -> usize {
    let n = pasted.len();
    let blank = entries.get(i).is_some_and(|e| {
        e.time.trim().is_empty() && e.event.trim().is_empty() && e.owner.trim().is_empty()
    });
    let at = if blank {
        entries.remove(i);
        i
    } else {
        (i + 1).min(entries.len())
    };
    entries.splice(at..at, pasted);
    at + n.saturating_sub(1)
}

/// The timeline cell an event happened in (`timeline[3].event`), from its control's id.
fn cell_of(ev: &leptos::ev::Event) -> Option<(usize, &'static str)> {
    let el: web_sys::Element = ev.target()?.dyn_into().ok()?;
    let at: Location = el.id().strip_prefix("field-")?.parse().ok()?;
    at.is_within(&Location::slot(hindsight_core::fields::Slot::Part(
        Part::Timeline,
    )))
    .then_some(())?;
    Some((at.row?, at.column?))
}

#[component]
pub fn TimelineTable() -> impl IntoView {
    let ctx = use_ctx();
    let rows = Rows::new(ctx.report.timeline().entries().into(), |r| {
        &mut r.timeline.entries
    });
    let p = Part::Timeline;
    let row = move |i: usize| {
        let time: Field<String> = rows.field.at_unkeyed(i).time().into();
        let kind: Field<Option<EventKind>> = rows.field.at_unkeyed(i).kind().into();
        let at = Location::cell(p, i, "time");
        view! {
            <div class="time-cell">
                {column(p, i, "time")}
                <button type="button" class="small" title="Set to the current time (UTC)"
                    aria-label=format!("Set row {} time to now", i + 1)
                    on:click=move |_| ctx.type_text(at, time, now_utc())>"Now"</button>
            </div>
            {choice_cell(Location::cell(p, i, "kind"), "Kind", &EventKind::ALL, EventKind::menu_label, kind,
                move |r, v| if let Some(e) = r.timeline.entries.get_mut(i) { e.kind = v })}
            {column(p, i, "event")}
            {column(p, i, "owner")}
        }
    };
    let tools = view! {
        <div class="part-tools">
            {rows.add_button_focused("add-timeline".into(), "+ Add event", |_| TimelineEntry::default(), (p, "time"))}
            <button type="button" class="add" data-testid="sort-timeline"
                title="Order rows by their time"
                on:click=move |_| ctx.change(|r| {
                    let at = resolve_report_timeline(r).at;
                    let entries = std::mem::take(&mut r.timeline.entries);
                    r.timeline.entries = sorted_by_time(entries, &at);
                })>
                "Sort by time"
            </button>
            <button type="button" class="add" data-testid="add-timeline-now"
                on:click=move |_| {
                    let now = now_utc();
                    let n = rows.field.with_untracked(Vec::len);
                    rows.push(ctx, |_| TimelineEntry { time: now, ..Default::default() });
                    focus_soon(Location::cell(p, n, "event"));
                }>
                "+ Event now"
            </button>
        </div>
        <AddEvents />
        <MetricsTable />
    }
    .into_any();
    let shape = Shape {
        path: "timeline",
        class: "part timeline",
        list_class: "rows",
        row_class: "row timeline-row",
        row_testid: Some("timeline-row"),
        what: "event",
        label: None,
    };
    // Enter in an event starts the next row; several timed lines pasted into any cell
    // become rows (the core's plain-line reader, times kept as typed).
    let keydown = move |ev: leptos::ev::KeyboardEvent| {
        let plain = !(ev.shift_key() || ev.ctrl_key() || ev.alt_key() || ev.meta_key());
        if ev.key() != "Enter" || !plain || ev.is_composing() {
            return;
        }
        let Some((i, "event")) = cell_of(&ev) else {
            return;
        };
        ev.prevent_default();
        rows.edit(ctx, i + 1, |v| {
            v.insert((i + 1).min(v.len()), TimelineEntry::default())
        });
        focus_soon(Location::cell(p, i + 1, "time"));
    };
    let paste = move |ev: leptos::ev::ClipboardEvent| {
        let Some((i, _)) = cell_of(&ev) else {
            return;
        };
        let text = ev
            .clipboard_data()
            .and_then(|d| d.get_data("text/plain").ok())
            .unwrap_or_default();
        let Some(pasted) = timeline_rows(&text) else {
            return;
        };
        ev.prevent_default();
        let mut last = i;
        rows.edit(ctx, i, |v| last = place_rows(v, i, pasted));
        focus_soon(Location::cell(p, last, "event"));
    };
    view! {
        <div class="timeline-entry" on:keydown=keydown on:paste=paste>
            {row_table(rows, shape, row, tools)}
        </div>
    }
    .into_any()
}

#[cfg(test)]
mod tests {
    use super::*;
    use hindsight_core::Report;

    fn entry(time: &str, event: &str) -> TimelineEntry {
        TimelineEntry {
            time: time.into(),
            event: event.into(),
            ..Default::default()
        }
    }

    #[test]
    fn pasted_rows_fill_a_blank_row_or_follow_a_filled_one() {
        let pasted = || vec![entry("09:12", "push"), entry("09:20", "alert")];
        let mut v = vec![
            entry("08:00", "a"),
            TimelineEntry::default(),
            entry("10:00", "b"),
        ];
        assert_eq!(place_rows(&mut v, 1, pasted()), 2);
        let times: Vec<&str> = v.iter().map(|e| e.time.as_str()).collect();
        assert_eq!(times, ["08:00", "09:12", "09:20", "10:00"]);
        let mut v = vec![entry("08:00", "a"), entry("10:00", "b")];
        assert_eq!(place_rows(&mut v, 0, pasted()), 2);
        let times: Vec<&str> = v.iter().map(|e| e.time.as_str()).collect();
        assert_eq!(times, ["08:00", "09:12", "09:20", "10:00"]);
    }

    #[test]
    fn sorts_by_resolved_time_unreadable_last() {
        let mut r = Report::new("000");
        for t in ["14:40", "soon", "14:05", "14:20"] {
            r.timeline.entries.push(TimelineEntry {
                time: t.into(),
                ..Default::default()
            });
        }
        let at = resolve_report_timeline(&r).at;
        let sorted = sorted_by_time(r.timeline.entries.clone(), &at);
        let times: Vec<&str> = sorted.iter().map(|e| e.time.as_str()).collect();
        assert_eq!(times, ["14:05", "14:20", "14:40", "soon"]);
    }
}
