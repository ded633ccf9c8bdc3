//! The blocks of one recognised section: paragraphs, lists, tables and code, each routed
//! by the section's role; whatever has no field is kept verbatim as an extra section.

use comrak::nodes::{AstNode, ListType, NodeValue};

use super::layout::SectionLayout;
use super::metadata::{self, split_inline_pairs, split_pair};
use super::reader::SectionReader;
use super::sections::{norm, Ctx, Special};
use super::source::unescape;
use super::source::{first_paragraph, line_range, Source};
use super::tables::{self, split_time_prefix, TableKind};
use super::{line_u32, whys, Importer, MAX_DEPTH};
use crate::fields::{List, Text};
use crate::model::{FactorCategory, FactorCheck, Why};
use crate::placeholder;
use crate::templates::SIGN_OFF_LINE_ROLE;

/// One list item: its text, checkbox, nested items and line.
pub(super) struct Item {
    pub text: String,
    pub checked: Option<bool>,
    pub nested: Vec<Item>,
    pub line: Option<u32>,
}

impl Importer<'_> {
    /// Reads one section's blocks through a reader of its own.
    pub(super) fn read_section<'a>(
        &mut self,
        spec: SectionLayout,
        title: &str,
        blocks: &[&'a AstNode<'a>],
    ) {
        let mut reader = SectionReader::new(self, spec, title);
        // "Root Cause" holding a Five Whys chain or a "Root cause:" line is the analysis.
        if reader.role.prose == Some(Text::RootStatement) && reader.has_analysis(blocks) {
            reader.role.prose = Some(Text::Analysis);
        }
        for node in blocks {
            reader.block(node);
        }
        reader.finish();
    }
}

