//! End-to-end tests of `hindsight timeline`: the JSON and Markdown listings, --from,
//! --zone and --date, several files at once, errors a user will meet, and --into merging
//! into a post-mortem printed in its own template with the metrics explained.

use std::path::PathBuf;
use std::process::{Command, Output};

use serde_json::Value;

fn fixture(name: &str) -> String {
    format!(
        "{}/../core/tests/fixtures/sources/{name}",
        env!("CARGO_MANIFEST_DIR")
    )
}

fn hindsight(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_hindsight"))
        .args(args)
        .output()
        .expect("run hindsight")
}

fn ok(o: &Output) -> (String, String) {
    let (out, err) = (
        String::from_utf8_lossy(&o.stdout).to_string(),
        String::from_utf8_lossy(&o.stderr).to_string(),
    );
    assert!(o.status.success(), "stderr: {err}");
    (out, err)
}

fn json(o: &Output) -> Value {
    let (out, _) = ok(o);
    serde_json::from_str(&out).expect("JSON on stdout")
}

fn temp(name: &str, text: &str) -> PathBuf {
    let path = std::env::temp_dir().join(format!("hindsight-{}-{name}", std::process::id()));
    std::fs::write(&path, text).expect("write temp file");
    path
}

#[test]
fn prints_rows_as_json() {
    let v = json(&hindsight(&[
        "timeline",
        &fixture("pagerduty-log-entries.json"),
    ]));
    assert_eq!(v["source"], "pagerduty");
    let rows = v["rows"].as_array().expect("rows");
    assert_eq!(rows.len(), 7);
    assert_eq!(rows[2]["time"], "2023-11-13T09:41:40Z");
    assert_eq!(rows[2]["text"], "Acknowledged by Priya Raman.");
    assert_eq!(rows[2]["who"], "Priya Raman");
    assert_eq!(rows[2]["kind"], "acknowledged");
    assert_eq!(rows[1]["kind"], Value::Null);
    assert_eq!(v["skipped"], 1);
    let warnings = v["warnings"].as_array().expect("warnings");
    assert!(
        warnings[0]
            .as_str()
            .is_some_and(|w| w.contains("log_entries[6].created_at")),
        "{warnings:?}"
    );
}

#[test]
fn zone_writes_times_in_that_zone_and_reads_zoneless_times_in_it() {
    let v = json(&hindsight(&[
        "timeline",
        &fixture("timeline.csv"),
        "--zone",
        "CET",
    ]));
    assert_eq!(v["source"], "csv");
    assert_eq!(v["rows"][0]["time"], "2023-11-13T09:38:05+01:00");
    let bad = hindsight(&["timeline", &fixture("timeline.csv"), "--zone", "Mars"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("unknown zone `Mars`"));
}

#[test]
fn from_keeps_to_one_source() {
    let o = hindsight(&[
        "timeline",
        &fixture("pagerduty-log-entries.json"),
        "--from",
        "grafana",
    ]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("does not look like grafana input"), "{err}");
    let v = json(&hindsight(&[
        "timeline",
        &fixture("slack-export-acme.zip"),
        "--from",
        "slack",
        "--channel",
        "general",
    ]));
    assert_eq!(v["rows"].as_array().map(Vec::len), Some(1));
}

#[test]
fn copied_slack_text_needs_a_date() {
    let o = hindsight(&["timeline", &fixture("slack-paste.txt")]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("no date"));
    let v = json(&hindsight(&[
        "timeline",
        &fixture("slack-paste.txt"),
        "--date",
        "2023-11-13",
        "--zone",
        "UTC",
    ]));
    assert_eq!(v["source"], "slack");
    assert_eq!(v["rows"][0]["time"], "2023-11-13T09:41:00Z");
    assert_eq!(v["rows"][0]["who"], "PagerDuty (bot)");
}

#[test]
fn several_files_are_one_time_order() {
    let v = json(&hindsight(&[
        "timeline",
        &fixture("slack-export-acme.zip"),
        &fixture("pagerduty-log-entries.json"),
    ]));
    assert_eq!(v["source"], "slack+pagerduty");
    let rows = v["rows"].as_array().expect("rows");
    assert_eq!(rows.len(), 17);
    let times: Vec<&str> = rows.iter().filter_map(|r| r["time"].as_str()).collect();
    let mut sorted = times.clone();
    sorted.sort();
    assert_eq!(times, sorted);
    assert_eq!(rows[0]["source"], "pagerduty");
}

#[test]
fn markdown_table_escapes_cells() {
    let (out, _) = ok(&hindsight(&[
        "timeline",
        &fixture("slack-inc-4127-2023-11-13.json"),
        "--format",
        "md",
    ]));
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines[0], "| Time | Event | Who | Kind | Source |");
    assert_eq!(lines.len(), 2 + 9);
    assert!(
        out.contains("| 2023-11-13 09:52:03 +00:00 | rolled back checkout-api to v2.14.1 :rewind: | Sam Ortiz | Mitigation |"),
        "{out}"
    );
    assert!(out.contains("\\[file: pool saturation\\]"), "{out}");
}

