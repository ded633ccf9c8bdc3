//! The app's shared state: small `Copy` handles carried in context, and the operations
//! the components call (open, create, duplicate, delete, undo, save).

use crate::doc::Doc;
use crate::history::History;
use crate::storage::{self, Problem};
use hindsight_core::Report;
use leptos::prelude::*;
use reactive_stores::Store;
use std::collections::HashMap;
use std::time::Duration;

/// Key under which the id of the open report is kept, so a reload reopens it.
pub const OPEN_KEY: &str = "hindsight.v1.open";
/// Quiet time after the last change before it is written to storage.
const SAVE_DELAY: Duration = Duration::from_millis(400);
/// Keystrokes closer together than this are one undo step.
const UNDO_BURST: Duration = Duration::from_millis(700);

/// A deleted report kept for "Undo".
#[derive(Debug, Clone)]
pub struct Deleted {
    pub doc: Doc,
    pub index: usize,
}

/// Handles to everything the components share. All fields are `Copy`.
#[derive(Clone, Copy)]
pub struct Ctx {
    /// Every report in this browser, in list order (the open one included).
    pub docs: RwSignal<Vec<Doc>>,
    /// Id of the report being edited, if any.
    pub open: RwSignal<Option<String>>,
    /// The report being edited; the editor's controls read and write this.
    pub report: Store<Report>,
    /// What is wrong with storage right now, in plain words.
    pub problems: RwSignal<Vec<Problem>>,
    /// The last deleted report, offered for undo.
    pub deleted: RwSignal<Option<Deleted>>,
    /// Messages from the last import (errors, warnings), shown until dismissed.
    pub notes: RwSignal<Vec<String>>,
    /// Findings and metrics for the open report.
    pub live: crate::findings::Live,
    /// Bumped whenever the report changes other than by typing into a control (open,
    /// undo, redo, adding or moving rows, "now" buttons). Controls re-read their value
    /// only then: while typing, the control already shows what is in the report, and
    /// thousands of controls re-reading on every keystroke would make typing lag.
    pub epoch: RwSignal<u64>,
    /// True while changes wait to be written (or could not be written).
    pub unsaved: RwSignal<bool>,
    histories: StoredValue<HashMap<String, History>>,
    /// The report as it was after the last change seen (the "before" of the next one).
    last_seen: StoredValue<Option<Report>>,
    burst: StoredValue<Option<TimeoutHandle>>,
    save_timer: StoredValue<Option<TimeoutHandle>>,
}

pub fn now_ms() -> f64 {
    js_sys::Date::now()
}

impl Ctx {
    /// Loads what the browser has stored and wires saving and history.
    pub fn init() -> Ctx {
        let ctx = Ctx {
            docs: RwSignal::new(Vec::new()),
            open: RwSignal::new(None),
            report: Store::new(Report::default()),
            problems: RwSignal::new(Vec::new()),
            deleted: RwSignal::new(None),
            notes: RwSignal::new(Vec::new()),
            live: crate::findings::Live::new(),
            epoch: RwSignal::new(0),
            unsaved: RwSignal::new(false),
            histories: StoredValue::new(HashMap::new()),
            last_seen: StoredValue::new(None),
            burst: StoredValue::new(None),
            save_timer: StoredValue::new(None),
        };
        match storage::local() {
            Ok(s) => {
                let loaded = storage::load(&s, now_ms());
                ctx.problems.set(loaded.problems);
                let open = s.get_item(OPEN_KEY).ok().flatten();
                ctx.docs.set(loaded.docs);
                if let Some(id) = open {
                    ctx.open_doc(&id);
                }
            }
            Err(p) => ctx.problems.set(vec![p]),
        }
        ctx.watch_edits();
        Effect::new(move |_| {
            ctx.report.track();
            if ctx.open.get().is_some() {
                ctx.live.schedule(ctx.report);
            }
        });
        ctx
    }

    /// Every change to the open report: copy it into the list, record history, save soon.
    fn watch_edits(self) {
        Effect::new(move |_| {
            let current = self.report.get();
            let Some(id) = self.open.get_untracked() else {
                return;
            };
            let before = self.last_seen.get_value();
            if before.as_ref() == Some(&current) {
                return;
            }
            self.last_seen.set_value(Some(current.clone()));
            let Some(before) = before else { return };
            self.record_step(&id, before);
            let now = now_ms();
            self.docs.update(|docs| {
                if let Some(d) = docs.iter_mut().find(|d| d.id == id) {
                    d.report = current;
                    d.edited_ms = now;
                }
            });
            self.schedule_save();
        });
    }

    fn record_step(self, id: &str, before: Report) {
        let in_burst = self.burst.with_value(|b| b.is_some());
        if !in_burst {
            self.histories
                .update_value(|h| h.entry(id.to_string()).or_default().record(before));
        }
        if let Some(h) = self.burst.get_value() {
            h.clear();
        }
        let burst = self.burst;
        let handle = set_timeout_with_handle(
            move || {
                if !burst.is_disposed() {
                    burst.set_value(None);
                }
            },
            UNDO_BURST,
        )
        .ok();
        self.burst.set_value(handle);
    }

    fn end_burst(self) {
        if let Some(h) = self.burst.get_value() {
            h.clear();
        }
        self.burst.set_value(None);
    }

