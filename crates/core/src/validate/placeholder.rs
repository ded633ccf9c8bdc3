//! Template placeholders left in text (`[Name]`, `YYYY-MM-DD`, `HH:MM`, `INC-XXXX`,
//! `_minutes_`, `X hours Y minutes`, `SEV1/SEV2/SEV3/SEV4`, `Draft / In Review / Final`),
//! the public detector the importer shares, and the `placeholder` rule, which also
//! reports placeholders an import skipped (`Report::placeholders`) until the field is filled.

use std::collections::{HashMap, HashSet};

use serde::Serialize;

use super::{leaves, Context, Finding, LeafKind, Level, Rule};

/// A placeholder found in text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Placeholder {
    /// The placeholder as written, e.g. `[YYYY-MM-DD]`.
    pub text: String,
    /// Byte range in the searched text.
    pub start: usize,
    pub end: usize,
}

/// Parts a template token is built from: `YYYY-MM-DD`, `HH:MM:SS`, `INC-YYYY-NNNN`.
const TOKEN_PARTS: &[&str] = &[
    "YYYY", "YY", "MM", "DD", "HH", "SS", "NNNN", "NNN", "NN", "XXXX", "XXX", "XX", "X", "Y", "N",
];

/// Words that stand in for a value left to fill.
const FILLER_WORDS: &[&str] = &["TODO", "TBD", "TBA", "FIXME", "XXX", "XXXX", "???"];

/// Bracketed words that are log levels or checkboxes, not placeholders.
const NOT_PLACEHOLDERS: &[&str] = &[
    "", " ", "x", "X", "ERROR", "WARN", "WARNING", "INFO", "DEBUG", "TRACE", "FATAL", "CRITICAL",
    "OK", "NOTICE",
];

/// Units that follow an `X` in `X hours Y minutes`.
const UNITS: &[&str] = &[
    "hours", "hour", "minutes", "minute", "mins", "min", "days", "day", "seconds", "sec", "secs",
    "ms", "weeks", "%", "users", "requests",
];

/// Options a template offers to choose from (`Draft / In Review / Final`, `Yes/No`).
const CHOICES: &[&str] = &[
    "draft",
    "in review",
    "reviewed",
    "final",
    "complete",
    "completed",
    "open",
    "closed",
    "in progress",
    "done",
    "yes",
    "no",
    "n/a",
];

/// Finds every placeholder in `text`, in order; adjacent ones separated only by spaces
/// ("YYYY-MM-DD HH:MM", "X hours Y minutes") are one placeholder.
pub fn find_placeholders(text: &str) -> Vec<Placeholder> {
    let Marks {
        slash,
        bracket,
        underscore,
        token,
    } = marks(text.as_bytes());
    if !(slash || bracket || underscore || token) {
        return Vec::new();
    }
    let mut spans: Vec<(usize, usize)> = Vec::new();
    if slash && choice_list(text.trim()) {
        let start = text.len() - text.trim_start().len();
        spans.push((start, start + text.trim().len()));
    }
    if bracket {
        brackets(text, &mut spans);
    }
    if token || slash {
        tokens(text, &mut spans);
    }
    if underscore {
        italics(text, &mut spans);
    }
    spans.sort_unstable();
    let mut merged: Vec<(usize, usize)> = Vec::with_capacity(spans.len());
    for (s, e) in spans {
        match merged.last_mut() {
            Some(last) if s <= last.1 || text[last.1..s].chars().all(|c| c == ' ') => {
                last.1 = last.1.max(e);
            }
            _ => merged.push((s, e)),
        }
    }
    merged
        .into_iter()
        .map(|(start, end)| Placeholder {
            text: text[start..end].to_string(),
            start,
            end,
        })
        .collect()
}

/// Which detectors a text needs, found in one cheap pass. Validation runs on every
/// keystroke and most text holds no placeholder, so the detectors only see text with the
/// marks they look for.
#[derive(Default)]
struct Marks {
    /// `/` or `|`: menus (`Draft / Final`, `SEV1/SEV2`).
    slash: bool,
    bracket: bool,
    underscore: bool,
    /// Marks of a template token: two capitals in a row (`HH`, `INC-XXXX`, `TBD`,
    /// `SEV1`), `P` and a digit, a lone `X`/`Y`/`N`, `$X`, `X%`/`N%` or `??`.
    token: bool,
}

