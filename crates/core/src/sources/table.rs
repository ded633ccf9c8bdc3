//! CSV and TSV tables (a spreadsheet export, a log query result): the delimiter is read
//! from the header line (comma, tab or semicolon), and columns are found by header name:
//! time (time, timestamp, date, datetime, created_at…, or a date column beside a time
//! column), text (event, message, text, description, summary…), and optionally who
//! (who, user, author, owner, actor…) and kind (kind, type, status).

use super::{
    column_instants, one_line, Candidate, Context, Format, Input, Parsed, SkipReason, Source,
    SourceError,
};
use crate::model::EventKind;

const TIME: &[&str] = &[
    "time",
    "timestamp",
    "datetime",
    "date/time",
    "date time",
    "when",
    "at",
    "created_at",
    "created",
    "event time",
    "event_time",
    "time (utc)",
    "timestamp (utc)",
    "@timestamp",
    "_time",
];
const DATE: &[&str] = &["date", "day"];
const TEXT: &[&str] = &[
    "event",
    "message",
    "text",
    "description",
    "summary",
    "details",
    "note",
    "what",
    "msg",
    "log",
];
const WHO: &[&str] = &[
    "who", "user", "author", "owner", "actor", "by", "person", "name", "username",
];
const KIND: &[&str] = &["kind", "type", "event kind", "status"];

const TIME_NAMES: &str = "time, timestamp, date, datetime, created_at, when";
const TEXT_NAMES: &str = "event, message, text, description, summary, details";

fn norm(h: &str) -> String {
    h.trim().trim_matches('"').trim().to_ascii_lowercase()
}

fn find(header: &[String], names: &[&str]) -> Option<usize> {
    names
        .iter()
        .find_map(|n| header.iter().position(|h| h == n))
}

/// The delimiter a header line uses, when it names a time and a text column.
fn delimiter(first_line: &str) -> Option<u8> {
    [b'\t', b',', b';'].into_iter().find(|d| {
        let header: Vec<String> = first_line.split(char::from(*d)).map(norm).collect();
        header.len() >= 2
            && (find(&header, TIME).is_some() || find(&header, DATE).is_some())
            && find(&header, TEXT).is_some()
    })
}

fn first_line(text: &str) -> &str {
    text.lines().find(|l| !l.trim().is_empty()).unwrap_or("")
}

pub(crate) fn detect(input: &Input) -> bool {
    matches!(input, Input::Text(t) if delimiter(first_line(t)).is_some())
}

pub(crate) fn parse(input: &Input, context: &Context) -> Result<Parsed, SourceError> {
    let Input::Text(text) = input else {
        return Err(SourceError::Unrecognised {
            hint: "a table is text".into(),
        });
    };
    let head = first_line(text);
    let delim = delimiter(head).unwrap_or(b',');
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delim)
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(text.trim_start().as_bytes());
    let header: Vec<String> = reader
        .headers()
        .map_err(|e| csv_error(&e))?
        .iter()
        .map(norm)
        .collect();
    let shown = header.join(", ");
    let time_col = find(&header, TIME);
    let date_col = find(&header, DATE).filter(|d| Some(*d) != time_col);
    if time_col.is_none() && date_col.is_none() {
        return Err(SourceError::MissingColumn {
            needed: "time",
            looked_for: TIME_NAMES,
            header: shown,
        });
    }
    let text_col = find(&header, TEXT).ok_or(SourceError::MissingColumn {
        needed: "text",
        looked_for: TEXT_NAMES,
        header: shown,
    })?;
    let who_col = find(&header, WHO);
    let kind_col = find(&header, KIND);
    let mut records = Vec::new();
    for r in reader.records() {
        let r = r.map_err(|e| csv_error(&e))?;
        let line = r.position().map_or(0, csv::Position::line);
        records.push((line, r));
    }
    let cell = |r: &csv::StringRecord, c: Option<usize>| -> String {
        c.and_then(|c| r.get(c)).unwrap_or("").to_string()
    };
    let stamps: Vec<String> = records
        .iter()
        .map(|(_, r)| match (date_col, time_col) {
            (Some(d), Some(t)) => format!("{} {}", cell(r, Some(d)), cell(r, Some(t))),
            (Some(d), None) => cell(r, Some(d)),
            (None, t) => cell(r, t),
        })
        .collect();
    let refs: Vec<&str> = stamps.iter().map(|s| s.trim()).collect();
    let at = column_instants(&refs, context, "the table")?;
    let mut parsed = Parsed::new(Format::Table);
    for (((line, r), time), stamp) in records.iter().zip(at).zip(&refs) {
        let where_ = format!("line {line}");
        let Some(time) = time else {
            let why = if stamp.is_empty() {
                "empty time cell".to_string()
            } else {
                format!("`{}` is not a time", super::short(stamp))
            };
            parsed.skip(where_, SkipReason::BadTime(why));
            continue;
        };
        let text = one_line(&cell(r, Some(text_col)));
        if text.is_empty() {
            parsed.skip(where_, SkipReason::Empty);
            continue;
        }
        let own = kind_col
            .and_then(|k| r.get(k))
            .and_then(EventKind::from_label);
        parsed.rows.push(Candidate {
            time,
            kind: super::kind_of(own, &text),
            who: one_line(&cell(r, who_col)),
            text,
            source: Source::Csv,
            source_id: where_,
            reply_to: None,
            suggested: true,
            duplicate_of: None,
        });
    }
    Ok(parsed)
}

fn csv_error(e: &csv::Error) -> SourceError {
    let line = e.position().map_or(0, csv::Position::line);
    let message = match e.kind() {
        csv::ErrorKind::Utf8 { .. } => "not UTF-8 text".to_string(),
        _ => e.to_string(),
    };
    SourceError::Csv { line, message }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_names_pick_the_delimiter() {
        assert_eq!(delimiter("time,event,who"), Some(b','));
        assert_eq!(delimiter("Timestamp\tMessage\tUser"), Some(b'\t'));
        assert_eq!(delimiter("date;time;description"), Some(b';'));
        assert_eq!(delimiter("09:12 config push, then more"), None);
        assert_eq!(delimiter("name,email"), None);
    }
}