    pub fn schedule_save(self) {
        self.unsaved.set(true);
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

    /// Writes the open report and the list now.
    pub fn flush(self) {
        if let Some(h) = self.save_timer.get_value() {
            h.clear();
        }
        self.save_timer.set_value(None);
        let Ok(s) = storage::local() else {
            return;
        };
        let open = self.open.get_untracked();
        let result = self.docs.with_untracked(|docs| match &open {
            Some(id) => match docs.iter().find(|d| &d.id == id) {
                Some(d) => storage::save(&s, d, docs),
                None => storage::save_index(&s, docs),
            },
            None => storage::save_index(&s, docs),
        });
        self.note_result(result);
    }

    /// Shows or clears the storage banner after a write.
    fn note_result(self, result: Result<(), Problem>) {
        self.unsaved.set(result.is_err());
        self.problems.update(|ps| {
            ps.retain(|p| !matches!(p, Problem::Full | Problem::WriteFailed(_)));
            if let Err(p) = result {
                ps.push(p);
            }
        });
    }

    fn save_doc_now(self, id: &str) {
        let Ok(s) = storage::local() else { return };
        let result = self
            .docs
            .with_untracked(|docs| match docs.iter().find(|d| d.id == id) {
                Some(d) => storage::save(&s, d, docs),
                None => storage::save_index(&s, docs),
            });
        self.note_result(result);
    }

    fn remember_open(self) {
        if let Ok(s) = storage::local() {
            let _ = match self.open.get_untracked() {
                Some(id) => s.set_item(OPEN_KEY, &id),
                None => s.remove_item(OPEN_KEY),
            };
        }
    }

    /// Changes the open report other than by typing into the control that shows the
    /// value: every control re-reads.
    pub fn change(self, f: impl FnOnce(&mut Report)) {
        self.report.update(f);
        self.epoch.update(|e| *e += 1);
    }

    /// Opens a stored report in the editor.
    pub fn open_doc(self, id: &str) {
        let Some(report) = self
            .docs
            .with_untracked(|d| d.iter().find(|d| d.id == id).map(|d| d.report.clone()))
        else {
            return;
        };
        self.end_burst();
        self.open.set(Some(id.to_string()));
        self.last_seen.set_value(Some(report.clone()));
        self.report.set(report);
        self.epoch.update(|e| *e += 1);
        self.remember_open();
    }

    /// Back to the start screen, saving first.
    pub fn close(self) {
        self.flush();
        self.open.set(None);
        self.remember_open();
    }

    /// Adds a report to the top of the list and opens it.
    pub fn create(self, report: Report) -> String {
        let doc = Doc::new(report, now_ms(), js_sys::Math::random());
        let id = doc.id.clone();
        self.docs.update(|d| d.insert(0, doc));
        self.save_doc_now(&id);
        self.open_doc(&id);
        id
    }

    /// Copies a report (title marked as a copy) right after the original.
    pub fn duplicate(self, id: &str) {
        let Some((pos, mut report)) = self.docs.with_untracked(|d| {
            d.iter()
                .position(|d| d.id == id)
                .map(|p| (p, d[p].report.clone()))
        }) else {
            return;
        };
        report.meta.title = format!("{} (copy)", report.meta.title.trim());
        let doc = Doc::new(report, now_ms(), js_sys::Math::random());
        let new_id = doc.id.clone();
        self.docs.update(|d| d.insert(pos + 1, doc));
        self.save_doc_now(&new_id);
    }

    /// Removes a report, keeping it for "Undo".
    pub fn delete(self, id: &str) {
        let mut removed = None;
        self.docs.update(|d| {
            if let Some(p) = d.iter().position(|d| d.id == id) {
                removed = Some(Deleted {
                    doc: d.remove(p),
                    index: p,
                });
            }
        });
        if let Some(r) = removed {
            if let Ok(s) = storage::local() {
                let result = self.docs.with_untracked(|d| storage::remove(&s, id, d));
                self.note_result(result);
            }
            self.deleted.set(Some(r));
        }
    }

    /// Brings the last deleted report back where it was.
    pub fn undo_delete(self) {
        let Some(Deleted { doc, index }) = self.deleted.get_untracked() else {
            return;
        };
        let id = doc.id.clone();
        self.docs.update(|d| {
            let i = index.min(d.len());
            d.insert(i, doc);
        });
        self.deleted.set(None);
        self.save_doc_now(&id);
    }

    /// Imports pasted or dropped text as a new report and opens it; problems become notes.
    pub fn import_text(self, name: &str, text: &str) -> bool {
        match crate::import::read(name, text) {
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
                match crate::import::file_text(&file).await {
                    Ok(text) => match crate::import::read(&name, &text) {
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
        self.end_burst();
        let current = self.report.get_untracked();
        let target = self.histories.try_update_value(|h| {
            let h = h.entry(id.clone()).or_default();
            if redo {
                h.redo(current)
            } else {
                h.undo(current)
            }
        });
        if let Some(Some(r)) = target {
            // Marking the target as already seen keeps the edit watcher from recording
            // this step as a new edit; the list copy and the save happen here instead.
            self.last_seen.set_value(Some(r.clone()));
            self.report.set(r.clone());
            self.epoch.update(|e| *e += 1);
            let now = now_ms();
            self.docs.update(|docs| {
                if let Some(d) = docs.iter_mut().find(|d| d.id == id) {
                    d.report = r;
                    d.edited_ms = now;
                }
            });
            self.schedule_save();
        }
    }
}

/// The shared handles, from context.
pub fn use_ctx() -> Ctx {
    use_context::<Ctx>().unwrap_or_else(|| {
        // Only reachable if a component is rendered outside `App`; fail loudly in dev.
        panic!("Ctx missing: render components inside App")
    })
}
