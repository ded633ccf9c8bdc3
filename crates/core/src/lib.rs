//! Hindsight core: the post-mortem report model, the five seed templates, Markdown and
//! JSON export and import, validation rules and incident metrics. Nothing here knows
//! about browsers; the web app and the CLI are thin shells over these functions.
#![forbid(unsafe_code)]

pub mod fields;
pub mod import;
pub mod json;
pub mod locate;
pub mod markdown;
pub mod metrics;
pub mod model;
pub mod placeholder;
pub mod policy;
pub mod severity;
pub mod sources;
pub mod summary;
pub mod templates;
pub mod time;
pub mod validate;

pub use json::{from_json, json_schema, to_json, JsonError};
pub use markdown::{render_html, to_markdown, MarkdownOptions};
pub use model::*;
pub use severity::{Scale, Severity};
