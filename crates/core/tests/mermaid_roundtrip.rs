//! The optional Mermaid timeline in Markdown exports: off by default, one block after the
//! timeline table when on, and dropped by the importer so a re-export regenerates it
//! from the (possibly edited) table instead of carrying a stale copy in Additional Notes.

mod common;

use common::rich_report;
use hindsight_core::import::parse_markdown;
use hindsight_core::*;

const TEMPLATES: [&str; 5] = ["000", "001", "002", "003", "004"];

fn export(r: &Report, template: &str, mermaid: bool) -> String {
    to_markdown(
        r,
        &MarkdownOptions {
            template: Some(template.to_string()),
            front_matter: false,
            placeholders: false,
            mermaid,
        },
    )
}

#[test]
fn the_block_is_off_by_default_and_once_when_on() {
    let r = rich_report();
    assert!(!r.timeline.entries.is_empty());
    assert!(!MarkdownOptions::default().mermaid);
    for id in TEMPLATES {
        assert!(!export(&r, id, false).contains("```mermaid"), "{id}");
        let md = export(&r, id, true);
        assert_eq!(md.matches("```mermaid\ntimeline\n").count(), 1, "{id}");
        assert!(md.contains(&mermaid::timeline_mermaid(&r)), "{id}");
    }
}

#[test]
fn import_drops_its_own_block_and_re_export_regenerates_it() {
    for id in TEMPLATES {
        let mut r = rich_report();
        r.template = id.to_string();
        let with = export(&r, id, true);
        let imported = parse_markdown(&with);
        // Same as importing the export without the block: nothing kept, nothing noted.
        let without = parse_markdown(&export(&r, id, false));
        assert_eq!(imported.report, without.report, "{id}");
        // (Lines after the block move; what was kept where does not.)
        let kept = |i: &hindsight_core::import::Imported| {
            i.unmapped
                .iter()
                .map(|u| (u.title.clone(), u.kept_at.clone()))
                .collect::<Vec<_>>()
        };
        assert_eq!(kept(&imported), kept(&without), "{id}");
        assert_eq!(imported.warnings.len(), without.warnings.len(), "{id}");
        assert!(
            !hindsight_core::to_json(&imported.report).contains("mermaid"),
            "{id}"
        );
        assert_eq!(export(&imported.report, id, true), with, "{id}");
        // An edited timeline is what the next export draws, once.
        let mut edited = imported.report.clone();
        edited.timeline.entries[0].event = "Edited after import".to_string();
        let again = export(&edited, id, true);
        assert_eq!(again.matches("```mermaid").count(), 1, "{id}");
        assert!(again.contains("Edited after import"), "{id}");
        assert!(again.contains(&mermaid::timeline_mermaid(&edited)), "{id}");
    }
}

#[test]
fn a_hand_written_mermaid_diagram_is_kept() {
    let md = "# Post-Mortem: X\n\n## Summary\n\nDown.\n\n## Architecture\n\n```mermaid\ngraph TD\n  A-->B\n```\n";
    let imported = parse_markdown(md);
    let json = to_json(&imported.report);
    assert!(
        json.contains("A--\\u003eB") || json.contains("A-->B"),
        "{json}"
    );
    assert!(mermaid::is_generated(
        "mermaid",
        "timeline\n    title Incident timeline: X\n"
    ));
    assert!(!mermaid::is_generated(
        "mermaid",
        "timeline\n    title Our own\n"
    ));
    assert!(!mermaid::is_generated(
        "text",
        "timeline\n    title Incident timeline\n"
    ));
}
