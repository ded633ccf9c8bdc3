//! JSON export and import of reports: a top-level `schema_version`, stable field names,
//! a JSON Schema generated from the types, a migration hook for older versions, and
//! errors that say where (line, column) and which field.

use crate::model::{Report, SCHEMA_VERSION};

/// Why a JSON document could not be read as a report.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum JsonError {
    /// Not JSON at all (or truncated).
    #[error("not valid JSON at line {line}, column {column}: {message}")]
    Syntax {
        line: usize,
        column: usize,
        message: String,
    },
    /// Valid JSON, but not a report: a field has the wrong type or an unknown name.
    #[error("field `{path}` (line {line}, column {column}): {message}")]
    Field {
        path: String,
        line: usize,
        column: usize,
        message: String,
    },
    /// Valid JSON whose top level is not an object.
    #[error("a Hindsight report is a JSON object; this document's top level is {0}")]
    NotAnObject(&'static str),
    /// Written by a newer Hindsight than this one.
    #[error("schema_version {found} is newer than this Hindsight understands ({supported}); update Hindsight to open it")]
    TooNew { found: u64, supported: u32 },
}

/// Serialises a report as pretty-printed JSON (stable field order, trailing newline).
pub fn to_json(report: &Report) -> String {
    // Serialising plain structs of strings and enums into a String cannot fail.
    let mut s = serde_json::to_string_pretty(report).unwrap_or_default();
    s.push('\n');
    s
}

/// The text without a leading byte-order mark.
pub fn strip_bom(text: &str) -> &str {
    text.strip_prefix('\u{feff}').unwrap_or(text)
}

/// Reads a report from JSON, migrating older schema versions.
pub fn from_json(text: &str) -> Result<Report, JsonError> {
    // Editors on Windows save JSON with a byte-order mark; serde_json refuses it.
    let text = strip_bom(text);
    // Fast path: a current report is read in one pass. Anything else (an older version,
    // a newer one, a mistake) is read again below, slowly, for a precise message.
    // (serde would also read a struct from a JSON array: only an object takes it.)
    if text.trim_start().starts_with('{') {
        if let Ok(report) = serde_json::from_str::<Report>(text) {
            if report.schema_version == SCHEMA_VERSION {
                return Ok(report);
            }
        }
    }
    let value: serde_json::Value = serde_json::from_str(text).map_err(|e| JsonError::Syntax {
        line: e.line(),
        column: e.column(),
        message: strip_position(&e.to_string()),
    })?;
    let obj = match &value {
        serde_json::Value::Object(o) => o,
        serde_json::Value::Array(_) => return Err(JsonError::NotAnObject("an array")),
        serde_json::Value::String(_) => return Err(JsonError::NotAnObject("a string")),
        serde_json::Value::Number(_) => return Err(JsonError::NotAnObject("a number")),
        serde_json::Value::Bool(_) => return Err(JsonError::NotAnObject("a boolean")),
        serde_json::Value::Null => return Err(JsonError::NotAnObject("null")),
    };
    let version = obj
        .get("schema_version")
        .and_then(serde_json::Value::as_u64)
        .unwrap_or(u64::from(SCHEMA_VERSION));
    if version > u64::from(SCHEMA_VERSION) {
        return Err(JsonError::TooNew {
            found: version,
            supported: SCHEMA_VERSION,
        });
    }
    if version == u64::from(SCHEMA_VERSION) {
        // Deserialise from the text itself so field errors keep their line and column.
        return read_fields(text);
    }
    // An older layout: migrated as a value, then read as text so a mistake still names
    // its field (the line and column are the migrated document's, so they are not given).
    let migrated = serde_json::to_string(&migrate(value, version)).unwrap_or_default();
    let mut report = read_fields(&migrated).map_err(|e| match e {
        JsonError::Field { path, message, .. } => JsonError::Field {
            path,
            line: 0,
            column: 0,
            message,
        },
        other => other,
    })?;
    report.schema_version = SCHEMA_VERSION;
    Ok(report)
}

/// Reads a report from JSON text known to be valid JSON; a data error names its field.
fn read_fields(text: &str) -> Result<Report, JsonError> {
    serde_json::from_str(text).map_err(|e| JsonError::Field {
        path: crate::json_path::path_at(text, e.line(), e.column()),
        line: e.line(),
        column: e.column(),
        message: strip_position(&e.to_string()),
    })
}

/// Brings a document written with an older `schema_version` up to the current layout.
/// Version 1 is the first; each later version adds one step here.
fn migrate(mut value: serde_json::Value, from: u64) -> serde_json::Value {
    // Version 0 was never written by a release; treat it as 1 without the field.
    if from < 1 {
        if let Some(o) = value.as_object_mut() {
            o.insert("schema_version".into(), serde_json::Value::from(1));
        }
    }
    value
}

/// The JSON Schema of a report, generated from the types.
pub fn json_schema() -> String {
    let schema = schemars::schema_for!(Report);
    let mut s = serde_json::to_string_pretty(&schema).unwrap_or_default();
    s.push('\n');
    s
}

fn strip_position(msg: &str) -> String {
    match msg.rfind(" at line ") {
        Some(i) => msg[..i].to_string(),
        None => msg.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_a_default_report() {
        let r = Report::new("003");
        assert_eq!(from_json(&to_json(&r)), Ok(r));
    }

    #[test]
    fn syntax_errors_say_where() {
        let e = from_json("{\n  \"meta\": {\n    \"title\": \"x\",\n  }\n}").unwrap_err();
        match e {
            JsonError::Syntax { line, .. } => assert_eq!(line, 4),
            other => panic!("expected a syntax error, got {other:?}"),
        }
    }

    #[test]
    fn field_errors_name_the_field() {
        let e =
            from_json("{\"schema_version\": 1, \"action_items\": [{\"owner\": 5}]}").unwrap_err();
        match e {
            JsonError::Field { path, line, .. } => {
                assert_eq!(path, "action_items[0].owner");
                assert_eq!(line, 1);
            }
            other => panic!("expected a field error, got {other:?}"),
        }
        let e = from_json("{\"meta\": {\"titel\": \"x\"}}").unwrap_err();
        assert!(
            matches!(e, JsonError::Field { ref path, .. } if path == "meta.titel" || path == "meta"),
            "{e:?}"
        );
    }

    #[test]
    fn rejects_non_objects_and_future_versions() {
        assert_eq!(from_json("[]"), Err(JsonError::NotAnObject("an array")));
        // serde reads a struct from an array of its fields; a report is never one.
        assert_eq!(
            from_json("\u{feff} [1, \"000\"]"),
            Err(JsonError::NotAnObject("an array"))
        );
        assert!(matches!(
            from_json("{\"schema_version\": 99}"),
            Err(JsonError::TooNew { found: 99, .. })
        ));
    }

    #[test]
    fn migrates_a_document_without_version() {
        let r = from_json("{\"schema_version\": 0, \"meta\": {\"title\": \"Old\"}}").unwrap();
        assert_eq!(r.schema_version, SCHEMA_VERSION);
        assert_eq!(r.meta.title, "Old");
    }
}
