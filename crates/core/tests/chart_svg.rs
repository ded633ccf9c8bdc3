//! The timeline chart read back as XML: it parses, has a `<title>` and `<desc>`, one row
//! with a `<title>` per timeline entry holding its time and text, markers whose x
//! coordinates follow the events' time order, midnight lines for timelines that cross
//! days, brackets for the metrics, and every user string escaped.

mod common;

use hindsight_core::*;
use roxmltree::{Document, Node};

fn entry(time: &str, event: &str, kind: Option<EventKind>) -> TimelineEntry {
    TimelineEntry {
        time: time.to_string(),
        event: event.to_string(),
        owner: String::new(),
        kind,
    }
}

fn report_with(date: &str, entries: Vec<TimelineEntry>) -> Report {
    let mut r = Report::new("000");
    r.meta.title = "Checkout outage".to_string();
    r.meta.date = date.to_string();
    r.meta.timezone = "UTC".to_string();
    r.timeline.entries = entries;
    r
}

fn rows<'a>(doc: &'a Document<'a>) -> Vec<Node<'a, 'a>> {
    doc.descendants()
        .filter(|n| n.has_tag_name("g") && n.attribute("class") == Some("row"))
        .collect()
}

fn title_of(n: Node) -> String {
    n.children()
        .find(|c| c.has_tag_name("title"))
        .and_then(|t| t.text())
        .unwrap_or_default()
        .to_string()
}

/// x of each row's marker, in row order (`None` for a row off the axis).
fn marker_xs(doc: &Document) -> Vec<Option<f64>> {
    rows(doc)
        .iter()
        .map(|g| {
            g.children()
                .find(|c| c.has_tag_name("circle"))
                .filter(|c| !c.attribute("class").unwrap_or("").contains("unplaced"))
                .and_then(|c| c.attribute("cx"))
                .and_then(|x| x.parse().ok())
        })
        .collect()
}

fn midnight_lines(doc: &Document) -> usize {
    doc.descendants()
        .filter(|n| n.has_tag_name("line") && n.attribute("class") == Some("day"))
        .count()
}

#[test]
fn the_rich_report_parses_with_titles_desc_and_one_titled_row_per_entry() {
    let r = common::rich_report();
    let svg = timeline_svg(&r);
    let doc = Document::parse(&svg).expect("the chart is well-formed XML");
    let root = doc.root_element();
    assert!(root.has_tag_name(("http://www.w3.org/2000/svg", "svg")));
    let top: Vec<&str> = root
        .children()
        .filter(|c| c.is_element())
        .map(|c| c.tag_name().name())
        .take(2)
        .collect();
    assert_eq!(top, ["title", "desc"], "{svg}");
    assert!(title_of(root).contains(&r.meta.title));
    let rows = rows(&doc);
    assert_eq!(rows.len(), r.timeline.entries.len());
    for (g, e) in rows.iter().zip(&r.timeline.entries) {
        let t = title_of(*g);
        assert!(t.starts_with(&e.time), "{t}");
        assert!(t.contains(&e.event), "{t}");
    }
    // The rich report has all four moments: four brackets, and the impact window.
    let brackets: Vec<String> = doc
        .descendants()
        .filter(|n| n.attribute("class") == Some("bracket"))
        .map(title_of)
        .collect();
    assert_eq!(
        brackets,
        [
            "Time to detect: 4 minutes",
            "Time to acknowledge: 6 minutes",
            "Time to mitigate: 35 minutes",
            "Time to resolve: 45 minutes"
        ]
    );
    assert!(doc
        .descendants()
        .any(|n| n.attribute("class") == Some("impact")));
    assert!(svg.contains("prefers-color-scheme: dark"));
    assert!(svg.contains("@media print"));
    assert_eq!(midnight_lines(&doc), 0);
}

