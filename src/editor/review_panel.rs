//! The findings panel: readiness score and the core's findings grouped by section; each
//! finding jumps to (scrolls to and focuses) the field it is about.

use super::outline::Section;
use crate::app::use_ctx;
use hindsight_core::validate::Finding;
use hindsight_core::Location;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Scrolls to and focuses the control for `location`, or the nearest enclosing part.
pub fn focus_location(location: &Location) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    for candidate in location.and_parents() {
        let id = format!("field-{candidate}");
        let element = document.get_element_by_id(&id).or_else(|| {
            // A part (`timeline`) has no control of its own: take its first one.
            let selector = format!("[id^=\"field-{candidate}\"]");
            document.query_selector(&selector).ok().flatten()
        });
        if let Some(el) = element.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
            let opts = web_sys::ScrollIntoViewOptions::new();
            opts.set_block(web_sys::ScrollLogicalPosition::Center);
            el.scroll_into_view_with_scroll_into_view_options(&opts);
            let _ = el.focus();
            return;
        }
    }
}

/// Which section title a finding is listed under.
pub fn section_of(sections: &[Section], location: &Location) -> String {
    if let Some(s) = sections.iter().find(|s| s.holds(location)) {
        return s.title.clone();
    }
    if location.place == hindsight_core::location::Place::ExtraSections {
        return "Additional sections".to_string();
    }
    "Whole report".to_string()
}

/// Score band for colouring.
pub fn score_class(score: u8) -> &'static str {
    match score {
        90..=100 => "score good",
        60..=89 => "score fair",
        _ => "score poor",
    }
}

#[component]
pub fn ReviewPanel(#[prop(into)] sections: Signal<Vec<Section>>) -> impl IntoView {
    let ctx = use_ctx();
    let findings = ctx.review.findings;
    let readiness = Memo::new(move |_| {
        ctx.review
            .review
            .with(|r| r.as_ref().map_or(100, |r| r.score))
    });
    let grouped = Memo::new(move |_| {
        let sections = sections.get();
        let mut groups: Vec<(String, Vec<Finding>)> = Vec::new();
        findings.with(|all| {
            for f in all {
                let title = section_of(&sections, &f.location);
                match groups.iter_mut().find(|(t, _)| *t == title) {
                    Some((_, list)) => list.push(f.clone()),
                    None => groups.push((title, vec![f.clone()])),
                }
            }
        });
        // Sections in form order, then the rest.
        let rank = |t: &str| {
            sections
                .iter()
                .position(|s| s.title == t)
                .unwrap_or(usize::MAX)
        };
        groups.sort_by_key(|(t, _)| rank(t));
        groups
    });
    view! {
        <section class="panel findings-panel" aria-labelledby="findings-h">
            <h2 id="findings-h">
                <span>"Review"</span>
                <span class=move || score_class(readiness.get()) data-testid="readiness"
                    title="Readiness score: 100 less points for each finding">
                    {move || format!("{} / 100", readiness.get())}
                </span>
            </h2>
            <Show when=move || findings.with(|f| !f.is_empty())
                fallback=|| view! { <p class="empty" data-testid="no-findings">"Nothing a reviewer would object to."</p> }>
                <div class="findings" data-testid="findings">
                    {move || grouped.get().into_iter().map(|(title, list)| view! {
                        <h3>{title}</h3>
                        {list.into_iter().map(|f| {
                            let location = f.location;
                            let class = format!("finding {}", f.level.name());
                            view! {
                                <button type="button" class=class data-testid="finding"
                                    data-rule=f.rule.clone() data-location=f.location.to_string()
                                    on:click=move |_| focus_location(&location)>
                                    <span class="rule">{format!("{} · {}", f.level.name(), f.rule)}</span>
                                    {f.message.clone()}
                                </button>
                            }
                        }).collect_view()}
                    }).collect_view()}
                </div>
            </Show>
        </section>
    }
}
