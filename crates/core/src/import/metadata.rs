//! Key/value pairs, wherever the author wrote them (a Field/Value table, bold-key bullets,
//! `**Key:** value` lines, one line of `Key: value` pairs, front matter): which report
//! field a key names, and splitting a line into its pairs.

use super::sections::{norm, Ctx};
use crate::fields::{List, Text};

/// Where a key's value goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Text(Text),
    List(List),
    /// "Date & Time (UTC): start - end".
    StartEnd,
    /// A label with no value of its own ("Five Whys:").
    Label,
}

/// The field a (normalised) key names in this context, if any.
pub fn target(key: &str, ctx: Ctx) -> Option<Target> {
    use Target::{List as L, Text as T};
    let scoped = match ctx {
        Ctx::Impact => match key {
            "duration" | "duration of impact" | "impact duration" => Some(T(Text::ImpactDuration)),
            "description" | "summary" => Some(T(Text::ImpactDescription)),
            _ => None,
        },
        Ctx::Meta => match key {
            "priority" => Some(T(Text::Severity)),
            "id" => Some(T(Text::IncidentId)),
            _ => None,
        },
        Ctx::Lessons => match key {
            "what went well" => Some(L(List::WentWell)),
            "what could have gone better" | "what could be improved" | "what went wrong" => {
                Some(L(List::CouldImprove))
            }
            _ => None,
        },
        _ => None,
    };
    if scoped.is_some() {
        return scoped;
    }
    let t = match key {
        "title" | "incident title" | "incident name" => T(Text::Title),
        "incident id" | "incident number" | "incident" | "incident ref" | "id" => {
            T(Text::IncidentId)
        }
        "date" | "incident date" => T(Text::Date),
        "date and time" | "date time" | "time window" => Target::StartEnd,
        "start" | "start time" | "started" | "started at" | "impact start" | "impact started"
        | "impact started at" | "impact began at" | "incident start" => T(Text::Start),
        "end" | "end time" | "ended" | "ended at" | "resolved" | "resolved at" | "fixed at"
        | "impact ended" | "impact ended at" | "resolution time" | "incident end" => T(Text::End),
        "time zone" | "timezone" => T(Text::Timezone),
        "duration" | "total duration" | "incident duration" => T(Text::Duration),
        "severity" | "sev" | "severity level" | "incident severity" => T(Text::Severity),
        "status" | "document status" | "post mortem status" | "postmortem status" => {
            T(Text::Status)
        }
        "author" | "authors" | "written by" | "prepared by" | "owner" | "postmortem owner"
        | "post mortem owner" | "report owner" | "report author" => T(Text::Author),
        "incident commander" | "ic" | "commander" | "incident lead" | "incident manager" => {
            T(Text::Commander)
        }
        "responders" | "key responders" | "responding team" | "responding teams" => {
            T(Text::Responders)
        }
        "attendees" | "participants" => T(Text::Attendees),
        "reviewers" | "reviewer" | "reviewed by" | "reviewed and approved by" | "approved by" => {
            T(Text::Reviewers)
        }
        "services affected"
        | "service affected"
        | "systems affected"
        | "affected services"
        | "affected systems"
        | "services"
        | "components affected" => L(List::Services),
        "beads issue" | "tracking issue" | "tracker" | "tracking" | "issue" | "jira" => {
            T(Text::Tracker)
        }
        "post mortem meeting held"
        | "postmortem meeting held"
        | "meeting date"
        | "post mortem meeting" => T(Text::MeetingDate),
        "document finalized" | "finalized" | "finalised" | "document finalised" => {
            T(Text::FinalizedDate)
        }
        "impact" | "user impact" | "customer impact" => T(Text::ImpactDescription),
        "users affected" | "affected users" | "customers affected" => T(Text::UsersAffected),
        "requests failed" | "requests affected" | "failed requests" => T(Text::RequestsFailed),
        "error rate peak" | "peak error rate" | "error rate" => T(Text::ErrorRatePeak),
        "duration of impact" | "impact duration" => T(Text::ImpactDuration),
        "revenue impact" | "revenue" | "revenue loss" => T(Text::Revenue),
        "sla impact" | "sla breach" | "sla" | "slo impact" => T(Text::Sla),
        "support tickets" => T(Text::SupportTickets),
        "customer notifications" => T(Text::CustomerNotifications),
        "data loss" => T(Text::DataLoss),
        "total downtime" | "downtime" => T(Text::TotalDowntime),
        "business impact" => T(Text::BusinessImpact),
        "how was the incident detected"
        | "how was it detected"
        | "detected by"
        | "detection method"
        | "detection" => T(Text::DetectionMethod),
        "time to detect"
        | "time to detection"
        | "time from impact to detection"
        | "mttd"
        | "ttd" => T(Text::TimeToDetect),
        "time to acknowledge"
        | "time to acknowledgment"
        | "time to acknowledgement"
        | "mtta"
        | "tta" => T(Text::TimeToAcknowledge),
        "time to mitigate" | "time to mitigation" | "ttm" => T(Text::TimeToMitigate),
        "time to resolve" | "time to resolution" | "mttr" | "ttr" => T(Text::TimeToResolve),
        "was the right alert in place" => T(Text::RightAlert),
        "did the alert fire promptly" => T(Text::AlertPrompt),
        "was detection effective" => T(Text::DetectionEffective),
        "how was the incident resolved" | "immediate fix" => T(Text::ImmediateFix),
        "was the resolution effective" => T(Text::ResolutionEffective),
        "root cause" | "what was the immediate cause" | "immediate cause" => T(Text::RootStatement),
        "what were the contributing factors" | "contributing factors" => L(List::Factors),
        "5 whys fishbone diagram" | "5 whys" | "five whys" | "fishbone" => {
            if ctx == Ctx::RootCause {
                T(Text::Analysis)
            } else {
                Target::Label
            }
        }
        "trigger" => T(Text::Trigger),
        // Key timestamps with no field of their own: kept as the author's metadata rows.
        // (`metrics::stated_moment` reads them into the metrics where no row names them.)
        k if crate::metrics::stated_moment(k).is_some() => Target::Label,
        _ => return canonical(key),
    };
    Some(t)
}

