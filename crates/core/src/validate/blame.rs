//! `blame-language`: wording that blames people instead of describing the system — a
//! person (name, pronoun or role) as the subject of a blame phrase ("the engineer failed
//! to", "Dana forgot"), character words about a person ("careless"), "human error" given
//! as a cause ("human error by the on-call", "operator error"), a person's mistake ("the
//! engineer's mistake"), and hindsight counterfactuals ("if only"). System statements
//! ("the deploy tool failed to roll back"), the checklist label "Human Error", words such
//! as "blameless" or "fault-tolerant", and words in quotation marks (a customer's own
//! words) do not fire.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

use super::{is_placeholder, leaves, Context, Finding, LeafKind, Level, Location, Rule};
use crate::fields::{Part, Slot, Text};
use crate::location::Place;

/// `blame-language`: wording that blames people.
pub const BLAME_LANGUAGE: Rule = Rule {
    id: "blame-language",
    level: Level::Warning,
    doc: "Wording that blames people: a person as subject of a blame phrase (failed to, forgot, should have), character words (careless, negligent), \"human error\" as the cause, or \"if only\" counterfactuals.",
    check: blame_language,
};

/// How a phrase blames, which decides when it fires and the rewrite hint.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Class {
    /// Fires when its subject (the word before it) is a person: "the engineer failed to".
    Subject,
    /// Fires when a person is named anywhere in the sentence: "a careless engineer".
    Character,
    /// Fires on its own: "if only", "should have known".
    Counterfactual,
}

const SUBJECT_PHRASES: &[&str] = &[
    "failed to",
    "fails to",
    "forgot to",
    "forgot",
    "should have",
    "should've",
    "shouldn't have",
    "neglected to",
    "didn't bother",
    "did not bother",
    "ignored",
    "overlooked",
    "screwed up",
    "messed up",
    "dropped the ball",
    "made a mistake",
    "made an error",
    "broke",
    "caused the outage",
    "caused the incident",
];

const CHARACTER_WORDS: &[&str] = &[
    "careless",
    "carelessly",
    "carelessness",
    "negligent",
    "negligently",
    "negligence",
    "incompetent",
    "incompetence",
    "sloppy",
    "lazy",
    "reckless",
    "recklessly",
    "stupid",
    "his fault",
    "her fault",
    "their fault",
    "fault of",
    "to blame",
    "blamed",
];

const COUNTERFACTUALS: &[&str] = &[
    "if only",
    "should have known",
    "should have realized",
    "should have realised",
    "should have seen",
    "could easily have",
    "could have easily",
    "obviously should",
];

/// Pronouns that name a person. "we" is left out: "we should have had a canary" is the
/// team owning a gap, which blameless write-ups encourage; "they" is left out because it
/// as often means pods or services ("they failed to become ready").
const PRONOUNS: &[&str] = &[
    "he", "she", "him", "her", "his", "hers", "himself", "herself", "someone", "somebody", "i",
    "me", "my", "you", "your",
];

const ROLES: &[&str] = &[
    "engineer",
    "engineers",
    "developer",
    "developers",
    "dev",
    "devs",
    "operator",
    "operators",
    "admin",
    "admins",
    "administrator",
    "sre",
    "sres",
    "on-call",
    "oncall",
    "ops",
    "intern",
    "contractor",
    "manager",
    "lead",
    "author",
    "reviewer",
    "responder",
    "dba",
    "employee",
    "staff",
    "person",
    "human",
    "team",
    "teammate",
    "colleague",
    "newbie",
    "junior",
    "juniors",
    "hire",
    "hires",
    "newcomer",
    "trainee",
    "commander",
];

/// What a person's possessive blames them with: "the engineer's mistake".
const PERSON_FAULTS: &[&str] = &[
    "mistake",
    "mistakes",
    "error",
    "errors",
    "fault",
    "oversight",
];

/// Words that may stand between a subject and its verb ("he had simply forgotten").
const FILLERS: &[&str] = &[
    "simply",
    "just",
    "also",
    "clearly",
    "then",
    "had",
    "has",
    "have",
    "again",
    "completely",
    "repeatedly",
    "obviously",
    "accidentally",
    "mistakenly",
    "apparently",
    "unfortunately",
    "really",
    "was",
    "were",
    "is",
    "both",
    "all",
    "totally",
    "never",
    "later",
];

