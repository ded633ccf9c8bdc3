//! A list-of-strings field (services, what went well, takeaways…): one input per entry,
//! add, reorder, remove. Log excerpts get text areas.

use super::row_table::{push, row_table, Shape};
use crate::app::use_ctx;
use crate::controls::cell::text_cell;
use hindsight_core::fields::{CellKind, List, ListKind};
use hindsight_core::Location;
use leptos::prelude::*;

#[component]
pub fn ListField(field: List) -> impl IntoView {
    let ctx = use_ctx();
    let rows = field.lens(ctx.report);
    let kind = if field.kind() == ListKind::Log {
        CellKind::Prose
    } else {
        CellKind::Line
    };
    let row = move |i: usize| {
        text_cell(
            Location::item(field, i),
            format!("{} {}", field.label(), i + 1),
            kind,
            None,
        )
    };
    let path = field.path();
    let tools = view! {
        <button type="button" class="add" data-testid=format!("add-{path}")
            on:click=move |_| push(ctx, rows, |_| String::new())>
            "+ Add entry"
        </button>
    }
    .into_any();
    let shape = Shape {
        path,
        class: "field wide list",
        list_class: "list-rows",
        row_class: "list-row",
        row_testid: None,
        what: "entry",
        label: Some(field.label()),
    };
    row_table(rows, shape, row, tools)
}
