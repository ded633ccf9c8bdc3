//! Action items to the team's tracker, from the action items section: Jira CSV and plain
//! CSV downloads, the Markdown task list to the clipboard, one prefilled GitHub new-issue
//! link per item (the repository from "Propose in repo"), and a box per item for the
//! created ticket's URL, which fills the item's tracking link. Every export is the core's
//! (`hindsight_core::actions`), the same as `hindsight actions`.

use super::use_handoff;
use crate::app::files::{self, Export};
use crate::app::library::file_stem;
use crate::app::use_ctx;
use hindsight_core::actions::{export_actions, ticket_link, ActionsFormat, ActionsOptions};
use hindsight_core::propose::Provider;
use hindsight_core::Report;
use leptos::prelude::*;

/// The options the tracker exports use: the post-mortem's future address in the docs
/// repo (when a repository is set) and the repository for issue links.
fn options(h: super::Handoff, report: &Report) -> ActionsOptions {
    let target = h.target.with_untracked(|t| t.checked()).ok();
    ActionsOptions {
        link: target.as_ref().map(|t| t.file_url(&h.file_name(report))),
        repo: target
            .filter(|t| t.provider == Provider::GitHub)
            .map(|t| t.repo),
        labels: Vec::new(),
    }
}

/// An action item export as a file.
pub fn export(h: super::Handoff, report: &Report, format: ActionsFormat) -> Result<Export, String> {
    let text = export_actions(report, format, &options(h, report)).map_err(|e| e.to_string())?;
    let (suffix, mime) = match format {
        ActionsFormat::JiraCsv => ("actions-jira.csv", "text/csv;charset=utf-8"),
        ActionsFormat::Csv => ("actions.csv", "text/csv;charset=utf-8"),
        ActionsFormat::Markdown => ("actions.md", "text/markdown;charset=utf-8"),
        ActionsFormat::Github => ("actions-github.txt", "text/plain;charset=utf-8"),
    };
    Ok(Export {
        name: format!("{}-{suffix}", file_stem(report)),
        mime,
        text,
    })
}

#[component]
pub fn Tracker() -> impl IntoView {
    let ctx = use_ctx();
    let h = use_handoff();
    let (said, set_said) = signal(String::new());
    let download = move |format: ActionsFormat| {
        let done = ctx.report.with_untracked(|r| export(h, r, format));
        match done {
            Ok(e) if files::download(&e) => set_said.set(format!("Downloaded {}.", e.name)),
            Ok(_) => set_said.set("The browser did not start the download.".to_string()),
            Err(m) => set_said.set(m),
        }
    };
    let copy_tasks = move |_| {
        let done = ctx
            .report
            .with_untracked(|r| export(h, r, ActionsFormat::Markdown));
        leptos::task::spawn_local(async move {
            set_said.set(match done {
                Ok(e) => {
                    if files::copy(e.text).await {
                        "Copied the task list.".to_string()
                    } else {
                        "The browser did not allow copying.".to_string()
                    }
                }
                Err(m) => m,
            });
        });
    };
    // One line per item: its label and the GitHub issue link the core builds.
    let items = Memo::new(move |_| {
        let _ = h.target.get();
        // The whole report: a typed cell notifies its own field, not the list.
        ctx.report.with(|r| {
            let links = export(h, r, ActionsFormat::Github)
                .map(|e| e.text.lines().map(str::to_string).collect::<Vec<_>>())
                .unwrap_or_default();
            r.action_items
                .iter()
                .enumerate()
                .map(|(i, a)| {
                    let label = match (a.id.trim(), a.action.trim()) {
                        ("", "") => format!("Item {}", i + 1),
                        (id, "") => format!("Item {id}"),
                        ("", act) => act.to_string(),
                        (id, act) => format!("{id}. {act}"),
                    };
                    (label, links.get(i).cloned(), a.tracking.trim().to_string())
                })
                .collect::<Vec<_>>()
        })
    });
    let paste = move |i: usize, text: String| match ticket_link(&text) {
        Some(url) => {
            ctx.change(|r| {
                if let Some(a) = r.action_items.get_mut(i) {
                    a.tracking = url.clone();
                }
            });
            set_said.set(format!("Item {}'s tracking link is {url}.", i + 1));
        }
        None if text.trim().is_empty() => {}
        None => {
            set_said.set("That is not an http(s) link; the tracking link is unchanged.".to_string())
        }
    };
    view! {
        <div class="tracker" role="group" aria-label="Send to the tracker" data-testid="tracker">
            <div class="tracker-tools">
                <button type="button" data-testid="actions-jira" on:click=move |_| download(ActionsFormat::JiraCsv)>"Download Jira CSV"</button>
                <button type="button" data-testid="actions-csv" on:click=move |_| download(ActionsFormat::Csv)>"Download CSV"</button>
                <button type="button" data-testid="actions-copy-md" on:click=copy_tasks>"Copy task list"</button>
                <span role="status" data-testid="tracker-state">{move || said.get()}</span>
            </div>
            <Show when=move || items.with(|v| !v.is_empty())>
                <ul class="tracker-items">
                    {move || items.get().into_iter().enumerate().map(|(i, (label, link, tracking))| view! {
                        <li data-testid="tracker-item">
                            <span class="tracker-label">{label}</span>
                            {match link {
                                Some(href) => view! {
                                    <a href=href target="_blank" rel="noopener" data-testid="tracker-github">"Open GitHub issue"</a>
                                }.into_any(),
                                None => view! { <span class="hint">"Set a GitHub repository under “Propose in repo” for issue links."</span> }.into_any(),
                            }}
                            <input type="url" data-testid="tracker-ticket" placeholder="Paste the ticket's URL"
                                aria-label="The created ticket's URL"
                                prop:value=tracking
                                on:change=move |ev| paste(i, event_target_value(&ev)) />
                        </li>
                    }).collect_view()}
                </ul>
            </Show>
        </div>
    }
}
