//! `hindsight actions`: the binary prints what the core exports for each `--to`, and
//! refuses GitHub links without a repository with a plain message.

use std::process::{Command, Output};

const RICH: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../core/tests/data/rich-report.json"
);

fn hindsight(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_hindsight"))
        .args(args)
        .output()
        .expect("run hindsight")
}

#[test]
fn every_format_matches_the_core() {
    use hindsight_core::actions::{export_actions, ActionsFormat, ActionsOptions};
    let report =
        hindsight_core::from_json(&std::fs::read_to_string(RICH).expect("read")).expect("fixture");
    let options = ActionsOptions {
        link: Some("https://docs.example.com/pm.html".to_string()),
        repo: Some("acme/checkout".to_string()),
        labels: vec!["sre".to_string()],
    };
    for (arg, format) in [
        ("jira-csv", ActionsFormat::JiraCsv),
        ("github", ActionsFormat::Github),
        ("markdown", ActionsFormat::Markdown),
        ("csv", ActionsFormat::Csv),
    ] {
        let o = hindsight(&[
            "actions",
            RICH,
            "--to",
            arg,
            "--link",
            "https://docs.example.com/pm.html",
            "--repo",
            "acme/checkout",
            "--label",
            "sre",
        ]);
        assert!(
            o.status.success(),
            "{arg}: {}",
            String::from_utf8_lossy(&o.stderr)
        );
        let want = export_actions(&report, format, &options).expect("export");
        assert_eq!(String::from_utf8_lossy(&o.stdout), want, "{arg}");
    }
}

#[test]
fn github_without_a_repository_says_so() {
    let o = hindsight(&["actions", RICH, "--to", "github"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&o.stderr).contains("need a repository"),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
}
