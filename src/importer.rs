//! "Import…": a file picker and a paste box on the start screen, and the drop zone that
//! takes .md and .json files dropped anywhere on the page.

use crate::bind_value::bind_value;
use crate::state::{use_ctx, Ctx};
use leptos::prelude::*;

fn files_of(list: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    let Some(list) = list else { return Vec::new() };
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}

#[component]
pub fn Importer() -> impl IntoView {
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

/// Makes the whole page a drop target for report files. Returns the "dragging" flag for
/// the overlay.
pub fn install_drop_zone(ctx: Ctx) -> ReadSignal<bool> {
    let (dragging, set_dragging) = signal(false);
    let over = window_event_listener(leptos::ev::dragover, move |ev| {
        ev.prevent_default();
        set_dragging.set(true);
    });
    let leave = window_event_listener(leptos::ev::dragleave, move |ev| {
        // Leaving the window has no related target.
        if ev.related_target().is_none() {
            set_dragging.set(false);
        }
    });
    let drop = window_event_listener(leptos::ev::drop, move |ev| {
        ev.prevent_default();
        set_dragging.set(false);
        let files = files_of(ev.data_transfer().and_then(|d| d.files()));
        if !files.is_empty() {
            ctx.import_files(files);
        }
    });
    on_cleanup(move || {
        over.remove();
        leave.remove();
        drop.remove();
    });
    dragging
}
