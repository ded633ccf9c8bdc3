//! Text copied from the Slack client: a name-and-time line (`Priya Raman  10:42 AM`, the
//! two are two spaces or a tab apart; `Priya Raman [10:42 AM]`; `PagerDuty APP  10:41 AM`
//! for apps) or a chat-log `[10:42 AM] Priya Raman: text`, then the message lines; a
//! bare `10:44 AM`, or `[10:44 AM]text`, starts another message by the same person. Day
//! dividers (`Monday, November 13th`, `Today`) give the date, else the caller does.
//! Reaction counts, reply counts and "View thread" are the client's, not messages.

use chrono::{Datelike, NaiveDate, NaiveTime, TimeDelta};

use super::{
    kind_of, local, one_line, Candidate, Context, Format, Input, Parsed, SkipReason, Source,
    SourceError,
};
use crate::time::{parse_stamp, DatePart};

/// A clock time as the client writes it: `10:42 AM`, `10:42`, `22:42`.
fn clock(text: &str) -> Option<NaiveTime> {
    let t = text.trim();
    if t.is_empty() || t.len() > 11 || !t.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let s = parse_stamp(t)?;
    (s.date == DatePart::None && s.offset.is_none()).then_some(s.time?)
}

/// A header line: who and when.
#[derive(Debug, PartialEq)]
enum Line<'a> {
    /// `Name  10:42 AM`, `[10:42 AM] Name: text`; `text` is what follows on the line.
    Header {
        who: &'a str,
        bot: bool,
        time: NaiveTime,
        text: &'a str,
    },
    /// `10:44 AM` alone, or `[10:44 AM]text`: the same person again.
    Again(NaiveTime, &'a str),
    /// A day divider.
    Day(Divider),
    /// Client chrome: `:eyes: 2`, `3 replies`, `View thread`.
    Reactions,
    Chrome,
    Text(&'a str),
}

#[derive(Debug, PartialEq, Clone, Copy)]
enum Divider {
    Today,
    Yesterday,
    Date(DatePart),
}

fn classify(raw: &str) -> Line<'_> {
    let line = raw.trim();
    if let Some(t) = clock(line) {
        return Line::Again(t, "");
    }
    if let Some(rest) = line.strip_prefix('[') {
        if let Some((t, after)) = rest.split_once(']') {
            if let Some(time) = clock(t) {
                // "[10:42 AM] Name: text" is a chat log; "[10:44 AM]text", as the client
                // copies a follow-up message, has no space after the bracket.
                let named = after
                    .strip_prefix(' ')
                    .and_then(|a| a.split_once(": "))
                    .filter(|(who, _)| plausible_name(who));
                if let Some((who, text)) = named {
                    let (who, bot) = strip_app(who);
                    return Line::Header {
                        who,
                        bot,
                        time,
                        text: text.trim(),
                    };
                }
                return Line::Again(time, after.trim());
            }
        }
    }
    if let Some(head) = line.strip_suffix(']') {
        if let Some((who, t)) = head.rsplit_once('[') {
            if let Some(time) = clock(t) {
                let (who, bot) = strip_app(who);
                if plausible_name(who) {
                    return Line::Header {
                        who,
                        bot,
                        time,
                        text: "",
                    };
                }
            }
        }
    }
    if let Some((who, t)) = split_header(raw) {
        if let Some(time) = clock(t) {
            let (who, bot) = strip_app(who);
            if plausible_name(who) {
                return Line::Header {
                    who,
                    bot,
                    time,
                    text: "",
                };
            }
        }
    }
    let lower = line.to_ascii_lowercase();
    match lower.as_str() {
        "today" => return Line::Day(Divider::Today),
        "yesterday" => return Line::Day(Divider::Yesterday),
        "view thread" | "new" | "new messages" | "(edited)" | "edited" => return Line::Chrome,
        _ => {}
    }
    if (lower.ends_with(" replies") || lower.ends_with(" reply"))
        && lower
            .split_whitespace()
            .next()
            .is_some_and(|n| n.bytes().all(|b| b.is_ascii_digit()))
        || lower.starts_with("last reply ")
    {
        return Line::Chrome;
    }
    if is_reactions(line) {
        return Line::Reactions;
    }
    if line.len() <= 40 && !line.contains(':') {
        if let Some(s) = parse_stamp(line) {
            if s.time.is_none() && s.date != DatePart::None {
                return Line::Day(Divider::Date(s.date));
            }
        }
    }
    Line::Text(line)
}

