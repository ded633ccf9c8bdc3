//! The preview tab: the core's Markdown export rendered to HTML by the core (comrak,
//! without raw HTML or `javascript:` links), exactly what the exported file will show.

use crate::app::files;
use crate::app::use_ctx;
use hindsight_core::markdown::render_html;
use leptos::prelude::*;

#[component]
pub fn Preview() -> impl IntoView {
    let ctx = use_ctx();
    let html = Memo::new(move |_| {
        ctx.report
            .with(|r| render_html(&files::markdown(r, &r.template, false).text))
    });
    view! { <article class="preview" data-testid="preview" inner_html=move || html.get()></article> }
}
