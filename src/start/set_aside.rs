//! The library's list of set-aside copies: data found unreadable when loading, kept
//! untouched under its own key. Each can be downloaded exactly as it was, or deleted for
//! good (after a second click).

use crate::app::storage::SetAside;
use crate::app::use_ctx;
use leptos::prelude::*;

/// "12,345 characters".
fn characters(n: usize) -> String {
    format!("{} characters", hindsight_core::limits::count(n))
}

#[component]
pub fn SetAsideList() -> impl IntoView {
    let ctx = use_ctx();
    // The key whose "Delete" was clicked once and now asks to be clicked again.
    let confirming = RwSignal::new(None::<String>);
    view! {
        <Show when=move || ctx.set_aside.with(|l| !l.is_empty())>
            <section class="set-aside" aria-labelledby="set-aside-h" data-testid="set-aside">
                <h2 id="set-aside-h">"Set aside: saved data that could not be read"</h2>
                <p class="muted">"Hindsight kept these untouched instead of loading them. Download one to look at it or repair it (a text editor will do), then import it; delete it when it is of no use."</p>
                <ul class="doc-list">
                    <For each=move || ctx.set_aside.get() key=|a| a.key.clone() let:copy>
                        <SetAsideItem copy=copy confirming=confirming />
                    </For>
                </ul>
            </section>
        </Show>
    }
}

/// One set-aside copy: what it was, when, its size; download, or delete after asking.
/// `confirming` is the list's one key waiting for its second "Delete".
#[component]
fn SetAsideItem(copy: SetAside, confirming: RwSignal<Option<String>>) -> impl IntoView {
    let ctx = use_ctx();
    let (k1, k2, k3) = (copy.key.clone(), copy.key.clone(), copy.key.clone());
    let when = if copy.at_ms > 0.0 {
        let iso: String = js_sys::Date::new(&copy.at_ms.into()).to_iso_string().into();
        format!(
            "set aside {}",
            iso.get(..16).unwrap_or_default().replace('T', " ")
        )
    } else {
        "set aside".to_string()
    };
    view! {
        <li class="doc" data-testid="set-aside-item" data-key=copy.key.clone()>
            <span class="doc-title">{format!("Unreadable copy of {}", copy.what)}</span>
            <span class="edited">{when}</span>
            <span class="status">{characters(copy.chars)}</span>
            <span class="doc-actions">
                <button type="button" class="small" data-testid="set-aside-export"
                    on:click=move |_| ctx.export_set_aside(&k1)>"Download"</button>
                <button type="button" class="small danger" data-testid="set-aside-delete"
                    on:click=move |_| {
                        if confirming.get_untracked().as_deref() == Some(k2.as_str()) {
                            confirming.set(None);
                            ctx.forget_set_aside(&k2);
                        } else {
                            confirming.set(Some(k2.clone()));
                        }
                    }>
                    {move || if confirming.get().as_deref() == Some(k3.as_str()) { "Delete for good?" } else { "Delete" }}
                </button>
            </span>
        </li>
    }
}
