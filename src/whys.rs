//! The Five Whys chain: each level's "because" is offered as the next level's "why".

use crate::rows::{self, cell, row_tools, Cell};
use crate::state::use_ctx;
use hindsight_core::Why;
use leptos::prelude::*;

/// The question a new level starts with: the previous answer, asked again.
pub fn next_why(previous_because: &str) -> String {
    let b = previous_because.trim().trim_end_matches('.');
    if b.is_empty() {
        String::new()
    } else {
        format!("Why {b}?")
    }
}

#[component]
pub fn FiveWhys() -> impl IntoView {
    let ctx = use_ctx();
    let len = Memo::new(move |_| ctx.report.read().root_cause.whys.len());
    view! {
        <div class="part whys" data-path="root_cause.whys">
            <span class="label">"Five Whys"</span>
            <ol class="rows">
                <For each=move || 0..len.get() key=|i| *i let:i>
                    <li class="row why-row">
                        {cell(Cell::Prose, format!("root_cause.whys[{i}].why"), format!("Why {}", i + 1),
                            move |r| r.root_cause.whys.get(i).map(|w| w.why.clone()),
                            move |r, v| if let Some(w) = r.root_cause.whys.get_mut(i) { w.why = v })}
                        {cell(Cell::Prose, format!("root_cause.whys[{i}].because"), "Because".into(),
                            move |r| r.root_cause.whys.get(i).map(|w| w.because.clone()),
                            move |r, v| if let Some(w) = r.root_cause.whys.get_mut(i) { w.because = v })}
                        {row_tools("why", i, move |op| ctx.change(|r| rows::apply(&mut r.root_cause.whys, i, op)))}
                    </li>
                </For>
            </ol>
            <button type="button" class="add" data-testid="add-why"
                on:click=move |_| ctx.change(|r| {
                    let why = r.root_cause.whys.last().map(|w| next_why(&w.because)).unwrap_or_default();
                    r.root_cause.whys.push(Why { why, because: String::new() });
                })>
                "+ Add a level"
            </button>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn because_becomes_next_why() {
        assert_eq!(
            next_why("the pool was exhausted."),
            "Why the pool was exhausted?"
        );
        assert_eq!(next_why("  "), "");
    }
}
