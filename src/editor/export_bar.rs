//! The editor's export controls: Markdown in any template (front matter on or off),
//! JSON, copying the Markdown to the clipboard, and the share and embed links.

use crate::app::files as export;
use crate::app::use_ctx;
use hindsight_core::templates;
use leptos::prelude::*;

#[component]
pub fn ExportBar() -> impl IntoView {
    let ctx = use_ctx();
    // Empty means "the report's own template".
    let template = RwSignal::new(String::new());
    let front_matter = RwSignal::new(false);
    let (copied, set_copied) = signal(None::<bool>);
    let md = move || {
        ctx.report.with_untracked(|r| {
            let t = template.get_untracked();
            let t = if t.is_empty() { r.template.clone() } else { t };
            export::markdown(r, &t, front_matter.get_untracked())
        })
    };
    view! {
        <div class="export-bar" role="group" aria-label="Export">
            <label for="export-template" class="inline-label">"Export as"</label>
            <select id="export-template" data-testid="export-template"
                on:change=move |ev| template.set(event_target_value(&ev))>
                <option value="" selected=true>"this template"</option>
                {templates::all().iter().map(|t| view! { <option value=t.id>{t.name}</option> }).collect_view()}
            </select>
            <label class="check">
                <input type="checkbox" data-testid="export-front-matter"
                    prop:checked=move || front_matter.get()
                    on:change=move |ev| front_matter.set(event_target_checked(&ev)) />
                "Front matter"
            </label>
            <button type="button" data-testid="export-md" on:click=move |_| { export::download(&md()); }>"Download .md"</button>
            <button type="button" data-testid="export-json"
                on:click=move |_| { ctx.report.with_untracked(|r| export::download(&export::json(r))); }>"Download .json"</button>
            <button type="button" data-testid="copy-md" on:click=move |_| {
                let text = md().text;
                leptos::task::spawn_local(async move { set_copied.set(Some(export::copy(text).await)); });
            }>"Copy Markdown"</button>
            <crate::share::share_controls::ShareControls />
            <span class="copy-state" role="status">
                {move || match copied.get() {
                    Some(true) => "Copied.",
                    Some(false) => "The browser did not allow copying.",
                    None => "",
                }}
            </span>
        </div>
    }
}