impl SectionReader<'_, '_> {
    fn has_analysis<'a>(&self, blocks: &[&'a AstNode<'a>]) -> bool {
        blocks.iter().any(|b| match &b.data.borrow().value {
            NodeValue::List(_) => self
                .items(b, 0)
                .iter()
                .any(|i| whys::looks_like_why(&i.text)),
            NodeValue::Paragraph => {
                let t = self.imp.src.inline(b);
                t.lines().any(|l| {
                    split_pair(l).is_some_and(|(k, _, _)| norm(&k) == "root cause")
                        || whys::looks_like_why(l) && l.trim_start().starts_with("**Why")
                })
            }
            _ => false,
        })
    }

    fn keep_block(&mut self, node: &AstNode<'_>) {
        let (a, b) = line_range(node);
        let text = self.imp.src.lines(a, b);
        self.keep_text(text, line_u32(a));
    }

    fn block<'a>(&mut self, node: &'a AstNode<'a>) {
        let role = self.role;
        let value = node.data.borrow().value.clone();
        let line = line_u32(node.data.borrow().sourcepos.start.line);
        if role.special == Special::Preamble {
            return;
        }
        match value {
            NodeValue::ThematicBreak => {}
            NodeValue::Paragraph => self.paragraph(node),
            NodeValue::List(_) => self.list(node),
            NodeValue::Table(_) => self.table(node),
            NodeValue::CodeBlock(cb) => {
                if role.special == Special::Logs {
                    // A code block's literal is already what the author typed.
                    let lit = cb.literal.trim_end_matches('\n');
                    let t = lit.trim();
                    // Logs are full of brackets; only a lone "[Paste logs here]" is a
                    // placeholder.
                    let lone = t.starts_with('[') && t.ends_with(']') && !t.contains('\n');
                    if lone && t[1..].find('[').is_none() {
                        self.imp.placeholder(List::Logs.path(), t, line);
                    } else if !t.is_empty() {
                        self.imp.report.appendix.logs.push(lit.to_string());
                    }
                } else if let Some(p) = role.prose {
                    let (a, b) = line_range(node);
                    let text = self.imp.src.lines(a, b);
                    self.append_prose(p, &text, line);
                } else {
                    self.keep_block(node);
                }
            }
            NodeValue::BlockQuote
                if self.quote_depth < MAX_DEPTH && callout(&self.imp.src, node) =>
            {
                self.callout(node);
            }
            NodeValue::BlockQuote => match role.prose {
                Some(p) => {
                    let (a, b) = line_range(node);
                    let text = self.imp.src.lines(a, b);
                    self.append_prose(p, &text, line);
                }
                None => self.keep_block(node),
            },
            _ => self.keep_block(node),
        }
    }

    /// A Confluence panel or a GitHub alert (`> **Note**`, `> [!WARNING]`): the label is
    /// the box's styling; what it holds is read as the section's own blocks.
    fn callout<'a>(&mut self, node: &'a AstNode<'a>) {
        self.quote_depth += 1;
        for (k, child) in node.children().enumerate() {
            let is_para = matches!(child.data.borrow().value, NodeValue::Paragraph);
            if k == 0 && is_para {
                let text = self.imp.src.inline(child);
                let rest = match text.split_once('\n') {
                    Some((label, rest)) if callout_label(label).is_some_and(str::is_empty) => {
                        rest.to_string()
                    }
                    _ => callout_label(&text).unwrap_or_default().to_string(),
                };
                let line = line_u32(child.data.borrow().sourcepos.start.line);
                self.paragraph_text(child, &rest, line);
            } else {
                self.block(child);
            }
        }
        self.quote_depth -= 1;
    }

    fn paragraph<'a>(&mut self, node: &'a AstNode<'a>) {
        let text = self.imp.src.inline(node);
        let line = line_u32(node.data.borrow().sourcepos.start.line);
        self.paragraph_text(node, &text, line);
    }

    /// A paragraph whose text (as typed) is `text`.
    fn paragraph_text<'a>(&mut self, node: &'a AstNode<'a>, text: &str, line: Option<u32>) {
        let role = self.role;
        let t = text.trim();
        if t.is_empty() {
            return;
        }
        // "All times in UTC."
        if let Some(zone) = timezone_sentence(t) {
            self.imp.set_text(Text::Timezone, "Time Zone", &zone, line);
            return;
        }
        // A sentence the templates print themselves.
        let lower = norm(t);
        if super::layout::boilerplate().contains(&lower) {
            return;
        }
        // "**Example:** …": template example text.
        if t.starts_with("**Example") {
            self.imp.placeholder(&self.prose_path(), t, line);
            return;
        }
        // A bold label alone ("**Five Whys:**", "**Action item categories:**").
        if let Some(label) = bold_label(t) {
            self.legend = norm(label) == "action item categories";
            return;
        }
        // "**AI-1: Title**" opens an action item's detail block.
        if matches!(role.special, Special::ActionItems(_)) {
            if let Some((id, name)) = detail_heading(t) {
                self.detail = Some(self.detail_item(&id, &name, line));
                return;
            }
        }
        // "Why 1: … / Because: …" lines.
        if role.special == Special::Whys && t.split('\n').all(whys::is_labelled_line) {
            self.why_paragraph(t);
            return;
        }
        // Bold Why/Because pairs written as paragraphs.
        if role.special == Special::Whys {
            let first = t.trim_start_matches(['*', '_']).to_lowercase();
            // Only bold "**Why…**" opens a pair; a prose paragraph may start with "Why".
            if first.starts_with("why") && (t.starts_with("**") || t.starts_with("__")) {
                self.why_paragraph(t);
                return;
            }
            if first.starts_with("because") || t.starts_with('→') {
                if let Some(last) = self.imp.report.root_cause.whys.last_mut() {
                    if last.because.is_empty() {
                        last.because = unescape(&whys::strip_because(t));
                        return;
                    }
                }
            }
        }
        // Seed 001's flattened "Details: - a: b - c: d".
        if role.special == Special::Factors {
            if let Some(rest) = t.strip_prefix("Details:") {
                for part in rest.split(" - ") {
                    let p = part.trim().trim_start_matches("- ").trim();
                    self.push_list(List::Factors, p, line);
                }
                return;
            }
        }
        // Seed 000's "_Reviewed and approved by: Name, Date_" sign-off lines.
        if self.signoff_lines(t, line) {
            return;
        }
        // "**2023-03-09**" over a list of times: the date of the rows below.
        if role.special == Special::Timeline {
            if let Some(day) = timeline_day(t) {
                self.day = Some(day);
                return;
            }
        }
        // A timeline written as lines: "14:32 - Alert fired".
        if role.special == Special::Timeline {
            let lines: Vec<&str> = t.split('\n').collect();
            if lines.iter().all(|l| split_time_prefix(l).is_some()) {
                let items: Vec<Item> = lines
                    .iter()
                    .enumerate()
                    .map(|(k, l)| Item {
                        text: l.trim().to_string(),
                        checked: None,
                        nested: Vec::new(),
                        line: line.map(|n| n + u32::try_from(k).unwrap_or(0)),
                    })
                    .collect();
                self.timeline_list(&items);
                return;
            }
        }
        // Lines of key/value pairs.
        if self.pairs_paragraph(t, line) {
            return;
        }
        // Whole-paragraph italic guidance.
        if placeholder::is_italic_guidance(t) && !t.contains('\n') {
            self.imp.placeholder(&self.prose_path(), t, line);
            return;
        }
        match (role.prose, role.list) {
            (Some(p), _) => self.append_prose(p, t, line),
            (None, Some(l)) => self.push_list(l, t, line),
            (None, None) => {
                if placeholder::is_unfilled(t) {
                    self.imp.placeholder(&self.prose_path(), t, line);
                } else {
                    self.keep_block(node);
                }
            }
        }
    }

    fn prose_path(&self) -> String {
        let role = self.role;
        match (role.prose, role.list) {
            (Some(p), _) => p.path().to_string(),
            (None, Some(l)) => l.path().to_string(),
            _ => format!("section:{}", self.title),
        }
    }

    /// A paragraph made only of `Key: value` lines (bold keys, known keys, several pairs
    /// on one line, italic-wrapped lines). Routes them and returns true.
    fn pairs_paragraph(&mut self, t: &str, line: Option<u32>) -> bool {
        let role = self.role;
        let mut found: Vec<(String, String, Option<u32>)> = Vec::new();
        let mut unknown = 0;
        for (k, raw) in t.split('\n').enumerate() {
            let l = unwrap_italic_line(raw.trim());
            let ln = line.map(|n| n + u32::try_from(k).unwrap_or(0));
            if let Some(pairs) = split_inline_pairs(&l).filter(|p| p.len() > 1) {
                for (key, v) in pairs {
                    found.push((key, v, ln));
                }
                continue;
            }
            match split_pair(&l) {
                Some((key, v, bold)) if bold || metadata::is_known(&key) => {
                    let n = norm(&key);
                    if !metadata::is_known(&key) && !self.is_label(&n) {
                        unknown += 1;
                    }
                    found.push((key, v, ln))
                }
                _ => return false,
            }
        }
        // A lone "**Note:** …" in a prose section is prose, not a metadata key.
        if found.len() == 1 && unknown == 1 && role.prose.is_some() && !self.role.force_extra {
            return false;
        }
        for (k, v, ln) in found {
            self.route(&k, &v, ln, role.ctx);
        }
        true
    }

    /// Italic `Role: name, date` lines in a section that carries sign-off lines (or
    /// lines whose role says "approved by"). Returns true when the paragraph was that.
    fn signoff_lines(&mut self, t: &str, line: Option<u32>) -> bool {
        let role = self.role;
        let mut rows = Vec::new();
        for raw in t.split('\n') {
            let raw = raw.trim();
            let l = unwrap_italic_line(raw);
            if l == raw {
                return false;
            }
            let split = l
                .split_once(": ")
                .or_else(|| l.strip_suffix(':').map(|k| (k, "")));
            let Some((k, v)) = split else {
                return false;
            };
            let nk = norm(k);
            let is_label = self.is_label(&nk);
            let approval = nk.contains("approved by") || nk.contains("signed off by");
            if is_label || !(role.signoff_line || approval) {
                return false;
            }
            rows.push((k.trim().to_string(), v.trim().to_string()));
        }
        for (k, v) in rows {
            let role_text = if norm(&k) == norm(SIGN_OFF_LINE_ROLE) {
                String::new()
            } else {
                k
            };
            let (name, date) = match v.rsplit_once(", ") {
                Some((n, d)) => (n.trim().to_string(), d.trim().to_string()),
                None => (v.clone(), String::new()),
            };
            let name_ph = placeholder::is_unfilled(&name);
            let date_ph = placeholder::is_unfilled(&date);
            if name_ph {
                self.imp.placeholder("sign_off.name", &name, line);
            }
            if date_ph {
                self.imp.placeholder("sign_off.date", &date, line);
            }
            let name = if name_ph { String::new() } else { name };
            let date = if date_ph { String::new() } else { date };
            if name.is_empty() && date.is_empty() {
                continue;
            }
            self.imp.report.sign_off.push(crate::model::SignOff {
                role: unescape(&role_text),
                name: unescape(&name),
                date: unescape(&date),
            });
        }
        true
    }

    fn why_paragraph(&mut self, t: &str) {
        for l in t.split('\n') {
            let l = l.trim();
            let lower = l
                .trim_start_matches(['*', '_', '→', '-', ' '])
                .to_lowercase();
            if lower.starts_with("because") {
                if let Some(last) = self.imp.report.root_cause.whys.last_mut() {
                    last.because = unescape(&whys::strip_because(l));
                    continue;
                }
            }
            let w = whys::parse_item(l, None);
            self.push_why(w, None);
        }
    }

    pub(super) fn push_why(&mut self, w: Why, line: Option<u32>) {
        let why_ph = placeholder::is_unfilled(&w.why);
        let because_ph = placeholder::is_unfilled(&w.because);
        let idx = self.imp.report.root_cause.whys.len();
        if (why_ph || w.why.is_empty()) && (because_ph || w.because.is_empty()) {
            let text = format!("{} {}", w.why, w.because);
            if !text.trim().is_empty() {
                self.imp.placeholder("root_cause.whys", text.trim(), line);
            }
            return;
        }
        let mut w = w;
        if why_ph {
            self.imp
                .placeholder(&format!("root_cause.whys[{idx}].why"), &w.why, line);
            w.why.clear();
        }
        if because_ph {
            self.imp
                .placeholder(&format!("root_cause.whys[{idx}].because"), &w.because, line);
            w.because.clear();
        }
        w.why = unescape(&w.why);
        w.because = unescape(&w.because);
        self.imp.report.root_cause.whys.push(w);
    }

    /// Reads a list's items (text of each item's paragraphs, checkbox, nested items).
    pub(super) fn items<'a>(&self, list: &'a AstNode<'a>, depth: usize) -> Vec<Item> {
        let mut out = Vec::new();
        for it in list.children() {
            let checked = match &it.data.borrow().value {
                NodeValue::TaskItem(t) => Some(t.symbol.is_some()),
                NodeValue::Item(_) => None,
                _ => continue,
            };
            let mut texts = Vec::new();
            let mut nested = Vec::new();
            for c in it.children() {
                let v = c.data.borrow().value.clone();
                match v {
                    NodeValue::List(_) if depth < MAX_DEPTH => {
                        nested.extend(self.items(c, depth + 1));
                    }
                    NodeValue::Paragraph => texts.push(self.imp.src.inline(c)),
                    _ => {
                        let (a, b) = line_range(c);
                        texts.push(self.imp.src.lines(a, b).trim().to_string());
                    }
                }
            }
            let line = first_paragraph(it)
                .map(|p| p.data.borrow().sourcepos.start.line)
                .or(Some(it.data.borrow().sourcepos.start.line))
                .and_then(line_u32);
            out.push(Item {
                text: texts.join("\n\n"),
                checked,
                nested,
                line,
            });
        }
        out
    }

    fn list<'a>(&mut self, node: &'a AstNode<'a>) {
        let role = self.role;
        let items = self.items(node, 0);
        let ordered = matches!(
            &node.data.borrow().value,
            NodeValue::List(l) if l.list_type == ListType::Ordered
        );
        let is_task = items.iter().any(|i| i.checked.is_some());
        if let Special::ActionItems(h) = role.special {
            if let Some(idx) = self.detail {
                self.detail_list(idx, &items);
                return;
            }
            if self.legend {
                self.legend = false;
                return;
            }
            self.action_list(&items, h);
            return;
        }
        let why_like = items
            .iter()
            .filter(|i| whys::looks_like_why(&i.text))
            .count();
        let why_start = items
            .iter()
            .filter(|i| {
                i.text
                    .trim_start_matches(['*', '_'])
                    .to_lowercase()
                    .starts_with("why")
            })
            .count();
        // In a Five Whys section a numbered list is the chain even when its steps do not
        // say "why" (seed 000 writes "1. question Because answer").
        let chained = items.iter().any(|i| chain_levels(i).len() >= 3);
        // A bulleted list is the chain when most of its items are whys: seed 003's bold-key
        // bullets ("**5 Whys / Fishbone Diagram:** Why …? Because …") are rows.
        let mostly_whys = why_like * 2 > items.len();
        if (role.special == Special::Whys && (mostly_whys || ordered || chained)) || why_start >= 2
        {
            let is_answer = |t: &str| {
                t.trim_start_matches(['*', '_', '→', '-', '>', ' '])
                    .to_lowercase()
                    .starts_with("because")
            };
            let mut skip_next = false;
            for (n, it) in items.iter().enumerate() {
                if std::mem::take(&mut skip_next) {
                    continue;
                }
                // Bold pairs as separate items: "- **Why?** …" then "- **Because** …".
                if let Some(next) = items.get(n + 1) {
                    let bold_why = it.text.trim_start().starts_with("**Why");
                    let pair = !ordered && bold_why && is_answer(&next.text);
                    if pair && it.nested.is_empty() {
                        let q = it.text.replacen("**", "", 2);
                        let w = Why {
                            why: q.trim().to_string(),
                            because: whys::strip_because(next.text.trim()),
                        };
                        self.push_why(w, it.line);
                        skip_next = true;
                        continue;
                    }
                }
                // Statements nested one level deeper each.
                let levels = chain_levels(it);
                if levels.len() >= 3 {
                    for w in whys::nested_chain(&levels) {
                        self.push_why(w, it.line);
                    }
                    continue;
                }
                let nested = (!it.nested.is_empty()).then(|| {
                    it.nested
                        .iter()
                        .map(|n| n.text.as_str())
                        .collect::<Vec<_>>()
                        .join(" ")
                });
                let w = whys::parse_item(&it.text, nested.as_deref());
                self.push_why(w, it.line);
            }
            return;
        }
        if role.special == Special::Factors && is_task {
            self.factor_checklist(&items);
            return;
        }
        if role.special == Special::HowDetected {
            let chosen: Vec<&str> = items
                .iter()
                .filter(|i| i.checked != Some(false))
                .map(|i| {
                    let t = i.text.trim();
                    t.strip_prefix("Other:").map_or(t, str::trim)
                })
                .filter(|t| !t.is_empty() && !placeholder::is_unfilled(t))
                .collect();
            let joined = chosen.join("; ");
            let line = items.first().and_then(|i| i.line);
            if !joined.is_empty() {
                self.imp
                    .set_text(Text::DetectionMethod, "Detection", &joined, line);
            }
            return;
        }
        // Bold-key items ("- **Severity:** SEV2", "- Users affected: 1,200"). In a section
        // that is a key/value block any `Key: value` item counts.
        let lenient = !self.labels.is_empty() || matches!(role.ctx, Ctx::Meta | Ctx::Impact);
        let labels = self.labels.clone();
        let pair_of = |i: &Item| -> Option<(String, String, bool)> {
            split_pair(&i.text).filter(|(k, _, bold)| {
                *bold
                    || metadata::is_known(k)
                    || labels.iter().any(|(l, _)| *l == norm(k))
                    || (lenient && role.list.is_none())
            })
        };
        let all_pairs = !items.is_empty() && items.iter().all(|i| pair_of(i).is_some());
        if role.special == Special::Timeline {
            if all_pairs && items.iter().all(|i| split_time_prefix(&i.text).is_none()) {
                for it in &items {
                    if let Some((k, v, _)) = pair_of(it) {
                        self.route(&k, &v, it.line, role.ctx);
                    }
                }
            } else {
                self.timeline_list(&items);
            }
            return;
        }
        match role.list {
            Some(l) => {
                for it in flatten(&items) {
                    let routed = pair_of(it).filter(|(k, _, bold)| {
                        *bold && metadata::target(&norm(k), role.ctx).is_some()
                    });
                    match routed {
                        Some((k, v, _)) => self.route(&k, &v, it.line, role.ctx),
                        None => self.push_list(l, &it.text, it.line),
                    }
                }
            }
            None if all_pairs => {
                for it in &items {
                    if let Some((k, v, _)) = pair_of(it) {
                        let whys_label = metadata::target(&norm(&k), Ctx::RootCause)
                            == Some(metadata::Target::Text(Text::Analysis));
                        // "- **5 Whys / Fishbone:** Why …? Because …. Why …?": the chain
                        // written inline (or as a paragraph under the bullet) is the whys.
                        if whys_label && it.nested.is_empty() {
                            if let Some(chain) = whys::inline_chain(&v) {
                                for w in chain {
                                    self.push_why(w, it.line);
                                }
                                continue;
                            }
                        }
                        self.route(&k, &v, it.line, role.ctx);
                        // "- **5 Whys / Fishbone:**" with the chain as a sub-list.
                        if whys_label && !it.nested.is_empty() {
                            for sub in &it.nested {
                                let answer = (!sub.nested.is_empty()).then(|| {
                                    sub.nested
                                        .iter()
                                        .map(|n| n.text.as_str())
                                        .collect::<Vec<_>>()
                                        .join(" ")
                                });
                                self.push_why(
                                    whys::parse_item(&sub.text, answer.as_deref()),
                                    sub.line,
                                );
                            }
                        }
                    }
                }
            }
            None => {
                if items
                    .iter()
                    .all(|i| placeholder::is_unfilled(&i.text) || i.text.trim().is_empty())
                {
                    for it in &items {
                        let path = role.prose.map_or("section", |p| p.path());
                        self.imp.placeholder(path, &it.text, it.line);
                    }
                } else if let Some(p) = role.prose {
                    // Bullets under a prose heading ("Impact", "Detection") are its text.
                    let (a, b) = line_range(node);
                    let text = self.imp.src.lines(a, b);
                    let line = line_u32(a);
                    self.append_prose(p, &text, line);
                } else {
                    self.keep_block(node);
                }
            }
        }
    }

    fn factor_checklist(&mut self, items: &[Item]) {
        for it in items {
            // Seed 001's pasted "Details: - …" line runs on into the last item.
            let (text, details) = match it.text.split_once("\nDetails:") {
                Some((a, b)) => (a.trim(), Some(b)),
                None => (it.text.trim(), None),
            };
            if let Some(rest) = details {
                for part in rest.split(" - ") {
                    let p = part.trim().trim_start_matches("- ").trim();
                    self.push_list(List::Factors, p, it.line);
                }
            }
            let (label, detail) = match text.split_once(':') {
                Some((a, b)) => (a.trim(), b.trim()),
                None => (text, ""),
            };
            match FactorCategory::from_label(label) {
                Some(category) => {
                    let checked = it.checked == Some(true);
                    let detail_ph = placeholder::is_unfilled(detail);
                    if detail_ph {
                        let idx = self.imp.report.contributing_factors.checklist.len();
                        let loc = if checked {
                            format!("contributing_factors.checklist[{idx}].detail")
                        } else {
                            "contributing_factors.checklist".to_string()
                        };
                        self.imp.placeholder(&loc, detail, it.line);
                    }
                    let detail = if detail_ph { "" } else { detail };
                    // The seed lists every category with a placeholder; only those the
                    // author touched are facts.
                    if checked || !detail_ph {
                        self.imp
                            .report
                            .contributing_factors
                            .checklist
                            .push(FactorCheck {
                                category,
                                checked,
                                detail: unescape(detail),
                            });
                    }
                }
                None => self.push_list(List::Factors, text, it.line),
            }
        }
    }
}

