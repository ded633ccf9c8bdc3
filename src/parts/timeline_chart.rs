//! The timeline chart beside the metrics: the core's SVG (`chart::timeline_svg_unstyled`,
//! which escapes every string the author typed), redrawn a moment after the timeline,
//! the title or the report's date and zone change. The page's Content-Security-Policy
//! refuses inline `<style>`, so the chart's colours (`chart::CSS`) are adopted once as a
//! constructed stylesheet. The table stays the accessible source.

use crate::app::use_ctx;
use hindsight_core::chart;
use hindsight_core::model::{
    MetadataStoreFields, ReportStoreFields, TimelineEntryStoreFields, TimelineStoreFields,
};
use leptos::prelude::*;
use reactive_stores::StoreFieldIterator;
use std::time::Duration;

/// Quiet time after the last edit before the chart is drawn again: typing in a row does
/// not redraw it on every keystroke.
const REDRAW_DELAY: Duration = Duration::from_millis(250);

#[component]
pub fn TimelineChart() -> impl IntoView {
    let ctx = use_ctx();
    let store = ctx.report;
    adopt_chart_css();
    let draw = move || store.with_untracked(chart::timeline_svg_unstyled);
    let svg = RwSignal::new(draw());
    let timer = StoredValue::new(None::<TimeoutHandle>);
    let first = StoredValue::new(true);
    Effect::new(move |_| {
        // What the chart reads: each row's cells (typing notifies only its cell), the
        // rows as a list, and the title, date, start and zone.
        let entries = store.timeline().entries();
        for row in entries.iter_unkeyed() {
            row.time().track();
            row.event().track();
            row.kind().track();
        }
        let meta = store.meta();
        meta.title().track();
        meta.date().track();
        meta.start().track();
        meta.timezone().track();
        if first.get_value() {
            first.set_value(false);
            return;
        }
        if let Some(h) = timer.get_value() {
            h.clear();
        }
        let handle = set_timeout_with_handle(
            move || {
                if !svg.is_disposed() {
                    svg.set(draw());
                }
            },
            REDRAW_DELAY,
        )
        .ok();
        timer.set_value(handle);
    });
    on_cleanup(move || {
        if let Some(h) = timer.try_get_value().flatten() {
            h.clear();
        }
    });
    view! {
        <figure class="timeline-chart" data-testid="timeline-chart">
            <div class="chart-svg" inner_html=move || svg.get()></div>
            <figcaption class="label">"The timeline as a chart (the table above is the full record)"</figcaption>
        </figure>
    }
}

/// Adds the chart's colours (the core's `chart::CSS`, their one copy) to the document
/// once, as a constructed stylesheet (CSSOM, which the policy's `style-src 'self'`
/// allows, unlike an inline `<style>`). Every view that shows the chart calls it.
pub fn adopt_chart_css() {
    use wasm_bindgen::{JsCast, JsValue};
    const MARK: &str = "__hindsightChartCss";
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let doc: &JsValue = document.as_ref();
    let key = JsValue::from_str(MARK);
    if js_sys::Reflect::get(doc, &key).is_ok_and(|v| v.is_truthy()) {
        return;
    }
    let Ok(sheet) = web_sys::CssStyleSheet::new() else {
        return;
    };
    if sheet.replace_sync(chart::CSS).is_err() {
        return;
    }
    let adopted = JsValue::from_str("adoptedStyleSheets");
    let Ok(list) = js_sys::Reflect::get(doc, &adopted) else {
        return;
    };
    let Some(list) = list.dyn_ref::<js_sys::Array>() else {
        return;
    };
    let list = list.concat(&js_sys::Array::of1(&sheet));
    if js_sys::Reflect::set(doc, &adopted, &list).is_ok() {
        let _ = js_sys::Reflect::set(doc, &key, &JsValue::TRUE);
    }
}
