//! Statuspage incidents: one incident (`{name, incident_updates: [{status, body,
//! created_at, display_at}]}`), `{"incident": …}`, or `{"incidents": [...]}` from the
//! public status API. Update statuses give the kinds: investigating, identified (root
//! cause identified), monitoring, resolved.

use serde::Deserialize;
use serde_json::Value;

use super::{
    array_at, each, instant, kind_of, one_line, Candidate, Context, Format, Input, Parsed,
    SkipReason, Source, SourceError,
};
use crate::model::EventKind;

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct Update {
    id: Option<String>,
    status: Option<String>,
    body: Option<String>,
    created_at: Option<String>,
    display_at: Option<String>,
}

fn is_incident(v: &Value) -> bool {
    v.get("incident_updates").is_some_and(Value::is_array)
}

pub(crate) fn detect(input: &Input) -> bool {
    let Input::Json(v) = input else { return false };
    is_incident(v)
        || v.get("incident").is_some_and(is_incident)
        || v["incidents"]
            .as_array()
            .is_some_and(|a| a.first().is_some_and(is_incident))
}

fn status_kind(status: &str) -> Option<EventKind> {
    match status.trim().to_ascii_lowercase().as_str() {
        "investigating" => Some(EventKind::Investigating),
        "identified" => Some(EventKind::RootCauseIdentified),
        "monitoring" => Some(EventKind::Monitoring),
        "resolved" => Some(EventKind::Resolved),
        _ => None,
    }
}

pub(crate) fn parse(input: &Input, context: &Context) -> Result<Parsed, SourceError> {
    let Input::Json(value) = input else {
        return Err(SourceError::Unrecognised {
            hint: "a Statuspage incident is JSON".into(),
        });
    };
    let mut incidents: Vec<(String, &Value)> = Vec::new();
    if is_incident(value) {
        incidents.push((String::new(), value));
    } else if let Some(inner) = value.get("incident").filter(|v| is_incident(v)) {
        incidents.push(("incident.".into(), inner));
    } else {
        for (i, inc) in array_at(value, "incidents")?.iter().enumerate() {
            incidents.push((format!("incidents[{i}]."), inc));
        }
    }
    let several = incidents.len() > 1;
    let mut parsed = Parsed::new(Format::StatuspageIncident);
    for (prefix, incident) in incidents {
        let name = one_line(incident["name"].as_str().unwrap_or(""));
        let path = format!("{prefix}incident_updates");
        let items = array_at(incident, "incident_updates").map_err(|e| match e {
            SourceError::Shape { message, .. } => SourceError::Shape {
                path: path.clone(),
                message,
            },
            other => other,
        })?;
        for (at, u) in each::<Update>(items, &path, &mut parsed) {
            // What the status page shows is `display_at`; `created_at` is when it was typed.
            let (field, when) = match (&u.display_at, &u.created_at) {
                (Some(d), _) => ("display_at", d.as_str()),
                (None, Some(c)) => ("created_at", c.as_str()),
                (None, None) => {
                    parsed.skip(
                        at,
                        SkipReason::BadTime("no `display_at` or `created_at`".into()),
                    );
                    continue;
                }
            };
            let time = match instant(when, context.zone) {
                Ok(t) => t,
                Err(why) => {
                    parsed.skip(format!("{at}.{field}"), SkipReason::BadTime(why));
                    continue;
                }
            };
            let status = u.status.as_deref().unwrap_or("");
            let body = one_line(u.body.as_deref().unwrap_or(""));
            let body = if body.is_empty() {
                one_line(status)
            } else {
                body
            };
            if body.is_empty() {
                parsed.skip(at, SkipReason::Empty);
                continue;
            }
            let text = if several && !name.is_empty() {
                format!("{name}: {body}")
            } else {
                body
            };
            let own = status_kind(status);
            parsed.rows.push(Candidate {
                time,
                kind: kind_of(own, &text),
                who: "Statuspage".into(),
                text,
                source: Source::Statuspage,
                source_id: u.id.unwrap_or(at),
                reply_to: None,
                suggested: true,
                duplicate_of: None,
            });
        }
    }
    if several {
        parsed.warnings.push(
            "the file holds several incidents; each row starts with its incident's name".into(),
        );
    }
    Ok(parsed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_give_kinds() {
        assert_eq!(status_kind("investigating"), Some(EventKind::Investigating));
        assert_eq!(
            status_kind("Identified"),
            Some(EventKind::RootCauseIdentified)
        );
        assert_eq!(status_kind("monitoring"), Some(EventKind::Monitoring));
        assert_eq!(status_kind("resolved"), Some(EventKind::Resolved));
        assert_eq!(status_kind("postmortem"), None);
    }
}
