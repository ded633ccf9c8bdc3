//! Hindsight core: the post-mortem report model, the five seed templates, Markdown and
//! JSON export and import, validation rules and incident metrics; and the hand-off: the
//! timeline chart (SVG, Mermaid), action items for trackers, share links and a docs
//! repo's settings. Nothing here knows about browsers; the web app and the CLI are thin
//! shells over these functions.
#![forbid(unsafe_code)]

pub mod actions;
pub mod backup;
pub mod chart;
pub mod fields;
pub mod import;
pub mod json;
mod json_path;
pub mod level;
pub mod limits;
pub mod link_safety;
#[cfg(feature = "read")]
pub mod locate;
pub mod location;
pub mod markdown;
pub mod merge;
pub mod mermaid;
pub mod metrics;
pub mod model;
pub mod outline;
pub mod placeholder;
pub mod policy;
#[cfg(feature = "probe")]
pub mod probe;
pub mod propose;
pub mod read;
pub mod repo_config;
pub mod review;
pub mod search;
pub mod severity;
pub mod share;
pub mod sources;
#[cfg(feature = "store")]
pub mod store;
pub mod summary;
pub mod templates;
pub mod time;
pub mod validate;

pub use chart::timeline_svg;
pub use json::{from_json, json_schema, to_json, JsonError};
pub use level::Level;
pub use location::Location;
pub use markdown::{render_html, to_markdown, MarkdownOptions};
pub use merge::{merge, Merge};
pub use model::*;
pub use read::{read_any, Read, ReadError};
pub use review::{review, Review, Reviewer};
pub use severity::{Scale, Severity};
