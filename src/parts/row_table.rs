//! The one shape every row table has (timeline, action items, whys, sign-off, key/value
//! rows, list fields, extra sections): a keyed list of rows over a store field, each row
//! drawn by its part with move / remove tools, and the part's add buttons below. Row
//! operations write only that field; typing in a cell writes only the cell. A long table
//! draws its first rows with the page and the rest a chunk at a time between frames, so
//! opening a report with thousands of rows never holds the page still for long.

use crate::app::{use_ctx, Ctx};
use crate::controls::cell::{apply, row_tools, text_cell, RowOp};
use crate::controls::focus::focus_soon;
use hindsight_core::fields::Part;
use hindsight_core::{Location, Report};
use leptos::prelude::*;
use reactive_stores::{Field, StoreFieldIterator};
use std::time::Duration;

/// Rows a table draws with the page.
const FIRST_ROWS: usize = 150;
/// Rows each later turn adds, until all are drawn (about 50 ms of work at 1× CPU).
const CHUNK_ROWS: usize = 60;
/// `shown` once every row is drawn: rows added later appear at once.
const ALL: usize = usize::MAX;

/// How one row table looks.
#[derive(Clone, Copy)]
pub struct Shape {
    /// `data-path` of the table (`timeline`).
    pub path: &'static str,
    /// Class of the wrapper (`part timeline`).
    pub class: &'static str,
    /// Class of the list of rows (`rows`).
    pub list_class: &'static str,
    /// Class of each row (`row timeline-row`).
    pub row_class: &'static str,
    /// `data-testid` prefix of each row (`timeline-row` → `timeline-row-3`), if any.
    pub row_testid: Option<&'static str>,
    /// What a row is called in the tools' labels ("event": "Remove event 3").
    pub what: &'static str,
    /// The label above the rows, if any.
    pub label: Option<&'static str>,
}

impl Shape {
    /// A table of `what`s with the usual list class, no row test ids and no label.
    pub const fn new(
        path: &'static str,
        class: &'static str,
        row_class: &'static str,
        what: &'static str,
    ) -> Shape {
        Shape {
            path,
            class,
            list_class: "rows",
            row_class,
            row_testid: None,
            what,
            label: None,
        }
    }
}

/// A part's rows: the store field (read by the list) and the same rows in the report
/// (written quietly, then only the rows that moved are told).
pub struct Rows<T: Send + Sync + 'static> {
    pub field: Field<Vec<T>>,
    pub of: fn(&mut Report) -> &mut Vec<T>,
    /// Bumped when a row is added or removed, so the list's length follows.
    shape: RwSignal<u64>,
}

impl<T: Send + Sync + 'static> Clone for Rows<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Send + Sync + 'static> Copy for Rows<T> {}

