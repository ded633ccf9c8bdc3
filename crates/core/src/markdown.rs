//! Markdown export: walks a template definition and writes the report in that template's
//! layout. All user text goes through comrak's AST and CommonMark formatter, so a `|`,
//! `#`, backtick, newline or HTML tag typed into a field stays text. Whatever the template
//! has no place for is written under "Additional Notes" with canonical headings, so no
//! content is lost when a report is rendered in another template.

mod own_layout;

use std::collections::BTreeSet;

use comrak::nodes::{
    AstNode, ListDelimType, ListType, NodeCodeBlock, NodeHeading, NodeList, NodeTable,
    NodeTaskItem, NodeValue, TableAlignment,
};
use comrak::{format_commonmark, Arena, Options};

use crate::fields::{List, Part, Slot, Text};
use crate::link_safety;
use crate::model::{ActionItem, Report};
use crate::severity::Severity;
use crate::templates::{
    self, Block, Col, Form, ListStyle, Row, SignOffStyle, Template, Value, WhyStyle,
    ACTION_ITEM_DETAILS, ADDITIONAL_NOTES, DETECTION_SOURCES, SIGN_OFF_LINE_ROLE, UNSCHEDULED,
};

/// Options for `to_markdown`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MarkdownOptions {
    /// Template to render in; `None` uses the report's own. `templates::OWN_LAYOUT` writes
    /// an imported document in its own layout (the report's template when it has none).
    pub template: Option<String>,
    /// Write YAML front matter (title, id, date, severity, status, template, schema version).
    pub front_matter: bool,
    /// Write the seed's placeholder text where a field is empty (a blank template).
    pub placeholders: bool,
    /// Add the timeline as a Mermaid `timeline` block after the timeline table (off by
    /// default, so the export stays the template's own layout). The importer recognises
    /// this block and drops it: it is regenerated from the table on the next export.
    pub mermaid: bool,
}

/// Options comrak parses and formats with: GFM tables and task lists.
pub fn comrak_options() -> Options<'static> {
    let mut o = Options::default();
    o.extension.table = true;
    o.extension.tasklist = true;
    o.extension.strikethrough = true;
    o.render.width = 0;
    o.render.prefer_fenced = true;
    o.extension.front_matter_delimiter = Some("---".to_string());
    o
}

/// Renders the report as Markdown in a template. Same report and options, same bytes.
pub fn to_markdown(report: &Report, options: &MarkdownOptions) -> String {
    let asked = options.template.as_deref();
    let own = match (asked, &report.layout) {
        (Some(templates::OWN_LAYOUT), Some(layout)) => Some(layout),
        _ => None,
    };
    let id = match asked {
        Some(id) if id != templates::OWN_LAYOUT => id,
        _ => &report.template,
    };
    let template = templates::by_id_or_default(id);
    let arena = Arena::new();
    let w = Writer {
        arena: &arena,
        report,
        template,
        blank: options.placeholders,
        mermaid: options.mermaid,
        opts: comrak_options(),
    };
    let mut chunks: Vec<String> = Vec::new();
    if options.front_matter {
        chunks.push(front_matter(report, own.is_none().then_some(template)));
    }
    if let Some(layout) = own {
        w.own_layout(layout, &mut chunks);
    } else {
        if w.blank && !template.preamble.is_empty() {
            chunks.push(template.preamble.to_string());
        }
        chunks.push(w.title());
        for block in template.blocks {
            w.block(block, &mut chunks);
        }
        w.extra_sections(&mut chunks);
        w.additional_notes(&mut chunks);
    }
    let mut out = chunks
        .into_iter()
        .filter(|c| !c.trim().is_empty())
        .collect::<Vec<_>>()
        .join("\n\n");
    out.push('\n');
    out
}

/// YAML front matter. Values are written as double-quoted scalars with JSON escaping,
/// which YAML reads back verbatim. A renderer that does not know front matter shows it
/// as Markdown, so the characters that open markup or links there (`<`, `>`, `&`, `[`,
/// `]`, backtick) are written as `\uXXXX` escapes, which YAML and JSON decode alike.
/// Without a template (a document in its own layout) the `template` key is left out, so
/// the import does not read the document as one.
fn front_matter(report: &Report, template: Option<&Template>) -> String {
    let q = |s: &str| {
        let json = serde_json::to_string(s).unwrap_or_else(|_| "\"\"".to_string());
        let mut out = String::with_capacity(json.len());
        for c in json.chars() {
            match c {
                '<' | '>' | '&' | '[' | ']' | '`' => {
                    out.push_str(&format!("\\u{:04x}", u32::from(c)))
                }
                c => out.push(c),
            }
        }
        out
    };
    // The severity in the body's own word ("P1" in seed 003), and the date the body shows
    // (the date field, else the start's calendar date), so front matter never disagrees.
    let severity =
        match Severity::parse(&report.meta.severity, templates::scale_of(&report.template)) {
            Some(s) => match template {
                Some(t) if report.template != t.id => s.render(t.severity_scale),
                _ => report.meta.severity.trim().to_string(),
            },
            _ => report.meta.severity.trim().to_string(),
        };
    let mut fm = String::from("---\n");
    fm.push_str(&format!("title: {}\n", q(report.meta.title.trim())));
    fm.push_str(&format!("id: {}\n", q(report.meta.incident_id.trim())));
    fm.push_str(&format!("date: {}\n", q(&front_date(report))));
    fm.push_str(&format!("severity: {}\n", q(&severity)));
    fm.push_str(&format!("status: {}\n", q(report.meta.status.trim())));
    if let Some(t) = template {
        fm.push_str(&format!("template: {}\n", q(t.id)));
    }
    fm.push_str(&format!("schema_version: {}\n", report.schema_version));
    fm.push_str("---");
    fm
}

/// The incident's date for front matter: the date field as typed, else the calendar date
/// of its start (YYYY-MM-DD), else nothing.
pub fn front_date(report: &Report) -> String {
    let typed = report.meta.date.trim();
    if !typed.is_empty() {
        return typed.to_string();
    }
    match crate::time::parse_stamp(&report.meta.start).map(|s| s.date) {
        Some(crate::time::DatePart::Full(d)) => d.format("%Y-%m-%d").to_string(),
        _ => String::new(),
    }
}

/// The text of the Text siblings right before a node, up to the first other node.
fn text_before<'a>(n: N<'a>) -> String {
    let mut parts = Vec::new();
    let mut cur = n.previous_sibling();
    while let Some(p) = cur {
        match &p.data.borrow().value {
            NodeValue::Text(t) => parts.push(t.to_string()),
            _ => break,
        }
        cur = p.previous_sibling();
    }
    parts.reverse();
    parts.concat()
}

/// True when the word that `before` ends with could be a GFM autolink (`www.`, a
/// scheme's `:`, an e-mail's `@`), which would swallow a backslash escape after it.
fn after_url_like_word(before: &str) -> bool {
    let word = before
        .rsplit(char::is_whitespace)
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase();
    !word.is_empty() && (word.contains("www.") || word.contains(':') || word.contains('@'))
}

