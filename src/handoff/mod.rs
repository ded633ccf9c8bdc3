//! The hand-off from the editor to a docs repo and a tracker: the team's settings
//! (`team.rs`), "Save to folder…" (`save_folder.rs`), "Propose in repo" (`propose.rs`)
//! and action items for trackers (`tracker.rs`). `Handoff` is the context they share:
//! `Copy` handles to the team's config, the remembered repo target and the export's
//! Mermaid switch.

pub mod propose;
pub mod save_folder;
pub mod team;
pub mod tracker;

use crate::app::{storage, use_ctx, Ctx};
use hindsight_core::policy::Policy;
use hindsight_core::propose::Target;
use hindsight_core::repo_config::{PolicySource, RepoConfig};
use hindsight_core::Report;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// The docs repository as the author typed it (remembered in this browser).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RepoTarget {
    pub repo: String,
    pub branch: String,
    pub folder: String,
}

impl RepoTarget {
    /// The checked target, or why not.
    pub fn checked(&self) -> Result<Target, String> {
        Target::new(&self.repo, &self.branch, &self.folder).map_err(|e| e.to_string())
    }
}

/// Handles the hand-off views share.
#[derive(Clone, Copy)]
pub struct Handoff {
    /// The team's settings (`hindsight.config.json` beside the page, or a dropped
    /// `.hindsight.json`); the default when there are none.
    pub team: RwSignal<RepoConfig>,
    /// Where the team's settings came from, or why a file was refused (the banner).
    pub team_note: RwSignal<Option<team::TeamNote>>,
    /// Add the Mermaid timeline to Markdown exports (the team's default, then the
    /// author's choice in the export bar).
    pub mermaid: RwSignal<bool>,
    /// Where "Propose in repo" goes and GitHub issue links point.
    pub target: RwSignal<RepoTarget>,
    /// The app, whose live review takes the team's policy.
    ctx: Ctx,
}

impl Handoff {
    fn new() -> Handoff {
        let remembered = storage::local()
            .ok()
            .and_then(|s| storage::propose_target(&s))
            .and_then(|raw| serde_json::from_str::<RepoTarget>(&raw).ok())
            .unwrap_or_default();
        Handoff {
            team: RwSignal::new(RepoConfig::default()),
            team_note: RwSignal::new(None),
            mermaid: RwSignal::new(false),
            target: RwSignal::new(remembered),
            ctx: use_ctx(),
        }
    }

    /// Takes a team config: its defaults fill what the author has not set here, and an
    /// inline policy is what the live review checks against from now on.
    pub fn apply_team(self, config: RepoConfig) {
        if let Some(PolicySource::Inline(policy)) = &config.policy {
            self.use_policy((**policy).clone());
        }
        self.mermaid.set(config.mermaid.unwrap_or(false));
        self.target.update(|t| {
            if t.repo.trim().is_empty() {
                if let Some(r) = &config.repo {
                    t.repo = r.clone();
                }
            }
            if t.branch.trim().is_empty() {
                if let Some(b) = &config.branch {
                    t.branch = b.clone();
                }
            }
            if t.folder.trim().is_empty() {
                if let Some(f) = &config.folder {
                    t.folder = f.clone();
                }
            }
        });
        self.team.set(config);
    }

    /// Reviews under the team's policy from now on.
    pub fn use_policy(self, policy: Policy) {
        self.ctx.review.use_policy(policy, self.ctx.report);
    }

    /// Remembers the repo target in this browser.
    pub fn remember_target(self) {
        let raw = self
            .target
            .with_untracked(|t| serde_json::to_string(t).unwrap_or_default());
        if let Ok(s) = storage::local() {
            let _ = storage::remember_propose_target(&s, &raw);
        }
    }

    /// The file name a report is saved and proposed under (the team's pattern).
    pub fn file_name(self, report: &Report) -> String {
        self.team.with_untracked(|c| c.file_name_for(report))
    }
}

/// Makes the hand-off context and loads the team's config beside the page.
pub fn provide_handoff() {
    let h = Handoff::new();
    provide_context(h);
    team::load_hosted(h);
    team::install_config_drop(h);
}

pub fn use_handoff() -> Handoff {
    expect_context::<Handoff>()
}
