//! Keeping reports in the browser's localStorage under versioned keys, and saying
//! plainly what went wrong when the browser will not keep them. Every read and write of
//! the app's storage goes through this file.
//!
//! Layout (version 1): `hindsight.v1.index` holds the library's entries
//! (`[{"id", "edited_ms", "title", …}]`, only `id` and `edited_ms` required) in list order;
//! `hindsight.v1.open` the id of the report open in the editor;
//! `hindsight.v1.doc.<id>` holds the report, compact, with the revision it is and the tab
//! that wrote it: `{"rev":3,"tab":"t…","report":{…the core's JSON…}}` (copies written
//! before revisions, the core's JSON alone, read as revision 0). Data that cannot be read
//! is copied to `hindsight.v1.corrupt.<original key>.<time>` before anything else happens,
//! so a later save never destroys it; the library lists those copies.
//!
//! Why `web_sys::Storage` and not `gloo-storage` (0.4): gloo reaches localStorage through
//! `LocalStorage::raw()`, which calls `expect_throw` when the window has no storage or
//! refuses it, and every `Storage` method starts there. Blocked storage (a sandboxed or
//! partitioned iframe, a browser policy) would then throw out of wasm instead of being
//! the `Problem::Unavailable` this file reports and the banner explains. Its `get` and
//! `set` also JSON-encode every value, so a copy that does not parse could not be read
//! as the raw text that is set aside under `CORRUPT_PREFIX`. Both are errors this file
//! must tell apart from a full store, so it keeps the browser's own calls.

use super::library::Entry;
use hindsight_core::policy::Policy;
use hindsight_core::Report;
use serde::{Deserialize, Serialize};
use wasm_bindgen::JsCast;

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

/// Which save of a report a stored copy is: a number one higher at every write, and the
/// tab that made it. Copies from before revisions are revision 0 of no tab.
/// The revision it was made from (`base_rev`, `base_tab`) tells a tab whether another
/// tab's copy includes its own last write.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stamp {
    pub rev: u64,
    #[serde(default)]
    pub tab: String,
    #[serde(default)]
    pub base_rev: u64,
    #[serde(default)]
    pub base_tab: String,
}

impl Stamp {
    /// The next revision after `self`, written by `tab`.
    pub fn next(&self, tab: String) -> Stamp {
        Stamp {
            rev: self.rev + 1,
            tab,
            base_rev: self.rev,
            base_tab: self.tab.clone(),
        }
    }

    /// True when this revision was made from `other`.
    pub fn made_from(&self, other: &Stamp) -> bool {
        self.base_rev == other.rev && self.base_tab == other.tab
    }
}

#[derive(Serialize)]
struct Envelope<'a> {
    rev: u64,
    tab: &'a str,
    base_rev: u64,
    base_tab: &'a str,
    report: &'a Report,
}

#[derive(Deserialize)]
struct EnvelopeIn<'a> {
    rev: u64,
    #[serde(default)]
    tab: String,
    #[serde(default)]
    base_rev: u64,
    #[serde(default)]
    base_tab: String,
    #[serde(borrow)]
    report: &'a serde_json::value::RawValue,
}

/// How every stored copy with a revision begins; old copies begin with the report.
const ENVELOPE_START: &str = "{\"rev\":";
const REPORT_MARK: &str = ",\"report\":";

/// Serialises a report the way the storage keeps it: compact, with its stamp.
pub fn encode_report(stamp: &Stamp, report: &Report) -> String {
    let envelope = Envelope {
        rev: stamp.rev,
        tab: &stamp.tab,
        base_rev: stamp.base_rev,
        base_tab: &stamp.base_tab,
        report,
    };
    // Plain structs of strings cannot fail to serialise.
    serde_json::to_string(&envelope).unwrap_or_default()
}

/// Reads a stored copy back: its stamp and the report (older schema versions are
/// migrated by the core; copies from before revisions are revision 0).
pub fn decode_stored(raw: &str) -> Option<(Stamp, Report)> {
    if raw.starts_with(ENVELOPE_START) {
        let e: EnvelopeIn = serde_json::from_str(raw).ok()?;
        let report = hindsight_core::from_json(e.report.get()).ok()?;
        return Some((
            Stamp {
                rev: e.rev,
                tab: e.tab,
                base_rev: e.base_rev,
                base_tab: e.base_tab,
            },
            report,
        ));
    }
    hindsight_core::from_json(raw)
        .ok()
        .map(|r| (Stamp::default(), r))
}

/// Reads a stored report back, without its stamp.
pub fn decode_report(raw: &str) -> Option<Report> {
    decode_stored(raw).map(|(_, r)| r)
}

