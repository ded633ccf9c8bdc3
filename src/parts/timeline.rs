//! The timeline table: time (with "Now"), event kind, event, owner; add, remove, reorder
//! and sort rows; the metrics computed from it below.

use super::add_events::AddEvents;
use super::metrics_table::MetricsTable;
use super::row_table::{column, row_table, Rows, Shape};
use crate::app::use_ctx;
use crate::controls::cell::choice_cell;
use crate::controls::date_time::now_utc;
use chrono::{DateTime, FixedOffset};
use hindsight_core::fields::Part;
use hindsight_core::model::{ReportStoreFields, TimelineEntryStoreFields, TimelineStoreFields};
use hindsight_core::time::resolve_report_timeline;
use hindsight_core::{EventKind, Location, TimelineEntry};
use leptos::prelude::*;
use reactive_stores::{Field, StoreFieldIterator};

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
            {choice_cell(Location::cell(p, i, "kind"), "Kind", &EventKind::ALL, EventKind::label, kind,
                move |r, v| if let Some(e) = r.timeline.entries.get_mut(i) { e.kind = v })}
            {column(p, i, "event")}
            {column(p, i, "owner")}
        }
    };
    let tools = view! {
        <div class="part-tools">
            <button type="button" class="add" data-testid="add-timeline"
                on:click=move |_| rows.push(ctx, |_| TimelineEntry::default())>
                "+ Add event"
            </button>
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
                    rows.push(ctx, |_| TimelineEntry { time: now, ..Default::default() })
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
    row_table(rows, shape, row, tools)
}

#[cfg(test)]
mod tests {
    use super::*;
    use hindsight_core::Report;

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
