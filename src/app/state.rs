//! The app's shared state: small `Copy` handles carried in context, and the operations the
//! components call (open, create, duplicate, delete, type, change, undo, save). The open
//! report lives once, in `Ctx::report`; the library holds only what the list shows.

use super::durable;
use super::files;
use super::history::{Apply, History, PartRows, Swap};
use super::library::{new_id, Entry};
use super::review::LiveReview;
use super::revisions::{Conflict, Outcome, Synced};
use super::storage::{self, Problem, SetAside};
use super::tabs;
use hindsight_core::limits::{self, Cut};
use hindsight_core::{Location, Report};
use leptos::prelude::*;
use reactive_stores::{Field, Store};
use std::collections::HashMap;
use std::time::Duration;

/// Quiet time after the last change before it is written to storage.
const SAVE_DELAY: Duration = Duration::from_millis(400);
/// Longest a change waits while typing goes on: a burst is written at least this often.
const SAVE_MAX_WAIT_MS: f64 = 1000.0;
/// After a write failed, how soon it is tried again (freed space saves by itself).
const RETRY_DELAY: Duration = Duration::from_secs(2);

/// What typing or a paste brought past one field's limit: the field kept the start; the
/// rest waits here for the author to copy or download.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldCut {
    /// The field, in the editor's words ("Timeline, row 4, event").
    pub field: String,
    pub cut: Cut,
}

impl FieldCut {
    pub fn message(&self) -> String {
        self.cut.message(&self.field)
    }
}

/// A deleted report kept for "Undo".
#[derive(Debug, Clone)]
pub struct Deleted {
    pub entry: Entry,
    pub report: Report,
    pub index: usize,
}

/// Handles to everything the components share. All fields are `Copy`.
#[derive(Clone, Copy)]
pub struct Ctx {
    /// Every report in this browser, in list order: what the start screen shows.
    pub library: RwSignal<Vec<Entry>>,
    /// Id of the report being edited, if any.
    pub open: RwSignal<Option<String>>,
    /// The report being edited, the one copy in memory; controls hold lenses on it.
    pub report: Store<Report>,
    /// What is wrong with storage right now, in plain words.
    pub problems: RwSignal<Vec<Problem>>,
    /// The last deleted report, offered for undo.
    pub deleted: RwSignal<Option<Deleted>>,
    /// Messages from the last import (errors, warnings), shown until dismissed.
    pub notes: RwSignal<Vec<String>>,
    /// The last text that went past a field's limit, shown until dismissed.
    pub cut: RwSignal<Option<FieldCut>>,
    /// Long row tables draw their rows a chunk at a time after a report opens; this asks
    /// every table to draw all its rows now (a jump to a row far down). Reset on open.
    pub all_rows: RwSignal<bool>,
    /// Findings, metrics and score of the open report.
    pub review: LiveReview,
    /// True while changes wait to be written (or could not be written).
    pub unsaved: RwSignal<bool>,
    /// Writes to the durable copy (IndexedDB) the browser has not yet said are on disk:
    /// "Saved" waits for them.
    pub pending_disk: RwSignal<u32>,
    /// Why the last write failed, for the save state (the banner can be dismissed; this
    /// stays until a write works).
    pub save_problem: RwSignal<Option<Problem>>,
    /// Another tab changed or deleted the open report while this one had unsaved edits.
    pub conflict: RwSignal<Option<Conflict>>,
    /// Copies of unreadable data set aside when loading, for the library.
    pub set_aside: RwSignal<Vec<SetAside>>,
    /// When all reports were last downloaded as a backup (ms since the epoch).
    pub last_backup: RwSignal<Option<f64>>,
    /// Whether Undo and Redo have a step to take.
    pub can_undo: RwSignal<bool>,
    pub can_redo: RwSignal<bool>,
    pub(super) histories: StoredValue<HashMap<String, History>>,
    /// Reports the browser refused to keep, held here so nothing is lost in this tab.
    pub(super) unwritten: StoredValue<HashMap<String, Report>>,
    /// For the open report and the unwritten ones: the stored revision this tab's copy
    /// was made from, and that revision's content (what a merge compares against).
    pub(super) synced: StoredValue<HashMap<String, Synced>>,
    save_timer: StoredValue<Option<TimeoutHandle>>,
    retry_timer: StoredValue<Option<TimeoutHandle>>,
    /// When the oldest change not yet written was made.
    dirty_since: StoredValue<Option<f64>>,
}

