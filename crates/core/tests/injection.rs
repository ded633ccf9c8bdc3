//! Markdown injection: text typed into any field — pipes, newlines, `#`, backticks,
//! fences, list markers, setext underlines, raw HTML, javascript: links — must stay text.
//! For every field and every template, the exported document must have exactly the
//! headings and table shapes it has with harmless text, and no HTML or link nodes.

mod common;

use comrak::nodes::{AstNode, NodeValue};
use comrak::{parse_document, Arena};
use hindsight_core::fields::{List, Text};
use hindsight_core::markdown::comrak_options;
use hindsight_core::*;

const IDS: [&str; 5] = ["000", "001", "002", "003", "004"];

const HOSTILE: &str = "x | y || z\n# Heading\n## Another\n<script>alert(1)</script> <b onclick=\"x\">b</b>\n```\nfence\n```\n---\n===\n- item\n1. one\n> quote\n[a](javascript:alert(1)) ![i](javascript:x) <https://evil.example> `tick` **bold** _em_ \\ end |";

#[derive(Debug, PartialEq)]
struct Shape {
    headings: Vec<u8>,
    tables: Vec<(usize, usize)>,
    html: usize,
    links: usize,
    code_blocks: usize,
}

fn shape(md: &str) -> Shape {
    let arena = Arena::new();
    let root = parse_document(&arena, md, &comrak_options());
    let mut s = Shape {
        headings: vec![],
        tables: vec![],
        html: 0,
        links: 0,
        code_blocks: 0,
    };
    for n in root.descendants() {
        match &n.data.borrow().value {
            NodeValue::Heading(h) => s.headings.push(h.level),
            NodeValue::Table(_) => s.tables.push(table_shape(n)),
            NodeValue::HtmlBlock(_) | NodeValue::HtmlInline(_) => s.html += 1,
            NodeValue::Link(_) | NodeValue::Image(_) => s.links += 1,
            NodeValue::CodeBlock(_) => s.code_blocks += 1,
            _ => {}
        }
    }
    s
}

fn table_shape<'a>(t: &'a AstNode<'a>) -> (usize, usize) {
    let rows = t.children().count();
    let cols = t
        .children()
        .map(|r| r.children().count())
        .max()
        .unwrap_or(0);
    (rows, cols)
}

fn render(r: &Report, id: &str) -> String {
    to_markdown(
        r,
        &MarkdownOptions {
            template: Some(id.to_string()),
            front_matter: true,
            placeholders: false,
            mermaid: false,
        },
    )
}

/// Sets one place of the report to `v`.
type Setter = Box<dyn Fn(&mut Report, &str)>;

