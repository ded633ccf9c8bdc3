//! The preview tab: the core's Markdown export rendered to HTML by the core (comrak,
//! without raw HTML or `javascript:` links), exactly what the exported file will show.

use crate::export;
use crate::state::use_ctx;
use hindsight_core::markdown::render_html;
use leptos::prelude::*;

#[component]
pub fn Preview() -> impl IntoView {
    let ctx = use_ctx();
    let html = Memo::new(move |_| {
        let r = ctx.report.read();
        render_html(&export::markdown(&r, &r.template, false).text)
    });
    view! { <article class="preview" data-testid="preview" inner_html=move || html.get()></article> }
}
