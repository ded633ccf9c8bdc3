//! Markdown import: reads a post-mortem written from any of the five seed templates (or
//! by hand, with the mess that brings) into a `Report`, naming the template it most
//! resembles, keeping everything it could not map, and remembering placeholders.
//!
//! The text is parsed with comrak; the steps before (front matter, seed 001's pasted
//! pilcrow headings) keep line numbers intact so findings can point at the source.

mod action_items;
mod blocks;
mod editors;
mod front_matter;
mod layout;
mod metadata;
mod own_layout;
mod pasted;
mod reader;
mod resemblance;
mod sections;
mod source;
mod tables;
mod timeline;
mod whys;

use comrak::nodes::{AstNode, NodeValue};
use comrak::{parse_document, Arena, Options};
use serde::{Deserialize, Serialize};

use crate::fields::Text;
use crate::model::{ExtraSection, KeyValue, OwnLayout, PlaceholderNote, Report};
use crate::placeholder;
use layout::SectionLayout;
use metadata::Target;
use reader::SectionReader;
use sections::{Ctx, Role, Special};
use source::{unescape, Source};

/// What `parse_markdown` found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Imported {
    pub report: Report,
    /// The seed ("000"…"004") the document most resembles; `None` for a custom layout.
    pub template: Option<String>,
    /// Content the importer could not map to a field, and where it was kept instead.
    pub unmapped: Vec<Unmapped>,
    pub warnings: Vec<Warning>,
}

/// One piece of content with no field of its own; it is kept in the report at `kept_at`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Unmapped {
    /// Section title, or metadata key.
    pub title: String,
    /// Field path where the content was kept: `extra_sections[2]`, `meta.extra[0]`,
    /// `impact.extra[1]`.
    pub kept_at: String,
    /// 1-based source line.
    pub line: Option<u32>,
}

impl Unmapped {
    /// What happened, in the author's words (their heading or key, never a field path):
    /// "Kept “Customer Communications” as its own section."
    pub fn note(&self) -> String {
        let title = &self.title;
        if self.kept_at.starts_with("impact.extra") {
            format!("Kept “{title}” as a row of the impact details.")
        } else if self.kept_at.starts_with("meta.extra") {
            format!("Kept “{title}” as a row of the report details.")
        } else {
            format!("Kept “{title}” as its own section.")
        }
    }
}

/// Something the importer did that the user may want to check.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Warning {
    pub line: Option<u32>,
    pub message: String,
}

/// Nesting the importer follows into lists; deeper content is kept as text.
const MAX_DEPTH: usize = 32;

/// Reads a Markdown post-mortem. Never fails: anything it cannot interpret is kept
/// verbatim (see `Imported::unmapped`) or reported in `Imported::warnings`.
pub fn parse_markdown(input: &str) -> Imported {
    let mut text = normalise_input(input);
    if editors::needs_rewrite(&text) {
        text = editors::to_markdown(&text);
    }
    let (front, rest) = front_matter::split(&text);
    text = rest;
    let pasted = pasted::is_pasted(&text);
    if pasted {
        text = pasted::to_markdown(&text);
    }
    let arena = Arena::new();
    let root = parse_document(&arena, &text, &comrak_options());
    let mut imp = Importer::new(Source::new(&text));
    if pasted {
        imp.warn(
            None,
            "pilcrow headings read as a page pasted from a browser",
        );
    }
    let hint = front
        .iter()
        .find(|k| k.key.eq_ignore_ascii_case("template"))
        .map(|k| k.value.trim().to_string())
        .filter(|v| crate::templates::by_id(v).is_some());
    let template = imp.document(root, pasted, hint);
    let closest = match &template {
        Some(_) => None,
        None => Some(imp.closest.clone().unwrap_or_else(|| "000".to_string())),
    };
    imp.report.template = template
        .clone()
        .or(closest.clone())
        .unwrap_or_else(|| "000".to_string());
    // Front matter repeats what the body says; it only fills what the body left empty.
    let mark = own_layout::Mark::of(&imp.report);
    for k in &front {
        imp.front_key(&k.key, &k.value, Some(k.line));
    }
    if let Some(mut layout) = imp.own.take() {
        own_layout::add_top(&mut layout, &mark, &imp.report);
        imp.report.layout = Some(layout);
    }
    if let Some(id) = &closest {
        let n = imp.report.layout.as_ref().map_or(0, |l| l.sections.len());
        imp.warn(
            None,
            &format!(
                "follows no template; closest: {id}. Kept in its own layout ({n} sections in their order, under their own headings); facts were read by section name, and the editor shows them in template {id}"
            ),
        );
    }
    Imported {
        report: imp.report,
        template,
        unmapped: imp.unmapped,
        warnings: imp.warnings,
    }
}

