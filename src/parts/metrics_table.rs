//! Time to detect, acknowledge, mitigate and resolve, and the duration, computed by the
//! core from the timeline (in the live review), beside what the author stated, and the
//! timeline chart beside them.

use super::timeline_chart::TimelineChart;
use crate::app::use_ctx;
use hindsight_core::fields::Text;
use hindsight_core::time::format_duration;
use leptos::prelude::*;

#[component]
pub fn MetricsTable() -> impl IntoView {
    let ctx = use_ctx();
    let metrics = Memo::new(move |_| ctx.review.review.with(|r| r.as_ref().map(|r| r.metrics)));
    let rows = [
        ("Time to detect", Text::TimeToDetect),
        ("Time to acknowledge", Text::TimeToAcknowledge),
        ("Time to mitigate", Text::TimeToMitigate),
        ("Time to resolve", Text::TimeToResolve),
        ("Duration", Text::Duration),
    ]
    .into_iter()
    .map(|(label, stated)| {
        let lens = stated.lens(ctx.report);
        let computed = move || {
            let m = metrics.get().unwrap_or_default();
            let value = match stated {
                Text::TimeToDetect => m.time_to_detect,
                Text::TimeToAcknowledge => m.time_to_acknowledge,
                Text::TimeToMitigate => m.time_to_mitigate,
                Text::TimeToResolve => m.time_to_resolve,
                _ => m.total_duration,
            };
            value.map(format_duration).unwrap_or_else(|| "—".to_string())
        };
        let stated = move || {
            let s = lens.get();
            if s.trim().is_empty() {
                "—".to_string()
            } else {
                s
            }
        };
        view! {
            <tr>
                <th scope="row">{label}</th>
                <td data-testid=format!("metric-{}", label.to_ascii_lowercase().replace(' ', "-"))>{computed}</td>
                <td>{stated}</td>
            </tr>
        }
    })
    .collect_view();
    view! {
        <div class="metrics-chart">
        <table class="metrics" data-testid="metrics">
            <caption class="label">"From the timeline"</caption>
            <thead><tr><th scope="col">"Metric"</th><th scope="col">"Computed"</th><th scope="col">"Stated"</th></tr></thead>
            <tbody>{rows}</tbody>
        </table>
        <TimelineChart />
        </div>
    }
}
