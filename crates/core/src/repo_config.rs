//! A docs repo's Hindsight settings, `.hindsight.json` at the repo root: default
//! template, validation policy (inline, or a path to the same JSON `--policy` takes),
//! post-mortems folder, file name pattern, whether Markdown gets a Mermaid timeline, and
//! the repository and branch the app's "Propose in repo" opens.
//! Read strictly: every unknown key is an error that names it, so a typo never silently
//! falls back to a default. Finding the file is the shell's job (the CLI walks up from
//! the working directory; the app loads a dropped or hosted file); this reads its text.

use serde_json::{Map, Value};

use crate::policy::Policy;
use crate::templates;

/// The file name the CLI looks for.
pub const FILE_NAME: &str = ".hindsight.json";

/// Keys the file may have.
pub const KEYS: [&str; 7] = [
    "template",
    "policy",
    "folder",
    "file_name",
    "mermaid",
    "repo",
    "branch",
];

/// Placeholders a file name pattern may use.
pub const PATTERN_FIELDS: [&str; 4] = ["{date}", "{slug}", "{id}", "{template}"];

/// Where the policy comes from.
#[derive(Debug, Clone, PartialEq)]
pub enum PolicySource {
    /// Written in the config file itself.
    Inline(Box<Policy>),
    /// A policy file, relative to the config file's folder.
    File(String),
}

/// The settings, each `None` when the file leaves it to the default.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RepoConfig {
    /// Template id for new post-mortems.
    pub template: Option<String>,
    pub policy: Option<PolicySource>,
    /// Folder of the post-mortems, relative to the repo root.
    pub folder: Option<String>,
    /// File name pattern, e.g. `{date}-{slug}.md`.
    pub file_name: Option<String>,
    /// Add the timeline as a Mermaid block to Markdown exports.
    pub mermaid: Option<bool>,
    /// The docs repository's web URL (`https://github.com/owner/name`), for proposals.
    pub repo: Option<String>,
    /// The branch proposals start from.
    pub branch: Option<String>,
}

/// Why a config file was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ConfigError {
    /// Not JSON.
    #[error("not valid JSON: {0}")]
    Json(String),
    /// JSON, but not an object.
    #[error("the settings must be a JSON object ({{\"template\": \"003\", …}})")]
    NotAnObject,
    /// Keys the file may not have, all of them.
    #[error("unknown key{} {}; the keys are {}", if .0.len() == 1 { "" } else { "s" }, .0.iter().map(|k| format!("`{k}`")).collect::<Vec<_>>().join(", "), KEYS.join(", "))]
    UnknownKeys(Vec<String>),
    /// A key with a value of the wrong type.
    #[error("`{key}` must be {expected}")]
    WrongType { key: String, expected: &'static str },
    /// A template id that does not exist.
    #[error("`template`: unknown template `{0}`; use 000, 001, 002, 003 or 004")]
    UnknownTemplate(String),
    /// An inline policy that does not load.
    #[error("`policy`: {0}")]
    Policy(String),
    /// A file name pattern that cannot make a safe `.md` file name.
    #[error("`file_name`: {0}")]
    Pattern(String),
}

impl RepoConfig {
    /// Reads the file's text.
    pub fn from_json(text: &str) -> Result<RepoConfig, ConfigError> {
        let value: Value = serde_json::from_str(text.trim_start_matches('\u{feff}'))
            .map_err(|e| ConfigError::Json(e.to_string()))?;
        let Value::Object(map) = value else {
            return Err(ConfigError::NotAnObject);
        };
        let unknown: Vec<String> = map
            .keys()
            .filter(|k| !KEYS.contains(&k.as_str()))
            .cloned()
            .collect();
        if !unknown.is_empty() {
            return Err(ConfigError::UnknownKeys(unknown));
        }
        let template = string(&map, "template")?;
        if let Some(t) = &template {
            if templates::by_id(t).is_none() {
                return Err(ConfigError::UnknownTemplate(t.clone()));
            }
        }
        let policy = match map.get("policy") {
            None | Some(Value::Null) => None,
            Some(Value::String(path)) => Some(PolicySource::File(path.clone())),
            Some(v @ Value::Object(_)) => Some(PolicySource::Inline(Box::new(
                Policy::from_json(&v.to_string())
                    .map_err(|e| ConfigError::Policy(e.to_string()))?,
            ))),
            Some(_) => {
                return Err(ConfigError::WrongType {
                    key: "policy".to_string(),
                    expected: "a policy object or the path of a policy file",
                })
            }
        };
        let file_name = string(&map, "file_name")?;
        if let Some(p) = &file_name {
            check_pattern(p)?;
        }
        let mermaid = match map.get("mermaid") {
            None | Some(Value::Null) => None,
            Some(Value::Bool(b)) => Some(*b),
            Some(_) => {
                return Err(ConfigError::WrongType {
                    key: "mermaid".to_string(),
                    expected: "true or false",
                })
            }
        };
        Ok(RepoConfig {
            template,
            policy,
            folder: string(&map, "folder")?,
            file_name,
            mermaid,
            repo: string(&map, "repo")?,
            branch: string(&map, "branch")?,
        })
    }

    /// The file name for a report under the pattern (default `{date}-{slug}.md`): `{date}`
    /// is the incident date (`undated` when it has none), `{slug}` the title in lowercase
    /// words joined by `-`, `{id}` the incident id, `{template}` the template id.
    pub fn file_name_for(&self, report: &crate::model::Report) -> String {
        let pattern = self.file_name.as_deref().unwrap_or("{date}-{slug}.md");
        let date = crate::time::parse_date(&report.meta.date)
            .map(|d| d.format("%Y-%m-%d").to_string())
            .unwrap_or_else(|| "undated".to_string());
        let or = |s: String, d: &str| if s.is_empty() { d.to_string() } else { s };
        pattern
            .replace("{date}", &date)
            .replace("{slug}", &or(slug(&report.meta.title), "postmortem"))
            .replace("{id}", &or(slug(&report.meta.incident_id), "incident"))
            .replace("{template}", &report.template)
    }
}