/// Line endings to `\n`, NUL to U+FFFD (what comrak would do, but done first so source
/// positions match the text we slice), BOM dropped.
fn normalise_input(input: &str) -> String {
    let s = input.strip_prefix('\u{feff}').unwrap_or(input);
    if !s.contains(['\r', '\0']) {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push('\n');
            }
            '\0' => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}

fn comrak_options() -> Options<'static> {
    let mut o = Options::default();
    o.extension.table = true;
    o.extension.tasklist = true;
    o.extension.strikethrough = true;
    o
}

/// A heading and the top-level blocks up to the next heading.
struct Section<'a> {
    level: u8,
    title: String,
    line: usize,
    /// Last line of the heading itself (a Setext heading's underline).
    end_line: usize,
    blocks: Vec<&'a AstNode<'a>>,
}

/// Import state shared by every section: the source, the report being filled, what could
/// not be mapped. Each section is read by its own `SectionReader`.
struct Importer<'s> {
    src: Source<'s>,
    report: Report,
    unmapped: Vec<Unmapped>,
    warnings: Vec<Warning>,
    /// Total source lines.
    last_line: usize,
    /// The seed a document that follows none comes closest to.
    closest: Option<String>,
    /// The layout of a document that follows no template, as it is read.
    own: Option<OwnLayout>,
}

fn line_u32(line: usize) -> Option<u32> {
    (line > 0).then(|| u32::try_from(line).unwrap_or(u32::MAX))
}

impl<'s> Importer<'s> {
    fn new(src: Source<'s>) -> Self {
        let last_line = src.lines(1, usize::MAX).split('\n').count();
        Importer {
            src,
            report: Report::default(),
            unmapped: Vec::new(),
            warnings: Vec::new(),
            last_line,
            closest: None,
            own: None,
        }
    }

    fn warn(&mut self, line: Option<u32>, message: &str) {
        self.warnings.push(Warning {
            line,
            message: message.to_string(),
        });
    }

    fn placeholder(&mut self, location: &str, text: &str, line: Option<u32>) {
        self.report.placeholders.push(PlaceholderNote {
            location: location.to_string(),
            text: text.trim().to_string(),
            line,
        });
    }

    /// Sets a single-value field from a key/value pair. A placeholder is noted instead; a
    /// second, different value for the same field is kept in `meta.extra`.
    fn set_text(&mut self, field: Text, key: &str, value: &str, line: Option<u32>) {
        let v = value.trim();
        if v.is_empty() {
            return;
        }
        if placeholder::is_unfilled(v) {
            self.placeholder(field.path(), v, line);
            return;
        }
        let v = unescape(v);
        let slot = field.get_mut(&mut self.report);
        if slot.is_empty() {
            *slot = v;
        } else if *slot != v {
            self.keep_extra(key, &v, line, Ctx::Meta);
            self.warn(line, &format!("second value for {}", field.path()));
        }
    }

    /// Stores a key the model has no field for.
    fn keep_extra(&mut self, key: &str, value: &str, line: Option<u32>, ctx: Ctx) {
        let kv = KeyValue {
            key: unescape(key.trim()),
            value: unescape(value.trim()),
        };
        let kept_at = if ctx == Ctx::Impact {
            self.report.impact.extra.push(kv);
            format!("impact.extra[{}]", self.report.impact.extra.len() - 1)
        } else {
            self.report.meta.extra.push(kv);
            format!("meta.extra[{}]", self.report.meta.extra.len() - 1)
        };
        self.unmapped.push(Unmapped {
            title: key.trim().to_string(),
            kept_at,
            line,
        });
    }

