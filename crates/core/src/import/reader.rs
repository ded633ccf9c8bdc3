//! The section reader: one section's context (its role, title, the template's row labels,
//! sample text and sample rows) and the state carried from one of its blocks to the next,
//! over the importer's shared report. A reader lives for one section, so nothing of one
//! section can leak into the next.

use super::layout::{self, SectionLayout};
use super::metadata::{self, Target};
use super::sections::{self, Ctx, Role};
use super::source::unescape;
use super::Importer;
use crate::fields::{List, Slot, Text};
use crate::placeholder;
use crate::templates::Value;

/// Reads the blocks of one section into the importer's report.
pub(super) struct SectionReader<'i, 's> {
    pub imp: &'i mut Importer<'s>,
    /// What the section feeds.
    pub role: Role,
    /// The heading as typed ("Preface" for the blocks above the first heading).
    pub title: String,
    /// Normalised row label → where its value goes (from the template definition).
    pub labels: Vec<(String, Value)>,
    /// The template's sample text for this section.
    blanks: Vec<String>,
    /// The template's sample table rows for this section.
    sample_rows: Vec<String>,
    /// Action item a `**AI-1: Title**` block is describing (inner `None`: an unfilled
    /// template block).
    pub detail: Option<Option<usize>>,
    /// The "Action item categories:" legend label was just seen.
    pub legend: bool,
    /// The date of a timeline's bold date line ("**2023-03-09**"): it applies to the
    /// time-only rows below it.
    pub day: Option<String>,
    /// Callout boxes the reader is inside (bounded: they nest).
    pub quote_depth: usize,
    /// Verbatim text of blocks with no field, flushed as one extra section.
    unmapped: Vec<String>,
    unmapped_line: Option<u32>,
}

impl<'i, 's> SectionReader<'i, 's> {
    /// A reader for a section laid out as `spec` says, under the heading `title`.
    pub fn new(imp: &'i mut Importer<'s>, spec: SectionLayout, title: &str) -> Self {
        SectionReader {
            imp,
            role: spec.role,
            title: title.to_string(),
            labels: spec.labels,
            blanks: spec.blanks,
            sample_rows: spec.sample_rows,
            detail: None,
            legend: false,
            day: None,
            quote_depth: 0,
            unmapped: Vec::new(),
            unmapped_line: None,
        }
    }

    /// A reader with nothing but a role: no template labels, no sample text.
    pub fn bare(imp: &'i mut Importer<'s>, role: Role, title: &str) -> Self {
        Self::new(imp, SectionLayout::bare(role), title)
    }

    /// Keeps a block's source text, to be flushed with the others as "Notes on {title}".
    pub fn keep_text(&mut self, text: String, line: Option<u32>) {
        if text.trim().is_empty() {
            return;
        }
        if self.unmapped.is_empty() {
            self.unmapped_line = line;
        }
        self.unmapped.push(text);
    }

    /// Ends the section: what had no field is kept as one extra section.
    pub fn finish(self) {
        if !self.unmapped.is_empty() {
            let body = self.unmapped.join("\n\n");
            let title = format!("Notes on {}", self.title);
            self.imp.keep_section(&title, &body, self.unmapped_line);
        }
    }

    /// Appends a paragraph to a prose field.
    pub fn append_prose(&mut self, field: Text, text: &str, line: Option<u32>) {
        let t = text.trim();
        if t.is_empty() {
            return;
        }
        if placeholder::is_unfilled(t) || self.is_sample(t) {
            self.imp.placeholder(field.path(), t, line);
            return;
        }
        let t = unescape(t);
        let slot = field.get_mut(&mut self.imp.report);
        if !slot.is_empty() {
            slot.push_str("\n\n");
        }
        slot.push_str(&t);
    }

    pub fn push_list(&mut self, list: List, item: &str, line: Option<u32>) {
        let t = item.trim();
        if t.is_empty() {
            return;
        }
        if placeholder::is_unfilled(t) || self.is_sample(t) {
            self.imp.placeholder(list.path(), t, line);
            return;
        }
        list.get_mut(&mut self.imp.report).push(unescape(t));
    }

    /// The row is one of the template's sample rows: every cell is noted as a placeholder
    /// under `path` and the row is not imported.
    pub fn sample_row(&mut self, cells: &[String], path: &str, line: Option<u32>) -> bool {
        if !self.sample_rows.contains(&layout::row_key(cells)) {
            return false;
        }
        for c in cells.iter().map(|c| c.trim()).filter(|c| !c.is_empty()) {
            self.imp.placeholder(path, c, line);
        }
        true
    }

    /// The text is the template's own sample text for this section.
    fn is_sample(&self, t: &str) -> bool {
        self.blanks.iter().any(|b| b == t)
    }