/// The texts of an item and its single nested item, and so on down, while each level has
/// exactly one child (a chain written one level deeper per step).
fn chain_levels(item: &Item) -> Vec<String> {
    let mut out = vec![item.text.clone()];
    let mut cur = item;
    while let [only] = cur.nested.as_slice() {
        out.push(only.text.clone());
        cur = only;
    }
    out
}

/// Items and their nested items, depth first.
fn flatten(items: &[Item]) -> Vec<&Item> {
    let mut out = Vec::new();
    let mut stack: Vec<&Item> = items.iter().rev().collect();
    while let Some(i) = stack.pop() {
        out.push(i);
        stack.extend(i.nested.iter().rev());
    }
    out
}

/// Labels a callout box opens with.
const CALLOUTS: &[&str] = &[
    "note",
    "info",
    "information",
    "tip",
    "hint",
    "important",
    "warning",
    "caution",
    "attention",
    "success",
    "error",
    "danger",
];

/// The text after a callout label that opens `line` (`[!NOTE]`, `**Note**`, `**Note:**`,
/// `ℹ️ **Info:**`); `None` when the line opens with no such label.
fn callout_label(line: &str) -> Option<&str> {
    let t = line
        .trim_start_matches(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '*' | '_' | '[')))
        .trim_start();
    let (word, rest) = if let Some(r) = t.strip_prefix("[!") {
        r.split_once(']')?
    } else {
        let m = ["**", "__"].into_iter().find(|m| t.starts_with(m))?;
        let inner = &t[m.len()..];
        let end = inner.find(m)?;
        (&inner[..end], &inner[end + m.len()..])
    };
    let word = word.trim().trim_end_matches(':').trim();
    if !CALLOUTS.contains(&word.to_lowercase().as_str()) {
        return None;
    }
    Some(rest.trim_start_matches(':').trim())
}

