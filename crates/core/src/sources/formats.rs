//! Reading a source: the table of formats with their detection and parsers, the input read
//! once (zip, JSON or text), and the helpers the parsers share for JSON paths and times.
//! Behind the `read` feature: the web app's page leaves this (and zip and csv) to its
//! worker.

use chrono::{DateTime, FixedOffset, NaiveDate, TimeZone, Utc};
use serde::de::DeserializeOwned;
use serde_json::Value;

use super::{
    grafana, lines, mark_duplicates, merge, opsgenie, pagerduty, slack, slack_export, slack_paste,
    statuspage, table, Candidate, Format, Options, Parsed, SkipReason, Source, SourceError,
};
use crate::model::Report;
use crate::time::{utc, TimeContext};

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

/// The options with defaults filled in, as parsers see them.
pub struct Context<'a> {
    pub zone: FixedOffset,
    pub date: Option<NaiveDate>,
    pub channel: Option<&'a str>,
}

/// The input, read once: a zip, parsed JSON, or text.
pub enum Input<'a> {
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

pub(crate) fn json_error(e: &serde_json::Error) -> SourceError {
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
}
