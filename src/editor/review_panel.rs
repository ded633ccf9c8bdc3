//! The findings panel: readiness score and the core's findings grouped by section; each
//! finding jumps to (scrolls to and focuses) the field it is about.

use super::outline::Section;
use crate::app::{use_ctx, Ctx};
use hindsight_core::validate::Finding;
use hindsight_core::Location;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// True for a control that holds nothing yet: an empty box or select, an unticked box.
fn is_empty_control(el: &web_sys::Element) -> bool {
    if let Some(input) = el.dyn_ref::<web_sys::HtmlInputElement>() {
        return if input.type_() == "checkbox" {
            !input.checked()
        } else {
            input.value().trim().is_empty()
        };
    }
    if let Some(area) = el.dyn_ref::<web_sys::HtmlTextAreaElement>() {
        return area.value().trim().is_empty();
    }
    if let Some(select) = el.dyn_ref::<web_sys::HtmlSelectElement>() {
        return select.value().is_empty();
    }
    false
}

/// The controls (`id="field-…"`) matching `selector` under `scope`, in page order.
fn controls(scope: &web_sys::Element, selector: &str) -> Vec<web_sys::Element> {
    let Ok(list) = scope.query_selector_all(selector) else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<web_sys::Element>().ok())
        .collect()
}

/// The control a finding at `location` is about: the field itself; for a row, its first
/// empty cell (else its first); for a list or part, its first empty control, else its
/// "add" button (more rows is what it needs), else its first control.
fn target_of(document: &web_sys::Document, location: &Location) -> Option<web_sys::Element> {
    let root = document.document_element()?;
    for candidate in location.and_parents() {
        let id = format!("field-{candidate}");
        if let Some(el) = document.get_element_by_id(&id) {
            return Some(el);
        }
        let (scope, selector) = if candidate.row.is_some() {
            (root.clone(), format!("[id^=\"field-{candidate}.\"]"))
        } else {
            let path = format!("[data-path=\"{candidate}\"]");
            match document.query_selector(&path).ok().flatten() {
                Some(part) => (part, "[id^=\"field-\"]".to_string()),
                None => (root.clone(), format!("[id^=\"field-{candidate}\"]")),
            }
        };
        let found = controls(&scope, &selector);
        if let Some(el) = found.iter().find(|e| is_empty_control(e)) {
            return Some(el.clone());
        }
        if candidate.row.is_none() {
            if let Some(add) = scope.query_selector("button.add").ok().flatten() {
                if !scope.is_same_node(Some(&root)) {
                    return Some(add);
                }
            }
        }
        if let Some(el) = found.into_iter().next() {
            return Some(el);
        }
    }
    None
}

/// Scrolls to and focuses the control for `location` (see `target_of`). A row that a
/// long table has not drawn yet is drawn first: every table draws all its rows, and the
/// jump lands two frames later.
pub fn focus_location(ctx: Ctx, location: &Location) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let partial = document
        .query_selector("[data-partial]")
        .ok()
        .flatten()
        .is_some();
    if location.row.is_some() && partial && !ctx.all_rows.get_untracked() {
        ctx.all_rows.set(true);
        let location = *location;
        request_animation_frame(move || {
            request_animation_frame(move || focus_location(ctx, &location));
        });
        return;
    }
    let target = target_of(&document, location);
    if let Some(el) = target.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let opts = web_sys::ScrollIntoViewOptions::new();
        opts.set_block(web_sys::ScrollLogicalPosition::Center);
        el.scroll_into_view_with_scroll_into_view_options(&opts);
        let _ = el.focus();
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
    let readiness = Memo::new(move |_| ctx.review.review.with(|r| r.as_ref().map(|r| r.score)));
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
                <span class=move || readiness.get().map_or("score", score_class) data-testid="readiness"
                    title="Readiness score: 100 less points for each finding, times the share of sections filled in">
                    {move || readiness.get().map(|s| format!("{s} / 100"))}
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
                                    on:click=move |_| focus_location(ctx, &location)>
                                    <span class="rule">{format!("{} · {}", f.level.name(), f.rule)}</span>
                                    {f.message.clone()}
                                    {f.fix.clone().map(|fix| view! { <span class="fix" data-testid="finding-fix">{fix}</span> })}
                                </button>
                            }
                        }).collect_view()}
                    }).collect_view()}
                </div>
            </Show>
        </section>
    }
}
