//! Benchmark: what opening, importing, exporting and previewing cost on a typical report
//! (30 timeline rows, 10 action items) and a large one (1,000 rows, 200 items): JSON in
//! and out (the editor's storage), Markdown export and import, and the preview's HTML.

use std::hint::black_box;

mod common;

use common::{large_report, report, EVENTS};
use criterion::{criterion_group, criterion_main, Criterion};
use hindsight_core::import::parse_markdown;
use hindsight_core::{from_json, render_html, to_json, to_markdown, MarkdownOptions};

fn bench(c: &mut Criterion) {
    let sizes = [
        ("typical", report(30, 10, &EVENTS)),
        ("large", large_report()),
    ];
    for (name, r) in &sizes {
        let options = MarkdownOptions::default();
        let json = to_json(r);
        let markdown = to_markdown(r, &options);
        let compact = serde_json::to_string(r).unwrap_or_default();
        eprintln!(
            "{name}: JSON {} bytes pretty, {} compact; Markdown {} bytes",
            json.len(),
            compact.len(),
            markdown.len()
        );
        let mut group = c.benchmark_group(*name);
        group.bench_function("to_json", |b| b.iter(|| to_json(black_box(r))));
        group.bench_function("from_json", |b| b.iter(|| from_json(black_box(&json))));
        // A document with a mistake at its very end is read twice: once fast, then again
        // for the error's field path.
        let broken = json.replacen("\"schema_version\": 1", "\"schema_version\": \"one\"", 1);
        group.bench_function("from_json, field error", |b| {
            b.iter(|| from_json(black_box(&broken)))
        });
        group.bench_function("to_markdown", |b| {
            b.iter(|| to_markdown(black_box(r), black_box(&options)))
        });
        group.bench_function("parse_markdown", |b| {
            b.iter(|| parse_markdown(black_box(&markdown)))
        });
        group.bench_function("render_html (preview)", |b| {
            b.iter(|| render_html(black_box(&markdown)))
        });
        group.finish();
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
