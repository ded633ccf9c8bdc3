//! `use:bind_value`: keeps a text box's value in step with a signal, writing it at once.
//!
//! Leptos's `prop:value` defers every write of `value` to a microtask (so that a
//! `<select>` has its options before its value is set). On a text box just built, that
//! deferred first write ("") can land after the author has already typed, and empties the
//! box while the report keeps the text. Text boxes need no such deferral: this writes the
//! first value while the box is built, and later values as they change, and never writes
//! a value the box already shows (which would move the caret).

use leptos::prelude::*;
use wasm_bindgen::JsValue;

/// Sets `value` on `el` unless it already shows it.
fn show(el: &web_sys::Element, value: &str) {
    let key = JsValue::from_str("value");
    let current = js_sys::Reflect::get(el, &key)
        .ok()
        .and_then(|v| v.as_string());
    if current.as_deref() != Some(value) {
        let _ = js_sys::Reflect::set(el, &key, &JsValue::from_str(value));
    }
}

/// The directive: `<input use:bind_value=signal />` for inputs and text areas.
pub fn bind_value(el: web_sys::Element, value: Signal<String>) {
    show(&el, &value.get_untracked());
    Effect::new(move |_| {
        let v = value.get();
        show(&el, &v);
    });
}
