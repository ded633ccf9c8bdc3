//! The editor's export controls: Markdown in any template or a document's own layout
//! (front matter and the Mermaid timeline on or off), JSON, copying the Markdown, the
//! share and embed links, "Save to folder…" (the docs repo's folder, or a download of the
//! same name) and "Propose in repo".

use crate::app::files::{self as export, Export};
use crate::app::use_ctx;
use crate::handoff::propose::ProposePanel;
use crate::handoff::save_folder::{self, Saved};
use crate::handoff::use_handoff;
use hindsight_core::model::ReportStoreFields;
use hindsight_core::templates;
use leptos::prelude::*;

#[component]
pub fn ExportBar() -> impl IntoView {
    let ctx = use_ctx();
    let h = use_handoff();
    // Empty means "the report's own template".
    let template = RwSignal::new(String::new());
    let front_matter = RwSignal::new(false);
    let (copied, set_copied) = signal(None::<bool>);
    let (saved, set_saved) = signal(None::<Result<Saved, String>>);
    let proposing = RwSignal::new(false);
    let own_layout = move || ctx.report.layout().with(Option::is_some);
    let md = move || {
        ctx.report.with_untracked(|r| {
            let t = template.get_untracked();
            // A document kept in its own layout is written in it unless another is picked.
            let t = match (t.is_empty(), r.layout.is_some()) {
                (false, _) => t,
                (true, true) => templates::OWN_LAYOUT.to_string(),
                (true, false) => r.template.clone(),
            };
            export::markdown(
                r,
                &t,
                front_matter.get_untracked(),
                h.mermaid.get_untracked(),
            )
        })
    };
    // The docs repo file: the team's file name pattern.
    let repo_file = move || Export {
        name: ctx.report.with_untracked(|r| h.file_name(r)),
        ..md()
    };
    let save = move |overwrite: bool| {
        let file = repo_file();
        if !save_folder::supported() {
            let ok = export::download(&file);
            set_saved.set(Some(if ok {
                Err(format!(
                    "This browser cannot write into a folder, so {} was downloaded instead.",
                    file.name
                ))
            } else {
                Err("The browser did not start the download.".to_string())
            }));
            return;
        }
        // Cleared first, so the line never shows an earlier save's outcome as this one's.
        set_saved.set(None);
        leptos::task::spawn_local(async move {
            set_saved.set(Some(
                save_folder::save(&file.name, &file.text, overwrite).await,
            ));
        });
    };
    let change_folder = move |_| {
        leptos::task::spawn_local(async move {
            match save_folder::pick().await {
                Ok(Some(_)) => save(false),
                Ok(None) => {}
                Err(e) => set_saved.set(Some(Err(e))),
            }
        });
    };
    view! {
        <div class="export-bar" role="group" aria-label="Export">
            <label for="export-template" class="inline-label">"Export as"</label>
            <select id="export-template" data-testid="export-template"
                on:change=move |ev| template.set(event_target_value(&ev))>
                <option value="" selected=true>
                    {move || if own_layout() { "its own layout" } else { "this template" }}
                </option>
                {templates::all().iter().map(|t| view! { <option value=t.id>{t.name}</option> }).collect_view()}
            </select>
            <label class="check">
                <input type="checkbox" data-testid="export-front-matter"
                    prop:checked=move || front_matter.get()
                    on:change=move |ev| front_matter.set(event_target_checked(&ev)) />
                "Front matter"
            </label>
            <label class="check" title="Adds the timeline as a Mermaid diagram (GitHub, GitLab, Notion and MkDocs draw it)">
                <input type="checkbox" data-testid="export-mermaid"
                    prop:checked=move || h.mermaid.get()
                    on:change=move |ev| h.mermaid.set(event_target_checked(&ev)) />
                "Mermaid timeline"
            </label>
            <button type="button" data-testid="export-md" on:click=move |_| { export::download(&md()); }>"Download .md"</button>
            <button type="button" data-testid="export-json"
                on:click=move |_| { ctx.report.with_untracked(|r| export::download(&export::json(r))); }>"Download .json"</button>
            <button type="button" data-testid="copy-md" on:click=move |_| {
                let text = md().text;
                leptos::task::spawn_local(async move { set_copied.set(Some(export::copy(text).await)); });
            }>"Copy Markdown"</button>
            <crate::share::share_controls::ShareControls />
            <span class="copy-state" role="status">
                {move || match copied.get() {
                    Some(true) => "Copied.",
                    Some(false) => "The browser did not allow copying.",
                    None => "",
                }}
            </span>
            <button type="button" data-testid="save-folder" on:click=move |_| save(false)>"Save to folder…"</button>
            <button type="button" data-testid="propose" aria-expanded=move || proposing.get().to_string()
                on:click=move |_| proposing.update(|p| *p = !*p)>"Propose in repo"</button>
            <span class="save-folder-state" role="status" data-testid="save-folder-state">
                {move || saved.get().map(|s| match s {
                    Ok(Saved::Written { folder, name }) => view! {
                        {format!("Saved {name} in {folder}. ")}
                        <button type="button" class="small" data-testid="save-folder-change" on:click=change_folder>"Change folder"</button>
                    }.into_any(),
                    Ok(Saved::WouldOverwrite { folder, name }) => view! {
                        {format!("{folder} already has a different {name}. ")}
                        <button type="button" class="small" data-testid="save-folder-overwrite" on:click=move |_| save(true)>"Overwrite"</button>
                        <button type="button" class="small" data-testid="save-folder-change" on:click=change_folder>"Choose another folder"</button>
                    }.into_any(),
                    Ok(Saved::Cancelled) => "No folder chosen; nothing saved.".into_any(),
                    Err(e) => e.into_any(),
                })}
            </span>
        </div>
        <Show when=move || proposing.get()>
            <ProposePanel md=Callback::new(move |()| repo_file()) />
        </Show>
    }
}
