//! `author-missing`: the report names no author, so a reader cannot tell whom to ask.
//! Asked of templates with an Author field (000, 001, 002) and of a document kept in its
//! own layout whose opening lines named one.

use crate::fields::{Slot, Text};

use super::{noted, Context, Finding, Level, Location, Rule};

/// `author-missing`: the Author field is empty.
pub const AUTHOR_MISSING: Rule = Rule {
    id: "author-missing",
    level: Level::Warning,
    doc: "The report names no author: the Author field its template has is empty.",
    check: author_missing,
};

fn author_missing(cx: &Context) -> Vec<Finding> {
    let report = cx.report;
    let author = report.meta.author.trim();
    // A placeholder is the placeholder rule's to report.
    if !author.is_empty() || noted(report, &Location::text(Text::Author)) {
        return Vec::new();
    }
    let message = "No author is named: readers cannot tell whom to ask about this report.";
    let fix = "Name the person who wrote the report.";
    if !cx.template_has(Slot::Text(Text::Author)) {
        return Vec::new();
    }
    vec![Finding::new(&AUTHOR_MISSING, Text::Author, message).fix(fix)]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::PlaceholderNote;
    use crate::validate::testing::{clean, locations, run};

    #[test]
    fn quiet_on_a_clean_report() {
        assert_eq!(clean().meta.author, "Sam Lee");
        assert!(run(&AUTHOR_MISSING, &clean()).is_empty());
    }

    #[test]
    fn fires_on_an_empty_author_field_and_jumps_to_it() {
        let mut r = clean();
        for blank in ["", "   "] {
            r.meta.author = blank.into();
            assert_eq!(locations(&AUTHOR_MISSING, &r), ["meta.author"], "{blank:?}");
        }
        let f = run(&AUTHOR_MISSING, &r);
        assert!(f[0].message.contains("No author"), "{}", f[0].message);
        assert_eq!(f[0].level, Level::Warning);
    }

    #[test]
    fn a_placeholder_author_is_the_placeholder_rule_s() {
        let mut r = clean();
        r.meta.author = "[Name]".into();
        assert!(run(&AUTHOR_MISSING, &r).is_empty());
        // Left empty by an import that skipped "[Name]": still the placeholder rule's.
        r.meta.author.clear();
        r.placeholders.push(PlaceholderNote {
            location: "meta.author".into(),
            text: "[Name]".into(),
            line: Some(14),
        });
        assert!(run(&AUTHOR_MISSING, &r).is_empty());
    }

    #[test]
    fn templates_without_an_author_field_are_not_asked() {
        // 003 and 004 have no Author field (nor an Author sign-off row).
        let mut r = clean();
        r.meta.author.clear();
        for id in ["003", "004"] {
            r.template = id.into();
            assert!(run(&AUTHOR_MISSING, &r).is_empty(), "{id}");
        }
        for id in ["000", "001", "002"] {
            r.template = id.into();
            assert_eq!(locations(&AUTHOR_MISSING, &r), ["meta.author"], "{id}");
        }
    }

    #[test]
    fn an_own_layout_without_an_author_line_is_not_asked() {
        let md = "# Search was slow\n\n## Overview\n\nSearch took 9 s for an hour.\n\n## Timeline\n\n- 14:00 alert fired\n- 15:00 fixed\n";
        let imp = crate::import::parse_markdown(md);
        assert!(imp.report.layout.is_some());
        assert!(run(&AUTHOR_MISSING, &imp.report).is_empty());
    }

    #[test]
    fn through_the_importer_an_empty_author_line_fires() {
        let md = "# Post-Mortem: Disk full on db-3\n\n**Date:** 2024-01-15\n**Severity:** SEV3\n**Author:**\n**Incident Commander:** Kim Ito\n\n## 1. Summary\n\nThe disk filled.\n\n## 2. Impact\n\nWrites failed.\n\n## 3. Timeline (UTC)\n\n| Time | Event |\n|---|---|\n| 14:00 | Alert fired |\n\n## 4. Root Cause Analysis\n\nLogs grew.\n\n## 6. Action Items\n\nNone.\n\n## 7. Lessons Learned\n\nWatch disks.\n";
        let imp = crate::import::parse_markdown(md);
        assert_eq!(imp.report.template, "000");
        assert_eq!(
            locations(&AUTHOR_MISSING, &imp.report),
            ["meta.author"],
            "{:?} {:?}",
            imp.report.meta,
            imp.report.layout
        );
    }
}
