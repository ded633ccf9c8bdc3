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
            return cut(l, s.column.saturating_sub(1), e.column).trim().to_string();
        }
        let mut out = String::new();
        let first = self.line(s.line);
        out.push_str(cut(first, s.column.saturating_sub(1), first.len()).trim());
        for n in s.line + 1..=e.line {
            let l = self.line(n);
            let piece = if n == e.line {
                cut(l, 0, e.column)
            } else {
                l
            };
            out.push('\n');
            out.push_str(piece.trim());
        }
        out.trim().to_string()
    }

    /// The inline text of a block (paragraph, heading, cell). Plain text comes back
    /// unescaped (so `a\_b` written by the exporter reads as `a_b`); emphasis, code,
    /// links and other markup are kept as the author typed them.
    pub fn inline<'a>(&self, node: &'a AstNode<'a>) -> String {
        let mut out = String::new();
        for c in node.children() {
            let data = c.data.borrow();
            match &data.value {
                NodeValue::Text(t) => out.push_str(t),
                NodeValue::SoftBreak | NodeValue::LineBreak => out.push('\n'),
                _ => out.push_str(&self.span(data.sourcepos)),
            }
        }
        out.trim().to_string()
    }

    /// A table cell's text, with escaped pipes read back.
    pub fn cell<'a>(&self, node: &'a AstNode<'a>) -> String {
        self.inline(node).replace("\\|", "|")
    }
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
