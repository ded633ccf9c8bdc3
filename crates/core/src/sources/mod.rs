//! Timeline sources: the table of formats Hindsight reads events from (Slack, PagerDuty,
//! Opsgenie, Statuspage, Grafana, CSV/TSV, plain lines), detection by content, and the
//! candidate rows every parser produces. One file per format; `merge` puts the rows an
//! author keeps into a report. Pure: bytes in, rows out, nothing read from the clock.

mod grafana;
mod lines;
mod merge;
mod opsgenie;
mod pagerduty;
mod slack;
mod slack_export;
mod slack_paste;
mod statuspage;
mod table;

use chrono::{DateTime, FixedOffset, NaiveDate, TimeZone, Utc};
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;
use thiserror::Error;

use crate::metrics::kind_from_text;
use crate::model::{EventKind, Report};
use crate::time::{utc, TimeContext};

pub use lines::timeline_rows;
pub use merge::{
    mark_duplicates, mark_repeats, merge, metric_origins, similar, Added, Merged, Metric,
    MetricOrigin,
};
pub use slack_export::{export_channels, ExportChannel};

/// Where events come from, as a user names it (`--from`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
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

/// How a format is told apart and read.
pub struct FormatDef {
    pub format: Format,
    pub source: Source,
    /// Stable id ("slack-day").
    pub id: &'static str,
    /// What the author would call it.
    pub name: &'static str,
    detect: fn(&Input) -> bool,
    parse: fn(&Input, &Context) -> Result<Parsed, SourceError>,
}

/// Every format, in detection order: the most specific shapes first, plain lines last.
pub static FORMATS: &[FormatDef] = &[
    FormatDef {
        format: Format::SlackExport,
        source: Source::Slack,
        id: "slack-export",
        name: "Slack export (.zip)",
        detect: slack_export::detect,
        parse: slack_export::parse,
    },
    FormatDef {
        format: Format::PagerDutyLog,
        source: Source::PagerDuty,
        id: "pagerduty-log-entries",
        name: "PagerDuty incident log entries",
        detect: pagerduty::detect,
        parse: pagerduty::parse,
    },
    FormatDef {
        format: Format::OpsgenieAlertLog,
        source: Source::Opsgenie,
        id: "opsgenie-alert-logs",
        name: "Opsgenie alert logs",
        detect: opsgenie::detect_alert_log,
        parse: opsgenie::parse_alert_log,
    },
    FormatDef {
        format: Format::OpsgenieTimeline,
        source: Source::Opsgenie,
        id: "opsgenie-incident-timeline",
        name: "Opsgenie incident timeline",
        detect: opsgenie::detect_timeline,
        parse: opsgenie::parse_timeline,
    },
    FormatDef {
        format: Format::StatuspageIncident,
        source: Source::Statuspage,
        id: "statuspage-incident",
        name: "Statuspage incident",
        detect: statuspage::detect,
        parse: statuspage::parse,
    },
    FormatDef {
        format: Format::GrafanaAnnotations,
        source: Source::Grafana,
        id: "grafana-annotations",
        name: "Grafana annotations",
        detect: grafana::detect,
        parse: grafana::parse,
    },
    FormatDef {
        format: Format::SlackDay,
        source: Source::Slack,
        id: "slack-day",
        name: "Slack channel day file",
        detect: slack::detect,
        parse: slack::parse,
    },
    FormatDef {
        format: Format::SlackPaste,
        source: Source::Slack,
        id: "slack-paste",
        name: "Text copied from Slack",
        detect: slack_paste::detect,
        parse: slack_paste::parse,
    },
    FormatDef {
        format: Format::Table,
        source: Source::Csv,
        id: "csv",
        name: "CSV or TSV table",
        detect: table::detect,
        parse: table::parse,
    },
    FormatDef {
        format: Format::PlainLines,
        source: Source::Text,
        id: "lines",
        name: "Plain lines",
        detect: lines::detect,
        parse: lines::parse,
    },
];