/// Name and time two spaces or a tab apart, the time last.
fn split_header(raw: &str) -> Option<(&str, &str)> {
    let line = raw.trim_end();
    let cut = line
        .rfind('\t')
        .map(|i| (i, 1))
        .or_else(|| line.rfind("  ").map(|i| (i, 2)))?;
    let (who, time) = (&line[..cut.0], &line[cut.0 + cut.1..]);
    Some((who.trim(), time.trim()))
}

/// A person's or app's name: not empty, at most six words and 60 characters.
fn plausible_name(who: &str) -> bool {
    let w = who.trim();
    !w.is_empty() && w.chars().count() <= 60 && w.split_whitespace().count() <= 6
}

fn strip_app(who: &str) -> (&str, bool) {
    let w = who.trim();
    for tag in [" APP", " BOT", " (bot)"] {
        if let Some(name) = w.strip_suffix(tag) {
            return (name.trim(), true);
        }
    }
    (w, false)
}

/// `:eyes: 2 :white_check_mark: 1`, emoji names with counts and nothing else.
fn is_reactions(line: &str) -> bool {
    let mut any = false;
    for word in line.split_whitespace() {
        let emoji = word.len() > 2 && word.starts_with(':') && word.ends_with(':');
        let count = word.bytes().all(|b| b.is_ascii_digit());
        if !(emoji || count) {
            return false;
        }
        any |= emoji;
    }
    any && line
        .split_whitespace()
        .any(|w| w.bytes().all(|b| b.is_ascii_digit()))
}

pub(crate) fn detect(input: &Input) -> bool {
    let Input::Text(text) = input else {
        return false;
    };
    text.lines()
        .take(200)
        .any(|l| matches!(classify(l), Line::Header { .. }))
}

struct Open {
    line: usize,
    who: String,
    bot: bool,
    time: NaiveTime,
    date: NaiveDate,
    text: Vec<String>,
    reacted: bool,
}

pub(crate) fn parse(input: &Input, context: &Context) -> Result<Parsed, SourceError> {
    let Input::Text(text) = input else {
        return Err(SourceError::Unrecognised {
            hint: "copied Slack text is text".into(),
        });
    };
    let mut parsed = Parsed::new(Format::SlackPaste);
    let mut date = context.date;
    let mut open: Option<Open> = None;
    let mut last_who: Option<(String, bool)> = None;
    for (i, raw) in text.lines().enumerate() {
        let n = i + 1;
        if raw.trim().is_empty() {
            continue;
        }
        match classify(raw) {
            Line::Header {
                who,
                bot,
                time,
                text,
            } => {
                close(&mut open, context, &mut parsed);
                let day = date.ok_or(SourceError::NeedDate {
                    what: "copied Slack text",
                })?;
                last_who = Some((who.to_string(), bot));
                open = Some(Open {
                    line: n,
                    who: who.to_string(),
                    bot,
                    time,
                    date: day,
                    text: if text.is_empty() {
                        Vec::new()
                    } else {
                        vec![text.to_string()]
                    },
                    reacted: false,
                });
            }
            Line::Again(time, text) => {
                close(&mut open, context, &mut parsed);
                let Some((who, bot)) = last_who.clone() else {
                    parsed.skip(format!("line {n}"), SkipReason::ClientChrome);
                    continue;
                };
                let day = date.ok_or(SourceError::NeedDate {
                    what: "copied Slack text",
                })?;
                open = Some(Open {
                    line: n,
                    who,
                    bot,
                    time,
                    date: day,
                    text: if text.is_empty() {
                        Vec::new()
                    } else {
                        vec![text.to_string()]
                    },
                    reacted: false,
                });
            }
            Line::Day(divider) => {
                close(&mut open, context, &mut parsed);
                date = Some(day_of(divider, date, context)?);
            }
            Line::Reactions => match open.as_mut() {
                Some(o) => o.reacted = true,
                None => parsed.skip(format!("line {n}"), SkipReason::ClientChrome),
            },
            Line::Chrome => parsed.skip(format!("line {n}"), SkipReason::ClientChrome),
            Line::Text(t) => match open.as_mut() {
                Some(o) => o.text.push(t.to_string()),
                None => parsed.skip(format!("line {n}"), SkipReason::NoTime),
            },
        }
    }
    close(&mut open, context, &mut parsed);
    Ok(parsed)
}

