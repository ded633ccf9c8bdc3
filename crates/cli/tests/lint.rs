//! `hindsight lint`, `import` and Markdown input to `convert`, run as a user would: on the
//! exported golden documents, on a blank template, with a policy file, and SARIF output
//! checked against the SARIF 2.1.0 schema.

use std::path::PathBuf;
use std::process::{Command, Output};

const IDS: [&str; 5] = ["000", "001", "002", "003", "004"];

fn golden(id: &str) -> String {
    format!(
        "{}/../core/tests/golden/rich-{id}.md",
        env!("CARGO_MANIFEST_DIR")
    )
}

fn hindsight(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_hindsight"))
        .args(args)
        .output()
        .expect("run hindsight")
}

fn tmp(name: &str, text: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("hindsight-lint-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("tmp dir");
    let p = dir.join(name);
    std::fs::write(&p, text).expect("write");
    p
}

fn json_out(o: &Output) -> serde_json::Value {
    serde_json::from_slice(&o.stdout).expect("stdout is JSON")
}

#[test]
fn lint_json_summarises_every_template_export() {
    let files: Vec<String> = IDS.iter().map(|id| golden(id)).collect();
    let mut args = vec!["lint", "--format", "json"];
    args.extend(files.iter().map(String::as_str));
    let o = hindsight(&args);
    let v = json_out(&o);
    let list = v["files"].as_array().expect("files array");
    assert_eq!(list.len(), 5);
    for (f, id) in list.iter().zip(IDS) {
        let s = &f["summary"];
        assert_eq!(s["template"], id, "{f}");
        assert_eq!(
            s["title"],
            "Checkout API errors after connection-pool change"
        );
        assert_eq!(s["incident_id"], "INC-2024-0117");
        assert_eq!(s["severity"], "SEV2", "{id}");
        assert_eq!(s["date"], "2024-01-15");
        assert_eq!(s["duration_minutes"], 45);
        assert_eq!(s["timeline_rows"], 7);
        assert_eq!(s["timeline_start"], "2024-01-15T14:30:00+00:00");
        assert_eq!(s["timeline_end"], "2024-01-15T15:15:00+00:00");
        assert_eq!(s["action_items"], 3);
        assert_eq!(s["five_whys"], 5);
        assert!(s["score"].as_u64().is_some_and(|n| n <= 100));
        for finding in f["findings"].as_array().expect("findings") {
            for key in ["rule", "level", "location", "message"] {
                assert!(finding.get(key).is_some(), "finding lacks {key}: {finding}");
            }
        }
    }
}

#[test]
fn blank_template_fails_lint_with_compiler_style_lines() {
    let blank = hindsight(&["new", "--template", "002"]);
    let path = tmp("blank-002.md", &String::from_utf8_lossy(&blank.stdout));
    let o = hindsight(&["lint", path.to_str().expect("utf8")]);
    assert_eq!(o.status.code(), Some(1), "placeholders are errors");
    let text = String::from_utf8_lossy(&o.stdout);
    let p = path.display().to_string();
    // `file:line: level[rule-id]: message` with real line numbers for placeholders.
    let lines: Vec<u32> = text
        .lines()
        .filter(|l| l.contains("[placeholder]"))
        .map(|l| {
            let rest = l
                .strip_prefix(&format!("{p}:"))
                .expect("starts with the path");
            let (n, _) = rest.split_once(':').expect("line number");
            n.parse::<u32>().expect("a number")
        })
        .collect();
    assert!(lines.len() > 10, "{text}");
    assert_eq!(lines[0], 1, "the title placeholder is on line 1");
    assert!(
        lines.iter().any(|&n| n > 20),
        "placeholders further down keep their lines"
    );
    assert!(text.contains("readiness"), "{text}");
}

#[test]
fn a_policy_file_can_turn_rules_off() {
    let blank = hindsight(&["new", "--template", "000"]);
    let path = tmp("blank-000.md", &String::from_utf8_lossy(&blank.stdout));
    let before = json_out(&hindsight(&[
        "lint",
        "--format",
        "json",
        path.to_str().expect("utf8"),
    ]));
    let count = |v: &serde_json::Value, rule: &str| {
        v["files"][0]["findings"]
            .as_array()
            .map(|f| f.iter().filter(|x| x["rule"] == rule).count())
            .unwrap_or(0)
    };
    assert!(count(&before, "placeholder") > 0);
    let policy = tmp("policy.json", r#"{"rules": {"placeholder": "off"}}"#);
    let after = json_out(&hindsight(&[
        "lint",
        "--format",
        "json",
        "--policy",
        policy.to_str().expect("utf8"),
        path.to_str().expect("utf8"),
    ]));
    assert_eq!(count(&after, "placeholder"), 0);
    let bad = tmp("bad-policy.json", r#"{"rulez": {}}"#);
    let o = hindsight(&[
        "lint",
        "--policy",
        bad.to_str().expect("utf8"),
        path.to_str().expect("utf8"),
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("bad-policy.json"));
}

fn sarif_schema() -> serde_json::Value {
    let path = std::env::var("HINDSIGHT_SARIF_SCHEMA").unwrap_or_else(|_| {
        format!(
            "{}/.cache/hindsight-tools/node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json",
            std::env::var("HOME").unwrap_or_default()
        )
    });
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!("SARIF 2.1.0 schema not found at {path} ({e}); scripts/test.sh installs it from npm (@microsoft/jest-sarif)")
    });
    let mut schema: serde_json::Value = serde_json::from_str(&text).expect("schema is JSON");
    // The published rtm.5 schema has a malformed regex (a stray `]`) in its `language`
    // patterns, which a strict validator refuses to compile. Our output has no
    // `language`; put the pattern it means in its place.
    fix_language_patterns(&mut schema);
    schema
}

fn fix_language_patterns(v: &mut serde_json::Value) {
    const BROKEN: &str = "^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$";
    match v {
        serde_json::Value::Object(map) => {
            for (k, child) in map.iter_mut() {
                if k == "pattern" && child.as_str() == Some(BROKEN) {
                    *child = serde_json::json!("^[a-zA-Z]{2}(-[a-zA-Z]{2})?$");
                } else {
                    fix_language_patterns(child);
                }
            }
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(fix_language_patterns),
        _ => {}
    }
}

#[test]
fn sarif_output_is_valid_sarif_2_1_0() {
    let blank = hindsight(&["new", "--template", "003"]);
    let path = tmp("blank-003.md", &String::from_utf8_lossy(&blank.stdout));
    let o = hindsight(&[
        "lint",
        "--format",
        "sarif",
        path.to_str().expect("utf8"),
        &golden("001"),
    ]);
    let log = json_out(&o);
    let validator = jsonschema::validator_for(&sarif_schema()).expect("schema compiles");
    let errors: Vec<String> = validator
        .iter_errors(&log)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "SARIF invalid:\n{}", errors.join("\n"));
    assert_eq!(log["version"], "2.1.0");
    let results = log["runs"][0]["results"].as_array().expect("results");
    assert!(!results.is_empty());
    assert!(results.iter().all(
        |r| r["locations"][0]["physicalLocation"]["region"]["startLine"]
            .as_u64()
            .is_some()
    ));
    // A broken document must fail validation, so the check above can fail.
    let mut broken = log.clone();
    broken["runs"][0]["results"][0]["level"] = serde_json::json!("fatal");
    assert!(!validator.is_valid(&broken));
}

#[test]
fn import_prints_json_and_reports_unmapped_sections() {
    let md = "# Post-Mortem: Queue backlog\n\n**Date:** 2023-03-02\n**Severity:** SEV3\n\n## 1. Summary\n\nThe billing queue backed up for two hours.\n\n## Vendor Escalation\n\nWe opened a case with the queue vendor.\n";
    let path = tmp("queue.md", md);
    let o = hindsight(&["import", path.to_str().expect("utf8")]);
    assert!(o.status.success());
    let r = hindsight_core::from_json(&String::from_utf8_lossy(&o.stdout)).expect("report JSON");
    assert_eq!(r.meta.title, "Queue backlog");
    assert_eq!(r.meta.severity, "SEV3");
    assert!(r.summary.summary.contains("billing queue"));
    assert!(r
        .extra_sections
        .iter()
        .any(|s| s.title == "Vendor Escalation"));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("Vendor Escalation"), "{err}");
}

#[test]
fn convert_accepts_markdown_and_changes_layout() {
    let o = hindsight(&["convert", &golden("003"), "--to", "md", "--template", "003"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let again = String::from_utf8_lossy(&o.stdout).to_string();
    let original = std::fs::read_to_string(golden("003")).expect("golden");
    assert_eq!(
        again, original,
        "export -> import -> export is byte-identical"
    );
    let o = hindsight(&["convert", &golden("003"), "--to", "md", "--template", "004"]);
    assert!(String::from_utf8_lossy(&o.stdout).contains("| **Severity** | P2 |"));
}

#[test]
fn broken_json_is_an_error_not_markdown() {
    let p = tmp("broken.json", "{\"meta\": ");
    let o = hindsight(&["lint", p.to_str().expect("utf8")]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("not valid JSON"));
}
