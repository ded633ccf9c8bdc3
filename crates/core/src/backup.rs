//! Backups: every report in a browser as one JSON file, and reading one back. The file is
//! `{"hindsight_backup": 1, "reports": [{"id", "edited_ms", "report": {…the report's
//! JSON…}}]}`; each report is read with `from_json`, so older schema versions migrate.
//! Reading is all or nothing: one damaged report refuses the whole file, saying which
//! one and why, so a restore never half-happens.

use crate::json::{from_json, JsonError};
use crate::model::Report;
use serde::{Deserialize, Serialize};

/// The backup format this version writes and reads.
pub const BACKUP_VERSION: u64 = 1;

/// One report in a backup, with the id and edit time the browser kept it under.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Saved {
    pub id: String,
    #[serde(default)]
    pub edited_ms: f64,
    pub report: Report,
}

#[derive(Serialize)]
struct Out<'a> {
    hindsight_backup: u64,
    reports: &'a [Saved],
}

/// Why a file is not a backup that can be restored.
#[derive(Debug, PartialEq, thiserror::Error)]
pub enum BackupError {
    /// Not JSON at all (or cut off).
    #[error("this file is not valid JSON (line {line}, column {column}): it may be cut off or not a backup")]
    NotJson { line: usize, column: usize },
    /// A single report's JSON: it is imported, not restored.
    #[error("this file is a single report, not a backup: import it instead")]
    OneReport,
    /// JSON that is neither a backup nor a report.
    #[error("this file is JSON but not a Hindsight backup (its top level is {0})")]
    NotABackup(&'static str),
    /// Written by a newer Hindsight.
    #[error(
        "this backup was written by a newer Hindsight (format {0}); update Hindsight to restore it"
    )]
    TooNew(u64),
    /// One report in it cannot be read.
    #[error("report {number} of {total} in this backup is damaged ({why}); nothing was restored")]
    Damaged {
        number: usize,
        total: usize,
        why: String,
    },
}

/// Writes a backup of `reports`, in the order given.
pub fn to_backup(reports: &[Saved]) -> String {
    let out = Out {
        hindsight_backup: BACKUP_VERSION,
        reports,
    };
    // Plain structs of strings and numbers cannot fail to serialise.
    let mut s = serde_json::to_string_pretty(&out).unwrap_or_default();
    s.push('\n');
    s
}

fn kind(v: &serde_json::Value) -> &'static str {
    match v {
        serde_json::Value::Null => "null",
        serde_json::Value::Bool(_) => "a true/false value",
        serde_json::Value::Number(_) => "a number",
        serde_json::Value::String(_) => "a string",
        serde_json::Value::Array(_) => "a list",
        serde_json::Value::Object(_) => "an object without \"hindsight_backup\"",
    }
}

/// Reads a backup: every report in it, or why none can be restored.
pub fn from_backup(text: &str) -> Result<Vec<Saved>, BackupError> {
    let text = crate::json::strip_bom(text);
    let value: serde_json::Value =
        serde_json::from_str(text).map_err(|e| BackupError::NotJson {
            line: e.line(),
            column: e.column(),
        })?;
    let Some(obj) = value.as_object() else {
        return Err(BackupError::NotABackup(kind(&value)));
    };
    let Some(version) = obj.get("hindsight_backup") else {
        if obj.contains_key("schema_version") || obj.contains_key("meta") {
            return Err(BackupError::OneReport);
        }
        return Err(BackupError::NotABackup(kind(&value)));
    };
    match version.as_u64() {
        Some(BACKUP_VERSION) => {}
        Some(v) if v > BACKUP_VERSION => return Err(BackupError::TooNew(v)),
        _ => {
            return Err(BackupError::NotABackup(
                "an object with an unknown backup format",
            ))
        }
    }
    let Some(list) = obj.get("reports").and_then(|r| r.as_array()) else {
        return Err(BackupError::NotABackup(
            "an object without a list of reports",
        ));
    };
    let total = list.len();
    let damaged = |number: usize, why: String| BackupError::Damaged { number, total, why };
    let mut out: Vec<Saved> = Vec::with_capacity(total);
    for (i, item) in list.iter().enumerate() {
        let number = i + 1;
        let id = item
            .get("id")
            .and_then(|v| v.as_str())
            .filter(|id| !id.trim().is_empty())
            .ok_or_else(|| damaged(number, "it has no id".to_string()))?;
        if out.iter().any(|s| s.id == id) {
            return Err(damaged(number, format!("its id {id} appears twice")));
        }
        let edited_ms = match item.get("edited_ms") {
            None => 0.0,
            Some(v) => v
                .as_f64()
                .ok_or_else(|| damaged(number, "its edit time is not a number".to_string()))?,
        };
        let report = item
            .get("report")
            .ok_or_else(|| damaged(number, "it holds no report".to_string()))?;
        let report = from_json(&report.to_string())
            .map_err(|e: JsonError| damaged(number, e.to_string()))?;
        out.push(Saved {
            id: id.to_string(),
            edited_ms,
            report,
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn saved(id: &str, title: &str) -> Saved {
        let mut report = Report::new("003");
        report.meta.title = title.to_string();
        Saved {
            id: id.to_string(),
            edited_ms: 1_700_000_000_000.0,
            report,
        }
    }

    #[test]
    fn a_backup_reads_back_exactly() {
        let all = vec![
            saved("ra", "Cache stampede"),
            saved("rb", "DNS outage — “quoted”"),
        ];
        let text = to_backup(&all);
        assert!(text.starts_with("{\n  \"hindsight_backup\": 1,"), "{text}");
        assert_eq!(from_backup(&text), Ok(all.clone()));
        assert_eq!(from_backup(&format!("\u{feff}{text}")), Ok(all));
        assert_eq!(from_backup(&to_backup(&[])), Ok(vec![]));
    }

    #[test]
    fn one_damaged_report_refuses_the_whole_file() {
        let text = to_backup(&[saved("ra", "One"), saved("rb", "Two")]);
        let broken = text.replacen("\"title\": \"Two\"", "\"title\": 42", 1);
        match from_backup(&broken) {
            Err(BackupError::Damaged {
                number: 2,
                total: 2,
                why,
            }) => {
                assert!(why.contains("title"), "{why}")
            }
            other => panic!("{other:?}"),
        }
        let twice = text.replace("\"rb\"", "\"ra\"");
        assert!(matches!(
            from_backup(&twice),
            Err(BackupError::Damaged { number: 2, .. })
        ));
        let no_id = text.replacen("\"id\": \"ra\"", "\"id\": \"\"", 1);
        assert!(matches!(
            from_backup(&no_id),
            Err(BackupError::Damaged { number: 1, .. })
        ));
    }

    #[test]
    fn what_is_not_a_backup_says_what_it_is() {
        let cut = to_backup(&[saved("ra", "One")]);
        assert!(matches!(
            from_backup(&cut[..cut.len() / 2]),
            Err(BackupError::NotJson { .. })
        ));
        let report = crate::to_json(&saved("ra", "One").report);
        assert_eq!(from_backup(&report), Err(BackupError::OneReport));
        assert_eq!(from_backup("[1,2]"), Err(BackupError::NotABackup("a list")));
        assert_eq!(from_backup("null"), Err(BackupError::NotABackup("null")));
        assert_eq!(
            from_backup("{\"hindsight_backup\": 9, \"reports\": []}"),
            Err(BackupError::TooNew(9))
        );
        let msg = from_backup(&cut[..10]).unwrap_err().to_string();
        assert!(msg.contains("not valid JSON"), "{msg}");
    }
}
