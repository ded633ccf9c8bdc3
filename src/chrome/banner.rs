//! The storage banner: what is wrong with saving, in plain words, with an export offer.

use crate::app::files as export;
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
