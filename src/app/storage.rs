//! Keeping reports in the browser's localStorage under versioned keys, and saying
//! plainly what went wrong when the browser will not keep them. Every read and write of
//! the app's storage goes through this file.
//!
//! Layout (version 1): `hindsight.v1.index` holds the library's entries
//! (`[{"id", "edited_ms", "title", …}]`, only `id` and `edited_ms` required) in list order;
//! `hindsight.v1.open` the id of the report open in the editor;
//! `hindsight.v1.doc.<id>` holds the report as the core's JSON. Data that cannot be read
//! is copied to `hindsight.v1.corrupt.<original key>.<time>` before anything else happens,
//! so a later save never destroys it.

use super::library::Entry;
use hindsight_core::policy::Policy;
use hindsight_core::Report;

pub const INDEX_KEY: &str = "hindsight.v1.index";
/// Key under which the id of the open report is kept, so a reload reopens it.
pub const OPEN_KEY: &str = "hindsight.v1.open";
pub const DOC_PREFIX: &str = "hindsight.v1.doc.";
pub const CORRUPT_PREFIX: &str = "hindsight.v1.corrupt.";

/// Why the browser is not keeping the reports.
#[derive(Debug, Clone, PartialEq)]
pub enum Problem {
    /// localStorage is blocked or missing (private mode, a partitioned iframe, a policy).
    Unavailable,
    /// The browser refused a write because its storage is full.
    Full,
    /// A write failed for another reason, with the browser's message.
    WriteFailed(String),
    /// Stored data could not be read; it was set aside under these keys.
    Corrupt(Vec<String>),
}

impl Problem {
    /// The sentence shown in the banner.
    pub fn message(&self) -> String {
        match self {
            Problem::Unavailable => "This browser is not letting Hindsight save anything \
                (storage is blocked or unavailable). You can keep working, but your changes \
                live only in this tab: export before closing it."
                .to_string(),
            Problem::Full => "The browser's storage is full, so your latest changes are not \
                saved. They are still here in this tab: export them, or delete old reports \
                to make room."
                .to_string(),
            Problem::WriteFailed(e) => format!(
                "Saving failed ({e}). Your changes are still here in this tab: export them \
                 to be safe."
            ),
            Problem::Corrupt(keys) => format!(
                "Some saved data could not be read, so it was set aside untouched (under {}) \
                 and not loaded. Everything else works normally.",
                keys.join(", ")
            ),
        }
    }
}

/// Serialises a report the way the storage keeps it: the core's JSON export.
pub fn encode_report(report: &Report) -> String {
    hindsight_core::to_json(report)
}

/// Reads a stored report back (older schema versions are migrated by the core).
pub fn decode_report(raw: &str) -> Option<Report> {
    hindsight_core::from_json(raw).ok()
}

fn encode_index(entries: &[Entry]) -> String {
    serde_json::to_string(entries).unwrap_or_else(|_| "[]".to_string())
}

/// What loading found.
#[derive(Debug, Default)]
pub struct Loaded {
    /// One entry per readable report, in list order.
    pub entries: Vec<Entry>,
    pub problems: Vec<Problem>,
}

/// The browser's localStorage, or why there is none.
pub fn local() -> Result<web_sys::Storage, Problem> {
    let window = web_sys::window().ok_or(Problem::Unavailable)?;
    match window.local_storage() {
        Ok(Some(s)) => Ok(s),
        _ => Err(Problem::Unavailable),
    }
}

fn set(storage: &web_sys::Storage, key: &str, value: &str) -> Result<(), Problem> {
    storage.set_item(key, value).map_err(|e| {
        let name = js_sys::Reflect::get(&e, &"name".into())
            .ok()
            .and_then(|v| v.as_string())
            .unwrap_or_default();
        if name == "QuotaExceededError" || name == "NS_ERROR_DOM_QUOTA_REACHED" {
            Problem::Full
        } else {
            let msg = js_sys::Reflect::get(&e, &"message".into())
                .ok()
                .and_then(|v| v.as_string())
                .unwrap_or(name);
            Problem::WriteFailed(msg)
        }
    })
}

/// Copies unreadable data aside, then removes the original so it is not read again.
/// When the copy fails (storage full) the original stays where it is: it is not loaded,
/// so nothing ever saves over it. Returns the key the data now lives under.
fn set_aside(storage: &web_sys::Storage, key: &str, raw: &str, now_ms: f64) -> String {
    let aside = format!("{CORRUPT_PREFIX}{key}.{}", now_ms as u64);
    if set(storage, &aside, raw).is_ok() {
        let _ = storage.remove_item(key);
        aside
    } else {
        key.to_string()
    }
}

