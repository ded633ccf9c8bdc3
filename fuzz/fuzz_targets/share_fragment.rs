//! Fuzz target: any text read as a share link (`#r=` + base64url of DEFLATE'd JSON). It
//! either opens a report, which a new link of its own opens the same, or returns an error
//! that says what is wrong; a small fragment never inflates past the limit.
#![no_main]

use hindsight_core::share::{decode_fragment, encode_fragment};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    // Half the inputs as they are, half behind the prefix, so the fuzzer reaches the
    // base64 and DEFLATE layers without having to find "#r=" first.
    let link = if data.first().is_some_and(|b| b % 2 == 0) {
        format!("#r={text}")
    } else {
        text.into_owned()
    };
    match decode_fragment(&link) {
        Ok(report) => {
            let again = decode_fragment(&encode_fragment(&report));
            assert_eq!(again.ok().as_ref(), Some(&report));
        }
        Err(e) => assert!(!e.to_string().is_empty()),
    }
});
