//! What a template definition (`crate::templates`) tells the importer: for each of its
//! headings, which fields the section holds and the row labels it writes. A document
//! written in template N is read back through N's own definition, so the template stays
//! the single source of truth for headings, labels and columns.

use super::sections::{self, norm, Ctx, Role, Special};
use crate::fields::{Part, Slot};
use crate::templates::{self, Block, ListStyle, SignOffStyle, Template, Value};

/// One section of a template as the importer sees it.
#[derive(Debug, Clone)]
pub struct SectionLayout {
    /// Normalised heading ("" for the blocks above the first heading).
    pub heading: String,
    pub role: Role,
    /// Normalised row label → where its value goes.
    pub labels: Vec<(String, Value)>,
    /// The template's own sample text for this section's lists and prose (one entry per
    /// line, list markers removed): kept by an author, it is still not a fact.
    pub blanks: Vec<String>,
    /// The template's sample table rows (timeline, action items), cells joined by `\u{1f}`.
    pub sample_rows: Vec<String>,
}

/// A whole template.
#[derive(Debug, Clone)]
pub struct Layout {
    pub id: &'static str,
    pub sections: Vec<SectionLayout>,
}

impl SectionLayout {
    /// A section the templates say nothing about: only a role.
    pub fn bare(role: Role) -> SectionLayout {
        SectionLayout {
            heading: String::new(),
            role,
            labels: Vec::new(),
            blanks: Vec::new(),
            sample_rows: Vec::new(),
        }
    }
}

impl Layout {
    pub fn of(t: &Template) -> Layout {
        let mut sections: Vec<SectionLayout> = Vec::new();
        let mut cur = SectionLayout {
            heading: String::new(),
            role: Role::blank(Ctx::Meta),
            labels: Vec::new(),
            blanks: Vec::new(),
            sample_rows: Vec::new(),
        };
        let mut saw_content = false;
        for b in t.blocks {
            match *b {
                Block::Heading { text, .. } => {
                    sections.push(finish(cur, saw_content));
                    let n = norm(text);
                    let ctx = sections::classify(&n).map_or(Ctx::General, |r| r.ctx);
                    cur = SectionLayout {
                        heading: n,
                        role: Role::blank(ctx),
                        labels: Vec::new(),
                        blanks: Vec::new(),
                        sample_rows: Vec::new(),
                    };
                    saw_content = false;
                }
                Block::Rule | Block::Guidance(_) | Block::Fixed(_) => {}
                Block::Rows { rows, extra, .. } => {
                    saw_content = true;
                    for r in rows {
                        cur.labels.push((norm(r.label), r.value));
                    }
                    match extra {
                        Some(Part::ImpactExtra) => cur.role.ctx = Ctx::Impact,
                        Some(Part::MetaExtra) => cur.role.ctx = Ctx::Meta,
                        _ => {}
                    }
                }
                Block::Prose { field, blank } => {
                    saw_content = true;
                    cur.role.prose.get_or_insert(field);
                    cur.blanks.extend(sample_lines(blank));
                }
                Block::Labeled { field, label, .. } => {
                    saw_content = true;
                    cur.labels
                        .push((norm(label), Value::Slot(Slot::Text(field))));
                }
                Block::Items {
                    field,
                    style,
                    blank,
                    ..
                } => {
                    saw_content = true;
                    cur.blanks.extend(sample_lines(blank));
                    cur.role.list.get_or_insert(field);
                    if style == ListStyle::Code {
                        cur.role.special = Special::Logs;
                    }
                }
                Block::Timeline { blank, .. } => {
                    saw_content = true;
                    cur.sample_rows.extend(sample_table_rows(blank));
                    cur.role.special = Special::Timeline;
                }
                Block::Whys { .. } => {
                    saw_content = true;
                    cur.role.special = Special::Whys;
                }
                Block::FactorChecklist { .. } => {
                    saw_content = true;
                    cur.role.special = Special::Factors;
                }
                Block::DetectionChecklist { .. } => {
                    saw_content = true;
                    cur.role.special = Special::HowDetected;
                }
                Block::ActionItems { blank, .. } => {
                    saw_content = true;
                    cur.sample_rows.extend(sample_table_rows(blank));
                    cur.role.special = Special::ActionItems(None);
                }
                Block::SignOff { style, .. } => {
                    saw_content = true;
                    match style {
                        SignOffStyle::Line => cur.role.signoff_line = true,
                        SignOffStyle::Table => {
                            if cur.role.special == Special::None {
                                cur.role.special = Special::SignOff;
                            }
                        }
                    }
                }
            }
        }
        sections.push(finish(cur, saw_content));
        Layout { id: t.id, sections }
    }

