//! Share links: the whole report in a URL fragment, `#r=` followed by base64url (RFC 4648
//! §5, no padding) of the raw DEFLATE (RFC 1951) compression of the report's JSON export
//! in UTF-8. The fragment never reaches a server. Decoding is for hostile input: the
//! fragment and the inflated JSON have size limits, inflation stops at the limit, and
//! every way a fragment can be wrong is an error that says which.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use miniz_oxide::inflate::{decompress_to_vec_with_limit, TINFLStatus};

use crate::json::{from_json, to_json, JsonError};
use crate::model::Report;

/// What starts a share fragment.
pub const FRAGMENT_PREFIX: &str = "#r=";
/// Longest link the share button offers without a warning; longer links are refused by
/// some chat tools and wikis, so the file export is the better way.
pub const SAFE_LINK_LEN: usize = 32 * 1024;
/// Longest fragment `decode_fragment` reads (characters after `r=`).
pub const MAX_FRAGMENT_LEN: usize = 4 * 1024 * 1024;
/// Largest JSON a fragment may inflate to: inflation stops here, so a small "zip bomb"
/// fragment cannot exhaust memory.
pub const MAX_JSON_BYTES: usize = 5 * 1024 * 1024;
/// DEFLATE level: the smallest output, which is what a link wants.
const LEVEL: u8 = 9;

/// Why a fragment is not a report.
#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub enum ShareError {
    /// Nothing after the `#`, or no `r=` in it.
    #[error("this link holds no shared report (it should end in #r=…)")]
    NoReport,
    /// `#r=` with nothing after it.
    #[error("the shared report in this link is empty")]
    Empty,
    /// More characters than `MAX_FRAGMENT_LEN`.
    #[error("the shared report is too long ({len} characters; at most {max})")]
    TooLong { len: usize, max: usize },
    /// A character outside base64url, or a length base64 cannot have.
    #[error("the link is damaged: {0}")]
    BadBase64(String),
    /// The compressed data ends early: the link was cut off.
    #[error("the link is cut off: the shared report ends early")]
    Truncated,
    /// The compressed data is not valid DEFLATE.
    #[error("the link is damaged: its data does not decompress")]
    Corrupt,
    /// The report inflates past `MAX_JSON_BYTES`.
    #[error("the shared report is larger than {max} bytes once unpacked")]
    TooLarge { max: usize },
    /// The inflated bytes are not UTF-8.
    #[error("the shared report is not text (invalid UTF-8 at byte {0})")]
    NotUtf8(usize),
    /// The JSON does not load as a report.
    #[error("the shared report does not load: {0}")]
    Json(#[from] JsonError),
}

/// The fragment for a report: `#r=` and the encoded JSON export.
pub fn encode_fragment(report: &Report) -> String {
    encode_json(&to_json(report))
}

/// The fragment for a JSON text as it is (already a report's JSON export).
pub fn encode_json(json: &str) -> String {
    let deflated = miniz_oxide::deflate::compress_to_vec(json.as_bytes(), LEVEL);
    format!("{FRAGMENT_PREFIX}{}", URL_SAFE_NO_PAD.encode(deflated))
}

/// A full share link: `base` (a page URL; any fragment it has is replaced) and the
/// report's fragment.
pub fn share_link(report: &Report, base: &str) -> String {
    let base = base.split('#').next().unwrap_or_default();
    format!("{base}{}", encode_fragment(report))
}

/// Reads a report from a share link, its fragment (`#r=…`) or the bare `r=…`.
pub fn decode_fragment(link: &str) -> Result<Report, ShareError> {
    from_json(&decode_json(link)?).map_err(ShareError::from)
}

/// The JSON text a share link holds, inflated and checked to be UTF-8.
pub fn decode_json(link: &str) -> Result<String, ShareError> {
    let fragment = match link.split_once('#') {
        Some((_, f)) => f,
        None => link,
    };
    let data = fragment
        .split('&')
        .find_map(|p| p.strip_prefix("r="))
        .ok_or(ShareError::NoReport)?
        .trim();
    if data.is_empty() {
        return Err(ShareError::Empty);
    }
    if data.len() > MAX_FRAGMENT_LEN {
        return Err(ShareError::TooLong {
            len: data.len(),
            max: MAX_FRAGMENT_LEN,
        });
    }
    let deflated = URL_SAFE_NO_PAD
        .decode(data)
        .map_err(|e| ShareError::BadBase64(base64_words(&e)))?;
    let bytes =
        decompress_to_vec_with_limit(&deflated, MAX_JSON_BYTES).map_err(|e| match e.status {
            TINFLStatus::HasMoreOutput => ShareError::TooLarge {
                max: MAX_JSON_BYTES,
            },
            TINFLStatus::FailedCannotMakeProgress | TINFLStatus::NeedsMoreInput => {
                ShareError::Truncated
            }
            _ => ShareError::Corrupt,
        })?;
    String::from_utf8(bytes).map_err(|e| ShareError::NotUtf8(e.utf8_error().valid_up_to()))
}

