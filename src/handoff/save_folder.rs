//! "Save to folder…": writes the Markdown into a folder of the author's docs repo through
//! the File System Access API (Chromium). The folder is picked once; its handle is kept
//! in IndexedDB (through `rexie`) and permission is asked again when the browser has
//! dropped it. A different file of the same name is never overwritten without asking.
//! Where the API is missing, the same file name is downloaded instead.
//!
//! Tests (and embedders) may set `window.__hindsightPickDirectory` to a function that
//! resolves to a directory handle (e.g. `navigator.storage.getDirectory()`, the
//! origin-private file system) in place of the browser's folder picker.

use js_sys::{Function, Object, Promise, Reflect};
use rexie::{ObjectStore, Rexie, TransactionMode};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::FileSystemDirectoryHandle;

const DB: &str = "hindsight-handoff";
const STORE: &str = "handles";
const KEY: &str = "docs-folder";
const TEST_PICKER: &str = "__hindsightPickDirectory";

/// What a save did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Saved {
    /// Written into the folder.
    Written { folder: String, name: String },
    /// A different file of that name is there; nothing was written.
    WouldOverwrite { folder: String, name: String },
    /// The author closed the picker.
    Cancelled,
}

/// A failure, in words for the author.
pub type Failure = String;

fn window() -> Result<web_sys::Window, Failure> {
    web_sys::window().ok_or_else(|| "no browser window".to_string())
}

fn method(target: &JsValue, name: &str) -> Option<Function> {
    Reflect::get(target, &JsValue::from_str(name))
        .ok()
        .and_then(|f| f.dyn_into::<Function>().ok())
}

/// True when this browser can write into a folder (or a test picker is set).
pub fn supported() -> bool {
    web_sys::window().is_some_and(|w| {
        method(&w, TEST_PICKER).is_some() || method(&w, "showDirectoryPicker").is_some()
    })
}

async fn call(p: Result<JsValue, JsValue>) -> Result<JsValue, JsValue> {
    let promise: Promise = p?.dyn_into()?;
    JsFuture::from(promise).await
}

fn message(e: &JsValue) -> String {
    e.dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| e.as_string())
        .unwrap_or_else(|| "the browser refused".to_string())
}

fn is_abort(e: &JsValue) -> bool {
    e.dyn_ref::<web_sys::DomException>()
        .is_some_and(|d| d.name() == "AbortError")
}

async fn db() -> Result<Rexie, Failure> {
    Rexie::builder(DB)
        .version(1)
        .add_object_store(ObjectStore::new(STORE))
        .build()
        .await
        .map_err(|e| format!("the browser's database is unavailable ({e})"))
}

/// The remembered folder, if any.
pub async fn remembered() -> Option<FileSystemDirectoryHandle> {
    let db = db().await.ok()?;
    let tx = db.transaction(&[STORE], TransactionMode::ReadOnly).ok()?;
    let store = tx.store(STORE).ok()?;
    let v = store.get(JsValue::from_str(KEY)).await.ok()??;
    v.dyn_into().ok()
}

async fn remember(handle: &FileSystemDirectoryHandle) -> Result<(), Failure> {
    let db = db().await?;
    let fail = |e: rexie::Error| format!("could not remember the folder ({e})");
    let tx = db
        .transaction(&[STORE], TransactionMode::ReadWrite)
        .map_err(fail)?;
    let store = tx.store(STORE).map_err(fail)?;
    store
        .put(handle, Some(&JsValue::from_str(KEY)))
        .await
        .map_err(fail)?;
    tx.done().await.map_err(fail)?;
    Ok(())
}