pub fn now_ms() -> f64 {
    js_sys::Date::now()
}

impl Ctx {
    /// Loads what the browser has stored and reopens the report that was open.
    pub fn init() -> Ctx {
        let ctx = Ctx {
            library: RwSignal::new(Vec::new()),
            open: RwSignal::new(None),
            report: Store::new(Report::default()),
            problems: RwSignal::new(Vec::new()),
            deleted: RwSignal::new(None),
            notes: RwSignal::new(Vec::new()),
            cut: RwSignal::new(None),
            all_rows: RwSignal::new(false),
            review: LiveReview::new(),
            unsaved: RwSignal::new(false),
            pending_disk: RwSignal::new(0),
            save_problem: RwSignal::new(None),
            conflict: RwSignal::new(None),
            set_aside: RwSignal::new(Vec::new()),
            last_backup: RwSignal::new(None),
            can_undo: RwSignal::new(false),
            can_redo: RwSignal::new(false),
            histories: StoredValue::new(HashMap::new()),
            unwritten: StoredValue::new(HashMap::new()),
            synced: StoredValue::new(HashMap::new()),
            save_timer: StoredValue::new(None),
            retry_timer: StoredValue::new(None),
            dirty_since: StoredValue::new(None),
        };
        match storage::local() {
            Ok(s) => {
                let loaded = storage::load(&s, now_ms());
                ctx.problems.set(loaded.problems);
                ctx.library.set(loaded.entries);
                ctx.set_aside.set(storage::set_aside_list(&s));
                ctx.last_backup.set(storage::last_backup(&s));
                if let Some(id) = storage::open_id(&s) {
                    ctx.open_doc(&id);
                }
            }
            Err(p) => {
                ctx.save_problem.set(Some(p.clone()));
                ctx.problems.set(vec![p]);
            }
        }
        ctx
    }

