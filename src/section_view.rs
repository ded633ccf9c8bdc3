//! One editor section: its heading and the control for each field it holds.

use crate::action_items::ActionItems;
use crate::extra_sections::ExtraSections;
use crate::factor_checklist::FactorChecklist;
use crate::key_values::{KeyValues, Pairs};
use crate::layout::{section_anchor, Section};
use crate::list_field::ListField;
use crate::sign_off::SignOffTable;
use crate::text_field::TextField;
use crate::timeline::TimelineTable;
use crate::whys::FiveWhys;
use hindsight_core::fields::{Part, Slot};
use hindsight_core::severity::Scale;
use leptos::prelude::*;

/// The control for one slot of the report.
pub fn slot_view(slot: Slot, scale: Scale) -> AnyView {
    match slot {
        Slot::Text(t) => view! { <TextField field=t scale=scale /> }.into_any(),
        Slot::List(l) => view! { <ListField field=l /> }.into_any(),
        Slot::Part(p) => match p {
            Part::Timeline => view! { <TimelineTable /> }.into_any(),
            Part::Whys => view! { <FiveWhys /> }.into_any(),
            Part::FactorChecklist => view! { <FactorChecklist /> }.into_any(),
            Part::ActionItems => view! { <ActionItems /> }.into_any(),
            Part::SignOff => view! { <SignOffTable /> }.into_any(),
            Part::MetaExtra => view! { <KeyValues pairs=Pairs::Meta label="Other details" /> }.into_any(),
            Part::ImpactExtra => view! { <KeyValues pairs=Pairs::Impact label="Other impact" /> }.into_any(),
        },
    }
}

#[component]
pub fn SectionView(section: Section, scale: Scale) -> impl IntoView {
    let anchor = section_anchor(&section.title);
    let paths: Vec<&'static str> = section.slots.iter().map(|s| s.path()).collect();
    let fields = section
        .slots
        .into_iter()
        .map(|s| slot_view(s, scale))
        .collect_view();
    view! {
        <section class="section" id=anchor.clone() data-testid=anchor data-paths=paths.join(" ")>
            <h2>{section.title}</h2>
            <div class="fields">{fields}</div>
        </section>
    }
}

/// Author-added sections, always last.
#[component]
pub fn Extras() -> impl IntoView {
    view! { <ExtraSections /> }
}
