//! The "report deleted — Undo" toast.

use crate::app::use_ctx;
use leptos::prelude::*;

#[component]
pub fn UndoToast() -> impl IntoView {
    let ctx = use_ctx();
    view! {
        <Show when=move || ctx.deleted.with(|d| d.is_some())>
            <div class="toast" role="status" data-testid="undo-toast">
                <span>{move || ctx.deleted.with(|d| d.as_ref().map(|d| {
                    let t = d.entry.title.trim();
                    if t.is_empty() { "Report deleted.".to_string() } else { format!("“{t}” deleted.") }
                }))}</span>
                <button type="button" data-testid="undo-delete" on:click=move |_| ctx.undo_delete()>"Undo"</button>
                <button type="button" class="icon" aria-label="Close" on:click=move |_| ctx.deleted.set(None)>"✕"</button>
            </div>
        </Show>
    }
}