/// Reads every stored report once, setting aside whatever cannot be read, and lists what
/// it found. Only the entries are kept; reports are read again when opened.
pub fn load(storage: &web_sys::Storage, now_ms: f64) -> Loaded {
    let mut out = Loaded::default();
    let mut corrupt = Vec::new();
    let mut order: Vec<Entry> = Vec::new();
    match storage.get_item(INDEX_KEY) {
        Ok(Some(raw)) => match serde_json::from_str::<Vec<Entry>>(&raw) {
            Ok(entries) => order = entries,
            Err(_) => {
                corrupt.push(set_aside(storage, INDEX_KEY, &raw, now_ms));
            }
        },
        Ok(None) => {}
        Err(_) => {
            out.problems.push(Problem::Unavailable);
            return out;
        }
    }
    // Docs missing from the index (it was lost or set aside) are found by their keys.
    let len = storage.length().unwrap_or(0);
    for i in 0..len {
        if let Ok(Some(key)) = storage.key(i) {
            if let Some(id) = key.strip_prefix(DOC_PREFIX) {
                if !order.iter().any(|e| e.id == id) {
                    let blank = Report::default();
                    let review = hindsight_core::review(&blank, &Policy::default());
                    order.push(Entry::of(id.to_string(), 0.0, &blank, &review));
                }
            }
        }
    }
    for entry in order {
        let key = format!("{DOC_PREFIX}{}", entry.id);
        let Ok(Some(raw)) = storage.get_item(&key) else {
            continue;
        };
        match decode_report(&raw) {
            Some(report) => {
                let review = hindsight_core::review(&report, &Policy::default());
                out.entries
                    .push(Entry::of(entry.id, entry.edited_ms, &report, &review));
            }
            None => {
                corrupt.push(set_aside(storage, &key, &raw, now_ms));
            }
        }
    }
    if !corrupt.is_empty() {
        out.problems.push(Problem::Corrupt(corrupt));
    }
    out
}

/// Reads one stored report; `None` when it is not there or cannot be read (loading set
/// unreadable ones aside already).
pub fn load_report(storage: &web_sys::Storage, id: &str) -> Option<Report> {
    let raw = storage.get_item(&format!("{DOC_PREFIX}{id}")).ok()??;
    decode_report(&raw)
}

/// Saves one report.
pub fn save_report(storage: &web_sys::Storage, id: &str, report: &Report) -> Result<(), Problem> {
    set(
        storage,
        &format!("{DOC_PREFIX}{id}"),
        &encode_report(report),
    )
}

/// Saves the list order and what it shows.
pub fn save_index(storage: &web_sys::Storage, entries: &[Entry]) -> Result<(), Problem> {
    set(storage, INDEX_KEY, &encode_index(entries))
}

/// Forgets one report.
pub fn remove(storage: &web_sys::Storage, id: &str, entries: &[Entry]) -> Result<(), Problem> {
    let _ = storage.remove_item(&format!("{DOC_PREFIX}{id}"));
    save_index(storage, entries)
}

/// The id of the report that was open when the page was left.
pub fn open_id(storage: &web_sys::Storage) -> Option<String> {
    storage.get_item(OPEN_KEY).ok().flatten()
}

/// Remembers which report is open (none: the start screen).
pub fn remember_open(storage: &web_sys::Storage, id: Option<&str>) -> Result<(), Problem> {
    match id {
        Some(id) => set(storage, OPEN_KEY, id),
        None => {
            let _ = storage.remove_item(OPEN_KEY);
            Ok(())
        }
    }
}

/// Key of the "Propose in repo" target (repo URL, branch, folder) as JSON.
pub const PROPOSE_KEY: &str = "hindsight.v1.propose";

/// The remembered "Propose in repo" target, as stored.
pub fn propose_target(storage: &web_sys::Storage) -> Option<String> {
    storage.get_item(PROPOSE_KEY).ok().flatten()
}

/// Remembers the "Propose in repo" target.
pub fn remember_propose_target(storage: &web_sys::Storage, json: &str) -> Result<(), Problem> {
    set(storage, PROPOSE_KEY, json)
}
