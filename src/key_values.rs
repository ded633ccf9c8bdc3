//! Author-added key/value rows (extra metadata, extra impact metrics).

use crate::rows::{self, cell, row_tools, Cell};
use crate::state::use_ctx;
use hindsight_core::{KeyValue, Report};
use leptos::prelude::*;

/// Which key/value list of the report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pairs {
    Meta,
    Impact,
}

impl Pairs {
    fn path(self) -> &'static str {
        match self {
            Pairs::Meta => "meta.extra",
            Pairs::Impact => "impact.extra",
        }
    }
    fn of(self, r: &Report) -> &Vec<KeyValue> {
        match self {
            Pairs::Meta => &r.meta.extra,
            Pairs::Impact => &r.impact.extra,
        }
    }
    fn of_mut(self, r: &mut Report) -> &mut Vec<KeyValue> {
        match self {
            Pairs::Meta => &mut r.meta.extra,
            Pairs::Impact => &mut r.impact.extra,
        }
    }
}

#[component]
pub fn KeyValues(pairs: Pairs, label: &'static str) -> impl IntoView {
    let ctx = use_ctx();
    let path = pairs.path();
    let len = Memo::new(move |_| pairs.of(&ctx.report.read()).len());
    view! {
        <div class="part pairs" data-path=path>
            <span class="label">{label}</span>
            <ol class="rows">
                <For each=move || 0..len.get() key=|i| *i let:i>
                    <li class="row pair-row">
                        {cell(Cell::Line, format!("{path}[{i}].key"), "Name".into(),
                            move |r| pairs.of(r).get(i).map(|p| p.key.clone()),
                            move |r, v| if let Some(p) = pairs.of_mut(r).get_mut(i) { p.key = v })}
                        {cell(Cell::Line, format!("{path}[{i}].value"), "Value".into(),
                            move |r| pairs.of(r).get(i).map(|p| p.value.clone()),
                            move |r, v| if let Some(p) = pairs.of_mut(r).get_mut(i) { p.value = v })}
                        {row_tools("row", i, move |op| ctx.change(|r| rows::apply(pairs.of_mut(r), i, op)))}
                    </li>
                </For>
            </ol>
            <button type="button" class="add" data-testid=format!("add-{path}")
                on:click=move |_| ctx.change(|r| pairs.of_mut(r).push(KeyValue::default()))>
                "+ Add row"
            </button>
        </div>
    }
}
