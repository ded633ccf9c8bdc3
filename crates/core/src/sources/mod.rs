//! Timeline sources: the table of formats Hindsight reads events from (Slack, PagerDuty,
//! Opsgenie, Statuspage, Grafana, CSV/TSV, plain lines), detection by content, and the
//! candidate rows every parser produces. One file per format; `merge` puts the rows an
//! author keeps into a report. Pure: bytes in, rows out, nothing read from the clock.

// Reading files needs the `read` feature (zip and csv come with it); the rows, the
// merge, the duplicate marks and the transport of a reading are always there, so the web
// page can merge what its worker read without linking the parsers.
#[cfg(feature = "read")]
mod formats;
#[cfg(feature = "read")]
mod grafana;
mod lines;
mod merge;
#[cfg(feature = "read")]
mod opsgenie;
#[cfg(feature = "read")]
mod pagerduty;
mod reading;
#[cfg(feature = "read")]
mod slack;
#[cfg(feature = "read")]
mod slack_export;
#[cfg(feature = "read")]
mod slack_paste;
#[cfg(feature = "read")]
mod statuspage;
#[cfg(feature = "read")]
mod table;

use chrono::{DateTime, FixedOffset, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::metrics::kind_from_text;
use crate::model::{EventKind, Report};
use crate::time::TimeContext;

#[cfg(feature = "read")]
pub(crate) use formats::{
    array_at, column_instants, each, instant, items_have, json_error, local, short, slack_ts,
    Context, Input, TimeValue,
};
#[cfg(feature = "read")]
pub use formats::{candidates, detect, parse, FormatDef, FORMATS, MAX_INPUT};

pub use lines::timeline_rows;
pub use merge::{
    mark_duplicates, mark_repeats, merge, metric_origins, similar, Added, Merged, Metric,
    MetricOrigin,
};
#[cfg(feature = "read")]
pub use reading::read_for;
pub use reading::{reading_context, FileReading, Reading, ROWS_PER_PART};
#[cfg(feature = "read")]
pub use slack_export::{export_channels, ExportChannel};

/// Where events come from, as a user names it (`--from`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Source {
    /// A Slack day file, a whole Slack export `.zip`, or text copied from the Slack client.
    Slack,
    /// PagerDuty incident log entries.
    #[serde(rename = "pagerduty")]
    PagerDuty,
    /// Opsgenie alert logs or an incident timeline.
    Opsgenie,
    /// A Statuspage incident with its updates.
    Statuspage,
    /// Grafana annotations.
    Grafana,
    /// A CSV or TSV table with time and text columns.
    Csv,
    /// Plain lines that start with a time.
    Text,
}

impl Source {
    pub const ALL: [Source; 7] = [
        Source::Slack,
        Source::PagerDuty,
        Source::Opsgenie,
        Source::Statuspage,
        Source::Grafana,
        Source::Csv,
        Source::Text,
    ];

    /// Stable id, as in `--from` and JSON.
    pub fn id(self) -> &'static str {
        match self {
            Source::Slack => "slack",
            Source::PagerDuty => "pagerduty",
            Source::Opsgenie => "opsgenie",
            Source::Statuspage => "statuspage",
            Source::Grafana => "grafana",
            Source::Csv => "csv",
            Source::Text => "text",
        }
    }

    /// The tool's own name, for people ("PagerDuty").
    pub fn name(self) -> &'static str {
        match self {
            Source::Slack => "Slack",
            Source::PagerDuty => "PagerDuty",
            Source::Opsgenie => "Opsgenie",
            Source::Statuspage => "Statuspage",
            Source::Grafana => "Grafana",
            Source::Csv => "CSV",
            Source::Text => "text",
        }
    }

    /// Reads an id back (case-insensitive).
    pub fn from_id(id: &str) -> Option<Source> {
        Source::ALL
            .into_iter()
            .find(|s| s.id().eq_ignore_ascii_case(id.trim()))
    }
}

