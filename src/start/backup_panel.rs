//! The library's backup and storage corner: "Back up all reports" (one JSON file),
//! "Restore…" from such a file, a gentle reminder when nothing was backed up for a while,
//! and how much of the browser's storage this site uses (with a clear warning when it is
//! nearly full, and whether the browser promised to keep it).

use crate::app::backup::REMIND_AFTER_MS;
use crate::app::quota::{self, Usage};
use crate::app::{now_ms, use_ctx};
use crate::chrome::drop_zone::files_of;
use leptos::prelude::*;

#[component]
pub fn BackupPanel() -> impl IntoView {
    let ctx = use_ctx();
    let usage = RwSignal::new(None::<Usage>);
    // Asked once per visit to the library: persist() first, so the estimate shows it.
    leptos::task::spawn_local(async move {
        quota::persist().await;
        let found = quota::estimate().await;
        if !usage.is_disposed() {
            usage.set(found);
        }
    });
    let picked = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        if let Some(file) = files_of(input.files()).into_iter().next() {
            ctx.restore_file(file);
        }
        input.set_value("");
    };
    let remind = move || {
        let has_reports = ctx.library.with(|l| !l.is_empty());
        let stale = ctx
            .last_backup
            .get()
            .is_none_or(|at| now_ms() - at > REMIND_AFTER_MS);
        has_reports && stale
    };
    view! {
        <section class="backup" aria-labelledby="backup-h" data-testid="backup">
            <h2 id="backup-h">"Backup"</h2>
            <Show when=remind>
                <p class="muted" data-testid="backup-reminder">
                    {move || match ctx.last_backup.get() {
                        Some(_) => "No backup in the last two weeks: a browser's storage can be cleared, a file you keep cannot.",
                        None => "These reports live only in this browser: a backup file keeps them safe if its storage is cleared.",
                    }}
                </p>
            </Show>
            <div class="start-actions">
                <button type="button" data-testid="backup-all"
                    disabled=move || ctx.library.with(|l| l.is_empty())
                    on:click=move |_| ctx.back_up_all()>"Back up all reports"</button>
                <label class="file-button" for="restore-file">
                    <span class="button-like">"Restore…"</span>
                </label>
                <input id="restore-file" data-testid="restore-file" type="file" class="visually-hidden"
                    accept=".json,application/json" on:change=picked />
            </div>
            {move || usage.get().map(|u| {
                let kept = if u.persisted {
                    "The browser keeps it until you delete it."
                } else {
                    "The browser may clear it when the disk runs low: keep a backup."
                };
                view! {
                    <p class="muted" data-testid="storage-use">
                        {format!("Storage: {}. {kept}", u.describe())}
                    </p>
                    <Show when=move || u.nearly_full()>
                        <p class="warning" role="status" data-testid="storage-nearly-full">
                            "This browser's storage for Hindsight is nearly full: back up, then delete reports you no longer need, before saving fails."
                        </p>
                    </Show>
                }
            })}
        </section>
    }
}
