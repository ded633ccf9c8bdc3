//! Fuzz target: any bytes, detected by content, merged into a small dated report. The
//! merge keeps every author row, adds each kept row once, and merging the same rows
//! again adds nothing.
#![no_main]

use chrono::NaiveDate;
use hindsight_core::sources::{candidates, merge, metric_origins, Options};
use hindsight_core::{Report, TimelineEntry};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut report = Report::new("003");
    report.meta.date = "2023-11-13".into();
    report.timeline.entries = vec![TimelineEntry {
        time: "09:30".into(),
        event: "Deploy started".into(),
        ..TimelineEntry::default()
    }];
    let options = Options {
        date: NaiveDate::from_ymd_opt(2023, 11, 13),
        ..Options::default()
    };
    let Ok(parsed) = candidates(&report, data, &options) else {
        return;
    };
    let merged = merge(&report, &parsed.rows);
    let entries = &merged.report.timeline.entries;
    assert_eq!(
        entries.len(),
        report.timeline.entries.len() + merged.added.len()
    );
    assert_eq!(
        merged.added.len() + merged.left_out.len(),
        parsed.rows.len()
    );
    assert!(entries.iter().any(|e| e.event == "Deploy started"));
    let again = merge(&merged.report, &parsed.rows);
    assert!(again.added.is_empty());
    for o in metric_origins(&merged.report, &merged.added) {
        assert!(o.row < entries.len());
    }
});
