//! PagerDuty incident log entries (`GET /incidents/{id}/log_entries`):
//! `{"log_entries": [{id, type, created_at, summary, agent: {summary}, channel}]}`, or a
//! bare array of them. The entry type gives the kind (`acknowledge_log_entry` →
//! acknowledged); notifications and assignments are kept but not pre-ticked.

use serde::Deserialize;
use serde_json::Value;

use super::{
    array_at, each, instant, kind_of, one_line, Candidate, Context, Format, Input, Parsed,
    SkipReason, Source, SourceError,
};
use crate::model::EventKind;

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct LogEntry {
    id: Option<String>,
    #[serde(rename = "type")]
    kind: Option<String>,
    created_at: Option<String>,
    summary: Option<String>,
    agent: Option<Reference>,
    channel: Option<Channel>,
    event_details: Option<EventDetails>,
    note: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct Reference {
    summary: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct Channel {
    #[serde(rename = "type")]
    kind: Option<String>,
    summary: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct EventDetails {
    description: Option<String>,
}

fn is_log_entry(v: &Value) -> bool {
    v["type"]
        .as_str()
        .is_some_and(|t| t.ends_with("_log_entry"))
}

pub(crate) fn detect(input: &Input) -> bool {
    match input {
        Input::Json(Value::Object(o)) => o.contains_key("log_entries"),
        Input::Json(Value::Array(items)) => {
            !items.is_empty() && items.iter().take(8).all(is_log_entry)
        }
        _ => false,
    }
}

/// The kind a log entry type stands for, and whether the entry is worth pre-ticking.
fn type_kind(t: &str) -> (Option<EventKind>, bool) {
    match t {
        "trigger_log_entry" => (Some(EventKind::Alerted), true),
        "acknowledge_log_entry" => (Some(EventKind::Acknowledged), true),
        "escalate_log_entry" => (Some(EventKind::Escalated), true),
        "resolve_log_entry" => (Some(EventKind::Resolved), true),
        "annotate_log_entry" | "status_update_log_entry" | "responder_request_log_entry" => {
            (None, true)
        }
        _ => (None, false),
    }
}

pub(crate) fn parse(input: &Input, context: &Context) -> Result<Parsed, SourceError> {
    let Input::Json(value) = input else {
        return Err(SourceError::Unrecognised {
            hint: "PagerDuty log entries are JSON".into(),
        });
    };
    let path = if value.is_object() { "log_entries" } else { "" };
    let items = array_at(value, path)?;
    let mut parsed = Parsed::new(Format::PagerDutyLog);
    for (at, e) in each::<LogEntry>(items, path, &mut parsed) {
        let Some(created) = e.created_at.as_deref() else {
            parsed.skip(at, SkipReason::BadTime("no `created_at`".into()));
            continue;
        };
        let time = match instant(created, context.zone) {
            Ok(t) => t,
            Err(why) => {
                parsed.skip(format!("{at}.created_at"), SkipReason::BadTime(why));
                continue;
            }
        };
        let entry_type = e.kind.as_deref().unwrap_or("");
        let (own, pick) = type_kind(entry_type);
        let note = e.note.clone().or_else(|| {
            e.channel
                .as_ref()
                .filter(|c| c.kind.as_deref() == Some("note"))
                .and_then(|c| c.summary.clone())
        });
        let summary = one_line(e.summary.as_deref().unwrap_or(""));
        let text = match (entry_type, note, &e.event_details) {
            (_, Some(note), _) if !note.trim().is_empty() => one_line(&note),
            (
                "trigger_log_entry",
                _,
                Some(EventDetails {
                    description: Some(d),
                }),
            ) if !d.trim().is_empty() && !summary.contains(d.trim()) => {
                format!("{}: {}", summary.trim_end_matches('.'), one_line(d))
            }
            _ => summary,
        };
        if text.is_empty() {
            parsed.skip(at, SkipReason::Empty);
            continue;
        }
        parsed.rows.push(Candidate {
            time,
            kind: kind_of(own, &text),
            who: e
                .agent
                .and_then(|a| a.summary)
                .map(|s| one_line(&s))
                .unwrap_or_default(),
            text,
            source: Source::PagerDuty,
            source_id: e.id.unwrap_or(at),
            reply_to: None,
            suggested: pick,
            duplicate_of: None,
        });
    }
    Ok(parsed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn types_give_kinds() {
        assert_eq!(
            type_kind("acknowledge_log_entry"),
            (Some(EventKind::Acknowledged), true)
        );
        assert_eq!(type_kind("trigger_log_entry").0, Some(EventKind::Alerted));
        assert_eq!(type_kind("notify_log_entry"), (None, false));
        assert_eq!(type_kind("annotate_log_entry"), (None, true));
    }
}
