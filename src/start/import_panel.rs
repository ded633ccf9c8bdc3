//! "Import…" on the start screen: a file picker and a paste box. The box's text is read
//! when it is imported, not copied on every key, and a paste past the document limit is
//! refused before it lands in the box (a 10 MB paste would freeze the page for seconds).

use crate::app::use_ctx;
use crate::chrome::drop_zone::files_of;
use crate::controls::bind_value::bind_value;
use hindsight_core::limits;
use leptos::prelude::*;

#[component]
pub fn ImportPanel() -> impl IntoView {
    let ctx = use_ctx();
    let (pasting, set_pasting) = signal(false);
    // What the box held when it lost focus, so closing and reopening it keeps the text.
    let pasted = RwSignal::new(String::new());
    let text_box = NodeRef::<leptos::html::Textarea>::new();
    let refuse_big_paste = move |ev: leptos::ev::ClipboardEvent| {
        let Some(text) = ev
            .clipboard_data()
            .and_then(|d| d.get_data("text/plain").ok())
        else {
            return;
        };
        if let Err(e) = limits::check_size(text.len()) {
            ev.prevent_default();
            ctx.notes.set(vec![format!(
                "pasted text: {e}; the box was left as it was"
            )]);
        }
    };
    // A box past the limit is not copied: importing it reads it once and refuses it.
    let keep = move |_| {
        if let Some(el) = text_box.get_untracked() {
            if limits::check_size(el.text_length() as usize).is_ok() {
                pasted.set(el.value());
            }
        }
    };
    let import = move |_| {
        let Some(el) = text_box.get_untracked() else {
            return;
        };
        if ctx.import_text("pasted text", &el.value()) {
            el.set_value("");
            pasted.set(String::new());
            set_pasting.set(false);
        }
    };
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
                <textarea id="paste-text" data-testid="paste-text" rows="6" node_ref=text_box
                    use:bind_value=Signal::from(pasted)
                    on:paste=refuse_big_paste on:change=keep></textarea>
                <div>
                    <button type="button" class="primary" data-testid="paste-import"
                        on:click=import>"Import pasted text"</button>
                </div>
            </div>
        </Show>
    }
}
