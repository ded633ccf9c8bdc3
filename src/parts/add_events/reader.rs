//! The page's side of the timeline-source reader (`site/sources-worker.js` over the
//! `hindsight-sources` wasm, built separately so zip, csv and the parsers stay out of the
//! page's own wasm): started the first time "Add events from…" opens, asked to read one
//! file for the open report, its answer taken in one part per task so the page keeps
//! answering while 50,000 rows arrive. A reader that cannot load, or breaks mid-read,
//! becomes a plain message on that file; the next read starts a fresh one.

use hindsight_core::sources::FileReading;
use hindsight_core::{to_json, Report};
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The worker's script, beside the page (so a sub-path works).
const SCRIPT: &str = "./sources-worker.js";

/// Why a file was not read when the reader itself is missing, not the file at fault.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unavailable(pub String);

type Answer = Result<FileReading, Unavailable>;

/// A read waiting for its answer.
struct Waiting {
    reading: Option<Result<FileReading, String>>,
    resolve: js_sys::Function,
}

struct Reader {
    worker: web_sys::Worker,
    waiting: Rc<RefCell<HashMap<u32, Waiting>>>,
    _on_message: Closure<dyn FnMut(web_sys::MessageEvent)>,
    _on_error: Closure<dyn FnMut(web_sys::Event)>,
}

thread_local! {
    static READER: RefCell<Option<Rc<Reader>>> = const { RefCell::new(None) };
    static NEXT_ID: RefCell<u32> = const { RefCell::new(0) };
    /// Answers of reads the reader could not make, by id.
    static LOST: RefCell<HashMap<u32, String>> = RefCell::new(HashMap::new());
}

/// Starts the reader if it is not running, so it is ready by the time a file is dropped.
pub fn warm() {
    let _ = reader();
}

/// Reads `bytes` in the reader for the report `context` (`sources::reading_context`, taken
/// before the await so the open report is not held), `channel` picked in a Slack export.
pub async fn read(context: Report, bytes: &[u8], channel: Option<&str>) -> Answer {
    let Some(reader) = reader() else {
        return Err(Unavailable(
            "this browser could not start the file reader (Web Workers blocked?)".into(),
        ));
    };
    let id = NEXT_ID.with(|n| {
        let mut n = n.borrow_mut();
        *n = n.wrapping_add(1);
        *n
    });
    let waiting = reader.waiting.clone();
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        waiting.borrow_mut().insert(
            id,
            Waiting {
                reading: None,
                resolve,
            },
        );
    });
    let request = js_sys::Object::new();
    let set = |k: &str, v: &JsValue| js_sys::Reflect::set(&request, &k.into(), v).is_ok();
    let ready = set("id", &id.into())
        && set("bytes", &js_sys::Uint8Array::from(bytes).into())
        && set("report", &to_json(&context).into())
        && set(
            "channel",
            &channel.map(JsValue::from_str).unwrap_or(JsValue::NULL),
        );
    if !ready || reader.worker.post_message(&request).is_err() {
        reader.waiting.borrow_mut().remove(&id);
        stop(&reader, "the file could not be handed to the reader");
        return Err(Unavailable(
            "the file could not be handed to the reader".into(),
        ));
    }
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
    let answer = reader
        .waiting
        .borrow_mut()
        .remove(&id)
        .and_then(|w| w.reading);
    match answer {
        Some(Ok(reading)) => Ok(reading),
        Some(Err(why)) => Err(Unavailable(why)),
        None => Err(Unavailable(
            LOST.with(|l| l.borrow_mut().remove(&id))
                .unwrap_or_else(|| "the reader stopped before answering".into()),
        )),
    }
}

/// The running reader, started if there is none.
fn reader() -> Option<Rc<Reader>> {
    if let Some(r) = READER.with(|r| r.borrow().clone()) {
        return Some(r);
    }
    let worker = web_sys::Worker::new(SCRIPT).ok()?;
    let waiting: Rc<RefCell<HashMap<u32, Waiting>>> = Rc::default();
    let on_message = {
        let waiting = waiting.clone();
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
            answered(&waiting, &ev.data());
        })
    };
    let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(move |ev: web_sys::Event| {
        // The script itself did not load (offline before it was kept, a host without
        // it): the event says little, so the words are ours.
        ev.prevent_default();
        broke("the file reader could not be loaded (offline, or the site is missing it)");
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    let reader = Rc::new(Reader {
        worker,
        waiting,
        _on_message: on_message,
        _on_error: on_error,
    });
    READER.with(|r| *r.borrow_mut() = Some(reader.clone()));
    Some(reader)
}

/// One message from the reader.
fn answered(waiting: &Rc<RefCell<HashMap<u32, Waiting>>>, data: &JsValue) {
    let get = |k: &str| js_sys::Reflect::get(data, &k.into()).ok();
    let text = |k: &str| get(k).and_then(|v| v.as_string());
    let kind = text("kind").unwrap_or_default();

    let id = get("id").and_then(|v| v.as_f64()).map(|v| v as u32);
    match (kind.as_str(), id) {
        ("ready", _) => {}
        ("unavailable", None) => {
            let why = text("message").unwrap_or_default();
            broke(&format!("the file reader could not be loaded ({why})"));
        }
        ("failed", Some(_)) => {
            let why = text("message").unwrap_or_default();
            broke(&format!("the file reader stopped on this file ({why})"));
        }
        ("head", Some(id)) => {
            if let Some(w) = waiting.borrow_mut().get_mut(&id) {
                let json = text("json").unwrap_or_default();
                w.reading = Some(FileReading::from_head(&json));
            }
        }
        ("rows", Some(id)) => {
            if let Some(w) = waiting.borrow_mut().get_mut(&id) {
                let json = text("json").unwrap_or_default();
                if let Some(Ok(reading)) = &mut w.reading {
                    if let Err(e) = reading.add_part(&json) {
                        w.reading = Some(Err(e));
                    }
                }
            }
        }
        ("done", Some(id)) => {
            if let Some(w) = waiting.borrow_mut().get_mut(&id) {
                if w.reading.is_none() {
                    w.reading = Some(Err("the reader answered nothing".into()));
                }
                let _ = w.resolve.call0(&JsValue::NULL);
            }
        }
        _ => {}
    }
}

/// The reader is gone: every waiting read ends with `why`, and the next read starts a
/// new reader.
fn broke(why: &str) {
    if let Some(reader) = READER.with(|r| r.borrow().clone()) {
        stop(&reader, why);
    }
}

fn stop(reader: &Reader, why: &str) {
    READER.with(|r| {
        let mut r = r.borrow_mut();
        if r.as_ref()
            .is_some_and(|cur| std::ptr::eq(cur.as_ref(), reader))
        {
            *r = None;
        }
    });
    reader.worker.terminate();
    let ended: Vec<(u32, Waiting)> = reader.waiting.borrow_mut().drain().collect();
    for (id, w) in ended {
        LOST.with(|l| l.borrow_mut().insert(id, why.to_string()));
        let _ = w.resolve.call0(&JsValue::NULL);
    }
}
