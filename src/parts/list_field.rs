//! A list-of-strings field (services, what went well, takeaways…): one input per entry,
//! add, reorder, remove. Log excerpts get text areas.

use super::row_table::{row_table, Rows, Shape};
use crate::app::use_ctx;
use crate::controls::cell::text_cell;
use hindsight_core::fields::{CellKind, List, ListKind};
use hindsight_core::{Location, Report};
use leptos::prelude::*;

/// The report's entries of `field`, as a plain function the row table can keep.
fn list_of(field: List) -> fn(&mut Report) -> &mut Vec<String> {
    macro_rules! of {
        ($($l:ident),*) => {
            match field { $(List::$l => |r: &mut Report| List::$l.get_mut(r),)* }
        };
    }
    of!(
        Services,
        WentWell,
        CouldImprove,
        GotLucky,
        Factors,
        KeyTakeaways,
        ProcessImprovements,
        Questions,
        RelatedIncidents,
        Logs,
        Dashboards,
        References
    )
}

#[component]
pub fn ListField(field: List) -> impl IntoView {
    let ctx = use_ctx();
    // A list field is one of twelve; the core's table knows which (`List::get_mut`).
    let rows = Rows::new(field.lens(ctx.report), list_of(field));
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
    let tools = rows.add_button(format!("add-{path}"), "+ Add entry", |_| String::new());
    let shape = Shape {
        list_class: "list-rows",
        label: Some(field.label()),
        ..Shape::new(path, "field wide list", "list-row", "entry")
    };
    row_table(rows, shape, row, tools)
}
