//! Counters for benchmarks, compiled only with the `probe` feature: how many whole-report
//! clones happened since the last reset. Never part of a shipped build.

use std::sync::atomic::{AtomicUsize, Ordering};

static REPORT_CLONES: AtomicUsize = AtomicUsize::new(0);

pub(crate) fn report_cloned() {
    REPORT_CLONES.fetch_add(1, Ordering::Relaxed);
}

/// Whole-report clones since the last `reset`.
pub fn report_clones() -> usize {
    REPORT_CLONES.load(Ordering::Relaxed)
}

pub fn reset() {
    REPORT_CLONES.store(0, Ordering::Relaxed);
}

#[cfg(test)]
mod tests {
    use crate::Report;

    #[test]
    fn a_clone_is_counted_and_equal() {
        super::reset();
        let report = Report {
            template: "002".into(),
            ..Report::default()
        };
        let copy = report.clone();
        assert_eq!(copy, report);
        assert_eq!(super::report_clones(), 1);
    }
}