/// A key that is a canonical field label.
fn canonical(key: &str) -> Option<Target> {
    let labels = super::sections::canonical_labels();
    if let Some((_, t)) = labels.texts.iter().find(|(l, _)| l == key) {
        return Some(Target::Text(*t));
    }
    labels
        .lists
        .iter()
        .find(|(l, _)| l == key)
        .map(|(_, l)| Target::List(*l))
}

/// True when `key` (raw) names a field in some context.
pub fn is_known(key: &str) -> bool {
    let n = norm(key);
    !n.is_empty() && (target(&n, Ctx::General).is_some() || target(&n, Ctx::Impact).is_some())
}

/// Splits `**Key:** value`, `**Key**: value`, `*Key:* value` or `Key: value` into key and
/// value. `bold` tells whether the key was emphasised (then any key is accepted).
pub fn split_pair(line: &str) -> Option<(String, String, bool)> {
    let t = line.trim();
    for m in ["**", "__", "*", "_"] {
        if let Some(rest) = t.strip_prefix(m) {
            if let Some(end) = rest.find(m) {
                let inner = &rest[..end];
                let after = &rest[end + m.len()..];
                if let Some(k) = inner.trim_end().strip_suffix(':') {
                    return Some((k.trim().to_string(), after.trim().to_string(), true));
                }
                if let Some(v) = after.strip_prefix(':') {
                    return Some((inner.trim().to_string(), v.trim().to_string(), true));
                }
                // "**How was the incident detected?** answer"
                if inner.trim_end().ends_with('?') {
                    return Some((inner.trim().to_string(), after.trim().to_string(), true));
                }
            }
            return None;
        }
    }
    // The first colon that ends a key: followed by a space or the end of the line (so
    // "https://…" or "javascript:x" inside a key or value does not split it).
    let at = t
        .char_indices()
        .find(|&(i, c)| c == ':' && t[i + 1..].chars().next().is_none_or(char::is_whitespace))
        .map(|(i, _)| i)?;
    let (k, v) = (&t[..at], &t[at + 1..]);
    if k.is_empty() || k.len() > 200 {
        return None;
    }
    Some((k.trim().to_string(), v.trim().to_string(), false))
}

