//! The web page's timeline-source reader, run in a Web Worker (`site/sources-worker.js`
//! loads it and does the messaging): reads one file for a report through
//! `hindsight_core::sources::read_for` and answers in parts the page can take in without
//! blocking. Thin on purpose: the core owns the reading.

use hindsight_core::sources::{read_for, FileReading};
use wasm_bindgen::prelude::*;

/// Reads `bytes` for the report `report_json` (from `sources::reading_context`), with
/// `channel` picked in a Slack export; the answer as `FileReading::into_parts`.
#[wasm_bindgen]
pub fn read_source(bytes: &[u8], report_json: &str, channel: Option<String>) -> js_sys::Array {
    let reading = match hindsight_core::from_json(report_json) {
        Ok(report) => read_for(&report, bytes, channel.as_deref()),
        Err(e) => FileReading::failed(format!(
            "the report could not be handed to the reader ({e})"
        )),
    };
    reading
        .into_parts()
        .into_iter()
        .map(|part| JsValue::from_str(&part))
        .collect()
}

// The exports above are the worker's whole interface; there is nothing to start.
fn main() {}