/// Words in people fields that are not names.
const NOT_NAMES: &[&str] = &[
    "monitoring",
    "system",
    "automation",
    "bot",
    "team",
    "ops",
    "sre",
    "platform",
    "engineering",
    "lead",
    "manager",
    "owner",
    "product",
    "incident",
    "commander",
    "author",
    "reviewer",
    "responder",
    "on-call",
    "oncall",
    "tbd",
    "the",
    "and",
    "dev",
    "eng",
    "infra",
    "security",
    "support",
    "data",
    "backend",
    "frontend",
    "api",
    "devops",
    "qa",
    "name",
];

/// Words that make "human error" a cause rather than a label.
const CAUSAL: &[&str] = &[
    "caused by",
    "due to",
    "because of",
    "result of",
    "root cause",
    "attributed to",
    "blame",
    "cause was",
    "cause:",
    "was human error",
    "is human error",
];

#[derive(Clone)]
struct Phrase {
    words: Vec<String>,
    /// The words joined by single spaces, for the quick scan.
    joined: String,
    class: Class,
}

/// Blame phrases keyed by first word.
#[derive(Clone)]
struct Tables {
    /// Phrases by the first byte of their first word, then by first word: a linear scan
    /// of a handful of entries beats hashing every candidate word.
    by_first: Vec<Vec<(String, Vec<Phrase>)>>,
    /// Bit `len` of `lengths[first byte]` is set when some phrase's first word starts with
    /// that byte and has that length: a cheap test that skips most words before hashing.
    lengths: [u64; 256],
}

impl Tables {
    /// The built-in phrases plus `extra` (a policy's blame words, as character words).
    fn build(extra: &[String]) -> Tables {
        let mut by_first: HashMap<String, Vec<Phrase>> = HashMap::new();
        let lists: [(&[&str], Class); 3] = [
            (COUNTERFACTUALS, Class::Counterfactual),
            (SUBJECT_PHRASES, Class::Subject),
            (CHARACTER_WORDS, Class::Character),
        ];
        let extra: Vec<&str> = extra.iter().map(String::as_str).collect();
        for (list, class) in lists
            .into_iter()
            .chain(std::iter::once((extra.as_slice(), Class::Character)))
        {
            let curly: Vec<String> = list
                .iter()
                .filter(|p| p.contains('\''))
                .map(|p| p.replace('\'', "’"))
                .collect();
            for p in list.iter().copied().chain(curly.iter().map(String::as_str)) {
                let words: Vec<String> = p
                    .to_lowercase()
                    .split_whitespace()
                    .map(str::to_string)
                    .collect();
                if let Some(first) = words.first().cloned() {
                    by_first.entry(first).or_default().push(Phrase {
                        joined: words.join(" "),
                        words,
                        class,
                    });
                }
            }
        }
        let mut lengths = [0u64; 256];
        let mut table: Vec<Vec<(String, Vec<Phrase>)>> = (0..256).map(|_| Vec::new()).collect();
        for (first, phrases) in by_first {
            if let Some(&b) = first.as_bytes().first() {
                lengths[usize::from(b)] |= 1u64 << first.len().min(63);
                table[usize::from(b)].push((first, phrases));
            }
        }
        Tables {
            by_first: table,
            lengths,
        }
    }

    /// The built-in tables, built once: validation runs on every keystroke.
    fn builtin() -> &'static Tables {
        static TABLES: std::sync::OnceLock<Tables> = std::sync::OnceLock::new();
        TABLES.get_or_init(|| Tables::build(&[]))
    }
}

/// What decides the blame readings besides the text: the policy's extra and allowed
/// words and the people the report names. When any of it changes, every blame reading
/// is made again.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(super) struct Words {
    pub(super) blame_words: Vec<String>,
    pub(super) allowed_words: Vec<String>,
    pub(super) people: HashSet<String>,
}

/// The phrase tables for one policy, the words it allows, and the report's people.
struct Lexicon {
    tables: Cow<'static, Tables>,
    allowed: HashSet<String>,
    names: HashSet<String>,
}

