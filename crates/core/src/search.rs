//! Finding a report in a library: the words a report is searched by (title, incident id,
//! services, every text field, list item, row and cell, once each, within a bound), and
//! whether a query matches them. The start screen keeps the words in each library entry,
//! so searching 200 reports reads no report.

use crate::model::Report;

/// The most characters of words kept for one report: enough for the words that name an
/// incident, small enough that 200 entries stay a few hundred KB in storage.
pub const MAX_WORDS: usize = 2000;

/// The report's distinct words, lower-cased, in the order they first appear (title,
/// incident id and services first), at most `MAX_WORDS` characters.
pub fn words(report: &Report) -> String {
    let mut seen = std::collections::HashSet::new();
    let mut out = String::new();
    let mut add = |text: &str| {
        for w in text
            .split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '_'))
            .map(|w| w.trim_matches(|c| c == '-' || c == '_'))
            .filter(|w| !w.is_empty())
        {
            let w = w.to_lowercase();
            if out.len() + w.len() + 1 > MAX_WORDS {
                return;
            }
            if seen.insert(w.clone()) {
                if !out.is_empty() {
                    out.push(' ');
                }
                out.push_str(&w);
            }
        }
    };
    add(&report.meta.title);
    add(&report.meta.incident_id);
    for s in &report.meta.services {
        add(s);
    }
    // Then every other text the report holds: fields, list items, rows, cells, sections.
    fn strings<'v>(v: &'v serde_json::Value, out: &mut Vec<&'v str>) {
        match v {
            serde_json::Value::String(s) => out.push(s),
            serde_json::Value::Array(a) => a.iter().for_each(|x| strings(x, out)),
            serde_json::Value::Object(m) => m.values().for_each(|x| strings(x, out)),
            _ => {}
        }
    }
    let value = serde_json::to_value(report).unwrap_or_default();
    let mut all = Vec::new();
    strings(&value, &mut all);
    for text in all {
        add(text);
    }
    out
}

/// True when every term of `query` starts a word of one of `fields` (any case); an empty
/// query matches everything. "edge 502" finds "502s at the EU edge".
pub fn matches(query: &str, fields: &[&str]) -> bool {
    let lower: Vec<String> = fields.iter().map(|f| f.to_lowercase()).collect();
    query.split_whitespace().all(|term| {
        let term = term.to_lowercase();
        lower.iter().any(|f| {
            f.match_indices(term.as_str()).any(|(at, _)| {
                f[..at]
                    .chars()
                    .next_back()
                    .is_none_or(|c| !c.is_alphanumeric())
            })
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ActionItem, TimelineEntry};

    fn report() -> Report {
        let mut r = Report::new("001");
        r.meta.title = "Checkout 502s at the EU edge".into();
        r.meta.incident_id = "INC-2041".into();
        r.meta.services = vec!["payments-api".into()];
        r.root_cause.what_happened = "A config push reached the EU edge.".into();
        r.timeline.entries.push(TimelineEntry {
            time: "09:12".into(),
            event: "Rollback of the CDN ruleset".into(),
            ..TimelineEntry::default()
        });
        r.action_items.push(ActionItem {
            action: "Canary config pushes".into(),
            ..ActionItem::default()
        });
        r
    }

    #[test]
    fn words_hold_each_word_once_from_fields_rows_and_cells() {
        let w = words(&report());
        assert!(
            w.starts_with("checkout 502s at the eu edge inc-2041 payments-api"),
            "{w}"
        );
        assert_eq!(w.matches(" edge").count(), 1);
        for needle in ["rollback", "cdn", "canary", "push"] {
            assert!(w.split(' ').any(|x| x == needle), "{needle} in {w}");
        }
    }

    #[test]
    fn words_are_bounded() {
        let mut r = report();
        r.root_cause.what_happened = (0..5000).map(|i| format!("w{i} ")).collect();
        let w = words(&r);
        assert!(w.len() <= MAX_WORDS);
        assert!(w.starts_with("checkout"));
    }

    #[test]
    fn every_term_must_start_a_word() {
        let w = words(&report());
        assert!(matches("", &[&w]));
        assert!(matches("edge 502", &["Checkout 502s at the EU edge"]));
        assert!(matches("INC-2041", &[&w]));
        assert!(matches("payments", &[&w]));
        assert!(matches("canary", &["", &w]));
        assert!(!matches("dge", &[&w]));
        assert!(!matches("edge mainframe", &[&w]));
    }
}
