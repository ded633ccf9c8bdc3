//! Benchmark: reading a Slack channel day file of 50,000 messages into candidate rows
//! (detection, parsing, markup rendering, kinds, ordering, repeat marking).

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};
use hindsight_core::sources::{parse, Options};

fn day_file(n: usize) -> String {
    let mut out = String::from("[");
    for i in 0..n {
        if i > 0 {
            out.push(',');
        }
        let ts = 1_699_873_920 + i;
        let text = match i % 5 {
            0 => "<@U01> the API is returning 503s on <https://grafana.example.com/d/x|the dashboard>",
            1 => "rolled back the deploy &amp; watching",
            2 => "looking into the connection pool",
            3 => "error rate back to normal :tada:",
            _ => "thanks all",
        };
        out.push_str(&format!(
            r#"{{"type":"message","user":"U0{u}","text":"{text} {i}","ts":"{ts}.000{r:03}","user_profile":{{"real_name":"Person {u}","display_name":"p{u}"}}}}"#,
            u = i % 7,
            r = i % 1000,
        ));
    }
    out.push(']');
    out
}

fn bench(c: &mut Criterion) {
    let file = day_file(50_000);
    c.bench_function("slack_day_50k", |b| {
        b.iter(|| parse(black_box(file.as_bytes()), &Options::default()))
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10);
    targets = bench
}
criterion_main!(benches);