impl Lexicon {
    fn new(extra: &[String], allowed: &[String], names: HashSet<String>) -> Self {
        let tables = if extra.is_empty() {
            Cow::Borrowed(Tables::builtin())
        } else {
            Cow::Owned(Tables::build(extra))
        };
        Lexicon {
            tables,
            allowed: allowed.iter().map(|a| a.trim().to_lowercase()).collect(),
            names,
        }
    }
}

/// A word of a sentence: lower-cased text and whether it was capitalised.
struct Word<'t> {
    lower: &'t str,
    capital: bool,
}

/// Bytes that belong to a word, as a table: this test runs on every byte of prose.
const WORD_BYTES: [bool; 256] = {
    let mut t = [false; 256];
    let mut i = 0;
    while i < 256 {
        let b = i as u8;
        t[i] = b.is_ascii_alphanumeric() || b >= 0x80 || matches!(b, b'\'' | b'-' | b'@' | b':');
        i += 1;
    }
    t
};

#[inline(always)]
fn is_word_byte(b: u8) -> bool {
    WORD_BYTES[usize::from(b)]
}

/// Splits `original[range]` into words, borrowing lower-case text from `lower` (the same
/// text ASCII-lower-cased, so byte offsets agree). Appends to `out`, which the caller
/// reuses across sentences.
fn split_words<'t>(original: &str, lower: &'t str, range: (usize, usize), out: &mut Vec<Word<'t>>) {
    let bytes = original.as_bytes();
    let (mut i, end) = range;
    while i < end {
        if !is_word_byte(bytes[i]) {
            i += 1;
            continue;
        }
        let mut start = i;
        while i < end && is_word_byte(bytes[i]) {
            i += 1;
        }
        let mut stop = i;
        while start < stop && matches!(bytes[start], b'\'' | b'-' | b':') {
            start += 1;
        }
        while stop > start && matches!(bytes[stop - 1], b'\'' | b'-' | b':') {
            stop -= 1;
        }
        if start == stop {
            continue;
        }
        let (Some(word), Some(orig)) = (lower.get(start..stop), original.get(start..stop)) else {
            continue;
        };
        out.push(Word {
            lower: word,
            capital: orig.chars().next().is_some_and(char::is_uppercase),
        });
    }
}

impl Lexicon {
    /// The phrases whose first word is `first` (lower-case).
    fn phrases(&self, first: &str) -> Option<&Vec<Phrase>> {
        let b = first.as_bytes().first()?;
        self.tables
            .by_first
            .get(usize::from(*b))?
            .iter()
            .find(|(w, _)| w == first)
            .map(|(_, p)| p)
    }

    /// True when the word names a person: pronoun, role, @handle, a capitalised name from
    /// the report's people fields, or any of those with "'s".
    fn person(&self, w: &Word) -> bool {
        let base = w
            .lower
            .strip_suffix("'s")
            .or_else(|| w.lower.strip_suffix("’s"))
            .unwrap_or(w.lower)
            .trim_end_matches(':');
        PRONOUNS.contains(&base)
            || ROLES.contains(&base)
            || base.starts_with('@')
            || (w.capital && self.names.contains(base))
    }
}

/// One blaming phrase found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Hit {
    /// The words quoted in the finding ("the engineer failed to").
    quote: String,
    class: Option<Class>,
}

