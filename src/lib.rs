//! Hindsight web app (placeholder until the editor lands).
