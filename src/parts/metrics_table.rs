//! Time to detect, acknowledge, mitigate and resolve, and the duration, computed by the
//! core from the timeline (in the live review), beside what the author stated; under each,
//! the core's definition and the two rows it spans, with a one-click "mark" for a row the
//! core only read from its words; the timeline chart beside them.

use super::timeline_chart::TimelineChart;
use crate::app::use_ctx;
use crate::controls::focus::focus_soon;
use hindsight_core::fields::{Part, Text};
use hindsight_core::metrics::{End, Explanation, Metric, Moment};
use hindsight_core::model::{ReportStoreFields, TimelineEntryStoreFields, TimelineStoreFields};
use hindsight_core::time::format_duration;
use hindsight_core::Location;
use leptos::prelude::*;
use reactive_stores::StoreFieldIterator;

/// The field where the author states a metric.
fn stated_field(m: Metric) -> Text {
    match m {
        Metric::TimeToDetect => Text::TimeToDetect,
        Metric::TimeToAcknowledge => Text::TimeToAcknowledge,
        Metric::TimeToMitigate => Text::TimeToMitigate,
        Metric::TimeToResolve => Text::TimeToResolve,
        Metric::Duration => Text::Duration,
    }
}

/// A button that gives row `end.row` the kind the core read from its words.
fn mark_button(end: &End, slug: &'static str) -> Option<AnyView> {
    let ctx = use_ctx();
    let (i, kind) = (end.row?, end.moment.kind()?);
    if end.by_kind {
        return None;
    }
    let entries = ctx.report.timeline().entries();
    let label = format!("Mark row {} as {}", i + 1, kind.menu_label());
    Some(
        view! {
            <button type="button" class="small" data-testid=format!("metric-mark-{slug}-{}", kind.id())
                title="The row was read from its words; this sets its kind"
                on:click=move |_| {
                    if entries.with_untracked(|v| i < v.len()) {
                        ctx.change_rows(entries.into(), |r| &mut r.timeline.entries, || {
                            ctx.write_quietly(|r| {
                                if let Some(e) = r.timeline.entries.get_mut(i) {
                                    e.kind = Some(kind);
                                }
                            });
                            entries.at_unkeyed(i).notify();
                        });
                    }
                }>
                {label}
            </button>
        }
        .into_any(),
    )
}

/// A button that takes the author to the kind menu of the first row, when no row is the
/// moment a metric needs.
fn choose_button(end: &End, slug: &'static str) -> Option<AnyView> {
    let kind = end.moment.kind()?;
    if end.row.is_some() {
        return None;
    }
    let label = format!("Choose the {} row", kind.menu_label());
    Some(
        view! {
            <button type="button" class="small" data-testid=format!("metric-choose-{slug}")
                on:click=move |_| focus_soon(Location::cell(Part::Timeline, 0, "kind"))>
                {label}
            </button>
        }
        .into_any(),
    )
}

#[component]
pub fn MetricsTable() -> impl IntoView {
    let ctx = use_ctx();
    let metrics = Memo::new(move |_| ctx.review.review.with(|r| r.as_ref().map(|r| r.metrics)));
    // Follows the metrics and each row's kind (a kind set or cleared changes which rows
    // were read from their words), not the keystrokes in the rows' text.
    let entries = ctx.report.timeline().entries();
    let explained = Memo::new(move |_| {
        let m = metrics.get().unwrap_or_default();
        let n = entries.with(Vec::len);
        for i in 0..n {
            entries.at_unkeyed(i).kind().track();
        }
        ctx.report.with_untracked(|r| {
            Metric::ALL
                .map(|metric| metric.explain(&r.timeline.entries, &m))
                .to_vec()
        })
    });
    let rows = Metric::ALL
        .into_iter()
        .enumerate()
        .map(|(n, metric)| {
            let lens = stated_field(metric).lens(ctx.report);
            let slug: &'static str = match metric {
                Metric::TimeToDetect => "time-to-detect",
                Metric::TimeToAcknowledge => "time-to-acknowledge",
                Metric::TimeToMitigate => "time-to-mitigate",
                Metric::TimeToResolve => "time-to-resolve",
                Metric::Duration => "duration",
            };
            let computed = move || {
                let m = metrics.get().unwrap_or_default();
                metric
                    .value(&m)
                    .map(format_duration)
                    .unwrap_or_else(|| "—".to_string())
            };
            let stated = move || {
                let s = lens.get();
                if s.trim().is_empty() {
                    "—".to_string()
                } else {
                    s
                }
            };
            let why = move || {
                explained.with(|all| {
                    let Some(e): Option<&Explanation> = all.get(n) else {
                        return ().into_any();
                    };
                    // Every metric starts at the same row: it is marked once, at the first.
                    // Time to acknowledge may start at detection: its start is marked too.
                    let marks_from = n == 0 || e.from.moment != Moment::ImpactStart;
                    let buttons = [
                        marks_from.then(|| mark_button(&e.from, slug)).flatten(),
                        mark_button(&e.to, slug),
                        e.fix.as_ref().and_then(|f| mark_button(f, slug)),
                        choose_button(&e.to, slug),
                    ];
                    view! {
                        <span class="definition">{e.definition}</span>" "
                        <span class="spans" data-testid=format!("metric-spans-{slug}")>{e.text.clone()}</span>
                        {buttons.into_iter().flatten().collect_view()}
                    }
                    .into_any()
                })
            };
            view! {
                <tbody class="metric">
                    <tr>
                        <th scope="row">{metric.name()}</th>
                        <td data-testid=format!("metric-{slug}")>{computed}</td>
                        <td>{stated}</td>
                    </tr>
                    <tr class="metric-why">
                        <td colspan="3" data-testid=format!("metric-why-{slug}")>
                            {why}
                        </td>
                    </tr>
                </tbody>
            }
        })
        .collect_view();
    view! {
        <div class="metrics-chart">
        <table class="metrics" data-testid="metrics">
            <caption class="label">"From the timeline"</caption>
            <thead><tr><th scope="col">"Metric"</th><th scope="col">"Computed"</th><th scope="col">"Stated"</th></tr></thead>
            {rows}
        </table>
        <TimelineChart />
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use hindsight_core::EventKind;

    #[test]
    fn every_metric_has_a_stated_field_and_a_definition() {
        for m in Metric::ALL {
            assert!(!m.definition().is_empty());
            assert_ne!(stated_field(m).label(), "");
        }
        assert_eq!(EventKind::Declared.menu_label(), "Declared / triage");
    }
}
