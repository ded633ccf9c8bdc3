//! Files in and out of the browser: the core renders Markdown and JSON and reads them
//! back (`read_any`); this file names the exports, hands them to the browser as downloads
//! or to the clipboard, reads files the browser hands over, and words the import notes.

use super::library::file_stem;
use hindsight_core::{limits, to_json, to_markdown, MarkdownOptions, Read, Report};
use wasm_bindgen::JsCast;

/// A file ready to download.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Export {
    pub name: String,
    pub mime: &'static str,
    pub text: String,
}

/// The Markdown export, exactly as the CLI's `convert --to md` writes it (`mermaid`:
/// with the timeline as a Mermaid block, `--mermaid`).
pub fn markdown(report: &Report, template: &str, front_matter: bool, mermaid: bool) -> Export {
    let options = MarkdownOptions {
        template: Some(template.to_string()),
        front_matter,
        placeholders: false,
        mermaid,
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

/// What an import produced: the report and anything the author should know.
#[derive(Debug, Clone, PartialEq)]
pub struct Imported {
    pub report: Report,
    pub notes: Vec<String>,
}

/// Reads pasted or dropped text through the core: JSON or Markdown, whichever it is.
/// Text that is not a report is refused with the core's reason, and creates nothing.
/// Past the limits (`hindsight_core::limits`) it is refused before anything is created.
pub fn import(name: &str, text: &str) -> Result<Imported, String> {
    let format = hindsight_core::read::detect(Some(name), text);
    limits::check_text(text, format).map_err(|e| format!("{name}: {e}"))?;
    let read = hindsight_core::read_any(Some(name), text).map_err(|e| format!("{name}: {e}"))?;
    let imported = match read {
        Read::Json(report) => {
            limits::check_report(&report).map_err(|e| format!("{name}: {e}"))?;
            return Ok(Imported {
                report,
                notes: Vec::new(),
            });
        }
        Read::Markdown(imported) => imported,
    };
    let line = |l: Option<u32>| l.map(|l| format!(" (line {l})")).unwrap_or_default();
    let mut notes: Vec<String> = imported
        .warnings
        .iter()
        .map(|w| format!("{name}{}: {}", line(w.line), w.message))
        .collect();
    notes.extend(
        imported
            .unmapped
            .iter()
            .map(|u| format!("{name}{}: {}", line(u.line), u.note())),
    );
    let mut report = imported.report;
    if let Some(t) = imported.template {
        report.template = t;
    }
    limits::check_report(&report).map_err(|e| format!("{name}: {e}"))?;
    Ok(Imported { report, notes })
}

/// Reads a browser `File` as text.
pub async fn file_text(file: &web_sys::File) -> Result<String, String> {
    let promise = file.text();
    match wasm_bindgen_futures::JsFuture::from(promise).await {
        Ok(v) => v
            .as_string()
            .ok_or_else(|| "the file is not text".to_string()),
        Err(_) => Err("the browser could not read the file".to_string()),
    }
}

/// Reads a browser `File` as bytes (a zip is not text).
pub async fn file_bytes(file: &web_sys::File) -> Result<Vec<u8>, String> {
    match wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await {
        Ok(buffer) => Ok(js_sys::Uint8Array::new(&buffer).to_vec()),
        Err(_) => Err("the browser could not read the file".to_string()),
    }
}

/// Resolves once the browser has painted what was set before the call: a "Reading…"
/// note shows before the page works on a large file.
pub async fn after_paint() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let Some(window) = web_sys::window() else {
            let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
            return;
        };
        // The frame callback runs before the paint; a task posted from it runs after.
        let after = wasm_bindgen::closure::Closure::once_into_js(move || {
            if let Some(w) = web_sys::window() {
                let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
            }
        });
        let _ = window.request_animation_frame(after.unchecked_ref());
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Copies text to the clipboard; resolves to whether it worked.
pub async fn copy(text: String) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let promise = window.navigator().clipboard().write_text(&text);
    wasm_bindgen_futures::JsFuture::from(promise).await.is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_round_trips_through_the_core() {
        let r = crate::app::sample_report();
        let text = hindsight_core::to_json(&r);
        assert_eq!(import("x.json", &text).map(|i| i.report), Ok(r));
    }

    #[test]
    fn markdown_goes_through_the_core_importer() {
        let md = "# Post-Mortem: Cache stampede\n\n## Summary\n\nThe cache fell over.\n";
        let imported = import("notes.md", md).expect("markdown is read");
        assert_eq!(imported.report.meta.title, "Cache stampede");
    }

    #[test]
    fn bad_json_says_where() {
        let e = import("x.json", "{\"meta\": 3}").unwrap_err();
        assert!(e.contains("x.json"), "{e}");
    }

    #[test]
    fn past_the_limits_nothing_is_imported_and_the_note_says_what_would_be_kept() {
        let mut r = Report::new("003");
        r.timeline.entries = vec![Default::default(); 50_000];
        let compact = serde_json::to_string(&r).unwrap_or_default();
        let e = import("big.json", &compact).unwrap_err();
        assert!(
            e.starts_with("big.json: its timeline has 50,000 rows"),
            "{e}"
        );
        assert!(e.contains("only the first 10,000"), "{e}");
        let table = format!(
            "# Post-Mortem: x\n\n## Timeline\n\n| Time | Event |\n|---|---|\n{}",
            "| 1 | a |\n".repeat(40_000)
        );
        let e = import("notes.md", &table).unwrap_err();
        assert!(e.contains("40,006 lines"), "{e}");
    }

    #[test]
    fn a_pasted_json_with_a_bom_keeps_its_content() {
        let mut r = Report::new("000");
        r.meta.title = "Pasted from an editor".into();
        let text = format!("\u{feff}{}", hindsight_core::to_json(&r));
        assert_eq!(import("pasted text", &text).map(|i| i.report), Ok(r));
    }
}
