//! Browser tests for the app's wiring (headless Chromium via wasm-bindgen-test): typing
//! updates the report, saving and restoring, corrupt storage set aside, storage full, the
//! start and end pickers.
#![cfg(target_arch = "wasm32")]

use hindsight::app::storage::{CORRUPT_PREFIX, DOC_PREFIX, INDEX_KEY};
use hindsight::App;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

fn storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

async fn sleep(ms: i32) {
    let p = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(p).await.unwrap();
}

/// Mounts the app into a fresh container; dropping the handle unmounts it.
async fn mount() -> (
    web_sys::HtmlElement,
    leptos::mount::UnmountHandle<impl Mountable>,
) {
    let host: web_sys::HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&host).unwrap();
    let handle = leptos::mount::mount_to(host.clone(), || leptos::view! { <App /> });
    leptos::task::tick().await;
    (host, handle)
}

fn by_testid(host: &web_sys::HtmlElement, id: &str) -> Option<web_sys::HtmlElement> {
    host.query_selector(&format!("[data-testid=\"{id}\"]"))
        .unwrap()
        .map(|e| e.unchecked_into())
}

/// Lets Leptos finish an update made by a picker: `Ctx::change` bumps `epoch`, then the
/// text box's effect re-reads; effects run as tasks, so that takes more than one turn.
async fn settle() {
    for _ in 0..3 {
        leptos::task::tick().await;
    }
}

/// Clicks and lets Leptos render what the click opened. One tick is enough to type into
/// it: text boxes show their first value at once (`bind_value`), so no deferred write can
/// overwrite what is typed next.
async fn click(host: &web_sys::HtmlElement, id: &str) {
    by_testid(host, id)
        .unwrap_or_else(|| panic!("no element {id}"))
        .click();
    leptos::task::tick().await;
}

async fn type_into(host: &web_sys::HtmlElement, id: &str, text: &str) {
    let el = by_testid(host, id).unwrap_or_else(|| panic!("no element {id}"));
    let input: web_sys::HtmlInputElement = el.unchecked_into();
    input.set_value(text);
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    let ev = web_sys::Event::new_with_event_init_dict("input", &init).unwrap();
    input.dispatch_event(&ev).unwrap();
    leptos::task::tick().await;
}

/// Sets a picker or a select the way the browser does when the author picks: the value,
/// then `change`.
async fn pick(host: &web_sys::HtmlElement, id: &str, value: &str) {
    let el = by_testid(host, id).unwrap_or_else(|| panic!("no element {id}"));
    let input: web_sys::HtmlInputElement = el.unchecked_into();
    input.set_value(value);
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    let ev = web_sys::Event::new_with_event_init_dict("change", &init).unwrap();
    input.dispatch_event(&ev).unwrap();
    settle().await;
}

fn value_of(host: &web_sys::HtmlElement, id: &str) -> String {
    let el = by_testid(host, id).unwrap_or_else(|| panic!("no element {id}"));
    el.unchecked_into::<web_sys::HtmlInputElement>().value()
}

fn hindsight_keys() -> Vec<String> {
    let s = storage();
    (0..s.length().unwrap())
        .filter_map(|i| s.key(i).unwrap())
        .filter(|k| k.starts_with("hindsight."))
        .collect()
}

/// Empties localStorage and the durable copy (IndexedDB), so each case starts from nothing.
async fn clear() {
    storage().clear().unwrap();
    let p = js_sys::Promise::new(&mut |resolve, _| {
        hindsight::app::durable::forget_all(move || {
            let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
        });
    });
    wasm_bindgen_futures::JsFuture::from(p).await.unwrap();
}

#[wasm_bindgen_test]
async fn typing_updates_the_report_and_survives_a_remount() {
    clear().await;
    let (host, handle) = mount().await;
    click(&host, "new-000").await;
    type_into(&host, "field-meta.title", "Checkout outage").await;
    let heading = by_testid(&host, "doc-title")
        .unwrap()
        .text_content()
        .unwrap();
    assert_eq!(heading, "Checkout outage");
    assert_eq!(value_of(&host, "field-meta.title"), "Checkout outage");
    // The debounced save writes the core's JSON.
    sleep(700).await;
    let ids: Vec<String> = hindsight_keys()
        .into_iter()
        .filter(|k| k.starts_with(DOC_PREFIX))
        .collect();
    assert_eq!(ids.len(), 1, "{ids:?}");
    let raw = storage().get_item(&ids[0]).unwrap().unwrap();
    let saved = hindsight::app::storage::decode_report(&raw).unwrap();
    assert_eq!(saved.meta.title, "Checkout outage");
    assert!(storage().get_item(INDEX_KEY).unwrap().is_some());

    drop(handle);
    host.remove();
    let (host, handle) = mount().await;
    assert_eq!(value_of(&host, "field-meta.title"), "Checkout outage");
    drop(handle);
    host.remove();
}

