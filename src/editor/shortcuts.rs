//! One-key shortcuts in the editor (when no text box has the cursor) and the "?" help
//! that lists them: add a timeline event, next / previous section, the review, preview,
//! export.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// What a shortcut does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Help,
    AddEvent,
    NextSection,
    PreviousSection,
    Review,
    Preview,
    Export,
}

/// Each shortcut: the key as the browser names it, how the help writes it, what it does.
pub const KEYS: &[(&str, &str, Action, &str)] = &[
    ("?", "?", Action::Help, "Show or hide these shortcuts"),
    (
        "n",
        "N",
        Action::AddEvent,
        "Add a timeline event (the cursor goes to its time)",
    ),
    ("j", "J", Action::NextSection, "Next section"),
    ("k", "K", Action::PreviousSection, "Previous section"),
    ("r", "R", Action::Review, "Jump to the review"),
    ("p", "P", Action::Preview, "Preview, or back to editing"),
    ("e", "E", Action::Export, "Go to the export buttons"),
];

/// The action of a key pressed with no Ctrl, Alt or Meta (Shift only makes "?").
pub fn action_of(key: &str, ctrl: bool, alt: bool, meta: bool) -> Option<Action> {
    if ctrl || alt || meta {
        return None;
    }
    let key = if key == "?" {
        key.to_string()
    } else {
        key.to_ascii_lowercase()
    };
    KEYS.iter().find(|(k, ..)| *k == key).map(|(_, _, a, _)| *a)
}

/// True when keys typed now go into a control (a text box, a menu), not to shortcuts.
fn typing_into(target: Option<web_sys::EventTarget>) -> bool {
    let Some(el) = target.and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok()) else {
        return false;
    };
    let tag = el.tag_name().to_ascii_lowercase();
    matches!(tag.as_str(), "input" | "textarea" | "select") || el.is_content_editable()
}

fn html(selector: &str) -> Option<web_sys::HtmlElement> {
    document()
        .query_selector(selector)
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
}

/// Moves to the section after (or before) the one holding the focus, else the one at the
/// top of the window, and focuses its heading.
fn step_section(forward: bool) {
    let Ok(list) = document().query_selector_all("main.sections > .section") else {
        return;
    };
    let sections: Vec<web_sys::Element> = (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<web_sys::Element>().ok())
        .collect();
    if sections.is_empty() {
        return;
    }
    let active = document().active_element();
    let holding = active.as_ref().and_then(|a| {
        sections
            .iter()
            .position(|s| s.contains(Some(a.unchecked_ref::<web_sys::Node>())))
    });
    // Else the last section whose top is above the window's upper third.
    let height = window()
        .inner_height()
        .ok()
        .and_then(|h| h.as_f64())
        .unwrap_or(800.0);
    let current = holding.or_else(|| {
        sections
            .iter()
            .rposition(|s| s.get_bounding_client_rect().top() < height / 3.0)
    });
    let next = match (current, forward) {
        (None, _) => 0,
        (Some(i), true) => (i + 1).min(sections.len() - 1),
        (Some(i), false) => i.saturating_sub(1),
    };
    let heading = sections[next]
        .query_selector("h2")
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(h) = heading {
        let _ = h.focus();
        h.scroll_into_view();
    }
}

/// Carries out a shortcut. `preview` is the editor's edit/preview switch.
fn run(action: Action, preview: RwSignal<bool>, help: RwSignal<bool>) {
    match action {
        Action::Help => help.update(|h| *h = !*h),
        Action::AddEvent => {
            preview.set(false);
            request_animation_frame(|| {
                if let Some(b) = html("[data-testid=\"add-timeline\"]") {
                    b.click();
                }
            });
        }
        Action::NextSection | Action::PreviousSection => {
            preview.set(false);
            request_animation_frame(move || step_section(action == Action::NextSection));
        }
        Action::Review => {
            preview.set(false);
            request_animation_frame(|| {
                if let Some(side) = html("#review") {
                    let _ = side.focus();
                    side.scroll_into_view();
                }
            });
        }
        Action::Preview => preview.update(|p| *p = !*p),
        Action::Export => {
            if let Some(b) = html(".subbar button, .subbar a[href]") {
                let _ = b.focus();
            }
        }
    }
}

/// Listens for the shortcuts while the editor is open and draws the help when asked.
#[component]
pub fn Shortcuts(preview: RwSignal<bool>, help: RwSignal<bool>) -> impl IntoView {
    let keys = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.default_prevented() || ev.is_composing() {
            return;
        }
        if ev.key() == "Escape" && help.get_untracked() {
            help.set(false);
            return;
        }
        if typing_into(ev.target()) {
            return;
        }
        if let Some(a) = action_of(&ev.key(), ev.ctrl_key(), ev.alt_key(), ev.meta_key()) {
            ev.prevent_default();
            run(a, preview, help);
        }
    });
    on_cleanup(move || keys.remove());
    // The help takes the focus when it opens and gives it back when it closes.
    let before = StoredValue::new_local(None::<web_sys::HtmlElement>);
    Effect::new(move |was: Option<bool>| {
        let open = help.get();
        if open && was != Some(true) {
            before.set_value(
                document()
                    .active_element()
                    .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()),
            );
            request_animation_frame(|| {
                if let Some(b) = html("[data-testid=\"shortcuts-close\"]") {
                    let _ = b.focus();
                }
            });
        } else if !open && was == Some(true) {
            if let Some(el) = before.get_value() {
                let _ = el.focus();
            }
        }
        open
    });
    let rows = || {
        KEYS.iter()
            .map(|(_, shown, _, what)| view! { <dt><kbd>{*shown}</kbd></dt><dd>{*what}</dd> })
            .collect_view()
    };
    view! {
        <Show when=move || help.get()>
            <div class="shortcuts" role="dialog" aria-labelledby="shortcuts-title" data-testid="shortcuts-help">
                <h2 id="shortcuts-title">"Keyboard shortcuts"</h2>
                <p class="hint">"When the cursor is not in a text box. Ctrl+Z undoes, Ctrl+Shift+Z redoes."</p>
                <dl>{rows()}</dl>
                <button type="button" data-testid="shortcuts-close" on:click=move |_| help.set(false)>"Close"</button>
            </div>
        </Show>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_map_to_actions_only_without_modifiers() {
        assert_eq!(action_of("?", false, false, false), Some(Action::Help));
        assert_eq!(action_of("N", false, false, false), Some(Action::AddEvent));
        assert_eq!(action_of("n", true, false, false), None);
        assert_eq!(action_of("x", false, false, false), None);
        for (key, ..) in KEYS {
            assert!(action_of(key, false, false, false).is_some(), "{key}");
        }
    }
}