/// Bytes `marks` must look at: capitals and `[ _ / | $ % ?`.
const MARK_BYTES: [bool; 256] = {
    let mut t = [false; 256];
    let mut i = 0;
    while i < 256 {
        let b = i as u8;
        t[i] =
            b.is_ascii_uppercase() || matches!(b, b'[' | b'_' | b'/' | b'|' | b'$' | b'%' | b'?');
        i += 1;
    }
    t
};

fn marks(b: &[u8]) -> Marks {
    let mut m = Marks::default();
    for (i, &c) in b.iter().enumerate() {
        if !MARK_BYTES[usize::from(c)] {
            continue;
        }
        let next = b.get(i + 1).copied().unwrap_or(b' ');
        let prev = if i == 0 { b' ' } else { b[i - 1] };
        match c {
            b'/' | b'|' => m.slash = true,
            b'[' => m.bracket = true,
            b'_' => m.underscore = true,
            b'$' => m.token |= next == b'X',
            b'%' => m.token |= matches!(prev, b'X' | b'N'),
            b'?' => m.token |= next == b'?',
            b'A'..=b'Z' => {
                m.token |= next.is_ascii_uppercase()
                    || (c == b'P' && next.is_ascii_digit())
                    || (matches!(c, b'X' | b'Y' | b'N')
                        && !prev.is_ascii_alphanumeric()
                        && !next.is_ascii_alphanumeric());
            }
            _ => {}
        }
    }
    m
}

/// True when the text holds only placeholders (and punctuation between them).
pub fn is_placeholder(text: &str) -> bool {
    let found = find_placeholders(text);
    if found.is_empty() {
        return false;
    }
    let mut rest = String::with_capacity(text.len());
    let mut at = 0;
    for p in &found {
        rest.push_str(&text[at..p.start]);
        at = p.end;
    }
    rest.push_str(&text[at..]);
    !rest.chars().any(char::is_alphanumeric)
}

/// `Draft / In Review / Final`, `Yes/No`, `yes / no / N/A`: the whole text is a menu.
fn choice_list(text: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    let parts: Vec<&str> = if lower.contains('|') {
        lower.split('|').collect()
    } else if lower.contains(" / ") {
        lower.split(" / ").collect()
    } else {
        lower.split('/').collect()
    };
    parts.len() >= 2
        && parts
            .iter()
            .all(|p| CHOICES.contains(&p.trim().trim_matches('_')))
}

/// `[Name]`, `[e.g., 5 minutes]`, `[Link to dashboard]` — but not links, checkboxes,
/// footnotes or log levels.
fn brackets(text: &str, spans: &mut Vec<(usize, usize)>) {
    let bytes = text.as_bytes();
    let mut i = 0;
    while let Some(open) = text[i..].find('[').map(|p| p + i) {
        let Some(close) = text[open + 1..].find(']').map(|p| p + open + 1) else {
            break;
        };
        // A nested "[" means the outer one is not a placeholder bracket; restart inside.
        if let Some(inner) = text[open + 1..close].rfind('[') {
            i = open + 1 + inner;
            continue;
        }
        let content = &text[open + 1..close];
        let next = bytes.get(close + 1).copied();
        let is_link = matches!(next, Some(b'(') | Some(b'['))
            || (open > 0 && bytes[open - 1] == b'!')
            || (open > 0 && bytes[open - 1] == b']');
        let meaningful =
            content.chars().any(char::is_alphabetic) && !NOT_PLACEHOLDERS.contains(&content.trim());
        if !is_link && meaningful {
            spans.push((open, close + 1));
        }
        i = close + 1;
    }
}

fn is_token_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '-' | ':' | '$' | '%' | '?' | '#' | '.')
}

/// A severity or priority level word: `SEV1`, `P2`, or a bare digit continuing a list.
fn level_word(word: &str, continuing: bool) -> bool {
    let digit = |s: &[u8]| matches!(s, [d] if d.is_ascii_digit());
    let b = word.as_bytes();
    match b {
        [s, e, v, rest @ ..] if [*s, *e, *v].eq_ignore_ascii_case(b"SEV") => {
            digit(rest) || matches!(rest, [b'-', d] if d.is_ascii_digit())
        }
        [p, rest @ ..] if p.eq_ignore_ascii_case(&b'P') => digit(rest),
        _ => continuing && digit(b),
    }
}

