//! The recovery screen: when the app panics (or its wasm traps), a plain page drawn with
//! the DOM alone — Leptos may be the broken part — saying what happened and offering the
//! last saved copy of the open report as a JSON download and a reload. The saved copy is
//! cut out of storage as a JavaScript string, so showing it needs almost no wasm memory.

use crate::app::storage::{self, DOC_PREFIX};
use std::cell::Cell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

thread_local! {
    static SHOWN: Cell<bool> = const { Cell::new(false) };
}

/// Installs the panic hook (the message still goes to the console) and a guard for traps
/// that bypass it (running out of memory aborts without a panic).
pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show();
    }));
    let Some(window) = web_sys::window() else {
        return;
    };
    let on_error = Closure::<dyn Fn(web_sys::Event)>::new(|ev: web_sys::Event| {
        let message = js_sys::Reflect::get(&ev, &"message".into())
            .ok()
            .and_then(|m| m.as_string())
            .unwrap_or_default();
        if message.contains("RuntimeError") || message.contains("unreachable") {
            show();
        }
    });
    let _ = window.add_event_listener_with_callback("error", on_error.as_ref().unchecked_ref());
    // Lives as long as the page.
    on_error.forget();
}

/// The open report's last saved JSON, as a JavaScript string (never copied into wasm).
fn last_saved() -> Option<js_sys::JsString> {
    let s = storage::local().ok()?;
    let id = storage::open_id(&s)?;
    let get: js_sys::Function = js_sys::Reflect::get(&s, &"getItem".into())
        .ok()?
        .dyn_into()
        .ok()?;
    let raw: js_sys::JsString = get
        .call1(&s, &format!("{DOC_PREFIX}{id}").into())
        .ok()?
        .dyn_into()
        .ok()?;
    // A copy with a revision wraps the report: {"rev":…,"tab":…,"report":{…}}.
    let mark = raw.index_of(",\"report\":", 0);
    if raw.starts_with("{\"rev\":", 0) && mark > 0 {
        let start = (mark + 10) as u32;
        Some(raw.slice(start, raw.length().saturating_sub(1)))
    } else {
        Some(raw)
    }
}

fn element(doc: &web_sys::Document, tag: &str, text: &str) -> Option<web_sys::Element> {
    let el = doc.create_element(tag).ok()?;
    el.set_text_content(Some(text));
    Some(el)
}

/// Shows the recovery screen over whatever is left of the app (once).
pub fn show() {
    if SHOWN.with(|s| s.replace(true)) {
        return;
    }
    let _ = draw();
}

fn draw() -> Option<()> {
    let doc = web_sys::window()?.document()?;
    let body = doc.body()?;
    if let Some(app) = doc.query_selector(".app").ok().flatten() {
        let _ = app.set_attribute("hidden", "");
    }
    let screen = doc.create_element("div").ok()?;
    screen.set_class_name("recovery");
    screen.set_attribute("role", "alert").ok()?;
    screen.set_attribute("data-testid", "recovery").ok()?;
    let heading = element(&doc, "h1", "Hindsight stopped working")?;
    screen.append_child(&heading).ok()?;
    let lead = element(
        &doc,
        "p",
        "Something went wrong inside the app, so it stopped instead of risking your \
         work. Your reports are still in this browser's storage: reloading brings them \
         back, up to the last save.",
    )?;
    screen.append_child(&lead).ok()?;
    let actions = doc.create_element("p").ok()?;
    actions.set_class_name("recovery-actions");
    if let Some(json) = last_saved() {
        let parts = js_sys::Array::of1(&json);
        let opts = web_sys::BlobPropertyBag::new();
        opts.set_type("application/json;charset=utf-8");
        let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts).ok()?;
        let url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
        let a: web_sys::HtmlAnchorElement = element(
            &doc,
            "a",
            "Download the last saved copy of the open report (.json)",
        )?
        .dyn_into()
        .ok()?;
        a.set_href(&url);
        a.set_download("post-mortem-recovered.json");
        a.set_class_name("button primary");
        a.set_attribute("data-testid", "recovery-download").ok()?;
        actions.append_child(&a).ok()?;
    }
    let reload: web_sys::HtmlAnchorElement =
        element(&doc, "a", "Reload Hindsight")?.dyn_into().ok()?;
    reload.set_href(&web_sys::window()?.location().href().ok()?);
    reload.set_class_name("button");
    actions.append_child(&reload).ok()?;
    screen.append_child(&actions).ok()?;
    body.append_child(&screen).ok()?;
    Some(())
}