#[test]
fn errors_name_the_file_and_the_line() {
    let text = std::fs::read_to_string(fixture("pagerduty-log-entries.json")).expect("fixture");
    let cut = temp("cut.json", &text[..text.len() / 2]);
    let o = hindsight(&["timeline", cut.to_str().expect("path")]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("cut.json: JSON ends early"), "{err}");
    assert!(err.contains("at line "), "{err}");
    let o = hindsight(&["timeline", "/no/such/file.json"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("cannot read /no/such/file.json"));
}

#[test]
fn into_merges_the_pre_ticked_rows_into_the_report_in_its_own_template() {
    let mut report = hindsight_core::Report::new("003");
    report.meta.title = "Checkout 503s".into();
    report.meta.date = "2023-11-13".into();
    report.meta.timezone = "UTC".into();
    report.timeline.entries = vec![
        hindsight_core::TimelineEntry {
            time: "09:30".into(),
            event: "Deploy of checkout-api v2.15.0 started".into(),
            ..Default::default()
        },
        hindsight_core::TimelineEntry {
            time: "09:41".into(),
            event: "Acknowledged by Priya Raman".into(),
            ..Default::default()
        },
    ];
    let md = hindsight_core::to_markdown(
        &report,
        &hindsight_core::MarkdownOptions {
            template: None,
            front_matter: false,
            placeholders: false,
            mermaid: false,
        },
    );
    let path = temp("report.md", &md);
    let o = hindsight(&[
        "timeline",
        &fixture("slack-export-acme.zip"),
        &fixture("pagerduty-log-entries.json"),
        "--into",
        path.to_str().expect("path"),
    ]);
    let (out, err) = ok(&o);
    let imported = hindsight_core::import::parse_markdown(&out);
    assert_eq!(imported.template.as_deref(), Some("003"), "own template");
    let rows: Vec<(&str, &str)> = imported
        .report
        .timeline
        .entries
        .iter()
        .map(|e| (e.time.as_str(), e.event.as_str()))
        .collect();
    let times: Vec<&str> = rows.iter().map(|r| r.0).collect();
    assert_eq!(
        times,
        [
            "09:30", "09:38:05", "09:41", "09:42:30", "09:50:31", "09:51", "09:52:03", "09:55:20",
            "10:14:58", "10:15"
        ],
        "{rows:?}"
    );
    assert_eq!(
        rows[1].1,
        "Triggered through the API: High 5xx rate on checkout-api"
    );
    // PagerDuty's acknowledgement says what the author's 09:41 row says: not added twice.
    assert_eq!(rows[2].1, "Acknowledged by Priya Raman");
    assert!(err.contains("merged "), "{err}");
    assert!(
        err.contains("time to detect: 8 minutes 5 seconds, row 2 \"09:38:05 Triggered"),
        "{err}"
    );
    assert!(
        err.contains("imported from pagerduty (R0TRIG4127A)"),
        "{err}"
    );
    assert!(
        err.contains(
            "time to acknowledge: 11 minutes, row 3 \"09:41 Acknowledged by Priya Raman\", already in the report"
        ),
        "{err}"
    );
}

#[test]
fn reads_standard_input_and_into_json_prints_the_report_as_json() {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_hindsight"))
        .args(["timeline", "-", "--from", "text", "--date", "2023-11-13"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("spawn");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(b"09:12 config push reached EU edge\n09:31 rolled back the config\n")
        .expect("write");
    let v = json(&child.wait_with_output().expect("wait"));
    assert_eq!(v["source"], "text");
    assert_eq!(v["rows"][1]["kind"], "mitigated");
    assert_eq!(v["rows"][1]["time"], "2023-11-13T09:31:00Z");

    let mut report = hindsight_core::Report::new("004");
    report.meta.date = "2023-11-13".into();
    let path = temp("report.json", &hindsight_core::to_json(&report));
    let o = hindsight(&[
        "timeline",
        &fixture("statuspage-incident.json"),
        "--into",
        path.to_str().expect("path"),
        "--format",
        "json",
    ]);
    let (out, _) = ok(&o);
    let merged = hindsight_core::from_json(&out).expect("report JSON");
    assert_eq!(merged.template, "004");
    let kinds: Vec<Option<hindsight_core::EventKind>> =
        merged.timeline.entries.iter().map(|e| e.kind).collect();
    assert_eq!(
        kinds,
        [
            Some(hindsight_core::EventKind::Investigating),
            Some(hindsight_core::EventKind::RootCauseIdentified),
            Some(hindsight_core::EventKind::Monitoring),
            Some(hindsight_core::EventKind::Resolved),
        ]
    );
    assert_eq!(merged.timeline.entries[0].time, "09:45:10");
}
