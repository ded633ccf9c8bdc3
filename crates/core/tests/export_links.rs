//! Links and HTML in what the exporter writes: an author's Markdown body (extra sections,
//! imported documents) keeps its safe links, while a link or image to a script-capable
//! destination is written as inert literal text; attribute-list braces and `<` after a
//! URL-like word are escaped so no downstream renderer turns them into markup.

mod common;

use comrak::nodes::NodeValue;
use comrak::{parse_document, Arena};
use hindsight_core::markdown::comrak_options;
use hindsight_core::*;

const IDS: [&str; 5] = ["000", "001", "002", "003", "004"];

fn export(r: &Report, template: &str, placeholders: bool) -> String {
    to_markdown(
        r,
        &MarkdownOptions {
            template: Some(template.to_string()),
            front_matter: false,
            placeholders,
            mermaid: false,
        },
    )
}

/// Every link and image destination in a Markdown document, as comrak reads it.
fn destinations(md: &str) -> Vec<String> {
    let arena = Arena::new();
    let root = parse_document(&arena, md, &comrak_options());
    root.descendants()
        .filter_map(|n| match &n.data.borrow().value {
            NodeValue::Link(l) | NodeValue::Image(l) => Some(l.url.clone()),
            _ => None,
        })
        .collect()
}

/// Raw HTML comrak finds in a document, seed comments aside.
fn raw_html(md: &str) -> Vec<String> {
    let arena = Arena::new();
    let root = parse_document(&arena, md, &comrak_options());
    root.descendants()
        .filter_map(|n| match &n.data.borrow().value {
            NodeValue::HtmlInline(h) => Some(h.clone()),
            NodeValue::HtmlBlock(h) => Some(h.literal.clone()),
            _ => None,
        })
        .filter(|h| !h.trim_start().starts_with("<!--"))
        .collect()
}

fn with_body(body: &str) -> Report {
    let mut r = common::rich_report();
    r.extra_sections = vec![ExtraSection {
        title: "Notes".to_string(),
        body: body.to_string(),
    }];
    r
}

#[test]
fn script_links_in_a_markdown_body_become_literal_text() {
    let hostile = [
        ("[x](javascript:alert(1))", "\\[x\\](javascript:alert(1))"),
        ("[x](JaVaScRiPt:alert(1))", "\\[x\\](JaVaScRiPt:alert(1))"),
        ("[a](<javascript:alert(1)>)", "\\[a\\](javascript:alert(1))"),
        (
            "[x](&#106;avascript:alert(1))",
            "\\[x\\](javascript:alert(1))",
        ),
        (
            "[x](%6Aavascript:alert(1))",
            "\\[x\\](%6Aavascript:alert(1))",
        ),
        ("[x](vbscript:msgbox(1))", "\\[x\\](vbscript:msgbox(1))"),
        ("[x](data:text/html,x)", "\\[x\\](data:text/html,x)"),
        ("![i](javascript:alert(1))", "!\\[i\\](javascript:alert(1))"),
        ("<javascript:alert(1)>", "\\<javascript:alert(1)\\>"),
        (
            "[x][r]\n\n[r]: javascript:alert(1) \"t\"",
            "\\[x\\](javascript:alert(1) \"t\")",
        ),
        (
            "[**bold** text](javascript:alert(1))",
            "\\[**bold** text\\](javascript:alert(1))",
        ),
    ];
    for (body, literal) in hostile {
        for id in IDS {
            let md = export(&with_body(body), id, false);
            assert!(
                destinations(&md)
                    .iter()
                    .all(|u| !u.contains("script:") && !u.to_ascii_lowercase().contains("data:")),
                "{id}: {body:?} left a live link:\n{md}"
            );
            assert!(
                md.contains(literal),
                "{id}: {body:?} not written as {literal:?}:\n{md}"
            );
        }
    }
}

