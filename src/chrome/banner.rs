//! The banners above the editor: what is wrong with saving, in plain words, with an
//! export offer; the last import's notes; and text that went past a field's limit, with
//! what did not fit offered to copy or download so nothing typed or pasted is lost.

use crate::app::files as export;
use crate::app::library::file_stem;
use crate::app::use_ctx;
use leptos::prelude::*;

#[component]
pub fn Banner() -> impl IntoView {
    let ctx = use_ctx();
    view! {
        <Show when=move || ctx.problems.with(|p| !p.is_empty())>
            <div class="banner" role="alert" data-testid="storage-banner">
                <ul>
                    {move || ctx.problems.get().into_iter().map(|p| view! { <li>{p.message()}</li> }).collect_view()}
                </ul>
                <Show when=move || ctx.open.get().is_some()>
                    <button type="button" class="small" data-testid="banner-export"
                        on:click=move |_| { ctx.report.with_untracked(|r| export::download(&export::json(r))); }>
                        "Download a copy (.json)"
                    </button>
                </Show>
                <button type="button" class="small" on:click=move |_| ctx.problems.set(Vec::new())>"Dismiss"</button>
            </div>
        </Show>
        <Show when=move || ctx.cut.with(Option::is_some)>
            <CutBanner />
        </Show>
        <Show when=move || ctx.notes.with(|n| !n.is_empty())>
            <div class="banner notes" role="status" data-testid="import-notes">
                <ul>
                    {move || ctx.notes.get().into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}
                </ul>
                <button type="button" class="small" on:click=move |_| ctx.notes.set(Vec::new())>"Dismiss"</button>
            </div>
        </Show>
    }
}

/// Text past a field's limit: what was kept, and the rest to copy or download.
#[component]
fn CutBanner() -> impl IntoView {
    let ctx = use_ctx();
    // "Copied" once the clipboard took it; "Copy failed" when the browser refused.
    let copied = RwSignal::new(None::<bool>);
    // A new cut starts with its own copy state.
    Effect::new(move |_| {
        ctx.cut.track();
        copied.set(None);
    });
    let rest = move || {
        ctx.cut
            .with_untracked(|c| c.as_ref().map(|c| c.cut.rest.clone()))
    };
    let copy = move |_| {
        if let Some(text) = rest() {
            leptos::task::spawn_local(async move {
                let ok = export::copy(text).await;
                if !copied.is_disposed() {
                    copied.set(Some(ok));
                }
            });
        }
    };
    let download = move |_| {
        if let Some(text) = rest() {
            let name = ctx
                .report
                .with_untracked(|r| format!("{}_did-not-fit.txt", file_stem(r)));
            export::download(&export::Export {
                name,
                mime: "text/plain;charset=utf-8",
                text,
            });
        }
    };
    view! {
        <div class="banner cut" role="alert" data-testid="field-cut">
            <p>{move || ctx.cut.with(|c| c.as_ref().map(|c| c.message()).unwrap_or_default())}</p>
            <button type="button" class="small" data-testid="field-cut-copy" on:click=copy>
                {move || match copied.get() {
                    Some(true) => "Copied",
                    Some(false) => "Copy failed: use Download",
                    None => "Copy what did not fit",
                }}
            </button>
            <button type="button" class="small" data-testid="field-cut-download" on:click=download>
                "Download it (.txt)"
            </button>
            <button type="button" class="small" data-testid="field-cut-dismiss"
                on:click=move |_| ctx.cut.set(None)>"Dismiss"</button>
        </div>
    }
}
