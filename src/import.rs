//! Bringing a report into the browser: the core reads JSON and Markdown; this file
//! decides which one a file or pasted text is and reads files the browser hands over.

use hindsight_core::import::parse_markdown;
use hindsight_core::{from_json, Report};

/// What an import produced: the report and anything the author should know.
#[derive(Debug, Clone, PartialEq)]
pub struct Imported {
    pub report: Report,
    pub notes: Vec<String>,
}

/// Reads pasted or dropped text: JSON when it is a JSON object, Markdown otherwise.
pub fn read(name: &str, text: &str) -> Result<Imported, String> {
    let looks_json =
        name.to_ascii_lowercase().ends_with(".json") || text.trim_start().starts_with('{');
    if looks_json {
        return from_json(text)
            .map(|report| Imported {
                report,
                notes: Vec::new(),
            })
            .map_err(|e| format!("{name}: {e}"));
    }
    let imported = parse_markdown(text);
    let line = |l: Option<u32>| l.map(|l| format!(" (line {l})")).unwrap_or_default();
    let mut notes: Vec<String> = imported
        .warnings
        .iter()
        .map(|w| format!("{name}{}: {}", line(w.line), w.message))
        .collect();
    notes.extend(imported.unmapped.iter().map(|u| {
        format!(
            "{name}{}: “{}” has no place in the template; it was kept as {}",
            line(u.line),
            u.title,
            u.kept_at
        )
    }));
    let mut report = imported.report;
    if let Some(t) = imported.template {
        report.template = t;
    }
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
    fn markdown_goes_through_the_core_importer() {
        let md = "# Post-Mortem: Cache stampede\n\n## Summary\n\nThe cache fell over.\n";
        let imported = read("notes.md", md).expect("markdown never fails");
        assert_eq!(imported.report.meta.title, "Cache stampede");
    }

    #[test]
    fn bad_json_says_where() {
        let e = read("x.json", "{\"meta\": 3}").unwrap_err();
        assert!(e.contains("x.json"), "{e}");
    }
}
