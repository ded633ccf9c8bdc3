//! Template placeholders left in text (`[Name]`, `[…]`, `YYYY-MM-DD`, `HH:MM`,
//! `INC-XXXX`, `_minutes_`, `X hours Y minutes`, `TBD`, `???`, `SEV1/SEV2/SEV3/SEV4`,
//! `Draft / In Review / Final`, `<insert link>`, `{{owner}}`, `${OWNER}`, Lorem ipsum
//! filler) — but not real bracketed values (`[secure]`, `[v2.3.1]`) or checkbox marks
//! (`[x]`, `\[x\]`): the one detector the importer and the validation rules
//! share, so "is this filled in?" has the same answer at import and while editing.
//!
//! `find_placeholders` returns every placeholder with its span; `is_placeholder` says the
//! text is nothing but placeholders; `is_unfilled` (the importer's question) also counts
//! a template line with a slot still in it ("Why did [symptom]?", "Apr 5 HH:MM").

use std::borrow::Cow;

use serde::Serialize;

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

/// Words that stand in for a value left to fill. Inside a sentence they are the author's
/// note ("root cause TBD pending the vendor"), so they only make text unfilled on their own.
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

/// Options a template offers to choose from (`Draft / In Review / Final`, `Yes/No`,
/// `High, Medium, Low`); compared ignoring ASCII case.
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
    "na",
    "high",
    "medium",
    "low",
    "critical",
];

/// A placeholder's byte range, and whether it is a slot: a blank the template wants filled
/// (`[symptom]`, `HH:MM`), which makes the line around it template text too.
#[derive(Clone, Copy)]
struct Span {
    start: usize,
    end: usize,
    slot: bool,
}

/// Finds every placeholder in `text`, in order; adjacent ones separated only by spaces
/// ("YYYY-MM-DD HH:MM", "X hours Y minutes") are one placeholder.
pub fn find_placeholders(text: &str) -> Vec<Placeholder> {
    spans(text)
        .into_iter()
        .map(|s| Placeholder {
            text: text[s.start..s.end].to_string(),
            start: s.start,
            end: s.end,
        })
        .collect()
}

/// True when the text holds only placeholders (and punctuation between them): nothing of
/// the author's is left. "Dana Reyes [Name]" is not: the name was written.
pub fn is_placeholder(text: &str) -> bool {
    let found = spans(text);
    !found.is_empty() && only_placeholders(text, &found)
}

/// True when `text` is not yet the author's value: nothing but placeholders, or a template
/// line with a slot left in it ("Why did [symptom]?", "Apr 5 HH:MM",
/// "HH:MM (from detection to resolution)"). The importer notes such text instead of
/// importing it as a value.
pub fn is_unfilled(text: &str) -> bool {
    let found = spans(text);
    !found.is_empty() && (found.iter().any(|s| s.slot) || only_placeholders(text, &found))
}

/// `_One paragraph describing…_` or `*…*`: the whole text is template guidance in italics.
pub fn is_italic_guidance(text: &str) -> bool {
    let t = text.trim();
    if t.len() < 3 {
        return false;
    }
    [b'_', b'*'].iter().any(|&m| {
        let b = t.as_bytes();
        // The marks are ASCII, so slicing one byte off either end stays on char boundaries.
        b[0] == m && b[b.len() - 1] == m && b[1] != m && !t[1..t.len() - 1].bytes().any(|c| c == m)
    })
}

/// No letter or digit outside `found`.
fn only_placeholders(text: &str, found: &[Span]) -> bool {
    let mut at = 0;
    for s in found {
        if text[at..s.start].chars().any(char::is_alphanumeric) {
            return false;
        }
        at = s.end;
    }
    !text[at..].chars().any(char::is_alphanumeric)
}

