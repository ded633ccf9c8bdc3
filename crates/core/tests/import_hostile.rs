//! Hostile input for the importers: deeply nested lists and quotes, huge tables, binary
//! junk, a 5 MB document, and a seeded stress loop that feeds thousands of random and
//! mutated documents through `parse_markdown` and `from_json` — the stable-Rust stand-in
//! for the cargo-fuzz targets in `fuzz/` (which need nightly).

use hindsight_core::import::{parse_markdown, Imported};
use hindsight_core::*;
use std::time::Instant;

/// A small deterministic generator (xorshift64*), so failures reproduce.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
}

fn fixtures() -> Vec<String> {
    let dir = format!("{}/tests/fixtures", env!("CARGO_MANIFEST_DIR"));
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .map(|d| d.filter_map(|e| e.ok()).map(|e| e.path()).collect())
        .unwrap_or_default();
    names.sort();
    names
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect()
}

/// What must hold for any import, however broken the input.
fn check_invariants(imp: &Imported) {
    let r = &imp.report;
    for u in &imp.unmapped {
        let (field, idx) = match u.kept_at.split_once('[') {
            Some((f, rest)) => (f, rest.trim_end_matches(']').parse::<usize>().ok()),
            None => (u.kept_at.as_str(), None),
        };
        let len = match field {
            "extra_sections" => r.extra_sections.len(),
            "meta.extra" => r.meta.extra.len(),
            "impact.extra" => r.impact.extra.len(),
            other => panic!("unmapped content kept at unknown place {other}"),
        };
        assert!(idx.is_some_and(|i| i < len), "dangling {}", u.kept_at);
    }
    for p in &r.placeholders {
        assert!(!p.location.is_empty(), "placeholder without location");
    }
    assert!(
        templates::by_id(&r.template).is_some(),
        "template {}",
        r.template
    );
    // The result serialises; re-exporting as Markdown is checked separately (see
    // `exporter_survives_multibyte_why`).
    assert!(from_json(&to_json(r)).is_ok());
}

#[test]
fn deeply_nested_lists_and_quotes_do_not_panic() {
    let inputs = [
        "- ".repeat(20_000) + "x\n",
        "> ".repeat(20_000) + "x\n",
        "1. ".repeat(10_000) + "Why? Because.\n",
        (0..1500)
            .map(|i| format!("{}- item {i}\n", "  ".repeat(i)))
            .collect(),
        format!("## Root Cause\n\n{}x\n", "- ".repeat(5_000)),
        "*".repeat(50_000) + "x" + &"*".repeat(50_000) + "\n" + &"[".repeat(50_000),
        format!("# T\n\n{}", "## A\n\n| a | b |\n|---|---|\n".repeat(5_000)),
    ];
    for (i, text) in inputs.iter().enumerate() {
        let imp = parse_markdown(text);
        check_invariants(&imp);
        eprintln!("nested input {i}: {} bytes ok", text.len());
    }
}

#[test]
fn huge_table_imports_every_row() {
    let mut text =
        String::from("# Post-Mortem: Big\n\n## Timeline\n\n| Time | Event |\n|---|---|\n");
    for i in 0..20_000 {
        text.push_str(&format!("| 10:{:02} | event {i} |\n", i % 60));
    }
    let imp = parse_markdown(&text);
    assert_eq!(imp.report.timeline.entries.len(), 20_000);
    assert_eq!(imp.report.timeline.entries[19_999].event, "event 19999");
    // A table far wider than any template is kept, not dropped.
    let wide = format!(
        "## Numbers\n\n|{}\n|{}\n|{}\n",
        " c |".repeat(2_000),
        "---|".repeat(2_000),
        " 1 |".repeat(2_000)
    );
    let imp = parse_markdown(&wide);
    assert_eq!(imp.report.extra_sections.len(), 1);
    check_invariants(&imp);
}

#[test]
fn binary_junk_gives_a_best_effort_report() {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    for len in [0usize, 1, 7, 100, 10_000, 300_000] {
        let bytes: Vec<u8> = (0..len).map(|_| rng.next() as u8).collect();
        let text = String::from_utf8_lossy(&bytes);
        let imp = parse_markdown(&text);
        check_invariants(&imp);
        assert!(
            from_json(&text).is_err(),
            "junk of {len} bytes read as JSON"
        );
    }
    let odd =
        "\u{feff}# Post-Mortem: A\r## Summary\r\r**Severity:** SEV2\0\r\n| a\0 | b |\r|--|--|\r";
    let imp = parse_markdown(odd);
    assert_eq!(imp.report.meta.title, "A");
    assert_eq!(imp.report.meta.severity, "SEV2\u{fffd}");
    check_invariants(&imp);
}

/// Builds a realistic document of about `size` bytes from the fixtures.
fn big_document(size: usize) -> String {
    let parts = fixtures();
    let mut text = String::with_capacity(size + 10_000);
    let mut i = 0;
    while text.len() < size && !parts.is_empty() {
        let p = &parts[i % parts.len()];
        // Front matter only counts at the very top.
        text.push_str(&p.replace("+++\n", "\n").replace("---\n", "\n"));
        text.push_str("\n\n");
        i += 1;
    }
    text
}

