//! "Propose in repo": the repo URL, branch and folder (remembered in this browser, or the
//! team's), then the provider's new-file page opened with the file name and Markdown
//! prefilled. A report too long for a link is said so, with copy + open instead.

use super::use_handoff;
use crate::app::files::{self, Export};
use hindsight_core::propose::ProposeError;
use leptos::prelude::*;

fn open(url: &str) {
    if let Some(w) = web_sys::window() {
        let _ = w.open_with_url_and_target_and_features(url, "_blank", "noopener");
    }
}

/// What the last attempt said.
#[derive(Debug, Clone, PartialEq)]
enum Said {
    Opened(String),
    TooLong(String),
    Copied,
    Failed(String),
}

/// The panel; `md` renders the Markdown as the export bar is set.
#[component]
pub fn ProposePanel(md: Callback<(), Export>) -> impl IntoView {
    let h = use_handoff();
    let (said, set_said) = signal(None::<Said>);
    let field = move |label: &'static str,
                      testid: &'static str,
                      placeholder: &'static str,
                      get: fn(&super::RepoTarget) -> String,
                      put: fn(&mut super::RepoTarget, String)| {
        view! {
            <label class="stack">
                <span>{label}</span>
                <input type="text" data-testid=testid placeholder=placeholder spellcheck="false"
                    prop:value=move || h.target.with(get)
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        h.target.update(|t| put(t, v));
                        h.remember_target();
                    } />
            </label>
        }
    };
    let propose = move |_| {
        let export = md.run(());
        let target = match h.target.with_untracked(|t| t.checked()) {
            Ok(t) => t,
            Err(e) => return set_said.set(Some(Said::Failed(e))),
        };
        match target.new_file_url(&export.name, &export.text) {
            Ok(url) => {
                open(&url);
                set_said.set(Some(Said::Opened(format!(
                    "Opened {}'s new file page for {}.",
                    target.provider.name(),
                    export.name
                ))));
            }
            Err(e @ ProposeError::TooLong { .. }) => {
                set_said.set(Some(Said::TooLong(e.to_string())))
            }
            Err(e) => set_said.set(Some(Said::Failed(e.to_string()))),
        }
    };
    let copy_open = move |_| {
        let export = md.run(());
        let Ok(target) = h.target.with_untracked(|t| t.checked()) else {
            return;
        };
        // Open first, inside the click: a popup after an await would be blocked.
        open(&target.empty_file_url(&export.name));
        leptos::task::spawn_local(async move {
            set_said.set(Some(if files::copy(export.text).await {
                Said::Copied
            } else {
                Said::Failed("the browser did not allow copying".to_string())
            }));
        });
    };
    view! {
        <div class="propose" role="group" aria-label="Propose in repo" data-testid="propose-panel">
            {field("Repository", "propose-repo", "https://github.com/owner/docs", |t| t.repo.clone(), |t, v| t.repo = v)}
            {field("Branch", "propose-branch", "main", |t| t.branch.clone(), |t, v| t.branch = v)}
            {field("Folder", "propose-folder", "docs/postmortems", |t| t.folder.clone(), |t, v| t.folder = v)}
            <button type="button" class="primary" data-testid="propose-open" on:click=propose>"Open new file page"</button>
            <p class="propose-state" role="status" data-testid="propose-state">
                {move || said.get().map(|s| match s {
                    Said::Opened(m) => m.into_any(),
                    Said::Copied => "Copied. Paste it into the new file page that opened.".into_any(),
                    Said::Failed(m) => m.into_any(),
                    Said::TooLong(m) => view! {
                        {m}" "
                        <button type="button" data-testid="propose-copy-open" on:click=copy_open>"Copy and open"</button>
                    }.into_any(),
                })}
            </p>
        </div>
    }
}
