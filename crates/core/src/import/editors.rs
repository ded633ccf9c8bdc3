//! Other editors' Markdown: what Google Docs, Confluence and Notion exports add around the
//! text (non-breaking spaces, `&nbsp;`, zero-width spaces, `<details>`/`<summary>` and
//! Notion's `<aside>` wrappers, escaped task-list boxes `- \[x\]`), undone line by line before the Markdown
//! parser sees the text. One line stays one line, so source line numbers survive; fenced
//! code is left exactly as typed.

/// Rewrites the lines of `src` as the editor that exported it meant them to render.
pub fn to_markdown(src: &str) -> String {
    let mut out = String::with_capacity(src.len());
    let mut fence: Option<(char, usize)> = None;
    for (i, line) in src.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        if let Some(open) = fence_of(line) {
            fence = match fence {
                None => Some(open),
                Some((c, n)) if open.0 == c && open.1 >= n && is_bare_fence(line) => None,
                keep => keep,
            };
            out.push_str(line);
            continue;
        }
        if fence.is_some() {
            out.push_str(line);
            continue;
        }
        let line = spaces(line);
        if is_disclosure(&line) {
            // The wrapper renders as a fold, not as text; what it folds is read as usual.
            continue;
        }
        out.push_str(&unescape_task_box(&line));
    }
    out
}

/// True when the text needs `to_markdown` (most documents do not).
pub fn needs_rewrite(src: &str) -> bool {
    src.contains(['\u{a0}', '\u{202f}', '\u{2007}', '\u{200b}', '\u{2060}'])
        || src.contains("&nbsp;")
        || src.contains("<details")
        || src.contains("</details>")
        || src.contains("<summary")
        || src.contains("<aside")
        || src.contains("\\[")
}

/// Non-breaking and zero-width spaces as the plain spaces they render as.
fn spaces(line: &str) -> String {
    let mut s = String::with_capacity(line.len());
    for c in line.chars() {
        match c {
            '\u{a0}' | '\u{202f}' | '\u{2007}' => s.push(' '),
            '\u{200b}' | '\u{2060}' => {}
            c => s.push(c),
        }
    }
    if s.contains("&nbsp;") {
        s = s.replace("&nbsp;", " ");
    }
    s
}

/// A line that is only `<details>`, `</details>`, `<aside>`, `</aside>`,
/// `<summary>…</summary>` tags (in any combination, the summary's own text included).
fn is_disclosure(line: &str) -> bool {
    let mut rest = line.trim();
    if rest.is_empty() {
        return false;
    }
    while !rest.is_empty() {
        let lower = rest.to_ascii_lowercase();
        let wrapper = ["<details", "</details", "<aside", "</aside"];
        let tag_end = if wrapper.iter().any(|w| lower.starts_with(w)) {
            lower.find('>').map(|i| i + 1)
        } else if lower.starts_with("<summary") {
            // The summary names the fold; its text is a label, not content.
            lower.find("</summary>").map(|i| i + "</summary>".len())
        } else {
            None
        };
        let Some(end) = tag_end else {
            return false;
        };
        rest = rest[end..].trim_start();
    }
    true
}

/// `- \[x\] text` (Google Docs escapes the brackets of a task list) as `- [x] text`.
fn unescape_task_box(line: &str) -> String {
    let body = line.trim_start();
    let indent = &line[..line.len() - body.len()];
    let marker_len = if body.starts_with("- ") || body.starts_with("* ") || body.starts_with("+ ") {
        2
    } else {
        let digits = body.chars().take_while(char::is_ascii_digit).count();
        let rest = &body[digits..];
        if digits > 0 && (rest.starts_with(". ") || rest.starts_with(") ")) {
            digits + 2
        } else {
            return line.to_string();
        }
    };
    let (marker, after) = body.split_at(marker_len);
    for (escaped, plain) in [("\\[x\\]", "[x]"), ("\\[X\\]", "[x]"), ("\\[ \\]", "[ ]")] {
        if let Some(text) = after.strip_prefix(escaped) {
            if text.is_empty() || text.starts_with(' ') {
                return format!("{indent}{marker}{plain}{text}");
            }
        }
    }
    line.to_string()
}

/// A fence opening or closing line: its character and length.
fn fence_of(line: &str) -> Option<(char, usize)> {
    let t = line.trim_start();
    if line.len() - t.len() > 3 {
        return None;
    }
    let c = t.chars().next().filter(|c| *c == '`' || *c == '~')?;
    let n = t.chars().take_while(|x| *x == c).count();
    (n >= 3).then_some((c, n))
}

/// A fence line with nothing after the run (only such a line closes a fence).
fn is_bare_fence(line: &str) -> bool {
    let t = line.trim();
    t.chars().all(|c| c == '`') || t.chars().all(|c| c == '~')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn undoes_exported_furniture_line_for_line() {
        let src = "Impact\u{a0}started\u{200b}\n<details>\n<summary>Five Whys</summary>\n\n1. Why?\n</details>\n- \\[x\\] Done\n- \\[ \\] Open\n&nbsp;";
        let out = to_markdown(src);
        assert_eq!(
            out,
            "Impact started\n\n\n\n1. Why?\n\n- [x] Done\n- [ ] Open\n "
        );
        assert_eq!(out.split('\n').count(), src.split('\n').count());
    }

    #[test]
    fn leaves_code_and_ordinary_text_alone() {
        let src = "```\n<details>\n- \\[x\\] kept\u{a0}\n```\nA \\[x\\] in prose\n<details>text</details>";
        let out = to_markdown(src);
        assert_eq!(
            out,
            "```\n<details>\n- \\[x\\] kept\u{a0}\n```\nA \\[x\\] in prose\n<details>text</details>"
        );
        assert!(!is_disclosure("<summary>open"));
        assert!(is_disclosure("<details open><summary>Timeline</summary>"));
        assert!(is_disclosure("<aside>") && is_disclosure("</aside>"));
        assert!(!is_disclosure("<aside>💡 inline</aside>"));
    }
}
