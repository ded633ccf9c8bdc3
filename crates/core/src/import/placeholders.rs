//! Recognising template placeholders left in imported text (`[Name]`, `HH:MM`,
//! `YYYY-MM-DD`, `_minutes_`, `INC-XXXX`, `[e.g., …]`, option lists such as
//! `SEV1/SEV2/SEV3`): small pure functions, so a placeholder is remembered as "not filled
//! in" instead of being imported as a value.
//!
//! The validation module will own the canonical detection; until then the importer keeps
//! its own here (to be reconciled with `validate::placeholder`).

/// Tokens that only ever appear in unfilled templates.
const TOKENS: &[&str] = &[
    "hh:mm",
    "yyyy-mm-dd",
    "yyyy-nnnn",
    "inc-xxxx",
    "xxxx",
    "[name]",
    "[names]",
    "[date]",
    "[e.g.",
    "[e.g ",
    "[link to",
    "[timezone]",
    "[incident title]",
    "[title]",
    "x hours y minutes",
    "[x minutes]",
    "[number",
    "[time]",
];

/// Words an option-list placeholder is made of ("SEV1/SEV2", "Draft / In Review / Final").
const OPTION_WORDS: &[&str] = &[
    "draft",
    "in review",
    "reviewed",
    "final",
    "complete",
    "yes",
    "no",
    "n/a",
    "na",
    "open",
    "high",
    "medium",
    "low",
    "critical",
];

/// Returns true when `text` (a whole field value, as typed) is an unfilled template
/// placeholder rather than a value.
pub fn is_placeholder(text: &str) -> bool {
    let t = text.trim();
    if t.is_empty() {
        return false;
    }
    // Each check is linear and allocation-free on long text: imports call this for every
    // cell of tables with a hundred thousand rows.
    if TOKENS.iter().any(|tok| contains_ignore_ascii_case(t, tok)) {
        return true;
    }
    if is_italic_guidance(t) || (t.contains('[') && has_bracket_group(t)) {
        return true;
    }
    t.len() <= 200 && t.contains(['/', '|', ',']) && is_option_list(&t.to_ascii_lowercase())
}

/// `needle` (ASCII, lower case) occurs in `hay`, ignoring ASCII case.
fn contains_ignore_ascii_case(hay: &str, needle: &str) -> bool {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    let Some(&first) = n.first() else {
        return true;
    };
    h.len() >= n.len()
        && h.windows(n.len())
            .any(|w| w[0].eq_ignore_ascii_case(&first) && w.eq_ignore_ascii_case(n))
}

/// `_One paragraph describing…_` or `*…*`: the whole value is template guidance in italics.
pub fn is_italic_guidance(t: &str) -> bool {
    let t = t.trim();
    if t.len() < 3 {
        return false;
    }
    for m in ['_', '*'] {
        if t.starts_with(m)
            && t.ends_with(m)
            && !t.starts_with(&format!("{m}{m}"))
            && !t[1..t.len() - 1].contains(m)
        {
            return true;
        }
    }
    false
}

/// The value holds a `[…]` group that is not a link or a checkbox: "[Name]",
/// "Why did [symptom]?".
fn has_bracket_group(t: &str) -> bool {
    let b = t.as_bytes();
    let mut depth = 0usize;
    let mut start = 0usize;
    for (i, &c) in b.iter().enumerate() {
        match c {
            b'[' => {
                if depth == 0 {
                    start = i;
                }
                depth += 1;
            }
            b']' if depth > 0 => {
                depth -= 1;
                if depth > 0 {
                    continue;
                }
                // `[` and `]` are ASCII, so these byte offsets are character boundaries.
                let inner = t.get(start + 1..i).unwrap_or("");
                if matches!(inner.trim(), "" | "x" | "X") {
                    continue;
                }
                // A link `[text](url)` or `[text][ref]` is a value, not a placeholder.
                if matches!(b.get(i + 1), Some(b'(') | Some(b'[')) {
                    return false;
                }
                return true;
            }
            _ => {}
        }
    }
    false
}

/// "SEV1/SEV2/SEV3/SEV4", "P1 / P2 / P3", "SEV1 | SEV2", "[P0, P1, P2]", "Yes/No",
/// "Draft / In Review / Final": several alternatives offered by the template.
fn is_option_list(lower: &str) -> bool {
    let inner = lower
        .trim_matches(|c| c == '[' || c == ']' || c == '_' || c == '*')
        .replace("n/a", "na");
    let parts: Vec<&str> = inner
        .split(['/', '|', ','])
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    if parts.len() < 2 {
        return false;
    }
    // Bare digits only count next to a level ("SEV1/2/3/4"), never alone ("1,200").
    parts
        .iter()
        .any(|p| is_level_token(p) || OPTION_WORDS.contains(p))
        && parts.iter().all(|p| {
            OPTION_WORDS.contains(p)
                || is_level_token(p)
                || (p.len() == 1 && p.chars().all(|c| c.is_ascii_digit()))
        })
}

/// "sev1", "sev 2", "p0", "p3".
fn is_level_token(p: &str) -> bool {
    let rest = p
        .strip_prefix("sev")
        .or_else(|| p.strip_prefix('p'))
        .map(|r| r.trim_start_matches([' ', '-']));
    matches!(rest, Some(r) if !r.is_empty() && r.len() <= 1 && r.chars().all(|c| c.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_template_placeholders() {
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
        ] {
            assert!(is_placeholder(t), "{t}");
        }
    }

    #[test]
    fn keeps_real_values() {
        for t in [
            "SEV2",
            "P1",
            "2024-03-05",
            "14:30",
            "Priya Raman",
            "[Grafana board](https://grafana.example/d/1)",
            "45 minutes",
            "Draft",
            "Yes",
            "Rolled back **v2.3** within 5 minutes",
            "",
            "__init__ failed",
            "1,200",
            "3/4 of nodes",
        ] {
            assert!(!is_placeholder(t), "{t}");
        }
    }
}