fn string(map: &Map<String, Value>, key: &str) -> Result<Option<String>, ConfigError> {
    match map.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.trim().to_string())),
        Some(_) => Err(ConfigError::WrongType {
            key: key.to_string(),
            expected: "a string",
        }),
    }
}

/// A pattern must name a `.md` file in the folder, with only known placeholders.
fn check_pattern(p: &str) -> Result<(), ConfigError> {
    let bad = |m: &str| Err(ConfigError::Pattern(m.to_string()));
    if !p.ends_with(".md") {
        return bad("the pattern must end in .md");
    }
    if p.contains(['/', '\\']) || p.contains("..") {
        return bad("the pattern is a file name: no folders and no `..`");
    }
    let mut rest = p;
    while let Some(open) = rest.find('{') {
        let close = rest[open..].find('}').map(|c| open + c + 1);
        let Some(close) = close else {
            return bad("a `{` is not closed");
        };
        let field = &rest[open..close];
        if !PATTERN_FIELDS.contains(&field) {
            return Err(ConfigError::Pattern(format!(
                "unknown placeholder {field}; use {}",
                PATTERN_FIELDS.join(", ")
            )));
        }
        rest = &rest[close..];
    }
    Ok(())
}

/// Lowercase ASCII words of the text joined by `-` (other characters dropped), at most 60.
fn slug(s: &str) -> String {
    let words: Vec<String> = s
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_ascii_lowercase)
        .collect();
    let mut out = String::new();
    for w in words {
        if out.len() + w.len() + 1 > 60 {
            break;
        }
        if !out.is_empty() {
            out.push('-');
        }
        out.push_str(&w);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_full_config_reads() {
        let c = RepoConfig::from_json(
            r#"{"template": "003", "policy": "team-policy.json", "folder": "docs/postmortems",
                "file_name": "{date}-{id}-{slug}.md", "mermaid": true,
                "repo": "https://github.com/acme/docs", "branch": "main"}"#,
        )
        .expect("valid");
        assert_eq!(c.template.as_deref(), Some("003"));
        assert_eq!(
            c.policy,
            Some(PolicySource::File("team-policy.json".to_string()))
        );
        assert_eq!(c.folder.as_deref(), Some("docs/postmortems"));
        assert_eq!(c.mermaid, Some(true));
        assert_eq!(c.repo.as_deref(), Some("https://github.com/acme/docs"));
        assert_eq!(c.branch.as_deref(), Some("main"));
        assert_eq!(RepoConfig::from_json("{}"), Ok(RepoConfig::default()));
    }

    #[test]
    fn unknown_keys_are_all_named() {
        let e = RepoConfig::from_json(r#"{"template": "003", "templte": "x", "mermiad": false}"#)
            .expect_err("typos");
        assert_eq!(
            e,
            ConfigError::UnknownKeys(vec!["mermiad".to_string(), "templte".to_string()])
        );
        let msg = e.to_string();
        assert!(
            msg.contains("`templte`") && msg.contains("`mermiad`"),
            "{msg}"
        );
    }

    #[test]
    fn wrong_values_are_refused_with_the_key() {
        for (text, key) in [
            (r#"{"template": 3}"#, "template"),
            (r#"{"mermaid": "yes"}"#, "mermaid"),
            (r#"{"policy": 1}"#, "policy"),
        ] {
            let e = RepoConfig::from_json(text).expect_err(text);
            assert!(e.to_string().contains(key), "{e}");
        }
        assert!(matches!(
            RepoConfig::from_json(r#"{"template": "009"}"#),
            Err(ConfigError::UnknownTemplate(_))
        ));
        assert!(matches!(
            RepoConfig::from_json("[]"),
            Err(ConfigError::NotAnObject)
        ));
        assert!(matches!(
            RepoConfig::from_json("{"),
            Err(ConfigError::Json(_))
        ));
        assert!(matches!(
            RepoConfig::from_json(r#"{"policy": {"no_such_policy_key": 1}}"#),
            Err(ConfigError::Policy(_))
        ));
    }

    #[test]
    fn patterns_make_safe_markdown_file_names() {
        for bad in [
            "{date}.txt",
            "../{slug}.md",
            "a/{slug}.md",
            "{when}.md",
            "{slug.md",
        ] {
            assert!(
                matches!(
                    RepoConfig::from_json(&format!("{{\"file_name\": \"{bad}\"}}")),
                    Err(ConfigError::Pattern(_))
                ),
                "{bad}"
            );
        }
        let mut r = crate::model::Report::new("003");
        r.meta.title = "Checkout API: errors after pool change!".to_string();
        r.meta.date = "2024-01-15".to_string();
        r.meta.incident_id = "INC 117".to_string();
        assert_eq!(
            RepoConfig::default().file_name_for(&r),
            "2024-01-15-checkout-api-errors-after-pool-change.md"
        );
        let c = RepoConfig::from_json(r#"{"file_name": "{id}-{template}.md"}"#).expect("ok");
        assert_eq!(c.file_name_for(&r), "inc-117-003.md");
        assert_eq!(
            RepoConfig::default().file_name_for(&crate::model::Report::new("000")),
            "undated-postmortem.md"
        );
    }
}
