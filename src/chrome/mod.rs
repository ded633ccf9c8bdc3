//! What frames every screen: the storage and import banners, the choice when another tab
//! changed the open report, the "deleted — Undo" toast, the page-wide drop zone, and the
//! recovery screen shown after a crash.

pub mod banner;
pub mod conflict;
pub mod drop_zone;
pub mod recovery;
pub mod undo_toast;
