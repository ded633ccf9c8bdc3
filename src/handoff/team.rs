//! The team's settings in the app: `hindsight.config.json` beside `index.html`, fetched
//! relative to the page at start (absent is fine), or a `.hindsight.json` /
//! `hindsight.config.json` dropped on the page. Both are read by the core's
//! `RepoConfig` (the CLI's `.hindsight.json`): default template, folder, file name
//! pattern, Mermaid, repo and branch, and the policy the live review checks against
//! (written inline, or, beside the page only, the path of a policy file relative to it).
//! A file that does not read shows a banner naming the file and the reason, and changes
//! nothing.

use super::Handoff;
use crate::app::files;
use crate::app::use_ctx;
use hindsight_core::policy::Policy;
use hindsight_core::repo_config::{PolicySource, RepoConfig, FILE_NAME};
use hindsight_core::{templates, Report};
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The hosted config's name, beside `index.html`.
pub const HOSTED_NAME: &str = "hindsight.config.json";

/// What the banner says about the team's settings.
#[derive(Debug, Clone, PartialEq)]
pub enum TeamNote {
    /// Settings read from this file; what they set.
    Loaded { from: String, sets: Vec<String> },
    /// The file was refused.
    Refused { from: String, reason: String },
}

/// True for a dropped file that is a team config rather than a report.
pub fn is_config_name(name: &str) -> bool {
    name == FILE_NAME || name == HOSTED_NAME
}

/// What a config sets, in words, for the banner.
pub fn summary(c: &RepoConfig) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(t) = c.template.as_deref().and_then(templates::by_id) {
        out.push(format!("template {}", t.name));
    }
    match &c.policy {
        Some(PolicySource::Inline(_)) => out.push("the review's policy".to_string()),
        Some(PolicySource::File(path)) => out.push(format!("the review's policy from {path}")),
        None => {}
    }
    if let Some(f) = &c.folder {
        out.push(format!("folder {f}"));
    }
    if let Some(p) = &c.file_name {
        out.push(format!("file names {p}"));
    }
    if let Some(m) = c.mermaid {
        out.push(format!("Mermaid timeline {}", if m { "on" } else { "off" }));
    }
    if let Some(r) = &c.repo {
        out.push(format!("repo {r}"));
    }
    if let Some(b) = &c.branch {
        out.push(format!("branch {b}"));
    }
    out
}

/// Reads a config's text and applies it, or says why not. Returns the path of the policy
/// file it names, for the caller that can read one.
pub fn apply_text(h: Handoff, from: &str, text: &str) -> Option<String> {
    match RepoConfig::from_json(text) {
        // The shipped file is `{}`: no settings, nothing to say.
        Ok(config) if config == RepoConfig::default() => {
            h.team_note.set(None);
            None
        }
        Ok(config) => {
            h.team_note.set(Some(TeamNote::Loaded {
                from: from.to_string(),
                sets: summary(&config),
            }));
            let path = match &config.policy {
                Some(PolicySource::File(path)) => Some(path.clone()),
                _ => None,
            };
            h.apply_team(config);
            path
        }
        Err(e) => {
            h.team_note.set(Some(TeamNote::Refused {
                from: from.to_string(),
                reason: e.to_string(),
            }));
            None
        }
    }
}

/// Reads the policy file a hosted config names (relative to the page) and reviews under
/// it, or says why not.
fn apply_policy_text(h: Handoff, path: &str, text: Option<String>) {
    let policy = text
        .ok_or_else(|| "it could not be fetched beside the page".to_string())
        .and_then(|t| Policy::from_json(&t).map_err(|e| e.to_string()));
    match policy {
        Ok(policy) => h.use_policy(policy),
        Err(reason) => h.team_note.set(Some(TeamNote::Refused {
            from: path.to_string(),
            reason,
        })),
    }
}

/// A file beside the page, asked afresh (never from the HTTP cache: a revalidation within
/// the same second as an edit can answer 304 with the old copy, and a team that edits the
/// file should see it on the next load). `None` when missing, or when the host answers
/// with its HTML page.
async fn fetch_beside(name: &str) -> Option<String> {
    let window = web_sys::window()?;
    let init = web_sys::RequestInit::new();
    init.set_cache(web_sys::RequestCache::NoStore);
    let resp = JsFuture::from(window.fetch_with_str_and_init(name, &init))
        .await
        .ok()?;
    let resp = resp.dyn_into::<web_sys::Response>().ok()?;
    let html = resp
        .headers()
        .get("content-type")
        .ok()
        .flatten()
        .is_some_and(|t| t.contains("html"));
    if !resp.ok() || html {
        return None;
    }
    JsFuture::from(resp.text().ok()?).await.ok()?.as_string()
}