    /// Keeps content verbatim as an extra section.
    fn keep_section(&mut self, title: &str, body: &str, line: Option<u32>) {
        // The title is text (the exporter escapes it); the body stays Markdown.
        self.report.extra_sections.push(ExtraSection {
            title: unescape(title.trim()),
            body: body.to_string(),
        });
        self.unmapped.push(Unmapped {
            title: title.trim().to_string(),
            kept_at: format!("extra_sections[{}]", self.report.extra_sections.len() - 1),
            line,
        });
    }

    /// A template's instructions section left in the document: kept verbatim as a
    /// section of its own (the `template-instructions` rule asks the author to delete
    /// it), never read into fields. A heading with nothing under it is dropped.
    fn keep_instructions(&mut self, s: &Section<'_>) {
        let end = s
            .blocks
            .last()
            .map_or(s.end_line, |b| source::line_range(b).1);
        let body = tidy_body(&self.src.lines(s.end_line + 1, end));
        if body.is_empty() {
            return;
        }
        let mark = own_layout::Mark::of(&self.report);
        self.keep_section(&s.title, &body, line_u32(s.line));
        self.own_section(s, &mark);
        self.warn(
            line_u32(s.line),
            &format!(
                "template preamble “{}” kept as its own section; delete it once the report is written",
                unescape(s.title.trim())
            ),
        );
    }

    /// A front-matter key: fills a field only when the body left it empty.
    fn front_key(&mut self, key: &str, value: &str, line: Option<u32>) {
        let n = sections::norm(key);
        if matches!(n.as_str(), "template" | "schema version") {
            return;
        }
        // The exporter writes the start's date when the date field is empty: that is not
        // a date the author typed.
        if n == "date"
            && self.report.meta.date.trim().is_empty()
            && crate::markdown::front_date(&self.report) == value.trim()
            && !value.trim().is_empty()
        {
            return;
        }
        let field = match metadata::target(&n, Ctx::Meta) {
            Some(Target::Text(t)) => Some(t),
            _ => None,
        };
        if let Some(t) = field {
            let body = t.get(&self.report).trim().to_string();
            if !body.is_empty() {
                // A severity the front matter states differently is kept, so the review
                // can say the two disagree.
                // Compared in the document's own scale ("P1" is SEV2 in seed 003).
                let hint = crate::templates::by_id_or_default(&self.report.template).severity_scale;
                let differs = |a: &str, b: &str| match (
                    crate::severity::Severity::parse(a, hint),
                    crate::severity::Severity::parse(b, hint),
                ) {
                    (Some(x), Some(y)) => x.level != y.level,
                    _ => false,
                };
                if t == Text::Severity && differs(&body, value) {
                    self.keep_extra("Severity (front matter)", value, line, Ctx::Meta);
                    self.warn(line, "front matter and body state different severities");
                }
                return;
            }
        }
        let mut reader = SectionReader::bare(self, Role::blank(Ctx::Meta), "Front matter");
        reader.route(key, value, line, Ctx::Meta);
        reader.finish();
    }