impl Format {
    /// This format's entry in [`FORMATS`].
    pub fn def(self) -> &'static FormatDef {
        // Every format has a row; the test `every_format_has_one_row` checks it.
        FORMATS
            .iter()
            .find(|d| d.format == self)
            .unwrap_or(&FORMATS[FORMATS.len() - 1])
    }
    pub fn source(self) -> Source {
        self.def().source
    }
    pub fn id(self) -> &'static str {
        self.def().id
    }
    pub fn name(self) -> &'static str {
        self.def().name
    }
}

/// A candidate timeline row read from a source, for the author to keep or drop.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
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
    fn new(format: Format) -> Parsed {
        Parsed {
            format,
            rows: Vec::new(),
            skipped: Vec::new(),
            warnings: Vec::new(),
        }
    }

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

/// The options with defaults filled in, as parsers see them.
pub(crate) struct Context<'a> {
    pub zone: FixedOffset,
    pub date: Option<NaiveDate>,
    pub channel: Option<&'a str>,
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

/// The input, read once: a zip, parsed JSON, or text.
pub(crate) enum Input<'a> {
    Zip(&'a [u8]),
    Json(Value),
    Text(&'a str),
}

/// Largest input read into memory, a zip's unpacked files included.
pub const MAX_INPUT: u64 = 512 * 1024 * 1024;

fn read_input(bytes: &[u8]) -> Result<(Input<'_>, Option<SourceError>), SourceError> {
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
        return Ok((Input::Zip(bytes), None));
    }
    let text = std::str::from_utf8(bytes).map_err(|e| SourceError::NotText {
        offset: e.valid_up_to(),
    })?;
    let text = text.trim_start_matches('\u{feff}');
    let start = text.trim_start();
    if start.is_empty() {
        return Err(SourceError::Empty);
    }
    if start.starts_with(['{', '[']) {
        match serde_json::from_str::<Value>(text) {
            Ok(v) => return Ok((Input::Json(v), None)),
            // "[10:42 AM] Jane: …" is copied Slack text, not broken JSON: keep the error
            // for when no text format claims the input.
            Err(e) => return Ok((Input::Text(text), Some(json_error(&e)))),
        }
    }
    Ok((Input::Text(text), None))
}

fn json_error(e: &serde_json::Error) -> SourceError {
    let problem = match e.classify() {
        serde_json::error::Category::Eof => "ends early (truncated?)".to_string(),
        _ => {
            // serde_json appends " at line L column C"; the variant says it once.
            let full = e.to_string();
            match full.rfind(" at line ") {
                Some(i) => format!("syntax error: {}", &full[..i]),
                None => format!("syntax error: {full}"),
            }
        }
    };
    SourceError::Json {
        problem,
        line: e.line(),
        column: e.column(),
    }
}

/// The format of the input, by content; `None` when nothing matches.
pub fn detect(bytes: &[u8]) -> Option<Format> {
    let (input, _) = read_input(bytes).ok()?;
    FORMATS
        .iter()
        .find(|d| (d.detect)(&input))
        .map(|d| d.format)
}

/// Reads an export into candidate rows: detects the format (or keeps to
/// `options.from`), parses, reads kinds, orders the rows and marks candidates that repeat
/// an earlier one. Never panics on any input.
pub fn parse(bytes: &[u8], options: &Options) -> Result<Parsed, SourceError> {
    let (input, json_problem) = read_input(bytes)?;
    let context = Context {
        zone: options.zone.unwrap_or_else(utc),
        date: options.date,
        channel: options.channel.as_deref(),
    };
    let def = FORMATS
        .iter()
        .filter(|d| options.from.is_none_or(|s| s == d.source))
        .find(|d| (d.detect)(&input));
    let Some(def) = def else {
        if let Some(problem) = json_problem {
            return Err(problem);
        }
        let hint = describe(&input);
        return Err(match options.from {
            Some(from) => SourceError::NotThisSource { from, hint },
            None => SourceError::Unrecognised { hint },
        });
    };
    let mut parsed = (def.parse)(&input, &context)?;
    keep_readable_years(&mut parsed);
    order(&mut parsed.rows);
    merge::mark_repeats(&mut parsed.rows);
    Ok(parsed)
}

