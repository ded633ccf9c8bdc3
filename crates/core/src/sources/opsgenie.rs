//! Opsgenie: alert logs (`GET /v2/alerts/{id}/logs`, `{"data": [{log, type, owner,
//! createdAt, offset}]}`) and incident timeline entries (`{"data": {"entries":
//! [{id, type, eventTime, actor, description, hidden}]}}`). Alert log phrases and entry
//! types give the kinds (acknowledged, closed → resolved, escalated).

use serde::Deserialize;
use serde_json::Value;

use super::{
    array_at, each, instant, items_have, kind_of, one_line, Candidate, Context, Format, Input,
    Parsed, SkipReason, Source, SourceError,
};
use crate::model::EventKind;

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct AlertLog {
    log: Option<String>,
    #[serde(rename = "type")]
    kind: Option<String>,
    owner: Option<String>,
    #[serde(rename = "createdAt")]
    created_at: Option<String>,
    offset: Option<String>,
}

/// A name written as a string or as an object with one (`{"name": …}`).
#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum Named {
    Text(String),
    Object {
        #[serde(default)]
        name: Option<String>,
        #[serde(default)]
        username: Option<String>,
        #[serde(default)]
        content: Option<String>,
        #[serde(default)]
        message: Option<String>,
    },
}

impl Named {
    fn text(&self) -> String {
        match self {
            Named::Text(t) => one_line(t),
            Named::Object {
                name,
                username,
                content,
                message,
            } => [content, message, name, username]
                .into_iter()
                .flatten()
                .find(|t| !t.trim().is_empty())
                .map(|t| one_line(t))
                .unwrap_or_default(),
        }
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct TimelineEntry {
    id: Option<String>,
    #[serde(rename = "type")]
    kind: Option<String>,
    #[serde(rename = "eventTime")]
    event_time: Option<String>,
    actor: Option<Named>,
    description: Option<Named>,
    hidden: bool,
}

pub(crate) fn detect_alert_log(input: &Input) -> bool {
    let Input::Json(v) = input else { return false };
    v["data"]
        .as_array()
        .is_some_and(|d| items_have(d, "log") && items_have(d, "createdAt"))
}

/// Where the timeline entries are: `data.entries`, `entries` or `data`.
fn timeline_path(v: &Value) -> Option<&'static str> {
    ["data.entries", "entries", "data"].into_iter().find(|p| {
        let mut at = v;
        for k in p.split('.') {
            at = &at[k];
        }
        at.as_array().is_some_and(|a| items_have(a, "eventTime"))
    })
}

pub(crate) fn detect_timeline(input: &Input) -> bool {
    matches!(input, Input::Json(v @ Value::Object(_)) if timeline_path(v).is_some())
}

/// The kind an alert log phrase names ("Alert acknowledged via web", "Alert closed by
/// …", "Escalated to next").
fn log_kind(log: &str) -> Option<EventKind> {
    let l = log.to_ascii_lowercase();
    if l.contains("unacknowledged") {
        None
    } else if l.contains("acknowledged") {
        Some(EventKind::Acknowledged)
    } else if l.contains("closed") {
        Some(EventKind::Resolved)
    } else if l.contains("escalat") {
        Some(EventKind::Escalated)
    } else if l.starts_with("alert created") || l.starts_with("created alert") {
        Some(EventKind::Alerted)
    } else {
        None
    }
}

pub(crate) fn parse_alert_log(input: &Input, context: &Context) -> Result<Parsed, SourceError> {
    let Input::Json(value) = input else {
        return Err(SourceError::Unrecognised {
            hint: "Opsgenie alert logs are JSON".into(),
        });
    };
    let items = array_at(value, "data")?;
    let mut parsed = Parsed::new(Format::OpsgenieAlertLog);
    for (at, e) in each::<AlertLog>(items, "data", &mut parsed) {
        let Some(created) = e.created_at.as_deref() else {
            parsed.skip(at, SkipReason::BadTime("no `createdAt`".into()));
            continue;
        };
        let time = match instant(created, context.zone) {
            Ok(t) => t,
            Err(why) => {
                parsed.skip(format!("{at}.createdAt"), SkipReason::BadTime(why));
                continue;
            }
        };
        let text = one_line(e.log.as_deref().unwrap_or(""));
        if text.is_empty() {
            parsed.skip(at, SkipReason::Empty);
            continue;
        }
        let own = log_kind(&text);
        let note = e.kind.as_deref() == Some("note");
        parsed.rows.push(Candidate {
            time,
            kind: kind_of(own, &text),
            suggested: own.is_some() || note,
            who: e.owner.map(|o| one_line(&o)).unwrap_or_default(),
            text,
            source: Source::Opsgenie,
            source_id: e.offset.unwrap_or(at),
            reply_to: None,
            duplicate_of: None,
        });
    }
    Ok(parsed)
}

/// The kind an incident timeline entry type names (`IncidentResolved`, `AlertAcked`).
fn entry_kind(t: &str) -> (Option<EventKind>, bool) {
    let l = t.to_ascii_lowercase();
    let kind = if l.contains("unack") {
        None
    } else if l.contains("ack") {
        Some(EventKind::Acknowledged)
    } else if l.contains("resolve") || l.contains("close") {
        Some(EventKind::Resolved)
    } else if l.contains("escalat") {
        Some(EventKind::Escalated)
    } else if l.contains("created") || l.contains("opened") {
        Some(EventKind::Declared)
    } else {
        None
    };
    (
        kind,
        kind.is_some() || l.contains("note") || l.contains("status"),
    )
}

pub(crate) fn parse_timeline(input: &Input, context: &Context) -> Result<Parsed, SourceError> {
    let Input::Json(value) = input else {
        return Err(SourceError::Unrecognised {
            hint: "an Opsgenie timeline is JSON".into(),
        });
    };
    let path = timeline_path(value).unwrap_or("data.entries");
    let items = array_at(value, path)?;
    let mut parsed = Parsed::new(Format::OpsgenieTimeline);
    for (at, e) in each::<TimelineEntry>(items, path, &mut parsed) {
        if e.hidden {
            parsed.skip(at, SkipReason::Hidden);
            continue;
        }
        let Some(when) = e.event_time.as_deref() else {
            parsed.skip(at, SkipReason::BadTime("no `eventTime`".into()));
            continue;
        };
        let time = match instant(when, context.zone) {
            Ok(t) => t,
            Err(why) => {
                parsed.skip(format!("{at}.eventTime"), SkipReason::BadTime(why));
                continue;
            }
        };
        let entry_type = e.kind.as_deref().unwrap_or("");
        let text = e
            .description
            .as_ref()
            .map(Named::text)
            .filter(|t| !t.is_empty())
            .unwrap_or_else(|| one_line(entry_type));
        if text.is_empty() {
            parsed.skip(at, SkipReason::Empty);
            continue;
        }
        let (own, pick) = entry_kind(entry_type);
        parsed.rows.push(Candidate {
            time,
            kind: kind_of(own, &text),
            suggested: pick,
            who: e.actor.as_ref().map(Named::text).unwrap_or_default(),
            text,
            source: Source::Opsgenie,
            source_id: e.id.unwrap_or(at),
            reply_to: None,
            duplicate_of: None,
        });
    }
    Ok(parsed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn alert_log_phrases_give_kinds() {
        assert_eq!(
            log_kind("Alert acknowledged via web"),
            Some(EventKind::Acknowledged)
        );
        assert_eq!(log_kind("Alert unacknowledged"), None);
        assert_eq!(log_kind("Alert closed by Priya"), Some(EventKind::Resolved));
        assert_eq!(
            log_kind("Alert created via API integration"),
            Some(EventKind::Alerted)
        );
        assert_eq!(log_kind("Added note"), None);
    }

    #[test]
    fn entry_types_give_kinds() {
        assert_eq!(entry_kind("IncidentResolved").0, Some(EventKind::Resolved));
        assert_eq!(
            entry_kind("ResponderAlertAcked").0,
            Some(EventKind::Acknowledged)
        );
        assert_eq!(entry_kind("IncidentCreated").0, Some(EventKind::Declared));
        assert_eq!(entry_kind("Note"), (None, true));
        assert_eq!(entry_kind("ResponderAdded"), (None, false));
    }
}
