//! The editor for the open report: a toolbar (back, title, save state, edit/preview,
//! template, undo, redo), the export bar, a table of contents, every section of the
//! report's template, the author's extra sections, and the review panel.

pub mod export_bar;
pub mod outline;
pub mod preview;
pub mod review_panel;
pub mod section;

use crate::app::use_ctx;
use crate::parts::extra_sections::ExtraSections;
use export_bar::ExportBar;
use hindsight_core::fields::{Part, Slot};
use hindsight_core::model::{
    ContributingFactorsStoreFields, ImpactStoreFields, MetadataStoreFields, ReportStoreFields,
    RootCauseStoreFields, TimelineStoreFields,
};
use hindsight_core::templates;
use leptos::prelude::*;
use outline::{section_anchor, Section};
use preview::Preview;
use review_panel::ReviewPanel;
use section::{section_state, SectionView};
use wasm_bindgen::JsCast;

/// True when the slot holds something. Reads only that slot's store field, so typing
/// elsewhere does not re-run it.
fn slot_filled(ctx: crate::app::Ctx, slot: Slot) -> bool {
    let store = ctx.report;
    match slot {
        Slot::Text(t) => t.lens(store).with(|s| !s.trim().is_empty()),
        Slot::List(l) => l.lens(store).with(|v| !v.is_empty()),
        Slot::Part(p) => match p {
            Part::Timeline => store.timeline().entries().with(|v| !v.is_empty()),
            Part::Whys => store.root_cause().whys().with(|v| !v.is_empty()),
            Part::FactorChecklist => store
                .contributing_factors()
                .checklist()
                .with(|v| !v.is_empty()),
            Part::ActionItems => store.action_items().with(|v| !v.is_empty()),
            Part::SignOff => store.sign_off().with(|v| !v.is_empty()),
            Part::MetaExtra => store.meta().extra().with(|v| !v.is_empty()),
            Part::ImpactExtra => store.impact().extra().with(|v| !v.is_empty()),
        },
    }
}

/// Scrolls the page to the top and puts the cursor in the title.
fn land_at_top() {
    let Some(window) = web_sys::window() else {
        return;
    };
    window.scroll_to_with_x_and_y(0.0, 0.0);
    let title = window
        .document()
        .and_then(|d| d.get_element_by_id("field-meta.title"))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(el) = title {
        let opts = web_sys::FocusOptions::new();
        opts.set_prevent_scroll(true);
        let _ = el.focus_with_options(&opts);
    }
}

#[component]
pub fn Editor() -> impl IntoView {
    let ctx = use_ctx();
    let template_id = Memo::new(move |_| ctx.report.template().get());
    let template = move || templates::by_id_or_default(&template_id.get());
    // The template's own sections change only with the template; "Additional Notes"
    // follows just the slots the template does not place.
    let placed = Memo::new(move |_| outline::placed(template()));
    let orphans = Memo::new(move |_| {
        outline::unplaced(template())
            .into_iter()
            .filter(|s| slot_filled(ctx, *s))
            .collect::<Vec<_>>()
    });
    let sections: Memo<Vec<Section>> = Memo::new(move |_| {
        let mut all = placed.get();
        all.extend(outline::additional_notes(orphans.get()));
        all
    });
    let title = Memo::new(move |_| {
        let t = ctx.report.meta().title().with(|t| t.trim().to_string());
        if t.is_empty() {
            "Untitled post-mortem".to_string()
        } else {
            t
        }
    });
    let save_state = move || ctx.save_state();
    let (previewing, set_previewing) = signal(false);
    // Each report opens at the top with the cursor in its title (and an import's notes,
    // above the form, in view), whatever the page's scroll was before.
    Effect::new(move |_| {
        ctx.open.track();
        set_previewing.set(false);
        request_animation_frame(land_at_top);
    });
    // Printing prints the report as a document (the preview), not the form.
    let before_tab = StoredValue::new(false);
    let before_print = window_event_listener_untyped("beforeprint", move |_| {
        before_tab.set_value(previewing.get_untracked());
        set_previewing.set(true);
    });
    let after_print = window_event_listener_untyped("afterprint", move |_| {
        set_previewing.set(before_tab.get_value());
    });
    on_cleanup(move || {
        before_print.remove();
        after_print.remove();
    });
    let switch = move |ev: leptos::ev::Event| {
        let id = event_target_value(&ev);
        if templates::by_id(&id).is_some() {
            ctx.change(|r| templates::switch_template(r, &id));
        }
    };
    view! {
        <div class="editor">
            <header class="toolbar">
                <button type="button" data-testid="back" on:click=move |_| ctx.close()>"← All reports"</button>
                <h1 class="doc-title" data-testid="doc-title">{title}</h1>
                <span class="save-state" data-testid="save-state">{save_state}</span>
                <span class="spacer"></span>
                <span class="group tabs" role="group" aria-label="View">
                    <button type="button" data-testid="tab-edit" aria-pressed=move || (!previewing.get()).to_string()
                        on:click=move |_| set_previewing.set(false)>"Edit"</button>
                    <button type="button" data-testid="tab-preview" aria-pressed=move || previewing.get().to_string()
                        on:click=move |_| set_previewing.set(true)>"Preview"</button>
                </span>
                <span class="group template-group">
                    <label for="template-select" class="inline-label">"Template"</label>
                    <select id="template-select" data-testid="template-select" on:change=switch>
                        {templates::all().iter().map(|t| {
                            let id = t.id;
                            view! { <option value=id prop:selected=move || template().id == id>{t.name}</option> }
                        }).collect_view()}
                    </select>
                </span>
                <a class="review-jump" href="#review" data-testid="review-jump"
                    on:click=move |_| set_previewing.set(false)>
                    "Review "{move || ctx.review.review.with(|r| r.as_ref().map(|r| format!("{} / 100", r.score)))}
                </a>
                <span class="group">
                    <button type="button" data-testid="undo" title="Undo (Ctrl+Z)"
                        disabled=move || !ctx.can_undo.get()
                        on:click=move |_| ctx.step(false)>"Undo"</button>
                    <button type="button" data-testid="redo" title="Redo (Ctrl+Shift+Z)"
                        disabled=move || !ctx.can_redo.get()
                        on:click=move |_| ctx.step(true)>"Redo"</button>
                </span>
            </header>
            <section class="subbar" aria-label="Export">
                <ExportBar />
            </section>
            <Show when=move || previewing.get()>
                <main class="editor-body preview-body">
                    <Preview />
                </main>
            </Show>
            <div class="editor-body" class:hidden=move || previewing.get()>
                <nav class="toc" aria-label="Sections">
                    <ul>
                        {move || sections.get().into_iter().map(|s| {
                            let href = format!("#{}", section_anchor(&s.title));
                            let title = s.title.clone();
                            let state = section_state(s);
                            view! { <li><a href=href><span>{title}</span>{state}</a></li> }
                        }).collect_view()}
                        <li><a href="#section-extra">"Additional sections"</a></li>
                    </ul>
                </nav>
                <main class="sections">
                    {move || {
                        let t = template();
                        sections.get().into_iter().map(|s| view! { <SectionView section=s template=t /> }).collect_view()
                    }}
                    <ExtraSections />
                </main>
                <aside class="side" id="review" aria-label="Review">
                    <ReviewPanel sections=sections />
                </aside>
            </div>
        </div>
    }
}
