//! One editor section: its heading and the control for each field it holds.

use crate::action_items::ActionItems;
use crate::factor_checklist::FactorChecklist;
use crate::findings::belongs;
use crate::key_values::{KeyValues, Pairs};
use crate::layout::{section_anchor, Item, Section};
use crate::list_field::ListField;
use crate::sign_off::SignOffTable;
use crate::state::use_ctx;
use crate::text_field::TextField;
use crate::timeline::TimelineTable;
use crate::whys::FiveWhys;
use hindsight_core::fields::{Part, Slot};
use hindsight_core::templates::Template;
use hindsight_core::validate::Level;
use leptos::prelude::*;

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
                view! { <KeyValues pairs=Pairs::Meta label="Other details" /> }.into_any()
            }
            Part::ImpactExtra => {
                view! { <KeyValues pairs=Pairs::Impact label="Other impact" /> }.into_any()
            }
        },
    }
}

/// Errors and warnings (infos count as warnings) among findings in these paths.
pub fn tally(findings: &[hindsight_core::validate::Finding], paths: &[&str]) -> (usize, usize) {
    let mine = findings
        .iter()
        .filter(|f| paths.iter().any(|p| belongs(&f.location, p)));
    mine.fold((0, 0), |(e, w), f| match f.level {
        Level::Error => (e + 1, w),
        _ => (e, w + 1),
    })
}

/// The small state label after a section title: complete, warnings or errors.
pub fn section_state(paths: Vec<&'static str>) -> impl IntoView {
    let ctx = use_ctx();
    let counts = Memo::new(move |_| ctx.live.findings.with(|f| tally(f, &paths)));
    move || {
        let (e, w) = counts.get();
        let (class, text) = match (e, w) {
            (0, 0) => ("section-state ok", "✓ complete".to_string()),
            (0, w) => ("section-state warn", format!("{w} to review")),
            (e, _) => (
                "section-state err",
                format!("{e} error{}", if e == 1 { "" } else { "s" }),
            ),
        };
        view! { <span class=class>{text}</span> }
    }
}

#[component]
pub fn SectionView(section: Section, template: &'static Template) -> impl IntoView {
    let anchor = section_anchor(&section.title);
    let state = section_state(section.paths());
    let items = section
        .items
        .into_iter()
        .map(|it| match it {
            Item::Sub(text) => view! { <h3 class="sub">{text}</h3> }.into_any(),
            Item::Field(s) => slot_view(s, template),
        })
        .collect_view();
    view! {
        <section class="section" id=anchor.clone() data-testid=anchor>
            <h2>{section.title} {state}</h2>
            <div class="fields">{items}</div>
        </section>
    }
}