/// [`parse`] for a report: times without a zone in the report's zone, clock-only times on
/// the report's date (unless the options say otherwise), and candidates already in the
/// timeline marked as duplicates and not pre-ticked.
pub fn candidates(report: &Report, bytes: &[u8], options: &Options) -> Result<Parsed, SourceError> {
    let context = TimeContext::from_report(report);
    let options = Options {
        zone: options.zone.or(Some(context.offset)),
        date: options.date.or(context.date),
        ..options.clone()
    };
    let mut parsed = parse(bytes, &options)?;
    mark_duplicates(report, &mut parsed.rows);
    Ok(parsed)
}

/// Timeline rows are read back through `time::parse_stamp`, which knows the years
/// 1970–2200: a row outside them (an epoch typo, a zeroed field) could never be placed,
/// so it is skipped and reported instead.
fn keep_readable_years(parsed: &mut Parsed) {
    use chrono::Datelike;
    let (rows, outside): (Vec<Candidate>, Vec<Candidate>) = std::mem::take(&mut parsed.rows)
        .into_iter()
        .partition(|r| (1971..=2199).contains(&r.time.year()));
    parsed.rows = rows;
    for r in outside {
        let why = format!("{} is outside the years 1971–2199", r.time.to_rfc3339());
        parsed.skip(r.source_id, SkipReason::BadTime(why));
    }
}

/// A short description of what the input looks like, for "not recognised" errors.
fn describe(input: &Input) -> String {
    match input {
        Input::Zip(_) => "a zip archive".into(),
        Input::Json(Value::Array(items)) => match items.first() {
            Some(Value::Object(o)) => {
                let keys: Vec<&str> = o.keys().take(6).map(String::as_str).collect();
                format!("a JSON array of objects with keys {}", keys.join(", "))
            }
            Some(_) => "a JSON array of non-objects".into(),
            None => "an empty JSON array".into(),
        },
        Input::Json(Value::Object(o)) => {
            let keys: Vec<&str> = o.keys().take(6).map(String::as_str).collect();
            format!("a JSON object with keys {}", keys.join(", "))
        }
        Input::Json(_) => "a JSON scalar".into(),
        Input::Text(t) => {
            let first = t.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
            let first: String = first.chars().take(60).collect();
            format!("text starting `{first}`")
        }
    }
}

/// Time order; a thread reply follows its parent (and the parent's earlier replies).
fn order(rows: &mut [Candidate]) {
    use std::collections::HashMap;
    let at: HashMap<&str, DateTime<Utc>> = rows
        .iter()
        .map(|r| (r.source_id.as_str(), r.time))
        .collect();
    let mut keyed: Vec<(DateTime<Utc>, DateTime<Utc>, usize)> = rows
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let root = r
                .reply_to
                .as_deref()
                .and_then(|p| at.get(p).copied())
                .unwrap_or(r.time);
            (root, r.time, i)
        })
        .collect();
    keyed.sort();
    let sorted: Vec<Candidate> = keyed.iter().map(|k| rows[k.2].clone()).collect();
    for (slot, row) in rows.iter_mut().zip(sorted) {
        *slot = row;
    }
}

// --- Shared reading helpers for the parsers -------------------------------------------

/// The kind a source's own type gives, else the one the core's keywords read in the text.
pub(crate) fn kind_of(own: Option<EventKind>, text: &str) -> Option<EventKind> {
    own.or_else(|| kind_from_text(text))
}

/// Reads each element of a JSON array as `T`; one that does not fit is skipped, named by
/// its JSON path (`log_entries[3].created_at: invalid type…`).
pub(crate) fn each<T: DeserializeOwned>(
    items: &[Value],
    path: &str,
    parsed: &mut Parsed,
) -> Vec<(String, T)> {
    let mut out = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let at = format!("{path}[{i}]");
        match serde_path_to_error::deserialize::<_, T>(item) {
            Ok(v) => out.push((at, v)),
            Err(e) => {
                let inner = e.path().to_string();
                let field = if inner == "." {
                    at.clone()
                } else {
                    format!("{at}.{inner}")
                };
                parsed.skip(at, SkipReason::BadItem(format!("{field}: {}", e.inner())));
            }
        }
    }
    out
}

