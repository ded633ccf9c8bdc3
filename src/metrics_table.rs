//! Time to detect, acknowledge, mitigate and resolve, and the duration, computed by the
//! core from the timeline, beside what the author stated.

use crate::state::use_ctx;
use hindsight_core::time::format_duration;
use leptos::prelude::*;

#[component]
pub fn MetricsTable() -> impl IntoView {
    let ctx = use_ctx();
    let rows = move || {
        let m = ctx.live.metrics.get();
        let r = ctx.report.read();
        let d = &r.detection;
        [
            ("Time to detect", m.time_to_detect, d.time_to_detect.clone()),
            ("Time to acknowledge", m.time_to_acknowledge, d.time_to_acknowledge.clone()),
            ("Time to mitigate", m.time_to_mitigate, d.time_to_mitigate.clone()),
            ("Time to resolve", m.time_to_resolve, d.time_to_resolve.clone()),
            ("Duration", m.total_duration, r.meta.duration.clone()),
        ]
        .into_iter()
        .map(|(label, computed, stated)| {
            let computed = computed.map(format_duration).unwrap_or_else(|| "—".to_string());
            let stated = if stated.trim().is_empty() { "—".to_string() } else { stated };
            view! {
                <tr>
                    <th scope="row">{label}</th>
                    <td data-testid=format!("metric-{}", label.to_ascii_lowercase().replace(' ', "-"))>{computed}</td>
                    <td>{stated}</td>
                </tr>
            }
        })
        .collect_view()
    };
    view! {
        <table class="metrics" data-testid="metrics">
            <caption class="label">"From the timeline"</caption>
            <thead><tr><th scope="col">"Metric"</th><th scope="col">"Computed"</th><th scope="col">"Stated"</th></tr></thead>
            <tbody>{rows}</tbody>
        </table>
    }
}