#[test]
fn safe_links_and_raster_images_in_a_body_stay_links() {
    let md = export(
        &with_body(
            "See [the runbook](https://example.com/runbook), [docs](../docs/db.md), \
             <mailto:oncall@example.com> and ![graph](data:image/png;base64,iVBORw0KGgo=).",
        ),
        "000",
        false,
    );
    assert_eq!(
        destinations(&md),
        vec![
            "https://example.com/runbook",
            "../docs/db.md",
            "mailto:oncall@example.com",
            "data:image/png;base64,iVBORw0KGgo=",
        ],
        "{md}"
    );
}

#[test]
fn attribute_list_braces_are_escaped_everywhere() {
    let mut r = common::rich_report();
    r.meta.title = "Outage {: onclick=\"alert(1)\" }".to_string();
    r.summary.summary = "text {: onmouseover=alert(1) }".to_string();
    r.extra_sections = vec![ExtraSection {
        title: "Notes {#x}".to_string(),
        body: "body {: onclick=alert(1) }".to_string(),
    }];
    for id in IDS {
        let md = export(&r, id, false);
        assert!(!md.contains(" {:"), "{id}: unescaped brace:\n{md}");
        assert!(!md.contains(" {#"), "{id}: unescaped brace:\n{md}");
        assert!(md.contains("\\{: onclick"), "{id}:\n{md}");
    }
}

#[test]
fn a_tag_after_a_url_like_word_is_written_as_an_entity() {
    let mut r = common::rich_report();
    r.summary.summary = "see www.example.com/<img src=x onerror=alert(1)> and a<b".to_string();
    r.extra_sections = vec![ExtraSection {
        title: "Notes".to_string(),
        body: "body www.example.com/<img src=x onerror=alert(1)>".to_string(),
    }];
    let md = export(&r, "000", false);
    assert!(
        md.contains("www.example.com/&lt;img src=x onerror=alert(1)\\> and a\\<b"),
        "{md}"
    );
    assert!(
        md.contains("body www.example.com/&lt;img src=x onerror=alert(1)\\>"),
        "{md}"
    );
    assert!(!md.contains("/\\<img"), "{md}");
}

#[test]
fn blank_exports_escape_the_values_a_report_already_has() {
    let mut r = Report::new("004");
    r.meta.incident_id = "[x](javascript:alert(1)) | <b>".to_string();
    r.meta.extra = vec![KeyValue {
        key: "<img src=x onerror=alert(1)>".to_string(),
        value: "{: onclick=alert(1) }".to_string(),
    }];
    for id in IDS {
        let md = export(&r, id, true);
        assert!(!md.contains("[x](javascript"), "{id}:\n{md}");
        assert_eq!(raw_html(&md), Vec::<String>::new(), "{id}:\n{md}");
        assert!(!md.contains(" {:"), "{id}:\n{md}");
        assert!(destinations(&md).is_empty(), "{id}:\n{md}");
    }
}

#[test]
fn front_matter_values_carry_no_markup_and_decode_to_the_text() {
    let mut r = common::rich_report();
    r.meta.title =
        "<img src=x onerror=alert(1)> [x](javascript:alert(1)) `c` & \"q\" \\".to_string();
    r.meta.status = "<script>alert(1)</script>".to_string();
    let md = to_markdown(
        &r,
        &MarkdownOptions {
            template: None,
            front_matter: true,
            placeholders: false,
            mermaid: false,
        },
    );
    let front: Vec<&str> = md.lines().skip(1).take_while(|l| *l != "---").collect();
    let value = |key: &str| -> String {
        let line = front
            .iter()
            .find_map(|l| l.strip_prefix(&format!("{key}: ")))
            .expect(key);
        assert!(!line.contains(['<', '>', '[', ']', '`', '&']), "{line}");
        // A YAML double-quoted scalar with only \uXXXX, \" and \\ escapes reads as JSON.
        serde_json::from_str(line).expect("a quoted scalar")
    };
    assert_eq!(value("title"), r.meta.title);
    assert_eq!(value("status"), r.meta.status);
}
