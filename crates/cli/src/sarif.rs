//! SARIF 2.1.0 output for `hindsight lint --format sarif`, the format GitHub code
//! scanning reads to show findings inline on the Markdown files of a pull request.

use serde_json::{json, Value};

use crate::lint::FileResult;
use hindsight_core::validate::{Level, RULES};

const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

fn level(l: Level) -> &'static str {
    match l {
        Level::Error => "error",
        Level::Warning => "warning",
        Level::Info => "note",
    }
}

/// The whole SARIF log: one run, every rule described, one result per finding.
pub fn sarif(results: &[FileResult]) -> String {
    let rules: Vec<Value> = RULES
        .iter()
        .map(|r| {
            json!({
                "id": r.id,
                "name": r.id,
                "shortDescription": { "text": r.doc },
                "defaultConfiguration": { "level": level(r.level) }
            })
        })
        .collect();
    let mut out_results = Vec::new();
    for file in results {
        for f in &file.findings {
            let mut message = f.message.clone();
            if let Some(fix) = &f.fix {
                message.push_str(" Fix: ");
                message.push_str(fix);
            }
            let rule_index = RULES.iter().position(|r| r.id == f.rule);
            let mut result = json!({
                "ruleId": f.rule,
                "level": level(f.level),
                "message": { "text": message },
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": { "uri": uri(&file.path) },
                        "region": { "startLine": f.line.unwrap_or(1) }
                    },
                    "logicalLocations": [{ "fullyQualifiedName": f.location, "kind": "member" }]
                }]
            });
            if let (Some(i), Some(obj)) = (rule_index, result.as_object_mut()) {
                obj.insert("ruleIndex".into(), json!(i));
            }
            out_results.push(result);
        }
    }
    let log = json!({
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": "hindsight",
                    "version": env!("CARGO_PKG_VERSION"),
                    "rules": rules
                }
            },
            "results": out_results,
            "columnKind": "unicodeCodePoints"
        }]
    });
    let mut s = serde_json::to_string_pretty(&log).unwrap_or_default();
    s.push('\n');
    s
}

/// A relative path as a URI reference: forward slashes, spaces and the like escaped.
fn uri(path: &str) -> String {
    let p = path.replace('\\', "/");
    let p = p.strip_prefix("./").unwrap_or(&p);
    let mut out = String::new();
    for b in p.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                out.push(char::from(b))
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::uri;

    #[test]
    fn paths_become_uri_references() {
        assert_eq!(uri("./docs/post mortems/a.md"), "docs/post%20mortems/a.md");
        assert_eq!(uri("dir\\x.md"), "dir/x.md");
    }
}