/// True for metadata forms written as lines (bold keys, bullets), false for tables.
fn line_form_of(form: Form) -> bool {
    !matches!(form, Form::Table { .. })
}

/// Collapses every run of whitespace (newlines included) into one space: for table cells
/// and other one-line places.
pub(crate) fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Splits prose into paragraphs (blank-line separated), each a list of trimmed lines.
pub(crate) fn paragraphs(s: &str) -> Vec<Vec<String>> {
    let s = s.replace("\r\n", "\n");
    let mut out = Vec::new();
    let mut cur: Vec<String> = Vec::new();
    for line in s.lines() {
        let l = line.split_whitespace().collect::<Vec<_>>().join(" ");
        if l.is_empty() {
            if !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
        } else {
            cur.push(l);
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

type N<'a> = &'a AstNode<'a>;

struct Writer<'a, 'r> {
    arena: &'a Arena<'a>,
    report: &'r Report,
    template: &'static Template,
    blank: bool,
    mermaid: bool,
    opts: Options<'static>,
}

impl<'a> Writer<'a, '_> {
    fn node(&self, v: NodeValue) -> N<'a> {
        self.arena.alloc(AstNode::from(v))
    }

    fn doc(&self) -> N<'a> {
        self.node(NodeValue::Document)
    }

    fn format(&self, root: N<'a>) -> String {
        defuse_links(self.arena, root);
        defuse_text(self.arena, root);
        let mut out = String::new();
        // Writing into a String cannot fail.
        let _ = format_commonmark(root, &self.opts, &mut out);
        // comrak separates adjacent lists with an HTML comment; we never need it.
        out.trim_end().to_string()
    }

    /// One line of user text as escaped Markdown, for places assembled as text; in a
    /// table cell (`line == false`) a `|` is escaped too.
    fn escaped(&self, s: &str, line: bool) -> String {
        let d = self.doc();
        d.append(self.para(s, true));
        let out = self.format(d);
        if line {
            out
        } else {
            out.replace('|', "\\|")
        }
    }

    /// Appends `s` as inline text: newlines become soft breaks (or spaces when `single`).
    fn inline(&self, parent: N<'a>, s: &str, single: bool) {
        if single {
            let t = one_line(s);
            if !t.is_empty() {
                parent.append(self.node(NodeValue::Text(t.into())));
            }
            return;
        }
        let mut first = true;
        for line in s.lines() {
            let l = line.split_whitespace().collect::<Vec<_>>().join(" ");
            if l.is_empty() {
                continue;
            }
            if !first {
                parent.append(self.node(NodeValue::SoftBreak));
            }
            parent.append(self.node(NodeValue::Text(l.into())));
            first = false;
        }
    }

    fn strong(&self, parent: N<'a>, s: &str) {
        let st = self.node(NodeValue::Strong);
        st.append(self.node(NodeValue::Text(s.to_string().into())));
        parent.append(st);
    }

    fn heading(&self, level: u8, text: &str) -> String {
        let d = self.doc();
        let h = self.node(NodeValue::Heading(NodeHeading {
            level,
            setext: false,
            closed: false,
        }));
        self.inline(h, text, true);
        d.append(h);
        self.format(d)
    }

    fn title(&self) -> String {
        let t = self.template;
        let title = one_line(&self.report.meta.title);
        let text = if !title.is_empty() {
            format!("{}: {}", t.title_prefix, title)
        } else if self.blank && !t.title_blank.is_empty() {
            return format!("# {}: {}", t.title_prefix, t.title_blank);
        } else {
            t.title_prefix.to_string()
        };
        self.heading(1, &text)
    }

    /// Text of a field as it should be written in this template: severities are
    /// re-expressed in the template's scale when the report came from another template.
    fn text_value(&self, field: Text) -> String {
        let raw = field.get(self.report);
        if field == Text::Severity && self.report.template != self.template.id {
            if let Some(s) = Severity::parse(raw, templates::scale_of(&self.report.template)) {
                return s.render(self.template.severity_scale);
            }
        }
        raw.trim().to_string()
    }

    fn row_value(&self, v: Value) -> String {
        match v {
            Value::Slot(Slot::Text(t)) => one_line(&self.text_value(t)),
            Value::Slot(Slot::List(l)) => {
                let sep = if l == List::Services { ", " } else { "; " };
                l.get(self.report)
                    .iter()
                    .map(|s| one_line(s))
                    .filter(|s| !s.is_empty())
                    .collect::<Vec<_>>()
                    .join(sep)
            }
            Value::Slot(Slot::Part(_)) => String::new(),
            Value::StartEnd => {
                let s = one_line(&self.report.meta.start);
                let e = one_line(&self.report.meta.end);
                match (s.is_empty(), e.is_empty()) {
                    (true, true) => String::new(),
                    _ => format!("{s} - {e}").trim().to_string(),
                }
            }
        }
    }

    fn block(&self, block: &Block, out: &mut Vec<String>) {
        match *block {
            // Template headings are our own text: written as-is, so "1. Summary" keeps its look.
            Block::Heading { level, text } => {
                out.push(format!("{} {text}", "#".repeat(usize::from(level))))
            }
            Block::Rule => out.push("---".to_string()),
            Block::Guidance(g) => {
                if self.blank {
                    out.push(g.to_string())
                }
            }
            Block::Fixed(f) => out.push(f.to_string()),
            Block::Rows { form, rows, extra } => out.push(self.rows(form, rows, extra)),
            Block::Prose { field, blank } => {
                let v = self.text_value(field);
                self.filled(out, v.is_empty(), "", blank, || vec![self.prose(&v)]);
            }
            Block::Labeled {
                field,
                label,
                blank,
            } => {
                let v = self.text_value(field);
                let lead = format!("{label} {blank}");
                self.filled(out, v.is_empty(), "", &lead, || {
                    let d = self.doc();
                    let p = self.node(NodeValue::Paragraph);
                    self.strong(p, label.trim_matches('*'));
                    p.append(self.node(NodeValue::Text(" ".into())));
                    self.inline(p, &v, false);
                    d.append(p);
                    vec![self.format(d)]
                });
            }
            Block::Items {
                field,
                style,
                lead,
                blank,
            } => {
                let items = field.get(self.report);
                self.filled(out, items.is_empty(), lead, blank, || {
                    vec![self.items(items, style)]
                });
            }
            Block::Timeline {
                time,
                event,
                owner,
                zone_intro,
                blank,
            } => {
                if zone_intro {
                    let tz = one_line(&self.report.meta.timezone);
                    self.filled(out, tz.is_empty(), "", "All times in [TIMEZONE].", || {
                        let d = self.doc();
                        d.append(self.para(&format!("All times in {tz}."), true));
                        vec![self.format(d)]
                    });
                }
                out.push(self.timeline(time, event, owner, blank));
                if self.mermaid {
                    out.push(
                        crate::mermaid::timeline_mermaid(self.report)
                            .trim_end()
                            .to_string(),
                    );
                }
            }
            Block::Whys { style, lead, blank } => {
                let empty = self.report.root_cause.whys.is_empty();
                self.filled(out, empty, lead, blank, || vec![self.whys(style)]);
            }
            Block::FactorChecklist { blank } => {
                let empty = self.report.contributing_factors.checklist.is_empty();
                self.filled(out, empty, "", blank, || vec![self.factor_checklist()]);
            }
            Block::DetectionChecklist { blank } => {
                let m = self.text_value(Text::DetectionMethod);
                self.filled(out, m.is_empty(), "", blank, || {
                    vec![self.detection_checklist(&m)]
                });
            }
            Block::ActionItems {
                columns,
                by_horizon,
                details,
                blank,
            } => {
                let empty = self.report.action_items.is_empty();
                // An empty filled report still shows the (header-only) tables.
                if empty && self.blank {
                    out.push(blank.to_string());
                } else {
                    self.action_items(columns, by_horizon, details, out);
                }
            }
            Block::SignOff { style, blank } => {
                let empty = self.report.sign_off.is_empty();
                self.filled(out, empty, "", blank, || vec![self.sign_off(style)]);
            }
        }
    }

    /// Writes a block: its rendering when the report has content for it, the seed's
    /// placeholder text in blank exports, nothing otherwise. `lead` is a paragraph the
    /// template writes before the block ("**Five Whys:**", "Details:").
    fn filled(
        &self,
        out: &mut Vec<String>,
        empty: bool,
        lead: &str,
        blank: &str,
        render: impl FnOnce() -> Vec<String>,
    ) {
        if empty {
            // A block the seed itself lacks (blank text) writes nothing in a blank export.
            if self.blank && (!blank.is_empty() || lead.is_empty()) {
                out.push(if lead.is_empty() {
                    blank.to_string()
                } else {
                    format!("{lead}\n{blank}")
                });
            }
            return;
        }
        if !lead.is_empty() {
            out.push(lead.to_string());
        }
        out.extend(render());
    }

    fn prose(&self, v: &str) -> String {
        let d = self.doc();
        for para in paragraphs(v) {
            let p = self.node(NodeValue::Paragraph);
            self.inline(p, &para.join("\n"), false);
            d.append(p);
        }
        self.format(d)
    }

    fn list_node(&self, ordered: bool, task: bool) -> NodeList {
        NodeList {
            list_type: if ordered {
                ListType::Ordered
            } else {
                ListType::Bullet
            },
            marker_offset: 0,
            padding: if ordered { 3 } else { 2 },
            start: 1,
            delimiter: ListDelimType::Period,
            bullet_char: b'-',
            tight: true,
            is_task_list: task,
        }
    }

    /// A list whose items are built by `fill`.
    fn list(&self, ordered: bool, task: bool, n: usize, fill: impl Fn(usize, N<'a>)) -> N<'a> {
        let nl = self.list_node(ordered, task);
        let list = self.node(NodeValue::List(nl));
        for i in 0..n {
            let item = self.node(NodeValue::Item(nl));
            fill(i, item);
            list.append(item);
        }
        list
    }

    fn para(&self, s: &str, single: bool) -> N<'a> {
        let p = self.node(NodeValue::Paragraph);
        self.inline(p, s, single);
        p
    }

    fn items(&self, items: &[String], style: ListStyle) -> String {
        let d = self.doc();
        match style {
            ListStyle::Code => {
                for entry in items {
                    let literal = if entry.ends_with('\n') {
                        entry.clone()
                    } else {
                        format!("{entry}\n")
                    };
                    let fence_length = longest_backtick_run(entry).max(2) + 1;
                    d.append(self.node(NodeValue::CodeBlock(Box::new(NodeCodeBlock {
                        fenced: true,
                        fence_char: b'`',
                        fence_length,
                        fence_offset: 0,
                        info: String::new(),
                        literal,
                        closed: true,
                    }))));
                }
            }
            ListStyle::Task => {
                let list = self.list(false, true, items.len(), |i, item| {
                    let task = self.node(NodeValue::TaskItem(NodeTaskItem {
                        symbol: Some('x'),
                        symbol_sourcepos: (0, 0, 0, 0).into(),
                    }));
                    task.append(self.para(&items[i], true));
                    // A task item replaces the plain item node.
                    item.append(task);
                });
                // Unwrap: make each TaskItem a direct child of the list.
                for item in list.children() {
                    if let Some(task) = item.first_child() {
                        item.insert_before(task);
                        item.detach();
                    }
                }
                d.append(list);
            }
            ListStyle::Bullet | ListStyle::Ordered => {
                let list = self.list(
                    style == ListStyle::Ordered,
                    false,
                    items.len(),
                    |i, item| {
                        item.append(self.para(&items[i], true));
                    },
                );
                d.append(list);
            }
        }
        self.format(d)
    }

    fn table(&self, header: &[&str], rows: &[Vec<String>], bold_first: bool) -> N<'a> {
        let cols = header.len();
        let table = self.node(NodeValue::Table(Box::new(NodeTable {
            alignments: vec![TableAlignment::None; cols],
            num_columns: cols,
            num_rows: rows.len() + 1,
            num_nonempty_cells: 0,
        })));
        let hr = self.node(NodeValue::TableRow(true));
        for h in header {
            // Column headers are the template's own text, written as the seed writes them.
            let c = self.node(NodeValue::TableCell);
            c.append(self.node(NodeValue::Raw(h.to_string())));
            hr.append(c);
        }
        table.append(hr);
        for r in rows {
            let tr = self.node(NodeValue::TableRow(false));
            for i in 0..cols {
                let c = self.node(NodeValue::TableCell);
                let v = r.get(i).map(String::as_str).unwrap_or("");
                if i == 0 && bold_first && !v.is_empty() {
                    self.strong(c, &one_line(v));
                } else {
                    self.inline(c, v, true);
                }
                tr.append(c);
            }
            table.append(tr);
        }
        table
    }

    fn rows(&self, form: Form, rows: &[Row], extra: Option<Part>) -> String {
        // (label, value, note, blank) for each row, template rows first.
        let mut lines: Vec<(String, String, String)> = rows
            .iter()
            .map(|r| {
                let v = self.row_value(r.value);
                let v = match (v.is_empty(), self.blank) {
                    (true, true) => r.blank.to_string(),
                    // Blank exports are assembled as text below: user values are
                    // escaped here, the seed's own text is not.
                    (false, true) => self.escaped(&v, line_form_of(form)),
                    _ => v,
                };
                (r.label.to_string(), v, r.note.to_string())
            })
            .collect();
        let line_form = line_form_of(form);
        if let Some(p) = extra {
            let kvs = match p {
                Part::MetaExtra => &self.report.meta.extra,
                Part::ImpactExtra => &self.report.impact.extra,
                _ => return String::new(),
            };
            for kv in kvs {
                let mut key = one_line(&kv.key);
                let mut value = one_line(&kv.value);
                if self.blank {
                    key = self.escaped(&key, line_form);
                    value = self.escaped(&value, line_form);
                }
                let label = if line_form { format!("{key}:") } else { key };
                lines.push((label, value, String::new()));
            }
        }
        if self.blank {
            // Blank exports show the seed's own text, which is ours and trusted.
            return match form {
                Form::Table { header, bold_keys } => {
                    let mut s = format!(
                        "| {} |\n|{}|",
                        header.join(" | "),
                        vec!["---"; header.len()].join("|")
                    );
                    for (l, v, n) in &lines {
                        let l = if bold_keys {
                            format!("**{l}**")
                        } else {
                            l.clone()
                        };
                        if header.len() == 3 {
                            s.push_str(&format!("\n| {l} | {v} | {n} |"));
                        } else {
                            s.push_str(&format!("\n| {l} | {v} |"));
                        }
                    }
                    s
                }
                Form::BoldLines => lines
                    .iter()
                    .map(|(l, v, _)| format!("**{l}** {v}").trim_end().to_string())
                    .collect::<Vec<_>>()
                    .join("\n"),
                Form::ItalicLines => lines
                    .iter()
                    .map(|(l, v, _)| format!("*{l} {v}*"))
                    .collect::<Vec<_>>()
                    .join("\n"),
                Form::BoldBullets => lines
                    .iter()
                    .map(|(l, v, _)| format!("- **{l}** {v}").trim_end().to_string())
                    .collect::<Vec<_>>()
                    .join("\n"),
                Form::PlainBullets => lines
                    .iter()
                    .map(|(l, v, _)| format!("- {l} {v}").trim_end().to_string())
                    .collect::<Vec<_>>()
                    .join("\n"),
            };
        }
        let d = self.doc();
        match form {
            Form::Table { header, bold_keys } => {
                let data: Vec<Vec<String>> =
                    lines.into_iter().map(|(l, v, n)| vec![l, v, n]).collect();
                d.append(self.table(header, &data, bold_keys));
            }
            Form::BoldLines | Form::ItalicLines => {
                let p = self.node(NodeValue::Paragraph);
                for (i, (l, v, _)) in lines.iter().enumerate() {
                    if i > 0 {
                        p.append(self.node(NodeValue::SoftBreak));
                    }
                    if form == Form::BoldLines {
                        self.strong(p, l);
                        if !v.is_empty() {
                            p.append(self.node(NodeValue::Text(format!(" {v}").into())));
                        }
                    } else {
                        let em = self.node(NodeValue::Emph);
                        em.append(self.node(NodeValue::Text(
                            format!("{l} {v}").trim_end().to_string().into(),
                        )));
                        p.append(em);
                    }
                }
                d.append(p);
            }
            Form::BoldBullets | Form::PlainBullets => {
                let list = self.list(false, false, lines.len(), |i, item| {
                    let (l, v, _) = &lines[i];
                    let p = self.node(NodeValue::Paragraph);
                    if form == Form::BoldBullets {
                        self.strong(p, l);
                        if !v.is_empty() {
                            p.append(self.node(NodeValue::Text(format!(" {v}").into())));
                        }
                    } else {
                        p.append(self.node(NodeValue::Text(
                            format!("{l} {v}").trim_end().to_string().into(),
                        )));
                    }
                    item.append(p);
                });
                d.append(list);
            }
        }
        self.format(d)
    }

    fn timeline(&self, time: &str, event: &str, owner_col: bool, blank: &str) -> String {
        let entries = &self.report.timeline.entries;
        let with_owner = owner_col || entries.iter().any(|e| !e.owner.trim().is_empty());
        if entries.is_empty() && self.blank {
            let header = if owner_col {
                format!("| {time} | {event} | Owner |\n|---|---|---|")
            } else {
                format!("| {time} | {event} |\n|---|---|")
            };
            return format!("{header}\n{blank}");
        }
        let mut header = vec![time, event];
        if with_owner {
            header.push("Owner");
        }
        let d = self.doc();
        let table = self.table(&header, &[], false);
        for e in entries {
            let tr = self.node(NodeValue::TableRow(false));
            let c = self.node(NodeValue::TableCell);
            self.inline(c, &e.time, true);
            tr.append(c);
            let c = self.node(NodeValue::TableCell);
            if let Some(kind) = e.kind {
                self.strong(c, kind.label());
                let rest = one_line(e.event_after_kind());
                c.append(self.node(NodeValue::Text(
                    format!(": {rest}").trim_end().to_string().into(),
                )));
            } else {
                self.inline(c, &e.event, true);
            }
            tr.append(c);
            if with_owner {
                let c = self.node(NodeValue::TableCell);
                self.inline(c, &e.owner, true);
                tr.append(c);
            }
            table.append(tr);
        }
        d.append(table);
        self.format(d)
    }

    fn whys(&self, style: WhyStyle) -> String {
        let whys = &self.report.root_cause.whys;
        let d = self.doc();
        // A step's text keeps its lines and blank-line paragraphs: the lines are soft
        // breaks and the paragraphs paragraphs of the same list item, so CommonMark keeps
        // them inside the step and the importer reads them back as typed.
        let list = match style {
            WhyStyle::Inline | WhyStyle::Answers => {
                self.list(style == WhyStyle::Inline, false, whys.len(), |i, item| {
                    let w = &whys[i];
                    let mut q = paragraphs(&w.why);
                    if style == WhyStyle::Answers && q.is_empty() {
                        q = vec![vec!["Why?".to_string()]];
                    }
                    let lead = if style == WhyStyle::Inline {
                        "Because "
                    } else {
                        ""
                    };
                    let b = led(lead, paragraphs(&w.because));
                    self.step(item, None, &follow(q, b, true));
                })
            }
            WhyStyle::Arrow | WhyStyle::Nested => self.list(true, false, whys.len(), |i, item| {
                let w = &whys[i];
                let mut q = paragraphs(&w.why);
                // An empty question still has its label line; the answer goes below it.
                if q.is_empty() {
                    q.push(vec![String::new()]);
                }
                let first = q.first().and_then(|p| p.first()).cloned();
                let first = first.unwrap_or_default();
                let (label, rest) = strip_why(&first);
                if let Some(line) = q.first_mut().and_then(|p| p.first_mut()) {
                    *line = rest.to_string();
                }
                let b = led("Because ", paragraphs(&w.because));
                if style == WhyStyle::Arrow {
                    self.step(item, Some(label), &follow(q, led("→ ", b), false));
                } else {
                    self.step(item, Some(label), &q);
                    if !b.is_empty() {
                        let sub = self.list(false, false, 1, |_, si| self.step(si, None, &b));
                        loosen(sub);
                        item.append(sub);
                    }
                }
            }),
        };
        loosen(list);
        d.append(list);
        // comrak indents the blank line between an item's paragraphs; a blank line needs
        // no indent to stay in the item, and trailing spaces are noise to linters.
        let out = self.format(d);
        let lines: Vec<&str> = out
            .split('\n')
            .map(|l| if l.trim().is_empty() { "" } else { l })
            .collect();
        lines.join("\n")
    }

    /// Writes a step's paragraphs into a list item, the first opening with a bold label
    /// when there is one (its first line follows the label after a space); each further
    /// line is a soft break, each further paragraph a paragraph of the item.
    fn step(&self, item: N<'a>, label: Option<&str>, paras: &[Vec<String>]) {
        let mut paras = paras.iter();
        let p = self.node(NodeValue::Paragraph);
        if let Some(l) = label {
            self.strong(p, l);
        }
        for (n, line) in paras.next().into_iter().flatten().enumerate() {
            if line.is_empty() {
                continue;
            }
            if n == 0 && label.is_some() {
                p.append(self.node(NodeValue::Text(format!(" {line}").into())));
                continue;
            }
            if p.first_child().is_some() {
                p.append(self.node(NodeValue::SoftBreak));
            }
            p.append(self.node(NodeValue::Text(line.clone().into())));
        }
        item.append(p);
        for para in paras {
            let p = self.node(NodeValue::Paragraph);
            self.inline(p, &para.join("\n"), false);
            item.append(p);
        }
    }

    fn factor_checklist(&self) -> String {
        let checks = &self.report.contributing_factors.checklist;
        let d = self.doc();
        let nl = self.list_node(false, true);
        let list = self.node(NodeValue::List(nl));
        for c in checks {
            let task = self.node(NodeValue::TaskItem(NodeTaskItem {
                symbol: c.checked.then_some('x'),
                symbol_sourcepos: (0, 0, 0, 0).into(),
            }));
            let detail = one_line(&c.detail);
            let text = if detail.is_empty() {
                c.category.label().to_string()
            } else {
                format!("{}: {detail}", c.category.label())
            };
            task.append(self.para(&text, true));
            list.append(task);
        }
        d.append(list);
        self.format(d)
    }

    fn detection_checklist(&self, method: &str) -> String {
        let d = self.doc();
        let nl = self.list_node(false, true);
        let list = self.node(NodeValue::List(nl));
        let parts: Vec<String> = method
            .split("; ")
            .map(one_line)
            .filter(|s| !s.is_empty())
            .collect();
        let mut other: Vec<&str> = Vec::new();
        let known: BTreeSet<String> = DETECTION_SOURCES
            .iter()
            .map(|s| s.to_ascii_lowercase())
            .collect();
        for p in &parts {
            if !known.contains(&p.to_ascii_lowercase()) {
                other.push(p);
            }
        }
        for src in DETECTION_SOURCES {
            let checked = parts.iter().any(|p| p.eq_ignore_ascii_case(src));
            let task = self.node(NodeValue::TaskItem(NodeTaskItem {
                symbol: checked.then_some('x'),
                symbol_sourcepos: (0, 0, 0, 0).into(),
            }));
            task.append(self.para(src, true));
            list.append(task);
        }
        let task = self.node(NodeValue::TaskItem(NodeTaskItem {
            symbol: (!other.is_empty()).then_some('x'),
            symbol_sourcepos: (0, 0, 0, 0).into(),
        }));
        let text = if other.is_empty() {
            "Other:".to_string()
        } else {
            format!("Other: {}", other.join("; "))
        };
        task.append(self.para(&text, true));
        list.append(task);
        d.append(list);
        self.format(d)
    }

    fn action_items(
        &self,
        columns: &[(Col, &str)],
        by_horizon: bool,
        details: bool,
        out: &mut Vec<String>,
    ) {
        let items = &self.report.action_items;
        // Template columns, then any other column some item fills, in canonical order.
        let mut cols: Vec<(Col, String)> =
            columns.iter().map(|(c, h)| (*c, h.to_string())).collect();
        for (c, h) in Col::ALL {
            if cols.iter().any(|(x, _)| *x == c) || (by_horizon && c == Col::Horizon) {
                continue;
            }
            if items.iter().any(|i| !cell(i, c).is_empty()) {
                cols.push((c, h.to_string()));
            }
        }
        let header: Vec<&str> = cols.iter().map(|(_, h)| h.as_str()).collect();
        let render = |subset: &[&ActionItem]| -> String {
            let rows: Vec<Vec<String>> = subset
                .iter()
                .map(|i| cols.iter().map(|(c, _)| cell(i, *c)).collect())
                .collect();
            let d = self.doc();
            d.append(self.table(&header, &rows, false));
            self.format(d)
        };
        let sub_level = self.template.section_level() + 1;
        if by_horizon {
            for h in crate::model::Horizon::ALL {
                out.push(format!(
                    "{} {}",
                    "#".repeat(usize::from(sub_level)),
                    h.heading()
                ));
                let subset: Vec<&ActionItem> =
                    items.iter().filter(|i| i.horizon == Some(h)).collect();
                out.push(render(&subset));
            }
            let unscheduled: Vec<&ActionItem> =
                items.iter().filter(|i| i.horizon.is_none()).collect();
            if !unscheduled.is_empty() {
                out.push(self.heading(sub_level, UNSCHEDULED));
                out.push(render(&unscheduled));
            }
        } else {
            let all: Vec<&ActionItem> = items.iter().collect();
            out.push(render(&all));
        }
        let has_details = items.iter().any(|i| {
            !(i.description.trim().is_empty()
                && i.rationale.trim().is_empty()
                && i.success_criteria.trim().is_empty())
        });
        // Seed 002 has detail blocks; other templates get them only when there are details.
        let _ = details;
        if has_details {
            out.push(self.heading(sub_level, ACTION_ITEM_DETAILS));
            for (n, i) in items.iter().enumerate() {
                if i.description.trim().is_empty()
                    && i.rationale.trim().is_empty()
                    && i.success_criteria.trim().is_empty()
                {
                    continue;
                }
                let d = self.doc();
                let p = self.node(NodeValue::Paragraph);
                self.strong(
                    p,
                    format!("AI-{}: {}", n + 1, one_line(&i.action)).trim_end(),
                );
                d.append(p);
                let fields = [
                    ("Description:", &i.description),
                    ("Rationale:", &i.rationale),
                    ("Success criteria:", &i.success_criteria),
                ];
                let list = self.list(false, false, 3, |k, item| {
                    let (l, v) = fields[k];
                    item.append(self.para(format!("{l} {}", one_line(v)).trim_end(), true));
                });
                d.append(list);
                out.push(self.format(d));
            }
        }
    }

    fn sign_off(&self, style: SignOffStyle) -> String {
        let rows = &self.report.sign_off;
        let d = self.doc();
        match style {
            SignOffStyle::Line => {
                let p = self.node(NodeValue::Paragraph);
                for (i, s) in rows.iter().enumerate() {
                    if i > 0 {
                        p.append(self.node(NodeValue::SoftBreak));
                    }
                    let role = one_line(&s.role);
                    let role = if role.is_empty() {
                        SIGN_OFF_LINE_ROLE.to_string()
                    } else {
                        role
                    };
                    let mut text = format!("{role}: {}", one_line(&s.name));
                    let date = one_line(&s.date);
                    if !date.is_empty() {
                        text.push_str(&format!(", {date}"));
                    }
                    let em = self.node(NodeValue::Emph);
                    em.append(self.node(NodeValue::Text(text.trim_end().to_string().into())));
                    p.append(em);
                }
                d.append(p);
            }
            SignOffStyle::Table => {
                let data: Vec<Vec<String>> = rows
                    .iter()
                    .map(|s| vec![s.role.clone(), s.name.clone(), s.date.clone()])
                    .collect();
                d.append(self.table(&["Role", "Name", "Date"], &data, false));
            }
        }
        self.format(d)
    }

    fn extra_sections(&self, out: &mut Vec<String>) {
        let level = self.template.section_level();
        for s in &self.report.extra_sections {
            let title = one_line(&s.title);
            out.push(self.heading(level, if title.is_empty() { "Notes" } else { &title }));
            let body = self.safe_body(&s.body);
            if !body.is_empty() {
                out.push(body);
            }
        }
    }

    /// An author's Markdown body, normalised by comrak, with raw HTML turned into text.
    fn safe_body(&self, body: &str) -> String {
        let root = comrak::parse_document(self.arena, body, &self.opts);
        for n in root.descendants() {
            let mut data = n.data.borrow_mut();
            let replacement = match &data.value {
                // A lone HTML comment is inert; it is also how the formatter keeps two
                // adjacent lists apart, so it stays as written.
                NodeValue::HtmlBlock(h) if is_lone_comment(&h.literal) => None,
                NodeValue::HtmlBlock(h) => Some((NodeValue::Paragraph, h.literal.clone())),
                NodeValue::HtmlInline(h) => {
                    Some((NodeValue::Text(h.clone().into()), String::new()))
                }
                _ => None,
            };
            if let Some((value, literal)) = replacement {
                data.value = value;
                drop(data);
                if !literal.is_empty() {
                    n.append(self.node(NodeValue::Text(literal.trim_end().to_string().into())));
                }
            }
        }
        self.format(root)
    }

    fn additional_notes(&self, out: &mut Vec<String>) {
        let placed: BTreeSet<Slot> = self.template.placed_slots().into_iter().collect();
        self.unplaced_notes(&placed, out);
    }

    /// Every filled slot outside `placed`, under "Additional Notes" with its canonical
    /// label, so nothing is lost in a layout that has no place for it.
    fn unplaced_notes(&self, placed: &BTreeSet<Slot>, out: &mut Vec<String>) {
        let level = self.template.section_level();
        let mut chunks = Vec::new();
        for slot in Slot::all() {
            if placed.contains(&slot) || slot.is_empty(self.report) {
                continue;
            }
            chunks.push(self.heading(level + 1, slot.label()));
            self.slot_body(slot, &mut chunks);
        }
        if !chunks.is_empty() {
            out.push(self.heading(level, ADDITIONAL_NOTES));
            out.extend(chunks);
        }
    }

    /// One slot's content in the exporter's plain form (prose, bullets, a table), for
    /// places that are not a template's own block.
    fn slot_body(&self, slot: Slot, chunks: &mut Vec<String>) {
        match slot {
            Slot::Text(t) => chunks.push(self.prose(&self.text_value(t))),
            Slot::List(l) => {
                let style = if l == List::Logs {
                    ListStyle::Code
                } else {
                    ListStyle::Bullet
                };
                chunks.push(self.items(l.get(self.report), style));
            }
            Slot::Part(p) => match p {
                Part::Timeline => {
                    chunks.push(self.timeline("Time", "Event", false, ""));
                    if self.mermaid {
                        chunks.push(
                            crate::mermaid::timeline_mermaid(self.report)
                                .trim_end()
                                .to_string(),
                        );
                    }
                }
                Part::Whys => chunks.push(self.whys(WhyStyle::Nested)),
                Part::FactorChecklist => chunks.push(self.factor_checklist()),
                Part::ActionItems => self.action_items(&Col::ALL, false, true, chunks),
                Part::SignOff => chunks.push(self.sign_off(SignOffStyle::Table)),
                Part::MetaExtra => {
                    chunks.push(self.rows(Form::BoldLines, &[], Some(Part::MetaExtra)))
                }
                Part::ImpactExtra => chunks.push(self.rows(
                    Form::Table {
                        header: &["Metric", "Value"],
                        bold_keys: false,
                    },
                    &[],
                    Some(Part::ImpactExtra),
                )),
            },
        }
    }
}

