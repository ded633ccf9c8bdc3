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

/// A section's review state: nothing in it yet, its errors, its warnings, or complete.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum State {
    /// The review has not run yet.
    Pending,
    /// Every field in it is blank or a placeholder (its errors, if any, say why it matters).
    ToDo {
        errors: usize,
    },
    Errors(usize),
    Warnings(usize),
    Complete,
}

/// The state of a section from the review: empty slots first, then its findings.
pub fn state_of(section: &Section, review: Option<&hindsight_core::Review>) -> State {
    let Some(r) = review else {
        return State::Pending;
    };
    let (e, w) = tally(&r.findings, section);
    if section.slots().all(|s| r.empty.contains(&s)) {
        return State::ToDo { errors: e };
    }
    match (e, w) {
        (0, 0) => State::Complete,
        (0, w) => State::Warnings(w),
        (e, _) => State::Errors(e),
    }
}

/// The small state label after a section title: to do, errors, to review or complete.
pub fn section_state(section: Section) -> impl IntoView {
    let ctx = use_ctx();
    let state = Memo::new(move |_| ctx.review.review.with(|r| state_of(&section, r.as_ref())));
    move || {
        let (class, text) = match state.get() {
            State::Pending => ("section-state", String::new()),
            State::ToDo { errors: 0 } => ("section-state todo", "to do".to_string()),
            State::ToDo { .. } => ("section-state todo err", "to do".to_string()),
            State::Complete => ("section-state ok", "✓ complete".to_string()),
            State::Warnings(w) => ("section-state warn", format!("{w} to review")),
            State::Errors(e) => (
                "section-state err",
                format!("{e} error{}", if e == 1 { "" } else { "s" }),
            ),
        };
        view! { <span class=class data-testid="section-state">{text}</span> }
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
            <h2 tabindex="-1">{section.title} {state}</h2>
            <div class="fields">{items}</div>
        </section>
    }
}