/// The array at `path` (`"log_entries"`, `"data.entries"`) or the value itself when
/// `path` is empty; an error naming the path when it is missing or not an array.
pub(crate) fn array_at<'v>(value: &'v Value, path: &str) -> Result<&'v [Value], SourceError> {
    let mut v = value;
    if !path.is_empty() {
        for key in path.split('.') {
            v = v.get(key).ok_or_else(|| SourceError::Shape {
                path: path.to_string(),
                message: "missing".into(),
            })?;
        }
    }
    match v {
        Value::Array(items) => Ok(items),
        other => Err(SourceError::Shape {
            path: if path.is_empty() {
                "$".into()
            } else {
                path.into()
            },
            message: format!("expected an array, found {}", json_kind(other)),
        }),
    }
}

fn json_kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// True when the first few objects of `items` all have `key`.
pub(crate) fn items_have(items: &[Value], key: &str) -> bool {
    !items.is_empty()
        && items
            .iter()
            .take(8)
            .all(|i| i.as_object().is_some_and(|o| o.contains_key(key)))
}

/// A time written as JSON: a string (RFC 3339, a date-time with a zone word, epoch
/// seconds with a fraction as Slack writes `ts`) or a number (epoch seconds or
/// milliseconds).
#[derive(Debug, Clone, PartialEq, serde::Deserialize)]
#[serde(untagged)]
pub(crate) enum TimeValue {
    Number(f64),
    Text(String),
}

impl TimeValue {
    pub fn instant(&self, zone: FixedOffset) -> Result<DateTime<Utc>, String> {
        match self {
            TimeValue::Number(n) => epoch(*n).ok_or_else(|| format!("{n} is out of range")),
            TimeValue::Text(t) => instant(t, zone),
        }
    }
}

/// Epoch seconds, or milliseconds when the number is too large to be seconds (after
/// the year 5138).
pub(crate) fn epoch(n: f64) -> Option<DateTime<Utc>> {
    if !n.is_finite() || n < 0.0 {
        return None;
    }
    let millis = if n > 1e11 { n } else { n * 1000.0 };
    if millis > 1e15 {
        return None;
    }
    Utc.timestamp_millis_opt(millis.round() as i64).single()
}

/// Slack's `ts`: `"1699873920.000200"`, epoch seconds and microseconds. Exact (no float).
pub(crate) fn slack_ts(ts: &str) -> Option<DateTime<Utc>> {
    let (secs, frac) = ts.trim().split_once('.').unwrap_or((ts.trim(), ""));
    if secs.is_empty() || secs.len() > 12 || !secs.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    if frac.len() > 9 || !frac.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let secs: i64 = secs.parse().ok()?;
    let nanos: u32 = if frac.is_empty() {
        0
    } else {
        format!("{frac:0<9}").parse().ok()?
    };
    Utc.timestamp_opt(secs, nanos).single()
}

/// Reads a written instant: RFC 3339 (`2023-11-13T10:42:00.123Z`), epoch digits, or a
/// date-time in any form `time::parse_stamp` reads, in `zone` when it names none.
pub(crate) fn instant(text: &str, zone: FixedOffset) -> Result<DateTime<Utc>, String> {
    let t = text.trim();
    if t.is_empty() {
        return Err("empty".into());
    }
    if let Ok(dt) = DateTime::parse_from_rfc3339(t) {
        return Ok(dt.with_timezone(&Utc));
    }
    if t.bytes().all(|b| b.is_ascii_digit() || b == b'.') {
        // Epoch digits; a fraction is exact when read as Slack writes `ts`.
        if let Some(dt) = t.parse::<f64>().ok().filter(|n| *n < 1e11).and(slack_ts(t)) {
            return Ok(dt);
        }
        if let Some(dt) = t.parse::<f64>().ok().and_then(epoch) {
            return Ok(dt);
        }
    }
    use crate::time::{parse_stamp, DatePart};
    let quoted = || format!("`{}` is not a date and time", short(t));
    let stamp = parse_stamp(t).ok_or_else(quoted)?;
    let DatePart::Full(date) = stamp.date else {
        return Err(format!("`{}` has no full date", short(t)));
    };
    let time = stamp.time.unwrap_or_default();
    local(date, time, stamp.offset.unwrap_or(zone)).ok_or_else(quoted)
}