/// A node in the arena.
fn alloc<'a>(arena: &'a Arena<'a>, v: NodeValue) -> N<'a> {
    arena.alloc(AstNode::from(v))
}

/// One line of user text as inline Markdown that stays text in every renderer the
/// exporter is checked against: what `to_markdown` writes for a one-line field.
pub fn escape_inline(s: &str) -> String {
    let arena = Arena::new();
    let d = alloc(&arena, NodeValue::Document);
    let p = alloc(&arena, NodeValue::Paragraph);
    let t = one_line(s);
    if !t.is_empty() {
        p.append(alloc(&arena, NodeValue::Text(t.into())));
    }
    d.append(p);
    defuse_links(&arena, d);
    defuse_text(&arena, d);
    let mut out = String::new();
    // Writing into a String cannot fail.
    let _ = format_commonmark(d, &comrak_options(), &mut out);
    out.trim_end().to_string()
}

/// Turns every link or image whose destination could run script into the literal
/// text of that link (`[text](javascript:…)` is written as escaped text, never as a
/// link). Only an author's Markdown body can hold links; everything else is text.
fn defuse_links<'a>(arena: &'a Arena<'a>, root: N<'a>) {
    let unsafe_links: Vec<N<'a>> = root
        .descendants()
        .filter(|n| match &n.data.borrow().value {
            NodeValue::Link(l) => !link_safety::is_safe_destination(&l.url, false),
            NodeValue::Image(l) => !link_safety::is_safe_destination(&l.url, true),
            _ => false,
        })
        .collect();
    for n in unsafe_links {
        let (url, title, image) = match &n.data.borrow().value {
            NodeValue::Link(l) => (l.url.clone(), l.title.clone(), false),
            NodeValue::Image(l) => (l.url.clone(), l.title.clone(), true),
            _ => continue,
        };
        let text = |s: String| alloc(arena, NodeValue::Text(s.into()));
        let label: String = n
            .descendants()
            .filter_map(|d| match &d.data.borrow().value {
                NodeValue::Text(t) => Some(t.to_string()),
                _ => None,
            })
            .collect();
        if !image && title.is_empty() && label == url {
            // An autolink: written back as it was typed, as text.
            n.insert_before(text(format!("<{url}>")));
        } else {
            n.insert_before(text(if image { "![" } else { "[" }.to_string()));
            while let Some(c) = n.first_child() {
                n.insert_before(c);
            }
            let title = if title.is_empty() {
                String::new()
            } else {
                format!(" \"{title}\"")
            };
            n.insert_before(text(format!("]({url}{title})")));
        }
        n.detach();
    }
}

