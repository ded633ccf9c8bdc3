//! The editor for the open report: a toolbar (back, undo, redo, export), a table of
//! contents, every section of its layout, and the author's extra sections.

use crate::layout::{self, section_anchor};
use crate::section_view::{Extras, SectionView};
use crate::state::use_ctx;
use hindsight_core::severity::Scale;
use leptos::prelude::*;

#[component]
pub fn Editor() -> impl IntoView {
    let ctx = use_ctx();
    let sections = Memo::new(move |_| {
        let _template = ctx.report.read().template.clone();
        layout::all_fields()
    });
    let title = Memo::new(move |_| {
        let t = ctx.report.read().meta.title.trim().to_string();
        if t.is_empty() { "Untitled post-mortem".to_string() } else { t }
    });
    view! {
        <div class="editor">
            <header class="toolbar">
                <button type="button" data-testid="back" on:click=move |_| ctx.close()>"← All reports"</button>
                <h1 class="doc-title" data-testid="doc-title">{title}</h1>
                <span class="spacer"></span>
                <button type="button" data-testid="undo" title="Undo (Ctrl+Z)" on:click=move |_| ctx.step(false)>"Undo"</button>
                <button type="button" data-testid="redo" title="Redo (Ctrl+Shift+Z)" on:click=move |_| ctx.step(true)>"Redo"</button>
            </header>
            <div class="editor-body">
                <nav class="toc" aria-label="Sections">
                    <ul>
                        {move || sections.get().into_iter().map(|s| {
                            let href = format!("#{}", section_anchor(&s.title));
                            view! { <li><a href=href>{s.title}</a></li> }
                        }).collect_view()}
                        <li><a href="#section-extra">"Additional sections"</a></li>
                    </ul>
                </nav>
                <main class="sections">
                    {move || sections.get().into_iter().map(|s| view! { <SectionView section=s scale=Scale::Sev /> }).collect_view()}
                    <Extras />
                </main>
            </div>
        </div>
    }
}