/// The block quote is a callout box.
fn callout<'a>(src: &Source<'_>, node: &'a AstNode<'a>) -> bool {
    first_paragraph(node).is_some_and(|p| {
        let text = src.inline(p);
        callout_label(text.split('\n').next().unwrap_or("")).is_some()
    })
}

/// A line that is only a calendar date, bold or not, with an optional trailing colon
/// ("**2023-03-09**", "March 9, 2023:", "__Thu 9 Mar 2023__") → the date as typed.
pub(super) fn timeline_day(t: &str) -> Option<String> {
    if t.contains('\n') || t.len() > 60 {
        return None;
    }
    let inner = t.trim().trim_end_matches(':').trim();
    let inner = inner
        .trim_start_matches(['*', '_'])
        .trim_end_matches(['*', '_'])
        .trim()
        .trim_end_matches(':')
        .trim();
    // Google Docs writes the date's dashes escaped (`__2016\-12\-31__`).
    let inner = unescape(inner);
    let stamp = crate::time::parse_stamp(&inner)?;
    (stamp.time.is_none() && matches!(stamp.date, crate::time::DatePart::Full(_))).then_some(inner)
}

/// "All times in UTC." / "All times are US/Pacific." → the zone.
fn timezone_sentence(t: &str) -> Option<String> {
    let l = t.to_ascii_lowercase();
    if !l.starts_with("all times") || t.contains('\n') || t.len() > 300 {
        return None;
    }
    let idx = l
        .rfind(" in ")
        .map(|i| i + 4)
        .or_else(|| l.find(" are ").map(|i| i + 5))?;
    let zone = t.get(idx..)?.trim();
    let zone = zone.strip_suffix('.').unwrap_or(zone).trim();
    (!zone.is_empty()).then(|| zone.to_string())
}

