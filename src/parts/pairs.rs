//! Author-added key/value rows (extra metadata, extra impact metrics).

use super::row_table::{column, row_table, Rows, Shape};
use crate::app::use_ctx;
use hindsight_core::fields::Part;
use hindsight_core::model::{ImpactStoreFields, MetadataStoreFields, ReportStoreFields};
use hindsight_core::KeyValue;
use leptos::prelude::*;

/// The key/value rows of `part` (`Part::MetaExtra` or `Part::ImpactExtra`).
#[component]
pub fn KeyValues(part: Part, label: &'static str) -> impl IntoView {
    let ctx = use_ctx();
    let rows: Rows<KeyValue> = if part == Part::ImpactExtra {
        Rows::new(ctx.report.impact().extra().into(), |r| &mut r.impact.extra)
    } else {
        Rows::new(ctx.report.meta().extra().into(), |r| &mut r.meta.extra)
    };
    let row = move |i: usize| {
        part.columns()
            .iter()
            .map(|c| column(part, i, c.key))
            .collect_view()
    };
    let path = part.path();
    let tools = rows.add_button(format!("add-{path}"), "+ Add row", |_| KeyValue::default());
    let shape = Shape {
        label: Some(label),
        ..Shape::new(path, "part pairs", "row pair-row", "row")
    };
    row_table(rows, shape, row, tools)
}