#[test]
fn markers_follow_time_order_even_when_rows_do_not() {
    let r = report_with(
        "2024-03-02",
        vec![
            entry("10:00", "a", Some(EventKind::ImpactStart)),
            entry("10:40", "c", None),
            entry("10:05", "b", Some(EventKind::Detected)),
            entry("11:30", "d", Some(EventKind::Resolved)),
        ],
    );
    let svg = timeline_svg(&r);
    let doc = Document::parse(&svg).expect("XML");
    let xs: Vec<f64> = marker_xs(&doc)
        .into_iter()
        .map(|x| x.expect("placed"))
        .collect();
    assert_eq!(xs.len(), 4);
    // Time order a < b < c < d, whatever the row order.
    assert!(xs[0] < xs[2] && xs[2] < xs[1] && xs[1] < xs[3], "{xs:?}");
    // The first and last moments sit at the margins; 10:05 is 5/90 of the way.
    let (left, right) = (xs[0], xs[3]);
    let frac = (xs[2] - left) / (right - left);
    assert!((frac - 5.0 / 90.0).abs() < 0.01, "{frac}");
}

#[test]
fn a_timeline_across_midnight_has_one_day_line_and_stays_in_order() {
    let r = report_with(
        "2024-03-02",
        vec![
            entry("23:40", "impact", Some(EventKind::ImpactStart)),
            entry("23:58", "page", Some(EventKind::Alerted)),
            entry("00:00", "midnight exactly", None),
            entry("00:25", "rollback", Some(EventKind::Mitigated)),
        ],
    );
    let svg = timeline_svg(&r);
    let doc = Document::parse(&svg).expect("XML");
    let xs: Vec<f64> = marker_xs(&doc)
        .into_iter()
        .map(|x| x.expect("placed"))
        .collect();
    assert!(xs.windows(2).all(|w| w[0] < w[1]), "{xs:?}");
    // One day line, 2024-03-03 00:00, exactly under the row typed 00:00.
    assert_eq!(midnight_lines(&doc), 1, "{svg}");
    let day_x: f64 = doc
        .descendants()
        .find(|n| n.attribute("class") == Some("day"))
        .and_then(|n| n.attribute("x1")?.parse().ok())
        .expect("day line x");
    assert!((day_x - xs[2]).abs() < 0.01, "{day_x} {xs:?}");
    let r2 = report_with(
        "2024-03-02",
        vec![
            entry("23:40", "impact", Some(EventKind::ImpactStart)),
            entry("00:25", "rollback", Some(EventKind::Mitigated)),
        ],
    );
    let svg2 = timeline_svg(&r2);
    let doc2 = Document::parse(&svg2).expect("XML");
    assert_eq!(midnight_lines(&doc2), 1, "{svg2}");
    assert!(svg2.contains(">2024-03-03<"), "{svg2}");
    let xs2: Vec<f64> = marker_xs(&doc2).into_iter().flatten().collect();
    let line_x: f64 = doc2
        .descendants()
        .find(|n| n.attribute("class") == Some("day"))
        .and_then(|n| n.attribute("x1")?.parse().ok())
        .expect("day line x");
    assert!(xs2[0] < line_x && line_x < xs2[1], "{xs2:?} {line_x}");
    // 20 minutes before midnight of a 45-minute span.
    let frac = (line_x - xs2[0]) / (xs2[1] - xs2[0]);
    assert!((frac - 20.0 / 45.0).abs() < 0.01, "{frac}");
}

#[test]
fn a_multi_day_timeline_marks_every_midnight() {
    let r = report_with(
        "2024-03-01",
        vec![
            entry("2024-03-01 09:00", "impact", Some(EventKind::ImpactStart)),
            entry(
                "2024-03-02 12:00",
                "found",
                Some(EventKind::RootCauseIdentified),
            ),
            entry("2024-03-04 08:00", "resolved", Some(EventKind::Resolved)),
        ],
    );
    let svg = timeline_svg(&r);
    let doc = Document::parse(&svg).expect("XML");
    assert_eq!(midnight_lines(&doc), 3, "{svg}");
    for d in ["2024-03-02", "2024-03-03", "2024-03-04"] {
        assert!(svg.contains(&format!(">{d}<")), "{d}");
    }
    let xs: Vec<f64> = marker_xs(&doc).into_iter().flatten().collect();
    assert!(xs.windows(2).all(|w| w[0] < w[1]), "{xs:?}");
}

