//! JSON export → import is the identity over arbitrary reports, and the checked-in JSON
//! Schema matches the one generated from the types.

mod common;

use hindsight_core::{from_json, json_schema, to_json};
use proptest::prelude::*;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn json_export_then_import_is_identity(r in common::report(common::Flavour::Any)) {
        let text = to_json(&r);
        prop_assert_eq!(from_json(&text), Ok(r));
    }
}

#[test]
fn rich_report_round_trips() {
    let r = common::rich_report();
    assert_eq!(from_json(&to_json(&r)), Ok(r));
}

#[test]
fn checked_in_schema_is_current() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../docs/report.schema.json");
    let generated = json_schema();
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(path, &generated).expect("write schema");
    }
    let on_disk = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        on_disk == generated,
        "docs/report.schema.json is stale: run `UPDATE_GOLDEN=1 cargo test -p hindsight-core --test json_roundtrip`"
    );
}

#[test]
fn schema_describes_the_top_level_fields() {
    let schema: serde_json::Value = serde_json::from_str(&json_schema()).expect("schema is JSON");
    let props = schema["properties"].as_object().expect("properties");
    for key in [
        "schema_version",
        "template",
        "meta",
        "timeline",
        "action_items",
        "extra_sections",
    ] {
        assert!(props.contains_key(key), "schema lacks {key}");
    }
}
