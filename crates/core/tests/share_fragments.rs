//! Share fragments under property tests: any report round trips, and no input, whether
//! random text, a valid fragment cut anywhere or with a character changed, panics.

mod common;

use hindsight_core::share::{decode_fragment, encode_fragment};
use proptest::prelude::*;

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn every_report_round_trips(r in common::report(common::Flavour::Any)) {
        let f = encode_fragment(&r);
        prop_assert_eq!(decode_fragment(&f), Ok(r));
    }

    #[test]
    fn random_fragments_never_panic(s in ".{0,400}") {
        let _ = decode_fragment(&format!("#r={s}"));
        let _ = decode_fragment(&s);
    }

    #[test]
    fn damaged_fragments_are_errors_or_reports(cut in 0usize..2000, at in 0usize..2000, c in "[A-Za-z0-9_-]") {
        let f = encode_fragment(&common::rich_report());
        let cut = cut % f.len();
        let _ = decode_fragment(&f[..cut]);
        let at = 3 + at % (f.len() - 3);
        let mut damaged = f.clone();
        damaged.replace_range(at..at + 1, &c);
        let _ = decode_fragment(&damaged);
    }
}

#[test]
fn every_cut_of_a_real_fragment_is_refused() {
    let f = encode_fragment(&common::rich_report());
    for cut in 0..f.len() {
        assert!(decode_fragment(&f[..cut]).is_err(), "cut at {cut} decoded");
    }
}