fn places() -> Vec<(String, Setter)> {
    let mut out: Vec<(String, Setter)> = Vec::new();
    for t in Text::ALL {
        let t = *t;
        out.push((
            t.path().to_string(),
            Box::new(move |r, v| *t.get_mut(r) = v.to_string()),
        ));
    }
    for l in List::ALL {
        let l = *l;
        if l == List::Logs {
            continue; // logs are code blocks by design; checked separately below
        }
        out.push((
            l.path().to_string(),
            Box::new(move |r, v| *l.get_mut(r) = vec![v.to_string()]),
        ));
    }
    let structured: Vec<(&str, Setter)> = vec![
        (
            "timeline[0].time",
            Box::new(|r, v| r.timeline.entries[0].time = v.into()),
        ),
        (
            "timeline[0].event",
            Box::new(|r, v| r.timeline.entries[0].event = v.into()),
        ),
        (
            "timeline[0].owner",
            Box::new(|r, v| r.timeline.entries[0].owner = v.into()),
        ),
        (
            "timeline[1].event (with kind)",
            Box::new(|r, v| r.timeline.entries[1].event = v.into()),
        ),
        (
            "root_cause.whys[0].why",
            Box::new(|r, v| r.root_cause.whys[0].why = v.into()),
        ),
        (
            "root_cause.whys[0].because",
            Box::new(|r, v| r.root_cause.whys[0].because = v.into()),
        ),
        (
            "action_items[0].action",
            Box::new(|r, v| r.action_items[0].action = v.into()),
        ),
        (
            "action_items[0].owner",
            Box::new(|r, v| r.action_items[0].owner = v.into()),
        ),
        (
            "action_items[0].id",
            Box::new(|r, v| r.action_items[0].id = v.into()),
        ),
        (
            "action_items[0].tracking",
            Box::new(|r, v| r.action_items[0].tracking = v.into()),
        ),
        (
            "action_items[0].description",
            Box::new(|r, v| r.action_items[0].description = v.into()),
        ),
        (
            "sign_off[0].name",
            Box::new(|r, v| r.sign_off[0].name = v.into()),
        ),
        (
            "sign_off[0].role",
            Box::new(|r, v| r.sign_off[0].role = v.into()),
        ),
        (
            "meta.extra[0].key",
            Box::new(|r, v| r.meta.extra[0].key = v.into()),
        ),
        (
            "meta.extra[0].value",
            Box::new(|r, v| r.meta.extra[0].value = v.into()),
        ),
        (
            "impact.extra[0].value",
            Box::new(|r, v| r.impact.extra[0].value = v.into()),
        ),
        (
            "contributing_factors.checklist[0].detail",
            Box::new(|r, v| r.contributing_factors.checklist[0].detail = v.into()),
        ),
        (
            "extra_sections[0].title",
            Box::new(|r, v| r.extra_sections[0].title = v.into()),
        ),
    ];
    out.extend(structured.into_iter().map(|(p, s)| (p.to_string(), s)));
    out
}

#[test]
fn hostile_text_in_any_field_cannot_change_the_document_structure() {
    let base = common::rich_report();
    let mut failures = Vec::new();
    for (path, set) in places() {
        for id in IDS {
            let mut benign = base.clone();
            set(&mut benign, "plain words");
            let mut hostile = base.clone();
            set(&mut hostile, HOSTILE);
            let (a, b) = (shape(&render(&benign, id)), shape(&render(&hostile, id)));
            if a != b {
                failures.push(format!("{path} in {id}: {a:?} became {b:?}"));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} injections:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn hostile_text_survives_as_text() {
    let mut r = common::rich_report();
    r.summary.summary = HOSTILE.to_string();
    let md = render(&r, "000");
    let html = comrak::markdown_to_html(&md, &comrak_options());
    assert!(!html.contains("<script>"), "{html}");
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(!html.contains("href=\"javascript:"));
}

#[test]
fn log_entries_with_fences_stay_inside_their_code_block() {
    let mut r = common::rich_report();
    r.appendix.logs = vec!["line one\n```\n# not a heading\n````\nlast".to_string()];
    let md = render(&r, "004");
    let s = shape(&md);
    assert_eq!(s.code_blocks, 1, "{md}");
    assert_eq!(s.html, 0);
}

#[test]
fn extra_section_bodies_keep_markdown_but_lose_live_html() {
    let mut r = common::rich_report();
    r.extra_sections[0].body = "Some **bold** text.\n\n<div onclick=\"x\">raw</div>\n\nInline <img src=x onerror=alert(1)> here.".to_string();
    let md = render(&r, "002");
    let s = shape(&md);
    assert_eq!(s.html, 0, "{md}");
    assert!(md.contains("**bold**"));
}

#[test]
fn a_comment_that_hides_html_after_it_is_not_kept_as_html() {
    let mut r = common::rich_report();
    r.extra_sections[0].body =
        "<!-- note --> <script>alert(1)</script>\n\n- a\n\n<!-- end list -->\n\n- b".to_string();
    let md = render(&r, "000");
    let html = comrak::markdown_to_html(&md, &comrak_options());
    assert!(!html.contains("<script"), "{html}");
    assert!(md.contains("<!-- end list -->"), "{md}");
}
