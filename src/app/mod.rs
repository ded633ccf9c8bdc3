//! The app's state and its side effects, with no view code: the shared handles and the
//! operations on them (`state`), the library's entries (`library`), localStorage
//! (`storage`), undo steps (`history`), the live review (`review`), and files in and out
//! (`files`).

pub mod files;
pub mod history;
pub mod library;
pub mod review;
pub mod state;
pub mod storage;
pub mod sync;
pub mod tabs;

pub use state::{now_ms, use_ctx, Ctx};
