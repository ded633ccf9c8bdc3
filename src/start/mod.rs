//! The start screen: the reports stored in this browser (from the library's entries, so
//! listing them loads none), searched by their words and filtered by severity and status,
//! sorted by edit, incident date or readiness; a new post-mortem from any template, and
//! import; Ctrl+Z undoes a delete.

pub mod backup_panel;
pub mod import_panel;
pub mod set_aside;

use crate::app::files as export;
use crate::app::library::{find, shown_status, Entry, Order, Query};
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

/// The values of `all`, sorted, each once.
fn distinct(all: impl Iterator<Item = String>) -> Vec<String> {
    let mut v: Vec<String> = all.collect();
    v.sort();
    v.dedup();
    v
}

/// One of the library's filters: "any", then each value the library holds, then `none`
/// (its value and label) when there is one; `get` and `set` are its field of the query.
#[component]
fn Filter(
    what: &'static str,
    testid: &'static str,
    any: &'static str,
    values: Memo<Vec<String>>,
    none: Option<(&'static str, &'static str)>,
    query: RwSignal<Query>,
    get: fn(&Query) -> &str,
    set: fn(&mut Query, String),
) -> impl IntoView {
    view! {
        <label>
            <span class="visually-hidden">{what}</span>
            <select data-testid=testid on:change=move |ev| {
                let v = event_target_value(&ev);
                query.update(|q| set(q, v));
            }>
                <option value="">{any}</option>
                {move || values.get().into_iter().map(|s| {
                    let v = s.clone();
                    view! { <option value=v.clone() selected=move || query.with(|q| get(q) == v)>{s}</option> }
                }).collect_view()}
                {none.map(|(value, label)| view! { <option value=value>{label}</option> })}
            </select>
        </label>
    }
}

/// One stored report in the library: open, duplicate, download, delete.
#[component]
fn DocItem(entry: Entry) -> impl IntoView {
    let ctx = use_ctx();
    let id = entry.id.clone();
    let (id1, id2, id3, id4, id5) = (id.clone(), id.clone(), id.clone(), id.clone(), id.clone());
    let sev = if entry.severity.is_empty() {
        "No severity".to_string()
    } else {
        entry.severity.clone()
    };
    let status = shown_status(&entry);
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
    let query = RwSignal::new(Query::default());
    let shown = Memo::new(move |_| ctx.library.with(|l| find(l, &query.get())));
    // The filters offer what the library holds: its severities (as the core names them)
    // and its statuses.
    let severities = Memo::new(move |_| {
        ctx.library
            .with(|l| distinct(l.iter().filter_map(|e| e.severity_level.clone())))
    });
    let statuses = Memo::new(move |_| ctx.library.with(|l| distinct(l.iter().map(shown_status))));
    let set = move |f: fn(&mut Query, String)| {
        move |ev: leptos::ev::Event| {
            let v = event_target_value(&ev);
            query.update(|q| f(q, v));
        }
    };
    let found = move || {
        let (n, all) = (shown.with(Vec::len), count.get());
        let noun = if all == 1 { "report" } else { "reports" };
        if n == all {
            format!("{all} {noun}")
        } else {
            format!("{n} of {all} {noun}")
        }
    };
    view! {
        <main class="start">
            <header class="hero">
                <h1>"Hindsight"</h1>
                <p class="lede">"Write the post-mortem while it is fresh. Everything stays in this browser."</p>
            </header>
            <Show when=move || { count.get() > 0 }>
            <section class="stored" aria-labelledby="stored-h">
                <h2 id="stored-h">"In this browser"</h2>
                <div class="library-tools" role="search" aria-label="Find a report">
                    <label class="search">
                        <span class="visually-hidden">"Search reports"</span>
                        <input type="search" data-testid="library-search" placeholder="Search title, id, service or text"
                            prop:value=move || query.with(|q| q.text.clone())
                            on:input=set(|q, v| q.text = v) />
                    </label>
                    <Filter what="Severity" testid="library-severity" any="Any severity" values=severities
                        none=Some(("none", "No severity")) query=query
                        get=|q| q.severity.as_str() set=|q, v| q.severity = v />
                    <Filter what="Status" testid="library-status" any="Any status" values=statuses
                        none=None query=query
                        get=|q| q.status.as_str() set=|q, v| q.status = v />
                    <label>
                        <span class="visually-hidden">"Sort by"</span>
                        <select data-testid="library-sort"
                            on:change=set(|q, v| q.order = Order::ALL.iter().find(|o| o.1 == v).map_or(Order::Edited, |o| o.0))>
                            {Order::ALL.iter().map(|(o, id, label)| {
                                let o = *o;
                                view! { <option value=*id selected=move || query.with(|q| q.order == o)>{"Sort: "}{*label}</option> }
                            }).collect_view()}
                        </select>
                    </label>
                    <span class="found" data-testid="library-found" aria-live="polite">{found}</span>
                </div>
                    <Show when=move || shown.with(Vec::is_empty)>
                        <p class="muted" data-testid="library-none">"No report matches. Clear the search or a filter to see more."</p>
                    </Show>
                    <ul class="doc-list" data-testid="doc-list">
                        <For each=move || shown.get() key=|e| (e.id.clone(), e.edited_ms as u64) let:entry>
                            <DocItem entry=entry />
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
