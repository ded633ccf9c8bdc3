//! The Five Whys chain: each level's "because" is offered as the next level's "why".

use super::row_table::{row_table, Rows, Shape};
use crate::app::use_ctx;
use crate::controls::cell::text_cell;
use hindsight_core::fields::{CellKind, Part};
use hindsight_core::model::{ReportStoreFields, RootCauseStoreFields};
use hindsight_core::{Location, Why};
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
    let rows = Rows::new(ctx.report.root_cause().whys().into(), |r| {
        &mut r.root_cause.whys
    });
    let p = Part::Whys;
    let row = move |i: usize| {
        view! {
            {text_cell(Location::cell(p, i, "why"), format!("Why {}", i + 1), CellKind::Prose, None)}
            {text_cell(Location::cell(p, i, "because"), "Because".into(), CellKind::Prose, None)}
        }
    };
    let tools = view! {
        <button type="button" class="add" data-testid="add-why"
            on:click=move |_| rows.push(ctx, |whys| Why {
                why: whys.last().map(|w| next_why(&w.because)).unwrap_or_default(),
                because: String::new(),
            })>
            "+ Add a level"
        </button>
    }
    .into_any();
    let shape = Shape {
        path: "root_cause.whys",
        class: "part whys",
        list_class: "rows",
        row_class: "row why-row",
        row_testid: None,
        what: "why",
        label: Some("Five Whys"),
    };
    row_table(rows, shape, row, tools)
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
