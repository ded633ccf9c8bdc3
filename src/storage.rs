//! Keeping reports in the browser's localStorage under versioned keys, and saying
//! plainly what went wrong when the browser will not keep them.
//!
//! Layout (version 1): `hindsight.v1.index` holds `[{"id", "edited_ms"}]` in list order;
//! `hindsight.v1.doc.<id>` holds the report as the core's JSON. Data that cannot be read
//! is copied to `hindsight.v1.corrupt.<original key>.<time>` before anything else happens,
//! so a later save never destroys it.

use crate::doc::Doc;
use serde::{Deserialize, Serialize};

pub const INDEX_KEY: &str = "hindsight.v1.index";
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

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct IndexEntry {
    id: String,
    edited_ms: f64,
}

/// Serialises a report the way the storage keeps it: the core's JSON export.
pub fn encode_report(report: &hindsight_core::Report) -> String {
    hindsight_core::to_json(report)
}

/// Reads a stored report back (older schema versions are migrated by the core).
pub fn decode_report(raw: &str) -> Option<hindsight_core::Report> {
    hindsight_core::from_json(raw).ok()
}

fn encode_index(docs: &[Doc]) -> String {
    let entries: Vec<IndexEntry> = docs
        .iter()
        .map(|d| IndexEntry {
            id: d.id.clone(),
            edited_ms: d.edited_ms,
        })
        .collect();
    serde_json::to_string(&entries).unwrap_or_else(|_| "[]".to_string())
}

/// What loading found.
#[derive(Debug, Default)]
pub struct Loaded {
    pub docs: Vec<Doc>,
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

/// Loads every stored report, setting aside whatever cannot be read.
pub fn load(storage: &web_sys::Storage, now_ms: f64) -> Loaded {
    let mut out = Loaded::default();
    let mut corrupt = Vec::new();
    let mut order: Vec<IndexEntry> = Vec::new();
    match storage.get_item(INDEX_KEY) {
        Ok(Some(raw)) => match serde_json::from_str::<Vec<IndexEntry>>(&raw) {
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
                    order.push(IndexEntry {
                        id: id.to_string(),
                        edited_ms: 0.0,
                    });
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
            Some(report) => out.docs.push(Doc {
                id: entry.id,
                edited_ms: entry.edited_ms,
                report,
            }),
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

/// Saves one report and the index.
pub fn save(storage: &web_sys::Storage, doc: &Doc, all: &[Doc]) -> Result<(), Problem> {
    set(
        storage,
        &format!("{DOC_PREFIX}{}", doc.id),
        &encode_report(&doc.report),
    )?;
    save_index(storage, all)
}

/// Saves the list order and edit times.
pub fn save_index(storage: &web_sys::Storage, all: &[Doc]) -> Result<(), Problem> {
    set(storage, INDEX_KEY, &encode_index(all))
}

/// Forgets one report.
pub fn remove(storage: &web_sys::Storage, id: &str, all: &[Doc]) -> Result<(), Problem> {
    let _ = storage.remove_item(&format!("{DOC_PREFIX}{id}"));
    save_index(storage, all)
}
