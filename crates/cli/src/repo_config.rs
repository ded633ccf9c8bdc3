//! Finding and applying the docs repo's `.hindsight.json`: looked for in the working
//! directory and each folder above it, up to the repository root (the folder holding
//! `.git`); its policy file and post-mortems folder are read relative to where it lives.

use std::path::{Path, PathBuf};

use hindsight_core::policy::Policy;
use hindsight_core::repo_config::{PolicySource, RepoConfig, FILE_NAME};

use crate::{read_in, Failure};

/// A config file and the folder it was found in.
pub struct Found {
    pub dir: PathBuf,
    pub config: RepoConfig,
}

/// The nearest `.hindsight.json` from `start` up to the repository root, if any. A file
/// that exists but does not read is an error naming it.
pub fn discover(start: &Path) -> Result<Option<Found>, Failure> {
    let mut dir = Some(start);
    while let Some(d) = dir {
        let candidate = d.join(FILE_NAME);
        if candidate.is_file() {
            let text = read_in(&candidate)?;
            let config = RepoConfig::from_json(&text)
                .map_err(|e| Failure(format!("{}: {e}", candidate.display())))?;
            return Ok(Some(Found {
                dir: d.to_path_buf(),
                config,
            }));
        }
        if d.join(".git").exists() {
            return Ok(None);
        }
        dir = d.parent();
    }
    Ok(None)
}

/// The config for the working directory.
pub fn current() -> Result<Option<Found>, Failure> {
    let cwd = std::env::current_dir()
        .map_err(|e| Failure(format!("cannot read the working directory: {e}")))?;
    discover(&cwd)
}

impl Found {
    /// The policy the config names, loaded.
    pub fn policy(&self) -> Result<Option<Policy>, Failure> {
        match &self.config.policy {
            None => Ok(None),
            Some(PolicySource::Inline(p)) => Ok(Some((**p).clone())),
            Some(PolicySource::File(rel)) => {
                let path = self.dir.join(rel);
                let text = read_in(&path)?;
                Policy::from_json(&text)
                    .map(Some)
                    .map_err(|e| Failure(format!("{}: {e}", path.display())))
            }
        }
    }

    /// The Markdown files of the configured post-mortems folder, sorted; `None` when the
    /// config names no folder.
    pub fn folder_files(&self) -> Result<Option<Vec<PathBuf>>, Failure> {
        let Some(folder) = &self.config.folder else {
            return Ok(None);
        };
        let dir = self.dir.join(folder);
        let entries = std::fs::read_dir(&dir)
            .map_err(|e| Failure(format!("cannot read the folder {}: {e}", dir.display())))?;
        let mut files: Vec<PathBuf> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.is_file() && p.extension().is_some_and(|x| x == "md"))
            .collect();
        files.sort();
        Ok(Some(files))
    }
}
