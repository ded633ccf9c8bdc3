//! Action items to the tracker, read back with real parsers: the Jira CSV with the `csv`
//! crate (one row per item, Jira's columns, a link back in each description), GitHub
//! new-issue links decoded with the `url` crate, the Markdown task list through comrak.

mod common;

use comrak::nodes::NodeValue;
use comrak::{parse_document, Arena};
use hindsight_core::actions::{export_actions, ActionsError, ActionsFormat, ActionsOptions};
use hindsight_core::markdown::comrak_options;

const LINK: &str = "https://docs.example.com/postmortems/2024-01-15-checkout.html";

fn options() -> ActionsOptions {
    ActionsOptions {
        link: Some(LINK.to_string()),
        repo: Some("acme/checkout".to_string()),
        labels: vec!["team payments".to_string()],
    }
}

fn records(csv_text: &str) -> (Vec<String>, Vec<Vec<String>>) {
    let mut r = csv::ReaderBuilder::new()
        .has_headers(true)
        .from_reader(csv_text.as_bytes());
    let header = r
        .headers()
        .expect("header")
        .iter()
        .map(String::from)
        .collect();
    let rows = r
        .records()
        .map(|rec| rec.expect("record").iter().map(String::from).collect())
        .collect();
    (header, rows)
}

#[test]
fn jira_csv_has_jiras_columns_and_one_row_per_item() {
    let r = common::rich_report();
    let out = export_actions(&r, ActionsFormat::JiraCsv, &options()).expect("csv");
    let (header, rows) = records(&out);
    assert_eq!(
        header,
        [
            "Summary",
            "Description",
            "Assignee",
            "Priority",
            "Due date",
            "Labels",
            "Labels",
            "Labels",
            "Labels"
        ]
    );
    assert_eq!(rows.len(), r.action_items.len());
    for (row, item) in rows.iter().zip(&r.action_items) {
        assert_eq!(row[0], item.action);
        assert!(row[1].contains(LINK), "{}", row[1]);
        assert!(row[1].contains("INC-2024-0117"), "{}", row[1]);
        assert_eq!(row[2], item.owner);
        assert_eq!(row[4], item.due);
        assert_eq!(row[5], "postmortem");
        assert_eq!(row[6], "inc-2024-0117");
        assert_eq!(row[8], "team-payments");
    }
    assert_eq!(rows[0][3], "High");
    assert_eq!(rows[0][7], "prevent");
    assert!(rows[0][1].starts_with("Wrap the handler in a scoped transaction."));
    assert!(rows[0][1].contains("Success criteria: Fault-injection test passes."));
}

#[test]
fn csv_cells_survive_commas_quotes_newlines_and_formulas() {
    let mut r = common::rich_report();
    r.action_items.truncate(1);
    r.action_items[0].action = "Fix \"pool\", then, =SUM(A1:A9)".to_string();
    r.action_items[0].owner = "=cmd|' /C calc'!A0".to_string();
    r.action_items[0].description = "line one\nline two, with \"quotes\"".to_string();
    for format in [ActionsFormat::JiraCsv, ActionsFormat::Csv] {
        let out = export_actions(&r, format, &options()).expect("csv");
        let (_, rows) = records(&out);
        assert_eq!(rows.len(), 1, "{out}");
        let row = &rows[0];
        let action = if format == ActionsFormat::Csv {
            &row[1]
        } else {
            &row[0]
        };
        let owner = &row[2];
        assert_eq!(action, "Fix \"pool\", then, =SUM(A1:A9)");
        assert_eq!(owner, "'=cmd|' /C calc'!A0", "formula kept as text");
        assert!(row
            .iter()
            .any(|c| c.contains("line one\nline two, with \"quotes\"")));
    }
}

#[test]
fn plain_csv_has_every_column() {
    let r = common::rich_report();
    let out = export_actions(&r, ActionsFormat::Csv, &ActionsOptions::default()).expect("csv");
    let (header, rows) = records(&out);
    assert_eq!(header.len(), 12);
    assert_eq!(header[0], "ID");
    assert_eq!(rows.len(), 3);
    assert_eq!(rows[1][5], "In Progress");
    assert_eq!(rows[1][7], "Short-Term");
    assert_eq!(rows[0][8], "bd://ops-4412");
}

#[test]
fn github_links_decode_to_the_items_text() {
    let r = common::rich_report();
    let out = export_actions(&r, ActionsFormat::Github, &options()).expect("links");
    let links: Vec<&str> = out.lines().collect();
    assert_eq!(links.len(), r.action_items.len());
    for (link, item) in links.iter().zip(&r.action_items) {
        let u = url::Url::parse(link).expect("a URL");
        assert_eq!(u.host_str(), Some("github.com"));
        assert_eq!(u.path(), "/acme/checkout/issues/new");
        let q: std::collections::HashMap<String, String> = u.query_pairs().into_owned().collect();
        assert_eq!(q["title"], item.action);
        assert!(q["body"].contains(LINK));
        assert!(q["body"].contains(&item.description));
        let labels: Vec<&str> = q["labels"].split(',').collect();
        assert_eq!(labels[0], "postmortem");
        assert!(labels.contains(&"team-payments"));
    }
    let text = "Tab\tand & = ? # % + é \u{1F600}";
    let mut r2 = common::rich_report();
    r2.action_items.truncate(1);
    r2.action_items[0].action = text.to_string();
    let out = export_actions(&r2, ActionsFormat::Github, &options()).expect("links");
    let u = url::Url::parse(out.trim()).expect("URL");
    let title = u
        .query_pairs()
        .find(|(k, _)| k == "title")
        .map(|(_, v)| v.into_owned());
    assert_eq!(title.as_deref(), Some("Tab and & = ? # % + é \u{1F600}"));
}

#[test]
fn github_links_need_a_repository_and_a_web_link() {
    let r = common::rich_report();
    let no_repo = ActionsOptions {
        repo: None,
        ..options()
    };
    assert_eq!(
        export_actions(&r, ActionsFormat::Github, &no_repo),
        Err(ActionsError::MissingRepo)
    );
    let bad_link = ActionsOptions {
        link: Some("javascript:alert(1)".to_string()),
        ..options()
    };
    assert!(matches!(
        export_actions(&r, ActionsFormat::Markdown, &bad_link),
        Err(ActionsError::BadLink(_))
    ));
}

#[test]
fn markdown_task_list_is_one_inert_task_per_item() {
    let mut r = common::rich_report();
    r.action_items[2].status = "Done".to_string();
    r.action_items[1].action = "[x](javascript:alert(1)) <img src=x onerror=alert(1)>".to_string();
    r.action_items[0].tracking = "https://tracker.example.com/OPS-4412".to_string();
    let out = export_actions(&r, ActionsFormat::Markdown, &options()).expect("md");
    let arena = Arena::new();
    let root = parse_document(&arena, &out, &comrak_options());
    let mut tasks = Vec::new();
    let mut links = Vec::new();
    for n in root.descendants() {
        match &n.data.borrow().value {
            NodeValue::TaskItem(t) => tasks.push(t.symbol.is_some()),
            NodeValue::Link(l) => links.push(l.url.clone()),
            NodeValue::HtmlInline(h) => panic!("raw HTML {h}"),
            _ => {}
        }
    }
    assert_eq!(tasks, [false, false, true], "{out}");
    assert_eq!(
        links,
        [LINK, "https://tracker.example.com/OPS-4412"],
        "{out}"
    );
    assert!(
        out.contains("owner Lena Fischer, due 2024-01-19, priority P1"),
        "{out}"
    );
}
