//! The app's shared state: small `Copy` handles carried in context, and the operations the
//! components call (open, create, duplicate, delete, type, change, undo, save). The open
//! report lives once, in `Ctx::report`; the library holds only what the list shows.

use super::files;
use super::history::{Apply, History};
use super::library::{new_id, Entry};
use super::review::LiveReview;
use super::storage::{self, Problem};
use hindsight_core::policy::Policy;
use hindsight_core::{Location, Report};
use leptos::prelude::*;
use reactive_stores::{Field, Store};
use std::collections::HashMap;
use std::time::Duration;

/// Quiet time after the last change before it is written to storage.
const SAVE_DELAY: Duration = Duration::from_millis(400);

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
    /// Findings, metrics and score of the open report.
    pub review: LiveReview,
    /// True while changes wait to be written (or could not be written).
    pub unsaved: RwSignal<bool>,
    /// Whether Undo and Redo have a step to take.
    pub can_undo: RwSignal<bool>,
    pub can_redo: RwSignal<bool>,
    histories: StoredValue<HashMap<String, History>>,
    /// Reports the browser refused to keep, held here so nothing is lost in this tab.
    unwritten: StoredValue<HashMap<String, Report>>,
    save_timer: StoredValue<Option<TimeoutHandle>>,
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
            review: LiveReview::new(),
            unsaved: RwSignal::new(false),
            can_undo: RwSignal::new(false),
            can_redo: RwSignal::new(false),
            histories: StoredValue::new(HashMap::new()),
            unwritten: StoredValue::new(HashMap::new()),
            save_timer: StoredValue::new(None),
        };
        match storage::local() {
            Ok(s) => {
                let loaded = storage::load(&s, now_ms());
                ctx.problems.set(loaded.problems);
                ctx.library.set(loaded.entries);
                if let Some(id) = storage::open_id(&s) {
                    ctx.open_doc(&id);
                }
            }
            Err(p) => ctx.problems.set(vec![p]),
        }
        ctx
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
    /// one field (only what reads it re-renders) and records a small undo step.
    pub fn type_text(self, at: Location, lens: Field<String>, value: String) {
        if !self.report.with_untracked(|r| at.exists_in(r)) {
            return;
        }
        let before = lens.get_untracked();
        if before == value {
            return;
        }
        self.set_text(at, lens, value.clone());
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

    /// Runs `f`, which writes through store fields (rows added, moved or removed, a select,
    /// a picker); the report as it was before is kept for undo. Only what reads the
    /// fields `f` wrote re-renders.
    pub fn change_in(self, f: impl FnOnce()) {
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

    /// After any change to the open report: review it, save it soon, update Undo/Redo.
    fn changed(self) {
        self.review.schedule(self.report);
        self.schedule_save();
        self.refresh_steps();
    }

    fn refresh_steps(self) {
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

    pub fn schedule_save(self) {
        if !self.unsaved.get_untracked() {
            self.unsaved.set(true);
        }
        if let Some(h) = self.save_timer.get_value() {
            h.clear();
        }
        let handle = set_timeout_with_handle(
            move || {
                if !self.save_timer.is_disposed() {
                    self.flush();
                }
            },
            SAVE_DELAY,
        )
        .ok();
        self.save_timer.set_value(handle);
    }

    /// Writes one report, or keeps it in memory when the browser refuses.
    fn write(self, id: &str, report: &Report) -> Result<(), Problem> {
        let result = storage::local().and_then(|s| storage::save_report(&s, id, report));
        self.unwritten.update_value(|u| match &result {
            Ok(()) => {
                u.remove(id);
            }
            Err(_) => {
                u.insert(id.to_string(), report.clone());
            }
        });
        result
    }

    fn write_index(self) -> Result<(), Problem> {
        let s = storage::local()?;
        self.library
            .with_untracked(|entries| storage::save_index(&s, entries))
    }

    /// Writes the open report and the list now.
    pub fn flush(self) {
        if let Some(h) = self.save_timer.get_value() {
            h.clear();
        }
        self.save_timer.set_value(None);
        let result = match self.open.get_untracked() {
            Some(id) => {
                let written = self.report.with_untracked(|r| {
                    let review = self
                        .review
                        .review
                        .with_untracked(|v| v.clone())
                        .unwrap_or_else(|| hindsight_core::review(r, &Policy::default()));
                    self.library.update(|entries| {
                        if let Some(e) = entries.iter_mut().find(|e| e.id == id) {
                            e.update(now_ms(), r, &review);
                        }
                    });
                    self.write(&id, r)
                });
                written.and_then(|()| self.write_index())
            }
            None => self.write_index(),
        };
        self.note_result(result);
    }

    /// Shows or clears the storage banner after a write.
    fn note_result(self, result: Result<(), Problem>) {
        self.unsaved.set(result.is_err());
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
        let Some(report) = self.report_of(id) else {
            return;
        };
        if self.open.get_untracked().is_some() {
            self.flush();
        }
        self.report.set(report);
        self.open.set(Some(id.to_string()));
        self.histories.update_value(|h| {
            if let Some(h) = h.get_mut(id) {
                h.end_burst();
            }
        });
        self.review.schedule(self.report);
        self.refresh_steps();
        self.remember_open();
    }

    /// Back to the start screen, saving first.
    pub fn close(self) {
        self.flush();
        self.open.set(None);
        self.refresh_steps();
        self.remember_open();
    }

    /// Adds a report to the top of the list (or at `index`) and saves it.
    fn add(self, report: Report, index: usize) -> String {
        let id = new_id(now_ms(), js_sys::Math::random());
        let review = hindsight_core::review(&report, &Policy::default());
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
            if let Ok(s) = storage::local() {
                let result = self.library.with_untracked(|l| storage::remove(&s, id, l));
                self.note_result(result);
            }
            self.deleted.set(Some(r));
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