/// "**Five Whys:**" → Some("Five Whys").
fn bold_label(t: &str) -> Option<&str> {
    let inner = t.strip_prefix("**")?.strip_suffix("**")?;
    if inner.contains("**") || inner.contains('\n') {
        return None;
    }
    inner.trim().strip_suffix(':')
}

/// "**AI-1: Title**" → ("AI-1", "Title").
fn detail_heading(t: &str) -> Option<(String, String)> {
    let inner = t.strip_prefix("**")?.strip_suffix("**")?;
    if inner.contains("**") || inner.contains('\n') {
        return None;
    }
    let (id, name) = inner.split_once(':')?;
    let id = id.trim();
    let ok = !id.is_empty()
        && id.len() <= 20
        && id.chars().any(|c| c.is_ascii_digit())
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '#');
    ok.then(|| (id.to_string(), name.trim().to_string()))
}

/// "*Post-mortem meeting held: 2024-05-02*" → the line without the emphasis.
fn unwrap_italic_line(l: &str) -> String {
    for m in ['*', '_'] {
        if l.len() > 2 && l.starts_with(m) && l.ends_with(m) && !l.starts_with(&format!("{m}{m}")) {
            return l[1..l.len() - 1].trim().to_string();
        }
    }
    l.to_string()
}

/// A table's cells as typed, with the line of each row.
pub(super) struct Grid {
    pub header: Vec<String>,
    pub header_line: Option<u32>,
    pub rows: Vec<(Vec<String>, Option<u32>)>,
}