impl Lexicon {
    /// One pass with no allocation: does any word start a phrase (or say "human")? Most
    /// text does not, and skips the sentence analysis.
    fn triggered(&self, text: &str) -> bool {
        let bytes = text.as_bytes();
        let base = bytes.as_ptr() as usize;
        for raw in bytes.split(|&b| !is_word_byte(b)) {
            let word = match raw.first() {
                Some(b'\'' | b'-') => &raw[1..],
                _ => raw,
            };
            let word = match word.last() {
                Some(b'\'' | b'-' | b':') => &word[..word.len() - 1],
                _ => word,
            };
            let Some(&first) = word.first() else {
                continue;
            };
            let first = first.to_ascii_lowercase();
            let length_hit =
                self.tables.lengths[usize::from(first)] & (1u64 << word.len().min(63)) != 0;
            let human = first == b'h' && word.len() == 5;
            // "error", "mistake", "fault", "oversight" (a person's, or a role's).
            let fault = matches!(first, b'e' | b'm' | b'f' | b'o') && (5..=9).contains(&word.len());
            if !length_hit && !human && !fault {
                if first >= 0x80 {
                    // A non-ASCII word: let the full analysis decide.
                    return true;
                }
                continue;
            }
            if word.len() > 24 || word.iter().any(|b| *b >= 0x80) {
                return true;
            }
            let mut buf = [0u8; 24];
            for (slot, b) in buf.iter_mut().zip(word) {
                *slot = b.to_ascii_lowercase();
            }
            let Ok(lower) = std::str::from_utf8(&buf[..word.len()]) else {
                return true;
            };
            // The whole phrase must follow, not just its first word ("to" alone is
            // everywhere; "to blame" is not).
            let tail = &bytes[(word.as_ptr() as usize - base)..];
            let follows = |phrase: &str| {
                tail.len() >= phrase.len()
                    && tail[..phrase.len()].eq_ignore_ascii_case(phrase.as_bytes())
            };
            if lower == "human" && follows("human error") {
                return true;
            }
            if PERSON_FAULTS.contains(&lower) {
                return true;
            }
            if self
                .phrases(lower)
                .is_some_and(|phrases| phrases.iter().any(|p| follows(&p.joined)))
            {
                return true;
            }
        }
        false
    }
}

/// Finds blaming phrases in a text. `cause_field` marks fields that state a cause, where
/// "human error" on its own is given as the cause.
fn find(text: &str, lexicon: &Lexicon, cause_field: bool) -> Vec<Hit> {
    let mut hits = Vec::new();
    if !lexicon.triggered(text) {
        return hits;
    }
    // Quoted words are someone else's (a customer's message); they are not the review's.
    let text = &*unquoted(text);
    // ASCII lower-casing keeps byte offsets, so words index both texts alike.
    let lower = text.to_ascii_lowercase();
    let mut words: Vec<Word> = Vec::new();
    let bytes = text.as_bytes();
    let mut sentence_start = 0;
    for end in (0..=bytes.len())
        .filter(|&i| i == bytes.len() || matches!(bytes[i], b'.' | b'!' | b'?' | b';' | b'\n'))
    {
        let range = (sentence_start, end);
        sentence_start = end + 1;
        words.clear();
        split_words(text, &lower, range, &mut words);
        if words.is_empty() {
            continue;
        }
        let sentence = &lower[range.0..range.1];
        let human_error = words
            .windows(2)
            .any(|p| p[0].lower == "human" && p[1].lower == "error");
        if human_error && !lexicon.allowed.contains("human error") {
            let bare = words.len() == 2;
            // "human error by the on-call": the error is pinned on someone.
            let by_whom = words.windows(3).any(|p| {
                p[0].lower == "error"
                    && matches!(p[1].lower, "by" | "of" | "from")
                    && (cause_field || lexicon.person(&p[2]))
            }) || words.windows(4).any(|p| {
                p[0].lower == "error"
                    && matches!(p[1].lower, "by" | "of" | "from")
                    && matches!(p[2].lower, "the" | "a" | "an" | "our")
                    && lexicon.person(&p[3])
            });
            if CAUSAL.iter().any(|c| sentence.contains(c)) || (cause_field && bare) || by_whom {
                hits.push(Hit {
                    quote: "human error".into(),
                    class: None,
                });
            }
        }
        // "Operator error", "engineer error" given as a cause.
        for p in words.windows(2) {
            let role_error = p[1].lower == "error" && ROLES.contains(&p[0].lower);
            let causal = cause_field || CAUSAL.iter().any(|c| sentence.contains(c)) || {
                let rest = &sentence[sentence.find(p[1].lower).unwrap_or(0)..];
                rest.contains("caused") || rest.starts_with("error led")
            };
            let quote = format!("{} error", p[0].lower);
            if role_error && p[0].lower != "human" && causal && !lexicon.allowed.contains(&quote) {
                hits.push(Hit { quote, class: None });
            }
        }
        // "The on-call engineer's mistake".
        for p in words.windows(2) {
            let possessive = p[0].lower.ends_with("'s") || p[0].lower.ends_with("’s");
            if possessive && lexicon.person(&p[0]) && PERSON_FAULTS.contains(&p[1].lower) {
                let quote = format!("{} {}", p[0].lower, p[1].lower);
                if !lexicon.allowed.contains(&quote) {
                    hits.push(Hit {
                        quote,
                        class: Some(Class::Character),
                    });
                }
            }
        }
        let mut i = 0;
        while i < words.len() {
            let mut matched = None;
            let word: &str = words[i].lower;
            let maybe = word.as_bytes().first().is_some_and(|&b| {
                lexicon.tables.lengths[usize::from(b)] & (1u64 << word.len().min(63)) != 0
            });
            let phrases = if maybe { lexicon.phrases(word) } else { None };
            if let Some(phrases) = phrases {
                // Longest phrase first, so "should have known" wins over "should have".
                for p in phrases {
                    let n = p.words.len();
                    let fits = i + n <= words.len()
                        && p.words
                            .iter()
                            .zip(&words[i..i + n])
                            .all(|(a, b)| *a == b.lower);
                    if fits
                        && matched
                            .as_ref()
                            .is_none_or(|(m, _): &(usize, Class)| n > *m)
                    {
                        matched = Some((n, p.class));
                    }
                }
            }
            let Some((n, class)) = matched else {
                i += 1;
                continue;
            };
            let phrase: Vec<&str> = words[i..i + n].iter().map(|w| w.lower).collect();
            let phrase = phrase.join(" ");
            if lexicon.allowed.contains(&phrase) {
                i += n;
                continue;
            }
            let subject = words[..i]
                .iter()
                .rev()
                .find(|w| !FILLERS.contains(&w.lower));
            let fires = match class {
                Class::Counterfactual => true,
                Class::Character => words.iter().any(|w| lexicon.person(w)),
                Class::Subject => {
                    subject.is_some_and(|s| lexicon.person(s) && !lexicon.allowed.contains(s.lower))
                }
            };
            if fires {
                let quote = match (class, subject) {
                    (Class::Subject, Some(s)) => format!("{} {phrase}", s.lower),
                    _ => phrase,
                };
                hits.push(Hit {
                    quote,
                    class: Some(class),
                });
            }
            i += n;
        }
    }
    hits
}