#[wasm_bindgen_test]
async fn typing_updates_the_findings() {
    clear().await;
    let (host, handle) = mount().await;
    click(&host, "new-001").await;
    type_into(&host, "field-meta.incident_id", "[INC-XXXX]").await;
    // Validation runs once typing pauses; a new inline message waits out the typing
    // hold (`review::HOLD_MS`, 1.2 s).
    sleep(1500).await;
    leptos::task::tick().await;
    let marker = by_testid(&host, "marker-meta.incident_id").expect("inline marker shown");
    assert!(!marker.text_content().unwrap().is_empty());
    assert!(host
        .query_selector(
            "[data-testid=finding][data-rule=placeholder][data-location='meta.incident_id']"
        )
        .unwrap()
        .is_some());
    type_into(&host, "field-meta.incident_id", "INC-7").await;
    sleep(300).await;
    leptos::task::tick().await;
    assert!(by_testid(&host, "marker-meta.incident_id").is_none());
    drop(handle);
    host.remove();
}

#[wasm_bindgen_test]
async fn undo_and_redo_step_through_edits() {
    clear().await;
    let (host, handle) = mount().await;
    click(&host, "new-003").await;
    type_into(&host, "field-meta.title", "First").await;
    sleep(900).await; // a pause ends the typing burst: next edit is a new step
    type_into(&host, "field-meta.title", "Second").await;
    click(&host, "undo").await;
    assert_eq!(value_of(&host, "field-meta.title"), "First");
    click(&host, "redo").await;
    assert_eq!(value_of(&host, "field-meta.title"), "Second");
    drop(handle);
    host.remove();
}

#[wasm_bindgen_test]
async fn corrupt_storage_is_set_aside_and_reported() {
    clear().await;
    let s = storage();
    let bad = "{\"meta\": {\"title\": 42"; // truncated JSON
    s.set_item(&format!("{DOC_PREFIX}rbroken"), bad).unwrap();
    s.set_item(INDEX_KEY, "not an index").unwrap();
    let (host, handle) = mount().await;
    let banner = by_testid(&host, "storage-banner").expect("banner shown");
    assert!(banner.text_content().unwrap().contains("could not be read"));
    let aside: Vec<String> = hindsight_keys()
        .into_iter()
        .filter(|k| k.starts_with(CORRUPT_PREFIX))
        .collect();
    assert_eq!(aside.len(), 2, "{aside:?}");
    let kept = aside
        .iter()
        .find(|k| k.contains("rbroken"))
        .and_then(|k| s.get_item(k).unwrap());
    assert_eq!(kept.as_deref(), Some(bad));
    // The app still works: a new report can be created and edited.
    click(&host, "new-001").await;
    type_into(&host, "field-meta.title", "Still works").await;
    assert_eq!(value_of(&host, "field-meta.title"), "Still works");
    drop(handle);
    host.remove();
}

#[wasm_bindgen_test]
async fn full_storage_says_so_and_keeps_the_edit_in_memory() {
    clear().await;
    let (host, handle) = mount().await;
    click(&host, "new-002").await;
    // Fill the quota with filler until the browser refuses, the last of it in small
    // pieces, so that even a title within the field limit (100 KB) no longer fits.
    let s = storage();
    let mut n = 0;
    for size in [256 * 1024, 16 * 1024, 1024] {
        let chunk = "x".repeat(size);
        while s.set_item(&format!("filler.{n}"), &chunk).is_ok() {
            n += 1;
            assert!(n < 2000, "storage never filled up");
        }
    }
    let big = "y".repeat(90 * 1024);
    type_into(&host, "field-meta.title", &big).await;
    sleep(700).await;
    let banner = by_testid(&host, "storage-banner").expect("banner shown");
    assert!(
        banner.text_content().unwrap().contains("full"),
        "{:?}",
        banner.text_content()
    );
    assert_eq!(value_of(&host, "field-meta.title").len(), big.len());
    for i in 0..=n {
        s.remove_item(&format!("filler.{i}")).unwrap();
    }
    drop(handle);
    host.remove();
    clear().await;
}

