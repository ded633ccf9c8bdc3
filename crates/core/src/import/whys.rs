//! Five Whys, in any of the shapes authors use: "Why …? Because …" items, bold
//! **Why** questions with a "→ Because" or nested "- Because" line, seed 001's
//! "Why? cause" bullets, bold Why/Because pairs, "Why 1: … / Because: …" lines, statements
//! nested one level deeper each, a Why | Because table, and a whole chain written inline
//! in one line or paragraph ("Why …? Because …. Why …? Because …").

use crate::model::Why;

/// True when a list item's text reads like a step of a Five Whys chain.
pub fn looks_like_why(text: &str) -> bool {
    let raw = text.trim().trim_start_matches(['*', '_']).to_lowercase();
    let t = strip_marks(text).to_lowercase();
    raw.starts_with("why") || t.starts_with("why") || t.contains("because")
}

/// Removes bold/italic markers around a leading "Why" label and a "Why 1:" numbering.
fn strip_marks(text: &str) -> String {
    let t = text.trim();
    let mut s = t.to_string();
    for m in ["**", "__"] {
        if let Some(rest) = s.strip_prefix(m) {
            if let Some(end) = rest.find(m) {
                let inner = &rest[..end];
                if inner.to_lowercase().starts_with("why") {
                    s = format!("{}{}", inner, &rest[end + m.len()..]);
                }
            }
        }
    }
    // "Why 1: question" / "Why #2 - question" → "question".
    // ASCII lower-casing keeps byte offsets, which are used to cut `s` below.
    let lower = s.to_ascii_lowercase();
    if let Some(rest) = lower.strip_prefix("why") {
        let r = rest.trim_start_matches([' ', '#']);
        let digits = r.chars().take_while(|c| c.is_ascii_digit()).count();
        if digits > 0 {
            let r2 = r[digits..].trim_start();
            if let Some(r3) = r2.strip_prefix(':').or_else(|| r2.strip_prefix("- ")) {
                let cut = s.len() - r3.len();
                s = s[cut..].trim().to_string();
            }
        }
    }
    s
}

/// Removes "→", "->", "-" and a leading "Because"/"Because:" from an answer.
pub fn strip_because(text: &str) -> String {
    let mut t = text.trim();
    for p in ["→", "->", "=>", "-", "–"] {
        if let Some(r) = t.strip_prefix(p) {
            t = r.trim_start();
        }
    }
    for m in [
        "**Because:**",
        "**Because**:",
        "**Because**",
        "Because:",
        "because:",
    ] {
        if let Some(r) = t.strip_prefix(m) {
            return r.trim().to_string();
        }
    }
    if t.get(..7)
        .is_some_and(|p| p.eq_ignore_ascii_case("because"))
    {
        return t.get(7..).unwrap_or("").trim().to_string();
    }
    t.to_string()
}

/// Reads one list item: its own text and, when present, the text of a nested answer.
pub fn parse_item(text: &str, nested: Option<&str>) -> Why {
    let text = strip_marks(text);
    if let Some(answer) = nested {
        return Why {
            why: bare_why(text.trim().to_string()),
            because: strip_because(answer),
        };
    }
    if let Some(i) = find_because(&text) {
        return Why {
            why: bare_why(question_before(&text[..i])),
            because: strip_because(&text[i..]),
        };
    }
    // Seed 001: "Why? the cause", or "Why did X? the cause" (question, then answer).
    if text.get(..3).is_some_and(|p| p.eq_ignore_ascii_case("why")) {
        if let Some(q) = text.find('?') {
            let question = text[..=q].trim();
            let answer = text[q + 1..].trim();
            if !answer.is_empty() {
                let why = if question.eq_ignore_ascii_case("why?") {
                    String::new()
                } else {
                    question.to_string()
                };
                return Why {
                    why,
                    because: answer.to_string(),
                };
            }
        }
    }
    Why {
        why: bare_why(text.trim().to_string()),
        because: String::new(),
    }
}

/// The question before an answer, without an arrow that introduces the answer ("Why
/// X?\n→ Because", "Why X? -> Because"); an arrow that is the question's own text stays.
fn question_before(q: &str) -> String {
    let t = q.trim_end_matches([' ', '\t']);
    for arrow in ["→", "->", "=>", "–", "-"] {
        if let Some(rest) = t.strip_suffix(arrow) {
            let before = rest.trim_end_matches([' ', '\t']);
            if before.ends_with('\n') || before.ends_with('?') {
                return before.trim().to_string();
            }
        }
    }
    t.trim().to_string()
}

