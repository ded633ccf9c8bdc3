//! The editor's "Copy share link" and "Embed" buttons: the link puts the whole report in
//! the fragment (the core's `share`); a link longer than `SAFE_LINK_LEN` is not offered,
//! with a plain suggestion to send the file instead. "Embed" shows the `<iframe>` snippet
//! for a wiki page and the plain embed link.

use super::{iframe_snippet, links};
use crate::app::{files, use_ctx};
use hindsight_core::share::SAFE_LINK_LEN;
use leptos::prelude::*;

/// What the last click produced.
#[derive(Debug, Clone, PartialEq)]
enum Offer {
    None,
    /// The share link, and whether the clipboard took it (`None` while it is asked).
    Link(String, Option<bool>),
    /// The embed link and its iframe snippet.
    Embed(String, String),
    /// The link would be this many characters: too long to offer.
    TooLong(usize),
}

fn current_href() -> String {
    web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default()
}

#[component]
pub fn ShareControls() -> impl IntoView {
    let ctx = use_ctx();
    let offer = RwSignal::new(Offer::None);
    let share = move |_| {
        let (link, _) = ctx.report.with_untracked(|r| links(r, &current_href()));
        if link.len() > SAFE_LINK_LEN {
            offer.set(Offer::TooLong(link.len()));
            return;
        }
        offer.set(Offer::Link(link.clone(), None));
        leptos::task::spawn_local(async move {
            let copied = files::copy(link.clone()).await;
            if offer.get_untracked() == Offer::Link(link.clone(), None) {
                offer.set(Offer::Link(link, Some(copied)));
            }
        });
    };
    let embed = move |_| {
        if matches!(offer.get_untracked(), Offer::Embed(..)) {
            offer.set(Offer::None);
            return;
        }
        let (_, link) = ctx.report.with_untracked(|r| links(r, &current_href()));
        if link.len() > SAFE_LINK_LEN {
            offer.set(Offer::TooLong(link.len()));
            return;
        }
        let title = ctx.report.with_untracked(|r| r.meta.title.clone());
        offer.set(Offer::Embed(link.clone(), iframe_snippet(&link, &title)));
    };
    let select_all = |ev: leptos::ev::FocusEvent| {
        use wasm_bindgen::JsCast;
        if let Some(t) = ev.target() {
            if let Ok(i) = t.clone().dyn_into::<web_sys::HtmlInputElement>() {
                i.select();
            } else if let Ok(a) = t.dyn_into::<web_sys::HtmlTextAreaElement>() {
                a.select();
            }
        }
    };
    view! {
        <button type="button" data-testid="share-link" on:click=share>"Copy share link"</button>
        <button type="button" data-testid="share-embed" aria-expanded=move || matches!(offer.get(), Offer::Embed(..)).to_string()
            on:click=embed>"Embed"</button>
        {move || match offer.get() {
            Offer::None => ().into_any(),
            Offer::Link(link, copied) => view! {
                <div class="share-offer" role="status" data-testid="share-offer">
                    <span>{match copied {
                        Some(true) => "Share link copied. Whoever opens it sees a read-only copy; the report travels in the link, never to a server.",
                        Some(false) => "The browser did not allow copying: copy the link from the box.",
                        None => "Copying…",
                    }}</span>
                    <input type="text" readonly data-testid="share-url" aria-label="Share link" prop:value=link on:focus=select_all />
                    <span class="hint">{move || format!("{} characters", offer.with(|o| match o { Offer::Link(l, _) => l.len(), _ => 0 }))}</span>
                </div>
            }.into_any(),
            Offer::Embed(link, snippet) => view! {
                <div class="share-offer" data-testid="embed-offer">
                    <label for="embed-snippet" class="label">"Paste into a wiki page (HTML or iframe block)"</label>
                    <textarea id="embed-snippet" readonly data-testid="embed-snippet" rows="3" prop:value=snippet.clone() on:focus=select_all></textarea>
                    <label for="embed-url" class="label">"Or the plain embed link"</label>
                    <input id="embed-url" type="text" readonly data-testid="embed-url" prop:value=link on:focus=select_all />
                    <button type="button" class="small" on:click=move |_| {
                        let text = snippet.clone();
                        leptos::task::spawn_local(async move { let _ = files::copy(text).await; });
                    }>"Copy snippet"</button>
                </div>
            }.into_any(),
            Offer::TooLong(len) => view! {
                <p class="share-offer too-long" role="status" data-testid="share-too-long">
                    {format!(
                        "This report would make a link of {} KB, longer than the {} KB that chat tools and wikis keep reliably. Send it as a file instead: “Download .json” (anyone can import it).",
                        len.div_ceil(1024),
                        SAFE_LINK_LEN / 1024
                    )}
                </p>
            }.into_any(),
        }}
    }
}