/// base64's error in words a reader of a link understands.
fn base64_words(e: &base64::DecodeError) -> String {
    match e {
        base64::DecodeError::InvalidByte(at, b) => {
            format!(
                "character {:?} at position {at} does not belong in it",
                char::from(*b)
            )
        }
        base64::DecodeError::InvalidLength(_) => "its length is impossible (cut off?)".to_string(),
        base64::DecodeError::InvalidLastSymbol(at, _) => {
            format!("the last character (position {at}) is wrong")
        }
        base64::DecodeError::InvalidPadding => "it has padding a share link never has".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Report {
        let mut r = Report::new("003");
        r.meta.title = "Checkout outage — 45 min, ünïcode".to_string();
        r.summary.summary = "Pool ran dry.\n\nRolled back.".to_string();
        r
    }

    #[test]
    fn a_report_round_trips_through_its_fragment_and_link() {
        let r = sample();
        let f = encode_fragment(&r);
        assert!(f.starts_with("#r="));
        // base64url without padding: the only '=' is the one in "#r=".
        assert!(!f[3..].contains(['=', '+', '/']));
        assert_eq!(decode_fragment(&f), Ok(r.clone()));
        let link = share_link(&r, "https://example.org/tools/hindsight/#old");
        assert!(link.starts_with("https://example.org/tools/hindsight/#r="));
        assert_eq!(decode_fragment(&link), Ok(r.clone()));
        assert_eq!(decode_fragment(&f[1..]), Ok(r));
    }

    #[test]
    fn hostile_fragments_give_clear_errors() {
        let good = encode_fragment(&sample());
        type Expect = fn(&ShareError) -> bool;
        let cases: Vec<(String, Expect)> = vec![
            ("https://example.org/".to_string(), |e| {
                *e == ShareError::NoReport
            }),
            ("#x=1".to_string(), |e| *e == ShareError::NoReport),
            ("#r=".to_string(), |e| *e == ShareError::Empty),
            ("#r=ab$cd".to_string(), |e| {
                matches!(e, ShareError::BadBase64(_))
            }),
            ("#r=abcd==".to_string(), |e| {
                matches!(e, ShareError::BadBase64(_))
            }),
            ("#r=a".to_string(), |e| {
                matches!(e, ShareError::BadBase64(_))
            }),
            (good[..good.len() / 2].to_string(), |e| {
                matches!(e, ShareError::Truncated | ShareError::BadBase64(_))
            }),
            (format!("#r={}", URL_SAFE_NO_PAD.encode([0xff; 40])), |e| {
                *e == ShareError::Corrupt
            }),
            (encode_json("[1,2,3]"), |e| matches!(e, ShareError::Json(_))),
            (encode_json("not json"), |e| {
                matches!(e, ShareError::Json(_))
            }),
        ];
        for (input, ok) in cases {
            let e = decode_fragment(&input).expect_err(&input);
            assert!(ok(&e), "{input}: {e:?}");
            assert!(!e.to_string().is_empty());
        }
    }

    #[test]
    fn a_zip_bomb_stops_at_the_limit() {
        // 64 MB of spaces deflate to about 64 KB; inflating stops at MAX_JSON_BYTES.
        let bomb = miniz_oxide::deflate::compress_to_vec(&vec![b' '; 64 * 1024 * 1024], 9);
        let f = format!("#r={}", URL_SAFE_NO_PAD.encode(bomb));
        assert!(f.len() < MAX_FRAGMENT_LEN);
        assert_eq!(
            decode_fragment(&f),
            Err(ShareError::TooLarge {
                max: MAX_JSON_BYTES
            })
        );
    }

    #[test]
    fn an_overlong_fragment_is_refused_before_decoding() {
        let f = format!("#r={}", "A".repeat(MAX_FRAGMENT_LEN + 1));
        assert!(matches!(
            decode_fragment(&f),
            Err(ShareError::TooLong { .. })
        ));
    }

    #[test]
    fn invalid_utf8_is_named() {
        let bytes = miniz_oxide::deflate::compress_to_vec(b"{\"a\":\"\xff\"}", 9);
        let f = format!("#r={}", URL_SAFE_NO_PAD.encode(bytes));
        assert_eq!(decode_fragment(&f), Err(ShareError::NotUtf8(6)));
    }
}