/// Fetches `hindsight.config.json` relative to the page, and the policy file it names. A
/// missing file means no team settings.
pub fn load_hosted(h: Handoff) {
    leptos::task::spawn_local(async move {
        // Offline (an installed page opened with no network) there is nothing to ask, and a
        // failed fetch would only add a console error.
        if !web_sys::window().is_some_and(|w| w.navigator().on_line()) {
            return;
        }
        let Some(text) = fetch_beside(HOSTED_NAME).await else {
            return;
        };
        if let Some(path) = apply_text(h, HOSTED_NAME, &text) {
            let policy = fetch_beside(&path).await;
            apply_policy_text(h, &path, policy);
        }
    });
}

/// A config file dropped on the page is taken as settings, before the report drop
/// zone sees it (a capture listener on the window).
pub fn install_config_drop(h: Handoff) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let on_drop = Closure::<dyn Fn(web_sys::DragEvent)>::new(move |ev: web_sys::DragEvent| {
        let files = crate::chrome::drop_zone::files_of(ev.data_transfer().and_then(|d| d.files()));
        let Some(file) = files.into_iter().find(|f| is_config_name(&f.name())) else {
            return;
        };
        ev.prevent_default();
        ev.stop_immediate_propagation();
        // The report drop zone's overlay ends on its drop event, which this one stops.
        if let (Some(w), Ok(leave)) = (web_sys::window(), web_sys::DragEvent::new("dragleave")) {
            let _ = w.dispatch_event(&leave);
        }
        let name = file.name();
        leptos::task::spawn_local(async move {
            match files::file_text(&file).await {
                Ok(text) => {
                    // A dropped file has no folder to read a policy path from.
                    if let Some(path) = apply_text(h, &name, &text) {
                        h.team_note.update(|n| {
                            if let Some(TeamNote::Loaded { sets, .. }) = n {
                                sets.retain(|s| !s.contains(&path));
                                sets.push(format!("but not the policy file {path} (a dropped file cannot point to one: write the policy inline)"));
                            }
                        });
                    }
                }
                Err(reason) => h
                    .team_note
                    .set(Some(TeamNote::Refused { from: name, reason })),
            }
        });
    });
    let _ = window.add_event_listener_with_callback_and_bool(
        "drop",
        on_drop.as_ref().unchecked_ref(),
        true,
    );
    // The listener lives as long as the page.
    on_drop.forget();
}

/// The banner: which team settings are in use, or why a file was refused.
#[component]
pub fn TeamBanner() -> impl IntoView {
    let h = super::use_handoff();
    move || {
        h.team_note.get().map(|note| match note {
            TeamNote::Loaded { from, sets } => view! {
                <div class="banner notes" role="status" data-testid="team-config">
                    <p>{format!("Team settings from {from}: {}.", if sets.is_empty() { "nothing set".to_string() } else { sets.join(", ") })}</p>
                    <button type="button" class="small" on:click=move |_| h.team_note.set(None)>"Dismiss"</button>
                </div>
            }.into_any(),
            TeamNote::Refused { from, reason } => view! {
                <div class="banner" role="alert" data-testid="team-config-error">
                    <p>{format!("The team settings in {from} were not used: {reason}")}</p>
                    <button type="button" class="small" on:click=move |_| h.team_note.set(None)>"Dismiss"</button>
                </div>
            }.into_any(),
        })
    }
}

/// On the start screen: the team's template, one click away.
#[component]
pub fn TeamDefault() -> impl IntoView {
    let h = super::use_handoff();
    let ctx = use_ctx();
    move || {
        let t = h
            .team
            .with(|c| c.template.as_deref().and_then(templates::by_id))?;
        let id = t.id;
        Some(view! {
            <p class="team-default">
                <button type="button" class="primary" data-testid="new-team"
                    on:click=move |_| { ctx.create(Report::new(id)); }>
                    {format!("Start with your team's template ({})", t.name)}
                </button>
            </p>
        })
    }
}