    /// What the toolbar says about saving, true to what happened.
    pub fn save_state(self) -> &'static str {
        if let Some(c) = self.conflict.get() {
            return c.save_state();
        }
        if !self.unsaved.get() {
            return if self.pending_disk.get() > 0 {
                "Saving…"
            } else {
                "Saved"
            };
        }
        match self.save_problem.get() {
            Some(Problem::Unavailable) => "Not saved: storage blocked",
            Some(Problem::Full) => "Not saved: storage full — retrying",
            Some(Problem::WriteFailed(_)) => "Not saved: the browser refused — retrying",
            Some(Problem::Corrupt(_)) | None => "Saving…",
        }
    }

    /// True when every change is written and on disk.
    pub fn all_saved(self) -> bool {
        !self.unsaved.get() && self.pending_disk.get() == 0
    }

    /// Writes a stored copy to the durable copy too; "Saved" waits until the browser says
    /// it is on disk. A durable write that fails says so and is tried again.
    pub(super) fn write_durably(self, id: &str, raw: &str) {
        self.pending_disk.update(|n| *n += 1);
        durable::put_doc(id, raw, move |result| {
            if self.pending_disk.is_disposed() {
                return;
            }
            self.pending_disk.update(|n| *n = n.saturating_sub(1));
            if result.is_err() {
                self.note_result(result);
            }
        });
    }

    /// A stored report by id: the open one, one the browser refused to keep, or storage.
    pub fn report_of(self, id: &str) -> Option<Report> {
        if self.open.get_untracked().as_deref() == Some(id) {
            return Some(self.report.get_untracked());
        }
        if let Some(r) = self.unwritten.with_value(|u| u.get(id).cloned()) {
            return Some(r);
        }
        storage::load_report(&storage::local().ok()?, id)
    }

    /// Changes the open report without telling anyone; the caller then notifies exactly
    /// the fields it wrote (`Field::notify`). A store write through an indexed row would
    /// notify every sibling row (reactive_stores 0.4 notifies the whole list), which on a
    /// 1,000-row timeline re-renders thousands of controls per keystroke.
    pub fn write_quietly(self, f: impl FnOnce(&mut Report)) {
        self.report.try_update_untracked(f);
    }

    /// Writes `value` at `at` and notifies only the controls that read that field.
    fn set_text(self, at: Location, lens: Field<String>, value: String) {
        self.write_quietly(|r| {
            if let Some(t) = at.text_mut(r) {
                *t = value;
            }
        });
        lens.notify();
    }

    /// The author typed `value` into the control at `at`, which edits `lens`. Writes that
    /// one field (only what reads it re-renders) and records a small undo step. Past the
    /// field limit the field keeps what fits and the rest is offered back (`cut`).
    pub fn type_text(self, at: Location, lens: Field<String>, value: String) {
        if !self.report.with_untracked(|r| at.exists_in(r)) {
            return;
        }
        let (value, cut) = match limits::fit_field(&value) {
            Some(cut) => {
                let kept = cut.kept.clone();
                let field = at.name();
                self.cut.set(Some(FieldCut { field, cut }));
                (kept, true)
            }
            None => (value, false),
        };
        let before = lens.get_untracked();
        if before == value {
            if cut {
                // The control shows more than the field holds: it shows the field again.
                lens.notify();
            }
            return;
        }
        self.set_text(at, lens, value.clone());
        self.review.hold(at);
        if let Some(id) = self.open.get_untracked() {
            self.histories.update_value(|h| {
                h.entry(id)
                    .or_default()
                    .record_text(at, before, value, now_ms())
            });
        }
        self.changed();
    }

    /// Changes the open report as a whole (a template switch): every control re-reads.
    pub fn change(self, f: impl FnOnce(&mut Report)) {
        self.change_in(|| self.report.update(f));
    }

    /// Runs `f`, which writes the whole report; the report as it was before is kept for
    /// undo.
    fn change_in(self, f: impl FnOnce()) {
        let before = self.report.get_untracked();
        f();
        if self.report.with_untracked(|r| *r == before) {
            return;
        }
        if let Some(id) = self.open.get_untracked() {
            self.histories
                .update_value(|h| h.entry(id).or_default().record_whole(before));
        }
        self.changed();
    }

    /// Runs `f`, which adds, moves or removes rows of the part `field` reads (`of` points
    /// to it in a report); only that part's rows as they were are kept for undo.
    pub fn change_rows<T>(
        self,
        field: Field<Vec<T>>,
        of: fn(&mut Report) -> &mut Vec<T>,
        f: impl FnOnce(),
    ) where
        T: Clone + PartialEq + serde::Serialize + Send + Sync + 'static,
    {
        let before = field.with_untracked(|rows| rows.clone());
        f();
        let Some(step) = field.with_untracked(|after| {
            (*after != before).then(|| PartRows::between(of, before, after))
        }) else {
            return;
        };
        if let Some(id) = self.open.get_untracked() {
            self.histories
                .update_value(|h| h.entry(id).or_default().record_rows(step));
        }
        self.changed();
    }

    /// Runs `f`, which makes the choice `step` describes (through store fields); the step
    /// is what undo keeps.
    pub fn change_by(self, step: impl Swap + 'static, f: impl FnOnce()) {
        f();
        if let Some(id) = self.open.get_untracked() {
            self.histories
                .update_value(|h| h.entry(id).or_default().record_rows(step));
        }
        self.changed();
    }

    /// After any change to the open report: review it, save it soon, update Undo/Redo.
    fn changed(self) {
        self.review.schedule(self.report);
        self.schedule_save();
        self.refresh_steps();
    }

    pub(super) fn refresh_steps(self) {
        let (undo, redo) = match self.open.get_untracked() {
            Some(id) => self.histories.with_value(|h| {
                h.get(&id)
                    .map_or((false, false), |h| (h.can_undo(), h.can_redo()))
            }),
            None => (false, false),
        };
        if self.can_undo.get_untracked() != undo {
            self.can_undo.set(undo);
        }
        if self.can_redo.get_untracked() != redo {
            self.can_redo.set(redo);
        }
    }

    /// Saves soon: after a short quiet, but never later than `SAVE_MAX_WAIT_MS` after
    /// the oldest unwritten change, so a long burst of typing is written as it goes.
    pub fn schedule_save(self) {
        if !self.unsaved.get_untracked() {
            self.unsaved.set(true);
        }
        let now = now_ms();
        let since = self.dirty_since.get_value().unwrap_or(now);
        self.dirty_since.set_value(Some(since));
        let left = (SAVE_MAX_WAIT_MS - (now - since)).max(0.0);
        let delay = SAVE_DELAY.min(Duration::from_millis(left as u64));
        if let Some(h) = self.save_timer.get_value() {
            h.clear();
        }
        let handle = set_timeout_with_handle(
            move || {
                if !self.save_timer.is_disposed() {
                    self.flush();
                }
            },
            delay,
        )
        .ok();
        self.save_timer.set_value(handle);
    }

    /// Tries the failed writes again soon (once: each failed try schedules the next).
    fn schedule_retry(self) {
        if self.retry_timer.get_value().is_some() {
            return;
        }
        let handle = set_timeout_with_handle(
            move || {
                if !self.retry_timer.is_disposed() {
                    self.retry_timer.set_value(None);
                    self.flush();
                }
            },
            RETRY_DELAY,
        )
        .ok();
        self.retry_timer.set_value(handle);
    }

    /// Writes a report that is not stored yet (new, duplicated, restored), or keeps it in
    /// memory when the browser refuses.
    pub(super) fn write(self, id: &str, report: &Report) -> Result<(), Problem> {
        self.synced.update_value(|m| {
            m.insert(
                id.to_string(),
                Synced {
                    stamp: None,
                    report: report.clone(),
                    parent: None,
                },
            );
        });
        match self.write_tracked(id, report) {
            Ok(_) => {
                self.tell_saved(id);
                Ok(())
            }
            Err(p) => Err(p),
        }
    }

    pub(super) fn write_index(self) -> Result<(), Problem> {
        let s = storage::local()?;
        self.library
            .with_untracked(|entries| storage::save_index(&s, entries))
    }

    /// Writes what is not written yet — the open report when it changed, reports the
    /// browser refused before — and the list, now. A report another tab changed or
    /// deleted meanwhile is never written over: the choice is put to the author.
    pub fn flush(self) {
        if let Some(h) = self.save_timer.get_value() {
            h.clear();
        }
        self.save_timer.set_value(None);
        self.dirty_since.set_value(None);
        let mut result = self.retry_unwritten();
        let open = self.open.get_untracked();
        let in_conflict = self.conflict.with_untracked(|c| c.is_some());
        if let (Some(id), true, false) = (open, self.unsaved.get_untracked(), in_conflict) {
            // Read in place: the stored copy is the only one the save makes (`Synced`).
            let written = self.report.with_untracked(|report| {
                let outcome = self.write_tracked(&id, report);
                if let Ok(Outcome::Written) = outcome {
                    let review = self
                        .review
                        .review
                        .with_untracked(|v| v.clone())
                        .unwrap_or_else(|| self.review.review_of(report));
                    self.library.update(|entries| {
                        if let Some(e) = entries.iter_mut().find(|e| e.id == id) {
                            e.update(now_ms(), report, &review);
                        }
                    });
                }
                outcome
            });
            match written {
                Ok(Outcome::Written) => {
                    result = result.and_then(|()| self.write_index());
                    self.tell_saved(&id);
                }
                Ok(Outcome::Newer) => self.found_newer(&id),
                Ok(Outcome::Gone) => self.set_conflict(Conflict::Deleted { id }),
                Err(p) => result = Err(p),
            }
        }
        self.note_result(result);
    }

    /// Shows or clears the storage banner after a write; a failed write is tried again.
    pub(super) fn note_result(self, result: Result<(), Problem>) {
        let pending = self.conflict.with_untracked(|c| c.is_some())
            || self.unwritten.with_value(|u| !u.is_empty());
        let unsaved = result.is_err() || pending;
        if self.unsaved.get_untracked() != unsaved {
            self.unsaved.set(unsaved);
        }
        let problem = result.as_ref().err().cloned();
        if self.save_problem.get_untracked() != problem {
            self.save_problem.set(problem);
        }
        if result.is_err() {
            self.schedule_retry();
        }
        self.problems.update(|ps| {
            ps.retain(|p| !matches!(p, Problem::Full | Problem::WriteFailed(_)));
            if let Err(p) = result {
                if !ps.contains(&p) {
                    ps.push(p);
                }
            }
        });
    }

    fn remember_open(self) {
        if let Ok(s) = storage::local() {
            let open = self.open.get_untracked();
            durable::remember_open(open.as_deref());
            let result = storage::remember_open(&s, open.as_deref());
            if result.is_err() {
                self.note_result(result);
            }
        }
    }

    /// Opens a stored report in the editor.
    pub fn open_doc(self, id: &str) {
        if self.open.get_untracked().as_deref() == Some(id) {
            return;
        }
        let Some((stamp, report)) = self.stored_or_unwritten(id) else {
            return;
        };
        if self.open.get_untracked().is_some() {
            self.flush();
            self.forget_synced_unless_unwritten();
        }
        if let Some(stamp) = stamp {
            self.synced.update_value(|m| {
                m.insert(
                    id.to_string(),
                    Synced {
                        stamp: Some(stamp),
                        report: report.clone(),
                        parent: None,
                    },
                );
            });
        }
        self.conflict.set(None);
        // Reviewed before the editor draws it, so its first frame already has the inline
        // findings (arriving a moment later, they pushed the fields down).
        self.review.run(&report);
        self.report.set(report);
        self.all_rows.set(false);
        self.open.set(Some(id.to_string()));
        self.histories.update_value(|h| {
            if let Some(h) = h.get_mut(id) {
                h.end_burst();
            }
        });
        self.refresh_steps();
        self.remember_open();
    }

    /// Back to the start screen, saving first.
    pub fn close(self) {
        self.flush();
        self.forget_synced_unless_unwritten();
        self.conflict.set(None);
        self.open.set(None);
        self.refresh_steps();
        self.remember_open();
    }

    /// Adds a report to the top of the list (or at `index`) and saves it.
    fn add(self, report: Report, index: usize) -> String {
        let id = new_id(now_ms(), js_sys::Math::random());
        let review = self.review.review_of(&report);
        let entry = Entry::of(id.clone(), now_ms(), &report, &review);
        self.library.update(|l| l.insert(index.min(l.len()), entry));
        let result = self.write(&id, &report).and_then(|()| self.write_index());
        self.note_result(result);
        id
    }

    /// Adds a report to the top of the list and opens it.
    pub fn create(self, report: Report) -> String {
        let id = self.add(report, 0);
        self.open_doc(&id);
        id
    }

    /// Copies a report (title marked as a copy) right after the original.
    pub fn duplicate(self, id: &str) {
        let Some(pos) = self
            .library
            .with_untracked(|l| l.iter().position(|e| e.id == id))
        else {
            return;
        };
        let Some(mut report) = self.report_of(id) else {
            return;
        };
        report.meta.title = format!("{} (copy)", report.meta.title.trim());
        self.add(report, pos + 1);
    }

    /// Removes a report, keeping it for "Undo".
    pub fn delete(self, id: &str) {
        let report = self.report_of(id).unwrap_or_default();
        let mut removed = None;
        self.library.update(|l| {
            if let Some(p) = l.iter().position(|e| e.id == id) {
                removed = Some(Deleted {
                    entry: l.remove(p),
                    report,
                    index: p,
                });
            }
        });
        if let Some(r) = removed {
            self.unwritten.update_value(|u| {
                u.remove(id);
            });
            self.synced.update_value(|m| {
                m.remove(id);
            });
            if let Ok(s) = storage::local() {
                let rev = storage::stored_stamp(&s, id)
                    .ok()
                    .flatten()
                    .map_or(0, |st| st.rev);
                durable::put_deleted(id, rev);
                let result = self.library.with_untracked(|l| storage::remove(&s, id, l));
                tabs::tell(&tabs::News::Deleted { id: id.to_string() });
                self.note_result(result);
            }
            self.deleted.set(Some(r));
        }
    }

    /// Downloads a copy of unreadable data exactly as it was found.
    pub fn export_set_aside(self, key: &str) {
        let found = self
            .set_aside
            .with_untracked(|l| l.iter().find(|a| a.key == key).cloned());
        let text = storage::local()
            .ok()
            .and_then(|s| storage::set_aside_text(&s, key));
        match (found, text) {
            (Some(a), Some(text)) => {
                files::download(&files::Export {
                    name: a.file_name(),
                    mime: "application/json;charset=utf-8",
                    text,
                });
            }
            _ => self.notes.set(vec![
                "That set-aside copy is no longer in storage.".to_string()
            ]),
        }
    }

    /// Deletes a set-aside copy for good.
    pub fn forget_set_aside(self, key: &str) {
        if let Ok(s) = storage::local() {
            storage::forget_set_aside(&s, key);
            self.set_aside.set(storage::set_aside_list(&s));
        }
    }

    /// Brings the last deleted report back where it was.
    pub fn undo_delete(self) {
        let Some(Deleted {
            entry,
            report,
            index,
        }) = self.deleted.get_untracked()
        else {
            return;
        };
        let id = entry.id.clone();
        self.library.update(|l| {
            let i = index.min(l.len());
            l.insert(i, entry);
        });
        self.deleted.set(None);
        let result = self.write(&id, &report).and_then(|()| self.write_index());
        self.note_result(result);
    }

    /// Imports pasted or dropped text as a new report and opens it; problems become notes.
    pub fn import_text(self, name: &str, text: &str) -> bool {
        match files::import(name, text) {
            Ok(imported) => {
                self.notes.set(imported.notes);
                self.create(imported.report);
                true
            }
            Err(e) => {
                self.notes.set(vec![e]);
                false
            }
        }
    }

    /// Imports files the author picked or dropped; the last one read is opened.
    pub fn import_files(self, files: Vec<web_sys::File>) {
        leptos::task::spawn_local(async move {
            let mut notes = Vec::new();
            for file in files {
                let name = file.name();
                // Past the document limit it is refused before a byte is read.
                if let Err(e) = limits::check_size(file.size() as usize) {
                    notes.push(format!("{name}: {e}"));
                    continue;
                }
                match files::file_text(&file).await {
                    Ok(text) => match files::import(&name, &text) {
                        Ok(imported) => {
                            notes.extend(imported.notes);
                            self.create(imported.report);
                        }
                        Err(e) => notes.push(e),
                    },
                    Err(e) => notes.push(format!("{name}: {e}")),
                }
            }
            self.notes.set(notes);
        });
    }

    /// Steps the open report back (`redo == false`) or forward.
    pub fn step(self, redo: bool) {
        let Some(id) = self.open.get_untracked() else {
            return;
        };
        let current = || self.report.get_untracked();
        let apply = self.histories.try_update_value(|h| {
            let h = h.entry(id.clone()).or_default();
            if redo {
                h.redo(current)
            } else {
                h.undo(current)
            }
        });
        match apply.flatten() {
            Some(Apply::SetText(at, value)) => {
                let exists = self.report.with_untracked(|r| at.exists_in(r));
                if let (true, Some(lens)) = (exists, at.lens(self.report)) {
                    self.set_text(at, lens, value);
                }
            }
            Some(Apply::Replace(report)) => self.report.set(*report),
            Some(Apply::Swap(rows)) => self.report.update(|r| {
                if let Ok(mut rows) = rows.lock() {
                    rows.swap(r);
                }
            }),
            None => return,
        }
        self.changed();
    }
}

/// The shared handles, from context.
pub fn use_ctx() -> Ctx {
    use_context::<Ctx>().unwrap_or_else(|| {
        // Only reachable if a component is rendered outside `App`; fail loudly in dev.
        panic!("Ctx missing: render components inside App")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> Location {
        text.parse().unwrap_or(Location::REPORT)
    }

    #[test]
    fn a_cut_names_its_field_and_what_did_not_fit() {
        let cut = FieldCut {
            field: at("summary.summary").name(),
            cut: limits::fit_field(&"z".repeat(limits::FIELD_BYTES + 1)).unwrap_or_else(|| Cut {
                kept: String::new(),
                rest: String::new(),
            }),
        };
        assert!(cut.message().starts_with("“Summary” holds at most 100 KB."));
        assert!(cut
            .message()
            .ends_with("the last 1 byte did not fit and is not in the report."));
    }
}
