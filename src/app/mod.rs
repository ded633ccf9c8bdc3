//! The app's state and its side effects, with no view code: the shared handles and the
//! operations on them (`state`), the library's entries (`library`), localStorage
//! (`storage`), the durable IndexedDB copy (`durable`) and putting back what a crash took
//! (`recover`), the browser's quota (`quota`), backups (`backup`), undo steps
//! (`history`), the live review (`review`), files in and out (`files`), and other tabs:
//! their messages (`tabs`), the revisions a copy was made from (`revisions`) and guarded
//! writes and conflicts (`sync`).

pub mod backup;
pub mod durable;
pub mod files;
pub mod history;
pub mod library;
pub mod quota;
mod recover;
pub mod review;
pub mod revisions;
pub mod state;
pub mod storage;
pub mod sync;
pub mod tabs;

pub use state::{now_ms, use_ctx, Ctx};

/// The report the app's unit tests store, export and import: template 003 with a title.
#[cfg(test)]
fn sample_report() -> hindsight_core::Report {
    let mut r = hindsight_core::Report::new("003");
    r.meta.title = "Cache stampede".into();
    r
}
