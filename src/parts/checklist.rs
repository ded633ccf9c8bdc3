//! The categorised contributing-factor checklist: every category as a checkbox, with
//! details for the ones that apply. Entries are made the first time a category is used.

use crate::app::use_ctx;
use crate::controls::bind_value::bind_value;
use hindsight_core::fields::Part;
use hindsight_core::model::{ContributingFactorsStoreFields, ReportStoreFields};
use hindsight_core::{FactorCategory, FactorCheck, Location};
use leptos::prelude::*;
use reactive_stores::Field;

fn entry(list: &mut Vec<FactorCheck>, c: FactorCategory) -> &mut FactorCheck {
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

fn checklist_of(r: &mut hindsight_core::Report) -> &mut Vec<FactorCheck> {
    &mut r.contributing_factors.checklist
}

#[component]
pub fn FactorChecklist() -> impl IntoView {
    let ctx = use_ctx();
    let checklist: Field<Vec<FactorCheck>> = ctx.report.contributing_factors().checklist().into();
    let items = FactorCategory::ALL
        .into_iter()
        .enumerate()
        .map(|(n, c)| {
            let current = Memo::new(move |_| {
                checklist.with(|l| {
                    l.iter()
                        .position(|f| f.category == c)
                        .map(|p| (p, l[p].checked, l[p].detail.clone()))
                })
            });
            let id = format!("field-contributing_factors.checklist[{n}]");
            let detail_id = format!("{id}.detail");
            let type_detail = move |v: String| match current.get_untracked() {
                Some((p, _, _)) => {
                    let at = Location::cell(Part::FactorChecklist, p, "detail");
                    if let Some(lens) = at.lens(ctx.report) {
                        ctx.type_text(at, lens, v);
                    }
                }
                None => ctx.change_rows(checklist, checklist_of, || {
                    ctx.write_quietly(|r| entry(&mut r.contributing_factors.checklist, c).detail = v);
                    checklist.notify();
                }),
            };
            view! {
                <li class="check-row">
                    <input type="checkbox" id=id.clone() data-testid=id.clone()
                        prop:checked=move || current.get().is_some_and(|(_, on, _)| on)
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            ctx.change_rows(checklist, checklist_of, || {
                                ctx.write_quietly(|r| entry(&mut r.contributing_factors.checklist, c).checked = on);
                                checklist.notify();
                            });
                        } />
                    <label for=id>{c.label()}</label>
                    <input type="text" id=detail_id.clone() data-testid=detail_id class="detail"
                        aria-label=format!("{} details", c.label())
                        placeholder="Details"
                        use:bind_value=Signal::derive(move || current.get().map(|(_, _, d)| d).unwrap_or_default())
                        on:input=move |ev| type_detail(event_target_value(&ev)) />
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
