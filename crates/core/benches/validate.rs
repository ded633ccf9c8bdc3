//! Benchmark: validating a large report (1,000 timeline rows, 200 action items).
fn main() {}
