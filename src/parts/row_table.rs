//! The one shape every row table has (timeline, action items, whys, sign-off, key/value
//! rows, list fields, extra sections): a keyed list of rows over a store field, each row
//! drawn by its part with move / remove tools, and the part's add buttons below. Row
//! operations write only that field; typing in a cell writes only the cell.

use crate::app::{use_ctx, Ctx};
use crate::controls::cell::{apply, row_tools, text_cell, RowOp};
use hindsight_core::fields::Part;
use hindsight_core::Location;
use leptos::prelude::*;
use reactive_stores::Field;

/// How one row table looks.
#[derive(Clone, Copy)]
pub struct Shape {
    /// `data-path` of the table (`timeline`).
    pub path: &'static str,
    /// Class of the wrapper (`part timeline`).
    pub class: &'static str,
    /// Class of the list of rows (`rows`).
    pub list_class: &'static str,
    /// Class of each row (`row timeline-row`).
    pub row_class: &'static str,
    /// `data-testid` prefix of each row (`timeline-row` → `timeline-row-3`), if any.
    pub row_testid: Option<&'static str>,
    /// What a row is called in the tools' labels ("event": "Remove event 3").
    pub what: &'static str,
    /// The label above the rows, if any.
    pub label: Option<&'static str>,
}

/// The rows of `rows`, each drawn by `row(i)`, then `tools` (the add buttons).
pub fn row_table<T, R, V>(rows: Field<Vec<T>>, shape: Shape, row: R, tools: AnyView) -> AnyView
where
    T: Send + Sync + 'static,
    R: Fn(usize) -> V + Copy + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let ctx = use_ctx();
    // Re-evaluated when any row changes, but only a new length re-renders the list.
    let len = Memo::new(move |_| rows.read().len());
    let on = move |i: usize| move |op: RowOp| ctx.change_in(|| rows.update(|v| apply(v, i, op)));
    view! {
        <div class=shape.class data-path=shape.path>
            {shape.label.map(|l| view! { <span class="label">{l}</span> })}
            <ol class=shape.list_class>
                <For each=move || 0..len.get() key=|i| *i let:i>
                    <li class=shape.row_class data-testid=shape.row_testid.map(|t| format!("{t}-{i}"))>
                        {row(i)}
                        {row_tools(shape.what, i, on(i))}
                    </li>
                </For>
            </ol>
            {tools}
        </div>
    }
    .into_any()
}

/// Adds a row made by `new` (from the rows so far) at the end.
pub fn push<T>(ctx: Ctx, rows: Field<Vec<T>>, new: impl FnOnce(&[T]) -> T)
where
    T: Send + Sync + 'static,
{
    ctx.change_in(|| {
        rows.update(|v| {
            let row = new(v);
            v.push(row);
        })
    });
}

/// The text cell for column `key` of row `i` of `part`, labelled and edited as the core's
/// column table says.
pub fn column(part: Part, i: usize, key: &'static str) -> AnyView {
    let Some(c) = part.column(key) else {
        return ().into_any();
    };
    text_cell(Location::cell(part, i, key), c.label.to_string(), c.kind, None)
}
