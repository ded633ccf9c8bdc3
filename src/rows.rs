//! Editing rows of a table-like part (timeline, action items, sign-off…): moving and
//! removing rows, and the input cells every such table is built from.

use crate::bind_value::bind_value;
use crate::field_marker::marker;
use crate::state::use_ctx;
use hindsight_core::Report;
use leptos::prelude::*;

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

/// How a cell is edited.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cell {
    Line,
    /// A line with suggestions from the `<datalist>` with this id.
    Suggest(&'static str),
    Prose,
    Date,
}

/// One labelled input bound to a piece of the open report. `get` returns `None` when the
/// row is gone (it was just removed), which shows as empty until the row disappears.
pub fn cell<G, S>(kind: Cell, path: String, label: String, get: G, set: S) -> AnyView
where
    G: Fn(&Report) -> Option<String> + Send + Sync + 'static,
    S: Fn(&mut Report, String) + Copy + Send + Sync + 'static,
{
    let ctx = use_ctx();
    // Re-read only on `epoch` (see `Ctx::epoch`), not on every keystroke anywhere.
    let value = Signal::derive(move || {
        ctx.epoch.track();
        get(&ctx.report.read_untracked()).unwrap_or_default()
    });
    let input = move |ev: leptos::ev::Event| {
        let v = event_target_value(&ev);
        ctx.report.update(|r| set(r, v));
    };
    let id = format!("field-{path}");
    let control = match kind {
        Cell::Prose => view! {
            <textarea id=id.clone() data-testid=id.clone() rows="1" on:input=input
                use:bind_value=value></textarea>
        }
        .into_any(),
        Cell::Date => view! {
            <input id=id.clone() data-testid=id.clone() type="text" placeholder="YYYY-MM-DD"
                on:input=input use:bind_value=value />
        }
        .into_any(),
        Cell::Suggest(list) => view! {
            <input id=id.clone() data-testid=id.clone() type="text" list=list on:input=input
                use:bind_value=value />
        }
        .into_any(),
        Cell::Line => view! {
            <input id=id.clone() data-testid=id.clone() type="text" on:input=input
                use:bind_value=value />
        }
        .into_any(),
    };
    let (marks, state) = marker(&path);
    view! {
        <div class=move || format!("cell {}", state.get()) data-path=path>
            <label for=id>{label}</label>
            {control}
            {marks}
        </div>
    }
    .into_any()
}

/// A select over an optional enum stored in the report.
pub fn enum_cell<T, G, S>(
    path: String,
    label: String,
    all: &'static [T],
    name: fn(T) -> &'static str,
    get: G,
    set: S,
) -> AnyView
where
    T: Copy + PartialEq + Send + Sync + 'static,
    G: Fn(&Report) -> Option<T> + Send + Sync + 'static,
    S: Fn(&mut Report, Option<T>) + Copy + Send + Sync + 'static,
{
    let ctx = use_ctx();
    let value = Signal::derive(move || {
        ctx.epoch.track();
        get(&ctx.report.read_untracked())
    });
    let id = format!("field-{path}");
    let change = move |ev: leptos::ev::Event| {
        let picked = event_target_value(&ev);
        let v = picked
            .parse::<usize>()
            .ok()
            .and_then(|i| all.get(i).copied());
        ctx.report.update(|r| set(r, v));
    };
    let options = all
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let t = *t;
            view! { <option value=i.to_string() selected=move || value.get() == Some(t)>{name(t)}</option> }
        })
        .collect_view();
    view! {
        <div class="cell" data-path=path>
            <label for=id.clone()>{label}</label>
            <select id=id.clone() data-testid=id on:change=change>
                <option value="" selected=move || value.get().is_none()>"—"</option>
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
