//! The categorised contributing-factor checklist: every category as a checkbox, with
//! details for the ones that apply.

use crate::bind_value::bind_value;
use crate::state::use_ctx;
use hindsight_core::{FactorCategory, FactorCheck, Report};
use leptos::prelude::*;

fn entry(r: &mut Report, c: FactorCategory) -> &mut FactorCheck {
    let list = &mut r.contributing_factors.checklist;
    let pos = match list.iter().position(|f| f.category == c) {
        Some(p) => p,
        None => {
            list.push(FactorCheck {
                category: c,
                checked: false,
                detail: String::new(),
            });
            list.len() - 1
        }
    };
    &mut list[pos]
}

#[component]
pub fn FactorChecklist() -> impl IntoView {
    let ctx = use_ctx();
    let items = FactorCategory::ALL
        .into_iter()
        .enumerate()
        .map(|(n, c)| {
            let current = Signal::derive(move || {
                ctx.epoch.track();
                ctx.report
                    .read_untracked()
                    .contributing_factors
                    .checklist
                    .iter()
                    .find(|f| f.category == c)
                    .map(|f| (f.checked, f.detail.clone()))
                    .unwrap_or_default()
            });
            let id = format!("field-contributing_factors.checklist[{n}]");
            let detail_id = format!("{id}.detail");
            view! {
                <li class="check-row">
                    <input type="checkbox" id=id.clone() data-testid=id.clone()
                        prop:checked=move || current.get().0
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            ctx.report.update(|r| entry(r, c).checked = on);
                        } />
                    <label for=id>{c.label()}</label>
                    <input type="text" id=detail_id.clone() data-testid=detail_id class="detail"
                        aria-label=format!("{} details", c.label())
                        placeholder="Details"
                        use:bind_value=Signal::derive(move || current.get().1)
                        on:input=move |ev| {
                            let v = event_target_value(&ev);
                            ctx.report.update(|r| entry(r, c).detail = v);
                        } />
                </li>
            }
        })
        .collect_view();
    view! {
        <div class="part checklist" data-path="contributing_factors.checklist">
            <span class="label">"Contributing Factor Checklist"</span>
            <ul class="checks">{items}</ul>
        </div>
    }
}