impl Grid {
    /// Cells of rows that become one-line fields (timeline, action items, sign-off): a
    /// `<br>` reads as a space, as the exporter writes such a cell.
    fn one_line(&mut self) {
        for (row, _) in &mut self.rows {
            for c in row.iter_mut().filter(|c| c.contains('\n')) {
                *c = c.split('\n').map(str::trim).collect::<Vec<_>>().join(" ");
            }
        }
    }

    pub fn cell<'g>(&'g self, row: &'g [String], col: Option<usize>) -> &'g str {
        col.and_then(|c| row.get(c)).map_or("", |s| s.trim())
    }
}

/// Two columns whose header row and every row name a field the importer knows in the
/// first cell; under an export's blank header row (`| | |`), pairs of which most name a
/// known field (the rest, "Milestones", are the tool's own and kept as extra details).
fn is_property_table(grid: &Grid) -> bool {
    let known = |cells: &[String]| {
        cells.len() == 2 && metadata::is_known(&super::strip_emphasis(&cells[0]))
    };
    let blank = grid.header.len() == 2 && grid.header.iter().all(|c| c.trim().is_empty());
    if grid.rows.is_empty() {
        return false;
    }
    if blank {
        let pairs = grid.rows.iter().all(|(r, _)| r.len() == 2);
        let hits = grid.rows.iter().filter(|(r, _)| known(r)).count();
        return pairs && hits * 2 > grid.rows.len();
    }
    known(&grid.header) && grid.rows.iter().all(|(r, _)| known(r))
}