/// The stamp at the head of a stored copy (`None`: not a copy with a revision).
fn stamp_of_head(head: &str) -> Option<Stamp> {
    let end = head.find(REPORT_MARK)?;
    serde_json::from_str(&format!("{}}}", &head[..end])).ok()
}

/// The stamp of a stored copy's text, read from its head (revision 0 for copies from
/// before revisions).
pub fn stamp_of_text(raw: &str) -> Stamp {
    let end = raw.char_indices().nth(300).map_or(raw.len(), |(i, _)| i);
    stamp_of_head(&raw[..end]).unwrap_or_default()
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

/// Reads one stored report with its stamp; `None` when it is not there or cannot be read
/// (loading set unreadable ones aside already).
pub fn load_stored(storage: &web_sys::Storage, id: &str) -> Option<(Stamp, Report)> {
    let raw = storage.get_item(&format!("{DOC_PREFIX}{id}")).ok()??;
    decode_stored(&raw)
}

/// Reads one stored report.
pub fn load_report(storage: &web_sys::Storage, id: &str) -> Option<Report> {
    load_stored(storage, id).map(|(_, r)| r)
}

/// The stamp of the stored copy of a report, reading only the head of it (a report can
/// be megabytes; this runs before every save). `Ok(None)`: no copy is stored.
pub fn stored_stamp(storage: &web_sys::Storage, id: &str) -> Result<Option<Stamp>, Problem> {
    let get: js_sys::Function = js_sys::Reflect::get(storage, &"getItem".into())
        .ok()
        .and_then(|f| f.dyn_into().ok())
        .ok_or(Problem::Unavailable)?;
    let value = get
        .call1(storage, &format!("{DOC_PREFIX}{id}").into())
        .map_err(|_| Problem::Unavailable)?;
    let Some(text) = value.dyn_ref::<js_sys::JsString>() else {
        return Ok(None);
    };
    let head: String = text.slice(0, 300).into();
    Ok(Some(stamp_of_head(&head).unwrap_or_default()))
}

/// Saves one report as revision `stamp`; returns the text written (the durable copy
/// keeps the same).
pub fn save_report(
    storage: &web_sys::Storage,
    id: &str,
    stamp: &Stamp,
    report: &Report,
) -> Result<String, Problem> {
    let raw = encode_report(stamp, report);
    set(storage, &format!("{DOC_PREFIX}{id}"), &raw)?;
    Ok(raw)
}

/// The ids of every stored report, in storage order.
pub fn doc_ids(storage: &web_sys::Storage) -> Vec<String> {
    let len = storage.length().unwrap_or(0);
    (0..len)
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter_map(|k| k.strip_prefix(DOC_PREFIX).map(str::to_string))
        .collect()
}

/// The stored text of one report, exactly as kept.
pub fn raw_doc(storage: &web_sys::Storage, id: &str) -> Option<String> {
    storage
        .get_item(&format!("{DOC_PREFIX}{id}"))
        .ok()
        .flatten()
}

/// Puts back a stored text of one report (from the durable copy) as it was.
pub fn restore_raw(storage: &web_sys::Storage, id: &str, raw: &str) -> Result<(), Problem> {
    set(storage, &format!("{DOC_PREFIX}{id}"), raw)
}

/// Removes one stored report (deleted durably; localStorage lost the delete).
pub fn forget_doc(storage: &web_sys::Storage, id: &str) {
    let _ = storage.remove_item(&format!("{DOC_PREFIX}{id}"));
}

/// Saves the list order and what it shows. Reports another tab added since this one
/// last looked (stored, listed in the stored index, unknown here) keep their place at the
/// end, so one tab's list never drops another's report.
pub fn save_index(storage: &web_sys::Storage, entries: &[Entry]) -> Result<(), Problem> {
    let stored: Vec<Entry> = storage
        .get_item(INDEX_KEY)
        .ok()
        .flatten()
        .and_then(|raw| serde_json::from_str(&raw).ok())
        .unwrap_or_default();
    let mut all = entries.to_vec();
    for e in stored {
        let known = all.iter().any(|x| x.id == e.id);
        let exists = matches!(
            storage.get_item(&format!("{DOC_PREFIX}{}", e.id)),
            Ok(Some(_))
        );
        if !known && exists {
            all.push(e);
        }
    }
    set(storage, INDEX_KEY, &encode_index(&all))
}

/// The library entry of one stored report, as loading would list it.
pub fn entry_of(storage: &web_sys::Storage, id: &str) -> Option<Entry> {
    let report = load_report(storage, id)?;
    let edited_ms = storage
        .get_item(INDEX_KEY)
        .ok()
        .flatten()
        .and_then(|raw| serde_json::from_str::<Vec<Entry>>(&raw).ok())
        .and_then(|l| l.into_iter().find(|e| e.id == id))
        .map_or(0.0, |e| e.edited_ms);
    let review = hindsight_core::review(&report, &Policy::default());
    Some(Entry::of(id.to_string(), edited_ms, &report, &review))
}

/// A copy of unreadable data, set aside when loading.
#[derive(Debug, Clone, PartialEq)]
pub struct SetAside {
    /// The key the copy lives under.
    pub key: String,
    /// What it was: "a report" or "the list of reports".
    pub what: &'static str,
    /// When it was set aside (ms since the epoch; 0 when the key does not say).
    pub at_ms: f64,
    /// Its length in characters.
    pub chars: usize,
}

impl SetAside {
    /// The name a download of it is saved under.
    pub fn file_name(&self) -> String {
        let stem: String = self
            .key
            .chars()
            .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
            .collect();
        format!("{stem}.json")
    }
}

/// Every set-aside copy, oldest first.
pub fn set_aside_list(storage: &web_sys::Storage) -> Vec<SetAside> {
    let len = storage.length().unwrap_or(0);
    let mut out: Vec<SetAside> = (0..len)
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter_map(|key| {
            let rest = key.strip_prefix(CORRUPT_PREFIX)?;
            let (original, at) = rest.rsplit_once('.').unwrap_or((rest, ""));
            let what = if original.starts_with(DOC_PREFIX) {
                "a report"
            } else if original == INDEX_KEY {
                "the list of reports"
            } else {
                "saved data"
            };
            let chars = storage.get_item(&key).ok().flatten().map_or(0, |v| v.len());
            Some(SetAside {
                at_ms: at.parse().unwrap_or(0.0),
                key,
                what,
                chars,
            })
        })
        .collect();
    out.sort_by(|a, b| a.at_ms.total_cmp(&b.at_ms));
    out
}

/// The text of a set-aside copy, exactly as it was found.
pub fn set_aside_text(storage: &web_sys::Storage, key: &str) -> Option<String> {
    if !key.starts_with(CORRUPT_PREFIX) {
        return None;
    }
    storage.get_item(key).ok().flatten()
}

/// Deletes a set-aside copy for good.
pub fn forget_set_aside(storage: &web_sys::Storage, key: &str) {
    if key.starts_with(CORRUPT_PREFIX) {
        let _ = storage.remove_item(key);
    }
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

/// Key of the time of the last backup (ms since the epoch), for the library's reminder.
pub const LAST_BACKUP_KEY: &str = "hindsight.v1.last_backup";

/// When all reports were last backed up, if ever.
pub fn last_backup(storage: &web_sys::Storage) -> Option<f64> {
    storage
        .get_item(LAST_BACKUP_KEY)
        .ok()
        .flatten()
        .and_then(|v| v.parse().ok())
}

/// Remembers when all reports were backed up.
pub fn remember_backup(storage: &web_sys::Storage, at_ms: f64) -> Result<(), Problem> {
    set(storage, LAST_BACKUP_KEY, &format!("{}", at_ms as u64))
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_copies_are_compact_and_carry_their_stamp() {
        let r = crate::app::sample_report();
        let stamp = Stamp {
            rev: 7,
            tab: "tabc".into(),
            base_rev: 6,
            base_tab: "tabd".into(),
        };
        let raw = encode_report(&stamp, &r);
        assert!(!raw.contains('\n'), "{raw}");
        assert!(
            raw.starts_with(
                "{\"rev\":7,\"tab\":\"tabc\",\"base_rev\":6,\"base_tab\":\"tabd\",\"report\":{"
            ),
            "{raw}"
        );
        assert_eq!(decode_stored(&raw), Some((stamp.clone(), r.clone())));
        assert_eq!(
            stamp_of_head(&raw[..90.min(raw.len())]),
            Some(stamp.clone())
        );
        let next = stamp.next("tabe".into());
        assert!(next.made_from(&stamp) && !stamp.made_from(&next));
    }

    #[test]
    fn old_pretty_copies_still_read_as_revision_zero() {
        let mut r = Report::new("001");
        r.meta.title = "Written before revisions".into();
        let old = hindsight_core::to_json(&r);
        assert_eq!(decode_stored(&old), Some((Stamp::default(), r)));
        assert_eq!(stamp_of_head(&old), None);
        assert_eq!(decode_stored("{\"rev\":1,\"report\":3}"), None);
        assert_eq!(decode_stored("{\"meta\": {\"title\": 42"), None);
    }

    #[test]
    fn set_aside_copies_are_named_for_download() {
        let a = SetAside {
            key: "hindsight.v1.corrupt.hindsight.v1.doc.rx.17".into(),
            what: "a report",
            at_ms: 17.0,
            chars: 3,
        };
        assert_eq!(
            a.file_name(),
            "hindsight-v1-corrupt-hindsight-v1-doc-rx-17.json"
        );
    }
}