#[wasm_bindgen_test]
async fn start_and_end_pickers_write_the_canonical_text_and_keep_unread_text() {
    clear().await;
    let (host, handle) = mount().await;
    click(&host, "new-003").await;
    pick(&host, "field-meta.start-picker", "2024-01-15T14:30").await;
    assert_eq!(value_of(&host, "field-meta.start"), "2024-01-15 14:30 UTC");
    pick(&host, "field-meta.start-zone", "CET").await;
    assert_eq!(value_of(&host, "field-meta.start"), "2024-01-15 14:30 CET");
    assert_eq!(value_of(&host, "field-meta.start-zone"), "CET");
    assert_eq!(
        value_of(&host, "field-meta.start-picker"),
        "2024-01-15T14:30"
    );

    // Text the picker cannot show is kept as typed, with a hint, until a value is picked.
    type_into(&host, "field-meta.end", "around lunch").await;
    assert_eq!(value_of(&host, "field-meta.end"), "around lunch");
    assert_eq!(value_of(&host, "field-meta.end-zone"), "as-typed");
    assert_eq!(value_of(&host, "field-meta.end-picker"), "");
    // The hint waits out the typing hold, so a half-typed time does not flash one.
    sleep(1500).await;
    leptos::task::tick().await;
    assert!(by_testid(&host, "field-meta.end-hint").is_some());
    pick(&host, "field-meta.end-zone", "JST").await;
    assert_eq!(value_of(&host, "field-meta.end"), "around lunch");
    pick(&host, "field-meta.end-picker", "2024-01-15T15:45").await;
    assert_eq!(value_of(&host, "field-meta.end"), "2024-01-15 15:45 JST");
    assert!(by_testid(&host, "field-meta.end-hint").is_none());

    // Timeline rows without a zone are read in the start's zone; the metrics follow.
    for (i, (time, event)) in [
        ("14:30", "First sign of impact: 503s on checkout"),
        ("15:45", "Incident declared resolved"),
    ]
    .into_iter()
    .enumerate()
    {
        click(&host, "add-timeline").await;
        type_into(&host, &format!("field-timeline[{i}].time"), time).await;
        type_into(&host, &format!("field-timeline[{i}].event"), event).await;
    }
    // Validation and metrics run once typing pauses; inline messages wait out the typing
    // hold (`review::HOLD_MS`, 1.2 s).
    sleep(1500).await;
    leptos::task::tick().await;
    let duration = by_testid(&host, "metric-duration")
        .and_then(|e| e.text_content())
        .unwrap_or_default();
    assert_eq!(
        duration,
        hindsight_core::time::format_duration(chrono::TimeDelta::minutes(75))
    );

    sleep(700).await; // the debounced save
    let id = hindsight_keys()
        .into_iter()
        .find(|k| k.starts_with(DOC_PREFIX))
        .expect("report saved");
    let saved =
        hindsight::app::storage::decode_report(&storage().get_item(&id).unwrap().unwrap()).unwrap();
    assert_eq!(saved.meta.start, "2024-01-15 14:30 CET");
    assert_eq!(saved.meta.end, "2024-01-15 15:45 JST");
    let ctx = hindsight_core::time::TimeContext::from_report(&saved);
    assert_eq!(ctx.offset, hindsight_core::time::parse_zone("CET").unwrap());
    drop(handle);
    host.remove();
}

#[wasm_bindgen_test]
async fn what_local_storage_lost_comes_back_from_the_durable_copy() {
    clear().await;
    let (host, handle) = mount().await;
    click(&host, "new-000").await;
    type_into(&host, "field-meta.title", "Written before the crash").await;
    // "Saved" waits for IndexedDB to say the write is on disk.
    let mut saved = false;
    for _ in 0..60 {
        sleep(50).await;
        if by_testid(&host, "save-state").and_then(|e| e.text_content()) == Some("Saved".into()) {
            saved = true;
            break;
        }
    }
    assert!(saved, "never said Saved");
    let id = hindsight_keys()
        .into_iter()
        .find_map(|k| k.strip_prefix(DOC_PREFIX).map(str::to_string))
        .unwrap();
    drop(handle);
    host.remove();
    // A browser crash loses localStorage's last writes: here, all of them.
    storage().clear().unwrap();
    let (host, handle) = mount().await;
    let mut back = false;
    for _ in 0..40 {
        sleep(50).await;
        if by_testid(&host, "field-meta.title").is_some() {
            back = true;
            break;
        }
    }
    assert!(back, "the report left open was not reopened");
    assert_eq!(
        value_of(&host, "field-meta.title"),
        "Written before the crash"
    );
    let raw = storage()
        .get_item(&format!("{DOC_PREFIX}{id}"))
        .unwrap()
        .unwrap();
    assert_eq!(
        hindsight::app::storage::decode_report(&raw)
            .unwrap()
            .meta
            .title,
        "Written before the crash"
    );
    drop(handle);
    host.remove();
}
