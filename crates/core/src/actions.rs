//! Action items handed to a tracker: a CSV that Jira's CSV importer reads as-is, GitHub
//! new-issue links prefilled with title, body and labels, a Markdown task list, and a
//! plain CSV of every column. Every export links back to the post-mortem when given its
//! URL. CSV cells that a spreadsheet would run as a formula are written as text.

use crate::link_safety::is_safe_destination;
use crate::markdown::{escape_inline, one_line};
use crate::model::{ActionItem, Report};
use crate::time::parse_date;

/// Where the action items go.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ActionsFormat {
    /// Jira's CSV importer: Summary, Description, Assignee, Priority, Due date, Labels.
    JiraCsv,
    /// One GitHub new-issue link per item.
    Github,
    /// A Markdown task list.
    Markdown,
    /// Every action item column as CSV.
    Csv,
}

/// What an export needs besides the report.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ActionsOptions {
    /// URL of the post-mortem, linked from every item.
    pub link: Option<String>,
    /// GitHub repository for new-issue links: `owner/name` or its `https://…` URL.
    pub repo: Option<String>,
    /// Labels added to every item, beside `postmortem` and the item's category.
    pub labels: Vec<String>,
}

/// Why action items could not be exported.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ActionsError {
    /// GitHub links need a repository.
    #[error("GitHub issue links need a repository (owner/name or its URL)")]
    MissingRepo,
    /// The repository is neither `owner/name` nor an `https://host/owner/name` URL.
    #[error("`{0}` is not a repository: use owner/name or https://github.com/owner/name")]
    BadRepo(String),
    /// The post-mortem link is not an http(s) URL.
    #[error("`{0}` is not an http(s) URL")]
    BadLink(String),
}

/// Exports the report's action items in a format.
pub fn export_actions(
    report: &Report,
    format: ActionsFormat,
    options: &ActionsOptions,
) -> Result<String, ActionsError> {
    let link = match &options.link {
        Some(l) if is_web_url(l.trim()) => Some(l.trim().to_string()),
        Some(l) => return Err(ActionsError::BadLink(l.clone())),
        None => None,
    };
    Ok(match format {
        ActionsFormat::JiraCsv => jira_csv(report, link.as_deref(), &options.labels),
        ActionsFormat::Github => {
            let repo = options.repo.as_deref().ok_or(ActionsError::MissingRepo)?;
            github_links(report, &repo_url(repo)?, link.as_deref(), &options.labels)
        }
        ActionsFormat::Markdown => task_list(report, link.as_deref()),
        ActionsFormat::Csv => plain_csv(report),
    })
}

/// A ticket URL pasted back into an item: the trimmed http(s) URL, or `None` for text
/// that is not one (or carries a script-capable scheme).
pub fn ticket_link(pasted: &str) -> Option<String> {
    let t = pasted.trim();
    is_web_url(t).then(|| t.to_string())
}

/// Jira's columns, in order. `Labels` repeats: Jira reads each column as one label.
pub const JIRA_COLUMNS: [&str; 5] = ["Summary", "Description", "Assignee", "Priority", "Due date"];

fn jira_csv(report: &Report, link: Option<&str>, extra: &[String]) -> String {
    let labels: Vec<Vec<String>> = report
        .action_items
        .iter()
        .map(|i| labels(report, i, extra))
        .collect();
    let width = labels.iter().map(Vec::len).max().unwrap_or(1).max(1);
    let mut header: Vec<String> = JIRA_COLUMNS.iter().map(|c| c.to_string()).collect();
    header.extend(std::iter::repeat_n("Labels".to_string(), width));
    let mut out = csv_line(&header);
    for (item, labels) in report.action_items.iter().zip(labels) {
        let mut row = vec![
            summary(item),
            description(report, item, link),
            one_line(&item.owner),
            jira_priority(&item.priority),
            due(&item.due),
        ];
        row.extend(labels);
        row.resize(JIRA_COLUMNS.len() + width, String::new());
        out.push_str(&csv_line(&row));
    }
    out
}

