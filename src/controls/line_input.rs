//! The one-line text box every short field and timestamp types into, with its format hint.

use super::bind_value::bind_value;
use leptos::prelude::*;

/// What a one-line box tells the author and the phone keyboard about its format.
#[derive(Clone, Copy)]
pub struct Hint {
    pub placeholder: &'static str,
    pub inputmode: &'static str,
}

impl Hint {
    pub const NONE: Hint = Hint {
        placeholder: "",
        inputmode: "text",
    };
    pub const DATE: Hint = Hint {
        placeholder: "YYYY-MM-DD",
        inputmode: "numeric",
    };
    pub const DATE_TIME: Hint = Hint {
        placeholder: "YYYY-MM-DD HH:MM UTC",
        inputmode: "text",
    };
}

/// A one-line text box that shows `value` and hands every keystroke to `on_type`.
#[component]
pub fn LineInput(
    id: String,
    #[prop(into)] value: Signal<String>,
    on_type: Callback<String>,
    hint: Hint,
) -> impl IntoView {
    view! {
        <input
            id=id.clone()
            data-testid=id
            type="text"
            inputmode=hint.inputmode
            placeholder=(!hint.placeholder.is_empty()).then_some(hint.placeholder)
            on:input=move |ev| on_type.run(event_target_value(&ev))
            use:bind_value=value
        />
    }
}
