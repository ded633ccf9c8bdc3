//! Keeping one report right across tabs: every write checks that the stored copy is still
//! the revision this tab's copy was made from, so a newer one is never written over; news
//! from other tabs updates the library, refreshes an idle open report, closes a deleted
//! one, and puts the choice to the author when both tabs changed it (keep mine as a copy,
//! take theirs, or merge — through the core's `merge` — when they changed different
//! fields).

use super::library::{new_id, Entry};
use super::revisions::{Conflict, Outcome, Synced};
use super::state::{now_ms, Ctx};
use super::storage::{self, Problem, Stamp};
use super::tabs::{self, News};
use hindsight_core::{merge, Merge, Report};
use leptos::prelude::*;

impl Ctx {
    /// Writes `report` as the next revision of `id`, unless the stored copy is no longer
    /// the revision this tab's copy was made from. A write the browser refuses keeps the
    /// report in memory (`unwritten`).
    pub(super) fn write_tracked(self, id: &str, report: &Report) -> Result<Outcome, Problem> {
        let result = self.guarded_write(id, report);
        self.unwritten.update_value(|u| match &result {
            Ok(Outcome::Written) => {
                u.remove(id);
            }
            Ok(_) => {}
            Err(_) => {
                u.insert(id.to_string(), report.clone());
            }
        });
        result
    }

    fn guarded_write(self, id: &str, report: &Report) -> Result<Outcome, Problem> {
        let s = storage::local()?;
        let known = self
            .synced
            .with_value(|m| m.get(id).and_then(|x| x.stamp.clone()));
        let stored = storage::stored_stamp(&s, id)?;
        let stamp = match (known, stored) {
            (Some(k), Some(st)) if k == st => st.next(tabs::me()),
            (None, None) => Stamp::default().next(tabs::me()),
            (Some(_), None) => return Ok(Outcome::Gone),
            (_, Some(_)) => return Ok(Outcome::Newer),
        };
        let raw = storage::save_report(&s, id, &stamp, report)?;
        self.write_durably(id, &raw);
        self.synced.update_value(|m| {
            let parent = m.remove(id).map(|x| x.report);
            m.insert(
                id.to_string(),
                Synced {
                    stamp: Some(stamp),
                    report: report.clone(),
                    parent,
                },
            );
        });
        Ok(Outcome::Written)
    }

    /// Tells the other tabs a report was stored.
    pub(super) fn tell_saved(self, id: &str) {
        let Some(stamp) = self
            .synced
            .with_value(|m| m.get(id).and_then(|x| x.stamp.clone()))
        else {
            return;
        };
        let entry = self
            .library
            .with_untracked(|l| l.iter().find(|e| e.id == id).cloned());
        tabs::tell(&News::Saved {
            id: id.to_string(),
            stamp,
            entry,
        });
    }

    /// Tries again the reports (other than the open one) the browser refused before. One
    /// another tab changed or deleted meanwhile is kept as a new copy beside it.
    pub(super) fn retry_unwritten(self) -> Result<(), Problem> {
        let open = self.open.get_untracked();
        let waiting: Vec<(String, Report)> = self.unwritten.with_value(|u| {
            u.iter()
                .filter(|(id, _)| Some(id.as_str()) != open.as_deref())
                .map(|(id, r)| (id.clone(), r.clone()))
                .collect()
        });
        let mut result = Ok(());
        for (id, report) in waiting {
            match self.write_tracked(&id, &report) {
                Ok(Outcome::Written) => self.tell_saved(&id),
                Ok(_) => {
                    self.unwritten.update_value(|u| {
                        u.remove(&id);
                    });
                    self.synced.update_value(|m| {
                        m.remove(&id);
                    });
                    self.add_copy(report, "another tab changed it meanwhile");
                }
                Err(p) => result = Err(p),
            }
        }
        result
    }

    /// Stores `report` as a new report at the top of the list, titled as a copy.
    fn add_copy(self, mut report: Report, why: &str) -> String {
        let title = report.meta.title.trim().to_string();
        report.meta.title = if title.is_empty() {
            "(my copy)".to_string()
        } else {
            format!("{title} (my copy)")
        };
        let id = new_id(now_ms(), js_sys::Math::random());
        let review = self.review.review_of(&report);
        let entry = Entry::of(id.clone(), now_ms(), &report, &review);
        self.library.update(|l| l.insert(0, entry));
        self.synced.update_value(|m| {
            m.insert(
                id.clone(),
                Synced {
                    stamp: None,
                    report: report.clone(),
                    parent: None,
                },
            );
        });
        let mut result = self.write_tracked(&id, &report).map(|_| ());
        if result.is_ok() {
            self.tell_saved(&id);
            result = storage::local().and_then(|s| {
                self.library
                    .with_untracked(|entries| storage::save_index(&s, entries))
            });
        }
        self.notes.update(|n| {
            n.push(format!(
                "“{}” was kept as a new copy: {why}.",
                report.meta.title
            ))
        });
        self.note_result(result);
        id
    }

