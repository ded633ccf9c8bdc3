//! Sections the author adds: a title (rename by editing it) and a Markdown body.

use crate::rows::{self, cell, row_tools, Cell};
use crate::state::use_ctx;
use hindsight_core::ExtraSection;
use leptos::prelude::*;

#[component]
pub fn ExtraSections() -> impl IntoView {
    let ctx = use_ctx();
    let len = Memo::new(move |_| ctx.report.read().extra_sections.len());
    view! {
        <section class="section extra" data-path="extra_sections" id="section-extra">
            <h2>"Additional sections"</h2>
            <ol class="rows">
                <For each=move || 0..len.get() key=|i| *i let:i>
                    <li class="row extra-row">
                        {cell(Cell::Line, format!("extra_sections[{i}].title"), "Section title".into(),
                            move |r| r.extra_sections.get(i).map(|s| s.title.clone()),
                            move |r, v| if let Some(s) = r.extra_sections.get_mut(i) { s.title = v })}
                        {cell(Cell::Prose, format!("extra_sections[{i}].body"), "Content (Markdown)".into(),
                            move |r| r.extra_sections.get(i).map(|s| s.body.clone()),
                            move |r, v| if let Some(s) = r.extra_sections.get_mut(i) { s.body = v })}
                        {row_tools("section", i, move |op| ctx.change(|r| rows::apply(&mut r.extra_sections, i, op)))}
                    </li>
                </For>
            </ol>
            <button type="button" class="add" data-testid="add-section"
                on:click=move |_| ctx.change(|r| r.extra_sections.push(ExtraSection { title: "New section".into(), body: String::new() }))>
                "+ Add section"
            </button>
        </section>
    }
}
