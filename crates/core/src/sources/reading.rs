//! What reading one file gave the editor (the format's name, the rows, notes in the core's
//! words, a Slack export's channels) and how that answer travels from the page's reader
//! worker: in parts of at most [`ROWS_PER_PART`] rows, each small enough for the page to
//! take in between two frames.

use serde::{Deserialize, Serialize};

use super::Candidate;
use crate::model::Report;

/// Rows in one part of a reading's transport: a part takes the page a few milliseconds
/// to decode, so 50,000 rows arrive without a long task.
pub const ROWS_PER_PART: usize = 500;

/// One file (or pasted text) read for a report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FileReading {
    /// The channels of a Slack export when it has more than one, for a picker.
    pub channels: Vec<String>,
    pub outcome: Reading,
}

/// What reading gave.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Reading {
    /// Rows read.
    Read {
        /// The format's name ("PagerDuty incident log entries").
        format: String,
        /// In time order, thread replies right after their parent.
        rows: Vec<Candidate>,
        /// Warnings, then what was skipped and why.
        notes: Vec<String>,
    },
    /// A Slack export with several channels and no incident channel: the author picks.
    ChooseChannel,
    /// Not read, and why.
    Failed(String),
}

impl FileReading {
    /// A reading that failed for `why`.
    pub fn failed(why: impl Into<String>) -> FileReading {
        FileReading {
            channels: Vec::new(),
            outcome: Reading::Failed(why.into()),
        }
    }

    /// How many rows it gave.
    pub fn count(&self) -> usize {
        match &self.outcome {
            Reading::Read { rows, .. } => rows.len(),
            _ => 0,
        }
    }

    /// The reading as JSON parts: the first is the reading without its rows, each later
    /// one a JSON array of at most [`ROWS_PER_PART`] rows, in order.
    pub fn into_parts(self) -> Vec<String> {
        let (head, rows) = match self.outcome {
            Reading::Read {
                format,
                rows,
                notes,
            } => (
                FileReading {
                    channels: self.channels,
                    outcome: Reading::Read {
                        format,
                        rows: Vec::new(),
                        notes,
                    },
                },
                rows,
            ),
            outcome => (
                FileReading {
                    channels: self.channels,
                    outcome,
                },
                Vec::new(),
            ),
        };
        let mut parts = vec![encode(&head)];
        parts.extend(rows.chunks(ROWS_PER_PART).map(encode));
        parts
    }

    /// Reads the first part of [`FileReading::into_parts`] back.
    pub fn from_head(json: &str) -> Result<FileReading, String> {
        serde_json::from_str(json).map_err(|e| format!("the reader's answer is unreadable ({e})"))
    }

    /// Adds the rows of a later part.
    pub fn add_part(&mut self, json: &str) -> Result<(), String> {
        let more: Vec<Candidate> = serde_json::from_str(json)
            .map_err(|e| format!("the reader's answer is unreadable ({e})"))?;
        match &mut self.outcome {
            Reading::Read { rows, .. } => {
                rows.extend(more);
                Ok(())
            }
            _ => Err("the reader sent rows for a file it did not read".into()),
        }
    }
}

fn encode<T: Serialize + ?Sized>(value: &T) -> String {
    // Candidates and readings are plain data (strings, numbers, enums): serde_json cannot
    // fail on them.
    serde_json::to_string(value).unwrap_or_else(|_| "null".into())
}

/// The part of a report reading needs: its template, metadata (zone and date for times
/// written without them) and timeline (rows already there are marked as duplicates).
/// What the page hands its reader worker instead of the whole report.
pub fn reading_context(report: &Report) -> Report {
    let mut context = Report::new(&report.template);
    context.meta = report.meta.clone();
    context.timeline = report.timeline.clone();
    context
}

/// Reads `bytes` for `report`: the rows with times in the report's zone and on its date
/// where the input gives none, rows already in the timeline marked; a Slack export's
/// channels; `channel` picks one of them. Never panics on any input.
#[cfg(feature = "read")]
pub fn read_for(report: &Report, bytes: &[u8], channel: Option<&str>) -> FileReading {
    use super::{candidates, export_channels, Options, SourceError};
    let options = Options {
        channel: channel.map(str::to_string),
        ..Options::default()
    };
    let channels: Vec<String> = export_channels(bytes)
        .map(|cs| cs.into_iter().map(|c| c.name).collect())
        .unwrap_or_default();
    let channels = if channels.len() > 1 {
        channels
    } else {
        Vec::new()
    };
    let outcome = match candidates(report, bytes, &options) {
        Ok(parsed) => {
            let mut notes = parsed.warnings.clone();
            notes.extend(parsed.skipped_summary());
            Reading::Read {
                format: parsed.format.name().to_string(),
                rows: parsed.rows,
                notes,
            }
        }
        Err(SourceError::ChooseChannel { .. }) => Reading::ChooseChannel,
        Err(e) => Reading::Failed(e.to_string()),
    };
    FileReading { channels, outcome }
}

#[cfg(all(test, feature = "read"))]
mod tests {
    use super::*;

    const SLACK_ZIP: &[u8] = include_bytes!("../../tests/fixtures/sources/slack-export-acme.zip");

    fn report() -> Report {
        let mut r = Report::new("000");
        r.meta.date = "2023-11-13".into();
        r.meta.timezone = "UTC".into();
        r
    }

    fn day_file(n: usize) -> Vec<u8> {
        let messages: Vec<String> = (0..n)
            .map(|i| {
                format!(
                    r#"{{"type":"message","user":"U0{}","text":"looking into it {i}","ts":"{}.000100"}}"#,
                    i % 7,
                    1_699_873_920 + i
                )
            })
            .collect();
        format!("[{}]", messages.join(",")).into_bytes()
    }

    #[test]
    fn parts_carry_every_row_in_order() {
        let r = report();
        let whole = read_for(&r, &day_file(4_500), None);
        assert_eq!(whole.count(), 4_500);
        let parts = whole.clone().into_parts();
        assert_eq!(
            parts.len(),
            1 + 9,
            "a head and nine parts of at most 500 rows"
        );
        let mut back = FileReading::from_head(&parts[0]).expect("head");
        assert_eq!(back.count(), 0);
        for p in &parts[1..] {
            back.add_part(p).expect("part");
        }
        assert_eq!(back, whole);
    }

    #[test]
    fn a_reading_with_no_rows_is_one_part() {
        let r = report();
        let failed = read_for(&r, b"{\"log_entries\": [", None);
        assert!(
            matches!(&failed.outcome, Reading::Failed(m) if m.contains("JSON")),
            "{failed:?}"
        );
        let parts = failed.clone().into_parts();
        assert_eq!(parts.len(), 1);
        let mut back = FileReading::from_head(&parts[0]).expect("head");
        assert_eq!(back, failed);
        assert!(back.add_part("[]").is_err(), "rows for a failed file");
        assert!(FileReading::from_head("{").is_err());
    }

    #[test]
    fn the_context_is_enough_to_read_for_the_report() {
        let mut r = report();
        r.meta.timezone = "+02:00".into();
        r.impact.description = "x".repeat(10_000);
        let context = reading_context(&r);
        assert!(context.impact.description.is_empty());
        assert_eq!(
            read_for(&context, SLACK_ZIP, None),
            read_for(&r, SLACK_ZIP, None)
        );
    }
}