/// The text with every span in double quotation marks (`"…"`, `“…”`) blanked to spaces,
/// byte for byte, so offsets stay put; an unmatched mark is left as it is.
fn unquoted(text: &str) -> Cow<'_, str> {
    if !text.contains(['"', '“', '”']) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find(['"', '“']) {
        let mark = rest[open..].chars().next().unwrap_or('"');
        let close_mark = if mark == '“' { '”' } else { '"' };
        let after = open + mark.len_utf8();
        let Some(close) = rest[after..].find(close_mark).map(|c| c + after) else {
            break;
        };
        out.push_str(&rest[..open]);
        let end = close + close_mark.len_utf8();
        out.extend(std::iter::repeat_n(' ', end - open));
        rest = &rest[end..];
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// Capitalised words from the report's people fields: the names blame may point at.
fn people(cx: &Context) -> HashSet<String> {
    let r = cx.report;
    let meta = &r.meta;
    let fields = [
        &meta.author,
        &meta.incident_commander,
        &meta.responders,
        &meta.attendees,
        &meta.reviewers,
    ]
    .into_iter()
    .chain(r.timeline.entries.iter().map(|e| &e.owner))
    .chain(r.action_items.iter().map(|a| &a.owner))
    .chain(r.sign_off.iter().map(|s| &s.name));
    let mut names = HashSet::new();
    // Owners repeat on every row; read each distinct field once.
    let mut seen: HashSet<&str> = HashSet::new();
    let mut last = "";
    for field in fields {
        if field.as_str() == last {
            continue;
        }
        last = field;
        if field.trim().is_empty() || !seen.insert(field.as_str()) || is_placeholder(field) {
            continue;
        }
        for w in field.split(|c: char| !(c.is_alphabetic() || c == '-' || c == '\'')) {
            let capital = w.chars().next().is_some_and(char::is_uppercase);
            let lower = w.to_lowercase();
            if capital && w.chars().count() >= 2 && !NOT_NAMES.contains(&lower.as_str()) {
                names.insert(lower);
            }
        }
    }
    names
}

fn fix(class: Option<Class>) -> &'static str {
    match class {
        None => "\"Human error\" is where the analysis starts, not a cause: say what made the mistake easy to make and which safeguard was missing.",
        Some(Class::Counterfactual) => "Hindsight judges past decisions with today's knowledge: describe what the people involved knew and saw at the time.",
        Some(Class::Character) => "Describe the conditions and the missing safeguards, not a person's character.",
        Some(Class::Subject) => "Describe what the system allowed instead of what a person did, e.g. \"the deploy process had no check for …\" rather than \"the engineer failed to …\".",
    }
}