/// Asks for a folder (the browser's picker, or the test picker) and remembers it.
pub async fn pick() -> Result<Option<FileSystemDirectoryHandle>, Failure> {
    let w = window()?;
    let picked = if let Some(test) = method(&w, TEST_PICKER) {
        call(test.call0(&w)).await
    } else if let Some(picker) = method(&w, "showDirectoryPicker") {
        let opts = Object::new();
        let _ = Reflect::set(&opts, &"id".into(), &"hindsight-postmortems".into());
        let _ = Reflect::set(&opts, &"mode".into(), &"readwrite".into());
        call(picker.call1(&w, &opts)).await
    } else {
        return Err("this browser cannot write into folders".to_string());
    };
    match picked {
        Ok(h) => {
            let handle: FileSystemDirectoryHandle = h
                .dyn_into()
                .map_err(|_| "the picker did not return a folder".to_string())?;
            remember(&handle).await?;
            Ok(Some(handle))
        }
        Err(e) if is_abort(&e) => Ok(None),
        Err(e) => Err(message(&e)),
    }
}

/// Read-write permission on the folder: queried, then asked for when not granted.
async fn permitted(handle: &FileSystemDirectoryHandle) -> bool {
    let opts = Object::new();
    let _ = Reflect::set(&opts, &"mode".into(), &"readwrite".into());
    let state = |v: Result<JsValue, JsValue>| v.ok().and_then(|s| s.as_string());
    // A browser without the permission methods lets the write itself decide.
    let Some(query) = method(handle, "queryPermission") else {
        return true;
    };
    if state(call(query.call1(handle, &opts)).await).as_deref() == Some("granted") {
        return true;
    }
    let Some(request) = method(handle, "requestPermission") else {
        return false;
    };
    state(call(request.call1(handle, &opts)).await).as_deref() == Some("granted")
}

/// The text of `name` in the folder, or `None` when there is no such file.
async fn existing(dir: &FileSystemDirectoryHandle, name: &str) -> Result<Option<String>, Failure> {
    let file = match JsFuture::from(dir.get_file_handle(name)).await {
        Ok(f) => f,
        Err(e)
            if e.dyn_ref::<web_sys::DomException>()
                .is_some_and(|d| d.name() == "NotFoundError") =>
        {
            return Ok(None)
        }
        Err(e) => return Err(message(&e)),
    };
    let file: web_sys::FileSystemFileHandle = file.unchecked_into();
    let blob = JsFuture::from(file.get_file())
        .await
        .map_err(|e| message(&e))?;
    let blob: web_sys::File = blob.unchecked_into();
    crate::app::files::file_text(&blob).await.map(Some)
}

async fn write(dir: &FileSystemDirectoryHandle, name: &str, text: &str) -> Result<(), Failure> {
    let opts = web_sys::FileSystemGetFileOptions::new();
    opts.set_create(true);
    let file = JsFuture::from(dir.get_file_handle_with_options(name, &opts))
        .await
        .map_err(|e| message(&e))?;
    let file: web_sys::FileSystemFileHandle = file.unchecked_into();
    let stream = JsFuture::from(file.create_writable())
        .await
        .map_err(|e| message(&e))?;
    let stream: web_sys::FileSystemWritableFileStream = stream.unchecked_into();
    let wrote = stream.write_with_str(text).map_err(|e| message(&e))?;
    JsFuture::from(wrote).await.map_err(|e| message(&e))?;
    JsFuture::from(stream.close())
        .await
        .map_err(|e| message(&e))?;
    Ok(())
}

/// Saves `text` as `name` in the remembered folder (picking one first when there is
/// none). Unless `overwrite`, a different file of that name stops the save.
pub async fn save(name: &str, text: &str, overwrite: bool) -> Result<Saved, Failure> {
    let dir = match remembered().await {
        Some(d) => d,
        None => match pick().await? {
            Some(d) => d,
            None => return Ok(Saved::Cancelled),
        },
    };
    if !permitted(&dir).await {
        return Err(format!(
            "the browser did not allow writing to the folder {}",
            dir.name()
        ));
    }
    let folder = dir.name();
    if !overwrite {
        if let Some(old) = existing(&dir, name).await? {
            if old != text {
                return Ok(Saved::WouldOverwrite {
                    folder,
                    name: name.to_string(),
                });
            }
        }
    }
    write(&dir, name, text).await?;
    Ok(Saved::Written {
        folder,
        name: name.to_string(),
    })
}
