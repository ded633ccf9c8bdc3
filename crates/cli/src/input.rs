//! Reading a report from what the user passed: Hindsight JSON, or a Markdown post-mortem
//! in any of the five layouts (or something close to one), told apart by content.

use hindsight_core::import::{parse_markdown, Imported};
use hindsight_core::Report;

/// A report and how it was read.
pub enum Parsed {
    Json(Report),
    Markdown(Imported),
}

/// True when the text is meant as JSON (its first non-space character opens an object).
pub fn looks_like_json(text: &str) -> bool {
    text.trim_start_matches('\u{feff}')
        .trim_start()
        .starts_with('{')
}

/// Reads JSON when the text looks like JSON, else imports it as Markdown. A document that
/// looks like JSON and fails to load is an error, not a Markdown document.
pub fn read_report(text: &str) -> Result<Parsed, hindsight_core::JsonError> {
    if looks_like_json(text) {
        return hindsight_core::from_json(text).map(Parsed::Json);
    }
    Ok(Parsed::Markdown(parse_markdown(text)))
}
