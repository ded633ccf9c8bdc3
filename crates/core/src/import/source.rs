//! The source text behind AST nodes: slicing what the author typed by source position, so
//! imported values are stored exactly as written (emphasis, code spans, links intact).

use comrak::nodes::{AstNode, NodeValue, Sourcepos};

/// The pre-processed document, split into lines.
pub struct Source<'s> {
    lines: Vec<&'s str>,
}

impl<'s> Source<'s> {
    pub fn new(text: &'s str) -> Self {
        Source {
            lines: text.split('\n').collect(),
        }
    }

    fn line(&self, n: usize) -> &'s str {
        n.checked_sub(1)
            .and_then(|i| self.lines.get(i))
            .copied()
            .unwrap_or("")
    }

    /// Whole lines `from..=to` (1-based), verbatim.
    pub fn lines(&self, from: usize, to: usize) -> String {
        let from = from.max(1);
        let to = to.min(self.lines.len());
        if from > to {
            return String::new();
        }
        self.lines[from - 1..to].join("\n")
    }

    /// The text between two positions, continuation lines left-trimmed (they carry the
    /// container's indentation, not the author's text).
    pub fn span(&self, sp: Sourcepos) -> String {
        let (s, e) = (sp.start, sp.end);
        if s.line == 0 || e.line < s.line {
            return String::new();
        }
        if s.line == e.line {
            let l = self.line(s.line);
            return cut(l, s.column.saturating_sub(1), e.column)
                .trim()
                .to_string();
        }
        let mut out = String::new();
        let first = self.line(s.line);
        out.push_str(hard_break(
            cut(first, s.column.saturating_sub(1), first.len()).trim(),
        ));
        for n in s.line + 1..=e.line {
            let l = self.line(n);
            let piece = if n == e.line {
                cut(l, 0, e.column).trim()
            } else {
                hard_break(l.trim())
            };
            out.push('\n');
            out.push_str(piece);
        }
        out.trim().to_string()
    }

    /// The inline text of a block (paragraph, heading, cell) exactly as typed, from its
    /// first to its last inline child. Recognition works on this text (so an escaped
    /// `\*x\*` is not mistaken for emphasis); values are stored through `unescape`.
    pub fn inline<'a>(&self, node: &'a AstNode<'a>) -> String {
        let text = self.inline_lines(node);
        let quotes = node
            .ancestors()
            .filter(|a| matches!(a.data.borrow().value, NodeValue::BlockQuote))
            .count();
        if quotes == 0 || !text.contains('\n') {
            return text;
        }
        // Continuation lines inside a quote carry its `>` markers, which are not text.
        let mut lines = text.split('\n');
        let mut out = lines.next().unwrap_or("").to_string();
        for l in lines {
            let mut l = l.trim_start();
            for _ in 0..quotes {
                match l.strip_prefix('>') {
                    Some(r) => l = r.trim_start(),
                    None => break,
                }
            }
            out.push('\n');
            out.push_str(l);
        }
        out
    }

    fn inline_lines<'a>(&self, node: &'a AstNode<'a>) -> String {
        let (value, sp) = {
            let d = node.data.borrow();
            (d.value.clone(), d.sourcepos)
        };
        match value {
            // Block positions are exact; inline positions shift around escapes.
            NodeValue::Paragraph | NodeValue::TableCell => self.span(sp),
            NodeValue::Heading(h) if h.setext => {
                let body = self.lines(sp.start.line, sp.end.line.saturating_sub(1));
                body.split('\n')
                    .map(str::trim)
                    .collect::<Vec<_>>()
                    .join("\n")
            }
            NodeValue::Heading(_) => {
                let l = self.span(sp);
                let l = l.trim_start_matches('#').trim();
                // An optional closing sequence: " ##".
                let stripped = l.trim_end_matches('#');
                if stripped.len() < l.len() && (stripped.is_empty() || stripped.ends_with(' ')) {
                    stripped.trim().to_string()
                } else {
                    l.to_string()
                }
            }
            _ => {
                let (Some(first), Some(last)) = (node.first_child(), node.last_child()) else {
                    return String::new();
                };
                let sp = Sourcepos {
                    start: first.data.borrow().sourcepos.start,
                    end: last.data.borrow().sourcepos.end,
                };
                self.span(sp)
            }
        }
    }

    /// A table cell's text, with escaped pipes read back.
    pub fn cell<'a>(&self, node: &'a AstNode<'a>) -> String {
        // An empty cell's position points at its closing pipe.
        if node.first_child().is_none() {
            return String::new();
        }
        let text = self.inline(node).replace("\\|", "|");
        if !text.contains('<') {
            return text;
        }
        // Confluence and Notion write a line break inside a cell as `<br>`.
        let mut out = String::with_capacity(text.len());
        let mut rest = text.as_str();
        while let Some(at) = rest.find('<') {
            out.push_str(&rest[..at]);
            let tail = &rest[at..];
            let brk = ["<br>", "<br/>", "<br />", "<BR>", "<BR/>", "<BR />"]
                .iter()
                .find(|b| tail.starts_with(**b));
            match brk {
                Some(b) => {
                    out.truncate(out.trim_end().len());
                    out.push('\n');
                    rest = tail[b.len()..].trim_start();
                }
                None => {
                    out.push('<');
                    rest = &tail[1..];
                }
            }
        }
        out.push_str(rest);
        out.trim().to_string()
    }
}

