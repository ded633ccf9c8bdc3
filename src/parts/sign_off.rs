//! The sign-off table: role, name, date.

use super::row_table::{column, row_table, Rows, Shape};
use crate::app::use_ctx;
use hindsight_core::fields::Part;
use hindsight_core::model::ReportStoreFields;
use hindsight_core::SignOff;
use leptos::prelude::*;

#[component]
pub fn SignOffTable() -> impl IntoView {
    let ctx = use_ctx();
    let rows = Rows::new(ctx.report.sign_off().into(), |r| &mut r.sign_off);
    let p = Part::SignOff;
    let row = move |i: usize| {
        p.columns()
            .iter()
            .map(|c| column(p, i, c.key))
            .collect_view()
    };
    let tools = view! {
        <button type="button" class="add" data-testid="add-sign_off"
            on:click=move |_| rows.push(ctx, |_| SignOff::default())>
            "+ Add sign-off"
        </button>
    }
    .into_any();
    let shape = Shape {
        path: "sign_off",
        class: "part sign-off",
        list_class: "rows",
        row_class: "row sign-row",
        row_testid: None,
        what: "sign-off",
        label: None,
    };
    row_table(rows, shape, row, tools)
}
