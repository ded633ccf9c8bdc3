//! How big a report may be, checked at the edges (import, paste of a whole document, and
//! typing or pasting into one field, `fit_field`)
//! before anything is created: a text field or cell holds at most 100 KB, a part or list
//! at most 10,000 rows, a document at most 5 MB (and a Markdown one 30,000 lines). Past these the editor
//! and the review slow to seconds per keystroke and, far past them, the web app runs out
//! of memory; refusing with a plain message beats a dead page.

use crate::fields::{List, Part, Text};
use crate::model::Report;
use crate::read::Format;

/// Largest text field, list item or cell, in bytes of UTF-8.
pub const FIELD_BYTES: usize = 100 * 1024;
/// Most rows in one part (timeline, action items…) or items in one list.
pub const ROWS: usize = 10_000;
/// Largest document read as a report, in bytes of UTF-8.
pub const DOCUMENT_BYTES: usize = 5 * 1024 * 1024;
/// Most lines in a document read as a report.
pub const DOCUMENT_LINES: usize = 30_000;

/// A limit the input goes past. Nothing is created from it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Limit {
    /// The whole document is too large to read.
    #[error("it is {}, more than the {} a report can be; importing it would have kept only the first {} and cut the report mid-way, so nothing was imported", size(*bytes), size(DOCUMENT_BYTES), size(DOCUMENT_BYTES))]
    Document { bytes: usize },
    /// The document has too many lines.
    #[error("it has {} lines, more than the {} a report can have; importing it would have kept only the first {}, so nothing was imported", count(*lines), count(DOCUMENT_LINES), count(DOCUMENT_LINES))]
    Lines { lines: usize },
    /// A part or list has too many rows.
    #[error("its {what} has {} rows, more than the {} a report can hold; importing it would have kept only the first {}, so nothing was imported: split or trim it and import again", count(*rows), count(ROWS), count(ROWS))]
    Rows { what: String, rows: usize },
    /// One field is too long.
    #[error("its field “{what}” holds {}, more than the {} a field can hold; importing it would have kept only the first {} of it, so nothing was imported", size(*bytes), size(FIELD_BYTES), size(FIELD_BYTES))]
    Field { what: String, bytes: usize },
}

/// "5 MB", "230 KB", "12 bytes", "1 byte".
fn size(bytes: usize) -> String {
    const KB: usize = 1024;
    const MB: usize = 1024 * 1024;
    if bytes >= MB {
        let tenths = bytes * 10 / MB;
        if tenths.is_multiple_of(10) {
            format!("{} MB", tenths / 10)
        } else {
            format!("{}.{} MB", tenths / 10, tenths % 10)
        }
    } else if bytes >= KB {
        format!("{} KB", bytes / KB)
    } else if bytes == 1 {
        "1 byte".to_string()
    } else {
        format!("{bytes} bytes")
    }
}

/// "50,000": counts in every message, the app's included, group their digits this way.
pub fn count(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// What typing or a paste into one field brought past `FIELD_BYTES`: the field keeps
/// the start, up to the limit, and the rest is handed back so it is never lost silently.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cut {
    /// The text the field keeps (at most `FIELD_BYTES`, cut between characters).
    pub kept: String,
    /// What did not fit, for the author to copy or download.
    pub rest: String,
}

impl Cut {
    /// The sentence shown to the author, naming the field in their words.
    pub fn message(&self, field: &str) -> String {
        format!(
            "“{field}” holds at most {}. It kept the first {} of what was typed or pasted; the last {} did not fit and is not in the report.",
            size(FIELD_BYTES),
            size(self.kept.len()),
            size(self.rest.len())
        )
    }
}

/// Fits a field's new text to `FIELD_BYTES`: `None` when it fits as it is, else what
/// the field keeps and what it could not.
pub fn fit_field(text: &str) -> Option<Cut> {
    if text.len() <= FIELD_BYTES {
        return None;
    }
    let mut at = FIELD_BYTES;
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    Some(Cut {
        kept: text[..at].to_string(),
        rest: text[at..].to_string(),
    })
}

/// Checks a document's size in bytes before it is even read (a file's size, a paste's
/// length), so a 10 MB file is refused without copying it into memory.
pub fn check_size(bytes: usize) -> Result<(), Limit> {
    if bytes > DOCUMENT_BYTES {
        return Err(Limit::Document { bytes });
    }
    Ok(())
}

/// Checks a document's size before it is parsed: its bytes, and for Markdown its lines
/// (a pretty-printed JSON report within the limits can have many more lines than that).
pub fn check_text(text: &str, format: Format) -> Result<(), Limit> {
    check_size(text.len())?;
    if format == Format::Markdown {
        let lines = text.lines().count();
        if lines > DOCUMENT_LINES {
            return Err(Limit::Lines { lines });
        }
    }
    Ok(())
}

/// Checks a parsed report: rows per part, items per list, bytes per field.
pub fn check_report(report: &Report) -> Result<(), Limit> {
    for part in Part::ALL {
        let rows = part.len(report);
        if rows > ROWS {
            return Err(Limit::Rows {
                what: part.label().to_lowercase(),
                rows,
            });
        }
    }
    for list in List::ALL {
        let rows = list.get(report).len();
        if rows > ROWS {
            return Err(Limit::Rows {
                what: list.label().to_lowercase(),
                rows,
            });
        }
    }
    if report.extra_sections.len() > ROWS {
        return Err(Limit::Rows {
            what: "additional sections".to_string(),
            rows: report.extra_sections.len(),
        });
    }
    for text in Text::ALL {
        let bytes = text.get(report).len();
        if bytes > FIELD_BYTES {
            return Err(Limit::Field {
                what: text.label().to_string(),
                bytes,
            });
        }
    }
    // Cells and list items: every other string of the report, found through its JSON.
    let value = serde_json::to_value(report).unwrap_or_default();
    let mut path = Vec::new();
    longest_string(&value, &mut path)
        .filter(|(bytes, _)| *bytes > FIELD_BYTES)
        .map_or(Ok(()), |(bytes, what)| Err(Limit::Field { what, bytes }))
}