/// A line ending in an unescaped backslash ends in a hard line break, not in a backslash.
fn hard_break(line: &str) -> &str {
    let run = line.chars().rev().take_while(|&c| c == '\\').count();
    if run % 2 == 1 {
        line[..line.len() - 1].trim_end()
    } else {
        line
    }
}

/// Removes Markdown backslash escapes outside code spans: the exporter escapes what the
/// author typed (`a_b` → `a\_b`), and the stored value is what they typed.
pub fn unescape(s: &str) -> String {
    if !s.contains('\\') {
        return s.to_string();
    }
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '\\' {
            if let Some(&n) = chars.get(i + 1) {
                if n.is_ascii_punctuation() {
                    out.push(n);
                    i += 2;
                    continue;
                }
            }
            out.push(c);
            i += 1;
        } else if c == '`' {
            // A code span: copy up to the closing run of the same length, verbatim.
            let run = chars[i..].iter().take_while(|&&x| x == '`').count();
            let mut j = i + run;
            let mut close = None;
            while j < chars.len() {
                if chars[j] == '`' {
                    let r = chars[j..].iter().take_while(|&&x| x == '`').count();
                    if r == run {
                        close = Some(j + r);
                        break;
                    }
                    j += r;
                } else {
                    j += 1;
                }
            }
            let end = close.unwrap_or(i + run);
            out.extend(&chars[i..end]);
            i = end;
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

fn cut(line: &str, from: usize, to: usize) -> &str {
    let to = to.min(line.len());
    let mut from = from.min(to);
    while from > 0 && !line.is_char_boundary(from) {
        from -= 1;
    }
    let mut to = to;
    while to < line.len() && !line.is_char_boundary(to) {
        to += 1;
    }
    line.get(from..to).unwrap_or("")
}

/// The block's first paragraph (list items, cells).
pub fn first_paragraph<'a>(node: &'a AstNode<'a>) -> Option<&'a AstNode<'a>> {
    node.children()
        .find(|c| matches!(c.data.borrow().value, NodeValue::Paragraph))
}

/// The node's lines (1-based, inclusive).
pub fn line_range(node: &AstNode<'_>) -> (usize, usize) {
    let sp = node.data.borrow().sourcepos;
    (sp.start.line, sp.end.line)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unescapes_outside_code() {
        assert_eq!(unescape(r"a\_b \*x\* \[l\](u)"), "a_b *x* [l](u)");
        assert_eq!(unescape(r"`a\_b` c\_d"), r"`a\_b` c_d");
        assert_eq!(unescape(r"C:\path \\"), r"C:\path \");
        assert_eq!(unescape(r"\`not code\`"), "`not code`");
    }

    fn first_paragraph_text(md: &str) -> String {
        let arena = comrak::Arena::new();
        let root = comrak::parse_document(&arena, md, &comrak::Options::default());
        let src = Source::new(md);
        let para = root
            .descendants()
            .find(|n| matches!(n.data.borrow().value, NodeValue::Paragraph));
        para.map(|p| src.inline(p)).unwrap_or_default()
    }

    #[test]
    fn reads_quoted_lines_and_hard_breaks_as_text() {
        assert_eq!(
            first_paragraph_text("> **Note**\n> the fix is temporary\n"),
            "**Note**\nthe fix is temporary"
        );
        assert_eq!(first_paragraph_text("> > deep\n> > er\n"), "deep\ner");
        assert_eq!(
            first_paragraph_text("Owner: ana\\\nDue: 2024-03-01\n"),
            "Owner: ana\nDue: 2024-03-01"
        );
        // An escaped backslash is the author's.
        assert_eq!(first_paragraph_text("C:\\\\\nD\n"), "C:\\\\\nD");
    }
}