fn plain_csv(report: &Report) -> String {
    let header = [
        "ID",
        "Action",
        "Owner",
        "Priority",
        "Due",
        "Status",
        "Category",
        "Horizon",
        "Tracking",
        "Description",
        "Rationale",
        "Success criteria",
    ];
    let mut out = csv_line(&header.map(String::from));
    for i in &report.action_items {
        out.push_str(&csv_line(&[
            i.id.trim().to_string(),
            one_line(&i.action),
            one_line(&i.owner),
            one_line(&i.priority),
            one_line(&i.due),
            one_line(&i.status),
            i.category
                .map(|c| c.label().to_string())
                .unwrap_or_default(),
            i.horizon.map(|h| h.label().to_string()).unwrap_or_default(),
            one_line(&i.tracking),
            i.description.trim().to_string(),
            i.rationale.trim().to_string(),
            i.success_criteria.trim().to_string(),
        ]));
    }
    out
}

fn github_links(report: &Report, repo: &str, link: Option<&str>, extra: &[String]) -> String {
    report
        .action_items
        .iter()
        .map(|i| {
            format!(
                "{repo}/issues/new?title={}&body={}&labels={}\n",
                encode(&summary(i)),
                encode(&description(report, i, link)),
                encode(&labels(report, i, extra).join(","))
            )
        })
        .collect()
}

fn task_list(report: &Report, link: Option<&str>) -> String {
    let mut out = String::new();
    if let Some(l) = link {
        out.push_str(&format!("Action items from <{l}>\n\n"));
    }
    for i in &report.action_items {
        let done = i.is_done();
        let mut line = format!(
            "- [{}] {}",
            if done { "x" } else { " " },
            escape_inline(&summary(i))
        );
        let mut facts = Vec::new();
        for (label, v) in [
            ("owner", &i.owner),
            ("due", &i.due),
            ("priority", &i.priority),
        ] {
            let v = one_line(v);
            if !v.is_empty() {
                facts.push(format!("{label} {}", escape_inline(&v)));
            }
        }
        if !facts.is_empty() {
            line.push_str(&format!(" ({})", facts.join(", ")));
        }
        let tracking = one_line(&i.tracking);
        if is_web_url(&tracking) {
            line.push_str(&format!(" <{}>", tracking.replace(['<', '>', ' '], "")));
        } else if !tracking.is_empty() {
            line.push_str(&format!(" — {}", escape_inline(&tracking)));
        }
        out.push_str(&line);
        out.push('\n');
    }
    out
}

/// The item's one-line title: its action, else its id.
fn summary(i: &ActionItem) -> String {
    let a = one_line(&i.action);
    if a.is_empty() {
        format!("Action item {}", one_line(&i.id))
    } else {
        a
    }
}

/// The issue body: details the item has, then where it comes from.
fn description(report: &Report, i: &ActionItem, link: Option<&str>) -> String {
    let mut parts = Vec::new();
    for (label, v) in [
        ("", &i.description),
        ("Rationale: ", &i.rationale),
        ("Success criteria: ", &i.success_criteria),
    ] {
        let v = v.trim();
        if !v.is_empty() {
            parts.push(format!("{label}{v}"));
        }
    }
    let title = one_line(&report.meta.title);
    let id = one_line(&report.meta.incident_id);
    let name = match (id.is_empty(), title.is_empty()) {
        (false, false) => format!("{id}: {title}"),
        (true, false) => title,
        (false, true) => id,
        (true, true) => "the post-mortem".to_string(),
    };
    parts.push(match link {
        Some(l) => format!("From the post-mortem {name}: {l}"),
        None => format!("From the post-mortem {name}."),
    });
    parts.join("\n\n")
}

/// `postmortem`, the incident id, the item's category, then the caller's; Jira and GitHub
/// labels have no spaces.
fn labels(report: &Report, i: &ActionItem, extra: &[String]) -> Vec<String> {
    let mut out = vec!["postmortem".to_string()];
    let id = label_word(&report.meta.incident_id);
    if !id.is_empty() {
        out.push(id);
    }
    if let Some(c) = i.category {
        out.push(label_word(c.label()));
    }
    for l in extra {
        let l = label_word(l);
        if !l.is_empty() && !out.contains(&l) {
            out.push(l);
        }
    }
    out
}

fn label_word(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join("-")
        .replace(',', "-")
        .to_lowercase()
}