/// Escapes what comrak's formatter leaves live in some downstream renderer. `{` is
/// written `\\{`: Python-Markdown's `attr_list` (on in most MkDocs sites) reads
/// `{: onclick=… }` at the end of a line as attributes. A `<` right after a URL-like
/// word (`www.x.com/<img …>`) is written `&lt;`: comrak's `\\<` is not enough there,
/// because a GFM autolink (marked, comrak's autolink extension) takes the backslash
/// into the URL and leaves a live tag after it. Everywhere else `\\<` stays: it keeps
/// the text readable and the importer reads it back as typed.
fn defuse_text<'a>(arena: &'a Arena<'a>, root: N<'a>) {
    // Each text with the text of the inline siblings just before it (a tag the
    // author typed is a node of its own after the URL), read before any change.
    let texts: Vec<(N<'a>, String, String)> = root
        .descendants()
        .filter_map(|n| match &n.data.borrow().value {
            NodeValue::Text(t) if t.contains(['<', '{']) => {
                Some((n, t.to_string(), text_before(n)))
            }
            _ => None,
        })
        .collect();
    for (n, t, before) in texts {
        let mut plain = String::new();
        for (at, c) in t.char_indices() {
            let raw = match c {
                '{' => "\\{",
                '<' if after_url_like_word(&format!("{before}{}", &t[..at])) => "&lt;",
                _ => {
                    plain.push(c);
                    continue;
                }
            };
            if !plain.is_empty() {
                n.insert_before(alloc(
                    arena,
                    NodeValue::Text(std::mem::take(&mut plain).into()),
                ));
            }
            n.insert_before(alloc(arena, NodeValue::Raw(raw.to_string())));
        }
        if !plain.is_empty() {
            n.insert_before(alloc(arena, NodeValue::Text(plain.into())));
        }
        n.detach();
    }
}

fn cell(i: &ActionItem, c: Col) -> String {
    match c {
        Col::Id => one_line(&i.id),
        Col::Action => one_line(&i.action),
        Col::Owner => one_line(&i.owner),
        Col::Priority => one_line(&i.priority),
        Col::Due => one_line(&i.due),
        Col::Status => one_line(&i.status),
        Col::Category => i
            .category
            .map(|c| c.label().to_string())
            .unwrap_or_default(),
        Col::Horizon => i.horizon.map(|h| h.label().to_string()).unwrap_or_default(),
        Col::Tracking => one_line(&i.tracking),
    }
}

/// Makes a list loose when one of its items holds several paragraphs: a tight list is
/// written without the blank line between them, which would join them into one.
fn loosen(list: N<'_>) {
    let several = list.children().any(|item| {
        item.children()
            .filter(|c| matches!(c.data.borrow().value, NodeValue::Paragraph))
            .count()
            > 1
    });
    if several {
        if let NodeValue::List(nl) = &mut list.data.borrow_mut().value {
            nl.tight = false;
        }
    }
}

/// Paragraphs with `lead` put before their first line ("Because ", "→ ").
fn led(lead: &str, mut paras: Vec<Vec<String>>) -> Vec<Vec<String>> {
    if let Some(line) = paras.first_mut().and_then(|p| p.first_mut()) {
        *line = format!("{lead}{line}");
    }
    paras
}

/// A question's paragraphs followed by its answer's: the answer's first line goes on the
/// question's last line after a space (`same_line`) or on a line of its own below it.
fn follow(mut q: Vec<Vec<String>>, b: Vec<Vec<String>>, same_line: bool) -> Vec<Vec<String>> {
    let mut b = b.into_iter();
    let Some(first) = b.next() else {
        return q;
    };
    match q.last_mut() {
        Some(last) => {
            let mut lines = first.into_iter();
            match (same_line, last.last_mut(), lines.next()) {
                (true, Some(end), Some(line)) if !end.is_empty() => {
                    end.push(' ');
                    end.push_str(&line);
                }
                (_, _, Some(line)) => last.push(line),
                _ => {}
            }
            last.extend(lines);
        }
        None => q.push(first),
    }
    q.extend(b);
    q
}

/// Splits a why into the bold label the seeds write and the rest: "Why did X?" →
/// ("Why", "did X?"), "Why? X" → ("Why?", "X"); text without a leading "Why" word keeps
/// a plain "Why" label and stays whole.
fn strip_why(q: &str) -> (&'static str, &str) {
    let t = q.trim();
    let head = t.get(..3).filter(|h| h.eq_ignore_ascii_case("why"));
    if let (Some(_), Some(rest)) = (head, t.get(3..)) {
        if let Some(after) = rest.strip_prefix('?') {
            return ("Why?", after.trim_start());
        }
        if rest.is_empty() || rest.starts_with(' ') {
            return ("Why", rest.trim_start());
        }
    }
    ("Why", t)
}

/// True for an HTML block that is exactly one comment, nothing after it.
fn is_lone_comment(literal: &str) -> bool {
    let t = literal.trim();
    t.starts_with("<!--") && t.ends_with("-->") && t.matches("-->").count() == 1
}

fn longest_backtick_run(s: &str) -> usize {
    let mut best = 0;
    let mut cur = 0;
    for c in s.chars() {
        if c == '`' {
            cur += 1;
            best = best.max(cur);
        } else {
            cur = 0;
        }
    }
    best
}

/// Renders Markdown to HTML for a preview. Safe for untrusted text: comrak's default
/// (non-`unsafe`) rendering replaces raw HTML with a comment and drops `javascript:`,
/// `vbscript:`, `file:` and non-image `data:` URLs.
pub fn render_html(markdown: &str) -> String {
    scroll_tables(&label_task_boxes(&comrak::markdown_to_html(
        markdown,
        &comrak_options(),
    )))
}

/// Puts each table in a region that scrolls sideways, named after the heading above it
/// and reachable by keyboard: a wide table (nine action-item columns on a phone) keeps
/// its words whole and scrolls instead of breaking them mid-word.
fn scroll_tables(html: &str) -> String {
    const OPEN: &str = "<table>";
    let mut out = String::with_capacity(html.len() + 128);
    let mut rest = html;
    let mut heading = String::new();
    let mut n = 0;
    while let Some(at) = rest.find(OPEN) {
        let (before, tag) = rest.split_at(at);
        if let Some(h) = last_heading(before) {
            heading = h;
        }
        n += 1;
        let name = if heading.is_empty() {
            format!("Table {n}")
        } else {
            format!("Table: {heading}")
        };
        out.push_str(before);
        out.push_str(&format!(
            "<div class=\"table-scroll\" role=\"region\" tabindex=\"0\" aria-label=\"{name}\">"
        ));
        let end = tag
            .find("</table>")
            .map_or(tag.len(), |e| e + "</table>".len());
        out.push_str(&tag[..end]);
        out.push_str("</div>");
        rest = &tag[end..];
    }
    out.push_str(rest);
    out
}

/// The text of the last heading in `html` (comrak's `<hN>…</hN>`), tags left out; it is
/// already escaped for HTML, quotes included.
fn last_heading(html: &str) -> Option<String> {
    let close = (1..=6)
        .filter_map(|l| html.rfind(&format!("</h{l}>")).map(|at| (at, l)))
        .max()?;
    let (end, level) = close;
    let open = html[..end].rfind(&format!("<h{level}"))?;
    let inner = &html[open..end];
    let inner = &inner[inner.find('>')? + 1..];
    let mut text = String::new();
    let mut in_tag = false;
    for c in inner.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    Some(text.trim().to_string())
}

/// Gives each task-list checkbox comrak renders a name ("Done" / "Not done"), so a screen
/// reader (and axe) never meets an unlabelled control; the item's text follows it.
fn label_task_boxes(html: &str) -> String {
    const BOX: &str = "<input type=\"checkbox\"";
    let mut out = String::with_capacity(html.len() + 64);
    let mut rest = html;
    while let Some(at) = rest.find(BOX) {
        let (before, tag) = rest.split_at(at + BOX.len());
        out.push_str(before);
        let end = tag.find('>').unwrap_or(tag.len());
        let label = if tag[..end].contains("checked") {
            "Done"
        } else {
            "Not done"
        };
        out.push_str(&format!(" aria-label=\"{label}\""));
        rest = tag;
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn preview_html_has_no_live_html_or_script_links() {
        let html = render_html(
            "# T\n\n<script>alert(1)</script>\n\n[x](javascript:alert(1)) <img src=x onerror=alert(1)>\n\n| a |\n|---|\n| b |\n",
        );
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("javascript:"), "{html}");
        assert!(!html.contains("<img"), "{html}");
        assert!(html.contains("<table>"), "{html}");
        assert!(html.contains("<h1>T</h1>"), "{html}");
    }

    #[test]
    fn tables_scroll_in_a_named_region() {
        let html = render_html(
            "# T\n\n## Action Items & \"more\"\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n| c |\n|---|\n| 3 |\n\n### *Owners*\n\n| d |\n|---|\n| 4 |\n",
        );
        let named = |label: &str| {
            format!("<div class=\"table-scroll\" role=\"region\" tabindex=\"0\" aria-label=\"{label}\"><table>")
        };
        assert!(
            html.contains(&named("Table: Action Items &amp; &quot;more&quot;")),
            "{html}"
        );
        assert_eq!(
            html.matches(&named("Table: Action Items &amp; &quot;more&quot;"))
                .count(),
            2,
            "{html}"
        );
        assert!(html.contains(&named("Table: Owners")), "{html}");
        assert_eq!(html.matches("</table></div>").count(), 3, "{html}");
        assert_eq!(
            render_html("| x |\n|---|\n| y |\n")
                .matches(&named("Table 1"))
                .count(),
            1
        );
    }

    #[test]
    fn a_kind_the_event_already_names_is_written_once() {
        use crate::model::EventKind;
        let mut r = Report::new("004");
        let row = |time: &str, event: &str, kind| crate::model::TimelineEntry {
            time: time.into(),
            event: event.into(),
            kind: Some(kind),
            ..Default::default()
        };
        r.timeline.entries = vec![
            row(
                "14:09",
                "Alert: checkout 5xx rate above 5%",
                EventKind::Alerted,
            ),
            row("14:12", "alerted:  pager fired", EventKind::Alerted),
            row("14:20", "Mitigation: rolled back", EventKind::Mitigated),
            row("14:30", "Alert: customers told", EventKind::Resolved),
            row("14:40", "Alert:", EventKind::Alerted),
        ];
        let md = to_markdown(&r, &MarkdownOptions::default());
        assert!(md.contains("**Alert**: checkout 5xx rate above 5%"), "{md}");
        assert!(!md.contains("Alert: checkout"), "{md}");
        assert!(md.contains("**Alert**: pager fired"), "{md}");
        assert!(md.contains("**Mitigation**: rolled back"), "{md}");
        // Another kind's word, or a label with nothing after it, stays as typed.
        assert!(md.contains("**Resolution**: Alert: customers told"), "{md}");
        assert!(md.contains("**Alert**: Alert:"), "{md}");
        let back = crate::import::parse_markdown(&md).report;
        let events: Vec<(&str, Option<EventKind>)> = back
            .timeline
            .entries
            .iter()
            .map(|e| (e.event.as_str(), e.kind))
            .collect();
        assert_eq!(
            events[..4],
            [
                ("checkout 5xx rate above 5%", Some(EventKind::Alerted)),
                ("pager fired", Some(EventKind::Alerted)),
                ("rolled back", Some(EventKind::Mitigated)),
                ("Alert: customers told", Some(EventKind::Resolved)),
            ]
        );
        assert_eq!(to_markdown(&back, &MarkdownOptions::default()), md);
        let chart = crate::chart::timeline_svg(&r);
        assert!(chart.contains("Alert: checkout 5xx"), "{chart}");
        assert!(!chart.contains("Alert: Alert: checkout"), "{chart}");
        let mermaid = crate::mermaid::timeline_mermaid(&r);
        assert!(!mermaid.contains("Alert - Alert: checkout"), "{mermaid}");
        assert!(mermaid.contains("Alert - checkout 5xx"), "{mermaid}");
    }

    #[test]
    fn task_boxes_are_labelled() {
        let html = render_html("- [ ] Add a pool alert\n- [x] Roll back\n");
        assert_eq!(html.matches("<input").count(), 2, "{html}");
        assert_eq!(html.matches("aria-label=\"Not done\"").count(), 1, "{html}");
        assert_eq!(html.matches("aria-label=\"Done\"").count(), 1, "{html}");
    }

    #[test]
    fn one_line_and_paragraphs_normalise_whitespace() {
        assert_eq!(one_line("  a\n b \t c "), "a b c");
        assert_eq!(
            paragraphs("a\nb\n\n\n c  d \n"),
            vec![
                vec!["a".to_string(), "b".to_string()],
                vec!["c d".to_string()]
            ]
        );
    }

    #[test]
    fn strip_why_keeps_the_question_body() {
        assert_eq!(strip_why("Why did it fail?"), ("Why", "did it fail?"));
        assert_eq!(strip_why("why?"), ("Why?", ""));
        assert_eq!(
            strip_why("Why? The pool ran dry"),
            ("Why?", "The pool ran dry")
        );
        assert_eq!(strip_why("Whyever not"), ("Why", "Whyever not"));
        assert_eq!(strip_why("Why"), ("Why", ""));
        // Multi-byte text where byte 3 is inside a character must not panic.
        assert_eq!(strip_why("a€ question"), ("Why", "a€ question"));
    }
}
