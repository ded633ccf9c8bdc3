//! One single-value text field of the report, with the control that fits it (a line, an
//! auto-growing text area, a date picker, date-time and zone pickers, a select) and its
//! inline findings.

use crate::bind_value::bind_value;
use crate::date_time::DateTimeControl;
use crate::field_marker::marker;
use crate::state::use_ctx;
use hindsight_core::fields::Text;
use hindsight_core::templates::Template;
use leptos::prelude::*;

/// How a text field is edited.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Control {
    Line,
    Prose,
    Date,
    DateTime,
    Severity,
    Status,
}

/// The control for each field; prose fields grow with their content.
pub fn control_for(t: Text) -> Control {
    use Text::*;
    match t {
        Date | MeetingDate | FinalizedDate => Control::Date,
        Start | End => Control::DateTime,
        Text::Severity => Control::Severity,
        Status => Control::Status,
        Summary | OneLine | Executive | ImpactDescription | BusinessImpact | WhatHappened
        | Analysis | RootStatement | Trigger | DetectionMethod | DetectionGaps | RightAlert
        | AlertPrompt | DetectionEffective | RightPeoplePaged | RunbookUseful
        | CommunicationClear | ImmediateFix | Verification | ResolutionEffective
        | PreventRecurrence | DetectFaster | RecoverFaster | SupportingData => Control::Prose,
        _ => Control::Line,
    }
}

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

/// The current UTC time as "YYYY-MM-DD HH:MM".
pub fn now_utc() -> String {
    let iso: String = js_sys::Date::new_0().to_iso_string().into();
    iso.get(..16).unwrap_or_default().replace('T', " ")
}

#[component]
pub fn TextField(field: Text, template: &'static Template) -> impl IntoView {
    let ctx = use_ctx();
    let path = field.path();
    let id = format!("field-{path}");
    // Re-read only on `epoch` (see `Ctx::epoch`), not on every keystroke anywhere.
    let value = Signal::derive(move || {
        ctx.epoch.track();
        field.get(&ctx.report.read_untracked()).clone()
    });
    let set = move |v: String| {
        ctx.report.update(|r| *field.get_mut(r) = v);
    };
    // For values set by a picker or a button: the text box beside it must show them.
    let set_shown = move |v: String| ctx.change(|r| *field.get_mut(r) = v);
    let control = match control_for(field) {
        Control::Prose => view! {
            <textarea
                id=id.clone()
                data-testid=id.clone()
                rows="2"
                on:input=move |ev| set(event_target_value(&ev))
                use:bind_value=value
            ></textarea>
        }
        .into_any(),
        Control::Date => view! {
            <input
                id=id.clone()
                data-testid=id.clone()
                type="text"
                inputmode="numeric"
                placeholder="YYYY-MM-DD"
                on:input=move |ev| set(event_target_value(&ev))
                use:bind_value=value
            />
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
        Control::DateTime => view! { <DateTimeControl field=field id=id.clone() /> }.into_any(),
        Control::Severity => view! {
            <TextSelect
                id=id.clone()
                value=value
                options=Signal::derive(move || owned(template.severities))
                on_pick=Callback::new(set)
            />
        }
        .into_any(),
        Control::Status => view! {
            <TextSelect
                id=id.clone()
                value=value
                options=Signal::derive(move || owned(template.statuses))
                on_pick=Callback::new(set)
            />
        }
        .into_any(),
        Control::Line => view! {
            <input
                id=id.clone()
                data-testid=id.clone()
                type="text"
                on:input=move |ev| set(event_target_value(&ev))
                use:bind_value=value
            />
        }
        .into_any(),
    };
    let wide = matches!(control_for(field), Control::Prose) || field == Text::Title;
    let (marks, state) = marker(path);
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
