//! Tabs of this browser telling each other what they stored: this tab's id, the news
//! (a report saved at a revision, a report deleted), and the channel that carries it — a
//! `BroadcastChannel`, or the `storage` event where there is none. What a tab does with
//! the news is `sync.rs`'s.

use super::library::{new_id, Entry};
use super::storage::{self, Stamp, DOC_PREFIX};
use serde::{Deserialize, Serialize};
use std::cell::{OnceCell, RefCell};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

const CHANNEL_NAME: &str = "hindsight.v1.tabs";

/// What one tab tells the others.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum News {
    /// A report was stored at this revision; `entry` is what the library lists for it
    /// (missing when the news came from a `storage` event).
    Saved {
        id: String,
        stamp: Stamp,
        entry: Option<Box<Entry>>,
    },
    /// A report was deleted.
    Deleted { id: String },
}

thread_local! {
    static ME: OnceCell<String> = const { OnceCell::new() };
    static CHANNEL: RefCell<Option<web_sys::BroadcastChannel>> = const { RefCell::new(None) };
    static LISTENING: RefCell<Option<Listening>> = const { RefCell::new(None) };
}

/// This tab's id, made once per page load.
pub fn me() -> String {
    ME.with(|m| {
        m.get_or_init(|| {
            let id = new_id(js_sys::Date::now(), js_sys::Math::random());
            format!("t{}", id.trim_start_matches('r'))
        })
        .clone()
    })
}

/// Tells the other tabs (no-op when there is no channel: they hear the `storage` event).
pub fn tell(news: &News) {
    let Ok(text) = serde_json::to_string(news) else {
        return;
    };
    CHANNEL.with(|c| {
        if let Some(c) = c.borrow().as_ref() {
            let _ = c.post_message(&JsValue::from_str(&text));
        }
    });
}

/// What a `storage` event about one key means, when no channel carries the news.
fn news_of_storage_event(ev: &web_sys::StorageEvent) -> Option<News> {
    let key = ev.key()?;
    let id = key.strip_prefix(DOC_PREFIX)?.to_string();
    match ev.new_value() {
        None => Some(News::Deleted { id }),
        Some(raw) => {
            let (stamp, _) = storage::decode_stored(&raw)?;
            Some(News::Saved {
                id,
                stamp,
                entry: None,
            })
        }
    }
}

/// Listens for the other tabs until [`stop`].
pub fn listen(on_news: impl Fn(News) + 'static) {
    stop();
    let listening = if let Ok(channel) = web_sys::BroadcastChannel::new(CHANNEL_NAME) {
        let handler =
            Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
                let news = ev
                    .data()
                    .as_string()
                    .and_then(|t| serde_json::from_str::<News>(&t).ok());
                if let Some(news) = news {
                    on_news(news);
                }
            });
        channel.set_onmessage(Some(handler.as_ref().unchecked_ref()));
        CHANNEL.with(|c| *c.borrow_mut() = Some(channel));
        Listening::Channel { _handler: handler }
    } else {
        let handler =
            Closure::<dyn Fn(web_sys::StorageEvent)>::new(move |ev: web_sys::StorageEvent| {
                if let Some(news) = news_of_storage_event(&ev) {
                    on_news(news);
                }
            });
        if let Some(w) = web_sys::window() {
            let _ = w.add_event_listener_with_callback("storage", handler.as_ref().unchecked_ref());
        }
        Listening::Storage(handler)
    };
    LISTENING.with(|l| *l.borrow_mut() = Some(listening));
}

/// Stops listening (the app unmounts).
pub fn stop() {
    // Taken out first: dropping it touches CHANNEL, never LISTENING.
    let old = LISTENING.with(|l| l.borrow_mut().take());
    drop(old);
}

/// The listener; dropping it stops listening.
enum Listening {
    Channel {
        _handler: Closure<dyn Fn(web_sys::MessageEvent)>,
    },
    Storage(Closure<dyn Fn(web_sys::StorageEvent)>),
}

impl Drop for Listening {
    fn drop(&mut self) {
        match self {
            Listening::Channel { .. } => CHANNEL.with(|c| {
                if let Some(c) = c.borrow_mut().take() {
                    c.set_onmessage(None);
                    c.close();
                }
            }),
            Listening::Storage(h) => {
                if let Some(w) = web_sys::window() {
                    let _ = w
                        .remove_event_listener_with_callback("storage", h.as_ref().unchecked_ref());
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn news_round_trips_as_json() {
        let news = News::Saved {
            id: "r1".into(),
            stamp: Stamp {
                rev: 2,
                tab: "tx".into(),
                ..Stamp::default()
            },
            entry: None,
        };
        let text = serde_json::to_string(&news).unwrap_or_default();
        assert!(text.contains("\"kind\":\"saved\""), "{text}");
        assert_eq!(serde_json::from_str::<News>(&text).ok(), Some(news));
        let gone: News = serde_json::from_str(r#"{"kind":"deleted","id":"r9"}"#)
            .unwrap_or(News::Deleted { id: String::new() });
        assert_eq!(gone, News::Deleted { id: "r9".into() });
        let heard = r#"{"kind":"saved","id":"rm","stamp":{"rev":3,"tab":"tm"},"entry":{"id":"rm","edited_ms":1796169848663.0,"title":"Two tabs","severity":"","severity_level":null,"status":"","score":40}}"#;
        let parsed = serde_json::from_str::<News>(heard);
        assert!(parsed.is_ok(), "{parsed:?}");
    }
}
