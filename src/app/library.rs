//! The library of reports kept in this browser: one `Entry` of metadata per report (what
//! the start screen lists), new ids, and the names exports are saved under. The reports
//! themselves live in storage; only the open one is in memory (`Ctx::report`).

use hindsight_core::{Report, Review};
use serde::{Deserialize, Serialize};

/// What the library knows of one stored report without loading it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    /// Local id, also the storage key suffix; never shown to the author.
    pub id: String,
    /// Milliseconds since the Unix epoch of the last edit.
    pub edited_ms: f64,
    #[serde(default)]
    pub title: String,
    /// Severity as the author wrote it.
    #[serde(default)]
    pub severity: String,
    /// The core's normalised severity ("SEV2"), for the badge colour.
    #[serde(default)]
    pub severity_level: Option<String>,
    #[serde(default)]
    pub status: String,
    /// Readiness 0–100 at the last save.
    #[serde(default)]
    pub score: u8,
    #[serde(default)]
    pub incident_id: String,
    /// The incident's date (YYYY-MM-DD) when the core can read one, for sorting.
    #[serde(default)]
    pub date: Option<String>,
    /// The report's words (`hindsight_core::search::words`), for the library search.
    /// Rebuilt from the report when the library loads, so not kept in the index.
    #[serde(skip)]
    pub words: String,
}

/// How the start screen orders the library.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Order {
    /// Last edited first.
    #[default]
    Edited,
    /// Latest incident date first; reports without a date last.
    Date,
    /// Least ready first (what needs doing).
    Readiness,
}

impl Order {
    pub const ALL: [(Order, &'static str, &'static str); 3] = [
        (Order::Edited, "edited", "Last edited"),
        (Order::Date, "date", "Incident date"),
        (
            Order::Readiness,
            "readiness",
            "Readiness (least ready first)",
        ),
    ];
}

/// What the author asked the library for: words, a severity, a status, an order.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Query {
    pub text: String,
    /// A normalised severity ("SEV2"), "none" for reports without one, or empty for all.
    pub severity: String,
    /// A status as written ("Draft" for none), or empty for all.
    pub status: String,
    pub order: Order,
}

/// The status the list shows ("Draft" when none is set).
pub fn shown_status(e: &Entry) -> String {
    if e.status.is_empty() {
        "Draft".to_string()
    } else {
        e.status.clone()
    }
}

/// The entries `q` asks for, in its order.
pub fn find(entries: &[Entry], q: &Query) -> Vec<Entry> {
    let mut out: Vec<Entry> = entries
        .iter()
        .filter(|e| match q.severity.as_str() {
            "" => true,
            "none" => e.severity_level.is_none(),
            s => e.severity_level.as_deref() == Some(s),
        })
        .filter(|e| q.status.is_empty() || shown_status(e).eq_ignore_ascii_case(&q.status))
        .filter(|e| {
            hindsight_core::search::matches(
                &q.text,
                &[&e.title, &e.incident_id, &e.severity, &e.words],
            )
        })
        .cloned()
        .collect();
    match q.order {
        Order::Edited => out.sort_by(|a, b| b.edited_ms.total_cmp(&a.edited_ms)),
        Order::Date => out.sort_by(|a, b| match (&a.date, &b.date) {
            (Some(x), Some(y)) => y.cmp(x),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => b.edited_ms.total_cmp(&a.edited_ms),
        }),
        Order::Readiness => out.sort_by_key(|e| e.score),
    }
    out
}

impl Entry {
    /// The entry for a report, from its review.
    pub fn of(id: String, edited_ms: f64, report: &Report, review: &Review) -> Entry {
        Entry {
            id,
            edited_ms,
            title: report.meta.title.trim().to_string(),
            severity: report.meta.severity.trim().to_string(),
            severity_level: review.overview.severity.clone(),
            status: report.meta.status.trim().to_string(),
            score: review.score,
            incident_id: report.meta.incident_id.trim().to_string(),
            date: review.overview.date.clone(),
            words: hindsight_core::search::words(report),
        }
    }

    /// Refreshes what the list shows after an edit.
    pub fn update(&mut self, edited_ms: f64, report: &Report, review: &Review) {
        *self = Entry::of(std::mem::take(&mut self.id), edited_ms, report, review);
    }

    /// The title to show: "Untitled post-mortem" when blank.
    pub fn shown_title(&self) -> String {
        if self.title.is_empty() {
            "Untitled post-mortem".to_string()
        } else {
            self.title.clone()
        }
    }
}

/// An id unique within one browser: time in base 36 plus a random suffix.
pub fn new_id(now_ms: f64, random: f64) -> String {
    let t = if now_ms.is_finite() && now_ms > 0.0 {
        now_ms as u64
    } else {
        0
    };
    let r = (random.clamp(0.0, 1.0) * 1_679_616.0) as u64; // 36^4
    format!("r{}{}", base36(t), base36(r))
}