/// A single template token: `HH:MM`, `YYYY-MM-DD`, `INC-XXXX`, `TBD`, `$X`, `X%`,
/// `SEV1/SEV2/SEV3/SEV4`.
fn template_token(token: &str) -> bool {
    if FILLER_WORDS.contains(&token) || matches!(token, "$X" | "X%" | "N%" | "$X.XX" | "#XXX") {
        return true;
    }
    // Only capitals, digits and separators can make a template token.
    if !token
        .bytes()
        .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'-' || b == b':')
    {
        return false;
    }
    let parts = || token.split(['-', ':']);
    if parts().any(str::is_empty) {
        return false;
    }
    let count = parts().count();
    let filler = |p: &str| TOKEN_PARTS.contains(&p);
    let strong =
        |p: &str| p.len() >= 3 && (p.bytes().all(|b| b == b'X') || p.bytes().all(|b| b == b'N'));
    if count >= 2 && parts().all(filler) {
        return true;
    }
    // A prefix then template parts: INC-XXXX, INC-YYYY-NNNN.
    let prefix = parts().next().unwrap_or_default();
    count >= 2
        && (2..=8).contains(&prefix.len())
        && prefix.bytes().all(|b| b.is_ascii_uppercase())
        && parts().skip(1).all(filler)
        && parts().skip(1).any(|p| strong(p) || p == "YYYY")
}

/// Template tokens, `X hours Y minutes`, and level menus (`SEV1/SEV2`, `P1 / P2 / P3`).
fn tokens(text: &str, spans: &mut Vec<(usize, usize)>) {
    // Words: (start, end) of runs of token characters, with trailing sentence punctuation
    // trimmed; '/' and '|' separate words so menus can be recognised.
    let mut words: Vec<(usize, usize)> = Vec::new();
    let mut start = None;
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        match (start, is_token_char(c) && i < text.len()) {
            (None, true) => start = Some(i),
            (Some(s), false) => {
                let w = text[s..i].trim_end_matches(['.', ':', '?']);
                let w = if w.is_empty() { &text[s..i] } else { w };
                words.push((s, s + w.len()));
                start = None;
            }
            _ => {}
        }
    }
    let mut i = 0;
    while i < words.len() {
        let (s, e) = words[i];
        let word = &text[s..e];
        // A menu of levels: SEV1/SEV2/SEV3/SEV4, SEV1/2/3/4, SEV1 | SEV2, P1 / P2 / P3.
        if level_word(word, false) {
            let mut j = i;
            while j + 1 < words.len() {
                let gap = text[words[j].1..words[j + 1].0].trim();
                let next = &text[words[j + 1].0..words[j + 1].1];
                if matches!(gap, "/" | "|" | ",") && level_word(next, true) {
                    j += 1;
                } else {
                    break;
                }
            }
            if j > i {
                spans.push((s, words[j].1));
                i = j + 1;
                continue;
            }
        }
        if matches!(word, "X" | "Y" | "N") {
            if let Some(&(ns, ne)) = words.get(i + 1) {
                if text[e..ns].trim().is_empty() && UNITS.contains(&&text[ns..ne]) {
                    spans.push((s, ne));
                    i += 2;
                    continue;
                }
            }
        }
        if template_token(word) {
            spans.push((s, e));
        }
        i += 1;
    }
}

/// Italic guidance: `_Description_`, `_minutes_`, `_One paragraph describing …_`. Short
/// italics inside a sentence are emphasis, not guidance.
fn italics(text: &str, spans: &mut Vec<(usize, usize)>) {
    let trimmed = text.trim();
    let lead = text.len() - text.trim_start().len();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut k = 0;
    while k < chars.len() {
        let (i, c) = chars[k];
        let prev_ok = k == 0 || !chars[k - 1].1.is_alphanumeric() && chars[k - 1].1 != '_';
        let next_ok = chars
            .get(k + 1)
            .is_some_and(|&(_, n)| !n.is_whitespace() && n != '_');
        if c != '_' || !prev_ok || !next_ok {
            k += 1;
            continue;
        }
        let mut m = k + 2;
        let mut found = None;
        while m < chars.len() {
            let (j, cj) = chars[m];
            if cj == '\n' {
                break;
            }
            let before = chars[m - 1].1;
            let after_ok = chars
                .get(m + 1)
                .is_none_or(|&(_, a)| !a.is_alphanumeric() && a != '_');
            if cj == '_' && !before.is_whitespace() && after_ok {
                found = Some((m, j));
                break;
            }
            m += 1;
        }
        let Some((m, j)) = found else {
            k += 1;
            continue;
        };
        let content = &text[i + 1..j];
        let whole = i == lead && j + 1 == lead + trimmed.len();
        let long = content.split_whitespace().count() >= 3;
        let lower = content.to_ascii_lowercase();
        let guidance = ["e.g.", "example", "describe", "list ", "if applicable"]
            .iter()
            .any(|g| lower.starts_with(g));
        if whole || long || guidance {
            spans.push((i, j + 1));
        }
        k = m + 1;
    }
}