    /// The normalised key is one of this section's row labels.
    pub fn is_label(&self, n: &str) -> bool {
        self.labels.iter().any(|(l, _)| l == n)
    }

    /// Routes a key/value pair to the field its key names, or to the extras.
    pub fn route(&mut self, key: &str, value: &str, line: Option<u32>, ctx: Ctx) {
        let key = super::strip_emphasis(key);
        let n = sections::norm(&key);
        if n.is_empty() && key.is_empty() {
            return;
        }
        if self.role.force_extra {
            self.imp.keep_extra(&key, value, line, ctx);
            return;
        }
        let from_template = self.labels.iter().find(|(l, _)| *l == n).map(|(_, v)| *v);
        let target = match from_template {
            Some(Value::Slot(Slot::Text(t))) => Some(Target::Text(t)),
            Some(Value::Slot(Slot::List(l))) => Some(Target::List(l)),
            Some(Value::StartEnd) => Some(Target::StartEnd),
            Some(Value::Slot(Slot::Part(_))) => None,
            None => metadata::target(&n, ctx),
        };
        // A table cell's `<br>` line breaks: a one-line field reads them as spaces (as the
        // exporter writes a cell), a list as separate values.
        let joined;
        let value = if value.contains('\n') && !matches!(target, Some(Target::List(_))) {
            joined = value
                .split('\n')
                .map(str::trim)
                .collect::<Vec<_>>()
                .join(" ");
            joined.as_str()
        } else {
            value
        };
        match target {
            Some(Target::Text(t)) => self.imp.set_text(t, &key, value, line),
            Some(Target::List(_)) if value.contains('\n') => {
                for part in value.split('\n') {
                    self.route(&key, part, line, ctx);
                }
            }
            Some(Target::List(l)) => {
                if l == List::Services {
                    if placeholder::is_unfilled(value) {
                        self.imp.placeholder(l.path(), value, line);
                        return;
                    }
                    for part in value.split([',', ';']) {
                        self.push_list(l, part, line);
                    }
                } else if placeholder::is_unfilled(value) {
                    self.imp.placeholder(l.path(), value, line);
                } else {
                    // The exporter joins list values in one row with "; ".
                    for part in value.split("; ") {
                        self.push_list(l, part, line);
                    }
                }
            }
            Some(Target::StartEnd) => {
                let v = value.trim();
                // "start - end", "start -" (no end yet), "- end".
                let split = v
                    .strip_suffix(" -")
                    .map(|a| (a, ""))
                    .or_else(|| v.strip_prefix("- ").map(|b| ("", b)))
                    .or_else(|| {
                        [" - ", " \\- ", " – ", " — ", " to "]
                            .iter()
                            .find_map(|sep| v.split_once(sep))
                    });
                match split {
                    Some((a, b)) => {
                        self.imp.set_text(Text::Start, &key, a, line);
                        self.imp.set_text(Text::End, &key, b, line);
                    }
                    None => self.imp.set_text(Text::Start, &key, v, line),
                }
            }
            Some(Target::Label) => {
                if !value.trim().is_empty() {
                    self.imp.keep_extra(&key, value, line, ctx);
                }
            }
            None => {
                if value.trim().is_empty() {
                    // An empty row of a key/value block is still the author's row.
                    if !self.labels.is_empty() {
                        self.imp.keep_extra(&key, "", line, ctx);
                    }
                    return;
                }
                if placeholder::is_unfilled(value) {
                    let path = if ctx == Ctx::Impact {
                        "impact.extra"
                    } else {
                        "meta.extra"
                    };
                    self.imp.placeholder(path, value, line);
                    return;
                }
                self.imp.keep_extra(&key, value, line, ctx);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::source::Source;

    #[test]
    fn a_reader_keeps_its_section_to_itself() {
        let mut imp = Importer::new(Source::new(""));
        let mut spec = SectionLayout::bare(Role::blank(Ctx::Meta));
        spec.blanks = vec!["Describe the impact.".to_string()];
        let mut first = SectionReader::new(&mut imp, spec, "Impact");
        first.append_prose(Text::ImpactDescription, "Describe the impact.", Some(3));
        first.keep_text("odd block".to_string(), Some(4));
        first.finish();
        // The next section has no sample text: the same sentence is now a fact.
        let mut second = SectionReader::bare(&mut imp, Role::blank(Ctx::Meta), "Summary");
        second.append_prose(Text::Summary, "Describe the impact.", Some(9));
        second.finish();
        assert_eq!(imp.report.impact.description, "");
        assert_eq!(imp.report.summary.summary, "Describe the impact.");
        assert_eq!(imp.report.placeholders.len(), 1);
        assert_eq!(imp.report.extra_sections[0].title, "Notes on Impact");
        assert_eq!(imp.report.extra_sections[0].body, "odd block");
        assert_eq!(imp.report.extra_sections.len(), 1);
    }
}
