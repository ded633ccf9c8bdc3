//! Reading a report from what the user passed: the core tells Hindsight JSON from a
//! Markdown post-mortem (`hindsight_core::read_any`), the same way the web app does.

pub use hindsight_core::read::Read as Parsed;
use hindsight_core::ReadError;

/// Reads JSON when the text looks like JSON, else imports it as Markdown. A document that
/// looks like JSON and fails to load is an error, not a Markdown document; so are empty
/// and binary input.
pub fn read_report(text: &str) -> Result<Parsed, ReadError> {
    hindsight_core::read_any(None, text)
}
