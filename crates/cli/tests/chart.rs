//! `hindsight chart`: the binary writes the core's SVG for a JSON or Markdown report, to
//! a file or standard output, and says which file it could not read.

use std::process::{Command, Output};

const RICH: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../core/tests/data/rich-report.json"
);
const FIXTURE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../core/tests/fixtures/000-clean-gitlab-db-deletion.md"
);

fn hindsight(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_hindsight"))
        .args(args)
        .output()
        .expect("run hindsight")
}

#[test]
fn chart_writes_the_cores_svg_to_a_file() {
    let dir = std::env::temp_dir().join(format!("hindsight-chart-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let out = dir.join("timeline.svg");
    let o = hindsight(&["chart", RICH, "-o", out.to_str().expect("utf8")]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let svg = std::fs::read_to_string(&out).expect("written");
    let report =
        hindsight_core::from_json(&std::fs::read_to_string(RICH).expect("read")).expect("fixture");
    assert_eq!(svg, hindsight_core::timeline_svg(&report));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn chart_reads_markdown_and_prints_to_stdout() {
    let o = hindsight(&["chart", FIXTURE]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let svg = String::from_utf8_lossy(&o.stdout);
    assert!(
        svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""),
        "{svg}"
    );
    assert!(svg.matches("<g class=\"row\"").count() >= 5, "{svg}");
}

#[test]
fn chart_names_a_missing_file() {
    let o = hindsight(&["chart", "no-such-report.json"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("no-such-report.json"));
}
