//! The editor for the open report: a toolbar (back, template, undo, redo), a table of
//! contents, every section of the report's template, and the author's extra sections.

use crate::export_bar::ExportBar;
use crate::extra_sections::ExtraSections;
use crate::findings_panel::FindingsPanel;
use crate::layout::{self, section_anchor};
use crate::preview::Preview;
use crate::section_view::section_state;
use crate::section_view::SectionView;
use crate::state::use_ctx;
use hindsight_core::templates;
use leptos::prelude::*;

#[component]
pub fn Editor() -> impl IntoView {
    let ctx = use_ctx();
    let template_id = Memo::new(move |_| ctx.report.read().template.clone());
    let template = Memo::new(move |_| templates::by_id_or_default(&template_id.get()).id);
    // Recomputed on every edit, but equal results do not re-render the form.
    let sections = Memo::new(move |_| layout::for_report(&ctx.report.read()));
    let title = Memo::new(move |_| {
        let t = ctx.report.read().meta.title.trim().to_string();
        if t.is_empty() {
            "Untitled post-mortem".to_string()
        } else {
            t
        }
    });
    let (previewing, set_previewing) = signal(false);
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
                <span class="save-state" data-testid="save-state">
                    {move || if ctx.unsaved.get() { "Saving…" } else { "Saved" }}
                </span>
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
                            view! { <option value=id selected=move || template.get() == id>{t.name}</option> }
                        }).collect_view()}
                    </select>
                </span>
                <span class="group">
                    <button type="button" data-testid="undo" title="Undo (Ctrl+Z)" on:click=move |_| ctx.step(false)>"Undo"</button>
                    <button type="button" data-testid="redo" title="Redo (Ctrl+Shift+Z)" on:click=move |_| ctx.step(true)>"Redo"</button>
                </span>
            </header>
            <div class="subbar">
                <ExportBar />
            </div>
            <Show when=move || previewing.get()>
                <div class="editor-body preview-body">
                    <Preview />
                </div>
            </Show>
            <div class="editor-body" class:hidden=move || previewing.get()>
                <nav class="toc" aria-label="Sections">
                    <ul>
                        {move || sections.get().into_iter().map(|s| {
                            let href = format!("#{}", section_anchor(&s.title));
                            let state = section_state(s.paths());
                            view! { <li><a href=href><span>{s.title}</span>{state}</a></li> }
                        }).collect_view()}
                        <li><a href="#section-extra">"Additional sections"</a></li>
                    </ul>
                </nav>
                <main class="sections">
                    {move || {
                        let t = templates::by_id_or_default(template.get());
                        sections.get().into_iter().map(|s| view! { <SectionView section=s template=t /> }).collect_view()
                    }}
                    <ExtraSections />
                </main>
                <aside class="side" aria-label="Review">
                    <FindingsPanel sections=sections />
                </aside>
            </div>
        </div>
    }
}
