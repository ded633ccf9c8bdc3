//! Plain lines that start with a time: `09:12 config push reached EU edge`,
//! `2023-11-13 09:12 UTC - paged`, `- **09:12** — rollback`, and Markdown table rows
//! `| 09:12 | event | who |`. Clock-only times take the caller's date and roll over
//! midnight in order; a line with no leading time is skipped and reported.

#[cfg(feature = "read")]
use super::{
    column_instants, Candidate, Context, Format, Input, Parsed, SkipReason, Source, SourceError,
};
use super::{kind_of, one_line};
use crate::time::parse_stamp;

/// A line split into its time, text and (for table rows) who.
#[derive(Debug, PartialEq)]
struct Row<'a> {
    time: &'a str,
    text: String,
    who: String,
}

const SEPARATORS: &[char] = &['-', '–', '—', ':', '|', '*', '`', ' ', '\t', ','];

fn split(line: &str) -> Option<Row<'_>> {
    let l = line.trim();
    if l.starts_with('|') {
        let cells: Vec<&str> = l.trim_matches('|').split('|').map(str::trim).collect();
        let time = cells.first()?.trim_matches(['*', '`']);
        parse_stamp(time)?;
        return Some(Row {
            time,
            text: one_line(cells.get(1).copied().unwrap_or("")),
            who: one_line(cells.get(2).copied().unwrap_or("")),
        });
    }
    let l = l
        .strip_prefix("- ")
        .or_else(|| l.strip_prefix("* "))
        .or_else(|| l.strip_prefix("+ "))
        .unwrap_or(l)
        .trim_start_matches(['*', '`']);
    // The longest run of leading words that reads as a time (up to six: "Mon, Nov 13
    // 2023 09:12 UTC").
    let ends = word_ends(l, 6);
    for &end in ends.iter().rev() {
        let candidate = l[..end].trim_end_matches(SEPARATORS);
        if candidate.is_empty() {
            continue;
        }
        let Some(stamp) = parse_stamp(candidate) else {
            continue;
        };
        if stamp.time.is_none() {
            continue;
        }
        let text = l[end..].trim_start_matches(SEPARATORS);
        return Some(Row {
            time: candidate,
            text: one_line(text.trim_end_matches(['*', '`']).trim()),
            who: String::new(),
        });
    }
    None
}

/// Byte offsets just past each of the first `max` white-space separated words.
fn word_ends(l: &str, max: usize) -> Vec<usize> {
    let mut ends = Vec::new();
    let mut in_word = false;
    for (i, c) in l.char_indices() {
        if c.is_whitespace() {
            if in_word {
                ends.push(i);
                if ends.len() == max {
                    return ends;
                }
            }
            in_word = false;
        } else {
            in_word = true;
        }
    }
    if in_word {
        ends.push(l.len());
    }
    ends
}

#[cfg(feature = "read")]
pub(crate) fn detect(input: &Input) -> bool {
    let Input::Text(text) = input else {
        return false;
    };
    text.lines().take(200).any(|l| split(l).is_some())
}

#[cfg(feature = "read")]
pub(crate) fn parse(input: &Input, context: &Context) -> Result<Parsed, SourceError> {
    let Input::Text(text) = input else {
        return Err(SourceError::Unrecognised {
            hint: "plain lines are text".into(),
        });
    };
    let mut parsed = Parsed::new(Format::PlainLines);
    let mut rows = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        match split(line) {
            Some(r) => rows.push((i + 1, r)),
            None => parsed.skip(format!("line {}", i + 1), SkipReason::NoTime),
        }
    }
    let times: Vec<&str> = rows.iter().map(|(_, r)| r.time).collect();
    let at = column_instants(&times, context, "the lines")?;
    for ((n, r), time) in rows.into_iter().zip(at) {
        let where_ = format!("line {n}");
        let Some(time) = time else {
            parsed.skip(where_, SkipReason::BadTime(format!("`{}`", r.time)));
            continue;
        };
        if r.text.is_empty() {
            parsed.skip(where_, SkipReason::Empty);
            continue;
        }
        parsed.rows.push(Candidate {
            time,
            kind: kind_of(None, &r.text),
            who: r.who,
            text: r.text,
            source: Source::Text,
            source_id: where_,
            reply_to: None,
            suggested: true,
            duplicate_of: None,
        });
    }
    Ok(parsed)
}

/// Pasted lines as timeline rows kept as typed (no date or zone is guessed: the time
/// cell holds the line's own time text), when every non-blank line starts with a time
/// and there are at least two; `None` otherwise, so one line or prose pastes as text.
pub fn timeline_rows(text: &str) -> Option<Vec<crate::model::TimelineEntry>> {
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    if lines.len() < 2 {
        return None;
    }
    lines
        .into_iter()
        .map(|l| {
            let r = split(l)?;
            Some(crate::model::TimelineEntry {
                time: r.time.to_string(),
                kind: kind_of(None, &r.text),
                event: r.text,
                owner: r.who,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pasted_lines_become_rows_as_typed() {
        let rows = timeline_rows("09:12 config push reached EU edge\n\n- 09:20 — alert: 502 rate above 5%\n| 09:31 | rollback | Ana |\n");
        let rows = rows.unwrap_or_default();
        let got: Vec<(&str, &str, &str)> = rows
            .iter()
            .map(|e| (e.time.as_str(), e.event.as_str(), e.owner.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                ("09:12", "config push reached EU edge", ""),
                ("09:20", "alert: 502 rate above 5%", ""),
                ("09:31", "rollback", "Ana"),
            ]
        );
        assert_eq!(timeline_rows("09:12 one line only"), None);
        assert_eq!(timeline_rows("09:12 a time\nthen prose"), None);
    }

    fn row(line: &str) -> Option<(String, String)> {
        split(line).map(|r| (r.time.to_string(), r.text))
    }

    #[test]
    fn splits_time_from_text() {
        let cases = [
            (
                "09:12 config push reached EU edge",
                "09:12",
                "config push reached EU edge",
            ),
            (
                "2023-11-13 09:12 UTC - paged",
                "2023-11-13 09:12 UTC",
                "paged",
            ),
            (
                "- **09:12** — rollback started",
                "09:12",
                "rollback started",
            ),
            ("14:30:05: errors began", "14:30:05", "errors began"),
            ("Nov 13 09:12 alert fired", "Nov 13 09:12", "alert fired"),
            (
                "2023-11-13T09:12:00Z deploy",
                "2023-11-13T09:12:00Z",
                "deploy",
            ),
            ("| 09:12 | paged | Priya |", "09:12", "paged"),
        ];
        for (line, time, text) in cases {
            assert_eq!(row(line), Some((time.into(), text.into())), "{line}");
        }
        assert_eq!(row("Timeline"), None);
        assert_eq!(row("|---|---|"), None);
        assert_eq!(row("2023-11-13 no time"), None);
    }
}
