//! The start screen: the reports stored in this browser (from the library's entries, so
//! listing them loads none), a new post-mortem from any template, and import; Ctrl+Z
//! undoes a delete.

pub mod backup_panel;
pub mod import_panel;
pub mod set_aside;

use crate::app::files as export;
use crate::app::{now_ms, use_ctx, Ctx};
use crate::editor::review_panel::score_class;
use backup_panel::BackupPanel;
use hindsight_core::{templates, Report};
use import_panel::ImportPanel;
use leptos::prelude::*;
use set_aside::SetAsideList;
use wasm_bindgen::JsCast;

/// Downloads a stored report as Markdown (`md`) or JSON.
fn download(ctx: Ctx, id: &str, md: bool) {
    let Some(r) = ctx.report_of(id) else {
        ctx.notes.set(vec![
            "That report could not be read from storage.".to_string()
        ]);
        return;
    };
    let file = if md {
        export::markdown(&r, &r.template, false, false)
    } else {
        export::json(&r)
    };
    export::download(&file);
}

/// "3 min ago", "2 h ago", or the date, for the "last edited" column.
pub fn ago(edited_ms: f64, now_ms: f64) -> String {
    if edited_ms <= 0.0 {
        return "—".to_string();
    }
    let s = ((now_ms - edited_ms) / 1000.0).max(0.0) as u64;
    match s {
        0..=59 => "just now".to_string(),
        60..=3599 => format!("{} min ago", s / 60),
        3600..=86_399 => format!("{} h ago", s / 3600),
        _ => {
            let iso: String = js_sys::Date::new(&edited_ms.into()).to_iso_string().into();
            iso.get(..10).unwrap_or_default().to_string()
        }
    }
}

/// CSS class for a severity badge, from the core's normalised severity ("SEV2").
pub fn severity_class(normalised: Option<&str>) -> String {
    match normalised.and_then(|s| s.strip_prefix("SEV")) {
        Some(level) => format!("badge sev{level}"),
        None => "badge sev-none".to_string(),
    }
}

#[component]
pub fn StartScreen() -> impl IntoView {
    let ctx = use_ctx();
    let count = Memo::new(move |_| ctx.library.with(|l| l.len()));
    // Ctrl+Z (Cmd+Z) brings back the report just deleted, as the toast's "Undo" does;
    // in a text box it stays the box's own undo.
    let keys = window_event_listener(leptos::ev::keydown, move |ev| {
        let undo = (ev.ctrl_key() || ev.meta_key())
            && !ev.shift_key()
            && ev.key().eq_ignore_ascii_case("z");
        if !undo || ctx.deleted.with_untracked(Option::is_none) {
            return;
        }
        let in_text = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .is_some_and(|e| matches!(e.tag_name().as_str(), "INPUT" | "TEXTAREA"));
        if !in_text {
            ev.prevent_default();
            ctx.undo_delete();
        }
    });
    on_cleanup(move || keys.remove());
    view! {
        <main class="start">
            <header class="hero">
                <h1>"Hindsight"</h1>
                <p class="lede">"Write the post-mortem while it is fresh. Everything stays in this browser."</p>
            </header>
            <Show when=move || { count.get() > 0 }>
            <section class="stored" aria-labelledby="stored-h">
                <h2 id="stored-h">"In this browser"</h2>
                    <ul class="doc-list" data-testid="doc-list">
                        <For each=move || ctx.library.get() key=|e| (e.id.clone(), e.edited_ms as u64) let:entry>
                            {
                                let id = entry.id.clone();
                                let (id1, id2, id3, id4, id5) = (id.clone(), id.clone(), id.clone(), id.clone(), id.clone());
                                let sev = if entry.severity.is_empty() { "No severity".to_string() } else { entry.severity.clone() };
                                let status = if entry.status.is_empty() { "Draft".to_string() } else { entry.status.clone() };
                                let edited = ago(entry.edited_ms, now_ms());
                                view! {
                                    <li class="doc" data-testid="doc-item" data-id=id>
                                        <button type="button" class="doc-open" data-testid="doc-open" on:click=move |_| ctx.open_doc(&id1)>
                                            <span class="doc-title">{entry.shown_title()}</span>
                                        </button>
                                        <span class=severity_class(entry.severity_level.as_deref())>{sev}</span>
                                        <span class="status">{status}</span>
                                        <span class="edited" title="Last edited">{edited}</span>
                                        <span class=score_class(entry.score) title="Readiness score" data-testid="doc-score">{format!("{} / 100", entry.score)}</span>
                                        <span class="doc-actions">
                                            <button type="button" class="small" data-testid="doc-duplicate" on:click=move |_| ctx.duplicate(&id2)>"Duplicate"</button>
                                            <button type="button" class="small" data-testid="doc-export-md"
                                                title="Download Markdown"
                                                on:click=move |_| download(ctx, &id4, true)>".md"</button>
                                            <button type="button" class="small" data-testid="doc-export-json"
                                                title="Download JSON"
                                                on:click=move |_| download(ctx, &id5, false)>".json"</button>
                                            <button type="button" class="small danger" data-testid="doc-delete" on:click=move |_| ctx.delete(&id3)>"Delete"</button>
                                        </span>
                                    </li>
                                }
                            }
                        </For>
                    </ul>
            </section>
            </Show>
            <SetAsideList />
            <section class="new" aria-labelledby="new-h">
                <h2 id="new-h">"New post-mortem"</h2>
                <crate::handoff::team::TeamDefault />
                <ul class="templates">
                    {templates::all().iter().map(|t| {
                        let id = t.id;
                        let sections = t.sections()
                            .filter(|(level, _)| *level <= t.section_level())
                            .map(|(_, s)| s)
                            .collect::<Vec<_>>()
                            .join(" · ");
                        view! {
                            <li class="template" data-testid=format!("template-{id}")>
                                <h3>{t.name}</h3>
                                <p>{t.description}</p>
                                <p class="sections-list"><span class="visually-hidden">"Sections: "</span>{sections}</p>
                                <button type="button" class="primary" data-testid=format!("new-{id}")
                                    aria-label=format!("Start a post-mortem with {}", t.name)
                                    on:click=move |_| { ctx.create(Report::new(id)); }>
                                    "Start"
                                </button>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </section>
            <section class="import" aria-labelledby="import-h">
                <h2 id="import-h">"Import"</h2>
                <ImportPanel />
            </section>
            <BackupPanel />
        </main>
    }
}
