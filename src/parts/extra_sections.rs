//! Sections the author adds: a title (rename by editing it) and a Markdown body.

use super::row_table::{row_table, Rows, Shape};
use crate::app::use_ctx;
use crate::controls::cell::text_cell;
use hindsight_core::fields::EXTRA_SECTION_COLUMNS;
use hindsight_core::model::ReportStoreFields;
use hindsight_core::{ExtraSection, Location};
use leptos::prelude::*;

#[component]
pub fn ExtraSections() -> impl IntoView {
    let ctx = use_ctx();
    let rows = Rows::new(ctx.report.extra_sections().into(), |r| {
        &mut r.extra_sections
    });
    let row = move |i: usize| {
        EXTRA_SECTION_COLUMNS
            .iter()
            .map(|c| {
                text_cell(
                    Location::extra_section(i, Some(c.key)),
                    c.label.to_string(),
                    c.kind,
                    None,
                )
            })
            .collect_view()
    };
    let tools = rows.add_button("add-section".into(), "+ Add section", |_| ExtraSection {
        title: "New section".into(),
        body: String::new(),
    });
    let shape = Shape::new("extra_sections", "extra-rows", "row extra-row", "section");
    view! {
        <section class="section extra" data-path="extra_sections" id="section-extra">
            <h2>"Additional sections"</h2>
            {row_table(rows, shape, row, tools)}
        </section>
    }
}