    /// A stored report with its stamp, or one the browser refused to keep (its stamp
    /// is already tracked).
    pub(super) fn stored_or_unwritten(self, id: &str) -> Option<(Option<Stamp>, Report)> {
        if let Some(r) = self.unwritten.with_value(|u| u.get(id).cloned()) {
            return Some((None, r));
        }
        let s = storage::local().ok()?;
        storage::load_stored(&s, id).map(|(st, r)| (Some(st), r))
    }

    /// Drops what is tracked for reports that are neither open nor waiting to be written.
    pub(super) fn forget_synced_unless_unwritten(self) {
        let keep: Vec<String> = self.unwritten.with_value(|u| u.keys().cloned().collect());
        self.synced
            .update_value(|m| m.retain(|id, _| keep.contains(id)));
    }

    /// What another tab said.
    pub fn on_news(self, news: News) {
        match news {
            News::Saved { id, stamp, entry } => {
                if stamp.tab == tabs::me() {
                    return;
                }
                let entry = entry.or_else(|| {
                    storage::local()
                        .ok()
                        .and_then(|s| storage::entry_of(&s, &id))
                });
                if let Some(entry) = entry {
                    self.library
                        .update(|l| match l.iter_mut().find(|e| e.id == id) {
                            Some(e) => *e = entry,
                            None => l.insert(0, entry),
                        });
                }
                if self.open.get_untracked().as_deref() != Some(id.as_str()) {
                    return;
                }
                self.when_stored(id, stamp, 40);
            }
            News::Deleted { id } => {
                self.library.update(|l| l.retain(|e| e.id != id));
                if self.open.get_untracked().as_deref() != Some(id.as_str()) {
                    return;
                }
                if self.unsaved.get_untracked() {
                    self.set_conflict(Conflict::Deleted { id });
                } else {
                    self.closed_elsewhere();
                }
            }
        }
    }

    /// Acts on another tab's save of the open report once this tab's storage shows it:
    /// each tab's view of localStorage catches up a moment after the news arrives, so
    /// reading at once can give the revision before. Tries again every 50 ms, `tries`
    /// times, then acts on what is there.
    fn when_stored(self, id: String, stamp: Stamp, tries: u32) {
        if self.open.get_untracked().as_deref() != Some(id.as_str()) {
            return;
        }
        let known = self
            .synced
            .with_value(|m| m.get(&id).and_then(|x| x.stamp.clone()));
        if known.as_ref() == Some(&stamp) {
            return;
        }
        let seen = storage::local()
            .ok()
            .and_then(|s| storage::stored_stamp(&s, &id).ok().flatten());
        if seen.as_ref() != Some(&stamp) && tries > 0 {
            set_timeout(
                move || {
                    if !self.synced.is_disposed() {
                        self.when_stored(id, stamp, tries - 1);
                    }
                },
                std::time::Duration::from_millis(50),
            );
            return;
        }
        if known.is_some() && known == seen {
            return;
        }
        // This tab's last write was overwritten by a write of the same moment that was
        // not made from it: its words are not in the stored copy. They count as unsaved
        // edits on top of what both were made from, so the author gets the choice.
        let me = tabs::me();
        if let (Some(k), Some(seen)) = (&known, &seen) {
            if k.tab == me && !seen.made_from(k) {
                self.synced.update_value(|m| {
                    if let Some(x) = m.get_mut(&id) {
                        if let Some(parent) = x.parent.take() {
                            x.report = parent;
                        }
                    }
                });
                self.unsaved.set(true);
            }
        }
        if self.unsaved.get_untracked() {
            self.found_newer(&id);
        } else {
            self.take_stored(&id);
        }
    }

    pub(super) fn set_conflict(self, c: Conflict) {
        if self.conflict.with_untracked(|x| x.as_ref() != Some(&c)) {
            self.conflict.set(Some(c));
        }
        self.note_result(Ok(()));
    }

