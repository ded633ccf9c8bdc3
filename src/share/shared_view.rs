//! A report opened from a share link (`#r=…`): shown read-only as its rendered document,
//! labelled as a shared copy, with "Save a copy to this browser" (a new report with a new
//! id: nothing already stored is touched). A link that holds no readable report says why
//! and stores nothing.

use super::forget_fragment;
use crate::app::{files, use_ctx};
use hindsight_core::markdown::render_html;
use hindsight_core::Report;
use leptos::prelude::*;

/// The shared copy over the app; `shared` is cleared when the reader leaves it.
#[component]
pub fn SharedView(shared: RwSignal<Option<Result<Report, String>>>) -> impl IntoView {
    let ctx = use_ctx();
    let leave = move || {
        forget_fragment();
        shared.set(None);
    };
    move || {
        match shared.get() {
        Some(Ok(report)) => {
            let title = match report.meta.title.trim() {
                "" => "Untitled post-mortem".to_string(),
                t => t.to_string(),
            };
            let html = render_html(&files::markdown(&report, &report.template, false, false).text);
            let keep = report.clone();
            let save = move |_| {
                ctx.create(keep.clone());
                leave();
            };
            view! {
                <div class="shared" data-testid="shared-view">
                    <header class="toolbar shared-bar">
                        <span class="shared-label" data-testid="shared-label">"Shared copy · read-only"</span>
                        <h1 class="doc-title" data-testid="shared-title">{title}</h1>
                        <span class="spacer"></span>
                        <button type="button" class="primary" data-testid="shared-save" on:click=save>
                            "Save a copy to this browser"
                        </button>
                        <button type="button" data-testid="shared-close" on:click=move |_| leave()>"Your reports"</button>
                    </header>
                    <p class="shared-note">
                        "This report came in the link you opened. Nothing from it is stored until you save a copy, which becomes a new report of your own."
                    </p>
                    <article class="preview shared-doc" data-testid="shared-doc" inner_html=html></article>
                </div>
            }
            .into_any()
        }
        Some(Err(why)) => view! {
            <div class="shared shared-error" role="alert" data-testid="share-error">
                <h1>"This link's report could not be opened"</h1>
                <p data-testid="share-error-why">{format!("{}.", capitalise(why.trim_end_matches('.')))}</p>
                <p>"Nothing was saved. Ask whoever sent it for the whole link, or for the report as a file (.json or .md) to import."</p>
                <button type="button" data-testid="shared-close" on:click=move |_| leave()>"Go to your reports"</button>
            </div>
        }
        .into_any(),
        None => ().into_any(),
    }
    }
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}