/// Splits one line holding several `Key: value` pairs ("Incident ID: INC-7 Date:
/// 2024-05-02 Severity: SEV2") at the keys it knows. Returns `None` when the line does not
/// start with a known key.
pub fn split_inline_pairs(line: &str) -> Option<Vec<(String, String)>> {
    // (key start, value start) for every known key followed by a colon.
    if line.len() > 4096 {
        return None;
    }
    let mut cuts: Vec<(usize, usize)> = Vec::new();
    let bytes = line.as_bytes();
    for (i, b) in bytes.iter().enumerate() {
        if *b != b':' {
            continue;
        }
        let mut from = i.saturating_sub(80);
        while !line.is_char_boundary(from) {
            from += 1;
        }
        let before = &line[..i];
        let window_start = from;
        // Candidate keys: the last 1..=5 words before the colon.
        let starts: Vec<usize> = before
            .char_indices()
            .filter(|(j, c)| {
                *j >= window_start && !c.is_whitespace() && (*j == 0 || before[..*j].ends_with(' '))
            })
            .map(|(j, _)| j)
            .collect();
        let mut found = None;
        for &s in starts.iter().rev().take(5).rev() {
            if is_known(&before[s..]) {
                found = Some(s);
                break;
            }
        }
        if let Some(s) = found {
            if cuts.last().is_none_or(|&(_, v)| s >= v) {
                cuts.push((s, i + 1));
            }
        }
    }
    if cuts
        .first()
        .is_none_or(|&(s, _)| !line[..s].trim().is_empty())
    {
        return None;
    }
    let mut out = Vec::new();
    for (n, &(k, v)) in cuts.iter().enumerate() {
        let end = cuts.get(n + 1).map_or(line.len(), |&(s, _)| s);
        // "Date: 2024-05-02 | Severity: SEV2 · Status: Final": drop the separator.
        let value = line[v..end]
            .trim()
            .trim_end_matches(['|', ';', ',', '·', '•'])
            .trim();
        out.push((line[k..v - 1].trim().to_string(), value.to_string()));
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn routes_keys_by_context() {
        assert_eq!(
            target("duration", Ctx::Meta),
            Some(Target::Text(Text::Duration))
        );
        assert_eq!(
            target("duration", Ctx::Impact),
            Some(Target::Text(Text::ImpactDuration))
        );
        assert_eq!(
            target(&norm("Time to Detect (MTTD)"), Ctx::Detection),
            Some(Target::Text(Text::TimeToDetect))
        );
        assert_eq!(
            target(&norm("Service(s) Affected"), Ctx::Meta),
            Some(Target::List(List::Services))
        );
        assert_eq!(target("favourite colour", Ctx::Meta), None);
        assert_eq!(
            target(&norm("Impact started at"), Ctx::Detection),
            Some(Target::Text(Text::Start))
        );
        assert_eq!(
            target(&norm("Fixed at"), Ctx::Meta),
            Some(Target::Text(Text::End))
        );
        assert_eq!(
            target(&norm("Identified at:"), Ctx::Meta),
            Some(Target::Label)
        );
    }

    #[test]
    fn splits_pairs() {
        assert_eq!(
            split_pair("**Severity:** SEV2"),
            Some(("Severity".into(), "SEV2".into(), true))
        );
        assert_eq!(
            split_pair("**Incident ID**: INC-1"),
            Some(("Incident ID".into(), "INC-1".into(), true))
        );
        assert_eq!(
            split_pair("Users affected: 1,200"),
            Some(("Users affected".into(), "1,200".into(), false))
        );
        assert_eq!(split_pair("plain text"), None);
    }

    #[test]
    fn splits_inline_pairs_at_known_keys() {
        let pairs = split_inline_pairs(
            "Incident ID: INC-7 Date: 2024-05-02 Duration: 1h 30m Severity: Sev 2 Status: Final Beads Issue: bd://ops-12",
        )
        .unwrap_or_default();
        let keys: Vec<&str> = pairs.iter().map(|p| p.0.as_str()).collect();
        assert_eq!(
            keys,
            [
                "Incident ID",
                "Date",
                "Duration",
                "Severity",
                "Status",
                "Beads Issue"
            ]
        );
        assert_eq!(pairs[2].1, "1h 30m");
        assert_eq!(pairs[5].1, "bd://ops-12");
        assert!(split_inline_pairs("We saw errors: many").is_none());
        let pairs = split_inline_pairs("Date: 2024-05-02 | Severity: SEV2 | Status: Final")
            .unwrap_or_default();
        assert_eq!(pairs[0].1, "2024-05-02");
        assert_eq!(pairs[1].1, "SEV2");
    }
}
