//! Action items: every column the core's table names (id, action, owner, priority, due,
//! status, category, horizon, link, and the detail columns where the template has them),
//! then the tracker tools (Jira CSV, CSV, task list, GitHub issue links, ticket URLs).

use super::row_table::{row_table, Rows, Shape};
use crate::app::use_ctx;
use crate::controls::cell::{choice_cell, text_cell};
use hindsight_core::fields::{CellKind, Column, Part};
use hindsight_core::model::{ActionItemStoreFields, ReportStoreFields};
use hindsight_core::templates::{Block, Template};
use hindsight_core::{ActionItem, Category, Horizon, Location};
use leptos::prelude::*;
use reactive_stores::{Field, StoreFieldIterator};

/// Statuses offered as suggestions (any text is kept as typed).
const STATUSES: [&str; 4] = ["Open", "In Progress", "Done", "Blocked"];
/// Columns shown only when the template has per-item details (seed 002).
const DETAILS: [&str; 3] = ["description", "rationale", "success_criteria"];

fn cell(i: usize, key: &'static str) -> AnyView {
    let p = Part::ActionItems;
    let Some(c) = p.column(key) else {
        return ().into_any();
    };
    let list = match c.kind {
        CellKind::Priority => Some("priorities"),
        CellKind::Status => Some("action-statuses"),
        _ => None,
    };
    text_cell(Location::cell(p, i, key), c.label.to_string(), c.kind, list)
}

/// A column of item `i` picked from `all`; `slot` reaches its value in the item.
fn item_choice<T>(
    i: usize,
    c: &Column,
    all: &'static [T],
    name: fn(T) -> &'static str,
    lens: Field<Option<T>>,
    slot: fn(&mut ActionItem) -> &mut Option<T>,
) -> AnyView
where
    T: Copy + PartialEq + Send + Sync + 'static,
{
    let at = Location::cell(Part::ActionItems, i, c.key);
    choice_cell(at, c.label, all, name, lens, move |r, v| {
        if let Some(a) = r.action_items.get_mut(i) {
            *slot(a) = v;
        }
    })
}

#[component]
pub fn ActionItems(template: &'static Template) -> impl IntoView {
    let ctx = use_ctx();
    let rows = Rows::new(ctx.report.action_items().into(), |r| &mut r.action_items);
    // Per-item description, rationale and success criteria: shown when the template has
    // them (seed 002), or when any item already holds some, so nothing is hidden.
    let template_details = template
        .blocks
        .iter()
        .any(|b| matches!(b, Block::ActionItems { details: true, .. }));
    let details = template_details
        || rows.field.with_untracked(|items| {
            items.iter().any(|a| {
                !(a.description.is_empty()
                    && a.rationale.is_empty()
                    && a.success_criteria.is_empty())
            })
        });
    let p = Part::ActionItems;
    let row = move |i: usize| {
        let category: Field<Option<Category>> = rows.field.at_unkeyed(i).category().into();
        let horizon: Field<Option<Horizon>> = rows.field.at_unkeyed(i).horizon().into();
        let plain: Vec<AnyView> = p
            .columns()
            .iter()
            .filter(|c| !DETAILS.contains(&c.key))
            .map(|c| match c.kind {
                CellKind::Category => {
                    item_choice(i, c, &Category::ALL, Category::label, category, |a| {
                        &mut a.category
                    })
                }
                CellKind::Horizon => {
                    item_choice(i, c, &Horizon::ALL, Horizon::label, horizon, |a| {
                        &mut a.horizon
                    })
                }
                _ => cell(i, c.key),
            })
            .collect();
        view! {
            {plain}
            {details.then(|| view! {
                <div class="action-details">
                    {DETAILS.iter().map(|k| cell(i, k)).collect_view()}
                </div>
            })}
        }
    };
    let tools = rows.add_button("add-action".into(), "+ Add action item", |items| {
        ActionItem {
            id: (items.len() + 1).to_string(),
            status: "Open".into(),
            ..Default::default()
        }
    });
    let shape = Shape {
        row_testid: Some("action-row"),
        ..Shape::new("action_items", "part actions", "row action-row", "action")
    };
    view! {
        <datalist id="priorities">
            {template.priorities.iter().map(|p| view! { <option value=*p /> }).collect_view()}
        </datalist>
        <datalist id="action-statuses">
            {STATUSES.iter().map(|s| view! { <option value=*s /> }).collect_view()}
        </datalist>
        {row_table(rows, shape, row, tools)}
        <crate::handoff::tracker::Tracker />
    }
}
