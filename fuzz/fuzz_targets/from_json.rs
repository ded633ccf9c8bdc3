//! Fuzz target: any bytes through the JSON importer. It either loads a report, which
//! then round-trips through `to_json`, or returns an error that names what is wrong.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match hindsight_core::from_json(text) {
        Ok(report) => {
            let again = hindsight_core::from_json(&hindsight_core::to_json(&report));
            assert_eq!(again.ok().as_ref(), Some(&report));
        }
        Err(e) => assert!(!e.to_string().is_empty()),
    }
});
