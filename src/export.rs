//! Getting a report out of the browser: the core renders Markdown and JSON; this file
//! names the files and hands them to the browser as downloads or to the clipboard.

use crate::doc::file_stem;
use hindsight_core::{to_json, to_markdown, MarkdownOptions, Report};
use wasm_bindgen::JsCast;

/// A file ready to download.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Export {
    pub name: String,
    pub mime: &'static str,
    pub text: String,
}

/// The Markdown export, exactly as the CLI's `convert --to md` writes it.
pub fn markdown(report: &Report, template: &str, front_matter: bool) -> Export {
    let options = MarkdownOptions {
        template: Some(template.to_string()),
        front_matter,
        placeholders: false,
    };
    Export {
        name: format!("{}.md", file_stem(report)),
        mime: "text/markdown;charset=utf-8",
        text: to_markdown(report, &options),
    }
}

/// The JSON export (the core's format, which the CLI and import read back).
pub fn json(report: &Report) -> Export {
    Export {
        name: format!("{}.json", file_stem(report)),
        mime: "application/json;charset=utf-8",
        text: to_json(report),
    }
}

/// Starts a download of `export`. Returns false when the browser refused.
pub fn download(export: &Export) -> bool {
    let run = || -> Option<()> {
        let parts = js_sys::Array::of1(&export.text.clone().into());
        let opts = web_sys::BlobPropertyBag::new();
        opts.set_type(export.mime);
        let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts).ok()?;
        let url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
        let document = web_sys::window()?.document()?;
        let a: web_sys::HtmlAnchorElement = document.create_element("a").ok()?.dyn_into().ok()?;
        a.set_href(&url);
        a.set_download(&export.name);
        a.style().set_property("display", "none").ok()?;
        document.body()?.append_child(&a).ok()?;
        a.click();
        a.remove();
        // Revoking right away can cancel the download in some browsers; later is fine.
        let url2 = url.clone();
        leptos::prelude::set_timeout(
            move || {
                let _ = web_sys::Url::revoke_object_url(&url2);
            },
            std::time::Duration::from_secs(30),
        );
        Some(())
    };
    run().is_some()
}

/// Copies text to the clipboard; resolves to whether it worked.
pub async fn copy(text: String) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let promise = window.navigator().clipboard().write_text(&text);
    wasm_bindgen_futures::JsFuture::from(promise).await.is_ok()
}