/// The date a divider names. A divider without a year takes the year of the date known
/// so far (rolling forward past New Year); "Today" and "Yesterday" count from the date
/// the caller gave.
fn day_of(
    divider: Divider,
    current: Option<NaiveDate>,
    context: &Context,
) -> Result<NaiveDate, SourceError> {
    let need = SourceError::NeedDate {
        what: "copied Slack text (a divider without a year)",
    };
    match divider {
        Divider::Today => context.date.ok_or(need),
        Divider::Yesterday => context
            .date
            .and_then(|d| d.checked_sub_signed(TimeDelta::days(1)))
            .ok_or(need),
        Divider::Date(DatePart::Full(d)) => Ok(d),
        Divider::Date(DatePart::MonthDay { month, day }) => {
            let base = current.or(context.date).ok_or(need)?;
            let mut d =
                NaiveDate::from_ymd_opt(base.year(), month, day).ok_or(SourceError::NeedDate {
                    what: "copied Slack text (a divider names no real day)",
                })?;
            if d < base - TimeDelta::days(180) {
                d = NaiveDate::from_ymd_opt(base.year() + 1, month, day).unwrap_or(d);
            }
            Ok(d)
        }
        Divider::Date(DatePart::None) => current.ok_or(need),
    }
}

fn close(open: &mut Option<Open>, context: &Context, parsed: &mut Parsed) {
    let Some(o) = open.take() else { return };
    let mut body = one_line(&o.text.join(" "));
    for suffix in [" (edited)", "(edited)"] {
        if let Some(b) = body.strip_suffix(suffix) {
            body = b.trim_end().to_string();
        }
    }
    let at = format!("line {}", o.line);
    if body.is_empty() {
        parsed.skip(at, SkipReason::Empty);
        return;
    }
    let Some(time) = local(o.date, o.time, context.zone) else {
        parsed.skip(at, SkipReason::BadTime("not a real local time".into()));
        return;
    };
    let lower = body.to_ascii_lowercase();
    if lower.starts_with("joined #")
        || lower.starts_with("left #")
        || lower == "has joined the channel"
        || lower == "has left the channel"
    {
        parsed.skip(at, SkipReason::Membership);
        return;
    }
    let kind = kind_of(None, &body);
    parsed.rows.push(Candidate {
        time,
        suggested: !o.bot && (o.reacted || kind.is_some()),
        kind,
        who: if o.bot {
            format!("{} (bot)", o.who)
        } else {
            o.who
        },
        text: body,
        source: Source::Slack,
        source_id: at,
        reply_to: None,
        duplicate_of: None,
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(h: u32, m: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(h, m, 0).expect("time")
    }

    #[test]
    fn classifies_client_lines() {
        assert_eq!(
            classify("Priya Raman  10:42 AM"),
            Line::Header {
                who: "Priya Raman",
                bot: false,
                time: t(10, 42),
                text: ""
            }
        );
        assert_eq!(
            classify("PagerDuty APP\t10:41 PM"),
            Line::Header {
                who: "PagerDuty",
                bot: true,
                time: t(22, 41),
                text: ""
            }
        );
        assert_eq!(
            classify("[10:42 AM] Sam Ortiz: rolling back"),
            Line::Header {
                who: "Sam Ortiz",
                bot: false,
                time: t(10, 42),
                text: "rolling back"
            }
        );
        assert_eq!(classify("10:44"), Line::Again(t(10, 44), ""));
        assert_eq!(
            classify("Sam Ortiz [9:47 AM]"),
            Line::Header {
                who: "Sam Ortiz",
                bot: false,
                time: t(9, 47),
                text: ""
            }
        );
        assert_eq!(
            classify("[9:52 AM]rolled back: v2.14.1"),
            Line::Again(t(9, 52), "rolled back: v2.14.1")
        );
        assert_eq!(classify(":eyes: 2 :fire: 1"), Line::Reactions);
        assert_eq!(classify("3 replies"), Line::Chrome);
        assert_eq!(classify("View thread"), Line::Chrome);
        assert_eq!(classify("Today"), Line::Day(Divider::Today));
        assert_eq!(
            classify("Monday, November 13th"),
            Line::Day(Divider::Date(DatePart::MonthDay { month: 11, day: 13 }))
        );
        // One space before the time: a sentence, not a header.
        assert_eq!(
            classify("let's meet at 10:42 AM"),
            Line::Text("let's meet at 10:42 AM")
        );
        assert_eq!(classify("see you at 10:42"), Line::Text("see you at 10:42"));
    }
}
