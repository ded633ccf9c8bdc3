//! The Five Whys chain: each level's "because", asked again, is offered as the next
//! level's "why" (a placeholder Tab takes, never text typing splices into).

use super::row_table::{row_table, Rows, Shape};
use crate::app::use_ctx;
use crate::controls::cell::{suggested_cell, text_cell};
use hindsight_core::fields::{CellKind, Part};
use hindsight_core::model::{ReportStoreFields, RootCauseStoreFields, WhyStoreFields};
use hindsight_core::{Location, Why};
use leptos::prelude::*;
use reactive_stores::StoreFieldIterator;

/// Verbs that move to the front of a question ("edge nodes were saturated" → "Why were
/// edge nodes saturated?").
const AUXILIARIES: &[&str] = &[
    "was", "were", "is", "are", "had", "has", "have", "did", "does", "do", "could", "would", "can",
    "will", "should", "might",
];

/// The question suggested for the next level: the previous answer, asked again as a
/// question ("Why were edge nodes CPU-saturated?"); empty when there is no answer.
pub fn next_why(previous_because: &str) -> String {
    let mut b = previous_because
        .trim()
        .trim_end_matches(['.', '!', ';'])
        .trim();
    for lead in ["Because of", "because of", "Because", "because"] {
        if let Some(rest) = b.strip_prefix(lead) {
            if rest.is_empty() || rest.starts_with([' ', ',', ':']) {
                b = rest.trim_start_matches([' ', ',', ':']);
                break;
            }
        }
    }
    if b.is_empty() {
        return String::new();
    }
    // A capital that only starts the sentence ("Edge nodes"), not a name ("DNS", "EU").
    let mut chars = b.chars();
    let first = chars.next().unwrap_or(' ');
    let second = chars.next().unwrap_or(' ');
    let b = if first.is_uppercase() && !second.is_uppercase() && first != 'I' {
        format!("{}{}", first.to_lowercase(), &b[first.len_utf8()..])
    } else {
        b.to_string()
    };
    let words: Vec<&str> = b.split_whitespace().collect();
    // "<subject> <auxiliary> <rest>": a subject of one to six words.
    if let Some(k) = words
        .iter()
        .take(7)
        .position(|w| AUXILIARIES.contains(&w.to_ascii_lowercase().as_str()))
        .filter(|k| *k >= 1)
    {
        let aux = words[k].to_ascii_lowercase();
        let subject = words[..k].join(" ");
        let mut rest = words[k + 1..].join(" ");
        // "had no rate limit" has "had" as its verb, not as a helper: "did … have".
        let next = words
            .get(k + 1)
            .map_or(String::new(), |w| w.to_ascii_lowercase());
        let helper =
            next.ends_with("ed") || next.ends_with("en") || next == "not" || next == "been";
        let aux = match aux.as_str() {
            "had" | "has" | "have" if !helper => {
                rest = format!("have {rest}");
                match aux.as_str() {
                    "had" => "did",
                    "has" => "does",
                    _ => "do",
                }
                .to_string()
            }
            _ => aux,
        };
        let q = format!("Why {aux} {subject} {rest}");
        return format!("{}?", q.trim_end());
    }
    format!("Why is it that {b}?")
}

#[component]
pub fn FiveWhys() -> impl IntoView {
    let ctx = use_ctx();
    let rows = Rows::new(ctx.report.root_cause().whys().into(), |r| {
        &mut r.root_cause.whys
    });
    let p = Part::Whys;
    let row = move |i: usize| {
        // The level above's answer, asked again; the first level has none.
        let suggestion = Signal::derive(move || {
            let Some(above) = i.checked_sub(1) else {
                return String::new();
            };
            if ctx
                .report
                .with_untracked(|r| above >= r.root_cause.whys.len())
            {
                return String::new();
            }
            rows.field.at_unkeyed(above).because().with(|b| next_why(b))
        });
        view! {
            {suggested_cell(Location::cell(p, i, "why"), format!("Why {}", i + 1), suggestion)}
            {text_cell(Location::cell(p, i, "because"), "Because".into(), CellKind::Prose, None)}
        }
    };
    let tools = rows.add_button_focused(
        "add-why".into(),
        "+ Add a level",
        |_| Why::default(),
        (p, "why"),
    );
    let shape = Shape {
        path: "root_cause.whys",
        class: "part whys",
        list_class: "rows",
        row_class: "row why-row",
        row_testid: None,
        what: "why",
        label: Some("Five Whys"),
    };
    row_table(rows, shape, row, tools)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn because_becomes_next_why() {
        assert_eq!(
            next_why("Edge nodes were CPU-saturated."),
            "Why were edge nodes CPU-saturated?"
        );
        assert_eq!(
            next_why("Because the connection pool was exhausted"),
            "Why was the connection pool exhausted?"
        );
        assert_eq!(
            next_why("DNS had no rate limit"),
            "Why did DNS have no rate limit?"
        );
        assert_eq!(
            next_why("the deploy skipped the canary."),
            "Why is it that the deploy skipped the canary?"
        );
        assert_eq!(next_why("  "), "");
        assert_eq!(next_why("Because."), "");
    }
}
