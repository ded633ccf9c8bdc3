//! Benchmark: validating a large report (1,000 timeline rows crossing midnight, 200 action
//! items) under the default policy, as the editor does on every keystroke.

use std::hint::black_box;

mod common;

use common::{large_report, report, report_without_kinds, EVENTS};
use criterion::{criterion_group, criterion_main, Criterion};
use hindsight_core::policy::Policy;
use hindsight_core::validate::{score, validate, Context, RULES};

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

criterion_group!(benches, bench, per_rule);
criterion_main!(benches);
