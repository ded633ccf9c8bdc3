//! Counters for the render benchmark (`e2e/bench/renders.js`), compiled only with the
//! `tracing` feature, never in the shipped build: Leptos then opens a tracing span each
//! time a component function runs, and this subscriber counts them by name; the core counts
//! whole-report clones. `window.__hindsightProbe.read()` returns both as JSON, `reset()`
//! zeroes them.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;
use tracing::span::{Attributes, Id, Record};
use tracing::{Event, Metadata, Subscriber};
use wasm_bindgen::prelude::*;

static SPANS: Mutex<BTreeMap<&'static str, usize>> = Mutex::new(BTreeMap::new());

struct Counter {
    next: AtomicU64,
}

impl Subscriber for Counter {
    fn enabled(&self, metadata: &Metadata<'_>) -> bool {
        metadata.is_span()
    }

    fn new_span(&self, span: &Attributes<'_>) -> Id {
        if let Ok(mut spans) = SPANS.lock() {
            *spans.entry(span.metadata().name()).or_default() += 1;
        }
        Id::from_u64(self.next.fetch_add(1, Ordering::Relaxed) + 1)
    }

    fn record(&self, _: &Id, _: &Record<'_>) {}
    fn record_follows_from(&self, _: &Id, _: &Id) {}
    fn event(&self, _: &Event<'_>) {}
    fn enter(&self, _: &Id) {}
    fn exit(&self, _: &Id) {}
}

/// Installs the counter and `window.__hindsightProbe`.
pub fn install() {
    let _ = tracing::subscriber::set_global_default(Counter {
        next: AtomicU64::new(0),
    });
    let read = Closure::<dyn Fn() -> String>::new(|| {
        let spans = SPANS.lock().map(|s| s.clone()).unwrap_or_default();
        serde_json::json!({
            "report_clones": hindsight_core::probe::report_clones(),
            "spans": spans,
        })
        .to_string()
    });
    let reset = Closure::<dyn Fn()>::new(|| {
        if let Ok(mut spans) = SPANS.lock() {
            spans.clear();
        }
        hindsight_core::probe::reset();
    });
    let probe = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&probe, &"read".into(), read.as_ref());
    let _ = js_sys::Reflect::set(&probe, &"reset".into(), reset.as_ref());
    read.forget();
    reset.forget();
    if let Some(window) = web_sys::window() {
        let _ = js_sys::Reflect::set(&window, &"__hindsightProbe".into(), &probe);
    }
}
