//! A document in a layout of its own (no template) is kept in it: every section in the
//! author's order under the author's heading. Export in its own layout, then import
//! again: the same facts, the same layout, and from then on the same bytes. Run over
//! every fixture that follows no template.

use hindsight_core::import::{parse_markdown, Imported};
use hindsight_core::*;

fn own() -> MarkdownOptions {
    MarkdownOptions {
        template: Some(templates::OWN_LAYOUT.to_string()),
        ..MarkdownOptions::default()
    }
}

fn custom_fixtures() -> Vec<(String, String)> {
    let dir = format!("{}/tests/fixtures", env!("CARGO_MANIFEST_DIR"));
    let mut out: Vec<(String, String)> = std::fs::read_dir(&dir)
        .map(|d| {
            d.filter_map(|e| e.ok())
                .map(|e| e.file_name().to_string_lossy().to_string())
                .filter(|n| n.starts_with("custom-") && n.ends_with(".md"))
                .map(|n| {
                    let text = std::fs::read_to_string(format!("{dir}/{n}")).unwrap_or_default();
                    (n, text)
                })
                .collect()
        })
        .unwrap_or_default();
    out.sort();
    out
}

/// The report as a second import should give it: placeholders are notes about the
/// source, and kept Markdown is normalised once by the exporter.
fn comparable(first: &Imported, again: &Imported) -> Report {
    let mut want = first.report.clone();
    want.placeholders.clear();
    for (w, g) in want
        .extra_sections
        .iter_mut()
        .zip(&again.report.extra_sections)
    {
        w.body = g.body.clone();
    }
    want
}

#[test]
fn there_are_fixtures_in_their_own_layout() {
    assert!(custom_fixtures().len() >= 3, "{:?}", custom_fixtures());
}

#[test]
fn every_own_layout_fixture_round_trips_in_its_layout() {
    for (name, text) in custom_fixtures() {
        let first = parse_markdown(&text);
        assert_eq!(first.template, None, "{name}: follows no template");
        let layout = first.report.layout.clone();
        assert!(layout.is_some(), "{name}: layout recorded");
        let md = to_markdown(&first.report, &own());
        let again = parse_markdown(&md);
        assert_eq!(again.template, None, "{name}: still its own layout\n{md}");
        assert_eq!(again.report, comparable(&first, &again), "{name}\n{md}");
        // Nothing folded into "Additional Notes", nothing re-homed.
        assert!(!md.contains(templates::ADDITIONAL_NOTES), "{name}\n{md}");
        let md2 = to_markdown(&again.report, &own());
        assert_eq!(md2, md, "{name}: second export");
    }
}

#[test]
fn every_section_keeps_its_heading_and_place() {
    for (name, text) in custom_fixtures() {
        let imp = parse_markdown(&text);
        let Some(layout) = &imp.report.layout else {
            panic!("{name}: no layout");
        };
        // The source's headings below the title, in order, as text.
        let source: Vec<String> = text
            .lines()
            .filter(|l| l.starts_with('#'))
            .skip(1)
            .map(|l| {
                let h = l.trim_start_matches('#').trim();
                h.trim_end_matches('#').trim().replace('\\', "")
            })
            .collect();
        let kept: Vec<String> = layout.sections.iter().map(|s| s.heading.clone()).collect();
        assert_eq!(kept, source, "{name}");
        let md = to_markdown(&imp.report, &own());
        let exported: Vec<&str> = md.lines().filter(|l| l.starts_with('#')).skip(1).collect();
        assert_eq!(exported.len(), source.len(), "{name}\n{md}");
    }
}

#[test]
fn the_sre_book_layout_keeps_its_sections_and_reads_them() {
    let text = custom_fixtures()
        .into_iter()
        .find(|(n, _)| n == "custom-sre-book-ca-recheck.md")
        .map(|(_, t)| t)
        .unwrap_or_default();
    let imp = parse_markdown(&text);
    let layout = imp.report.layout.clone().unwrap_or_default();
    let at = |h: &str| {
        layout
            .sections
            .iter()
            .find(|s| s.heading == h)
            .map(|s| s.fields.clone())
            .unwrap_or_default()
    };
    assert_eq!(at("Root Causes"), ["root_cause.statement"]);
    assert_eq!(at("Trigger"), ["root_cause.trigger"]);
    assert_eq!(at("Where we got lucky"), ["got_lucky"]);
    assert_eq!(at("Timeline"), ["timeline"]);
    assert_eq!(at("Lessons Learned"), Vec::<String>::new());
    assert!(layout.top.contains(&"meta.severity".to_string()));
    let md = to_markdown(&imp.report, &own());
    // Root Causes before Trigger before Resolution, Timeline after the lessons, as written.
    let pos = |h: &str| md.find(h).unwrap_or(usize::MAX);
    assert!(pos("## Root Causes") < pos("## Trigger"), "{md}");
    assert!(pos("## Trigger") < pos("## Resolution"), "{md}");
    assert!(pos("### Where we got lucky") < pos("## Timeline"), "{md}");
    assert!(md.starts_with("# Certificate authority revokes"), "{md}");
}

#[test]
fn a_field_filled_after_import_is_kept_under_additional_notes() {
    let text = custom_fixtures()
        .into_iter()
        .map(|(_, t)| t)
        .next()
        .unwrap_or_default();
    let mut r = parse_markdown(&text).report;
    r.prevention.detect_faster = "Alert on duplicate rechecks".to_string();
    let md = to_markdown(&r, &own());
    assert!(md.contains(templates::ADDITIONAL_NOTES), "{md}");
    let back = parse_markdown(&md).report;
    assert_eq!(back.prevention.detect_faster, "Alert on duplicate rechecks");
}

#[test]
fn template_exports_are_unchanged_by_a_layout() {
    for (name, text) in custom_fixtures() {
        let mut r = parse_markdown(&text).report;
        let with = to_markdown(&r, &MarkdownOptions::default());
        r.layout = None;
        assert_eq!(with, to_markdown(&r, &MarkdownOptions::default()), "{name}");
        // Asked for its own layout, a report without one is written in its template.
        assert_eq!(with, to_markdown(&r, &own()), "{name}");
    }
}
