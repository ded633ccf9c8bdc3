//! Hindsight web app: a Leptos single-page editor for post-mortems over `hindsight-core`.
//! The report lives in this browser's localStorage; every rule, rendering and parsing is
//! the core's. `main.rs` only mounts [`App`]. The folders:
//!
//! - `app/`: state and side effects, no views (the shared handles, library, storage,
//!   undo history, live review, files in and out);
//! - `start/`: the start screen (library, templates, import);
//! - `editor/`: the editor page (outline, sections, review panel, preview, export);
//! - `parts/`: the section bodies, over one generic row table;
//! - `controls/`: text fields, date-time pickers, cells, markers;
//! - `chrome/`: banners, toasts and the drop zone around every screen;
//! - `share/`: the shared copy and the embed a link opens, the share and embed buttons;
//! - `site/`: the hosted site around the app (the new-deploy notice);
//! - `handoff/`: the team's settings, save to folder, propose in repo, tracker exports.

pub mod app;
mod chrome;
mod controls;
mod editor;
mod handoff;
mod parts;
#[cfg(feature = "tracing")]
pub mod probe;
mod share;
mod site;
mod start;

pub use app::{use_ctx, Ctx};
use chrome::banner::Banner;
use chrome::conflict::ConflictChoice;
pub use chrome::recovery::{install as install_recovery, show as show_recovery};
use chrome::undo_toast::UndoToast;
use editor::Editor;
use leptos::prelude::*;
use share::embed_view::EmbedView;
use share::shared_view::SharedView;
use share::Route;
use site::update_notice::UpdateNotice;
use start::StartScreen;

/// The page: the embed when the URL asks for one (no storage, no editor), else the app.
#[component]
pub fn Page() -> impl IntoView {
    match share::current_route() {
        Route::Embed(report) => {
            // A host page may point its iframe at another report: only the fragment changes.
            let report = RwSignal::new(report);
            let links = window_event_listener(leptos::ev::hashchange, move |_| {
                if let Route::Embed(r) = share::current_route() {
                    report.set(r);
                }
            });
            on_cleanup(move || links.remove());
            (move || view! { <EmbedView report=report.get() /> }).into_any()
        }
        Route::Shared(report) => view! { <App shared=report /> }.into_any(),
        Route::App => view! { <App /> }.into_any(),
    }
}

/// The whole app: storage banner, then a shared copy from the link, the editor or the
/// start screen.
#[component]
pub fn App(
    /// A report the page's link carried (`#r=…`), shown read-only over the app.
    #[prop(optional)]
    shared: Option<Result<hindsight_core::Report, String>>,
) -> impl IntoView {
    let ctx = Ctx::init();
    ctx.recover();
    let shared = RwSignal::new(shared);
    // A share link pasted into this tab's address bar changes only the fragment.
    let links = window_event_listener(leptos::ev::hashchange, move |_| {
        if let Route::Shared(r) = share::current_route() {
            shared.set(Some(r));
        }
    });
    provide_context(ctx);
    handoff::provide_handoff();
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
    let dragging = chrome::drop_zone::install_drop_zone(ctx);
    let hide = window_event_listener(leptos::ev::pagehide, move |_| ctx.flush());
    let vis = window_event_listener(leptos::ev::visibilitychange, move |_| ctx.flush());
    // Leaving with changes the browser would not keep asks first.
    let leave = window_event_listener(leptos::ev::beforeunload, move |ev| {
        ctx.flush();
        if ctx.unsaved.get_untracked() {
            ev.prevent_default();
            ev.set_return_value("");
        }
    });
    app::tabs::listen(move |news| ctx.on_news(news));
    on_cleanup(move || {
        keys.remove();
        links.remove();
        hide.remove();
        vis.remove();
        leave.remove();
        app::tabs::stop();
    });
    // Tests (and curious authors) can see whether everything is written.
    Effect::new(move |_| {
        let saved = if ctx.all_saved() { "yes" } else { "no" };
        if let Some(body) = document().body() {
            let _ = body.set_attribute("data-saved", saved);
        }
    });
    view! {
        <div class="app" data-testid="app">
            <Banner />
            <ConflictChoice />
            <handoff::team::TeamBanner />
            <Show when=move || shared.with(|s| s.is_none()) fallback=move || view! { <SharedView shared=shared /> }>
                <Show when=move || ctx.open.get().is_some() fallback=|| view! { <StartScreen /> }>
                    <Editor />
                </Show>
            </Show>
            <UndoToast />
            <UpdateNotice />
            <Show when=move || dragging.get()>
                <div class="drop-overlay" aria-hidden="true">"Drop to import"</div>
            </Show>
        </div>
    }
}