    /// The section with this normalised heading.
    pub fn section(&self, heading: &str) -> Option<&SectionLayout> {
        self.sections.iter().find(|s| s.heading == heading)
    }

    /// Normalised headings, for resemblance scoring.
    pub fn headings(&self) -> impl Iterator<Item = &str> {
        self.sections
            .iter()
            .map(|s| s.heading.as_str())
            .filter(|h| !h.is_empty())
    }
}

/// A table row's cells, trimmed and joined by `\u{1f}`, for comparing rows.
pub fn row_key<S: AsRef<str>>(cells: &[S]) -> String {
    cells
        .iter()
        .map(|c| c.as_ref().trim())
        .collect::<Vec<_>>()
        .join("\u{1f}")
}

/// The sample rows of a template's blank table text ("| HH:MM | [First alert] |").
fn sample_table_rows(blank: &str) -> Vec<String> {
    blank
        .lines()
        .map(str::trim)
        .filter(|l| l.starts_with('|') && !l.contains("---"))
        .map(|l| {
            let inner = l.trim_start_matches('|').trim_end_matches('|');
            let cells: Vec<&str> = inner.split('|').collect();
            row_key(&cells)
        })
        .collect()
}

/// The lines of a template's sample text, without list markers or checkboxes.
fn sample_lines(blank: &str) -> Vec<String> {
    blank
        .lines()
        .map(|l| {
            let l = l.trim();
            let l = l
                .strip_prefix("- ")
                .or_else(|| l.strip_prefix("* "))
                .unwrap_or(l);
            let l = l.strip_prefix("[ ] ").unwrap_or(l);
            let digits = l.chars().take_while(char::is_ascii_digit).count();
            let l = if digits > 0 {
                l[digits..].strip_prefix(". ").unwrap_or(l)
            } else {
                l
            };
            l.trim().to_string()
        })
        .filter(|l| !l.is_empty())
        .collect()
}

/// A heading with no content of its own (a container such as "Impact") keeps the role
/// the generic classifier gives it.
fn finish(mut s: SectionLayout, saw_content: bool) -> SectionLayout {
    if !saw_content {
        if let Some(r) = sections::classify(&s.heading) {
            s.role = r;
        }
    }
    s
}

/// Every template's layout, read off the templates once per process: they are fixed, and
/// every import compares against all five.
pub fn all() -> &'static [Layout] {
    static LAYOUTS: std::sync::OnceLock<Vec<Layout>> = std::sync::OnceLock::new();
    LAYOUTS.get_or_init(|| templates::all().iter().map(Layout::of).collect())
}

/// Fixed sentences the templates print (`Block::Fixed`, plain `Block::Guidance`
/// paragraphs such as "Factors that made the incident possible or worse:"), normalised.
/// They carry no facts; italic guidance is left to placeholder detection.
pub fn boilerplate() -> &'static [String] {
    static TEXT: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    TEXT.get_or_init(|| {
        let mut out = Vec::new();
        for t in templates::all() {
            for b in t.blocks {
                if let Block::Fixed(text) | Block::Guidance(text) = *b {
                    let first = text.split("\n\n").next().unwrap_or("");
                    if !first.contains('\n') && !first.starts_with('_') {
                        out.push(norm(first));
                    }
                }
            }
        }
        out
    })
}

/// Normalised title prefixes of every template ("post mortem", "post mortem report"…).
pub fn title_prefixes() -> &'static [String] {
    static PREFIXES: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    PREFIXES.get_or_init(|| {
        templates::all()
            .iter()
            .map(|t| norm(t.title_prefix))
            .collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fields::{List, Text};

    #[test]
    fn reads_roles_and_labels_from_the_templates() {
        let l = Layout::of(templates::by_id_or_default("000"));
        let rc = l.section("root cause").map(|s| s.role);
        assert_eq!(rc.and_then(|r| r.prose), Some(Text::Analysis));
        assert_eq!(rc.map(|r| r.special), Some(Special::Whys));
        let top = &l.sections[0];
        assert!(top.labels.iter().any(|(k, _)| k == "severity"));
        let lessons = l.section("lessons learned").map(|s| s.role);
        assert_eq!(lessons.and_then(|r| r.list), Some(List::KeyTakeaways));
        assert!(lessons.is_some_and(|r| r.signoff_line));
        let l4 = Layout::of(templates::by_id_or_default("004"));
        assert_eq!(
            l4.section("relevant logs").map(|s| s.role.special),
            Some(Special::Logs)
        );
    }
}
