//! Five Whys steps whose question or answer holds several lines keep those lines through
//! Markdown export and import, in every template's way of writing the chain and in a
//! document's own layout; the Markdown keeps each step one list item a reader can follow.

mod common;

use hindsight_core::import::parse_markdown;
use hindsight_core::*;
use proptest::collection::vec;
use proptest::prelude::*;

const TEMPLATES: [&str; 5] = ["000", "001", "002", "003", "004"];

fn why(why: &str, because: &str) -> Why {
    Why {
        why: why.to_string(),
        because: because.to_string(),
    }
}

/// Steps as the editor's textareas hold them, each already in the form the import gives
/// back (lines trimmed, one blank line between paragraphs).
fn chain() -> Vec<Why> {
    vec![
        why(
            "Why did checkout fail?",
            "The cache was cold.\nThe warm-up job had been disabled in March.",
        ),
        why(
            "Why was the warm-up job disabled\nin March?",
            "It paged on every deploy.",
        ),
        why(
            "Why did nobody notice?",
            "The dashboard hid it.\n\nThe weekly review was skipped.",
        ),
        why(
            "Why was the review skipped?",
            "Two reasons:\n- the owner was on leave\n1. no deputy was named\n* and no one asked\n+ or checked",
        ),
        why(
            "Why was no deputy named?",
            "Lines that look like Markdown:\n# not a heading\n> not a quote\n---\n===\n2) not a list",
        ),
    ]
}

fn export(r: &Report, template: &str) -> String {
    to_markdown(
        r,
        &MarkdownOptions {
            template: Some(template.to_string()),
            ..MarkdownOptions::default()
        },
    )
}

fn report_in(template: &str, whys: Vec<Why>) -> Report {
    let mut r = Report::new(template);
    r.meta.title = "Checkout down".to_string();
    r.root_cause.whys = whys;
    r
}

/// The number of top-level list items in a document that hold `needle`.
fn items_holding(md: &str, needle: &str) -> usize {
    let arena = comrak::Arena::new();
    let root = comrak::parse_document(&arena, md, &markdown::comrak_options());
    root.children()
        .filter(|n| matches!(n.data.borrow().value, comrak::nodes::NodeValue::List(_)))
        .flat_map(|l| l.children())
        .filter(|item| {
            let mut html = String::new();
            let _ = comrak::format_html(item, &markdown::comrak_options(), &mut html);
            html.contains(needle)
        })
        .count()
}

#[test]
fn multi_line_steps_round_trip_in_every_template() {
    for id in TEMPLATES {
        let r = report_in(id, chain());
        let md = export(&r, id);
        let got = parse_markdown(&md).report;
        assert_eq!(
            got.root_cause.whys, r.root_cause.whys,
            "template {id}:\n{md}"
        );
        assert_eq!(got.root_cause.analysis, "", "template {id}:\n{md}");
        assert_eq!(export(&got, id), md, "re-export of {id}");
    }
}

#[test]
fn each_step_stays_one_list_item_with_its_lines_under_it() {
    for id in TEMPLATES {
        let md = export(&report_in(id, chain()), id);
        // Each line, blank line and list-looking line of an answer is text inside the
        // item of its step, not a paragraph, heading or list after it.
        for needle in [
            "The cache was cold.\nThe warm-up job had been disabled in March.",
            "disabled\nin March?",
            "<p>The weekly review was skipped.</p>",
            "Two reasons:\n- the owner was on leave\n1. no deputy was named\n* and no one asked\n+ or checked",
            "Markdown:\n# not a heading\n&gt; not a quote\n---\n===\n2) not a list",
        ] {
            assert_eq!(items_holding(&md, needle), 1, "{id}: {needle:?}\n{md}");
        }
    }
}

#[test]
fn spaces_around_lines_are_not_markup() {
    for id in TEMPLATES {
        let r = report_in(
            id,
            vec![why(
                "Why did checkout fail?  ",
                "The cache was cold.  \n    The job was off. \t\n\n\n   Then it paged.  ",
            )],
        );
        let md = export(&r, id);
        // No hard break (two spaces or a backslash at a line's end), no stray spaces.
        assert!(
            md.lines().all(|l| !l.ends_with([' ', '\t', '\\'])),
            "{id}:\n{md}"
        );
        let got = parse_markdown(&md).report;
        assert_eq!(
            got.root_cause.whys,
            vec![why(
                "Why did checkout fail?",
                "The cache was cold.\nThe job was off.\n\nThen it paged."
            )],
            "{id}:\n{md}"
        );
    }
}

#[test]
fn multi_line_steps_round_trip_in_a_document_s_own_layout() {
    let doc = "# Checkout down\n\n## What went wrong\n\nCheckout failed.\n\n## Five Whys\n\n1. Why did checkout fail? Because the pool was full.\n\n## Next steps\n\nA paragraph.\n";
    let mut r = parse_markdown(doc).report;
    assert!(r.layout.is_some(), "own layout recorded");
    r.root_cause.whys = chain();
    let opts = MarkdownOptions {
        template: Some(templates::OWN_LAYOUT.to_string()),
        ..MarkdownOptions::default()
    };
    let md = to_markdown(&r, &opts);
    let got = parse_markdown(&md).report;
    assert_eq!(got.root_cause.whys, chain(), "\n{md}");
    assert_eq!(to_markdown(&got, &opts), md);
}

#[test]
fn multi_line_steps_round_trip_through_json() {
    let mut whys = chain();
    whys.push(why("Why\r\nso?  ", "  kept as typed \n\n\n"));
    let r = report_in("000", whys);
    let back = from_json(&to_json(&r));
    assert_eq!(
        back.ok().map(|b| b.root_cause.whys),
        Some(r.root_cause.whys)
    );
}

/// Text of one to three paragraphs of one to three lines, as the import gives it back.
fn lines() -> impl Strategy<Value = String> {
    vec(vec(common::line(), 1..4), 1..4).prop_map(|paras| {
        paras
            .iter()
            .map(|p| p.join("\n"))
            .collect::<Vec<_>>()
            .join("\n\n")
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn any_multi_line_chain_round_trips(
        steps in vec((lines(), lines()), 1..4),
        t in 0..TEMPLATES.len(),
    ) {
        let id = TEMPLATES[t];
        let whys = steps
            .into_iter()
            .map(|(q, b)| Why {
                // The questions as each template's chain can say them: a "**Why**" label
                // (002 to 004), "Why …?" before the answer (001).
                why: match id {
                    "001" => format!("Why {q}?"),
                    "000" => q,
                    _ => format!("Why {q}"),
                },
                because: b,
            })
            .collect();
        let r = report_in(id, whys);
        let md = export(&r, id);
        let got = parse_markdown(&md).report;
        prop_assert_eq!(&got.root_cause.whys, &r.root_cause.whys, "{}:\n{}", id, md);
        prop_assert_eq!(export(&got, id), md);
    }
}
