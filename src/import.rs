//! Bringing a report into the browser: the core reads JSON and Markdown; this file
//! decides which one a file or pasted text is and reads files the browser hands over.

use hindsight_core::{from_json, Report};

/// What an import produced: the report and anything the author should know.
#[derive(Debug, Clone, PartialEq)]
pub struct Imported {
    pub report: Report,
    pub notes: Vec<String>,
}

/// Reads pasted or dropped text: JSON when it is a JSON object, Markdown otherwise.
pub fn read(name: &str, text: &str) -> Result<Imported, String> {
    let looks_json = name.to_ascii_lowercase().ends_with(".json") || text.trim_start().starts_with('{');
    if looks_json {
        return from_json(text)
            .map(|report| Imported {
                report,
                notes: Vec::new(),
            })
            .map_err(|e| format!("{name}: {e}"));
    }
    Err(format!(
        "{name}: Markdown import is not available in this build yet; import the .json export instead"
    ))
}

/// Reads a browser `File` as text.
pub async fn file_text(file: &web_sys::File) -> Result<String, String> {
    let promise = file.text();
    match wasm_bindgen_futures::JsFuture::from(promise).await {
        Ok(v) => v.as_string().ok_or_else(|| "the file is not text".to_string()),
        Err(_) => Err("the browser could not read the file".to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_round_trips_through_the_core() {
        let mut r = Report::new("003");
        r.meta.title = "Cache stampede".into();
        let text = hindsight_core::to_json(&r);
        assert_eq!(read("x.json", &text).map(|i| i.report), Ok(r));
    }

    #[test]
    fn bad_json_says_where() {
        let e = read("x.json", "{\"meta\": 3}").unwrap_err();
        assert!(e.contains("x.json"), "{e}");
    }
}
