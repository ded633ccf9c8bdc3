//! The embed (`?embed#r=…`): a compact, read-only view of a shared report made for an
//! iframe in a wiki: title, severity, status, date and duration, summary, the metrics the
//! core computes from the timeline, the timeline (the core's chart, then the table),
//! action items with owners and status, and how many findings the review still has
//! open. Everything comes from the fragment: it never touches storage, so it works where
//! a third-party iframe's storage is blocked.

use super::page_base;
use crate::editor::preview::chart_svg;
use crate::editor::review_panel::score_class;
use crate::parts::timeline_chart::adopt_chart_css;
use crate::start::severity_class;
use hindsight_core::level::Level;
use hindsight_core::metrics::Metric;
use hindsight_core::policy::Policy;
use hindsight_core::time::format_duration;
use hindsight_core::Report;
use leptos::prelude::*;

fn or_dash(s: &str) -> String {
    match s.trim() {
        "" => "—".to_string(),
        t => t.to_string(),
    }
}

/// One part of the embed: its heading, what stands before its table (the chart), and
/// its table of `rows` under `heads`, or `empty` when it has no rows. `id` names the
/// heading (`{id}-h`) and the table's test id.
fn part(
    (id, title, empty): (&'static str, &'static str, &'static str),
    before: Option<AnyView>,
    heads: &[&'static str],
    rows: Vec<AnyView>,
) -> impl IntoView {
    let (heading, labelled) = (format!("{id}-h"), format!("{id}-h"));
    let body = if rows.is_empty() {
        view! { <p class="empty">{empty}</p> }.into_any()
    } else {
        view! {
            <table class="embed-table" data-testid=id>
                <thead><tr>{heads.iter().map(|h| view! { <th scope="col">{*h}</th> }).collect_view()}</tr></thead>
                <tbody>{rows}</tbody>
            </table>
        }
        .into_any()
    };
    view! {
        <section aria-labelledby=labelled>
            <h2 id=heading>{title}</h2>
            {before}
            {body}
        </section>
    }
}

/// The compact report, or the reason the link holds none.
#[component]
pub fn EmbedView(report: Result<Report, String>) -> impl IntoView {
    let report = match report {
        Ok(r) => r,
        Err(why) => {
            return view! {
                <div class="embed embed-error" role="alert" data-testid="embed-error">
                    <p><strong>"This embedded post-mortem could not be shown: "</strong>{why}"."</p>
                    <p>"The link in the page that embeds it may be cut off; ask its author for a new one."</p>
                </div>
            }
            .into_any()
        }
    };
    let review = hindsight_core::review(&report, &Policy::default());
    let m = review.metrics;
    let title = match report.meta.title.trim() {
        "" => "Untitled post-mortem".to_string(),
        t => t.to_string(),
    };
    let severity = or_dash(&report.meta.severity);
    let status = or_dash(&report.meta.status);
    let date = or_dash(&report.meta.date);
    let duration = m
        .total_duration
        .map(format_duration)
        .unwrap_or_else(|| or_dash(&report.meta.duration));
    let summary = [
        &report.summary.summary,
        &report.summary.executive,
        &report.summary.one_line,
    ]
    .into_iter()
    .find(|s| !s.trim().is_empty())
    .map(|s| s.trim().to_string());
    // The core's metrics, by the core's names; the duration is in the facts above.
    let metrics: Vec<(&str, String)> = Metric::ALL
        .into_iter()
        .filter(|k| *k != Metric::Duration)
        .map(|k| {
            let value = k.value(&m).map(format_duration);
            (k.name(), value.unwrap_or_else(|| "—".into()))
        })
        .collect();
    let open = review.findings.len();
    let errors = review
        .findings
        .iter()
        .filter(|f| f.level == Level::Error)
        .count();
    let findings = match (open, errors) {
        (0, _) => "No open review findings".to_string(),
        (1, 1) => "1 open review finding (an error)".to_string(),
        (1, _) => "1 open review finding".to_string(),
        (n, 0) => format!("{n} open review findings"),
        (n, e) => format!("{n} open review findings ({e} errors)"),
    };
    // The full report: the same fragment without `?embed`, in a new tab.
    let full = web_sys::window()
        .and_then(|w| w.location().href().ok())
        .map(|href| {
            let hash = href.find('#').map(|i| &href[i..]).unwrap_or_default();
            format!("{}{}", page_base(&href), hash)
        })
        .unwrap_or_default();
    let chart = chart_svg(&report);
    if chart.is_some() {
        adopt_chart_css();
    }
    let timeline = report.timeline.entries.clone();
    let actions = report.action_items.clone();
    view! {
        <article class="embed" data-testid="embed">
            <header class="embed-head">
                <h1 data-testid="embed-title">{title}</h1>
                <p class="embed-facts">
                    <span class=severity_class(review.overview.severity.as_deref()) data-testid="embed-severity">{severity}</span>
                    <span class="status" data-testid="embed-status">{status}</span>
                    <span data-testid="embed-date">{date}</span>
                    <span data-testid="embed-duration" title="Duration">{duration}</span>
                    <span class=score_class(review.score) title="Readiness score">{format!("{} / 100", review.score)}</span>
                </p>
            </header>
            {summary.map(|s| view! { <p class="embed-summary" data-testid="embed-summary">{s}</p> })}
            <dl class="embed-metrics" data-testid="embed-metrics">
                {metrics.into_iter().map(|(label, value)| view! {
                    <div><dt>{label}</dt><dd>{value}</dd></div>
                }).collect_view()}
            </dl>
            {part(
                ("embed-timeline", "Timeline", "No timeline yet."),
                chart.map(|svg| view! {
                    <figure class="embed-chart" data-testid="embed-chart">
                        <div class="chart-svg" inner_html=svg></div>
                    </figure>
                }.into_any()),
                &["Time", "Event", "Who"],
                timeline.into_iter().map(|e| {
                    let event = e.event_after_kind().to_string();
                    view! {
                        <tr>
                            <td class="when">{e.time}</td>
                            <td>{e.kind.map(|k| view! { <span class="kind">{k.label()}</span>" " })}{event}</td>
                            <td>{e.owner}</td>
                        </tr>
                    }.into_any()
                }).collect(),
            )}
            {part(
                ("embed-actions", "Action items", "No action items yet."),
                None,
                &["Action", "Owner", "Status", "Due"],
                actions.into_iter().map(|a| view! {
                    <tr>
                        <td>{a.action}</td>
                        <td>{or_dash(&a.owner)}</td>
                        <td>{or_dash(&a.status)}</td>
                        <td class="when">{or_dash(&a.due)}</td>
                    </tr>
                }.into_any()).collect(),
            )}
            <footer class="embed-foot">
                <span data-testid="embed-findings">{findings}</span>
                <a href=full target="_blank" rel="noopener noreferrer" data-testid="embed-open">"Open the full report"</a>
            </footer>
        </article>
    }
    .into_any()
}
