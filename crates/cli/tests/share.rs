//! Share links checked against an independent implementation: a Python script (zlib raw
//! DEFLATE + base64url, nothing of ours) builds a link from a JSON export that the core
//! decodes, and decodes `hindsight share` output back to the exact JSON export.

use std::io::Write;
use std::process::{Command, Output, Stdio};

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

/// Runs a Python 3 program with `input` on stdin and returns its stdout.
fn python(program: &str, input: &str) -> String {
    let mut child = Command::new("python3")
        .args(["-c", program])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("python3 runs (Debian's python3 package)");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(input.as_bytes())
        .expect("write");
    let out = child.wait_with_output().expect("python3 finishes");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf8")
}

const ENCODE: &str = r##"
import base64, sys, zlib
data = sys.stdin.buffer.read()
c = zlib.compressobj(9, zlib.DEFLATED, -15)
raw = c.compress(data) + c.flush()
print("https://example.org/a/b/#r=" + base64.urlsafe_b64encode(raw).decode().rstrip("="))
"##;

const DECODE: &str = r##"
import base64, sys, zlib
link = sys.stdin.read().strip()
data = link.split("#r=", 1)[1]
raw = base64.urlsafe_b64decode(data + "=" * (-len(data) % 4))
sys.stdout.buffer.write(zlib.decompress(raw, -15))
"##;

fn json_export() -> (hindsight_core::Report, String) {
    let report =
        hindsight_core::from_json(&std::fs::read_to_string(RICH).expect("read")).expect("fixture");
    let json = hindsight_core::to_json(&report);
    (report, json)
}

#[test]
fn a_link_built_by_python_decodes_in_the_core() {
    let (report, json) = json_export();
    let link = python(ENCODE, &json);
    assert!(link.starts_with("https://example.org/a/b/#r="), "{link}");
    assert_eq!(
        hindsight_core::share::decode_fragment(link.trim()),
        Ok(report)
    );
}

#[test]
fn hindsight_share_output_decodes_in_python_to_the_json_export() {
    let (_, json) = json_export();
    let o = hindsight(&[
        "share",
        RICH,
        "--base",
        "https://example.org/tools/hindsight/",
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let link = String::from_utf8_lossy(&o.stdout).to_string();
    assert!(
        link.starts_with("https://example.org/tools/hindsight/#r="),
        "{link}"
    );
    assert_eq!(python(DECODE, &link), json);
    // The rich example report's link is well under the safe length: no warning.
    assert!(
        o.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
}

#[test]
fn share_without_base_prints_the_fragment() {
    let o = hindsight(&["share", RICH]);
    assert!(o.status.success());
    assert!(String::from_utf8_lossy(&o.stdout).starts_with("#r="));
}
