//! "Import…" on the start screen: a file picker and a paste box.

use crate::app::use_ctx;
use crate::chrome::drop_zone::files_of;
use crate::controls::bind_value::bind_value;
use leptos::prelude::*;

#[component]
pub fn ImportPanel() -> impl IntoView {
    let ctx = use_ctx();
    let (pasting, set_pasting) = signal(false);
    let pasted = RwSignal::new(String::new());
    let picked = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        ctx.import_files(files_of(input.files()));
        input.set_value("");
    };
    view! {
        <div class="start-actions">
            <label class="file-button" for="import-file">
                <span class="button-like">"Import…"</span>
            </label>
            <input id="import-file" data-testid="import-file" type="file" class="visually-hidden"
                accept=".md,.markdown,.json,.txt,text/markdown,application/json" multiple on:change=picked />
            <button type="button" data-testid="paste-toggle" aria-expanded=move || pasting.get().to_string()
                on:click=move |_| set_pasting.update(|p| *p = !*p)>"Paste…"</button>
            <span class="drop-hint">"or drop a .md or .json file anywhere on this page"</span>
        </div>
        <Show when=move || pasting.get()>
            <div class="paste-box">
                <label for="paste-text">"Paste a post-mortem (Markdown or Hindsight JSON)"</label>
                <textarea id="paste-text" data-testid="paste-text" rows="6"
                    use:bind_value=Signal::from(pasted)
                    on:input=move |ev| pasted.set(event_target_value(&ev))></textarea>
                <div>
                    <button type="button" class="primary" data-testid="paste-import"
                        on:click=move |_| {
                            if ctx.import_text("pasted text", &pasted.get_untracked()) {
                                pasted.set(String::new());
                                set_pasting.set(false);
                            }
                        }>"Import pasted text"</button>
                </div>
            </div>
        </Show>
    }
}
