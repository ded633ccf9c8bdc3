//! The drop zone: .md and .json files dropped anywhere on the page are imported.

use crate::app::Ctx;
use leptos::prelude::*;

/// The files in a browser file list.
pub fn files_of(list: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    let Some(list) = list else { return Vec::new() };
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}

/// Makes the whole page a drop target for report files. Returns the "dragging" flag for
/// the overlay.
pub fn install_drop_zone(ctx: Ctx) -> ReadSignal<bool> {
    let (dragging, set_dragging) = signal(false);
    let over = window_event_listener(leptos::ev::dragover, move |ev| {
        ev.prevent_default();
        set_dragging.set(true);
    });
    let leave = window_event_listener(leptos::ev::dragleave, move |ev| {
        // Leaving the window has no related target.
        if ev.related_target().is_none() {
            set_dragging.set(false);
        }
    });
    let drop = window_event_listener(leptos::ev::drop, move |ev| {
        ev.prevent_default();
        set_dragging.set(false);
        let files = files_of(ev.data_transfer().and_then(|d| d.files()));
        if !files.is_empty() {
            ctx.import_files(files);
        }
    });
    on_cleanup(move || {
        over.remove();
        leave.remove();
        drop.remove();
    });
    dragging
}