/// Standard notes seed 001 prints in its detection-delay table.
const STANDARD_NOTES: &[&str] = &[
    "first alert or report",
    "investigation started",
    "bleeding stopped",
    "fully resolved",
];

impl SectionReader<'_, '_> {
    fn grid<'a>(&self, node: &'a AstNode<'a>) -> Grid {
        let mut header = Vec::new();
        let mut header_line = None;
        let mut rows = Vec::new();
        for row in node.children() {
            let is_header = matches!(row.data.borrow().value, NodeValue::TableRow(true));
            let line = line_u32(row.data.borrow().sourcepos.start.line);
            let cells: Vec<String> = row.children().map(|c| self.imp.src.cell(c)).collect();
            if is_header {
                header = cells;
                header_line = line;
            } else {
                rows.push((cells, line));
            }
        }
        Grid {
            header,
            header_line,
            rows,
        }
    }

    fn table<'a>(&mut self, node: &'a AstNode<'a>) {
        let role = self.role;
        let mut grid = self.grid(node);
        if let Some((q, a)) = whys::table_columns(&grid.header)
            .filter(|_| role.special == Special::Whys || role.ctx == Ctx::RootCause)
        {
            grid.one_line();
            for (row, line) in &grid.rows {
                let w = Why {
                    why: grid.cell(row, Some(q)).to_string(),
                    because: whys::strip_because(grid.cell(row, Some(a))),
                };
                self.push_why(w, *line);
            }
            return;
        }
        let kind = tables::classify(&grid.header);
        if !matches!(kind, TableKind::KeyValue { .. } | TableKind::Unknown) {
            grid.one_line();
        }
        match kind {
            TableKind::Timeline(cols) => self.timeline_table(&grid, &cols),
            TableKind::ActionItems(cols) => {
                let h = match role.special {
                    Special::ActionItems(h) => h,
                    _ => None,
                };
                self.action_table(&grid, &cols, h);
            }
            TableKind::SignOff {
                role: r,
                name,
                date,
            } => {
                for (row, line) in &grid.rows {
                    let role_t = grid.cell(row, Some(r)).to_string();
                    let name_t = grid.cell(row, Some(name)).to_string();
                    let date_t = grid.cell(row, date).to_string();
                    let filled = |v: &str, f: &str, me: &mut Self| -> String {
                        if placeholder::is_unfilled(v) {
                            me.imp.placeholder(&format!("sign_off.{f}"), v, *line);
                            String::new()
                        } else {
                            v.to_string()
                        }
                    };
                    let name_v = filled(&name_t, "name", self);
                    let date_v = filled(&date_t, "date", self);
                    if name_v.is_empty() && date_v.is_empty() {
                        continue;
                    }
                    self.imp.report.sign_off.push(crate::model::SignOff {
                        role: unescape(&role_t),
                        name: unescape(&name_v),
                        date: unescape(&date_v),
                    });
                }
            }
            TableKind::KeyValue { key, value, notes } => {
                for (row, line) in &grid.rows {
                    let k = grid.cell(row, Some(key)).to_string();
                    let v = grid.cell(row, Some(value)).to_string();
                    self.route(&k, &v, *line, role.ctx);
                    let n = grid.cell(row, notes);
                    if !n.is_empty()
                        && !STANDARD_NOTES.contains(&norm(n).as_str())
                        && !placeholder::is_unfilled(n)
                    {
                        self.imp.keep_extra(
                            &format!("{} notes", super::strip_emphasis(&k)),
                            n,
                            *line,
                            role.ctx,
                        );
                    }
                }
            }
            // A property table (Confluence's page properties, Notion's export) has no
            // header of its own: its first row is already a pair.
            TableKind::Unknown if is_property_table(&grid) => {
                let first = (grid.header.clone(), grid.header_line);
                let header = grid.header.iter().any(|c| !c.trim().is_empty());
                let rows = header.then_some(&first).into_iter().chain(&grid.rows);
                for (row, line) in rows {
                    let k = grid.cell(row, Some(0)).to_string();
                    let v = grid.cell(row, Some(1)).to_string();
                    self.route(&k, &v, *line, role.ctx);
                }
            }
            TableKind::Unknown => self.keep_block(node),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_lone_bold_note_in_prose_stays_prose() {
        let md = "# Post-Mortem: X\n\n## Summary\n\nIt broke.\n\n**Note:** the fix is temporary.\n";
        let r = super::super::parse_markdown(md).report;
        assert_eq!(
            r.summary.summary,
            "It broke.\n\n**Note:** the fix is temporary."
        );
        assert!(r.meta.extra.is_empty());
    }

    #[test]
    fn reads_small_patterns() {
        assert_eq!(timezone_sentence("All times in UTC."), Some("UTC".into()));
        assert_eq!(
            timezone_sentence("All times in [TIMEZONE]."),
            Some("[TIMEZONE]".into())
        );
        assert_eq!(timezone_sentence("Everything broke."), None);
        assert_eq!(bold_label("**Five Whys:**"), Some("Five Whys"));
        assert_eq!(bold_label("**Root cause:** x"), None);
        assert_eq!(
            detail_heading("**AI-2: Add pool alert**"),
            Some(("AI-2".into(), "Add pool alert".into()))
        );
        assert_eq!(detail_heading("**Note: careful**"), None);
        assert_eq!(callout_label("[!WARNING]"), Some(""));
        assert_eq!(callout_label("ℹ️ **Info:** read this"), Some("read this"));
        assert_eq!(callout_label("**Note**"), Some(""));
        assert_eq!(callout_label("**Severity:** SEV1"), None);
        assert_eq!(callout_label("Note that"), None);
        assert_eq!(timeline_day("**2023-03-09**"), Some("2023-03-09".into()));
        assert_eq!(timeline_day("March 9, 2023:"), Some("March 9, 2023".into()));
        assert_eq!(timeline_day("**2023-03-09 08:15**"), None);
        assert_eq!(timeline_day("Deploy"), None);
        assert_eq!(
            unwrap_italic_line("*Document finalized: 2024-05-09*"),
            "Document finalized: 2024-05-09"
        );
    }
}
