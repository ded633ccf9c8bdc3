//! Moving the keyboard to a control by its location once the next frame has drawn it
//! (a row just added, a field a button points to).

use hindsight_core::Location;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Focuses the control at `at` after the next frame.
pub fn focus_soon(at: Location) {
    request_animation_frame(move || {
        let el = document()
            .get_element_by_id(&format!("field-{at}"))
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(el) = el {
            let _ = el.focus();
        }
    });
}