/// `placeholder`: template placeholder text still present anywhere.
pub const PLACEHOLDER: Rule = Rule {
    id: "placeholder",
    level: Level::Warning,
    doc: "Template placeholder text (e.g. `[Name]`, `YYYY-MM-DD`, `_minutes_`) is still in the report.",
    check: placeholder,
};

fn finding(location: String, text: &str) -> Finding {
    Finding::new(
        &PLACEHOLDER,
        location,
        format!("Template placeholder \"{text}\" is still in the text."),
    )
    .fix("Replace it with the real value, or delete it if it does not apply.")
}

fn placeholder(cx: &Context) -> Vec<Finding> {
    let report = cx.report;
    let mut out = Vec::new();
    let mut seen: HashSet<(String, String)> = HashSet::new();
    let all = leaves(report);
    for (loc, kind, text) in &all {
        // Action-item owner, due date and priority: their own rules report placeholders.
        if text.is_empty() || *kind == LeafKind::OwnRule {
            continue;
        }
        let found = if *kind == LeafKind::Log {
            if is_placeholder(text) {
                vec![text.trim().to_string()]
            } else {
                Vec::new()
            }
        } else {
            find_placeholders(text)
                .into_iter()
                .map(|p| p.text)
                .collect()
        };
        for p in found {
            let key = (loc.to_string(), p);
            if seen.insert(key.clone()) {
                out.push(finding(key.0, &key.1));
            }
        }
    }
    if report.placeholders.is_empty() {
        return out;
    }
    let by_location: HashMap<String, (LeafKind, &str)> = all
        .iter()
        .map(|(loc, kind, text)| (loc.to_string(), (*kind, *text)))
        .collect();
    for note in &report.placeholders {
        let current = by_location.get(&note.location);
        if current.is_some_and(|(kind, _)| *kind == LeafKind::OwnRule) {
            continue;
        }
        let filled =
            current.is_some_and(|(_, t)| !t.trim().is_empty() && !t.contains(note.text.as_str()));
        if filled {
            continue;
        }
        let key = (note.location.clone(), note.text.clone());
        if seen.insert(key) {
            let mut f = finding(note.location.clone(), &note.text);
            f.line = note.line;
            out.push(f);
        } else if let Some(f) = out
            .iter_mut()
            .find(|f| f.location == note.location && f.message.contains(note.text.as_str()))
        {
            f.line = f.line.or(note.line);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::PlaceholderNote;
    use crate::validate::testing::{clean, locations, run};

    fn texts(s: &str) -> Vec<String> {
        find_placeholders(s).into_iter().map(|p| p.text).collect()
    }

    #[test]
    fn recognises_every_seed_placeholder() {
        for s in [
            "[Name]",
            "[YYYY-MM-DD]",
            "HH:MM",
            "YYYY-MM-DD",
            "_minutes_",
            "[Link to dashboard]",
            "INC-XXXX",
            "[INC-XXXX]",
            "INC-YYYY-NNNN",
            "[e.g., 2 hours 15 minutes]",
            "X hours Y minutes",
            "SEV1/SEV2/SEV3/SEV4",
            "[SEV1/SEV2/SEV3/SEV4]",
            "SEV1/2/3/4",
            "SEV1 | SEV2 | SEV3 | SEV4",
            "P1/P2/P3",
            "P1 / P2 / P3 / P4",
            "[P0, P1, P2]",
            "_Description_",
            "_One paragraph describing what happened, when, and the impact on users._",
            "Draft / In Review / Final",
            "Draft | In Review | Complete",
            "Draft / Reviewed / Final",
            "_yes / no / N/A_",
            "[Yes/No]",
            "[YYYY-MM-DD HH:MM]",
            "HH:MM (from detection to resolution)",
            "[$X or N/A]",
            "[bd://xxx]",
            "[Factor 1]: [Explanation]",
            "TBD",
            "[Engineering Manager Name], [Date]",
            "[Paste key log excerpts here]",
        ] {
            assert!(is_placeholder(s) || s.contains('('), "{s}");
            assert!(!find_placeholders(s).is_empty(), "{s}");
        }
    }

    #[test]
    fn finds_placeholders_inside_text() {
        assert_eq!(
            texts("All times in [TIMEZONE]."),
            vec!["[TIMEZONE]".to_string()]
        );
        assert_eq!(
            texts("Started YYYY-MM-DD HH:MM, lasted X hours Y minutes"),
            vec![
                "YYYY-MM-DD HH:MM".to_string(),
                "X hours Y minutes".to_string()
            ]
        );
        assert_eq!(
            texts("Incident declared P1, see _Example: ticket link_"),
            vec!["_Example: ticket link_".to_string()]
        );
        let p = &find_placeholders("Owner: [Name]")[0];
        assert_eq!((p.start, p.end), (7, 13));
    }

    #[test]
    fn leaves_real_text_alone() {
        for s in [
            "",
            "2024-01-15",
            "14:30",
            "SEV2",
            "P1",
            "Final",
            "See [the dashboard](https://grafana.example/d/1)",
            "- [x] Detection Gap: no alert on pool saturation",
            "[ERROR] pool exhausted",
            "Updated pool_max_size to 50",
            "We _really_ should page earlier",
            "INC-2024-0042",
            "The X-Request-Id header was missing",
            "Rolled back in 12 minutes",
            "See footnote [1]",
            "Yes, within 2 minutes",
        ] {
            assert_eq!(texts(s), Vec::<String>::new(), "{s}");
            assert!(!is_placeholder(s), "{s}");
        }
    }

    #[test]
    fn mixed_text_is_not_all_placeholder() {
        assert!(!is_placeholder("Dana Reyes [Name]"));
        assert!(is_placeholder("  [Name] , [Date] "));
    }

    #[test]
    fn rule_fires_once_per_placeholder_and_place() {
        let mut r = clean();
        r.meta.title = "[Incident Title]".into();
        r.summary.summary = "At HH:MM the API failed; again at HH:MM. Owner [Name].".into();
        r.timeline.entries[2].time = "HH:MM".into();
        let f = run(&PLACEHOLDER, &r);
        let got: Vec<(&str, &str)> = f
            .iter()
            .map(|f| (f.location.as_str(), f.message.as_str()))
            .collect();
        assert_eq!(f.len(), 4, "{got:?}");
        assert_eq!(f[0].location, "meta.title");
        assert!(f.iter().any(|f| f.location == "timeline[2].time"));
        assert_eq!(
            f.iter().filter(|f| f.location == "summary.summary").count(),
            2
        );
        assert!(f[0].fix.is_some());
    }

    #[test]
    fn rule_is_quiet_on_a_clean_report_and_leaves_action_item_fields_to_their_rules() {
        let mut r = clean();
        assert!(run(&PLACEHOLDER, &r).is_empty());
        r.action_items[0].owner = "[Name]".into();
        r.action_items[0].due = "YYYY-MM-DD".into();
        assert!(run(&PLACEHOLDER, &r).is_empty());
        r.appendix.logs = vec![
            "[ERROR] HH:MM pool".into(),
            "[Paste key log excerpts here]".into(),
        ];
        assert_eq!(
            locations(&PLACEHOLDER, &r),
            vec!["appendix.logs[1]".to_string()]
        );
    }

    #[test]
    fn import_notes_are_reported_until_the_field_is_filled() {
        let mut r = clean();
        r.meta.incident_id.clear();
        r.placeholders = vec![
            PlaceholderNote {
                location: "meta.incident_id".into(),
                text: "[INC-XXXX]".into(),
                line: Some(4),
            },
            PlaceholderNote {
                location: "meta.title".into(),
                text: "[Incident Title]".into(),
                line: Some(1),
            },
            PlaceholderNote {
                location: "action_items[0].owner".into(),
                text: "[Name]".into(),
                line: Some(60),
            },
        ];
        let f = run(&PLACEHOLDER, &r);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].location, "meta.incident_id");
        assert_eq!(f[0].line, Some(4));
        // A note whose text is still in the field is one finding, with the note's line.
        r.meta.incident_id = "[INC-XXXX]".into();
        let f = run(&PLACEHOLDER, &r);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].line, Some(4));
        r.meta.incident_id = "INC-2024-0042".into();
        assert!(run(&PLACEHOLDER, &r).is_empty());
    }
}
