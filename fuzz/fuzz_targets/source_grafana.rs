//! Fuzz target: any bytes read as Grafana annotations (`--from grafana`).
//! The parser must never panic; rows it reads have text; errors say something.
#![no_main]

use hindsight_core::sources::{parse, Options, Source};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let options = Options {
        from: Some(Source::Grafana),
        ..Options::default()
    };
    match parse(data, &options) {
        Ok(parsed) => {
            assert_eq!(parsed.format.source(), Source::Grafana);
            assert!(parsed.rows.iter().all(|r| !r.text.is_empty()));
        }
        Err(e) => assert!(!e.to_string().is_empty()),
    }
});