/// Reads a column of typed times (CSV cells, plain-line prefixes) as instants: epoch
/// digits directly, the rest through `time::resolve_timeline`, so clock-only times take
/// the date of the row above or the caller's date and roll over midnight in order.
/// `None` for a cell that is not a time; an error when clock times have no date at all.
pub(crate) fn column_instants(
    cells: &[&str],
    context: &Context,
    what: &'static str,
) -> Result<Vec<Option<DateTime<Utc>>>, SourceError> {
    let is_epoch = |c: &str| c.len() >= 9 && c.bytes().all(|b| b.is_ascii_digit() || b == b'.');
    let typed: Vec<&str> = cells
        .iter()
        .map(|c| if is_epoch(c.trim()) { "" } else { c })
        .collect();
    let resolved = crate::time::resolve_timeline(
        typed.iter().copied(),
        &TimeContext {
            date: context.date,
            offset: context.zone,
            zone: None,
        },
    );
    if !resolved.dated && resolved.at.iter().any(Option::is_some) {
        return Err(SourceError::NeedDate { what });
    }
    Ok(cells
        .iter()
        .zip(resolved.at)
        .map(|(cell, at)| {
            let c = cell.trim();
            if is_epoch(c) {
                c.parse::<f64>().ok().and_then(epoch)
            } else {
                at.map(|a| a.with_timezone(&Utc))
            }
        })
        .collect())
}

/// A local date and time in a zone, as an instant.
pub(crate) fn local(
    date: NaiveDate,
    time: chrono::NaiveTime,
    zone: FixedOffset,
) -> Option<DateTime<Utc>> {
    zone.from_local_datetime(&date.and_time(time))
        .single()
        .map(|dt| dt.with_timezone(&Utc))
}

/// At most 40 characters of `t`, for messages.
pub(crate) fn short(t: &str) -> String {
    let mut s: String = t.chars().take(40).collect();
    if t.chars().nth(40).is_some() {
        s.push('…');
    }
    s
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
    fn every_format_has_one_row() {
        for d in FORMATS {
            assert_eq!(
                FORMATS.iter().filter(|e| e.format == d.format).count(),
                1,
                "{}",
                d.id
            );
            assert_eq!(d.format.def().id, d.id);
        }
        assert_eq!(FORMATS.len(), 10);
        for s in Source::ALL {
            assert_eq!(Source::from_id(s.id()), Some(s));
            assert!(FORMATS.iter().any(|d| d.source == s), "{}", s.id());
        }
    }

    #[test]
    fn slack_ts_is_exact() {
        let t = slack_ts("1699873920.000200").expect("ts");
        assert_eq!(t.timestamp(), 1_699_873_920);
        assert_eq!(t.timestamp_subsec_micros(), 200);
        assert_eq!(slack_ts("abc"), None);
        assert_eq!(slack_ts("1.2.3"), None);
        assert_eq!(slack_ts(""), None);
    }

    #[test]
    fn instants_in_every_shape() {
        let z = FixedOffset::east_opt(3600).expect("offset");
        let want = Utc.with_ymd_and_hms(2023, 11, 13, 9, 42, 0).single();
        for text in [
            "2023-11-13T09:42:00Z",
            "2023-11-13T10:42:00+01:00",
            "2023-11-13 10:42",
            "2023-11-13 09:42 UTC",
            "1699868520",
            "1699868520000",
        ] {
            assert_eq!(instant(text, z).ok(), want, "{text}");
        }
        assert!(instant("10:42", z).is_err());
        assert!(instant("soon", z).is_err());
        assert_eq!(epoch(-1.0), None);
        assert_eq!(epoch(f64::NAN), None);
    }

    #[test]
    fn one_line_joins_white_space() {
        assert_eq!(one_line(" a\n\n b\tc "), "a b c");
    }
}
