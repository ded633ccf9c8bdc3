//! The controls every row table is built from: a labelled text cell bound to the store
//! field at its `Location`, a select over an optional enum, and the move / remove tools of
//! a row. A cell re-renders only when its own field (or a row above it) changes.

use super::bind_value::bind_value;
use super::marker::marker;
use crate::app::history::Choice;
use crate::app::use_ctx;
use hindsight_core::fields::CellKind;
use hindsight_core::{Location, Report};
use leptos::prelude::*;
use reactive_stores::Field;

/// Something done to one row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowOp {
    Up,
    Down,
    Remove,
}

/// Applies a row operation; out-of-range rows are left alone.
pub fn apply<T>(rows: &mut Vec<T>, i: usize, op: RowOp) {
    if i >= rows.len() {
        return;
    }
    match op {
        RowOp::Up if i > 0 => rows.swap(i, i - 1),
        RowOp::Down if i + 1 < rows.len() => rows.swap(i, i + 1),
        RowOp::Remove => {
            rows.remove(i);
        }
        _ => {}
    }
}

/// Move up / move down / remove buttons for row `i`, labelled for screen readers.
pub fn row_tools(
    what: &'static str,
    i: usize,
    on: impl Fn(RowOp) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let n = i + 1;
    view! {
        <span class="row-tools">
            <button type="button" class="icon" aria-label=format!("Move {what} {n} up")
                title="Move up" on:click=move |_| on(RowOp::Up)>"↑"</button>
            <button type="button" class="icon" aria-label=format!("Move {what} {n} down")
                title="Move down" on:click=move |_| on(RowOp::Down)>"↓"</button>
            <button type="button" class="icon danger" aria-label=format!("Remove {what} {n}")
                data-testid=format!("remove-{what}-{i}")
                title="Remove" on:click=move |_| on(RowOp::Remove)>"✕"</button>
        </span>
    }
}

/// The text the control at `at` shows: its store field, read only while the row exists
/// (a row just removed shows as empty until it disappears).
pub fn shown(at: Location, lens: Field<String>) -> Signal<String> {
    let ctx = use_ctx();
    Signal::derive(move || {
        if ctx.report.with_untracked(|r| at.exists_in(r)) {
            lens.get()
        } else {
            String::new()
        }
    })
}

/// One labelled text input bound to the text at `at`. `list` names a `<datalist>` of
/// suggestions.
pub fn text_cell(
    at: Location,
    label: String,
    kind: CellKind,
    list: Option<&'static str>,
) -> AnyView {
    let ctx = use_ctx();
    let Some(lens) = at.lens(ctx.report) else {
        return ().into_any();
    };
    let value = shown(at, lens);
    let input = move |ev: leptos::ev::Event| ctx.type_text(at, lens, event_target_value(&ev));
    let id = format!("field-{at}");
    let control = match kind {
        CellKind::Prose => view! {
            <textarea id=id.clone() data-testid=id.clone() rows="1" on:input=input
                use:bind_value=value></textarea>
        }
        .into_any(),
        CellKind::Date => view! {
            <input id=id.clone() data-testid=id.clone() type="text" placeholder="YYYY-MM-DD"
                on:input=input use:bind_value=value />
        }
        .into_any(),
        _ => view! {
            <input id=id.clone() data-testid=id.clone() type="text" list=list on:input=input
                use:bind_value=value />
        }
        .into_any(),
    };
    let (marks, state) = marker(at);
    view! {
        <div class=move || format!("cell {}", state.get()) data-path=at.to_string()>
            <label for=id>{label}</label>
            {control}
            {marks}
        </div>
    }
    .into_any()
}

/// A select over an optional enum held at `lens` (an event kind, a category), written
/// by `set`.
pub fn choice_cell<T, S>(
    at: Location,
    label: &'static str,
    all: &'static [T],
    name: fn(T) -> &'static str,
    lens: Field<Option<T>>,
    set: S,
) -> AnyView
where
    T: Copy + PartialEq + Send + Sync + 'static,
    S: Fn(&mut Report, Option<T>) + Copy + Send + Sync + 'static,
{
    let ctx = use_ctx();
    let value = Signal::derive(move || {
        if ctx.report.with_untracked(|r| at.exists_in(r)) {
            lens.get()
        } else {
            None
        }
    });
    let id = format!("field-{at}");
    let change = move |ev: leptos::ev::Event| {
        let picked = event_target_value(&ev)
            .parse::<usize>()
            .ok()
            .and_then(|i| all.get(i).copied());
        let then = lens.get_untracked();
        if ctx.report.with_untracked(|r| at.exists_in(r)) && then != picked {
            let step = Choice {
                set,
                then,
                now: picked,
            };
            ctx.change_by(step, || {
                ctx.write_quietly(|r| set(r, picked));
                lens.notify();
            });
        }
    };
    let options = all
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let t = *t;
            view! { <option value=i.to_string() prop:selected=move || value.get() == Some(t)>{name(t)}</option> }
        })
        .collect_view();
    view! {
        <div class="cell" data-path=at.to_string()>
            <label for=id.clone()>{label}</label>
            <select id=id.clone() data-testid=id on:change=change>
                <option value="" prop:selected=move || value.get().is_none()>"—"</option>
                {options}
            </select>
        </div>
    }
    .into_any()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn moves_and_removes() {
        let mut v = vec![1, 2, 3];
        apply(&mut v, 0, RowOp::Up);
        assert_eq!(v, [1, 2, 3]);
        apply(&mut v, 0, RowOp::Down);
        assert_eq!(v, [2, 1, 3]);
        apply(&mut v, 2, RowOp::Down);
        assert_eq!(v, [2, 1, 3]);
        apply(&mut v, 1, RowOp::Remove);
        assert_eq!(v, [2, 3]);
        apply(&mut v, 9, RowOp::Remove);
        assert_eq!(v, [2, 3]);
    }
}