/// "Why" or "Why?" alone is the label of an empty question.
fn bare_why(q: String) -> String {
    if q.eq_ignore_ascii_case("why") || q.eq_ignore_ascii_case("why?") {
        String::new()
    } else {
        q
    }
}

/// Byte offset of the word "because" (any case) that opens the answer, after a
/// question mark, arrow or line break.
fn find_because(text: &str) -> Option<usize> {
    let lower = text.to_ascii_lowercase();
    let mut from = 0;
    while let Some(off) = lower[from..].find("because") {
        let i = from + off;
        let before = lower[..i].trim_end_matches(['*', '_', ' ']);
        // "Because" with a capital starts the answer wherever it stands (the exporter
        // writes "question Because answer"); lower case only after a question mark,
        // full stop, arrow or line break.
        let capital = text.get(i..i + 1) == Some("B");
        let boundary = capital
            || before.is_empty()
            || before.ends_with('?')
            || before.ends_with('.')
            || before.ends_with('→')
            || before.ends_with("->")
            || before.ends_with('-')
            || before.ends_with('\n')
            || lower[..i].ends_with('\n');
        if boundary {
            // Back up over bold markers that belong to the answer.
            let mut j = i;
            while j > 0 && matches!(text.as_bytes()[j - 1], b'*' | b'_') {
                j -= 1;
            }
            return Some(j);
        }
        from = i + 7;
    }
    None
}

/// A chain written inline, on one line or in a paragraph: "Why did X? Because Y. Why did
/// Y? Because Z." (also with "Why 1:" labels, bold markers or a line per step). `None`
/// unless the text is nothing but steps that each open with "Why" and have an answer, so
/// a summary, a link or a sentence that merely mentions "why" stays the author's text.
pub fn inline_chain(text: &str) -> Option<Vec<Why>> {
    let starts = step_starts(text);
    if starts.first() != Some(&0) {
        return None;
    }
    let mut out = Vec::with_capacity(starts.len());
    for (n, &from) in starts.iter().enumerate() {
        let to = starts.get(n + 1).copied().unwrap_or(text.len());
        let w = parse_item(text[from..to].trim(), None);
        if w.because.trim().is_empty() {
            return None;
        }
        out.push(w);
    }
    Some(out)
}

/// Byte offsets where a step opens: "Why" (any case, after optional bold markers) as a
/// word at the start of the text or after a sentence end or line break.
fn step_starts(text: &str) -> Vec<usize> {
    let lower = text.to_ascii_lowercase();
    let bytes = lower.as_bytes();
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(off) = lower[from..].find("why") {
        let i = from + off;
        from = i + 3;
        // A word of its own: "Whyte" and "anyhow" are not steps.
        if bytes.get(i + 3).is_some_and(|b| b.is_ascii_alphabetic()) {
            continue;
        }
        let mut start = i;
        while start > 0 && matches!(bytes[start - 1], b'*' | b'_') {
            start -= 1;
        }
        let before = lower[..start].trim_end_matches([' ', '\t']);
        let opens = before.is_empty()
            || before.ends_with(['.', '?', '!', '\n', ')', ';'])
            || before.ends_with("<br>");
        if opens {
            let first = text[..start].trim().is_empty();
            out.push(if first { 0 } else { start });
        }
    }
    out
}

/// "Why 1: …", "Why #2 - …", "Why: …" or "Because: …" opens the line.
pub fn is_labelled_line(line: &str) -> bool {
    let l = line
        .trim()
        .trim_start_matches(['*', '_'])
        .to_ascii_lowercase();
    if l.starts_with("because") {
        return true;
    }
    let Some(rest) = l.strip_prefix("why") else {
        return false;
    };
    let rest = rest.trim_start_matches([' ', '#']);
    let rest = rest.trim_start_matches(|c: char| c.is_ascii_digit());
    let rest = rest.trim_start_matches(['*', '_']).trim_start();
    rest.starts_with(':') || rest.starts_with("- ") || rest.starts_with('.')
}

/// Statements nested one level deeper each ("The site was down" › "the database was
/// overloaded" › "a query lost its index"): each level answers why the one above
/// happened.
pub fn nested_chain(levels: &[String]) -> Vec<Why> {
    levels
        .windows(2)
        .map(|w| Why {
            why: format!("Why: {}", strip_because(&w[0])),
            because: strip_because(&w[1]),
        })
        .collect()
}

