//! Hindsight web app: a Leptos single-page editor for post-mortems over `hindsight-core`.
//! The report lives in this browser's localStorage; every rule, rendering and parsing is
//! the core's. `main.rs` only mounts [`App`].

mod action_items;
mod banner;
mod bind_value;
pub mod date_time;
pub mod doc;
mod editor;
pub mod export;
mod export_bar;
mod extra_sections;
mod factor_checklist;
mod field_marker;
pub mod findings;
mod findings_panel;
pub mod history;
pub mod import;
mod importer;
mod key_values;
pub mod layout;
mod list_field;
mod metrics_table;
mod preview;
pub mod rows;
mod section_view;
mod sign_off;
mod start_screen;
pub mod state;
pub mod storage;
mod text_field;
mod timeline;
mod undo_toast;
mod whys;

use banner::Banner;
use editor::Editor;
use leptos::prelude::*;
use start_screen::StartScreen;
pub use state::{use_ctx, Ctx};
use undo_toast::UndoToast;

/// The whole app: storage banner, then the editor or the start screen.
#[component]
pub fn App() -> impl IntoView {
    let ctx = Ctx::init();
    provide_context(ctx);
    let keys = window_event_listener(leptos::ev::keydown, move |ev| {
        let key = ev.key().to_ascii_lowercase();
        if !(ev.ctrl_key() || ev.meta_key()) || ctx.open.get_untracked().is_none() {
            return;
        }
        let redo = (key == "z" && ev.shift_key()) || key == "y";
        if key == "z" || redo {
            ev.prevent_default();
            ctx.step(redo);
        }
    });
    let dragging = importer::install_drop_zone(ctx);
    let hide = window_event_listener(leptos::ev::pagehide, move |_| ctx.flush());
    let vis = window_event_listener(leptos::ev::visibilitychange, move |_| ctx.flush());
    on_cleanup(move || {
        keys.remove();
        hide.remove();
        vis.remove();
    });
    // Tests (and curious authors) can see whether everything is written.
    Effect::new(move |_| {
        let saved = if ctx.unsaved.get() { "no" } else { "yes" };
        if let Some(body) = document().body() {
            let _ = body.set_attribute("data-saved", saved);
        }
    });
    view! {
        <div class="app" data-testid="app">
            <Banner />
            <Show when=move || ctx.open.get().is_some() fallback=|| view! { <StartScreen /> }>
                <Editor />
            </Show>
            <UndoToast />
            <Show when=move || dragging.get()>
                <div class="drop-overlay" aria-hidden="true">"Drop to import"</div>
            </Show>
        </div>
    }
}
