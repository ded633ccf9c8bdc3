//! The section bodies: one component per structured part of the report, all but the
//! checklist drawn by the one generic `row_table`, and `slot_view`, which picks the
//! control for any slot a template places.

pub mod action_items;
pub mod add_events;
pub mod checklist;
pub mod extra_sections;
pub mod list_field;
pub mod metrics_table;
pub mod pairs;
pub mod row_table;
pub mod sign_off;
pub mod timeline;
pub mod timeline_chart;
pub mod whys;

use crate::controls::text_field::TextField;
use action_items::ActionItems;
use checklist::FactorChecklist;
use hindsight_core::fields::{Part, Slot};
use hindsight_core::templates::Template;
use leptos::prelude::*;
use list_field::ListField;
use pairs::KeyValues;
use sign_off::SignOffTable;
use timeline::TimelineTable;
use whys::FiveWhys;

/// The control for one slot of the report.
pub fn slot_view(slot: Slot, template: &'static Template) -> AnyView {
    match slot {
        Slot::Text(t) => view! { <TextField field=t template=template /> }.into_any(),
        Slot::List(l) => view! { <ListField field=l /> }.into_any(),
        Slot::Part(p) => match p {
            Part::Timeline => view! { <TimelineTable /> }.into_any(),
            Part::Whys => view! { <FiveWhys /> }.into_any(),
            Part::FactorChecklist => view! { <FactorChecklist /> }.into_any(),
            Part::ActionItems => view! { <ActionItems template=template /> }.into_any(),
            Part::SignOff => view! { <SignOffTable /> }.into_any(),
            Part::MetaExtra => {
                view! { <KeyValues part=Part::MetaExtra label="Other details" /> }.into_any()
            }
            Part::ImpactExtra => {
                view! { <KeyValues part=Part::ImpactExtra label="Other impact" /> }.into_any()
            }
        },
    }
}