fn base36(mut n: u64) -> String {
    const DIGITS: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut out = Vec::new();
    loop {
        out.push(DIGITS[(n % 36) as usize]);
        n /= 36;
        if n == 0 {
            break;
        }
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// File name (without extension) for a report's exports: incident id, date and title,
/// each lower-cased to `a-z0-9-`, joined by `_`; "post-mortem" when all are blank.
pub fn file_stem(report: &Report) -> String {
    let parts: Vec<String> = [
        &report.meta.incident_id,
        &report.meta.date,
        &report.meta.title,
    ]
    .iter()
    .map(|s| slug(s))
    .filter(|s| !s.is_empty())
    .collect();
    if parts.is_empty() {
        "post-mortem".to_string()
    } else {
        parts.join("_")
    }
}

fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in s.trim().chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let out = out.trim_end_matches('-');
    out.chars()
        .take(60)
        .collect::<String>()
        .trim_end_matches('-')
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_stem_joins_id_date_title() {
        let mut r = Report::new("000");
        assert_eq!(file_stem(&r), "post-mortem");
        r.meta.incident_id = "INC-2024-0042".into();
        r.meta.date = "2024-01-15".into();
        r.meta.title = "  Database: outage (EU)! ".into();
        assert_eq!(file_stem(&r), "inc-2024-0042_2024-01-15_database-outage-eu");
    }

    #[test]
    fn entries_carry_what_the_list_shows() {
        let mut r = Report::new("003");
        r.meta.title = " Cache stampede ".into();
        r.meta.severity = "P0".into();
        let review = hindsight_core::review(&r, &hindsight_core::policy::Policy::default());
        let e = Entry::of("r1".into(), 5.0, &r, &review);
        assert_eq!(e.title, "Cache stampede");
        assert_eq!(e.severity_level.as_deref(), Some("SEV1"));
        assert_eq!(e.score, review.score);
        let old: Entry = serde_json::from_str(r#"{"id": "r2", "edited_ms": 1}"#)
            .unwrap_or_else(|_| Entry::of("x".into(), 0.0, &r, &review));
        assert_eq!(
            (old.id.as_str(), old.shown_title()),
            ("r2", "Untitled post-mortem".to_string())
        );
    }

    #[test]
    fn the_library_is_searched_filtered_and_sorted() {
        let policy = hindsight_core::policy::Policy::default();
        let entry = |id: &str, edited: f64, f: &dyn Fn(&mut Report)| {
            let mut r = Report::new("001");
            f(&mut r);
            let review = hindsight_core::review(&r, &policy);
            Entry::of(id.into(), edited, &r, &review)
        };
        let all = vec![
            entry("a", 3.0, &|r| {
                r.meta.title = "Checkout 502s".into();
                r.meta.severity = "SEV2".into();
                r.meta.date = "2024-03-01".into();
            }),
            entry("b", 2.0, &|r| {
                r.meta.title = "DNS flood".into();
                r.meta.incident_id = "INC-7".into();
                r.meta.status = "Final".into();
                r.meta.date = "2024-05-01".into();
                r.root_cause.what_happened = "A resolver fleet ran out of sockets".into();
            }),
            entry("c", 1.0, &|r| r.meta.services = vec!["payments-api".into()]),
        ];
        let ids = |q: Query| find(&all, &q).into_iter().map(|e| e.id).collect::<Vec<_>>();
        assert_eq!(ids(Query::default()), ["a", "b", "c"]);
        let text = |t: &str| Query {
            text: t.into(),
            ..Query::default()
        };
        assert_eq!(ids(text("inc-7")), ["b"]);
        assert_eq!(ids(text("sockets")), ["b"]);
        assert_eq!(ids(text("payments")), ["c"]);
        assert_eq!(ids(text("checkout 502")), ["a"]);
        let sev = Query {
            severity: "SEV2".into(),
            ..Query::default()
        };
        assert_eq!(ids(sev), ["a"]);
        let none = Query {
            severity: "none".into(),
            ..Query::default()
        };
        assert_eq!(ids(none), ["b", "c"]);
        let draft = Query {
            status: "draft".into(),
            ..Query::default()
        };
        assert_eq!(ids(draft), ["a", "c"]);
        let by_date = Query {
            order: Order::Date,
            ..Query::default()
        };
        assert_eq!(ids(by_date), ["b", "a", "c"]);
        let by_score = find(
            &all,
            &Query {
                order: Order::Readiness,
                ..Query::default()
            },
        );
        assert!(by_score.windows(2).all(|w| w[0].score <= w[1].score));
    }

    #[test]
    fn ids_differ_by_time_and_random() {
        assert_ne!(new_id(1.0, 0.5), new_id(2.0, 0.5));
        assert_ne!(new_id(1.0, 0.1), new_id(1.0, 0.2));
        assert!(new_id(f64::NAN, 2.0).starts_with('r'));
    }
}
