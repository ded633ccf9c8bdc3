//! The timeline table: time, event kind, event, owner; add, remove, reorder rows and a
//! "now" button per row.

use crate::rows::{self, cell, enum_cell, row_tools, Cell};
use crate::state::use_ctx;
use crate::text_field::now_utc;
use hindsight_core::{EventKind, TimelineEntry};
use leptos::prelude::*;

#[component]
pub fn TimelineTable() -> impl IntoView {
    let ctx = use_ctx();
    let len = Memo::new(move |_| ctx.report.read().timeline.entries.len());
    let row = |i: usize| {
        move |r: &hindsight_core::Report| r.timeline.entries.get(i).cloned()
    };
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
                <button type="button" class="add" data-testid="add-timeline-now"
                    on:click=move |_| {
                        let now = now_utc();
                        ctx.change(|r| r.timeline.entries.push(TimelineEntry { time: now, ..Default::default() }))
                    }>
                    "+ Event now"
                </button>
            </div>
        </div>
    }
}
