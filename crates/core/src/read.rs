//! Reading whatever an author hands over — a file, a paste, a CLI argument — as a report:
//! Hindsight JSON or a Markdown post-mortem, told apart here once for every shell, with a
//! byte-order mark and surrounding blank space ignored.

use crate::import::{parse_markdown, Imported};
pub use crate::json::strip_bom;
use crate::json::{from_json, JsonError};
use crate::model::Report;

/// How a text was read.
#[derive(Debug, Clone, PartialEq)]
pub enum Read {
    /// A Hindsight JSON export.
    Json(Report),
    /// A Markdown post-mortem, with what the importer noticed.
    Markdown(Imported),
}

impl Read {
    /// The report, however it was read.
    pub fn into_report(self) -> Report {
        match self {
            Read::Json(r) => r,
            Read::Markdown(i) => i.report,
        }
    }
}

/// Why a text could not be read as a report. Nothing is created from it.
#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub enum ReadError {
    /// Nothing but blank space.
    #[error("there is nothing to import: the text is empty")]
    Empty,
    /// Bytes that are not text (an image, an archive, a binary).
    #[error("this looks like binary data, not a post-mortem (Markdown or Hindsight JSON)")]
    Binary,
    /// Meant as JSON, but not a readable report.
    #[error(transparent)]
    Json(#[from] JsonError),
}

/// Which format a text is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Json,
    Markdown,
}

/// JSON when the name says so, when the text opens an object, or when the whole text is
/// some other JSON value (so "a list, not a report" is said instead of importing a list
/// as Markdown); Markdown otherwise.
pub fn detect(name: Option<&str>, text: &str) -> Format {
    let t = strip_bom(text).trim();
    let named_json = name.is_some_and(|n| n.to_ascii_lowercase().ends_with(".json"));
    if named_json || t.starts_with('{') {
        return Format::Json;
    }
    let could_be_value = t.starts_with('[')
        || t.starts_with('"')
        || matches!(t, "null" | "true" | "false")
        || t.parse::<f64>().is_ok();
    if could_be_value && serde_json::from_str::<serde::de::IgnoredAny>(t).is_ok() {
        return Format::Json;
    }
    Format::Markdown
}

/// True when the text holds control bytes no post-mortem has (NUL and friends), the mark
/// of a binary file read as text.
fn looks_binary(text: &str) -> bool {
    let sample: String = text.chars().take(4096).collect();
    let controls = sample
        .chars()
        .filter(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}'))
        .count();
    sample.contains('\0') || controls * 20 > sample.chars().count().max(1)
}

/// Reads a text as a report. `name` (a file name) helps tell the format apart.
pub fn read_any(name: Option<&str>, text: &str) -> Result<Read, ReadError> {
    let text = strip_bom(text);
    if text.trim().is_empty() {
        return Err(ReadError::Empty);
    }
    if looks_binary(text) {
        return Err(ReadError::Binary);
    }
    match detect(name, text) {
        Format::Json => Ok(Read::Json(from_json(text)?)),
        Format::Markdown => Ok(Read::Markdown(parse_markdown(text))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_with_a_bom_and_blank_space_is_json() {
        let mut r = Report::new("003");
        r.meta.title = "Cache stampede".into();
        let text = format!("\u{feff}  \n{}\n", crate::to_json(&r));
        assert_eq!(read_any(None, &text), Ok(Read::Json(r.clone())));
        assert_eq!(read_any(Some("x.md"), &text), Ok(Read::Json(r)));
    }

    #[test]
    fn markdown_with_a_bom_keeps_its_title() {
        let text = "\u{feff}# Post-Mortem: Cache stampede\n\n## Summary\n\nIt fell over.\n";
        let Ok(Read::Markdown(imported)) = read_any(None, text) else {
            panic!("read as Markdown");
        };
        assert_eq!(imported.report.meta.title, "Cache stampede");
    }

    #[test]
    fn other_json_values_are_refused_as_json() {
        for (text, what) in [
            ("[1, 2]", "an array"),
            ("null", "null"),
            ("\"hi\"", "a string"),
        ] {
            assert_eq!(
                read_any(None, text),
                Err(ReadError::Json(JsonError::NotAnObject(what))),
                "{text}"
            );
        }
        // A Markdown line that opens with a bracket is still Markdown.
        assert!(matches!(
            read_any(None, "[Runbook](https://example.org) was out of date."),
            Ok(Read::Markdown(_))
        ));
    }

    #[test]
    fn empty_and_binary_input_create_nothing() {
        assert_eq!(read_any(None, " \n\t "), Err(ReadError::Empty));
        assert_eq!(read_any(None, "\u{feff}"), Err(ReadError::Empty));
        let junk: String = (0u8..=255).map(char::from).cycle().take(2000).collect();
        assert_eq!(read_any(None, &junk), Err(ReadError::Binary));
    }

    #[test]
    fn a_file_named_json_is_read_as_json_even_when_broken() {
        assert!(matches!(
            read_any(Some("Report.JSON"), "# not json"),
            Err(ReadError::Json(JsonError::Syntax { .. }))
        ));
    }
}