/// One input format: a source can come in several (Slack has three).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Format {
    /// A channel's day file from a Slack export: a JSON array of messages.
    SlackDay,
    /// A whole Slack workspace export (`.zip`).
    SlackExport,
    /// Messages copied from the Slack client as text.
    SlackPaste,
    /// `{"log_entries": [...]}` from PagerDuty's incident log entries API.
    PagerDutyLog,
    /// `{"data": [{log, type, owner, createdAt}]}` from Opsgenie's alert logs API.
    OpsgenieAlertLog,
    /// Opsgenie incident timeline entries (`eventTime`, `type`, `actor`, `description`).
    OpsgenieTimeline,
    /// A Statuspage incident (`incident_updates`).
    StatuspageIncident,
    /// Grafana annotations (`[{time, text, tags, newState, ...}]`).
    GrafanaAnnotations,
    /// A CSV or TSV table.
    Table,
    /// Lines starting with a time.
    PlainLines,
}

/// A candidate timeline row read from a source, for the author to keep or drop.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Candidate {
    /// The absolute instant of the event.
    pub time: DateTime<Utc>,
    /// Readable text (Slack mentions and links rendered, entities decoded, one line).
    pub text: String,
    /// Who did or said it; empty when the source does not say.
    pub who: String,
    /// The source's own event type first, else the core's keywords on the text.
    pub kind: Option<EventKind>,
    pub source: Source,
    /// The source's id for the event (Slack `ts`, PagerDuty log entry id, `line 12`).
    pub source_id: String,
    /// For a Slack thread reply, the `source_id` of the message it replies to.
    pub reply_to: Option<String>,
    /// Pre-ticked: pinned or reacted messages, typed pager events; not chatter.
    pub suggested: bool,
    /// Already in the timeline, or an earlier candidate (same minute, similar text).
    pub duplicate_of: Option<Duplicate>,
}

impl Candidate {
    /// The time as the report's timeline would show it, in the report's zone and with
    /// the date (`2023-11-13 10:42:30`), for a review table.
    pub fn shown_in(&self, report: &Report) -> String {
        merge::written(self.time, TimeContext::from_report(report).offset, true)
    }
}

/// What a candidate duplicates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Duplicate {
    /// That row of the report's timeline (index).
    Row(usize),
    /// That earlier candidate in the same list (index).
    Candidate(usize),
}

/// Something a parser read past on purpose, and where.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Skipped {
    /// The JSON path (`[12]`, `log_entries[3].created_at`) or line (`line 7`).
    pub at: String,
    pub reason: SkipReason,
}

/// Why an item was not turned into a row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Error)]
#[serde(rename_all = "kebab-case")]
pub enum SkipReason {
    /// Someone joined or left the channel.
    #[error("joined or left the channel")]
    Membership,
    /// The channel's topic, purpose or name changed, or another Slack housekeeping event.
    #[error("channel housekeeping")]
    Housekeeping,
    /// A deleted message, or the placeholder left where one was.
    #[error("deleted message")]
    Deleted,
    /// A change to an earlier message (Slack `message_changed`); the message itself
    /// carries the edited text.
    #[error("edit of an earlier message")]
    Edit,
    /// Hidden in the source's own view (Opsgenie `hidden`).
    #[error("hidden in the source")]
    Hidden,
    /// No text to show.
    #[error("no text")]
    Empty,
    /// The item's time is missing or cannot be read.
    #[error("time unreadable: {0}")]
    BadTime(String),
    /// The item does not have the shape the format documents.
    #[error("not readable: {0}")]
    BadItem(String),
    /// A line that does not start with a time.
    #[error("no time at the start of the line")]
    NoTime,
    /// Text the Slack client adds around messages (reply counts, "View thread").
    #[error("Slack client text, not a message")]
    ClientChrome,
}

/// What a parser read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Parsed {
    pub format: Format,
    /// In time order, thread replies right after their parent.
    pub rows: Vec<Candidate>,
    pub skipped: Vec<Skipped>,
    /// Things the author should know that dropped nothing (an assumed zone, the channel
    /// chosen from several).
    pub warnings: Vec<String>,
}

impl Parsed {
    #[cfg(feature = "read")]
    fn new(format: Format) -> Parsed {
        Parsed {
            format,
            rows: Vec::new(),
            skipped: Vec::new(),
            warnings: Vec::new(),
        }
    }

    #[cfg(feature = "read")]
    fn skip(&mut self, at: impl Into<String>, reason: SkipReason) {
        self.skipped.push(Skipped {
            at: at.into(),
            reason,
        });
    }

