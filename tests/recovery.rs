//! Browser test of the recovery screen: a real panic in the app's wasm, after the hook
//! `main` installs, hides the app and offers the last saved copy of the open report. Its
//! own test binary, since the hook replaces the test harness's and the wasm is left
//! trapped.
#![cfg(target_arch = "wasm32")]

use hindsight::app::storage::{encode_report, Stamp, DOC_PREFIX, OPEN_KEY};
use hindsight::App;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

async fn sleep(ms: i32) {
    let p = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(p).await.unwrap();
}

#[wasm_bindgen_test]
async fn a_panic_shows_the_recovery_screen_with_the_last_saved_copy() {
    let window = web_sys::window().unwrap();
    let document = window.document().unwrap();
    let storage = window.local_storage().unwrap().unwrap();
    storage.clear().unwrap();
    let mut report = hindsight_core::Report::new("003");
    report.meta.title = "Saved just before the panic".into();
    let stamp = Stamp {
        rev: 3,
        tab: "t1".into(),
        ..Stamp::default()
    };
    storage
        .set_item(
            &format!("{DOC_PREFIX}rpanic"),
            &encode_report(&stamp, &report),
        )
        .unwrap();
    storage.set_item(OPEN_KEY, "rpanic").unwrap();

    hindsight::install_recovery();
    let host: web_sys::HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&host).unwrap();
    let _app = leptos::mount::mount_to(host.clone(), || leptos::view! { <App /> });
    leptos::task::tick().await;
    assert!(document
        .query_selector("[data-testid=recovery]")
        .unwrap()
        .is_none());

    // A real panic, from a task of its own as an event handler's would be: the hook runs,
    // then the wasm traps and the error reaches the page.
    let boom = Closure::once_into_js(|| {
        let rows: Vec<u8> = std::hint::black_box(Vec::new());
        let _ = rows[0];
    });
    window
        .set_timeout_with_callback_and_timeout_and_arguments_0(boom.unchecked_ref(), 0)
        .unwrap();
    sleep(100).await;

    let screen = document
        .query_selector("[data-testid=recovery]")
        .unwrap()
        .expect("no recovery screen after a panic");
    assert!(screen
        .text_content()
        .unwrap()
        .contains("Hindsight stopped working"));
    let app = document
        .query_selector("[data-testid=app]")
        .unwrap()
        .unwrap();
    assert!(app.has_attribute("hidden"), "the broken app is still shown");
    let link: web_sys::HtmlAnchorElement = document
        .query_selector("[data-testid=recovery-download]")
        .unwrap()
        .expect("no download of the last saved copy")
        .unchecked_into();
    assert_eq!(link.download(), "post-mortem-recovered.json");
    let response: web_sys::Response =
        wasm_bindgen_futures::JsFuture::from(window.fetch_with_str(&link.href()))
            .await
            .unwrap()
            .unchecked_into();
    let text = wasm_bindgen_futures::JsFuture::from(response.text().unwrap())
        .await
        .unwrap()
        .as_string()
        .unwrap();
    let saved = hindsight_core::from_json(&text).unwrap();
    assert_eq!(saved, report);
}
