//! Grafana annotations (`GET /api/annotations`): `[{id, time, timeEnd, text, tags,
//! newState, prevState, alertId, alertName, login}]`, times in epoch milliseconds.
//! Alert state changes give the kinds (alerting → alerted, ok/normal → restored); a
//! region annotation also gives a row at its end.

use serde::Deserialize;
use serde_json::Value;

use super::{
    array_at, each, kind_of, one_line, Candidate, Context, Format, Input, Parsed, SkipReason,
    Source, SourceError, TimeValue,
};
use crate::model::EventKind;

#[derive(Debug, Default, Deserialize)]
#[serde(default, rename_all = "camelCase")]
struct Annotation {
    id: Option<Value>,
    time: Option<TimeValue>,
    time_end: Option<TimeValue>,
    text: Option<String>,
    tags: Option<Vec<String>>,
    new_state: Option<String>,
    prev_state: Option<String>,
    alert_name: Option<String>,
    login: Option<String>,
    email: Option<String>,
}

pub(crate) fn detect(input: &Input) -> bool {
    let Input::Json(Value::Array(items)) = input else {
        return false;
    };
    // Every item has a `time` and a Grafana field; at least one time is epoch ms (a
    // broken item is then skipped and reported, not a reason to give up on the file).
    let sample = || items.iter().take(8);
    !items.is_empty()
        && sample().any(|a| a["time"].is_number())
        && sample().all(|a| {
            a.get("time").is_some()
                && [
                    "text",
                    "newState",
                    "tags",
                    "dashboardUID",
                    "panelId",
                    "alertId",
                ]
                .iter()
                .any(|k| a.get(k).is_some())
        })
}

fn state_kind(state: &str) -> Option<EventKind> {
    match state.trim().to_ascii_lowercase().as_str() {
        "alerting" => Some(EventKind::Alerted),
        "ok" | "normal" => Some(EventKind::Restored),
        _ => None,
    }
}

pub(crate) fn parse(input: &Input, context: &Context) -> Result<Parsed, SourceError> {
    let Input::Json(value) = input else {
        return Err(SourceError::Unrecognised {
            hint: "Grafana annotations are JSON".into(),
        });
    };
    let items = array_at(value, "")?;
    let mut parsed = Parsed::new(Format::GrafanaAnnotations);
    for (at, a) in each::<Annotation>(items, "", &mut parsed) {
        let Some(time) = a.time.as_ref() else {
            parsed.skip(at, SkipReason::BadTime("no `time`".into()));
            continue;
        };
        let time = match time.instant(context.zone) {
            Ok(t) => t,
            Err(why) => {
                parsed.skip(format!("{at}.time"), SkipReason::BadTime(why));
                continue;
            }
        };
        let state = a.new_state.as_deref().unwrap_or("");
        let own = state_kind(state);
        let mut text = one_line(a.text.as_deref().unwrap_or(""));
        if text.is_empty() && !state.is_empty() {
            let name = a.alert_name.as_deref().unwrap_or("alert");
            text = match a.prev_state.as_deref() {
                Some(p) if !p.is_empty() => format!("{name}: {p} → {state}"),
                _ => format!("{name}: {state}"),
            };
        }
        let tags: Vec<&str> = a
            .tags
            .iter()
            .flatten()
            .map(|t| t.trim())
            .filter(|t| !t.is_empty())
            .collect();
        if !tags.is_empty() {
            text = format!("{text} [{}]", tags.join(", ")).trim().to_string();
        }
        if text.is_empty() {
            parsed.skip(at, SkipReason::Empty);
            continue;
        }
        let id = match &a.id {
            Some(Value::Number(n)) => n.to_string(),
            Some(Value::String(s)) => s.clone(),
            _ => at.clone(),
        };
        let who = a.login.or(a.email).unwrap_or_default();
        // "pending" and "no_data" flicker; state changes that matter and hand-made
        // marks (deploys) are pre-ticked.
        let pick = own.is_some() || state.is_empty();
        let end = a
            .time_end
            .as_ref()
            .and_then(|e| e.instant(context.zone).ok())
            .filter(|e| *e > time);
        parsed.rows.push(Candidate {
            time,
            kind: kind_of(own, &text),
            who: who.clone(),
            text: text.clone(),
            source: Source::Grafana,
            source_id: id.clone(),
            reply_to: None,
            suggested: pick,
            duplicate_of: None,
        });
        if let Some(end) = end {
            let text = format!("End of: {text}");
            parsed.rows.push(Candidate {
                time: end,
                kind: kind_of(None, &text),
                who,
                text,
                source: Source::Grafana,
                source_id: format!("{id}/end"),
                reply_to: None,
                suggested: false,
                duplicate_of: None,
            });
        }
    }
    Ok(parsed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn states_give_kinds() {
        assert_eq!(state_kind("alerting"), Some(EventKind::Alerted));
        assert_eq!(state_kind("OK"), Some(EventKind::Restored));
        assert_eq!(state_kind("Normal"), Some(EventKind::Restored));
        assert_eq!(state_kind("pending"), None);
    }
}
