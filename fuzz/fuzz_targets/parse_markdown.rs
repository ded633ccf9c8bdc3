//! Fuzz target: any bytes, read as (lossy) UTF-8, through the Markdown importer. The
//! importer must never panic or hang, and what it keeps must point at real elements.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let imported = hindsight_core::import::parse_markdown(&text);
    let r = &imported.report;
    for u in &imported.unmapped {
        if let Some(rest) = u.kept_at.strip_prefix("extra_sections[") {
            let i: usize = rest.trim_end_matches(']').parse().unwrap_or(usize::MAX);
            assert!(i < r.extra_sections.len(), "dangling {}", u.kept_at);
        }
    }
    // What was imported serialises and loads back unchanged.
    let json = hindsight_core::to_json(r);
    assert_eq!(hindsight_core::from_json(&json).ok().as_ref(), Some(r));
});
