//! Fuzz target: any bytes read as plain lines (`--from text`).
//! The parser must never panic; rows it reads have text; errors say something.
#![no_main]

use chrono::NaiveDate;
use hindsight_core::sources::{parse, Options, Source};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let options = Options {
        from: Some(Source::Text),
        date: NaiveDate::from_ymd_opt(2023, 11, 13),
        ..Options::default()
    };
    match parse(data, &options) {
        Ok(parsed) => {
            assert_eq!(parsed.format.source(), Source::Text);
            assert!(parsed.rows.iter().all(|r| !r.text.is_empty()));
        }
        Err(e) => assert!(!e.to_string().is_empty()),
    }
});
