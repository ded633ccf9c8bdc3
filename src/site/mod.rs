//! The hosted site around the app: the notice that a new deploy is ready. The service
//! worker itself is Workbox's, generated at build time (`scripts/build-site.sh`), and
//! `site/boot.js` registers it; this side only shows the notice and, when the author
//! asks, saves and lets the waiting worker take over.

pub mod update_notice;
