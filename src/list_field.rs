//! A list-of-strings field (services, what went well, takeaways…): one input per entry,
//! add, reorder, remove.

use crate::rows::{self, cell, row_tools, Cell};
use crate::state::use_ctx;
use hindsight_core::fields::List;
use leptos::prelude::*;

#[component]
pub fn ListField(field: List) -> impl IntoView {
    let ctx = use_ctx();
    let path = field.path();
    let len = Memo::new(move |_| field.get(&ctx.report.read()).len());
    let kind = if matches!(field, List::Logs) {
        Cell::Prose
    } else {
        Cell::Line
    };
    view! {
        <div class="field wide list" data-path=path>
            <span class="label">{field.label()}</span>
            <ol class="list-rows">
                <For each=move || 0..len.get() key=|i| *i let:i>
                    <li class="list-row">
                        {cell(
                            kind,
                            format!("{path}[{i}]"),
                            format!("{} {}", field.label(), i + 1),
                            move |r| field.get(r).get(i).cloned(),
                            move |r, v| {
                                if let Some(s) = field.get_mut(r).get_mut(i) {
                                    *s = v;
                                }
                            },
                        )}
                        {row_tools("entry", i, move |op| ctx.change(|r| rows::apply(field.get_mut(r), i, op)))}
                    </li>
                </For>
            </ol>
            <button type="button" class="add" data-testid=format!("add-{path}")
                on:click=move |_| ctx.change(|r| field.get_mut(r).push(String::new()))>
                "+ Add entry"
            </button>
        </div>
    }
}