impl<T: Clone + PartialEq + serde::Serialize + Send + Sync + 'static> Rows<T> {
    pub fn new(field: Field<Vec<T>>, of: fn(&mut Report) -> &mut Vec<T>) -> Rows<T> {
        Rows {
            field,
            of,
            shape: RwSignal::new(0),
        }
    }

    /// Applies `f` to the rows as one undoable change. Rows from `from` on are re-read
    /// (they may hold other content now); rows above it are not touched.
    pub fn edit(self, ctx: Ctx, from: usize, f: impl FnOnce(&mut Vec<T>)) {
        ctx.change_rows(self.field, self.of, || {
            let before = self.field.with_untracked(Vec::len);
            ctx.write_quietly(|r| f((self.of)(r)));
            let after = self.field.with_untracked(Vec::len);
            for j in from..after {
                self.field.at_unkeyed(j).notify();
            }
            if before != after {
                self.shape.update(|n| *n += 1);
            }
            // Becoming empty or non-empty is what "Additional Notes" and section states
            // read off the whole list; at most one row is left to re-read then.
            if (before == 0) != (after == 0) {
                self.field.notify();
            }
        });
    }

    /// Adds a row made by `new` (from the rows so far) at the end.
    pub fn push(self, ctx: Ctx, new: impl FnOnce(&[T]) -> T) {
        let end = self.field.with_untracked(Vec::len);
        self.edit(ctx, end, |v| {
            let row = new(v);
            v.push(row);
        });
    }

    /// The "+ Add …" button under a table: adds a row made by `new` from the rows so far.
    pub fn add_button(self, testid: String, label: &'static str, new: fn(&[T]) -> T) -> AnyView {
        self.add_button_to(testid, label, new, None)
    }

    /// The same, then the cursor goes into `column` of the new row in `part`.
    pub fn add_button_focused(
        self,
        testid: String,
        label: &'static str,
        new: fn(&[T]) -> T,
        (part, column): (Part, &'static str),
    ) -> AnyView {
        self.add_button_to(testid, label, new, Some((part, column)))
    }

    fn add_button_to(
        self,
        testid: String,
        label: &'static str,
        new: fn(&[T]) -> T,
        focus: Option<(Part, &'static str)>,
    ) -> AnyView {
        let ctx = use_ctx();
        view! {
            <button type="button" class="add" data-testid=testid
                on:click=move |_| {
                    let n = self.field.with_untracked(Vec::len);
                    // The new row goes last: a table still drawing its rows draws them all.
                    if n >= FIRST_ROWS {
                        ctx.all_rows.set(true);
                    }
                    self.push(ctx, new);
                    if let Some((part, column)) = focus {
                        focus_soon(Location::cell(part, n, column));
                    }
                }>
                {label}
            </button>
        }
        .into_any()
    }
}

/// The rows of `rows`, each drawn by `row(i)`, then `tools` (the add buttons).
pub fn row_table<T, R, V>(rows: Rows<T>, shape: Shape, row: R, tools: AnyView) -> AnyView
where
    T: Clone + PartialEq + serde::Serialize + Send + Sync + 'static,
    R: Fn(usize) -> V + Copy + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let ctx = use_ctx();
    // Follows row ops (`shape`) and whole-report changes (open, undo, a template switch);
    // typing in a cell notifies neither.
    let len = Memo::new(move |_| {
        rows.shape.track();
        rows.field.read().len()
    });
    // How many rows are drawn: the first ones, then a chunk more each turn of the event
    // loop (input is handled between them), until all are. A newly opened report starts
    // again from the first rows; a jump to a row asks for all of them (`all_rows`).
    // `shown` is kept with the report it counts for, so a report opened while the table
    // stays mounted (a file dropped on the editor) starts from the first rows at once,
    // even in the same batch as its rows arrive.
    let opened = Memo::new(move |_| ctx.open.get());
    let shown = RwSignal::new((opened.get_untracked(), FIRST_ROWS));
    let drawn = Memo::new(move |_| {
        let open = opened.get();
        shown.with(|(at, s)| if *at == open { *s } else { FIRST_ROWS })
    });
    Effect::new(move |_| {
        let (n, s) = (len.get(), drawn.get());
        if s == ALL {
            return;
        }
        let open = opened.get_untracked();
        if s >= n || ctx.all_rows.get() {
            shown.set((open, ALL));
            return;
        }
        set_timeout(
            move || {
                if shown.is_disposed() || opened.try_get_untracked().flatten() != open {
                    return;
                }
                shown.update(|(at, s)| {
                    if *at == open {
                        *s = s.saturating_add(CHUNK_ROWS);
                    } else {
                        *at = open.clone();
                        *s = FIRST_ROWS + CHUNK_ROWS;
                    }
                });
            },
            Duration::ZERO,
        );
    });
    let count = Memo::new(move |_| len.get().min(drawn.get()));
    let on = move |i: usize| {
        move |op: RowOp| {
            rows.edit(ctx, i.saturating_sub(1), |v| apply(v, i, op));
            if op == RowOp::Remove {
                focus_neighbour(shape.path, i);
            }
        }
    };
    view! {
        <div class=shape.class data-path=shape.path>
            {shape.label.map(|l| view! { <span class="label">{l}</span> })}
            <ol class=shape.list_class data-partial=move || (count.get() < len.get()).then_some("yes")>
                <For each=move || 0..count.get() key=|i| *i let:i>
                    <li class=shape.row_class data-testid=shape.row_testid.map(|t| format!("{t}-{i}"))>
                        {row(i)}
                        {row_tools(shape.what, i, on(i))}
                    </li>
                </For>
            </ol>
            {tools}
        </div>
    }
    .into_any()
}

/// After row `i` of the table at `path` was removed, focuses the first control of the row
/// that took its place (else the row above, else the table's add button), so the
/// keyboard never falls back to the top of the page.
fn focus_neighbour(path: &'static str, i: usize) {
    use wasm_bindgen::JsCast;
    request_animation_frame(move || {
        let Some(table) = document()
            .query_selector(&format!("[data-path=\"{path}\"]"))
            .ok()
            .flatten()
        else {
            return;
        };
        let rows = table.query_selector_all(":scope > ol > li").ok();
        let count = rows.as_ref().map_or(0, |r| r.length());
        let row = rows.and_then(|r| {
            r.item(
                u32::try_from(i)
                    .unwrap_or(u32::MAX)
                    .min(count.saturating_sub(1)),
            )
        });
        let target = row
            .and_then(|r| r.dyn_into::<web_sys::Element>().ok())
            .and_then(|r| r.query_selector("[id^=\"field-\"]").ok().flatten())
            .or_else(|| table.query_selector("button.add").ok().flatten());
        if let Some(el) = target.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
            let _ = el.focus();
        }
    });
}

/// The text cell for column `key` of row `i` of `part`, labelled and edited as the core's
/// column table says.
pub fn column(part: Part, i: usize, key: &'static str) -> AnyView {
    let Some(c) = part.column(key) else {
        return ().into_any();
    };
    text_cell(
        Location::cell(part, i, key),
        c.label.to_string(),
        c.kind,
        None,
    )
}