#[test]
fn every_user_string_is_escaped() {
    let hostile = "<script>alert(1)</script> & \"q\" 'a' ]]> <!-- x --> \u{1}\u{0}";
    let mut r = report_with(
        "2024-03-02",
        vec![
            entry("10:00", hostile, Some(EventKind::ImpactStart)),
            entry(hostile, hostile, None),
            entry("10:30", hostile, Some(EventKind::Resolved)),
        ],
    );
    r.meta.title = hostile.to_string();
    let svg = timeline_svg(&r);
    let doc = Document::parse(&svg).expect("hostile text still gives well-formed XML");
    assert!(
        !doc.descendants().any(|n| n.has_tag_name("script")),
        "{svg}"
    );
    assert!(!svg.contains("<script"), "{svg}");
    assert!(!svg.contains("<!-- x"), "{svg}");
    // The text comes back as typed (controls dropped), in each row's title.
    let rows = rows(&doc);
    assert_eq!(rows.len(), 3);
    assert!(title_of(rows[0]).contains("<script>alert(1)</script> & \"q\" 'a' ]]>"));
    // The unreadable time is listed off the axis.
    assert_eq!(marker_xs(&doc)[1], None);
    assert!(title_of(doc.root_element()).contains("<script>"));
}

#[test]
fn an_empty_or_timeless_timeline_still_gives_a_valid_chart() {
    for entries in [
        vec![],
        vec![entry("soon", "x", None)],
        vec![entry("10:00", "only", None)],
    ] {
        let n = entries.len();
        let svg = timeline_svg(&report_with("", entries));
        let doc = Document::parse(&svg).expect("XML");
        assert_eq!(rows(&doc).len(), n);
    }
}

#[test]
fn the_unstyled_chart_is_the_chart_without_its_style_block() {
    let r = report_with(
        "2024-03-02",
        vec![
            entry("09:00", "Alert fired", Some(EventKind::Alerted)),
            entry("09:20", "Rolled back", Some(EventKind::Mitigated)),
        ],
    );
    let styled = timeline_svg(&r);
    let bare = chart::timeline_svg_unstyled(&r);
    let block = format!("<style>\n{}</style>\n", chart::CSS);
    assert!(styled.contains(&block));
    assert_eq!(styled.replace(&block, ""), bare);
    assert!(!bare.contains("<style"));
    assert!(Document::parse(&bare).is_ok());
}

#[test]
fn bracket_labels_stay_inside_the_view_box() {
    // Resolution at the right edge, with a long span: "TTR 2 hours 35 minutes" cannot
    // follow the bracket's end, so it ends inside it.
    let r = report_with(
        "2024-03-02",
        vec![
            entry("09:00", "Errors start", Some(EventKind::ImpactStart)),
            entry("09:04", "Alert fired", Some(EventKind::Alerted)),
            entry("10:10", "Rolled back", Some(EventKind::Mitigated)),
            entry("11:35", "Resolved", Some(EventKind::Resolved)),
        ],
    );
    let svg = timeline_svg(&r);
    let doc = Document::parse(&svg).expect("valid XML");
    let labels: Vec<_> = doc
        .descendants()
        .filter(|n| n.has_tag_name("g") && n.attribute("class") == Some("bracket"))
        .filter_map(|g| g.children().find(|c| c.has_tag_name("text")))
        .collect();
    assert!(labels.len() >= 3, "{svg}");
    let width = f64::from(chart::WIDTH);
    for t in labels {
        let text = t.text().unwrap_or_default();
        let x: f64 = t
            .attribute("x")
            .and_then(|x| x.parse().ok())
            .unwrap_or(-1.0);
        // 10-unit text: 5.8 units a character (digits and capitals run wide).
        let extent = text.chars().count() as f64 * 5.8;
        let (left, right) = match t.attribute("text-anchor") {
            Some("end") => (x - extent, x),
            _ => (x, x + extent),
        };
        assert!(
            left >= 0.0 && right <= width + 2.0,
            "{text:?} spans {left}..{right}"
        );
    }
}
