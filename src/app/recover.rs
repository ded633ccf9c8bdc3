//! After the page starts: making localStorage agree with the durable copy
//! (`durable::plan`), putting back what a browser crash took from localStorage, copying
//! reports only localStorage has into the durable copy, and saying what was recovered.

use super::durable::{self, Action};
use super::state::{now_ms, Ctx};
use super::storage::{self, Stamp};
use leptos::prelude::*;

impl Ctx {
    /// Compares the two copies once, at start, and repairs localStorage from the durable
    /// one where it is behind. The open report is refreshed when it was recovered and
    /// nothing was typed meanwhile; a report left open when the browser died is reopened.
    pub fn recover(self) {
        durable::read_all(move |found| {
            if self.library.is_disposed() {
                return;
            }
            let (Some((held, open)), Ok(s)) = (found, storage::local()) else {
                return;
            };
            let local: Vec<(String, Stamp)> = storage::doc_ids(&s)
                .into_iter()
                .map(|id| {
                    let stamp = storage::stored_stamp(&s, &id)
                        .ok()
                        .flatten()
                        .unwrap_or_default();
                    (id, stamp)
                })
                .collect();
            let mut restored = Vec::new();
            let mut forgotten = Vec::new();
            for action in durable::plan(&local, &held) {
                match action {
                    Action::Restore { id, raw } => {
                        if storage::restore_raw(&s, &id, &raw).is_ok() {
                            restored.push(id);
                        }
                    }
                    Action::Copy { id } => {
                        if let Some(raw) = storage::raw_doc(&s, &id) {
                            self.write_durably(&id, &raw);
                        }
                    }
                    Action::Forget { id } => {
                        storage::forget_doc(&s, &id);
                        forgotten.push(id);
                    }
                }
            }
            if restored.is_empty() && forgotten.is_empty() {
                return;
            }
            let loaded = storage::load(&s, now_ms());
            self.library.set(loaded.entries);
            let _ = self
                .library
                .with_untracked(|entries| storage::save_index(&s, entries));
            match self.open.get_untracked() {
                Some(id) if forgotten.contains(&id) => self.closed_elsewhere(),
                Some(id) if restored.contains(&id) && !self.unsaved.get_untracked() => {
                    self.take_stored(&id)
                }
                Some(_) => {}
                None => {
                    let lost_open = storage::open_id(&s).is_none();
                    if let Some(id) = open.filter(|id| lost_open && restored.contains(id)) {
                        self.open_doc(&id);
                    }
                }
            }
            if !restored.is_empty() {
                let titles: Vec<String> = self.library.with_untracked(|l| {
                    l.iter()
                        .filter(|e| restored.contains(&e.id))
                        .map(|e| format!("“{}”", e.shown_title()))
                        .collect()
                });
                self.notes.update(|n| {
                    n.push(format!(
                        "Recovered the last save of {} from this browser's durable copy: \
                         the browser closed before its quick storage was written to disk.",
                        titles.join(", ")
                    ))
                });
            }
        });
    }
}
