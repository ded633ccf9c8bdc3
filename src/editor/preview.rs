//! The preview tab: the core's Markdown export rendered to HTML by the core (comrak,
//! without raw HTML or `javascript:` links), exactly what the exported file will show,
//! and the core's timeline chart (SVG) below it, which printing keeps. The chart is our
//! own markup, coloured by the core's `chart::CSS`: every user string in it is
//! XML-escaped by the core, and it carries no script, event handler, link or foreign
//! content (checked by the tests below).

use crate::app::files;
use crate::app::use_ctx;
use crate::parts::timeline_chart::adopt_chart_css;
use hindsight_core::chart;
use hindsight_core::markdown::render_html;
use leptos::prelude::*;

/// The chart's SVG for the page, or nothing when the timeline is empty: the core's SVG
/// without its inline `<style>` (the page's Content-Security-Policy, `style-src 'self'`,
/// refuses it); its colours are the core's `chart::CSS`, which the view adopts.
pub fn chart_svg(report: &hindsight_core::Report) -> Option<String> {
    if report.timeline.entries.is_empty() {
        return None;
    }
    Some(chart::timeline_svg_unstyled(report))
}

#[component]
pub fn Preview() -> impl IntoView {
    let ctx = use_ctx();
    let html = Memo::new(move |_| {
        ctx.report
            .with(|r| render_html(&files::markdown(r, &r.template, false, false).text))
    });
    adopt_chart_css();
    let chart = Memo::new(move |_| ctx.report.with(chart_svg));
    view! {
        <article class="preview" data-testid="preview" inner_html=move || html.get()></article>
        {move || chart.get().map(|svg| view! {
            <figure class="preview-chart" data-testid="preview-chart">
                <figcaption>"Timeline chart"</figcaption>
                <div class="chart-svg" inner_html=svg></div>
            </figure>
        })}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use hindsight_core::{Report, TimelineEntry};

    /// Every tag and attribute name in the markup.
    fn names(svg: &str) -> (Vec<String>, Vec<String>) {
        let mut tags = Vec::new();
        let mut attrs = Vec::new();
        for chunk in svg.split('<').skip(1) {
            let inside = chunk.split('>').next().unwrap_or_default();
            let mut words = inside.split_whitespace();
            if let Some(t) = words.next() {
                tags.push(t.trim_start_matches('/').to_ascii_lowercase());
            }
            for w in words {
                if let Some((name, _)) = w.split_once('=') {
                    attrs.push(name.to_ascii_lowercase());
                }
            }
        }
        (tags, attrs)
    }

    #[test]
    fn the_chart_is_inert_whatever_the_report_says() {
        let hostile = [
            "<script>alert(1)</script>",
            "\"><img src=x onerror=alert(1)>",
            "<svg onload=alert(1)>",
            "</title><a href=\"javascript:alert(1)\">x</a>",
            "<foreignObject><iframe src=javascript:alert(1)>",
            "]]><![CDATA[<script>alert(1)</script>",
            "&lt;script&gt; ' \" & < >",
        ];
        let mut r = Report::new("003");
        r.meta.title = hostile.join(" ");
        r.meta.date = "2024-03-02".into();
        r.timeline.entries = hostile
            .iter()
            .enumerate()
            .map(|(i, h)| TimelineEntry {
                time: format!("10:{i:02}"),
                event: h.to_string(),
                owner: h.to_string(),
                kind: None,
            })
            .collect();
        let svg = chart_svg(&r).expect("a chart");
        let (tags, attrs) = names(&svg);
        let allowed_tags = [
            "svg", "title", "desc", "g", "rect", "line", "circle", "text", "path", "polygon",
            "tspan",
        ];
        for t in &tags {
            assert!(allowed_tags.contains(&t.as_str()), "tag {t} in {svg}");
        }
        for a in &attrs {
            assert!(!a.starts_with("on"), "handler {a}");
            assert!(!a.contains("href") && a != "src", "link {a}");
        }
        // The markup alone (text between tags is escaped text, shown as typed).
        let markup: String = svg
            .split('<')
            .skip(1)
            .map(|c| c.split('>').next().unwrap_or_default().to_ascii_lowercase())
            .collect::<Vec<_>>()
            .join("\n");
        assert!(!markup.contains("javascript:"), "{markup}");
        assert!(!markup.contains("script") && !markup.contains("foreignobject"));
        assert!(!markup.contains("![cdata["));
        // Every user string arrived escaped.
        assert!(svg.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert_eq!(chart_svg(&Report::new("003")), None);
    }
}
