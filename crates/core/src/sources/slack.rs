//! Slack messages as a workspace export writes them: a channel's day file (a JSON array of
//! messages with `ts`, `user`, `user_profile`, `text`, `subtype`, `thread_ts`,
//! `reactions`, `pinned_to`), and Slack's message markup (`<@U123>`, `<#C1|name>`,
//! `<url|label>`, `&amp;`) rendered readable. The export zip reuses this per day file.

use std::collections::HashMap;

use serde::Deserialize;
use serde_json::Value;

use super::{
    array_at, each, items_have, kind_of, one_line, slack_ts, Candidate, Context, Format, Input,
    Parsed, SkipReason, Source, SourceError,
};

/// Names for ids seen in message markup: users (`U…`/`W…`) and channels (`C…`).
#[derive(Debug, Default, Clone)]
pub(crate) struct Names {
    pub users: HashMap<String, String>,
    pub channels: HashMap<String, String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(crate) struct Message {
    subtype: Option<String>,
    ts: Option<String>,
    user: Option<String>,
    username: Option<String>,
    bot_id: Option<String>,
    bot_profile: Option<BotProfile>,
    user_profile: Option<Profile>,
    text: Option<String>,
    thread_ts: Option<String>,
    reactions: Option<Vec<Value>>,
    pinned_to: Option<Vec<Value>>,
    files: Option<Vec<FileRef>>,
    attachments: Option<Vec<Attachment>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(crate) struct Profile {
    pub real_name: Option<String>,
    pub display_name: Option<String>,
    pub name: Option<String>,
}

impl Profile {
    /// The real name first (clearest in a post-mortem), then the display name.
    pub fn best(&self) -> Option<&str> {
        [&self.real_name, &self.display_name, &self.name]
            .into_iter()
            .flatten()
            .map(|s| s.trim())
            .find(|s| !s.is_empty())
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct BotProfile {
    name: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct FileRef {
    name: Option<String>,
    title: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct Attachment {
    fallback: Option<String>,
    title: Option<String>,
    text: Option<String>,
    pretext: Option<String>,
}

/// A JSON array of objects carrying Slack's `ts` string.
pub(crate) fn detect(input: &Input) -> bool {
    match input {
        Input::Json(Value::Array(items)) => {
            items_have(items, "ts") && items.iter().take(8).all(|m| m["ts"].is_string())
        }
        _ => false,
    }
}

pub(crate) fn parse(input: &Input, _: &Context) -> Result<Parsed, SourceError> {
    let Input::Json(value) = input else {
        return Err(SourceError::Unrecognised {
            hint: "a Slack day file is JSON".into(),
        });
    };
    let mut parsed = Parsed::new(Format::SlackDay);
    let items = array_at(value, "")?;
    let mut names = Names::default();
    collect_profiles(items, &mut names);
    day_rows(items, "", &names, &mut parsed);
    Ok(parsed)
}

/// Learns user names from the `user_profile` the export puts on each message, so
/// mentions of people who wrote in the channel read as names.
pub(crate) fn collect_profiles(items: &[Value], names: &mut Names) {
    for m in items {
        let (Some(user), Some(profile)) = (m["user"].as_str(), m.get("user_profile")) else {
            continue;
        };
        if names.users.contains_key(user) {
            continue;
        }
        if let Ok(p) = Profile::deserialize(profile) {
            if let Some(n) = p.best() {
                names.users.insert(user.to_string(), n.to_string());
            }
        }
    }
}

/// Turns one day file's messages into rows. `prefix` names the file in skip locations
/// (`general/2023-11-13.json`); source ids are the message `ts`, with the prefix's
/// channel when there is one.
pub(crate) fn day_rows(items: &[Value], prefix: &str, names: &Names, parsed: &mut Parsed) {
    for (at, m) in each::<Message>(items, prefix, parsed) {
        if let Some(reason) = m.subtype.as_deref().and_then(skip_reason) {
            parsed.skip(at, reason);
            continue;
        }
        let Some(ts) = m.ts.as_deref() else {
            parsed.skip(at, SkipReason::BadTime("no `ts`".into()));
            continue;
        };
        let Some(time) = slack_ts(ts) else {
            parsed.skip(
                format!("{at}.ts"),
                SkipReason::BadTime(format!("`{}` is not a Slack ts", super::short(ts))),
            );
            continue;
        };
        let bot = m.subtype.as_deref() == Some("bot_message") || m.bot_id.is_some();
        let text = message_text(&m, names);
        if text.is_empty() {
            parsed.skip(at, SkipReason::Empty);
            continue;
        }
        let who = author(&m, names, bot);
        let pinned = m.pinned_to.as_ref().is_some_and(|p| !p.is_empty());
        let reacted = m.reactions.as_ref().is_some_and(|r| !r.is_empty());
        let reply_to = m
            .thread_ts
            .as_deref()
            .filter(|t| *t != ts)
            .map(|t| source_id(prefix, t));
        let kind = kind_of(None, &text);
        parsed.rows.push(Candidate {
            time,
            suggested: !bot && (pinned || reacted || (kind.is_some() && reply_to.is_none())),
            kind,
            text,
            who,
            source: Source::Slack,
            source_id: source_id(prefix, ts),
            reply_to,
            duplicate_of: None,
        });
    }
}

/// `ts` alone in a day file; `channel/ts` in an export (ts are unique per channel).
fn source_id(prefix: &str, ts: &str) -> String {
    match prefix.split_once('/') {
        Some((channel, _)) => format!("{channel}/{ts}"),
        None => ts.to_string(),
    }
}

/// Subtypes that are not something that happened in the incident.
fn skip_reason(subtype: &str) -> Option<SkipReason> {
    Some(match subtype {
        "channel_join" | "channel_leave" | "group_join" | "group_leave" => SkipReason::Membership,
        "channel_topic"
        | "channel_purpose"
        | "channel_name"
        | "channel_archive"
        | "channel_unarchive"
        | "group_topic"
        | "group_purpose"
        | "group_name"
        | "group_archive"
        | "group_unarchive"
        | "pinned_item"
        | "unpinned_item"
        | "bot_add"
        | "bot_remove"
        | "reminder_add"
        | "channel_convert_to_private"
        | "channel_convert_to_public"
        | "joiner_notification_for_inviter" => SkipReason::Housekeeping,
        "tombstone" | "message_deleted" => SkipReason::Deleted,
        "message_changed" | "message_replied" => SkipReason::Edit,
        _ => return None,
    })
}

fn author(m: &Message, names: &Names, bot: bool) -> String {
    let person = m
        .user_profile
        .as_ref()
        .and_then(Profile::best)
        .map(str::to_string)
        .or_else(|| m.user.as_ref().and_then(|u| names.users.get(u).cloned()));
    if bot {
        let name = m
            .username
            .clone()
            .or_else(|| m.bot_profile.as_ref().and_then(|b| b.name.clone()))
            .or(person)
            .unwrap_or_else(|| "bot".into());
        return format!("{name} (bot)");
    }
    person
        .or_else(|| m.username.clone())
        .or_else(|| m.user.clone())
        .unwrap_or_default()
}

/// The message text, else what its attachments or files say (bots post attachments).
fn message_text(m: &Message, names: &Names) -> String {
    let own = m
        .text
        .as_deref()
        .map(|t| render(t, names))
        .unwrap_or_default();
    if !own.is_empty() {
        return own;
    }
    if let Some(a) = m.attachments.as_ref().and_then(|a| a.first()) {
        let t = [&a.fallback, &a.pretext, &a.title, &a.text]
            .into_iter()
            .flatten()
            .find(|t| !t.trim().is_empty());
        if let Some(t) = t {
            return render(t, names);
        }
    }
    if let Some(f) = m.files.as_ref().and_then(|f| f.first()) {
        if let Some(name) = f.title.as_ref().or(f.name.as_ref()) {
            return format!("[file: {}]", one_line(name));
        }
    }
    String::new()
}

/// Renders Slack message markup readable, on one line: `<@U1>` → `@Jane Doe`,
/// `<#C1|inc-42>` → `#inc-42`, `<!here>` → `@here`, `<https://x|label>` → `label
/// (https://x)`, and `&amp; &lt; &gt;` decoded.
pub(crate) fn render(text: &str, names: &Names) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('<') {
        out.push_str(&decode(&rest[..open]));
        let after = &rest[open + 1..];
        let Some(close) = after.find('>') else {
            out.push_str(&decode(&rest[open..]));
            rest = "";
            break;
        };
        out.push_str(&token(&after[..close], names));
        rest = &after[close + 1..];
    }
    out.push_str(&decode(rest));
    one_line(&out)
}

fn token(inner: &str, names: &Names) -> String {
    let (target, label) = match inner.split_once('|') {
        Some((t, l)) => (t, Some(decode(l))),
        None => (inner, None),
    };
    if let Some(id) = target.strip_prefix('@') {
        let name = label
            .map(|l| l.trim_start_matches('@').to_string())
            .or_else(|| names.users.get(id).cloned())
            .unwrap_or_else(|| id.to_string());
        return format!("@{name}");
    }
    if let Some(id) = target.strip_prefix('#') {
        let name = label
            .or_else(|| names.channels.get(id).cloned())
            .unwrap_or_else(|| id.to_string());
        return format!("#{name}");
    }
    if let Some(special) = target.strip_prefix('!') {
        if let Some(l) = label {
            return l;
        }
        let word = special.split('^').next().unwrap_or(special);
        return match word {
            "here" | "channel" | "everyone" => format!("@{word}"),
            "subteam" => "@group".into(),
            other => other.to_string(),
        };
    }
    let url = decode(target);
    let bare = url
        .strip_prefix("mailto:")
        .or_else(|| url.split_once("//").map(|(_, rest)| rest))
        .unwrap_or(&url);
    match label {
        Some(l) if !l.is_empty() && l != url && l != bare => format!("{l} ({url})"),
        _ if url.starts_with("mailto:") => bare.to_string(),
        _ => url.clone(),
    }
}

/// Slack escapes exactly these three in message text.
fn decode(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names() -> Names {
        let mut n = Names::default();
        n.users.insert("U01".into(), "Priya Raman".into());
        n.channels.insert("C09".into(), "inc-4127".into());
        n
    }

    #[test]
    fn renders_markup_readable() {
        let cases = [
            ("<@U01> can you look?", "@Priya Raman can you look?"),
            ("<@U77|sam> ping", "@sam ping"),
            ("<@U77> unknown", "@U77 unknown"),
            ("see <#C09>", "see #inc-4127"),
            ("see <#C10|ops>", "see #ops"),
            ("<!here> SEV2", "@here SEV2"),
            ("<!subteam^S1|@db-oncall> help", "@db-oncall help"),
            (
                "<https://grafana.example.com/d/abc|error dashboard>",
                "error dashboard (https://grafana.example.com/d/abc)",
            ),
            ("<https://example.com>", "https://example.com"),
            ("<https://example.com|example.com>", "https://example.com"),
            ("<mailto:a@b.io|a@b.io>", "a@b.io"),
            ("p99 &gt; 2s &amp;&amp; 5xx &lt; 1%", "p99 > 2s && 5xx < 1%"),
            ("line one\nline two", "line one line two"),
            ("unclosed <@U01", "unclosed <@U01"),
            (":fire: :fire:", ":fire: :fire:"),
        ];
        for (raw, want) in cases {
            assert_eq!(render(raw, &names()), want, "{raw}");
        }
    }

    #[test]
    fn skips_housekeeping_subtypes() {
        assert_eq!(skip_reason("channel_join"), Some(SkipReason::Membership));
        assert_eq!(skip_reason("channel_topic"), Some(SkipReason::Housekeeping));
        assert_eq!(skip_reason("tombstone"), Some(SkipReason::Deleted));
        assert_eq!(skip_reason("message_changed"), Some(SkipReason::Edit));
        assert_eq!(skip_reason("bot_message"), None);
        assert_eq!(skip_reason("thread_broadcast"), None);
    }
}
