//! "A new version is ready — Reload": shown when the service worker has installed a new
//! deploy beside the running one. The new code never takes over by itself (that could
//! swap code under an author mid-edit); Reload saves first, then asks `boot.js` to let
//! the waiting worker activate, which reloads the page.

use crate::app::use_ctx;
use leptos::prelude::*;

/// Event `boot.js` fires when a new worker is waiting; it also marks `<html data-update>`
/// in case that happened before the app mounted.
const READY_EVENT: &str = "hindsight-update-ready";
/// Event this side fires to let the waiting worker take over.
const APPLY_EVENT: &str = "hindsight-update-apply";

fn marked_ready() -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
        .and_then(|e| e.get_attribute("data-update"))
        .is_some_and(|v| v == "ready")
}

#[component]
pub fn UpdateNotice() -> impl IntoView {
    let ctx = use_ctx();
    let ready = RwSignal::new(marked_ready());
    let listener = window_event_listener_untyped(READY_EVENT, move |_| ready.set(true));
    on_cleanup(move || listener.remove());
    let reload = move |_| {
        ctx.flush();
        if let Some(w) = web_sys::window() {
            if let Ok(ev) = web_sys::Event::new(APPLY_EVENT) {
                let _ = w.dispatch_event(&ev);
            }
        }
    };
    view! {
        <Show when=move || ready.get()>
            <div class="toast update" role="status" data-testid="update-notice">
                <span>"A new version is ready"</span>
                <button type="button" data-testid="update-reload" on:click=reload>"Reload"</button>
                <button type="button" class="small" aria-label="Later" on:click=move |_| ready.set(false)>"Later"</button>
            </div>
        </Show>
    }
}