fn blame_language(cx: &Context) -> Vec<Finding> {
    let names = people(cx);
    cx.use_lexicon(|| Words {
        blame_words: cx.policy.blame_words.clone(),
        allowed_words: cx.policy.allowed_words.clone(),
        people: names.clone(),
    });
    let lexicon = Lexicon::new(&cx.policy.blame_words, &cx.policy.allowed_words, names);
    let mut out = Vec::new();
    for (loc, kind, text) in leaves(cx.report) {
        if kind != LeafKind::Prose || text.trim().is_empty() {
            continue;
        }
        let cause_field = loc == Location::text(Text::RootStatement)
            || loc == Location::text(Text::Trigger)
            || (loc.place == Place::Slot(Slot::Part(Part::Whys)) && loc.column == Some("because"));
        let mut seen: Vec<String> = Vec::new();
        for hit in cx
            .blame_in(text, cause_field, || find(text, &lexicon, cause_field))
            .iter()
        {
            if seen.contains(&hit.quote) {
                continue;
            }
            out.push(
                Finding::new(
                    &BLAME_LANGUAGE,
                    loc,
                    format!(
                        "\"{}\" points at a person rather than the system.",
                        hit.quote
                    ),
                )
                .fix(fix(hit.class)),
            );
            seen.push(hit.quote.clone());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{FactorCategory, FactorCheck};
    use crate::policy::Policy;
    use crate::validate::testing::{clean, locations, run, run_with};

    fn lexicon() -> Lexicon {
        let names = ["dana", "priya"].iter().map(|s| s.to_string()).collect();
        Lexicon::new(&[], &[], names)
    }

    fn quotes(text: &str) -> Vec<String> {
        find(text, &lexicon(), false)
            .into_iter()
            .map(|h| h.quote)
            .collect()
    }

    #[test]
    fn fires_on_people_with_blame_words() {
        for (text, quote) in [
            (
                "The engineer failed to check the config.",
                "engineer failed to",
            ),
            ("He forgot to renew the certificate.", "he forgot to"),
            (
                "Dana should have run the migration first.",
                "dana should have",
            ),
            ("Ops simply ignored the alert", "ops ignored"),
            ("The on-call was careless with the rollout.", "careless"),
            ("It was his fault.", "his fault"),
            ("The outage was caused by human error.", "human error"),
            (
                "If only we had a canary, this would not have happened.",
                "if only",
            ),
            ("The SRE was negligent.", "negligent"),
            ("@bob forgot the flag", "@bob forgot"),
        ] {
            assert!(
                quotes(text).contains(&quote.to_string()),
                "{text}: {:?}",
                quotes(text)
            );
        }
    }

    #[test]
    fn quiet_on_system_statements_and_labels() {
        for text in [
            "The deploy tool failed to roll back.",
            "Kubernetes failed to schedule the pods",
            "The health check failed to detect the stale cache.",
            "The pods restarted but they failed to become ready.",
            "Human Error",
            "Human Error: manual config step without review",
            "We should have had a canary stage.",
            "The team added a pre-deploy check.",
            "Fault tolerance was not configured.",
            "The pool was exhausted because connections were not released.",
            "This post-mortem follows a blameless culture.",
        ] {
            assert_eq!(quotes(text), Vec::<String>::new(), "{text}");
        }
    }

    #[test]
    fn subtle_blame_fires_and_quoted_or_blameless_words_do_not() {
        for (text, quote) in [
            (
                "The junior engineer should have known better.",
                "should have known",
            ),
            (
                "The new hire should have checked the flag.",
                "hire should have",
            ),
            ("Human error by the on-call.", "human error"),
            ("Operator error caused the outage.", "operator error"),
            (
                "The outage came from the on-call engineer's mistake.",
                "engineer's mistake",
            ),
        ] {
            assert!(
                quotes(text).contains(&quote.to_string()),
                "{text}: {:?}",
                quotes(text)
            );
        }
        for text in [
            "We run a blameless review.",
            "The design is fault-tolerant.",
            "A customer wrote: \"your engineer screwed up\".",
            "Support quoted the user: “the admin forgot to renew it”.",
            "The engineer found a mistake in the config.",
            "Users saw the error from the gateway.",
        ] {
            assert_eq!(quotes(text), Vec::<String>::new(), "{text}");
        }
        assert_eq!(
            find("Human error by the on-call.", &lexicon(), true).len(),
            1
        );
        assert_eq!(unquoted("a \"b c\" d"), "a       d");
        assert_eq!(unquoted("say \"unclosed"), "say \"unclosed");
    }

    #[test]
    fn human_error_alone_is_a_cause_only_in_cause_fields() {
        assert_eq!(find("Human error.", &lexicon(), true).len(), 1);
        assert!(find("Human error.", &lexicon(), false).is_empty());
    }

    #[test]
    fn rule_is_quiet_on_a_clean_report_and_on_the_checklist_label() {
        let mut r = clean();
        assert!(run(&BLAME_LANGUAGE, &r).is_empty());
        r.contributing_factors.checklist = vec![FactorCheck {
            category: FactorCategory::HumanError,
            checked: true,
            detail: "Manual step in the release checklist had no second reviewer".into(),
        }];
        r.contributing_factors.items = vec!["Human Error".into()];
        assert!(run(&BLAME_LANGUAGE, &r).is_empty());
    }

    #[test]
    fn rule_reports_location_and_hint_and_knows_the_report_people() {
        let mut r = clean();
        r.root_cause.statement = "Human error.".into();
        // Priya is the incident commander in the clean report.
        r.could_improve = vec!["Priya forgot to page the database team.".into()];
        let f = run(&BLAME_LANGUAGE, &r);
        assert_eq!(
            f.iter().map(|f| f.location.to_string()).collect::<Vec<_>>(),
            ["root_cause.statement", "could_improve[0]"]
        );
        assert!(f.iter().all(|f| f.fix.is_some()));
    }

    #[test]
    fn the_detection_and_response_answers_are_read_as_prose() {
        // These four are answered in sentences (their controls are text areas), so they
        // are read for blame language like every other prose field.
        for t in [
            Text::DetectionMethod,
            Text::RightAlert,
            Text::AlertPrompt,
            Text::RightPeoplePaged,
        ] {
            let mut r = clean();
            *t.get_mut(&mut r) = "Priya forgot to page the database team.".into();
            let f = run(&BLAME_LANGUAGE, &r);
            assert_eq!(
                f.iter().map(|f| f.location).collect::<Vec<_>>(),
                [Location::text(t)],
                "{}",
                t.path()
            );
        }
    }

    #[test]
    fn policy_adds_blame_words_and_allows_others() {
        let mut r = clean();
        r.could_improve = vec![
            "The engineer dropped the ball on paging.".into(),
            "The reviewer was asleep at the wheel.".into(),
        ];
        assert_eq!(locations(&BLAME_LANGUAGE, &r), ["could_improve[0]"]);
        let p = Policy::from_json(
            r#"{"blame_words": ["asleep at the wheel"], "allowed_words": ["dropped the ball"]}"#,
        )
        .unwrap_or_default();
        let f = run_with(&BLAME_LANGUAGE, &r, &p);
        assert_eq!(
            f.iter().map(|f| f.location.to_string()).collect::<Vec<_>>(),
            ["could_improve[1]"]
        );
    }
}
