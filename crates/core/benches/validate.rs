//! Benchmark: validating a large report (1,000 timeline rows crossing midnight, 200 action
//! items) under the default policy, as the editor does on every keystroke; and the whole
//! review (findings, metrics, score, overview) fresh against a session's incremental one
//! after a one-cell edit.

use std::hint::black_box;

mod common;

use common::{large_report, report, report_without_kinds, EVENTS};
use criterion::{criterion_group, criterion_main, Criterion};
use hindsight_core::policy::Policy;
use hindsight_core::validate::{score, validate, Context, RULES};
use hindsight_core::{review, Report, Reviewer};

fn bench(c: &mut Criterion) {
    let large = large_report();
    let policy = Policy::default();
    let findings = validate(&large, &policy);
    eprintln!(
        "large report: {} findings, score {}",
        findings.len(),
        score(&findings)
    );
    c.bench_function("validate 1000 rows + 200 action items", |b| {
        b.iter(|| validate(black_box(&large), black_box(&policy)))
    });
    // Worst case for the metrics: no row names an event kind, so every row is read.
    let plain = report_without_kinds();
    c.bench_function("validate 1000 rows without event words + 200 items", |b| {
        b.iter(|| validate(black_box(&plain), black_box(&policy)))
    });
    // The size the editor usually sees on a keystroke.
    let typical = report(30, 10, &EVENTS);
    c.bench_function("validate 30 rows + 10 action items", |b| {
        b.iter(|| validate(black_box(&typical), black_box(&policy)))
    });
}

/// Each rule alone, on a context built once, to see where the time goes.
fn per_rule(c: &mut Criterion) {
    let report = large_report();
    let policy = Policy::default();
    c.bench_function("context (timeline + metrics)", |b| {
        b.iter(|| Context::new(black_box(&report), black_box(&policy)).metrics)
    });
    let context = Context::new(&report, &policy);
    let mut group = c.benchmark_group("rule");
    for rule in RULES {
        group.bench_function(rule.id, |b| b.iter(|| (rule.check)(black_box(&context))));
    }
    group.finish();
}

/// One edit, then the review: fresh (`review`) and incremental (`Reviewer`, which has
/// reviewed the report before). Each iteration types a new value, so the edited text is
/// never one the session remembers.
fn incremental(c: &mut Criterion) {
    let policy = Policy::default();
    let cases: [(&str, Report); 2] = [
        ("1000 rows + 200 items", large_report()),
        ("30 rows + 10 items", report(30, 10, &EVENTS)),
    ];
    for (name, base) in cases {
        let row = base.timeline.entries.len() / 2;
        for (what, edit) in [
            ("timeline cell", edit_cell as fn(&mut Report, usize, u32)),
            ("summary", edit_summary),
        ] {
            let mut fresh = base.clone();
            let mut n = 0u32;
            c.bench_function(&format!("review {name}, {what} edited: full"), |b| {
                b.iter(|| {
                    n += 1;
                    edit(&mut fresh, row, n);
                    review(black_box(&fresh), black_box(&policy))
                })
            });
            let mut typed = base.clone();
            let reviewer = Reviewer::new(policy.clone());
            let first = reviewer.review(&typed);
            assert_eq!(first, review(&typed, &policy), "the session agrees");
            c.bench_function(&format!("review {name}, {what} edited: incremental"), |b| {
                b.iter(|| {
                    n += 1;
                    edit(&mut typed, row, n);
                    reviewer.review(black_box(&typed))
                })
            });
        }
    }
}

/// Types a new event text into one timeline row.
fn edit_cell(r: &mut Report, row: usize, n: u32) {
    let e = &mut r.timeline.entries[row];
    e.event = format!("Checked the connection pool, pass {n}");
}

fn edit_summary(r: &mut Report, _row: usize, n: u32) {
    r.summary.summary = format!("The API failed for most of a day after a pool leak ({n}).");
}

criterion_group!(benches, bench, per_rule, incremental);
criterion_main!(benches);