fn spans(text: &str) -> Vec<Span> {
    let Marks {
        menu,
        comma,
        bracket,
        emphasis,
        token,
        angle,
        variable,
    } = marks(text.as_bytes());
    let lorem = contains_ignore_ascii_case(text, "lorem ipsum");
    if !(menu || comma || bracket || emphasis || token || angle || variable || lorem) {
        return Vec::new();
    }
    let mut spans: Vec<Span> = Vec::new();
    let whole = || {
        let start = text.len() - text.trim_start().len();
        Span {
            start,
            end: start + text.trim().len(),
            slot: true,
        }
    };
    if (menu || comma) && choice_list(text) {
        spans.push(whole());
    }
    if emphasis && is_italic_guidance(text) {
        spans.push(whole());
    }
    if bracket {
        brackets(text, &mut spans);
    }
    if token || menu {
        tokens(text, &mut spans);
    }
    if emphasis {
        italics(text, &mut spans);
    }
    if angle {
        angles(text, &mut spans);
    }
    if variable {
        variables(text, &mut spans);
    }
    // Filler text a template or a mock-up left: the whole text is a stand-in.
    if lorem {
        spans.push(whole());
    }
    spans.sort_unstable_by_key(|s| (s.start, s.end));
    let mut merged: Vec<Span> = Vec::with_capacity(spans.len());
    for s in spans {
        match merged.last_mut() {
            Some(last)
                if s.start <= last.end || text[last.end..s.start].chars().all(|c| c == ' ') =>
            {
                last.end = last.end.max(s.end);
                last.slot |= s.slot;
            }
            _ => merged.push(s),
        }
    }
    merged
}

/// Which detectors a text needs, found in one cheap pass. Validation runs on every
/// keystroke and most text holds no placeholder, so the detectors only see text with the
/// marks they look for.
#[derive(Default)]
struct Marks {
    /// `/` or `|`: menus (`Draft / Final`, `SEV1/SEV2`).
    menu: bool,
    /// `,`: a menu only when it is the whole text (`High, Medium, Low`); commas are too
    /// common in prose to send every sentence to the word scanner.
    comma: bool,
    bracket: bool,
    /// `_` or `*`: italic guidance.
    emphasis: bool,
    /// Marks of a template token: two capitals in a row (`HH`, `INC-XXXX`, `TBD`,
    /// `SEV1`), `P` and a digit, a lone `X`/`Y`/`N`, `$X`, `X%`/`N%`, `??`, `xx`, or a
    /// `-`/`:` between template letters (`hh:mm`, `yyyy-mm-dd`).
    token: bool,
    /// `<`: `<insert link>`.
    angle: bool,
    /// `{{` or `${`: a template variable (`{{owner}}`, `${OWNER}`).
    variable: bool,
}

/// Bytes `marks` must look at: capitals, `x` and `[ _ * / | , $ % ? - :`.
const MARK_BYTES: [bool; 256] = {
    let mut t = [false; 256];
    let mut i = 0;
    while i < 256 {
        let b = i as u8;
        t[i] = b.is_ascii_uppercase()
            || matches!(
                b,
                b'[' | b'_'
                    | b'*'
                    | b'/'
                    | b'|'
                    | b','
                    | b'$'
                    | b'%'
                    | b'?'
                    | b'x'
                    | b'-'
                    | b':'
                    | b'<'
                    | b'{'
            );
        i += 1;
    }
    t
};

/// Letters template tokens are spelled with, in lower case (`yyyy-mm-dd`, `hh:mm`).
fn template_letter(b: u8) -> bool {
    matches!(
        b.to_ascii_lowercase(),
        b'y' | b'm' | b'd' | b'h' | b's' | b'n' | b'x'
    )
}

