//! One single-value text field of the report, with the control its kind asks for (a
//! line, an auto-growing text area, a date picker, date-time and zone pickers, a select
//! over the template's scale) and its inline findings.

use super::bind_value::bind_value;
use super::date_time::DateTimeControl;
use super::line_input::{Hint, LineInput};
use super::marker::marker;
use crate::app::use_ctx;
use hindsight_core::fields::{Text, TextKind};
use hindsight_core::templates::Template;
use hindsight_core::Location;
use leptos::prelude::*;

fn owned(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

/// Options for a select over text stored as typed: the offered values, plus the current
/// value when it is something else, so a select never hides what was typed or imported.
pub fn with_current(options: Vec<String>, current: &str) -> Vec<String> {
    let mut all = vec![String::new()];
    if !current.is_empty() && !options.iter().any(|o| o == current) {
        all.push(current.to_string());
    }
    all.extend(options);
    all
}

/// A `<select>` over a text stored as typed.
#[component]
pub fn TextSelect(
    id: String,
    #[prop(into)] value: Signal<String>,
    options: Signal<Vec<String>>,
    on_pick: Callback<String>,
) -> impl IntoView {
    view! {
        <select
            id=id.clone()
            data-testid=id
            on:change=move |ev| on_pick.run(event_target_value(&ev))
            prop:value=move || value.get()
        >
            {move || {
                let current = value.get();
                with_current(options.get(), &current)
                    .into_iter()
                    .map(|o| {
                        let selected = o == current;
                        let label = if o.is_empty() { "—".to_string() } else { o.clone() };
                        view! { <option value=o selected=selected>{label}</option> }
                    })
                    .collect_view()
            }}
        </select>
    }
}

#[component]
pub fn TextField(field: Text, template: &'static Template) -> impl IntoView {
    let ctx = use_ctx();
    let path = field.path();
    let at = Location::text(field);
    let id = format!("field-{path}");
    let lens = field.lens(ctx.report);
    // Tracks this field only: typing elsewhere never re-reads it.
    let value = Signal::derive(move || lens.get());
    // Typing, a picker and a select all write the text as typed; the box shows it.
    let set = move |v: String| ctx.type_text(at, lens, v);
    let set_shown = set;
    let control = match (field.kind(), template.choices(field.kind())) {
        (_, Some(choices)) => view! {
            <TextSelect
                id=id.clone()
                value=value
                options=Signal::derive(move || owned(choices))
                on_pick=Callback::new(set)
            />
        }
        .into_any(),
        (TextKind::Prose, None) => view! {
            <textarea
                id=id.clone()
                data-testid=id.clone()
                rows="2"
                on:input=move |ev| set(event_target_value(&ev))
                use:bind_value=value
            ></textarea>
        }
        .into_any(),
        (TextKind::Date, None) => view! {
            <LineInput id=id.clone() value=value on_type=Callback::new(set) hint=Hint::DATE />
            <input
                type="date"
                class="picker"
                data-testid=format!("{id}-picker")
                aria-label=format!("Pick {}", field.label())
                on:change=move |ev| set_shown(event_target_value(&ev))
                prop:value=move || value.get()
            />
        }
        .into_any(),
        (TextKind::DateTime, None) => {
            view! { <DateTimeControl field=field id=id.clone() /> }.into_any()
        }
        (_, None) => view! {
            <LineInput id=id.clone() value=value on_type=Callback::new(set) hint=Hint::NONE />
        }
        .into_any(),
    };
    let wide = field.kind() == TextKind::Prose || field == Text::Title;
    let (marks, state) = marker(at);
    let class = move || {
        let base = if wide { "field wide" } else { "field" };
        format!("{base} {}", state.get())
    };
    view! {
        <div class=class data-path=path>
            <label for=id.clone()>{field.label()}</label>
            <div class="control">{control}</div>
            {marks}
        </div>
    }
}
