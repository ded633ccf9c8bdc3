//! What frames every screen: the storage and import banners, the "deleted — Undo" toast,
//! and the page-wide drop zone.

pub mod banner;
pub mod drop_zone;
pub mod undo_toast;