/// Jira's default priority names for the scales post-mortems use.
fn jira_priority(p: &str) -> String {
    let p = one_line(p);
    let name = match p.to_ascii_lowercase().replace(['-', ' '], "").as_str() {
        "p0" | "sev0" | "sev1" | "critical" | "highest" | "urgent" => "Highest",
        "p1" | "sev2" | "high" => "High",
        "p2" | "sev3" | "medium" | "normal" => "Medium",
        "p3" | "sev4" | "low" => "Low",
        "p4" | "lowest" | "trivial" => "Lowest",
        _ => return p,
    };
    name.to_string()
}

/// A due date Jira's importer reads with the format `yyyy-MM-dd`; text it cannot read
/// is kept as typed.
fn due(d: &str) -> String {
    match parse_date(d) {
        Some(date) => date.format("%Y-%m-%d").to_string(),
        None => one_line(d),
    }
}

/// `https://host/owner/name` for `owner/name` (on GitHub) or a repository URL.
fn repo_url(repo: &str) -> Result<String, ActionsError> {
    let r = repo.trim().trim_end_matches('/').trim_end_matches(".git");
    let bad = || ActionsError::BadRepo(repo.to_string());
    let (base, path) = match r.strip_prefix("https://") {
        Some(rest) => {
            let (host, path) = rest.split_once('/').ok_or_else(bad)?;
            (format!("https://{host}"), path)
        }
        None => ("https://github.com".to_string(), r),
    };
    let parts: Vec<&str> = path.split('/').collect();
    let ok = |p: &str| {
        !p.is_empty()
            && p.chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
    };
    match parts.as_slice() {
        [owner, name] if ok(owner) && ok(name) && !base.contains(['?', '#', '@']) => {
            Ok(format!("{base}/{owner}/{name}"))
        }
        _ => Err(bad()),
    }
}

pub(crate) fn is_web_url(s: &str) -> bool {
    let lower = s.to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://"))
        && !s.contains(char::is_whitespace)
        && is_safe_destination(s, false)
}

/// Percent-encodes everything but RFC 3986's unreserved characters.
pub(crate) fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len() * 3);
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// One RFC 4180 CSV line (CRLF-terminated). A cell a spreadsheet would evaluate as a
/// formula (`=`, `+`, `-`, `@`, tab, CR first) gets a leading `'` so it stays text.
fn csv_line(cells: &[String]) -> String {
    let mut out = cells
        .iter()
        .map(|c| {
            let c = if c.starts_with(['=', '+', '-', '@', '\t', '\r']) {
                format!("'{c}")
            } else {
                c.clone()
            };
            if c.contains([',', '"', '\n', '\r']) {
                format!("\"{}\"", c.replace('"', "\"\""))
            } else {
                c
            }
        })
        .collect::<Vec<_>>()
        .join(",");
    out.push_str("\r\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repositories_are_read_from_names_and_urls() {
        assert_eq!(
            repo_url("acme/ops").as_deref(),
            Ok("https://github.com/acme/ops")
        );
        assert_eq!(
            repo_url("https://github.example.com/acme/ops.git/").as_deref(),
            Ok("https://github.example.com/acme/ops")
        );
        for bad in [
            "acme",
            "acme/ops/x",
            "javascript:alert(1)//a/b",
            "a b/c",
            "https://h",
        ] {
            assert!(repo_url(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn priorities_map_to_jira_names() {
        assert_eq!(jira_priority("P1"), "High");
        assert_eq!(jira_priority("SEV-1"), "Highest");
        assert_eq!(jira_priority("low"), "Low");
        assert_eq!(jira_priority("whenever"), "whenever");
    }

    #[test]
    fn formula_cells_are_written_as_text() {
        assert_eq!(
            csv_line(&[
                "=HYPERLINK(\"x\")".to_string(),
                "a,b".to_string(),
                "ok".to_string()
            ]),
            "\"'=HYPERLINK(\"\"x\"\")\",\"a,b\",ok\r\n"
        );
    }

    #[test]
    fn encoding_keeps_only_unreserved_characters() {
        assert_eq!(encode("a b&c=d/é"), "a%20b%26c%3Dd%2F%C3%A9");
    }
}
