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
    let tools = rows.add_button("add-sign_off".into(), "+ Add sign-off", |_| {
        SignOff::default()
    });
    let shape = Shape::new("sign_off", "part sign-off", "row sign-row", "sign-off");
    row_table(rows, shape, row, tools)
}