fn marks(b: &[u8]) -> Marks {
    let mut m = Marks::default();
    for (i, &c) in b.iter().enumerate() {
        if !MARK_BYTES[usize::from(c)] {
            continue;
        }
        let next = b.get(i + 1).copied().unwrap_or(b' ');
        let prev = if i == 0 { b' ' } else { b[i - 1] };
        match c {
            b'/' | b'|' => m.menu = true,
            b',' => m.comma = true,
            b'[' => m.bracket = true,
            b'_' | b'*' => m.emphasis = true,
            b'$' => {
                m.token |= next == b'X';
                m.variable |= next == b'{';
            }
            b'{' => m.variable |= next == b'{',
            b'<' => m.angle = true,
            b'%' => m.token |= matches!(prev, b'X' | b'N'),
            b'?' => m.token |= next == b'?',
            b'x' => m.token |= matches!(next, b'x' | b'X'),
            b'-' | b':' => m.token |= template_letter(prev) && template_letter(next),
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

/// `Draft / In Review / Final`, `yes / no / N/A`, `SEV1 / SEV2`, `[P0, P1, P2]`,
/// `High, Medium, Low`: the whole text is a menu.
fn choice_list(text: &str) -> bool {
    let t = text
        .trim()
        .trim_matches(|c| matches!(c, '[' | ']' | '_' | '*'))
        .trim();
    // Menus are short; long text with commas is prose, not worth splitting.
    if t.len() > 200 {
        return false;
    }
    // "N/A" is one option, not two: read it as "na" before splitting on '/'.
    let t: Cow<str> = if t.bytes().any(|b| b == b'/') && contains_ignore_ascii_case(t, "n/a") {
        Cow::Owned(t.to_ascii_lowercase().replace("n/a", "na"))
    } else {
        Cow::Borrowed(t)
    };
    // "N/A" is already one word, so '/' can split "yes / no / NA" and "Yes/No/NA" alike.
    let sep = if t.contains('|') {
        '|'
    } else if t.contains(',') {
        ','
    } else {
        '/'
    };
    let parts = || t.split(sep);
    let option = |p: &str| {
        let p = p.trim().trim_matches(|c| c == '_' || c == '*').trim();
        CHOICES.iter().any(|c| c.eq_ignore_ascii_case(p)) || level_option(p)
    };
    // Bare digits only count next to a level ("SEV1/2/3/4"), never alone ("1,200").
    let digit = |p: &str| matches!(p.trim().as_bytes(), [d] if d.is_ascii_digit());
    // Most text fails on its first part, so `all` goes first.
    parts().all(|p| p.trim().is_empty() || option(p) || digit(p))
        && parts().any(option)
        && parts().filter(|p| !p.trim().is_empty()).count() >= 2
}

/// "SEV1", "sev 2", "P0", "p-3": a level offered in a menu.
fn level_option(p: &str) -> bool {
    let b = p.as_bytes();
    let rest = match b {
        [s, e, v, rest @ ..] if [*s, *e, *v].eq_ignore_ascii_case(b"SEV") => rest,
        [p, rest @ ..] if p.eq_ignore_ascii_case(&b'P') => rest,
        _ => return false,
    };
    let start = rest
        .iter()
        .position(|&c| c != b' ' && c != b'-')
        .unwrap_or(rest.len());
    matches!(&rest[start..], [d] if d.is_ascii_digit())
}

/// `needle` (ASCII, lower case) occurs in `hay`, ignoring ASCII case.
fn contains_ignore_ascii_case(hay: &str, needle: &str) -> bool {
    let n = needle.as_bytes();
    hay.as_bytes()
        .windows(n.len().max(1))
        .any(|w| w.eq_ignore_ascii_case(n))
}

/// `[Name]`, `[e.g., 5 minutes]`, `[Link to dashboard]` — but not links, checkboxes,
/// footnotes, log levels or references (`[INC-2023-0871]`).
fn brackets(text: &str, spans: &mut Vec<Span>) {
    let bytes = text.as_bytes();
    let mut i = 0;
    while let Some(open) = text[i..].find('[').map(|p| p + i) {
        let Some(close) = text[open + 1..].find(']').map(|p| p + open + 1) else {
            // An example cut off by a line or cell break: "[e.g., 2 hours".
            let rest = &text[open + 1..];
            if rest.len() >= 3 && rest.as_bytes()[..3].eq_ignore_ascii_case(b"e.g") {
                spans.push(Span {
                    start: open,
                    end: text.trim_end().len().max(open + 1),
                    slot: true,
                });
            }
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
        // A unit alone ("[%]", "[$]", "[…]") is a blank too; digits alone are a footnote.
        let blank = |c: char| !c.is_whitespace() && !c.is_alphanumeric();
        // `\[x\]`: Google Docs' escaped checkbox.
        let bare = content.trim().trim_end_matches('\\');
        let meaningful = (content.chars().any(char::is_alphabetic)
            || (!content.trim().is_empty() && content.trim().chars().all(blank)))
            && !NOT_PLACEHOLDERS.contains(&bare)
            && !is_reference(content)
            && !is_bracketed_word(bare);
        if !is_link && meaningful {
            spans.push(Span {
                start: open,
                end: close + 1,
                slot: true,
            });
        }
        i = close + 1;
    }
}

/// Words a template writes in lower case inside brackets as the blank to fill
/// ("Why did [symptom]?", "Other: [specify]"); any other single lower-case word in
/// brackets is the author's (`[secure]`, `[redacted]`).
const SLOT_WORDS: &[&str] = &[
    "symptom",
    "specify",
    "test",
    "name",
    "names",
    "owner",
    "date",
    "time",
    "link",
    "url",
    "team",
    "service",
    "services",
    "description",
    "summary",
    "details",
    "impact",
    "duration",
    "title",
    "number",
    "id",
    "value",
    "person",
    "email",
    "ticket",
    "explanation",
    "cause",
    "timezone",
    "severity",
    "status",
    "todo",
    "tbd",
];

/// A single lower-case word in brackets that no template uses as a blank.
fn is_bracketed_word(content: &str) -> bool {
    !content.is_empty()
        && content.chars().all(|c| c.is_lowercase() || c == '-')
        && !SLOT_WORDS.contains(&content)
}

/// HTML element names an export may leave in text; `<b>` is markup, not a blank.
const HTML_TAGS: &[&str] = &[
    "a",
    "b",
    "i",
    "u",
    "s",
    "p",
    "br",
    "hr",
    "em",
    "strong",
    "code",
    "pre",
    "div",
    "span",
    "sub",
    "sup",
    "details",
    "summary",
    "table",
    "tr",
    "td",
    "th",
    "ul",
    "ol",
    "li",
    "img",
    "kbd",
    "mark",
    "small",
    "del",
    "ins",
    "blockquote",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
];

/// `<insert link>`, `<team name>`, `<owner>`: words in angle brackets that are not an HTML
/// tag, an autolink (`<https://…>`, `<a@b.c>`) or a comparison.
fn angles(text: &str, spans: &mut Vec<Span>) {
    let mut i = 0;
    while let Some(open) = text[i..].find('<').map(|p| p + i) {
        let Some(close) = text[open + 1..].find('>').map(|p| p + open + 1) else {
            break;
        };
        let content = &text[open + 1..close];
        let words: Vec<&str> = content.split_whitespace().collect();
        let lettered = !words.is_empty()
            && words.len() <= 8
            && content
                .chars()
                .all(|c| c.is_alphabetic() || matches!(c, ' ' | '-' | '_'))
            && !content.starts_with(' ');
        let tag = words.len() == 1 && HTML_TAGS.contains(&content.to_ascii_lowercase().as_str());
        if lettered && !tag && (words.len() > 1 || content.len() >= 3) {
            spans.push(Span {
                start: open,
                end: close + 1,
                slot: true,
            });
        }
        i = close + 1;
    }
}

/// `{{owner}}`, `{{ incident.date }}`, `${OWNER}`: a template engine's variable.
fn variables(text: &str, spans: &mut Vec<Span>) {
    for (open, close) in [("{{", "}}"), ("${", "}")] {
        let mut i = 0;
        while let Some(start) = text[i..].find(open).map(|p| p + i) {
            let from = start + open.len();
            let Some(end) = text[from..].find(close).map(|p| p + from) else {
                break;
            };
            let name = text[from..end].trim();
            let ok = !name.is_empty()
                && name.len() <= 60
                && name
                    .chars()
                    .all(|c| c.is_alphanumeric() || matches!(c, '.' | '_' | '-' | ' ' | '|'));
            if ok {
                spans.push(Span {
                    start,
                    end: end + close.len(),
                    slot: true,
                });
            }
            i = end + close.len();
        }
    }
}

/// A bracketed identifier with digits and no template part (`INC-2023-0871`, `v2.3.1`,
/// `JIRA-1234`): the author's reference, not a blank.
fn is_reference(content: &str) -> bool {
    if content.contains(char::is_whitespace) || !content.bytes().any(|b| b.is_ascii_digit()) {
        return false;
    }
    let mut inside = Vec::new();
    tokens(content, &mut inside);
    inside.is_empty()
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

/// A single template token: `HH:MM`, `yyyy-mm-dd`, `INC-XXXX`, `TBD`, `$X`, `X%`. Returns
/// whether it is a slot, or `None` when the word is not a template token.
fn template_token(token: &str) -> Option<bool> {
    if FILLER_WORDS.contains(&token) {
        return Some(matches!(token, "XXX" | "XXXX"));
    }
    if matches!(token, "$X" | "X%" | "N%" | "$X.XX" | "#XXX") {
        return Some(true);
    }
    // Only capitals (or only lower case: `hh:mm`), digits and separators make a token.
    // One pass decides it, because every word of a text with a token mark comes here.
    let (mut upper, mut lower, mut separated) = (true, true, false);
    for b in token.bytes() {
        match b {
            b'A'..=b'Z' => lower = false,
            b'a'..=b'z' => upper = false,
            b'0'..=b'9' => {}
            b'-' | b':' => separated = true,
            _ => return None,
        }
    }
    let all_x = |p: &str| p.bytes().all(|b| b.eq_ignore_ascii_case(&b'x'));
    if !(upper || lower) {
        return None;
    }
    if !separated {
        // "xxxx": a number left to fill.
        return (token.len() >= 4 && all_x(token)).then_some(true);
    }
    let parts = || token.split(['-', ':']);
    if parts().any(str::is_empty) {
        return None;
    }
    let count = parts().count();
    let filler = |p: &str| TOKEN_PARTS.iter().any(|t| t.eq_ignore_ascii_case(p));
    let strong = |p: &str| p.len() >= 3 && (all_x(p) || p.bytes().all(|b| b == b'N'));
    // Lower case only when a part is long enough not to be a variable name ("x-y").
    if count >= 2 && parts().all(filler) && (upper || parts().any(|p| p.len() >= 2)) {
        return Some(true);
    }
    // A prefix then template parts: INC-XXXX, INC-YYYY-NNNN, inc-xxxx.
    let prefix = parts().next().unwrap_or_default();
    let prefixed = count >= 2
        && (2..=8).contains(&prefix.len())
        && prefix.bytes().all(|b| b.is_ascii_alphabetic())
        && parts().skip(1).all(filler)
        && parts().skip(1).any(|p| strong(p) || p == "YYYY");
    // "xxxx" anywhere in the token is a number left to fill.
    (prefixed || parts().any(|p| p.len() >= 4 && all_x(p))).then_some(true)
}

/// Template tokens, `X hours Y minutes`, and level menus (`SEV1/SEV2`, `P1 / P2 / P3`).
fn tokens(text: &str, spans: &mut Vec<Span>) {
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
        // Inside a sentence it may be the author's ("SEV1/SEV2 pages go to on-call"), so it
        // is not a slot.
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
                spans.push(Span {
                    start: s,
                    end: words[j].1,
                    slot: false,
                });
                i = j + 1;
                continue;
            }
        }
        if matches!(word, "X" | "Y" | "N") {
            if let Some(&(ns, ne)) = words.get(i + 1) {
                if text[e..ns].trim().is_empty() && UNITS.contains(&&text[ns..ne]) {
                    spans.push(Span {
                        start: s,
                        end: ne,
                        slot: true,
                    });
                    i += 2;
                    continue;
                }
            }
        }
        if let Some(slot) = template_token(word) {
            spans.push(Span {
                start: s,
                end: e,
                slot,
            });
        }
        i += 1;
    }
}

/// Italic guidance: `_Description_`, `_minutes_`, `_One paragraph describing …_`. Short
/// italics inside a sentence are emphasis, not guidance; guidance inside a sentence is not
/// a slot ("see _Example: ticket link_" still says something of the author's).
fn italics(text: &str, spans: &mut Vec<Span>) {
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
            spans.push(Span {
                start: i,
                end: j + 1,
                slot: false,
            });
        }
        k = m + 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
            assert!(is_unfilled(s), "{s}");
        }
    }

    /// What the importer's own detector recognised before the two were merged.
    #[test]
    fn recognises_template_lines_the_importer_skips() {
        for t in [
            "[Name]",
            "HH:MM",
            "[YYYY-MM-DD HH:MM]",
            "YYYY-MM-DD",
            "_minutes_",
            "*Detailed description*",
            "[Link to dashboard]",
            "INC-XXXX",
            "INC-YYYY-NNNN",
            "[e.g., 2 hours 15 minutes]",
            "SEV1/SEV2/SEV3/SEV4",
            "SEV1 | SEV2 | SEV3 | SEV4",
            "SEV1/2/3/4",
            "[P0, P1, P2]",
            "P1 / P2 / P3 / P4",
            "Draft / In Review / Final",
            "yes / no / N/A",
            "[INC-XXXX]: [Relationship]",
            "Why did [symptom]?",
            "X hours Y minutes",
            "HH:MM (from detection to resolution)",
            "Apr 5 HH:MM",
            "hh:mm",
            "yyyy-mm-dd",
            "inc-xxxx",
            "Ticket xxxx",
            "High, Medium, Low",
            "SEV 1 / SEV 2 / SEV 3",
            "Yes/No/N/A",
            "[e.g., 2 hours",
            "[%]",
        ] {
            assert!(is_unfilled(t), "{t}");
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
    fn recognises_other_editors_and_tools_placeholders() {
        for t in [
            "[…]",
            "<insert link>",
            "<link to dashboard>",
            "<owner>",
            "{{owner}}",
            "{{ incident.date }}",
            "${OWNER}",
            "TBD",
            "TODO",
            "???",
            "XXX",
            "Lorem ipsum dolor sit amet, consectetur adipiscing elit.",
            "[symptom]",
        ] {
            assert!(is_placeholder(t), "{t}");
        }
        assert!(is_unfilled("Dashboard: <insert link>"));
        assert!(is_unfilled("Owner: {{owner}}"));
        for t in [
            "[secure]",
            "[redacted]",
            "[v2.3.1]",
            "[x]",
            "\\[x\\]",
            "\\[ \\]",
            "No follow-ups yet.",
            "Use <b>bold</b> sparingly",
            "Latency < 200 ms and > 50 ms",
            "Mail <ops@example.com>",
            "See <https://status.example.com>",
            "Rust's Vec<u8> buffers",
            "The map {a: 1} was empty",
        ] {
            assert!(!is_unfilled(t), "{t}");
        }
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
            // Once the importer's own cases.
            "2024-03-05",
            "Priya Raman",
            "[Grafana board](https://grafana.example/d/1)",
            "45 minutes",
            "Draft",
            "Yes",
            "Rolled back **v2.3** within 5 minutes",
            "__init__ failed",
            "1,200",
            "3/4 of nodes",
            "Plotted on an x-y chart",
            "**Bold**",
        ] {
            assert_eq!(texts(s), Vec::<String>::new(), "{s}");
            assert!(!is_placeholder(s), "{s}");
            assert!(!is_unfilled(s), "{s}");
        }
    }

    #[test]
    fn mixed_text_is_not_all_placeholder() {
        assert!(!is_placeholder("Dana Reyes [Name]"));
        assert!(is_placeholder("  [Name] , [Date] "));
        // The importer still skips it: a slot is left, so the line is template text.
        assert!(is_unfilled("Dana Reyes [Name]"));
    }

    /// The detectors disagreed: the importer took "TBD" as a value, the validator as a
    /// placeholder. Left in a field, it means the field is not filled in.
    #[test]
    fn a_filler_word_alone_is_unfilled_but_not_inside_a_sentence() {
        for s in ["TBD", "TODO", "???", "XXX"] {
            assert!(is_placeholder(s), "{s}");
            assert!(is_unfilled(s), "{s}");
        }
        let s = "Root cause TBD pending the vendor's analysis";
        assert_eq!(texts(s), vec!["TBD".to_string()]);
        assert!(!is_unfilled(s));
    }

    /// Both detectors flagged any bracketed word; an incident id or version in brackets is
    /// the author's reference, not a blank.
    #[test]
    fn bracketed_references_are_values() {
        for s in [
            "[INC-2023-0871] similar incident",
            "[INC-2023-0871]",
            "Fixed in [v2.3.1]",
            "See [JIRA-1234] for details",
        ] {
            assert_eq!(texts(s), Vec::<String>::new(), "{s}");
            assert!(!is_unfilled(s), "{s}");
        }
        assert!(is_unfilled("[INC-XXXX] similar incident"));
        assert!(is_placeholder("[SEV1/SEV2]"));
    }

    /// The importer took any bracket for a placeholder; the validator knows log levels and
    /// footnotes are the author's text.
    #[test]
    fn log_levels_and_footnotes_are_values() {
        for s in [
            "[ERROR] pool exhausted",
            "See footnote [1]",
            "[WARN] retrying",
        ] {
            assert!(!is_unfilled(s), "{s}");
        }
    }

    /// A level menu inside a sentence is reported, but the sentence is the author's.
    #[test]
    fn a_level_menu_inside_a_sentence_is_not_a_slot() {
        let s = "SEV1/SEV2 incidents page the on-call engineer";
        assert_eq!(texts(s), vec!["SEV1/SEV2".to_string()]);
        assert!(!is_unfilled(s));
    }

    #[test]
    fn recognises_whole_italic_guidance() {
        assert!(is_italic_guidance("_One paragraph describing the impact_"));
        assert!(is_italic_guidance("*Detailed description*"));
        assert!(!is_italic_guidance("**Bold**"));
        assert!(!is_italic_guidance("_a_b_"));
        assert!(!is_italic_guidance("__"));
    }
}