/// Column indexes of a Five Whys table: (question, answer).
pub fn table_columns(header: &[String]) -> Option<(usize, usize)> {
    let h: Vec<String> = header.iter().map(|c| super::sections::norm(c)).collect();
    let find = |names: &[&str]| h.iter().position(|c| names.contains(&c.as_str()));
    let q = find(&["why", "question", "why question", "whys", "problem"])?;
    let a = find(&["because", "answer", "reason", "cause", "root cause"])?;
    (q != a).then_some((q, a))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_each_shape() {
        let w = parse_item(
            "Why did the API fail? Because the pool was exhausted.",
            None,
        );
        assert_eq!(w.why, "Why did the API fail?");
        assert_eq!(w.because, "the pool was exhausted.");
        let w = parse_item("**Why** did the disk fill?\n→ Because logs grew", None);
        assert_eq!(w.why, "Why did the disk fill?");
        assert_eq!(w.because, "logs grew");
        let w = parse_item("**Why** did it page?", Some("Because the alert was noisy."));
        assert_eq!(w.because, "the alert was noisy.");
        let w = parse_item("Why? The cron job ran twice", None);
        assert_eq!(
            (w.why.as_str(), w.because.as_str()),
            ("", "The cron job ran twice")
        );
        // Multi-byte text right where the prefixes are checked must not panic.
        let w = parse_item("0 é", None);
        assert_eq!(w.why, "0 é");
        assert_eq!(strip_because("bé"), "bé");
        let w = parse_item("Why did it fail? the disk was full", None);
        assert_eq!(
            (w.why.as_str(), w.because.as_str()),
            ("Why did it fail?", "the disk was full")
        );
        let w = parse_item("**Why 2:** Why was it slow? **Because:** no index", None);
        assert_eq!(w.why, "Why was it slow?");
        assert_eq!(w.because, "no index");
    }

    #[test]
    fn reads_labelled_lines_inline_chains_nesting_and_tables() {
        assert!(is_labelled_line("Why 1: Why did it fail?"));
        assert!(is_labelled_line("**Why #2** - slow"));
        assert!(is_labelled_line("Because: no index"));
        assert!(!is_labelled_line("Whyte Street flooded"));
        let n = nested_chain(&[
            "Site down".into(),
            "because the DB was overloaded".into(),
            "A query lost its index".into(),
        ]);
        assert_eq!(n.len(), 2);
        assert_eq!(
            (n[0].why.as_str(), n[0].because.as_str()),
            ("Why: Site down", "the DB was overloaded")
        );
        let h = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(table_columns(&h(&["#", "Why?", "Because"])), Some((1, 2)));
        assert_eq!(table_columns(&h(&["Question", "Answer"])), Some((0, 1)));
        assert_eq!(table_columns(&h(&["Time", "Event"])), None);
    }

    #[test]
    fn reads_a_chain_written_inline() {
        let pairs = |ws: Vec<Why>| -> Vec<(String, String)> {
            ws.into_iter().map(|w| (w.why, w.because)).collect()
        };
        let want = vec![
            (
                "Why was capacity lost?".to_string(),
                "control planes were stopped.".to_string(),
            ),
            (
                "Why were they stopped?".to_string(),
                "the job matched them.".to_string(),
            ),
        ];
        for text in [
            // One line.
            "Why was capacity lost? Because control planes were stopped. Why were they stopped? Because the job matched them.",
            // A paragraph, a step per line.
            "Why was capacity lost? Because control planes were stopped.\nWhy were they stopped? Because the job matched them.",
            // Labelled and bold.
            "**Why 1:** Why was capacity lost? **Because:** control planes were stopped. **Why 2:** Why were they stopped? **Because:** the job matched them.",
        ] {
            assert_eq!(inline_chain(text).map(pairs), Some(want.clone()), "{text}");
        }
        // A lower-case "because" after the question mark, "Why?" without a question.
        assert_eq!(
            inline_chain("Why? because the disk filled. Why? Because logs were kept forever.")
                .map(pairs),
            Some(vec![
                (String::new(), "the disk filled.".to_string()),
                (String::new(), "logs were kept forever.".to_string()),
            ])
        );
        // Not a chain: a summary, a link, text before the first why, a why without an
        // answer, a word that only starts with "why".
        for text in [
            "Summary in the appendix of the full review",
            "[Brief summary or link to analysis]",
            "https://wiki.example.com/five-whys",
            "See below. Why did it fail? Because the disk filled.",
            "Why did it fail? Because the disk filled. Why did the disk fill?",
            "Whyte Street flooded because of rain.",
            "",
        ] {
            assert_eq!(inline_chain(text), None, "{text}");
        }
    }

    #[test]
    fn because_inside_a_sentence_is_not_a_split() {
        let w = parse_item("Why did retries pile up because of backoff?", None);
        assert_eq!(w.because, "");
    }
}

