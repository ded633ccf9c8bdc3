//! `.hindsight.json`: found at the repo root from a subfolder, `new` takes its template,
//! `lint` its policy and post-mortems folder, and a file with unknown keys is refused
//! with every unknown key named.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn hindsight_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_hindsight"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("run hindsight")
}

/// A fresh repo: `.git/`, `docs/postmortems/` and a deeper working folder.
fn repo(name: &str, config: &str) -> (PathBuf, PathBuf) {
    let root = std::env::temp_dir().join(format!("hindsight-config-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    let deep = root.join("docs/postmortems/2024");
    std::fs::create_dir_all(root.join(".git")).expect("git dir");
    std::fs::create_dir_all(&deep).expect("folders");
    std::fs::write(root.join(".hindsight.json"), config).expect("config");
    (root, deep)
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).to_string()
}

#[test]
fn new_takes_the_template_from_the_repo_root_config() {
    let (root, deep) = repo("new", r#"{"template": "003"}"#);
    let o = hindsight_in(&deep, &["new"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let want = hindsight_core::to_markdown(
        &hindsight_core::Report::new("003"),
        &hindsight_core::MarkdownOptions {
            template: Some("003".into()),
            front_matter: false,
            placeholders: true,
            mermaid: false,
        },
    );
    assert_eq!(String::from_utf8_lossy(&o.stdout), want);
    // A flag still wins.
    let o = hindsight_in(&deep, &["new", "--template", "001"]);
    assert!(String::from_utf8_lossy(&o.stdout).starts_with("# "));
    assert_ne!(String::from_utf8_lossy(&o.stdout), want);
    let _ = std::fs::remove_dir_all(root);
}

#[test]
fn lint_takes_the_folder_and_policy_from_the_config() {
    let (root, deep) = repo(
        "lint",
        r#"{"folder": "docs/postmortems", "policy": "policy/team.json"}"#,
    );
    std::fs::create_dir_all(root.join("policy")).expect("policy dir");
    std::fs::write(
        root.join("policy/team.json"),
        r#"{"rules": {"placeholder": "off"}}"#,
    )
    .expect("policy");
    let blank = hindsight_in(&deep, &["new", "--template", "000"]);
    std::fs::write(root.join("docs/postmortems/a.md"), &blank.stdout).expect("a.md");
    std::fs::write(root.join("docs/postmortems/b.md"), &blank.stdout).expect("b.md");
    std::fs::write(root.join("docs/postmortems/notes.txt"), "not a post-mortem").expect("txt");
    let o = hindsight_in(&deep, &["lint", "--format", "json"]);
    let v: serde_json::Value =
        serde_json::from_slice(&o.stdout).unwrap_or_else(|_| panic!("{}", stderr(&o)));
    let files = v["files"].as_array().expect("files");
    let paths: Vec<&str> = files.iter().filter_map(|f| f["path"].as_str()).collect();
    assert_eq!(paths.len(), 2, "{paths:?}");
    assert!(
        paths[0].ends_with("a.md") && paths[1].ends_with("b.md"),
        "{paths:?}"
    );
    for f in files {
        let placeholder = f["findings"]
            .as_array()
            .expect("findings")
            .iter()
            .filter(|x| x["rule"] == "placeholder")
            .count();
        assert_eq!(placeholder, 0, "the config's policy turns placeholder off");
    }
    let _ = std::fs::remove_dir_all(root);
}

#[test]
fn unknown_keys_are_an_error_that_names_them() {
    let (root, deep) = repo(
        "unknown",
        r#"{"template": "003", "templat": "x", "colour": 1}"#,
    );
    for args in [&["new"][..], &["lint", "x.md"][..]] {
        let o = hindsight_in(&deep, args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        let e = stderr(&o);
        assert!(e.contains(".hindsight.json"), "{e}");
        assert!(e.contains("`templat`") && e.contains("`colour`"), "{e}");
    }
    let _ = std::fs::remove_dir_all(root);
}

#[test]
fn the_search_stops_at_the_repository_root() {
    let (root, _) = repo("stop", r#"{"template": "003"}"#);
    // A nested repository without a config: the outer config is not used.
    let inner = root.join("vendor/other");
    std::fs::create_dir_all(inner.join(".git")).expect("inner repo");
    let o = hindsight_in(&inner, &["new"]);
    let want = hindsight_in(&inner, &["new", "--template", "000"]);
    assert_eq!(o.stdout, want.stdout);
    let o = hindsight_in(&inner, &["lint"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("no files to lint"), "{}", stderr(&o));
    let _ = std::fs::remove_dir_all(root);
}

#[test]
fn convert_adds_the_mermaid_block_from_the_flag_or_the_config() {
    let (root, deep) = repo("mermaid", r#"{"mermaid": true}"#);
    let mut report = hindsight_core::Report::new("003");
    report.timeline.entries.push(hindsight_core::TimelineEntry {
        time: "10:00".into(),
        event: "Paged".into(),
        ..Default::default()
    });
    std::fs::write(deep.join("r.json"), hindsight_core::to_json(&report)).expect("report");
    let on = hindsight_in(&deep, &["convert", "r.json", "--to", "md"]);
    assert!(on.status.success(), "{}", stderr(&on));
    assert!(String::from_utf8_lossy(&on.stdout).contains("```mermaid\ntimeline\n"));
    let off = hindsight_in(&deep, &["convert", "r.json", "--to", "md", "--no-mermaid"]);
    assert!(!String::from_utf8_lossy(&off.stdout).contains("```mermaid"));
    std::fs::write(root.join(".hindsight.json"), "{}").expect("config");
    let flag = hindsight_in(&deep, &["convert", "r.json", "--to", "md", "--mermaid"]);
    assert!(String::from_utf8_lossy(&flag.stdout).contains("```mermaid\ntimeline\n"));
    let plain = hindsight_in(&deep, &["convert", "r.json", "--to", "md"]);
    assert!(!String::from_utf8_lossy(&plain.stdout).contains("```mermaid"));
    let _ = std::fs::remove_dir_all(root);
}