    /// Splits the document into sections, picks the template it resembles and imports
    /// each section through that template's definition (or the generic classifier).
    fn document<'a>(
        &mut self,
        root: &'a AstNode<'a>,
        pasted: bool,
        hint: Option<String>,
    ) -> Option<String> {
        let mut preface: Vec<&'a AstNode<'a>> = Vec::new();
        let mut secs: Vec<Section<'a>> = Vec::new();
        for node in root.children() {
            let heading = match &node.data.borrow().value {
                NodeValue::Heading(h) => Some(h.level),
                // Our own Mermaid timeline: regenerated on export, never kept stale.
                NodeValue::CodeBlock(cb) if crate::mermaid::is_generated(&cb.info, &cb.literal) => {
                    continue
                }
                _ => None,
            };
            match heading {
                Some(level) => {
                    let title = self
                        .src
                        .inline(node)
                        .trim_end_matches('¶')
                        .trim()
                        .to_string();
                    let (line, end_line) = source::line_range(node);
                    secs.push(Section {
                        level,
                        title,
                        line,
                        end_line,
                        blocks: Vec::new(),
                    });
                }
                None => match secs.last_mut() {
                    Some(s) => s.blocks.push(node),
                    None => preface.push(node),
                },
            }
        }
        let layouts = layout::all();
        let normed: Vec<String> = secs.iter().map(|s| sections::norm(&s.title)).collect();
        let template = hint.or_else(|| resemblance::guess(layouts, &normed, pasted));
        self.closest = resemblance::closest(layouts, &normed)
            .filter(|(_, score)| *score > 0.0)
            .map(|(id, _)| id.to_string());
        if template.is_none() {
            self.own = Some(OwnLayout::default());
        }
        let lay = template
            .as_deref()
            .and_then(|id| layouts.iter().find(|l| l.id == id));
        let layout_role = |n: &str| -> Option<layout::SectionLayout> {
            let s = lay.as_ref()?.section(n)?;
            if n.is_empty() && !s.heading.is_empty() {
                return None;
            }
            Some(s.clone())
        };
        // The title: after any template preamble, the first heading at the highest level
        // left that is not a known section.
        let first_real = secs
            .iter()
            .position(|s| !is_preamble(&sections::norm(&s.title)))
            .unwrap_or(secs.len());
        let min_level = secs[first_real..]
            .iter()
            .map(|s| s.level)
            .min()
            .unwrap_or(1);
        let title_idx = secs.iter().enumerate().skip(first_real).position(|(_, s)| {
            let n = sections::norm(&s.title);
            s.level == min_level && sections::classify(&n).is_none()
        });
        let title_idx = title_idx.map(|i| i + first_real);
        // The blocks above the first section read as metadata (and summary prose) through
        // the template's top rows.
        let top = layout_role("");
        let meta_role = top.as_ref().map_or(Role::blank(Ctx::Meta), |s| s.role);
        let meta = SectionLayout {
            role: Role {
                prose: meta_role.prose.or(Some(Text::Summary)),
                ..meta_role
            },
            labels: top.as_ref().map(|s| s.labels.clone()).unwrap_or_default(),
            blanks: top.map(|s| s.blanks).unwrap_or_default(),
            ..SectionLayout::bare(meta_role)
        };
        let start = match title_idx {
            Some(i) => {
                // A template's instructions left above the title are kept, as the section
                // they are, so the review can point at them and the author delete them;
                // other headings above the title are dropped, and said so.
                let mut dropped = None;
                for s in &secs[..i] {
                    if is_preamble(&sections::norm(&s.title)) {
                        self.keep_instructions(s);
                    } else {
                        dropped = dropped.or(Some(s.line));
                    }
                }
                if let Some(line) = dropped {
                    self.warn(
                        line_u32(line),
                        "template preamble above the title was not imported",
                    );
                }
                if !preface.is_empty() && i > 0 {
                    preface.clear();
                }
                let mark = own_layout::Mark::of(&self.report);
                self.title(&secs[i].title, line_u32(secs[i].line));
                self.read_section(meta.clone(), "Preface", &preface);
                self.read_section(meta, &secs[i].title, &secs[i].blocks);
                self.own_top(&mark);
                i + 1
            }
            None => {
                let mark = own_layout::Mark::of(&self.report);
                self.read_section(meta, "Preface", &preface);
                self.own_top(&mark);
                0
            }
        };
        let mut i = start;
        let mut notes_level: Option<u8> = None;
        while i < secs.len() {
            let s = &secs[i];
            if notes_level.is_some_and(|l| s.level <= l) {
                notes_level = None;
            }
            let n = sections::norm(&s.title);
            // Under "Additional Notes" the sub-headings are the exporter's canonical labels;
            // elsewhere the template's own section, else the generic classifier.
            let spec = if notes_level.is_some() {
                sections::canonical(&n)
                    .or_else(|| sections::classify(&n))
                    .map(SectionLayout::bare)
            } else {
                match layout_role(&n).filter(|_| !n.is_empty()) {
                    // A template section that holds rows only ("Impact" as a table) still
                    // takes the prose an author writes under it.
                    Some(mut s) if s.role.prose.is_none() && s.role.list.is_none() => {
                        s.role.prose = sections::classify(&n).and_then(|r| r.prose);
                        Some(s)
                    }
                    Some(s) => Some(s),
                    None => sections::classify(&n).map(|mut r| {
                        // In a layout of its own, prose under a details heading
                        // ("Incident summary" as a paragraph, not seed 003's bullets) is
                        // the summary.
                        if self.own.is_some()
                            && r.ctx == Ctx::Meta
                            && r.prose.is_none()
                            && r.list.is_none()
                            && r.special == Special::None
                        {
                            r.prose = Some(Text::Summary);
                        }
                        SectionLayout::bare(r)
                    }),
                }
            };
            match spec {
                Some(spec) if spec.role.special == Special::Preamble => {
                    self.keep_instructions(s);
                    i += 1;
                }
                Some(spec) => {
                    if spec.role.special == Special::AdditionalNotes {
                        notes_level = Some(s.level);
                    }
                    let mark = own_layout::Mark::of(&self.report);
                    self.read_section(spec, &s.title, &s.blocks);
                    self.own_section(&secs[i], &mark);
                    i += 1;
                }
                None => {
                    // Unknown: keep it and everything below it verbatim.
                    let level = s.level;
                    let mut j = i + 1;
                    while j < secs.len() && secs[j].level > level {
                        j += 1;
                    }
                    let end = secs.get(j).map_or(self.last_line, |n| n.line - 1);
                    let body = tidy_body(&self.src.lines(s.end_line + 1, end));
                    let title = s.title.clone();
                    let mark = own_layout::Mark::of(&self.report);
                    self.keep_section(&title, &body, line_u32(s.line));
                    self.own_section(&secs[i], &mark);
                    i = j;
                }
            }
        }
        template
    }

    /// Records, for a document in its own layout, what the opening lines filled.
    fn own_top(&mut self, mark: &own_layout::Mark) {
        if let Some(layout) = self.own.as_mut() {
            own_layout::add_top(layout, mark, &self.report);
        }
    }

    /// Records, for a document in its own layout, the section just read.
    fn own_section(&mut self, s: &Section<'_>, mark: &own_layout::Mark) {
        if let Some(layout) = self.own.as_mut() {
            let heading = unescape(s.title.trim());
            own_layout::add_section(layout, heading, s.level, mark, &self.report);
        }
    }

    fn title(&mut self, heading: &str, line: Option<u32>) {
        let t = heading.trim();
        let prefixes = layout::title_prefixes();
        let generic = |s: &str| {
            let n = sections::norm(s);
            is_generic_title(&n) || prefixes.contains(&n)
        };
        let title = match t.split_once(':') {
            Some((prefix, rest)) if generic(prefix) => rest.trim(),
            // "INC-4821: Elevated API errors": the incident's id, then its title.
            Some((prefix, rest)) if is_incident_id(prefix.trim()) && !rest.trim().is_empty() => {
                self.set_text(Text::IncidentId, "Incident ID", prefix.trim(), line);
                rest.trim()
            }
            _ if generic(t) => "",
            _ => t,
        };
        if !title.is_empty() {
            self.set_text(Text::Title, "Title", title, line);
        }
    }
}

