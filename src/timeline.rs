//! The timeline table: time, event kind, event, owner; add, remove, reorder rows and a
//! "now" button per row.

use crate::metrics_table::MetricsTable;
use crate::rows::{self, cell, enum_cell, row_tools, Cell};
use crate::state::use_ctx;
use crate::text_field::now_utc;
use chrono::{DateTime, FixedOffset};
use hindsight_core::time::resolve_report_timeline;
use hindsight_core::{EventKind, TimelineEntry};

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
use leptos::prelude::*;

#[component]
pub fn TimelineTable() -> impl IntoView {
    let ctx = use_ctx();
    let len = Memo::new(move |_| ctx.report.read().timeline.entries.len());
    let row = |i: usize| move |r: &hindsight_core::Report| r.timeline.entries.get(i).cloned();
    view! {
        <div class="part timeline" data-path="timeline">
            <ol class="rows">
                <For each=move || 0..len.get() key=|i| *i let:i>
                    <li class="row timeline-row" data-testid=format!("timeline-row-{i}")>
                        <div class="time-cell">
                            {cell(Cell::Line, format!("timeline[{i}].time"), "Time".into(),
                                move |r| row(i)(r).map(|e| e.time),
                                move |r, v| if let Some(e) = r.timeline.entries.get_mut(i) { e.time = v })}
                            <button type="button" class="small" title="Set to the current time (UTC)"
                                aria-label=format!("Set row {} time to now", i + 1)
                                on:click=move |_| {
                                    let now = now_utc();
                                    ctx.change(|r| if let Some(e) = r.timeline.entries.get_mut(i) { e.time = now });
                                }>"Now"</button>
                        </div>
                        {enum_cell(format!("timeline[{i}].kind"), "Kind".into(), &EventKind::ALL, EventKind::label,
                            move |r| row(i)(r).and_then(|e| e.kind),
                            move |r, v| if let Some(e) = r.timeline.entries.get_mut(i) { e.kind = v })}
                        {cell(Cell::Prose, format!("timeline[{i}].event"), "Event".into(),
                            move |r| row(i)(r).map(|e| e.event),
                            move |r, v| if let Some(e) = r.timeline.entries.get_mut(i) { e.event = v })}
                        {cell(Cell::Line, format!("timeline[{i}].owner"), "Owner".into(),
                            move |r| row(i)(r).map(|e| e.owner),
                            move |r, v| if let Some(e) = r.timeline.entries.get_mut(i) { e.owner = v })}
                        {row_tools("event", i, move |op| ctx.change(|r| rows::apply(&mut r.timeline.entries, i, op)))}
                    </li>
                </For>
            </ol>
            <div class="part-tools">
                <button type="button" class="add" data-testid="add-timeline"
                    on:click=move |_| ctx.change(|r| r.timeline.entries.push(TimelineEntry::default()))>
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
                        ctx.change(|r| r.timeline.entries.push(TimelineEntry { time: now, ..Default::default() }))
                    }>
                    "+ Event now"
                </button>
            </div>
            <MetricsTable />
        </div>
    }
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