#[test]
fn one_megabyte_document_imports() {
    let text = big_document(1_000_000);
    let t = Instant::now();
    let imp = parse_markdown(&text);
    // Timing is printed, not asserted: speed belongs in benchmarks.
    eprintln!("1 MB: {} bytes in {:?}", text.len(), t.elapsed());
    assert!(!imp.report.meta.title.is_empty());
    check_invariants(&imp);
}

/// Run with `cargo test --release -p hindsight-core --test import_hostile -- --ignored
/// --nocapture` for the figure quoted in the report.
#[test]
#[ignore]
fn five_megabyte_document_timing() {
    let text = big_document(5_000_000);
    let t = Instant::now();
    let imp = parse_markdown(&text);
    eprintln!("5 MB: {} bytes in {:?}", text.len(), t.elapsed());
    check_invariants(&imp);
}

/// Found by the stress loop: `markdown::strip_why` slices `t[..3]`, which panics when
/// the third byte falls inside a multi-byte character. Owned by the exporter.
#[test]
fn exporter_survives_multibyte_why() {
    let mut r = Report::new("004");
    r.root_cause.whys.push(Why {
        why: "a€ question".to_string(),
        because: "answer".to_string(),
    });
    let md = to_markdown(&r, &MarkdownOptions::default());
    assert!(md.contains("a€ question"));
}

/// Tokens that stress the Markdown and JSON readers when spliced into a document.
const TOKENS: &[&str] = &[
    "\n",
    "\n\n",
    "|",
    "| --- |",
    "**",
    "*",
    "_",
    "`",
    "```\n",
    "# ",
    "## ",
    "### ",
    "- ",
    "1. ",
    "- [x] ",
    "> ",
    "¶",
    "\n---\n",
    "+++\n",
    "[",
    "]",
    "(",
    ")",
    "<!--",
    "-->",
    "<b>",
    "\\",
    "**Why** ",
    "→ Because ",
    "Because ",
    "HH:MM",
    "[Name]",
    "**AI-1: x**\n- Description: y\n",
    ":",
    "::",
    "{",
    "}",
    "\"",
    ",",
    "null",
    "[]",
    "{}",
    "\"schema_version\": 99",
    "\0",
    "\r",
    "é",
    "\u{feff}",
    "🚀",
];

fn mutate(rng: &mut Rng, text: &str) -> String {
    let mut s: Vec<char> = text.chars().collect();
    for _ in 0..1 + rng.below(8) {
        let at = rng.below(s.len() + 1);
        match rng.below(5) {
            0 => {
                let end = (at + rng.below(200)).min(s.len());
                s.drain(at..end);
            }
            1 => {
                let end = (at + rng.below(300)).min(s.len());
                let copy: Vec<char> = s[at..end].to_vec();
                let to = rng.below(s.len() + 1);
                s.splice(to..to, copy);
            }
            2 => {
                let tok = TOKENS[rng.below(TOKENS.len())];
                s.splice(at..at, tok.chars());
            }
            3 => {
                if at < s.len() {
                    s[at] = char::from_u32(rng.below(0x3000) as u32).unwrap_or('?');
                }
            }
            _ => {
                let n = rng.below(50);
                let tok = TOKENS[rng.below(TOKENS.len())].repeat(n);
                s.splice(at..at, tok.chars());
            }
        }
    }
    s.into_iter().collect()
}

#[test]
fn stress_random_and_mutated_inputs() {
    // Longer runs: HINDSIGHT_STRESS_ROUNDS=100000 HINDSIGHT_STRESS_SEED=7.
    let env = |k: &str| std::env::var(k).ok().and_then(|v| v.parse::<u64>().ok());
    let mut rng = Rng(env("HINDSIGHT_STRESS_SEED").unwrap_or(0x1234_5678_9abc_def1) | 1);
    let mut seeds = fixtures();
    // Hindsight's own exports, in Markdown and JSON, are seeds too.
    for id in ["000", "001", "002", "003", "004"] {
        let r = parse_markdown(&seeds[rng.below(seeds.len())]).report;
        let mut r2 = r.clone();
        templates::switch_template(&mut r2, id);
        seeds.push(to_markdown(&r2, &MarkdownOptions::default()));
        seeds.push(to_json(&r2));
        seeds.push(to_markdown(
            &Report::new(id),
            &MarkdownOptions {
                template: None,
                front_matter: true,
                placeholders: true,
                mermaid: false,
            },
        ));
    }
    let rounds = env("HINDSIGHT_STRESS_ROUNDS").unwrap_or(1_000);
    let t = Instant::now();
    for round in 0..rounds {
        let base = &seeds[rng.below(seeds.len())];
        let text = mutate(&mut rng, base);
        let imp = parse_markdown(&text);
        check_invariants(&imp);
        // JSON import either loads a report or names what is wrong; never panics.
        match from_json(&text) {
            Ok(r) => assert_eq!(from_json(&to_json(&r)).ok(), Some(r), "round {round}"),
            Err(e) => assert!(!e.to_string().is_empty(), "round {round}: empty error"),
        }
    }
    eprintln!("stress: {rounds} mutated inputs in {:?}", t.elapsed());
}