/// The longest string in `value` and its dotted path.
fn longest_string(value: &serde_json::Value, path: &mut Vec<String>) -> Option<(usize, String)> {
    match value {
        serde_json::Value::String(s) => Some((s.len(), path.join("."))),
        serde_json::Value::Array(items) => items
            .iter()
            .enumerate()
            .filter_map(|(i, v)| {
                path.push((i + 1).to_string());
                let found = longest_string(v, path);
                path.pop();
                found
            })
            .max_by_key(|(n, _)| *n),
        serde_json::Value::Object(map) => map
            .iter()
            .filter_map(|(k, v)| {
                path.push(k.clone());
                let found = longest_string(v, path);
                path.pop();
                found
            })
            .max_by_key(|(n, _)| *n),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_field_keeps_what_fits_and_hands_back_the_rest() {
        let short = "a".repeat(FIELD_BYTES);
        assert_eq!(fit_field(&short), None, "exactly the limit fits");
        let long = format!("{}{}", "a".repeat(FIELD_BYTES - 1), "é and the rest");
        let cut = fit_field(&long).expect("over the limit");
        // "é" is two bytes and would straddle the limit: it goes whole to the rest.
        assert_eq!(cut.kept.len(), FIELD_BYTES - 1);
        assert!(cut.rest.starts_with("é and"));
        assert_eq!(format!("{}{}", cut.kept, cut.rest), long, "nothing lost");
        let pasted = "x".repeat(3 * FIELD_BYTES);
        let cut = fit_field(&pasted).expect("over the limit");
        assert_eq!(cut.kept.len(), FIELD_BYTES);
        assert_eq!(
            cut.message("Summary"),
            "“Summary” holds at most 100 KB. It kept the first 100 KB of what was typed or pasted; the last 200 KB did not fit and is not in the report."
        );
    }

    use crate::model::TimelineEntry;

    #[test]
    fn a_report_within_the_limits_passes() {
        let mut r = Report::new("003");
        r.meta.title = "x".repeat(FIELD_BYTES);
        r.timeline.entries = vec![TimelineEntry::default(); ROWS];
        assert_eq!(check_report(&r), Ok(()));
        assert_eq!(
            check_text(&"a\n".repeat(DOCUMENT_LINES), Format::Markdown),
            Ok(())
        );
        assert_eq!(
            check_text(&"1\n".repeat(DOCUMENT_LINES * 2), Format::Json),
            Ok(())
        );
    }

    #[test]
    fn a_size_is_checked_before_reading() {
        assert_eq!(check_size(DOCUMENT_BYTES), Ok(()));
        let e = check_size(10 * 1024 * 1024).unwrap_err();
        assert_eq!(
            e,
            Limit::Document {
                bytes: 10 * 1024 * 1024
            }
        );
        assert!(e
            .to_string()
            .starts_with("it is 10 MB, more than the 5 MB a report can be"));
        assert_eq!(
            check_text(&"a".repeat(DOCUMENT_BYTES + 1), Format::Markdown),
            check_size(DOCUMENT_BYTES + 1)
        );
    }

    #[test]
    fn too_many_rows_says_what_would_have_been_kept() {
        let mut r = Report::new("003");
        r.timeline.entries = vec![TimelineEntry::default(); 50_000];
        let e = check_report(&r).unwrap_err();
        assert_eq!(
            e,
            Limit::Rows {
                what: "timeline".into(),
                rows: 50_000
            }
        );
        let msg = e.to_string();
        assert!(msg.contains("50,000 rows"), "{msg}");
        assert!(msg.contains("only the first 10,000"), "{msg}");
        assert!(msg.contains("nothing was imported"), "{msg}");
    }

    #[test]
    fn a_long_cell_is_named_by_its_path() {
        let mut r = Report::new("003");
        r.timeline.entries = vec![
            TimelineEntry::default(),
            TimelineEntry {
                event: "y".repeat(FIELD_BYTES + 1),
                ..Default::default()
            },
        ];
        match check_report(&r) {
            Err(Limit::Field { what, bytes }) => {
                assert_eq!(what, "timeline.entries.2.event");
                assert_eq!(bytes, FIELD_BYTES + 1);
            }
            other => panic!("{other:?}"),
        }
        r.timeline.entries.clear();
        r.summary.summary = "z".repeat(FIELD_BYTES * 2);
        let msg = check_report(&r).unwrap_err().to_string();
        assert!(msg.contains("“Summary” holds 200 KB"), "{msg}");
    }

    #[test]
    fn big_documents_are_refused_before_parsing() {
        let big = "x".repeat(DOCUMENT_BYTES + 1);
        let msg = check_text(&big, Format::Json).unwrap_err().to_string();
        assert!(msg.contains("5.0 MB") || msg.contains("5 MB"), "{msg}");
        assert!(check_text(&"|a|\n".repeat(100_000), Format::Markdown)
            .unwrap_err()
            .to_string()
            .contains("100,000 lines"));
    }

    #[test]
    fn sizes_and_counts_read_plainly() {
        assert_eq!(size(12), "12 bytes");
        assert_eq!(size(230 * 1024), "230 KB");
        assert_eq!(size(10 * 1024 * 1024 + 600 * 1024), "10.5 MB");
        assert_eq!(count(1_234_567), "1,234,567");
        assert_eq!(count(999), "999");
    }
}
