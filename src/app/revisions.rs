//! What a tab knows about stored revisions: the revision its copy of a report was made
//! from, what a guarded write found, and a conflict with another tab that waits for the
//! author's choice. State and sync both use these; neither owns the other.

use super::storage::Stamp;
use hindsight_core::Report;

/// The stored revision a tab's copy of a report was made from (`None`: never stored),
/// and that revision's content; after this tab wrote it, also the content it was made
/// from (`parent`), what a merge compares against should another tab's write of the same
/// moment land over it.
#[derive(Debug, Clone)]
pub struct Synced {
    pub stamp: Option<Stamp>,
    pub report: Report,
    pub parent: Option<Report>,
}

/// Another tab got to the open report first.
#[derive(Debug, Clone, PartialEq)]
pub enum Conflict {
    /// It saved a newer revision while this tab had unsaved edits.
    Changed {
        id: String,
        /// What each side changed ("Title", "Timeline, row 2").
        theirs: Vec<String>,
        mine: Vec<String>,
        /// What both changed differently; empty when a merge keeps everything.
        both: Vec<String>,
    },
    /// It deleted the report while this tab had unsaved edits.
    Deleted { id: String },
}

impl Conflict {
    pub fn id(&self) -> &str {
        match self {
            Conflict::Changed { id, .. } | Conflict::Deleted { id } => id,
        }
    }

    /// The save state while the choice waits.
    pub fn save_state(&self) -> &'static str {
        match self {
            Conflict::Changed { .. } => "Not saved: changed in another tab",
            Conflict::Deleted { .. } => "Not saved: deleted in another tab",
        }
    }

    /// True when merging keeps both sides' changes.
    pub fn can_merge(&self) -> bool {
        matches!(self, Conflict::Changed { both, .. } if both.is_empty())
    }
}

/// What a guarded write found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Written,
    /// Another tab stored a newer revision: nothing was written.
    Newer,
    /// Another tab deleted the report: nothing was written.
    Gone,
}