    /// The skipped items counted by reason, in first-seen order ("joined or left the
    /// channel: 12 (first at [3])").
    pub fn skipped_summary(&self) -> Vec<String> {
        let mut groups: Vec<(String, usize, &str)> = Vec::new();
        for s in &self.skipped {
            let key = match &s.reason {
                SkipReason::BadTime(_) | SkipReason::BadItem(_) => {
                    format!("{}: {}", s.at, s.reason)
                }
                other => other.to_string(),
            };
            match groups.iter_mut().find(|(k, _, _)| *k == key) {
                Some(g) => g.1 += 1,
                None => groups.push((key, 1, &s.at)),
            }
        }
        groups
            .into_iter()
            .map(|(key, n, at)| {
                if n == 1 && key.starts_with(at) {
                    format!("skipped {key}")
                } else if n == 1 {
                    format!("skipped {at}: {key}")
                } else {
                    format!("skipped {n}: {key} (first at {at})")
                }
            })
            .collect()
    }
}

/// What the caller tells the parsers.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Options {
    /// Read as this source only; `None` detects it from the content.
    pub from: Option<Source>,
    /// Zone of times written without one (copied Slack clock times, CSV, plain lines).
    /// `None`: UTC, or the report's zone in [`candidates`].
    pub zone: Option<FixedOffset>,
    /// Date of clock-only times when the input gives none (no Slack day divider).
    pub date: Option<NaiveDate>,
    /// The channel to read from a Slack export; `None` picks the only one, or the one
    /// incident channel (`inc…`).
    pub channel: Option<String>,
}

/// Why an input could not be read at all.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum SourceError {
    /// The input is empty or only white space.
    #[error("the input is empty")]
    Empty,
    /// JSON that does not parse, or that stops early (a truncated download).
    #[error("JSON {problem} at line {line}, column {column}")]
    Json {
        problem: String,
        line: usize,
        column: usize,
    },
    /// The JSON parses but a part the format needs has another shape.
    #[error("{path}: {message}")]
    Shape { path: String, message: String },
    /// Bytes that are neither a zip nor UTF-8 text.
    #[error("not UTF-8 text (invalid byte at offset {offset}) and not a zip archive")]
    NotText { offset: usize },
    /// A zip archive that cannot be read.
    #[error("zip archive: {0}")]
    Zip(String),
    /// A file inside a zip archive is unreadable; the error names it.
    #[error("{entry}: {error}")]
    InEntry {
        entry: String,
        error: Box<SourceError>,
    },
    /// A zip that unpacks to more than Hindsight will hold in memory.
    #[error("{entry} unpacks to more than {limit} bytes")]
    TooLarge { entry: String, limit: u64 },
    /// A zip that is not a Slack export.
    #[error(
        "the zip has no channel day files (`<channel>/YYYY-MM-DD.json`); is it a Slack export?"
    )]
    NotSlackExport,
    /// A Slack export with several channels and none chosen.
    #[error("the export has {} channels ({}); choose one", channels.len(), channels.join(", "))]
    ChooseChannel { channels: Vec<String> },
    /// The chosen channel is not in the export.
    #[error("no channel `{wanted}` in the export; it has {}", channels.join(", "))]
    NoSuchChannel {
        wanted: String,
        channels: Vec<String>,
    },
    /// Clock times with no date anywhere in the input or the options.
    #[error("{what} gives clock times but no date; give the date of the first row")]
    NeedDate { what: &'static str },
    /// A CSV or TSV file the reader rejects.
    #[error("line {line}: {message}")]
    Csv { line: u64, message: String },
    /// A table whose header names no column Hindsight needs.
    #[error("the table has no {needed} column (looked for {looked_for}); its header is: {header}")]
    MissingColumn {
        needed: &'static str,
        looked_for: &'static str,
        header: String,
    },
    /// The input matches no known format.
    #[error("not a timeline source Hindsight reads ({hint}); name one with --from")]
    Unrecognised { hint: String },
    /// The input does not match the source the caller named.
    #[error("this does not look like {} input ({hint})", from.id())]
    NotThisSource { from: Source, hint: String },
}

/// The kind a source's own type gives, else the one the core's keywords read in the text.
pub(crate) fn kind_of(own: Option<EventKind>, text: &str) -> Option<EventKind> {
    own.or_else(|| kind_from_text(text))
}

/// One line of text: runs of white space (newlines included) become one space.
pub(crate) fn one_line(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_line_joins_white_space() {
        assert_eq!(one_line(" a\n\n b\tc "), "a b c");
    }
}