#[cfg(test)]
mod import_tests {
    use crate::import::parse_markdown;

    fn whys(md: &str) -> Vec<(String, String)> {
        parse_markdown(md)
            .report
            .root_cause
            .whys
            .into_iter()
            .map(|w| (w.why, w.because))
            .collect()
    }

    #[test]
    fn every_shape_reads_as_a_chain() {
        let pairs = |v: &[(&str, &str)]| -> Vec<(String, String)> {
            v.iter()
                .map(|(a, b)| (a.to_string(), b.to_string()))
                .collect()
        };
        let want = pairs(&[
            ("Why did checkout fail?", "the pool was full."),
            ("Why was the pool full?", "a job leaked connections."),
        ]);
        let head = "# Incident: Checkout down\n\n## Root cause\n\n";
        let shapes = [
            "Why 1: Why did checkout fail?\nBecause: the pool was full.\nWhy 2: Why was the pool full?\nBecause: a job leaked connections.\n",
            "| # | Why | Because |\n|---|---|---|\n| 1 | Why did checkout fail? | Because the pool was full. |\n| 2 | Why was the pool full? | a job leaked connections. |\n",
            "<details>\n<summary>Five whys</summary>\n\n1. Why did checkout fail? Because the pool was full.\n2. Why was the pool full? Because a job leaked connections.\n\n</details>\n",
        ];
        for shape in shapes {
            assert_eq!(whys(&format!("{head}{shape}")), want, "{shape}");
        }
        // Seed 003's "5 Whys / Fishbone" bullet: the chain as a sub-list, a sub-list of
        // questions with nested answers, inline on the bullet's line, or as a paragraph
        // under it. Written inline, the chain moves to the whys and leaves no analysis
        // text behind (the export writes it once, as the whys).
        let bullet = "# Post-Mortem Report: Checkout down\n\n## 4. Root Cause Analysis\n\n*   **What was the immediate cause?** A leak.\n*   **5 Whys / Fishbone Diagram (if applicable):**";
        for chain in [
            "\n    *   Why did checkout fail? Because the pool was full.\n    *   Why was the pool full? Because a job leaked connections.\n",
            "\n    *   Why did checkout fail?\n        *   Because the pool was full.\n    *   Why was the pool full?\n        *   Because a job leaked connections.\n",
            " Why did checkout fail? Because the pool was full. Why was the pool full? Because a job leaked connections.\n",
            "\n    Why did checkout fail? Because the pool was full.\n    Why was the pool full? Because a job leaked connections.\n",
            " **Why 1:** Why did checkout fail? **Because:** the pool was full. **Why 2:** Why was the pool full? **Because:** a job leaked connections.\n",
        ] {
            let md = format!("{bullet}{chain}");
            let imp = parse_markdown(&md);
            assert_eq!(whys(&md), want, "{chain}");
            assert_eq!(imp.report.root_cause.analysis, "", "{chain}");
            assert_eq!(imp.report.root_cause.what_happened, "A leak.");
        }
        // A summary or link in the bullet stays its analysis text.
        let md = format!("{bullet} Summary in the appendix of the full review\n");
        let imp = parse_markdown(&md);
        assert!(imp.report.root_cause.whys.is_empty());
        assert_eq!(
            imp.report.root_cause.analysis,
            "Summary in the appendix of the full review"
        );
        // Numbered and bold Why/Because pairs under a Five Whys heading.
        for shape in [
            "1. Why did checkout fail? Because the pool was full.\n2. Why was the pool full? Because a job leaked connections.\n",
            "- **Why** did checkout fail?\n  - **Because** the pool was full.\n- **Why** was the pool full?\n  - **Because** a job leaked connections.\n",
        ] {
            let md = format!("# Incident: Checkout down\n\n## Five Whys\n\n{shape}");
            let got = whys(&md);
            assert_eq!(got.len(), 2, "{shape}: {got:?}");
            assert_eq!(got[0].1, "the pool was full.", "{shape}");
            assert_eq!(got[1].1, "a job leaked connections.", "{shape}");
            assert!(got[1].0.contains("pool full"), "{shape}: {got:?}");
        }
        let nested = format!("{head}- Checkout failed\n  - because the pool was full\n    - because a job leaked connections\n");
        assert_eq!(
            whys(&nested),
            pairs(&[
                ("Why: Checkout failed", "the pool was full"),
                ("Why: the pool was full", "a job leaked connections"),
            ])
        );
    }
}
