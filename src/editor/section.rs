//! One editor section: its heading with its review state, and the control for each field
//! it holds.

use super::outline::{section_anchor, Item, Section};
use crate::app::use_ctx;
use crate::parts::slot_view;
use hindsight_core::templates::Template;
use hindsight_core::validate::{Finding, Level};
use leptos::prelude::*;

/// Errors and warnings (infos count as warnings) among the findings in a section.
pub fn tally(findings: &[Finding], section: &Section) -> (usize, usize) {
    let mine = findings.iter().filter(|f| section.holds(&f.location));
    mine.fold((0, 0), |(e, w), f| match f.level {
        Level::Error => (e + 1, w),
        _ => (e, w + 1),
    })
}

/// The small state label after a section title: complete, warnings or errors.
pub fn section_state(section: Section) -> impl IntoView {
    let ctx = use_ctx();
    let findings = ctx.review.findings;
    let counts = Memo::new(move |_| findings.with(|f| tally(f, &section)));
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
    let state = section_state(section.clone());
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