/// "INC-4821", "SEV-2024-11", "OUTAGE-7": capitals, a dash, and digits (with dashes).
fn is_incident_id(t: &str) -> bool {
    let Some((key, num)) = t.split_once('-') else {
        return false;
    };
    (2..=10).contains(&key.len())
        && key.bytes().all(|b| b.is_ascii_uppercase())
        && !num.is_empty()
        && num.bytes().all(|b| b.is_ascii_digit() || b == b'-')
        && num.bytes().any(|b| b.is_ascii_digit())
}

/// Trims blank lines and trailing thematic breaks from a kept section body.
fn tidy_body(body: &str) -> String {
    let lines: Vec<&str> = body.split('\n').collect();
    let mut end = lines.len();
    while end > 0 && {
        let l = lines[end - 1].trim();
        l.is_empty() || l == "---" || l == "***" || l == "___"
    } {
        end -= 1;
    }
    let mut start = 0;
    while start < end && lines[start].trim().is_empty() {
        start += 1;
    }
    lines[start..end].join("\n")
}

fn is_preamble(n: &str) -> bool {
    n.contains("template") || n == "instructions"
}

/// True when a section heading names a template's instructions ("Instructions", "How to
/// use this template", "Post-Mortem Template"): guidance for the author, not the report.
pub fn is_instructions_heading(title: &str) -> bool {
    let n = sections::norm(title);
    is_preamble(&n) || sections::classify(&n).is_some_and(|r| r.special == Special::Preamble)
}

