//! Hindsight core: the post-mortem report model, the five seed templates, Markdown and
//! JSON export and import, validation rules and incident metrics. Nothing here knows
//! about browsers; the web app and the CLI are thin shells over these functions.
#![forbid(unsafe_code)]

pub mod fields;
pub mod import;
pub mod json;
pub mod level;
pub mod locate;
pub mod location;
pub mod markdown;
pub mod metrics;
pub mod model;
pub mod placeholder;
pub mod policy;
pub mod read;
pub mod review;
pub mod severity;
#[cfg(feature = "store")]
pub mod store;
pub mod summary;
pub mod templates;
pub mod time;
pub mod validate;

pub use json::{from_json, json_schema, to_json, JsonError};
pub use level::Level;
pub use location::Location;
pub use markdown::{render_html, to_markdown, MarkdownOptions};
pub use model::*;
pub use read::{read_any, Read, ReadError};
pub use review::{review, Review};
pub use severity::{Scale, Severity};
