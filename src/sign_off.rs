//! The sign-off table: role, name, date.

use crate::rows::{self, cell, row_tools, Cell};
use crate::state::use_ctx;
use hindsight_core::SignOff;
use leptos::prelude::*;

#[component]
pub fn SignOffTable() -> impl IntoView {
    let ctx = use_ctx();
    let len = Memo::new(move |_| ctx.report.read().sign_off.len());
    view! {
        <div class="part sign-off" data-path="sign_off">
            <ol class="rows">
                <For each=move || 0..len.get() key=|i| *i let:i>
                    <li class="row sign-row">
                        {cell(Cell::Line, format!("sign_off[{i}].role"), "Role".into(),
                            move |r| r.sign_off.get(i).map(|s| s.role.clone()),
                            move |r, v| if let Some(s) = r.sign_off.get_mut(i) { s.role = v })}
                        {cell(Cell::Line, format!("sign_off[{i}].name"), "Name".into(),
                            move |r| r.sign_off.get(i).map(|s| s.name.clone()),
                            move |r, v| if let Some(s) = r.sign_off.get_mut(i) { s.name = v })}
                        {cell(Cell::Date, format!("sign_off[{i}].date"), "Date".into(),
                            move |r| r.sign_off.get(i).map(|s| s.date.clone()),
                            move |r, v| if let Some(s) = r.sign_off.get_mut(i) { s.date = v })}
                        {row_tools("sign-off", i, move |op| ctx.change(|r| rows::apply(&mut r.sign_off, i, op)))}
                    </li>
                </For>
            </ol>
            <button type="button" class="add" data-testid="add-sign_off"
                on:click=move |_| ctx.change(|r| r.sign_off.push(SignOff::default()))>
                "+ Add sign-off"
            </button>
        </div>
    }
}