/// "Post-Mortem", "Post-Mortem Report", "Post-Mortem / Root Cause Analysis Report"…: a
/// heading that names the document type, not the incident.
fn is_generic_title(n: &str) -> bool {
    matches!(
        n,
        "post mortem"
            | "postmortem"
            | "post mortem report"
            | "postmortem report"
            | "incident post mortem"
            | "incident postmortem"
            | "incident report"
            | "post incident review"
            | "incident"
            | "outage"
            | "incident review"
            | "post mortem root cause analysis report"
            | "root cause analysis report"
            | "rca"
            | "pir"
    )
}

/// Removes emphasis markers wrapped around a key ("**Severity**" → "Severity"), and a
/// trailing colon; escaped markers (`\_`) are the key's own text.
fn strip_emphasis(key: &str) -> String {
    let mut k = key.trim();
    for m in ["**", "__", "*", "_"] {
        if k.len() > 2 * m.len() && k.starts_with(m) && k.ends_with(m) {
            let inner = &k[m.len()..k.len() - m.len()];
            let escapes = inner.chars().rev().take_while(|&c| c == '\\').count();
            if escapes % 2 == 0 {
                k = inner.trim();
                break;
            }
        }
    }
    let k = k.strip_suffix(':').unwrap_or(k);
    k.trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_title_under_a_preamble_and_shifted_levels() {
        let md = "# Post-Mortem Template\n\n## Instructions\n\nCopy this.\n\n## Incident: Disk full on db-3\n\n### Summary\n\nThe disk filled.\n";
        let imp = parse_markdown(md);
        assert_eq!(imp.report.meta.title, "Disk full on db-3");
        assert_eq!(imp.report.summary.summary, "The disk filled.");
        assert!(imp.warnings.iter().any(|w| w.message.contains("preamble")));
    }

    #[test]
    fn keeps_what_it_cannot_map() {
        let md = "# Post-Mortem: X\n\n## Summary\n\nText.\n\n## Pets\n\nThe cat.\n\n### Names\n\n- Tom\n";
        let imp = parse_markdown(md);
        assert_eq!(imp.report.extra_sections.len(), 1);
        assert_eq!(imp.report.extra_sections[0].title, "Pets");
        assert_eq!(
            imp.report.extra_sections[0].body,
            "The cat.\n\n### Names\n\n- Tom"
        );
        assert_eq!(imp.unmapped[0].kept_at, "extra_sections[0]");
        assert_eq!(imp.unmapped[0].note(), "Kept “Pets” as its own section.");
        assert_eq!(imp.unmapped[0].line, Some(7));
    }

    #[test]
    fn keeps_an_empty_setext_section_without_its_underline() {
        let md = "Post-Mortem: X\n==============\n\nPets\n----\n\nSummary\n-------\n\nText.\n";
        let imp = parse_markdown(md);
        assert_eq!(imp.report.extra_sections.len(), 1);
        assert_eq!(imp.report.extra_sections[0].body, "");
        assert_eq!(imp.report.summary.summary, "Text.");
    }

    #[test]
    fn reads_a_timeline_written_as_lines() {
        let md = "# T\n\n## Timeline\n\n14:32 - Alert fired\n14:40 - Rolled back\n";
        let imp = parse_markdown(md);
        let t = &imp.report.timeline.entries;
        assert_eq!(t.len(), 2);
        assert_eq!(
            (t[1].time.as_str(), t[1].event.as_str()),
            ("14:40", "Rolled back")
        );
    }

    #[test]
    fn body_wins_over_front_matter() {
        let md = "---\nseverity: SEV2\nowner: ops\n---\n# Post-Mortem: X\n\n**Severity:** P1\n";
        let imp = parse_markdown(md);
        assert_eq!(imp.report.meta.severity, "P1");
        assert_eq!(imp.report.meta.author, "ops");
    }

    #[test]
    fn empty_cells_are_empty() {
        let md = "# T\n\n## Sign-off\n\n| Role | Name | Date |\n|---|---|---|\n| Author | ||\n| Product Owner |\n";
        let imp = parse_markdown(md);
        assert!(imp.report.sign_off.is_empty(), "{:?}", imp.report.sign_off);
    }

    /// comrak's formatter separates adjacent lists with `<!-- end list -->`; the importer
    /// keeps it (dropping it would merge the lists), but the exporter's `safe_body` turns
    /// that comment into visible text on the next export.
    #[test]
    fn extra_section_with_adjacent_lists_is_stable() {
        let mut r = Report::new("002");
        r.extra_sections.push(ExtraSection {
            title: "Follow-up".to_string(),
            // Two bullet lists: the formatter separates them with a comment.
            body: "- a\n- b\n\n* c\n* d".to_string(),
        });
        let opts = crate::MarkdownOptions::default();
        let md = crate::to_markdown(&r, &opts);
        assert!(md.contains("<!-- end list -->"), "{md}");
        let once = parse_markdown(&md).report;
        let md2 = crate::to_markdown(&once, &opts);
        assert_eq!(md2, md);
    }

    #[test]
    fn reads_google_docs_escapes_as_text() {
        let md = "# Post-Mortem: Disk full ##\r\n\r\n## 1\\. Timeline ##\r\n\r\n- 14:30 \\- Disk alert on db\\-3\r\n- 14:41 \\- Old logs removed\r\n\r\n## 2\\. Action Items ##\r\n\r\n- \\[x\\] Rotate logs daily\r\n- \\[ \\] Alert at 80% disk\r\n";
        let r = parse_markdown(md).report;
        assert_eq!(r.meta.title, "Disk full");
        let t = &r.timeline.entries;
        assert_eq!(t.len(), 2);
        assert_eq!(
            (t[0].time.as_str(), t[0].event.as_str()),
            ("14:30", "Disk alert on db-3")
        );
        assert_eq!(r.action_items.len(), 2);
        assert_eq!(r.action_items[0].action, "Rotate logs daily");
        assert_eq!(r.action_items[0].status, "Done");
        assert_eq!(r.action_items[1].action, "Alert at 80% disk");
        assert!(r.extra_sections.is_empty(), "{:?}", r.extra_sections);
    }

    #[test]
    fn reads_confluence_and_notion_furniture_as_text() {
        let md = "# Incident: Queue backlog\n\n| **Severity** | SEV2 |\n|---|---|\n| **Services affected** | Queue<br>Mailer |\n\n## 🧭 Action items:\n\n> [!TIP]\n> Owners confirmed in the review.\n\n| Action | Owner |\n|---|---|\n| Cap batch size<br/>per tenant | Ops\u{a0}team |\n\n## Summary\n\n<details><summary>Long version</summary>\n\nThe queue&nbsp;backed up.\n\n</details>\n";
        let imp = parse_markdown(md);
        let r = &imp.report;
        assert_eq!(r.meta.severity, "SEV2");
        assert_eq!(r.meta.services, ["Queue", "Mailer"]);
        assert_eq!(r.action_items.len(), 1);
        assert_eq!(r.action_items[0].action, "Cap batch size per tenant");
        assert_eq!(r.action_items[0].owner, "Ops team");
        assert_eq!(r.summary.summary, "The queue backed up.");
        // The tip's text has no field in an action-item section: kept as Markdown.
        assert_eq!(r.extra_sections.len(), 1, "{:?}", r.extra_sections);
        assert_eq!(r.extra_sections[0].title, "Notes on 🧭 Action items:");
        assert_eq!(
            r.extra_sections[0].body,
            "> [!TIP]\n> Owners confirmed in the review."
        );
    }

    #[test]
    fn an_incident_id_before_the_title_is_the_id() {
        let r = parse_markdown("# INC-4821: Elevated API errors\n").report;
        assert_eq!(
            (r.meta.incident_id.as_str(), r.meta.title.as_str()),
            ("INC-4821", "Elevated API errors")
        );
        let r = parse_markdown("# Q3: Elevated API errors\n").report;
        assert_eq!(r.meta.title, "Q3: Elevated API errors");
        assert!(is_incident_id("SEV-2024-11") && !is_incident_id("A-1") && !is_incident_id("INC-"));
    }

    #[test]
    fn normalises_line_endings_and_nul() {
        assert_eq!(normalise_input("\u{feff}a\r\nb\rc\0"), "a\nb\nc\u{fffd}");
        assert_eq!(normalise_input("plain"), "plain");
    }
}
