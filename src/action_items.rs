//! Action items: id, action, owner, priority, due date, status, category, horizon, link.

use crate::rows::{self, cell, enum_cell, row_tools, Cell};
use crate::state::use_ctx;
use hindsight_core::templates::{Block, Template};
use hindsight_core::{ActionItem, Category, Horizon, Report};
use leptos::prelude::*;

/// Which text column of an action item a cell edits.
#[derive(Clone, Copy)]
enum Col {
    Id,
    Action,
    Owner,
    Priority,
    Due,
    Status,
    Tracking,
    Description,
    Rationale,
    SuccessCriteria,
}

impl Col {
    fn key(self) -> &'static str {
        match self {
            Col::Id => "id",
            Col::Action => "action",
            Col::Owner => "owner",
            Col::Priority => "priority",
            Col::Due => "due",
            Col::Status => "status",
            Col::Tracking => "tracking",
            Col::Description => "description",
            Col::Rationale => "rationale",
            Col::SuccessCriteria => "success_criteria",
        }
    }
    fn label(self) -> &'static str {
        match self {
            Col::Id => "ID",
            Col::Action => "Action",
            Col::Owner => "Owner",
            Col::Priority => "Priority",
            Col::Due => "Due",
            Col::Status => "Status",
            Col::Tracking => "Link / ticket",
            Col::Description => "Description",
            Col::Rationale => "Rationale",
            Col::SuccessCriteria => "Success criteria",
        }
    }
    fn of(self, a: &mut ActionItem) -> &mut String {
        match self {
            Col::Id => &mut a.id,
            Col::Action => &mut a.action,
            Col::Owner => &mut a.owner,
            Col::Priority => &mut a.priority,
            Col::Due => &mut a.due,
            Col::Status => &mut a.status,
            Col::Tracking => &mut a.tracking,
            Col::Description => &mut a.description,
            Col::Rationale => &mut a.rationale,
            Col::SuccessCriteria => &mut a.success_criteria,
        }
    }
}

fn col_cell(i: usize, col: Col, kind: Cell) -> AnyView {
    cell(
        kind,
        format!("action_items[{i}].{}", col.key()),
        col.label().to_string(),
        move |r: &Report| {
            r.action_items
                .get(i)
                .cloned()
                .map(|mut a| std::mem::take(col.of(&mut a)))
        },
        move |r, v| {
            if let Some(a) = r.action_items.get_mut(i) {
                *col.of(a) = v;
            }
        },
    )
}

#[component]
pub fn ActionItems(template: &'static Template) -> impl IntoView {
    let ctx = use_ctx();
    let len = Memo::new(move |_| ctx.report.read().action_items.len());
    // Per-item description, rationale and success criteria: shown when the template has
    // them (seed 002), or when any item already holds some, so nothing is hidden.
    let template_details = template
        .blocks
        .iter()
        .any(|b| matches!(b, Block::ActionItems { details: true, .. }));
    let details = template_details
        || ctx.report.read_untracked().action_items.iter().any(|a| {
            !(a.description.is_empty() && a.rationale.is_empty() && a.success_criteria.is_empty())
        });
    view! {
        <div class="part actions" data-path="action_items">
            <datalist id="priorities">
                {template.priorities.iter().map(|p| view! { <option value=*p /> }).collect_view()}
            </datalist>
            <datalist id="action-statuses">
                <option value="Open" /><option value="In Progress" /><option value="Done" />
                <option value="Blocked" />
            </datalist>
            <ol class="rows">
                <For each=move || 0..len.get() key=|i| *i let:i>
                    <li class="row action-row" data-testid=format!("action-row-{i}")>
                        {col_cell(i, Col::Id, Cell::Line)}
                        {col_cell(i, Col::Action, Cell::Prose)}
                        {col_cell(i, Col::Owner, Cell::Line)}
                        {col_cell(i, Col::Priority, Cell::Suggest("priorities"))}
                        {col_cell(i, Col::Due, Cell::Date)}
                        {col_cell(i, Col::Status, Cell::Suggest("action-statuses"))}
                        {enum_cell(format!("action_items[{i}].category"), "Category".into(), &Category::ALL, Category::label,
                            move |r| r.action_items.get(i).and_then(|a| a.category),
                            move |r, v| if let Some(a) = r.action_items.get_mut(i) { a.category = v })}
                        {enum_cell(format!("action_items[{i}].horizon"), "Horizon".into(), &Horizon::ALL, Horizon::label,
                            move |r| r.action_items.get(i).and_then(|a| a.horizon),
                            move |r, v| if let Some(a) = r.action_items.get_mut(i) { a.horizon = v })}
                        {col_cell(i, Col::Tracking, Cell::Line)}
                        {details.then(|| view! {
                            <div class="action-details">
                                {col_cell(i, Col::Description, Cell::Prose)}
                                {col_cell(i, Col::Rationale, Cell::Prose)}
                                {col_cell(i, Col::SuccessCriteria, Cell::Prose)}
                            </div>
                        })}
                        {row_tools("action", i, move |op| ctx.change(|r| rows::apply(&mut r.action_items, i, op)))}
                    </li>
                </For>
            </ol>
            <button type="button" class="add" data-testid="add-action"
                on:click=move |_| ctx.change(|r| {
                    let id = (r.action_items.len() + 1).to_string();
                    r.action_items.push(ActionItem { id, status: "Open".into(), ..Default::default() });
                })>
                "+ Add action item"
            </button>
        </div>
    }
}