    /// Another tab stored a newer revision of the open report while this one has unsaved
    /// edits: work out what each changed and ask.
    pub(super) fn found_newer(self, id: &str) {
        let Some((_, theirs)) = storage::local()
            .ok()
            .and_then(|s| storage::load_stored(&s, id))
        else {
            self.set_conflict(Conflict::Deleted { id: id.to_string() });
            return;
        };
        let base = self
            .synced
            .with_value(|m| m.get(id).map(|x| x.report.clone()))
            .unwrap_or_default();
        let mine = self.report.get_untracked();
        let both = match merge(&base, &mine, &theirs) {
            Merge::Clean(_) => Vec::new(),
            Merge::Conflict(both) => both,
        };
        self.set_conflict(Conflict::Changed {
            id: id.to_string(),
            theirs: hindsight_core::merge::changed(&base, &theirs),
            mine: hindsight_core::merge::changed(&base, &mine),
            both,
        });
    }

    /// The open report becomes the stored one (this tab had nothing unsaved, or the
    /// author chose theirs).
    pub(super) fn take_stored(self, id: &str) {
        let Some((stamp, theirs)) = storage::local()
            .ok()
            .and_then(|s| storage::load_stored(&s, id))
        else {
            self.closed_elsewhere();
            return;
        };
        self.synced.update_value(|m| {
            m.insert(
                id.to_string(),
                Synced {
                    stamp: Some(stamp),
                    report: theirs.clone(),
                    parent: None,
                },
            );
        });
        self.unwritten.update_value(|u| {
            u.remove(id);
        });
        // Undo steps recorded against this tab's old copy would write it back.
        self.histories.update_value(|h| {
            h.remove(id);
        });
        self.conflict.set(None);
        self.report.set(theirs);
        self.review.schedule(self.report);
        self.unsaved.set(false);
        self.note_result(Ok(()));
        self.refresh_steps();
    }

    /// The open report was deleted in another tab: back to the library, saying so.
    pub(super) fn closed_elsewhere(self) {
        let title = self
            .report
            .with_untracked(|r| r.meta.title.trim().to_string());
        self.conflict.set(None);
        if let Some(id) = self.open.get_untracked() {
            self.unwritten.update_value(|u| {
                u.remove(&id);
            });
        }
        self.forget_synced_unless_unwritten();
        self.unsaved.set(false);
        self.open.set(None);
        self.refresh_steps();
        let name = if title.is_empty() {
            "This report".to_string()
        } else {
            format!("“{title}”")
        };
        self.notes
            .set(vec![format!("{name} was deleted in another tab.")]);
        self.note_result(Ok(()));
    }

    /// The author's choice: keep this tab's version as a new report, leaving the other
    /// tab's (or its deletion) as it is.
    pub fn keep_mine_as_copy(self) {
        let Some(c) = self.conflict.get_untracked() else {
            return;
        };
        let mine = self.report.get_untracked();
        let why = match c {
            Conflict::Changed { .. } => "another tab saved its own changes to the original",
            Conflict::Deleted { .. } => "another tab deleted the original",
        };
        self.unwritten.update_value(|u| {
            u.remove(c.id());
        });
        let id = self.add_copy(mine, why);
        self.conflict.set(None);
        self.unsaved.set(false);
        self.open_doc(&id);
    }

    /// The author's choice: drop this tab's unsaved edits for the other tab's version
    /// (or, when it was deleted, close it).
    pub fn take_theirs(self) {
        match self.conflict.get_untracked() {
            Some(Conflict::Changed { id, .. }) => self.take_stored(&id),
            Some(Conflict::Deleted { .. }) => self.closed_elsewhere(),
            None => {}
        }
    }

    /// The author's choice: both tabs' changes in one report, saved as the next revision.
    pub fn merge_both(self) {
        let Some(Conflict::Changed { id, .. }) = self.conflict.get_untracked() else {
            return;
        };
        let Some((stamp, theirs)) = storage::local()
            .ok()
            .and_then(|s| storage::load_stored(&s, &id))
        else {
            self.set_conflict(Conflict::Deleted { id });
            return;
        };
        let base = self
            .synced
            .with_value(|m| m.get(&id).map(|x| x.report.clone()))
            .unwrap_or_default();
        let mine = self.report.get_untracked();
        match merge(&base, &mine, &theirs) {
            Merge::Clean(merged) => {
                self.synced.update_value(|m| {
                    m.insert(
                        id.clone(),
                        Synced {
                            stamp: Some(stamp),
                            report: theirs,
                            parent: None,
                        },
                    );
                });
                self.conflict.set(None);
                self.report.set(*merged);
                self.review.schedule(self.report);
                self.unsaved.set(true);
                self.flush();
            }
            Merge::Conflict(_) => self.found_newer(&id),
        }
    }
}
