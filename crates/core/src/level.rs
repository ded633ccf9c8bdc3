//! How much a finding matters: the one severity scale of findings, shared by validation,
//! the team policy that overrides rule levels, and every output (CLI, SARIF, the editor).

use std::fmt;

use serde::{Deserialize, Serialize};

/// How much a finding matters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    /// A reviewer would send the report back.
    Error,
    /// Worth fixing before review.
    Warning,
    /// Worth knowing.
    Info,
}

impl Level {
    /// Lower-case name, as in CLI output ("error").
    pub fn name(self) -> &'static str {
        match self {
            Level::Error => "error",
            Level::Warning => "warning",
            Level::Info => "info",
        }
    }
}

impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}
